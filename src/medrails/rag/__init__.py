"""Knowledge base ingest, hybrid retrieval (BM25 + MiniLM, reciprocal rank fusion) and citations.

Public API:
    open_retriever(ref)  -> KnowledgeBase with .retrieve(query, k) -> list[Citation]  (ref: KB dir or "starter")
    open_kb(path)        -> KnowledgeBase (also .search(query, k, mode) with mode fused | bm25 | dense)
    build_kb(sources, out, force=...) / add_to_kb(kb, sources, replace=...) -> BuildReport
    load_kb(path)        -> StoredKB (manifest, chunks, vectors, BM25), refusing damaged or other-version KBs
"""

from medrails.rag.build import BuildReport, add_to_kb, build_kb
from medrails.rag.retriever import KnowledgeBase, ensure_starter_kb, open_kb, open_retriever
from medrails.rag.search import Hit, HybridIndex
from medrails.rag.store import FORMAT_VERSION, KnowledgeBaseError, StoredKB, load_kb

__all__ = [
    "FORMAT_VERSION", "BuildReport", "Hit", "HybridIndex", "KnowledgeBase", "KnowledgeBaseError", "StoredKB",
    "add_to_kb", "build_kb", "ensure_starter_kb", "load_kb", "open_kb", "open_retriever",
]
