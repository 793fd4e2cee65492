"""`medrails data build`: read -> clean -> dedupe -> mix -> disclaimers -> safety data -> split -> card."""

from __future__ import annotations

import json
import random
import shutil
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from medrails.data.card import (
    SourceCounts,
    TokenCounter,
    histogram_png,
    length_stats,
    sha256_path,
    write_card,
)
from medrails.data.clean import clean_text, phi_redactor
from medrails.data.dedupe import Deduper
from medrails.data.readers import BadLine, Example, read_source
from medrails.data.recipe import Recipe, resolve_source_path
from medrails.data.safety import dpo_pairs, emergency_examples, refusal_examples, with_disclaimer
from medrails.errors import MedrailsError

SPLITS = ("train", "val", "test")
CARD_FILE = "dataset_card.json"


@dataclass
class BuildResult:
    output_dir: Path
    card_sha256: str
    counts: dict[str, int]  # split file -> examples
    sources: list[SourceCounts]
    seconds: float
    records_read: int
    bad_lines: list[str] = field(default_factory=list)


def _messages(ex: Example, system: str | None) -> list[dict[str, str]]:
    msgs = [{"role": "system", "content": system}] if system else []
    return msgs + ex.history + [{"role": "user", "content": ex.prompt}]


def _record(ex: Example, idx: int, system: str | None) -> dict:
    base = {"id": f"{ex.source}-{idx}", "source": ex.source, "origin": ex.origin, "category": ex.category,
            "prompt": _messages(ex, ex.system or system)}
    if ex.is_pair:
        base["chosen"] = [{"role": "assistant", "content": ex.chosen}]
        base["rejected"] = [{"role": "assistant", "content": ex.rejected}]
    else:
        base["completion"] = [{"role": "assistant", "content": ex.completion}]
    return base


def _system_prompt(recipe: Recipe, policy) -> str | None:
    if recipe.system_prompt == "none":
        return None
    if recipe.system_prompt == "policy":
        return policy.system_prompt
    return recipe.system_prompt


def _targets(recipe: Recipe, available: dict[str, int]) -> dict[str, int | None]:
    """How many examples each source contributes: counts as given, ratios of the total mix."""
    targets: dict[str, int | None] = {}
    ratio_sources = [s for s in recipe.sources if s.ratio is not None]
    total: float | None = None
    if ratio_sources:
        # the largest total every ratio source can fill keeps the mix's proportions exact
        total = min(available[s.name] / s.ratio for s in ratio_sources)
    if recipe.max_samples:
        total = min(total, recipe.max_samples) if total is not None else recipe.max_samples
    for s in recipe.sources:
        if s.count is not None:
            targets[s.name] = s.count
        elif s.ratio is not None:
            targets[s.name] = int(round(s.ratio * total)) if total is not None else None
        else:
            targets[s.name] = None
    if recipe.max_samples and not ratio_sources:
        fixed = sum(t for t in targets.values() if t is not None)
        free = [s.name for s in recipe.sources if targets[s.name] is None]
        pool = sum(available[n] for n in free)
        room = max(0, recipe.max_samples - fixed)
        for n in free:
            targets[n] = min(available[n], int(round(room * available[n] / pool))) if pool else 0
    return targets


def _prepare_output(out_dir: Path, force: bool) -> None:
    if out_dir.exists() and any(out_dir.iterdir()):
        if not (out_dir / CARD_FILE).is_file():
            raise MedrailsError(f"{out_dir} exists and is not a medrails dataset folder; choose an empty output_dir")
        if not force:
            raise MedrailsError(f"{out_dir} already holds a built dataset; pass --force to rebuild it")


def build(recipe: Recipe, recipe_path: Path | None = None, force: bool = False, progress=None) -> BuildResult:
    started = time.perf_counter()
    from medrails.guard import load_policy

    policy = load_policy(recipe.policy)
    out_dir = Path(recipe.output_dir)
    if not out_dir.is_absolute():
        out_dir = Path.cwd() / out_dir
    _prepare_output(out_dir, force)
    system = _system_prompt(recipe, policy)
    scrub = phi_redactor(recipe.cleaning.phi_scrub)
    cl = recipe.cleaning
    # SFT examples and preference pairs are separate datasets, each deduplicated across its own splits
    dedupers = {False: Deduper(recipe.dedupe, seed=recipe.seed), True: Deduper(recipe.dedupe, seed=recipe.seed)}
    rng = random.Random(recipe.seed)

    # 1. read + clean + filter + dedupe, source by source (dedupe spans all sources and splits)
    counts: list[SourceCounts] = []
    kept: dict[str, list[Example]] = {}
    bad_lines: list[str] = []
    records_read = 0
    for spec in recipe.sources:
        path = resolve_source_path(spec.path, recipe_path)
        sc = SourceCounts(spec.name, spec.format, str(path), sha256_path(path))
        counts.append(sc)
        kept[spec.name] = []
        task = progress.add_task(f"reading {spec.name}", total=None) if progress else None
        for item in read_source(spec.format, path, spec.name):
            sc.read += 1
            records_read += 1
            if task is not None and sc.read % 500 == 0:
                progress.update(task, completed=sc.read)
            if isinstance(item, BadLine):
                if recipe.on_bad_line == "error":
                    raise MedrailsError(f"bad record in source {spec.name!r}: {item} (on_bad_line: error)")
                sc.drop(item.reason)
                if len(sc.bad_lines) < 20:
                    sc.bad_lines.append(str(item))
                bad_lines.append(str(item))
                continue
            ex = item
            ex.prompt = clean_text(ex.prompt, cl.unicode_form, cl.normalize_units, scrub)
            for attr in ("completion", "chosen", "rejected"):
                value = getattr(ex, attr)
                if value:
                    setattr(ex, attr, clean_text(value, cl.unicode_form, cl.normalize_units, scrub))
            ex.history = [{"role": m["role"], "content": clean_text(m["content"], cl.unicode_form, cl.normalize_units, scrub)}
                          for m in ex.history]
            if spec.system_prompt is not None:
                ex.system = spec.system_prompt
            ex.disclaimer = ex.disclaimer and spec.disclaimer and ex.category == "answer"
            answer = ex.answer_text()
            if len(ex.prompt) < cl.min_prompt_chars:
                sc.drop("empty_prompt")
            elif len(answer) < cl.min_answer_chars:
                sc.drop("empty_answer")
            elif len(ex.prompt) + len(answer) > cl.max_chars:
                sc.drop("too_long")
            elif (reason := dedupers[ex.is_pair].check(ex.prompt, answer)) is not None:
                sc.drop(reason)
            else:
                kept[spec.name].append(ex)
                if spec.max_samples and len(kept[spec.name]) >= spec.max_samples:
                    break
        if task is not None:
            progress.update(task, completed=sc.read, total=sc.read)

    # 2. mix: seeded sample per source
    targets = _targets(recipe, {n: len(v) for n, v in kept.items()})
    mixed: list[Example] = []
    for sc in counts:
        pool = kept[sc.name]
        target = targets[sc.name]
        sc.target = target
        if target is not None and target < len(pool):
            chosen = rng.sample(pool, target)
            sc.drop("not_sampled", len(pool) - target)
            pool = chosen
        sc.kept = len(pool)
        mixed.extend(pool)

    # 3. disclaimers on answers, then the safety data built from the policy's own texts
    if recipe.safety.disclaimers:
        for ex in mixed:
            if ex.disclaimer:
                if ex.is_pair:
                    ex.chosen = with_disclaimer(ex.chosen, policy.disclaimer)
                else:
                    ex.completion = with_disclaimer(ex.completion, policy.disclaimer)
    extra = (refusal_examples(policy, recipe.safety.refusal_examples, rng)
             + emergency_examples(policy, recipe.safety.emergency_examples, rng)
             + dpo_pairs(policy, recipe.safety.dpo_pairs, rng))
    for name in ("safety-augmentation", "safety-pairs"):
        group = [e for e in extra if e.source == name]
        if not group:
            continue
        sc = SourceCounts(name, "generated", f"policy:{policy.name}", policy.digest())
        counts.append(sc)
        for ex in group:
            sc.read += 1
            reason = dedupers[ex.is_pair].check(ex.prompt, ex.answer_text())
            if reason:
                sc.drop(reason)
            else:
                sc.kept += 1
                mixed.append(ex)

    if not mixed:
        detail = "; ".join(f"{s.name}: read {s.read}, dropped {dict(s.dropped)}" for s in counts)
        raise MedrailsError(f"the dataset is empty after filtering ({detail}); check the source formats and paths")

    # 4. split per source (each source proportionally in every split), SFT and preference pairs apart
    fractions = recipe.splits
    split_of: dict[str, list[Example]] = {f"{kind}{s}": [] for kind in ("", "dpo_") for s in SPLITS}
    by_group: dict[tuple[str, bool], list[Example]] = {}
    for ex in mixed:
        by_group.setdefault((ex.source, ex.is_pair), []).append(ex)
    for (_, is_pair), group in sorted(by_group.items()):
        rng.shuffle(group)
        n = len(group)
        n_train = int(round(n * fractions.train))
        n_val = int(round(n * fractions.val))
        n_val = min(n_val, n - n_train)
        prefix = "dpo_" if is_pair else ""
        split_of[f"{prefix}train"] += group[:n_train]
        split_of[f"{prefix}val"] += group[n_train:n_train + n_val]
        split_of[f"{prefix}test"] += group[n_train + n_val:]

    # 5. write to a temp folder, then swap in (a crash never leaves a half-written dataset)
    tmp = out_dir.with_name(out_dir.name + ".tmp-build")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    counter = TokenCounter(recipe.tokenizer)
    files, lengths_by_split, split_counts = [], {}, {}
    categories: Counter = Counter()
    idx = 0
    for name, items in split_of.items():
        if not items:
            continue
        rng.shuffle(items)
        path = tmp / f"{name}.jsonl"
        texts = []
        with path.open("w", encoding="utf-8") as handle:
            for ex in items:
                idx += 1
                handle.write(json.dumps(_record(ex, idx, system), ensure_ascii=False) + "\n")
                texts.append("\n".join(m["content"] for m in _messages(ex, ex.system or system)) + "\n" + ex.answer_text())
                categories[ex.category] += 1
        lengths_by_split[name] = counter.count(texts)
        split_counts[path.name] = len(items)
        files.append({"split": name, "file": path.name, "examples": len(items), "sha256": sha256_path(path)})
    histogram_png(lengths_by_split, tmp / "token_lengths.png", f"{recipe.name}: token lengths")
    from medrails import __version__

    card = {
        "name": recipe.name, "medrails_version": __version__, "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "recipe_path": str(recipe_path or "<inline>"), "recipe": recipe.model_dump(), "seed": recipe.seed,
        "policy": policy.name, "policy_sha256": policy.digest(), "system_prompt": system,
        "sources": [asdict(s) for s in counts], "reconciled": all(s.reconciles for s in counts),
        "safety_requested": recipe.safety.model_dump(),
        "phi_redactions": dict(scrub.labels) if scrub is not None else None,
        "phi_examples": scrub.examples if scrub is not None else [],
        "files": files, "categories": dict(categories), "token_counter": counter.name,
        "token_lengths": {k: length_stats(v) for k, v in lengths_by_split.items()},
        "processing": [
            f"unicode {recipe.cleaning.unicode_form}, whitespace collapsed (paragraph breaks kept)",
            "number-unit spacing (500mg -> 500 mg; 'mg/dL' and '500 mg' untouched)" if cl.normalize_units else "units untouched",
            "PHI replaced by typed placeholders (medrails.guard.phi)" if cl.phi_scrub else "PHI scrubbing OFF (phi_scrub: false)",
            f"exact dedupe {recipe.dedupe.exact}; near dedupe {recipe.dedupe.near} (MinHash LSH, Jaccard >= "
            f"{recipe.dedupe.threshold}, {recipe.dedupe.num_perm} perms) over all sources before splitting",
            f"disclaimer appended to answers: {recipe.safety.disclaimers}",
            f"safety augmentation: {recipe.safety.refusal_examples} refusal, {recipe.safety.emergency_examples} emergency, "
            f"{recipe.safety.dpo_pairs} DPO pairs from policy {policy.name}",
            f"splits {fractions.train}/{fractions.val}/{fractions.test}, per source, seed {recipe.seed}",
        ],
    }
    card_sha = write_card(tmp, card)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp.rename(out_dir)
    return BuildResult(out_dir, card_sha, split_counts, counts, time.perf_counter() - started, records_read, bad_lines)
