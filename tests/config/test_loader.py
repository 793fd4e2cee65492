from pathlib import Path

import pytest
from pydantic import Field

from medrails.config.loader import StrictModel, load_config, parse_overrides
from medrails.errors import ConfigError


class Inner(StrictModel):
    rank: int = Field(default=8, ge=1, description="rank")
    target: str = Field(default="all", description="target")


class Outer(StrictModel):
    name: str = Field(description="name")
    lr: float = Field(default=1e-4, gt=0, description="learning rate")
    lora: Inner = Field(default_factory=Inner, description="lora settings")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cfg.yaml"
    path.write_text(text)
    return path


def test_every_problem_is_reported_at_once_with_file_and_dotted_path(tmp_path):
    path = write(tmp_path, "lr: -1\nlora:\n  rank: zero\n  colour: red\n")
    with pytest.raises(ConfigError) as info:
        load_config(Outer, path)
    message = str(info.value)
    assert len(info.value.problems) == 4
    assert str(path) in message
    assert "name: required field is missing" in message
    assert "lr:" in message and "greater than 0" in message
    assert "lora.rank:" in message
    assert "lora.colour: unknown key (valid keys: rank, target)" in message


def test_set_overrides_win_and_parse_yaml_scalars(tmp_path):
    path = write(tmp_path, "name: a\nlora:\n  rank: 4\n")
    cfg = load_config(Outer, path, ["lora.rank=16", "lr=2e-5", "name=b"])
    assert cfg.lora.rank == 16 and cfg.lr == 2e-5 and cfg.name == "b"
    assert cfg.lora.target == "all"


def test_bad_override_syntax_is_a_clear_error():
    with pytest.raises(ConfigError, match="expected KEY=VALUE"):
        parse_overrides(["lora.rank"])


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "name: a\nlora: [unclosed\n")
    with pytest.raises(ConfigError, match=r"line \d+, column \d+: invalid YAML"):
        load_config(Outer, path)


def test_missing_file_and_non_mapping(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_config(Outer, tmp_path / "nope.yaml")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_config(Outer, write(tmp_path, "- a\n- b\n"))
