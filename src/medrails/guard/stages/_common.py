"""Shared by the classifier-backed stages: one classifier pass per request, cached on the context."""

from __future__ import annotations

from medrails.guard.classifiers import Prediction, shared_classifier
from medrails.guard.types import GuardContext

_KEY = "classifier_prediction"


def classify(ctx: GuardContext) -> Prediction:
    """The calibrated prediction for the text the stages currently see (after redaction)."""
    cached = ctx.extra.get(_KEY)
    if cached is not None and cached[0] == ctx.text:
        return cached[1]
    pred = shared_classifier().predict(ctx.text)
    ctx.extra[_KEY] = (ctx.text, pred)
    return pred


def clip(x: float) -> float:
    return min(1.0, max(0.0, float(x)))


def note_uncertainty(ctx: GuardContext, stage: str, margin: float) -> None:
    """Record how close a classifier decision was to its threshold (the confidence stage reads it)."""
    margins = ctx.extra.setdefault("decision_margins", {})
    margins[stage] = clip(margin)


def warm_up() -> None:
    """Load the classifier and the embedding model now (at Guard construction), so the first
    request is not charged the model load against its stage time limit."""
    from medrails.guard.embeddings import embed

    shared_classifier()
    embed(["warm up"])
