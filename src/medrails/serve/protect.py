"""Protection in front of the routes: API keys with roles, per-key rate limits, body size and time limits."""

from __future__ import annotations

import asyncio
import json
import math
import threading
import time
from dataclasses import dataclass

from medrails.serve.openai_api import ApiError
from medrails.serve.state import ServerState, role_allows


@dataclass
class Principal:
    key_id: str
    name: str
    role: str


OPEN_PRINCIPAL = Principal("open", "local (no keys configured)", "admin")


def authenticate(state: ServerState, open_mode: bool, authorization: str | None, api_key_header: str | None) -> Principal:
    if open_mode:
        return OPEN_PRINCIPAL
    token = api_key_header or ""
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise ApiError(401, "Authorization header must be 'Bearer <api key>'", "authentication_error",
                           "invalid_api_key", headers={"WWW-Authenticate": "Bearer"})
        token = value.strip()
    if not token:
        raise ApiError(401, "missing API key: send 'Authorization: Bearer <key>' (create one with "
                       "`medrails admin keys create --role user`)", "authentication_error", "missing_api_key",
                       headers={"WWW-Authenticate": "Bearer"})
    key = state.check_key(token)
    if key is None:
        raise ApiError(401, "invalid or revoked API key", "authentication_error", "invalid_api_key",
                       headers={"WWW-Authenticate": "Bearer"})
    return Principal(key.id, key.name, key.role)


def require_role(principal: Principal, role: str) -> None:
    if not role_allows(principal.role, role):
        raise ApiError(403, f"this endpoint needs the {role} role; your key has role {principal.role}",
                       "permission_error", "insufficient_role")


class RateLimiter:
    """A token bucket per key: `burst` requests at once, refilled at `per_minute`."""

    def __init__(self, per_minute: float, burst: int):
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> None:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1.0:
                retry = math.ceil((1.0 - tokens) / self.rate)
                self._buckets[key] = (tokens, now)
                raise ApiError(429, f"rate limit exceeded for this key: {self.rate * 60:.0f} requests per minute, "
                               f"burst {self.burst:.0f}; retry in {retry}s", "rate_limit_error", "rate_limit_exceeded",
                               headers={"Retry-After": str(retry)})
            self._buckets[key] = (tokens - 1.0, now)


class BodyLimitMiddleware:
    """Reads the whole request body first, within a size and a time limit, then replays it.

    Content-Length over the limit -> 413 before reading; a body that grows past it -> 413; a
    client that dribbles its body slower than `timeout_s` -> 408. Bodies here are small JSON."""

    def __init__(self, app, max_bytes: int, timeout_s: float, on_reject=None):
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s
        self.on_reject = on_reject or (lambda reason: None)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return await self._reject(send, 400, "invalid Content-Length header", "invalid_request")
            if declared > self.max_bytes:
                return await self._reject(send, 413, f"request body is {declared} bytes; the limit is {self.max_bytes}",
                                          "request_too_large")
        chunks: list[bytes] = []
        size = 0
        deadline = time.monotonic() + self.timeout_s
        more = True
        while more:
            remaining = deadline - time.monotonic()
            try:
                message = await asyncio.wait_for(receive(), max(remaining, 0.001))
            except TimeoutError:
                return await self._reject(send, 408, f"request body not received within {self.timeout_s:.0f}s",
                                          "request_timeout")
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._reject(send, 413, f"request body exceeds the limit of {self.max_bytes} bytes",
                                          "request_too_large")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _reject(self, send, status: int, message: str, code: str) -> None:
        self.on_reject(code)
        payload = json.dumps({"error": {"message": message, "type": "invalid_request_error", "param": None,
                                        "code": code}}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": payload})
