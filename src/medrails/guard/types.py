"""Typed guard results: the contract every stage, the CLI `--json` and the server share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

Decision = Literal["answer", "refuse", "emergency", "out_of_scope"]
DECISIONS: tuple[str, ...] = ("answer", "refuse", "emergency", "out_of_scope")
StageAction = Literal["pass", "redact", "block", "flag", "rewrite", "append", "error"]


class Redaction(BaseModel):
    """A PHI span replaced by a typed placeholder; offsets index the ORIGINAL input text."""

    label: str = Field(description="Entity type, e.g. NAME, DATE, MRN")
    start: int = Field(ge=0, description="Start offset in the original text")
    end: int = Field(ge=0, description="End offset (exclusive) in the original text")
    score: float = Field(default=1.0, ge=0.0, le=1.0, description="Detector confidence")


class Citation(BaseModel):
    """A retrieved passage an answer relies on."""

    id: str = Field(description="Citation marker as used inline, e.g. '1'")
    title: str = Field(description="Document title")
    source: str = Field(description="URL or path of the source document")
    text: str = Field(description="The passage text")
    lines: str = Field(default="", description="Line range in the source, e.g. '12-30'")


class StageResult(BaseModel):
    """What one stage did to one request."""

    name: str
    action: StageAction = "pass"
    score: float = Field(default=0.0, description="Stage confidence / risk score in [0, 1]")
    ms: float = Field(default=0.0, ge=0.0)
    decision: Decision | None = Field(default=None, description="Set when the stage decides the request")
    category: str | None = None
    detail: str = ""

    @field_validator("score")
    @classmethod
    def _score_in_unit_interval(cls, v: float) -> float:
        if not 0.0 <= v <= 1.0:
            raise ValueError(f"stage score must be in [0, 1], got {v}")
        return v

    def public(self) -> dict[str, Any]:
        return {"name": self.name, "action": self.action, "score": round(self.score, 4), "ms": round(self.ms, 3)}


@dataclass
class GuardContext:
    """Mutable state passed through the stages of one request."""

    original_text: str
    text: str
    policy_name: str
    redactions: list[Redaction] = field(default_factory=list)
    stages: list[StageResult] = field(default_factory=list)
    decision: Decision = "answer"
    category: str | None = None
    # output phase
    output: str = ""
    passages: list[Citation] = field(default_factory=list)
    confidence: float = 1.0
    review_reasons: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def blocked(self) -> bool:
        return self.decision != "answer"


class GuardVerdict(BaseModel):
    """The result of a full guard pass (input, and output when the model was called)."""

    decision: Decision
    category: str | None = None
    answer: str = ""
    citations: list[Citation] = Field(default_factory=list)
    disclaimer: str = ""
    stages: list[StageResult] = Field(default_factory=list)
    redactions: list[Redaction] = Field(default_factory=list)
    audit_id: str = ""
    redacted_input: str = ""
    confidence: float = 1.0
    review_reasons: list[str] = Field(default_factory=list)
    model_called: bool = False
    triage: dict[str, Any] | None = Field(default=None, description="Graded urgency and reasons (triage policy)")

    def public(self) -> dict[str, Any]:
        """The `--json` contract from DESIGN.md: these keys, always present."""
        return {
            "decision": self.decision,
            "category": self.category,
            "answer": self.answer,
            "citations": [c.model_dump(include={"id", "title", "source", "text"}) for c in self.citations],
            "disclaimer": self.disclaimer,
            "stages": [s.public() for s in self.stages],
            "redactions": [r.model_dump(include={"label", "start", "end"}) for r in self.redactions],
            "audit_id": self.audit_id,
            **({"triage": self.triage} if self.triage else {}),
        }
