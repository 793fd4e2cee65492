"""`medrails card`: write a Hugging Face model card from an eval run."""

from __future__ import annotations

from pathlib import Path

import typer


def card(
    run: Path = typer.Option(..., "--run", help="An eval run directory (from medrails eval --out)."),
    dataset_card: Path = typer.Option(None, "--dataset-card", help="dataset_card.json (or its folder) from medrails data build."),
    out: Path = typer.Option(None, "--out", "-o", help="Where to write the card (default RUN/README.md)."),
    name: str = typer.Option(None, "--name", help="Model name for the card title."),
) -> None:
    """Write a model card: intended and out-of-scope use, data lineage, evaluation and safety results, limitations."""
    from medrails.eval.modelcard import write_card

    path = write_card(run, out=out, dataset_card=dataset_card, name=name)
    typer.echo(f"model card written to {path}")


def register(app: typer.Typer) -> None:
    app.command("card")(card)
