"""The review queue: answers a person must look at, stored next to the audit chain.

Emergencies, fail-closed answers, low-confidence answers and output-validator hits (any
`review_reasons`) are queued when their audit record is written, in the same transaction. A
reviewer approves, edits or rejects with a reason; each action is an audit record of its own.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from medrails.errors import MedrailsError

ACTIONS = {"approve": "approved", "edit": "edited", "reject": "rejected"}
STATUSES = ("pending", "approved", "edited", "rejected")
REVIEW_CATEGORIES = {"fail_closed", "low_confidence"}


class ReviewError(MedrailsError):
    """A review action that cannot be applied (unknown item, already resolved, missing reason)."""


@dataclass
class ReviewItem:
    id: str
    created: str
    decision: str
    category: str | None
    reasons: list[str]
    input_redacted: str
    output: str
    status: str
    reviewer: str | None = None
    reason: str | None = None
    final_output: str | None = None
    resolved: str | None = None
    action_audit_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def review_reasons_for(record: dict[str, Any]) -> list[str]:
    """Why a chat record needs a person (empty: it does not)."""
    reasons = list(record.get("review_reasons") or [])
    if record.get("decision") == "emergency":
        reasons.insert(0, f"emergency: {record.get('category') or 'unspecified'}")
    elif record.get("category") in REVIEW_CATEGORIES and not reasons:
        reasons.append(str(record.get("category")))
    return reasons


_COLUMNS = ("id, created, decision, category, reasons, input_redacted, output, status, reviewer, reason, "
            "final_output, resolved, action_audit_id")


def enqueue(cur, dialect, record_id: str, record: dict[str, Any], reasons: list[str]) -> None:
    from medrails.audit.store import _now

    cur.execute(dialect.q(
        "INSERT INTO review_items (id, created, decision, category, reasons, input_redacted, output, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')"),
        (record_id, _now(), record.get("decision", ""), record.get("category"), json.dumps(reasons),
         record.get("input_redacted", ""), record.get("output", "")))


def _item(row) -> ReviewItem:
    values = list(row)
    values[4] = json.loads(values[4])
    return ReviewItem(*values)


def list_items(cur, dialect, status: str | None, limit: int) -> list[ReviewItem]:
    if status is not None and status not in STATUSES:
        raise ReviewError(f"unknown review status {status!r}; use one of {', '.join(STATUSES)}")
    if status:
        cur.execute(dialect.q(f"SELECT {_COLUMNS} FROM review_items WHERE status = ? ORDER BY created LIMIT ?"),
                    (status, limit))
    else:
        cur.execute(dialect.q(f"SELECT {_COLUMNS} FROM review_items ORDER BY created DESC LIMIT ?"), (limit,))
    return [_item(r) for r in cur.fetchall()]


def get_item(cur, dialect, item_id: str, for_update: bool = False) -> ReviewItem:
    sql = f"SELECT {_COLUMNS} FROM review_items WHERE id = ?" + (dialect.for_update if for_update else "")
    cur.execute(dialect.q(sql), (item_id,))
    row = cur.fetchone()
    if row is None:
        raise ReviewError(f"no review item {item_id!r}; list them with `medrails review list`")
    return _item(row)


def check_action(action: str, reason: str, edited_output: str | None) -> None:
    if action not in ACTIONS:
        raise ReviewError(f"unknown review action {action!r}; use approve, edit or reject")
    if action in ("edit", "reject") and not (reason or "").strip():
        raise ReviewError(f"a reason is required to {action} an answer")
    if action == "edit" and not (edited_output or "").strip():
        raise ReviewError("edit needs the corrected answer text")
    if action != "edit" and edited_output is not None:
        raise ReviewError("only the edit action takes corrected text")


def resolve(cur, dialect, item_id: str, action: str, reviewer: str, reason: str, edited_output: str | None,
            audit_id: str, when: str) -> None:
    cur.execute(dialect.q(
        "UPDATE review_items SET status = ?, reviewer = ?, reason = ?, final_output = ?, resolved = ?, "
        "action_audit_id = ? WHERE id = ? AND status = 'pending'"),
        (ACTIONS[action], reviewer, reason, edited_output, when, audit_id, item_id))
