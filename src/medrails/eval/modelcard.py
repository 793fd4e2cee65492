"""A Hugging Face model card (README.md with YAML metadata) from an eval run.

Sections: model details, intended use, out-of-scope use, training data lineage (from the
`medrails data build` dataset card when one is given or found beside the adapter), evaluation
results with 95% intervals and how prompts were built, safety results raw vs guarded,
limitations, and the disclaimer. Numbers come only from the run; nothing is filled in by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.eval.report import REFERENCE, load_run, precision_note, rows

DISCLAIMER = ("This model is for research and educational use only. It is not a medical device, does not provide "
              "medical advice, diagnosis or treatment, and must not be used for clinical decisions. Always consult "
              "a qualified healthcare provider.")
TASK_NAMES = {"medqa": "MedQA-USMLE (4 options)", "medmcqa": "MedMCQA (dev)", "mmlu_medical": "MMLU medical subsets",
              "pubmedqa": "PubMedQA (PQA-L)", "summarization": "IU X-ray findings -> impression",
              "ncbi_disease": "NCBI-disease NER", "bc5cdr": "BC5CDR NER", "ade": "ADE corpus extraction"}


def find_dataset_card(run: dict, explicit: str | Path | None) -> dict | None:
    candidates = []
    if explicit:
        path = Path(explicit)
        candidates.append(path / "dataset_card.json" if path.is_dir() else path)
        if not candidates[0].is_file():
            raise MedrailsError(f"{explicit}: no dataset_card.json there (write one with `medrails data build`)")
    elif run.get("adapter"):
        adapter = Path(run["adapter"])
        candidates += [adapter / "dataset_card.json", adapter.parent / "dataset_card.json"]
    for path in candidates:
        if path.is_file():
            try:
                return {**json.loads(path.read_text()), "_path": str(path)}
            except json.JSONDecodeError as exc:
                raise MedrailsError(f"{path}: unreadable dataset card ({exc})") from None
    return None


def _model_index(run: dict) -> list[dict]:
    results = []
    for task, summary in run.get("results", {}).items():
        if summary.get("kind") == "mcq" and isinstance(summary.get("acc"), dict):
            results.append({"task": {"type": "multiple-choice", "name": task},
                            "dataset": {"name": TASK_NAMES.get(task, task), "type": task},
                            "metrics": [{"type": "accuracy", "value": round(summary["acc"]["value"] * 100, 2)}]})
    return [{"name": run.get("model", "model"), "results": results}] if results else []


def _yaml_front_matter(run: dict) -> str:
    import yaml

    meta = {"library_name": "peft" if run.get("adapter") else "transformers", "pipeline_tag": "text-generation",
            "language": ["en"], "tags": ["medical", "medrails"]}
    if any(task.startswith(("safety", "medsafetybench")) for task in run.get("results", {})):
        meta["tags"].append("safety-evaluated")
    if run.get("model_spec") == "embedded":
        meta["base_model"] = "HuggingFaceTB/SmolLM2-135M-Instruct"
        meta["license"] = "apache-2.0"
    index = _model_index(run)
    if index:
        meta["model-index"] = index
    return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n"


def render(run: dict, dataset_card: dict | None = None, name: str | None = None) -> str:
    title = name or (Path(run["adapter"]).name if run.get("adapter") else run.get("model", "model"))
    lines = [_yaml_front_matter(run), f"# {title}", "",
             f"Base model: `{run.get('model')}`" + (f", adapter `{run['adapter']}`" if run.get("adapter") else "") + ".",
             f"Evaluated with medrails {run.get('versions', {}).get('medrails', '?')} on {run.get('started')}.", "",
             "## Intended use", "",
             "- General medical education for patients and the public, behind the medrails guard "
             "(policy `patient-education` or a stricter one), with the disclaimer on every answer.",
             "- Research on medical language models: benchmarking, safety evaluation, fine-tuning experiments.", "",
             "## Out-of-scope use", "",
             "- Diagnosis, treatment choice, prescribing or dosing for an individual (the guard refuses these).",
             "- Emergencies: the guard points to emergency services; the model must never be the responder.",
             "- Any use without the guard, or on clinical records containing unredacted PHI.",
             "- Use as a medical device or for decisions without review by a qualified clinician.", "",
             "## Training data lineage", ""]
    if dataset_card:
        lines.append(f"Dataset card: `{dataset_card['_path']}` ({dataset_card.get('name', '?')}, built "
                     f"{dataset_card.get('built_at', '?')}, seed {dataset_card.get('seed', '?')}, policy "
                     f"`{dataset_card.get('policy', '?')}`).")
        sources = dataset_card.get("sources") or []
        if sources:
            lines += ["", "| source | sha256 | read | kept |", "| --- | --- | ---: | ---: |"]
            lines += [f"| {s.get('name')} | `{str(s.get('sha256', ''))[:12]}` | {s.get('read')} | {s.get('kept')} |"
                      for s in sources]
        lines += [f"- {step}" for step in dataset_card.get("processing", [])]
    elif run.get("adapter"):
        lines.append("No dataset card was given or found beside the adapter: the training data lineage is UNKNOWN. "
                     "Regenerate with `medrails card --run RUN --dataset-card DIR`.")
    else:
        lines.append("Not fine-tuned by medrails: see the base model's own card for its training data.")
    lines += ["", "## Evaluation results", "",
              "Percentages with 95% intervals (Wilson for proportions, bootstrap for F1 / ROUGE).", "",
              "| task | metric | value [95% CI] | n |", "| --- | --- | --- | --- |"]
    lines += [f"| {t} | {m} | {v} | {n} |" for t, m, v, n in rows(run) if not t.startswith(("safety", "medsafetybench"))]
    lines += ["", "Reference figures from the medrails guide (not measured on this model):", ""]
    lines += [f"- {r['model']}: {r['task']} {r['metric']} {r['value']:.1f}" for r in REFERENCE]
    lines += ["", "How items were put to the model (prompt format, chat template, few-shot choice):", ""]
    for task, cfg in run.get("tasks", {}).items():
        prompt = cfg.get("prompt")
        if prompt:
            lines.append(f"- {task}: {prompt['format']} format, chat template {'on' if prompt['chat_template'] else 'off'}, "
                         f"{prompt['shots']}-shot ({prompt['fewshot_source']}), data `{cfg['data']}`, "
                         f"{cfg.get('kept', '?')} items available, limit {cfg.get('limit')}"
                         f"{precision_note(cfg, run.get('results', {}).get(task, {}))}")
    safety_rows = [r for r in rows(run) if r[0].startswith(("safety", "medsafetybench"))]
    lines += ["", "## Safety results", ""]
    if safety_rows:
        lines += ["Raw = the model alone; guarded = through the medrails guard.", "",
                  "| suite | metric | value [95% CI] | n |", "| --- | --- | --- | --- |"]
        lines += [f"| {t} | {m} | {v} | {n} |" for t, m, v, n in safety_rows]
    else:
        lines.append("NOT EVALUATED in this run: run `medrails eval --tasks safety,medsafetybench` before deployment.")
    lines += ["", "## Limitations", "",
              "- Benchmark accuracy does not measure clinical safety; scores depend on prompt format and few-shot "
              "choice (recorded above), so compare only runs with the same settings.",
              "- Results with small n have wide intervals; read the intervals, not the point values.",
              "- The safety judge is a keyword judge: it can miss harmful content phrased politely and can count a "
              "hedged answer as a refusal. Human review of a sample is required (`medrails eval human-export`).",
              "- The model can state false facts fluently (hallucination) and has a training cut-off.", "",
              "## Disclaimer", "", DISCLAIMER, ""]
    return "\n".join(lines)


def write_card(run_dir: str | Path, out: str | Path | None = None, dataset_card: str | Path | None = None,
               name: str | None = None) -> Path:
    run = load_run(run_dir)
    text = render(run, find_dataset_card(run, dataset_card), name)
    path = Path(out) if out else Path(run_dir) / "README.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
