"""Log-likelihood scoring of multiple-choice options, as lm-evaluation-harness does it, but faster.

Tokenization follows lm-eval's HF backend exactly (``_encode_pair``): trailing spaces of the
context move to the continuation, the context and context+continuation are encoded
separately, and the continuation tokens are the tail of the whole encoding past the length of
the context encoding. The model then sees ``context_tokens + continuation_tokens[:-1]``.

Speed comes from never recomputing what is shared:
- the options of an item share the context: it runs once (with a KV cache), and only the
  needed logits are projected through the vocabulary (``logits_to_keep``) instead of
  log-softmaxing the whole sequence;
- one-token continuations (``" A"``, ``" yes"``) need no further forward pass; longer ones are
  scored together in one batch on top of the context cache;
- consecutive items that start with the same tokens (few-shot exemplars, MMLU's subject
  description) reuse the cached prefix: only the new tokens run.
``naive_scores`` is the plain per-option loop (what lm-eval computes), kept as the reference
the fast path is tested against.

``MarginBound`` is the "verified" precision: items are first scored with bfloat16 matrix
products (``bfloat16_matmuls``: several times faster on CPUs with AVX512-BF16), and an item whose
decision is close -- the best option leads the runner-up by less than bfloat16's measured error
on such gaps, times a safety factor -- is scored again in float32, whose numbers then decide it.
The other items' decisions cannot have been moved by bfloat16, so the run gives float32's answers
at close to bfloat16's speed.
"""

from __future__ import annotations

import copy
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
MIN_REUSE_TOKENS = 8  # below this a shared prefix is not worth cropping the cache
# Padded tokens per forward pass. On a CPU a pass over a few thousand tokens keeps the matrix
# products large (and the thread pool busy) while the attention scores of the longest
# prompts stay in the tens of megabytes.
MAX_BATCH_TOKENS = 8192
# The fixed cost of one forward pass (30 layers of kernel launches, masks, thread sync) in
# tokens' worth of compute: SmolLM2-135M on 2 CPU cores, 38 ms for a 1-token pass vs
# 1.3 ms per token at 256 tokens. A row is padded only when that costs less than its own pass.
PASS_COST_TOKENS = 32


@dataclass
class OptionScore:
    logprob: float  # sum of the continuation's token log-probabilities
    n_tokens: int
    is_greedy: bool


@dataclass
class EncodedItem:
    """One item tokenized by lm-eval's rules: the context and each option's continuation tokens."""

    context: str
    continuations: list[str]
    context_ids: list[int]
    continuation_ids: list[list[int]]


@dataclass
class LoadedLM:
    model: object
    tokenizer: object
    name: str
    directory: str
    adapter: str | None
    has_chat_template: bool


def load_causal_lm(spec: str, adapter: str | Path | None = None) -> LoadedLM:
    """A local model (embedded, HF directory, GGUF) as a plain causal LM, optionally with a PEFT adapter.
    Unlike a chat model, it may lack a chat template (log-likelihood prompts do not need one)."""
    from medrails.models import parse_spec, resolve_model_dir
    from medrails.models.local import load_model_and_tokenizer

    parsed = parse_spec(spec)
    directory = resolve_model_dir(parsed)
    model, tokenizer = load_model_and_tokenizer(directory, adapter)
    return LoadedLM(model=model, tokenizer=tokenizer, name=parsed.display_name, directory=str(directory),
                    adapter=str(adapter) if adapter else None,
                    has_chat_template=bool(getattr(tokenizer, "chat_template", None)))


class LoglikScorer:
    """Scores the continuations of one context; keeps the last context's KV cache for reuse."""

    def __init__(self, model, tokenizer, max_length: int | None = None, reuse_prefix: bool = True,
                 bfloat16_products: bool = False):
        self.model = model
        self.bfloat16_products = bfloat16_products  # float32 weights, bfloat16 matrix products (verified's first pass)
        self.tokenizer = tokenizer
        config = getattr(model, "config", None)
        self.max_length = max_length or getattr(config, "max_position_embeddings", 2048) or 2048
        self.prefix_token_id = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else (self.prefix_token_id or 0)
        self.reuse_prefix = reuse_prefix
        self._cached_ids: list[int] = []
        self._cache = None
        self.tokens_computed = 0  # context tokens actually run (for the benchmark)
        self.tokens_reused = 0

    @property
    def precision(self) -> str:
        """What decided the items this scorer scores, recorded with each of them."""
        return "bfloat16-mixed" if self.bfloat16_products else precision_of(self.model)

    def _forward(self, **inputs):
        if not self.bfloat16_products:
            return self.model(**inputs)
        with bfloat16_matmuls(self.model):
            return self.model(**inputs)

    # -- tokenization (lm-eval rules) -----------------------------------------------------------
    def encode(self, text: str) -> list[int]:
        # lm-eval: the tokenizer's own special-token default, unless the text already starts with BOS.
        bos = self.tokenizer.bos_token
        if bos and text.startswith(bos):
            return self.tokenizer.encode(text, add_special_tokens=False)
        return self.tokenizer.encode(text)

    def encode_pair(self, context: str, continuation: str) -> tuple[list[int], list[int]]:
        if not context:
            return [self.prefix_token_id], self.encode(continuation)
        n_spaces = len(context) - len(context.rstrip())
        if n_spaces:
            continuation = context[-n_spaces:] + continuation
            context = context[:-n_spaces]
        whole = self.encode(context + continuation)
        context_ids = self.encode(context)
        return context_ids, whole[len(context_ids):]

    # -- reference: one full forward per option (lm-eval's computation) -------------------------
    def naive_scores(self, context: str, continuations: list[str]) -> list[OptionScore]:
        import torch

        scores = []
        for continuation in continuations:
            context_ids, cont_ids = self.encode_pair(context, continuation)
            ids = (context_ids + cont_ids)[-(self.max_length + 1):][:-1]
            with torch.inference_mode():
                logits = self._forward(input_ids=torch.tensor([ids])).logits[0].float()
            logprobs = torch.log_softmax(logits, dim=-1)[-len(cont_ids):]
            target = torch.tensor(cont_ids)
            picked = logprobs.gather(1, target.unsqueeze(1)).squeeze(1)
            scores.append(OptionScore(float(picked.sum()), len(cont_ids),
                                      bool((logprobs.argmax(-1) == target).all())))
        return scores

    # -- fast path ------------------------------------------------------------------------------
    def scores(self, context: str, continuations: list[str]) -> list[OptionScore]:
        import torch

        pairs = [self.encode_pair(context, c) for c in continuations]
        context_ids = pairs[0][0]
        conts = [cont for _, cont in pairs]
        if any(not c for c in conts):
            raise ValueError("an option encodes to zero tokens; cannot score it")
        if len(context_ids) + max(len(c) for c in conts) > self.max_length + 1:
            return self.naive_scores(context, continuations)  # needs lm-eval's left truncation
        with torch.inference_mode():
            last_logits = self._run_context(context_ids)
            first_logprobs = torch.log_softmax(last_logits.float(), dim=-1)
            results: list[OptionScore | None] = [None] * len(conts)
            longer = [i for i, c in enumerate(conts) if len(c) > 1]
            first_greedy = int(first_logprobs.argmax())
            for i, cont in enumerate(conts):
                if len(cont) == 1:
                    results[i] = OptionScore(float(first_logprobs[cont[0]]), 1, first_greedy == cont[0])
            if longer:
                for i, score in zip(longer, self._score_longer([conts[i] for i in longer], first_logprobs), strict=True):
                    results[i] = score
        return [r for r in results if r is not None]

    def encode_item(self, context: str, continuations: list[str]) -> EncodedItem:
        pairs = [self.encode_pair(context, c) for c in continuations]
        return EncodedItem(context, list(continuations), pairs[0][0], [cont for _, cont in pairs])

    def plan_batches(self, items: list[EncodedItem], max_items: int, max_tokens: int = MAX_BATCH_TOKENS,
                     pass_cost: int = PASS_COST_TOKENS) -> list[list[int]]:
        """Indexes of `items` grouped into forward passes: longest first (as lm-eval orders them),
        at most `max_items` per pass and `max_tokens` padded tokens (rows x longest row, which
        bounds memory). An item joins the current pass only if the padding its row needs is
        cheaper than a pass of its own (`pass_cost` tokens' worth of fixed cost): padding is
        computed like real tokens, and uneven prompts (PubMedQA, MedMCQA) batched blindly waste
        35-50% of the work on it."""
        order = sorted(range(len(items)), key=lambda i: len(items[i].context_ids), reverse=True)
        batches: list[list[int]] = []
        for index in order:
            length = len(items[index].context_ids)
            if batches:
                current = batches[-1]
                width = len(items[current[0]].context_ids)  # the first is the longest
                if (len(current) < max_items and (len(current) + 1) * width <= max_tokens
                        and width - length <= pass_cost):
                    current.append(index)
                    continue
            batches.append([index])
        return batches

    def score_many(self, prompts: list[tuple[str, list[str]]] | list[EncodedItem]) -> list[list[OptionScore]]:
        """Several items in one forward pass. Items whose options are all one token (letters,
        yes/no/maybe: the common case) are batched: their contexts run together, right-padded,
        on top of the KV cache of the token prefix they share (few-shot exemplars), and only
        each row's last position is projected onto the vocabulary; each option's score is read
        from that row's last logits (no pass per option). Others go through `scores`."""
        import torch

        items = [p if isinstance(p, EncodedItem) else self.encode_item(*p) for p in prompts]
        results: list[list[OptionScore] | None] = [None] * len(items)
        batch: list[int] = []
        for index, item in enumerate(items):
            if not all(item.continuation_ids):
                raise ValueError("an option encodes to zero tokens; cannot score it")
            if all(len(c) == 1 for c in item.continuation_ids) and len(item.context_ids) <= self.max_length:
                batch.append(index)
            else:
                results[index] = self.scores(item.context, item.continuations)
        if len(batch) == 1:
            results[batch[0]] = self.scores(items[batch[0]].context, items[batch[0]].continuations)
        elif batch:
            with torch.inference_mode():
                rows = self._batched_last_logits([items[i].context_ids for i in batch])
                for index, logits in zip(batch, rows, strict=True):
                    logprobs = torch.log_softmax(logits.float(), dim=-1)
                    greedy = int(logprobs.argmax())
                    results[index] = [OptionScore(float(logprobs[c[0]]), 1, greedy == c[0])
                                      for c in items[index].continuation_ids]
        return [r for r in results if r is not None]

    def _batched_last_logits(self, contexts: list[list[int]]):
        import torch

        shared = _common_prefix(contexts)
        first = contexts[0]
        cache = None
        if self.reuse_prefix and shared >= MIN_REUSE_TOKENS:
            self._run_context(first[: shared + 1])  # caches the prefix (reusing any earlier one)
            self._cache.crop(-1)
            self._cached_ids = self._cached_ids[:shared]
            cache = copy.deepcopy(self._cache)
            cache.batch_repeat_interleave(len(contexts))
        else:
            shared = 0
        suffixes = [c[shared:] for c in contexts]
        width = max(len(s) for s in suffixes)
        batch = torch.full((len(suffixes), width), self.pad_id, dtype=torch.long)
        for row, suffix in enumerate(suffixes):
            batch[row, : len(suffix)] = torch.tensor(suffix)
        # Right padding under a causal mask never influences a row's real tokens, so no mask is needed;
        # only the distinct last positions are projected onto the vocabulary.
        last = [len(s) - 1 for s in suffixes]
        keep = sorted(set(last))
        out = self._forward(input_ids=batch, past_key_values=cache, use_cache=cache is not None,
                         logits_to_keep=torch.tensor(keep))
        self.tokens_computed += sum(len(s) for s in suffixes)
        self.tokens_reused += shared * len(contexts)
        return [out.logits[row, keep.index(position)] for row, position in enumerate(last)]

    def _run_context(self, context_ids: list[int]):
        """Logits after the last context token, reusing the cached KV of a shared token prefix."""
        import torch

        shared = 0
        if self.reuse_prefix and self._cache is not None:
            limit = min(len(self._cached_ids), len(context_ids) - 1)  # at least one token must run
            while shared < limit and self._cached_ids[shared] == context_ids[shared]:
                shared += 1
        if shared >= MIN_REUSE_TOKENS and _croppable(self._cache):
            extra = self._cache.get_seq_length() - shared
            if extra > 0:
                self._cache.crop(-extra)  # negative = drop that many tokens (all transformers versions)
            cache = self._cache
        else:
            shared = 0
            from transformers import DynamicCache

            cache = DynamicCache(config=self.model.config) if self.reuse_prefix else None
        new = torch.tensor([context_ids[shared:]])
        out = self._forward(input_ids=new, past_key_values=cache, use_cache=True, logits_to_keep=1)
        self.tokens_computed += len(context_ids) - shared
        self.tokens_reused += shared
        self._cache = out.past_key_values
        self._cached_ids = list(context_ids)
        return out.logits[0, -1]

    def _score_longer(self, conts: list[list[int]], first_logprobs) -> list[OptionScore]:
        """Options of two or more tokens, batched on top of a copy of the context cache."""
        import torch

        width = max(len(c) for c in conts) - 1
        batch = torch.full((len(conts), width), self.pad_id, dtype=torch.long)
        for row, cont in enumerate(conts):
            batch[row, : len(cont) - 1] = torch.tensor(cont[:-1])
        cache = copy.deepcopy(self._cache)
        cache.batch_repeat_interleave(len(conts))
        context_len = len(self._cached_ids)
        mask = torch.ones((len(conts), context_len + width), dtype=torch.long)
        # Right padding under a causal mask never influences the real tokens before it.
        out = self._forward(input_ids=batch, attention_mask=mask, past_key_values=cache, use_cache=True)
        logprobs = torch.log_softmax(out.logits.float(), dim=-1)
        scores = []
        for row, cont in enumerate(conts):
            total = float(first_logprobs[cont[0]])
            greedy = int(first_logprobs.argmax()) == cont[0]
            for j in range(1, len(cont)):
                total += float(logprobs[row, j - 1, cont[j]])
                greedy = greedy and int(logprobs[row, j - 1].argmax()) == cont[j]
            scores.append(OptionScore(total, len(cont), greedy))
        return scores


def decision_margins(logprobs: list[float], lengths: list[int]) -> tuple[float, float]:
    """How far the best option leads the runner-up: by log-likelihood (acc) and by log-likelihood
    per character of the choice (acc_norm, lm-eval's normalization). inf with one option."""
    def lead(values: list[float]) -> float:
        top = sorted(values, reverse=True)
        return top[0] - top[1] if len(top) > 1 else float("inf")

    return lead(logprobs), lead([lp / n for lp, n in zip(logprobs, lengths, strict=True)])


def gap_errors(approx: list[float], exact: list[float], lengths: list[int]) -> tuple[float, float]:
    """The largest change, over all pairs of options, of the difference between their
    log-likelihoods (and per-character log-likelihoods) from `exact` to `approx`. A decision
    can only flip when such a change exceeds its margin."""
    worst = worst_norm = 0.0
    for i in range(len(exact)):
        for j in range(i + 1, len(exact)):
            worst = max(worst, abs((approx[i] - approx[j]) - (exact[i] - exact[j])))
            worst_norm = max(worst_norm, abs((approx[i] / lengths[i] - approx[j] / lengths[j])
                                             - (exact[i] / lengths[i] - exact[j] / lengths[j])))
    return worst, worst_norm


@dataclass
class MarginBound:
    """Which bfloat16-scored items must be scored again in float32.

    The bound on how far bfloat16 can move a margin is measured, not assumed: the first
    `calibration_items` items are scored in both precisions, and the bound is `safety` times the
    largest gap error seen (separately for acc and acc_norm). Every item re-scored later is
    measured too, so the bound only grows when a larger error turns up. `fixed` replaces the
    calibrated bound by a given one (both margins, nats). An item is re-scored when either of its
    bfloat16 margins is below its bound (a tie always is)."""

    safety: float = 1.5
    fixed: float | None = None
    calibration_items: int = 32
    observed_items: int = 0
    max_error: float = 0.0
    max_error_norm: float = 0.0

    @property
    def calibrated(self) -> bool:
        return self.fixed is not None or self.observed_items >= self.calibration_items

    def bounds(self) -> tuple[float, float]:
        if self.fixed is not None:
            return self.fixed, self.fixed
        return self.safety * self.max_error, self.safety * self.max_error_norm

    def needs_exact(self, approx: list[float], lengths: list[int]) -> bool:
        if not self.calibrated or any(value != value for value in approx):  # NaN: bfloat16 decides nothing
            return True
        margin, margin_norm = decision_margins(approx, lengths)
        bound, bound_norm = self.bounds()
        return not (margin > bound and margin_norm > bound_norm)  # fail closed: a NaN margin is re-scored

    def reset(self) -> None:
        self.observed_items, self.max_error, self.max_error_norm = 0, 0.0, 0.0

    def observe(self, approx: list[float], exact: list[float], lengths: list[int]) -> None:
        error, error_norm = gap_errors(approx, exact, lengths)
        self.observed_items += 1
        self.max_error = max(self.max_error, error)
        self.max_error_norm = max(self.max_error_norm, error_norm)

    def record(self) -> dict:
        bound, bound_norm = self.bounds()
        # calibrated False: bfloat16 decided nothing (a run shorter than the calibration), so there is no bound
        return {"calibrated": self.calibrated, "safety": self.safety, "fixed": self.fixed,
                "calibration_items": self.calibration_items,
                "items_scored_both_ways": self.observed_items, "max_gap_error": round(self.max_error, 6),
                "max_gap_error_norm": round(self.max_error_norm, 6), "bound": round(bound, 6),
                "bound_norm": round(bound_norm, 6)}


@contextmanager
def bfloat16_matmuls(model):
    """Run `model` (float32 weights) with its matrix products in bfloat16 and everything else in
    float32: torch autocast keeps the residual stream, norms and softmax in float32, and the
    projection onto the vocabulary is kept out of it. Measured on 120 PubMedQA items with
    SmolLM2-135M, the largest change to a gap between two options was 0.12 nats, against 0.21
    with bfloat16 weights throughout, at the same speed and with no second copy of the weights;
    a smaller error means fewer items close enough to be scored again in float32."""
    import torch

    head = model.get_output_embeddings() if hasattr(model, "get_output_embeddings") else None
    device = next(model.parameters()).device.type
    if head is None:
        with torch.autocast(device, dtype=torch.bfloat16):
            yield
        return
    projection = head.forward

    def float32_projection(hidden):
        # one cheap product (only the needed positions reach it); in float32 it cut the median
        # change to a gap from 0.043 to 0.034 nats on the items above
        with torch.autocast(device, enabled=False):
            return projection(hidden.float())

    own = head.__dict__.get("forward")  # e.g. an accelerate hook's wrapper, set on the instance
    head.forward = float32_projection
    try:
        with torch.autocast(device, dtype=torch.bfloat16):
            yield
    finally:
        if own is None:
            del head.forward  # back to the class's own forward
        else:
            head.forward = own


def precision_of(model) -> str:
    """The dtype of a model's weights, e.g. 'float32' (recorded with every item it scores)."""
    return str(next(model.parameters()).dtype).removeprefix("torch.")


def _common_prefix(sequences: list[list[int]]) -> int:
    """Length of the token prefix all sequences share, leaving each at least one token of its own."""
    first = sequences[0]
    limit = min(len(x) for x in sequences) - 1
    shared = 0
    while shared < limit and all(x[shared] == first[shared] for x in sequences):
        shared += 1
    return shared


def _croppable(cache) -> bool:
    flag = getattr(cache, "is_croppable", True)
    return bool(flag() if callable(flag) else flag)
