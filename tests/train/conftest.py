"""Fixtures for training tests: a tiny model, a tiny built dataset and a config writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml


@pytest.fixture(autouse=True, scope="session")
def _one_thread():
    # the CI box has 2 cores shared with other jobs: oversubscribed torch threads make tiny runs 10x slower
    import torch

    torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_dataset(tmp_path_factory) -> Path:
    """A dataset folder built by `medrails data build` (SFT splits + DPO pairs)."""
    from medrails.data.build import build
    from medrails.data.recipe import load_recipe

    root = tmp_path_factory.mktemp("tiny-data")
    rows = [{"instruction": f"What is condition {i} about heart and blood {i * 3}?",
             "output": f"Condition {i} is a teaching example about the heart."} for i in range(40)]
    (root / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    recipe = root / "recipe.yaml"
    recipe.write_text(yaml.safe_dump({
        "name": "tiny", "output_dir": str(root / "data"), "seed": 3,
        "sources": [{"name": "a", "format": "alpaca", "path": str(root / "a.jsonl")}],
        "cleaning": {"phi_scrub": False},
        "safety": {"refusal_examples": 8, "emergency_examples": 4, "dpo_pairs": 24},
    }))
    return build(load_recipe(recipe), recipe).output_dir


@pytest.fixture()
def train_config(tmp_path, tiny_model_dir, tiny_dataset):
    def make(**overrides) -> Path:
        cfg = {"model_name_or_path": str(tiny_model_dir), "dataset": str(tiny_dataset),
               "output_dir": str(tmp_path / "run"), "lora_rank": 4, "cutoff_len": 128,
               "per_device_train_batch_size": 4, "learning_rate": 5.0e-3, "max_steps": 6, "save_steps": 2,
               "logging_steps": 1, "sample_prompts": [], "lr_scheduler_type": "constant"}
        cfg.update(overrides)
        path = tmp_path / f"train-{len(list(tmp_path.glob('train-*.yaml')))}.yaml"
        path.write_text(yaml.safe_dump(cfg))
        return path

    return make
