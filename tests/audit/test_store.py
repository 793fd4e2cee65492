"""The audit chain: appends verify, and every kind of tampering is caught and named."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
import sys
import threading

import pytest

from medrails.audit import open_audit_store, read_jsonl_entries, verify_entries

# what a request guarded by a policy with both PHI stages records (the store then trusts those fields)
GUARDED_STAGES = [{"name": "phi_redaction", "action": "pass", "score": 0.0, "ms": 3.0},
                  {"name": "input_validation", "action": "pass", "score": 0.0, "ms": 0.1},
                  {"name": "output_phi", "action": "pass", "score": 0.0, "ms": 4.0}]


def chat_record(i: int, **extra) -> dict:
    record = {"decision": "answer", "category": None, "input_redacted": f"question {i}", "output": f"answer {i}",
              "review_reasons": [], "stages": GUARDED_STAGES,
              "ms": 12.5, "model": "tiny", "policy": "patient-education", "policy_hash": "abc"}
    record.update(extra)
    return record


@pytest.fixture()
def store(backend):
    s = open_audit_store(backend.url)
    for i in range(6):
        s.append(chat_record(i))
    yield s
    s.close()


def test_default_store_is_sqlite_wal_under_medrails_home(medrails_home):
    store = open_audit_store()
    for i in range(6):
        store.append(chat_record(i))
    assert (medrails_home / "audit.db").is_file()
    conn = sqlite3.connect(str(medrails_home / "audit.db"))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    report = store.verify()
    assert report.ok and report.checked == 6
    assert store.head()[0] == 6


def test_records_cannot_be_updated_or_deleted_through_sql(store, backend):
    with pytest.raises(backend.error, match="append-only"):
        backend.sql("UPDATE audit_records SET body = '{}' WHERE seq = 2")
    with pytest.raises(backend.error, match="append-only"):
        backend.sql("DELETE FROM audit_records WHERE seq = 2")
    assert store.verify().ok and store.count() == 6


def test_edit_is_detected_and_named(store, backend):
    target = store.recent(limit=10)[::-1][2]  # seq 3
    backend.tamper("UPDATE audit_records SET body = replace(body, 'answer 2', 'edited') WHERE seq = 3")
    report = store.verify()
    assert not report.ok
    assert report.first_bad.seq == 3 and report.first_bad.id == target.id
    assert "edited" in report.first_bad.reason


def test_deletion_in_the_middle_is_detected(store, backend):
    backend.tamper("DELETE FROM audit_records WHERE seq = 4")
    report = store.verify()
    assert not report.ok and report.first_bad.seq == 5
    assert "deleted" in report.first_bad.reason


def test_deletion_at_the_end_is_detected_by_the_head(store, backend):
    backend.tamper("DELETE FROM audit_records WHERE seq = 6")
    report = store.verify()
    assert not report.ok and "removed from the end" in report.first_bad.reason


def test_insertion_is_detected(store, backend):
    # make room after seq 2 and insert a forged record there
    backend.tamper(*[("UPDATE audit_records SET seq = seq + 1 WHERE seq = ?", (seq,)) for seq in range(6, 2, -1)],
                   "INSERT INTO audit_records VALUES (3, 'forged', '2020-01-01T00:00:00Z', 'chat', '{}', 'x', 'y')",
                   "UPDATE audit_head SET count = 7")
    report = store.verify()
    assert not report.ok and report.first_bad.seq == 3 and report.first_bad.id == "forged"


def test_reordering_is_detected(store, backend):
    backend.tamper("UPDATE audit_records SET seq = 100 WHERE seq = 2",
                   "UPDATE audit_records SET seq = 2 WHERE seq = 3",
                   "UPDATE audit_records SET seq = 3 WHERE seq = 100")
    report = store.verify()
    assert not report.ok and report.first_bad.seq == 2


def test_export_is_jsonl_and_verifies_on_its_own(store, tmp_path):
    out = tmp_path / "audit.jsonl"
    assert store.export(out) == 6
    lines = out.read_text().splitlines()
    assert len(lines) == 6
    first = json.loads(lines[0])
    assert first["seq"] == 1 and first["record"]["input_redacted"] == "question 0"
    assert verify_entries(read_jsonl_entries(out)).ok
    lines[1] = lines[1].replace("answer 1", "answer X")
    out.write_text("\n".join(lines) + "\n")
    report = verify_entries(read_jsonl_entries(out))
    assert not report.ok and report.first_bad.seq == 2


def test_raw_input_fields_are_refused_and_text_is_scrubbed(backend):
    store = open_audit_store(backend.url)
    with pytest.raises(ValueError, match="raw user input"):
        store.append({"original_text": "My name is John Smith", "decision": "answer"})
    assert store.count() == 0
    # a record whose text no guard PHI stage covered: the store runs the real Presidio redactor itself
    store.append(chat_record(0, stages=[], input_redacted="I am John Smith, MRN 12345678. What is asthma?",
                             output="Hello John Smith, asthma is a lung condition."))
    store.review_act(store.append(chat_record(1, review_reasons=["check"])), "edit", "rita",
                     reason="patient John Smith asked again", edited_output="Asthma narrows the airways, John Smith.")
    dump = backend.dump()
    assert "John Smith" not in dump and "12345678" not in dump
    assert "[NAME]" in dump and "[MRN]" in dump


def test_review_queue_gets_emergencies_and_flagged_answers(backend):
    store = open_audit_store(backend.url)
    store.append(chat_record(0))
    emergency_id = store.append(chat_record(1, decision="emergency", category="cardiac", output="Call 911"))
    flagged_id = store.append(chat_record(2, review_reasons=["output_validator: dosing advice"]))
    fail_id = store.append(chat_record(3, decision="refuse", category="fail_closed"))
    pending = {item.id: item for item in store.review_list()}
    assert set(pending) == {emergency_id, flagged_id, fail_id}
    assert pending[emergency_id].reasons == ["emergency: cardiac"]

    from medrails.audit import ReviewError

    with pytest.raises(ReviewError, match="reason is required"):
        store.review_act(flagged_id, "reject", "rita")
    item = store.review_act(flagged_id, "edit", "rita", "removed a dose", edited_output="Ask your pharmacist.")
    assert item.status == "edited" and item.final_output == "Ask your pharmacist."
    store.review_act(emergency_id, "approve", "rita")
    with pytest.raises(ReviewError, match="already approved"):
        store.review_act(emergency_id, "reject", "sam", "changed my mind")
    actions = [e.record for e in store.recent(limit=2, kind="review")]
    assert [a["action"] for a in actions] == ["approve", "edit"]
    assert actions[1]["reason"] == "removed a dose"
    assert [i.id for i in store.review_list()] == [fail_id]
    assert store.verify().ok and store.count() == 6


def _append_many(url: str, n: int, tag: str, barrier=None) -> None:
    store = open_audit_store(url) if barrier is None else None
    if barrier is not None:  # replicas starting at the same moment on an empty database
        barrier.wait(timeout=120)
        store = open_audit_store(url)
    for i in range(n):
        store.append(chat_record(i, model=tag))
    store.close()


def _append_in_two_halves(url: str, n: int, tag: str, go) -> None:
    """Append n records, pausing half-way until the verifier has seen some: a check then surely runs
    while records are still arriving, however slowly the machine starts the processes."""
    store = open_audit_store(url)
    for i in range(n):
        if i == n // 2:
            go.wait(timeout=120)
        store.append(chat_record(i, model=tag))
    store.close()


def _append_shared(store, n: int, tag: str) -> None:
    for i in range(n):
        store.append(chat_record(i, model=tag))


def _tags(store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in store.entries():
        counts[entry.record["model"]] = counts.get(entry.record["model"], 0) + 1
    return counts


def test_concurrent_threads_and_processes_keep_one_chain(backend):
    """Threads sharing the server's store, threads with their own, and other processes (replicas)
    all append to one chain: no fork, no gap, nothing lost."""
    store = open_audit_store(backend.url)
    threads = [threading.Thread(target=_append_shared, args=(store, 20, f"s{i}")) for i in range(2)]
    threads += [threading.Thread(target=_append_many, args=(backend.url, 20, f"t{i}")) for i in range(2)]
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(backend.url, 20, f"p{i}")) for i in range(2)]
    for worker in [*threads, *procs]:
        worker.start()
    for worker in [*threads, *procs]:
        worker.join(timeout=120)
    assert all(p.exitcode == 0 for p in procs)
    report = store.verify()
    assert report.ok, report.describe()
    assert report.checked == 6 * 20
    assert _tags(store) == {tag: 20 for tag in ("s0", "s1", "t0", "t1", "p0", "p1")}
    assert [e.seq for e in store.entries()] == list(range(1, 121))


def test_replicas_starting_together_on_an_empty_database(backend):
    """Several replicas create the schema at the same moment (CREATE ... IF NOT EXISTS alone races)."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(4)
    procs = [ctx.Process(target=_append_many, args=(backend.url, 5, f"r{i}", barrier)) for i in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    store = open_audit_store(backend.url)
    report = store.verify()
    assert report.ok and report.checked == 20, report.describe()


def test_verify_while_replicas_append_never_reports_tampering(backend):
    """`audit verify` on a live deployment: records committed during the check are not 'tampering'."""
    store = open_audit_store(backend.url)
    store.append(chat_record(0))
    ctx = multiprocessing.get_context("spawn")
    go = ctx.Event()
    procs = [ctx.Process(target=_append_in_two_halves, args=(backend.url, 60, f"p{i}", go)) for i in range(2)]
    for proc in procs:
        proc.start()
    reports = []
    while any(proc.is_alive() for proc in procs) or not reports:
        reports.append(store.verify())
        if reports[-1].checked > 1:
            go.set()  # the appenders are blocked half-way: this check ran while records arrived
    go.set()
    for proc in procs:
        proc.join(timeout=120)
    bad = [r.describe() for r in reports if not r.ok]
    assert not bad, bad[:3]
    assert any(1 < r.checked < 121 for r in reports), [r.checked for r in reports]
    assert store.verify().checked == 121


def test_two_replicas_acting_on_one_review_item_at_once(backend):
    """Two reviewers on two replicas press approve/reject at the same moment: exactly one wins."""
    from medrails.audit import ReviewError

    first, second = open_audit_store(backend.url), open_audit_store(backend.url)
    item_id = first.append(chat_record(0, decision="emergency", category="stroke"))
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def act(store, who: str, action: str) -> None:
        barrier.wait(timeout=30)
        try:
            store.review_act(item_id, action, who, reason="checked")
            outcomes[who] = "ok"
        except ReviewError as exc:
            outcomes[who] = str(exc)

    workers = [threading.Thread(target=act, args=(first, "rita", "approve")),
               threading.Thread(target=act, args=(second, "sam", "reject"))]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert sorted(outcomes.values())[0] == "ok" and "is already" in sorted(outcomes.values())[1], outcomes
    winner = next(who for who, outcome in outcomes.items() if outcome == "ok")
    assert first.review_get(item_id).reviewer == winner
    assert [e.record["reviewer"] for e in first.recent(kind="review")] == [winner]
    assert first.verify().ok
    first.close()
    second.close()


def test_a_lost_database_connection_is_replaced(backend):
    """PostgreSQL restarted or failed over under a replica: the next append and read reconnect on
    their own (no failed request per stale worker connection) and nothing is written twice."""
    store = open_audit_store(backend.url)
    store.append(chat_record(0))
    store.review_list()
    if backend.sqlite_path is None:
        backend.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    store.append(chat_record(1))
    if backend.sqlite_path is None:
        backend.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    assert store.count() == 2
    report = store.verify()
    assert report.ok, report.describe()
    assert [e.record["input_redacted"] for e in store.entries()] == ["question 0", "question 1"]


def test_bad_urls_are_clear_errors(tmp_path, monkeypatch):
    from medrails.errors import MedrailsError

    with pytest.raises(MedrailsError, match="unknown option"):
        open_audit_store(f"sqlite:///{tmp_path}/a.db?mode=x")
    with pytest.raises(MedrailsError, match="use sqlite"):
        open_audit_store("mysql://host/db")
    # nothing listens on port 1: a fast, clear error without the password
    with pytest.raises(MedrailsError, match="cannot connect to the audit database") as info:
        open_audit_store("postgresql://medrails:s3cret@127.0.0.1:1/medrails")
    assert "s3cret" not in str(info.value) and "***" in str(info.value)
    with pytest.raises(MedrailsError) as info:
        open_audit_store("postgresql://medrails@127.0.0.1:1/medrails?password=s3cret")
    assert "s3cret" not in str(info.value)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # an install without the postgres extra
    with pytest.raises(MedrailsError, match=r"medrails\[postgres\]"):
        open_audit_store("postgresql://user@localhost/medrails")
