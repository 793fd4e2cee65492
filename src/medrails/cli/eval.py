"""`medrails eval`: score a model on medical benchmarks, safety, summarization and extraction;
`medrails eval compare RUN RUN ...`; `medrails eval human-export / human-import` for expert ratings."""

from __future__ import annotations

from pathlib import Path

import typer

from medrails.cli._common import print_json
from medrails.errors import MedrailsError

eval_app = typer.Typer(help="Evaluate a model: benchmarks, safety, summarization, extraction, human ratings.",
                       invoke_without_command=True, no_args_is_help=False)


def _parse_data(values: list[str] | None) -> dict[str, str]:
    data = {}
    for value in values or []:
        name, sep, path = value.partition("=")
        if not sep or not name or not path:
            raise MedrailsError(f"--data {value!r}: use --data TASK=PATH, e.g. --data medqa=questions.jsonl")
        data[name.strip()] = path.strip()
    return data


@eval_app.callback()
def run(
    ctx: typer.Context,
    model: str = typer.Option("embedded", "--model", "-m", help="Model spec: embedded, HF dir, .gguf, openai:<url>#<model>."),
    adapter: str = typer.Option(None, "--adapter", help="PEFT adapter directory for a local model."),
    tasks: str = typer.Option(None, "--tasks", "-t", help="Comma-separated: medqa, medmcqa, mmlu_medical, pubmedqa, "
                              "safety, medsafetybench, summarization, ncbi_disease, bc5cdr, ade."),
    data: list[str] = typer.Option(None, "--data", help="TASK=PATH data file or folder (repeatable)."),
    limit: int = typer.Option(None, "--limit", help="Score only the first N items per task."),
    shots: int = typer.Option(0, "--shots", help="Few-shot exemplars for multiple-choice tasks."),
    chat_template: bool = typer.Option(False, "--chat-template", help="Wrap multiple-choice prompts in the chat template."),
    mode: str = typer.Option("auto", "--mode", help="auto | loglik | generate (endpoints without log-probs)."),
    policy: str = typer.Option("patient-education", "--policy", help="Guard policy for the guarded safety runs."),
    extractor: str = typer.Option("dictionary", "--extractor", help="dictionary | llm, for extraction tasks."),
    max_new_tokens: int = typer.Option(128, "--max-new-tokens", help="Generation length (safety, summaries)."),
    seed: int = typer.Option(0, "--seed", help="Seed for the summarization sample order."),
    batch_size: int = typer.Option(32, "--batch-size", help="Most items per forward pass (log-likelihood)."),
    dtype: str = typer.Option("auto", "--dtype", help="auto (verified zero-shot on CPUs with fast bfloat16, else float32) | "
                              "float32 (matches lm-eval) | bfloat16 (faster on CPUs with "
                              "AVX512-BF16; may flip near-tied items) | verified (bfloat16, close items re-scored "
                              "in float32: float32's answers)."),
    verify_margin: float = typer.Option(None, "--verify-margin", help="verified: re-score items whose best option "
                                        "leads by less than this (nats) instead of a calibrated bound."),
    verify_safety: float = typer.Option(1.5, "--verify-safety", help="verified: bound = this x the largest bfloat16 "
                                        "error of an option gap measured in the run."),
    safety_benign: int = typer.Option(200, "--safety-benign", help="Benign questions added to the safety tasks to "
                                      "measure over-refusal (0: none)."),
    out: Path = typer.Option(None, "--out", "-o", help="Run directory; an existing one is resumed."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Run evaluation tasks. Per-item results stream to OUT/items/*.jsonl, so rerunning the same
    command after an interruption continues where it stopped."""
    if ctx.invoked_subcommand is not None:
        return
    if not tasks:
        raise MedrailsError("no task given: medrails eval --tasks medmcqa,pubmedqa [--limit N] (see --help)")
    from medrails.config.loader import validate
    from medrails.eval.runner import EvalSettings, main

    settings = validate(EvalSettings, {
        "model": model, "adapter": adapter, "tasks": [t.strip() for t in tasks.split(",") if t.strip()],
        "data": _parse_data(data), "limit": limit, "shots": shots, "chat_template": chat_template, "mode": mode,
        "policy": policy, "extractor": extractor, "max_new_tokens": max_new_tokens, "seed": seed, "batch_size": batch_size,
        "safety_benign": safety_benign, "dtype": dtype, "verify_margin": verify_margin, "verify_safety": verify_safety,
        "out": str(out) if out else None,
    }, source="medrails eval options")
    run_dir = main(settings)
    from medrails.eval.report import load_run, markdown

    result = load_run(run_dir)
    if json_out:
        print_json({"run_dir": str(run_dir), "model": result["model"], "results": result["results"]})
    else:
        typer.echo(markdown(result))
        typer.echo(f"run written to {run_dir}")


@eval_app.command("compare")
def compare(runs: list[Path] = typer.Argument(..., help="Two or more run directories.")) -> None:
    """Render runs side by side (Markdown table)."""
    from medrails.eval.report import compare as render

    typer.echo(render(runs))


@eval_app.command("human-export")
def human_export(
    run_dir: Path = typer.Argument(..., help="A run directory with generated outputs."),
    n: int = typer.Option(50, "--n", help="How many outputs to sample."),
    seed: int = typer.Option(0, "--seed", help="Sampling seed."),
    out: Path = typer.Option(None, "--out", "-o", help="CSV path (default RUN/human/sheet.csv)."),
) -> None:
    """Export a sample of outputs as a CSV rating sheet (accuracy, safety, clarity, completeness, 1-5)."""
    from medrails.eval.human import export_sheet

    path, count = export_sheet(run_dir, n=n, seed=seed, out=out)
    typer.echo(f"wrote {count} item(s) to {path}; give each rater a copy, fill 'rater' and the four 1-5 columns")


@eval_app.command("human-import")
def human_import(
    run_dir: Path = typer.Argument(..., help="The run the sheet was exported from."),
    sheets: list[Path] = typer.Argument(..., help="Filled rating sheets (one per rater, or one with a rater column)."),
    json_out: bool = typer.Option(False, "--json", help="Print the aggregate as JSON."),
) -> None:
    """Import ratings; aggregate per criterion with inter-rater agreement (Krippendorff's alpha, weighted kappa)."""
    from medrails.eval.human import aggregate_markdown, import_ratings

    result = import_ratings(run_dir, sheets)
    if json_out:
        print_json(result)
    else:
        typer.echo(aggregate_markdown(result))


def register(app: typer.Typer) -> None:
    app.add_typer(eval_app, name="eval")
