"""The two databases the audit store speaks: SQLite (default, WAL) and PostgreSQL (for replicas).

Only what differs lives here: connecting, placeholders, the write lock, and the schema with its
append-only triggers.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from medrails.errors import MedrailsError
from medrails.paths import medrails_home

_TABLES = [
    """CREATE TABLE IF NOT EXISTS audit_records (
        seq BIGINT PRIMARY KEY, id TEXT NOT NULL UNIQUE, ts TEXT NOT NULL, kind TEXT NOT NULL,
        body TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS audit_records_kind_ts ON audit_records (kind, ts)",
    """CREATE TABLE IF NOT EXISTS audit_head (
        one INTEGER PRIMARY KEY CHECK (one = 1), count BIGINT NOT NULL, last_hash TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS review_items (
        id TEXT PRIMARY KEY, created TEXT NOT NULL, decision TEXT NOT NULL, category TEXT,
        reasons TEXT NOT NULL, input_redacted TEXT NOT NULL, output TEXT NOT NULL,
        status TEXT NOT NULL, reviewer TEXT, reason TEXT, final_output TEXT, resolved TEXT, action_audit_id TEXT)""",
    "CREATE INDEX IF NOT EXISTS review_items_status ON review_items (status, created)",
]


class Dialect:
    placeholder = "?"
    for_update = ""

    def q(self, sql: str) -> str:
        return sql if self.placeholder == "?" else sql.replace("?", self.placeholder)

    def schema(self) -> list[str]:
        raise NotImplementedError

    def ensure_schema(self, cur) -> None:
        """Create what is missing (inside the caller's write transaction)."""
        for statement in self.schema():
            cur.execute(statement)

    def connect(self):
        raise NotImplementedError

    def usable(self, conn) -> bool:
        """False once the connection is closed or broken (then the store opens a new one)."""
        return True

    def lost(self, conn, exc: BaseException) -> bool:
        """True when exc means the connection itself died (the work can be redone on a new one)."""
        return False

    def transaction(self, conn, write: bool, snapshot: bool = False):
        """write: take the write lock up front; snapshot: every read in the block sees one state."""
        raise NotImplementedError


class SQLiteDialect(Dialect):
    """One file, WAL journal, a write lock taken up front (BEGIN IMMEDIATE) for every append."""

    def __init__(self, path: Path, synchronous: str = "FULL", busy_timeout_ms: int = 30000):
        self.path = path
        self.synchronous = synchronous.upper()
        if self.synchronous not in {"FULL", "NORMAL", "EXTRA"}:
            raise MedrailsError(f"audit url: synchronous must be full, normal or extra, got {synchronous!r}")
        self.busy_timeout_ms = busy_timeout_ms

    def schema(self) -> list[str]:
        guard = "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END"
        return [*_TABLES,
                f"CREATE TRIGGER IF NOT EXISTS audit_records_no_update BEFORE UPDATE ON audit_records {guard}",
                f"CREATE TRIGGER IF NOT EXISTS audit_records_no_delete BEFORE DELETE ON audit_records {guard}"]

    def connect(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False,
                                   timeout=self.busy_timeout_ms / 1000.0)
            conn.execute(f"PRAGMA busy_timeout = {self.busy_timeout_ms}")
            mode = self._switch_to_wal(conn)
            conn.execute(f"PRAGMA synchronous = {self.synchronous}")
        except sqlite3.Error as exc:
            raise MedrailsError(f"cannot open audit database {self.path}: {exc}") from None
        if str(mode).lower() != "wal":
            raise MedrailsError(f"audit database {self.path}: could not switch to WAL mode (got {mode}); "
                                "put it on a local filesystem")
        return conn

    def _switch_to_wal(self, conn) -> str:
        # Replicas opening a new file at once: SQLite may answer "database is locked" to the
        # journal-mode switch at once, without waiting out busy_timeout, so wait here instead.
        deadline = time.monotonic() + self.busy_timeout_ms / 1000.0
        while True:
            try:
                return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    @contextlib.contextmanager
    def transaction(self, conn, write: bool, snapshot: bool = False) -> Iterator[sqlite3.Cursor]:
        # A WAL read transaction is a snapshot already (from its first read to COMMIT).
        cur = conn.cursor()
        cur.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield cur
        except BaseException:
            conn.rollback()
            raise
        else:
            cur.execute("COMMIT")
        finally:
            cur.close()


class PostgresDialect(Dialect):
    """Shared PostgreSQL for stateless replicas (needs `pip install 'medrails[postgres]'`, i.e. psycopg 3).

    Every append locks the one head row with SELECT ... FOR UPDATE, so appends from all replicas
    queue on it and form one chain (READ COMMITTED re-reads the head after the lock is granted).
    Schema setup takes a transaction-level advisory lock, because CREATE ... IF NOT EXISTS is not
    safe when several replicas start at once, and skips the DDL when the schema is complete, so a
    replica does not take an exclusive lock on the audit table on every start.
    """

    placeholder = "%s"
    for_update = " FOR UPDATE"
    SCHEMA_LOCK = 0x6D65_6472_6169_6C73  # "medrails": one key for all replicas
    CONNECT_TIMEOUT_S = 10

    def __init__(self, url: str):
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise MedrailsError("a postgresql:// audit URL needs the psycopg package: "
                                "pip install 'medrails[postgres]' (or 'psycopg[binary]')") from None
        self.url = url

    def schema(self) -> list[str]:
        return [*_TABLES,
                """CREATE OR REPLACE FUNCTION medrails_audit_append_only() RETURNS trigger AS $$
                   BEGIN RAISE EXCEPTION 'audit records are append-only'; END; $$ LANGUAGE plpgsql""",
                "DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records",
                """CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records
                   FOR EACH ROW EXECUTE FUNCTION medrails_audit_append_only()"""]

    def ensure_schema(self, cur) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", (self.SCHEMA_LOCK,))
        cur.execute("""SELECT to_regclass('audit_records') IS NOT NULL AND to_regclass('audit_head') IS NOT NULL
                              AND to_regclass('review_items') IS NOT NULL
                              AND EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'audit_records_append_only'
                                          AND tgrelid = to_regclass('audit_records'))""")
        if not cur.fetchone()[0]:
            super().ensure_schema(cur)

    def connect(self):
        import psycopg
        from psycopg.conninfo import conninfo_to_dict

        try:
            given = conninfo_to_dict(self.url)
        except psycopg.Error as exc:
            raise MedrailsError(f"audit url {_redact_url(self.url)}: {exc}") from None
        # libpq waits forever for an unreachable host by default; a replica should fail fast instead
        extra = {k: v for k, v in (("connect_timeout", str(self.CONNECT_TIMEOUT_S)), ("application_name", "medrails"))
                 if k not in given}
        try:
            return psycopg.connect(self.url, autocommit=False, **extra)
        except psycopg.Error as exc:
            raise MedrailsError(f"cannot connect to the audit database {_redact_url(self.url)}: {exc}") from None

    def usable(self, conn) -> bool:
        return not (conn.closed or conn.broken)

    def lost(self, conn, exc: BaseException) -> bool:
        import psycopg

        return isinstance(exc, psycopg.OperationalError) and bool(conn.broken)

    @contextlib.contextmanager
    def transaction(self, conn, write: bool, snapshot: bool = False):
        cur = conn.cursor()
        try:
            if snapshot and not write:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield cur
        except BaseException:
            if not conn.broken:  # a lost connection cannot roll back; the store reconnects next time
                conn.rollback()
            raise
        else:
            conn.commit()
        finally:
            cur.close()


def _redact_url(url: str) -> str:
    """The URL without its password (user:pw@host or ?password=...), for messages and `store.url`."""
    parsed = urlparse(url)
    if parsed.password:
        url = url.replace(f":{parsed.password}@", ":***@", 1)
    return re.sub(r"([?&]password=)[^&]*", r"\1***", url)


def default_audit_path() -> Path:
    return medrails_home() / "audit.db"


def connect_dialect(url: str | None) -> tuple[Dialect, str]:
    """Parse an audit URL into its dialect: None/'' -> env or default SQLite file."""
    url = url or os.environ.get("MEDRAILS_AUDIT_URL") or ""
    if not url:
        path = default_audit_path()
        return SQLiteDialect(path), _sqlite_url(path)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDialect(url), _redact_url(url)
    if url.startswith("sqlite:"):
        parsed = urlparse(url)
        raw = parsed.path if url.startswith("sqlite:///") else url[len("sqlite:"):].split("?")[0]
        if not raw or raw == "/":
            raise MedrailsError(f"audit url {url!r} has no file path; use sqlite:///abs/path/audit.db")
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        unknown = set(options) - {"synchronous"}
        if unknown:
            raise MedrailsError(f"audit url {url!r}: unknown option(s) {sorted(unknown)}; known: synchronous")
        path = Path(raw)
        return SQLiteDialect(path, synchronous=options.get("synchronous", "FULL")), _sqlite_url(path)
    if "://" in url:
        raise MedrailsError(f"audit url {url!r}: use sqlite:///path/audit.db, a file path, or postgresql://...")
    path = Path(url).expanduser().resolve()
    return SQLiteDialect(path), _sqlite_url(path)


def _sqlite_url(path: Path) -> str:
    return "sqlite://" + str(path.resolve())
