"""Benchmark loaders: the file formats medrails reads, with every bad line reported.

Formats (nothing is downloaded; the user points at files with `--data name=path`):

- ``medqa``: JSON Lines, one question per line, as in the MedQA-USMLE release
  (``data_clean/questions/US/4_options/*.jsonl``)::

      {"question": "...", "options": {"A": "...", "B": "...", "C": "...", "D": "..."}, "answer_idx": "C"}

  ``options`` may also be a list, and ``answer_idx`` a 0-based integer. ``id`` is optional.
- ``medmcqa``: JSON Lines (despite the ``.json`` extension of the official dev file):
  ``question``, ``opa``..``opd``, ``cop`` = correct option **1-based** (1 = opa; the Hugging Face
  copy is 0-based, this loader is for the official files), optional ``id``, ``subject_name``.
- ``mmlu_medical``: a directory of header-less CSVs ``<subject>_<split>.csv`` (question, A, B, C,
  D, answer letter), the Hendrycks release layout. Scored rows come from ``val/`` or ``test/``
  (or a single CSV); ``dev/`` rows of the same subject are the few-shot exemplars, as in
  lm-evaluation-harness' ``mmlu`` task.
- ``pubmedqa``: the ``ori_pqal.json`` layout: one JSON object keyed by PubMed ID, each value with
  ``QUESTION``, ``CONTEXTS`` (list of abstract sections) and ``final_decision`` (yes/no/maybe).

A malformed line or record is never skipped silently: it becomes a ``LoadProblem`` naming the
file, the line (or key) and the reason, and the counts reconcile (read = kept + problems). An
empty file, a missing file or a file with no usable item is an error.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.jsonl import read_json_lines

LETTERS = "ABCDEFGHIJ"
PUBMEDQA_LABELS = ["yes", "no", "maybe"]
MMLU_MEDICAL_SUBJECTS = [
    "anatomy", "clinical_knowledge", "college_biology", "college_medicine", "medical_genetics",
    "professional_medicine",
]


class DataError(MedrailsError):
    """A benchmark file that cannot be used at all (missing, empty, no valid item)."""


@dataclass
class LoadProblem:
    """One line or record that was not used, and why."""

    file: str
    line: int | str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


@dataclass
class MCQItem:
    """One multiple-choice question; `answer` is the 0-based index of the gold option."""

    id: str
    question: str
    options: list[str]
    answer: int
    context: list[str] | None = None  # PubMedQA abstract sections
    subject: str | None = None
    source: str = ""  # file:line, for error messages and audits


@dataclass
class TaskData:
    """The items of one task, the few-shot pool, and what was not used."""

    task: str
    path: str
    items: list[MCQItem]
    fewshot_pool: dict[str, list[MCQItem]] = field(default_factory=dict)  # subject ("" = any) -> exemplars
    problems: list[LoadProblem] = field(default_factory=list)
    read: int = 0

    @property
    def kept(self) -> int:
        return len(self.items)


def _check_file(path: Path) -> None:
    if not path.exists():
        raise DataError(f"{path}: file not found")
    if path.is_dir():
        raise DataError(f"{path}: is a directory, expected a file")
    if path.stat().st_size == 0 or not path.read_text(encoding="utf-8", errors="replace").strip():
        raise DataError(f"{path}: file is empty")


def _json_lines(path: Path, problems: list[LoadProblem]):
    """Yield (line_number, dict) for each non-blank line; a bad line becomes a counted problem."""
    _check_file(path)
    for line in read_json_lines(path, "data"):
        if line.problem:
            problems.append(LoadProblem(str(path), line.number, line.reason))
            continue
        yield line.number, line.obj


def _text(row: dict, key: str) -> str:
    value = row.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"field '{key}' is missing or empty")
    return value


def _finish(task: str, path: Path, items: list[MCQItem], problems: list[LoadProblem], read: int | None = None,
            fewshot: dict[str, list[MCQItem]] | None = None) -> TaskData:
    read = len(items) + len(problems) if read is None else read
    if not items:
        detail = f"; first problem: {problems[0]}" if problems else ""
        raise DataError(f"{path}: no usable {task} item in {read} record(s){detail}")
    return TaskData(task=task, path=str(path), items=items, fewshot_pool=fewshot or {}, problems=problems, read=read)


# -- MedQA ---------------------------------------------------------------------------------------
def load_medqa(path: str | Path) -> TaskData:
    path = Path(path)
    items: list[MCQItem] = []
    problems: list[LoadProblem] = []
    for number, row in _json_lines(path, problems):
        try:
            question = _text(row, "question")
            raw_options = row.get("options")
            if isinstance(raw_options, dict):
                keys = sorted(raw_options)
                if keys != list(LETTERS[: len(keys)]):
                    raise ValueError(f"option keys {keys} are not consecutive letters from A")
                options = [raw_options[k] for k in keys]
            elif isinstance(raw_options, list):
                options = raw_options
            else:
                raise ValueError("field 'options' must be an object {A: ..., B: ...} or a list")
            if len(options) < 2 or not all(isinstance(o, str) and o.strip() for o in options):
                raise ValueError("need at least two non-empty text options")
            answer = _answer_index(row.get("answer_idx"), len(options))
        except ValueError as exc:
            problems.append(LoadProblem(str(path), number, str(exc)))
            continue
        items.append(MCQItem(id=str(row.get("id") or f"medqa-{number}"), question=question, options=options,
                             answer=answer, subject=row.get("meta_info"), source=f"{path}:{number}"))
    return _finish("medqa", path, items, problems)


def _answer_index(value, n_options: int) -> int:
    if isinstance(value, bool) or value is None:
        raise ValueError("field 'answer_idx' is missing")
    if isinstance(value, int):
        index = value
    elif isinstance(value, str) and len(value.strip()) == 1 and value.strip().upper() in LETTERS:
        index = LETTERS.index(value.strip().upper())
    else:
        raise ValueError(f"answer_idx {value!r} is neither a letter nor a 0-based integer")
    if not 0 <= index < n_options:
        raise ValueError(f"answer_idx {value!r} is out of range for {n_options} options")
    return index


# -- MedMCQA -------------------------------------------------------------------------------------
def load_medmcqa(path: str | Path) -> TaskData:
    path = Path(path)
    items: list[MCQItem] = []
    problems: list[LoadProblem] = []
    for number, row in _json_lines(path, problems):
        try:
            question = _text(row, "question")
            options = [_text(row, k) for k in ("opa", "opb", "opc", "opd")]
            cop = row.get("cop")
            if isinstance(cop, bool) or not isinstance(cop, int):
                raise ValueError(f"field 'cop' must be an integer 1-4 (1-based), got {cop!r}")
            if not 1 <= cop <= 4:
                raise ValueError(f"cop {cop} is out of range: MedMCQA's cop is 1-based (1=opa .. 4=opd)")
        except ValueError as exc:
            problems.append(LoadProblem(str(path), number, str(exc)))
            continue
        items.append(MCQItem(id=str(row.get("id") or f"medmcqa-{number}"), question=question, options=options,
                             answer=cop - 1, subject=row.get("subject_name"), source=f"{path}:{number}"))
    return _finish("medmcqa", path, items, problems)


# -- MMLU medical --------------------------------------------------------------------------------
_MMLU_NAME = re.compile(r"^(?P<subject>.+)_(?P<split>dev|val|test)\.csv$")


def _read_mmlu_csv(path: Path, subject: str, problems: list[LoadProblem]) -> tuple[list[MCQItem], int]:
    _check_file(path)
    items: list[MCQItem] = []
    read = 0
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        for row in reader:
            read += 1
            number = reader.line_num
            if len(row) != 6:
                problems.append(LoadProblem(str(path), number, f"expected 6 columns (question,A,B,C,D,answer), got {len(row)}"))
                continue
            question, *options, letter = row
            letter = letter.strip().upper()
            if letter not in "ABCD" or not letter:
                problems.append(LoadProblem(str(path), number, f"answer {row[5]!r} is not one of A, B, C, D"))
                continue
            if not question.strip():
                problems.append(LoadProblem(str(path), number, "question is empty"))
                continue
            items.append(MCQItem(id=f"{subject}-{path.stem.rsplit('_', 1)[-1]}-{number}", question=question,
                                 options=options, answer="ABCD".index(letter), subject=subject,
                                 source=f"{path}:{number}"))
    return items, read


def load_mmlu(path: str | Path, subjects: list[str] | None = None) -> TaskData:
    """A Hendrycks-layout directory (dev/ + val/ or test/) or one `<subject>_<split>.csv` file."""
    path = Path(path)
    problems: list[LoadProblem] = []
    if path.is_file():
        match = _MMLU_NAME.match(path.name)
        subject = match.group("subject") if match else path.stem
        items, read = _read_mmlu_csv(path, subject, problems)
        fewshot: dict[str, list[MCQItem]] = {}
        dev = path.parent.parent / "dev" / f"{subject}_dev.csv"
        if dev.is_file() and dev != path:
            fewshot[subject], _ = _read_mmlu_csv(dev, subject, problems)
        return _finish("mmlu_medical", path, items, problems, read, fewshot)
    if not path.is_dir():
        raise DataError(f"{path}: not found (expected an MMLU directory with dev/ and val/ or test/, or a CSV)")
    eval_dir = next((path / s for s in ("test", "val") if (path / s).is_dir()), None)
    if eval_dir is None:
        raise DataError(f"{path}: no test/ or val/ folder of <subject>_<split>.csv files")
    wanted = subjects or MMLU_MEDICAL_SUBJECTS
    items: list[MCQItem] = []
    fewshot = {}
    read = 0
    for subject in wanted:
        csv_path = eval_dir / f"{subject}_{eval_dir.name}.csv"
        if not csv_path.is_file():
            raise DataError(f"{csv_path}: missing (MMLU medical needs all of {', '.join(wanted)})")
        subject_items, n = _read_mmlu_csv(csv_path, subject, problems)
        items += subject_items
        read += n
        dev = path / "dev" / f"{subject}_dev.csv"
        if dev.is_file():
            fewshot[subject], _ = _read_mmlu_csv(dev, subject, problems)
    return _finish("mmlu_medical", path, items, problems, read, fewshot)


# -- PubMedQA ------------------------------------------------------------------------------------
def load_pubmedqa(path: str | Path) -> TaskData:
    path = Path(path)
    _check_file(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg}); expected the ori_pqal.json layout") from None
    if not isinstance(data, dict) or not data:
        raise DataError(f"{path}: expected a non-empty JSON object keyed by PubMed ID (ori_pqal.json layout)")
    items: list[MCQItem] = []
    problems: list[LoadProblem] = []
    for pmid, record in data.items():
        where = f"PMID {pmid}"
        if not isinstance(record, dict):
            problems.append(LoadProblem(str(path), where, "record is not an object"))
            continue
        question = record.get("QUESTION")
        contexts = record.get("CONTEXTS")
        label = record.get("final_decision")
        if not isinstance(question, str) or not question.strip():
            problems.append(LoadProblem(str(path), where, "QUESTION is missing or empty"))
        elif not isinstance(contexts, list) or not contexts or not all(isinstance(c, str) for c in contexts):
            problems.append(LoadProblem(str(path), where, "CONTEXTS must be a non-empty list of strings"))
        elif label not in PUBMEDQA_LABELS:
            problems.append(LoadProblem(str(path), where, f"final_decision {label!r} is not yes/no/maybe"))
        else:
            items.append(MCQItem(id=str(pmid), question=question, options=list(PUBMEDQA_LABELS),
                                 answer=PUBMEDQA_LABELS.index(label), context=contexts, source=f"{path}:{where}"))
    return _finish("pubmedqa", path, items, problems, len(data))


MCQ_LOADERS = {
    "medqa": load_medqa,
    "medmcqa": load_medmcqa,
    "mmlu_medical": load_mmlu,
    "pubmedqa": load_pubmedqa,
}
