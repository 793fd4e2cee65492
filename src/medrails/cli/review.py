"""`medrails review list|approve|edit|reject`: the queue of answers a person must look at."""

from __future__ import annotations

import getpass

import typer
from rich.console import Console
from rich.table import Table

from medrails.cli._common import print_json

review_app = typer.Typer(help="Review emergencies, fail-closed, low-confidence and flagged answers.",
                         no_args_is_help=True)
URL_HELP = "Audit database URL (default: $MEDRAILS_AUDIT_URL or $MEDRAILS_HOME/audit.db)."


def _reviewer(value: str | None) -> str:
    return value or getpass.getuser()


@review_app.command("list")
def list_items(
    status: str = typer.Option("pending", "--status", help="pending, approved, edited, rejected or all."),
    limit: int = typer.Option(50, "--limit", "-n", min=1, help="Most items to show."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
    url: str = typer.Option(None, "--url", help=URL_HELP),
) -> None:
    """Show queued items, oldest first."""
    from medrails.audit import open_audit_store

    items = open_audit_store(url).review_list(None if status == "all" else status, limit)
    if json_out:
        print_json([i.to_json() for i in items])
        return
    if not items:
        typer.echo(f"no {status} review items")
        return
    table = Table("created", "decision / category", "reasons", "question (redacted)")
    table.add_column("id", no_wrap=True)
    for i in items:
        table.add_row(i.created[:19], f"{i.decision} / {i.category or '-'}", "; ".join(i.reasons)[:80],
                      i.input_redacted[:80], i.id)
    Console(width=max(Console().width, 150)).print(table)


def _act(item_id: str, action: str, reviewer: str | None, reason: str, text: str | None, url: str | None) -> None:
    from medrails.audit import open_audit_store

    item = open_audit_store(url).review_act(item_id, action, _reviewer(reviewer), reason, text)
    typer.echo(f"{item.id}: {item.status} by {item.reviewer} (audit record {item.action_audit_id})")


@review_app.command("approve")
def approve(item_id: str = typer.Argument(..., help="Review item id (= the audit id)."),
            reason: str = typer.Option("", "--reason", help="Why (optional for approve)."),
            reviewer: str = typer.Option(None, "--reviewer", help="Reviewer name (default: login name)."),
            url: str = typer.Option(None, "--url", help=URL_HELP)) -> None:
    """Approve the answer as given."""
    _act(item_id, "approve", reviewer, reason, None, url)


@review_app.command("edit")
def edit(item_id: str = typer.Argument(..., help="Review item id."),
         text: str = typer.Option(..., "--text", help="The corrected answer."),
         reason: str = typer.Option("", "--reason", help="Why it was changed (required)."),
         reviewer: str = typer.Option(None, "--reviewer", help="Reviewer name (default: login name)."),
         url: str = typer.Option(None, "--url", help=URL_HELP)) -> None:
    """Replace the answer with corrected text."""
    _act(item_id, "edit", reviewer, reason, text, url)


@review_app.command("reject")
def reject(item_id: str = typer.Argument(..., help="Review item id."),
           reason: str = typer.Option("", "--reason", help="Why it was rejected (required)."),
           reviewer: str = typer.Option(None, "--reviewer", help="Reviewer name (default: login name)."),
           url: str = typer.Option(None, "--url", help=URL_HELP)) -> None:
    """Reject the answer."""
    _act(item_id, "reject", reviewer, reason, None, url)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
