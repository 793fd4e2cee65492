"""Character spans: what every extractor returns and what the extraction metrics score."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, order=True)
class Span:
    """A labelled character range `text[start:end]`."""

    start: int
    end: int
    label: str
    text: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Extractor(Protocol):
    """Anything that finds entity spans in a text (a dictionary, a prompted LLM, a trained tagger)."""

    name: str
    labels: tuple[str, ...]

    def extract(self, text: str) -> list[Span]: ...
