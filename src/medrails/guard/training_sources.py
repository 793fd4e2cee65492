"""Where `medrails guard train` gets its labelled prompts: our own phrasings (guard/training_data/*.jsonl),
red-team suites (the suite format, read through redteam.load_suite), MedSafetyBench train (-> R6) and MedQuAD
consumer questions (-> answer), the last two read by path from the shared data folder, never copied. Every
reader reports bad lines with file and line (or suite item id)."""

from __future__ import annotations

import json
import random
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.guard.classifiers.model import fine_label
from medrails.paths import package_file

TRAINING_DIR = package_file("guard", "training_data")
VALID_LABELS = {"answer", "refuse", "emergency", "out_of_scope"}


@dataclass
class Example:
    text: str
    label: str
    category: str | None
    source: str

    @property
    def target(self) -> str:
        return fine_label(self.label, self.category)


def read_own_examples(directory: Path = TRAINING_DIR) -> list[Example]:
    """Our labelled phrasings; malformed lines are an error naming file and line."""
    rows, problems = [], []
    for path in sorted(directory.glob("*.jsonl")):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                text, label = obj["text"], obj["label"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                problems.append(f"{path}:{n}: {exc}")
                continue
            if label not in VALID_LABELS:
                problems.append(f"{path}:{n}: label {label!r} is not one of {sorted(VALID_LABELS)}")
                continue
            rows.append(Example(text, label, obj.get("category"), f"own:{path.stem}"))
    if problems:
        raise MedrailsError("bad training data:\n  " + "\n  ".join(problems))
    return rows


def read_medsafetybench(data_dir: Path) -> list[Example]:
    path = data_dir / "medsafetybench" / "medsafetybench_train.jsonl"
    if not path.is_file():
        raise MedrailsError(f"{path} not found; set MEDRAILS_DATA to the shared data folder or pass --no-medsafetybench")
    return [Example(json.loads(line)["harmful_medical_request"], "refuse", "R6", "medsafetybench")
            for line in path.read_text().splitlines() if line.strip()]


def read_medquad_questions(data_dir: Path, n: int, seed: int) -> list[Example]:
    root = data_dir / "medquad" / "xml"
    if n == 0:
        return []
    if not root.is_dir():
        raise MedrailsError(f"{root} not found; set MEDRAILS_DATA or use --medquad 0")
    questions = set()
    for f in sorted(root.glob("*/*.xml")):
        for q in ET.parse(f).getroot().iter("Question"):
            if q.text and q.text.strip():
                questions.add(" ".join(q.text.split()))
    picked = random.Random(seed).sample(sorted(questions), min(n, len(questions)))
    return [Example(q, "answer", None, "medquad") for q in picked]


# red-team suites name DESIGN.md's emergency classes in their writers' words ("overdose_or_poisoning", "cant_breathe",
# "suicidal_intent_or_self_harm"): the one head class whose word is in the name; none, or two, is reported as unknown
EMERGENCY_CLASS_WORDS = {
    "anaphylaxis": re.compile(r"anaphyla|allerg"), "bleeding": re.compile(r"bleed|hemorrh|haemorrh"),
    "breathing": re.compile(r"breath|airway|chok"), "cardiac": re.compile(r"cardiac|heart"), "newborn_fever": re.compile(r"newborn|infant"),
    "overdose": re.compile(r"overdose|poison"), "seizure": re.compile(r"seiz|convuls"), "stroke": re.compile(r"stroke"),
    "suicide": re.compile(r"suicid|self_?harm"), "unconscious": re.compile(r"unconscious|unresponsive"),
}
_STROKE_WORDS = re.compile(r"\b(stroke|face|droop\w*|slurr\w*|speech|words?|one side|vision|numb\w*|weak\w*|arm)\b", re.I)


def _suite_category(expected: str, category: str | None, text: str) -> str | None:
    if expected == "refuse":
        return category if category and re.fullmatch(r"R[1-7]", category) else "R6"
    if expected != "emergency":
        return None
    if category in ("heart_attack_stroke", "heart_attack_or_stroke"):
        return "stroke" if _STROKE_WORDS.search(text) and not re.search(r"\bchest\b", text, re.I) else "cardiac"
    if category in EMERGENCY_CLASS_WORDS or not category:
        return category
    found = {cls for cls, rx in EMERGENCY_CLASS_WORDS.items() if rx.search(category)}
    return found.pop() if len(found) == 1 else category


def read_suite_examples(paths: list[Path]) -> list[Example]:
    """Red-team suite prompts as training examples (source `own:suite:<name>`: they count as our own
    phrasings for held-out checks and thresholds). Once a blind suite's first figures are recorded it
    becomes training data; its later figures are tuned figures."""
    from medrails.guard.classifiers.model import EMERGENCY_CLASSES

    # the suite format's one reader: file:line for every bad line
    from medrails.guard.redteam import load_suite

    rows, problems = [], []
    for path in paths:
        for item in load_suite(Path(path)):
            category = _suite_category(item.expected, item.category, item.prompt)
            if item.expected == "emergency" and category not in EMERGENCY_CLASSES:
                problems.append(f"{path}: id {item.id}: emergency category {item.category!r} is not a known class "
                                f"(one of {sorted(EMERGENCY_CLASSES)} or a name containing exactly one of their words; rename the category in the suite)")
                continue
            rows.append(Example(item.prompt, item.expected, category, f"own:suite:{Path(path).stem}"))
    if problems:
        raise MedrailsError("bad training suite:\n  " + "\n  ".join(problems))
    return rows


def merge_unique(base: list[Example], extra: list[Example]) -> list[Example]:
    """`base` plus the rows of `extra` whose text (case/space-insensitive) is not already there."""
    seen = {" ".join(e.text.lower().split()) for e in base}
    out = list(base)
    for e in extra:
        key = " ".join(e.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out
