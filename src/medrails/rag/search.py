"""Hybrid search: BM25 and exact dense (cosine) search, fused with reciprocal rank fusion.

Dense search is one float32 matrix product over all normalized chunk vectors; the top candidates
come from `argpartition` (linear time) and only they are sorted. Batches of queries share one
matrix product. At millions of chunks a vector database is the plug-in (see DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from medrails.rag.chunking import Chunk
from medrails.rag.lexical import bm25_scores

Mode = Literal["fused", "bm25", "dense"]
MODES: tuple[str, ...] = ("fused", "bm25", "dense")
RRF_K = 60  # the constant from Cormack et al. (2009); rank 1 scores 1/61


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused RRF score, BM25 score or cosine similarity, by mode
    bm25_rank: int | None = None  # 1-based rank in the lexical list, None when not in its candidates
    dense_rank: int | None = None
    cosine: float | None = None  # dense similarity to the query, when dense search ran


def _top(scores: np.ndarray, depth: int, positive_only: bool = False) -> np.ndarray:
    """Indices of the `depth` highest scores, best first."""
    depth = min(depth, scores.shape[0])
    if depth <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-scores, depth - 1)[:depth] if depth < scores.shape[0] else np.arange(scores.shape[0])
    order = part[np.argsort(-scores[part], kind="stable")]
    if positive_only:
        order = order[scores[order] > 0]
    return order


_blas_limited = False


def limit_blas_threads(threads: int | None) -> None:
    """Cap numpy's BLAS threads (process-wide, once). One query is a matrix-vector product that is
    memory bound; on a busy machine a second BLAS thread mostly waits for a core at a barrier
    (measured on the shared 2-core box: 10k-chunk product 36 ms with 2 threads, 1 ms with 1)."""
    global _blas_limited
    if threads is None or _blas_limited:
        return
    _blas_limited = True
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads, user_api="blas")
    except Exception:  # threadpoolctl missing or an unknown BLAS: keep the library default
        pass


class HybridIndex:
    def __init__(self, chunks: list[Chunk], dense: np.ndarray, bm25, candidates: int = 100,
                 blas_threads: int | None = 1):
        self.chunks = chunks
        self.dense = np.ascontiguousarray(dense, dtype=np.float32)
        self.bm25 = bm25
        self.candidates = candidates
        limit_blas_threads(blas_threads)

    def __len__(self) -> int:
        return len(self.chunks)

    def search(self, query: str, k: int = 5, mode: Mode = "fused") -> list[Hit]:
        return self.search_batch([query], k, mode)[0]

    def search_batch(self, queries: list[str], k: int = 5, mode: Mode = "fused") -> list[list[Hit]]:
        from medrails.guard.embeddings import embed

        vectors = embed(queries) if mode != "bm25" else None
        return self.search_vectors(queries, vectors, k, mode)

    def search_vectors(self, queries: list[str], vectors: np.ndarray | None, k: int, mode: Mode = "fused") -> list[list[Hit]]:
        """Search with query vectors already computed (lets benchmarks time the index alone)."""
        if mode not in MODES:
            raise ValueError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        if not self.chunks or k <= 0:
            return [[] for _ in queries]
        depth = max(self.candidates, k)
        dense_scores = None
        if mode != "bm25":
            queries_matrix = np.asarray(vectors, dtype=np.float32)
            if len(queries) == 1:
                dense_scores = (self.dense @ queries_matrix[0])[:, None]  # matrix-vector: the cheapest kernel
            else:
                dense_scores = self.dense @ queries_matrix.T  # (chunks, queries): one matmul for the batch
        results = []
        for column, query in enumerate(queries):
            lexical = bm25_scores(self.bm25, query) if mode != "dense" else None
            if mode == "bm25":
                order = _top(lexical, k, positive_only=True)
                results.append([Hit(self.chunks[i], float(lexical[i]), bm25_rank=r + 1) for r, i in enumerate(order)])
                continue
            cosine = dense_scores[:, column]
            if mode == "dense":
                order = _top(cosine, k)
                results.append([Hit(self.chunks[i], float(cosine[i]), dense_rank=r + 1, cosine=float(cosine[i]))
                                for r, i in enumerate(order)])
                continue
            results.append(self._fuse(_top(lexical, depth, positive_only=True), _top(cosine, depth), k, cosine))
        return results

    def _fuse(self, lexical_order: np.ndarray, dense_order: np.ndarray, k: int, cosine: np.ndarray) -> list[Hit]:
        fused: dict[int, float] = {}
        bm25_rank = {int(i): r + 1 for r, i in enumerate(lexical_order)}
        dense_rank = {int(i): r + 1 for r, i in enumerate(dense_order)}
        for ranks in (bm25_rank, dense_rank):
            for index, rank in ranks.items():
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [Hit(self.chunks[i], score, bm25_rank.get(i), dense_rank.get(i), float(cosine[i])) for i, score in best]
