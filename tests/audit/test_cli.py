"""`medrails audit verify|export` and `medrails review` as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys

from medrails.audit import open_audit_store


def medrails(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from medrails.cli import main; main()", *args],
                          capture_output=True, text=True, check=False)


def test_verify_export_and_review_from_the_command_line(tmp_path, backend):
    url = backend.url
    store = open_audit_store(url)
    stages = [{"name": "phi_redaction", "action": "pass"}, {"name": "output_phi", "action": "pass"}]
    for i in range(3):
        store.append({"decision": "emergency" if i == 1 else "answer", "category": "stroke" if i == 1 else None,
                      "input_redacted": f"q{i}", "output": f"a{i}", "review_reasons": [], "stages": stages})
    ok = medrails("audit", "verify", "--url", url)
    assert ok.returncode == 0 and "ok: 3 records" in ok.stdout

    out = tmp_path / "audit.jsonl"
    assert medrails("audit", "export", "--url", url, "--out", str(out)).returncode == 0
    assert len(out.read_text().splitlines()) == 3
    assert medrails("audit", "verify", "--file", str(out)).returncode == 0

    listed = json.loads(medrails("review", "list", "--url", url, "--json").stdout)
    assert [item["category"] for item in listed] == ["stroke"]
    missing_reason = medrails("review", "reject", listed[0]["id"], "--url", url)
    assert missing_reason.returncode == 2 and "reason is required" in missing_reason.stderr
    done = medrails("review", "reject", listed[0]["id"], "--url", url, "--reason", "wrong card", "--reviewer", "dr-a")
    assert done.returncode == 0 and "rejected by dr-a" in done.stdout

    backend.tamper("UPDATE audit_records SET body = replace(body, 'q0', 'q9') WHERE seq = 1")
    bad = medrails("audit", "verify", "--url", url, "--json")
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["first_bad"]["seq"] == 1
