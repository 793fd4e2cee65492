"""`medrails kb`: build, extend, inspect and search knowledge bases.

    medrails kb build docs/ faq.jsonl --out kb/           # Markdown, text, HTML, JSONL, MedQuAD XML
    medrails kb add kb/ more-docs/                        # embeds only the new chunks
    medrails kb stats kb/
    medrails kb search "what is an A1C test" --kb kb/ --k 5 --json
    medrails kb search --kb kb/ --input q.jsonl --output hits.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from medrails.cli._common import print_json
from medrails.errors import MedrailsError
from medrails.jsonl import read_json_lines

kb_app = typer.Typer(help="Knowledge bases for grounded answers: build, add, stats, search.", no_args_is_help=True)


def _print_report(report) -> None:
    for line in report.summary_lines():
        typer.echo(line)
    examples = [s for s in report.skipped][:10]
    for s in examples:
        typer.echo(f"  skipped {s}", err=True)
    if len(report.skipped) > len(examples):
        typer.echo(f"  ... and {len(report.skipped) - len(examples)} more skipped", err=True)
    if not report.reconciles():
        raise MedrailsError("counts do not reconcile (read != indexed + skipped); please report this as a bug")


@kb_app.command("build")
def build(
    sources: list[Path] = typer.Argument(..., help="Files or directories (.md .txt .html .jsonl .xml)."),
    out: Path = typer.Option(..., "--out", "-o", help="Knowledge base directory to create."),
    force: bool = typer.Option(False, "--force", help="Replace an existing KB at --out (atomically)."),
    max_words: int = typer.Option(180, "--max-words", min=20, max=400, help="Most words per chunk."),
) -> None:
    """Build a knowledge base from source documents."""
    from medrails.rag.build import build_kb, rich_progress

    with rich_progress("kb build") as progress:
        report = build_kb(list(sources), out, force=force, max_words=max_words, progress=progress)
    _print_report(report)


@kb_app.command("add")
def add(
    kb: Path = typer.Argument(..., help="Existing knowledge base directory."),
    sources: list[Path] = typer.Argument(..., help="Files or directories to add."),
    replace: bool = typer.Option(False, "--replace", help="Replace documents whose id is already in the KB."),
) -> None:
    """Add documents to a knowledge base (only new chunks are embedded)."""
    from medrails.rag.build import add_to_kb, rich_progress

    with rich_progress("kb add") as progress:
        report = add_to_kb(kb, list(sources), replace=replace, progress=progress)
    _print_report(report)


@kb_app.command("stats")
def stats(
    kb: str = typer.Argument(..., help="Knowledge base directory, or 'starter'."),
    json_out: bool = typer.Option(False, "--json", help="Print as JSON."),
) -> None:
    """Show what a knowledge base holds (verifies its files against the manifest)."""
    from medrails.rag.retriever import STARTER, ensure_starter_kb
    from medrails.rag.store import load_kb

    path = ensure_starter_kb() if kb.strip().lower() == STARTER else Path(kb)
    stored = load_kb(path)
    m = stored.manifest
    by_source: dict[str, int] = {}
    for c in stored.chunks:  # MedQuAD ids are "<collection>/<qid>"; others count as top level
        collection = c.doc_id.split("/")[0] if "/" in c.doc_id else "(top level)"
        by_source[collection] = by_source.get(collection, 0) + 1
    info = {
        "path": str(path), "format_version": m.format_version, "medrails_version": m.medrails_version,
        "embedding_model": m.embedding_model, "documents": m.documents, "chunks": m.chunks,
        "max_words": m.max_words, "bytes": sum(f["bytes"] for f in m.files.values()),
        "mean_chunk_words": round(sum(len(c.text.split()) for c in stored.chunks) / max(1, len(stored.chunks)), 1),
        "chunks_by_collection": dict(sorted(by_source.items(), key=lambda kv: -kv[1])[:20]),
        "created_at": m.created_at, "updated_at": m.updated_at, "builds": m.builds,
    }
    if json_out:
        print_json(info)
        return
    typer.echo(f"{info['path']}: {m.documents} documents, {m.chunks} chunks "
               f"(mean {info['mean_chunk_words']} words), {info['bytes'] / 1e6:.1f} MB")
    typer.echo(f"format v{m.format_version}, built by medrails {m.medrails_version}, embeddings {m.embedding_model}")
    typer.echo(f"created {m.created_at}, updated {m.updated_at}")
    for b in m.builds:
        skipped = ", ".join(f"{k} {v}" for k, v in b.get("skipped", {}).items()) or "none skipped"
        typer.echo(f"  {b['at']} {b['kind']}: {b['records_read']} read, {b['documents_indexed']} indexed "
                   f"({b['chunks_indexed']} chunks); {skipped}")


def _hit_json(hit) -> dict:
    c = hit.chunk
    return {"doc_id": c.doc_id, "chunk_id": c.chunk_id, "score": round(hit.score, 6), "title": c.title,
            "source": c.source, "lines": c.lines, "section": c.section, "text": c.text}


@kb_app.command("search")
def search(
    query: str = typer.Argument(None, help="The query (omit with --input)."),
    kb: str = typer.Option("starter", "--kb", help="Knowledge base directory, or 'starter'."),
    k: int = typer.Option(5, "--k", "-k", min=1, max=100, help="Hits per query."),
    mode: str = typer.Option("fused", "--mode", help="fused (BM25 + dense, RRF), bm25 or dense."),
    json_out: bool = typer.Option(False, "--json", help="Print hits as JSON."),
    input_path: Path = typer.Option(None, "--input", help="JSONL of {\"id\",\"query\"} lines to search in one batch."),
    output_path: Path = typer.Option(None, "--output", help="Where batch results go (JSONL); default stdout."),
) -> None:
    """Search a knowledge base: one query, or a batch from --input."""
    from medrails.rag.retriever import open_retriever
    from medrails.rag.search import MODES

    if mode not in MODES:
        raise MedrailsError(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    if (query is None) == (input_path is None):
        raise MedrailsError("give either a query or --input q.jsonl (not both)")
    retriever = open_retriever(kb)
    if input_path is None:
        if not query.strip():
            raise MedrailsError("the query is empty")
        hits = retriever.search(query, k, mode)  # type: ignore[arg-type]
        if json_out:
            print_json({"query": query, "hits": [_hit_json(h) for h in hits]})
            return
        if not hits:
            typer.echo("no matching passages")
        for rank, h in enumerate(hits, start=1):
            c = h.chunk
            section = f" — {c.section}" if c.section and c.section != c.title else ""
            typer.echo(f"{rank}. [{h.score:.4f}] {c.title}{section} ({c.source}, lines {c.lines})")
            typer.echo(f"   {c.text[:200].replace(chr(10), ' ')}{'...' if len(c.text) > 200 else ''}")
        return
    ids, queries = _read_queries(input_path)
    results = retriever.search_batch(queries, k, mode)  # type: ignore[arg-type]
    handle = output_path.open("w", encoding="utf-8") if output_path else sys.stdout
    try:
        for qid, hits in zip(ids, results, strict=True):
            row = {"id": qid, "hits": [{key: v for key, v in _hit_json(h).items() if key not in ("text", "section")}
                                       for h in hits]}
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if output_path:
            handle.close()
    if output_path:
        typer.echo(f"searched {len(queries)} queries; wrote {output_path}", err=True)


def _read_queries(path: Path) -> tuple[list[str], list[str]]:
    """All lines must be valid: a batch with a broken line fails whole, naming every bad line."""
    ids, queries, problems, seen = [], [], [], set()
    for line in read_json_lines(path, "--input"):
        if line.problem:
            problems.append(line.problem)
            continue
        row, number = line.obj, line.number
        if not isinstance(row.get("query"), str) or not row["query"].strip():
            problems.append(line.fail("needs a non-empty string field 'query'"))
            continue
        qid = str(row.get("id", number))
        if qid in seen:
            problems.append(line.fail(f"duplicate id {qid!r}"))
            continue
        seen.add(qid)
        ids.append(qid)
        queries.append(row["query"])
    if problems:
        shown = "\n  ".join(problems[:20])
        raise MedrailsError(f"{len(problems)} bad line(s) in {path}; fix them and rerun:\n  {shown}")
    if not queries:
        raise MedrailsError(f"--input {path}: no queries")
    return ids, queries


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
