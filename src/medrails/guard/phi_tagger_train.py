"""`medrails guard train-phi`: rebuild the shipped PHI token tagger (guard/phi_tagger.py) from gold note sets.

Straight line: read and check every note set (file:line for anything wrong) -> label word tokens
B-/I-<label> from the gold spans -> fit a linear-chain CRF (python-crfsuite, L-BFGS with L1 + L2, no
randomness: the same notes give the same model) -> write phi_tagger.crfsuite and phi_tagger.json (data
files with sha256, counts, parameters) -> score the redactor without and with the new tagger on the dev
note sets (never trained on), so the report says what the tagger adds on text it did not see."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from medrails.config.loader import StrictModel
from medrails.errors import MedrailsError
from medrails.guard.phi_scoring import GoldNote, Score, read_gold_notes, score_document
from medrails.guard.phi_tagger import (
    DEFAULT_THRESHOLD,
    META_NAME,
    MODEL_PATH,
    add_state_features,
    item_features,
    tokens,
)

PROJECTION_NAME = "phi_tagger_projection.npz"


class PhiTaggerTrainConfig(StrictModel):
    notes: list[Path] = Field(min_length=1, description="Gold PHI note sets (JSONL: id, text, spans) to train on; "
                              "relative paths are read from the working directory")
    dev_notes: list[Path] = Field(default_factory=list, description="Gold note sets scored after training and never "
                                  "trained on: the report compares the redactor without and with the new tagger")
    c1: float = Field(default=0.05, ge=0, description="L1 penalty of the CRF (drops features that do not help)")
    c2: float = Field(default=0.01, ge=0, description="L2 penalty of the CRF")
    max_iterations: int = Field(default=150, ge=1, le=5000, description="L-BFGS iterations")
    state_dims: int = Field(default=32, ge=0, le=384, description="Principal axes of the classifier encoder's token "
                            "states the CRF reads (0: none, the CRF reads words and layout only)")
    threshold: float = Field(default=DEFAULT_THRESHOLD, gt=0, lt=1, description="Mean token probability a tagged "
                             "span needs to be redacted (stored with the model)")
    output_dir: Path = Field(default=MODEL_PATH.parent, description="Where phi_tagger.crfsuite and phi_tagger.json "
                             "are written (default: the package)")


@dataclass
class PhiTaggerReport:
    notes: int
    tokens: int
    spans_read: int
    spans_labelled: int
    dropped: dict[str, int]
    seconds: float
    model_path: Path
    dev: dict[str, dict[str, Score]] = field(default_factory=dict)


def bio_labels(note: GoldNote, token_spans: list[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """B-/I-<label> per token from the gold spans, and a reason for each span no token could carry."""
    labels = ["O"] * len(token_spans)
    dropped: list[str] = []
    for span in sorted(note.spans, key=lambda s: s.start):
        hit = [i for i, (a, b) in enumerate(token_spans) if a < span.end and b > span.start]
        if not hit:
            dropped.append("no word token inside the span (only spaces)")
            continue
        if any(labels[i] != "O" for i in hit):
            dropped.append("overlaps an earlier gold span")
            continue
        for k, i in enumerate(hit):
            labels[i] = ("B-" if k == 0 else "I-") + span.label
    return labels, dropped


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(cfg: PhiTaggerTrainConfig, progress: Callable[[str], None] = print,
         on_iteration: Callable[[int, int, float], None] | None = None,
         on_note: Callable[[int, int], None] | None = None) -> PhiTaggerReport:
    """Train, write, score. `progress` gets one-line messages, `on_note(k, total)` each note encoded,
    `on_iteration(k, total, loss)` each L-BFGS step."""
    sets = {path: read_gold_notes(path) for path in cfg.notes}
    dev_sets = {path: read_gold_notes(path) for path in cfg.dev_notes}
    overlap = {n.text for notes in sets.values() for n in notes} & {n.text for notes in dev_sets.values() for n in notes}
    if overlap:
        raise ValueError(f"{len(overlap)} dev notes are also training notes: dev figures would not be unseen; "
                         "take them out of `notes` or `dev_notes`")
    trainer = _progress_trainer_class()(cfg.max_iterations, on_iteration)
    notes = [note for v in sets.values() for note in v]
    token_spans = [tokens(note.text) for note in notes]
    projection = None
    if cfg.state_dims:
        from medrails.guard.phi_tagger_states import fit_projection, token_states

        matrices = []
        for k, (note, spans) in enumerate(zip(notes, token_spans, strict=True), start=1):
            matrices.append(token_states(note.text, spans))
            if on_note is not None:
                on_note(k, len(notes))
        projection = fit_projection(matrices, cfg.state_dims)
    n_tokens = spans_read = 0
    dropped: Counter[str] = Counter()
    for k, (note, spans) in enumerate(zip(notes, token_spans, strict=True)):
        labels, reasons = bio_labels(note, spans)
        items = item_features(note.text, spans)
        if projection is not None:
            add_state_features(items, projection(matrices[k]))
        trainer.append(items, labels)
        n_tokens += len(spans)
        spans_read += len(note.spans)
        dropped.update(reasons)
    n_notes = sum(len(v) for v in sets.values())
    progress(f"read {n_notes} notes from {len(sets)} files: {spans_read} gold spans, "
             f"{spans_read - sum(dropped.values())} labelled, {sum(dropped.values())} dropped {dict(dropped) or ''}")
    trainer.set_params({"c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.max_iterations,
                        "feature.possible_transitions": True})
    cfg.output_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / MODEL_PATH.name
        trainer.train(str(staged))
        seconds = time.perf_counter() - started
        model_path = cfg.output_dir / MODEL_PATH.name
        shutil.copyfile(staged, model_path)  # written only once training finished: no half model on disk
    meta = {"model": MODEL_PATH.name, "sha256": _sha256(model_path), "threshold": cfg.threshold, "projection": None,
            "params": {"c1": cfg.c1, "c2": cfg.c2, "max_iterations": cfg.max_iterations},
            "training_notes": [{"file": str(p), "sha256": _sha256(p), "notes": len(v)} for p, v in sets.items()],
            "tokens": n_tokens, "spans_read": spans_read, "spans_dropped": dict(dropped)}
    if projection is not None:
        projection_path = cfg.output_dir / PROJECTION_NAME
        projection.save(projection_path)
        meta["projection"] = {"file": PROJECTION_NAME, "sha256": _sha256(projection_path), "dims": cfg.state_dims}
    (cfg.output_dir / META_NAME).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    progress(f"trained in {seconds:.0f} s; wrote {model_path}")
    report = PhiTaggerReport(n_notes, n_tokens, spans_read, spans_read - sum(dropped.values()), dict(dropped),
                             seconds, model_path)
    if dev_sets:
        report.dev = score_dev(dev_sets, model_path, cfg.threshold)
    return report


def score_dev(dev_sets: dict[Path, list[GoldNote]], model_path: Path, threshold: float) -> dict[str, dict[str, Score]]:
    """Recall / precision of the redactor with its rules alone and with this tagger added, per dev set."""
    from medrails.guard.phi import PhiRedactor
    from medrails.guard.phi_tagger import PhiTagger

    redactor = PhiRedactor(tagger=PhiTagger(model_path, threshold))  # one analyzer: the rules alone are learned_tagger=False
    out: dict[str, dict[str, Score]] = {}
    for path, notes in dev_sets.items():
        scores = {"rules": Score(), "rules + tagger": Score()}
        for note in notes:
            gold = [(s.start, s.end) for s in note.spans]
            for name, learned in (("rules", False), ("rules + tagger", True)):
                found = redactor.analyze(note.text, learned_tagger=learned)
                score_document(scores[name], gold, [], [(s.start, s.end) for s in found])
        out[str(path)] = scores
    return out


def _progress_trainer_class():
    import pycrfsuite

    class ProgressTrainer(pycrfsuite.Trainer):
        """Passes each L-BFGS iteration (crfsuite reports them as log text, parsed only when verbose) to a
        callback; crfsuite's own printing is switched off handler by handler."""

        def __init__(self, iterations: int, on_iteration: Callable[[int, int, float], None] | None):
            super().__init__(verbose=True)
            self._iterations, self._on_iteration = iterations, on_iteration

        def _quiet(self, *args) -> None:
            return None

        on_start = on_featgen_progress = on_featgen_end = on_prepared = on_optimization_end = on_end = _quiet

        def on_prepare_error(self, log):
            raise MedrailsError(f"crfsuite could not prepare the training data: {log}")

        def on_iteration(self, log, info):
            if self._on_iteration is not None:
                self._on_iteration(int(info.get("num", 0)), self._iterations, float(info.get("loss", 0.0)))

    return ProgressTrainer
