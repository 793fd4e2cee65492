"""Default prompts are lm-evaluation-harness's, character for character."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from medrails.eval.data import MCQItem
from medrails.eval.prompts import PromptSpec, build_prompt, select_fewshot

ITEM = MCQItem(id="1", question="Which vitamin deficiency causes scurvy?", options=["A1", "C1", "D1", "K1"], answer=1)


def _lm_eval_function(relative: str, name: str):
    lm_eval = pytest.importorskip("lm_eval", reason="lm-eval (dev extra) not installed")
    path = Path(lm_eval.__file__).parent / "tasks" / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def test_medqa_prompt_matches_lm_eval():
    prompt = build_prompt("medqa", ITEM, [], PromptSpec())
    doc = {"sent1": ITEM.question, **{f"ending{i}": o for i, o in enumerate(ITEM.options)}}
    assert prompt.context == _lm_eval_function("medqa/preprocess_medqa.py", "doc_to_text")(doc)
    assert prompt.continuations == [" A", " B", " C", " D"]


def test_medmcqa_prompt_matches_lm_eval():
    prompt = build_prompt("medmcqa", ITEM, [], PromptSpec())
    doc = {"question": ITEM.question, "opa": "A1", "opb": "C1", "opc": "D1", "opd": "K1"}
    assert prompt.context == _lm_eval_function("medmcqa/utils_medmcqa.py", "doc_to_text")(doc)


def test_pubmedqa_prompt_matches_lm_eval():
    item = MCQItem(id="9", question="Does X help?", options=["yes", "no", "maybe"], answer=0,
                   context=["Background text.", "Results text."])
    prompt = build_prompt("pubmedqa", item, [], PromptSpec())
    doc = {"QUESTION": item.question, "CONTEXTS": item.context}
    assert prompt.context == _lm_eval_function("pubmedqa/preprocess_pubmedqa.py", "doc_to_text")(doc)
    assert prompt.continuations == [" yes", " no", " maybe"]


def test_mmlu_fewshot_is_description_then_first_dev_rows():
    dev = [MCQItem(id=f"d{i}", question=f" Dev {i}? ", options=["w", "x", "y", "z"], answer=i, subject="anatomy")
           for i in range(3)]
    item = MCQItem(id="v", question="Val?", options=["a", "b", "c", "d"], answer=0, subject="anatomy")
    chosen, items, how = select_fewshot("mmlu_medical", {"anatomy": dev}, [item], 2)
    assert items == [item] and "first 2 dev rows" in how
    prompt = build_prompt("mmlu_medical", item, chosen["anatomy"], PromptSpec(shots=2))
    assert prompt.context == (
        "The following are multiple choice questions (with answers) about anatomy.\n\n"
        "Dev 0?\nA. w\nB. x\nC. y\nD. z\nAnswer: A\n\n"
        "Dev 1?\nA. w\nB. x\nC. y\nD. z\nAnswer: B\n\n"
        "Val?\nA. a\nB. b\nC. c\nD. d\nAnswer:"
    )


def test_fewshot_from_file_removes_exemplars_from_scoring():
    items = [MCQItem(id=str(i), question="q", options=["a", "b"], answer=0) for i in range(5)]
    chosen, scored, how = select_fewshot("medqa", {}, items, 2)
    assert [i.id for i in chosen[""]] == ["0", "1"] and [i.id for i in scored] == ["2", "3", "4"]
    assert "excluded from scoring" in how
