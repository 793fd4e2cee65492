"""The settings `ask` (and later `serve`) read: a YAML file, `--set` overrides, then CLI flags."""

from __future__ import annotations

from pydantic import Field

from medrails.config.loader import StrictModel


class AskSettings(StrictModel):
    model: str = Field(default="embedded", description="Model spec: embedded, HF dir, .gguf file or openai:<url>#<model>")
    adapter: str | None = Field(default=None, description="PEFT adapter directory applied to a local model")
    policy: str = Field(default="patient-education", description="Guard policy name or YAML path")
    kb: str | None = Field(default="starter", description="Knowledge base directory, 'starter' (shipped) or null for none")
    retrieval_k: int = Field(default=3, ge=0, le=20, description="Passages retrieved per question")
    max_new_tokens: int = Field(default=200, ge=1, le=4096, description="Most tokens the model may generate")
    temperature: float = Field(default=0.0, ge=0.0, le=2.0, description="Sampling temperature; 0 is greedy")
    top_p: float = Field(default=1.0, gt=0.0, le=1.0, description="Nucleus sampling mass")
    seed: int | None = Field(default=None, description="Sampling seed for reproducible sampled answers")
    max_question_chars: int = Field(default=4000, ge=1, description="Longest question accepted (the policy may be stricter)")
    audit: bool = Field(default=True, description="Write an audit record for every question")
