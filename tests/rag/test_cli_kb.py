"""`medrails kb` end to end: build with reconciled counts, stats, search (single and batch), bad input."""

from __future__ import annotations

import json
import shutil


def test_build_prints_counts_that_reconcile_and_names_skipped_lines(kb_cli, corpus, tmp_path):
    result = kb_cli("kb", "build", str(corpus / "faq.jsonl"), str(corpus / "gout.md"), "--out", str(tmp_path / "kb"))
    assert result.code == 0, result.err
    assert "documents: 8 read = 3 indexed + 5 skipped" in result.out
    assert "bad_json 1" in result.out and "duplicate_text 1" in result.out
    assert f"skipped {corpus / 'faq.jsonl'}:2: bad_json" in result.err
    again = kb_cli("kb", "build", str(corpus / "gout.md"), "--out", str(tmp_path / "kb"))
    assert again.code == 2 and "already exists: pass --force" in again.err


def test_stats_reports_contents_and_build_history(kb_cli, built_kb):
    result = kb_cli("kb", "stats", str(built_kb[1]), "--json")
    assert result.code == 0, result.err
    info = json.loads(result.out)
    assert info["documents"] == 7 and info["format_version"] == 1
    assert info["chunks_by_collection"]["5_NIDDK_QA"] == 2
    assert info["builds"][0]["skipped"]["bad_json"] == 1


def test_search_json_hits_carry_ids_scores_and_lines(kb_cli, built_kb):
    result = kb_cli("kb", "search", "gluten damages the small intestine", "--kb", str(built_kb[1]), "--k", "2", "--json")
    assert result.code == 0, result.err
    hits = json.loads(result.out)["hits"]
    assert hits[0]["doc_id"] == "5_NIDDK_QA/0000042-1" and hits[0]["chunk_id"] == "5_NIDDK_QA/0000042-1#0"
    assert {"doc_id", "chunk_id", "score", "title", "source", "lines"} <= set(hits[0])
    assert hits[0]["score"] >= hits[1]["score"]


def test_batch_search_writes_one_line_per_query(kb_cli, built_kb, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "query": "painful rash from the chickenpox virus"}\n\n{"id": "b", "query": "throbbing headache"}\n')
    out = tmp_path / "hits.jsonl"
    result = kb_cli("kb", "search", "--kb", str(built_kb[1]), "--input", str(queries), "--output", str(out), "--k", "3")
    assert result.code == 0, result.err
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["hits"][0]["doc_id"] == "shingles" and rows[1]["hits"][0]["doc_id"] == "kb-1"
    assert set(rows[0]["hits"][0]) == {"doc_id", "chunk_id", "score", "title", "source", "lines"}


def test_batch_with_bad_lines_fails_naming_each_line(kb_cli, built_kb, tmp_path):
    queries = tmp_path / "q.jsonl"
    queries.write_text('{"id": "a", "query": "gout"}\n{broken\n{"id": "a", "query": "again"}\n{"id": "c"}\n')
    result = kb_cli("kb", "search", "--kb", str(built_kb[1]), "--input", str(queries))
    assert result.code == 2
    assert "3 bad line(s)" in result.err and f"{queries}:2: not valid JSON" in result.err
    assert f"{queries}:3: duplicate id 'a'" in result.err and f"{queries}:4: needs a non-empty string field 'query'" in result.err


def test_kb_from_another_format_version_is_a_one_line_error(kb_cli, built_kb, tmp_path):
    copy = tmp_path / "kb"
    shutil.copytree(built_kb[1], copy)
    manifest = json.loads((copy / "manifest.json").read_text())
    manifest["format_version"] = 99
    (copy / "manifest.json").write_text(json.dumps(manifest))
    result = kb_cli("kb", "search", "gout", "--kb", str(copy))
    assert result.code == 2 and "built with KB format version 99" in result.err
    missing = kb_cli("kb", "stats", str(tmp_path / "nope"))
    assert missing.code == 2 and "knowledge base not found" in missing.err
