"""The fast scorer (shared prefix once, batched options, cross-item prefix reuse) equals the
naive per-option loop, which is lm-evaluation-harness's computation."""

from __future__ import annotations

import pytest

from medrails.eval.loglik import LoglikScorer, load_causal_lm

CONTEXT = "Question: Which organ filters blood?\nA. Liver\nB. Kidney\nC. Lung\nD. Heart\nAnswer:"


@pytest.fixture(scope="module")
def tiny_scorer(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    return LoglikScorer(lm.model, lm.tokenizer)


def _close(fast, naive, tol=1e-4):
    assert [s.n_tokens for s in fast] == [s.n_tokens for s in naive]
    for a, b in zip(fast, naive, strict=True):
        assert a.logprob == pytest.approx(b.logprob, abs=tol)
        assert a.is_greedy == b.is_greedy


def test_single_and_multi_token_options_match_naive(tiny_scorer):
    for options in ([" A", " B", " C", " D"], [" kidney disease", " the liver", " yes", " blood pressure is high"]):
        _close(tiny_scorer.scores(CONTEXT, options), tiny_scorer.naive_scores(CONTEXT, options))


def test_trailing_space_moves_to_the_continuation(tiny_scorer):
    ctx_ids, cont_ids = tiny_scorer.encode_pair("Answer: ", "B")
    assert tiny_scorer.encode("Answer:") == ctx_ids
    assert ctx_ids + cont_ids == tiny_scorer.encode("Answer: B")


def test_shared_prefix_is_reused_across_items(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    scorer = LoglikScorer(lm.model, lm.tokenizer)
    fewshot = "Question: What is insulin?\nA. a hormone\nB. a bone\nAnswer: A\n\n" * 3
    first = fewshot + CONTEXT
    second = fewshot + CONTEXT.replace("filters blood", "pumps blood")
    scorer.scores(first, [" A", " B two"])
    fast = scorer.scores(second, [" A", " B two"])
    assert scorer.tokens_reused > 20
    _close(fast, scorer.naive_scores(second, [" A", " B two"]))


@pytest.mark.slow
def test_embedded_model_fast_path_equals_naive_on_real_items(shared_data):
    from medrails.eval.data import load_medmcqa, load_pubmedqa
    from medrails.eval.prompts import PromptSpec, build_prompt

    lm = load_causal_lm("embedded")
    scorer = LoglikScorer(lm.model, lm.tokenizer)
    medmcqa = load_medmcqa(shared_data / "medmcqa_dev" / "dev.json").items[:2]
    pubmedqa = load_pubmedqa(shared_data / "pubmedqa" / "pqal_trainval_set.json").items[:1]
    for task, items in (("medmcqa", medmcqa), ("pubmedqa", pubmedqa)):
        for item in items:
            prompt = build_prompt(task, item, [], PromptSpec())
            _close(scorer.scores(prompt.context, prompt.continuations),
                   scorer.naive_scores(prompt.context, prompt.continuations))
    # multi-token options on the real model too (the acc_norm path for full-text choices)
    _close(scorer.scores(CONTEXT, [" Kidney", " the liver and the lungs"]),
           scorer.naive_scores(CONTEXT, [" Kidney", " the liver and the lungs"]))
