"""The append-only, hash-chained audit store (SQLite in WAL mode by default, PostgreSQL by URL).

Every record is canonical JSON plus its position (`seq`, 1..N with no gaps), a timestamp, the
previous record's hash and its own hash over all of those. A one-row `audit_head` table holds the
count and the last hash, updated in the same transaction, so `verify()` also notices records cut
off the end. Appends take the database write lock first (SQLite `BEGIN IMMEDIATE`, PostgreSQL
`SELECT ... FOR UPDATE` on the head row) so threads and processes never fork the chain, and every
append commits before it returns its id: an acknowledged record survives `kill -9`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from medrails.audit import review as review_mod
from medrails.audit.connections import ThreadConnections
from medrails.audit.dialect import Dialect, connect_dialect
from medrails.audit.scrub import assert_no_raw_input, scrub_record

log = logging.getLogger(__name__)
GENESIS = "0" * 64
T = TypeVar("T")


def canonical_json(obj: Any) -> str:
    """The byte-stable JSON the hash covers (sorted keys, no spaces, UTF-8)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def chain_hash(prev_hash: str, seq: int, record_id: str, ts: str, kind: str, body: str) -> str:
    payload = "\x1f".join([prev_hash, str(seq), record_id, ts, kind, body])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass
class AuditEntry:
    """One stored record with its chain fields."""

    seq: int
    id: str
    ts: str
    kind: str
    record: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "id": self.id, "ts": self.ts, "kind": self.kind, "prev_hash": self.prev_hash,
                "hash": self.hash, "record": self.record}


@dataclass
class BadRecord:
    seq: int
    id: str
    reason: str


@dataclass
class VerifyReport:
    """Result of a chain check: ok, how many records were checked, and the first bad one."""

    ok: bool
    checked: int
    head_hash: str
    first_bad: BadRecord | None = None

    def describe(self) -> str:
        if self.ok:
            return f"ok: {self.checked} records, chain intact, head {self.head_hash[:16]}"
        bad = self.first_bad
        assert bad is not None
        return f"TAMPERED: first bad record seq {bad.seq} (id {bad.id}): {bad.reason}"


def verify_entries(entries: Iterator[AuditEntry], head: tuple[int, str] | None = None) -> VerifyReport:
    """Walk the chain in seq order; the first mismatch is reported (edit, deletion, insertion, reorder)."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    for entry in entries:
        body = canonical_json(entry.record)
        if entry.seq != expected_seq:
            reason = (f"expected seq {expected_seq}, found {entry.seq}: record(s) deleted or reordered"
                      if entry.seq > expected_seq else f"seq {entry.seq} repeated or out of order: record inserted")
            return VerifyReport(False, checked, prev, BadRecord(entry.seq, entry.id, reason))
        if entry.prev_hash != prev:
            return VerifyReport(False, checked, prev, BadRecord(
                entry.seq, entry.id, "prev_hash does not match the previous record: record inserted, deleted or reordered"))
        if chain_hash(entry.prev_hash, entry.seq, entry.id, entry.ts, entry.kind, body) != entry.hash:
            return VerifyReport(False, checked, prev, BadRecord(entry.seq, entry.id, "hash mismatch: record edited"))
        prev = entry.hash
        expected_seq += 1
        checked += 1
    if head is not None:
        count, last_hash = head
        if count != checked or last_hash != prev:
            reason = (f"head says {count} records ending in {last_hash[:16]}, chain has {checked} ending in {prev[:16]}: "
                      + ("records removed from the end" if count > checked else "records appended outside the store"))
            return VerifyReport(False, checked, prev, BadRecord(checked + 1 if count > checked else count + 1, "-", reason))
    return VerifyReport(True, checked, prev)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


class AuditStore:
    """Hash-chained audit log and review queue over one database (see module docstring)."""

    def __init__(self, url: str, dialect: Dialect, scrub: bool = True):
        self.url = url
        self.dialect = dialect
        self.scrub = scrub
        self._lock = threading.Lock()  # in-process serialization; the DB lock handles processes
        self._db = ThreadConnections(dialect, url, "audit database")
        self._run(self._setup)

    def _setup(self, cur) -> None:
        self.dialect.ensure_schema(cur)
        cur.execute("SELECT count FROM audit_head WHERE one = 1")
        if cur.fetchone() is None:
            cur.execute(self.dialect.q("INSERT INTO audit_head (one, count, last_hash) VALUES (1, 0, ?)"), (GENESIS,))

    # -- connections -------------------------------------------------------------------------------
    def _conn(self):
        return self._db.conn()

    def _run(self, body: Callable[[Any], T], write: bool = True, snapshot: bool = False) -> T:
        """body(cursor) in one committed transaction (see ThreadConnections.run)."""
        return self._db.run(body, write=write, snapshot=snapshot)

    def close(self) -> None:
        """Close the connections of every thread that used this store (call when no thread uses it)."""
        self._db.close()

    # -- writing -----------------------------------------------------------------------------------
    def append(self, record: dict[str, Any], kind: str = "chat") -> str:
        """Write one record at the end of the chain, commit, and return its id."""
        assert_no_raw_input(record)
        clean = scrub_record(record) if self.scrub else dict(record)
        clean.setdefault("kind", kind)
        kind = clean["kind"]
        record_id = uuid.uuid4().hex
        reasons = review_mod.review_reasons_for(clean) if kind == "chat" else []

        def write(cur) -> None:
            self._append_locked(cur, record_id, kind, clean)
            if reasons:
                review_mod.enqueue(cur, self.dialect, record_id, clean, reasons)

        with self._lock:
            self._run(write)
        return record_id

    def _append_locked(self, cur, record_id: str, kind: str, record: dict[str, Any]) -> None:
        cur.execute(self.dialect.q("SELECT count, last_hash FROM audit_head WHERE one = 1" + self.dialect.for_update))
        count, last_hash = cur.fetchone()
        seq, ts, body = count + 1, _now(), canonical_json(record)
        digest = chain_hash(last_hash, seq, record_id, ts, kind, body)
        cur.execute(self.dialect.q(
            "INSERT INTO audit_records (seq, id, ts, kind, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            (seq, record_id, ts, kind, body, last_hash, digest))
        cur.execute(self.dialect.q("UPDATE audit_head SET count = ?, last_hash = ? WHERE one = 1"), (seq, digest))

    # -- review queue --------------------------------------------------------------------------------
    def review_list(self, status: str | None = "pending", limit: int = 100) -> list[review_mod.ReviewItem]:
        return self._run(lambda cur: review_mod.list_items(cur, self.dialect, status, limit), write=False)

    def review_get(self, item_id: str) -> review_mod.ReviewItem:
        return self._run(lambda cur: review_mod.get_item(cur, self.dialect, item_id), write=False)

    def review_act(self, item_id: str, action: str, reviewer: str, reason: str = "",
                   edited_output: str | None = None) -> review_mod.ReviewItem:
        """Approve, edit or reject a queued answer; the action itself becomes an audit record."""
        review_mod.check_action(action, reason, edited_output)
        event = {"kind": "review", "item": item_id, "action": action, "reviewer": reviewer, "reason": reason}
        if edited_output is not None:
            event["edited_output"] = edited_output
        event = scrub_record(event) if self.scrub else event
        record_id = uuid.uuid4().hex
        def write(cur) -> None:
            item = review_mod.get_item(cur, self.dialect, item_id, for_update=True)
            if item.status != "pending":
                raise review_mod.ReviewError(
                    f"review item {item_id} is already {item.status} by {item.reviewer}; it cannot be changed")
            self._append_locked(cur, record_id, "review", event)
            review_mod.resolve(cur, self.dialect, item_id, action, reviewer, event["reason"], event.get("edited_output"),
                               record_id, _now())

        with self._lock:
            self._run(write)
        return self.review_get(item_id)

    # -- reading -------------------------------------------------------------------------------------
    def entries(self, start_seq: int = 1, batch: int = 500) -> Iterator[AuditEntry]:
        """All records in seq order (streamed in batches, so large logs do not fill memory)."""
        seq = start_seq - 1
        while True:
            rows = self._run(lambda cur, after=seq: self._batch(cur, after, batch), write=False)
            yield from (_entry(row) for row in rows)
            if len(rows) < batch:
                return
            seq = rows[-1][0]

    def _batch(self, cur, after_seq: int, batch: int) -> list:
        cur.execute(self.dialect.q(
            "SELECT seq, id, ts, kind, body, prev_hash, hash FROM audit_records WHERE seq > ? ORDER BY seq LIMIT ?"),
            (after_seq, batch))
        return cur.fetchall()

    def _entries_in(self, cur, batch: int = 500) -> Iterator[AuditEntry]:
        seq = 0
        while True:
            rows = self._batch(cur, seq, batch)
            yield from (_entry(row) for row in rows)
            if len(rows) < batch:
                return
            seq = rows[-1][0]

    def recent(self, limit: int = 50, before_seq: int | None = None, kind: str | None = None) -> list[AuditEntry]:
        where, args = [], []
        if before_seq is not None:
            where.append("seq < ?")
            args.append(before_seq)
        if kind:
            where.append("kind = ?")
            args.append(kind)
        sql = "SELECT seq, id, ts, kind, body, prev_hash, hash FROM audit_records"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY seq DESC LIMIT ?"
        rows = self._run(lambda cur: _fetch(cur, self.dialect.q(sql), (*args, limit)), write=False)
        return [_entry(r) for r in rows]

    def get(self, record_id: str) -> AuditEntry | None:
        rows = self._run(lambda cur: _fetch(cur, self.dialect.q(
            "SELECT seq, id, ts, kind, body, prev_hash, hash FROM audit_records WHERE id = ?"), (record_id,)), write=False)
        return _entry(rows[0]) if rows else None

    def count(self, kind: str | None = None) -> int:
        if kind:
            rows = self._run(lambda cur: _fetch(cur, self.dialect.q("SELECT COUNT(*) FROM audit_records WHERE kind = ?"),
                                                (kind,)), write=False)
        else:
            rows = self._run(lambda cur: _fetch(cur, "SELECT COUNT(*) FROM audit_records"), write=False)
        return int(rows[0][0])

    def head(self) -> tuple[int, str]:
        return self._run(_read_head, write=False)

    def verify(self) -> VerifyReport:
        """Check the whole chain; names the first bad record (edit, deletion, insertion, reordering).

        The head and every record are read in one snapshot, so appends committed while a live
        server (or another replica) is verified are not mistaken for tampering at the end.
        """
        def check(cur) -> VerifyReport:
            head = _read_head(cur)
            return verify_entries(self._entries_in(cur), head=head)

        return self._run(check, write=False, snapshot=True)

    def export(self, path: str | Path) -> int:
        """Write every record (with its chain fields) as JSON lines; returns how many were written."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("w", encoding="utf-8") as fh:
            for entry in self.entries():
                fh.write(json.dumps(entry.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
                written += 1
        tmp.replace(path)
        return written

    def stats(self, since_seconds: float = 86400.0, bucket_seconds: float = 3600.0) -> dict[str, Any]:
        """Aggregates for the dashboard: decisions and categories over time, latency, stage triggers."""
        from medrails.audit.stats import compute_stats

        cutoff = datetime.fromtimestamp(time.time() - since_seconds, UTC).isoformat().replace("+00:00", "Z")
        rows = self._run(lambda cur: _fetch(cur, self.dialect.q(
            "SELECT ts, body FROM audit_records WHERE kind = 'chat' AND ts >= ? ORDER BY seq"), (cutoff,)), write=False)
        return compute_stats(rows, bucket_seconds)


def _fetch(cur, sql: str, params: tuple = ()) -> list:
    cur.execute(sql, params)
    return cur.fetchall()


def _read_head(cur) -> tuple[int, str]:
    cur.execute("SELECT count, last_hash FROM audit_head WHERE one = 1")
    count, last = cur.fetchone()
    return int(count), str(last)


def _entry(row) -> AuditEntry:
    seq, record_id, ts, kind, body, prev_hash, digest = row
    return AuditEntry(int(seq), record_id, ts, kind, json.loads(body), prev_hash, digest)


def read_jsonl_entries(path: str | Path) -> Iterator[AuditEntry]:
    """Entries from an `export` file, for verifying a copy kept elsewhere."""
    with Path(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                yield AuditEntry(int(d["seq"]), d["id"], d["ts"], d["kind"], d["record"], d["prev_hash"], d["hash"])
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                from medrails.errors import MedrailsError

                raise MedrailsError(f"{path}:{lineno}: not an audit export line ({exc})") from None


def open_audit_store(url: str | None = None, scrub: bool = True) -> AuditStore:
    """The audit store at `url`: None -> $MEDRAILS_AUDIT_URL, else SQLite at $MEDRAILS_HOME/audit.db;
    `sqlite:///path/to.db`, a plain file path, or `postgresql://user@host/db` (needs psycopg)."""
    dialect, resolved = connect_dialect(url)
    return AuditStore(resolved, dialect, scrub=scrub)
