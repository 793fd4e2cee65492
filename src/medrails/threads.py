"""Process-wide thread settings that latency-sensitive paths (the guard, retrieval) need."""

from __future__ import annotations

import os

from medrails.errors import MedrailsError

_blas_limited = False


def _blas_threads_setting() -> int:
    raw = os.environ.get("MEDRAILS_BLAS_THREADS", "1")
    try:
        return int(raw)
    except ValueError:
        raise MedrailsError(f"MEDRAILS_BLAS_THREADS={raw!r}: write a whole number of BLAS threads for the guard "
                            "(1, the default; 0 leaves numpy's BLAS threads alone)") from None


# 0 leaves numpy's BLAS threads alone (the library default: one per core)
GUARD_BLAS_THREADS = _blas_threads_setting()


def limit_blas_threads(threads: int | None) -> None:
    """Cap numpy's BLAS threads (process-wide, once; None or 0: leave them alone).

    Every product the guard and retrieval make is small (a head over one 384-d vector, a 32-axis projection
    of one message's token states, one query against the chunk matrix), so a second BLAS thread buys nothing
    there, and it costs: OpenBLAS's idle workers spin for a while after each call, and on a 2-core machine
    they took the core the guard's background encoder runs on. Measured here: input guard p50 24 ms with
    two BLAS threads, 17.5 ms with one (the encoder pass 15 ms -> 8 ms, the PHI rules 10 ms -> 5 ms); a
    10k-chunk retrieval product 36 ms with two threads, 1 ms with one."""
    global _blas_limited
    if not threads or _blas_limited:
        return
    _blas_limited = True
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=threads, user_api="blas")
    except Exception:  # noqa: BLE001 - threadpoolctl missing or an unknown BLAS: keep the library default
        pass
