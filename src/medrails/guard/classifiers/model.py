"""The shipped guard classifier: a temperature-calibrated multinomial logistic-regression head over
MiniLM embeddings + lexical cues. Classes are fine labels (answer, out_of_scope, R1..R7, E:<class>);
decisions aggregate them. Rebuilt by `medrails guard train` (medrails.guard.train)."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from medrails.errors import MedrailsError
from medrails.guard.classifiers.features import CUE_NAMES, featurize
from medrails.guard.embeddings import CLASSIFIER_ENCODER, AdapterSpec, adapter_from_meta

ARTIFACT_DIR = Path(__file__).parent
HEAD_FILE = "guard_head.npz"
META_FILE = "guard_head.json"
REFUSE_CATEGORIES = ("R1", "R2", "R3", "R4", "R5", "R6", "R7")
EMERGENCY_CLASSES = ("cardiac", "stroke", "breathing", "anaphylaxis", "suicide", "overdose", "bleeding",
                     "unconscious", "seizure", "newborn_fever")


def fine_label(label: str, category: str | None) -> str:
    """Training label -> classifier class."""
    if label == "refuse":
        return category or "R6"
    if label == "emergency":
        return f"E:{category}"
    return label


@dataclass
class Prediction:
    """Calibrated probabilities for one text, per class and per decision."""

    probs: dict[str, float]
    p_answer: float
    p_out_of_scope: float
    p_refuse: float
    p_emergency: float
    refuse_category: str
    emergency_class: str
    extra: dict = field(default_factory=dict)

    @property
    def p_unsafe(self) -> float:
        return min(1.0, self.p_refuse + self.p_emergency)


@dataclass
class Thresholds:
    unsafe: float = 0.5      # p(refuse)+p(emergency) at or above: not answered
    emergency: float = 0.5   # p(emergency) at or above: emergency
    out_of_scope: float = 0.5


class GuardClassifier:
    def __init__(self, classes: list[str], coef: np.ndarray, intercept: np.ndarray, temperature: float,
                 thresholds: Thresholds, meta: dict, adapter: AdapterSpec | None = None):
        self.classes = classes
        # the encoder this head was fitted on: base MiniLM (None) or base + a fine-tuned LoRA adapter
        self.adapter = adapter
        self.coef = coef.astype(np.float32)
        self.intercept = intercept.astype(np.float32)
        self.temperature = float(temperature)
        self.thresholds = thresholds
        self.meta = meta
        self._idx = {c: i for i, c in enumerate(classes)}

    # -- persistence -------------------------------------------------------------------------
    def save(self, directory: Path = ARTIFACT_DIR) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / HEAD_FILE, coef=self.coef, intercept=self.intercept,
                            temperature=np.array([self.temperature], dtype=np.float32))
        meta = dict(self.meta, classes=self.classes, thresholds=self.thresholds.__dict__, cues=CUE_NAMES)
        (directory / META_FILE).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")

    @classmethod
    def load(cls, directory: Path = ARTIFACT_DIR) -> GuardClassifier:
        head, meta_path = directory / HEAD_FILE, directory / META_FILE
        if not head.is_file() or not meta_path.is_file():
            raise MedrailsError(f"guard classifier artifacts missing in {directory}; run `medrails guard train`")
        meta = json.loads(meta_path.read_text())
        if meta.get("cues") != CUE_NAMES:
            raise MedrailsError(f"{meta_path} was trained with other lexical cues; run `medrails guard train`")
        if CLASSIFIER_ENCODER not in str(meta.get("embedding_model", "")):
            # a head fitted on another encoder's vectors would silently misjudge every message
            raise MedrailsError(f"{meta_path} was trained on another embedding encoder "
                                f"({meta.get('embedding_model')!r}); run `medrails guard train`")
        adapter = adapter_from_meta(meta, directory)
        if adapter is not None and not adapter.path.is_file():
            # fail closed: the head's weights mean nothing on another encoder's vectors
            raise MedrailsError(f"guard encoder adapter {adapter.path} is missing; {meta_path} was trained on the "
                                "fine-tuned encoder; run `medrails guard train`")
        arrays = np.load(head)
        return cls(meta["classes"], arrays["coef"], arrays["intercept"], float(arrays["temperature"][0]),
                   Thresholds(**meta["thresholds"]), meta, adapter)

    # -- inference ---------------------------------------------------------------------------
    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = (features @ self.coef.T + self.intercept) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def predict_batch(self, texts: list[str], embeddings: np.ndarray | None = None) -> list[Prediction]:
        if not texts:
            return []
        probs = self.probabilities(featurize(texts, embeddings, self.adapter))
        return [self._prediction(row) for row in probs]

    def predict(self, text: str) -> Prediction:
        return self.predict_batch([text])[0]

    def _prediction(self, row: np.ndarray) -> Prediction:
        probs = {c: float(row[i]) for i, c in enumerate(self.classes)}
        refuse = {c: p for c, p in probs.items() if c in REFUSE_CATEGORIES}
        emerg = {c[2:]: p for c, p in probs.items() if c.startswith("E:")}
        return Prediction(
            probs=probs,
            p_answer=probs.get("answer", 0.0),
            p_out_of_scope=probs.get("out_of_scope", 0.0),
            p_refuse=sum(refuse.values()),
            p_emergency=sum(emerg.values()),
            refuse_category=max(refuse, key=refuse.get) if refuse else "R6",
            emergency_class=max(emerg, key=emerg.get) if emerg else "cardiac",
        )

    def decide(self, pred: Prediction) -> tuple[str, str | None]:
        """(decision, category) from the classifier alone."""
        t = self.thresholds
        if pred.p_emergency >= t.emergency:
            return "emergency", pred.emergency_class
        if pred.p_unsafe >= t.unsafe:
            return "refuse", pred.refuse_category
        if pred.p_out_of_scope >= t.out_of_scope and pred.p_out_of_scope > pred.p_answer:
            return "out_of_scope", None
        return "answer", None


_lock = threading.Lock()
_shared: GuardClassifier | None = None


def shared_classifier() -> GuardClassifier:
    """The shipped classifier, loaded once per process."""
    global _shared
    with _lock:
        if _shared is None:
            _shared = GuardClassifier.load()
        return _shared


def reset_shared_classifier() -> None:
    global _shared
    with _lock:
        _shared = None
