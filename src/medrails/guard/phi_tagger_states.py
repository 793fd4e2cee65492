"""Contextual features for the PHI tagger: the guard classifier encoder's token states (MiniLM, int8, the
shipped adapter), averaged over each tagger token's wordpieces and projected to a few principal axes.

The CRF's own features know only the words of our training notes and a given-name list; the encoder has
read far more text and tells a town ("Campinas", "Browning" as a city) or a name in an unfamiliar
spelling from an ordinary word by its context. The same forward pass that the guard's classifier makes on
the message serves both (embeddings.classifier_token_states joins it), so an input-guard request pays for
one encoder pass, as before. A text longer than the classifier's single window is read in line-aligned
pieces."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from medrails.errors import MedrailsError

SINGLE_PASS_CHARS = 900  # stages/_common.windows reads a message this long in one pass: the same text, the same cache key
PIECE_CHARS = 600


def pieces(text: str) -> list[tuple[int, int]]:
    """Character ranges encoded one pass each: the whole text when short, else pieces cut at line ends or spaces."""
    if len(text) <= SINGLE_PASS_CHARS:
        return [(0, len(text))]
    out, start = [], 0
    while start < len(text):
        end = min(len(text), start + PIECE_CHARS)
        if end < len(text):
            cut = text.rfind("\n", start + PIECE_CHARS // 3, end)
            if cut == -1:
                cut = text.rfind(" ", start + PIECE_CHARS // 3, end)
            if cut > start:
                end = cut + 1
        out.append((start, end))
        start = end
    return out


def token_states(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """(len(spans), 384) float32: the mean encoder state of the wordpieces overlapping each token (zeros where the
    encoder's length limit cut a piece short)."""
    from medrails.guard.embeddings import classifier_token_states

    out = np.zeros((len(spans), 384), dtype=np.float32)
    counts = np.zeros(len(spans), dtype=np.float32)
    for a, b in pieces(text):
        if not text[a:b].strip():
            continue
        states, offsets = classifier_token_states(text[a:b])
        j = 0
        for k, (s, e) in enumerate(offsets.tolist()):
            if e <= s:
                continue  # [CLS], [SEP]
            s, e = s + a, e + a
            while j < len(spans) and spans[j][1] <= s:
                j += 1
            t = j
            while t < len(spans) and spans[t][0] < e:
                out[t] += states[k]
                counts[t] += 1
                t += 1
    return out / np.maximum(counts, 1.0)[:, None]


@dataclass(frozen=True)
class Projection:
    """Principal axes of the training tokens' states, each scaled to unit variance."""

    mean: np.ndarray
    components: np.ndarray
    scale: np.ndarray

    def __call__(self, states: np.ndarray) -> np.ndarray:
        return (states - self.mean) @ self.components.T / self.scale

    def save(self, path: Path) -> None:
        np.savez(path, mean=self.mean, components=self.components, scale=self.scale)

    @classmethod
    def load(cls, path: Path) -> Projection:
        try:
            with np.load(path) as data:
                return cls(data["mean"], data["components"], data["scale"])
        except (OSError, KeyError, ValueError) as exc:
            raise MedrailsError(f"cannot read the PHI tagger's projection {path}: {exc}; retrain with "
                                "`medrails guard train-phi` or reinstall medrails") from None


def fit_projection(matrices: list[np.ndarray], dims: int, seed: int = 0, sample: int = 60_000) -> Projection:
    stacked = np.concatenate([m for m in matrices if len(m)])
    stacked = stacked[np.abs(stacked).sum(1) > 0]  # tokens the encoder never reached say nothing
    rng = np.random.default_rng(seed)
    if len(stacked) > sample:
        stacked = stacked[rng.choice(len(stacked), sample, replace=False)]
    mean = stacked.mean(0)
    _, _, vt = np.linalg.svd(stacked - mean, full_matrices=False)
    components = vt[:dims]
    scale = ((stacked - mean) @ components.T).std(0) + 1e-6
    return Projection(mean.astype(np.float32), components.astype(np.float32), scale.astype(np.float32))
