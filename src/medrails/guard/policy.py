"""Guard policies: which stages run, in what order, and what the user is told."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import Field

from medrails.config.loader import StrictModel, read_yaml, validate
from medrails.errors import ConfigError
from medrails.paths import package_file

POLICY_DIR = package_file("guard", "policies")
DEFAULT_POLICY = "patient-education"


class StageSpec(StrictModel):
    name: str = Field(description="Registered stage name (see `medrails guard stages`)")
    options: dict[str, Any] = Field(default_factory=dict, description="Keyword options passed to the stage")
    timeout_ms: float | None = Field(default=None, gt=0, description="Per-stage time limit; over it the request fails closed")


class EmergencyNumbers(StrictModel):
    emergency: str = Field(description="Emergency services number, e.g. 911")
    crisis_line: str = Field(description="Suicide and crisis line, e.g. 988")
    poison_control: str = Field(description="Poison control number, e.g. 1-800-222-1222")


class Policy(StrictModel):
    name: str = Field(description="Policy name, used in audit records and reports")
    description: str = Field(default="", description="What the policy is for")
    locale: str = Field(default="en-US", description="Locale for responses and emergency numbers")
    system_prompt: str = Field(description="System prompt given to the model for answers")
    disclaimer: str = Field(description="Mandatory disclaimer appended to every answer")
    input_stages: list[StageSpec] = Field(default_factory=list, description="Stages run on the user's message, in order")
    output_stages: list[StageSpec] = Field(default_factory=list, description="Stages run on the model's answer, in order")
    responses: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="locale -> key -> text; keys: emergency[.class], refuse[.R1-R7], out_of_scope, fail_closed, triage.*",
    )
    emergency_numbers: dict[str, EmergencyNumbers] = Field(default_factory=dict, description="locale -> numbers")
    confidence_threshold: float = Field(default=0.5, ge=0.0, le=1.0, description="Below this the answer fails closed")
    max_input_chars: int = Field(default=4000, gt=0, description="Longer messages are refused with a clear reason")
    stage_timeout_ms: float = Field(default=2000.0, gt=0, description="Default per-stage time limit")
    cite_sources: bool = Field(default=True, description="Append a numbered source list when passages were used")

    def response(self, key: str) -> str:
        """The response text for `key` (e.g. 'refuse.R2'), falling back to its family, then fail_closed."""
        table = self.responses.get(self.locale) or next(iter(self.responses.values()), {})
        text = table.get(key) or table.get(key.split(".")[0]) or table.get("fail_closed")
        if not text:
            text = "I can't help with that here. Please talk to a qualified healthcare provider."
        numbers = self.emergency_numbers.get(self.locale)
        if numbers:
            text = text.replace("{emergency}", numbers.emergency)
            text = text.replace("{crisis_line}", numbers.crisis_line)
            text = text.replace("{poison_control}", numbers.poison_control)
        return text

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.model_dump(), sort_keys=True).encode()).hexdigest()


def shipped_policies() -> list[str]:
    return sorted(p.stem for p in POLICY_DIR.glob("*.yaml"))


def load_policy(name_or_path: str | Path | None = None) -> Policy:
    """A shipped policy by name, or a YAML file by path."""
    ref = str(name_or_path or DEFAULT_POLICY)
    path = Path(ref)
    if not (path.suffix in {".yaml", ".yml"} and path.exists()):
        path = POLICY_DIR / f"{ref}.yaml"
        if not path.is_file():
            raise ConfigError(
                [f"unknown policy {ref!r}; shipped policies: {', '.join(shipped_policies())} (or give a YAML path)"],
                "--policy",
            )
    return validate(Policy, read_yaml(path), str(path))
