"""Open a knowledge base (a directory or the shipped `starter`) as a retriever returning citations.

The starter KB's Markdown pages ship in `medrails/rag/starter/`; its index is built on first use
into $MEDRAILS_HOME/kb/starter-<hash of the pages> (seconds: vectors for the shipped pages come
from `starter/embeddings.npz`, so only edited pages are embedded again).
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medrails.guard.types import Citation
from medrails.paths import medrails_home, package_file
from medrails.rag.chunking import DEFAULT_MAX_WORDS
from medrails.rag.search import Hit, HybridIndex, Mode
from medrails.rag.store import FORMAT_VERSION, StoredKB, load_kb

STARTER = "starter"
STARTER_DIR = package_file("rag", "starter")
STARTER_CACHE = STARTER_DIR / "embeddings.npz"
# Passages less similar than this to the question are not offered as evidence: an unrelated
# "source" invites the model to cite it and makes the grounding check meaningless.
DEFAULT_MIN_COSINE = 0.2


@dataclass
class KnowledgeBase:
    """A loaded KB: search by mode, or retrieve numbered citations for the assistant."""

    stored: StoredKB
    index: HybridIndex
    min_cosine: float = DEFAULT_MIN_COSINE

    @property
    def path(self) -> Path:
        return self.stored.path

    def search(self, query: str, k: int = 5, mode: Mode = "fused") -> list[Hit]:
        return self.index.search(query, k, mode)

    def search_batch(self, queries: list[str], k: int = 5, mode: Mode = "fused") -> list[list[Hit]]:
        return self.index.search_batch(queries, k, mode)

    def retrieve(self, query: str, k: int) -> list[Citation]:
        """The top passages as citations numbered "1".."k" in rank order."""
        hits = [h for h in self.index.search(query, k, "fused") if h.cosine is None or h.cosine >= self.min_cosine]
        return [to_citation(h, n) for n, h in enumerate(hits, start=1)]


def to_citation(hit: Hit, number: int) -> Citation:
    c = hit.chunk
    title = c.title if not c.section or c.section == c.title else f"{c.title} — {c.section}"
    return Citation(id=str(number), title=title, source=c.source, text=c.text, lines=c.lines)


def open_kb(path: Path | str, verify_hashes: bool = True) -> KnowledgeBase:
    stored = load_kb(path, verify_hashes=verify_hashes)
    return KnowledgeBase(stored, HybridIndex(stored.chunks, stored.dense, stored.bm25))


def open_retriever(ref: str) -> KnowledgeBase:
    """`ref` is a KB directory or the word `starter` (built on first use)."""
    if str(ref).strip().lower() == STARTER:
        return open_kb(ensure_starter_kb())
    return open_kb(Path(ref).expanduser())


# -- the starter KB ---------------------------------------------------------------------------------
def starter_pages() -> list[Path]:
    return sorted(STARTER_DIR.glob("*.md"))


def starter_key() -> str:
    from medrails import __version__

    digest = hashlib.sha256(f"format={FORMAT_VERSION};max_words={DEFAULT_MAX_WORDS};medrails={__version__}".encode())
    for page in starter_pages():
        digest.update(page.name.encode() + b"\0" + page.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _starter_source(path: str) -> str:
    return f"medrails/rag/starter/{Path(path).name}"


def load_starter_cache() -> dict[str, np.ndarray]:
    if not STARTER_CACHE.is_file():
        return {}
    data = np.load(STARTER_CACHE, allow_pickle=False)
    return {str(k): v.astype(np.float32) for k, v in zip(data["keys"], data["vectors"], strict=True)}


def ensure_starter_kb(progress: bool = True) -> Path:
    """The starter KB directory for the shipped pages, building it when missing or stale."""
    from medrails.rag.build import build_kb, rich_progress

    out = medrails_home() / "kb" / f"starter-{starter_key()}"
    if (out / "manifest.json").is_file():
        return out
    cache = load_starter_cache()
    if progress and sys.stderr.isatty():
        with rich_progress("building the starter knowledge base (first use)", transient=True) as update:
            build_kb(starter_pages(), out, force=True, embedding_cache=cache, progress=update, source_label=_starter_source)
    else:
        print("medrails: building the starter knowledge base (first use) ...", file=sys.stderr)
        build_kb(starter_pages(), out, force=True, embedding_cache=cache, source_label=_starter_source)
    return out


def refresh_starter_cache() -> int:
    """Recompute `starter/embeddings.npz` for the current pages (run after editing them); returns rows."""
    from medrails.rag.build import embed_chunks
    from medrails.rag.chunking import chunk_document
    from medrails.rag.ingest import ingest

    result = ingest(starter_pages())
    for doc in result.documents:
        doc.source = _starter_source(doc.source)
    chunks = [c for doc in result.documents for c in chunk_document(doc)]
    vectors, _ = embed_chunks(chunks, {})
    keys = np.array([c.embedding_key() for c in chunks])
    np.savez_compressed(STARTER_CACHE, keys=keys, vectors=vectors.astype(np.float16))
    return len(chunks)


if __name__ == "__main__":  # python -m medrails.rag.retriever  (refreshes the shipped starter vectors)
    print(f"wrote {refresh_starter_cache()} vectors to {STARTER_CACHE}")
