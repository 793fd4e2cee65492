"""Server state (API keys, kill switch, consents) in a SQLite file or a PostgreSQL shared by replicas:
two ServerState instances on one database stand for two replicas (separate connections, separate caches)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from medrails.config.loader import ConfigError, load_config
from medrails.errors import MedrailsError
from medrails.serve.config import ServeConfig
from medrails.serve.state import ServerState, state_location


@pytest.fixture(params=["sqlite", "postgres"])
def state_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "serve.db")
    return request.getfixturevalue("postgres_url")


def _open(url: str, cache_s: float | None = None) -> ServerState:
    return ServerState(url, cache_s=cache_s)


def test_two_replicas_share_keys_kill_switch_and_consents(state_url):
    a, b = _open(state_url, cache_s=0), _open(state_url, cache_s=0)
    try:
        assert not a.kill_switch().engaged and not b.has_keys()
        a.set_kill_switch(True, "drill", "ops")
        seen = b.kill_switch()
        assert seen.engaged and seen.reason == "drill" and seen.by == "ops"

        key, token = a.create_key("reviewer", "night shift")
        assert b.has_keys()
        checked = b.check_key(token)
        assert checked is not None and (checked.id, checked.role, checked.name) == (key.id, "reviewer", "night shift")
        assert b.check_key(token[:-1] + ("x" if token[-1] != "x" else "y")) is None  # wrong secret

        b.revoke_key(key.id)
        assert a.check_key(token) is None
        assert [k.revoked for k in a.list_keys()] == [True]
        with pytest.raises(MedrailsError, match="no API key"):
            a.revoke_key("nope")

        consent = a.record_consent(key.id)
        assert b.has_consent(consent) and not b.has_consent("0" * 24)
    finally:
        a.close()
        b.close()

    # a restart (a new process opening the same database) keeps all of it
    again = _open(state_url)
    try:
        assert again.kill_switch().engaged and again.kill_switch().reason == "drill"
        assert [k.id for k in again.list_keys()] == [key.id] and again.check_key(token) is None
        assert again.has_consent(consent)
    finally:
        again.close()


def test_postgres_reads_are_cached_briefly_and_own_writes_seen_at_once(postgres_url):
    replica, other = _open(postgres_url, cache_s=0.5), _open(postgres_url, cache_s=0)
    try:
        assert replica.url == postgres_url and replica.shared and replica.path is None
        key, token = other.create_key("user")
        assert replica.check_key(token) is not None  # a new key works at once: misses are not cached
        assert not replica.kill_switch().engaged  # now cached

        other.set_kill_switch(True, "drill", "ops")
        other.revoke_key(key.id)
        started = time.monotonic()
        while not replica.kill_switch().engaged:
            assert time.monotonic() - started < 2.0, "another replica's kill switch not seen within the cache time"
            time.sleep(0.02)
        assert replica.check_key(token) is None  # the revocation arrives with the same refresh
        assert time.monotonic() - started <= 0.5 + 0.2

        replica.set_kill_switch(False, "over", "ops")  # this replica's own change: no wait at all
        assert not replica.kill_switch().engaged
    finally:
        replica.close()
        other.close()


def test_sqlite_state_is_read_every_time(tmp_path):
    a, b = _open(str(tmp_path / "serve.db")), _open(tmp_path / "serve.db")
    assert not a.shared and a.path == tmp_path / "serve.db"
    assert not a.kill_switch().engaged
    b.set_kill_switch(True, "drill", "ops")
    assert a.kill_switch().engaged  # no cache for a local file: same behaviour as before PostgreSQL


def test_replicas_starting_at_once_on_an_empty_postgres(postgres_url):
    errors: list[BaseException] = []
    states: list[ServerState] = []
    barrier = threading.Barrier(6)

    def start() -> None:
        barrier.wait()
        try:
            states.append(ServerState(postgres_url))
        except BaseException as exc:  # collected: every replica must start
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    states[0].create_key("admin")
    assert all(s.has_keys() for s in states[1:])
    for s in states:
        s.close()


def test_lost_postgres_connection_is_replaced(postgres_url):
    import psycopg

    state = _open(postgres_url, cache_s=0)
    try:
        _, token = state.create_key("user")
        # as after a PostgreSQL restart or failover: every connection of this database is cut
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            cut = admin.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()[0]
        assert cut >= 1
        assert state.check_key(token) is not None
        state.set_kill_switch(True, "after failover", "ops")
        assert state.kill_switch().engaged
    finally:
        state.close()


def test_unreachable_postgres_fails_with_a_state_message():
    with pytest.raises(MedrailsError, match="server state database") as err:
        ServerState("postgresql://medrails:s3cret@127.0.0.1:1/nowhere?connect_timeout=2")
    assert "s3cret" not in str(err.value)


def test_an_existing_serve_db_keeps_working(tmp_path):
    """A serve.db written before the state could live in PostgreSQL (same tables, rows written directly)."""
    path = tmp_path / "serve.db"
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE api_keys (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, salt TEXT NOT NULL, "
                 "hash TEXT NOT NULL, created TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)")
    conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    digest = hashlib.sha256(b"salt1:secret1").hexdigest()
    conn.execute("INSERT INTO api_keys VALUES ('abc123', 'old', 'admin', 'salt1', ?, '2026-01-01T00:00:00Z', 0)", (digest,))
    conn.execute("""INSERT INTO settings VALUES ('kill_switch', '{"engaged": true, "reason": "old", "by": "x", "since": ""}')""")
    conn.commit()
    conn.close()
    state = ServerState(path)
    key = state.check_key("mr-abc123-secret1")
    assert key is not None and key.role == "admin"
    assert state.kill_switch().engaged
    assert state.has_consent(state.record_consent(key.id))  # the table it lacked is created


def test_state_location_follows_a_postgres_audit_url(tmp_path, monkeypatch):
    pg = "postgresql://medrails@db.internal/medrails"
    monkeypatch.delenv("MEDRAILS_STATE_URL", raising=False)
    monkeypatch.delenv("MEDRAILS_AUDIT_URL", raising=False)
    assert state_location() is None  # $MEDRAILS_HOME/serve.db, as before
    assert state_location(audit_url=f"sqlite:///{tmp_path / 'audit.db'}") is None
    assert state_location(audit_url=pg) == pg  # replicas share it with no extra setting
    assert state_location(state_db="/x/serve.db", audit_url=pg) == "/x/serve.db"  # an explicit setting wins
    assert state_location(state_url="sqlite:///y.db", audit_url=pg) == "sqlite:///y.db"
    with pytest.raises(MedrailsError, match="not both"):
        state_location(state_url="a.db", state_db="b.db")
    monkeypatch.setenv("MEDRAILS_AUDIT_URL", pg)
    assert state_location() == pg
    monkeypatch.setenv("MEDRAILS_STATE_URL", "/z/serve.db")
    assert state_location() == "/z/serve.db"


def test_config_rejects_both_state_settings(tmp_path):
    with pytest.raises(ConfigError, match="state_url or state_db"):
        load_config(ServeConfig, None, ["state_url=a.db", "state_db=b.db"])
    with pytest.raises(ConfigError, match="state_cache_s"):
        load_config(ServeConfig, None, ["state_cache_s=-1"])


def _cli(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from medrails.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_admin_cli_acts_on_the_shared_postgres_state(tmp_path, postgres_url):
    """`medrails admin` finds the state as the server does: from the PostgreSQL audit URL (env or
    --config), with no state setting of its own."""
    from medrails.audit import open_audit_store

    env = {**os.environ, "MEDRAILS_HOME": str(tmp_path / "home"), "MEDRAILS_AUDIT_URL": postgres_url}
    env.pop("MEDRAILS_STATE_URL", None)
    replica = ServerState(postgres_url, cache_s=0)  # what a running server holds
    try:
        killed = _cli("admin", "kill", "--reason", "drill", env=env)
        assert killed.returncode == 0, killed.stderr
        assert "ENGAGED" in killed.stdout and postgres_url in killed.stdout
        assert replica.kill_switch().engaged and replica.kill_switch().reason == "drill"

        config = tmp_path / "serve.yaml"
        config.write_text(f"audit_url: {postgres_url}\n")
        env_no_url = {k: v for k, v in env.items() if k != "MEDRAILS_AUDIT_URL"}
        created = _cli("admin", "keys", "create", "--role", "admin", "--config", str(config), env=env_no_url)
        assert created.returncode == 0, created.stderr
        token = created.stdout.strip().splitlines()[-1]
        assert replica.check_key(token) is not None

        status = _cli("admin", "status", "--config", str(config), env=env_no_url)
        assert status.returncode == 0, status.stderr
        assert "shared by replicas" in status.stdout and "ENGAGED" in status.stdout and "active API keys: 1" in status.stdout
        assert not (tmp_path / "home" / "serve.db").exists()  # nothing went to a per-machine file
    finally:
        replica.close()
    store = open_audit_store(postgres_url)
    try:
        assert [e.record["action"] for e in store.recent(limit=5, kind="admin")] == ["key_create", "kill"]
    finally:
        store.close()
