"""The PHI stages inside a real Guard pipeline (real Presidio, real spaCy)."""

from __future__ import annotations

import pytest

from medrails.guard import Guard
from medrails.guard.stages.phi import offset_maps

POLICY = """\
# medrails guard check "text" --policy {path}
name: phi-test
system_prompt: You are a test assistant.
disclaimer: Educational only.
input_stages:
  - name: input_validation
  - name: phi_redaction
output_stages:
  - name: output_phi
"""


@pytest.fixture(scope="module")
def guard(tmp_path_factory) -> Guard:
    path = tmp_path_factory.mktemp("policy") / "phi-test.yaml"
    path.write_text(POLICY.format(path=path))
    return Guard.from_policy(path)


def test_input_redaction_replaces_text_and_reports_original_offsets(guard):
    text = "My name is Maria Gonzalez, MRN: 00482913, seen 03/14/2024 for BP 142/91."
    ctx = guard.check_input(text)
    assert ctx.decision == "answer"
    assert ctx.text == "My name is [NAME], MRN: [MRN], seen [DATE] for BP 142/91."
    found = {(r.label, text[r.start:r.end]) for r in ctx.redactions}
    assert found == {("NAME", "Maria Gonzalez"), ("MRN", "00482913"), ("DATE", "03/14/2024")}
    stage = next(s for s in ctx.stages if s.name == "phi_redaction")
    assert stage.action == "redact" and 0.0 < stage.score <= 1.0


def test_zero_width_characters_before_and_inside_a_name_keep_offsets_on_the_original(guard):
    text = "Patient \u200b\u200bJohn Sm\u200bith was seen on 03/14/2024."
    ctx = guard.check_input(text)
    assert "\u200b" not in ctx.text, "later stages see the normalized text"
    assert ctx.text == "Patient [NAME] was seen on [DATE]."
    spans = {r.label: text[r.start:r.end] for r in ctx.redactions}
    assert spans["NAME"] == "John Sm\u200bith"
    assert spans["DATE"] == "03/14/2024"


def test_message_without_phi_passes_unchanged(guard):
    text = "What does an HbA1c of 7.2% mean for someone with type 2 diabetes?"
    ctx = guard.check_input(text)
    assert ctx.text == text and ctx.redactions == []
    assert next(s for s in ctx.stages if s.name == "phi_redaction").action == "pass"


def test_output_phi_redacts_the_model_answer(guard):
    ctx = guard.check_input("What is hypertension?")
    ctx = guard.check_output(ctx, "Mr. Robert Chen (DOB 04/22/1961) can call 617-555-0142. Lisinopril 10 mg is common.")
    assert ctx.output == "Mr. [NAME] (DOB [DATE]) can call [PHONE]. Lisinopril 10 mg is common."
    assert ctx.redactions == [], "output spans never pollute the input redaction offsets"
    assert {r["label"] for r in ctx.extra["output_redactions"]} == {"NAME", "DATE", "PHONE"}
    assert ctx.decision == "answer"


def test_stage_error_fails_closed(guard, monkeypatch):
    stage = next(s for s, _ in guard.input_stages if s.name == "phi_redaction")

    def broken(text):
        raise RuntimeError("analyzer exploded")

    monkeypatch.setattr(stage._redactor, "analyze", broken)
    ctx = guard.check_input("John Smith, MRN 12345678")
    assert ctx.decision == "refuse" and ctx.category == "fail_closed"
    verdict = guard.verdict(ctx, model_called=False)
    assert "12345678" not in verdict.answer


def test_offset_maps_cover_folded_characters():
    original = "A\u200bB ﬁle"  # zero-width space, and the 'fi' ligature NFKC-folds to two letters
    derived = "AB file"
    start_map, end_map = offset_maps(original, derived)
    assert original[start_map[0]:end_map[2]] == "A\u200bB"
    assert original[start_map[3]:end_map[7]] == "ﬁle"


def test_policy_can_switch_the_learned_tagger_off(tmp_path):
    # a lower-case name only the learned tagger reads: on by default, off when the policy says so (a latency-first
    # deployment trades recall for about 1.5-2 ms)
    text = "hi its marnie again, the cough is no better"
    on = tmp_path / "on.yaml"
    on.write_text(POLICY.format(path=on))
    off = tmp_path / "off.yaml"
    off.write_text(POLICY.format(path=off).replace("  - name: phi_redaction\n",
                                                   "  - name: phi_redaction\n    options: {learned_tagger: false}\n"))
    assert Guard.from_policy(on).check_input(text).text == "hi its [NAME] again, the cough is no better"
    assert Guard.from_policy(off).check_input(text).text == text
