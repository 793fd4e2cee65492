"""Data build throughput on 50k records: `medrails data build` vs the guide's own preparation script.

    python benchmarks/data_build_benchmark.py                 # 50,000 records
    python benchmarks/data_build_benchmark.py --records 5000  # quicker
    python benchmarks/data_build_benchmark.py --phi-sample 500  # also time PHI scrubbing on a sample

The input is synthetic Alpaca JSONL generated here (seeded): medical-sounding questions with dosages,
2% exact duplicates, 2% near duplicates and 0.5% broken lines. The baseline is the guide's section 4/9
code (clean_medical_text + format_medical_qa, shuffle, 80/10/10 slices, json.dump) run in the same
process on the same file: it does no deduplication, no validation, no PHI model and no card, so the
ratio shows what the extra guarantees cost. PHI scrubbing (Presidio + spaCy) dominates when on; it is
timed separately on a sample and extrapolated, because a 50k-record scrub takes many minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
import time
from pathlib import Path

import yaml

WORDS = ("blood pressure heart kidney liver insulin glucose asthma inhaler statin cholesterol vaccine fever rash "
         "cough migraine thyroid anemia iron vitamin bone fracture stroke arrhythmia infection antibiotic dose "
         "tablet symptom risk screening diet exercise sleep stress pregnancy child adult elderly chronic acute").split()
UNITS = ["mg", "mL", "mcg", "g", "mmHg", "mg/dL"]


def make_records(n: int, path: Path, seed: int = 0) -> dict:
    rng = random.Random(seed)
    lines, base = [], []
    stats = {"exact_dupes": 0, "near_dupes": 0, "bad_lines": 0}
    for i in range(n):
        roll = rng.random()
        if base and roll < 0.02:
            lines.append(json.dumps(rng.choice(base)))
            stats["exact_dupes"] += 1
            continue
        if base and roll < 0.04:
            rec = dict(rng.choice(base))
            rec["instruction"] = rec["instruction"] + " please"
            lines.append(json.dumps(rec))
            stats["near_dupes"] += 1
            continue
        if roll < 0.045:
            lines.append('{"instruction": "broken')
            stats["bad_lines"] += 1
            continue
        q = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 30)))
        dose = f"{rng.randint(1, 1000)}{rng.choice(UNITS)}"
        a = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90)))
        rec = {"instruction": f"Question {i}: {q} at {dose}?", "input": "", "output": f"{a}. Typical range {dose}."}
        base.append(rec)
        lines.append(json.dumps(rec))
    path.write_text("\n".join(lines) + "\n")
    return stats


def guide_baseline(path: Path, out: Path) -> int:
    """The guide's script, faithfully (including its mg/mL replace), on the same records."""

    def clean_medical_text(text):
        text = re.sub(r"\b\d{3}-\d{2}-\d{4}\b", "[SSN]", text)
        text = re.sub(r"\b\d{3}-\d{3}-\d{4}\b", "[PHONE]", text)
        text = text.replace("mg", " mg")
        text = text.replace("mL", " mL")
        text = re.sub(r"\s+", " ", text).strip()
        return text

    combined = []
    for line in path.read_text().splitlines():
        try:
            s = json.loads(line)
        except json.JSONDecodeError:
            continue  # the guide has no error handling; skip so it can finish
        combined.append({"instruction": clean_medical_text(s["instruction"]), "input": "",
                         "output": clean_medical_text(s["output"]) + "\n\n[This is for educational purposes only. "
                         "Consult a healthcare provider for medical advice.]"})
    random.shuffle(combined)
    a, b = int(0.8 * len(combined)), int(0.9 * len(combined))
    for name, part in (("train", combined[:a]), ("val", combined[a:b]), ("test", combined[b:])):
        (out / f"medical_{name}.json").write_text(json.dumps(part, indent=2))
    return len(combined)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--phi-sample", type=int, default=0, help="also time PHI scrubbing on this many records")
    args = parser.parse_args()
    from medrails.data.build import build
    from medrails.data.recipe import load_recipe

    work = Path(tempfile.mkdtemp(prefix="medrails-data-bench-"))
    src = work / "records.jsonl"
    stats = make_records(args.records, src)
    (work / "guide").mkdir()

    started = time.perf_counter()
    kept_guide = guide_baseline(src, work / "guide")
    guide_s = time.perf_counter() - started

    recipe = work / "recipe.yaml"
    recipe.write_text(yaml.safe_dump({"name": "bench", "output_dir": str(work / "out"), "seed": 1,
                                      "sources": [{"name": "synthetic", "format": "alpaca", "path": str(src)}],
                                      "cleaning": {"phi_scrub": False}}))
    started = time.perf_counter()
    result = build(load_recipe(recipe), recipe)
    medrails_s = time.perf_counter() - started
    (sc,) = result.sources

    print(f"{args.records} records ({stats['exact_dupes']} exact dupes, {stats['near_dupes']} near dupes, "
          f"{stats['bad_lines']} bad lines planted)")
    print(f"{'pipeline':<34}{'seconds':>9}{'records/s':>11}{'kept':>8}")
    print(f"{'guide script (no dedupe/checks)':<34}{guide_s:>9.1f}{args.records / guide_s:>11.0f}{kept_guide:>8}")
    print(f"{'medrails data build (PHI off)':<34}{medrails_s:>9.1f}{args.records / medrails_s:>11.0f}{sc.kept:>8}")
    print(f"medrails dropped: {dict(sorted(sc.dropped.items()))}; reconciles: {sc.reconciles}")
    print(f"relative speed medrails / guide: {guide_s / medrails_s:.2f}x")
    if args.phi_sample:
        from medrails.guard.phi import redact

        redact("warm up the model")
        rows = [json.loads(line) for line in src.read_text().splitlines()[: args.phi_sample * 2] if line.endswith("}")]
        rows = rows[: args.phi_sample]
        started = time.perf_counter()
        for row in rows:
            redact(row["instruction"])
            redact(row["output"])
        phi_s = time.perf_counter() - started
        per = phi_s / len(rows)
        print(f"PHI scrub (Presidio+spaCy) on {len(rows)} records: {len(rows) / phi_s:.0f} records/s; "
              f"a {args.records}-record build with phi_scrub on would add ~{per * args.records / 60:.0f} min")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
