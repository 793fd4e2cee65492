"""`medrails data build RECIPE.yaml`: build a cleaned, deduplicated, split dataset with its card."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from medrails.cli._common import print_json

data_app = typer.Typer(help="Build training datasets from recipes.", no_args_is_help=True)


@data_app.command("build")
def build_command(
    recipe: Path = typer.Argument(..., help="Recipe YAML (see configs/data/)."),
    set_: list[str] = typer.Option(None, "--set", help="Override a recipe key, e.g. --set max_samples=1000."),
    force: bool = typer.Option(False, "--force", help="Rebuild over an existing built dataset."),
    json_out: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Read, clean, scrub PHI, dedupe, mix, add disclaimers and safety data, split, write the card."""
    from medrails.data.build import build
    from medrails.data.recipe import load_recipe

    cfg = load_recipe(recipe, set_)
    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} records"),
                  TimeElapsedColumn(), console=console, transient=True, disable=json_out) as progress:
        result = build(cfg, recipe, force=force, progress=progress)
    if json_out:
        print_json({"output_dir": str(result.output_dir), "card_sha256": result.card_sha256, "files": result.counts,
                    "seconds": round(result.seconds, 2), "records_read": result.records_read,
                    "sources": [s.__dict__ for s in result.sources]})
        return
    table = Table(title=f"{cfg.name}: {result.records_read} records read in {result.seconds:.1f} s")
    for col in ("source", "read", "kept", "dropped"):
        table.add_column(col)
    for s in result.sources:
        table.add_row(s.name, str(s.read), str(s.kept), ", ".join(f"{k} {v}" for k, v in sorted(s.dropped.items())) or "-")
    out = Console()
    out.print(table)
    if result.bad_lines:
        out.print(f"{len(result.bad_lines)} bad line(s), first: " + "; ".join(result.bad_lines[:3]))
    out.print("wrote " + ", ".join(f"{k} ({v})" for k, v in result.counts.items()) + f" and DATASET_CARD.md to {result.output_dir}")


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
