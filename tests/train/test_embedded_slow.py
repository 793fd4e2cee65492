"""The one test that trains the real embedded model: 3 LoRA steps on the shipped quickstart data."""

from __future__ import annotations

import math

import pytest
import yaml


@pytest.mark.slow
def test_three_lora_steps_on_the_embedded_model(tmp_path):
    from medrails.data.build import build
    from medrails.data.recipe import load_recipe
    from medrails.paths import package_file
    from medrails.train.config import load_train_config
    from medrails.train.sft import main

    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(yaml.safe_dump({
        "name": "qs", "output_dir": str(tmp_path / "data"), "seed": 1, "cleaning": {"phi_scrub": False},
        "sources": [{"name": "safety", "format": "alpaca", "path": str(package_file("data", "quickstart", "safety.jsonl"))}],
    }))
    data = build(load_recipe(recipe), recipe).output_dir
    cfg = tmp_path / "train.yaml"
    cfg.write_text(yaml.safe_dump({"model_name_or_path": "embedded", "dataset": str(data), "output_dir": str(tmp_path / "run"),
                                   "lora_rank": 4, "cutoff_len": 128, "per_device_train_batch_size": 2, "max_steps": 3,
                                   "learning_rate": 1e-3, "logging_steps": 1, "sample_prompts": [], "eval_strategy": "no"}))
    result = main(load_train_config(cfg))
    losses = [v for _, v in result.loss_curve["train"]]
    assert result.metrics["global_step"] == 3 and len(losses) == 3 and all(math.isfinite(v) and 0 < v < 10 for v in losses)
    assert (result.adapter_dir / "adapter_model.safetensors").stat().st_size > 100_000
    assert result.metrics["train_tokens"] > 0
