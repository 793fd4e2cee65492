"""Training throughput and peak memory: `medrails train` vs LLaMA-Factory, same model, data, LoRA and steps.

    python benchmarks/train_benchmark.py --steps 8                  # embedded SmolLM2-135M, quickstart data
    python benchmarks/train_benchmark.py --model tiny --steps 20    # plumbing check in seconds

LLaMA-Factory is run from a separate virtualenv (default /tmp/lf, `python -m venv --system-site-packages
/tmp/lf && /tmp/lf/bin/pip install llamafactory torch==2.13.0`) so it cannot break medrails' own pins.
If it is missing or fails, the script says why and falls back to TRL's own `trl sft` CLI.

Each tool runs as its own process under /usr/bin/time -v (peak RSS = "Maximum resident set size").
Throughput = real (non-padding) tokens trained / trainer runtime. Non-packed runs see the same
examples per step, so their tokens are steps x batch x mean tokens per example (measured with the
model's tokenizer and chat template); the packed run reports TRL's own count of packed tokens.
Runs are interleaved (medrails, baseline, medrails+packing, repeated) so machine load hits all alike.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[int, float, str]:
    """(returncode, peak RSS MiB, combined output) of a command run under /usr/bin/time -v."""
    proc = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=env, cwd=cwd)
    out = proc.stdout + proc.stderr
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out)
    return proc.returncode, (int(match.group(1)) / 1024 if match else float("nan")), out


def mean_tokens(model_dir: Path, rows: list[dict]) -> float:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    lengths = [len(tok.apply_chat_template(r["prompt"] + r["completion"], tokenize=True, return_dict=True)["input_ids"])
               for r in rows]
    return sum(lengths) / len(lengths)


def run_medrails(work: Path, model: str, dataset: Path, args, packing: bool, tag: str, env: dict) -> dict:
    out = work / f"medrails-{tag}"
    cfg = {"model_name_or_path": model, "dataset": str(dataset), "output_dir": str(out), "stage": "sft",
           "finetuning_type": "lora", "lora_rank": args.rank, "lora_alpha": 2 * args.rank, "lora_target": "all",
           "cutoff_len": args.cutoff, "per_device_train_batch_size": args.batch, "learning_rate": 1e-4,
           "max_steps": args.steps, "logging_steps": 1, "save_steps": 100000, "packing": packing, "seed": 42,
           "lr_scheduler_type": "constant", "sample_prompts": [], "eval_strategy": "no", "plot_loss": False,
           "cpu_threads": args.threads}
    path = work / f"medrails-{tag}.yaml"
    path.write_text(yaml.safe_dump(cfg))
    rc, rss, text = timed([sys.executable, "-c", "from medrails.cli import main; main()", "train", str(path),
                           "--overwrite", "--json"], env=env)
    if rc != 0:
        return {"tool": f"medrails{' +packing' if packing else ''}", "error": text[-800:]}
    card = json.loads((out / "training_card.json").read_text())
    m = card["metrics"]
    return {"tool": f"medrails{' +packing' if packing else ''}", "runtime_s": m["train_runtime"] or m["train_seconds"], "peak_rss_mib": rss,
            "trl_counted_tokens": m["train_tokens"]}


def run_llamafactory(work: Path, model_dir: Path, rows: list[dict], args, lf_python: Path, env: dict) -> dict:
    cli = lf_python.parent / "llamafactory-cli"
    if not cli.exists():
        return {"tool": "llamafactory", "error": f"{cli} not found (install llamafactory into {lf_python.parent.parent})"}
    data_dir = work / "lf-data"
    data_dir.mkdir(exist_ok=True)
    alpaca = [{"instruction": r["prompt"][-1]["content"], "input": "", "output": r["completion"][0]["content"]} for r in rows]
    (data_dir / "bench.json").write_text(json.dumps(alpaca))
    (data_dir / "dataset_info.json").write_text(json.dumps({"bench": {"file_name": "bench.json"}}))
    out = work / "llamafactory"
    cfg = {"model_name_or_path": str(model_dir), "stage": "sft", "do_train": True, "finetuning_type": "lora",
           "lora_rank": args.rank, "lora_alpha": 2 * args.rank, "lora_target": "all", "dataset": "bench",
           "dataset_dir": str(data_dir), "template": args.lf_template, "cutoff_len": args.cutoff, "overwrite_cache": True,
           "output_dir": str(out), "overwrite_output_dir": True, "per_device_train_batch_size": args.batch,
           "gradient_accumulation_steps": 1, "learning_rate": 1e-4, "max_steps": args.steps, "logging_steps": 1,
           "save_steps": 100000, "lr_scheduler_type": "constant", "bf16": False, "seed": 42, "report_to": "none",
           "preprocessing_num_workers": 1, "dataloader_num_workers": 0, "plot_loss": False}
    path = work / "llamafactory.yaml"
    path.write_text(yaml.safe_dump(cfg))
    env = dict(env, DISABLE_VERSION_CHECK="1", CUDA_VISIBLE_DEVICES="")
    rc, rss, text = timed([str(cli), "train", str(path)], env=env)
    result_file = out / "train_results.json"
    if rc != 0 or not result_file.is_file():
        return {"tool": "llamafactory", "error": text[-1500:]}
    res = json.loads(result_file.read_text())
    return {"tool": "llamafactory", "runtime_s": res["train_runtime"], "peak_rss_mib": rss}


def run_trl_cli(work: Path, model_dir: Path, rows: list[dict], args, env: dict) -> dict:
    trl = shutil.which("trl")
    if trl is None:
        return {"tool": "trl sft", "error": "trl CLI not on PATH"}
    data_dir = work / "trl-data"  # only train.jsonl: `datasets` would read every split file in the folder
    data_dir.mkdir(exist_ok=True)
    (data_dir / "train.jsonl").write_text("".join(json.dumps({"prompt": r["prompt"], "completion": r["completion"]}) + "\n"
                                                  for r in rows))
    out = work / "trl-cli"
    cmd = [trl, "sft", "--model_name_or_path", str(model_dir), "--dataset_name", str(data_dir), "--output_dir", str(out),
           "--use_peft", "--lora_r", str(args.rank), "--lora_alpha", str(2 * args.rank), "--lora_target_modules",
           "all-linear", "--max_length", str(args.cutoff), "--per_device_train_batch_size", str(args.batch),
           "--max_steps", str(args.steps), "--learning_rate", "1e-4", "--lr_scheduler_type", "constant",
           "--save_steps", "100000", "--logging_steps", "1", "--report_to", "none", "--use_cpu", "--bf16", "False",
           "--gradient_checkpointing", "False", "--seed", "42", "--disable_tqdm", "True"]
    rc, rss, text = timed(cmd, env=env)
    match = re.search(r"'train_runtime': '?([0-9.]+)", text)
    if rc != 0 or not match:
        return {"tool": "trl sft", "error": text[-1500:]}
    return {"tool": "trl sft", "runtime_s": float(match.group(1)), "peak_rss_mib": rss}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default="embedded", help="embedded (SmolLM2-135M) or tiny")
    parser.add_argument("--dataset", default=str(ROOT / "runs/data/quickstart"), help="a folder from `medrails data build`")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--rank", type=int, default=8)
    parser.add_argument("--cutoff", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1, help="CPU threads for every tool (OMP_NUM_THREADS)")
    parser.add_argument("--lf-python", default="/tmp/lf/bin/python")
    parser.add_argument("--lf-template", default="smollm2", help="LLaMA-Factory template matching the model's own")
    parser.add_argument("--json-out", default=None)
    args = parser.parse_args()

    from medrails.models import parse_spec, resolve_model_dir

    work = Path(tempfile.mkdtemp(prefix="medrails-train-bench-"))
    if args.model == "tiny":
        from medrails.models.tiny import save_tiny_model

        model_dir = save_tiny_model(work / "tiny")
        model_spec, args.lf_template = str(model_dir), "chatml"
    else:
        model_dir = resolve_model_dir(parse_spec(args.model))
        model_spec = args.model
    dataset = Path(args.dataset)
    if not (dataset / "train.jsonl").is_file():
        sys.exit(f"{dataset}/train.jsonl not found: run `medrails data build configs/data/quickstart.yaml` first")
    rows = [json.loads(line) for line in (dataset / "train.jsonl").read_text().splitlines()]
    per_example = mean_tokens(model_dir, rows)
    tokens_unpacked = args.steps * args.batch * per_example

    env = dict(os.environ, OMP_NUM_THREADS=str(args.threads), MKL_NUM_THREADS=str(args.threads), HF_HUB_OFFLINE="1",
               TOKENIZERS_PARALLELISM="false")
    results: list[dict] = []
    for rep in range(args.repeats):
        started = time.time()
        results.append(run_medrails(work, model_spec, dataset, args, False, f"plain{rep}", env))
        lf = run_llamafactory(work, model_dir, rows, args, Path(args.lf_python), env)
        if "error" in lf:
            cause = next((ln for ln in reversed(lf["error"].splitlines()) if "Error" in ln), lf["error"][-300:])
            print(f"LLaMA-Factory cannot train here ({cause.strip()}); comparing against `trl sft` instead", file=sys.stderr)
            lf["error"] = cause
            results.append(lf)
            lf = run_trl_cli(work, model_dir, rows, args, env)
        results.append(lf)
        results.append(run_medrails(work, model_spec, dataset, args, True, f"packed{rep}", env))
        print(f"repeat {rep + 1}/{args.repeats} done in {time.time() - started:.0f} s", file=sys.stderr)

    for r in results:
        if "runtime_s" in r and r["runtime_s"]:
            tokens = r.get("trl_counted_tokens") if r["tool"].endswith("+packing") else tokens_unpacked
            r["tokens"] = round(tokens)
            r["tokens_per_s"] = round(tokens / r["runtime_s"], 1)
    ok = [r for r in results if "tokens_per_s" in r]
    baseline = [r for r in ok if r["tool"] in {"llamafactory", "trl sft"}]
    print(f"\nmodel {args.model}, {args.steps} steps x batch {args.batch}, LoRA r={args.rank} all-linear, cutoff {args.cutoff}, "
          f"{per_example:.1f} tokens/example, {args.threads} CPU thread(s) each, load avg {os.getloadavg()[0]:.1f}")
    print(f"{'tool':<20}{'runtime s':>10}{'tokens':>9}{'tokens/s':>10}{'peak RSS MiB':>14}{'vs baseline':>13}")
    for r in results:
        if "error" in r:
            print(f"{r['tool']:<20} FAILED: {r['error'].strip().splitlines()[-1][:100] if r['error'].strip() else '?'}")
            continue
        base = next((b for b in baseline if b is not r), None)
        ratio = f"{r['tokens_per_s'] / base['tokens_per_s']:.2f}x" if base and r not in baseline else "-"
        print(f"{r['tool']:<20}{r['runtime_s']:>10.1f}{r['tokens']:>9}{r['tokens_per_s']:>10.1f}{r['peak_rss_mib']:>14.0f}{ratio:>13}")
    if args.json_out:
        Path(args.json_out).write_text(json.dumps({"args": vars(args), "tokens_per_example": per_example, "results": results}, indent=1))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
