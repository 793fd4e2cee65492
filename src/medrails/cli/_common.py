"""Helpers shared by CLI verbs: reading text input, printing JSON."""

from __future__ import annotations

import json
import sys
from typing import Any

from medrails.errors import MedrailsError


def read_text_argument(value: str | None, what: str = "question", max_chars: int | None = None) -> str:
    """The text itself, or stdin when the value is '-' or absent and stdin is piped."""
    if value is None or value == "-":
        if value is None and sys.stdin.isatty():
            raise MedrailsError(f"no {what} given: pass it as an argument or pipe it on stdin")
        data = sys.stdin.buffer.read()
        try:
            value = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MedrailsError(
                f"stdin is not UTF-8 text (invalid byte at offset {exc.start}); convert it, e.g. iconv -t UTF-8"
            ) from None
    if not value.strip():
        raise MedrailsError(f"the {what} is empty: type a {what}")
    if max_chars is not None and len(value) > max_chars:
        raise MedrailsError(
            f"the {what} is {len(value)} characters; the limit is {max_chars} (shorten it or raise max_question_chars)"
        )
    return value


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()
