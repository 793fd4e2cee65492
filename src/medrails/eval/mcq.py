"""Multiple-choice tasks: log-likelihood scoring (acc, acc_norm) or, for endpoints without
log-probabilities, generation with a strict answer parser. Results stream to the item log."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from medrails.errors import BackendError, MedrailsError
from medrails.eval.data import LETTERS, TaskData
from medrails.eval.loglik import MAX_BATCH_TOKENS, LoglikScorer, MarginBound, decision_margins
from medrails.eval.metrics import bootstrap, macro_f1, wilson
from medrails.eval.prompts import PromptSpec, build_prompt, exemplars_for, question_text, select_fewshot
from medrails.eval.results import ItemLog, pending, progress_bar


@dataclass
class PreparedTask:
    """Items to score, their exemplars and the prompt record of a task."""

    data: TaskData
    items: list
    exemplars: dict
    spec: PromptSpec


def prepare(data: TaskData, shots: int, chat_template: bool, limit: int | None) -> PreparedTask:
    exemplars, items, how = select_fewshot(data.task, data.fewshot_pool, data.items, shots)
    if limit is not None:
        items = items[:limit]
    ids = tuple(ex.id for group in exemplars.values() for ex in group)
    spec = PromptSpec(chat_template=chat_template, shots=shots, fewshot_source=how, fewshot_ids=ids)
    return PreparedTask(data=data, items=items, exemplars=exemplars, spec=spec)


# -- log-likelihood ------------------------------------------------------------------------------
def run_loglik(task: PreparedTask, scorer: LoglikScorer, log: ItemLog, batch_size: int = 32,
               max_batch_tokens: int = MAX_BATCH_TOKENS, exact: LoglikScorer | None = None,
               bound: MarginBound | None = None) -> list[dict]:
    """Score pending items, up to `batch_size` items of similar length per forward pass (longest
    first, as lm-eval orders them; at most `max_batch_tokens` padded tokens per pass). Each
    pass's records are appended as soon as it finishes, so a killed run loses at most one pass.

    With `exact` (a float32 scorer; `scorer` then runs bfloat16 matrix products) the run is verified:
    items whose bfloat16 decision is within `bound` of flipping are scored again by `exact`,
    which decides them. Until `bound` is calibrated, items are taken in file order and all
    scored both ways; items scored both ways in an earlier, killed run count towards it."""
    done = log.load()
    todo = pending(task.items, done)
    if exact is not None:
        bound = bound if bound is not None else MarginBound()
        bound.reset()  # rebuilt from the log, so calling again on the same log counts nothing twice
        for record in done.values():  # a resumed run keeps what it measured
            if "logprobs_approx" in record:
                bound.observe(record["logprobs_approx"], record["logprobs"], [len(c) for c in record["choices"]])
    encoded = []
    for item in todo:
        prompt = build_prompt(task.data.task, item, exemplars_for(item, task.exemplars), task.spec, scorer.tokenizer)
        encoded.append((item, prompt.choices, scorer.encode_item(prompt.context, prompt.continuations)))
    calibrate = [] if exact is None or bound.calibrated else list(
        range(min(len(encoded), bound.calibration_items - bound.observed_items)))
    if exact is not None and encoded and len(calibrate) == len(encoded):
        # Every pending item would be scored both ways: bfloat16 would decide none of them, so
        # float32 alone scores them (a short run costs what a float32 run costs, not more).
        scorer, exact, calibrate = exact, None, []
    rest = list(range(len(calibrate), len(encoded)))
    batches = [[calibrate[i] for i in b] for b in scorer.plan_batches([encoded[i][2] for i in calibrate], batch_size,
                                                                       max_batch_tokens)]
    batches += [[rest[i] for i in b] for b in scorer.plan_batches([encoded[i][2] for i in rest], batch_size,
                                                                   max_batch_tokens)]
    approx_precision = scorer.precision if batches else None  # (nothing to score: no model needed)
    exact_precision = exact.precision if exact is not None else None
    with progress_bar(f"{task.data.task} (log-likelihood)", total=len(task.items), done=len(task.items) - len(todo)) as advance:
        for batch in batches:
            chunk = [encoded[i] for i in batch]
            started = time.perf_counter()
            all_scores = scorer.score_many([e for _, _, e in chunk])
            rescored = {}
            if exact is not None:
                rescored = _rescore(exact, chunk, all_scores, bound, batch_size, max_batch_tokens)
            seconds = (time.perf_counter() - started) / len(chunk)
            for k, ((item, choices, _), scores) in enumerate(zip(chunk, all_scores, strict=True)):
                record = _loglik_record(task.data.task, item, choices, rescored.get(k, scores), seconds)
                record["precision"] = exact_precision if k in rescored else approx_precision
                if exact is not None:
                    approx = [s.logprob for s in scores]
                    record["margins"] = [round(m, 6) for m in decision_margins(approx, [len(c) for c in choices])]
                    if k in rescored:
                        record["logprobs_approx"] = approx
                log.append(record)
                done[item.id] = record
            if exact is not None:
                for k in rescored:  # measured after the pass: its decisions used the bound as it stood
                    bound.observe([s.logprob for s in all_scores[k]], [s.logprob for s in rescored[k]],
                                  [len(c) for c in chunk[k][1]])
            advance(len(chunk))
    return [done[item.id] for item in task.items]


def _rescore(exact: LoglikScorer, chunk: list, approx: list, bound: MarginBound, batch_size: int,
             max_batch_tokens: int) -> dict[int, list]:
    """The exact scores of the items of `chunk` that the bound does not let bfloat16 decide."""
    close = [k for k, ((_, choices, _), scores) in enumerate(zip(chunk, approx, strict=True))
             if bound.needs_exact([s.logprob for s in scores], [len(c) for c in choices])]
    rescored: dict[int, list] = {}
    for group in exact.plan_batches([chunk[k][2] for k in close], batch_size, max_batch_tokens):
        for i, scores in zip(group, exact.score_many([chunk[close[i]][2] for i in group]), strict=True):
            rescored[close[i]] = scores
    return rescored


def _loglik_record(task: str, item, choices: list[str], scores, seconds: float) -> dict:
    logprobs = [s.logprob for s in scores]
    normed = [lp / len(choice) for lp, choice in zip(logprobs, choices, strict=True)]  # lm-eval acc_norm
    pred = max(range(len(logprobs)), key=logprobs.__getitem__)
    pred_norm = max(range(len(normed)), key=normed.__getitem__)
    return {
        "id": item.id, "task": task, "mode": "loglik", "subject": item.subject, "gold": item.answer,
        "pred": pred, "pred_norm": pred_norm, "correct": pred == item.answer, "correct_norm": pred_norm == item.answer,
        "logprobs": logprobs, "n_tokens": [s.n_tokens for s in scores], "choices": choices,
        "seconds": round(seconds, 4),
    }


# -- generation ----------------------------------------------------------------------------------
_LETTER_ANSWER = re.compile(
    r"^\s*(?:\*\*)?(?P<intro>(?:the\s+)?(?:correct\s+)?(?:answer|option)(?:\s+is)?\s*[:\-]?\s*)?"
    r"\(?(?P<letter>[A-J])\)?(?:\*\*)?(?=[.):,]|[ \t]*(?:\n|$))",
    re.IGNORECASE,
)
_LABEL_ANSWER = re.compile(r"^\s*(?:(?:the\s+)?answer(?:\s+is)?\s*[:\-]?\s*)?(?P<label>yes|no|maybe)\b", re.IGNORECASE)


def parse_answer(text: str, task: str, n_options: int) -> int | None:
    """The chosen option index, or None when the reply does not start with one clear answer.

    Strict on purpose: only a reply that opens with the answer ("B", "(B)", "B. text",
    "Answer: B", "The answer is B") counts; hedges ("A or B", "I think...") are unparseable.
    Letters must be uppercase unless introduced by "answer", so a reply starting "a patient"
    is not read as option A."""
    if task == "pubmedqa":
        match = _LABEL_ANSWER.match(text)
        return ["yes", "no", "maybe"].index(match.group("label").lower()) if match else None
    match = _LETTER_ANSWER.match(text)
    if not match:
        return None
    letter = match.group("letter")
    if letter.islower() and not match.group("intro"):
        return None
    index = LETTERS.index(letter.upper())
    return index if index < n_options else None


def generation_messages(task: str, item, exemplars: list) -> list[dict]:
    if task == "pubmedqa":
        instruction = "Answer the research question from the abstract. Reply with exactly one word: yes, no or maybe."
    else:
        letters = ", ".join(LETTERS[: len(item.options)])
        instruction = f"Answer the multiple-choice question. Reply with only the letter of the best option ({letters})."
    messages = [{"role": "system", "content": instruction}]
    for ex in exemplars:
        answer = ["yes", "no", "maybe"][ex.answer] if task == "pubmedqa" else LETTERS[ex.answer]
        messages += [{"role": "user", "content": question_text(task, ex).removesuffix("Answer:").rstrip()},
                     {"role": "assistant", "content": answer}]
    messages.append({"role": "user", "content": question_text(task, item).removesuffix("Answer:").rstrip()})
    return messages


class EndpointGaveUp(MedrailsError):
    """The model endpoint kept failing; finished items are kept in the item log."""


def run_generate(task: PreparedTask, model, log: ItemLog, params, retries: int = 3, backoff_s: float = 1.0) -> list[dict]:
    done = log.load()
    todo = pending(task.items, done)
    with progress_bar(f"{task.data.task} (generation)", total=len(task.items), done=len(task.items) - len(todo)) as advance:
        for item in todo:
            messages = generation_messages(task.data.task, item, exemplars_for(item, task.exemplars))
            started = time.perf_counter()
            reply = _generate_with_retries(model, messages, params, retries, backoff_s, log, len(done), len(task.items))
            pred = parse_answer(reply, task.data.task, len(item.options))
            record = {
                "id": item.id, "task": task.data.task, "mode": "generate", "subject": item.subject,
                "gold": item.answer, "pred": pred, "correct": pred == item.answer, "parsed": pred is not None,
                "reply": reply, "seconds": round(time.perf_counter() - started, 4),
            }
            log.append(record)
            done[item.id] = record
            advance()
    return [done[item.id] for item in task.items]


def _generate_with_retries(model, messages, params, retries: int, backoff_s: float, log: ItemLog, n_done: int,
                           n_total: int) -> str:
    last: Exception | None = None
    for attempt in range(retries + 1):
        try:
            return model.generate(messages, params)
        except BackendError as exc:
            last = exc
            if attempt < retries:
                time.sleep(backoff_s * (2 ** attempt))
    raise EndpointGaveUp(
        f"{getattr(model, 'name', 'model')} failed {retries + 1} times in a row ({last}); {n_done} of {n_total} items "
        f"are saved in {log.path}; rerun the same command to continue from there"
    )


# -- summary -------------------------------------------------------------------------------------
def summarize(task: str, records: list[dict]) -> dict:
    n = len(records)
    correct = sum(1 for r in records if r["correct"])
    summary: dict = {"n": n, "acc": wilson(correct, n).as_dict()}
    if records and records[0]["mode"] == "loglik":
        summary["acc_norm"] = wilson(sum(1 for r in records if r["correct_norm"]), n).as_dict()
        precisions: dict[str, int] = {}
        for r in records:  # which precision decided each item (older runs did not record it)
            precisions[r.get("precision", "unrecorded")] = precisions.get(r.get("precision", "unrecorded"), 0) + 1
        summary["decided_in"] = precisions
    else:
        unparsed = sum(1 for r in records if not r["parsed"])
        summary["unparseable"] = unparsed
        summary["unparseable_rate"] = unparsed / n if n else 0.0
    if task == "pubmedqa":
        pairs = [(r["gold"], r["pred"] if r["pred"] is not None else -1) for r in records]
        summary["macro_f1"] = bootstrap(pairs, lambda ps: macro_f1(ps, [0, 1, 2]), resamples=300).as_dict()
    subjects: dict[str, list[bool]] = {}
    for r in records:
        if r.get("subject"):
            subjects.setdefault(r["subject"], []).append(r["correct"])
    if len(subjects) > 1:
        summary["by_subject"] = {s: wilson(sum(v), len(v)).as_dict() for s, v in sorted(subjects.items())}
    if task == "medmcqa" and "Dental" in subjects:
        rest = [r for r in records if r.get("subject") != "Dental"]
        summary["acc_without_dental"] = wilson(sum(1 for r in rest if r["correct"]), len(rest)).as_dict()
    return summary
