"""An acknowledged record survives kill -9 of the writing process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from medrails.audit import open_audit_store

WRITER = """
import sys
from medrails.audit import open_audit_store
store = open_audit_store(sys.argv[1])
i = 0
while True:
    rid = store.append({"decision": "answer", "input_redacted": f"q{i}", "output": "a" * 200, "review_reasons": [],
                        "stages": [{"name": "phi_redaction", "action": "pass"}, {"name": "output_phi", "action": "pass"}]})
    print(rid, flush=True)   # acknowledged only after the commit returned
    i += 1
"""


def test_acknowledged_records_survive_kill_9(backend):
    url = backend.url
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url], stdout=subprocess.PIPE, text=True)
             for _ in range(2)]
    acked: list[str] = []
    deadline = time.monotonic() + 60
    try:
        while len(acked) < 60 and time.monotonic() < deadline:
            for proc in procs:
                line = proc.stdout.readline().strip()
                if line:
                    acked.append(line)
    finally:
        for proc in procs:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
    for proc in procs:  # whatever else each writer acknowledged before dying
        acked.extend(line.strip() for line in proc.stdout.read().splitlines() if line.strip())
    assert len(acked) >= 60
    store = open_audit_store(url)
    report = store.verify()
    assert report.ok, report.describe()
    stored = {entry.id for entry in store.entries()}
    missing = [rid for rid in acked if rid not in stored]
    assert not missing, f"{len(missing)} acknowledged records lost"
