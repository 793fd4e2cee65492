"""Grounding check (output stage): is each claim in the answer supported by the retrieved passages?

Every answer sentence that makes a claim is scored against the passages two ways: the best MiniLM
cosine similarity to a passage sentence (or whole passage), and the share of its content words
(stemmed, stopwords removed) found in the passages. A claim is supported when either clears its
threshold. The share of supported claims becomes the request's confidence; below the policy's
`confidence_threshold` the answer fails closed to a response quoting the cited passages
themselves, and the request is flagged for review. With no passages the stage passes and says so:
answers that were never meant to be grounded are not punished.

Thresholds were calibrated on hand-labelled (claim, passage) pairs over the starter KB
(benchmarks/retrieval_benchmark.py, "grounding calibration"). Similarity cannot see negation:
"statins do not lower LDL" scores like its opposite, so this check catches invented and off-source
content, not contradictions.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from medrails.guard.stage import register_stage
from medrails.guard.types import Citation, GuardContext, StageResult

DEFAULT_MIN_SIMILARITY = 0.8  # calibrated: unsupported claims reached 0.74, see the benchmark
DEFAULT_MIN_OVERLAP = 0.6
_MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
# sentences that advise, hedge or talk about the conversation rather than state medical facts
_NOT_A_CLAIM = re.compile(
    r"\b(talk|speak|ask|consult|check|see|contact|call)\b.{0,40}\b(doctor|clinician|pharmacist|provider|"
    r"nurse|professional|care team|911|988|emergency)\b|\bi (can('|no)t|cannot|am not able|'m not able|am unable)\b|"
    r"\b(educational|not medical advice|not a substitute)\b|^(sources|references)\s*:",
    re.IGNORECASE,
)


@dataclass
class SentenceSupport:
    sentence: str
    similarity: float
    overlap: float
    supported: bool
    best_passage: str | None  # citation id of the closest passage


def split_sentences(text: str) -> list[str]:
    text = text.split("\n\nSources:")[0]
    return [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]


def is_claim(sentence: str, min_words: int = 3) -> bool:
    from medrails.rag.lexical import tokenize

    if sentence.rstrip().endswith("?") or _NOT_A_CLAIM.search(sentence):
        return False
    return len(tokenize(_MARKER.sub("", sentence))) >= min_words


class _VectorCache:
    """Sentence vectors by text: passages repeat across requests and partial-stream probes."""

    def __init__(self, size: int = 8192):
        self.size = size
        self.items: OrderedDict[str, np.ndarray] = OrderedDict()
        self.lock = threading.Lock()  # the server runs requests on several threads

    def get_many(self, texts: list[str]) -> np.ndarray:
        from medrails.guard.embeddings import embed

        with self.lock:
            found = {t: self.items[t] for t in texts if t in self.items}
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            found.update(zip(missing, embed(missing), strict=True))
        with self.lock:
            for t in texts:
                self.items[t] = found[t]
                self.items.move_to_end(t)
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return np.stack([found[t] for t in texts]) if texts else np.zeros((0, 384), dtype=np.float32)


@register_stage("grounding")
class Grounding:
    name = "grounding"
    phase = "output"

    def __init__(self, threshold: float | None = None, min_similarity: float = DEFAULT_MIN_SIMILARITY,
                 min_overlap: float = DEFAULT_MIN_OVERLAP, method: str = "hybrid", claim_min_words: int = 3):
        if method not in ("hybrid", "lexical", "embedding"):
            raise ValueError(f"method must be hybrid, lexical or embedding, not {method!r}")
        self.threshold = threshold
        self.min_similarity = min_similarity
        self.min_overlap = min_overlap
        self.method = method
        self.claim_min_words = claim_min_words
        self._cache = _VectorCache()

    def bind_policy(self, policy) -> None:
        if self.threshold is None:
            self.threshold = policy.confidence_threshold

    def score(self, answer: str, passages: list[Citation]) -> list[SentenceSupport]:
        """Support for every claim sentence of `answer` (non-claims are left out)."""
        from medrails.rag.lexical import tokenize

        claims = [s for s in split_sentences(answer) if is_claim(s, self.claim_min_words)]
        if not claims or not passages:
            return []
        plain = [_MARKER.sub("", c).strip() for c in claims]
        passage_vocab = set()
        units: list[tuple[str, str]] = []  # (citation id, text) for passage sentences and whole passages
        for p in passages:
            passage_vocab.update(tokenize(f"{p.title} {p.text}"))
            units.append((p.id, p.text))
            units.extend((p.id, s) for s in split_sentences(p.text) if len(s.split()) >= 3)
        overlaps = []
        for sentence in plain:
            words = set(tokenize(sentence))
            overlaps.append(len(words & passage_vocab) / len(words) if words else 0.0)
        if self.method == "lexical":
            sims = np.zeros(len(plain), dtype=np.float32)
            best = [None] * len(plain)
        else:
            claim_vecs = self._cache.get_many(plain)
            unit_vecs = self._cache.get_many([u[1] for u in units])
            matrix = claim_vecs @ unit_vecs.T
            sims = matrix.max(axis=1)
            best = [units[int(i)][0] for i in matrix.argmax(axis=1)]
        out = []
        for sentence, sim, overlap, cid in zip(claims, sims, overlaps, best, strict=True):
            if self.method == "lexical":
                ok = overlap >= self.min_overlap
            elif self.method == "embedding":
                ok = float(sim) >= self.min_similarity
            else:
                ok = float(sim) >= self.min_similarity or overlap >= self.min_overlap
            out.append(SentenceSupport(sentence, round(float(sim), 4), round(overlap, 4), ok, cid))
        return out

    def run(self, ctx: GuardContext) -> StageResult:
        if not ctx.passages:
            return StageResult(name=self.name, action="pass", score=0.0,
                               detail="no passages were retrieved: the answer is not grounded by design, nothing to check")
        support = self.score(ctx.output, ctx.passages)
        ctx.extra["grounding"] = [s.__dict__ for s in support]
        if not support:
            return StageResult(name=self.name, action="pass", score=0.0, detail="no medical claims to check")
        supported = sum(s.supported for s in support)
        fraction = supported / len(support)
        ctx.confidence = min(ctx.confidence, fraction)
        detail = f"{supported}/{len(support)} claims supported by the passages"
        threshold = 0.5 if self.threshold is None else self.threshold
        if fraction < threshold:
            ctx.extra["safe_response"] = safe_response(ctx.passages)
            unsupported = "; ".join(s.sentence[:80] for s in support if not s.supported)[:300]
            ctx.review_reasons.append(f"ungrounded answer: {detail} (below {threshold}); unsupported: {unsupported}")
            return StageResult(name=self.name, action="block", score=1.0 - fraction, decision="refuse",
                               category="ungrounded", detail=detail)
        action = "flag" if supported < len(support) else "pass"
        return StageResult(name=self.name, action=action, score=1.0 - fraction, detail=detail)


def safe_response(passages: list[Citation], sentences_per_passage: int = 2) -> str:
    """What the user gets instead of an ungrounded answer: the sources' own words, cited."""
    lines = ["I couldn't confirm every part of my answer against the trusted sources, so here is what "
             "those sources say directly:"]
    for p in passages:
        excerpt = " ".join(split_sentences(p.text)[:sentences_per_passage])
        where = f"{p.source}, lines {p.lines}" if p.lines else p.source
        lines.append(f"[{p.id}] {p.title}: {excerpt} ({where})")
    lines.append("Please talk to a doctor, nurse or pharmacist about your own situation.")
    return "\n\n".join(lines)
