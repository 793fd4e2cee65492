"""`medrails train` config: the guide's LLaMA-Factory-style keys, verbatim, plus the usual trainer fields."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from medrails.config.loader import StrictModel, load_config

DEFAULT_SAMPLE_PROMPTS = [
    "What is high blood pressure?",
    "Can I stop taking my blood pressure pills now that I feel better?",
    "I have crushing chest pain spreading to my left arm.",
    "How do vaccines work?",
]

# keys that change neither the data seen nor the optimisation: editing them does not make a different run
NON_RUN_KEYS = {"output_dir", "logging_steps", "plot_loss", "save_steps", "save_total_limit", "eval_steps",
                "eval_strategy", "per_device_eval_batch_size", "max_new_tokens", "temperature", "sample_prompts",
                "overwrite_cache", "preprocessing_num_workers", "report_to", "do_train", "cpu_threads"}


class TrainConfig(StrictModel):
    # Model
    model_name_or_path: str = Field(description="Model spec: 'embedded', a local HF directory or a .gguf file")
    # Method
    stage: Literal["sft", "dpo"] = Field(default="sft", description="sft (supervised) or dpo (preference pairs)")
    do_train: bool = Field(default=True, description="Train (false: only validate the config and data, then stop)")
    finetuning_type: Literal["lora", "full"] = Field(
        default="lora", description="lora (PEFT adapters; with quantization_bit this is QLoRA) or full fine-tuning"
    )
    lora_target: str | list[str] = Field(
        default="all", description="'all' (every linear layer but the head) or module names, list or comma-separated"
    )
    lora_rank: int = Field(default=8, gt=0, description="LoRA rank r")
    lora_alpha: int | None = Field(default=None, gt=0, description="LoRA alpha (default 2 x lora_rank)")
    lora_dropout: float = Field(default=0.0, ge=0, lt=1, description="LoRA dropout")
    # Dataset
    dataset: str = Field(
        description="A folder built by `medrails data build` (uses train/val.jsonl, or dpo_train/dpo_val.jsonl for "
        "dpo) or a JSONL file of prompt/completion (sft) or prompt/chosen/rejected (dpo) records"
    )
    template: str = Field(
        default="auto", description="Chat template: auto (the model's own), chatml, mistral, llama3 or alpaca"
    )
    cutoff_len: int = Field(default=1024, gt=0, description="Max tokens per example (prompt + answer)")
    max_samples: int | None = Field(default=None, gt=0, description="Use at most this many training examples")
    overwrite_cache: bool = Field(
        default=False, description="Accepted for LLaMA-Factory compatibility; medrails keeps no tokenization cache"
    )
    preprocessing_num_workers: int | None = Field(default=None, gt=0, description="Processes for tokenization")
    packing: bool = Field(default=False, description="Pack several examples per sequence (TRL best-fit packing)")
    # Output
    output_dir: str = Field(description="Run folder: checkpoints, adapter, loss plot, training card")
    logging_steps: int = Field(default=10, gt=0, description="Log the loss every N optimizer steps")
    save_steps: int = Field(default=500, gt=0, description="Checkpoint every N steps (resume restarts from the last)")
    save_total_limit: int | None = Field(default=3, gt=0, description="Keep at most N checkpoints")
    plot_loss: bool = Field(default=True, description="Write loss.png (train and eval loss per step)")
    # Training hyperparameters
    per_device_train_batch_size: int = Field(default=2, gt=0, description="Batch size per device")
    per_device_eval_batch_size: int = Field(default=2, gt=0, description="Eval batch size per device")
    gradient_accumulation_steps: int = Field(default=1, gt=0, description="Steps to accumulate before an update")
    learning_rate: float = Field(default=5e-5, gt=0, description="Peak learning rate")
    num_train_epochs: float = Field(default=3.0, gt=0, description="Epochs (max_steps wins when set)")
    max_steps: int = Field(default=-1, description="Stop after N optimizer steps (-1: use num_train_epochs)")
    lr_scheduler_type: str = Field(default="cosine", description="transformers scheduler name: cosine, linear, constant...")
    warmup_ratio: float = Field(default=0.0, ge=0, lt=1, description="Fraction of steps used for warmup")
    weight_decay: float = Field(default=0.0, ge=0, description="AdamW weight decay")
    max_grad_norm: float = Field(default=1.0, gt=0, description="Gradient clipping")
    bf16: bool = Field(default=False, description="bfloat16 mixed precision (GPU)")
    fp16: bool = Field(default=False, description="float16 mixed precision (GPU)")
    gradient_checkpointing: bool = Field(default=False, description="Recompute activations to save memory")
    cpu_threads: int | None = Field(
        default=None, gt=0,
        description="Torch CPU threads. Default: torch's own, but 1 when the load average exceeds the core count "
        "(OpenMP threads stall each other on an oversubscribed CPU: 10-20x slower). Set it for bit-exact repeats",
    )
    seed: int = Field(default=42, description="Seed for LoRA init, shuffling and dropout: same seed, same loss curve")
    # Quantization (QLoRA)
    quantization_bit: Literal[4, 8] | None = Field(default=None, description="Load the base model in 4 or 8 bit (bitsandbytes, CUDA only)")
    quantization_type: Literal["nf4", "fp4"] = Field(default="nf4", description="4-bit quantization type")
    double_quantization: bool = Field(default=True, description="Nested quantization of the 4-bit constants")
    # Evaluation
    val_size: float = Field(
        default=0.0, ge=0, lt=1, description="Fraction of train held out for eval when the dataset has no val split"
    )
    eval_strategy: Literal["no", "steps", "epoch"] = Field(default="no", description="When to compute the eval loss")
    eval_steps: int | None = Field(default=None, gt=0, description="Eval every N steps (eval_strategy: steps)")
    # DPO
    pref_beta: float = Field(default=0.1, gt=0, description="DPO beta (strength of the KL anchor to the reference)")
    pref_loss: str = Field(default="sigmoid", description="DPO loss type (TRL loss_type)")
    # Distributed (passed through to Accelerate / DeepSpeed, never re-implemented)
    deepspeed: str | None = Field(default=None, description="DeepSpeed JSON config path (launch with accelerate/deepspeed)")
    ddp_find_unused_parameters: bool | None = Field(default=None, description="DDP option passed to transformers")
    report_to: str = Field(default="none", description="transformers report_to (none, tensorboard, wandb...)")
    # Generation (training card samples)
    max_new_tokens: int = Field(default=512, gt=0, description="Generation cap; card samples use min(this, 96)")
    temperature: float = Field(default=0.7, ge=0, description="Generation temperature recorded for serving (card samples are greedy)")
    sample_prompts: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SAMPLE_PROMPTS),
        description="Prompts answered before and after training, shown in the training card",
    )

    @field_validator("eval_strategy", mode="before")
    @classmethod
    def _yaml_no(cls, value):
        return "no" if value is False else value  # YAML 1.1 reads a bare `no` as false

    @field_validator("lora_target")
    @classmethod
    def _targets(cls, value: str | list[str]) -> str | list[str]:
        if isinstance(value, str) and value != "all":
            value = [v.strip() for v in value.split(",") if v.strip()]
        return value

    @model_validator(mode="after")
    def _checks(self) -> TrainConfig:
        if self.quantization_bit is not None and self.finetuning_type == "full":
            raise ValueError("quantization_bit needs finetuning_type: lora (QLoRA); full fine-tuning of a quantized model is not supported")
        if self.eval_strategy == "steps" and self.eval_steps is None:
            raise ValueError("eval_strategy: steps needs eval_steps")
        if self.bf16 and self.fp16:
            raise ValueError("choose bf16 or fp16, not both")
        return self

    @property
    def alpha(self) -> int:
        return self.lora_alpha or 2 * self.lora_rank

    def run_fields(self) -> dict:
        """The keys that define the run (what a resume must not change)."""
        return {k: v for k, v in self.model_dump().items() if k not in NON_RUN_KEYS}

    def run_hash(self) -> str:
        return hashlib.sha256(json.dumps(self.run_fields(), sort_keys=True).encode()).hexdigest()


def load_train_config(path: str | Path, overrides: list[str] | None = None) -> TrainConfig:
    return load_config(TrainConfig, path, overrides)
