"""Stage 1 of `medrails guard train` when `encoder_tune.enabled`: fine-tune the guard's MiniLM
encoder on our labelled prompts with a low-rank adapter (LoRA), so that stage 2 (the logistic
head, unchanged) reads embeddings shaped by our classes.

Training wraps peft (LoraConfig + get_peft_model on the attention and FFN Linears of the chosen
layers: ~1.3 MB at r=8 over all 6 layers); the trained lora_A/lora_B weights are exported to our own
file (medrails-lora-v1: A and B per module, the scale, a sha256 header). Serving reads that file and
merges it into a copy of the base weights itself (W + scale * B @ A), then quantizes to int8 exactly
as the frozen encoder is, so serving latency does not change and the merge needs no peft (tested
equal to peft's merge_and_unload). `embed()` (knowledge base, grounding) keeps the untouched base
model: only the classifier encoder is adapted.

Determinism: one seed drives the adapter init, BERT's dropout, the head init and the batch order; on
the same machine, torch build and thread count the run is bit-for-bit repeatable (torch CPU kernels
are deterministic for a fixed thread count). Adapters are byte-identical to those of the hand-written
LoRA this module used before peft (same init stream, same arithmetic)."""

from __future__ import annotations

import hashlib
import json
import math
import random
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import numpy as np
from pydantic import Field

from medrails.config.loader import StrictModel
from medrails.errors import MedrailsError

ADAPTER_FILE = "guard_encoder_adapter.npz"
# the Linears of one BERT layer that get an adapter (names inside encoder.layer.N)
TARGETS = ("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
           "intermediate.dense", "output.dense")
FORMAT = "medrails-lora-v1"


class EncoderTuneConfig(StrictModel):
    enabled: bool = Field(default=False, description="Fine-tune the classifier encoder (LoRA) before fitting the head; "
                          "off: the head reads the frozen MiniLM encoder")
    rank: int = Field(default=8, ge=1, le=64, description="LoRA rank r of each adapted Linear")
    alpha: float = Field(default=16.0, gt=0, description="LoRA scale numerator: the update is (alpha / rank) * B @ A")
    layers: list[Annotated[int, Field(ge=0, le=5)]] = Field(default_factory=lambda: [0, 1, 2, 3, 4, 5], min_length=1,
                                                             description="Encoder layers (0-5) that get adapters")
    epochs: float = Field(default=2.0, gt=0, le=20, description="Passes over the training prompts (fractions allowed)")
    batch_size: int = Field(default=32, ge=1, le=512, description="Prompts per step (length-bucketed, padded per batch)")
    lr: float = Field(default=5e-4, gt=0, description="AdamW learning rate of the adapters (linear warmup, linear decay)")
    head_lr: float = Field(default=5e-3, gt=0, description="AdamW learning rate of the temporary classification layer")
    max_length: int = Field(default=128, ge=8, le=256, description="Token truncation during the fine-tune only")
    threads: int = Field(default=2, ge=1, le=64, description="torch threads for the fine-tune")
    max_steps: int = Field(default=0, ge=0, description="Stop after this many steps (0: no limit; for tests)")


# -- LoRA (training: peft) -----------------------------------------------------------------------------
def _adapted_names(cfg: EncoderTuneConfig) -> list[str]:
    return [f"encoder.layer.{i}.{t}" for i in cfg.layers for t in TARGETS]


def _get(module, dotted: str):
    for part in dotted.split("."):
        module = getattr(module, part)
    return module


def _lora_model(base, cfg: EncoderTuneConfig, gen):
    """`base` (a BertModel, modified in place) wrapped by peft with a LoRA adapter on TARGETS of
    cfg.layers; returns (peft model, {module name: peft LoRA Linear}) in `_adapted_names` order."""
    import torch
    from peft import LoraConfig, get_peft_model

    config = LoraConfig(r=cfg.rank, lora_alpha=cfg.alpha, lora_dropout=0.0, bias="none", target_modules=list(TARGETS),
                        layers_to_transform=list(cfg.layers), layers_pattern="layer")
    # peft draws A from torch's global RNG, which also drives BERT's dropout during training: fork it,
    # so the dropout stream depends on the seed alone, and redraw A below from the seeded generator
    with torch.random.fork_rng(devices=[]), warnings.catch_warnings():
        # transformers 5 deprecates the gradient-checkpointing query peft makes here: noise for our users
        warnings.simplefilter("ignore", FutureWarning)
        model = get_peft_model(base, config)
    inner = model.get_base_model()
    names = _adapted_names(cfg)
    found = sorted(n for n, m in inner.named_modules() if hasattr(m, "lora_A") and "default" in m.lora_A)
    if found != sorted(names):  # a peft matching change must not silently adapt other Linears (or fewer)
        raise MedrailsError(f"encoder fine-tune: peft adapted {found}, expected {sorted(names)}")
    modules = {name: inner.get_submodule(name) for name in names}
    with torch.no_grad():
        for module in modules.values():
            a = module.lora_A["default"].weight
            bound = 1 / math.sqrt(a.shape[1])  # kaiming-uniform(a=sqrt 5) as peft's own init, from our generator
            a.uniform_(-bound, bound, generator=gen)
            module.lora_B["default"].weight.zero_()  # B = 0: training starts from the base encoder
    return model, modules


def export_adapter(modules: dict, cfg: EncoderTuneConfig, meta: dict) -> dict:
    """The medrails-lora-v1 adapter (A: r x in, B: out x r per module) from peft's LoRA Linears."""
    tensors = {}
    for name, module in modules.items():
        # the file records one scale, alpha / rank; peft options that change it (rslora, per-module alphas)
        # would make our merge differ from the model that was trained
        if not math.isclose(float(module.scaling["default"]), cfg.alpha / cfg.rank):
            raise MedrailsError(f"encoder fine-tune: peft scaling {module.scaling['default']} at {name} is not "
                                f"alpha / rank = {cfg.alpha / cfg.rank}")
        tensors[f"{name}.A"] = module.lora_A["default"].weight.detach().cpu().numpy().astype(np.float32)
        tensors[f"{name}.B"] = module.lora_B["default"].weight.detach().cpu().numpy().astype(np.float32)
    meta = dict(meta, format=FORMAT, rank=cfg.rank, alpha=cfg.alpha, scale=cfg.alpha / cfg.rank,
                layers=list(cfg.layers), targets=list(TARGETS))
    return {"tensors": tensors, "meta": meta}


def fine_tune(texts: list[str], labels: list[str], weights: np.ndarray, cfg: EncoderTuneConfig, seed: int,
              progress: Callable[[int, int, float], None] | None = None) -> dict:
    """Train LoRA adapters (+ a temporary linear layer over `labels`) with class-weighted cross
    entropy on the mean-pooled, normalized output; returns the adapter (see `save_adapter`)."""
    return tune(texts, labels, weights, cfg, seed, progress)[1]


def tune(texts: list[str], labels: list[str], weights: np.ndarray, cfg: EncoderTuneConfig, seed: int,
         progress: Callable[[int, int, float], None] | None = None):
    """`fine_tune`, returning (the trained peft model, its exported adapter)."""
    import copy

    import torch

    from medrails.guard.embeddings import _load

    if len(texts) != len(labels) or len(texts) != len(weights):
        raise MedrailsError("encoder fine-tune: texts, labels and weights differ in length")
    previous_threads = torch.get_num_threads()
    torch.set_num_threads(cfg.threads)
    try:
        torch.manual_seed(seed)
        gen = torch.Generator().manual_seed(seed)
        st = _load()
        tokenizer = st.tokenizer
        model, modules = _lora_model(copy.deepcopy(st[0].auto_model).float(), cfg, gen)
        model.train()  # BERT's own dropout stays on, as in any fine-tune (seeded above)
        classes = sorted(set(labels))
        y = torch.tensor([classes.index(c) for c in labels])
        w = torch.tensor(np.asarray(weights, dtype=np.float64) / np.mean(weights), dtype=torch.float32)
        head = torch.nn.Linear(model.config.hidden_size, len(classes))
        with torch.no_grad():  # seeded head init independent of torch's global RNG use elsewhere
            head.weight.uniform_(-0.05, 0.05, generator=gen)
            head.bias.zero_()
        lora_params = [p for m in modules.values() for p in (m.lora_A["default"].weight, m.lora_B["default"].weight)]
        if sum(p.numel() for p in model.parameters() if p.requires_grad) != sum(p.numel() for p in lora_params):
            raise MedrailsError("encoder fine-tune: peft left parameters other than the adapters trainable")
        opt = torch.optim.AdamW([{"params": lora_params, "lr": cfg.lr}, {"params": head.parameters(), "lr": cfg.head_lr}],
                                weight_decay=0.0)
        ids = [tokenizer(t, truncation=True, max_length=cfg.max_length)["input_ids"] for t in texts]
        rng = random.Random(seed)
        per_epoch = math.ceil(len(texts) / cfg.batch_size)
        total = max(1, math.ceil(per_epoch * cfg.epochs))
        if cfg.max_steps:
            total = min(total, cfg.max_steps)
        warmup = max(1, total // 16)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min((s + 1) / warmup, max(0.0, (total - s) / max(1, total - warmup))))
        pad = tokenizer.pad_token_id
        step = 0
        while step < total:
            for batch in _length_batches(ids, cfg.batch_size, rng):
                if step >= total:
                    break
                width = max(len(ids[i]) for i in batch)
                input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for row, i in enumerate(batch):
                    input_ids[row, :len(ids[i])] = torch.tensor(ids[i])
                    mask[row, :len(ids[i])] = 1
                hidden = model(input_ids=input_ids, attention_mask=mask).last_hidden_state
                m = mask.unsqueeze(-1).to(hidden.dtype)
                pooled = torch.nn.functional.normalize((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)
                # x20: the pooled vector has norm 1; the scale lets a small head reach confident logits
                logits = head(pooled * 20.0)
                idx = torch.tensor(batch)
                ce = torch.nn.functional.cross_entropy(logits, y[idx], reduction="none")
                loss = (ce * w[idx]).sum() / w[idx].sum()
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                sched.step()
                step += 1
                if progress is not None:
                    progress(step, total, float(loss.detach()))
        model.eval()
        meta = {"seed": seed, "steps": total, "classes": classes, "n_texts": len(texts)}
        return model, export_adapter(modules, cfg, meta)
    finally:
        torch.set_num_threads(previous_threads)


def _length_batches(ids: list[list[int]], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffle, then sort within pools of 50 batches by length (little padding), then shuffle batches."""
    order = list(range(len(ids)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: len(ids[i]))
        batches += [chunk[j:j + batch_size] for j in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


# -- files ---------------------------------------------------------------------------------------------
def adapter_digest(tensors: dict[str, np.ndarray]) -> str:
    h = hashlib.sha256()
    for name in sorted(tensors):
        h.update(name.encode())
        h.update(np.ascontiguousarray(tensors[name], dtype=np.float32).tobytes())
    return h.hexdigest()


def save_adapter(adapter: dict, directory: Path) -> Path:
    """One npz: the A/B matrices plus a JSON header (format, scale, targets, sha256 of the tensors)."""
    directory.mkdir(parents=True, exist_ok=True)
    meta = dict(adapter["meta"], sha256=adapter_digest(adapter["tensors"]))
    path = directory / ADAPTER_FILE
    # np.savez writes zip entries with a fixed timestamp: same tensors -> same bytes
    np.savez(path, __meta__=np.array(json.dumps(meta, sort_keys=True)), **adapter["tensors"])
    return path


def load_adapter(path: Path) -> dict:
    """Read and verify an adapter file; any problem is a MedrailsError naming the file (fail closed:
    the guard must not silently fall back to another encoder than its head was trained on)."""
    if not path.is_file():
        raise MedrailsError(f"guard encoder adapter {path} is missing; the guard head was trained on the fine-tuned "
                            f"encoder, so it cannot run without it (rebuild with `medrails guard train`)")
    try:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["__meta__"]))
            tensors = {k: np.array(data[k], dtype=np.float32) for k in data.files if k != "__meta__"}
    except Exception as exc:  # zip/npz/json errors of a damaged file all mean the same: unusable
        raise MedrailsError(f"guard encoder adapter {path} is unreadable ({type(exc).__name__}: {exc})") from None
    if meta.get("format") != FORMAT:
        raise MedrailsError(f"guard encoder adapter {path}: format {meta.get('format')!r}, expected {FORMAT!r}")
    if adapter_digest(tensors) != meta.get("sha256"):
        raise MedrailsError(f"guard encoder adapter {path}: tensors do not match their recorded sha256 (corrupt file)")
    return {"tensors": tensors, "meta": meta}


def merged_encoder(base, adapter: dict):
    """A copy of `base` (the float BertModel) with W += scale * B @ A for every adapted Linear."""
    import copy

    import torch

    model = copy.deepcopy(base).eval()
    scale = float(adapter["meta"]["scale"])
    tensors = adapter["tensors"]
    names = sorted({k[:-2] for k in tensors})
    if not names:
        raise MedrailsError("guard encoder adapter has no tensors")
    with torch.no_grad():
        for name in names:
            try:
                linear = _get(model, name)
                a, b = torch.from_numpy(tensors[f"{name}.A"]), torch.from_numpy(tensors[f"{name}.B"])
                linear.weight += scale * (b @ a)
            except (AttributeError, KeyError, RuntimeError) as exc:
                raise MedrailsError(f"guard encoder adapter does not fit the encoder at {name}: {exc}") from None
    return model


def train_adapter(texts: list[str], labels: list[str], weights: np.ndarray, cfg: EncoderTuneConfig, seed: int,
                  directory: Path, show_progress: bool = True):
    """`fine_tune` with a rich progress bar, saved to `directory`; returns the AdapterSpec the head records."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from medrails.guard.embeddings import AdapterSpec

    columns = (TextColumn("fine-tuning the guard encoder (LoRA)"), BarColumn(), MofNCompleteColumn(),
               TextColumn("loss {task.fields[loss]:.3f}"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, disable=not show_progress) as bar:
        task = bar.add_task("tune", total=None, loss=float("nan"))
        adapter = fine_tune(texts, labels, weights, cfg, seed,
                            lambda step, total, loss: bar.update(task, completed=step, total=total, loss=loss))
    path = save_adapter(adapter, directory)
    return AdapterSpec(path, load_adapter(path)["meta"]["sha256"])
