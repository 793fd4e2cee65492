"""Building, loading, extending and searching a knowledge base on disk (real MiniLM embeddings)."""

from __future__ import annotations

import json
import shutil

import pytest

from medrails.guard.types import Citation
from medrails.rag import KnowledgeBaseError, add_to_kb, build_kb, load_kb, open_kb, open_retriever


def test_build_counts_reconcile_and_manifest_describes_the_kb(built_kb):
    report, path = built_kb
    assert report.reconciles()
    assert report.records_read == report.documents_indexed + report.documents_skipped
    skipped = report.skipped_by_reason()
    assert skipped["duplicate_text"] == 1  # kb-4 repeats kb-1 (spacing aside): the whole document is dropped
    assert skipped["bad_json"] == 1 and skipped["duplicate_id"] == 1 and skipped["missing_field"] == 1
    # gout, shingles, notes, kb-1, kb-3 (gout.md then loses its identical first section), two MedQuAD pairs
    assert report.documents_indexed == 7 and report.chunks_duplicate == 2
    manifest = json.loads((path / "manifest.json").read_text())
    assert manifest["format"] == "medrails-kb" and manifest["format_version"] == 1
    assert manifest["chunks"] == report.chunks_total and manifest["documents"] == 7
    assert set(manifest["files"]) >= {"chunks.jsonl", "dense.npy"}
    assert all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert not list(path.parent.glob(".kb.*")), "no staging directories left behind"


@pytest.mark.parametrize("mode", ["fused", "bm25", "dense"])
def test_each_mode_finds_the_right_document(built_kb, mode):
    kb = open_kb(built_kb[1])
    assert kb.search("what triggers a gout attack in the big toe", 3, mode)[0].chunk.doc_id == "gout"
    assert kb.search("gluten free diet treatment", 3, mode)[0].chunk.doc_id == "5_NIDDK_QA/0000042-2"


def test_retriever_returns_numbered_citations_with_source_lines(built_kb):
    citations = open_retriever(str(built_kb[1])).retrieve("shingles vaccine for older adults", 2)
    assert all(isinstance(c, Citation) for c in citations)
    assert [c.id for c in citations] == ["1", "2"][: len(citations)]
    top = citations[0]
    assert top.title == "Shingles — Vaccine" and top.source.endswith("shingles.html") and top.lines == "7-7"
    assert "two-dose" in top.text


def test_unrelated_questions_get_no_passages(built_kb):
    assert open_retriever(str(built_kb[1])).retrieve("who won the 1998 football world cup final", 3) == []


def test_other_format_version_is_refused_with_a_clear_message(built_kb, tmp_path):
    copy = tmp_path / "old-kb"
    shutil.copytree(built_kb[1], copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["format_version"] = 0
    (copy / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(KnowledgeBaseError, match="format version 0.*reads format version 1.*kb build"):
        load_kb(copy)


def test_missing_half_written_and_damaged_kbs_are_refused(built_kb, tmp_path):
    with pytest.raises(KnowledgeBaseError, match="knowledge base not found"):
        load_kb(tmp_path / "nope")
    half = tmp_path / "half"
    shutil.copytree(built_kb[1], half)
    (half / "manifest.json").unlink()
    with pytest.raises(KnowledgeBaseError, match="not a complete knowledge base"):
        load_kb(half)
    damaged = tmp_path / "damaged"
    shutil.copytree(built_kb[1], damaged)
    data = bytearray((damaged / "chunks.jsonl").read_bytes())
    data[10] ^= 1
    (damaged / "chunks.jsonl").write_bytes(bytes(data))
    with pytest.raises(KnowledgeBaseError, match="chunks.jsonl does not match its sha256"):
        load_kb(damaged)


def test_a_build_killed_midway_leaves_the_old_kb_loading(built_kb, corpus, tmp_path, monkeypatch):
    kb = tmp_path / "kb"
    shutil.copytree(built_kb[1], kb)
    before = load_kb(kb).manifest.chunks

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed while writing the lexical index")

    monkeypatch.setattr("medrails.rag.lexical.save_bm25", crash)
    with pytest.raises(KeyboardInterrupt):
        build_kb([corpus / "gout.md"], kb, force=True)
    assert load_kb(kb).manifest.chunks == before
    assert [p.name for p in tmp_path.iterdir()] == ["kb"], "the staging directory was removed"


def test_building_over_an_existing_kb_needs_force(built_kb, corpus):
    with pytest.raises(KnowledgeBaseError, match="already exists: pass --force"):
        build_kb([corpus], built_kb[1])


def test_add_embeds_only_new_chunks_and_skips_known_ids(built_kb, tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(built_kb[1], kb)
    before = load_kb(kb)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "tinnitus.md").write_text("# Tinnitus\n\nTinnitus is hearing ringing or buzzing that has no outside source.\n")
    (extra / "gout.md").write_text("# Gout again\n\nA different gout page with the same document id.\n")
    report = add_to_kb(kb, [extra])
    assert report.embedded == 1 and report.reused == before.manifest.chunks
    assert report.skipped_by_reason() == {"duplicate_id": 1} and report.reconciles()
    after = open_kb(kb)
    assert after.stored.manifest.chunks == before.manifest.chunks + 1
    assert [b["kind"] for b in after.stored.manifest.builds] == ["build", "add"]
    assert after.search("ringing in the ears", 1)[0].chunk.doc_id == "tinnitus"
    replaced = add_to_kb(kb, [extra / "gout.md"], replace=True)
    assert replaced.documents_indexed == 1
    gout_text = " ".join(c.text for c in load_kb(kb).chunks if c.doc_id == "gout")
    assert "different gout page" in gout_text and "uric acid" not in gout_text


def test_nothing_to_index_is_an_error_naming_the_reasons(tmp_path):
    from medrails.errors import MedrailsError

    (tmp_path / "bad.jsonl").write_text("{oops\n")
    with pytest.raises(MedrailsError, match="nothing to index.*bad_json 1"):
        build_kb([tmp_path / "bad.jsonl"], tmp_path / "kb")
    with pytest.raises(MedrailsError, match="source not found"):
        build_kb([tmp_path / "missing-dir"], tmp_path / "kb2")


def test_float16_scoring_path_returns_the_exact_float32_ranking():
    """Large KBs may score in float16 (when faster here); candidates are rescored exactly."""
    import numpy as np

    from medrails.rag.chunking import Chunk
    from medrails.rag.search import HybridIndex, _HalfScorer

    rng = np.random.default_rng(3)
    dense = rng.normal(size=(20_000, 384)).astype(np.float32)
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    chunks = [Chunk(f"d{i}#0", f"d{i}", "t", "s", "", 1, 1, "x") for i in range(len(dense))]
    exact = HybridIndex(chunks, dense, bm25=None, allow_half=False)
    half = HybridIndex(chunks, dense, bm25=None, allow_half=False)
    half.half = _HalfScorer(dense)
    queries = dense[:3] + rng.normal(scale=0.03, size=(3, 384)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    for one, two in zip(exact.search_vectors(["a", "b", "c"], queries, 10, "dense"),
                        half.search_vectors(["a", "b", "c"], queries, 10, "dense"), strict=True):
        assert [h.chunk.chunk_id for h in one] == [h.chunk.chunk_id for h in two]
        assert np.allclose([h.score for h in one], [h.score for h in two], atol=1e-6)
    single = half.search_vectors(["a"], queries[:1], 3, "dense")[0]
    assert single[0].chunk.chunk_id == "d0#0"
