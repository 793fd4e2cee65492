"""Medical common nouns, so a capitalized condition, drug or test is not redacted as a name or place.

spaCy's small model tags a capitalized word opening a sentence or line ("Sciatica: how long ...",
"Pneumonia symptoms") as PERSON or LOCATION. Hand lists cannot cover medicine, so the vocabulary
is derived, at first use, from text medrails ships and wrote itself: the starter knowledge base
(`medrails/rag/starter/*.md`) and the guard's training data (`medrails/guard/training_data/*.jsonl`).
A word counts when it occurs in lowercase there (a real name almost never appears lowercase in
medical prose) and never as a capitalized word inside a sentence (a proper noun in those texts).
Words that are also common given names or surnames ("brown", "will", "may") are left out, so a
span made only of them stays redacted: erring toward redaction is the safe side.

Service names ("Poison Control", "Suicide and Crisis Lifeline", "Emergency Department") are
recognized by one pattern: they are what a patient is told to call or go to, never PHI.
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # src/medrails
SOURCES = (("rag/starter", "*.md"), ("guard/training_data", "*.jsonl"))
MIN_LENGTH = 4  # shorter lowercase words ("dan", "lee", "ali") are too often names

# English words that are also frequent given names, surnames or place names: never treated as
# medical, so "Will Brown", "Olive Long" or "moved to Reading" stay redacted even though those words
# appear lowercase in the sources. (Checked against ~400 common US first names and surnames and
# ~120 city/country names: only olive, autumn, reading, bath, marathon, normal, turkey were in the
# derived vocabulary; the rest of this list is there for safety.)
NAME_LIKE_WORDS = frozenset("""
will may june april august mark bill rose grace hope faith joy frank sandy rich dean guy jack
brown white green black grey gray young long king hill wood woods cook baker hunter price carter
walker turner miller mason porter parker cole wells bell banks bond page lane ford hall rich
reed reid rice rose ross shaw stone ward west wolf love moore more free fox hart major pope
short small little sharp strong gold silver crane finch drake swift cash chase cherry summer
winter spring snow storm river brook dale glen field fields garden marsh burns cross fisher
hayes hope joy king knight lord hale haven sterling victor sage wade penny ruby pearl amber
olive autumn hazel ivy iris holly daisy heather violet lily dawn crystal ginger basil rosemary
reading bath marathon normal turkey mobile phoenix buffalo independence concord liberty
""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")

# services a patient is told to call or go to (capitalized in advice, never a person or a place)
SERVICE_NAMES = re.compile(
    r"\b(?:(?:National\s+)?Poison\s+(?:Control|Help(?:\s*line)?)(?:\s+Cent(?:er|re))?|"
    r"(?:988\s+)?Suicide\s+(?:and|&)\s+Crisis\s+Lifeline|Suicide\s+Prevention\s+Lifeline|Crisis\s+Text\s+Line|"
    r"Emergency\s+(?:Department|Room|Services|Medical\s+Services|Care)|Urgent\s+Care|Intensive\s+Care(?:\s+Unit)?|"
    r"Primary\s+Care|Labou?r\s+and\s+Delivery|Nurse\s+(?:Line|Advice\s+Line|Hotline)|Telehealth|Telemedicine|"
    r"Accident\s+(?:and|&)\s+Emergency|Ambulance(?:\s+Service)?|Triage)\b",
    re.IGNORECASE,
)


def _texts(package: Path) -> list[str]:
    texts: list[str] = []
    for folder, pattern in SOURCES:
        for path in sorted((package / folder).glob(pattern)):
            raw = path.read_text(encoding="utf-8")
            if path.suffix == ".jsonl":
                for line in raw.splitlines():
                    if line.strip():
                        record = json.loads(line)
                        texts.extend(v for v in record.values() if isinstance(v, str))
            else:
                texts.append(raw)
    return texts


def build_vocabulary(texts: list[str]) -> frozenset[str]:
    """Words (lowercased) seen in lowercase and never capitalized mid-sentence, minus name-like words."""
    lowercase: set[str] = set()
    proper: set[str] = set()
    for text in texts:
        for m in _WORD.finditer(text):
            token = m.group()
            word = token.lower().replace("’", "'")
            if token[0].islower():
                lowercase.add(word)
            elif token[1:].islower() and not _opens(text, m.start()):
                proper.add(word)
    return frozenset(w for w in lowercase - proper - NAME_LIKE_WORDS if len(w) >= MIN_LENGTH)


def _opens(text: str, start: int) -> bool:
    """The word at `start` begins a line, sentence, heading, list item or quotation."""
    before = text[max(0, start - 40):start].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n#-*(\"'|>[/0123456789"


@functools.lru_cache(maxsize=1)
def medical_vocabulary() -> frozenset[str]:
    """The shipped-text vocabulary, built once per process (a few milliseconds)."""
    return build_vocabulary(_texts(_PACKAGE))


def service_name_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in SERVICE_NAMES.finditer(text)]
