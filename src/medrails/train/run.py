"""The training flow both stages share: check, load, train (or resume), save atomically, card."""

from __future__ import annotations

import errno
import json
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from medrails.errors import MedrailsError
from medrails.train import rundir
from medrails.train.card import git_revision, loss_curve, plot_loss, versions, write_training_card
from medrails.train.common import (
    TrainData,
    enforce_cutoff,
    generate_samples,
    has_cuda,
    load_data,
    load_model_and_tokenizer,
    make_callbacks,
    peak_memory_mb,
    preflight,
    quiet_trainer,
    set_cpu_threads,
    system_prompt_of,
)
from medrails.train.config import TrainConfig

TrainerFactory = Callable[[TrainConfig, Any, Any, TrainData, Path, list], Any]


@dataclass
class TrainResult:
    output_dir: Path
    adapter_dir: Path | None
    metrics: dict[str, Any]
    loss_curve: dict[str, list]
    resumed_from: str | None = None
    samples: list[dict] = field(default_factory=list)
    validated_only: bool = False


def execute(cfg: TrainConfig, make_trainer: TrainerFactory, resume: bool = False, overwrite: bool = False,
            callbacks: list | None = None, command: str | None = None) -> TrainResult:
    preflight(cfg)
    threads = set_cpu_threads(cfg)
    from medrails.models import parse_spec, resolve_model_dir

    out_dir = Path(cfg.output_dir).resolve()
    model_dir = resolve_model_dir(parse_spec(cfg.model_name_or_path))
    data = load_data(cfg)
    if not cfg.do_train:
        model, tokenizer = load_model_and_tokenizer(cfg, model_dir)
        enforce_cutoff(data, tokenizer, cfg.cutoff_len)
        return TrainResult(out_dir, None, {"train_examples": len(data.train), "eval_examples": len(data.eval)},
                           {"train": [], "eval": []}, validated_only=True)
    checkpoint = rundir.prepare(out_dir, cfg, data.fingerprint, resume, overwrite)
    model, tokenizer = load_model_and_tokenizer(cfg, model_dir)
    enforce_cutoff(data, tokenizer, cfg.cutoff_len)

    from transformers import set_seed

    set_seed(cfg.seed)
    system = system_prompt_of(data.train)
    sample_tokens = min(cfg.max_new_tokens, 96)
    before = generate_samples(model, tokenizer, cfg.sample_prompts, sample_tokens, system) if cfg.sample_prompts else []
    set_seed(cfg.seed)  # generation must not shift the RNG the LoRA init and shuffling draw from
    trainer = make_trainer(cfg, model, tokenizer, data, out_dir, make_callbacks(callbacks))
    quiet_trainer(trainer)
    manifest = rundir.read_manifest(out_dir)
    eval_before = manifest.get("eval_loss_before")
    if data.eval and checkpoint is None and eval_before is None:
        eval_before = trainer.evaluate().get("eval_loss")
        rundir.write_manifest(out_dir, cfg, data.fingerprint, "running", eval_loss_before=eval_before)

    started = time.perf_counter()
    try:
        output = trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise MedrailsError(
                f"disk full while training/saving in {out_dir} ({exc}); the checkpoint being written is not marked "
                "complete and will be skipped. Free space, then rerun with --resume"
            ) from None
        raise
    train_seconds = time.perf_counter() - started
    eval_after = trainer.evaluate() if data.eval else {}

    # the final weights: written to a temp folder, marked whole, then renamed into place
    final_name = "adapter" if cfg.finetuning_type == "lora" else "model"
    final_dir = out_dir / final_name
    tmp = out_dir / f".{final_name}.tmp"
    if tmp.exists():
        shutil.rmtree(tmp)
    trainer.save_model(str(tmp))
    tokenizer.save_pretrained(str(tmp))
    (tmp / "medrails_base.json").write_text(
        json.dumps({"model_name_or_path": cfg.model_name_or_path, "model_dir": str(model_dir)}) + "\n", encoding="utf-8")
    rundir.mark_complete(tmp, trainer.state.global_step)
    if final_dir.exists():
        shutil.rmtree(final_dir)
    tmp.rename(final_dir)

    after = generate_samples(trainer.model, tokenizer, cfg.sample_prompts, sample_tokens, system) if cfg.sample_prompts else []
    samples = [{"prompt": p, "before": b, "after": a} for p, b, a in zip(cfg.sample_prompts, before, after, strict=False)]
    curve = loss_curve(trainer.state.log_history)
    tokens = max((e.get("num_tokens", 0) for e in trainer.state.log_history), default=0)
    metrics: dict[str, Any] = {
        "global_step": trainer.state.global_step,
        "train_loss": output.training_loss,
        "eval_loss_before": eval_before,
        "eval_loss_after": eval_after.get("eval_loss"),
        "train_seconds": round(train_seconds, 1),
        "train_runtime": output.metrics.get("train_runtime"),  # transformers' own timer (comparable across tools)
        "train_tokens": int(tokens),
        "tokens_per_second": round(tokens / train_seconds, 1) if tokens and checkpoint is None else None,
        "peak_memory_mb": round(peak_memory_mb(), 1),
        "cpu_threads": threads if not has_cuda() else None,
    }
    for key, value in eval_after.items():
        if key.startswith("eval_rewards") or key.startswith("eval_logps"):
            metrics[key] = value
    if cfg.plot_loss:
        plot_loss(curve, out_dir / "loss.png", f"{cfg.stage} {Path(cfg.output_dir).name}")
    card = {
        "output_dir": str(out_dir), "stage": cfg.stage, "model": cfg.model_name_or_path, "model_dir": str(model_dir),
        "finetuning": f"{cfg.finetuning_type}{' + ' + str(cfg.quantization_bit) + '-bit (QLoRA)' if cfg.quantization_bit else ''}",
        "dataset": cfg.dataset, "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": "cuda" if has_cuda() else "cpu", "metrics": metrics, "loss_curve": curve,
        "resumed_from": str(checkpoint) if checkpoint else None, "samples": samples,
        "data": {"files": data.files, "fingerprint": data.fingerprint, "data_card_sha256": data.data_card_sha256,
                 "train_examples": len(data.train), "eval_examples": len(data.eval), "eval_source": data.eval_source,
                 "notes": data.notes},
        "command": command or "medrails train " + " ".join(sys.argv[2:]), "config": cfg.model_dump(),
        "git_revision": git_revision(), "versions": versions(),
    }
    write_training_card(out_dir, card)
    rundir.write_manifest(out_dir, cfg, data.fingerprint, "complete", final_step=trainer.state.global_step,
                          eval_loss_before=eval_before)
    return TrainResult(out_dir, final_dir, metrics, curve, str(checkpoint) if checkpoint else None, samples)
