"""Fixtures for data-build tests: small recipes written into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml


@pytest.fixture()
def make_recipe(tmp_path):
    def make(sources: list[dict], **extra) -> Path:
        recipe = {"name": "t", "output_dir": str(tmp_path / "out"), "seed": 1, "sources": sources,
                  "cleaning": {"phi_scrub": False}}
        for key, value in extra.items():
            if isinstance(value, dict) and isinstance(recipe.get(key), dict):
                recipe[key].update(value)
            else:
                recipe[key] = value
        path = tmp_path / "recipe.yaml"
        path.write_text(yaml.safe_dump(recipe), encoding="utf-8")
        return path

    return make
