"""Bad input and upstream faults: clear 4xx/5xx bodies, the server stays up, the audit stays complete."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

CHAT = "/v1/chat/completions"


def ask(text: str, **extra) -> dict:
    return {"model": "medrails", "messages": [{"role": "user", "content": text}], **extra}


def chat_records(server) -> int:
    return server.runtime.audit.count(kind="chat")


@pytest.mark.parametrize(("body", "status", "needle"), [
    (b"{not json", 400, "not valid JSON"),
    (b"[1, 2]", 400, "must be a JSON object"),
    (json.dumps({"model": "medrails", "messages": "hello"}).encode(), 400, "messages"),
    (json.dumps({"model": "medrails", "messages": []}).encode(), 400, "at least 1"),
    (json.dumps(ask("hi", max_tokens="many")).encode(), 400, "max_tokens"),
    (json.dumps(ask("hi", temperature=7)).encode(), 400, "temperature"),
    (json.dumps(ask("hi", n=3)).encode(), 400, "n"),
    (json.dumps({"model": "gpt-4", "messages": [{"role": "user", "content": "hi"}]}).encode(), 404, "not found"),
    (json.dumps({"model": "medrails", "messages": [{"role": "assistant", "content": "hi"}]}).encode(), 400,
     "role 'user'"),
    (json.dumps({"model": "medrails", "messages": [{"role": "user", "content": [
        {"type": "image_url", "image_url": {"url": "http://x"}}]}]}).encode(), 400, "only text"),
    (json.dumps({"model": "medrails", "messages": [{"role": "wizard", "content": "hi"}]}).encode(), 400, "role"),
])
def test_bad_requests_get_clear_openai_style_errors(upstream_server, body, status, needle):
    before = chat_records(upstream_server)
    response = httpx.post(upstream_server.url + CHAT, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status
    error = response.json()["error"]
    assert needle in error["message"] and error["type"]
    assert chat_records(upstream_server) == before  # rejected before the guard: nothing to audit


def test_huge_bodies_are_refused_with_413(upstream_server):
    huge = json.dumps(ask("x" * 200_000)).encode()
    response = httpx.post(upstream_server.url + CHAT, content=huge, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "limit" in response.json()["error"]["message"]

    def chunks():  # no Content-Length: the limit applies while reading
        for _ in range(20):
            yield b"x" * 10_000

    response = httpx.post(upstream_server.url + CHAT, content=chunks())
    assert response.status_code == 413


def test_unknown_routes_and_methods(upstream_server):
    assert httpx.get(upstream_server.url + "/v1/nope").json()["error"]["code"] == "not_found"
    assert httpx.get(upstream_server.url + CHAT).status_code == 405


def _raw_socket(server) -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    return socket.create_connection((host, int(port)), timeout=10)


def test_slow_clients_do_not_block_others(upstream_server):
    # slowloris: many connections that dribble their headers and never finish
    dribblers = []
    for _ in range(30):
        s = _raw_socket(upstream_server)
        s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n")
        dribblers.append(s)
    started = time.perf_counter()
    assert httpx.get(upstream_server.url + "/healthz", timeout=5).status_code == 200
    assert time.perf_counter() - started < 2
    # a slow body: headers promise 100 bytes, then silence -> 408 after body_timeout_s
    slow = _raw_socket(upstream_server)
    slow.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100\r\n\r\n{\"model\":")
    slow.settimeout(15)
    reply = slow.recv(4096).decode()
    assert reply.startswith("HTTP/1.1 408") and "request body not received" in reply
    for s in [*dribblers, slow]:
        s.close()


def test_upstream_faults_map_to_5xx_and_are_audited(upstream_server, fake_upstream):
    cases = [("hang", 504, "upstream_timeout"), ("garbage", 502, "upstream_error"), ("error500", 502, "upstream_error")]
    try:
        for mode, status, code in cases:
            fake_upstream.mode = mode
            before = chat_records(upstream_server)
            response = httpx.post(upstream_server.url + CHAT, json=ask("What is asthma?"), timeout=30)
            assert response.status_code == status, (mode, response.text)
            body = response.json()
            assert body["error"]["code"] == code
            assert body["medrails"]["category"] == "fail_closed" and "healthcare provider" in body["medrails"]["answer"]
            assert chat_records(upstream_server) == before + 1  # the failed request is still on the record
            upstream_server.runtime.breaker.success()  # isolate the cases from the breaker
        # consecutive failures open the circuit: answered at once with 503, the upstream is left alone
        fake_upstream.mode = "error500"
        for _ in range(3):
            httpx.post(upstream_server.url + CHAT, json=ask("What is asthma?"), timeout=30)
        calls = fake_upstream.calls
        response = httpx.post(upstream_server.url + CHAT, json=ask("What is asthma?"), timeout=30)
        assert response.status_code == 503 and response.json()["error"]["code"] == "upstream_circuit_open"
        assert fake_upstream.calls == calls
        assert "medrails_upstream_circuit_open 1.0" in httpx.get(upstream_server.url + "/metrics").text
        # after the reset time one trial goes through and closes the circuit again
        fake_upstream.mode = "ok"
        time.sleep(0.6)
        assert httpx.post(upstream_server.url + CHAT, json=ask("What is asthma?"), timeout=30).status_code == 200
        assert upstream_server.runtime.breaker.state == "closed"
    finally:
        fake_upstream.mode = "ok"
        upstream_server.runtime.breaker.success()


def test_broken_stream_ends_with_a_safe_message(upstream_server, fake_upstream):
    fake_upstream.mode = "badstream"
    try:
        with httpx.stream("POST", upstream_server.url + CHAT, json=ask("What is asthma?", stream=True), timeout=30) as r:
            assert r.status_code == 200
            events = [line[6:] for line in r.iter_lines() if line.startswith("data: ")]
    finally:
        fake_upstream.mode = "ok"
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks)
    final = chunks[-1]["medrails"]
    assert final["category"] == "fail_closed" and final["error"] == "upstream_error"
    assert "healthcare provider" in text
    assert upstream_server.runtime.audit.get(final["audit_id"]) is not None


def test_server_survives_everything_and_the_chain_verifies(upstream_server):
    assert httpx.get(upstream_server.url + "/healthz").status_code == 200
    response = httpx.post(upstream_server.url + CHAT, json=ask("What is high blood pressure?"))
    assert response.status_code == 200
    verify = httpx.get(upstream_server.url + "/v1/audit/verify").json()
    assert verify["ok"] and verify["checked"] >= 1


def test_client_that_leaves_mid_stream_still_leaves_an_audit_record(upstream_server, fake_upstream):
    before = chat_records(upstream_server)
    fake_upstream.delay_s = 0.5
    try:
        with httpx.stream("POST", upstream_server.url + CHAT, json=ask("What is asthma?", stream=True), timeout=30) as r:
            next(r.iter_lines())  # the role chunk, then hang up before the answer
    finally:
        fake_upstream.delay_s = 0.0
    deadline = time.monotonic() + 10
    while chat_records(upstream_server) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert chat_records(upstream_server) == before + 1
    assert httpx.get(upstream_server.url + "/healthz").status_code == 200


def test_kill_switch_mid_stream_ends_it_safely_and_stops_generation(upstream_server, fake_upstream):
    runtime = upstream_server.runtime
    hangups = fake_upstream.hangups
    fake_upstream.mode = "slowstream"
    try:
        with httpx.stream("POST", upstream_server.url + CHAT, json=ask("What is high blood pressure?", stream=True),
                          timeout=30) as r:
            lines = r.iter_lines()
            chunks = []
            for line in lines:
                if line.startswith("data: {"):
                    chunks.append(json.loads(line[6:]))
                    if chunks[-1]["choices"][0]["delta"].get("content"):
                        break  # the first released sentence: now pull the switch
            runtime.state.set_kill_switch(True, "test", "pytest")
            chunks += [json.loads(line[6:]) for line in lines if line.startswith("data: {")]
    finally:
        runtime.state.set_kill_switch(False, "test over", "pytest")
    text = "".join(c["choices"][0]["delta"].get("content", "") for c in chunks if c["choices"])
    assert "paused by an administrator" in text
    assert chunks[-1]["medrails"]["category"] == "kill_switch"
    # the generation was cancelled and the request still left its (fail-closed) audit record
    deadline = time.monotonic() + 10
    record = None
    while record is None and time.monotonic() < deadline:
        for entry in runtime.audit.recent(limit=1, kind="chat"):
            if any("cancelled" in reason for reason in entry.record.get("review_reasons", [])):
                record = entry.record
        time.sleep(0.1)
    assert record is not None and record["category"] == "fail_closed"
    try:
        while fake_upstream.hangups == hangups and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        fake_upstream.mode = "ok"
    assert fake_upstream.hangups == hangups + 1  # the upstream stream was cut, not read to its end
