"""Shared fixtures. Tests that use the real embedded model are marked `slow`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(config, items):
    try:
        import torch

        has_cuda = torch.cuda.is_available()
    except Exception:
        has_cuda = False
    skip_gpu = pytest.mark.skip(reason="needs a CUDA GPU")
    for item in items:
        if "gpu" in item.keywords and not has_cuda:
            item.add_marker(skip_gpu)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    from medrails.paths import shared_data_dir

    path = shared_data_dir()
    if not path.is_dir():
        pytest.fail(f"shared data not found at {path}; set MEDRAILS_DATA to the shared/data folder")
    return path


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A tiny random Llama chat model directory (seconds to build, no hub)."""
    from medrails.models.tiny import save_tiny_model

    return save_tiny_model(tmp_path_factory.mktemp("tiny-model"))


@pytest.fixture()
def medrails_home(tmp_path, monkeypatch) -> Path:
    """An isolated $MEDRAILS_HOME for tests that write audit logs, caches or state."""
    home = tmp_path / "medrails-home"
    monkeypatch.setenv("MEDRAILS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def embedded_model():
    """The real embedded SmolLM2 model (converted once into the user's cache)."""
    from medrails.models import load_chat_model

    return load_chat_model("embedded")
