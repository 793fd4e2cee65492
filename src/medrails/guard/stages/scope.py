"""`scope`: non-medical requests are out of scope (coding, recipes, travel, sport...).
The classifier decides; a medical-vocabulary check keeps health questions in scope."""

from __future__ import annotations

from medrails.guard.classifiers import shared_classifier
from medrails.guard.rules_es import spanish_medical
from medrails.guard.rules_scope import (  # noqa: F401 (re-exported)
    COMPUTER_INFECTION,
    MEDICAL_TERMS,
    NON_MEDICAL,
    NON_MEDICAL_TASK,
    clearly_non_medical,
)
from medrails.guard.stage import register_stage
from medrails.guard.stages._common import classify, clip, decision_text, warm_up
from medrails.guard.types import GuardContext, StageResult


def mentions_medicine(text: str) -> bool:
    """A medical word in English or Spanish ("¿qué es el VIH?"): the head's out-of-scope call is not trusted
    on such a message (the head reads little Spanish)."""
    return bool(MEDICAL_TERMS.search(text)) or spanish_medical(text)


@register_stage("scope")
class Scope:
    name = "scope"
    phase = "input"
    use_classifier = True  # the pipeline overlaps the classifier's embedding with PHI analysis

    def __init__(self, threshold: float | None = None):
        self.threshold = threshold

    def bind_policy(self, policy) -> None:
        if getattr(self, "use_classifier", True):
            warm_up()

    def run(self, ctx: GuardContext) -> StageResult:
        text = decision_text(ctx)
        pred = classify(ctx)
        threshold = self.threshold if self.threshold is not None else shared_classifier().thresholds.out_of_scope
        medical = mentions_medicine(text)
        if clearly_non_medical(text):
            return StageResult(name=self.name, action="block", score=1.0, decision="out_of_scope",
                               detail="rule: coding or maths question")
        if pred.p_out_of_scope >= threshold and pred.p_out_of_scope > pred.p_answer and not medical:
            return StageResult(name=self.name, action="block", score=clip(pred.p_out_of_scope), decision="out_of_scope",
                               detail=f"p(out_of_scope)={pred.p_out_of_scope:.2f}")
        return StageResult(name=self.name, action="pass", score=clip(pred.p_out_of_scope),
                           detail="medical vocabulary present" if medical and pred.p_out_of_scope >= threshold else "")
