"""`medrails eval` in one straight line: resolve tasks and data, load the model once, run each
task into its item log (resumable), summarize, write reports."""

from __future__ import annotations

import datetime as dt
import platform
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from medrails.config.loader import StrictModel
from medrails.errors import MedrailsError
from medrails.eval import mcq, ner, safety, summarization
from medrails.eval.data import MCQ_LOADERS, DataError
from medrails.eval.results import ItemLog, write_json
from medrails.paths import medrails_home, package_file, shared_data_dir

MCQ_TASKS = tuple(MCQ_LOADERS)
SAFETY_TASKS = ("safety", "medsafetybench")
EXTRACTION_TASKS = ("ncbi_disease", "bc5cdr", "ade")
ALL_TASKS = MCQ_TASKS + SAFETY_TASKS + ("summarization",) + EXTRACTION_TASKS

# Where a task's data is found when --data does not name it (the public shared data folder).
DEFAULT_DATA = {
    "medmcqa": "medmcqa_dev/dev.json",
    "mmlu_medical": "mmlu_medical_devval",
    "pubmedqa": "pubmedqa/pqal_trainval_set.json",
    "medsafetybench": "medsafetybench/medsafetybench_train.jsonl",
    "summarization": "iu_xray_reports/indiana_reports.csv",
    "ncbi_disease": "bio_ner/NCBI-disease-IOB/test.tsv",
    "bc5cdr": "bio_ner/BC5CDR-IOB/test.tsv",
    "ade": "ade_corpus_v2/ade_sentences.jsonl",
}
BENIGN_DEFAULT = "medquad/medquad_eval_sample_1080.jsonl"
FORMAT_HELP = {
    "medqa": "MedQA-USMLE JSON Lines: {question, options: {A..D}, answer_idx}",
}


class EvalSettings(StrictModel):
    """Settings of one `medrails eval` run (CLI flags map onto these fields)."""

    model: str = Field("embedded", description="Model spec: embedded, HF dir, .gguf, or openai:<url>#<model>.")
    adapter: str | None = Field(None, description="PEFT adapter directory applied to a local model.")
    tasks: list[str] = Field(description=f"Tasks to run, any of: {', '.join(ALL_TASKS)}.")
    data: dict[str, str] = Field(default_factory=dict, description="task -> data file or folder (overrides defaults).")
    limit: int | None = Field(None, ge=1, description="Score only the first N items of each task.")
    shots: int = Field(0, ge=0, le=25, description="Few-shot exemplars for multiple-choice tasks.")
    chat_template: bool = Field(False, description="Wrap multiple-choice prompts in the model's chat template.")
    mode: Literal["auto", "loglik", "generate"] = Field(
        "auto", description="Multiple choice by log-likelihood or by generation; auto = loglik for local models.")
    policy: str = Field("patient-education", description="Guard policy for the guarded safety runs.")
    max_new_tokens: int = Field(128, ge=1, description="Generation length for generated answers and summaries.")
    seed: int = Field(0, description="Seed for sampling orders (summarization sample, bootstrap).")
    extractor: Literal["dictionary", "llm"] = Field("dictionary", description="Span extractor for extraction tasks.")
    batch_size: int = Field(32, ge=1, le=256, description="Most items per forward pass in log-likelihood scoring "
                            "(passes also stop at 8192 padded tokens).")
    safety_benign: int = Field(200, ge=0, description="Benign questions added to the safety tasks to measure "
                               "over-refusal (0: none); from --data safety_benign=PATH, else the shared MedQuAD sample.")
    dtype: Literal["auto", "float32", "bfloat16", "verified"] = Field(
        "auto", description="Precision of a local model's weights for log-likelihood scoring. auto: verified for "
        "zero-shot on CPUs with fast bfloat16 (AVX512-BF16 or AMX), else float32. float32 matches "
        "lm-evaluation-harness item for item; bfloat16 is several times faster on CPUs with AVX512-BF16/AMX but can "
        "flip items whose options score nearly the same; verified scores with bfloat16 matrix products on the "
        "float32 weights and scores again in float32 every item whose decision is within bfloat16's measured error "
        "of flipping (float32's answers, most of bfloat16's speed, one copy of the weights).")
    verify_margin: float | None = Field(
        None, gt=0, description="verified: re-score every item whose best option leads by less than this many nats "
        "(and per character for acc_norm) instead of calibrating the bound on the run's first items.")
    verify_safety: float = Field(1.5, ge=1.0, description="verified: the bound is this times the largest change "
                                 "bfloat16 made to a gap between two options' log-likelihoods.")
    verify_calibration: int = Field(32, ge=1, description="verified: items scored in both precisions (in file order) "
                                    "to measure bfloat16's error before any item is left to bfloat16.")
    retries: int = Field(3, ge=0, description="Retries of a failing endpoint call before the run stops.")
    out: str | None = Field(None, description="Run directory (default $MEDRAILS_HOME/runs/<timestamp>).")

    @model_validator(mode="after")
    def _verify_options_need_verified(self):
        # --verify-margin with --dtype float32/bfloat16 would be silently ignored: the user would
        # believe close items were re-scored (bfloat16) or that a bound applied (float32).
        given = [flag for flag, field, default in (("--verify-margin", "verify_margin", None),
                                                   ("--verify-safety", "verify_safety", 1.5),
                                                   ("verify_calibration", "verify_calibration", 32))
                 if getattr(self, field) != default]
        if given and self.dtype in ("float32", "bfloat16"):
            raise ValueError(f"{', '.join(given)} only apply to --dtype verified (or auto), not --dtype {self.dtype}")
        return self


def data_path(task: str, settings: EvalSettings) -> Path:
    if task in settings.data:
        return Path(settings.data[task]).expanduser()
    if task == "safety":
        suite = package_file("guard", "redteam", "dev_suite.jsonl")
        if suite.is_file():
            return suite
        raise MedrailsError("safety needs a red-team suite: --data safety=suite.jsonl "
                            "(lines {\"id\",\"prompt\",\"expected\",\"category\"})")
    if task not in DEFAULT_DATA:
        raise MedrailsError(f"{task} needs --data {task}=PATH ({FORMAT_HELP.get(task, 'see medrails eval --help')})")
    path = shared_data_dir() / DEFAULT_DATA[task]
    if not path.exists():
        raise MedrailsError(f"{task}: default data {path} not found; pass --data {task}=PATH")
    return path


def _check_tasks(tasks: list[str]) -> None:
    unknown = [t for t in tasks if t not in ALL_TASKS]
    if unknown:
        raise MedrailsError(f"unknown task(s) {', '.join(unknown)}; choose from {', '.join(ALL_TASKS)}")
    if not tasks:
        raise MedrailsError("no task given: --tasks medmcqa,pubmedqa,...")


def _versions() -> dict:
    import torch
    import transformers

    from medrails import __version__

    return {"medrails": __version__, "torch": torch.__version__, "transformers": transformers.__version__,
            "python": platform.python_version()}


def resolve_dtype(dtype: str, shots: int = 0) -> str:
    """`auto` is `verified` for zero-shot runs where bfloat16 matrix products are fast (several
    times float32's on AVX512-BF16; without hardware support they are emulated and slower), else
    `float32`. Few-shot stays float32: the shared exemplar prefix already makes float32 fast, and
    measured on MedMCQA 3-shot, 78% of items were close enough to need float32 anyway."""
    if dtype != "auto":
        return dtype
    if shots:
        return "float32"
    import torch

    cpu = getattr(torch, "cpu", None)
    fast = any(getattr(cpu, name, lambda: False)() for name in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"))
    return "verified" if fast else "float32"


class _Models:
    """Loads the model lazily, once, in the form each task needs."""

    def __init__(self, settings: EvalSettings):
        from medrails.models import parse_spec

        self.settings = settings
        self.spec = parse_spec(settings.model)
        self._lm = None
        self.dtype = resolve_dtype(settings.dtype, settings.shots)
        self._chat = None

    @property
    def remote(self) -> bool:
        return self.spec.kind == "openai"

    def lm(self):
        if self._lm is None:
            from medrails.eval.loglik import load_causal_lm

            self._lm = load_causal_lm(self.settings.model, self.settings.adapter)
            if self.dtype == "bfloat16":
                import torch

                self._lm.model.to(torch.bfloat16)  # log-softmax still runs in float32 (LoglikScorer)
        return self._lm

    def scorers(self, lm):
        """(scorer, exact scorer or None, bound or None) for log-likelihood scoring. verified holds
        one copy of the weights: the first pass runs its matrix products in bfloat16."""
        from medrails.eval.loglik import LoglikScorer, MarginBound

        if self.dtype != "verified":
            return LoglikScorer(lm.model, lm.tokenizer), None, None
        exact = LoglikScorer(lm.model, lm.tokenizer)
        bound = MarginBound(safety=self.settings.verify_safety, fixed=self.settings.verify_margin,
                            calibration_items=self.settings.verify_calibration)
        return LoglikScorer(lm.model, lm.tokenizer, bfloat16_products=True), exact, bound

    def chat(self):
        if self._chat is None:
            from medrails.models import load_chat_model

            self._chat = load_chat_model(self.settings.model, self.settings.adapter)
        return self._chat


def _fingerprint_check(meta: dict, previous: dict | None, run_dir: Path) -> None:
    if not previous:
        return
    for key in ("model", "adapter"):
        if previous.get(key) != meta.get(key):
            raise MedrailsError(f"{run_dir} holds a run of {key}={previous.get(key)!r}, not {meta.get(key)!r}; "
                                "use another --out to start a new run")
    for task, cfg in meta["tasks"].items():
        old = previous.get("tasks", {}).get(task)
        if old and old.get("fingerprint") != cfg.get("fingerprint"):
            if (old.get("mode") == cfg.get("mode") == "loglik" and old.get("dtype", "float32") != cfg.get("dtype")
                    and _mcq_fingerprint({**cfg, "dtype": old.get("dtype", "float32")}) == old.get("fingerprint")):
                # e.g. a float32 run (the old default) resumed under --dtype auto, now verified here
                raise MedrailsError(f"{run_dir}: task {task} was scored with --dtype {old.get('dtype', 'float32')}, "
                                    f"this run would use {cfg.get('dtype')}: pass --dtype "
                                    f"{old.get('dtype', 'float32')} to resume it, or use another --out")
            raise MedrailsError(f"{run_dir}: task {task} was run with different settings ({old.get('fingerprint')}); "
                                "use another --out, or delete items/{task}.jsonl to redo it")


def main(settings: EvalSettings) -> Path:
    import json

    from medrails.models.base import GenerationParams

    _check_tasks(settings.tasks)
    run_dir = Path(settings.out).expanduser() if settings.out else (
        medrails_home() / "runs" / dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S"))
    run_dir.mkdir(parents=True, exist_ok=True)
    previous = json.loads((run_dir / "run.json").read_text()) if (run_dir / "run.json").is_file() else None
    models = _Models(settings)
    mode = settings.mode if settings.mode != "auto" else ("generate" if models.remote else "loglik")
    if mode == "loglik" and models.remote and any(t in MCQ_TASKS for t in settings.tasks):
        raise MedrailsError("an OpenAI-compatible endpoint gives no log-probabilities here: use --mode generate")
    if settings.dtype in ("bfloat16", "verified") and not (mode == "loglik" and any(t in MCQ_TASKS for t in settings.tasks)):
        # silently answering in the model's own precision would let the user believe it was set
        why = ("an OpenAI-compatible endpoint's precision is the server's" if models.remote else
               "this run has no multiple-choice task scored by log-likelihood")
        raise MedrailsError(f"--dtype {settings.dtype} sets the precision of log-likelihood scoring of multiple-choice "
                            f"tasks with a local model, and {why}: leave --dtype out (auto)")
    params = GenerationParams(max_new_tokens=settings.max_new_tokens, temperature=0.0, seed=settings.seed)
    meta = {
        "model": models.spec.display_name, "model_spec": settings.model, "adapter": settings.adapter,
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "versions": _versions(),
        "settings": settings.model_dump(), "tasks": dict((previous or {}).get("tasks", {})),
    }
    results: dict[str, dict] = dict((previous or {}).get("results", {}))
    plan = [(task, data_path(task, settings)) for task in settings.tasks]
    for task, path in plan:  # load all data first: a bad file fails before any model time is spent
        if not path.exists():
            raise DataError(f"{task}: {path} not found")
    for task, path in plan:
        entry = {"data": str(path), "limit": settings.limit}
        if task in MCQ_TASKS:
            data = MCQ_LOADERS[task](path)
            prepared = mcq.prepare(data, settings.shots, settings.chat_template, settings.limit)
            entry.update(mode=mode, prompt=prepared.spec.record(), read=data.read, kept=data.kept,
                         problems=[str(p) for p in data.problems])
            if mode == "loglik":
                lm = models.lm()
                entry["prompt"]["chat_template_available"] = lm.has_chat_template
                entry["dtype"] = models.dtype
            else:  # generation always goes through the model's (or endpoint's) chat template
                entry["prompt"].update(format="generate: system instruction + question (medrails.eval.mcq)",
                                       chat_template=True, parser="strict leading answer (medrails.eval.mcq)")
            entry["fingerprint"] = _mcq_fingerprint(entry)
            meta["tasks"][task] = entry
            _fingerprint_check(meta, previous, run_dir)
            write_json(run_dir / "run.json", {**meta, "results": results})
            log = ItemLog(run_dir / "items" / f"{task}.jsonl")
            if mode == "loglik":
                scorer, exact, bound = models.scorers(lm)
                records = mcq.run_loglik(prepared, scorer, log, settings.batch_size, exact=exact, bound=bound)
                if bound is not None:
                    entry["verify"] = bound.record()
                    write_json(run_dir / "run.json", {**meta, "results": results})
            else:
                records = mcq.run_generate(prepared, models.chat(), log, params, retries=settings.retries)
            results[task] = {**mcq.summarize(task, records), "kind": "mcq"}
        elif task in SAFETY_TASKS:
            suite, problems = safety.load_suite(path)
            benign, benign_record = _benign(settings, suite)
            items = safety.balanced(suite + benign, settings.limit)
            entry.update(read=len(suite) + len(problems), usable=len(suite), problems=[str(p) for p in problems],
                         benign=benign_record, selected={e: sum(1 for i in items if i.expected == e)
                                                         for e in safety.EXPECTED},
                         policy=settings.policy, max_new_tokens=settings.max_new_tokens,
                         judge="keyword judge (medrails.eval.safety)")
            entry["fingerprint"] = _fp(entry, ("data", "limit", "policy", "max_new_tokens", "benign"))
            meta["tasks"][task] = entry
            _fingerprint_check(meta, previous, run_dir)
            write_json(run_dir / "run.json", {**meta, "results": results})
            from medrails.assistant import Assistant
            from medrails.guard.pipeline import Guard

            chat = models.chat()
            raw = safety.run_safety(items, ItemLog(run_dir / "items" / f"{task}_raw.jsonl"), "raw", model=chat,
                                    params=params)
            assistant = Assistant(model=chat, guard=Guard.from_policy(settings.policy), params=params)
            guarded = safety.run_safety(items, ItemLog(run_dir / "items" / f"{task}_guarded.jsonl"), "guarded",
                                        assistant=assistant)
            results[f"{task}_raw"] = {**safety.summarize(raw), "kind": "safety"}
            results[f"{task}_guarded"] = {**safety.summarize(guarded), "kind": "safety"}
        elif task == "summarization":
            pairs, problems, read = summarization.load_reports(path, seed=settings.seed)
            pairs = pairs[: settings.limit] if settings.limit else pairs
            entry.update(read=read, usable=read - len(problems), not_usable=len(problems), seed=settings.seed,
                         system_prompt=summarization.SYSTEM, max_new_tokens=settings.max_new_tokens)
            entry["fingerprint"] = _fp(entry, ("data", "limit", "seed", "max_new_tokens"))
            meta["tasks"][task] = entry
            _fingerprint_check(meta, previous, run_dir)
            write_json(run_dir / "run.json", {**meta, "results": results})
            records = summarization.run_summarization(pairs, models.chat(), params,
                                                      ItemLog(run_dir / "items" / "summarization.jsonl"))
            results[task] = {**summarization.summarize(records), "kind": "summarization"}
        else:
            documents, labels, extractor, how = _extraction_setup(task, path, settings, models)
            entry.update(extractor=extractor.name, lexicon=how, documents=len(documents))
            entry["fingerprint"] = _fp(entry, ("data", "limit", "extractor", "lexicon"))
            meta["tasks"][task] = entry
            _fingerprint_check(meta, previous, run_dir)
            write_json(run_dir / "run.json", {**meta, "results": results})
            records = ner.run_extraction(documents, extractor, ItemLog(run_dir / "items" / f"{task}.jsonl"), task)
            results[task] = {**ner.summarize(records, labels), "kind": "extraction", "extractor": extractor.name}
        write_json(run_dir / "run.json", {**meta, "results": results})
    meta["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    write_json(run_dir / "run.json", {**meta, "results": results})
    from medrails.eval.report import write_reports

    write_reports(run_dir)
    return run_dir


def _benign(settings: EvalSettings, suite: list) -> tuple[list, dict | None]:
    """The extra benign questions of a safety task (see safety.load_benign). An explicit
    --data safety_benign=PATH must exist; a missing default is recorded in run.json, not an error."""
    if not settings.safety_benign:
        return [], None
    if "safety_benign" in settings.data:
        path = Path(settings.data["safety_benign"]).expanduser()
        if not path.is_file():
            raise DataError(f"safety_benign: {path} not found")
    else:
        path = shared_data_dir() / BENIGN_DEFAULT
        if not path.is_file():
            return [], {"path": str(path), "missing": True, "added": 0}
    return safety.load_benign(path, settings.safety_benign, suite)


def _mcq_fingerprint(entry: dict) -> str:
    # float32 runs keep their old fingerprint (resumable); a bfloat16 or verified run never resumes a float32 one
    return _fp(entry, ("data", "limit", "mode", "prompt") + (("dtype",) if entry.get("dtype", "float32") != "float32"
                                                             else ()))


def _fp(entry: dict, keys: tuple[str, ...]) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps({k: entry.get(k) for k in keys}, sort_keys=True).encode()).hexdigest()[:16]


def _extraction_setup(task: str, path: Path, settings: EvalSettings, models: _Models):
    from medrails.extract import DictionaryExtractor, LLMExtractor

    if task == "ade":
        corpus = ner.read_ade(path)
        documents = [d for d in corpus.documents if ner.ade_fold(d) == "eval"]
        lexicon_docs = [d for d in corpus.documents if ner.ade_fold(d) == "lexicon"]
        how = "ADE sentences of the 80% of PubMed IDs outside the scored fold (sha1(pmid) % 10 >= 2)"
        labels = tuple(label for label in corpus.labels if label != "DOSE")  # DOSE: 230 mentions, not the target
    else:
        corpus = ner.read_bio(path)
        documents = corpus.documents
        lexicon_path = Path(settings.data.get(f"{task}_lexicon", path.with_name("devel.tsv")))
        if lexicon_path.resolve() == path.resolve():
            raise MedrailsError(f"{task}: the dictionary lexicon must come from another split than the scored file")
        lexicon_docs = ner.read_bio(lexicon_path).documents if settings.extractor == "dictionary" else []
        how = f"gold mentions of {lexicon_path}"
        labels = corpus.labels
    documents = documents[: settings.limit] if settings.limit else documents
    if settings.extractor == "dictionary":
        extractor = DictionaryExtractor.from_spans(
            ((d.text, [s for s in d.spans if s.label in labels]) for d in lexicon_docs), name="dictionary")
        extractor.labels = labels
    else:
        extractor = LLMExtractor(models.chat(), labels, max_new_tokens=min(settings.max_new_tokens, 96))
        how = "none (prompted LLM)"
    return documents, labels, extractor, how
