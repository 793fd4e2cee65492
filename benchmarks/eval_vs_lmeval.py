"""medrails eval vs lm-evaluation-harness: accuracy and items/s on the same items, same model, same run.

    python benchmarks/eval_vs_lmeval.py --limit 40                 # PubMedQA + MedMCQA dev, zero-shot
    python benchmarks/eval_vs_lmeval.py --limit 24 --shots 0,3     # zero- and 3-shot in one table

lm-eval runs its own task definitions (``lm_eval/tasks/pubmedqa/pubmedqa.yaml`` and
``medmcqa/medmcqa.yaml``, included by absolute path so their prompt functions are used
unchanged) with only the dataset swapped for local files written to a temp folder: no hub.
MedMCQA's ``cop`` is rewritten to 0-based there because lm-eval's task reads the Hugging Face
copy (0-based); the official dev file is 1-based. lm-eval builds its own requests
(``Task.build_all_requests``), scores them with its HF backend (``HFLM.loglikelihood``: batch
size 1, fp32, CPU, its defaults otherwise, a second copy of the converted safetensors
directory) and computes its own accuracy (``Task.process_results`` after its filters).

Both sides score the same first N items (after the K few-shot exemplars, which are the first K
rows of the file in both). The machine is shared, so its speed drifts by several times within a
minute: the items are cut into chunks (``--chunk``) and the two harnesses take turns chunk by
chunk (who goes first alternates), so a slow minute falls on both. Timed on each side: scoring
only (medrails: ``mcq.run_loglik``, prompt building and tokenization included; lm-eval:
``HFLM.loglikelihood``, tokenization included, its task and dataset setup excluded, which
favours lm-eval). Printed per task and shot count: accuracy of each, item-level agreement,
items/s of each, the ratio of total items/s, and the median of the per-chunk ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from medrails.eval import mcq  # noqa: E402
from medrails.eval.data import load_medmcqa, load_pubmedqa  # noqa: E402
from medrails.eval.loglik import LoglikScorer, MarginBound, bfloat16_matmuls, load_causal_lm  # noqa: E402
from medrails.eval.results import ItemLog  # noqa: E402
from medrails.paths import shared_data_dir  # noqa: E402

LM_EVAL_TASK = {
    "pubmedqa": ("pubmedqa/pubmedqa.yaml", "pubmedqa/pqal_trainval_set.json"),
    "medmcqa": ("medmcqa/medmcqa.yaml", "medmcqa_dev/dev.json"),
}


def write_lmeval_task(task: str, items_path: Path, fewshot_path: Path | None, folder: Path, tag: str) -> str:
    import lm_eval

    base = Path(lm_eval.__file__).parent / "tasks" / LM_EVAL_TASK[task][0]
    name = f"medrails_bench_{tag}"
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


class LmEvalSide:
    """lm-eval's HF backend and its tasks, driven chunk by chunk (the evaluator's own steps)."""

    def __init__(self, model_dir: str, folder: Path, batch_size: int):
        from lm_eval.models.huggingface import HFLM

        self.lm = HFLM(pretrained=model_dir, device="cpu", dtype="float32", batch_size=batch_size)
        self.folder = folder

    def task(self, task: str, items: list, exemplars: list, shots: int):
        from lm_eval.tasks import TaskManager

        tag = f"{task}_{shots}shot"
        items_path = write_jsonl(self.folder / f"{tag}.jsonl", lmeval_rows(task, items))
        few = write_jsonl(self.folder / f"{tag}_fewshot.jsonl", lmeval_rows(task, exemplars)) if exemplars else None
        name = write_lmeval_task(task, items_path, few, self.folder, tag)
        task_obj = TaskManager(include_path=str(self.folder)).load([name])["tasks"][name]
        task_obj.set_config(key="num_fewshot", value=shots)
        task_obj.set_fewshot_seed(seed=1234)
        task_obj.build_all_requests(limit=None, rank=0, world_size=1)
        by_doc: dict[int, list] = {}
        for instance in task_obj.instances:
            by_doc.setdefault(instance.doc_id, []).append(instance)
        return task_obj, by_doc

    def score(self, by_doc: dict, doc_ids: list[int]) -> tuple[float, float]:
        instances = [inst for d in doc_ids for inst in by_doc[d]]
        with Timer() as timer:
            results = self.lm.loglikelihood(instances, disable_tqdm=True)
        for inst, result in zip(instances, results, strict=True):
            inst.resps.append(result)
        return timer.wall, timer.cpu

    @staticmethod
    def correct(task_obj, by_doc: dict) -> list[tuple[bool, bool | None]]:
        task_obj.apply_filters()
        out = []
        for doc_id, doc in task_obj.doc_iterator(rank=0, limit=None, world_size=1):
            requests = sorted(by_doc[doc_id], key=lambda x: x.idx)
            metrics = task_obj.process_results(doc, [r.filtered_resps["none"] for r in requests])
            # acc_norm only where the task's metric_list asks for it (MedMCQA yes, PubMedQA no)
            out.append((bool(metrics["acc"]), bool(metrics["acc_norm"]) if "acc_norm" in metrics else None))
        return out


class Timer:
    """Wall seconds and this process's CPU seconds (all threads). On a shared machine the CPU
    seconds drift less than the wall clock (though idle-spinning worker threads count too)."""

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self._wall, time.process_time() - self._cpu


def compare(lm, lmeval: LmEvalSide, task: str, data, shots: int, limit: int, chunk: int, folder: Path,
            batch_size: int, verified: bool = False, safety: float = 1.5) -> dict:
    items, exemplars = data.items[shots: shots + limit], data.items[:shots]
    prepared = mcq.prepare(data, shots, chat_template=False, limit=None)
    prepared.exemplars = {"": exemplars} if exemplars else {}
    exact, bound = None, None
    if verified:  # bfloat16 matrix products first, close items again in float32
        scorer = LoglikScorer(lm.model, lm.tokenizer, bfloat16_products=True)
        exact = LoglikScorer(lm.model, lm.tokenizer)
        bound = MarginBound(safety=safety)
    else:
        scorer = LoglikScorer(lm.model, lm.tokenizer)
    log = ItemLog(folder / f"medrails_{task}_{shots}shot.jsonl")
    task_obj, by_doc = lmeval.task(task, items, exemplars, shots)
    ours, theirs, ours_cpu, theirs_cpu = 0.0, 0.0, 0.0, 0.0
    ratios = []
    for number, start in enumerate(range(0, len(items), chunk)):
        part = items[start:start + chunk]

        def run_ours(part=part) -> tuple[float, float]:
            prepared.items = part
            with Timer() as timer:
                mcq.run_loglik(prepared, scorer, log, batch_size, exact=exact, bound=bound)
            return timer.wall, timer.cpu

        def run_theirs(start=start, part=part) -> tuple[float, float]:
            return lmeval.score(by_doc, list(range(start, start + len(part))))

        if number % 2:
            (b, b_cpu), (a, a_cpu) = run_theirs(), run_ours()
        else:
            (a, a_cpu), (b, b_cpu) = run_ours(), run_theirs()
        ours, theirs, ours_cpu, theirs_cpu = ours + a, theirs + b, ours_cpu + a_cpu, theirs_cpu + b_cpu
        ratios.append(b / a)
        print(f"  {task} {shots}-shot chunk {number + 1}: {len(part)} items, medrails {a:.1f}s ({a_cpu:.1f} CPU s), "
              f"lm-eval {b:.1f}s ({b_cpu:.1f} CPU s), ratio {b / a:.2f}x", flush=True)
    prepared.items = items
    records = {r["id"]: r for r in log.load().values()}
    mine = [(bool(records[item.id]["correct"]), bool(records[item.id]["correct_norm"])) for item in items]
    lm_eval_correct = lmeval.correct(task_obj, by_doc)
    n = len(items)
    in_fp32 = sum(1 for item in items if records[item.id].get("precision") == "float32")
    return {"decided_in_float32": in_fp32 / n, "verify": bound.record() if bound else None, "task": task, "shots": shots, "n": n, "chunks": len(ratios),
            "medrails_acc": sum(x for x, _ in mine) / n, "lmeval_acc": sum(x for x, _ in lm_eval_correct) / n,
            "medrails_acc_norm": sum(x for _, x in mine) / n,
            "item_agreement": sum(x[0] == y[0] for x, y in zip(mine, lm_eval_correct, strict=True)) / n,
            "item_agreement_norm": None if lm_eval_correct[0][1] is None else
            sum(x[1] == y[1] for x, y in zip(mine, lm_eval_correct, strict=True)) / n,
            "medrails_seconds": ours, "lmeval_seconds": theirs,
            "medrails_items_per_s": n / ours, "lmeval_items_per_s": n / theirs, "speedup": theirs / ours,
            "median_chunk_speedup": statistics.median(ratios), "medrails_cpu_seconds": ours_cpu,
            "lmeval_cpu_seconds": theirs_cpu, "cpu_speedup": theirs_cpu / ours_cpu,
            "medrails_tokens_computed": scorer.tokens_computed, "medrails_tokens_reused": scorer.tokens_reused}


def _percent(value: float | None) -> str:
    return "n/a (lm-eval does not report it)" if value is None else f"{value * 100:.1f}%"


def print_table(rows: list[dict]) -> None:
    print()
    print("| task | shots | n | medrails acc | lm-eval acc | diff (points) | item agreement (acc, acc_norm) | "
          "medrails items/s | lm-eval items/s | speed-up (total) | speed-up (median chunk) | CPU-time ratio | "
          "medrails items decided in fp32 |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['task']} | {r['shots']} | {r['n']} | {r['medrails_acc'] * 100:.1f} | {r['lmeval_acc'] * 100:.1f} | "
              f"{(r['medrails_acc'] - r['lmeval_acc']) * 100:+.1f} | {r['item_agreement'] * 100:.1f}%, "
              f"{_percent(r['item_agreement_norm'])} | "
              f"{r['medrails_items_per_s']:.3f} | {r['lmeval_items_per_s']:.3f} | {r['speedup']:.2f}x | "
              f"{r['median_chunk_speedup']:.2f}x | {r['cpu_speedup']:.2f}x | {r['decided_in_float32'] * 100:.1f}% |")
    for r in rows:
        if r["verify"]:
            v = r["verify"]
            print(f"{r['task']} {r['shots']}-shot verified: bound {v['bound']:.3f} nats (acc), {v['bound_norm']:.3f} "
                  f"(acc_norm) = {v['safety']} x the largest bfloat16 gap error seen ({v['max_gap_error']:.3f}, "
                  f"{v['max_gap_error_norm']:.3f}) over {v['items_scored_both_ways']} items scored both ways")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=40, help="items per task")
    parser.add_argument("--shots", default="0", help="few-shot counts, comma-separated (e.g. 0,3)")
    parser.add_argument("--tasks", default="pubmedqa,medmcqa")
    parser.add_argument("--chunk", type=int, default=16, help="items per turn (the harnesses alternate turns)")
    parser.add_argument("--batch-size", type=int, default=1, help="lm-eval HF batch size")
    parser.add_argument("--medrails-batch-size", type=int, default=32, help="medrails: most items per forward pass")
    parser.add_argument("--threads", type=int, help="torch threads for both (default: torch's own choice)")
    parser.add_argument("--medrails-dtype", default="float32", choices=["float32", "bfloat16", "verified"],
                        help="medrails' weight precision (lm-eval stays float32): bfloat16 trades exact agreement for "
                        "speed; verified re-scores close items in float32")
    parser.add_argument("--verify-safety", type=float, default=1.5, help="verified: bound = this x largest error seen")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)

    lm = load_causal_lm("embedded")
    if args.medrails_dtype == "bfloat16":
        lm.model.to(torch.bfloat16)
    shots_list = [int(s) for s in args.shots.split(",")]
    print(f"model {lm.name} ({lm.directory}); torch {torch.__version__}, threads {torch.get_num_threads()}; "
          f"limit {args.limit}; shots {shots_list}; chunk {args.chunk}; lm-eval batch size {args.batch_size}; "
          f"medrails batch size {args.medrails_batch_size}, medrails dtype {args.medrails_dtype}", flush=True)
    loaders = {"pubmedqa": load_pubmedqa, "medmcqa": load_medmcqa}
    datasets = {t: loaders[t](shared_data_dir() / LM_EVAL_TASK[t][1]) for t in args.tasks.split(",")}
    rows = []
    with tempfile.TemporaryDirectory(prefix="medrails-bench-") as tmp:
        folder = Path(tmp)
        lmeval = LmEvalSide(lm.directory, folder, args.batch_size)
        with torch.inference_mode():  # first passes of a process are slow (allocator, kernels): not timed
            for model in (lm.model, lmeval.lm.model):
                for length in (32, 256):
                    model(torch.full((1, length), 100, dtype=torch.long))
                    if args.medrails_dtype == "verified" and model is lm.model:
                        with bfloat16_matmuls(model):
                            model(torch.full((1, length), 100, dtype=torch.long))
        for shots in shots_list:
            for task, data in datasets.items():
                rows.append(compare(lm, lmeval, task, data, shots, args.limit, args.chunk, folder,
                                    args.medrails_batch_size, args.medrails_dtype == "verified", args.verify_safety))
                print_table(rows[-1:])  # each row as soon as it is done (a long run may be cut short)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps({"args": vars(args) | {"json": str(args.json)}, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
