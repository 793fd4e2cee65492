"""The learned PHI tagger (guard/phi_tagger.py), its training (guard/phi_tagger_train.py) and gold note reading
(guard/phi_scoring.py). Example texts are our own, never a benchmark note's values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from medrails.errors import MedrailsError
from medrails.guard.phi_scoring import GoldNote, GoldSpan, Score, read_gold_notes, score_document
from medrails.guard.phi_tagger import PhiTagger, decode, features, tokens
from medrails.guard.phi_tagger_train import PhiTaggerTrainConfig, bio_labels


def _note(text: str, *values: tuple[str, str]) -> dict:
    spans = []
    for label, value in values:
        start = text.index(value)
        spans.append({"label": label, "start": start, "end": start + len(value), "value": value})
    return {"id": f"n{abs(hash(text)) % 10**8}", "text": text, "spans": spans}


def _write(path: Path, notes: list[dict]) -> Path:
    path.write_text("".join(json.dumps(n) + "\n" for n in notes), encoding="utf-8")
    return path


# --- plumbing ---------------------------------------------------------------------------------------------

def test_tokens_split_words_numbers_and_punctuation_with_offsets():
    text = "Pt O'Neill, MRN 44-17\n"
    assert [text[a:b] for a, b in tokens(text)] == ["Pt", "O'Neill", ",", "MRN", "44", "-", "17"]


def test_features_carry_the_form_field_a_value_sits_in_and_line_starts():
    text = "Patient:  Aroha Tane\nSeen by nurse"
    spans = tokens(text)
    feats = features(text, spans)
    aroha = feats[2]
    assert "field=patient" in aroha and "colgap" in aroha
    assert "bol" in feats[4] and not any(f.startswith("field=") for f in feats[4])


def test_decode_merges_bio_runs_and_drops_spans_under_the_threshold():
    text = "call Ana Lima at home"
    spans = tokens(text)
    labels = ["O", "B-NAME", "I-NAME", "O", "O"]
    probs = {1: 0.9, 2: 0.7}
    out = decode(text, spans, labels, lambda label, i: probs.get(i, 0.0), threshold=0.5)
    assert [(s.label, text[s.start:s.end], round(s.probability, 2)) for s in out] == [("NAME", "Ana Lima", 0.8)]
    assert decode(text, spans, labels, lambda label, i: probs.get(i, 0.0), threshold=0.85) == []


def test_bio_labels_reconcile_every_gold_span():
    note = GoldNote("x", "Ms Ines Paz seen 3/4", [GoldSpan("NAME", 3, 11), GoldSpan("DATE", 17, 20), GoldSpan("DATE", 18, 19)])
    labels, dropped = bio_labels(note, tokens(note.text))
    assert labels == ["O", "B-NAME", "I-NAME", "O", "B-DATE", "I-DATE", "I-DATE"]
    assert dropped == ["overlaps an earlier gold span"]


# --- gold note sets: every problem named with file:line ----------------------------------------------------

@pytest.mark.parametrize("span, message", [
    ({"label": "NAME", "start": 0, "end": 3, "value": "Bob"}, "is not text[0:3]"),
    ({"label": "NAME", "start": 5, "end": 99}, "outside the text"),
    ({"label": "PERSON", "start": 0, "end": 3}, "label 'PERSON' is not one of"),
    ({"label": "NAME", "start": "0", "end": 3}, "integer start and end"),
])
def test_bad_gold_span_is_named_with_file_line_and_field(tmp_path, span, message):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "Ann is here", "spans": []}) + "\n"
                    + json.dumps({"id": "b", "text": "Ann is here", "spans": [span]}) + "\n", encoding="utf-8")
    with pytest.raises(MedrailsError) as err:
        read_gold_notes(path)
    assert f"{path}:2: spans[0]" in str(err.value) and message in str(err.value)


def test_duplicate_ids_and_broken_json_are_errors(tmp_path):
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "a", "text": "x", "spans": []}\n{"id": "a", "text": "y", "spans": []}\n', encoding="utf-8")
    with pytest.raises(MedrailsError, match=r"dup.jsonl:2: duplicate id 'a'"):
        read_gold_notes(dup)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "a", "text": "x", "spans": []}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(MedrailsError, match=r"broken.jsonl:2: not valid JSON"):
        read_gold_notes(broken)


def test_scoring_is_label_agnostic_and_half_coverage():
    score = Score()
    score_document(score, gold=[(0, 10), (20, 24)], ignored=[], predicted=[(0, 6), (30, 34)])
    assert (score.found, score.gold, score.correct, score.predicted) == (1, 2, 1, 2)


# --- training ------------------------------------------------------------------------------------------------

def test_config_rejects_unknown_fields_and_needs_notes():
    with pytest.raises(ValueError, match="c3"):
        PhiTaggerTrainConfig(notes=[Path("a.jsonl")], c3=1.0)
    with pytest.raises(ValueError, match="notes"):
        PhiTaggerTrainConfig(notes=[])


def test_training_writes_a_model_that_tags_and_records_its_data(tmp_path):
    from medrails.guard.phi_tagger_train import main

    phrases = ["Wife {n} called the ward", "seen with daughter {n} today", "spoke to son {n} by phone",
               "Patient: {n}\nAllergies: none"]
    names = ["Rangi", "Odile", "Tomasz", "Yuki", "Efua", "Lars", "Nkem", "Priya", "Dmitri", "Ana"]
    notes = [_note(phrases[k % 4].format(n=name), ("NAME", name)) for k, name in enumerate(names)]
    notes += [_note("BP 128/82, metformin 500 mg twice daily"), _note("HbA1c 7.1% and ICD-10 E11.9 noted")]
    train = _write(tmp_path / "train.jsonl", notes)
    cfg = PhiTaggerTrainConfig(notes=[train], max_iterations=40, output_dir=tmp_path / "out")
    iterations = []
    report = main(cfg, progress=lambda m: None, on_iteration=lambda k, total, loss: iterations.append(k))
    assert report.spans_read == report.spans_labelled == 10 and report.dropped == {}
    assert iterations and iterations[-1] <= 40
    meta = json.loads((tmp_path / "out" / "phi_tagger.json").read_text())
    assert meta["training_notes"][0]["notes"] == 12 and len(meta["sha256"]) == 64
    tagger = PhiTagger(tmp_path / "out" / "phi_tagger.crfsuite")
    text = "Wife Ingrid called the ward"
    assert [text[s.start:s.end] for s in tagger.tag(text)] == ["Ingrid"]


def test_training_refuses_dev_notes_that_are_also_training_notes(tmp_path):
    from medrails.guard.phi_tagger_train import main

    same = _write(tmp_path / "a.jsonl", [_note("Son Ravi rang", ("NAME", "Ravi"))])
    with pytest.raises(ValueError, match="dev notes are also training notes"):
        main(PhiTaggerTrainConfig(notes=[same], dev_notes=[same], output_dir=tmp_path), progress=lambda m: None)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(MedrailsError, match="train-phi"):
        PhiTagger(tmp_path / "nope.crfsuite")


def test_a_model_that_does_not_match_its_recorded_sha256_is_refused(tmp_path):
    from medrails.guard.phi_tagger import MODEL_PATH

    model = tmp_path / MODEL_PATH.name
    model.write_bytes(MODEL_PATH.read_bytes()[:-16] + bytes(16))
    (tmp_path / "phi_tagger.json").write_text((MODEL_PATH.parent / "phi_tagger.json").read_text())
    with pytest.raises(MedrailsError, match="does not match the sha256"):
        PhiTagger(model)


def test_shipped_tagger_finds_names_and_places_the_rules_have_no_pattern_for():
    from medrails.guard.phi import get_redactor

    text = "hi its marnie again, my husband dov fell on the stairs at home in ballarat last night"
    with_tagger = {text[s.start:s.end] for s in get_redactor().analyze(text)}
    rules_only = {text[s.start:s.end] for s in get_redactor().analyze(text, learned_tagger=False)}
    assert "marnie" in with_tagger - rules_only and "dov" in with_tagger


@pytest.mark.parametrize("text", [
    "BP 142/91, HR 88, SpO2 94% on room air; pain 3/10.",
    "Give metformin 500 mg with the evening meal for 90 days.",
    "Ninety percent of the team finished 2/3 of the modules.",
    "Hope is part of the care plan; the family has hope.",
])
def test_shipped_tagger_adds_nothing_to_clinical_text_without_phi(text):
    from medrails.guard.phi import get_redactor

    assert [s for s in get_redactor().analyze(text) if s.entity == "PHI_TAGGER"] == []


def _run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    import sys

    from medrails.cli import main

    monkeypatch.setattr(sys, "argv", ["medrails", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_train_phi_cli_trains_reports_dev_figures_and_names_config_errors(tmp_path, monkeypatch, capsys):
    names = ["Rangi", "Odile", "Tomasz", "Yuki", "Efua", "Lars"]
    train = _write(tmp_path / "train.jsonl", [_note(f"Wife {n} called the ward", ("NAME", n)) for n in names])
    dev = _write(tmp_path / "dev.jsonl", [_note("Wife Ingrid called the ward", ("NAME", "Ingrid"))])
    config = tmp_path / "tagger.yaml"
    config.write_text(f"notes: [{train}]\ndev_notes: [{dev}]\nmax_iterations: 20\nstate_dims: 0\n", encoding="utf-8")
    code, out = _run_cli(monkeypatch, capsys, "guard", "train-phi", "--config", str(config), "--output-dir", str(tmp_path / "m"))
    assert code == 0, out
    assert "read 6 notes from 1 files: 6 gold spans, 6 labelled, 0 dropped" in out
    assert "rules + tagger" in out and (tmp_path / "m" / "phi_tagger.crfsuite").is_file()
    config.write_text(f"notes: [{train}]\nc3: 1\nmax_iterations: 0\n", encoding="utf-8")
    code, out = _run_cli(monkeypatch, capsys, "guard", "train-phi", "--config", str(config))
    assert code != 0 and "c3" in out and "max_iterations" in out  # every problem at once, by field
