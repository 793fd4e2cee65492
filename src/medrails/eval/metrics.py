"""Metrics with uncertainty: accuracy with Wilson intervals, macro-F1 and means with bootstrap intervals."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass


@dataclass
class Estimate:
    """A metric value with a 95% confidence interval over `n` items."""

    value: float
    low: float
    high: float
    n: int
    method: str  # "wilson" | "bootstrap" | "none"

    def as_dict(self) -> dict:
        return asdict(self)

    def fmt(self, scale: float = 100.0, digits: int = 1) -> str:
        if self.n == 0:
            return "n/a"
        if self.method == "none":
            return f"{self.value * scale:.{digits}f}"
        return f"{self.value * scale:.{digits}f} [{self.low * scale:.{digits}f}, {self.high * scale:.{digits}f}]"


def wilson(successes: int, n: int, z: float = 1.959964) -> Estimate:
    """Proportion with the Wilson score interval (good at small n and near 0 or 1)."""
    if n == 0:
        return Estimate(0.0, 0.0, 0.0, 0, "wilson")
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half), n, "wilson")


def bootstrap(values: Sequence, statistic: Callable[[Sequence], float], resamples: int = 1000,
              seed: int = 0) -> Estimate:
    """Percentile bootstrap interval of `statistic` over items (fixed seed: reproducible reports)."""
    n = len(values)
    if n == 0:
        return Estimate(0.0, 0.0, 0.0, 0, "bootstrap")
    point = statistic(values)
    rng = random.Random(seed)
    stats = sorted(statistic([values[rng.randrange(n)] for _ in range(n)]) for _ in range(resamples))
    return Estimate(point, stats[int(0.025 * resamples)], stats[min(resamples - 1, int(0.975 * resamples))], n,
                    "bootstrap")


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def macro_f1(pairs: Sequence[tuple[int, int]], labels: Sequence[int]) -> float:
    """Macro-F1 over (gold, predicted) pairs; a label never predicted nor gold scores 0 (sklearn default)."""
    from sklearn.metrics import f1_score

    if not pairs:
        return 0.0
    gold = [g for g, _ in pairs]
    pred = [p for _, p in pairs]
    return float(f1_score(gold, pred, labels=list(labels), average="macro", zero_division=0))
