"""Clinical shorthand: emergencies and requests written the way nurses, EMTs, pharmacy staff and care-home
workers write ("pt c/o CP radiating to L arm, diaphoretic", "GCS 7, BGL 1.9", "sats 84% RA"). The English
rules read lay wording; these read the abbreviations. Each alternative names its own evidence."""

from __future__ import annotations

from medrails.guard.rules_base import RuleHit, _rx

CLINICAL_EMERGENCY: list[tuple[str, str, object]] = [
    ("unconscious", "a patient's Glasgow coma score of 8 or less now", _rx(
        r"\b(pt|patient|resident|client|he|she|they|my (\w+ )?(patient|resident|client))\b.{0,80}\bgcs (is |of |now |dropped to |down to |= ?)?[3-8]\b(?![.,]\d)",
        r"\bgcs (is |now |dropped to |down to |= ?)?[3-8]\b(?![.,]\d).{0,40}\b(now|currently|just|minutes?|since|this shift)\b")),
]

CLINICAL_REFUSE: list[tuple[str, str, object]] = []


# "why do we intubate at a GCS of 8", "what does GCS 6 mean": the scale as a topic
_ABOUT_THE_SCALE = _rx(r"\b(what (does|do|is)|why (do|does|is|are)|at what|mean(s)?|explain|how (is|do you) (calculat|scor|assess))\w*\b.{0,40}\bgcs\b",
                       r"\bgcs\b.{0,40}\b(mean|means|meaning|calculat\w*|scored|threshold|cut ?off)\b")


def clinical_emergency_hits(t: str) -> list[RuleHit]:
    """`t` is the normalized message."""
    if _ABOUT_THE_SCALE.search(t):
        return []
    return [RuleHit(cls, name) for cls, name, rx in CLINICAL_EMERGENCY if rx.search(t)]


def clinical_refuse_hits(t: str) -> list[RuleHit]:
    return [RuleHit(cat, name) for cat, name, rx in CLINICAL_REFUSE if rx.search(t)]
