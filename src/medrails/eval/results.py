"""Per-item results as JSON Lines, appended as items finish, so a killed run resumes where it stopped."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from medrails.errors import MedrailsError

log = logging.getLogger(__name__)


class ItemLog:
    """`<run>/items/<task>.jsonl`: one JSON object per finished item, keyed by `id`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.torn_lines = 0

    def load(self) -> dict[str, dict]:
        """Finished items. A torn last line (the run was killed mid-write) is cut off and redone."""
        done: dict[str, dict] = {}
        if not self.path.is_file():
            return done
        raw = self.path.read_bytes()
        good_end = 0
        offset = 0
        for number, line in enumerate(raw.splitlines(keepends=True), start=1):
            offset += len(line)
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or "id" not in record:
                    raise ValueError("no id")
            except (json.JSONDecodeError, UnicodeDecodeError, ValueError) as exc:
                if offset == len(raw):  # only the final line may be torn
                    self.torn_lines += 1
                    break
                raise MedrailsError(f"{self.path}:{number}: corrupt result line ({exc}); "
                                    "delete the file to rerun this task from scratch") from None
            done[str(record["id"])] = record
            good_end = offset
        if good_end != len(raw):
            log.warning("%s: dropping a torn last line; that item will be rerun", self.path)
            with self.path.open("r+b") as fh:
                fh.truncate(good_end)
        return done

    def append(self, record: dict) -> None:
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def records(self) -> list[dict]:
        return list(self.load().values())


def write_json(path: Path, data) -> None:
    """Atomic write: a reader never sees half a summary."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


@contextmanager
def progress_bar(description: str, total: int, done: int = 0) -> Iterator:
    """A rich progress bar (items, rate, ETA) on stderr; `advance()` per finished item."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(),
                        TimeRemainingColumn(), console=Console(stderr=True), transient=False)
    with progress:
        task_id = progress.add_task(description, total=total, completed=done)

        def advance(n: int = 1) -> None:
            progress.advance(task_id, n)

        yield advance


def pending(items: Iterable, done: dict[str, dict]) -> list:
    return [item for item in items if item.id not in done]
