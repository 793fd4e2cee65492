"""Dashboard aggregates computed from chat audit records."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import datetime
from typing import Any


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def compute_stats(rows: list[tuple[str, str]], bucket_seconds: float) -> dict[str, Any]:
    """rows: (ts, body) of chat records in time order."""
    decisions: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    stage_runs: Counter[str] = Counter()
    stage_triggers: Counter[str] = Counter()
    stage_ms: defaultdict[str, list[float]] = defaultdict(list)
    buckets: defaultdict[int, Counter[str]] = defaultdict(Counter)
    bucket_ms: defaultdict[int, list[float]] = defaultdict(list)
    latencies: list[float] = []
    for ts, body in rows:
        record = json.loads(body)
        decision = record.get("decision", "unknown")
        decisions[decision] += 1
        if record.get("category"):
            categories[str(record["category"])] += 1
        when = datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
        bucket = int(when // bucket_seconds)
        buckets[bucket][decision] += 1
        if isinstance(record.get("ms"), (int, float)):
            latencies.append(float(record["ms"]))
            bucket_ms[bucket].append(float(record["ms"]))
        for stage in record.get("stages") or []:
            name = stage.get("name", "?")
            stage_runs[name] += 1
            if stage.get("action") not in (None, "pass"):
                stage_triggers[name] += 1
            stage_ms[name].append(float(stage.get("ms") or 0.0))
    return {
        "total": sum(decisions.values()),
        "decisions": dict(decisions),
        "categories": dict(categories.most_common()),
        "timeline": [{"start": int(k * bucket_seconds), **dict(v), "p50_ms": _percentile(bucket_ms[k], 0.5)}
                     for k, v in sorted(buckets.items())],
        "bucket_seconds": bucket_seconds,
        "latency_ms": {"p50": _percentile(latencies, 0.5), "p90": _percentile(latencies, 0.9),
                       "p99": _percentile(latencies, 0.99), "count": len(latencies)},
        "stages": {name: {"runs": runs, "triggered": stage_triggers[name],
                          "trigger_rate": stage_triggers[name] / runs if runs else 0.0,
                          "p50_ms": _percentile(stage_ms[name], 0.5)} for name, runs in stage_runs.items()},
    }
