"""The shipped starter knowledge base: enough topics, references on every page, fast first use."""

from __future__ import annotations

import re
import time

from medrails.rag.retriever import ensure_starter_kb, load_starter_cache, open_retriever, starter_pages

URL = re.compile(r"https?://\S+")


def test_at_least_forty_topics_each_with_public_references():
    pages = starter_pages()
    assert len(pages) >= 40
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.startswith("# "), page.name
        refs = text.split("## References", 1)
        assert len(refs) == 2 and URL.search(refs[1]), f"{page.name} needs a References list with URLs"
        assert len(text.split()) >= 120, f"{page.name} is too short to be useful"


def test_shipped_vectors_cover_every_starter_chunk():
    """Fails after editing a page: run `python -m medrails.rag.retriever` to refresh starter/embeddings.npz."""
    from medrails.rag.chunking import chunk_document
    from medrails.rag.ingest import ingest

    cache = load_starter_cache()
    chunks = [c for d in ingest(starter_pages()).documents for c in chunk_document(d)]
    missing = [c.chunk_id for c in chunks if c.embedding_key() not in cache]
    assert not missing, f"refresh the starter vectors (python -m medrails.rag.retriever); stale: {missing[:5]}"


def test_first_use_build_is_fast_and_retrieves_the_right_pages(medrails_home):
    started = time.perf_counter()
    path = ensure_starter_kb(progress=False)
    assert time.perf_counter() - started < 15
    assert path.parent == medrails_home / "kb" and path.name.startswith("starter-")
    kb = open_retriever("starter")
    cases = {
        "What is high blood pressure?": "hypertension",
        "How do statins lower cholesterol?": "statins",
        "What are the warning signs of a stroke?": "stroke-warning-signs",
        "What does an HbA1c result of 6.8 percent mean?": "hba1c-test",
        "Why don't antibiotics work for a cold?": "antibiotics",
        "How do SSRIs work?": "ssris",
    }
    for question, doc_id in cases.items():
        citations = kb.retrieve(question, 3)
        assert citations and citations[0].source == f"medrails/rag/starter/{doc_id}.md", (question, citations[:1])
        assert re.fullmatch(r"\d+-\d+", citations[0].lines)
