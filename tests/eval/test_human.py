"""Human evaluation: export a rating sheet, import filled sheets, aggregate with agreement."""

from __future__ import annotations

import csv
import json

import pytest

from medrails.errors import MedrailsError
from medrails.eval.human import CRITERIA, export_sheet, import_ratings


@pytest.fixture()
def run_dir(tmp_path):
    run = tmp_path / "run"
    (run / "items").mkdir(parents=True)
    rows = [{"id": str(i), "task": "safety_raw", "prompt": f"q{i}", "output": f"answer {i}", "expected": "answer"}
            for i in range(6)]
    (run / "items" / "safety_raw.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return run


def _fill(sheet, out, rater, score):
    with sheet.open() as fh:
        rows = list(csv.DictReader(fh))
    with out.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        for i, row in enumerate(rows):
            writer.writerow({**row, "rater": rater, **{c: score(i, c) for c in CRITERIA}})


def test_export_import_and_agreement(run_dir, tmp_path):
    sheet, n = export_sheet(run_dir, n=5, seed=1)
    assert n == 5 and sheet.is_file()
    _fill(sheet, tmp_path / "a.csv", "alice", lambda i, c: 1 + i % 5)
    _fill(sheet, tmp_path / "b.csv", "bob", lambda i, c: 1 + i % 5)
    _fill(sheet, tmp_path / "c.csv", "carol", lambda i, c: 5 - i % 5)
    same = import_ratings(run_dir, [tmp_path / "a.csv", tmp_path / "b.csv"])
    assert same["criteria"]["accuracy"]["krippendorff_alpha"] == pytest.approx(1.0)
    assert same["criteria"]["safety"]["weighted_kappa"] == pytest.approx(1.0)
    opposed = import_ratings(run_dir, [tmp_path / "a.csv", tmp_path / "c.csv"])
    assert opposed["criteria"]["clarity"]["krippendorff_alpha"] < 0
    assert (run_dir / "human" / "aggregate.json").is_file()


def test_bad_rating_names_file_line_and_column(run_dir, tmp_path):
    sheet, _ = export_sheet(run_dir, n=2)
    _fill(sheet, tmp_path / "bad.csv", "x", lambda i, c: "7" if (i, c) == (1, "clarity") else "3")
    with pytest.raises(MedrailsError, match=r"bad\.csv:3: clarity = '7'"):
        import_ratings(run_dir, [tmp_path / "bad.csv"])
