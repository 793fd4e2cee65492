"""Multiple-choice runs end to end on the tiny model: records, resume after a kill, strict parsing,
generation against a real HTTP endpoint that fails."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from medrails.errors import MedrailsError
from medrails.eval.data import load_medqa
from medrails.eval.mcq import EndpointGaveUp, parse_answer, prepare, run_generate, summarize
from medrails.eval.results import ItemLog
from medrails.eval.runner import EvalSettings, main
from medrails.models.base import GenerationParams


@pytest.mark.parametrize("reply,expected", [
    ("B", 1), ("(C)", 2), ("D. Heart", 3), ("Answer: a", 0), ("The answer is B.", 1), ("**A**", 0),
    ("A patient with", None), ("I think A or B", None), ("E", None), ("", None), ("b", None),
])
def test_parser_accepts_only_a_clear_leading_answer(reply, expected):
    assert parse_answer(reply, "medqa", 4) == expected


def test_pubmedqa_parser():
    assert [parse_answer(t, "pubmedqa", 3) for t in ("Yes.", "no", "Maybe, since", "It is yes")] == [0, 1, 2, None]


def test_run_writes_items_summary_and_resumes_after_a_kill(tiny_model_dir, medqa_file, tmp_path, medrails_home):
    settings = EvalSettings(model=str(tiny_model_dir), tasks=["medqa"], data={"medqa": str(medqa_file)},
                            out=str(tmp_path / "run"), batch_size=2)
    run_dir = main(settings)
    items_path = run_dir / "items" / "medqa.jsonl"
    first = [json.loads(line) for line in items_path.read_text().splitlines()]
    assert len(first) == 4 and {r["id"] for r in first} == {f"medqa-{i}" for i in range(1, 5)}
    summary = json.loads((run_dir / "summary.json").read_text())
    assert summary["results"]["medqa"]["acc"]["n"] == 4
    assert 0.0 <= summary["results"]["medqa"]["acc"]["low"] <= summary["results"]["medqa"]["acc"]["high"] <= 1.0
    assert (run_dir / "summary.md").read_text().count("BioMistral-7B") == 3
    assert (run_dir / "plots" / "headline.png").stat().st_size > 1000
    run = json.loads((run_dir / "run.json").read_text())
    assert run["tasks"]["medqa"]["prompt"]["format"] == "lm-eval" and run["tasks"]["medqa"]["prompt"]["chat_template"] is False

    # Simulate a kill: two finished lines and half of a third remain.
    lines = items_path.read_text().splitlines(keepends=True)
    items_path.write_text(lines[0] + lines[1] + lines[2][:25])
    main(settings)
    again = [json.loads(line) for line in items_path.read_text().splitlines()]
    assert len(again) == 4
    assert again[:2] == first[:2]  # kept, not recomputed (same timing field)
    assert sorted(r["id"] for r in again) == sorted(r["id"] for r in first)

    changed = settings.model_copy(update={"shots": 1})
    with pytest.raises(MedrailsError, match="different settings"):
        main(changed)


class _Endpoint(BaseHTTPRequestHandler):
    replies: list = []
    calls = 0

    def do_POST(self):  # noqa: N802
        type(self).calls += 1
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert body["messages"][-1]["role"] == "user"
        reply = type(self).replies.pop(0) if type(self).replies else None
        if reply is None:
            import time

            time.sleep(1.0)  # longer than the client's timeout
            reply = "A"
        payload = json.dumps({"choices": [{"message": {"content": reply}}]}).encode()
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


def test_generation_mode_counts_unparseable_and_stops_cleanly_on_timeouts(medqa_file, tmp_path):
    from medrails.models.openai_compat import OpenAICompatibleModel

    _Endpoint.replies = ["B", "I would say beta cells"]  # then the endpoint hangs
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        model = OpenAICompatibleModel(f"http://127.0.0.1:{server.server_port}/v1", "m",
                                      timeout=httpx.Timeout(0.3), max_retries=0)
        task = prepare(load_medqa(medqa_file), shots=0, chat_template=False, limit=None)
        log = ItemLog(tmp_path / "gen.jsonl")
        with pytest.raises(EndpointGaveUp, match=r"failed 2 times.*2 of 4 items are saved"):
            run_generate(task, model, log, GenerationParams(max_new_tokens=8), retries=1, backoff_s=0.0)
        kept = log.records()
        assert [r["parsed"] for r in kept] == [True, False]
        assert kept[0]["correct"] is True and kept[1]["correct"] is False
        summary = summarize("medqa", kept)
        assert summary["unparseable"] == 1 and summary["acc"]["value"] == 0.5
    finally:
        server.shutdown()
