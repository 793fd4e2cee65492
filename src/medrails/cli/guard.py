"""`medrails guard`: check text against a policy (one message or a JSONL batch), list stages,
retrain the shipped classifiers."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from medrails.cli._common import print_json, read_text_argument
from medrails.errors import MedrailsError
from medrails.jsonl import JsonLine, read_json_lines

guard_app = typer.Typer(help="Check text against a guard policy, list stages, retrain classifiers.", no_args_is_help=True)
err = Console(stderr=True)


@dataclass
class BatchCounts:
    read: int = 0
    checked: int = 0
    malformed: int = 0


def _id_and_text(line: JsonLine) -> tuple[object, str | None, str | None]:
    """(id, text, problem) for one JSONL input line."""
    if line.problem:
        return None, None, line.problem
    obj = line.obj
    ident = obj.get("id")
    if not isinstance(obj.get("text"), str):
        return ident, None, line.fail("missing string field 'text'")
    if ident is None:
        return None, None, line.fail("missing field 'id'")
    return ident, obj["text"], None


def check_batch(guard, input_path: Path, output_path: Path, show_progress: bool = True) -> BatchCounts:
    """Stream {"id","text"} lines through the guard; one output line per input line."""
    if not input_path.is_file():
        raise MedrailsError(f"input file not found: {input_path}")
    try:
        with input_path.open("rb") as f:  # counted first, for the progress bar
            total = sum(1 for raw in f if raw.strip())
    except OSError as exc:
        raise MedrailsError(f"cannot read {input_path}: {exc}") from None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    counts = BatchCounts()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    with output_path.open("w", encoding="utf-8") as out, Progress(
        TextColumn("guard check"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=err, disable=not show_progress, transient=True,
    ) as progress:
        task = progress.add_task("check", total=total)
        for line in read_json_lines(input_path):
            counts.read += 1
            ident, text, problem = _id_and_text(line)
            if problem:
                counts.malformed += 1
                err.print(f"[yellow]skipped[/] {problem}", highlight=False)
                out.write(json.dumps({"id": ident, "line": line.number, "error": problem}, ensure_ascii=False) + "\n")
            else:
                verdict = guard.verdict(guard.check_input(text), model_called=False)
                out.write(json.dumps({"id": ident, **verdict.public()}, ensure_ascii=False) + "\n")
                counts.checked += 1
            progress.advance(task)
    return counts


@guard_app.command("check")
def check(
    text: str = typer.Argument(None, help="Text to check; '-' reads stdin. Omit with --input."),
    policy: str = typer.Option(None, "--policy", "-p", help="Policy name or YAML path (default patient-education)."),
    json_out: bool = typer.Option(False, "--json", help="Print the DESIGN.md --json fields."),
    input_path: Path = typer.Option(None, "--input", "-i", help="JSONL file of {\"id\",\"text\"} lines."),
    output_path: Path = typer.Option(None, "--output", "-o", help="JSONL output for --input (one line per input line)."),
) -> None:
    """Run the input guard. A decision of `answer` means the message would be passed to the model."""
    from medrails.guard.pipeline import Guard

    if input_path is not None or output_path is not None:
        if input_path is None or output_path is None:
            raise MedrailsError("batch mode needs both --input and --output")
        if text is not None:
            raise MedrailsError("give either a text argument or --input, not both")
        guard = Guard.from_policy(policy)
        counts = check_batch(guard, input_path, output_path, show_progress=sys.stderr.isatty())
        err.print(f"read {counts.read} lines: checked {counts.checked}, malformed {counts.malformed} -> {output_path}")
        if counts.malformed:
            raise typer.Exit(1)
        return
    message = read_text_argument(text, "text")
    guard = Guard.from_policy(policy)
    ctx = guard.check_input(message)
    verdict = guard.verdict(ctx, model_called=False)
    if json_out:
        print_json(verdict.public())
        return
    typer.echo(f"decision: {verdict.decision}" + (f" ({verdict.category})" if verdict.category else ""))
    for s in verdict.stages:
        typer.echo(f"  {s.name:<18} {s.action:<8} score={s.score:.2f} {s.ms:7.1f} ms  {s.detail}")
    if "triage" in ctx.extra:
        typer.echo(f"urgency: {ctx.extra['triage']['urgency']} ({'; '.join(ctx.extra['triage']['reasons'])})")
    if verdict.decision != "answer":
        typer.echo(f"response: {verdict.answer}")


@guard_app.command("stages")
def stages(json_out: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """List the registered guard stages (built-in and entry-point plugins)."""
    from medrails.guard.stage import _registry, known_stages

    rows = []
    for name in known_stages():
        factory = _registry[name]
        doc = " ".join((factory.__doc__ or sys.modules[factory.__module__].__doc__ or "").split())
        doc = re.sub(r"^`[\w_]+`( and `[\w_]+`)?:\s*", "", doc).split(". ")[0].rstrip(".")
        rows.append({"name": name, "phase": getattr(factory, "phase", "?"), "module": factory.__module__, "about": doc})
    if json_out:
        print_json(rows)
        return
    table = Table("stage", "phase", "what it does")
    for r in rows:
        table.add_row(r["name"], r["phase"], r["about"])
    Console().print(table)


@guard_app.command("train")
def train(
    config: Path = typer.Option(None, "--config", help="Training YAML (TrainConfig fields, e.g. configs/guard/train-with-suites.yaml); "
                                "the flags below override its fields."),
    seed: int = typer.Option(None, "--seed", help="Seed for splits, sampling and the solver (default 13)."),
    c: float = typer.Option(None, "--C", help="Inverse regularization strength (default 8.0)."),
    holdout: float = typer.Option(None, "--holdout", help="Share of our own phrasings held out for the unseen check "
                                  "(0 = skip; default 0.2)."),
    medquad: int = typer.Option(None, "--medquad", help="MedQuAD questions sampled as answer examples (default 500)."),
    medsafetybench: bool = typer.Option(None, "--medsafetybench/--no-medsafetybench",
                                        help="Use MedSafetyBench train as R6 (default yes)."),
    output_dir: Path = typer.Option(None, "--output-dir", help="Where to write the artifacts (default: the package)."),
) -> None:
    """Rebuild the shipped guard classifier from the training data (reproducible, seeded)."""
    from medrails.config.loader import read_yaml, validate
    from medrails.guard.train import TrainConfig, main

    given = {"seed": seed, "C": c, "holdout_fraction": holdout, "medquad_questions": medquad,
             "use_medsafetybench": medsafetybench, "output_dir": output_dir}
    flags = {k: v for k, v in given.items() if v is not None}
    base = (read_yaml(config) or {}) if config else {}
    source = " + ".join(([str(config)] if config else []) + (["flags"] if flags else [])) or "<defaults>"
    # one validation of file + flags: every problem at once, named with its source and field
    cfg = validate(TrainConfig, {**base, **flags} if isinstance(base, dict) else base, source=source)
    console = Console()
    report = main(cfg, progress=lambda m: console.print(m, highlight=False))
    for title, figs in (("rules + head on held-out own phrasings (unseen in training)", report.holdout),
                        ("rules + head, 5-fold out-of-fold, all data", report.final_oof)):
        if not figs:
            continue
        table = Table("class", "precision", "recall", "support", title=f"{title}, n={figs['n']}")
        for cls, v in figs["per_class"].items():
            table.add_row(cls, _f(v["precision"]), _f(v["recall"]), str(v["support"]))
        console.print(table)
        console.print(f"unsafe recall {_f(figs['unsafe_recall'])}  emergency recall {_f(figs['emergency_recall'])}  "
                      f"over-refusal {_f(figs['over_refusal'])}")
    if report.holdout_mistakes:
        console.print(f"mistakes on held-out phrasings ({len(report.holdout_mistakes)}):", highlight=False)
        for line in report.holdout_mistakes[:40]:
            console.print(f"  {line}", highlight=False)
    console.print(f"thresholds {report.thresholds}; wrote {report.output_dir}")


@guard_app.command("train-phi")
def train_phi(
    config: Path = typer.Option(..., "--config", help="PHI tagger training YAML (e.g. configs/guard/train-phi-tagger.yaml)"),
    output_dir: Path = typer.Option(None, "--output-dir", help="Where to write the model (default: the package)."),
) -> None:
    """Rebuild the learned PHI tagger (a CRF over word tokens) from gold note sets; score it on the dev sets."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from medrails.config.loader import read_yaml, validate
    from medrails.guard.phi_tagger_train import PhiTaggerTrainConfig, main

    base = read_yaml(config) or {}
    flags = {"output_dir": output_dir} if output_dir is not None else {}
    source = str(config) + (" + flags" if flags else "")
    cfg = validate(PhiTaggerTrainConfig, {**base, **flags} if isinstance(base, dict) else base, source=source)
    console = Console()
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total} {task.fields[note]}"),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        encode = bar.add_task("encoder states", total=None, note="notes", visible=bool(cfg.state_dims))
        fit = bar.add_task("CRF L-BFGS", total=cfg.max_iterations, note="")
        report = main(cfg, progress=lambda m: console.print(m, highlight=False),
                      on_note=lambda k, total: bar.update(encode, completed=k, total=total),
                      on_iteration=lambda k, total, loss: bar.update(fit, completed=k, note=f"loss {loss:.1f}"))
    for path, scores in report.dev.items():
        table = Table("redactor", "gold", "recall", "precision", title=f"dev (never trained on): {path}")
        for name, s in scores.items():
            table.add_row(name, str(s.gold), f"{s.recall:.3f} ({s.found})", f"{s.precision:.3f} ({s.correct}/{s.predicted})")
        console.print(table)


def _f(x) -> str:
    return "-" if x is None else f"{x:.3f}"


def register(app: typer.Typer) -> None:
    from medrails.cli.phi import phi

    # the issue names it `medrails guard phi`; `medrails phi` stays as the short form
    guard_app.command("phi", help="Redact PHI from text or a JSONL file (same as `medrails phi`).")(phi)
    app.add_typer(guard_app, name="guard")
