"""Summarization: radiology findings -> impression on the IU X-ray reports, scored with ROUGE.

Input: the Open-i / Kaggle ``indiana_reports.csv`` (header with ``uid``, ``findings``,
``impression``). Pairs are the reports with both sections non-empty; they are shuffled with a
fixed seed (stored in the run) so ``--limit`` takes the same sample every time. The file stays
verbatim (its licence forbids modified copies): pairs are derived at load time.
Metrics: ROUGE-1/2/L F-measure (``rouge-score``, Porter stemmer), mean with bootstrap 95% CI.
"""

from __future__ import annotations

import csv
import random
import time
from dataclasses import dataclass
from pathlib import Path

from medrails.eval.data import DataError, LoadProblem
from medrails.eval.metrics import bootstrap, mean
from medrails.eval.results import ItemLog, pending, progress_bar

SYSTEM = ("You are a radiologist. Write the IMPRESSION section of a chest X-ray report from its FINDINGS: "
          "one or two short sentences, the key conclusion only.")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


@dataclass
class ReportPair:
    id: str
    findings: str
    impression: str


def load_reports(path: str | Path, seed: int = 0) -> tuple[list[ReportPair], list[LoadProblem], int]:
    """(pairs in seeded order, problems, rows read). Rows lacking a section are counted, not errors."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise DataError(f"{path}: missing or empty (expected indiana_reports.csv with findings and impression columns)")
    pairs: list[ReportPair] = []
    problems: list[LoadProblem] = []
    read = 0
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"uid", "findings", "impression"} - set(reader.fieldnames or [])
        if missing:
            raise DataError(f"{path}:1: header lacks column(s) {', '.join(sorted(missing))}")
        for row in reader:
            read += 1
            findings, impression = (row.get("findings") or "").strip(), (row.get("impression") or "").strip()
            if not findings or not impression:
                problems.append(LoadProblem(str(path), reader.line_num,
                                            "no findings" if not findings else "no impression"))
                continue
            pairs.append(ReportPair(id=str(row["uid"]), findings=findings, impression=impression))
    if not pairs:
        raise DataError(f"{path}: no report has both findings and impression")
    random.Random(seed).shuffle(pairs)
    return pairs, problems, read


def rouge(prediction: str, reference: str) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    scores = scorer.score(reference, prediction)
    return {k: scores[k].fmeasure for k in ROUGE_TYPES}


def run_summarization(pairs: list[ReportPair], model, params, log: ItemLog) -> list[dict]:
    done = log.load()
    todo = pending(pairs, done)
    with progress_bar("summarization (iu_xray)", total=len(pairs), done=len(pairs) - len(todo)) as advance:
        for pair in todo:
            started = time.perf_counter()
            messages = [{"role": "system", "content": SYSTEM},
                        {"role": "user", "content": f"FINDINGS: {pair.findings}\nIMPRESSION:"}]
            output = model.generate(messages, params).strip()
            record = {"id": pair.id, "task": "summarization", "findings": pair.findings, "reference": pair.impression,
                      "output": output, **rouge(output, pair.impression),
                      "seconds": round(time.perf_counter() - started, 3)}
            log.append(record)
            done[pair.id] = record
            advance()
    return [done[p.id] for p in pairs]


def summarize(records: list[dict]) -> dict:
    summary: dict = {"n": len(records)}
    for key in ROUGE_TYPES:
        summary[key] = bootstrap([r[key] for r in records], mean, resamples=500).as_dict()
    return summary
