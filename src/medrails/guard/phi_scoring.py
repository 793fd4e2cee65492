"""Gold PHI note sets and how a redactor is scored on them (benchmarks/phi_benchmark.py, the PHI tagger's
training report).

A note set is JSON Lines: {"id", "text", "spans": [{"label", "start", "end", "value"?}]}, offsets into
`text`. Reading one checks every line and names file:line for anything wrong (bad JSON, offsets outside
the text, a `value` that is not text[start:end], an unknown label): a gold set is never read partly.

Matching is entity level and label-agnostic (what matters for redaction is that the identifier is
gone): a gold span is found when predicted spans cover at least half of its characters; a predicted
span is correct when at least half of it lies in gold spans."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from medrails.errors import MedrailsError

GOLD_LABELS = ("NAME", "DATE", "AGE", "LOCATION", "ADDRESS", "PHONE", "FAX", "EMAIL", "URL", "IP", "MRN", "SSN", "ID")


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    def f(self, beta: float) -> float:
        p, r = self.precision, self.recall
        return (1 + beta**2) * p * r / (beta**2 * p + r) if p + r else 0.0


def covered(span: tuple[int, int], others: list[tuple[int, int]]) -> float:
    """Share of `span`'s characters inside any of `others`."""
    start, end = span
    inside = set()
    for s, e in others:
        inside.update(range(max(start, s), min(end, e)))
    return len(inside) / max(1, end - start)


def score_document(score: Score, gold: list[tuple[int, int]], ignored: list[tuple[int, int]],
                   predicted: list[tuple[int, int]]) -> None:
    score.gold += len(gold)
    score.found += sum(covered(g, predicted) >= 0.5 for g in gold)
    for p in predicted:
        if covered(p, gold) >= 0.5:
            score.predicted += 1
            score.correct += 1
        elif covered(p, ignored) < 0.5:
            score.predicted += 1  # a false positive (predictions on ignored types are neutral)


@dataclass(frozen=True)
class GoldSpan:
    label: str
    start: int
    end: int


@dataclass
class GoldNote:
    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)


def read_gold_notes(path: Path) -> list[GoldNote]:
    """Every note of a gold set, or a MedrailsError naming file:line and what to fix."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise MedrailsError(f"cannot read gold PHI notes {path}: {exc}") from None
    notes: list[GoldNote] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise MedrailsError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not isinstance(record.get("spans"), list):
            raise MedrailsError(f'{where}: expected {{"id", "text": str, "spans": [...]}}')
        note_id = str(record.get("id", f"{Path(path).stem}:{number}"))
        if note_id in seen:
            raise MedrailsError(f"{where}: duplicate id {note_id!r}")
        seen.add(note_id)
        text, spans = record["text"], []
        for k, s in enumerate(record["spans"]):
            at = f"{where}: spans[{k}]"
            if not isinstance(s, dict) or not isinstance(s.get("start"), int) or not isinstance(s.get("end"), int):
                raise MedrailsError(f"{at}: expected an object with integer start and end")
            if s.get("label") not in GOLD_LABELS:
                raise MedrailsError(f"{at}: label {s.get('label')!r} is not one of {', '.join(GOLD_LABELS)}")
            if not 0 <= s["start"] < s["end"] <= len(text):
                raise MedrailsError(f"{at}: offsets {s['start']}..{s['end']} outside the text (length {len(text)})")
            if "value" in s and text[s["start"]:s["end"]] != s["value"]:
                raise MedrailsError(f"{at}: value {s['value']!r} is not text[{s['start']}:{s['end']}] "
                                    f"({text[s['start']:s['end']]!r}); fix the offsets")
            spans.append(GoldSpan(s["label"], s["start"], s["end"]))
        notes.append(GoldNote(note_id, text, spans))
    return notes
