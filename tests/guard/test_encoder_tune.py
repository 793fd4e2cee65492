"""The fine-tuned guard encoder (LoRA adapter, guard/encoder_tune.py): a tiny real fine-tune (peft),
the exported adapter merged by our loader equals peft's own merge, the adapter's effect on the
classifier encoder only, reproducibility, and fail-closed loading."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from medrails.errors import MedrailsError
from medrails.guard import embeddings as emb
from medrails.guard import encoder_tune as et
from medrails.guard import train as T
from medrails.guard.classifiers.model import ARTIFACT_DIR, HEAD_FILE, META_FILE, GuardClassifier
from medrails.guard.decide import decide_input

TEXT = "my dad is slurring his words and one side of his face is drooping"


def _tiny_examples() -> list[T.Example]:
    """8 of our own phrasings for each of five classes."""
    wanted = {"answer": 8, "out_of_scope": 8, "R3": 8, "R5": 8, "E:suicide": 8}
    picked = []
    for e in T.read_own_examples():
        if wanted.get(e.target, 0) > 0:
            wanted[e.target] -= 1
            picked.append(e)
    assert not any(wanted.values())
    return picked


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> dict:
    """Two seeded 4-step fine-tunes on 40 prompts (a high learning rate so 4 steps move the encoder)."""
    examples = _tiny_examples()
    cfg = et.EncoderTuneConfig(enabled=True, max_steps=4, batch_size=8, lr=2e-2, threads=1)
    args = ([e.text for e in examples], [e.target for e in examples], np.ones(len(examples)), cfg, 13)
    out = {"examples": examples}
    for run in ("first", "second"):
        directory = tmp_path_factory.mktemp(run)
        out[run] = et.train_adapter(*args, directory, show_progress=False)
    return out


def test_same_seed_gives_the_same_adapter_file(tiny):
    first, second = tiny["first"], tiny["second"]
    assert first.sha256 == second.sha256
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.path.stat().st_size < 3_000_000  # ships in the package


def _float_embeddings(model, texts: list[str]) -> np.ndarray:
    """Mean-pooled, normalized float32 vectors of `texts` (one per pass, as the guard encodes)."""
    import torch

    tokenizer = emb._load().tokenizer
    rows = []
    with torch.inference_mode():
        for text in texts:
            batch = tokenizer([text], return_tensors="pt", truncation=True, max_length=256)
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            rows.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)[0].numpy())
    return np.stack(rows)


def test_our_merge_of_the_exported_adapter_equals_peft_merge_and_unload(tmp_path):
    """Training runs on peft; serving merges the exported file itself (W + scale * B @ A, no peft):
    the two must be the same encoder."""
    examples = _tiny_examples()
    cfg = et.EncoderTuneConfig(enabled=True, max_steps=4, batch_size=8, lr=2e-2, threads=1)
    peft_model, adapter = et.tune([e.text for e in examples], [e.target for e in examples], np.ones(len(examples)),
                                  cfg, 13)
    assert all(np.abs(v).max() > 0 for k, v in adapter["tensors"].items() if k.endswith(".B"))  # it trained
    loaded = et.load_adapter(et.save_adapter(adapter, tmp_path))  # through the file, as serving reads it
    ours = et.merged_encoder(emb._load()[0].auto_model, loaded)
    theirs = peft_model.merge_and_unload()
    texts = [TEXT, "what is asthma", "I took all my pills an hour ago", "¿puedo tomar ibuprofeno con paracetamol?"]
    base = _float_embeddings(emb._load()[0].auto_model, texts)
    mine, peft_vectors = _float_embeddings(ours, texts), _float_embeddings(theirs, texts)
    assert np.abs(mine - base).max() > 1e-3  # the comparison is not base against base
    np.testing.assert_allclose(mine, peft_vectors, atol=1e-5, rtol=0)


def test_peft_adapts_exactly_the_configured_layers_and_seed_matters():
    examples = _tiny_examples()[:16]
    texts, labels = [e.text for e in examples], [e.target for e in examples]
    cfg = et.EncoderTuneConfig(enabled=True, rank=4, alpha=12.0, layers=[1, 4], max_steps=1, batch_size=8, threads=1)
    adapter = et.fine_tune(texts, labels, np.ones(len(texts)), cfg, 7)
    names = {f"encoder.layer.{i}.{t}" for i in (1, 4) for t in et.TARGETS}
    assert set(adapter["tensors"]) == {f"{n}.{m}" for n in names for m in ("A", "B")}
    assert adapter["tensors"]["encoder.layer.1.intermediate.dense.A"].shape == (4, 384)
    assert adapter["tensors"]["encoder.layer.1.intermediate.dense.B"].shape == (1536, 4)
    assert adapter["meta"]["scale"] == 3.0 and adapter["meta"]["layers"] == [1, 4]
    other = et.fine_tune(texts, labels, np.ones(len(texts)), cfg, 8)
    assert et.adapter_digest(other["tensors"]) != et.adapter_digest(adapter["tensors"])


def test_adapter_changes_the_classifier_encoder_but_not_embed(tiny):
    before = emb.embed([TEXT])[0].copy()
    base = emb.classifier_embedding(TEXT, None)
    tuned = emb.classifier_embedding(TEXT, tiny["first"])
    assert tuned.shape == base.shape == (emb.EMBEDDING_DIM,)
    assert abs(np.linalg.norm(tuned) - 1) < 1e-4
    assert float(tuned @ base) < 0.999  # the adapter moved the vector
    # the knowledge base / grounding encoder is untouched, in this process and in a fresh encode
    assert np.array_equal(emb.embed([TEXT])[0], before)
    assert np.array_equal(emb._encode([TEXT])[0], before)
    assert np.array_equal(emb.classifier_embedding(TEXT, None), base)


def test_tiny_two_stage_training_end_to_end(tiny, tmp_path):
    """Stage 1 (adapter) + stage 2 (the unchanged head fit) -> saved head that loads, names its
    adapter and decides with the tuned encoder."""
    examples = tiny["examples"]
    cfg = T.TrainConfig(holdout_fraction=0, use_medsafetybench=False, medquad_questions=0, output_dir=tmp_path)
    adapter_file = tmp_path / et.ADAPTER_FILE
    shutil.copy(tiny["first"].path, adapter_file)
    spec = emb.AdapterSpec(adapter_file, tiny["first"].sha256)
    model = T.build_classifier(examples, cfg, {}, spec, {})
    model.save(tmp_path)
    meta = json.loads((tmp_path / META_FILE).read_text())
    assert meta["encoder_adapter"] == {"file": et.ADAPTER_FILE, "sha256": spec.sha256}
    assert "LoRA adapter" in meta["embedding_model"]
    loaded = GuardClassifier.load(tmp_path)
    assert loaded.adapter == spec
    pred = loaded.predict(TEXT)
    assert np.allclose(loaded.probabilities(loaded_features(loaded, TEXT)), list(pred.probs.values()), atol=1e-5)
    # the saved head decides exactly as the one in memory: same encoder, same weights
    before = model.predict(TEXT)
    assert pred.probs == pytest.approx(before.probs, abs=1e-6)
    assert decide_input(loaded, pred, TEXT) == decide_input(model, before, TEXT)


def loaded_features(model: GuardClassifier, text: str) -> np.ndarray:
    from medrails.guard.classifiers.features import featurize

    return featurize([text], emb.classifier_embeddings([text], model.adapter))


def _head_declaring(tmp_path: Path, sha: str) -> Path:
    for name in (HEAD_FILE, META_FILE):
        shutil.copy(ARTIFACT_DIR / name, tmp_path / name)
    meta = json.loads((tmp_path / META_FILE).read_text())
    meta["encoder_adapter"] = {"file": et.ADAPTER_FILE, "sha256": sha}
    (tmp_path / META_FILE).write_text(json.dumps(meta))
    return tmp_path


def test_missing_adapter_fails_closed_at_load(tmp_path):
    with pytest.raises(MedrailsError, match="adapter .* is missing"):
        GuardClassifier.load(_head_declaring(tmp_path, "0" * 64))


# (an encoder is kept per adapter sha256 once verified, so these use digests no earlier test loaded)
def test_corrupt_adapter_fails_closed(tmp_path):
    head_dir = _head_declaring(tmp_path, "e" * 64)
    (head_dir / et.ADAPTER_FILE).write_bytes(b"not an npz at all")
    model = GuardClassifier.load(head_dir)  # present: loads, and the encoder refuses when used
    with pytest.raises(MedrailsError, match="unreadable"):
        model.predict("what is asthma")


def test_tampered_or_foreign_adapter_is_refused(tiny, tmp_path):
    with np.load(tiny["first"].path) as data:
        arrays = {k: np.array(data[k]) for k in data.files}
    name = next(k for k in arrays if k.endswith(".B"))
    arrays[name] = arrays[name] + 1e-3
    bad = tmp_path / "tampered" / et.ADAPTER_FILE
    bad.parent.mkdir()
    np.savez(bad, **arrays)
    with pytest.raises(MedrailsError, match="corrupt"):
        emb.classifier_embedding("what is asthma", emb.AdapterSpec(bad, "d" * 64))
    # a valid adapter that is not the one the head was trained with
    with pytest.raises(MedrailsError, match="not the one the guard head was trained with"):
        emb.classifier_embedding("what is gout", emb.AdapterSpec(tiny["first"].path, "f" * 64))


def test_encoder_tune_config_is_strict():
    with pytest.raises(ValidationError, match="rnak"):
        T.TrainConfig.model_validate({"encoder_tune": {"rnak": 8}})
    # MiniLM has layers 0-5: a wrong index is a config error naming the field, before any training
    with pytest.raises(ValidationError, match=r"encoder_tune\.layers\.1"):
        T.TrainConfig.model_validate({"encoder_tune": {"layers": [0, 6]}})
    assert T.TrainConfig().encoder_tune.enabled is False  # the default recipe keeps the frozen encoder


def _tiny_main_config(out: Path) -> T.TrainConfig:
    return T.TrainConfig.model_validate({"holdout_fraction": 0.0, "use_medsafetybench": False, "medquad_questions": 0,
                                         "output_dir": out, "encoder_tune": {"enabled": True, "max_steps": 2}})


@pytest.mark.slow
def test_guard_train_main_writes_an_adapter_and_a_head_that_load_together(tmp_path):
    T.main(_tiny_main_config(tmp_path), progress=lambda _m: None)
    loaded = GuardClassifier.load(tmp_path)
    assert loaded.adapter is not None and loaded.adapter.path == tmp_path / et.ADAPTER_FILE
    assert et.load_adapter(loaded.adapter.path)["meta"]["sha256"] == loaded.adapter.sha256
    assert loaded.predict("I can't breathe and my lips are turning blue").emergency_class == "breathing"


def test_a_failed_head_fit_leaves_the_installed_pair_untouched(tmp_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("head fit failed")

    monkeypatch.setattr(T, "build_classifier", broken)
    with pytest.raises(RuntimeError, match="head fit failed"):
        T.main(_tiny_main_config(tmp_path), progress=lambda _m: None)
    assert not (tmp_path / et.ADAPTER_FILE).exists()  # stage 1's adapter stayed in its scratch folder
