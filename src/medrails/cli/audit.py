"""`medrails audit verify|export|show`: check the hash chain, write it as JSONL, look at records."""

from __future__ import annotations

from pathlib import Path

import typer

from medrails.cli._common import print_json

audit_app = typer.Typer(help="Check and export the hash-chained audit log.", no_args_is_help=True)
URL_HELP = "Audit database URL (default: $MEDRAILS_AUDIT_URL or $MEDRAILS_HOME/audit.db)."


@audit_app.command("verify")
def verify(
    url: str = typer.Option(None, "--url", help=URL_HELP),
    file: Path = typer.Option(None, "--file", help="Verify an exported JSONL file instead of the database."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Walk the chain; exit 1 and name the first bad record on any edit, deletion, insertion or reorder."""
    from medrails.audit import open_audit_store, read_jsonl_entries, verify_entries
    from medrails.errors import MedrailsError

    if file is not None:
        if not file.is_file():
            raise MedrailsError(f"export file not found: {file}")
        report = verify_entries(read_jsonl_entries(file))
        where = str(file)
    else:
        store = open_audit_store(url)
        report = store.verify()
        where = store.url
    if json_out:
        bad = report.first_bad
        print_json({"ok": report.ok, "checked": report.checked, "head_hash": report.head_hash, "source": where,
                    "first_bad": None if bad is None else {"seq": bad.seq, "id": bad.id, "reason": bad.reason}})
    else:
        typer.echo(f"{where}: {report.describe()}")
    if not report.ok:
        raise typer.Exit(1)


@audit_app.command("export")
def export(
    out: Path = typer.Option(..., "--out", "-o", help="JSONL file to write (one record per line, with chain fields)."),
    url: str = typer.Option(None, "--url", help=URL_HELP),
) -> None:
    """Write every audit record as JSON lines (verify a copy later with `audit verify --file`)."""
    from medrails.audit import open_audit_store

    store = open_audit_store(url)
    count = store.export(out)
    typer.echo(f"wrote {count} records to {out}")


@audit_app.command("show")
def show(
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many of the newest records."),
    kind: str = typer.Option(None, "--kind", help="Only this kind: chat, review, admin, consent."),
    url: str = typer.Option(None, "--url", help=URL_HELP),
) -> None:
    """Print the newest records as JSON (redacted text only)."""
    from medrails.audit import open_audit_store

    store = open_audit_store(url)
    print_json([e.to_json() for e in store.recent(limit=limit, kind=kind)])


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
