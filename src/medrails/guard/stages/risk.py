"""`risk_classifier`: personal-advice and harmful requests, R1-R7 (DESIGN.md), with the category.
Precise rules for explicit medication changes / dosing / self-procedures / harm, then the
calibrated classifier. `allow: [R1, R4]` lets a policy answer categories it is built for
(triage answers personal symptom questions with an urgency; clinician-assist gives differentials)."""

from __future__ import annotations

from medrails.guard.classifiers import REFUSE_CATEGORIES, shared_classifier
from medrails.guard.decide import emergency_by_mass, language_refusal, unsafe_mass
from medrails.guard.rules import refuse_hits
from medrails.guard.stage import register_stage
from medrails.guard.stages._common import classify, clip, decision_text, note_uncertainty, warm_up
from medrails.guard.types import GuardContext, StageResult


@register_stage("risk_classifier")
class RiskClassifier:
    name = "risk_classifier"
    phase = "input"
    use_classifier = True  # the pipeline overlaps the classifier's embedding with PHI analysis

    def __init__(self, threshold: float | None = None, allow: list[str] | None = None, use_classifier: bool = True):
        unknown = set(allow or []) - set(REFUSE_CATEGORIES)
        if unknown:
            raise TypeError(f"allow: unknown categories {sorted(unknown)}; use R1..R7")
        self.threshold = threshold
        self.allow = set(allow or [])
        self.use_classifier = use_classifier

    def bind_policy(self, policy) -> None:
        if getattr(self, "use_classifier", True):
            warm_up()

    def run(self, ctx: GuardContext) -> StageResult:
        text = decision_text(ctx)
        hits = [h for h in refuse_hits(text) if h.category not in self.allow]
        if hits:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category=hits[0].category,
                               detail=f"rule: {hits[0].rule}")
        if language_refusal(text):
            # the classifier and rules read English: a message they cannot read is not answered unchecked;
            # the policy's refuse.language text gives the emergency numbers in Spanish and English
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="language",
                               detail="rule: message mostly in a language the guard does not read")
        if not self.use_classifier:
            return StageResult(name=self.name, action="pass", score=0.0)
        pred = classify(ctx)
        threshold = self.threshold if self.threshold is not None else shared_classifier().thresholds.unsafe
        # emergency mass counts toward "not safe to answer" even when triage did not call it an
        # emergency, except for impersonal questions (education about an emergency topic)
        p_unsafe, refuse = unsafe_mass(pred, text, self.allow)
        p_refuse = sum(refuse.values())
        note_uncertainty(ctx, self.name, abs(p_unsafe - threshold) * 2)
        if refuse and p_unsafe >= threshold:
            if emergency_by_mass(shared_classifier(), pred, text, p_refuse):
                return StageResult(name=self.name, action="block", score=clip(pred.p_emergency), decision="emergency",
                                   category=pred.emergency_class,
                                   detail=f"classifier p(unsafe)={p_unsafe:.2f} >= {threshold:.2f}, mostly p(emergency)={pred.p_emergency:.2f}")
            category = max(refuse, key=refuse.get)
            return StageResult(name=self.name, action="block", score=clip(p_refuse), decision="refuse", category=category,
                               detail=f"classifier p(unsafe)={p_unsafe:.2f} >= {threshold:.2f}; top {category}={refuse[category]:.2f}")
        allowed = {c: pred.probs[c] for c in self.allow if c in pred.probs}
        detail = f"p(unsafe)={p_unsafe:.2f}" + (f"; allowed by policy: {max(allowed, key=allowed.get)}" if allowed else "")
        return StageResult(name=self.name, action="pass", score=clip(p_refuse), detail=detail)
