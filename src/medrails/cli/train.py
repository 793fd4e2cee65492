"""`medrails train CONFIG.yaml`: SFT or DPO with LoRA/QLoRA from the guide's YAML keys."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import typer
from rich.console import Console

from medrails.cli._common import print_json


def train(
    config: Path = typer.Argument(..., help="Training YAML (see configs/train/)."),
    set_: list[str] = typer.Option(None, "--set", help="Override a key, e.g. --set max_steps=20 (repeatable)."),
    resume: bool = typer.Option(False, "--resume", help="Continue an interrupted run from its last complete checkpoint."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace a previous run in output_dir."),
    json_out: bool = typer.Option(False, "--json", help="Print the final metrics as JSON."),
) -> None:
    """Fine-tune with TRL + PEFT; writes checkpoints, adapter/, loss.png and TRAINING_CARD.md to output_dir."""
    from medrails.train.config import load_train_config
    from medrails.train.rundir import RunFinished

    cfg = load_train_config(config, set_)
    if cfg.stage == "sft":
        from medrails.train.sft import main
    else:
        from medrails.train.dpo import main
    command = "medrails " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    console = Console(stderr=True)
    try:
        result = main(cfg, resume=resume, overwrite=overwrite, command=command)
    except RunFinished as done:
        console.print(str(done))
        return
    if json_out:
        print_json({"output_dir": str(result.output_dir), "adapter_dir": str(result.adapter_dir) if result.adapter_dir else None,
                    "metrics": result.metrics, "resumed_from": result.resumed_from, "validated_only": result.validated_only})
        return
    out = Console()
    if result.validated_only:
        out.print(f"do_train: false — config and data check out ({result.metrics}); nothing trained")
        return
    m = result.metrics
    out.print(f"trained {m['global_step']} steps in {m['train_seconds']} s"
              + (f" ({m['tokens_per_second']} tokens/s)" if m.get("tokens_per_second") else "")
              + f"; train loss {m['train_loss']:.4f}"
              + (f"; held-out loss {m['eval_loss_before']:.4f} -> {m['eval_loss_after']:.4f}"
                 if m.get("eval_loss_before") is not None and m.get("eval_loss_after") is not None else ""))
    out.print(f"adapter: {result.adapter_dir}\ncard: {result.output_dir / 'TRAINING_CARD.md'}")


def register(app: typer.Typer) -> None:
    app.command("train")(train)
