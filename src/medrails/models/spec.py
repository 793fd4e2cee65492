"""Parse a model spec: `embedded`, a local HF directory, a `.gguf` file, or `openai:<url>#<model>`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from medrails.errors import ModelLoadError

SpecKind = Literal["embedded", "hf", "gguf", "openai"]

SPEC_HELP = (
    "a model spec is one of: 'embedded' (SmolLM2-135M-Instruct shipped with medrails), "
    "a local Hugging Face model directory, a .gguf file, or 'openai:<base-url>#<model>' "
    "(for example openai:http://localhost:8000/v1#my-model)"
)


@dataclass(frozen=True)
class ModelSpec:
    kind: SpecKind
    path: Path | None = None
    base_url: str | None = None
    model: str | None = None
    raw: str = ""

    @property
    def display_name(self) -> str:
        if self.kind == "embedded":
            return "embedded:SmolLM2-135M-Instruct"
        if self.kind == "openai":
            return f"openai:{self.model}@{self.base_url}"
        return str(self.path)


def parse_spec(spec: str) -> ModelSpec:
    """Turn a user's model string into a ModelSpec, checking that local paths exist."""
    text = (spec or "").strip()
    if not text:
        raise ModelLoadError(f"empty model spec: {SPEC_HELP}")
    if text == "embedded":
        return ModelSpec(kind="embedded", raw=text)
    if text.startswith("openai:"):
        rest = text[len("openai:") :]
        url, _, model = rest.partition("#")
        if not url.startswith(("http://", "https://")):
            raise ModelLoadError(f"bad openai spec {text!r}: the base URL must start with http:// or https://")
        if not model:
            raise ModelLoadError(f"bad openai spec {text!r}: add '#<model-name>' after the URL")
        return ModelSpec(kind="openai", base_url=url.rstrip("/"), model=model, raw=text)
    path = Path(text).expanduser()
    if text.endswith(".gguf"):
        if not path.is_file():
            raise ModelLoadError(f"GGUF file not found: {path}")
        return ModelSpec(kind="gguf", path=path.resolve(), raw=text)
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise ModelLoadError(f"{path} is a directory but has no config.json: not a Hugging Face model directory")
        return ModelSpec(kind="hf", path=path.resolve(), raw=text)
    if path.exists():
        raise ModelLoadError(f"{path} is neither a model directory nor a .gguf file; {SPEC_HELP}")
    raise ModelLoadError(f"model not found: {text!r} does not exist; {SPEC_HELP}")
