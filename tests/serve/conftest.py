"""Real servers on 127.0.0.1 random ports: the medrails app under uvicorn and a fake OpenAI upstream."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import uvicorn
import yaml

from medrails.guard.stage import register_stage
from medrails.guard.types import GuardContext, StageResult


# -- deterministic routing for tests (the real triage/risk stages are tested by the guard) --------------
@register_stage("test_triage")
class KeywordTriage:
    """Input stage: 'chest pain' -> emergency, 'my dose' -> refuse R3, 'explode' -> stage error (fail closed)."""

    name = "test_triage"
    phase = "input"

    def run(self, ctx: GuardContext) -> StageResult:
        text = ctx.text.lower()
        if "explode" in text:
            raise RuntimeError("test stage failure")
        if "chest pain" in text:
            return StageResult(name=self.name, action="block", score=0.99, decision="emergency", category="cardiac")
        if "my dose" in text:
            return StageResult(name=self.name, action="block", score=0.9, decision="refuse", category="R3")
        return StageResult(name=self.name)


@register_stage("test_dose_validator")
class DoseValidator:
    """Output stage: an answer naming a milligram dose is flagged for review."""

    name = "test_dose_validator"
    phase = "output"

    def run(self, ctx: GuardContext) -> StageResult:
        if " mg" in ctx.output:
            ctx.review_reasons.append("test_dose_validator: answer mentions a dose")
            return StageResult(name=self.name, action="flag", score=0.8)
        return StageResult(name=self.name)


@pytest.fixture(scope="session")
def test_policy(tmp_path_factory) -> Path:
    """The shipped patient-education policy with PHI redaction and the test stages above."""
    from medrails.guard.policy import load_policy

    data = load_policy("patient-education").model_dump()
    data["name"] = "patient-education-test"
    data["input_stages"] = [{"name": "phi_redaction"}, {"name": "input_validation"}, {"name": "test_triage"}]
    data["output_stages"] = [{"name": "output_phi"}, {"name": "test_dose_validator"}]
    data["stage_timeout_ms"] = 20000  # Presidio's first call on a busy CI machine
    path = tmp_path_factory.mktemp("policy") / "policy.yaml"
    path.write_text("# medrails serve --set assistant.policy=<this file>  (test policy)\n" + yaml.safe_dump(data))
    return path


@pytest.fixture()
def phi_policy(tmp_path):
    """The shipped patient-education policy with only the PHI stages (real Presidio), for server processes."""
    from medrails.guard.policy import load_policy

    data = load_policy("patient-education").model_dump()
    data["input_stages"] = [{"name": "phi_redaction"}, {"name": "input_validation"}]
    data["output_stages"] = [{"name": "output_phi"}]
    data["stage_timeout_ms"] = 20000
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


# -- fake OpenAI-compatible upstream ---------------------------------------------------------------------
ANSWERS = {
    "dosing": "Adults often take 500 mg of it. Your pharmacist can tell you more.",
    "default": "High blood pressure means the force of blood on artery walls is too high. It often has no "
               "symptoms. Regular checks help find it early.",
}


class FakeUpstream:
    """mode: ok | hang | garbage | error500 | badstream | slowstream. Counts calls."""

    def __init__(self) -> None:
        self.mode = "ok"
        self.calls = 0
        self.delay_s = 0.0
        self.hangups = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._send(200, json.dumps({"data": [{"id": "fake"}]}).encode())

            def do_POST(self):
                outer.calls += 1
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                question = body["messages"][-1]["content"].lower()
                answer = ANSWERS["dosing"] if "dosing" in question else ANSWERS["default"]
                if outer.delay_s:
                    time.sleep(outer.delay_s)
                if outer.mode == "hang":
                    time.sleep(30)
                    return
                if outer.mode == "garbage":
                    return self._send(200, b"<html>not json at all")
                if outer.mode == "error500":
                    return self._send(500, b'{"error": "upstream exploded"}')
                if not body.get("stream"):
                    return self._send(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": answer}}]}).encode())
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                words = answer.split(" ")
                for i, word in enumerate(words):
                    if outer.mode == "badstream" and i == 3:
                        self.wfile.write(b"data: {broken json\n\n")
                        break
                    piece = word if i == 0 else " " + word
                    chunk = {"choices": [{"delta": {"content": piece}}]}
                    try:
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    except OSError:  # the gateway hung up (cancelled generation)
                        outer.hangups += 1
                        return
                    if outer.mode == "slowstream":
                        time.sleep(0.15)
                self.wfile.write(b"data: [DONE]\n\n")
                self.close_connection = True

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def fake_upstream():
    upstream = FakeUpstream()
    yield upstream
    upstream.close()


# -- the medrails server under real uvicorn ----------------------------------------------------------------
@dataclass
class LiveServer:
    url: str
    app: object
    server: uvicorn.Server
    thread: threading.Thread

    @property
    def runtime(self):
        return self.app.state.runtime

    def client(self, key: str | None = None, timeout: float = 60.0) -> httpx.Client:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=timeout)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_server(config, assistant=None, ready_timeout: float = 120.0) -> LiveServer:
    from medrails.serve.app import create_app

    app = create_app(config, assistant)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(512)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", limit_concurrency=config.max_connections,
                                           timeout_keep_alive=5))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    live = LiveServer(f"http://127.0.0.1:{sock.getsockname()[1]}", app, server, thread)
    deadline = time.monotonic() + ready_timeout
    while time.monotonic() < deadline:
        try:
            response = httpx.get(live.url + "/readyz", timeout=2)
            if response.status_code == 200:
                return live
            if response.json().get("load_error"):
                raise RuntimeError(response.json()["load_error"])
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    live.stop()
    raise RuntimeError("server did not become ready")


def serve_config(tmp_path: Path, policy: Path, model: str, **overrides):
    from medrails.serve.config import ServeConfig

    data = {"port": 0, "assistant": {"model": model, "kb": None, "policy": str(policy), "max_new_tokens": 24},
            "audit_url": f"sqlite:///{tmp_path / 'audit.db'}", "state_db": str(tmp_path / "serve.db"),
            "workers": 4, "request_timeout_s": 30}
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return ServeConfig.model_validate(data)


@pytest.fixture(scope="module")
def upstream_server(tmp_path_factory, test_policy, fake_upstream):
    """medrails in front of the fake upstream, open mode (no keys)."""
    tmp = tmp_path_factory.mktemp("upstream-server")
    config = serve_config(tmp, test_policy, f"openai:{fake_upstream.url}/v1#fake",
                          upstream={"read_timeout_s": 1.5, "max_retries": 0, "breaker_failures": 3,
                                    "breaker_reset_s": 0.5},
                          rate_limit={"per_minute": 100000, "burst": 1000}, body_timeout_s=1.5)
    live = start_server(config)
    yield live
    live.stop()
