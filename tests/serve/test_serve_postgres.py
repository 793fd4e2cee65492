"""`medrails serve` with its audit trail in PostgreSQL, the setup for stateless replicas: every answer's
record lands in the shared database, review actions are audit records there, two server processes
writing at once leave one chain that `medrails audit verify` accepts, and the replicas share their
API keys and kill switch through the same database."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import httpx
import yaml

from medrails.audit import open_audit_store

from .conftest import serve_config, start_server
from .test_process import _spawn

CHAT = "/v1/chat/completions"


def _ask(client: httpx.Client, text: str) -> dict:
    response = client.post(CHAT, json={"model": "medrails", "messages": [{"role": "user", "content": text}]})
    assert response.status_code == 200, response.text
    return response.json()


def test_answers_and_review_actions_are_audited_in_postgres(tmp_path, test_policy, fake_upstream, postgres_url):
    import psycopg  # after the postgres fixture, which says how to install it when missing

    config = serve_config(tmp_path, test_policy, f"openai:{fake_upstream.url}/v1#fake", audit_url=postgres_url,
                          rate_limit={"per_minute": 100000, "burst": 1000})
    live = start_server(config)
    try:
        assert live.runtime.audit.url == postgres_url  # no password here to redact
        with live.client() as client:
            answer = _ask(client, "What is high blood pressure?")
            emergency = _ask(client, "I have crushing chest pain")
            assert answer["medrails"]["decision"] == "answer"
            assert emergency["medrails"]["decision"] == "emergency"
            # the records are in PostgreSQL itself, not only in what the server reports
            with psycopg.connect(postgres_url) as conn:
                rows = dict(conn.execute("SELECT id, kind FROM audit_records").fetchall())
            assert rows == {answer["medrails"]["audit_id"]: "chat", emergency["medrails"]["audit_id"]: "chat"}

            items = client.get("/v1/review").json()["items"]
            assert [item["id"] for item in items] == [emergency["medrails"]["audit_id"]]
            acted = client.post(f"/v1/review/{items[0]['id']}", json={"action": "reject", "reason": "wrong class"})
            assert acted.status_code == 200 and acted.json()["status"] == "rejected"
            again = client.post(f"/v1/review/{items[0]['id']}", json={"action": "approve"})
            assert again.status_code == 409

            viewer = client.get("/v1/audit", params={"kind": "review"}).json()
            assert viewer["total"] == 3 and viewer["entries"][0]["record"]["reason"] == "wrong class"
            verify = client.get("/v1/audit/verify").json()
            assert verify["ok"] and verify["checked"] == 3
    finally:
        live.stop()
        live.runtime.audit.close()


def test_two_server_processes_share_one_chain_in_postgres(tmp_path, fake_upstream, postgres_url, phi_policy):
    """Two `medrails serve` replicas (separate processes) behind one PostgreSQL audit URL."""
    import psycopg

    policy_path = phi_policy
    env = {**os.environ, "MEDRAILS_HOME": str(tmp_path / "home")}
    replicas = []
    try:
        for _ in range(2):  # no state setting: the replicas share keys and kill switch in PostgreSQL too
            args = ["--port", "0", "--model", f"openai:{fake_upstream.url}/v1#fake", "--kb", "none",
                    "--policy", str(policy_path), "--workers", "4", "--set", f"audit_url={postgres_url}",
                    "--set", "rate_limit.per_minute=100000",
                    "--set", "rate_limit.burst=10000"]
            replicas.append(_spawn(args, env))
        acknowledged: list[str] = []
        lock = threading.Lock()

        def load(url: str, n: int) -> None:
            with httpx.Client(base_url=url, timeout=60) as client:
                for i in range(n):
                    text = "My name is John Smith. What is high blood pressure?" if i == 0 else f"What is asthma {i}?"
                    audit_id = _ask(client, text)["medrails"]["audit_id"]
                    with lock:
                        acknowledged.append(audit_id)

        clients = [threading.Thread(target=load, args=(url, 8)) for _, url in replicas for _ in range(3)]
        for c in clients:
            c.start()
        for c in clients:
            c.join(timeout=300)
        assert len(acknowledged) == 2 * 3 * 8
    finally:
        for proc, _ in replicas:
            proc.terminate()
            proc.wait(timeout=30)

    verify = subprocess.run([sys.executable, "-c", "from medrails.cli import main; main()", "audit", "verify",
                             "--url", postgres_url], capture_output=True, text=True, env=env, timeout=120)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    assert f"ok: {len(acknowledged)} records" in verify.stdout
    store = open_audit_store(postgres_url)
    try:
        stored = {entry.id for entry in store.entries()}
        assert stored == set(acknowledged)
    finally:
        store.close()
    with psycopg.connect(postgres_url) as conn:
        bodies = "\n".join(row[0] for row in conn.execute("SELECT body FROM audit_records"))
    assert "John Smith" not in bodies and "[NAME]" in bodies


def _plain_policy(tmp_path) -> str:
    """A policy without model-backed stages, so a replica (re)starts in a few seconds."""
    from medrails.guard.policy import load_policy

    policy = load_policy("patient-education").model_dump()
    policy["input_stages"] = [{"name": "input_validation"}]
    policy["output_stages"] = []
    path = tmp_path / "plain.yaml"
    path.write_text(yaml.safe_dump(policy))
    return str(path)


def _cli(args: list[str], env: dict) -> str:
    out = subprocess.run([sys.executable, "-c", "from medrails.cli import main; main()", *args],
                         capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def _chat(url: str, token: str) -> httpx.Response:
    return httpx.post(url + CHAT, headers={"Authorization": f"Bearer {token}"}, timeout=120,
                      json={"model": "medrails", "messages": [{"role": "user", "content": "What is asthma?"}]})


def _within(seconds: float, probe) -> float:
    """Seconds until probe() is true (fails after `seconds`)."""
    started = time.monotonic()
    while not probe():
        assert time.monotonic() - started < seconds, f"not seen within {seconds} s"
        time.sleep(0.05)
    return time.monotonic() - started


def test_replicas_share_keys_and_the_kill_switch_through_postgres(tmp_path, fake_upstream, postgres_url):
    """Two real replicas given only --audit-url postgresql://...: a key made by the CLI or on one replica
    works on the other, the kill switch pulled on one stops the other, a restarted replica comes back
    killed, and the CLI's revive and revoke reach both."""
    env = {**os.environ, "MEDRAILS_HOME": str(tmp_path / "home")}
    for name in ("MEDRAILS_AUDIT_URL", "MEDRAILS_STATE_URL"):
        env.pop(name, None)
    db = ["--audit-url", postgres_url]
    admin = _cli(["admin", "keys", "create", "--role", "admin", *db], env).strip().splitlines()[-1]
    args = ["--port", "0", "--model", f"openai:{fake_upstream.url}/v1#fake", "--kb", "none",
            "--policy", _plain_policy(tmp_path), "--workers", "2", *db]
    replicas = [_spawn(args, env) for _ in range(2)]
    try:
        (_, a), (_, b) = replicas
        assert httpx.post(b + CHAT, json={"model": "medrails", "messages": []}).status_code == 401  # keyed mode
        created = httpx.post(a + "/v1/admin/keys", json={"role": "user"}, headers={"Authorization": f"Bearer {admin}"})
        assert created.status_code == 200, created.text
        user, user_id = created.json()["token"], created.json()["key"]["id"]
        assert _chat(b, user).status_code == 200  # made on a, works on b at once

        def b_killed() -> bool:
            status = httpx.get(b + "/v1/admin/status", headers={"Authorization": f"Bearer {admin}"}).json()
            return status["kill_switch"]["engaged"] and status["kill_switch"]["reason"] == "drill"

        # (the first audit record with free text loads the PHI scrubber: slow once, hence the timeout)
        killed = httpx.post(a + "/v1/admin/kill", json={"reason": "drill"}, headers={"Authorization": f"Bearer {admin}"},
                            timeout=120)
        assert killed.status_code == 200
        assert _within(3.0, b_killed) < 1.5  # the state cache (0.5 s) plus a request
        refused = _chat(b, user)
        assert refused.status_code == 503 and refused.json()["error"]["code"] == "kill_switch", refused.text

        proc, _ = replicas[1]  # restart b: it comes back killed
        proc.terminate()
        proc.wait(timeout=30)
        replicas[1] = _spawn(args, env)
        b = replicas[1][1]
        assert _chat(b, user).json()["error"]["code"] == "kill_switch"

        _cli(["admin", "revive", *db], env)
        _within(3.0, lambda: _chat(a, user).status_code == 200 and _chat(b, user).status_code == 200)
        _cli(["admin", "keys", "revoke", user_id, *db], env)
        _within(3.0, lambda: _chat(a, user).status_code == 401 and _chat(b, user).status_code == 401)
    finally:
        for proc, _ in replicas:
            proc.terminate()
            proc.wait(timeout=30)
    assert not (tmp_path / "home" / "serve.db").exists()  # no replica kept its state in a local file
    store = open_audit_store(postgres_url)
    try:
        actions = [e.record["action"] for e in store.recent(limit=10, kind="admin")]
        assert actions == ["key_revoke", "revive", "kill", "key_create", "key_create"]
        assert store.count(kind="rejected") >= 2  # the kill-switch refusals are audited too
    finally:
        store.close()
