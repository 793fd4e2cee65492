"""The training card (config, data lineage, versions, git revision, metrics, before/after samples) and loss plot."""

from __future__ import annotations

import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from medrails.train.rundir import atomic_write_text


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for dist in ("medrails", "torch", "transformers", "trl", "peft", "accelerate", "datasets"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def git_revision() -> str | None:
    here = Path(__file__).resolve().parent
    try:
        rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True, timeout=5)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=here, capture_output=True, text=True,
                               timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if rev.returncode != 0:
        return None
    return rev.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")


def loss_curve(log_history: list[dict]) -> dict[str, list[tuple[int, float]]]:
    train = [(e["step"], float(e["loss"])) for e in log_history if "loss" in e and "step" in e]
    evals = [(e["step"], float(e["eval_loss"])) for e in log_history if "eval_loss" in e and "step" in e]
    return {"train": train, "eval": evals}


def plot_loss(curve: dict[str, list[tuple[int, float]]], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 4))
    if curve["train"]:
        ax.plot(*zip(*curve["train"], strict=True), label="train loss")
    if curve["eval"]:
        ax.plot(*zip(*curve["eval"], strict=True), "o-", label="eval loss (held out)")
    ax.set_xlabel("optimizer step")
    ax.set_ylabel("loss")
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    tmp = path.with_name(".loss.tmp.png")
    fig.savefig(tmp, dpi=100)
    plt.close(fig)
    tmp.replace(path)


def write_training_card(out_dir: Path, card: dict[str, Any]) -> None:
    atomic_write_text(out_dir / "training_card.json", json.dumps(card, indent=2, ensure_ascii=False, default=str) + "\n")
    atomic_write_text(out_dir / "TRAINING_CARD.md", render(card))


def render(card: dict[str, Any]) -> str:
    m = card["metrics"]
    lines = [f"# Training card: {card['output_dir']}", "",
             f"{card['stage'].upper()} of `{card['model']}` ({card['finetuning']}) on `{card['dataset']}`, "
             f"finished {card['finished_at']} on {card['device']}.", "",
             "## Metrics", "", "| metric | value |", "| --- | ---: |"]
    for key, value in m.items():
        lines.append(f"| {key} | {round(value, 4) if isinstance(value, float) else value} |")
    lines += ["", "![loss](loss.png)", "", "## Data", "",
              f"- files: {', '.join(f'`{f}`' for f in card['data']['files'])}",
              f"- data fingerprint: `{card['data']['fingerprint']}`",
              f"- dataset card sha256: `{card['data']['data_card_sha256']}`",
              f"- train examples: {card['data']['train_examples']}, eval examples: {card['data']['eval_examples']} "
              f"({card['data']['eval_source']})"]
    lines += [f"- note: {n}" for n in card["data"]["notes"]]
    if card.get("samples"):
        lines += ["", "## Before / after (greedy decoding)", ""]
        for s in card["samples"]:
            lines += [f"**Prompt:** {s['prompt']}", "", f"- before: {s['before']!r}", f"- after: {s['after']!r}", ""]
    lines += ["## Reproduce", "", f"`{card['command']}`", "",
              f"seed {card['config']['seed']}, git {card['git_revision']}", "", "## Versions", ""]
    lines += [f"- {k}: {v}" for k, v in card["versions"].items()]
    lines += ["", "## Config", "", "```json", json.dumps(card["config"], indent=2), "```", ""]
    return "\n".join(lines)
