"""Resolve a model spec to a ChatModel; one loaded instance per spec per process."""

from __future__ import annotations

import threading
from pathlib import Path

from medrails.errors import ModelLoadError
from medrails.models.base import ChatModel
from medrails.models.spec import ModelSpec, parse_spec

_cache: dict[tuple[str, str | None], ChatModel] = {}
_lock = threading.Lock()


def resolve_model_dir(spec: ModelSpec) -> Path:
    """A local safetensors directory for an embedded / gguf / hf spec (converting GGUF once)."""
    from medrails.models import embedded

    if spec.kind == "embedded":
        return embedded.ensure_converted()
    if spec.kind == "gguf":
        assert spec.path is not None
        return embedded.ensure_converted(spec.path)
    if spec.kind == "hf":
        assert spec.path is not None
        return spec.path
    raise ModelLoadError(f"{spec.raw}: a remote model has no local directory (training and log-likelihood eval need one)")


def load_chat_model(spec: str | ModelSpec, adapter: str | Path | None = None) -> ChatModel:
    """Load (or reuse) the model a spec names. Adapters apply to local models only."""
    parsed = parse_spec(spec) if isinstance(spec, str) else spec
    key = (parsed.raw or parsed.display_name, str(adapter) if adapter else None)
    with _lock:
        if key in _cache:
            return _cache[key]
        if parsed.kind == "openai":
            if adapter:
                raise ModelLoadError("--adapter works with local models only; serve the adapter upstream instead")
            from medrails.models.openai_compat import OpenAICompatibleModel

            model: ChatModel = OpenAICompatibleModel(parsed.base_url or "", parsed.model or "")
        else:
            from medrails.models.local import TransformersChatModel

            directory = resolve_model_dir(parsed)
            model = TransformersChatModel.from_directory(
                directory, name=parsed.display_name, adapter=Path(adapter) if adapter else None
            )
        _cache[key] = model
        return model
