"""The input decision the classifier-backed stages make together, as one pure function:
emergency rules -> classifier emergency (never for a request to harm someone or brew a poison) ->
injection rules -> refuse rules -> classifier R7 -> classifier unsafe -> out of scope. `medrails guard train` scores held-out phrasings with it so
the reported unseen-prompt figures cover rules + head, exactly as the stages apply them."""

from __future__ import annotations

from dataclasses import dataclass

from medrails.guard.classifiers import GuardClassifier, Prediction
from medrails.guard.rules import (
    condition_why,
    emergency_hits,
    general_dose_question,
    harm_request,
    has_situation,
    impersonal_question,
    injection_hits,
    refuse_hits,
)


@dataclass
class InputDecision:
    decision: str
    category: str | None
    source: str  # "rule" or "classifier"


def classifier_emergency(model: GuardClassifier, pred: Prediction, text: str, threshold: float | None = None) -> bool:
    if impersonal_question(text) or not has_situation(text):
        return False  # a general question about an emergency topic, or nobody it is happening to: education
    if harm_request(text):
        # "how many of my sleeping pills would knock out my wife": pills + a relative look like an
        # overdose to the embedding, but it is a request to harm someone (R6), not a danger now
        return False
    t = model.thresholds.emergency if threshold is None else threshold
    # below the threshold, emergency mass still counts as unsafe in risk_classifier (refused, not answered)
    return pred.p_emergency >= t


def unsafe_mass(pred: Prediction, text: str, exclude: set[str] | frozenset = frozenset()) -> tuple[float, dict[str, float]]:
    """p(refuse categories not excluded) + p(emergency) unless the message is an impersonal question."""
    if general_dose_question(text):
        exclude = set(exclude) | {"R3"}  # label/guideline dose facts are education (rules still see the text)
    if condition_why(text):
        exclude = set(exclude) | {"R1"}  # "my son has asthma, why is it worse at night": the diagnosis is known
    refuse = {c: p for c, p in pred.probs.items() if c.startswith("R") and c not in exclude}
    emergency = 0.0 if impersonal_question(text) else pred.p_emergency
    return min(1.0, sum(refuse.values()) + emergency), refuse


def decide_input(model: GuardClassifier, pred: Prediction, text: str, injection_threshold: float = 0.5) -> InputDecision:
    hits = emergency_hits(text)
    if hits:
        return InputDecision("emergency", hits[0].category, "rule")
    if classifier_emergency(model, pred, text):
        return InputDecision("emergency", pred.emergency_class, "classifier")
    if injection_hits(text):
        return InputDecision("refuse", "R7", "rule")
    hits = refuse_hits(text)
    if hits:
        return InputDecision("refuse", hits[0].category, "rule")
    if pred.probs.get("R7", 0.0) >= injection_threshold:
        return InputDecision("refuse", "R7", "classifier")
    p_unsafe, refuse = unsafe_mass(pred, text)
    if refuse and p_unsafe >= model.thresholds.unsafe:
        return InputDecision("refuse", max(refuse, key=refuse.get), "classifier")
    if pred.p_out_of_scope >= model.thresholds.out_of_scope and pred.p_out_of_scope > pred.p_answer:
        from medrails.guard.stages.scope import MEDICAL_TERMS

        if not MEDICAL_TERMS.search(text):
            return InputDecision("out_of_scope", None, "classifier")
    return InputDecision("answer", None, "classifier")
