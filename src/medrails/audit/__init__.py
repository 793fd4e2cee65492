"""Hash-chained, append-only audit store and the review queue (SQLite WAL default, PostgreSQL by URL).

    store = open_audit_store()            # $MEDRAILS_HOME/audit.db
    audit_id = store.append(record)       # committed before it returns
    store.verify().ok                     # detects edits, deletions, insertions, reordering
    store.export("audit.jsonl")
"""

from medrails.audit.review import ReviewError, ReviewItem, review_reasons_for
from medrails.audit.store import (
    AuditEntry,
    AuditStore,
    BadRecord,
    VerifyReport,
    open_audit_store,
    read_jsonl_entries,
    verify_entries,
)

__all__ = [
    "AuditEntry", "AuditStore", "BadRecord", "ReviewError", "ReviewItem", "VerifyReport", "open_audit_store",
    "read_jsonl_entries", "review_reasons_for", "verify_entries",
]
