"""Summarization: IU X-ray pairs derived at load time; ROUGE from rouge-score."""

from __future__ import annotations

import pytest

from medrails.eval.data import DataError
from medrails.eval.summarization import load_reports, rouge


def test_shared_reports_give_the_documented_pairs(shared_data):
    pairs, problems, read = load_reports(shared_data / "iu_xray_reports" / "indiana_reports.csv", seed=0)
    assert read == 3851 and len(pairs) == 3331 and len(problems) == read - len(pairs)
    again, _, _ = load_reports(shared_data / "iu_xray_reports" / "indiana_reports.csv", seed=0)
    assert [p.id for p in pairs[:20]] == [p.id for p in again[:20]]  # the seed fixes the sample


def test_rouge_and_bad_header(tmp_path):
    assert rouge("No acute cardiopulmonary abnormality.", "No acute cardiopulmonary abnormality.")["rougeL"] == 1.0
    partial = rouge("No acute disease.", "No acute cardiopulmonary disease.")
    assert 0 < partial["rouge2"] < partial["rouge1"] < 1
    bad = tmp_path / "r.csv"
    bad.write_text("uid,findings\n1,x\n")
    with pytest.raises(DataError, match="impression"):
        load_reports(bad)
