"""`medrails phi`: single text, --json, batch JSONL, and clear errors for bad input files."""

from __future__ import annotations

import json
import sys

import pytest


@pytest.fixture()
def run_phi(capsys, monkeypatch):
    """Run `medrails phi ARGS` in process, as the console script does; returns (exit code, stdout, stderr)."""

    def run(*args: str) -> tuple[int, str, str]:
        from medrails.cli import main

        monkeypatch.setattr(sys, "argv", ["medrails", "phi", *args])
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code or 0
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_text_is_printed_redacted(run_phi):
    code, out, _ = run_phi("Pt John Smith, MRN: 12345678, seen 03/14/2024. BP 142/91, metformin 500 mg.")
    assert code == 0
    assert out.strip() == "Pt [NAME], MRN: [MRN], seen [DATE]. BP 142/91, metformin 500 mg."


def test_json_reports_spans_on_the_original_text(run_phi):
    text = "Mrs. Eleanor Whitfield, 92-year-old, fax 617-555-0199"
    code, out, _ = run_phi(text, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["text"] == "Mrs. [NAME], [AGE]-year-old, fax [FAX]"
    assert [(r["label"], text[r["start"]:r["end"]]) for r in data["redactions"]] == [
        ("NAME", "Eleanor Whitfield"), ("AGE", "92"), ("FAX", "617-555-0199")]


def test_batch_streams_one_line_per_input_with_ids(run_phi, tmp_path):
    lines = [{"id": "a", "text": "Dr. Alvarez saw Maria Lopez on 3/1/2024."}, {"id": 7, "text": "HbA1c 7.2% in 2019."}]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n")
    dst = tmp_path / "out.jsonl"
    code, _, err = run_phi("--input", str(src), "--output", str(dst))
    assert code == 0, err
    out = [json.loads(x) for x in dst.read_text().splitlines()]
    assert [o["id"] for o in out] == ["a", 7]
    assert out[0]["text"] == "Dr. [NAME] saw [NAME] on [DATE]."
    assert out[1] == {"id": 7, "text": "HbA1c 7.2% in 2019.", "redactions": []}
    assert "read 2 lines, redacted PHI in 1 (3 spans), 1 had none" in err


@pytest.mark.parametrize("content, message", [
    (b'{"id": 1, "text": "ok"}\nnot json\n', "in.jsonl:2: not valid JSON"),
    (b'{"id": 1, "body": "no text field"}\n', 'in.jsonl:1: expected an object with a string "text" field'),
    (b'{"id": 1, "text": "caf\xe9"}\n', "in.jsonl:1: not UTF-8 text"),
])
def test_bad_lines_name_file_and_line(run_phi, tmp_path, content, message):
    src = tmp_path / "in.jsonl"
    src.write_bytes(content)
    code, _, err = run_phi("--input", str(src), "--output", str(tmp_path / "out.jsonl"))
    assert code == 2 and message in err


def test_missing_file_and_conflicting_arguments(run_phi, tmp_path):
    code, _, err = run_phi("--input", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "cannot read" in err and "nope.jsonl" in err
    code, _, err = run_phi("some text", "--input", str(tmp_path / "x.jsonl"))
    assert code == 2 and "not both" in err
    code, _, err = run_phi("   ")
    assert code == 2 and "empty" in err
