"""What SFT and DPO share: preflight, data loading and checks, model + LoRA, trainer arguments, callbacks."""

from __future__ import annotations

import hashlib
import json
import random
import resource
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from medrails.errors import MedrailsError
from medrails.jsonl import read_json_lines
from medrails.train.config import TrainConfig
from medrails.train.rundir import mark_complete

TEMPLATES = {
    "chatml": (
        "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>\n' }}"
        "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
    ),
    "mistral": (
        "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '[INST] ' + message['content'] + ' [/INST]' }}"
        "{% elif message['role'] == 'system' %}{{ message['content'] + '\n\n' }}"
        "{% else %}{{ message['content'] + eos_token }}{% endif %}{% endfor %}"
    ),
    "llama3": (
        "{{ bos_token }}{% for message in messages %}{{ '<|start_header_id|>' + message['role'] + '<|end_header_id|>\n\n' "
        "+ message['content'] + '<|eot_id|>' }}{% endfor %}"
        "{% if add_generation_prompt %}{{ '<|start_header_id|>assistant<|end_header_id|>\n\n' }}{% endif %}"
    ),
    "alpaca": (
        "{% for message in messages %}{% if message['role'] == 'system' %}{{ message['content'] + '\n\n' }}"
        "{% elif message['role'] == 'user' %}{{ '### Instruction:\n' + message['content'] + '\n\n### Response:\n' }}"
        "{% else %}{{ message['content'] + eos_token + '\n\n' }}{% endif %}{% endfor %}"
    ),
}


def has_cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def preflight(cfg: TrainConfig) -> None:
    """Fail at once, before loading anything heavy, on what cannot work on this machine."""
    if cfg.quantization_bit is not None:
        if not has_cuda():
            raise MedrailsError(
                f"quantization_bit: {cfg.quantization_bit} (QLoRA) needs a CUDA GPU and bitsandbytes; this machine has no "
                "CUDA device. Remove quantization_bit (plain LoRA, e.g. --set quantization_bit=null) or run on a GPU"
            )
        try:
            import bitsandbytes  # noqa: F401
        except ImportError:
            raise MedrailsError("quantization_bit needs bitsandbytes: pip install bitsandbytes") from None
    if (cfg.bf16 or cfg.fp16) and not has_cuda():
        which = "bf16" if cfg.bf16 else "fp16"
        raise MedrailsError(f"{which}: true needs a CUDA GPU; on CPU set --set {which}=false (fp32)")
    if cfg.deepspeed and not Path(cfg.deepspeed).is_file():
        raise MedrailsError(f"deepspeed config not found: {cfg.deepspeed}")
    if cfg.template != "auto" and cfg.template not in TEMPLATES:
        raise MedrailsError(f"unknown template {cfg.template!r}; use auto, {', '.join(TEMPLATES)}")


def set_cpu_threads(cfg: TrainConfig) -> int:
    """Apply cpu_threads (or the busy-machine rule) and return the thread count used."""
    import os

    import torch

    if cfg.cpu_threads:
        torch.set_num_threads(cfg.cpu_threads)
    elif not has_cuda() and os.getloadavg()[0] > (os.cpu_count() or 1):
        torch.set_num_threads(1)
    return torch.get_num_threads()


@dataclass
class TrainData:
    train: list[dict]
    eval: list[dict]
    files: list[str]
    fingerprint: str  # sha256 over the bytes of the files used + selection settings
    data_card_sha256: str | None
    eval_source: str
    dropped_prompt_too_long: int = 0
    notes: list[str] = field(default_factory=list)


def _keys(stage: str) -> tuple[str, ...]:
    return ("prompt", "completion") if stage == "sft" else ("prompt", "chosen", "rejected")


def _read_jsonl(path: Path, stage: str) -> list[dict]:
    rows, bad = [], []
    needed = _keys(stage)
    for line in read_json_lines(path, "training data"):
        if line.problem:
            bad.append(line.problem)
            continue
        row = line.obj
        if stage == "sft" and "messages" in row and "prompt" not in row:
            msgs = row["messages"]
            if isinstance(msgs, list) and len(msgs) >= 2 and msgs[-1].get("role") == "assistant":
                row = {"prompt": msgs[:-1], "completion": msgs[-1:]}
        missing = [k for k in needed if not row.get(k)]
        if missing:
            bad.append(line.fail(f"missing {', '.join(missing)}"))
            continue
        rows.append({k: row[k] for k in needed})
    if bad:
        shown = "; ".join(bad[:5])
        raise MedrailsError(f"{len(bad)} bad line(s) in {path} (of {len(rows) + len(bad)}): {shown}. Each line needs "
                            f"{' + '.join(needed)}; `medrails data build` writes this format")
    return rows


def _sha(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    return digest.hexdigest()


def load_data(cfg: TrainConfig) -> TrainData:
    path = Path(cfg.dataset)
    if not path.exists():
        raise MedrailsError(f"dataset not found: {path} (build one with `medrails data build configs/data/quickstart.yaml`)")
    prefix = "" if cfg.stage == "sft" else "dpo_"
    card = None
    if path.is_dir():
        train_file, val_file = path / f"{prefix}train.jsonl", path / f"{prefix}val.jsonl"
        if not train_file.is_file():
            have = ", ".join(sorted(p.name for p in path.glob("*.jsonl"))) or "no .jsonl files"
            raise MedrailsError(f"{path} has no {train_file.name} for stage {cfg.stage} (it has: {have})")
        card = path / "dataset_card.json"
    else:
        train_file, val_file = path, None
    train = _read_jsonl(train_file, cfg.stage)
    files = [train_file]
    notes = []
    if val_file is not None and val_file.is_file():
        eval_rows = _read_jsonl(val_file, cfg.stage)
        files.append(val_file)
        eval_source = str(val_file)
        if cfg.val_size:
            notes.append(f"val_size {cfg.val_size} ignored: the dataset has its own validation split {val_file.name}")
    elif cfg.val_size:
        rng = random.Random(cfg.seed)
        order = list(range(len(train)))
        rng.shuffle(order)
        n_eval = max(1, int(round(len(train) * cfg.val_size)))
        eval_rows = [train[i] for i in order[:n_eval]]
        train = [train[i] for i in order[n_eval:]]
        eval_source = f"val_size {cfg.val_size} of {train_file.name} (seed {cfg.seed})"
    else:
        eval_rows, eval_source = [], "none"
    if cfg.max_samples:
        train = train[: cfg.max_samples]
    if not train:
        raise MedrailsError(f"the training set is empty ({train_file}); check the dataset build")
    selection = json.dumps({"max_samples": cfg.max_samples, "val_size": cfg.val_size, "seed": cfg.seed, "stage": cfg.stage})
    fingerprint = hashlib.sha256((_sha(files) + selection).encode()).hexdigest()
    card_sha = hashlib.sha256(card.read_bytes()).hexdigest() if card is not None and card.is_file() else None
    return TrainData(train, eval_rows, [str(f) for f in files], fingerprint, card_sha, eval_source, notes=notes)


def _as_messages(value: Any, role: str) -> list[dict]:
    return [{"role": role, "content": value}] if isinstance(value, str) else value


def enforce_cutoff(data: TrainData, tokenizer, cutoff_len: int) -> None:
    """Drop examples whose prompt alone fills cutoff_len (no answer token would be trained); fail if all do."""

    def prompt_len(row: dict) -> int:
        ids = tokenizer.apply_chat_template(_as_messages(row["prompt"], "user"), add_generation_prompt=True, tokenize=True)
        if isinstance(ids, dict) or hasattr(ids, "keys"):
            ids = ids["input_ids"]
        return len(ids)

    for split in ("train", "eval"):
        rows = getattr(data, split)
        lengths = [prompt_len(r) for r in rows]
        kept = [r for r, n in zip(rows, lengths, strict=True) if n < cutoff_len]
        if rows and not kept:
            raise MedrailsError(
                f"cutoff_len {cutoff_len} is shorter than every {split} prompt (shortest prompt: {min(lengths)} tokens); "
                f"raise cutoff_len above {max(lengths)} or shorten the prompts"
            )
        dropped = len(rows) - len(kept)
        if dropped:
            data.notes.append(f"{dropped} {split} example(s) dropped: prompt >= cutoff_len {cutoff_len} tokens")
            data.dropped_prompt_too_long += dropped
        setattr(data, split, kept)


def load_model_and_tokenizer(cfg: TrainConfig, model_dir: Path):
    import datasets
    import torch

    datasets.disable_progress_bars()
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    if cfg.template != "auto":
        tokenizer.chat_template = TEMPLATES[cfg.template]
    elif not getattr(tokenizer, "chat_template", None):
        raise MedrailsError(f"{model_dir}: the tokenizer has no chat template; set template: chatml|mistral|llama3|alpaca")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if cfg.bf16 else torch.float16 if cfg.fp16 else torch.float32}
    if cfg.quantization_bit is not None:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=cfg.quantization_bit == 4, load_in_8bit=cfg.quantization_bit == 8,
            bnb_4bit_quant_type=cfg.quantization_type, bnb_4bit_use_double_quant=cfg.double_quantization,
            bnb_4bit_compute_dtype=kwargs["dtype"],
        )
    try:
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), **kwargs)
    except (OSError, ValueError) as exc:
        raise MedrailsError(f"cannot load the model from {model_dir}: {exc}") from None
    return model, tokenizer


def lora_config(cfg: TrainConfig):
    if cfg.finetuning_type != "lora":
        return None
    from peft import LoraConfig

    targets = "all-linear" if cfg.lora_target == "all" else cfg.lora_target
    return LoraConfig(r=cfg.lora_rank, lora_alpha=cfg.alpha, lora_dropout=cfg.lora_dropout, target_modules=targets,
                      bias="none", task_type="CAUSAL_LM")


def trainer_kwargs(cfg: TrainConfig, out_dir: Path, has_eval: bool) -> dict[str, Any]:
    """TrainingArguments fields shared by SFTConfig and DPOConfig, mapped from the guide's keys."""
    eval_strategy = cfg.eval_strategy if has_eval else "no"
    return dict(
        output_dir=str(out_dir), per_device_train_batch_size=cfg.per_device_train_batch_size,
        per_device_eval_batch_size=cfg.per_device_eval_batch_size,
        gradient_accumulation_steps=cfg.gradient_accumulation_steps, learning_rate=cfg.learning_rate,
        num_train_epochs=cfg.num_train_epochs, max_steps=cfg.max_steps, lr_scheduler_type=cfg.lr_scheduler_type,
        warmup_steps=cfg.warmup_ratio, weight_decay=cfg.weight_decay, max_grad_norm=cfg.max_grad_norm,
        bf16=cfg.bf16, fp16=cfg.fp16, gradient_checkpointing=cfg.gradient_checkpointing, seed=cfg.seed,
        data_seed=cfg.seed, logging_steps=cfg.logging_steps, logging_first_step=True, save_strategy="steps",
        save_steps=cfg.save_steps, save_total_limit=cfg.save_total_limit, eval_strategy=eval_strategy,
        eval_steps=cfg.eval_steps, report_to=cfg.report_to, use_cpu=not has_cuda(), dataloader_num_workers=0,
        deepspeed=cfg.deepspeed, ddp_find_unused_parameters=cfg.ddp_find_unused_parameters,
        dataset_num_proc=cfg.preprocessing_num_workers, max_length=cfg.cutoff_len, disable_tqdm=not sys.stderr.isatty(),
    )


def peak_memory_mb() -> float:
    if has_cuda():
        import torch

        return torch.cuda.max_memory_allocated() / 2**20
    # ru_maxrss is KiB on Linux: the process's peak resident memory
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_callbacks(extra: list | None = None) -> list:
    from transformers import TrainerCallback

    class MarkCheckpoints(TrainerCallback):
        """After transformers has written checkpoint-N, mark it whole (hash list, temp + rename)."""

        def on_save(self, args, state, control, **kwargs):
            folder = Path(args.output_dir) / f"checkpoint-{state.global_step}"
            if folder.is_dir():
                mark_complete(folder, state.global_step)

    return [MarkCheckpoints(), *(extra or [])]


def quiet_trainer(trainer) -> None:
    """Without a terminal, replace transformers' raw dict printing with one line per log event."""
    if sys.stderr.isatty():
        return
    from transformers import PrinterCallback, TrainerCallback

    class LogLines(TrainerCallback):
        def on_log(self, args, state, control, logs=None, **kwargs):
            logs = logs or {}
            shown = {k: v for k, v in logs.items() if k in {"loss", "eval_loss", "learning_rate", "num_tokens", "train_runtime"}}
            if shown:
                parts = " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}" for k, v in shown.items())
                print(f"step {state.global_step}/{state.max_steps} {parts}", file=sys.stderr, flush=True)

    trainer.remove_callback(PrinterCallback)
    trainer.add_callback(LogLines())


def generate_samples(model, tokenizer, prompts: list[str], max_new_tokens: int, system: str | None) -> list[str]:
    """Greedy answers (deterministic, so before/after are comparable)."""
    import torch

    outputs = []
    was_training = model.training
    model.eval()
    for prompt in prompts:
        messages = ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": prompt}]
        enc = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
        enc = {k: v.to(model.device) for k, v in enc.items()}
        with torch.no_grad():
            out = model.generate(**enc, max_new_tokens=max_new_tokens, do_sample=False,
                                 pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
        outputs.append(tokenizer.decode(out[0][enc["input_ids"].shape[1]:], skip_special_tokens=True).strip())
    if was_training:
        model.train()
    return outputs


def system_prompt_of(rows: list[dict]) -> str | None:
    prompt = rows[0]["prompt"] if rows else None
    if isinstance(prompt, list) and prompt and prompt[0].get("role") == "system":
        return prompt[0]["content"]
    return None
