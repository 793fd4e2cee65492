"""Server state that must survive restarts: API keys (hashed) and the kill switch (SQLite)."""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.paths import medrails_home

ROLES = ("user", "reviewer", "admin")
_RANK = {role: i for i, role in enumerate(ROLES)}
KEY_PREFIX = "mr"


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


class ServerState:
    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else medrails_home() / "serve.db"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._conn() as conn:
            conn.execute("""CREATE TABLE IF NOT EXISTS api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
                            salt TEXT NOT NULL, hash TEXT NOT NULL, created TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)""")
            conn.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            conn.execute("CREATE TABLE IF NOT EXISTS consents (id TEXT PRIMARY KEY, created TEXT NOT NULL, key_id TEXT)")

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            except sqlite3.Error as exc:
                raise MedrailsError(f"cannot open server state database {self.path}: {exc}") from None
            self._local.conn = conn
        return conn

    # -- API keys --------------------------------------------------------------------------------
    def create_key(self, role: str, name: str = "") -> tuple[ApiKey, str]:
        """A new key; the secret token is returned once and only its salted hash is stored."""
        if role not in ROLES:
            raise MedrailsError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
        key_id, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(24), secrets.token_hex(16)
        key = ApiKey(key_id, name or f"{role}-{key_id}", role, _now())
        with self._conn() as conn:
            conn.execute("INSERT INTO api_keys (id, name, role, salt, hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                         (key.id, key.name, key.role, salt, _hash(salt, secret), key.created))
        return key, f"{KEY_PREFIX}-{key_id}-{secret}"

    def check_key(self, token: str) -> ApiKey | None:
        parts = token.split("-", 2)
        if len(parts) != 3 or parts[0] != KEY_PREFIX:
            return None
        row = self._conn().execute("SELECT id, name, role, created, revoked, salt, hash FROM api_keys WHERE id = ?",
                                   (parts[1],)).fetchone()
        if row is None or row[4] or not hmac.compare_digest(_hash(row[5], parts[2]), row[6]):
            return None
        return ApiKey(row[0], row[1], row[2], row[3], bool(row[4]))

    def list_keys(self) -> list[ApiKey]:
        rows = self._conn().execute("SELECT id, name, role, created, revoked FROM api_keys ORDER BY created").fetchall()
        return [ApiKey(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]

    def revoke_key(self, key_id: str) -> None:
        with self._conn() as conn:
            if conn.execute("UPDATE api_keys SET revoked = 1 WHERE id = ?", (key_id,)).rowcount == 0:
                raise MedrailsError(f"no API key {key_id!r}; list them with `medrails admin keys list`")

    def has_keys(self) -> bool:
        return self._conn().execute("SELECT 1 FROM api_keys WHERE revoked = 0 LIMIT 1").fetchone() is not None

    # -- kill switch -----------------------------------------------------------------------------
    def kill_switch(self) -> KillSwitch:
        row = self._conn().execute("SELECT value FROM settings WHERE key = 'kill_switch'").fetchone()
        return KillSwitch(**json.loads(row[0])) if row else KillSwitch(False)

    def set_kill_switch(self, engaged: bool, reason: str, by: str) -> KillSwitch:
        state = KillSwitch(engaged, reason, by, _now())
        with self._conn() as conn:
            conn.execute("INSERT INTO settings (key, value) VALUES ('kill_switch', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (json.dumps(state.__dict__),))
        return state

    # -- consent ---------------------------------------------------------------------------------
    def record_consent(self, key_id: str) -> str:
        consent_id = secrets.token_hex(12)
        with self._conn() as conn:
            conn.execute("INSERT INTO consents (id, created, key_id) VALUES (?, ?, ?)", (consent_id, _now(), key_id))
        return consent_id

    def has_consent(self, consent_id: str) -> bool:
        return self._conn().execute("SELECT 1 FROM consents WHERE id = ?", (consent_id,)).fetchone() is not None
