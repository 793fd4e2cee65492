"""QLoRA versus bf16 LoRA on the guide's 7B setup (needs a CUDA GPU; not part of CI).

The guide says a 7B Mistral-family model (BioMistral-7B) fine-tunes with QLoRA in about 16-18 GB of
GPU memory. This runs `medrails train configs/train/biomistral-qlora.yaml` (the guide's keys: LoRA rank 32
on all linear layers, 4-bit NF4, bf16, gradient checkpointing, batch 2 x 4096 tokens) on a model of
exactly BioMistral-7B's architecture and size, with random weights (nothing is downloaded: memory and
speed do not depend on the weight values), then the same run without quantization, each in its own
process so the peak-memory counters are separate. Prints peak GPU memory (PyTorch's allocator), seconds
per optimizer step and tokens/s for both, and the ratios.

    python benchmarks/qlora_gpu.py --workdir /tmp/qlora-bench            # 7B, about 4 min on an H100
    python benchmarks/qlora_gpu.py --size tiny --workdir /tmp/q --cpu-dry-run   # plumbing check on CPU
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "configs" / "train" / "biomistral-qlora.yaml"

# BioMistral-7B's config.json (a Mistral-7B-v0.1 fine-tune)
MISTRAL_7B = dict(vocab_size=32000, hidden_size=4096, intermediate_size=14336, num_hidden_layers=32,
                  num_attention_heads=32, num_key_value_heads=8, max_position_embeddings=32768,
                  rope_theta=10000.0, sliding_window=4096, rms_norm_eps=1e-5, tie_word_embeddings=False)
TINY = dict(vocab_size=512, hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
            num_key_value_heads=2, max_position_embeddings=4096, tie_word_embeddings=False)

SENTENCES = [
    "Hypertension raises the workload of the heart and damages arteries over years.",
    "Metformin lowers hepatic glucose production and is a first-line therapy in type 2 diabetes.",
    "Asthma is a chronic inflammatory disease of the airways with reversible obstruction.",
    "Statins reduce LDL cholesterol and lower the risk of myocardial infarction and stroke.",
    "Chronic kidney disease is staged by the estimated glomerular filtration rate and albuminuria.",
    "Vaccines train the adaptive immune system to recognise a pathogen before exposure.",
    "Atrial fibrillation increases stroke risk; anticoagulation decisions use validated scores.",
    "Sepsis is a dysregulated host response to infection with organ dysfunction.",
]


def build_model(folder: Path, size: str) -> Path:
    import torch
    from transformers import MistralConfig, MistralForCausalLM

    from medrails.models.tiny import build_tiny_tokenizer

    if (folder / "config.json").is_file():
        return folder
    tokenizer = build_tiny_tokenizer()
    dims = MISTRAL_7B if size == "7b" else TINY
    config = MistralConfig(**dims, bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                           pad_token_id=tokenizer.pad_token_id)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    started = time.perf_counter()
    torch.set_default_dtype(torch.bfloat16)
    with torch.device(device):
        model = MistralForCausalLM(config)
    torch.set_default_dtype(torch.float32)
    params = sum(p.numel() for p in model.parameters())
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    print(f"random {size} Mistral model: {params / 1e9:.2f} B parameters, written in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    del model
    return folder


def build_dataset(path: Path, rows: int, approx_chars: int) -> Path:
    lines = []
    for i in range(rows):
        body, k = [], i
        while sum(len(s) + 1 for s in body) < approx_chars:
            body.append(SENTENCES[k % len(SENTENCES)])
            k += 3
        lines.append(json.dumps({"prompt": f"Case {i}: summarise the teaching points below.\n" + " ".join(body[: len(body) // 2]),
                                 "completion": " ".join(body[len(body) // 2:])}))
    path.write_text("\n".join(lines) + "\n")
    return path


def run_training(name: str, model: Path, data: Path, out: Path, overrides: list[str]) -> dict:
    sets = [f"model_name_or_path={model}", f"dataset={data}", f"output_dir={out / name}", "max_steps=6",
            "gradient_accumulation_steps=1", "save_steps=1000", "eval_strategy=no", "logging_steps=1",
            "max_samples=null", "preprocessing_num_workers=null", "val_size=0.0", "template=mistral", *overrides]
    cmd = [sys.executable, "-m", "medrails.cli", "train", str(CONFIG), "--overwrite", "--json"]
    for item in sets:
        cmd += ["--set", item]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        print(proc.stderr[-4000:], file=sys.stderr)
        return {"name": name, "error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed"}
    metrics = json.loads(proc.stdout)["metrics"]
    metrics.update(name=name, wall_seconds=round(wall, 1),
                   seconds_per_step=round(metrics["train_seconds"] / max(metrics["global_step"], 1), 2))
    return metrics


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", type=Path, required=True, help="where the random model, data and runs go")
    parser.add_argument("--size", choices=["7b", "tiny"], default="7b")
    parser.add_argument("--cutoff", type=int, default=4096, help="tokens per example (the guide: 4096)")
    parser.add_argument("--cpu-dry-run", action="store_true", help="fp32, no quantization: check the plumbing on CPU")
    parser.add_argument("--json-out", type=Path, help="write the results here")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    model = build_model(args.workdir / f"mistral-{args.size}-random", args.size)
    # the tiny byte-level tokenizer gives ~1 token per 2.5 characters of this text
    data = build_dataset(args.workdir / "long.jsonl", rows=24, approx_chars=int(args.cutoff * 2.3))
    common = [f"cutoff_len={args.cutoff}"]
    if args.cpu_dry_run:
        setups = [("lora-fp32-cpu", ["quantization_bit=null", "bf16=false"])]
    else:
        setups = [("qlora-4bit-nf4", []), ("lora-bf16", ["quantization_bit=null"])]
    results = []
    for name, extra in setups:
        print(f"training {name} ...", flush=True)
        results.append(run_training(name, model, data, args.workdir, common + extra))
        print(json.dumps(results[-1]), flush=True)
    print("\n| setup | peak GPU memory (GiB) | s/step | tokens/s | train tokens |")
    print("|---|---|---|---|---|")
    for r in results:
        if "error" in r:
            print(f"| {r['name']} | error: {r['error']} | | | |")
            continue
        print(f"| {r['name']} | {r['peak_memory_mb'] / 1024:.2f} | {r['seconds_per_step']} | {r['tokens_per_second']} | "
              f"{r['train_tokens']} |")
    ok = [r for r in results if "error" not in r]
    if len(ok) == 2:
        q, b = ok
        print(f"\nQLoRA / bf16 LoRA: memory {q['peak_memory_mb'] / b['peak_memory_mb']:.2f}x, "
              f"speed {q['tokens_per_second'] / b['tokens_per_second']:.2f}x (guide: ~16-18 GB for QLoRA on a 7B)")
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
