"""The audit chain: appends verify, and every kind of tampering is caught and named."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3
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
def store(medrails_home):
    s = open_audit_store()
    for i in range(6):
        s.append(chat_record(i))
    return s


def raw(store) -> sqlite3.Connection:
    """A plain connection with the append-only triggers dropped: what an attacker with file access has."""
    conn = sqlite3.connect(str(store.dialect.path), isolation_level=None)
    conn.execute("DROP TRIGGER IF EXISTS audit_records_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_records_no_delete")
    return conn


def test_default_store_is_sqlite_wal_under_medrails_home(store, medrails_home):
    assert (medrails_home / "audit.db").is_file()
    conn = sqlite3.connect(str(medrails_home / "audit.db"))
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    report = store.verify()
    assert report.ok and report.checked == 6
    assert store.head()[0] == 6


def test_records_cannot_be_updated_or_deleted_through_sql(store):
    conn = sqlite3.connect(str(store.dialect.path))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_records SET body = '{}' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_records WHERE seq = 2")


def test_edit_is_detected_and_named(store):
    target = store.recent(limit=10)[::-1][2]  # seq 3
    raw(store).execute("UPDATE audit_records SET body = replace(body, 'answer 2', 'edited') WHERE seq = 3")
    report = store.verify()
    assert not report.ok
    assert report.first_bad.seq == 3 and report.first_bad.id == target.id
    assert "edited" in report.first_bad.reason


def test_deletion_in_the_middle_is_detected(store):
    raw(store).execute("DELETE FROM audit_records WHERE seq = 4")
    report = store.verify()
    assert not report.ok and report.first_bad.seq == 5
    assert "deleted" in report.first_bad.reason


def test_deletion_at_the_end_is_detected_by_the_head(store):
    raw(store).execute("DELETE FROM audit_records WHERE seq = 6")
    report = store.verify()
    assert not report.ok and "removed from the end" in report.first_bad.reason


def test_insertion_is_detected(store):
    conn = raw(store)
    # make room after seq 2 and insert a forged record there
    for seq in range(6, 2, -1):
        conn.execute("UPDATE audit_records SET seq = seq + 1 WHERE seq = ?", (seq,))
    conn.execute("INSERT INTO audit_records VALUES (3, 'forged', '2020-01-01T00:00:00Z', 'chat', '{}', 'x', 'y')")
    conn.execute("UPDATE audit_head SET count = 7")
    report = store.verify()
    assert not report.ok and report.first_bad.seq == 3 and report.first_bad.id == "forged"


def test_reordering_is_detected(store):
    conn = raw(store)
    conn.execute("UPDATE audit_records SET seq = 100 WHERE seq = 2")
    conn.execute("UPDATE audit_records SET seq = 2 WHERE seq = 3")
    conn.execute("UPDATE audit_records SET seq = 3 WHERE seq = 100")
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


def test_raw_input_fields_are_refused_and_text_is_scrubbed(medrails_home):
    store = open_audit_store()
    with pytest.raises(ValueError, match="raw user input"):
        store.append({"original_text": "My name is John Smith", "decision": "answer"})
    assert store.count() == 0
    # a record whose text no guard PHI stage covered: the store runs the real Presidio redactor itself
    store.append(chat_record(0, stages=[], input_redacted="I am John Smith, MRN 12345678. What is asthma?",
                             output="Hello John Smith, asthma is a lung condition."))
    store.review_act(store.append(chat_record(1, review_reasons=["check"])), "edit", "rita",
                     reason="patient John Smith asked again", edited_output="Asthma narrows the airways, John Smith.")
    conn = sqlite3.connect(str(store.dialect.path))
    dump = "\n".join(conn.iterdump())
    assert "John Smith" not in dump and "12345678" not in dump
    assert "[NAME]" in dump and "[MRN]" in dump


def test_review_queue_gets_emergencies_and_flagged_answers(medrails_home):
    store = open_audit_store()
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


def _append_many(url: str, n: int, tag: str) -> None:
    store = open_audit_store(url)
    for i in range(n):
        store.append(chat_record(i, model=tag))


def test_concurrent_threads_and_processes_keep_one_chain(tmp_path):
    url = f"sqlite:///{tmp_path / 'audit.db'}"
    store = open_audit_store(url)
    threads = [threading.Thread(target=_append_many, args=(url, 20, f"t{i}")) for i in range(4)]
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(url, 20, f"p{i}")) for i in range(2)]
    for worker in [*threads, *procs]:
        worker.start()
    for worker in [*threads, *procs]:
        worker.join(timeout=120)
    assert all(p.exitcode == 0 for p in procs)
    report = store.verify()
    assert report.ok, report.describe()
    assert report.checked == 6 * 20


def test_bad_urls_are_clear_errors(tmp_path):
    from medrails.errors import MedrailsError

    with pytest.raises(MedrailsError, match="unknown option"):
        open_audit_store(f"sqlite:///{tmp_path}/a.db?mode=x")
    with pytest.raises(MedrailsError, match="use sqlite"):
        open_audit_store("mysql://host/db")
    with pytest.raises(MedrailsError, match="psycopg"):
        open_audit_store("postgresql://user@localhost/medrails")
