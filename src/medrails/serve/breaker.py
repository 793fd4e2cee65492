"""A circuit breaker around an upstream model: after N consecutive failures stop calling it for a while."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

from medrails.errors import BackendError
from medrails.models.base import ChatModel, GenerationParams, Message

CIRCUIT_OPEN = "upstream circuit open"
_END = object()


class CircuitBreaker:
    """closed -> (N failures) -> open -> (reset_s) -> half-open: one trial; success closes, failure re-opens."""

    def __init__(self, failures: int, reset_s: float):
        self.threshold = failures
        self.reset_s = reset_s
        self.failures = 0
        self.opened_at: float | None = None
        self._trial_running = False
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        with self._lock:
            if self.opened_at is None:
                return "closed"
            return "half_open" if time.monotonic() - self.opened_at >= self.reset_s else "open"

    def before_call(self) -> None:
        with self._lock:
            if self.opened_at is None:
                return
            waited = time.monotonic() - self.opened_at
            if waited < self.reset_s or self._trial_running:
                retry = max(0.0, self.reset_s - waited)
                raise BackendError(f"{CIRCUIT_OPEN} after {self.failures} consecutive failures; "
                                   f"next try in {retry:.0f}s")
            self._trial_running = True

    def success(self) -> None:
        with self._lock:
            self.failures, self.opened_at, self._trial_running = 0, None, False

    def failure(self) -> None:
        with self._lock:
            self.failures += 1
            self._trial_running = False
            if self.failures >= self.threshold:
                self.opened_at = time.monotonic()


class BreakerModel:
    """A ChatModel whose calls pass through a CircuitBreaker; while it waits on the upstream it
    lets go of its CPU slot (`gate.released()`), so network waits do not hold up guard work."""

    def __init__(self, model: ChatModel, breaker: CircuitBreaker, gate=None):
        self.inner = model
        self.breaker = breaker
        self.gate = gate
        self.name = model.name

    def _waiting(self):
        return self.gate.released() if self.gate is not None else contextlib.nullcontext()

    def generate(self, messages: list[Message], params: GenerationParams) -> str:
        self.breaker.before_call()
        try:
            with self._waiting():
                text = self.inner.generate(messages, params)
        except BackendError:
            self.breaker.failure()
            raise
        self.breaker.success()
        return text

    def stream(self, messages: list[Message], params: GenerationParams) -> Iterator[str]:
        self.breaker.before_call()
        pieces = self.inner.stream(messages, params)
        try:
            while True:
                with self._waiting():
                    piece = next(pieces, _END)
                if piece is _END:
                    break
                yield piece
        except GeneratorExit:
            pieces.close()  # the consumer stopped early; the upstream itself was fine
            self.breaker.success()
            raise
        except BackendError:
            self.breaker.failure()
            raise
        self.breaker.success()
