"""The defense-in-depth guard: stages, registry, pipeline, policies."""

from medrails.guard.pipeline import FAIL_CLOSED, Guard
from medrails.guard.policy import DEFAULT_POLICY, Policy, load_policy, shipped_policies
from medrails.guard.stage import Stage, build_stage, known_stages, register_stage
from medrails.guard.types import (
    DECISIONS,
    Citation,
    Decision,
    GuardContext,
    GuardVerdict,
    Redaction,
    StageResult,
)

__all__ = [
    "DECISIONS",
    "DEFAULT_POLICY",
    "FAIL_CLOSED",
    "Citation",
    "Decision",
    "Guard",
    "GuardContext",
    "GuardVerdict",
    "Policy",
    "Redaction",
    "Stage",
    "StageResult",
    "build_stage",
    "known_stages",
    "load_policy",
    "register_stage",
    "shipped_policies",
]
