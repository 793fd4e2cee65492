"""The audit tests run against both backends: SQLite (the default) and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class Backend:
    """One audit database as the store sees it (url) and as someone with direct SQL access sees it."""

    name: str
    url: str
    sqlite_path: Path | None = None

    def _connect(self):
        if self.sqlite_path is not None:
            return sqlite3.connect(str(self.sqlite_path), isolation_level=None)
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    def sql(self, statement: str, params: tuple = ()) -> None:
        """Run one statement as an ordinary client (the append-only triggers apply)."""
        conn = self._connect()
        try:
            conn.execute(self._q(statement), params)
        finally:
            conn.close()

    def tamper(self, *statements: str | tuple[str, tuple]) -> None:
        """What an attacker with write access to the database does: drop the append-only triggers
        and change rows directly (each statement is SQL or (SQL, params), with ? placeholders)."""
        conn = self._connect()
        try:
            if self.sqlite_path is not None:
                conn.execute("DROP TRIGGER IF EXISTS audit_records_no_update")
                conn.execute("DROP TRIGGER IF EXISTS audit_records_no_delete")
            else:
                conn.execute("DROP TRIGGER IF EXISTS audit_records_append_only ON audit_records")
            for statement in statements:
                sql, params = statement if isinstance(statement, tuple) else (statement, ())
                conn.execute(self._q(sql), params)
        finally:
            conn.close()

    def dump(self) -> str:
        """Every value in every table, as text (to search for leaked PHI)."""
        conn = self._connect()
        try:
            if self.sqlite_path is not None:
                return "\n".join(conn.iterdump())
            rows = []
            for table in ("audit_records", "audit_head", "review_items"):
                rows += [repr(row) for row in conn.execute(f"SELECT * FROM {table}").fetchall()]
            return "\n".join(rows)
        finally:
            conn.close()

    @property
    def error(self) -> type[Exception]:
        """The driver error a refused statement raises."""
        if self.sqlite_path is not None:
            return sqlite3.IntegrityError
        import psycopg

        return psycopg.Error

    def _q(self, sql: str) -> str:
        return sql if self.sqlite_path is not None else sql.replace("?", "%s")


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request, tmp_path) -> Backend:
    if request.param == "sqlite":
        path = tmp_path / "audit.db"
        return Backend("sqlite", f"sqlite:///{path}", sqlite_path=path)
    return Backend("postgres", request.getfixturevalue("postgres_url"))
