"""`medrails serve` as a real process: local model generation off the event loop; kill -9 under load loses
no acknowledged audit record and the chain still verifies after a restart."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time

import httpx
import openai
import yaml

from medrails.audit import open_audit_store

from .conftest import serve_config, start_server

CHAT = "/v1/chat/completions"


def test_local_model_streams_without_blocking_the_event_loop(tmp_path, test_policy, tiny_model_dir):
    config = serve_config(tmp_path, test_policy, str(tiny_model_dir), workers=1,
                          assistant={"max_new_tokens": 48}, rate_limit={"per_minute": 6000, "burst": 100})
    live = start_server(config)
    try:
        client = openai.OpenAI(base_url=live.url + "/v1", api_key="x", max_retries=0)
        results: list[str] = []

        def run_stream():
            stream = client.chat.completions.create(model="medrails", stream=True,
                                                    messages=[{"role": "user", "content": "What is asthma?"}])
            text, ext = "", None
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    text += chunk.choices[0].delta.content
                ext = chunk.model_extra.get("medrails") or ext
            results.append(ext["decision"] if ext else "none")

        workers = [threading.Thread(target=run_stream) for _ in range(2)]
        for w in workers:
            w.start()
        slowest = 0.0
        while any(w.is_alive() for w in workers):
            started = time.perf_counter()
            assert httpx.get(live.url + "/healthz", timeout=5).status_code == 200
            slowest = max(slowest, time.perf_counter() - started)
            time.sleep(0.05)
        for w in workers:
            w.join()
        assert results == ["answer", "answer"] or all(r in ("answer", "refuse") for r in results), results
        assert slowest < 1.0, f"the event loop stalled for {slowest:.2f}s during generation"
        assert live.runtime.audit.count(kind="chat") == 2
    finally:
        live.stop()


def _spawn(args: list[str], env: dict) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-c", "from medrails.cli import main; main()", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    url = None
    deadline = time.monotonic() + 120
    while url is None and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"server exited early with {proc.wait()}")
        match = re.search(r"web UI:\s+(http://\S+?)/\s", line)
        if match:
            url = match.group(1)
    threading.Thread(target=proc.stdout.read, daemon=True).start()  # keep draining its output
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not become ready")


def test_kill_9_under_load_loses_no_acknowledged_record(tmp_path, tiny_model_dir, phi_policy):
    audit_url = f"sqlite:///{tmp_path / 'audit.db'}"
    args = ["--port", "0", "--model", str(tiny_model_dir), "--kb", "none", "--policy", str(phi_policy),
            "--workers", "2", "--set", "assistant.max_new_tokens=6", "--set", f"audit_url={audit_url}",
            "--set", f"state_db={tmp_path / 'serve.db'}", "--set", "rate_limit.per_minute=100000",
            "--set", "rate_limit.burst=10000"]
    env = {**os.environ, "MEDRAILS_HOME": str(tmp_path / "home")}
    proc, url = _spawn(args, env)
    acknowledged: list[str] = []
    stop = threading.Event()

    def load():
        with httpx.Client(base_url=url, timeout=10) as client:
            while not stop.is_set():
                try:
                    r = client.post(CHAT, json={"model": "medrails",
                                                "messages": [{"role": "user", "content": "What is asthma?"}]})
                except httpx.TransportError:
                    return  # the server died mid-request: that one was never acknowledged
                if r.status_code == 200:
                    acknowledged.append(r.json()["medrails"]["audit_id"])

    clients = [threading.Thread(target=load) for _ in range(6)]
    for c in clients:
        c.start()
    deadline = time.monotonic() + 30
    while len(acknowledged) < 30 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)  # under load: requests are in flight right now
    proc.wait()
    stop.set()
    for c in clients:
        c.join()
    assert len(acknowledged) >= 30

    # restart on the same databases (a policy without model-backed stages, so the restart is quick)
    plain = tmp_path / "plain.yaml"
    plain.write_text(yaml.safe_dump({**yaml.safe_load(phi_policy.read_text()), "output_stages": [],
                                     "input_stages": [{"name": "input_validation"}]}))
    restart_args = [a if a != str(phi_policy) else str(plain) for a in args]
    proc, url = _spawn(restart_args, env)
    try:
        verify = httpx.get(url + "/v1/audit/verify").json()
        assert verify["ok"], verify
        assert verify["checked"] >= len(acknowledged)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    store = open_audit_store(audit_url)
    stored = {entry.id for entry in store.entries()}
    lost = [a for a in acknowledged if a not in stored]
    assert not lost, f"{len(lost)} of {len(acknowledged)} acknowledged records lost"
    assert store.verify().ok
