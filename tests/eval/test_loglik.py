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


QUESTIONS = [
    "Question: Which organ filters blood?\nA. Liver\nB. Kidney\nC. Lung\nD. Heart\nAnswer:",
    "Question: A 54-year-old man has crushing chest pain radiating to the left arm for two hours. "
    "Which enzyme rises first?\nA. Troponin\nB. Lipase\nC. Amylase\nD. ALT\nAnswer:",
    "Question: Insulin?\nA. Hormone\nB. Bone\nC. Vitamin\nD. Enzyme\nAnswer:",
    "Question: Which vitamin deficiency causes scurvy in sailors on long voyages without fruit?\n"
    "A. Vitamin A\nB. Vitamin B12\nC. Vitamin C\nD. Vitamin D\nAnswer:",
]


# Options that are one token for the tiny test tokenizer (" B" is two there), so the batched path runs.
ONE_TOKEN_OPTIONS = [" A", " the", " a", " is"]


def _batched_equals_one_by_one(scorer, contexts, options, passes):
    """Rows of very different lengths share one right-padded pass: a wrong last position, a pad
    token that leaked into a real row or an offset position id would change the numbers."""
    lengths = {len(scorer.encode(c)) for c in contexts}
    assert len(lengths) == len(contexts)  # every row is padded differently
    assert all(len(c) == 1 for c in scorer.encode_item(contexts[0], options).continuation_ids)
    calls = []
    hook = scorer.model.register_forward_hook(lambda *_: calls.append(1))
    try:
        batched = scorer.score_many([(c, options) for c in contexts])
    finally:
        hook.remove()
    assert len(calls) == passes  # all items in one pass (after the shared prefix's own pass, if any)
    assert len(batched) == len(contexts)
    for context, fast in zip(contexts, batched, strict=True):
        _close(fast, scorer.naive_scores(context, options))


def test_batched_items_equal_one_by_one_scoring(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    _batched_equals_one_by_one(LoglikScorer(lm.model, lm.tokenizer), QUESTIONS, ONE_TOKEN_OPTIONS, passes=1)


def test_batched_items_on_a_shared_fewshot_prefix_equal_one_by_one(tiny_model_dir):
    """Few-shot: the exemplars' KV cache is computed once and the rows continue from it, so
    their positions must start after the prefix."""
    lm = load_causal_lm(str(tiny_model_dir))
    scorer = LoglikScorer(lm.model, lm.tokenizer)
    fewshot = "Question: What is insulin?\nA. a hormone\nB. a bone\nC. a salt\nD. a gas\nAnswer: A\n\n" * 2
    contexts = [fewshot + q for q in QUESTIONS]
    _batched_equals_one_by_one(scorer, contexts, ONE_TOKEN_OPTIONS, passes=2)
    assert scorer.tokens_reused >= len(contexts) * (len(scorer.encode(fewshot)) - 2)


def test_mixed_batch_with_multi_token_options_keeps_item_order(tiny_model_dir):
    lm = load_causal_lm(str(tiny_model_dir))
    scorer = LoglikScorer(lm.model, lm.tokenizer)
    prompts = [(QUESTIONS[0], [" A", " B"]), (QUESTIONS[1], [" troponin rises", " lipase"]),
               (QUESTIONS[2], [" yes", " no", " maybe"]), (QUESTIONS[3], [" A", " the"])]
    for (context, options), fast in zip(prompts, scorer.score_many(prompts), strict=True):
        _close(fast, scorer.naive_scores(context, options))


def test_batches_are_planned_longest_first_within_the_budgets(tiny_scorer):
    lengths_in = (5, 40, 12, 80, 7, 33, 60, 2, 41, 39, 38, 79)
    items = [tiny_scorer.encode_item(f"{n}: " + "word " * n + "Answer:", [" A", " B"]) for n in lengths_in]
    batches = tiny_scorer.plan_batches(items, max_items=3, max_tokens=300, pass_cost=8)
    assert sorted(i for b in batches for i in b) == list(range(len(items)))  # each item exactly once
    lengths = [len(items[i].context_ids) for b in batches for i in b]
    assert lengths == sorted(lengths, reverse=True)
    for batch in batches:
        rows = [len(items[i].context_ids) for i in batch]
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * rows[0] <= 300
        assert rows[0] - rows[-1] <= 8  # a row is padded only by less than a pass costs
    assert [len(b) for b in batches if len(b) > 1]  # similar lengths do share a pass
    assert len(tiny_scorer.plan_batches(items, max_items=64, max_tokens=10_000, pass_cost=1000)) == 1
