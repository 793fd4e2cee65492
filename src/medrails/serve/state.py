"""Server state that must survive restarts and be shared by replicas: API keys (hashed), the kill
switch and consents.

It lives in one database named like the audit store's (and opened through the same dialects):
a SQLite file (default `$MEDRAILS_HOME/serve.db`, one server) or PostgreSQL (replicas). Replicas
must share it, or `medrails admin kill` on one box would not stop the others and a key created on
one would be unknown to the rest; so when no state location is given and the audit URL is
PostgreSQL, the state goes into that same database (see `state_location`).

Reads from PostgreSQL are cached for `cache_s` (default 0.5 s) because the server reads the kill
switch and checks a key on every request and between streamed chunks, on its event loop: a change
made on another replica or by the CLI is seen within that time; a change made through this
instance is seen at once. Only positive key and consent checks are cached, so a new key works on
every replica immediately; a revoked one stops working everywhere within `cache_s`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from medrails.audit.connections import ThreadConnections
from medrails.audit.dialect import Dialect, PostgresDialect, SQLiteDialect, connect_dialect
from medrails.errors import MedrailsError
from medrails.paths import medrails_home

log = logging.getLogger(__name__)
T = TypeVar("T")

ROLES = ("user", "reviewer", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}
KEY_PREFIX = "mr"
POSTGRES_CACHE_S = 0.5
STATE_URL_ENV = "MEDRAILS_STATE_URL"

# Same table names in both databases, so an existing serve.db keeps working.
_TABLES = [
    """CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
       salt TEXT NOT NULL, hash TEXT NOT NULL, created TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)""",
    "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS consents (id TEXT PRIMARY KEY, created TEXT NOT NULL, key_id TEXT)",
]
_SCHEMA_LOCK = 0x6D65_6472_7374_6174  # "medrstat": replicas starting at once create the tables once


@dataclass
class ApiKey:
    id: str
    name: str
    role: str
    created: str
    revoked: bool = False


@dataclass
class KillSwitch:
    engaged: bool
    reason: str = ""
    by: str = ""
    since: str = ""


def role_allows(have: str, need: str) -> bool:
    return _RANK.get(have, -1) >= _RANK[need]


def _hash(salt: str, secret: str) -> str:
    # Keys are 192-bit random secrets, so a salted SHA-256 resists offline guessing as well as a slow KDF
    # would, and costs microseconds per request instead of tens of milliseconds.
    return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


def state_location(state_url: str | None = None, state_db: str | None = None,
                   audit_url: str | None = None) -> str | None:
    """Where the server state lives; the server and `medrails admin` resolve it the same way.

    1. `state_url` (a SQLite path, sqlite:///path or postgresql://...), or the older `state_db` (a SQLite
       path; setting both is an error); 2. `$MEDRAILS_STATE_URL`; 3. the audit URL (`audit_url` or
       `$MEDRAILS_AUDIT_URL`) when it is PostgreSQL, so replicas sharing an audit database share their
       keys and kill switch with no extra setting; 4. None: `$MEDRAILS_HOME/serve.db`.
    """
    if state_url and state_db:
        raise MedrailsError("set state_url or state_db, not both (state_db is the older name for a SQLite file)")
    if state_url or state_db:
        return state_url or state_db
    if os.environ.get(STATE_URL_ENV):
        return os.environ[STATE_URL_ENV]
    audit = audit_url or os.environ.get("MEDRAILS_AUDIT_URL")
    return audit if is_postgres_url(audit) else None


def _open_dialect(location: str | Path | None) -> tuple[Dialect, str]:
    if location is None or location == "":
        path = medrails_home() / "serve.db"
        return SQLiteDialect(path), "sqlite://" + str(path.resolve())
    if isinstance(location, Path):
        return SQLiteDialect(location), "sqlite://" + str(location.resolve())
    try:
        return connect_dialect(location)
    except MedrailsError as exc:
        raise _relabel(exc) from None


def _relabel(exc: MedrailsError) -> MedrailsError:
    # The dialects word their errors for the audit store; say which database failed here.
    text = str(exc).replace("audit database", "server state database").replace("audit url", "state url")
    return MedrailsError(text.replace("a postgresql:// audit URL", "a postgresql:// state URL"))


class _Cache:
    """Values read from a shared database, reused for `ttl` seconds (0 = never)."""

    MAX_ENTRIES = 10000

    def __init__(self, ttl: float):
        self.ttl = ttl
        self._items: dict[Any, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        if self.ttl <= 0:
            return None
        with self._lock:
            hit = self._items.get(key)
        return hit[1] if hit is not None and time.monotonic() - hit[0] < self.ttl else None

    def put(self, key: Any, value: Any) -> None:
        if self.ttl <= 0:
            return
        now = time.monotonic()
        with self._lock:
            if len(self._items) >= self.MAX_ENTRIES:  # e.g. many distinct keys: drop what expired, else all
                self._items = {k: v for k, v in self._items.items() if now - v[0] < self.ttl}
                if len(self._items) >= self.MAX_ENTRIES:
                    self._items.clear()
            self._items[key] = (now, value)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class ServerState:
    """API keys, kill switch and consents in a SQLite file or a shared PostgreSQL (module docstring).

    `location`: None ($MEDRAILS_HOME/serve.db), a Path or path string, sqlite:///path, or postgresql://...
    `cache_s`: seconds a read may be reused; None = 0.5 for PostgreSQL, 0 for SQLite (reads are local).
    """

    def __init__(self, location: str | Path | None = None, cache_s: float | None = None):
        self.dialect, self.url = _open_dialect(location)
        self.shared = isinstance(self.dialect, PostgresDialect)
        self.path: Path | None = getattr(self.dialect, "path", None)
        self._cache = _Cache((POSTGRES_CACHE_S if self.shared else 0.0) if cache_s is None else cache_s)
        self._db = ThreadConnections(self.dialect, self.url, "server state database",
                                     on_connect_error=lambda e: _relabel(e) if isinstance(e, MedrailsError) else e)
        self._run(self._setup, write=True)

    def _setup(self, cur) -> None:
        if self.shared:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
            cur.execute("""SELECT to_regclass('api_keys') IS NOT NULL AND to_regclass('settings') IS NOT NULL
                                  AND to_regclass('consents') IS NOT NULL""")
            if cur.fetchone()[0]:
                return  # a role without CREATE works once the schema exists
        for statement in _TABLES:
            cur.execute(statement)

    # -- connections -------------------------------------------------------------------------------
    def _conn(self):
        return self._db.conn()

    def _run(self, body: Callable[[Any], T], write: bool = False) -> T:
        """body(cursor) in one committed transaction (see ThreadConnections.run)."""
        return self._db.run(body, write=write)

    def _fetchone(self, sql: str, params: tuple = ()) -> tuple | None:
        if not self.shared:  # one SQLite statement is atomic on its own: skip BEGIN/COMMIT on the hot path
            return self._conn().execute(sql, params).fetchone()

        def body(cur):
            cur.execute(self.dialect.q(sql), params)
            return cur.fetchone()
        return self._run(body)

    def _write(self, sql: str, params: tuple = ()) -> int:
        def body(cur):
            cur.execute(self.dialect.q(sql), params)
            return cur.rowcount
        try:
            return self._run(body, write=True)
        finally:
            self._cache.clear()  # this instance sees its own change at once

    def close(self) -> None:
        """Close every thread's connection (call when no thread uses this state any more)."""
        self._db.close()

    # -- API keys --------------------------------------------------------------------------------
    def create_key(self, role: str, name: str = "") -> tuple[ApiKey, str]:
        """A new key; the secret token is returned once and only its salted hash is stored."""
        if role not in ROLES:
            raise MedrailsError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        key_id, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(24), secrets.token_hex(16)
        key = ApiKey(key_id, name or f"{role}-{key_id}", role, _now())
        self._write("INSERT INTO api_keys (id, name, role, salt, hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (key.id, key.name, key.role, salt, _hash(salt, secret), key.created))
        return key, f"{KEY_PREFIX}-{key_id}-{secret}"

    def check_key(self, token: str) -> ApiKey | None:
        parts = token.split("-", 2)
        if len(parts) != 3 or parts[0] != KEY_PREFIX:
            return None
        # cached under a hash of the token, so the process never keeps the secrets themselves
        cache_key = ("key", hashlib.sha256(token.encode()).hexdigest()) if self._cache.ttl > 0 else None
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        row = self._fetchone("SELECT id, name, role, created, revoked, salt, hash FROM api_keys WHERE id = ?",
                             (parts[1],))
        if row is None or row[4] or not hmac.compare_digest(_hash(row[5], parts[2]), row[6]):
            return None
        key = ApiKey(row[0], row[1], row[2], row[3], bool(row[4]))
        self._cache.put(cache_key, key)
        return key

    def list_keys(self) -> list[ApiKey]:
        rows = self._run(lambda cur: cur.execute("SELECT id, name, role, created, revoked FROM api_keys "
                                                 "ORDER BY created, id").fetchall())
        return [ApiKey(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

    def revoke_key(self, key_id: str) -> None:
        if self._write("UPDATE api_keys SET revoked = 1 WHERE id = ?", (key_id,)) == 0:
            raise MedrailsError(f"no API key {key_id!r}; list them with `medrails admin keys list`")

    def has_keys(self) -> bool:
        cached = self._cache.get("has_keys")
        if cached is not None:
            return cached
        found = self._fetchone("SELECT 1 FROM api_keys WHERE revoked = 0 LIMIT 1") is not None
        self._cache.put("has_keys", found)
        return found

    # -- kill switch -----------------------------------------------------------------------------
    def kill_switch(self) -> KillSwitch:
        cached = self._cache.get("kill_switch")
        if cached is not None:
            return cached
        row = self._fetchone("SELECT value FROM settings WHERE key = 'kill_switch'")
        state = KillSwitch(**json.loads(row[0])) if row else KillSwitch(False)
        self._cache.put("kill_switch", state)
        return state

    def set_kill_switch(self, engaged: bool, reason: str, by: str) -> KillSwitch:
        state = KillSwitch(engaged, reason, by, _now())
        self._write("INSERT INTO settings (key, value) VALUES ('kill_switch', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (json.dumps(state.__dict__),))
        return state

    # -- consent ---------------------------------------------------------------------------------
    def record_consent(self, key_id: str) -> str:
        consent_id = secrets.token_hex(12)
        self._write("INSERT INTO consents (id, created, key_id) VALUES (?, ?, ?)", (consent_id, _now(), key_id))
        return consent_id

    def has_consent(self, consent_id: str) -> bool:
        if self._cache.get(("consent", consent_id)):
            return True
        found = self._fetchone("SELECT 1 FROM consents WHERE id = ?", (consent_id,)) is not None
        if found:  # consents are never withdrawn here, so only a found one is worth keeping
            self._cache.put(("consent", consent_id), True)
        return found
