"""The guarded answer flow with a scripted model: what reaches the user, in which order, and
that nothing unguarded ever does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from medrails.assistant import Assistant, drop_unfinished_sentence
from medrails.errors import BackendError
from medrails.guard import Citation, Guard, StageResult, load_policy, register_stage
from medrails.models import GenerationParams


class ScriptedModel:
    """Plays back a fixed answer, chunked like a tokenizer would."""

    name = "scripted"

    def __init__(self, answer: str = "", fail: bool = False):
        self.answer, self.fail, self.calls = answer, fail, 0

    def generate(self, messages, params: GenerationParams) -> str:
        self.calls += 1
        self.last_messages = messages
        if self.fail:
            raise BackendError("upstream exploded")
        return self.answer

    def stream(self, messages, params: GenerationParams) -> Iterator[str]:
        self.calls += 1
        if self.fail:
            raise BackendError("upstream exploded")
        for i in range(0, len(self.answer), 5):
            yield self.answer[i : i + 5]


@register_stage("test_block_word")
class BlockWord:
    """Blocks an output containing a word (stands in for an output validator)."""

    name = "test_block_word"
    phase = "output"

    def __init__(self, word: str):
        self.word = word

    def run(self, ctx) -> StageResult:
        if self.word in ctx.output:
            return StageResult(name=self.name, action="block", score=1.0, decision="refuse", category="R3")
        return StageResult(name=self.name, action="pass")


@register_stage("test_explode")
class Explode:
    name = "test_explode"
    phase = "input"

    def run(self, ctx) -> StageResult:
        raise RuntimeError("classifier file missing")


class Sink:
    def __init__(self):
        self.records = []

    def append(self, record):
        self.records.append(record)
        return f"rec-{len(self.records)}"


class Library:
    def retrieve(self, query, k):
        return [Citation(id="1", title="High blood pressure", source="kb/hbp.md", text="Hypertension is ...", lines="1-9")]


def guard_with(tmp_path, input_stages=(), output_stages=()) -> Guard:
    policy = load_policy().model_dump()
    policy["input_stages"] = [{"name": "input_validation"}, *input_stages]
    policy["output_stages"] = list(output_stages)
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(policy))
    return Guard.from_policy(path)


def test_answer_gets_sources_and_disclaimer_and_one_audit_record(tmp_path):
    sink = Sink()
    model = ScriptedModel("High blood pressure means the force is too high [1].")
    assistant = Assistant(model=model, guard=guard_with(tmp_path), retriever=Library(), audit=sink)
    verdict = assistant.ask("What is high blood pressure?")
    assert verdict.decision == "answer"
    assert "[1] High blood pressure (kb/hbp.md, lines 1-9)" in verdict.answer
    assert verdict.answer.endswith(verdict.disclaimer)
    assert "Hypertension is ..." in model.last_messages[0]["content"]  # passages reach the prompt
    assert verdict.audit_id == "rec-1" and len(sink.records) == 1
    assert sink.records[0]["model_called"] is True


def test_stage_error_fails_closed_without_calling_the_model(tmp_path):
    model = ScriptedModel("unguarded text")
    assistant = Assistant(model=model, guard=guard_with(tmp_path, input_stages=[{"name": "test_explode"}]))
    verdict = assistant.ask("What is asthma?")
    assert verdict.decision == "refuse" and verdict.category == "fail_closed"
    assert model.calls == 0 and "unguarded" not in verdict.answer
    assert any(s.name == "test_explode" and s.action == "error" for s in verdict.stages)


def test_backend_error_fails_closed(tmp_path):
    assistant = Assistant(model=ScriptedModel(fail=True), guard=guard_with(tmp_path))
    verdict = assistant.ask("What is asthma?")
    assert (verdict.decision, verdict.category) == ("refuse", "fail_closed")
    assert any("upstream exploded" in r for r in verdict.review_reasons)
    events = list(assistant.stream("What is asthma?"))
    assert events[-1].verdict.category == "fail_closed"


def test_stream_releases_the_same_answer_as_ask(tmp_path):
    text = "Asthma narrows the airways. It causes wheezing! Triggers vary? Many people manage it well"
    assistant = Assistant(model=ScriptedModel(text), guard=guard_with(tmp_path), retriever=Library())
    plain = assistant.ask("What is asthma?")
    events = list(assistant.stream("What is asthma?"))
    assert "".join(e.text for e in events) == plain.answer
    assert events[-1].verdict.decision == "answer"
    assert "Many people manage it well" not in plain.answer  # fragment cut at the token limit


def test_stream_stops_at_the_first_blocked_sentence(tmp_path):
    text = "Ibuprofen is an NSAID. You should take 800 mg now. It reduces inflammation."
    guard = guard_with(tmp_path, output_stages=[{"name": "test_block_word", "options": {"word": "800 mg"}}])
    events = list(Assistant(model=ScriptedModel(text), guard=guard).stream("What is ibuprofen?"))
    released = "".join(e.text for e in events)
    assert released.startswith("Ibuprofen is an NSAID.")
    assert "800 mg" not in released and "reduces inflammation" not in released
    assert events[-1].verdict.decision == "refuse"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("One. Two three", "One."),
        ("One. Two.", "One. Two."),
        ("Single unfinished", "Single unfinished"),
        ("Intro. Types include:\n- a", "Intro."),
        ("Types include:", "Types include:"),
        ("Intro. Types include:", "Intro."),
    ],
)
def test_drop_unfinished_sentence(raw, expected):
    assert drop_unfinished_sentence(raw) == expected


def test_cancel_stops_generation_and_still_ends_with_a_verdict(tmp_path):
    import threading

    sink = Sink()
    text = "First sentence here. Second sentence here. Third sentence here. Fourth one."
    model = ScriptedModel(text)
    cancel = threading.Event()
    events = []
    for event in Assistant(model=model, guard=guard_with(tmp_path), audit=sink).stream("What is asthma?", cancel=cancel):
        events.append(event)
        cancel.set()  # e.g. the kill switch flips after the first released sentence
    released = "".join(e.text for e in events)
    assert released.startswith("First sentence here.") and "Fourth" not in released
    assert events[-1].verdict.category == "fail_closed"
    assert len(sink.records) == 1 and "cancelled" in sink.records[0]["review_reasons"][0]


def test_history_user_turns_are_redacted_before_the_model_sees_them(tmp_path):
    model = ScriptedModel("Asthma is a lung condition.")
    guard = guard_with(tmp_path, input_stages=[{"name": "phi_redaction"}])
    history = [
        {"role": "user", "content": "I'm Maria Gonzalez, MRN 00481516."},
        {"role": "assistant", "content": "Hello."},
    ]
    Assistant(model=model, guard=guard).ask("What is asthma?", history=history)
    sent = " ".join(m["content"] for m in model.last_messages)
    assert "Maria Gonzalez" not in sent and "00481516" not in sent
    assert "[NAME]" in sent and "[MRN]" in sent


def test_triage_policy_opens_the_answer_with_the_graded_urgency():
    model = ScriptedModel("Most sore throats are caused by viruses and get better on their own within a week.")
    assistant = Assistant(model=model, guard=Guard.from_policy("triage"))
    question = "I've had a sore throat for two days, what should I do?"
    verdict = assistant.ask(question)
    assert verdict.decision == "answer"
    assert verdict.answer.startswith("Urgency:") and "Why:" in verdict.answer.split("\n\n")[0]
    assert verdict.public()["triage"]["urgency"] in {"self_care", "see_doctor_soon"}
    assert "Urgency:" in model.last_messages[0]["content"]  # the model is told the graded urgency
    assert "".join(e.text for e in assistant.stream(question)) == verdict.answer


def test_triage_urgency_survives_an_answer_replaced_by_its_sources():
    class Unrelated:
        def retrieve(self, query, k):
            return [Citation(id="1", title="Sore throat", source="kb/throat.md", lines="1-4",
                             text="Most sore throats are caused by viruses and clear up within a week.")]

    model = ScriptedModel("Jupiter has seventy moons and a great red spot. Saturn rings are made of ice chunks.")
    assistant = Assistant(model=model, guard=Guard.from_policy("triage"), retriever=Unrelated())
    question = "I've had a sore throat for two days, what should I do?"
    verdict = assistant.ask(question)
    assert (verdict.decision, verdict.category) == ("refuse", "ungrounded")
    assert verdict.answer.startswith("Urgency:") and "Jupiter" not in verdict.answer
    streamed = "".join(e.text for e in assistant.stream(question))
    assert streamed.count("Urgency:") == 1 and "Most sore throats" in streamed


@register_stage("test_redact_surname")
class RedactSurname:
    """Rewrites the output without blocking it (as output_phi does with a name)."""

    name = "test_redact_surname"
    phase = "output"

    def run(self, ctx) -> StageResult:
        if "Smith" not in ctx.output:
            return StageResult(name=self.name, action="pass")
        ctx.output = ctx.output.replace("Smith", "[NAME]")
        return StageResult(name=self.name, action="redact", score=1.0)


def test_stream_releases_the_rewritten_text_never_the_raw_output(tmp_path):
    text = "Asthma narrows the airways. Dr. Smith explains inhalers well. Triggers include smoke."
    guard = guard_with(tmp_path, output_stages=[{"name": "test_redact_surname"}])
    assistant = Assistant(model=ScriptedModel(text), guard=guard)
    plain = assistant.ask("What is asthma?")
    streamed = "".join(e.text for e in assistant.stream("What is asthma?"))
    assert "Smith" not in streamed and "Dr. [NAME] explains" in streamed
    assert streamed == plain.answer


class SlowLocalModel(ScriptedModel):
    """A model generating in this process, one piece every `delay` seconds."""

    generates_locally = True

    def __init__(self, answer: str, delay: float = 0.0):
        super().__init__(answer)
        self.delay, self.pieces_made, self.closed = delay, 0, False

    def stream(self, messages, params: GenerationParams) -> Iterator[str]:
        import time

        try:
            for piece in super().stream(messages, params):
                time.sleep(self.delay)
                self.pieces_made += 1
                yield piece
        finally:
            self.closed = True


def test_ask_with_cancel_stops_a_local_model_and_fails_closed(tmp_path):
    import threading

    sink = Sink()
    model = SlowLocalModel("A long answer. " * 200, delay=0.01)
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()  # e.g. the kill switch flips mid-answer
    verdict = Assistant(model=model, guard=guard_with(tmp_path), audit=sink).ask("What is asthma?", cancel=cancel)
    assert verdict.category == "fail_closed" and "A long answer" not in verdict.answer
    assert model.closed and model.pieces_made < 200  # stopped early: 600 pieces would take 6 s
    assert len(sink.records) == 1 and "cancelled" in sink.records[0]["review_reasons"][0]


def test_ask_with_an_unset_cancel_gives_the_same_answer_as_without(tmp_path):
    import threading

    text = "Asthma narrows the airways. Inhalers help."
    plain = Assistant(model=ScriptedModel(text), guard=guard_with(tmp_path)).ask("What is asthma?")
    local = Assistant(model=SlowLocalModel(text), guard=guard_with(tmp_path)).ask("What is asthma?",
                                                                                 cancel=threading.Event())
    assert local.answer == plain.answer and local.decision == "answer"
