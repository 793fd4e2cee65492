"""Reading JSON Lines input the way every medrails verb does: blank lines skipped, every bad line
reported as `file:line: what is wrong`, never silently dropped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from medrails.errors import MedrailsError


@dataclass(frozen=True)
class JsonLine:
    """One non-blank line: its object, or the problem that stops it being one."""

    path: Path
    number: int
    obj: dict[str, Any] | None
    problem: str | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"

    @property
    def reason(self) -> str | None:
        """The problem without its `file:line: ` prefix, for callers that keep the location apart."""
        return self.problem[len(self.where) + 2 :] if self.problem else None

    def fail(self, why: str) -> str:
        """A problem message for this line, e.g. line.fail("missing field 'text'")."""
        return f"{self.where}: {why}"


def read_json_lines(path: str | Path, what: str = "input") -> Iterator[JsonLine]:
    """Yield each non-blank line of a JSONL file; undecodable or non-object lines carry a problem.
    A missing or unreadable file is a MedrailsError naming it."""
    path = Path(path)
    if not path.is_file():
        raise MedrailsError(f"{what} file not found: {path}")
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise MedrailsError(f"cannot read {what} {path}: {exc.strerror or exc}") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield JsonLine(path, number, None, f"{path}:{number}: not UTF-8 text (byte {exc.start}); save as UTF-8")
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                yield JsonLine(path, number, None, f"{path}:{number}: not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            if not isinstance(obj, dict):
                yield JsonLine(path, number, None,
                               f"{path}:{number}: expected a JSON object, got {type(obj).__name__}")
                continue
            yield JsonLine(path, number, obj)
