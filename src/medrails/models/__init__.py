"""Model specs and loading: embedded default, HF dir, GGUF, OpenAI-compatible URL; tiny test models."""

from medrails.models.base import ChatModel, GenerationParams, Message
from medrails.models.loader import load_chat_model, resolve_model_dir
from medrails.models.spec import SPEC_HELP, ModelSpec, parse_spec

__all__ = [
    "SPEC_HELP",
    "ChatModel",
    "GenerationParams",
    "Message",
    "ModelSpec",
    "load_chat_model",
    "parse_spec",
    "resolve_model_dir",
]
