"""The knowledge base on disk: a versioned, hash-checked directory written atomically.

    KB_DIR/
      manifest.json   format + format_version, medrails version, embedding model, counts, file hashes, build log
      chunks.jsonl    one chunk a line (id, doc id, title, source, section, line range, text)
      dense.npy       float16 (chunks x 384) normalized MiniLM vectors, row i = line i of chunks.jsonl
      bm25/           the bm25s index over the same rows

A build writes everything into a hidden sibling directory and renames it into place last, so a
killed build leaves the previous KB (or nothing) but never a half-written one that loads.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from medrails import __version__
from medrails.errors import MedrailsError
from medrails.rag.chunking import Chunk

FORMAT = "medrails-kb"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNKS = "chunks.jsonl"
DENSE = "dense.npy"
BM25_DIR = "bm25"


class KnowledgeBaseError(MedrailsError):
    """A KB directory that is missing, half-written, corrupted or from another format version."""


@dataclass
class Manifest:
    format_version: int
    medrails_version: str
    embedding_model: str
    embedding_dim: int
    max_words: int
    documents: int
    chunks: int
    files: dict[str, dict[str, Any]]  # relative path -> {"sha256", "bytes"}
    builds: list[dict[str, Any]] = field(default_factory=list)  # one entry per build / add, newest last
    created_at: str = ""
    updated_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, **self.__dict__}


@dataclass
class StoredKB:
    """What a KB directory holds, loaded into memory."""

    path: Path
    manifest: Manifest
    chunks: list[Chunk]
    dense: np.ndarray  # float32, normalized rows
    bm25: Any


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files_in(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != MANIFEST)


def write_kb(out: Path, chunks: list[Chunk], dense: np.ndarray, bm25, manifest: Manifest, replace: bool) -> Path:
    """Write a complete KB next to `out`, then move it into place (the old one, if any, is swapped out)."""
    out = out.resolve()
    if out.exists() and not replace:
        raise KnowledgeBaseError(f"{out} already exists: pass --force to rebuild it, or use `medrails kb add`")
    if out.exists() and not (out / MANIFEST).is_file() and any(out.iterdir()):
        raise KnowledgeBaseError(f"{out} exists and is not a medrails knowledge base (no {MANIFEST}); "
                                 "choose another --out or empty it")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.building-{os.getpid()}-{int(time.time())}"
    try:
        from medrails.rag.lexical import save_bm25

        staging.mkdir()
        with (staging / CHUNKS).open("w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(json.dumps(chunk.to_json(), ensure_ascii=False) + "\n")
        np.save(staging / DENSE, dense.astype(np.float16))
        (staging / BM25_DIR).mkdir()
        save_bm25(bm25, staging / BM25_DIR)
        manifest.files = {p.relative_to(staging).as_posix(): {"sha256": _sha256(p), "bytes": p.stat().st_size}
                          for p in _files_in(staging)}
        manifest.chunks = len(chunks)
        manifest.documents = len({c.doc_id for c in chunks})
        manifest.updated_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        manifest.created_at = manifest.created_at or manifest.updated_at
        # the manifest is written last: a directory without one is never a KB
        tmp = staging / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest.to_json(), indent=2) + "\n", encoding="utf-8")
        with tmp.open("rb") as handle:
            os.fsync(handle.fileno())
        tmp.rename(staging / MANIFEST)
        if out.exists():
            retired = out.parent / f".{out.name}.old-{os.getpid()}-{int(time.time())}"
            out.rename(retired)
            staging.rename(out)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def read_manifest(path: Path) -> Manifest:
    path = Path(path)
    if not path.exists():
        hint = ""
        leftovers = sorted(path.parent.glob(f".{path.name}.*")) if path.parent.is_dir() else []
        if leftovers:
            hint = f" (found the unfinished build {leftovers[0].name}: a build was interrupted; run it again)"
        raise KnowledgeBaseError(f"knowledge base not found: {path}{hint}; build one with `medrails kb build SOURCES --out {path}`")
    if not path.is_dir():
        raise KnowledgeBaseError(f"{path} is a file, not a knowledge base directory")
    manifest_path = path / MANIFEST
    if not manifest_path.is_file():
        raise KnowledgeBaseError(f"{path} is not a complete knowledge base (no {MANIFEST}: not a KB, or a build was "
                                 f"interrupted); rebuild it with `medrails kb build SOURCES --out {path} --force`")
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise KnowledgeBaseError(f"{manifest_path}: unreadable manifest ({exc}); rebuild the knowledge base") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise KnowledgeBaseError(f"{manifest_path}: not a medrails knowledge base manifest (format={data.get('format') if isinstance(data, dict) else None!r})")
    version = data.get("format_version")
    if version != FORMAT_VERSION:
        raise KnowledgeBaseError(
            f"{path} was built with KB format version {version} (medrails {data.get('medrails_version', '?')}); "
            f"this medrails ({__version__}) reads format version {FORMAT_VERSION}. Rebuild it: "
            f"`medrails kb build SOURCES --out {path} --force`")
    data.pop("format")
    try:
        return Manifest(**data)
    except TypeError as exc:
        raise KnowledgeBaseError(f"{manifest_path}: malformed manifest ({exc}); rebuild the knowledge base") from None


def verify_files(path: Path, manifest: Manifest, hashes: bool = True) -> None:
    for name, meta in manifest.files.items():
        file = path / name
        if not file.is_file():
            raise KnowledgeBaseError(f"{path}: {name} is missing (the KB is damaged); rebuild it")
        if file.stat().st_size != meta.get("bytes"):
            raise KnowledgeBaseError(f"{path}: {name} has {file.stat().st_size} bytes, the manifest says "
                                     f"{meta.get('bytes')} (the KB is damaged); rebuild it")
        if hashes and _sha256(file) != meta.get("sha256"):
            raise KnowledgeBaseError(f"{path}: {name} does not match its sha256 in {MANIFEST} (the KB is damaged); rebuild it")


def load_kb(path: Path | str, verify_hashes: bool = True) -> StoredKB:
    """Open a KB directory, refusing anything half-written, damaged or from another format version."""
    from medrails.rag.lexical import load_bm25

    path = Path(path)
    manifest = read_manifest(path)
    verify_files(path, manifest, hashes=verify_hashes)
    chunks = []
    with (path / CHUNKS).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                chunks.append(Chunk(**json.loads(line)))
            except (json.JSONDecodeError, TypeError) as exc:
                raise KnowledgeBaseError(f"{path / CHUNKS}:{number}: bad chunk record ({exc}); rebuild the KB") from None
    dense = np.load(path / DENSE).astype(np.float32)
    if dense.shape != (len(chunks), manifest.embedding_dim) or len(chunks) != manifest.chunks:
        raise KnowledgeBaseError(f"{path}: {len(chunks)} chunks, {dense.shape} vectors and manifest count "
                                 f"{manifest.chunks} disagree; rebuild the KB")
    bm25 = load_bm25(path / BM25_DIR)
    return StoredKB(path=path, manifest=manifest, chunks=chunks, dense=dense, bm25=bm25)
