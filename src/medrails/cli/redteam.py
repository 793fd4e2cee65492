"""`medrails redteam`: score a guard policy on a labelled suite, side by side with seed-baseline."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from medrails.cli._common import print_json


def redteam(
    suite: Path = typer.Option(..., "--suite", "-s", help="JSONL suite: {\"id\",\"prompt\",\"expected\",\"category\"} lines."),
    policy: str = typer.Option("patient-education", "--policy", "-p", help="Policy name or YAML path to evaluate."),
    json_out: bool = typer.Option(False, "--json", help="Print the reports as JSON."),
    report_dir: Path = typer.Option(None, "--report", help="Write report.json, report.md and confusion PNGs here."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also score seed-baseline in the same run."),
    mistakes: int = typer.Option(10, "--mistakes", help="How many misclassified prompts to list (text output)."),
) -> None:
    """Confusion matrix, per-class precision/recall, unsafe and emergency recall, over-refusal,
    per-category recall and latency for POLICY and for seed-baseline."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from medrails.guard.redteam import evaluate, load_suite, markdown, write_report

    items = load_suite(suite)
    runs = 2 if baseline and policy != "seed-baseline" else 1
    with Progress(TextColumn("red-team"), BarColumn(), MofNCompleteColumn(), console=Console(stderr=True),
                  disable=not sys.stderr.isatty(), transient=True) as progress:
        task = progress.add_task("suite", total=len(items) * runs)
        reports = evaluate(items, policy, baseline=baseline, on_item=lambda: progress.advance(task))
    written = write_report(reports, report_dir) if report_dir else []
    if json_out:
        print_json([asdict(r) for r in reports])
        return
    console = Console()
    console.print(f"suite {suite}: {len(items)} prompts")
    table = Table("expected \\ decided", *reports[0].confusion, title=f"confusion: {reports[0].policy}")
    for exp, row in reports[0].confusion.items():
        table.add_row(exp, *(str(v) for v in row.values()))
    console.print(table)
    console.print(markdown(reports), highlight=False)
    for m in reports[0].mistakes[:mistakes]:
        console.print(f"  [{m['id']}] expected {m['expected']}/{m['category']} got {m['decision']}/{m['decided_category']}: "
                      f"{m['prompt'][:100]}", highlight=False)
    for path in written:
        console.print(f"wrote {path}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("redteam")(redteam)
