"""The shipped server config loads, starts with its run command, and bad values name their field."""

from __future__ import annotations

from pathlib import Path

import pytest

from medrails.config.loader import load_config
from medrails.errors import ConfigError
from medrails.serve.config import ServeConfig

DEFAULT = Path(__file__).resolve().parents[2] / "configs" / "serve" / "default.yaml"


def test_default_yaml_is_valid_and_documents_its_command():
    assert DEFAULT.read_text().startswith("# medrails serve --config configs/serve/default.yaml")
    config = load_config(ServeConfig, DEFAULT, [])
    assert config.host == "127.0.0.1" and config.assistant.model == "embedded" and config.assistant.kb == "starter"
    assert config == ServeConfig()  # the YAML spells out the defaults


def test_bad_values_are_reported_with_their_path():
    with pytest.raises(ConfigError) as err:
        load_config(ServeConfig, DEFAULT, ["workers=0", "rate_limit.burst=-1", "upstream.bogus=1"])
    text = str(err.value)
    assert "workers" in text and "rate_limit.burst" in text and "upstream.bogus" in text
