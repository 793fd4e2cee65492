"""In the server an audit append waits on the chain lock and the disk, not on the CPU: it must let
go of the worker's CPU slot meanwhile, or guard work queues behind fsyncs."""

from __future__ import annotations

import threading

from medrails.audit import open_audit_store
from medrails.serve.pool import CpuGate
from medrails.serve.runtime import GateReleasingAudit


def test_append_frees_the_cpu_slot_while_it_writes(tmp_path):
    store = open_audit_store(f"sqlite:///{tmp_path / 'audit.db'}")
    gate = CpuGate(1)
    audit = GateReleasingAudit(store, gate)
    slot_free_during_append = []
    real_append = store.append

    def observing_append(record, kind="chat"):
        got = gate._sem.acquire(blocking=False)  # could another worker start guard work now?
        slot_free_during_append.append(got)
        if got:
            gate._sem.release()
        return real_append(record, kind)

    store.append = observing_append
    with gate.held():
        record_id = audit.append({"decision": "answer", "redacted_input": "What is asthma?"})
        # the record ends the request: the slot is not taken back only to be let go
        assert gate._sem.acquire(blocking=False), "the slot stays free after the append"
        gate._sem.release()
    # leaving held() did not release the slot a second time (a BoundedSemaphore would raise)
    assert gate._sem.acquire(blocking=False) and not gate._sem.acquire(blocking=False)
    gate._sem.release()
    assert slot_free_during_append == [True]
    report = audit.verify()  # the wrapper passes the rest of the store through
    assert report.ok and report.checked == 1
    assert record_id


def test_append_outside_a_held_slot_works_and_leaves_the_gate_alone(tmp_path):
    store = open_audit_store(f"sqlite:///{tmp_path / 'audit.db'}")
    gate = CpuGate(2)
    audit = GateReleasingAudit(store, gate)
    errors = []

    def worker(i):
        try:
            with gate.held():
                audit.append({"decision": "answer", "redacted_input": f"question {i}"})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    audit.append({"decision": "answer", "redacted_input": "no slot held"})
    assert gate._sem.acquire(blocking=False) and gate._sem.acquire(blocking=False)
    assert store.verify().checked == 9
