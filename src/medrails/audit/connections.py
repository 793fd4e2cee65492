"""One database connection per thread, replaced when it dies, for the audit store and the server
state (both SQLite or PostgreSQL through a `Dialect`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Stale(Exception):
    """The connection died before the commit; the transaction is run again on a new one."""


class ThreadConnections:
    """Per-thread connections of one dialect. `label` names the database in log lines;
    `on_connect_error` may turn a connection error into a better one (re-raised as returned)."""

    def __init__(self, dialect, url: str, label: str,
                 on_connect_error: Callable[[Exception], Exception] | None = None):
        self.dialect = dialect
        self.url = url
        self.label = label
        self.on_connect_error = on_connect_error
        self._local = threading.local()
        self._conns: list[Any] = []  # every thread's connection, so close() closes them all
        self._lock = threading.Lock()

    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is not None and not self.dialect.usable(conn):
            # e.g. PostgreSQL restarted or failed over: this request gets a fresh connection
            log.warning("%s connection to %s was lost; reconnecting", self.label, self.url)
            self._forget(conn)
            conn = None
        if conn is None:
            try:
                conn = self.dialect.connect()
            except Exception as exc:
                if self.on_connect_error is None:
                    raise
                raise self.on_connect_error(exc) from None
            self._local.conn = conn
            with self._lock:
                self._conns.append(conn)
        return conn

    def _forget(self, conn) -> None:
        with self._lock:
            if conn in self._conns:
                self._conns.remove(conn)
        try:
            conn.close()
        except Exception:  # already broken; nothing left to release
            pass
        self._local.conn = None

    def run(self, body: Callable[[Any], T], write: bool = True, snapshot: bool = False) -> T:
        """body(cursor) in one transaction, committed before this returns. A connection found dead
        before the commit (the database restarted since this thread last used it) is replaced and
        body runs once more: nothing of the first try was committed, so nothing is applied twice."""
        for attempt in (1, 2):
            conn = self.conn()
            try:
                with self.dialect.transaction(conn, write=write, snapshot=snapshot) as cur:
                    try:
                        return body(cur)
                    except Exception as exc:
                        if attempt == 1 and self.dialect.lost(conn, exc):
                            raise _Stale from exc
                        raise
            except _Stale as stale:
                log.warning("%s connection to %s was lost (%s); retrying on a new one",
                            self.label, self.url, stale.__cause__)
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the connections of every thread (call when no thread uses them any more)."""
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            try:
                conn.close()
            except Exception:
                pass
        self._local = threading.local()
