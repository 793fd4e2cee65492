import pytest

from medrails.errors import ModelLoadError
from medrails.models.spec import parse_spec


def test_embedded_and_openai_specs():
    assert parse_spec("embedded").kind == "embedded"
    spec = parse_spec("openai:http://localhost:8000/v1/#llama-3")
    assert (spec.kind, spec.base_url, spec.model) == ("openai", "http://localhost:8000/v1", "llama-3")


def test_local_directory_and_gguf(tmp_path, tiny_model_dir):
    assert parse_spec(str(tiny_model_dir)).kind == "hf"
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    assert parse_spec(str(gguf)).kind == "gguf"


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "empty model spec"),
        ("/does/not/exist", "model not found"),
        ("/does/not/exist.gguf", "GGUF file not found"),
        ("openai:localhost:8000#m", "must start with http"),
        ("openai:http://localhost:8000/v1", "add '#<model-name>'"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec, message):
    with pytest.raises(ModelLoadError, match=message):
        parse_spec(spec)


def test_directory_without_config_is_rejected(tmp_path):
    with pytest.raises(ModelLoadError, match="no config.json"):
        parse_spec(str(tmp_path))
