"""Source readers: each turns one public format into Examples, and every bad line into a BadLine.

A reader never raises on a bad record: it yields a BadLine naming the file, the line (or item id)
and what is wrong, so the build can count it and the dataset card can reconcile.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Category = Literal["answer", "refuse", "emergency"]


@dataclass
class Example:
    """One training example: a prompt (with optional earlier turns) and a completion or a preference pair."""

    source: str
    origin: str  # file:line or file#id, for lineage
    prompt: str
    completion: str = ""
    chosen: str = ""
    rejected: str = ""
    history: list[dict[str, str]] = field(default_factory=list)  # earlier turns, role/content
    system: str | None = None
    category: Category = "answer"
    disclaimer: bool = True

    @property
    def is_pair(self) -> bool:
        return bool(self.chosen)

    def answer_text(self) -> str:
        return self.chosen if self.is_pair else self.completion


@dataclass
class BadLine:
    source: str
    origin: str
    reason: str  # short reason key, e.g. bad_json, missing_field
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}{' (' + self.detail + ')' if self.detail else ''}"


Item = Example | BadLine


def _rows(path: Path, source: str) -> Iterator[tuple[str, Any] | BadLine]:
    """(origin, row) for JSON arrays, JSON objects of records, JSONL and Parquet; BadLine for broken lines."""
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for i, row in enumerate(pq.read_table(path).to_pylist(), start=1):
            yield f"{path}#row{i}", row
        return
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        head = handle.read(4096).lstrip()
    if head.startswith("["):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            yield BadLine(source, f"{path}:{exc.lineno}", "bad_json", exc.msg)
            return
        for i, row in enumerate(data):
            yield f"{path}#{i}", row
        return
    if head.startswith("{"):
        # a whole-file JSON object (PubMedQA ori_pqal: {id: record}) or JSON lines
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            data = None
        if isinstance(data, dict) and data and all(isinstance(v, dict) for v in data.values()):
            for key, row in data.items():
                yield f"{path}#{key}", row
            return
    with path.open("r", encoding="utf-8", errors="replace") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield f"{path}:{lineno}", json.loads(line)
            except json.JSONDecodeError as exc:
                yield BadLine(source, f"{path}:{lineno}", "bad_json", exc.msg)


def _text(row: dict, *keys: str) -> str | None:
    for key in keys:
        value = row.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
    return None


class _Missing(Exception):
    def __init__(self, reason: str, detail: str = ""):
        self.reason, self.detail = reason, detail


def _need(row: Any, *keys: str) -> str:
    if not isinstance(row, dict):
        raise _Missing("wrong_type", f"expected a JSON object, got {type(row).__name__}")
    value = _text(row, *keys)
    if value is None:
        raise _Missing("missing_field", f"needs {' or '.join(repr(k) for k in keys)}")
    return value


LETTERS = "ABCDEFGHIJ"


def _mcq(question: str, options: list[str], answer: int, explanation: str) -> tuple[str, str]:
    lines = "\n".join(f"{LETTERS[i]}. {opt}" for i, opt in enumerate(options))
    prompt = f"Answer the following medical question:\n\n{question}\n\n{lines}"
    completion = f"The correct answer is {LETTERS[answer]}. {options[answer]}"
    if explanation.strip():
        completion += f"\n\n{explanation.strip()}"
    return prompt, completion


def parse_medqa(row: Any, source: str, origin: str) -> Example:
    question = _need(row, "question")
    options = row.get("options")
    idx = row.get("answer_idx")
    if isinstance(options, dict):
        keys = sorted(options)
        values = [str(options[k]) for k in keys]
        if isinstance(idx, str) and idx in options:
            answer = keys.index(idx)
        elif isinstance(idx, int) and 0 <= idx < len(keys):
            answer = idx
        else:
            raise _Missing("bad_answer", f"answer_idx {idx!r} is not one of {keys}")
    elif isinstance(options, list) and options:
        values = [str(o["value"]) if isinstance(o, dict) and "value" in o else str(o) for o in options]
        if isinstance(idx, str) and len(idx) == 1 and idx.upper() in LETTERS[: len(values)]:
            answer = LETTERS.index(idx.upper())
        elif isinstance(idx, int) and not isinstance(idx, bool) and 0 <= idx < len(values):
            answer = idx
        else:
            raise _Missing("bad_answer", f"answer_idx {idx!r} out of range for {len(values)} options")
    else:
        raise _Missing("missing_field", "needs 'options' (a dict of letter -> text, or a list)")
    prompt, completion = _mcq(question, values, answer, _text(row, "explanation", "exp") or "")
    return Example(source, origin, prompt, completion)


def parse_medmcqa(row: Any, source: str, origin: str) -> Example:
    question = _need(row, "question")
    options = [_need(row, k) for k in ("opa", "opb", "opc", "opd")]
    cop = row.get("cop")
    if not isinstance(cop, int) or isinstance(cop, bool) or not 1 <= cop <= 4:
        raise _Missing("bad_answer", f"cop must be 1-4 (1-based), got {cop!r}")
    prompt, completion = _mcq(question, options, cop - 1, _text(row, "exp") or "")
    return Example(source, origin, prompt, completion)


def parse_pubmedqa(row: Any, source: str, origin: str) -> Example:
    question = _need(row, "QUESTION", "question")
    contexts = row.get("CONTEXTS", row.get("context", row.get("contexts")))
    if isinstance(contexts, dict):  # HF pubmed_qa: {"contexts": [...], "labels": [...]}
        contexts = contexts.get("contexts", [])
    if isinstance(contexts, str):
        contexts = [contexts]
    if not isinstance(contexts, list):
        raise _Missing("missing_field", "needs 'CONTEXTS' (a list of abstract passages)")
    decision = _need(row, "final_decision").strip().lower()
    if decision not in {"yes", "no", "maybe"}:
        raise _Missing("bad_answer", f"final_decision must be yes/no/maybe, got {decision!r}")
    long_answer = _text(row, "LONG_ANSWER", "long_answer") or ""
    context = "\n".join(str(c) for c in contexts)
    prompt = f"{question}\n\nContext:\n{context}" if context else question
    completion = f"{decision.capitalize()}. {long_answer}".strip()
    return Example(source, origin, prompt, completion)


_SPEAKER = re.compile(r"^\s*(patient|doctor|user|assistant|human|gpt|bot)\s*:\s*", re.IGNORECASE)


def parse_meddialog(row: Any, source: str, origin: str) -> Example:
    if not isinstance(row, dict):
        raise _Missing("wrong_type", f"expected a JSON object, got {type(row).__name__}")
    turns = row.get("utterances", row.get("dialogue", row.get("turns")))
    if not isinstance(turns, list) or not all(isinstance(t, (str, dict)) for t in turns or [None]):
        raise _Missing("missing_field", "needs 'utterances' (a list of strings, patient first)")
    texts = [t if isinstance(t, str) else str(t.get("text", t.get("utterance", ""))) for t in turns]
    texts = [_SPEAKER.sub("", t) for t in texts]
    if len(texts) < 2:
        raise _Missing("too_short", "a dialogue needs a patient turn and a doctor turn")
    if len(texts) % 2:  # end on a doctor turn
        texts = texts[:-1]
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": t} for i, t in enumerate(texts[:-2])]
    return Example(source, origin, texts[-2], texts[-1], history=history)


def parse_alpaca(row: Any, source: str, origin: str) -> Example:
    instruction = _need(row, "instruction")
    extra = _text(row, "input") or ""
    output = _need(row, "output")
    prompt = f"{instruction}\n\n{extra}" if extra.strip() else instruction
    ex = Example(source, origin, prompt, output, system=_text(row, "system"))
    category = row.get("category")
    if category in {"answer", "refuse", "emergency"}:
        ex.category = category
    return ex


_ROLE = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant", "bot": "assistant",
         "system": "system", "model": "assistant"}


def parse_sharegpt(row: Any, source: str, origin: str) -> Example:
    if not isinstance(row, dict):
        raise _Missing("wrong_type", f"expected a JSON object, got {type(row).__name__}")
    turns = row.get("conversations", row.get("messages"))
    if not isinstance(turns, list) or not turns:
        raise _Missing("missing_field", "needs 'conversations' (from/value) or 'messages' (role/content)")
    messages = []
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise _Missing("wrong_type", f"turn {i} is not an object")
        role = _ROLE.get(str(turn.get("from", turn.get("role", ""))).lower())
        content = turn.get("value", turn.get("content"))
        if role is None or not isinstance(content, str):
            raise _Missing("bad_turn", f"turn {i} needs from/value (human|gpt|system) or role/content")
        messages.append({"role": role, "content": content})
    system = messages.pop(0)["content"] if messages[0]["role"] == "system" else _text(row, "system")
    if len(messages) < 2 or messages[-1]["role"] != "assistant" or messages[-2]["role"] != "user":
        raise _Missing("bad_turn", "the conversation must end with a user turn followed by an assistant turn")
    return Example(source, origin, messages[-2]["content"], messages[-1]["content"], history=messages[:-2],
                   system=system)


def parse_medicationqa(row: Any, source: str, origin: str) -> Example:
    question = _need(row, "question", "Question")
    answer = _need(row, "answer", "Answer")
    return Example(source, origin, question, answer)


def _pair_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and value and isinstance(value[-1], dict):
        content = value[-1].get("content")
        return content if isinstance(content, str) else None
    return None


def parse_dpo(row: Any, source: str, origin: str) -> Example:
    if not isinstance(row, dict):
        raise _Missing("wrong_type", f"expected a JSON object, got {type(row).__name__}")
    prompt, chosen, rejected = (_pair_text(row.get(k)) for k in ("prompt", "chosen", "rejected"))
    missing = [k for k, v in (("prompt", prompt), ("chosen", chosen), ("rejected", rejected)) if v is None]
    if missing:
        raise _Missing("missing_field", f"needs {', '.join(missing)} (strings or message lists)")
    ex = Example(source, origin, prompt or "", chosen=chosen or "", rejected=rejected or "")
    category = row.get("category")
    if category in {"answer", "refuse", "emergency"}:
        ex.category = category
    return ex


def read_medquad(path: Path, source: str) -> Iterator[Item]:
    """MedQuAD XML: a folder of <Document><QAPairs><QAPair><Question/><Answer/> files (or one file)."""
    files = sorted(path.rglob("*.xml")) if path.is_dir() else [path]
    if not files:
        yield BadLine(source, str(path), "no_files", "no .xml files found")
        return
    for file in files:
        try:
            root = ET.parse(file).getroot()
        except ET.ParseError as exc:
            yield BadLine(source, f"{file}:{exc.position[0]}", "bad_xml", str(exc))
            continue
        pairs = root.findall(".//QAPair")
        for n, pair in enumerate(pairs, start=1):
            q = pair.find("Question")
            origin = f"{file}#{q.get('qid') if q is not None and q.get('qid') else n}"
            a = pair.find("Answer")
            question = (q.text or "").strip() if q is not None else ""
            answer = (a.text or "").strip() if a is not None else ""
            if not question:
                yield BadLine(source, origin, "missing_field", "empty <Question>")
            elif not answer:
                # MedQuAD ships some collections without answers (MedlinePlus licensing)
                yield BadLine(source, origin, "empty_answer", "empty <Answer>")
            else:
                yield Example(source, origin, re.sub(r"\s*\?(\s*\?)+$", "?", question), answer)


PARSERS: dict[str, Callable[[Any, str, str], Example]] = {
    "medqa": parse_medqa,
    "medmcqa": parse_medmcqa,
    "pubmedqa": parse_pubmedqa,
    "meddialog": parse_meddialog,
    "alpaca": parse_alpaca,
    "sharegpt": parse_sharegpt,
    "medicationqa": parse_medicationqa,
    "dpo": parse_dpo,
}


def read_source(fmt: str, path: Path, source: str) -> Iterator[Item]:
    """Every record of a source as an Example or a BadLine (directories: all json/jsonl/parquet files)."""
    if fmt == "medquad":
        yield from read_medquad(path, source)
        return
    parser = PARSERS[fmt]
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix in {".json", ".jsonl", ".parquet"})
        if not files:
            yield BadLine(source, str(path), "no_files", "no .json/.jsonl/.parquet files in the folder")
            return
    else:
        files = [path]
    for file in files:
        for item in _rows(file, source):
            if isinstance(item, BadLine):
                yield item
                continue
            origin, row = item
            try:
                yield parser(row, source, origin)
            except _Missing as exc:
                yield BadLine(source, origin, exc.reason, exc.detail)
