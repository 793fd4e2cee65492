"""The `medrails` command. Each verb lives in its own module in this package and exposes
`register(app)`; modules are discovered automatically, so adding a verb touches no shared file."""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import sys

import typer

from medrails import __version__
from medrails.errors import MedrailsError

app = typer.Typer(
    name="medrails",
    help="Fine-tune, evaluate and serve medical LLMs behind a defense-in-depth guard.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
_state = {"debug": False}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"medrails {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show full tracebacks and debug logs."),
) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not debug:
        # some libraries pin their own logger to DEBUG (bm25s does), which the root handler would print
        for name in ("bm25s", "presidio-analyzer", "presidio-anonymizer", "sentence_transformers", "httpx"):
            logging.getLogger(name).setLevel(logging.WARNING)


def _register_verbs() -> None:
    package = sys.modules[__name__]
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_verbs()


def _quiet_libraries() -> None:
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
    except Exception:  # transformers missing is reported by `medrails doctor`, not here
        pass


def main() -> None:
    """Entry point: user errors print one line and exit 2; tracebacks only with --debug."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    _quiet_libraries()
    debug = "--debug" in sys.argv
    try:
        rc = app(standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except MedrailsError as exc:
        if debug:
            raise
        typer.secho(f"error: {exc}", err=True, fg=typer.colors.RED)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("aborted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # click usage errors and anything unexpected
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(2)
        if debug:
            raise
        typer.secho(f"error: {exc.__class__.__name__}: {exc} (rerun with --debug for the traceback)", err=True,
                    fg=typer.colors.RED)
        sys.exit(1)
