"""The OpenAI-compatible backend against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from medrails.errors import BackendError
from medrails.models import GenerationParams
from medrails.models.openai_compat import OpenAICompatibleModel

MESSAGES = [{"role": "user", "content": "What is asthma?"}]


class Upstream(BaseHTTPRequestHandler):
    mode = "ok"
    seen: list[dict] = []

    def log_message(self, *args):  # keep test output clean
        pass

    def do_POST(self):
        try:
            self._answer()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout tests): nothing to answer

    def _answer(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Upstream.seen.append({"body": body, "auth": self.headers.get("Authorization")})
        if Upstream.mode == "hang":
            time.sleep(3)
        if Upstream.mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
            return
        if Upstream.mode == "garbage":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"not": "a completion"}')
            return
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in ["Asthma ", "is a ", "lung condition."]:
                chunk = {"choices": [{"index": 0, "delta": {"content": piece}}]}
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            return
        reply = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Asthma is a lung condition."}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture()
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Upstream.mode, Upstream.seen = "ok", []
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_generate_sends_settings_and_returns_text(upstream):
    model = OpenAICompatibleModel(upstream, "m", api_key="secret")
    out = model.generate(MESSAGES, GenerationParams(max_new_tokens=17, seed=3, stop=("\n\n",)))
    assert out == "Asthma is a lung condition."
    sent = Upstream.seen[0]
    assert sent["auth"] == "Bearer secret"
    assert sent["body"]["max_tokens"] == 17 and sent["body"]["seed"] == 3 and sent["body"]["stop"] == ["\n\n"]


def test_stream_yields_deltas(upstream):
    model = OpenAICompatibleModel(upstream, "m")
    assert list(model.stream(MESSAGES, GenerationParams())) == ["Asthma ", "is a ", "lung condition."]


def test_unreachable_server_is_a_clear_backend_error():
    model = OpenAICompatibleModel("http://127.0.0.1:9/v1", "m", max_retries=0)
    with pytest.raises(BackendError, match="cannot reach"):
        model.generate(MESSAGES, GenerationParams())


def test_hanging_server_times_out(upstream):
    Upstream.mode = "hang"
    model = OpenAICompatibleModel(upstream, "m", timeout=httpx.Timeout(0.5), max_retries=0)
    with pytest.raises(BackendError, match="did not answer in time"):
        model.generate(MESSAGES, GenerationParams())


def test_server_errors_are_retried_then_reported(upstream):
    Upstream.mode = "500"
    model = OpenAICompatibleModel(upstream, "m", max_retries=2)
    with pytest.raises(BackendError, match="HTTP 500"):
        model.generate(MESSAGES, GenerationParams())
    assert len(Upstream.seen) == 3


def test_garbage_reply_is_reported(upstream):
    Upstream.mode = "garbage"
    with pytest.raises(BackendError, match="malformed completion"):
        OpenAICompatibleModel(upstream, "m").generate(MESSAGES, GenerationParams())
