"""Extraction metrics: entity-level strict and relaxed precision / recall / F1.

Inputs:
- BIO / CoNLL files (NCBI-disease, BC5CDR): ``token<TAB>tag`` per line, blank line between
  sentences, tags ``O`` / ``B-<type>`` / ``I-<type>``. The sentence text is the tokens joined by
  single spaces, so gold spans get character offsets in that text. An ``I-`` tag that does not
  continue an entity of its type starts a new one (the conlleval convention) and is counted in
  ``repaired_tags``; a line without exactly two tab-separated fields is reported with file:line.
- The ADE corpus ``ade_sentences.jsonl``: ``sentence`` and ``entities[{text, type, start, end}]``
  with sentence-level character offsets.

Strict: a predicted span counts when start, end and label all equal a gold span's.
Relaxed: when it overlaps a gold span of the same label (each gold matched at most once).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from medrails.eval.data import DataError, LoadProblem
from medrails.eval.results import ItemLog, pending, progress_bar
from medrails.extract.spans import Span


@dataclass
class Document:
    id: str
    text: str
    spans: list[Span]
    group: str = ""  # PubMed ID for ADE (to split lexicon / scored sentences by article)


@dataclass
class Corpus:
    path: str
    documents: list[Document]
    labels: tuple[str, ...]
    problems: list[LoadProblem] = field(default_factory=list)
    repaired_tags: int = 0


def read_bio(path: str | Path) -> Corpus:
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise DataError(f"{path}: missing or empty (expected a token<TAB>tag BIO file)")
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    repaired = 0
    tokens: list[tuple[str, str]] = []
    start_line = 1

    def flush(line_no: int) -> None:
        nonlocal repaired
        if not tokens:
            return
        text, spans, fixed = _spans_from_bio(tokens)
        repaired += fixed
        documents.append(Document(id=f"{path.name}:{start_line}", text=text, spans=spans))
        tokens.clear()

    with path.open(encoding="utf-8") as fh:
        for number, raw in enumerate(fh, start=1):
            line = raw.rstrip("\n")
            if not line.strip():
                flush(number)
                start_line = number + 1
                continue
            parts = line.split("\t")
            if len(parts) != 2 or not parts[0]:
                problems.append(LoadProblem(str(path), number, f"expected token<TAB>tag, got {line[:60]!r}"))
                continue
            token, tag = parts
            if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
                problems.append(LoadProblem(str(path), number, f"tag {tag!r} is not O, B-<type> or I-<type>"))
                tag = "O"
            if not tokens:
                start_line = number
            tokens.append((token, tag))
        flush(number + 1)
    if not documents:
        raise DataError(f"{path}: no sentence found")
    labels = tuple(sorted({s.label for d in documents for s in d.spans}))
    return Corpus(str(path), documents, labels, problems, repaired)


def _spans_from_bio(tokens: list[tuple[str, str]]) -> tuple[str, list[Span], int]:
    text_parts, spans, repaired = [], [], 0
    offset = 0
    current: list | None = None  # [start, end, label]
    for token, tag in tokens:
        start, end = offset, offset + len(token)
        if tag == "O":
            current = _close(current, spans)
        elif tag.startswith("B-") or current is None or current[2] != tag[2:]:
            repaired += tag.startswith("I-")
            _close(current, spans)
            current = [start, end, tag[2:]]
        else:
            current[1] = end
        text_parts.append(token)
        offset = end + 1
    _close(current, spans)
    text = " ".join(text_parts)
    return text, [Span(s.start, s.end, s.label, text[s.start:s.end]) for s in spans], repaired


def _close(current, spans: list[Span]) -> None:
    if current is not None:
        spans.append(Span(current[0], current[1], current[2]))
    return None


def read_ade(path: str | Path) -> Corpus:
    from medrails.eval.data import _json_lines

    path = Path(path)
    documents: list[Document] = []
    problems: list[LoadProblem] = []
    for number, row in _json_lines(path, problems):
        sentence, entities = row.get("sentence"), row.get("entities")
        if not isinstance(sentence, str) or not isinstance(entities, list):
            problems.append(LoadProblem(str(path), number, "needs 'sentence' (text) and 'entities' (list)"))
            continue
        spans, bad = [], None
        for e in entities:
            try:
                start, end, label = int(e["start"]), int(e["end"]), str(e["type"])
            except (KeyError, TypeError, ValueError):
                bad = "an entity lacks start/end/type"
                break
            if not 0 <= start < end <= len(sentence) or sentence[start:end] != e.get("text", sentence[start:end]):
                bad = f"entity {e.get('text')!r} offsets {start}-{end} do not match the sentence"
                break
            spans.append(Span(start, end, label, sentence[start:end]))
        if bad:
            problems.append(LoadProblem(str(path), number, bad))
            continue
        documents.append(Document(id=f"{row.get('pmid', '')}:{number}", text=sentence, spans=sorted(set(spans)),
                                  group=str(row.get("pmid", ""))))
    if not documents:
        raise DataError(f"{path}: no usable sentence")
    labels = tuple(sorted({s.label for d in documents for s in d.spans}))
    return Corpus(str(path), documents, labels, problems)


def ade_fold(document: Document) -> str:
    """Deterministic article-level split for ADE (no official split): 'lexicon' (80%) or 'eval' (20%)."""
    bucket = int(hashlib.sha1(document.group.encode()).hexdigest(), 16) % 10
    return "eval" if bucket < 2 else "lexicon"


# -- scoring -------------------------------------------------------------------------------------
@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    strict_tp: int = 0
    relaxed_pred_tp: int = 0
    relaxed_gold_tp: int = 0

    def add(self, gold: list[Span], predicted: list[Span]) -> None:
        gold_set = {(s.start, s.end, s.label) for s in gold}
        pred_set = {(s.start, s.end, s.label) for s in predicted}
        self.gold += len(gold_set)
        self.predicted += len(pred_set)
        self.strict_tp += len(gold_set & pred_set)
        self.relaxed_pred_tp += sum(1 for p in predicted if any(p.label == g.label and p.overlaps(g) for g in gold))
        self.relaxed_gold_tp += sum(1 for g in gold if any(p.label == g.label and p.overlaps(g) for p in predicted))

    def scores(self) -> dict:
        def prf(tp_pred: int, tp_gold: int) -> dict:
            p = tp_pred / self.predicted if self.predicted else 0.0
            r = tp_gold / self.gold if self.gold else 0.0
            return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

        return {"strict": prf(self.strict_tp, self.strict_tp), "relaxed": prf(self.relaxed_pred_tp, self.relaxed_gold_tp),
                "gold": self.gold, "predicted": self.predicted}


def run_extraction(documents: list[Document], extractor, log: ItemLog, task: str) -> list[dict]:
    done = log.load()
    todo = pending(documents, done)
    with progress_bar(f"{task} ({extractor.name})", total=len(documents), done=len(documents) - len(todo)) as advance:
        for doc in todo:
            started = time.perf_counter()
            predicted = [s for s in extractor.extract(doc.text) if s.label in extractor.labels]
            record = {"id": doc.id, "task": task, "text": doc.text,
                      "gold": [[s.start, s.end, s.label] for s in doc.spans],
                      "predicted": [[s.start, s.end, s.label] for s in predicted],
                      "seconds": round(time.perf_counter() - started, 4)}
            log.append(record)
            done[doc.id] = record
            advance()
    return [done[d.id] for d in documents]


def summarize(records: list[dict], labels: tuple[str, ...]) -> dict:
    overall = Counts()
    per_label = {label: Counts() for label in labels}
    for r in records:
        gold = [Span(a, b, c) for a, b, c in r["gold"]]
        pred = [Span(a, b, c) for a, b, c in r["predicted"]]
        overall.add(gold, pred)
        for label, counts in per_label.items():
            counts.add([s for s in gold if s.label == label], [s for s in pred if s.label == label])
    return {"n": len(records), **overall.scores(), **_f1_intervals(records),
            "by_label": {k: v.scores() for k, v in per_label.items()}}


def _f1_intervals(records: list[dict]) -> dict:
    """Document-level bootstrap intervals of the micro strict and relaxed F1 (documents resampled;
    each document's counts are computed once, so resamples only add them up)."""
    from medrails.eval.metrics import bootstrap

    per_doc = []
    for r in records:
        c = Counts()
        c.add([Span(a, b, lab) for a, b, lab in r["gold"]], [Span(a, b, lab) for a, b, lab in r["predicted"]])
        per_doc.append((c.gold, c.predicted, c.strict_tp, c.relaxed_pred_tp, c.relaxed_gold_tp))

    def micro_f1(kind: str):
        def statistic(sample) -> float:
            total = Counts(*(sum(col) for col in zip(*sample, strict=True))) if sample else Counts()
            return total.scores()[kind]["f1"]
        return statistic

    return {"strict_f1": bootstrap(per_doc, micro_f1("strict"), resamples=500).as_dict(),
            "relaxed_f1": bootstrap(per_doc, micro_f1("relaxed"), resamples=500).as_dict()}
