"""Serve benchmark (loopback only; every loop stops by itself).

1. Load test: C concurrent clients for D seconds against `medrails serve` in front of a fast local
   fake OpenAI-compatible upstream (its own process, fixed latency per answer). Reports errors (goal
   0), audit records vs requests (goal equal), p50/p99 latency and requests/s, and the gateway
   overhead against the same clients calling the upstream directly at the same concurrency
   (goal <= 10%).
2. Streaming: embedded-model tokens/s through the server (SSE) vs direct generation in process.

    python benchmarks/serve_benchmark.py --quick
    python benchmarks/serve_benchmark.py --duration 20 --concurrency 16 --latency-ms 250
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

ANSWER = ("High blood pressure means the force of blood against artery walls stays too high. It often has no "
          "symptoms, so regular checks matter. Lifestyle changes and medicines can lower it.")
QUESTION = "What is high blood pressure?"

UPSTREAM_APP = r'''
import asyncio, json, sys
LATENCY = float(sys.argv[2]) / 1000.0
ANSWER = json.loads(sys.argv[3])
BODY = json.dumps({"id": "x", "object": "chat.completion", "choices": [{"index": 0,
    "message": {"role": "assistant", "content": ANSWER}, "finish_reason": "stop"}]}).encode()

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    more = True
    while more:
        more = (await receive()).get("more_body", False)
    await asyncio.sleep(LATENCY)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": BODY})

import uvicorn
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", backlog=4096)
'''


@dataclass
class LoadResult:
    target: str
    concurrency: int
    seconds: float
    requests: int
    errors: int
    error_kinds: dict = field(default_factory=dict)
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    rps: float = 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(url: str, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {timeout:.0f}s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def load(url: str, model: str, concurrency: int, seconds: float, target: str) -> LoadResult:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    body = {"model": model, "messages": [{"role": "user", "content": QUESTION}], "max_tokens": 64}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        end = time.perf_counter() + seconds

        async def worker():
            while time.perf_counter() < end:
                started = time.perf_counter()
                try:
                    r = await client.post("/chat/completions", json=body)
                    ok = r.status_code == 200 and r.json()["choices"][0]["message"]["content"]
                    kind = None if ok else f"HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    kind = exc.__class__.__name__
                if kind:
                    errors[kind] = errors.get(kind, 0) + 1
                else:
                    latencies.append((time.perf_counter() - started) * 1000.0)

        began = time.perf_counter()
        await asyncio.gather(*[worker() for _ in range(concurrency)])
        elapsed = time.perf_counter() - began
    count = len(latencies) + sum(errors.values())
    return LoadResult(target, concurrency, round(elapsed, 2), count, sum(errors.values()), errors,
                      round(percentile(latencies, 0.5), 1), round(percentile(latencies, 0.99), 1),
                      round(len(latencies) / elapsed, 1))


def spawn_serve(args: list[str], env: dict) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-c", "from medrails.cli import main; main()", "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError(f"medrails serve exited with {proc.wait()}")
        match = re.search(r"web UI:\s+(http://\S+?)/\s", line)
        if match:
            threading.Thread(target=proc.stdout.read, daemon=True).start()
            wait_ready(match.group(1) + "/readyz")
            return proc, match.group(1)
    proc.kill()
    raise RuntimeError("medrails serve did not print its URL")


def audit_count(audit_url: str) -> int:
    from medrails.audit import open_audit_store

    return open_audit_store(audit_url).count(kind="chat")


def audit_breakdown(audit_url: str, last: int) -> dict:
    """Where gateway time goes, from the audit records themselves: guard stages vs the whole assistant call."""
    from medrails.audit import open_audit_store

    records = [e.record for e in open_audit_store(audit_url).recent(limit=last, kind="chat")]
    guard_ms = [sum(s.get("ms", 0.0) for s in r.get("stages", [])) for r in records]
    decisions: dict[str, int] = {}
    for r in records:
        key = f"{r.get('decision')}/{r.get('category') or '-'}"
        decisions[key] = decisions.get(key, 0) + 1
    return {"guard_stages_p50_ms": round(percentile(guard_ms, 0.5), 1),
            "assistant_total_p50_ms": round(percentile([r.get("ms", 0.0) for r in records], 0.5), 1),
            "decisions": decisions}


def run_load(args, tmp: Path) -> dict:
    up_port = free_port()
    upstream = subprocess.Popen([sys.executable, "-c", UPSTREAM_APP, str(up_port), str(args.latency_ms),
                                 json.dumps(ANSWER)])
    audit_url = f"sqlite:///{tmp / 'audit.db'}"
    serve_args = ["--port", "0", "--model", f"openai:http://127.0.0.1:{up_port}/v1#fake", "--kb", "none",
                  "--workers", str(args.workers or args.concurrency), "--set", f"max_queue={args.concurrency * 4}",
                  "--set", f"audit_url={audit_url}", "--set", f"state_db={tmp / 'serve.db'}",
                  "--set", "rate_limit.per_minute=1000000", "--set", "rate_limit.burst=100000"]
    if args.policy:
        serve_args += ["--policy", args.policy]
    gateway, url = None, ""
    try:
        wait_ready(f"http://127.0.0.1:{up_port}/v1/models")
        gateway, url = spawn_serve(serve_args, {**os.environ, "MEDRAILS_HOME": str(tmp / "home")})
        asyncio.run(load(f"http://127.0.0.1:{up_port}/v1", "fake", 2, 1.0, "warmup"))
        asyncio.run(load(url + "/v1", "medrails", 2, 1.0, "warmup"))
        before = audit_count(audit_url)
        direct = asyncio.run(load(f"http://127.0.0.1:{up_port}/v1", "fake", args.concurrency, args.duration, "direct"))
        gated = asyncio.run(load(url + "/v1", "medrails", args.concurrency, args.duration, "gateway"))
        time.sleep(0.5)
        records = audit_count(audit_url) - before
        breakdown = audit_breakdown(audit_url, records)
        verify = httpx.get(url + "/v1/audit/verify", timeout=60).json()
    finally:
        for proc in (gateway, upstream):
            if proc is not None:
                proc.terminate()
                proc.wait(timeout=30)
    return {
        "direct": asdict(direct), "gateway": asdict(gated),
        "audit_records": records, "gateway_requests": gated.requests, "audit_chain_ok": verify["ok"],
        "inside_gateway": breakdown,
        "overhead_p50_pct": round(100 * (gated.p50_ms - direct.p50_ms) / direct.p50_ms, 1) if direct.p50_ms else None,
        "overhead_p99_pct": round(100 * (gated.p99_ms - direct.p99_ms) / direct.p99_ms, 1) if direct.p99_ms else None,
        "throughput_ratio": round(gated.rps / direct.rps, 3) if direct.rps else None,
    }


def run_streaming(args, tmp: Path) -> dict:
    """Embedded model: tokens/s streaming through the server vs generating directly in this process.

    All sides decode greedily from the same messages, so they generate the same tokens; the rounds
    alternate (direct, guarded in process, served, ...) so the shared CPU's load hits all alike. The
    server may release fewer tokens than it generated (the guard drops an unfinished last sentence).
    "guarded in process" is Assistant.stream without HTTP: served vs guarded is the server's own cost,
    guarded vs direct is the guard's."""
    from medrails.assistant import build_assistant
    from medrails.models.base import GenerationParams
    from medrails.settings import AskSettings

    assistant = build_assistant(AskSettings(kb=None, audit=False, max_new_tokens=args.stream_tokens))
    assistant.guard.check_input("warm up the guard models")
    "".join(assistant.model.stream(assistant.messages("Hi", []), GenerationParams(max_new_tokens=4)))  # warm torch
    tokenizer = assistant.model.tokenizer
    params = GenerationParams(max_new_tokens=args.stream_tokens)
    messages = assistant.messages(QUESTION, [])
    audit_url = f"sqlite:///{tmp / 'audit-stream.db'}"
    serve_args = ["--port", "0", "--model", "embedded", "--kb", "none", "--workers", "1",
                  "--set", f"assistant.max_new_tokens={args.stream_tokens}",
                  "--set", f"audit_url={audit_url}", "--set", f"state_db={tmp / 'serve2.db'}"]
    proc, url = spawn_serve(serve_args, dict(os.environ))  # the user's MEDRAILS_HOME holds the converted model
    direct_s, guarded_s, served_s, first_s = [], [], [], []
    generated = released = 0
    ext: dict = {}
    try:
        for _ in range(args.stream_rounds):
            started = time.perf_counter()
            text = "".join(assistant.model.stream(messages, params))
            direct_s.append(time.perf_counter() - started)
            generated = len(tokenizer(text, add_special_tokens=False)["input_ids"])

            started = time.perf_counter()  # the same guarded flow in process: guard cost without HTTP
            for _event in assistant.stream(QUESTION):
                pass
            guarded_s.append(time.perf_counter() - started)

            body = {"model": "medrails", "stream": True, "messages": [{"role": "user", "content": QUESTION}]}
            streamed, first_at = "", None
            started = time.perf_counter()
            with httpx.stream("POST", url + "/v1/chat/completions", json=body, timeout=600) as r:
                for line in r.iter_lines():
                    if not line.startswith("data: ") or line == "data: [DONE]":
                        continue
                    chunk = json.loads(line[6:])
                    delta = chunk["choices"][0]["delta"].get("content") if chunk["choices"] else None
                    if delta:
                        first_at = first_at or time.perf_counter()
                        streamed += delta
                    ext = chunk.get("medrails") or ext
            served_s.append(time.perf_counter() - started)
            first_s.append((first_at or time.perf_counter()) - started)
            kept = streamed.split("\n\n" + ext["disclaimer"])[0] if ext.get("disclaimer") else streamed
            released = len(tokenizer(kept, add_special_tokens=False)["input_ids"])
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    direct, guarded, served = (statistics.median(x) for x in (direct_s, guarded_s, served_s))
    return {
        "decision": ext.get("decision"), "rounds": args.stream_rounds,
        "generated_tokens": generated, "released_tokens": released,
        "direct_s": round(direct, 2), "guarded_in_process_s": round(guarded, 2), "served_s": round(served, 2),
        "guarded_in_process_tok_per_s": round(generated / guarded, 2),
        "direct_tok_per_s": round(generated / direct, 2), "served_tok_per_s": round(generated / served, 2),
        "served_first_text_s": round(statistics.median(first_s), 2),
        "ratio": round(direct / served, 3),
    }


def report_load(args, lr: dict) -> None:
    print(f"load test: {args.concurrency} clients x {args.duration:.0f}s, upstream latency {args.latency_ms:.0f} ms")
    for key in ("direct", "gateway"):
        r = lr[key]
        print(f"  {key:<8} requests {r['requests']:>6}  errors {r['errors']:>3} {r['error_kinds'] or ''}  "
              f"p50 {r['p50_ms']:>7.1f} ms  p99 {r['p99_ms']:>7.1f} ms  {r['rps']:>7.1f} req/s")
    print(f"  gateway overhead: p50 {lr['overhead_p50_pct']}%  p99 {lr['overhead_p99_pct']}%  "
          f"throughput ratio {lr['throughput_ratio']}")
    inside = lr["inside_gateway"]
    print(f"  inside the gateway (from audit records): guard stages p50 {inside['guard_stages_p50_ms']} ms, "
          f"whole guarded call p50 {inside['assistant_total_p50_ms']} ms; decisions {inside['decisions']}")
    print(f"  audit records {lr['audit_records']} vs gateway requests {lr['gateway_requests']}; "
          f"chain ok: {lr['audit_chain_ok']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short run: 6 s per load phase, 48 streamed tokens")
    parser.add_argument("--duration", type=float, default=15.0, help="seconds per load phase")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=0, help="gateway generation threads (default: = concurrency)")
    parser.add_argument("--latency-ms", type=float, default=250.0, help="fake upstream time per answer")
    parser.add_argument("--policy", default=None, help="guard policy for the gateway (default: patient-education)")
    parser.add_argument("--stream-tokens", type=int, default=96, help="max new tokens for the streaming comparison")
    parser.add_argument("--skip-streaming", action="store_true", help="only the load test")
    parser.add_argument("--skip-load", action="store_true", help="only the streaming comparison")
    parser.add_argument("--stream-rounds", type=int, default=3, help="alternating direct/served rounds (median)")
    parser.add_argument("--out", type=Path, default=Path("runs/serve_benchmark.json"), help="JSON results file")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.stream_tokens, args.stream_rounds = 6.0, 48, 1
    results: dict = {"args": {k: str(v) for k, v in vars(args).items()}}
    with tempfile.TemporaryDirectory(prefix="medrails-bench-") as tmp:
        lr = results["load"] = {} if args.skip_load else run_load(args, Path(tmp))
        if lr:
            report_load(args, lr)
        if not args.skip_streaming:
            results["streaming"] = s = run_streaming(args, Path(tmp))
            print(f"embedded streaming ({args.stream_tokens} max tokens): direct {s['direct_tok_per_s']} tok/s, "
                  f"guarded in process {s['guarded_in_process_tok_per_s']} tok/s, "
                  f"through the server {s['served_tok_per_s']} tok/s (ratio {s['ratio']}, first text after "
                  f"{s['served_first_text_s']} s, {s['released_tokens']} of {s['generated_tokens']} generated tokens "
                  f"released, decision {s['decision']})")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2))
    print(f"wrote {args.out}")




if __name__ == "__main__":
    main()
