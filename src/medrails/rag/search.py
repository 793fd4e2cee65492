"""Hybrid search: BM25 and exact dense (cosine) search, fused with reciprocal rank fusion.

Dense search is one float32 matrix product over all normalized chunk vectors; the top candidates
come from `argpartition` (linear time) and only they are sorted. Batches of queries share one
matrix product. At millions of chunks a vector database is the plug-in (see DESIGN.md).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

import numpy as np

from medrails.rag.chunking import Chunk
from medrails.rag.lexical import bm25_scores
from medrails.threads import limit_blas_threads

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


_own_lock = threading.Lock()


def _thread_switch_lock() -> threading.Lock:
    try:
        from medrails.guard.embeddings import _encode_lock

        return _encode_lock
    except ImportError:  # the embedder changed: fall back to a lock of our own
        return _own_lock


class _HalfScorer:
    """float16 matrix-vector products through torch on one intra-op thread: half the memory
    traffic of float32 and, where the CPU converts float16 in hardware, about 2x faster at 100k
    chunks (measured 6.5 ms vs 12-14 ms for numpy float32). Used only when a timing probe at load
    shows it is faster here; its scores differ from float32 by ~1e-4, so candidates are rescored."""

    def __init__(self, dense: np.ndarray):
        import torch

        self.torch = torch
        self.matrix = torch.from_numpy(np.ascontiguousarray(dense, dtype=np.float16))

    def scores(self, vectors: np.ndarray) -> np.ndarray:
        torch = self.torch
        # torch's thread count is process-wide: share the embedder's lock so two threads that each
        # lower and restore it cannot leave the process stuck at one thread
        with _thread_switch_lock():
            previous = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                q = torch.from_numpy(np.ascontiguousarray(vectors, dtype=np.float16))
                out = torch.mv(self.matrix, q[0])[:, None] if q.shape[0] == 1 else self.matrix @ q.T
                return out.float().numpy()
            finally:
                torch.set_num_threads(previous)


def _faster_half_scorer(dense: np.ndarray, min_rows: int = 20_000) -> _HalfScorer | None:
    if dense.shape[0] < min_rows:
        return None
    try:
        import time

        sample = np.ascontiguousarray(dense[:min_rows])
        half = _HalfScorer(sample)
        probe = sample[:1]

        def best(fn) -> float:
            times = []
            for _ in range(5):
                started = time.perf_counter()
                fn()
                times.append(time.perf_counter() - started)
            return min(times)

        if best(lambda: half.scores(probe)) < 0.8 * best(lambda: sample @ probe[0]):
            return _HalfScorer(dense)
    except Exception:  # no torch or no float16 kernel: numpy float32 it is
        return None
    return None


class HybridIndex:
    def __init__(self, chunks: list[Chunk], dense: np.ndarray, bm25, candidates: int = 100,
                 blas_threads: int | None = 1, allow_half: bool = True):
        self.chunks = chunks
        self.dense = np.ascontiguousarray(dense, dtype=np.float32)
        self.bm25 = bm25
        self.candidates = candidates
        limit_blas_threads(blas_threads)
        self.half = _faster_half_scorer(self.dense) if allow_half else None

    def _cosines(self, vectors: np.ndarray) -> np.ndarray:
        if self.half is not None:
            return self.half.scores(vectors)
        if vectors.shape[0] == 1:
            return (self.dense @ vectors[0])[:, None]  # matrix-vector: the cheapest kernel
        return self.dense @ vectors.T  # (chunks, queries): one matmul for the batch

    def _dense_top(self, cosine: np.ndarray, vector: np.ndarray, depth: int) -> tuple[np.ndarray, np.ndarray]:
        """(top indices, their exact float32 cosines), best first."""
        if self.half is None:
            order = _top(cosine, depth)
            return order, cosine[order]
        order = _top(cosine, depth + 16)  # the margin absorbs float16 rounding at the cut
        exact = self.dense[order] @ vector
        keep = np.argsort(-exact, kind="stable")[:depth]
        return order[keep], exact[keep]

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
        queries_matrix = np.asarray(vectors, dtype=np.float32) if mode != "bm25" else None
        if queries_matrix is not None:
            dense_scores = self._cosines(queries_matrix)
        results = []
        for column, query in enumerate(queries):
            lexical = bm25_scores(self.bm25, query) if mode != "dense" else None
            if mode == "bm25":
                order = _top(lexical, k, positive_only=True)
                results.append([Hit(self.chunks[i], float(lexical[i]), bm25_rank=r + 1) for r, i in enumerate(order)])
                continue
            cosine = dense_scores[:, column]
            if mode == "dense":
                order, exact = self._dense_top(cosine, queries_matrix[column], k)
                results.append([Hit(self.chunks[i], float(c), dense_rank=r + 1, cosine=float(c))
                                for r, (i, c) in enumerate(zip(order, exact, strict=True))])
                continue
            order, exact = self._dense_top(cosine, queries_matrix[column], depth)
            results.append(self._fuse(_top(lexical, depth, positive_only=True), order, exact, k, queries_matrix[column]))
        return results

    def _fuse(self, lexical_order: np.ndarray, dense_order: np.ndarray, dense_cosines: np.ndarray, k: int,
              vector: np.ndarray) -> list[Hit]:
        fused: dict[int, float] = {}
        bm25_rank = {int(i): r + 1 for r, i in enumerate(lexical_order)}
        dense_rank = {int(i): r + 1 for r, i in enumerate(dense_order)}
        for ranks in (bm25_rank, dense_rank):
            for index, rank in ranks.items():
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:k]
        cosine = {int(i): float(c) for i, c in zip(dense_order, dense_cosines, strict=True)}
        return [Hit(self.chunks[i], score, bm25_rank.get(i), dense_rank.get(i),
                    cosine.get(i, float(self.dense[i] @ vector))) for i, score in best]
