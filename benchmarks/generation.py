"""Embedded-model generation through medrails vs a direct transformers `generate`.

    python benchmarks/generation.py [--tokens 64] [--runs 3]

Prints tokens/s for both (same prompt, same greedy settings, same process), their ratio
(goal >= 0.95), the first-load (GGUF -> safetensors conversion into an empty cache) and
cached-load times, and peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

QUESTION = "What is high blood pressure and how is it usually managed?"


def load_times() -> tuple[float, float, float]:
    """(first load with an empty cache, cached load in a fresh process, cached load once libraries are
    imported) — the first two as a user sees them, each in a new process."""
    code = (
        "import time; from medrails.models import load_chat_model, resolve_model_dir, parse_spec;"
        "from medrails.models.local import TransformersChatModel; t=time.perf_counter();"
        "load_chat_model('embedded'); t1=time.perf_counter();"
        "TransformersChatModel.from_directory(resolve_model_dir(parse_spec('embedded')));"
        "print(t1-t, time.perf_counter()-t1)"
    )
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "MEDRAILS_HOME": home, "TRANSFORMERS_VERBOSITY": "error", "HF_HUB_DISABLE_PROGRESS_BARS": "1"}
        run = lambda: [float(x) for x in subprocess.check_output([sys.executable, "-c", code], env=env,  # noqa: E731
                                                                stderr=subprocess.DEVNULL).split()[-2:]]
        first, _ = run()
        cached, warm = run()
    return first, cached, warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokens", type=int, default=64, help="new tokens per generation")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (after one warm-up)")
    parser.add_argument("--skip-load", action="store_true", help="skip the first/cached load measurement")
    args = parser.parse_args()

    import torch

    from medrails.guard import load_policy
    from medrails.models import GenerationParams, load_chat_model

    model = load_chat_model("embedded")
    policy = load_policy()
    messages = [{"role": "system", "content": policy.system_prompt}, {"role": "user", "content": QUESTION}]
    # fixed length on both sides: the model may not stop early, so tokens/s compares like with like
    model.model.generation_config.eos_token_id = None
    params = GenerationParams(max_new_tokens=args.tokens)

    inputs = model.encode(messages)
    direct_kwargs = dict(max_new_tokens=args.tokens, do_sample=False, pad_token_id=model.tokenizer.eos_token_id,
                         eos_token_id=None, temperature=None, top_p=None, top_k=None)

    def direct() -> int:
        with torch.inference_mode():
            out = model.model.generate(**inputs, **direct_kwargs)
        return out.shape[1] - inputs["input_ids"].shape[1]

    def through_medrails() -> int:
        text = model.generate(messages, params)
        return args.tokens if text else 0

    def through_medrails_stream() -> int:
        "".join(model.stream(messages, params))
        return args.tokens

    rates: dict[str, list[float]] = {"direct transformers": [], "medrails generate": [], "medrails stream": []}
    funcs = {"direct transformers": direct, "medrails generate": through_medrails, "medrails stream": through_medrails_stream}
    for fn in funcs.values():
        fn()  # warm-up
    for _ in range(args.runs):
        for name, fn in funcs.items():  # interleaved, so drift hits all three alike
            start = time.perf_counter()
            n = fn()
            rates[name].append(n / (time.perf_counter() - start))

    base = statistics.median(rates["direct transformers"])
    print(f"embedded SmolLM2-135M-Instruct, {args.tokens} new tokens, greedy, {args.runs} runs, torch threads={torch.get_num_threads()}")
    print(f"{'path':<22}{'tok/s (median)':>16}{'min':>8}{'max':>8}{'ratio vs direct':>17}")
    for name, values in rates.items():
        med = statistics.median(values)
        print(f"{name:<22}{med:>16.1f}{min(values):>8.1f}{max(values):>8.1f}{med / base:>17.3f}")
    if not args.skip_load:
        first, cached, warm = load_times()
        print(f"first load (convert GGUF, empty cache):              {first:.1f} s")
        print(f"cached load, fresh process (incl. lazy lib imports): {cached:.1f} s")
        print(f"cached load, libraries already imported:             {warm:.2f} s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the benchmark process:                   {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
