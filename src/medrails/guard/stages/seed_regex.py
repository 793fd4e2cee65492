"""`seed_regex` and `seed_disclaimer`: the guide's original filter, reproduced exactly, kept as the
baseline every report compares against (seed-baseline policy). HIGH_RISK_PATTERNS and the
disclaimer text are copied verbatim from the guide's "Pre-Processing (Input Filtering)" and
"Post-Processing (Output Filtering)" sections."""

from __future__ import annotations

import re

from medrails.guard.stage import register_stage
from medrails.guard.types import GuardContext, StageResult

HIGH_RISK_PATTERNS = [
    r'should i stop (taking|my)',
    r'how (do i|to) perform surgery',
    r'diagnose (me|myself)',
    r'best treatment for',
    r'cure for',
    r'dosage of',
]
SEED_REFUSAL = "I cannot provide medical advice on this topic. Please consult a licensed healthcare provider."
SEED_DISCLAIMER = ("\n\n⚠️ This information is for educational purposes only. Always consult a qualified healthcare "
                   "provider for medical advice, diagnosis, or treatment.")


def is_high_risk(query: str) -> bool:
    query_lower = query.lower()
    return any(re.search(pattern, query_lower) for pattern in HIGH_RISK_PATTERNS)


@register_stage("seed_regex")
class SeedRegex:
    name = "seed_regex"
    phase = "input"

    def run(self, ctx: GuardContext) -> StageResult:
        if is_high_risk(ctx.text):
            ctx.extra["safe_response"] = SEED_REFUSAL
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", detail="HIGH_RISK_PATTERNS match")
        return StageResult(name=self.name, action="pass", score=0.0)


@register_stage("seed_disclaimer")
class SeedDisclaimer:
    """The guide's add_medical_disclaimer: append the disclaimer to the model output."""

    name = "seed_disclaimer"
    phase = "output"

    def run(self, ctx: GuardContext) -> StageResult:
        if SEED_DISCLAIMER.strip() not in ctx.output:
            ctx.output = ctx.output + SEED_DISCLAIMER
        return StageResult(name=self.name, action="append", score=0.0)
