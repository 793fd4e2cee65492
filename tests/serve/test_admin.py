"""Keys and roles, rate limits, the queue bound, the kill switch (persisted), consent."""

from __future__ import annotations

import concurrent.futures
import json
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from medrails.errors import MedrailsError
from medrails.serve.state import ServerState

from .conftest import serve_config, start_server

CHAT = "/v1/chat/completions"
ASK = {"model": "medrails", "messages": [{"role": "user", "content": "What is high blood pressure?"}]}


@pytest.fixture(scope="module")
def keyed(tmp_path_factory, test_policy, fake_upstream):
    tmp = tmp_path_factory.mktemp("keyed")
    state = ServerState(tmp / "serve.db")
    tokens = {role: state.create_key(role)[1] for role in ("user", "reviewer", "admin")}
    config = serve_config(tmp, test_policy, f"openai:{fake_upstream.url}/v1#fake",
                          rate_limit={"per_minute": 60, "burst": 3}, require_consent=True)
    live = start_server(config)
    yield live, tokens, tmp, config
    live.stop()


def consented(live, key: str) -> dict:
    consent = httpx.post(live.url + "/v1/consent", json={"accepted": True}, headers={"Authorization": f"Bearer {key}"})
    assert consent.status_code == 200
    return {"Authorization": f"Bearer {key}", "X-Medrails-Consent": consent.json()["consent_id"]}


def test_keys_are_required_and_checked(keyed):
    live, tokens, tmp, _ = keyed
    missing = httpx.post(live.url + CHAT, json=ASK)
    assert missing.status_code == 401 and "missing API key" in missing.json()["error"]["message"]
    wrong = httpx.post(live.url + CHAT, json=ASK, headers={"Authorization": "Bearer mr-abc-def"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "invalid_api_key"
    assert httpx.post(live.url + CHAT, json=ASK, headers={"Authorization": "Basic xyz"}).status_code == 401
    # secrets are stored only as salted hashes
    dump = "\n".join(sqlite3.connect(str(tmp / "serve.db")).iterdump())
    assert all(token.split("-", 2)[2] not in dump for token in tokens.values())


def test_roles_gate_the_endpoints(keyed):
    live, tokens, _, _ = keyed
    user = {"Authorization": f"Bearer {tokens['user']}"}
    reviewer = {"Authorization": f"Bearer {tokens['reviewer']}"}
    forbidden = httpx.get(live.url + "/v1/review", headers=user)
    assert forbidden.status_code == 403 and "reviewer role" in forbidden.json()["error"]["message"]
    assert httpx.get(live.url + "/v1/review", headers=reviewer).status_code == 200
    assert httpx.get(live.url + "/v1/audit", headers=reviewer).status_code == 200
    assert httpx.post(live.url + "/v1/admin/kill", headers=reviewer).status_code == 403


def test_consent_is_required_when_configured(keyed):
    live, tokens, _, _ = keyed
    no_consent = httpx.post(live.url + CHAT, json=ASK, headers={"Authorization": f"Bearer {tokens['admin']}"})
    assert no_consent.status_code == 428 and "disclaimer" in no_consent.json()["error"]["message"]
    response = httpx.post(live.url + CHAT, json=ASK, headers=consented(live, tokens["admin"]))
    assert response.status_code == 200
    consents = live.runtime.audit.recent(limit=5, kind="consent")
    assert consents and consents[0].record["accepted"] is True


def test_rate_limit_answers_429_with_retry_after(keyed):
    live, tokens, _, _ = keyed
    headers = consented(live, tokens["user"])
    statuses = [httpx.post(live.url + CHAT, json=ASK, headers=headers) for _ in range(5)]
    assert [r.status_code for r in statuses][:3] == [200, 200, 200]
    limited = statuses[-1]
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1
    assert "rate limit" in limited.json()["error"]["message"]


def test_kill_switch_stops_generation_and_survives_a_restart(keyed, test_policy, fake_upstream):
    live, tokens, tmp, config = keyed
    admin = consented(live, tokens["admin"])
    killed = httpx.post(live.url + "/v1/admin/kill", json={"reason": "drill"}, headers=admin)
    assert killed.status_code == 200 and killed.json()["engaged"] is True
    calls = fake_upstream.calls
    refused = httpx.post(live.url + CHAT, json=ASK, headers=admin)
    assert refused.status_code == 503 and refused.json()["error"]["code"] == "kill_switch"
    assert "paused by an administrator" in refused.json()["error"]["message"] and "911" in refused.json()["error"]["message"]
    assert fake_upstream.calls == calls
    # a fresh server process reading the same state starts killed
    restarted = start_server(config.model_copy(update={"require_consent": False}))
    try:
        again = httpx.post(restarted.url + CHAT, json=ASK, headers={"Authorization": f"Bearer {tokens['user']}"})
        assert again.status_code == 503 and again.json()["error"]["code"] == "kill_switch"
        # the CLI flips it on running servers at once
        env_args = ["--state-db", str(tmp / "serve.db"), "--audit-url", config.audit_url]
        out = subprocess.run([sys.executable, "-c", "from medrails.cli import main; main()", "admin", "revive", *env_args],
                             capture_output=True, text=True, check=False)
        assert out.returncode == 0, out.stderr
        ok = httpx.post(restarted.url + CHAT, json=ASK, headers={"Authorization": f"Bearer {tokens['user']}"})
        assert ok.status_code == 200
    finally:
        restarted.stop()
    actions = [e.record["action"] for e in live.runtime.audit.recent(limit=10, kind="admin")]
    assert actions[:2] == ["revive", "kill"]


def test_full_queue_is_turned_away_at_once(tmp_path, test_policy, fake_upstream):
    config = serve_config(tmp_path, test_policy, f"openai:{fake_upstream.url}/v1#fake", workers=1, max_queue=2,
                          rate_limit={"per_minute": 6000, "burst": 100})
    live = start_server(config)
    fake_upstream.delay_s = 1.0
    try:
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda _: httpx.post(live.url + CHAT, json=ASK, timeout=30), range(6)))
        statuses = sorted(r.status_code for r in responses)
        busy = [r for r in responses if r.status_code == 503]
        assert statuses.count(200) >= 2 and busy, statuses
        assert busy[0].json()["error"]["code"] == "queue_full" and busy[0].headers["Retry-After"]
        assert live.runtime.audit.count(kind="chat") == statuses.count(200)
    finally:
        fake_upstream.delay_s = 0.0
        live.stop()


def test_open_mode_only_on_loopback(tmp_path, test_policy):
    from medrails.serve.app import create_app

    config = serve_config(tmp_path, test_policy, "embedded", host="0.0.0.0")
    with pytest.raises(MedrailsError, match="without API keys"):
        create_app(config)


def test_upstream_waits_do_not_hold_a_cpu_slot(tmp_path, test_policy, fake_upstream):
    # one CPU slot, four workers: four requests that each wait 1 s on the upstream overlap their waits
    config = serve_config(tmp_path, test_policy, f"openai:{fake_upstream.url}/v1#fake", workers=4, cpu_slots=1,
                          rate_limit={"per_minute": 6000, "burst": 100})
    live = start_server(config)
    fake_upstream.delay_s = 1.0
    try:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            started = time.perf_counter()
            responses = list(pool.map(lambda _: httpx.post(live.url + CHAT, json=ASK, timeout=30), range(4)))
            elapsed = time.perf_counter() - started
        assert [r.status_code for r in responses] == [200] * 4
        assert elapsed < 3.0, f"upstream waits were serialized ({elapsed:.1f}s for 4 x 1 s)"
    finally:
        fake_upstream.delay_s = 0.0
        live.stop()


class SlowLocalModel:
    """A model generating in process: one piece every 10 ms, 30 s if nobody stops it. `generate`
    must not be used: with a cancel event the server reads a local model piece by piece."""

    name = "slow-local"
    generates_locally = True

    def __init__(self):
        self.pieces = 0
        self.first_piece_after_s = 0.0  # a prefill that takes this long before the first piece

    def generate(self, messages, params) -> str:
        raise AssertionError("with a cancel event the server must stream a local model")

    def stream(self, messages, params):
        time.sleep(self.first_piece_after_s)
        for _ in range(3000):
            time.sleep(0.01)
            self.pieces += 1
            yield "word. "


def _slow_local_server(tmp_path, test_policy, **overrides):
    from medrails.assistant import Assistant
    from medrails.guard import Guard

    model = SlowLocalModel()
    config = serve_config(tmp_path, test_policy, "embedded", **overrides)
    live = start_server(config, assistant=Assistant(model=model, guard=Guard.from_policy(test_policy)))
    live.runtime.assistant.audit = live.runtime.audit
    return model, config, live


def _ask_asthma(live, config, timeout=60):
    return httpx.post(live.url + CHAT, timeout=timeout,
                      json={"model": config.model_id, "messages": [{"role": "user", "content": "What is asthma?"}]})


def _assert_stopped_and_audited_as_cancelled(live, model, why: str) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not live.runtime.audit.recent(limit=5, kind="chat"):
        time.sleep(0.1)
    pieces = model.pieces
    time.sleep(0.5)
    assert model.pieces == pieces < 1000, f"generation went on after {why}"
    records = [e.record for e in live.runtime.audit.recent(limit=5, kind="chat")]
    assert any(any("cancelled" in r for r in rec.get("review_reasons", [])) for rec in records)


def test_kill_switch_stops_a_non_streaming_local_generation(tmp_path, test_policy):
    """A non-streaming answer from a model generating in process stops when the switch is pulled,
    instead of running to its end; the request is answered 503 and still audited."""
    import threading

    model, config, live = _slow_local_server(tmp_path, test_policy)
    try:
        threading.Timer(1.0, live.runtime.state.set_kill_switch, args=(True, "drill", "pytest")).start()
        started = time.monotonic()
        response = _ask_asthma(live, config)
        assert response.status_code == 503 and response.json()["error"]["code"] == "kill_switch"
        assert time.monotonic() - started < 10
        _assert_stopped_and_audited_as_cancelled(live, model, "the switch was pulled")
    finally:
        live.runtime.state.set_kill_switch(False, "drill over", "pytest")
        live.stop()


def test_a_timed_out_local_generation_is_stopped_and_audited(tmp_path, test_policy):
    """After the 504 nobody reads the answer: a model generating in process must stop instead of
    holding a worker and a CPU slot to its end; the request is still audited as cancelled."""
    model, config, live = _slow_local_server(tmp_path, test_policy, request_timeout_s=2)
    try:
        assert _ask_asthma(live, config).status_code == 504
        _assert_stopped_and_audited_as_cancelled(live, model, "the timeout")
    finally:
        live.stop()


def test_an_unreadable_kill_switch_stops_a_local_generation(tmp_path, test_policy):
    """If the switch cannot be read while an answer is generated (state DB gone), the answer is
    stopped and not released, as a switch that cannot be read at the start refuses the request."""
    import threading

    model, config, live = _slow_local_server(tmp_path, test_policy)
    state = live.runtime.state

    def broken():
        raise sqlite3.OperationalError("unable to open database file")

    try:
        threading.Timer(1.0, setattr, args=(state, "kill_switch", broken)).start()
        response = _ask_asthma(live, config)
        assert response.status_code >= 500 and "word." not in response.text
        time.sleep(0.3)
        pieces = model.pieces
        time.sleep(0.5)
        assert model.pieces == pieces < 1000, "generation went on after the switch became unreadable"
    finally:
        state.__dict__.pop("kill_switch", None)
        live.stop()


def test_a_client_that_goes_away_stops_a_non_streaming_local_generation(tmp_path, test_policy):
    model, config, live = _slow_local_server(tmp_path, test_policy)
    try:
        with pytest.raises(httpx.ReadTimeout):
            _ask_asthma(live, config, timeout=httpx.Timeout(5, read=1.5))
        _assert_stopped_and_audited_as_cancelled(live, model, "the client left")
    finally:
        live.stop()


def _stream_asthma(live, config) -> tuple[str, dict, float]:
    """(text, medrails extension of the last chunk, seconds) of a streamed answer, read with plain SSE."""
    started = time.monotonic()
    text, ext = "", {}
    with httpx.stream("POST", live.url + CHAT, timeout=60, json={
            "model": config.model_id, "stream": True, "messages": [{"role": "user", "content": "What is asthma?"}]}) as r:
        assert r.status_code == 200
        for line in r.iter_lines():
            if not line.startswith("data: ") or line == "data: [DONE]":
                continue
            chunk = json.loads(line[6:])
            for choice in chunk.get("choices", []):
                text += choice.get("delta", {}).get("content") or ""
            ext = chunk.get("medrails") or ext
    return text, ext, time.monotonic() - started


def test_a_stream_past_the_request_timeout_is_stopped_with_a_note_and_audited(tmp_path, test_policy):
    """request_timeout_s bounds streams too: the client gets what was already checked and released,
    then a note that the answer was stopped; the model stops and the request is audited."""
    model, config, live = _slow_local_server(tmp_path, test_policy, request_timeout_s=2)
    try:
        text, ext, seconds = _stream_asthma(live, config)
        assert seconds < 10 and "word." in text and text.rstrip().endswith("qualified healthcare provider.")
        assert "took longer than 2s and was stopped" in text
        assert ext["error"] == "timeout" and ext["category"] == "fail_closed"
        _assert_stopped_and_audited_as_cancelled(live, model, "the stream's deadline")
    finally:
        live.stop()


def test_kill_switch_ends_a_stream_while_the_model_is_still_silent(tmp_path, test_policy):
    """A model that has not produced its first token yet (a long prefill, a stalled upstream) must not
    keep a stream open after the switch is pulled: the switch is watched between tokens and while
    waiting for one."""
    import threading

    model, config, live = _slow_local_server(tmp_path, test_policy)
    model.first_piece_after_s = 6.0
    try:
        threading.Timer(0.5, live.runtime.state.set_kill_switch, args=(True, "drill", "pytest")).start()
        text, ext, seconds = _stream_asthma(live, config)
        assert seconds < 4, f"the stream stayed open {seconds:.1f}s after the switch was pulled"
        assert "word." not in text and "paused by an administrator" in text and ext["error"] == "kill_switch"
    finally:
        live.runtime.state.set_kill_switch(False, "drill over", "pytest")
        live.stop()


def test_responses_are_counted_by_route_and_status(tmp_path, test_policy):
    from medrails.assistant import Assistant
    from medrails.guard import Guard

    class Fixed:
        name = "fixed"

        def generate(self, messages, params):
            return "Asthma narrows the airways."

    config = serve_config(tmp_path, test_policy, "embedded")
    live = start_server(config, assistant=Assistant(model=Fixed(), guard=Guard.from_policy(test_policy)))
    try:
        assert httpx.post(live.url + CHAT, json={**ASK, "model": config.model_id}, timeout=60).status_code == 200
        assert httpx.post(live.url + CHAT, json={"model": config.model_id}, timeout=60).status_code == 400
        text = httpx.get(live.url + "/metrics").text
        assert 'medrails_http_responses_total{route="/v1/chat/completions",status="200"} 1.0' in text
        assert 'medrails_http_responses_total{route="/v1/chat/completions",status="400"} 1.0' in text
    finally:
        live.stop()
