"""Small benchmark files written by the tests themselves (the shared data stays read-only)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

MEDQA_ROWS = [
    {"question": "Which vitamin deficiency causes scurvy?", "options": {"A": "Vitamin A", "B": "Vitamin C",
                                                                        "C": "Vitamin D", "D": "Vitamin K"}, "answer_idx": "B"},
    {"question": "Insulin is made by which cells?", "options": ["alpha cells", "beta cells", "delta cells", "PP cells"],
     "answer_idx": 1},
    {"question": "Which organ filters blood to make urine?", "options": {"A": "Liver", "B": "Lung", "C": "Kidney",
                                                                          "D": "Heart"}, "answer_idx": "C"},
    {"question": "A normal adult resting heart rate is about?", "options": {"A": "20", "B": "70", "C": "150",
                                                                             "D": "220"}, "answer_idx": "B"},
]


@pytest.fixture()
def medqa_file(tmp_path) -> Path:
    path = tmp_path / "medqa.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in MEDQA_ROWS))
    return path


@pytest.fixture()
def medmcqa_file(tmp_path) -> Path:
    rows = [{"id": f"q{i}", "question": r["question"], "opa": o[0], "opb": o[1], "opc": o[2], "opd": o[3],
             "cop": a + 1, "subject_name": "Medicine"}
            for i, r in enumerate(MEDQA_ROWS)
            for o, a in [(list(r["options"].values()) if isinstance(r["options"], dict) else r["options"],
                          "ABCD".index(r["answer_idx"]) if isinstance(r["answer_idx"], str) else r["answer_idx"])]]
    path = tmp_path / "medmcqa.json"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path
