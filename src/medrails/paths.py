"""Where medrails keeps its caches and state, and where the shared evaluation data lives."""

from __future__ import annotations

import os
from pathlib import Path


def medrails_home() -> Path:
    """$MEDRAILS_HOME, default ~/.cache/medrails; created on first use."""
    home = Path(os.environ.get("MEDRAILS_HOME") or Path.home() / ".cache" / "medrails")
    home.mkdir(parents=True, exist_ok=True)
    return home


def shared_data_dir() -> Path:
    """Public benchmark data: $MEDRAILS_DATA, else ../shared/data next to the checkout."""
    env = os.environ.get("MEDRAILS_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return Path.cwd().parent / "shared" / "data"


def package_file(*parts: str) -> Path:
    """A file shipped inside the medrails package (policies, classifiers, starter KB)."""
    return Path(__file__).resolve().parent.joinpath(*parts)


def project_root() -> Path | None:
    """The source checkout (for shipped configs/), when running from one."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "configs").is_dir():
            return parent
    return None
