"""Supervised fine-tuning: TRL SFTTrainer over PEFT LoRA, loss on the completion only."""

from __future__ import annotations

from pathlib import Path

from medrails.train.common import TrainData, lora_config, trainer_kwargs
from medrails.train.config import TrainConfig
from medrails.train.run import TrainResult, execute


def build_trainer(cfg: TrainConfig, model, tokenizer, data: TrainData, out_dir: Path, callbacks: list):
    from datasets import Dataset
    from trl import SFTConfig, SFTTrainer

    args = SFTConfig(
        **trainer_kwargs(cfg, out_dir, bool(data.eval)),
        packing=cfg.packing,
        completion_only_loss=True,  # prompt/completion records: the prompt's tokens carry no loss
    )
    return SFTTrainer(
        model=model, args=args, processing_class=tokenizer, peft_config=lora_config(cfg), callbacks=callbacks,
        train_dataset=Dataset.from_list(data.train), eval_dataset=Dataset.from_list(data.eval) if data.eval else None,
    )


def main(cfg: TrainConfig, resume: bool = False, overwrite: bool = False, callbacks: list | None = None,
         command: str | None = None) -> TrainResult:
    return execute(cfg, build_trainer, resume=resume, overwrite=overwrite, callbacks=callbacks, command=command)
