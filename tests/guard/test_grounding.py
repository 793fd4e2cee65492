"""The grounding output stage: claims checked against the retrieved passages; ungrounded answers fail
closed to the passages' own words (real MiniLM embeddings, real starter KB)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from medrails.guard.pipeline import Guard
from medrails.guard.policy import POLICY_DIR, load_policy
from medrails.guard.stages.grounding import Grounding, is_claim
from medrails.guard.types import Citation, GuardContext

STATIN = Citation(
    id="1", title="Statins: how they work — How they work", source="medrails/rag/starter/statins.md", lines="7-12",
    text="The liver makes most of the body's cholesterol using an enzyme called HMG-CoA reductase. Statins block "
         "this enzyme, so the liver makes less cholesterol. In response, liver cells pull more LDL cholesterol out of "
         "the blood.",
)
GROUNDED = "Statins block an enzyme in the liver, so the liver makes less cholesterol [1]. Liver cells then pull more LDL cholesterol out of the blood [1]."
INVENTED = "Statins are antibiotics that kill bacteria in the lungs. They are injected once a month into the muscle. They cure type 1 diabetes."


@pytest.fixture(scope="module")
def grounding_policy(tmp_path_factory) -> Path:
    """The shipped patient-education policy with grounding added (the shipped YAML is not ours to edit)."""
    data = yaml.safe_load((POLICY_DIR / "patient-education.yaml").read_text())
    data["output_stages"] = [*data.get("output_stages", []), {"name": "grounding", "timeout_ms": 60000}]
    path = tmp_path_factory.mktemp("policy") / "grounded.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _ctx(output: str, passages: list[Citation]) -> GuardContext:
    ctx = GuardContext(original_text="q", text="q", policy_name="t")
    ctx.output, ctx.passages = output, passages
    return ctx


def test_no_passages_passes_and_says_why():
    result = Grounding(threshold=0.5).run(_ctx(INVENTED, []))
    assert result.action == "pass" and "no passages" in result.detail


def test_supported_answer_passes_with_full_confidence():
    ctx = _ctx(GROUNDED, [STATIN])
    result = Grounding(threshold=0.5).run(ctx)
    assert result.action == "pass" and result.decision is None and ctx.confidence == 1.0
    assert result.detail == "2/2 claims supported by the passages"


def test_invented_answer_fails_closed_to_the_cited_passages():
    ctx = _ctx(INVENTED, [STATIN])
    result = Grounding(threshold=0.5).run(ctx)
    assert (result.decision, result.category, result.action) == ("refuse", "ungrounded", "block")
    assert ctx.confidence == 0.0
    safe = ctx.extra["safe_response"]
    assert "[1] Statins: how they work" in safe and "HMG-CoA reductase" in safe and "lines 7-12" in safe
    assert "antibiotics" not in safe
    assert ctx.review_reasons and ctx.review_reasons[0].startswith("ungrounded answer: 0/3 claims")


def test_one_unsupported_claim_lowers_confidence_and_flags():
    ctx = _ctx(GROUNDED + " Statins also cure type 1 diabetes within a year.", [STATIN])
    result = Grounding(threshold=0.5).run(ctx)
    assert result.action == "flag" and result.decision is None
    assert ctx.confidence == pytest.approx(2 / 3)
    unsupported = [s for s in ctx.extra["grounding"] if not s["supported"]]
    assert [s["sentence"] for s in unsupported] == ["Statins also cure type 1 diabetes within a year."]


def test_advice_and_questions_are_not_medical_claims():
    assert not is_claim("Please talk to your doctor or pharmacist about your own situation.")
    assert not is_claim("Would you like to know more about cholesterol tests?")
    assert is_claim("Statins lower LDL cholesterol by blocking an enzyme in the liver.")


def test_threshold_comes_from_the_policy(grounding_policy):
    policy = load_policy(grounding_policy)
    guard = Guard(policy)
    stage = next(s for s, _ in guard.output_stages if s.name == "grounding")
    assert stage.threshold == policy.confidence_threshold


def test_guarded_answer_is_replaced_and_still_cites_its_sources(grounding_policy):
    guard = Guard(load_policy(grounding_policy))
    ctx = guard.check_input("What do statins do?")
    guard.check_output(ctx, INVENTED, [STATIN])
    verdict = guard.verdict(ctx, model_called=True)
    data = verdict.public()
    assert (data["decision"], data["category"]) == ("refuse", "ungrounded")
    assert "HMG-CoA reductase" in data["answer"] and data["answer"].endswith(data["disclaimer"])
    assert [c["id"] for c in data["citations"]] == ["1"]
    assert any(s["name"] == "grounding" and s["action"] == "block" for s in data["stages"])


class _ScriptedModel:
    """Plumbing stand-in for a model that makes things up (the real ones sometimes do)."""

    name = "scripted"

    def __init__(self, text: str):
        self.text = text

    def generate(self, messages, params):
        self.messages = messages
        return self.text

    def stream(self, messages, params):
        yield from self.text.split(" ")


def test_assistant_with_the_starter_kb_cites_inline_and_lists_sources(grounding_policy, medrails_home):
    from medrails.assistant import Assistant
    from medrails.rag import open_retriever

    kb = open_retriever("starter")
    answer = "Statins block an enzyme in the liver so it makes less cholesterol [1]."
    model = _ScriptedModel(answer)
    assistant = Assistant(model=model, guard=Guard(load_policy(grounding_policy)), retriever=kb)
    verdict = assistant.ask("How do statins lower cholesterol?")
    assert verdict.decision == "answer", verdict.review_reasons
    assert "[1] Statins" in model.messages[0]["content"]  # the passages reach the model, numbered
    assert "Sources:\n[1] Statins" in verdict.answer and "medrails/rag/starter/statins.md, lines" in verdict.answer
    assert verdict.public()["citations"][0]["source"] == "medrails/rag/starter/statins.md"
    made_up = Assistant(model=_ScriptedModel(INVENTED), guard=Guard(load_policy(grounding_policy)), retriever=kb)
    refused = made_up.ask("How do statins lower cholesterol?")
    assert refused.category == "ungrounded" and refused.citations and "antibiotics" not in refused.answer
