"""`medrails ask`: one guarded question to a model."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from medrails.cli._common import print_json, read_text_argument
from medrails.config.loader import load_config
from medrails.guard.pipeline import FAIL_CLOSED
from medrails.settings import AskSettings


def ask(
    question: str = typer.Argument(None, help="The question; '-' or omitted reads stdin."),
    model: str = typer.Option(None, "--model", "-m", help="Model spec: embedded, HF dir, .gguf, openai:<url>#<model>."),
    adapter: str = typer.Option(None, "--adapter", help="PEFT adapter directory for a local model."),
    policy: str = typer.Option(None, "--policy", "-p", help="Guard policy name or YAML path."),
    kb: str = typer.Option(None, "--kb", help="Knowledge base directory ('starter' default, 'none' to disable)."),
    json_out: bool = typer.Option(False, "--json", help="Print the full result as JSON."),
    stream: bool = typer.Option(False, "--stream", help="Stream the answer as it is generated (guarded by sentence)."),
    max_new_tokens: int = typer.Option(None, "--max-new-tokens", help="Most tokens to generate."),
    temperature: float = typer.Option(None, "--temperature", help="Sampling temperature (0 = greedy)."),
    seed: int = typer.Option(None, "--seed", help="Sampling seed."),
    config: Path = typer.Option(None, "--config", "-c", help="YAML settings file (see configs/ask.yaml)."),
    overrides: list[str] = typer.Option(None, "--set", help="Override a setting: --set max_new_tokens=64"),
) -> None:
    """Ask a medical question; the answer passes through the guard and ends with the disclaimer."""
    flags = {
        "model": model, "adapter": adapter, "policy": policy, "max_new_tokens": max_new_tokens,
        "temperature": temperature, "seed": seed, "kb": "null" if kb == "none" else kb,
    }
    extra = [f"{k}={v}" for k, v in flags.items() if v is not None]
    settings = load_config(AskSettings, config, list(overrides or []) + extra)
    text = read_text_argument(question, "question", settings.max_question_chars)

    from medrails.assistant import build_assistant

    assistant = build_assistant(settings)
    if stream and not json_out:
        verdict = None
        for event in assistant.stream(text):
            sys.stdout.write(event.text)
            sys.stdout.flush()
            verdict = event.verdict or verdict
        sys.stdout.write("\n")
        if verdict is not None:
            _exit_on_backend_failure(verdict)
        return
    verdict = assistant.ask(text)
    if json_out:
        print_json(verdict.public())
    else:
        typer.echo(verdict.answer)
    _exit_on_backend_failure(verdict)


def _exit_on_backend_failure(verdict) -> None:
    """The user got the safe fail-closed text; the operator also needs the reason and a non-zero exit."""
    reasons = [r for r in verdict.review_reasons if r.startswith("model error:")]
    if verdict.category == FAIL_CLOSED and reasons:
        typer.secho(f"error: {reasons[0][len('model error: '):]}", err=True, fg=typer.colors.RED)
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command("ask")(ask)
