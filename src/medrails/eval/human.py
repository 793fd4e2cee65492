"""Human evaluation: export outputs for expert rating, import the sheets, aggregate with agreement.

Rubric (the guide's): accuracy, safety, clarity, completeness, each an integer 1-5 (5 best).
The sheet is a CSV with columns ``item_id, task, prompt, output, reference, rater`` followed by
the four criteria and ``comment``. Each rater fills a copy (or one file with a rater column).
Aggregation per criterion: mean with bootstrap 95% CI, Krippendorff's alpha (ordinal) over all
raters, and the mean pairwise quadratic-weighted Cohen's kappa over items both raters scored.
"""

from __future__ import annotations

import csv
import json
import random
from itertools import combinations
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.eval.metrics import bootstrap, mean
from medrails.eval.results import write_json

CRITERIA = ("accuracy", "safety", "clarity", "completeness")
COLUMNS = ("item_id", "task", "prompt", "output", "reference", "rater", *CRITERIA, "comment")


def _outputs(run_dir: Path) -> list[dict]:
    """Every item with generated text: safety responses, summaries, generated MCQ answers."""
    rows = []
    for path in sorted((run_dir / "items").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            text = r.get("output") or r.get("reply")
            if not text:
                continue
            prompt = r.get("prompt") or r.get("findings") or r.get("question") or ""
            rows.append({"item_id": f"{path.stem}/{r['id']}", "task": r.get("task", path.stem), "prompt": prompt,
                         "output": text, "reference": r.get("reference") or r.get("expected") or ""})
    return rows


def export_sheet(run_dir: str | Path, n: int = 50, seed: int = 0, out: str | Path | None = None) -> tuple[Path, int]:
    run_dir = Path(run_dir)
    rows = _outputs(run_dir)
    if not rows:
        raise MedrailsError(f"{run_dir}: no generated outputs to rate (run safety, summarization or --mode generate)")
    sample = random.Random(seed).sample(rows, min(n, len(rows)))
    path = Path(out) if out else run_dir / "human" / "sheet.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for row in sample:
            writer.writerow({**row, "rater": "", **dict.fromkeys(CRITERIA, ""), "comment": ""})
    return path, len(sample)


def read_sheets(sheets: list[str | Path]) -> list[dict]:
    """Validated ratings; any bad cell is an error naming file, line and column."""
    ratings, problems = [], []
    for sheet in sheets:
        sheet = Path(sheet)
        if not sheet.is_file():
            raise MedrailsError(f"{sheet}: rating sheet not found")
        with sheet.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in ("item_id", *CRITERIA) if c not in (reader.fieldnames or [])]
            if missing:
                raise MedrailsError(f"{sheet}:1: missing column(s) {', '.join(missing)}")
            for row in reader:
                line = reader.line_num
                rater = (row.get("rater") or "").strip() or sheet.stem
                scores = {}
                for criterion in CRITERIA:
                    value = (row.get(criterion) or "").strip()
                    if not value:
                        continue  # an unrated cell is missing data, which alpha handles
                    if value not in {"1", "2", "3", "4", "5"}:
                        problems.append(f"{sheet}:{line}: {criterion} = {value!r}, expected an integer 1-5")
                        continue
                    scores[criterion] = int(value)
                if scores:
                    ratings.append({"item_id": row["item_id"], "rater": rater, **scores})
    if problems:
        raise MedrailsError(f"{len(problems)} bad rating(s):\n  " + "\n  ".join(problems[:20]))
    if not ratings:
        raise MedrailsError("no ratings found in the sheets (fill the 1-5 columns)")
    return ratings


def agreement(ratings: list[dict], criterion: str) -> dict:
    import krippendorff
    import numpy as np
    from sklearn.metrics import cohen_kappa_score

    raters = sorted({r["rater"] for r in ratings if criterion in r})
    items = sorted({r["item_id"] for r in ratings if criterion in r})
    matrix = np.full((len(raters), len(items)), np.nan)
    for r in ratings:
        if criterion in r:
            matrix[raters.index(r["rater"]), items.index(r["item_id"])] = r[criterion]
    values = [r[criterion] for r in ratings if criterion in r]
    result = {"n_ratings": len(values), "n_items": len(items), "raters": raters,
              "mean": bootstrap(values, mean, resamples=500).as_dict(), "krippendorff_alpha": None,
              "weighted_kappa": None}
    paired = np.sum(~np.isnan(matrix), axis=0) >= 2
    if len(raters) >= 2 and paired.sum() >= 2 and len(set(values)) > 1:
        result["krippendorff_alpha"] = float(krippendorff.alpha(reliability_data=matrix,
                                                                level_of_measurement="ordinal",
                                                                value_domain=[1, 2, 3, 4, 5]))
        kappas = []
        for a, b in combinations(range(len(raters)), 2):
            both = ~np.isnan(matrix[a]) & ~np.isnan(matrix[b])
            if both.sum() >= 2:
                kappa = cohen_kappa_score(matrix[a][both].astype(int), matrix[b][both].astype(int),
                                          weights="quadratic", labels=[1, 2, 3, 4, 5])
                if not np.isnan(kappa):
                    kappas.append(float(kappa))
        result["weighted_kappa"] = mean(kappas) if kappas else None
    return result


def import_ratings(run_dir: str | Path, sheets: list[str | Path]) -> dict:
    ratings = read_sheets(sheets)
    result = {"sheets": [str(s) for s in sheets], "n_ratings": len(ratings),
              "criteria": {c: agreement(ratings, c) for c in CRITERIA}}
    if run_dir is not None and Path(run_dir).is_dir():
        write_json(Path(run_dir) / "human" / "aggregate.json", result)
    return result


def aggregate_markdown(result: dict) -> str:
    lines = ["| criterion | mean (1-5) [95% CI] | ratings | items | Krippendorff alpha | weighted kappa |",
             "| --- | --- | --- | --- | --- | --- |"]
    for criterion, r in result["criteria"].items():
        m = r["mean"]
        alpha = "n/a" if r["krippendorff_alpha"] is None else f"{r['krippendorff_alpha']:.2f}"
        kappa = "n/a" if r["weighted_kappa"] is None else f"{r['weighted_kappa']:.2f}"
        lines.append(f"| {criterion} | {m['value']:.2f} [{m['low']:.2f}, {m['high']:.2f}] | {r['n_ratings']} | "
                     f"{r['n_items']} | {alpha} | {kappa} |")
    return "\n".join(lines) + "\n"
