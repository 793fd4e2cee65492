"""Multiple-choice tasks: log-likelihood scoring (acc, acc_norm) or, for endpoints without
log-probabilities, generation with a strict answer parser. Results stream to the item log."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from medrails.errors import BackendError, MedrailsError
from medrails.eval.data import LETTERS, TaskData
from medrails.eval.loglik import MAX_BATCH_TOKENS, LoglikScorer
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
               max_batch_tokens: int = MAX_BATCH_TOKENS) -> list[dict]:
    """Score pending items, up to `batch_size` items of similar length per forward pass (longest
    first, as lm-eval orders them; at most `max_batch_tokens` padded tokens per pass). Each
    pass's records are appended as soon as it finishes, so a killed run loses at most one pass."""
    done = log.load()
    todo = pending(task.items, done)
    encoded = []
    for item in todo:
        prompt = build_prompt(task.data.task, item, exemplars_for(item, task.exemplars), task.spec, scorer.tokenizer)
        encoded.append((item, prompt.choices, scorer.encode_item(prompt.context, prompt.continuations)))
    batches = scorer.plan_batches([e for _, _, e in encoded], batch_size, max_batch_tokens)
    with progress_bar(f"{task.data.task} (log-likelihood)", total=len(task.items), done=len(task.items) - len(todo)) as advance:
        for batch in batches:
            chunk = [encoded[i] for i in batch]
            started = time.perf_counter()
            all_scores = scorer.score_many([e for _, _, e in chunk])
            seconds = (time.perf_counter() - started) / len(chunk)
            for (item, choices, _), scores in zip(chunk, all_scores, strict=True):
                record = _loglik_record(task.data.task, item, choices, scores, seconds)
                log.append(record)
                done[item.id] = record
            advance(len(chunk))
    return [done[item.id] for item in task.items]


def _loglik_record(task: str, item, choices: list[str], scores, seconds: float) -> dict:
    logprobs = [s.logprob for s in scores]
    normed = [lp / len(choice) for lp, choice in zip(logprobs, choices, strict=True)]  # lm-eval acc_norm
    pred = max(range(len(logprobs)), key=logprobs.__getitem__)
    pred_norm = max(range(len(normed)), key=normed.__getitem__)
    return {
        "id": item.id, "task": task, "mode": "loglik", "subject": item.subject, "gold": item.answer,
        "pred": pred, "pred_norm": pred_norm, "correct": pred == item.answer, "correct_norm": pred_norm == item.answer,
        "logprobs": logprobs, "n_tokens": [s.n_tokens for s in scores], "seconds": round(seconds, 4),
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
