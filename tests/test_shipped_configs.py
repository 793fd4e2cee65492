"""Every YAML file medrails ships loads against its config model and starts with its run command."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from medrails.config.loader import load_config

CONFIGS = Path(__file__).resolve().parent.parent / "configs"
SCHEMAS = {
    "policies": "medrails.guard.policy:Policy",
    "serve": "medrails.serve.config:ServeConfig",
    "train": "medrails.train.config:TrainConfig",
    "data": "medrails.data.recipe:Recipe",
    "ask.yaml": "medrails.settings:AskSettings",
    "guard": "medrails.guard.train:TrainConfig",
    "guard/train-phi-tagger": "medrails.guard.phi_tagger_train:PhiTaggerTrainConfig",  # file-name prefix wins
}


def shipped_yaml() -> list[Path]:
    files = sorted(p for p in CONFIGS.rglob("*") if p.suffix in {".yaml", ".yml"})
    files += sorted((CONFIGS / "policies").glob("*.yaml"))  # a symlink rglob does not follow
    return sorted(set(files))


def schema_for(path: Path):
    rel = path.relative_to(CONFIGS)
    key = next((k for k in SCHEMAS if "/" in k and rel.as_posix().startswith(k)), rel.parts[0])
    assert key in SCHEMAS, f"{rel}: no config model registered for configs/{key} in this test"
    module, _, name = SCHEMAS[key].partition(":")
    return getattr(importlib.import_module(module), name)


def test_every_config_directory_has_files():
    found = {p.relative_to(CONFIGS).parts[0] for p in shipped_yaml()}
    assert {"policies", "ask.yaml"} <= found


@pytest.mark.parametrize("path", shipped_yaml(), ids=lambda p: str(p.relative_to(CONFIGS)))
def test_shipped_yaml_loads_and_names_its_run_command(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# medrails ") or first.startswith("# python "), f"{path}: first line must be its run command"
    load_config(schema_for(path), path)


@pytest.mark.parametrize("path", sorted((CONFIGS / "policies").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_policy_builds_a_guard(path):
    from medrails.guard import Guard

    guard = Guard.from_policy(path)
    assert guard.input_stages, f"{path.stem} runs no input stage"
    assert guard.policy.disclaimer.strip()
