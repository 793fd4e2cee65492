"""Text cleaning: the guide's intent (dosage spacing, whitespace, PHI) without its bugs.

The guide did `text.replace('mg', ' mg')`, which turns "500 mg" into "500  mg" and
"mg/dL" into " mg/dL" (and "omg" into "o mg"). Here a space is inserted only between a number
and a unit that directly follows it, and paragraph breaks survive whitespace normalization
(an MCQ's option lines must stay on their own lines).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

_UNITS = (
    "mcg", "µg", "μg", "ug", "mg", "kg", "g", "ng", "pg", "mL", "ml", "dL", "dl", "L",
    "mmHg", "mmol", "mEq", "meq", "IU", "iu", "units", "unit", "cc", "mcL", "µL", "μL", "nmol", "pmol",
    "bpm", "mm", "cm",
)
# longest first so "mmHg" wins over "mm"; the unit must end at a word boundary ("500mg/dL" ok, "5gram" not)
_UNIT_RE = re.compile(
    r"(?<![A-Za-z_])(\d+(?:[.,]\d+)?)(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")(?![A-Za-z0-9])"
)
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HSPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def normalize_units(text: str) -> str:
    """'500mg' -> '500 mg', '5mL' -> '5 mL'; '500 mg', 'mg/dL' and words containing 'mg' are untouched."""
    return _UNIT_RE.sub(r"\1 \2", text)


def normalize_text(text: str, unicode_form: str = "NFC") -> str:
    """Unicode normalization, no control or zero-width characters, single spaces, at most one blank line."""
    if unicode_form != "none":
        text = unicodedata.normalize(unicode_form, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _HSPACE.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


class PhiScrubber:
    """The guard's PHI component (medrails.guard.phi.redact) as a text -> text function that counts labels."""

    def __init__(self):
        from medrails.errors import MedrailsError

        try:
            from medrails.guard.phi import redact
        except ImportError as exc:
            raise MedrailsError(
                f"PHI scrubbing needs medrails.guard.phi ({exc}); install the guard's PHI stage or set "
                "`cleaning: {phi_scrub: false}` in the recipe if the sources are known to hold no PHI"
            ) from None
        self._redact = redact
        self.labels: Counter[str] = Counter()
        self.examples: list[str] = []  # redacted snippets, so a reviewer can spot false positives in the card

    def __call__(self, text: str) -> str:
        result = self._redact(text)
        self.labels.update(span.label for span in result.redactions)
        if result.redactions and len(self.examples) < 20:
            at = result.text.find("[" + result.redactions[0].label + "]")
            self.examples.append(result.text[max(0, at - 40): at + 40].replace("\n", " "))
        return result.text


def phi_redactor(enabled: bool) -> PhiScrubber | None:
    """The scrubber, imported only when scrubbing is on (Presidio + spaCy load in ~2 s)."""
    return PhiScrubber() if enabled else None


def clean_text(text: str, unicode_form: str = "NFC", units: bool = True, scrub: Callable[[str], str] | None = None) -> str:
    text = normalize_text(text, unicode_form)
    if units:
        text = normalize_units(text)
    if scrub is not None and text:
        text = scrub(text)
    return text
