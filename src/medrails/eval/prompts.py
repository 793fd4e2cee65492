"""Prompt formats for multiple-choice tasks, compatible with lm-evaluation-harness by default.

Published medical scores disagree across harnesses mostly because of the prompt, the chat
template and the few-shot exemplars, so a `PromptSpec` records all three and every run stores it.

lm-evaluation-harness formats reproduced here (lm_eval 0.4 task files):
- pubmedqa: ``Abstract: {contexts joined by \\n}\\nQuestion: {question}\\nAnswer:``, choices yes/no/maybe
- medqa_4options: ``Question: {q}\\nA. {a}\\nB. {b}\\nC. {c}\\nD. {d}\\nAnswer:``, choices A-D
- medmcqa: ``Question: {q}\\nChoices:\\nA. {a}\\n...D. {d}\\nAnswer:``, choices A-D
- mmlu: description ``The following are multiple choice questions (with answers) about {subject}.\\n\\n``,
  then ``{q.strip()}\\nA. ..\\nD. ..\\nAnswer:``; few-shot = first K dev rows of the subject.
The target delimiter is a space (continuations `` A``, `` yes``) and few-shot examples are
joined by a blank line, as in lm-eval.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from medrails.eval.data import LETTERS, MCQItem


@dataclass(frozen=True)
class PromptSpec:
    """Everything about how items were put to the model; stored in every run."""

    format: str = "lm-eval"
    chat_template: bool = False
    shots: int = 0
    fewshot_source: str = ""
    fewshot_ids: tuple[str, ...] = field(default_factory=tuple)
    target_delimiter: str = " "
    fewshot_delimiter: str = "\n\n"

    def record(self) -> dict:
        data = asdict(self)
        data["fewshot_ids"] = list(self.fewshot_ids)
        return data


def question_text(task: str, item: MCQItem) -> str:
    """The lm-eval `doc_to_text` of one item."""
    if task == "pubmedqa":
        contexts = "\n".join(item.context or [])
        return f"Abstract: {contexts}\nQuestion: {item.question}\nAnswer:"
    letters = LETTERS[: len(item.options)]
    options = "".join(f"{letter}. {option}\n" for letter, option in zip(letters, item.options, strict=True))
    if task == "medmcqa":
        return f"Question: {item.question}\nChoices:\n{options}Answer:"
    if task == "mmlu_medical":
        return f"{item.question.strip()}\n{options}Answer:"
    return f"Question: {item.question}\n{options}Answer:"


def choice_texts(task: str, item: MCQItem) -> list[str]:
    """What is scored after the delimiter: the label words for PubMedQA, letters otherwise."""
    if task == "pubmedqa":
        return list(item.options)
    return list(LETTERS[: len(item.options)])


def description(task: str, item: MCQItem) -> str:
    if task == "mmlu_medical" and item.subject:
        return f"The following are multiple choice questions (with answers) about {item.subject.replace('_', ' ')}.\n\n"
    return ""


def fewshot_block(task: str, exemplars: list[MCQItem], spec: PromptSpec) -> str:
    """Solved exemplars, each followed by the delimiter (empty for zero-shot)."""
    parts = []
    for ex in exemplars:
        answer = choice_texts(task, ex)[ex.answer]
        parts.append(question_text(task, ex) + spec.target_delimiter + answer)
    return "".join(p + spec.fewshot_delimiter for p in parts)


@dataclass
class BuiltPrompt:
    """The text scored for one item: a context and one continuation per option."""

    context: str
    continuations: list[str]
    choices: list[str]  # the bare choice strings (acc_norm divides by their length, as lm-eval)


def build_prompt(task: str, item: MCQItem, exemplars: list[MCQItem], spec: PromptSpec, tokenizer=None) -> BuiltPrompt:
    choices = choice_texts(task, item)
    body = description(task, item) + fewshot_block(task, exemplars, spec) + question_text(task, item)
    if spec.chat_template:
        if tokenizer is None or not getattr(tokenizer, "chat_template", None):
            from medrails.errors import MedrailsError

            raise MedrailsError("--chat-template was asked for but the model's tokenizer has no chat template")
        context = tokenizer.apply_chat_template([{"role": "user", "content": body}], add_generation_prompt=True,
                                                tokenize=False)
        # In a chat turn the answer starts the assistant message: no leading delimiter.
        return BuiltPrompt(context=context, continuations=list(choices), choices=choices)
    return BuiltPrompt(context=body, continuations=[spec.target_delimiter + c for c in choices], choices=choices)


def select_fewshot(task: str, pool: dict[str, list[MCQItem]], items: list[MCQItem], shots: int) -> tuple[
        dict[str, list[MCQItem]], list[MCQItem], str]:
    """Choose exemplars: per subject from the dev pool (MMLU, lm-eval's first_n sampler), else the
    first `shots` items of the file, which are then removed from the scored items. Returns
    (exemplars by subject, items to score, a description of the choice for the run record)."""
    if shots <= 0:
        return {}, items, "zero-shot"
    if pool:
        short = [s for s, ex in pool.items() if len(ex) < shots]
        if short:
            from medrails.errors import MedrailsError

            raise MedrailsError(f"{task}: --shots {shots} but the dev pool has fewer exemplars for {', '.join(short)}")
        return {s: ex[:shots] for s, ex in pool.items()}, items, f"first {shots} dev rows per subject (lm-eval first_n)"
    if len(items) <= shots:
        from medrails.errors import MedrailsError

        raise MedrailsError(f"{task}: --shots {shots} needs more than {shots} items (they come from the same file)")
    return {"": items[:shots]}, items[shots:], f"first {shots} items of the file, excluded from scoring"


def exemplars_for(item: MCQItem, chosen: dict[str, list[MCQItem]]) -> list[MCQItem]:
    if not chosen:
        return []
    return chosen.get(item.subject or "", chosen.get("", []))
