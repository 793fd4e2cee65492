"""Extraction metrics: BIO reading with repairs reported, strict vs relaxed F1, real corpora."""

from __future__ import annotations

import pytest

from medrails.eval.data import DataError
from medrails.eval.ner import Counts, read_ade, read_bio, summarize
from medrails.extract import DictionaryExtractor, Span


def test_bio_reader_spans_repairs_and_bad_lines(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("Familial\tB-Disease\nbreast\tI-Disease\ncancer\tI-Disease\n.\tO\n\n"
                    "Stray\tI-Disease\nonly\tO\nbad line here\n\n")
    corpus = read_bio(path)
    first, second = corpus.documents
    assert first.text == "Familial breast cancer ." and [s.text for s in first.spans] == ["Familial breast cancer"]
    assert second.spans == [Span(0, 5, "Disease", "Stray")] and corpus.repaired_tags == 1
    assert [(p.line, "token<TAB>tag" in p.reason) for p in corpus.problems] == [(8, True)]
    empty = tmp_path / "e.tsv"
    empty.write_text("")
    with pytest.raises(DataError, match="missing or empty"):
        read_bio(empty)


def test_strict_and_relaxed_scores():
    counts = Counts()
    gold = [Span(0, 22, "Disease"), Span(30, 40, "Chemical")]
    predicted = [Span(9, 22, "Disease"), Span(30, 40, "Chemical"), Span(50, 55, "Chemical")]
    counts.add(gold, predicted)
    s = counts.scores()
    assert s["strict"]["precision"] == pytest.approx(1 / 3) and s["strict"]["recall"] == pytest.approx(1 / 2)
    assert s["relaxed"]["precision"] == pytest.approx(2 / 3) and s["relaxed"]["recall"] == pytest.approx(1.0)


def test_dictionary_baseline_on_ncbi_disease_dev_to_test(shared_data):
    test = read_bio(shared_data / "bio_ner" / "NCBI-disease-IOB" / "test.tsv")
    dev = read_bio(shared_data / "bio_ner" / "NCBI-disease-IOB" / "devel.tsv")
    assert sum(len(d.spans) for d in test.documents) == 960  # PROVENANCE count
    extractor = DictionaryExtractor.from_spans((d.text, d.spans) for d in dev.documents)
    records = [{"gold": [[s.start, s.end, s.label] for s in d.spans],
                "predicted": [[s.start, s.end, s.label] for s in extractor.extract(d.text)]} for d in test.documents]
    result = summarize(records, test.labels)
    assert 0.3 < result["strict"]["f1"] < 0.9  # a real, imperfect baseline
    assert result["relaxed"]["f1"] >= result["strict"]["f1"]
    for kind in ("strict", "relaxed"):  # document-bootstrap intervals around the same point estimate
        ci = result[f"{kind}_f1"]
        assert ci["value"] == pytest.approx(result[kind]["f1"]) and ci["n"] == len(records)
        assert ci["low"] < ci["value"] < ci["high"] and ci["high"] - ci["low"] < 0.2
    from medrails.eval.report import rows

    shown = {label: value for _, label, value, _ in rows({"results": {"ncbi": {**result, "kind": "extraction"}}})}
    assert shown["strict F1"].count("[") == 1  # the report prints the interval


def test_ade_corpus_offsets_are_checked(shared_data, tmp_path):
    corpus = read_ade(shared_data / "ade_corpus_v2" / "ade_sentences.jsonl")
    assert len(corpus.documents) == 20960 and not corpus.problems
    bad = tmp_path / "ade.jsonl"
    bad.write_text('{"pmid": "1", "sentence": "Drug X caused rash.", "entities": '
                   '[{"text": "rash", "type": "ADVERSE_EFFECT", "start": 0, "end": 4}]}\n'
                   '{"pmid": "2", "sentence": "Fine.", "entities": []}\n')
    corpus = read_ade(bad)
    assert len(corpus.documents) == 1 and "do not match" in str(corpus.problems[0]) and ":1:" in str(corpus.problems[0])
