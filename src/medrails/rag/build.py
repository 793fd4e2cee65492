"""Build a knowledge base from sources, or add sources to one: ingest -> chunk -> dedupe -> embed
-> BM25 -> write atomically. Counts reconcile: records read = documents indexed + skipped."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from medrails import __version__
from medrails.rag.chunking import DEFAULT_MAX_WORDS, Chunk, chunk_document, deduplicate
from medrails.rag.ingest import IngestResult, Skipped, ingest
from medrails.rag.lexical import build_bm25
from medrails.rag.store import FORMAT_VERSION, Manifest, StoredKB, load_kb, write_kb

ProgressFn = Callable[[str, int, int], None]  # (what, done, total)
EMBED_BATCH = 64


@dataclass
class BuildReport:
    out: Path
    kind: str  # build | add
    files_seen: int = 0
    files_skipped: int = 0
    records_read: int = 0
    documents_indexed: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # documents (and files) not indexed, with reasons
    chunks_made: int = 0
    chunks_duplicate: int = 0
    chunks_indexed: int = 0  # new chunks added by this run
    chunks_total: int = 0  # chunks in the KB afterwards
    documents_total: int = 0
    embedded: int = 0  # vectors computed by this run
    reused: int = 0  # vectors reused from an earlier build or a shipped cache
    seconds: float = 0.0
    bytes: int = 0

    def skipped_by_reason(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skipped).most_common())

    @property
    def documents_skipped(self) -> int:
        return sum(1 for s in self.skipped if not s.reason.endswith("_file"))

    def reconciles(self) -> bool:
        return self.records_read == self.documents_indexed + self.documents_skipped

    def summary_lines(self) -> list[str]:
        reasons = ", ".join(f"{r} {n}" for r, n in self.skipped_by_reason().items()) or "none"
        return [
            f"files: {self.files_seen} seen, {self.files_seen - self.files_skipped} read, {self.files_skipped} skipped",
            f"documents: {self.records_read} read = {self.documents_indexed} indexed + {self.documents_skipped} skipped",
            f"skipped (documents and files): {reasons}",
            f"chunks: {self.chunks_made} made = {self.chunks_indexed} indexed + {self.chunks_duplicate} duplicates; "
            f"vectors: {self.embedded} embedded, {self.reused} reused",
            f"knowledge base: {self.documents_total} documents, {self.chunks_total} chunks, "
            f"{self.bytes / 1e6:.1f} MB at {self.out} ({self.seconds:.1f} s)",
        ]


def embed_chunks(chunks: list[Chunk], cache: dict[str, np.ndarray] | None = None,
                 progress: ProgressFn | None = None) -> tuple[np.ndarray, int]:
    """(vectors, how many were computed); vectors found in `cache` by content are reused."""
    from medrails.guard.embeddings import EMBEDDING_DIM, embed

    cache = cache or {}
    vectors = np.zeros((len(chunks), EMBEDDING_DIM), dtype=np.float32)
    todo = []
    for i, chunk in enumerate(chunks):
        hit = cache.get(chunk.embedding_key())
        if hit is not None:
            vectors[i] = hit
        else:
            todo.append(i)
    if progress:
        progress("embedding", 0, len(todo))
    for start in range(0, len(todo), EMBED_BATCH):
        rows = todo[start: start + EMBED_BATCH]
        vectors[rows] = embed([chunks[i].index_text() for i in rows])
        if progress:
            progress("embedding", min(start + EMBED_BATCH, len(todo)), len(todo))
    return vectors, len(todo)


def _chunk_all(result: IngestResult, max_words: int, existing: dict[str, str], report: BuildReport) -> list[Chunk]:
    made: list[Chunk] = []
    for doc in result.documents:
        chunks = chunk_document(doc, max_words)
        if not chunks:
            report.skipped.append(Skipped(doc.origin, "empty_document", "no indexable text (only headings or references)"))
            continue
        made.extend(chunks)
    report.chunks_made = len(made)
    dedupe = deduplicate(made, existing)
    report.chunks_duplicate = len(dedupe.duplicates)
    kept_docs = {c.doc_id for c in dedupe.kept}
    for doc in result.documents:
        if doc.doc_id not in kept_docs and any(c.doc_id == doc.doc_id for c, _ in dedupe.duplicates):
            first = next(orig for c, orig in dedupe.duplicates if c.doc_id == doc.doc_id)
            report.skipped.append(Skipped(doc.origin, "duplicate_text", f"same text as {first}"))
    report.documents_indexed = len(kept_docs)
    report.chunks_indexed = len(dedupe.kept)
    return dedupe.kept


def build_kb(sources: list[Path], out: Path, *, force: bool = False, max_words: int = DEFAULT_MAX_WORDS,
             embedding_cache: dict[str, np.ndarray] | None = None, progress: ProgressFn | None = None,
             source_label: Callable[[str], str] | None = None) -> BuildReport:
    """A new KB at `out` from the sources (with --force an existing KB there is replaced atomically)."""
    started = time.perf_counter()
    if Path(out).exists() and not force:
        from medrails.rag.store import KnowledgeBaseError

        raise KnowledgeBaseError(f"{out} already exists: pass --force to rebuild it, or use `medrails kb add`")
    report = BuildReport(out=Path(out), kind="build")
    result = _read(sources, report, progress)
    if source_label:
        for doc in result.documents:
            doc.source = source_label(doc.source)
    cache = dict(embedding_cache or {})
    if force and (Path(out) / "manifest.json").is_file():
        cache.update(_vectors_of(_try_load(Path(out))))
    chunks = _chunk_all(result, max_words, {}, report)
    return _finish(report, chunks, cache, max_words, [], sources, progress, started, replace=force)


def add_to_kb(kb: Path, sources: list[Path], *, replace: bool = False, progress: ProgressFn | None = None) -> BuildReport:
    """Add documents to an existing KB, embedding only the new chunks; the BM25 index is rebuilt over all."""
    started = time.perf_counter()
    stored = load_kb(kb)
    report = BuildReport(out=Path(kb), kind="add")
    result = _read(sources, report, progress)
    present = {c.doc_id for c in stored.chunks}
    incoming = []
    for doc in result.documents:
        if doc.doc_id in present and not replace:
            report.skipped.append(Skipped(doc.origin, "duplicate_id", f"id {doc.doc_id!r} is already in the KB (use --replace)"))
        else:
            incoming.append(doc)
    result.documents = incoming
    replaced = {d.doc_id for d in incoming} & present
    keep = [i for i, c in enumerate(stored.chunks) if c.doc_id not in replaced]
    old_chunks = [stored.chunks[i] for i in keep]
    existing = {c.content_key(): c.chunk_id for c in old_chunks}
    new_chunks = _chunk_all(result, stored.manifest.max_words, existing, report)
    cache = {c.embedding_key(): stored.dense[i] for i, c in zip(keep, old_chunks, strict=True)}
    return _finish(report, old_chunks + new_chunks, cache, stored.manifest.max_words, stored.manifest.builds,
                   sources, progress, started, replace=True, manifest=stored.manifest)


def _read(sources: list[Path], report: BuildReport, progress: ProgressFn | None) -> IngestResult:
    if progress:
        progress("reading", 0, 1)
    result = ingest([Path(s) for s in sources])
    report.files_seen, report.files_skipped = result.files_seen, result.files_skipped
    report.records_read = result.records_read
    report.skipped.extend(result.skipped)
    if progress:
        progress("reading", 1, 1)
    return result


def _finish(report: BuildReport, chunks: list[Chunk], cache: dict[str, np.ndarray], max_words: int,
            builds: list[dict], sources: list[Path], progress: ProgressFn | None, started: float,
            replace: bool, manifest: Manifest | None = None) -> BuildReport:
    from medrails.guard.embeddings import EMBEDDING_DIM

    if not chunks:
        from medrails.errors import MedrailsError

        reasons = ", ".join(f"{r} {n}" for r, n in report.skipped_by_reason().items()) or "no files"
        raise MedrailsError(f"nothing to index: {report.records_read} documents read, all skipped ({reasons})")
    vectors, report.embedded = embed_chunks(chunks, cache, progress)
    report.reused = len(chunks) - report.embedded
    if progress:
        progress("lexical index", 0, 1)
    bm25 = build_bm25([c.index_text() for c in chunks])
    if progress:
        progress("lexical index", 1, 1)
    entry = {"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "kind": report.kind,
             "sources": [str(s) for s in sources], "records_read": report.records_read,
             "documents_indexed": report.documents_indexed, "chunks_indexed": report.chunks_indexed,
             "skipped": report.skipped_by_reason()}
    manifest = manifest or Manifest(FORMAT_VERSION, __version__, _embedding_model_name(), EMBEDDING_DIM, max_words,
                                    0, 0, {})
    manifest.medrails_version = __version__
    manifest.builds = list(builds) + [entry]
    path = write_kb(report.out, chunks, vectors, bm25, manifest, replace=replace)
    report.out = path
    report.chunks_total = len(chunks)
    report.documents_total = len({c.doc_id for c in chunks})
    report.bytes = sum(meta["bytes"] for meta in manifest.files.values())
    report.seconds = time.perf_counter() - started
    return report


def _embedding_model_name() -> str:
    from importlib.metadata import version

    from medrails.guard.embeddings import EMBEDDING_DIST

    return f"all-MiniLM-L6-v2 ({EMBEDDING_DIST} {version(EMBEDDING_DIST)})"


def _try_load(path: Path) -> StoredKB | None:
    try:
        return load_kb(path)
    except Exception:  # an unreadable old KB just means nothing to reuse
        return None


def _vectors_of(stored: StoredKB | None) -> dict[str, np.ndarray]:
    if stored is None:
        return {}
    return {c.embedding_key(): stored.dense[i] for i, c in enumerate(stored.chunks)}


@contextmanager
def rich_progress(description: str = "knowledge base", transient: bool = False) -> Iterator[ProgressFn]:
    """A progress callback drawing rich bars on stderr (one bar per phase)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bars: dict[str, int] = {}
    with Progress(TextColumn(f"{description}: " + "{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=transient) as bar:
        def update(what: str, done: int, total: int) -> None:
            if what not in bars:
                bars[what] = bar.add_task(what, total=max(total, 1))
            bar.update(bars[what], completed=done, total=max(total, 1))

        yield update
