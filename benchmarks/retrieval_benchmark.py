"""Retrieval quality and speed: fused (RRF) vs BM25-only vs dense-only, in one run.

    python benchmarks/retrieval_benchmark.py --quick      # shared 2-core CPU: MedQuAD subset, fewer queries
    python benchmarks/retrieval_benchmark.py              # all 5,588 MedQuAD pairs (embedding takes a while)

1. PubMedQA: each of the 500 questions in shared/data/pubmedqa must retrieve its own abstract among all
   500 abstracts (titles left out: the question IS the title). recall@1, recall@5, MRR (document level).
2. MedQuAD: each question must retrieve its own answer passage (recall@5, MRR); identical answers shared by
   several questions all count as gold.
3. Latency at 10k and 100k chunks (real chunks and vectors replicated with noise): index search p50/p99
   with precomputed query vectors, query embedding p50, end-to-end p50; BM25 build time, on-disk size.
4. Grounding calibration: hand-labelled (claim, question) pairs over the starter KB; thresholds and accuracy.
Figures print as tables and go to --out as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from medrails.paths import medrails_home, shared_data_dir  # noqa: E402
from medrails.rag import build_kb, open_kb  # noqa: E402
from medrails.rag.search import MODES, HybridIndex  # noqa: E402

DEPTH = 50  # chunks fetched per query before collapsing to documents


def doc_ranking(hits) -> list[str]:
    seen: list[str] = []
    for h in hits:
        if h.chunk.doc_id not in seen:
            seen.append(h.chunk.doc_id)
    return seen


def quality(kb, queries: list[str], gold: list[set[str]]) -> dict[str, dict[str, float]]:
    from medrails.guard.embeddings import embed

    vectors = embed(queries, batch_size=64)
    out = {}
    for mode in MODES:
        r1 = r5 = rr = 0.0
        for start in range(0, len(queries), 64):
            batch = kb.index.search_vectors(queries[start:start + 64], vectors[start:start + 64], DEPTH, mode)
            for hits, want in zip(batch, gold[start:start + 64], strict=True):
                ranking = doc_ranking(hits)
                rank = next((i + 1 for i, d in enumerate(ranking) if d in want), None)
                r1 += rank == 1
                r5 += rank is not None and rank <= 5
                rr += 1.0 / rank if rank else 0.0
        n = len(queries)
        out[mode] = {"recall@1": r1 / n, "recall@5": r5 / n, "mrr": rr / n, "queries": n}
    return out


def pubmedqa(work: Path) -> dict:
    data = json.loads((shared_data_dir() / "pubmedqa" / "pqal_trainval_set.json").read_text())
    corpus = work / "pubmedqa.jsonl"
    with corpus.open("w") as handle:
        for pmid, rec in data.items():
            text = "\n".join(f"## {label.title()}\n{ctx}" for label, ctx in zip(rec["LABELS"], rec["CONTEXTS"], strict=False))
            handle.write(json.dumps({"id": pmid, "title": f"PubMed {pmid}", "text": text,
                                     "source": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"}) + "\n")
    started = time.perf_counter()
    report = build_kb([corpus], work / "kb-pubmedqa")
    build_s = time.perf_counter() - started
    kb = open_kb(work / "kb-pubmedqa")
    pmids = list(data)
    result = quality(kb, [data[p]["QUESTION"] for p in pmids], [{p} for p in pmids])
    return {"documents": report.documents_total, "chunks": report.chunks_total, "build_s": round(build_s, 1),
            "embed_chunks_per_s": round(report.embedded / build_s, 1), "modes": result}


def medquad(work: Path, max_pairs: int | None, seed: int = 13) -> dict:
    root = shared_data_dir() / "medquad" / "xml"
    files = sorted(root.rglob("*.xml"))
    pairs = []  # (doc_id, question, answer text)
    for file in files:
        doc = ET.parse(file).getroot()
        for pair in doc.iter("QAPair"):
            q, a = pair.find("Question"), (pair.findtext("Answer") or "").strip()
            if q is not None and a and q.text:
                pairs.append((file, f"{file.parent.name}/{q.get('qid')}", " ".join(q.text.split()), " ".join(a.split())))
    if max_pairs and len(pairs) > max_pairs:
        # whole files, in a seeded random order, until about max_pairs pairs are in
        order = list(files)
        random.Random(seed).shuffle(order)
        counts: dict[Path, int] = {}
        for p in pairs:
            counts[p[0]] = counts.get(p[0], 0) + 1
        keep_files, total = [], 0
        for f in order:
            if total >= max_pairs:
                break
            if counts.get(f):
                keep_files.append(f)
                total += counts[f]
        keep = set(keep_files)
        pairs = [p for p in pairs if p[0] in keep]
    else:
        keep_files = files
    src = work / "medquad-src"
    for f in sorted({p[0] for p in pairs}):
        dest = src / f.parent.name / f.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(f.read_bytes())
    started = time.perf_counter()
    report = build_kb([src], work / "kb-medquad")
    build_s = time.perf_counter() - started
    kb = open_kb(work / "kb-medquad")
    by_answer: dict[str, set[str]] = {}
    for _, doc_id, _, answer in pairs:
        by_answer.setdefault(answer, set()).add(doc_id)
    indexed = {c.doc_id for c in kb.stored.chunks}
    queries, gold = [], []
    for _, _doc_id, question, answer in pairs:
        want = by_answer[answer] & indexed
        if want:
            queries.append(question)
            gold.append(want)
    result = quality(kb, queries, gold)
    return {"files": len(keep_files), "qa_pairs": len(pairs), "documents": report.documents_total,
            "chunks": report.chunks_total, "skipped": report.skipped_by_reason(), "build_s": round(build_s, 1),
            "embed_chunks_per_s": round(report.embedded / build_s, 1), "modes": result}


def latency(base_kb, sizes: list[int], queries: list[str], work: Path, seed: int = 7) -> dict:
    """Replicate real chunks (texts with a distinguishing token, vectors with noise) up to each size."""
    from medrails.guard.embeddings import embed
    from medrails.rag.chunking import Chunk
    from medrails.rag.lexical import build_bm25
    from medrails.rag.store import FORMAT_VERSION, Manifest, write_kb

    rng = np.random.default_rng(seed)
    qvecs = embed(queries)
    embed_ms = []
    for q in queries[:40]:
        t = time.perf_counter()
        embed([q + " "])  # bypass the single-text cache
        embed_ms.append((time.perf_counter() - t) * 1000)
    base = base_kb.stored.chunks
    out = {"query_embedding_p50_ms": round(statistics.median(embed_ms), 2)}
    for size in sizes:
        chunks, rows = [], []
        for i in range(size):
            c = base[i % len(base)]
            chunks.append(Chunk(f"{c.chunk_id}~{i}", f"{c.doc_id}~{i // len(base)}", c.title, c.source, c.section,
                                c.line_start, c.line_end, f"{c.text} copy{i // len(base)}"))
            rows.append(i % len(base))
        noise = rng.normal(0, 0.02, (size, base_kb.stored.dense.shape[1])).astype(np.float32)
        dense = base_kb.stored.dense[rows] + noise
        dense /= np.linalg.norm(dense, axis=1, keepdims=True)
        t = time.perf_counter()
        bm25 = build_bm25([c.index_text() for c in chunks])
        bm25_s = time.perf_counter() - t
        t = time.perf_counter()
        manifest = Manifest(FORMAT_VERSION, "bench", "all-MiniLM-L6-v2", dense.shape[1], 180, 0, 0, {})
        path = write_kb(work / f"kb-{size}", chunks, dense, bm25, manifest, replace=True)
        write_s = time.perf_counter() - t
        t = time.perf_counter()
        kb = open_kb(path)
        open_s = time.perf_counter() - t
        index: HybridIndex = kb.index
        figures = {"chunks": size, "bm25_build_s": round(bm25_s, 2), "write_s": round(write_s, 2),
                   "open_s": round(open_s, 2), "disk_mb": round(sum(m["bytes"] for m in kb.stored.manifest.files.values()) / 1e6, 1),
                   "dense_scoring": "float16 (torch)" if index.half is not None else "float32 (numpy)"}
        for mode in MODES:
            times = []
            for q, v in zip(queries, qvecs, strict=True):
                t = time.perf_counter()
                index.search_vectors([q], v[None, :], 5, mode)
                times.append((time.perf_counter() - t) * 1000)
            figures[f"{mode}_p50_ms"] = round(float(np.percentile(times, 50)), 2)
            figures[f"{mode}_p99_ms"] = round(float(np.percentile(times, 99)), 2)
        baseline = HybridIndex(kb.stored.chunks, kb.stored.dense, kb.stored.bm25, allow_half=False)
        for mode in ("fused", "dense"):  # the float32 numpy path, same run, as the baseline
            times = []
            for q, v in zip(queries, qvecs, strict=True):
                t = time.perf_counter()
                baseline.search_vectors([q], v[None, :], 5, mode)
                times.append((time.perf_counter() - t) * 1000)
            figures[f"{mode}_float32_p50_ms"] = round(float(np.percentile(times, 50)), 2)
        del baseline
        t = time.perf_counter()
        index.search_vectors(queries, qvecs, 5, "fused")
        figures["fused_batch_per_query_ms"] = round((time.perf_counter() - t) * 1000 / len(queries), 2)
        e2e = []
        for q in queries[:30]:
            t = time.perf_counter()
            kb.search(f"{q} ({size} chunks)", 5)  # a new text: its embedding is not cached
            e2e.append((time.perf_counter() - t) * 1000)
        figures["end_to_end_p50_ms"] = round(statistics.median(e2e), 2)  # query embedding + search
        out[str(size)] = figures
        del kb, index, chunks, dense, bm25
    return out


# (question asked, answer sentence, supported by the starter KB passages for that question?)
GROUNDING_CASES = [
    ("What do statins do?", "Statins block an enzyme in the liver so that it makes less cholesterol.", True),
    ("What do statins do?", "Liver cells then take more LDL cholesterol out of the blood.", True),
    ("What do statins do?", "Muscle aches are the side effect people report most often.", True),
    ("What do statins do?", "Statins are antibiotics that kill bacteria in the lungs.", False),
    ("What do statins do?", "Statins are usually given once a month as an injection into the muscle.", False),
    ("What do statins do?", "Taking statins cures type 1 diabetes within a year.", False),
    ("What is high blood pressure?", "High blood pressure means blood pushes too hard on the artery walls over time.", True),
    ("What is high blood pressure?", "Many people with hypertension have no symptoms and do not know they have it.", True),
    ("What is high blood pressure?", "High blood pressure is caused by eating too many carrots.", False),
    ("What is high blood pressure?", "Hypertension always causes severe nosebleeds every morning.", False),
    ("What are the warning signs of a stroke?", "Face drooping, arm weakness and slurred speech are warning signs of a stroke.", True),
    ("What are the warning signs of a stroke?", "Note the time the symptoms started because some treatments only work within a few hours.", True),
    ("What are the warning signs of a stroke?", "A stroke is usually caused by a vitamin C deficiency in the skin.", False),
    ("What are the warning signs of a stroke?", "Drinking cold water for an hour will reverse most strokes.", False),
    ("How does metformin work?", "Metformin mainly lowers blood sugar by reducing the glucose the liver releases.", True),
    ("How does metformin work?", "On its own metformin rarely causes low blood sugar.", True),
    ("How does metformin work?", "Metformin works by destroying fat cells in the abdomen.", False),
    ("How does metformin work?", "Metformin is an opioid painkiller that is taken for migraines.", False),
    ("What is the HbA1c test?", "The A1C test shows average blood sugar over about the past three months.", True),
    ("What is the HbA1c test?", "A result of 6.5 percent or higher on two tests indicates diabetes.", True),
    ("What is the HbA1c test?", "The A1C test measures how much calcium is stored in your bones.", False),
    ("What is the HbA1c test?", "You must not drink water for three days before an A1C test.", False),
    ("Why don't antibiotics help a cold?", "Antibiotics do not work on viruses, so they do not help colds.", True),
    ("Why don't antibiotics help a cold?", "Using antibiotics when they are not needed helps bacteria become resistant.", True),
    ("Why don't antibiotics help a cold?", "Antibiotics strengthen the immune system against every virus.", False),
    ("Why don't antibiotics help a cold?", "Colds are caused by a lack of iron in the diet.", False),
    ("How do SSRIs work?", "SSRIs block the reuptake of serotonin so more of it stays available between nerve cells.", True),
    ("How do SSRIs work?", "Their full benefit usually takes several weeks to appear.", True),
    ("How do SSRIs work?", "SSRIs work by lowering the amount of sugar in the blood.", False),
    ("How do SSRIs work?", "SSRIs are a type of vaccine given once in childhood.", False),
    ("What is asthma?", "Asthma inflames and narrows the airways so breathing becomes harder.", True),
    ("What is asthma?", "A rescue inhaler relaxes the muscles around the airways during symptoms.", True),
    ("What is asthma?", "Asthma is an infection of the kidneys caused by drinking coffee.", False),
    ("What is asthma?", "Asthma can be cured permanently by a single dose of antibiotics.", False),
    ("What are the signs of sepsis?", "Sepsis can cause a fast heart rate, fever or shivering, and confusion.", True),
    ("What are the signs of sepsis?", "Sepsis is the body's extreme response to an infection.", True),
    ("What are the signs of sepsis?", "Sepsis is a harmless skin rash that goes away by itself.", False),
    ("What are the signs of sepsis?", "Sepsis is caused by standing up too quickly after a meal.", False),
]


def grounding_calibration() -> dict:
    from medrails.guard.stages.grounding import Grounding
    from medrails.rag.retriever import open_retriever

    kb = open_retriever("starter")
    stage = Grounding()
    rows = []
    for question, sentence, label in GROUNDING_CASES:
        support = stage.score(sentence, kb.retrieve(question, 3))
        if not support:
            raise SystemExit(f"calibration sentence is not treated as a claim: {sentence!r}")
        rows.append((support[0].similarity, support[0].overlap, label))
    grid = []
    for ov_t in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01):
        for sim_t in np.round(np.arange(0.40, 0.96, 0.02), 2):
            pred = [(s >= sim_t) or (o >= ov_t) for s, o, _ in rows]
            tp = sum(p and lab for p, (_, _, lab) in zip(pred, rows, strict=True))
            tn = sum((not p) and (not lab) for p, (_, _, lab) in zip(pred, rows, strict=True))
            pos = sum(lab for *_, lab in rows)
            grid.append((round(0.5 * (tp / pos + tn / (len(rows) - pos)), 4), ov_t, float(sim_t), tp / pos,
                         tn / (len(rows) - pos)))
    top = max(g[0] for g in grid)
    best_ov = min(g[1] for g in grid if g[0] == top)
    plateau = [g for g in grid if g[0] == top and g[1] == best_ov]
    best = {"balanced_accuracy": top, "min_overlap": best_ov,
            "min_similarity_range": [plateau[0][2], plateau[-1][2]],
            "supported_recall": round(plateau[0][3], 3), "unsupported_recall": round(plateau[0][4], 3)}
    current = [(s >= stage.min_similarity) or (o >= stage.min_overlap) for s, o, _ in rows]
    acc = sum(p == lab for p, (*_, lab) in zip(current, rows, strict=True)) / len(rows)
    return {"cases": len(rows), "best_grid": best, "shipped": {"min_similarity": stage.min_similarity,
            "min_overlap": stage.min_overlap, "accuracy": round(acc, 3)},
            "similarity_supported_mean": round(float(np.mean([s for s, _, lab in rows if lab])), 3),
            "similarity_unsupported_mean": round(float(np.mean([s for s, _, lab in rows if not lab])), 3)}


def table(title: str, modes: dict) -> None:
    print(f"\n{title}")
    print(f"  {'mode':<7} {'recall@1':>9} {'recall@5':>9} {'MRR':>7}")
    for mode, m in modes.items():
        print(f"  {mode:<7} {m['recall@1']:>9.3f} {m['recall@5']:>9.3f} {m['mrr']:>7.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="MedQuAD subset and fewer latency queries (shared CPU)")
    parser.add_argument("--medquad-pairs", type=int, default=None, help="about this many MedQuAD QA pairs (whole files)")
    parser.add_argument("--sizes", default="10000,100000", help="chunk counts for the latency test")
    parser.add_argument("--skip", default="", help="comma list of parts to skip: pubmedqa,medquad,latency,grounding")
    parser.add_argument("--out", type=Path, default=None, help="JSON results file")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    pairs = args.medquad_pairs or (1200 if args.quick else None)
    out_path = args.out or medrails_home() / "benchmarks" / "retrieval.json"
    results: dict = {"quick": args.quick, "cpu_count": os.cpu_count(), "load_avg_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory(prefix="medrails-retrieval-bench-") as tmp:
        work = Path(tmp)
        if "pubmedqa" not in skip:
            results["pubmedqa"] = pubmedqa(work)
            table(f"PubMedQA: question -> own abstract among {results['pubmedqa']['documents']} abstracts "
                  f"({results['pubmedqa']['chunks']} chunks)", results["pubmedqa"]["modes"])
        if "medquad" not in skip:
            results["medquad"] = medquad(work, pairs)
            mq = results["medquad"]
            table(f"MedQuAD: question -> own answer passage ({mq['qa_pairs']} pairs from {mq['files']} files, "
                  f"{mq['chunks']} chunks)", mq["modes"])
        if "latency" not in skip:
            from medrails.rag.retriever import open_retriever

            built = [work / "kb-medquad", work / "kb-pubmedqa"]
            base = next((open_kb(p) for p in built if p.exists()), None) or open_retriever("starter")
            qs = [c.title + " " + c.section for c in base.stored.chunks[:: max(1, len(base.stored.chunks) // 200)]]
            qs = qs[: 100 if args.quick else 200]
            sizes = [int(s) for s in args.sizes.split(",")]
            results["latency"] = lat = latency(base, sizes, qs, work)
            print(f"\nLatency (index search with precomputed query vectors; query embedding p50 "
                  f"{lat['query_embedding_p50_ms']} ms on top)")
            for size in sizes:
                f = lat[str(size)]
                print(f"  {size:>7} chunks: fused p50 {f['fused_p50_ms']} / p99 {f['fused_p99_ms']} ms, bm25 p50 "
                      f"{f['bm25_p50_ms']} ms, dense p50 {f['dense_p50_ms']} ms, batched fused {f['fused_batch_per_query_ms']} "
                      f"ms/query, end-to-end p50 {f['end_to_end_p50_ms']} ms; BM25 build {f['bm25_build_s']} s, "
                      f"write {f['write_s']} s, open {f['open_s']} s, {f['disk_mb']} MB on disk; dense scoring {f['dense_scoring']} "
                      f"(float32 numpy baseline: fused p50 {f['fused_float32_p50_ms']} ms, dense p50 {f['dense_float32_p50_ms']} ms)")
        if "grounding" not in skip:
            results["grounding"] = g = grounding_calibration()
            print(f"\nGrounding calibration ({g['cases']} labelled claims): shipped thresholds "
                  f"{g['shipped']} ; best on grid {g['best_grid']} ; mean cosine supported "
                  f"{g['similarity_supported_mean']} vs unsupported {g['similarity_unsupported_mean']}")
    results["load_avg_end"] = os.getloadavg()[0]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nresults written to {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
