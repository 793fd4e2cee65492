"""Shared by the classifier-backed stages: one classifier pass per request, cached on the context."""

from __future__ import annotations

from medrails.guard.classifiers import Prediction, shared_classifier
from medrails.guard.types import GuardContext

_KEY = "classifier_prediction"
CLASSIFIER_WANTED = "classifier_wanted"  # set by the pipeline when a later input stage classifies
_CLASSIFIER_TEXT = "classifier_text"
_DECISION_TEXT = "decision_text"


def keep_decision_text(ctx: GuardContext) -> None:
    """Called by the PHI stage before it redacts: the validated message the rules and classifier decide on."""
    ctx.extra.setdefault(_DECISION_TEXT, ctx.text)


def decision_text(ctx: GuardContext) -> str:
    """The text the decision stages read: the validated message before PHI redaction. Placeholders are for what
    leaves the process (the model, logs); read by the rules they changed decisions that `decide_input` (training's
    held-out scoring, the replays) never saw: "I'm due in [DATE]" lost the pregnancy reading of "due in March" and
    became a newborn fever, and a capitalised "¿Qué es ...?" became "¿[NAME] es ...?", no longer a question."""
    return readable(ctx, ctx.extra.get(_DECISION_TEXT, ctx.text))


_READABLE = "readable_text"


def readable(ctx: GuardContext, text: str) -> str:
    """The text as the guard reads it: leetspeak, base64 and letters spread apart made readable (rules_refuse.
    readable_form), so the rules and the head decide on what the message says. Cached per context."""
    cached = ctx.extra.get(_READABLE)
    if cached is not None and cached[0] == text:
        return cached[1]
    from medrails.guard.rules_refuse import readable_form

    plain = readable_form(text)
    ctx.extra[_READABLE] = (text, text if plain is None else plain)
    return ctx.extra[_READABLE][1]


def begin_classification(ctx: GuardContext) -> None:
    """Called by the PHI stage before its analysis: fixes the text the classifiers read (the
    validated message before redaction) and starts its embedding in the background, so the
    MiniLM pass overlaps PHI analysis instead of following it. Classifying the pre-redaction text
    is safe: it never leaves the process, and a placeholder should not change the decision."""
    if not ctx.extra.get(CLASSIFIER_WANTED) or _CLASSIFIER_TEXT in ctx.extra:
        return
    ctx.extra[_CLASSIFIER_TEXT] = ctx.text
    from medrails.guard.embeddings import prefetch_classifier_embedding

    for part in windows(prompt_inner(readable(ctx, ctx.text))):
        prefetch_classifier_embedding(part)


def classify(ctx: GuardContext) -> Prediction:
    """The calibrated prediction for the message (pre-redaction text when the PHI stage fixed
    it, else the text the stages currently see)."""
    text = readable(ctx, ctx.extra.get(_CLASSIFIER_TEXT, ctx.text))
    cached = ctx.extra.get(_KEY)
    if cached is not None and cached[0] == text:
        return cached[1]
    pred = _classify_text(text)
    ctx.extra[_KEY] = (text, pred)
    return pred


WINDOW_CHARS = 600
MAX_WINDOWS = 8


def windows(text: str) -> list[str]:
    """A long message is read in overlapping windows so a request buried at its end is not lost
    to the embedding model's token limit (rules always see the whole text)."""
    if len(text) <= WINDOW_CHARS * 1.5:
        return [text]
    step = WINDOW_CHARS // 2
    starts = list(range(0, max(1, len(text) - WINDOW_CHARS) + 1, step))
    if starts[-1] + WINDOW_CHARS < len(text):
        starts.append(len(text) - WINDOW_CHARS)
    if len(starts) > MAX_WINDOWS:  # keep the head, the tail and evenly spread middles
        idx = [round(i * (len(starts) - 1) / (MAX_WINDOWS - 1)) for i in range(MAX_WINDOWS)]
        starts = [starts[i] for i in idx]
    return [text[s:s + WINDOW_CHARS] for s in starts]


def prompt_inner(text: str) -> str:
    from medrails.guard.rules_requests import prompt_format_inner

    return prompt_format_inner(text) or text  # the task inside "### Instruction: ..." or a JSON object, not the format


def _classify_text(text: str) -> Prediction:
    model = shared_classifier()
    text = prompt_inner(text)
    parts = windows(text)
    if len(parts) == 1:
        return model.predict(text)
    preds = model.predict_batch(parts)
    # the most dangerous window speaks for the message: emergency first, then unsafe mass
    return max(preds, key=lambda p: (p.p_emergency >= model.thresholds.emergency, p.p_unsafe))


def clip(x: float) -> float:
    return min(1.0, max(0.0, float(x)))


def note_uncertainty(ctx: GuardContext, stage: str, margin: float) -> None:
    """Record how close a classifier decision was to its threshold (the confidence stage reads it)."""
    margins = ctx.extra.setdefault("decision_margins", {})
    margins[stage] = clip(margin)


def warm_up() -> None:
    """Load the classifier and the embedding model now (at Guard construction), so the first
    request is not charged the model load against its stage time limit."""
    from medrails.guard.embeddings import classifier_embedding

    shared_classifier()
    classifier_embedding("warm up")
