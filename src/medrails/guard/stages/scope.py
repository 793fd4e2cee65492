"""`scope`: non-medical requests are out of scope (coding, recipes, travel, sport...).
The classifier decides; a medical-vocabulary check keeps health questions in scope."""

from __future__ import annotations

import re

from medrails.guard.classifiers import shared_classifier
from medrails.guard.stage import register_stage
from medrails.guard.stages._common import classify, clip, warm_up
from medrails.guard.types import GuardContext, StageResult

MEDICAL_TERMS = re.compile(
    r"\b(health|medical|medicine|medication|drug|dose|doctor|nurse|pharmac\w*|hospital|clinic|symptoms?|disease|illness|"
    r"infection|virus|bacteria|vaccin\w*|pain|ache|fever|cough|blood|heart|lung|liver|kidney|brain|skin|cancer|tumou?r|"
    r"diabet\w*|pressure|cholesterol|allerg\w*|asthma|pregnan\w*|baby|surgery|therapy|diagnos\w*|treat\w*|pills?|"
    r"vitamin|diet|nutrition|sleep|anxiety|depress\w*|mental|injur\w*|wound|rash|headache|stroke|seizure|test results?|"
    r"\w+itis|\w+osis|\w+emia|\w+oma)\b", re.I)


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
        pred = classify(ctx)
        threshold = self.threshold if self.threshold is not None else shared_classifier().thresholds.out_of_scope
        medical = bool(MEDICAL_TERMS.search(ctx.text))
        if pred.p_out_of_scope >= threshold and pred.p_out_of_scope > pred.p_answer and not medical:
            return StageResult(name=self.name, action="block", score=clip(pred.p_out_of_scope), decision="out_of_scope",
                               detail=f"p(out_of_scope)={pred.p_out_of_scope:.2f}")
        return StageResult(name=self.name, action="pass", score=clip(pred.p_out_of_scope),
                           detail="medical vocabulary present" if medical and pred.p_out_of_scope >= threshold else "")
