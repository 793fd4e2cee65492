"""Shared fixtures. Tests that use the real embedded model are marked `slow`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

REPO = Path(__file__).resolve().parent.parent
# The converted embedded model is shared by every test home (converting it takes ~30 s);
# everything else a test writes (audit log, review queue, indexes, state) stays in tmp dirs.
USER_HOME = Path(os.environ.get("MEDRAILS_HOME") or Path.home() / ".cache" / "medrails")


def _make_home(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    models = USER_HOME / "models"
    models.mkdir(parents=True, exist_ok=True)
    link = path / "models"
    if not link.exists():
        link.symlink_to(models, target_is_directory=True)
    return path


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory):
    """No test writes into the user's real $MEDRAILS_HOME."""
    home = _make_home(tmp_path_factory.mktemp("session-medrails-home"))
    previous = os.environ.get("MEDRAILS_HOME")
    os.environ["MEDRAILS_HOME"] = str(home)
    yield home
    if previous is None:
        os.environ.pop("MEDRAILS_HOME", None)
    else:
        os.environ["MEDRAILS_HOME"] = previous


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
    home = _make_home(tmp_path / "medrails-home")
    monkeypatch.setenv("MEDRAILS_HOME", str(home))
    return home


@pytest.fixture()
def empty_medrails_home(tmp_path, monkeypatch) -> Path:
    """A $MEDRAILS_HOME with nothing in it, not even the shared model cache."""
    home = tmp_path / "empty-medrails-home"
    home.mkdir()
    monkeypatch.setenv("MEDRAILS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def embedded_model():
    """The real embedded SmolLM2 model (converted once into the user's cache)."""
    from medrails.models import load_chat_model

    return load_chat_model("embedded")
