import pytest

from medrails.errors import MedrailsError
from medrails.jsonl import read_json_lines


def test_every_bad_line_is_named_and_good_lines_survive(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": 1}\n\n   \nnot json\n[1, 2]\n\xff\xfe{"id": 2}\n{"id": 3}\n')
    lines = list(read_json_lines(path))
    assert [line.number for line in lines] == [1, 4, 5, 6, 7]  # blank lines skipped, numbering kept
    assert [line.obj for line in lines if line.obj] == [{"id": 1}, {"id": 3}]
    problems = [line.problem for line in lines if line.problem]
    assert problems == [
        f"{path}:4: not valid JSON (Expecting value at column 1)",
        f"{path}:5: expected a JSON object, got list",
        f"{path}:6: not UTF-8 text (byte 0); save as UTF-8",
    ]
    assert lines[0].fail("missing text") == f"{path}:1: missing text"


def test_missing_file_names_what_it_was(tmp_path):
    with pytest.raises(MedrailsError, match="suite file not found"):
        list(read_json_lines(tmp_path / "nope.jsonl", "suite"))


def test_reason_drops_the_location(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("[1]\n")
    (line,) = read_json_lines(path)
    assert line.reason == "expected a JSON object, got list"
