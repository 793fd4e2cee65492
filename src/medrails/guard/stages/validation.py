"""Input validation: size, encoding damage, control and zero-width characters."""

from __future__ import annotations

import re
import unicodedata

from medrails.guard.stage import register_stage
from medrails.guard.types import GuardContext, StageResult

# zero-width and bidi-control characters are used to hide words from filters
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFKC-fold look-alike characters and drop invisible ones so later stages see plain text."""
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return unicodedata.normalize("NFKC", text)


@register_stage("input_validation")
class InputValidation:
    name = "input_validation"
    phase = "input"

    def __init__(self, max_chars: int | None = None, min_chars: int = 1, max_replacement_ratio: float = 0.2):
        self.max_chars = max_chars
        self.min_chars = min_chars
        self.max_replacement_ratio = max_replacement_ratio

    def bind_policy(self, policy) -> None:
        if self.max_chars is None:
            self.max_chars = policy.max_input_chars

    def run(self, ctx: GuardContext) -> StageResult:
        text = ctx.text
        limit = self.max_chars or 4000
        if len(text) > limit:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="input_too_long",
                               detail=f"{len(text)} characters; the limit is {limit}")
        stripped = text.strip()
        if len(stripped) < self.min_chars:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="empty_input",
                               detail="the message is empty")
        if stripped and stripped.count("\ufffd") / len(stripped) > self.max_replacement_ratio:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="unreadable_input",
                               detail="the message is mostly undecodable bytes")
        normalized = normalize_text(text)
        if normalized != text:
            ctx.extra["normalized"] = True
            # Redaction offsets must keep indexing the original text, so later stages see the
            # normalized text only when no characters were removed before a span could begin.
            ctx.text = normalized
            return StageResult(name=self.name, action="rewrite", score=0.0, detail="normalized unicode / removed invisible characters")
        return StageResult(name=self.name, action="pass", score=0.0)
