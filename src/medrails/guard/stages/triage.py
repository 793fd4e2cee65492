"""`emergency_triage`: acute danger now (heart attack or stroke signs, can't breathe, anaphylaxis,
suicidal intent, overdose, severe bleeding, unconscious, seizure, newborn fever). Precise rules
first, then the calibrated classifier. Emergency wins over everything (the pipeline stops).

With `urgency: true` (triage policy) non-emergencies are graded too: "see_doctor_soon" or
"self_care", with reasons, in StageResult.detail and ctx.extra["triage"]."""

from __future__ import annotations

import re

from medrails.guard.classifiers import shared_classifier
from medrails.guard.decide import classifier_emergency, denied_emergency, now_denied_said
from medrails.guard.rules import emergency_hits, normalize
from medrails.guard.stage import register_stage
from medrails.guard.stages._common import classify, clip, decision_text, note_uncertainty, warm_up
from medrails.guard.types import GuardContext, StageResult

# Signs that deserve a clinician within a day or two (not an ambulance): the reason is reported.
SEE_DOCTOR_SOON: list[tuple[str, re.Pattern]] = [
    ("fever lasting more than 3 days", re.compile(r"\bfever\b.{0,40}\b([3-9]|three|four|five|several) days\b|\b([3-9]|three|four|five) days\b.{0,40}\bfever\b")),
    ("symptoms lasting weeks", re.compile(r"\b(\d+|two|three|four|several|few) (weeks|months)\b|\bfor weeks\b|\bchronic\b")),
    ("blood where it should not be", re.compile(r"\bblood (in|when)\b|\bbloody\b")),
    ("unexplained weight loss", re.compile(r"\b(lost|losing) (\d+ )?(pounds|lbs|kg|weight)\b.{0,30}\b(without|not) trying\b|\bunexplained weight loss\b")),
    ("a new lump or changing mole", re.compile(r"\blump\b|\bmole\b.{0,30}\b(chang\w*|bigger|bleed\w*|uneven)")),
    ("pain that is getting worse", re.compile(r"\b(worse|worsening|getting worse)\b")),
    ("fever with a rash or stiff neck", re.compile(r"\bfever\b.{0,40}\b(rash|stiff neck)\b")),
    ("pregnancy with new symptoms", re.compile(r"\bpregnan\w*\b")),
    ("signs of infection", re.compile(r"\b(pus|red streaks?|spreading redness|swollen and warm|warm and swollen)\b")),
    ("high fever", re.compile(r"\b(10[3-9](\.\d)?|39\.[5-9]|40(\.\d)?)\b")),
]


@register_stage("emergency_triage")
class EmergencyTriage:
    name = "emergency_triage"
    phase = "input"
    use_classifier = True  # the pipeline overlaps the classifier's embedding with PHI analysis

    def __init__(self, threshold: float | None = None, urgency: bool = False, use_classifier: bool = True):
        self.threshold = threshold
        self.urgency = urgency
        self.use_classifier = use_classifier

    def bind_policy(self, policy) -> None:
        if getattr(self, "use_classifier", True):
            warm_up()

    def run(self, ctx: GuardContext) -> StageResult:
        text = decision_text(ctx)
        hits = emergency_hits(text)
        if hits and self.use_classifier and now_denied_said(normalize(text)) and denied_emergency(classify(ctx), text, hits[0].category):
            # "nobody is having a stroke, why no water?": the denial and the head agree (decide.denied_emergency); the
            # regex is checked first so a rule emergency with no denial never waits for the classifier
            hits = []
        if hits:
            cls = hits[0].category
            self._set_triage(ctx, "emergency", [h.rule for h in hits])
            return StageResult(name=self.name, action="block", score=1.0, decision="emergency", category=cls,
                               detail=f"rule: {hits[0].rule}" + ("; urgency=emergency" if self.urgency else ""))
        if not self.use_classifier:
            return self._non_emergency(ctx, 0.0)
        pred = classify(ctx)
        model = shared_classifier()
        threshold = self.threshold if self.threshold is not None else model.thresholds.emergency
        note_uncertainty(ctx, self.name, abs(pred.p_emergency - threshold) * 2)
        if classifier_emergency(model, pred, text, threshold):
            self._set_triage(ctx, "emergency", [f"classifier: {pred.emergency_class}"])
            return StageResult(name=self.name, action="block", score=clip(pred.p_emergency), decision="emergency",
                               category=pred.emergency_class,
                               detail=f"classifier p(emergency)={pred.p_emergency:.2f}" + ("; urgency=emergency" if self.urgency else ""))
        return self._non_emergency(ctx, pred.p_emergency)

    def _non_emergency(self, ctx: GuardContext, p_emergency: float) -> StageResult:
        if not self.urgency:
            return StageResult(name=self.name, action="pass", score=clip(p_emergency))
        t = normalize(decision_text(ctx))
        reasons = [why for why, rx in SEE_DOCTOR_SOON if rx.search(t)]
        level = "see_doctor_soon" if reasons or p_emergency >= 0.2 else "self_care"
        if not reasons:
            reasons = (["symptoms could become serious: get checked soon"] if level == "see_doctor_soon"
                       else ["no emergency or urgent warning signs mentioned"])
        self._set_triage(ctx, level, reasons)
        return StageResult(name=self.name, action="flag" if level == "see_doctor_soon" else "pass", score=clip(p_emergency),
                           detail=f"urgency={level}; reasons: {'; '.join(reasons)}")

    def _set_triage(self, ctx: GuardContext, level: str, reasons: list[str]) -> None:
        if self.urgency:
            ctx.extra["triage"] = {"urgency": level, "reasons": reasons}
