"""medrails eval vs lm-evaluation-harness: accuracy and items/s on the same items, same model, same run.

    python benchmarks/eval_vs_lmeval.py --limit 40                 # PubMedQA + MedMCQA dev, zero-shot
    python benchmarks/eval_vs_lmeval.py --limit 40 --shots 3       # few-shot (same exemplars in both)

lm-eval runs its own task definitions (``lm_eval/tasks/pubmedqa/pubmedqa.yaml`` and
``medmcqa/medmcqa.yaml``, included by absolute path so their prompt functions are used
unchanged) with only the dataset swapped for local files written to a temp folder: no hub.
MedMCQA's ``cop`` is rewritten to 0-based there because lm-eval's task reads the Hugging Face
copy (0-based); the official dev file is 1-based. The HF backend loads the embedded model's
converted safetensors directory (batch size 1, fp32, CPU, its defaults otherwise).

Both sides score the same first N items (after the K few-shot exemplars, which are the first K
rows of the file in both). Timing covers scoring only (model loading excluded on both sides).
Printed: accuracy of each, item-level agreement, items/s of each and the speed ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from medrails.eval import mcq  # noqa: E402
from medrails.eval.data import load_medmcqa, load_pubmedqa  # noqa: E402
from medrails.eval.loglik import LoglikScorer, load_causal_lm  # noqa: E402
from medrails.eval.results import ItemLog  # noqa: E402
from medrails.paths import shared_data_dir  # noqa: E402

LM_EVAL_TASK = {
    "pubmedqa": ("pubmedqa/pubmedqa.yaml", "pubmedqa/pqal_trainval_set.json"),
    "medmcqa": ("medmcqa/medmcqa.yaml", "medmcqa_dev/dev.json"),
}


def write_lmeval_task(task: str, items_path: Path, fewshot_path: Path | None, folder: Path) -> str:
    import lm_eval

    base = Path(lm_eval.__file__).parent / "tasks" / LM_EVAL_TASK[task][0]
    name = f"medrails_bench_{task}"
    files = {"test": str(items_path)}
    lines = [f"include: {base}", f"task: {name}", "dataset_path: json", "dataset_name: null",
             "training_split: null", "validation_split: null", "test_split: test"]
    if fewshot_path:
        files["fewshot"] = str(fewshot_path)
        lines += ["fewshot_split: fewshot", "fewshot_config:", "  sampler: first_n"]
    lines.append("dataset_kwargs:\n  data_files:\n" + "".join(f"    {k}: {v}\n" for k, v in files.items()))
    (folder / f"{name}.yaml").write_text("\n".join(lines) + "\n")
    return name


def lmeval_rows(task: str, data) -> list[dict]:
    rows = []
    for item in data:
        if task == "pubmedqa":
            rows.append({"pubid": item.id, "QUESTION": item.question, "CONTEXTS": item.context,
                         "final_decision": item.options[item.answer]})
        else:
            rows.append({"id": item.id, "question": item.question, "opa": item.options[0], "opb": item.options[1],
                         "opc": item.options[2], "opd": item.options[3], "cop": item.answer})  # 0-based for lm-eval
    return rows


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def run_lmeval(model_dir: str, tasks: dict[str, tuple[list, list]], shots: int, folder: Path, batch_size: int) -> dict:
    from lm_eval import simple_evaluate
    from lm_eval.models.huggingface import HFLM
    from lm_eval.tasks import TaskManager

    names = {}
    for task, (items, exemplars) in tasks.items():
        items_path = write_jsonl(folder / f"{task}.jsonl", lmeval_rows(task, items))
        few = write_jsonl(folder / f"{task}_fewshot.jsonl", lmeval_rows(task, exemplars)) if exemplars else None
        names[task] = write_lmeval_task(task, items_path, few, folder)
    lm = HFLM(pretrained=model_dir, device="cpu", dtype="float32", batch_size=batch_size)
    manager = TaskManager(include_path=str(folder))
    out = {}
    for task, name in names.items():
        started = time.perf_counter()
        result = simple_evaluate(model=lm, tasks=[name], num_fewshot=shots, task_manager=manager, log_samples=True,
                                 bootstrap_iters=0, random_seed=0)
        seconds = time.perf_counter() - started
        samples = sorted(result["samples"][name], key=lambda s: s["doc_id"])
        out[task] = {"seconds": seconds, "correct": [bool(s["acc"]) for s in samples],
                     "acc": result["results"][name]["acc,none"]}
    return out


def run_medrails(lm, task: str, data, items: list, exemplars: list, shots: int, folder: Path, batch_size: int) -> dict:
    prepared = mcq.prepare(data, shots, chat_template=False, limit=None)
    prepared.items = items
    prepared.exemplars = {"": exemplars} if exemplars else {}
    scorer = LoglikScorer(lm.model, lm.tokenizer)
    log = ItemLog(folder / f"medrails_{task}.jsonl")
    started = time.perf_counter()
    records = mcq.run_loglik(prepared, scorer, log, batch_size)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "correct": [bool(r["correct"]) for r in records],
            "acc": sum(r["correct"] for r in records) / len(records), "tokens_computed": scorer.tokens_computed,
            "tokens_reused": scorer.tokens_reused}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=40, help="items per task")
    parser.add_argument("--shots", type=int, default=0)
    parser.add_argument("--tasks", default="pubmedqa,medmcqa")
    parser.add_argument("--batch-size", type=int, default=1, help="lm-eval HF batch size")
    parser.add_argument("--medrails-batch-size", type=int, default=8, help="medrails items per forward pass")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    import torch

    lm = load_causal_lm("embedded")
    print(f"model {lm.name} ({lm.directory}); torch threads {torch.get_num_threads()}; limit {args.limit}; "
          f"shots {args.shots}; lm-eval batch size {args.batch_size}", flush=True)
    loaders = {"pubmedqa": load_pubmedqa, "medmcqa": load_medmcqa}
    chosen = {}
    for task in args.tasks.split(","):
        data = loaders[task](shared_data_dir() / LM_EVAL_TASK[task][1])
        chosen[task] = (data, data.items[args.shots: args.shots + args.limit], data.items[: args.shots])
    figures = {}
    with tempfile.TemporaryDirectory(prefix="medrails-bench-") as tmp:
        folder = Path(tmp)
        ours = {t: run_medrails(lm, t, d, items, ex, args.shots, folder, args.medrails_batch_size)
                for t, (d, items, ex) in chosen.items()}
        try:
            theirs = run_lmeval(lm.directory, {t: (items, ex) for t, (_, items, ex) in chosen.items()}, args.shots,
                                folder, args.batch_size)
        except Exception as exc:  # report exactly why, never silently
            print(f"lm-eval could not run: {exc.__class__.__name__}: {exc}", file=sys.stderr)
            raise
    print()
    print("| task | n | medrails acc | lm-eval acc | diff (points) | item agreement | medrails items/s | "
          "lm-eval items/s | speed-up |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for task in chosen:
        a, b = ours[task], theirs[task]
        n = len(a["correct"])
        agree = sum(x == y for x, y in zip(a["correct"], b["correct"], strict=True)) / n
        ips_a, ips_b = n / a["seconds"], n / b["seconds"]
        figures[task] = {"n": n, "medrails_acc": a["acc"], "lmeval_acc": b["acc"], "item_agreement": agree,
                         "medrails_items_per_s": ips_a, "lmeval_items_per_s": ips_b, "speedup": ips_a / ips_b,
                         "medrails_tokens_computed": a["tokens_computed"], "medrails_tokens_reused": a["tokens_reused"]}
        print(f"| {task} | {n} | {a['acc'] * 100:.1f} | {b['acc'] * 100:.1f} | {(a['acc'] - b['acc']) * 100:+.1f} | "
              f"{agree * 100:.1f}% | {ips_a:.2f} | {ips_b:.2f} | {ips_a / ips_b:.2f}x |")
    if args.json:
        args.json.write_text(json.dumps({"args": vars(args) | {"json": str(args.json)}, "figures": figures}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
