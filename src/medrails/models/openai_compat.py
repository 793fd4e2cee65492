"""OpenAI-compatible HTTP backend (vLLM, Ollama, llama.cpp server, TGI), streaming included."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import httpx

from medrails.errors import BackendError
from medrails.models.base import GenerationParams, Message

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=120.0, write=30.0, pool=5.0)


class OpenAICompatibleModel:
    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: httpx.Timeout | None = None,
                 max_retries: int = 2):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai:{model}@{self.base_url}"
        self.api_key = api_key or os.environ.get("MEDRAILS_UPSTREAM_API_KEY") or os.environ.get("OPENAI_API_KEY")
        self.timeout = timeout or DEFAULT_TIMEOUT
        self.max_retries = max_retries
        self._client = httpx.Client(timeout=self.timeout)

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return headers

    def _body(self, messages: list[Message], params: GenerationParams, stream: bool) -> dict:
        body = {
            "model": self.model,
            "messages": messages,
            "max_tokens": params.max_new_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "stream": stream,
        }
        if params.seed is not None:
            body["seed"] = params.seed
        if params.stop:
            body["stop"] = list(params.stop)
        return body

    def _url(self) -> str:
        return f"{self.base_url}/chat/completions"

    def _fail(self, exc: Exception) -> BackendError:
        if isinstance(exc, httpx.ConnectError):
            return BackendError(f"cannot reach {self.base_url}: connection refused or host unknown (is the server running?)")
        if isinstance(exc, httpx.TimeoutException):
            return BackendError(f"{self.base_url} did not answer in time ({exc.__class__.__name__})")
        if isinstance(exc, httpx.HTTPStatusError):
            body = exc.response.text[:200]
            return BackendError(f"{self.base_url} answered HTTP {exc.response.status_code}: {body}")
        return BackendError(f"{self.base_url}: {exc.__class__.__name__}: {exc}")

    def generate(self, messages: list[Message], params: GenerationParams) -> str:
        last: Exception | None = None
        for attempt in range(self.max_retries + 1):
            try:
                resp = self._client.post(self._url(), headers=self._headers(), json=self._body(messages, params, False))
                if resp.status_code >= 500 and attempt < self.max_retries:
                    last = httpx.HTTPStatusError("server error", request=resp.request, response=resp)
                    continue
                resp.raise_for_status()
                data = resp.json()
                return data["choices"][0]["message"]["content"] or ""
            except (httpx.ConnectError, httpx.TimeoutException) as exc:
                last = exc
                if attempt >= self.max_retries:
                    break
            except httpx.HTTPStatusError as exc:
                raise self._fail(exc) from None
            except (KeyError, IndexError, TypeError, ValueError) as exc:
                raise BackendError(f"{self.base_url} returned a malformed completion: {exc}") from None
        raise self._fail(last or RuntimeError("unknown error"))

    def stream(self, messages: list[Message], params: GenerationParams) -> Iterator[str]:
        try:
            with self._client.stream(
                "POST", self._url(), headers=self._headers(), json=self._body(messages, params, True)
            ) as resp:
                if resp.status_code >= 400:
                    resp.read()
                    resp.raise_for_status()
                for line in resp.iter_lines():
                    line = line.strip()
                    if not line.startswith("data:"):
                        continue
                    payload = line[5:].strip()
                    if payload == "[DONE]":
                        return
                    try:
                        chunk = json.loads(payload)
                        delta = chunk["choices"][0].get("delta", {}).get("content")
                    except (json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
                        raise BackendError(f"{self.base_url} sent a malformed stream chunk: {exc}") from None
                    if delta:
                        yield delta
        except httpx.HTTPError as exc:
            raise self._fail(exc) from None
