"""Loaders: documented formats, every bad line reported with file:line, counts reconcile."""

from __future__ import annotations

import json

import pytest

from medrails.eval.data import DataError, load_medmcqa, load_medqa, load_mmlu, load_pubmedqa


def test_medqa_reads_letter_and_index_answers(medqa_file):
    data = load_medqa(medqa_file)
    assert [i.answer for i in data.items] == [1, 1, 2, 1]
    assert data.items[1].options[1] == "beta cells"
    assert data.read == 4 and not data.problems


def test_medqa_bad_lines_are_reported_and_counted(tmp_path, medqa_file):
    lines = medqa_file.read_text().splitlines()
    bad = json.loads(lines[0]) | {"answer_idx": "E"}
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([lines[0], "{not json", json.dumps(bad), lines[1], json.dumps({"question": "q"})]) + "\n")
    data = load_medqa(path)
    assert data.kept == 2 and data.read == 5 and len(data.problems) == 3
    reasons = {p.line: p.reason for p in data.problems}
    assert "not valid JSON" in reasons[2]
    assert "out of range" in reasons[3] or "neither a letter" in reasons[3]
    assert str(data.problems[0]).startswith(f"{path}:2:")


def test_empty_and_all_bad_files_are_clear_errors(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    with pytest.raises(DataError, match="empty"):
        load_medqa(empty)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"question": "q", "opa": "a", "opb": "b", "opc": "c", "opd": "d", "cop": 0}) + "\n")
    with pytest.raises(DataError, match=r"cop 0 is out of range"):
        load_medmcqa(bad)
    with pytest.raises(DataError, match="not found"):
        load_medqa(tmp_path / "missing.jsonl")


def test_medmcqa_cop_is_one_based(medmcqa_file):
    data = load_medmcqa(medmcqa_file)
    assert [i.answer for i in data.items] == [1, 1, 2, 1]


def test_shared_medmcqa_dev_loads_completely(shared_data):
    data = load_medmcqa(shared_data / "medmcqa_dev" / "dev.json")
    assert data.kept == 4183 and not data.problems
    assert sum(1 for i in data.items if i.answer == 0) == 1348  # PROVENANCE: cop 1 = 1348


def test_shared_mmlu_val_with_dev_fewshot_pool(shared_data):
    data = load_mmlu(shared_data / "mmlu_medical_devval")
    assert data.kept == 123
    assert {s: len(v) for s, v in data.fewshot_pool.items()} == dict.fromkeys(
        ["anatomy", "clinical_knowledge", "college_biology", "college_medicine", "medical_genetics",
         "professional_medicine"], 5)


def test_mmlu_bad_row_names_file_and_line(tmp_path):
    path = tmp_path / "anatomy_val.csv"
    path.write_text("Q1,a,b,c,d,A\nQ2,a,b,c,d,Z\nQ3,a,b\n")
    data = load_mmlu(path)
    assert data.kept == 1
    assert [(p.line, "answer" in p.reason or "columns" in p.reason) for p in data.problems] == [(2, True), (3, True)]


def test_shared_pubmedqa_and_bad_label(shared_data, tmp_path):
    data = load_pubmedqa(shared_data / "pubmedqa" / "pqal_trainval_set.json")
    assert data.kept == 500 and data.items[0].context
    bad = tmp_path / "pqal.json"
    bad.write_text(json.dumps({"1": {"QUESTION": "q?", "CONTEXTS": ["c"], "final_decision": "perhaps"},
                               "2": {"QUESTION": "q?", "CONTEXTS": ["c"], "final_decision": "no"}}))
    data = load_pubmedqa(bad)
    assert data.kept == 1 and "PMID 1" in str(data.problems[0]) and "perhaps" in str(data.problems[0])
