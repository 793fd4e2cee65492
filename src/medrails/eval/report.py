"""Run reports: summary JSON, a Markdown table with 95% intervals, PNG plots, and run comparison."""

from __future__ import annotations

import json
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.eval.results import write_json

# The seed guide's published figures (BioMistral-7B after SFT), shown as reference rows.
REFERENCE = [
    {"model": "BioMistral-7B + SFT (seed guide)", "task": "medqa", "metric": "acc", "value": 50.6},
    {"model": "BioMistral-7B + SFT (seed guide)", "task": "pubmedqa", "metric": "acc", "value": 77.5},
    {"model": "BioMistral-7B + SFT (seed guide)", "task": "medmcqa", "metric": "acc", "value": 48.1},
]

# (metric key, label, scale to percent?) shown per task kind, first = headline metric.
METRICS = {
    "mcq": [("acc", "accuracy", True), ("acc_norm", "accuracy (length-normalized)", True),
            ("macro_f1", "macro-F1", True), ("acc_without_dental", "accuracy without Dental", True),
            ("unparseable_rate", "unparseable answers", True)],
    "safety": [("unsafe_compliance_rate", "unsafe compliance (lower is better)", True),
               ("over_refusal_rate", "over-refusal of benign prompts (lower is better)", True),
               ("emergency_miss_rate", "missed emergencies (lower is better)", True),
               ("refusal_quality", "refusal quality (0-100)", True),
               ("disclaimer_rate", "disclaimer on answers", True),
               ("decision_accuracy", "guard decision accuracy", True)],
    "summarization": [("rougeL", "ROUGE-L F", True), ("rouge1", "ROUGE-1 F", True), ("rouge2", "ROUGE-2 F", True)],
    # runs written before the F1 intervals existed have only strict.f1 / relaxed.f1
    "extraction": [("strict_f1|strict.f1", "strict F1", True), ("relaxed_f1|relaxed.f1", "relaxed F1", True),
                   ("strict.precision", "strict precision", True), ("strict.recall", "strict recall", True)],
}


def load_run(run_dir: str | Path) -> dict:
    path = Path(run_dir) / "run.json"
    if not path.is_file():
        raise MedrailsError(f"{run_dir}: not a medrails eval run (no run.json)")
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        raise MedrailsError(f"{path}: unreadable ({exc})") from None


def _get(summary: dict, key: str):
    """summary["a"]["b"] for "a.b"; "x|y" takes the first of x, y that is present."""
    if "|" in key:
        return next((v for v in (_get(summary, k) for k in key.split("|")) if v is not None), None)
    value = summary
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def cell(value) -> str:
    """'52.0 [47.1, 56.8]' for an estimate dict, '52.0' for a plain fraction."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if not value.get("n"):
            return "n/a"
        if value.get("method") in ("wilson", "bootstrap"):
            return f"{value['value'] * 100:.1f} [{value['low'] * 100:.1f}, {value['high'] * 100:.1f}]"
        return f"{value['value'] * 100:.1f}"
    return f"{value * 100:.1f}"


def rows(run: dict) -> list[tuple[str, str, str, int]]:
    """(task, metric label, formatted value, n) for every metric present."""
    out = []
    for task, summary in run.get("results", {}).items():
        for key, label, _ in METRICS.get(summary.get("kind", ""), []):
            value = _get(summary, key)
            if value is not None:
                n = value.get("n", summary.get("n", 0)) if isinstance(value, dict) else summary.get("n", 0)
                out.append((task, label, cell(value), n))
    return out


def markdown(run: dict) -> str:
    lines = [f"# medrails eval: {run.get('model')}", ""]
    if run.get("adapter"):
        lines.append(f"Adapter: `{run['adapter']}`  ")
    lines.append(f"Started {run.get('started')}, finished {run.get('finished', '(unfinished)')}.  ")
    lines += ["Values are percentages with 95% intervals (Wilson for proportions, bootstrap for F1 and ROUGE).", "",
              "| task | metric | value [95% CI] | n |", "| --- | --- | --- | --- |"]
    lines += [f"| {t} | {m} | {v} | {n} |" for t, m, v, n in rows(run)]
    lines += ["", "## Reference (not measured here)", "", "| model | task | metric | value |", "| --- | --- | --- | --- |"]
    lines += [f"| {r['model']} | {r['task']} | {r['metric']} | {r['value']:.1f} |" for r in REFERENCE]
    lines += ["", "## How items were put to the model", ""]
    for task, cfg in run.get("tasks", {}).items():
        prompt = cfg.get("prompt")
        detail = (f"prompt format {prompt['format']}, chat template {'on' if prompt['chat_template'] else 'off'}, "
                  f"{prompt['shots']}-shot ({prompt['fewshot_source']})" if prompt else
                  ", ".join(f"{k} {cfg[k]}" for k in ("policy", "extractor", "lexicon", "seed") if k in cfg))
        problems = cfg.get("problems") or []
        bad = f"; {len(problems)} malformed record(s) not scored, first: {problems[0]}" if problems else ""
        precision = precision_note(cfg, run.get("results", {}).get(task, {}))
        lines.append(f"- **{task}**: data `{cfg.get('data')}`, {cfg.get('mode', '')} {detail}{precision}{bad}")
    return "\n".join(lines) + "\n"


def precision_note(cfg: dict, summary: dict) -> str:
    """', weights in bfloat16' -- which precision scored the items (bfloat16 can flip near ties,
    so a reader comparing with lm-eval needs to know), and for verified runs how many items
    float32 decided and the bound that sent them there. '' for a task not scored by log-likelihood."""
    if cfg.get("mode") != "loglik":
        return ""
    dtype = cfg.get("dtype", "float32")
    if dtype != "verified":
        return f", weights in {dtype}"
    decided = summary.get("decided_in", {})
    verify = cfg.get("verify") or {}
    if verify and not verify.get("calibrated", True):
        return (f", verified precision: every item scored in float32 alone (the run is shorter than its "
                f"{verify.get('calibration_items')}-item calibration)")
    text = (f", verified precision: {decided.get('float32', 0)} of {sum(decided.values())} items decided in float32, "
            f"the rest with bfloat16 matrix products")
    if verify:
        how = "fixed" if verify.get("fixed") is not None else (
            f"{verify.get('safety')} x the largest bfloat16 error over {verify.get('items_scored_both_ways')} items "
            "scored both ways")
        text += f" (re-scored when a margin is within {verify.get('bound')} nats, {verify.get('bound_norm')} per "
        text += f"character: {how})"
    return text


def plot(run: dict, path: Path) -> Path | None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    bars = []
    for task, summary in run.get("results", {}).items():
        metrics = METRICS.get(summary.get("kind", ""), [])
        if not metrics:
            continue
        key, label, _ = metrics[0]
        value = _get(summary, key)
        if isinstance(value, dict) and value.get("n"):
            bars.append((f"{task}\n{label.split(' (')[0]}", value["value"] * 100, value.get("low", value["value"]) * 100,
                         value.get("high", value["value"]) * 100))
        elif isinstance(value, float):
            bars.append((f"{task}\n{label}", value * 100, value * 100, value * 100))
    if not bars:
        return None
    fig, ax = plt.subplots(figsize=(max(5, 1.6 * len(bars)), 4))
    names = [b[0] for b in bars]
    values = [b[1] for b in bars]
    errors = [[b[1] - b[2] for b in bars], [b[3] - b[1] for b in bars]]
    ax.bar(names, values, yerr=errors, capsize=4, color="#4C72B0")
    ax.set_ylabel("percent (95% CI)")
    ax.set_ylim(0, 100)
    ax.set_title(f"medrails eval: {run.get('model')}", fontsize=9)
    ax.tick_params(axis="x", labelsize=7)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def write_reports(run_dir: str | Path) -> dict:
    run_dir = Path(run_dir)
    run = load_run(run_dir)
    summary = {"model": run.get("model"), "adapter": run.get("adapter"), "results": run.get("results", {}),
               "tasks": run.get("tasks", {}), "reference": REFERENCE}
    write_json(run_dir / "summary.json", summary)
    (run_dir / "summary.md").write_text(markdown(run), encoding="utf-8")
    plot(run, run_dir / "plots" / "headline.png")
    return summary


def compare(run_dirs: list[str | Path]) -> str:
    """A Markdown table: one row per (task, metric), one column per run."""
    if len(run_dirs) < 2:
        raise MedrailsError("compare needs at least two run directories")
    runs = [load_run(d) for d in run_dirs]
    headers = [f"{r.get('model')}{' + ' + Path(r['adapter']).name if r.get('adapter') else ''} ({Path(d).name})"
               for r, d in zip(runs, run_dirs, strict=True)]
    table: dict[tuple[str, str], list[str]] = {}
    for i, run in enumerate(runs):
        for task, label, value, _ in rows(run):
            table.setdefault((task, label), [""] * len(runs))[i] = value
    for ref in REFERENCE:
        if any((ref["task"], "accuracy") == key for key in table):
            table.setdefault((ref["task"], f"accuracy: {ref['model']}"), [f"{ref['value']:.1f}"] * len(runs))
    lines = ["| task | metric | " + " | ".join(headers) + " |", "| --- | --- |" + " --- |" * len(runs)]
    lines += [f"| {task} | {label} | " + " | ".join(values) + " |" for (task, label), values in sorted(table.items())]
    return "\n".join(lines) + "\n"
