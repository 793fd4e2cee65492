"""Generation off the event loop: a thread pool behind a bounded admission counter.

A CPU model would block the event loop for seconds per answer, so every ask/stream runs in a
worker thread. At most `max_queue` requests are admitted at once (running + waiting); the next
one is turned away at once (503/429 with Retry-After) instead of piling up.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
_DONE = object()


class PoolFull(Exception):
    """No admission slot left."""


class CpuGate:
    """At most `slots` workers do CPU work (guard stages, local generation) at once.

    With an upstream model most of a request is waiting on the network; a worker lets go of its
    slot while it waits (`released()`, used by the upstream wrapper), so many requests can wait at
    once while the CPU-bound guard work of only a few competes for the cores and the GIL."""

    def __init__(self, slots: int):
        self.slots = max(1, slots)
        self._sem = threading.BoundedSemaphore(self.slots)
        self._local = threading.local()

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self._sem.acquire()
        self._local.held = True
        try:
            yield
        finally:
            if self._local.held:
                self._local.held = False
                self._sem.release()

    @contextlib.contextmanager
    def released(self, reacquire: bool = True) -> Iterator[None]:
        """Let go of this worker's slot while waiting; `reacquire=False` when what follows the
        wait needs no CPU slot (the audit write that ends a request)."""
        if not getattr(self._local, "held", False):
            yield
            return
        self._local.held = False
        self._sem.release()
        try:
            yield
        finally:
            if reacquire:
                self._sem.acquire()
                self._local.held = True


class GenerationPool:
    def __init__(self, workers: int, max_queue: int, gate: CpuGate | None = None):
        self.workers = workers
        self.gate = gate or CpuGate(workers)
        self.max_queue = max(max_queue, workers)
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="medrails-gen")
        self._lock = threading.Lock()
        self.admitted = 0
        self.running = 0

    @property
    def queue_depth(self) -> int:
        """Admitted requests waiting for a worker."""
        return max(0, self.admitted - self.running)

    def _admit(self) -> None:
        with self._lock:
            if self.admitted >= self.max_queue:
                raise PoolFull(f"server busy: {self.admitted} requests in progress (limit {self.max_queue})")
            self.admitted += 1

    def _release(self) -> None:
        with self._lock:
            self.admitted -= 1

    def _tracked(self, fn: Callable[[], T]) -> Callable[[], T]:
        def run() -> T:
            with self._lock:
                self.running += 1
            try:
                with self.gate.held():
                    return fn()
            finally:
                with self._lock:
                    self.running -= 1
        return run

    async def call(self, fn: Callable[[], T], timeout_s: float) -> T:
        """Run fn in a worker; raises PoolFull at once when full, TimeoutError after timeout_s."""
        self._admit()
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.executor, self._tracked(fn))
        future.add_done_callback(lambda _f: self._release())
        return await asyncio.wait_for(asyncio.shield(future), timeout_s)

    def stream(self, make_iter: Callable[[], Iterator[Any]]) -> AsyncIterator[Any]:
        """Admit now (raises PoolFull), then run the iterator in a worker and hand items to the loop.

        The worker always runs the iterator to its end, even if the client goes away, so the
        assistant still writes its audit record for that request (the caller's cancel event makes
        that end come quickly)."""
        self._admit()
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()

        def put(item: Any) -> None:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:  # the event loop is gone (server shutting down): nobody is listening
                pass

        def produce() -> None:
            try:
                for item in make_iter():
                    put(item)
            except BaseException as exc:  # handed to the consumer
                put(_Failure(exc))
            finally:
                put(_DONE)

        future = loop.run_in_executor(self.executor, self._tracked(produce))
        future.add_done_callback(lambda _f: self._release())

        async def consume() -> AsyncIterator[Any]:
            while True:
                item = await queue.get()
                if item is _DONE:
                    return
                if isinstance(item, _Failure):
                    raise item.exc
                yield item

        return consume()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)


class _Failure:
    def __init__(self, exc: BaseException):
        self.exc = exc
