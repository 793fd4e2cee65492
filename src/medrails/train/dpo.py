"""Preference tuning: TRL DPOTrainer over PEFT LoRA (the reference model is the base with adapters off)."""

from __future__ import annotations

from pathlib import Path

from medrails.train.common import TrainData, lora_config, trainer_kwargs
from medrails.train.config import TrainConfig
from medrails.train.run import TrainResult, execute


def build_trainer(cfg: TrainConfig, model, tokenizer, data: TrainData, out_dir: Path, callbacks: list):
    from datasets import Dataset
    from trl import DPOConfig, DPOTrainer

    args = DPOConfig(**trainer_kwargs(cfg, out_dir, bool(data.eval)), beta=cfg.pref_beta, loss_type=[cfg.pref_loss])
    return DPOTrainer(
        model=model, ref_model=None, args=args, processing_class=tokenizer, peft_config=lora_config(cfg),
        callbacks=callbacks, train_dataset=Dataset.from_list(data.train),
        eval_dataset=Dataset.from_list(data.eval) if data.eval else None,
    )


def main(cfg: TrainConfig, resume: bool = False, overwrite: bool = False, callbacks: list | None = None,
         command: str | None = None) -> TrainResult:
    return execute(cfg, build_trainer, resume=resume, overwrite=overwrite, callbacks=callbacks, command=command)
