"""Keep unredacted PHI out of the audit log.

The guard redacts the user's message before anything else sees it, and records carry only that
redacted text. As a second line of defense the store refuses records that carry a raw-input field
and runs the PHI redactor (`medrails.guard.phi.redact`) over every free-text field the guard's own
PHI stages did not already cover (a policy without `phi_redaction` / `output_phi`, reviewer edits
and reasons) before writing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

RAW_INPUT_KEYS = frozenset({"original_text", "question", "raw_input", "input", "messages", "prompt"})
TEXT_FIELDS = ("input_redacted", "output", "raw_output", "edited_output", "reason")
_redactor: Callable[[str], str] | None = None
_redactor_loaded = False


def assert_no_raw_input(record: dict[str, Any]) -> None:
    """A record with the user's raw words is a programming error: fail loudly, write nothing."""
    bad = sorted(RAW_INPUT_KEYS & set(record))
    if bad:
        raise ValueError(f"audit records must not carry raw user input (fields {bad}); store the redacted text "
                         "in 'input_redacted'")


def _load_redactor() -> Callable[[str], str] | None:
    global _redactor, _redactor_loaded
    if _redactor_loaded:
        return _redactor
    _redactor_loaded = True
    try:
        from medrails.guard.phi import redact  # built by the PHI component
    except ImportError:
        log.warning("medrails.guard.phi is not available: audit text fields are stored as the guard redacted them")
        return None

    def as_text(text: str) -> str:
        result = redact(text)
        if isinstance(result, str):
            return result
        for attr in ("text", "redacted", "redacted_text"):
            value = getattr(result, attr, None)
            if isinstance(value, str):
                return value
        raise TypeError(f"medrails.guard.phi.redact returned {type(result).__name__}; expected text")

    _redactor = as_text
    return _redactor


def set_redactor(func: Callable[[str], str] | None) -> None:
    """Override the redactor (tests, or a deployment with its own PHI service)."""
    global _redactor, _redactor_loaded
    _redactor, _redactor_loaded = func, True


def scrub_text(text: str) -> str:
    redactor = _load_redactor()
    return redactor(text) if redactor and text else text


def _covered_by_guard(record: dict[str, Any]) -> set[str]:
    """Fields the guard's own PHI stages already redacted in this request (no need to pay twice)."""
    ran = {s.get("name") for s in record.get("stages") or [] if s.get("action") in ("pass", "redact")}
    covered = set()
    if "phi_redaction" in ran:
        covered.add("input_redacted")
    if "output_phi" in ran:
        covered.update({"output", "raw_output"})
    return covered


def scrub_record(record: dict[str, Any]) -> dict[str, Any]:
    """A copy of the record with PHI redacted in its free-text fields (those the guard did not cover)."""
    clean = dict(record)
    redactor = _load_redactor()
    if redactor is None:
        return clean
    covered = _covered_by_guard(record)
    for key in TEXT_FIELDS:
        if key in covered:
            continue
        value = clean.get(key)
        if isinstance(value, str) and value:
            clean[key] = redactor(value)
    return clean
