"""`medrails phi`: redact PHI in a message, or stream a JSONL file through the redactor.

    medrails phi "Pt John Smith, MRN 12345678, seen 03/14/2024"
    medrails phi "..." --json
    medrails phi --input notes.jsonl --output redacted.jsonl     # lines {"id", "text"}
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import typer

from medrails.cli._common import print_json, read_text_argument
from medrails.errors import MedrailsError

BATCH_LINES = 64


def _public(result) -> dict:
    return {"text": result.text, "redactions": [{"label": r.label, "start": r.start, "end": r.end} for r in result.redactions]}


def _read_lines(path: Path):
    """(line number, id, text) for each non-blank line; a clear error names file and line."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise MedrailsError(f"cannot read {path}: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise MedrailsError(f"{where}: not UTF-8 text (byte {exc.start}); convert the file to UTF-8") from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MedrailsError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno}); "
                                    'each line must be {"id": ..., "text": "..."}') from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise MedrailsError(f'{where}: expected an object with a string "text" field, e.g. {{"id": "1", "text": "..."}}')
            yield number, record.get("id", number), record["text"]


def _batch(input_path: Path, output_path: Path | None) -> None:
    from rich.console import Console

    from medrails.guard.phi import get_redactor

    console = Console(stderr=True)
    redactor = get_redactor()
    out = output_path.open("w", encoding="utf-8") if output_path else sys.stdout
    read = changed = spans = 0
    start = time.perf_counter()

    def flush(batch: list[tuple[object, str]]) -> None:
        nonlocal read, changed, spans
        results = redactor.redact_many([text for _, text in batch])
        for (record_id, _), result in zip(batch, results, strict=True):
            out.write(json.dumps({"id": record_id, **_public(result)}, ensure_ascii=False) + "\n")
            read += 1
            changed += bool(result.redactions)
            spans += len(result.redactions)
        out.flush()

    try:
        with console.status("redacting...") as status:
            batch: list[tuple[object, str]] = []
            for _, record_id, text in _read_lines(input_path):
                batch.append((record_id, text))
                if len(batch) == BATCH_LINES:  # stream: spaCy runs in batches, output is written as we go
                    flush(batch)
                    batch = []
                    status.update(f"redacting... {read} lines")
            if batch:
                flush(batch)
    finally:
        if output_path:
            out.close()
    seconds = time.perf_counter() - start
    console.print(f"read {read} lines, redacted PHI in {changed} ({spans} spans), {read - changed} had none; "
                  f"{seconds:.1f} s ({read / seconds if seconds else 0:.0f} lines/s)"
                  + (f"; wrote {output_path}" if output_path else ""))


def phi(
    text: str | None = typer.Argument(None, help="The text to redact ('-' or nothing reads stdin)."),
    as_json: bool = typer.Option(False, "--json", help="Print {text, redactions[{label,start,end}]} as JSON."),
    input_path: Path | None = typer.Option(None, "--input", help='JSONL file with lines {"id", "text"}.'),
    output_path: Path | None = typer.Option(None, "--output", help="Where to write redacted JSONL (default stdout)."),
) -> None:
    """Redact PHI (names, dates, MRNs, IDs, contacts, addresses, ages over 89) with typed placeholders."""
    if input_path is not None:
        if text is not None:
            raise MedrailsError("give either a text argument or --input FILE, not both")
        _batch(input_path, output_path)
        return
    if output_path is not None:
        raise MedrailsError("--output needs --input (a JSONL file of {id, text} lines)")
    from medrails.guard.phi import redact

    result = redact(read_text_argument(text, what="text"))
    if as_json:
        print_json(_public(result))
    else:
        typer.echo(result.text)


def register(app: typer.Typer) -> None:
    app.command(name="phi", help="Redact PHI from text or a JSONL file (offline Presidio + clinical recognizers).")(phi)
