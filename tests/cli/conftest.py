from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture()
def run_cli(capsys, monkeypatch):
    """Run `medrails ARGS` in process (as the console script does) and capture its exit code."""

    def run(*args: str, stdin: bytes | None = None) -> CliResult:
        from medrails.cli import main

        monkeypatch.setattr(sys, "argv", ["medrails", *args])
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run
