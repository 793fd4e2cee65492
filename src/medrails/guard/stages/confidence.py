"""`confidence`: fail-closed fallback. Combines how close the input classifiers were to their
thresholds, any stage that errored or rewrote the answer, and an empty answer into
ctx.confidence; below the policy's threshold the request is refused (category low_confidence)
and flagged for human review."""

from __future__ import annotations

from medrails.guard.stage import register_stage
from medrails.guard.types import GuardContext, StageResult


@register_stage("confidence")
class Confidence:
    name = "confidence"
    phase = "output"

    def __init__(self, threshold: float | None = None, review_below: float = 0.7, margin_weight: float = 0.6):
        self.threshold = threshold
        self.review_below = review_below
        self.margin_weight = margin_weight

    def bind_policy(self, policy) -> None:
        if self.threshold is None:
            self.threshold = policy.confidence_threshold

    def run(self, ctx: GuardContext) -> StageResult:
        reasons = []
        confidence = ctx.confidence  # earlier output stages (grounding) may have lowered it already
        if confidence < 1.0:
            reasons.append(f"earlier stages set confidence {confidence:.2f}")
        margins = ctx.extra.get("decision_margins", {})
        if margins:
            closest = min(margins.values())  # 0 = exactly on a threshold, 1 = far from it
            confidence = min(confidence, 1.0 - self.margin_weight * (1.0 - closest))
            if closest < 0.2:
                reasons.append(f"input classifier close to its threshold (margin {closest:.2f})")
        if any(s.action == "error" for s in ctx.stages):
            confidence = 0.0
            reasons.append("a stage failed")
        if any(s.action == "rewrite" and s.name != "input_validation" for s in ctx.stages):
            confidence = min(confidence, 0.6)
            reasons.append("the answer was rewritten by a safety stage")
        if ctx.decision == "answer" and not ctx.output.strip():
            confidence = 0.0
            reasons.append("empty answer")
        ctx.confidence = max(0.0, min(1.0, confidence))
        threshold = self.threshold if self.threshold is not None else 0.5
        if ctx.confidence < self.review_below:
            ctx.review_reasons.append("confidence: " + ("; ".join(reasons) or f"{ctx.confidence:.2f}"))
        if ctx.decision == "answer" and ctx.confidence < threshold:
            return StageResult(name=self.name, action="block", score=1.0 - ctx.confidence, decision="refuse",
                               category="low_confidence", detail="; ".join(reasons))
        return StageResult(name=self.name, action="flag" if ctx.confidence < self.review_below else "pass",
                           score=1.0 - ctx.confidence, detail="; ".join(reasons))
