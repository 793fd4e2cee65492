"""One generation interface for every backend: messages in, text or a token stream out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

Message = dict[str, str]  # {"role": "system"|"user"|"assistant", "content": "..."}


@dataclass(frozen=True)
class GenerationParams:
    """Decoding settings shared by all backends."""

    max_new_tokens: int = 256
    temperature: float = 0.0  # 0 means greedy: reproducible answers by default
    top_p: float = 1.0
    seed: int | None = None
    stop: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.max_new_tokens < 1:
            raise ValueError("max_new_tokens must be at least 1")
        if not 0.0 <= self.temperature <= 2.0:
            raise ValueError("temperature must be between 0 and 2")
        if not 0.0 < self.top_p <= 1.0:
            raise ValueError("top_p must be in (0, 1]")


@runtime_checkable
class ChatModel(Protocol):
    """What the guard, the server and eval need from a model."""

    name: str

    def generate(self, messages: list[Message], params: GenerationParams) -> str: ...

    def stream(self, messages: list[Message], params: GenerationParams) -> Iterator[str]: ...
