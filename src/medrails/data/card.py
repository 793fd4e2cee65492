"""The dataset card: lineage (sha256 per source), reconciled counts, token-length stats, histogram."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class SourceCounts:
    name: str
    format: str
    path: str
    sha256: str
    read: int = 0
    kept: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    target: int | None = None  # examples the mix asked for (ratio/count); None = all
    bad_lines: list[str] = field(default_factory=list)  # first few, file:line: reason

    def drop(self, reason: str, n: int = 1) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + n

    @property
    def reconciles(self) -> bool:
        return self.read == self.kept + sum(self.dropped.values())


def sha256_path(path: Path) -> str:
    """sha256 of a file, or of a folder's files (relative name + bytes, sorted)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        if path.is_dir():
            digest.update(str(file.relative_to(path)).encode() + b"\x00")
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


_PIECE = re.compile(r"\w+|[^\w\s]")


class TokenCounter:
    """Token lengths with a real tokenizer when the recipe names one, else a word-piece estimate."""

    def __init__(self, spec: str | None):
        self.name = "estimate: words + punctuation"
        self._tok = None
        if spec:
            from transformers import AutoTokenizer

            from medrails.models import parse_spec, resolve_model_dir

            self._tok = AutoTokenizer.from_pretrained(str(resolve_model_dir(parse_spec(spec))))
            self.name = f"tokenizer of {spec}"

    def count(self, texts: list[str]) -> list[int]:
        if self._tok is None:
            return [len(_PIECE.findall(t)) for t in texts]
        out: list[int] = []
        for i in range(0, len(texts), 512):
            batch = self._tok(texts[i : i + 512], add_special_tokens=False)["input_ids"]
            out.extend(len(ids) for ids in batch)
        return out


def length_stats(lengths: list[int]) -> dict[str, float]:
    if not lengths:
        return {"count": 0}
    ordered = sorted(lengths)

    def pct(p: float) -> int:
        return ordered[min(len(ordered) - 1, int(p * (len(ordered) - 1) + 0.5))]

    return {"count": len(ordered), "min": ordered[0], "mean": round(sum(ordered) / len(ordered), 1),
            "p50": pct(0.5), "p90": pct(0.9), "p99": pct(0.99), "max": ordered[-1]}


def histogram_png(lengths_by_split: dict[str, list[int]], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    for split, lengths in lengths_by_split.items():
        if lengths:
            ax.hist(lengths, bins=40, alpha=0.6, label=f"{split} (n={len(lengths)})")
    ax.set_xlabel("tokens per example (prompt + answer)")
    ax.set_ylabel("examples")
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_card(out_dir: Path, card: dict[str, Any]) -> str:
    """Write dataset_card.json and DATASET_CARD.md; return the card's sha256 (the data identity)."""
    payload = json.dumps(card, indent=2, ensure_ascii=False, default=_jsonable)
    (out_dir / "dataset_card.json").write_text(payload + "\n", encoding="utf-8")
    (out_dir / "DATASET_CARD.md").write_text(render_markdown(card), encoding="utf-8")
    return hashlib.sha256(payload.encode()).hexdigest()


def _jsonable(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        return asdict(obj)
    if isinstance(obj, Path):
        return str(obj)
    raise TypeError(type(obj).__name__)


def render_markdown(card: dict[str, Any]) -> str:
    lines = [f"# Dataset card: {card['name']}", "", f"Built by medrails {card['medrails_version']} on {card['built_at']} "
             f"from `{card['recipe_path']}` (seed {card['seed']}, policy `{card['policy']}`).", "",
             "## Sources", "", "| source | format | sha256 | read | kept | dropped (reason: n) | target |",
             "| --- | --- | --- | ---: | ---: | --- | ---: |"]
    for s in card["sources"]:
        dropped = ", ".join(f"{k}: {v}" for k, v in sorted(s["dropped"].items())) or "-"
        target = s["target"] if s["target"] is not None else "all"
        lines.append(f"| {s['name']} | {s['format']} | `{s['sha256'][:12]}` | {s['read']} | {s['kept']} | {dropped} | {target} |")
    lines += ["", f"Every source reconciles (read = kept + dropped): **{card['reconciled']}**.", ""]
    bad = [b for s in card["sources"] for b in s["bad_lines"]]
    if bad:
        lines += ["Bad lines (first ones):", ""] + [f"- `{b}`" for b in bad[:20]] + [""]
    lines += ["## Splits", "", "| split | file | examples | sha256 |", "| --- | --- | ---: | --- |"]
    for f in card["files"]:
        lines.append(f"| {f['split']} | {f['file']} | {f['examples']} | `{f['sha256'][:12]}` |")
    lines += ["", "Categories: " + ", ".join(f"{k}: {v}" for k, v in sorted(card["categories"].items())), "",
              f"## Token lengths ({card['token_counter']})", "", "| split | count | min | mean | p50 | p90 | p99 | max |",
              "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for split, st in card["token_lengths"].items():
        if st.get("count"):
            lines.append(f"| {split} | {st['count']} | {st['min']} | {st['mean']} | {st['p50']} | {st['p90']} | {st['p99']} | {st['max']} |")
    lines += ["", "![token lengths](token_lengths.png)", "", "## Processing", ""]
    if card.get("phi_redactions") is not None:
        found = ", ".join(f"{k}: {v}" for k, v in sorted(card["phi_redactions"].items())) or "none found"
        lines += [f"PHI placeholders inserted: {found}. Review these for false positives:", ""]
        lines += [f"- `{e}`" for e in card.get("phi_examples", [])] + [""]
    lines += [f"- {step}" for step in card["processing"]]
    return "\n".join(lines) + "\n"
