"""`prompt_injection` (R7): attempts to disable the rules, extract the system prompt, switch
persona or smuggle instructions (chat markup, encoded payloads, nested "ignore previous").
Rules catch the explicit forms; the classifier's R7 probability catches paraphrases."""

from __future__ import annotations

from medrails.guard.decide import classifier_injection
from medrails.guard.rules import injection_hits
from medrails.guard.rules_base import RuleHit
from medrails.guard.rules_refuse import disguise_unread, readable_form
from medrails.guard.stage import register_stage
from medrails.guard.stages._common import classify, clip, decision_text, warm_up
from medrails.guard.types import GuardContext, StageResult


@register_stage("prompt_injection")
class PromptInjection:
    name = "prompt_injection"
    phase = "input"
    use_classifier = True  # the pipeline overlaps the classifier's embedding with PHI analysis

    def __init__(self, threshold: float = 0.5, use_classifier: bool = True):
        self.threshold = threshold
        self.use_classifier = use_classifier

    def bind_policy(self, policy) -> None:
        if getattr(self, "use_classifier", True):
            warm_up()

    def run(self, ctx: GuardContext) -> StageResult:
        text = decision_text(ctx)
        # check both the original and the normalized text: invisible characters are stripped by
        # input_validation, but a payload hidden in the original must still be caught
        original = ctx.original_text[:20000]
        hits = injection_hits(text) or injection_hits(readable_form(original) or original)  # read as decision_text reads it
        if not hits and disguise_unread(original):
            hits = [RuleHit("R7", "obfuscated (leetspeak) text not fully read")]
        if hits:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="R7",
                               detail="rule: " + ", ".join(sorted({h.rule for h in hits})))
        if not self.use_classifier:
            return StageResult(name=self.name, action="pass", score=0.0)
        pred = classify(ctx)
        p = pred.probs.get("R7", 0.0)
        if classifier_injection(pred, text, self.threshold):
            return StageResult(name=self.name, action="block", score=clip(p), decision="refuse", category="R7",
                               detail=f"classifier p(R7)={p:.2f}")
        return StageResult(name=self.name, action="pass", score=clip(p))
