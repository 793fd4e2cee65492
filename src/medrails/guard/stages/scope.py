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
    r"\w+itis|\w+osis|\w+emia|\w+oma)\b"
    # nutrition is health education ("which foods are high in iron for vegetarians")
    r"|\b(iron|calcium|protein|fib(er|re)|zinc|magnesium|potassium|folate|folic acid|b12|omega-?3|nutrients?|minerals?|electrolytes?|"
    r"calories)\b.{0,40}\b(foods?|diet|eat\w*|sources?|rich|high|low|deficien\w*|levels?|intake|supplements?|vegetarians?|vegans?|enough)\b"
    r"|\b(foods?|sources?|rich in|high in|low in|deficien\w*|enough)\b.{0,40}\b(iron|calcium|protein|fib(er|re)|zinc|magnesium|potassium|"
    r"folate|b12|omega-?3|nutrients?|minerals?)\b", re.I)

# Coding and maths questions the classifier may still answer ("why does my javascript fetch return a pending
# promise", "derivative of x^3 sin x"): out of scope when no medical word is present.
NON_MEDICAL = re.compile(
    r"\b(javascript|typescript|python (script|code|list|dict\w*|function|class|error|loop|package)|java (code|class|error)|c\+\+|"
    r"sql (query|join|table)|sql for me|select \* from|html|css|regex|stack ?trace|compile[rd]? (error)?|npm|pip install|git (merge|rebase|commit|push|pull)|docker|"
    r"kubernetes|react (component|hook|state)|node\.?js|api (endpoint|call|key)|segfault|null pointer|undefined is not|"
    r"pending promise|for loop|while loop|hash ?map|linked list|excel formula|spreadsheet formula)\b"
    r"|\b(derivative|integral|antiderivative|limit)\s+of\b.{0,20}(\bx\b|\^|\bsin\b|\bcos\b|\btan\b|\bln\b|\d)"
    r"|\b(solve for [a-z]\b|quadratic (equation|formula)|polynomial|factori[sz]e|eigen\w*|matrix multiplication|calculus|algebra|"
    r"trigonometry|logarithm)\b|\b[a-z]\s*\^\s*\d", re.I)


# "my laptop has a virus": a computer infection; the medical words in it are about the machine
COMPUTER_INFECTION = re.compile(r"\b(my |the |our |a )?(laptop|computer|pc|macbook|mac|phone|iphone|android|tablet|router|website|browser|"
                                r"windows|email account)( has| got| is| caught)?( a| an)?( \w+)? (virus|viruses|malware|infected|infection|"
                                r"trojan|worm|ransomware)\b", re.I)


def clearly_non_medical(text: str) -> bool:
    if COMPUTER_INFECTION.search(text) and not MEDICAL_TERMS.search(COMPUTER_INFECTION.sub(" ", text)):
        return True
    return bool(NON_MEDICAL.search(text)) and not MEDICAL_TERMS.search(text)


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
        if clearly_non_medical(ctx.text):
            return StageResult(name=self.name, action="block", score=1.0, decision="out_of_scope",
                               detail="rule: coding or maths question")
        if pred.p_out_of_scope >= threshold and pred.p_out_of_scope > pred.p_answer and not medical:
            return StageResult(name=self.name, action="block", score=clip(pred.p_out_of_scope), decision="out_of_scope",
                               detail=f"p(out_of_scope)={pred.p_out_of_scope:.2f}")
        return StageResult(name=self.name, action="pass", score=clip(pred.p_out_of_scope),
                           detail="medical vocabulary present" if medical and pred.p_out_of_scope >= threshold else "")
