"""The run folder: a manifest that makes resume unambiguous, and checkpoints marked complete only once whole.

- `run.json` records the run-defining config and the dataset fingerprint. A new run refuses an
  output_dir that holds another run; `--resume` refuses a changed config or dataset and says
  what changed; resuming a finished run says so.
- transformers writes checkpoint-N in place. After it returns, `medrails_complete.json` (sha256
  of every file) is written to a temp name and renamed. A checkpoint without a valid marker (a
  kill or a full disk mid-save) is never resumed from; it is moved aside as `*.incomplete`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

from medrails.errors import MedrailsError
from medrails.train.config import TrainConfig

MANIFEST = "run.json"
MARKER = "medrails_complete.json"
_CKPT = re.compile(r"^checkpoint-(\d+)$")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with tmp.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def file_hashes(folder: Path) -> dict[str, str]:
    out = {}
    for file in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MARKER):
        digest = hashlib.sha256()
        with file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        out[str(file.relative_to(folder))] = digest.hexdigest()
    return out


def mark_complete(folder: Path, step: int | None = None) -> None:
    atomic_write_text(folder / MARKER, json.dumps({"step": step, "files": file_hashes(folder), "at": _now()}, indent=1))


def is_complete(folder: Path) -> bool:
    marker = folder / MARKER
    if not marker.is_file():
        return False
    try:
        recorded = json.loads(marker.read_text())["files"]
    except (ValueError, KeyError):
        return False
    return recorded == file_hashes(folder)


def checkpoints(out_dir: Path) -> list[tuple[int, Path]]:
    found = [(int(m.group(1)), p) for p in out_dir.glob("checkpoint-*") if (m := _CKPT.match(p.name)) and p.is_dir()]
    return sorted(found)


def last_complete_checkpoint(out_dir: Path) -> Path | None:
    """The newest whole checkpoint; broken ones are renamed `*.incomplete` so nothing else picks them up."""
    best = None
    for _, path in checkpoints(out_dir):
        if is_complete(path):
            best = path
        else:
            aside = path.with_name(path.name + ".incomplete")
            if aside.exists():
                import shutil

                shutil.rmtree(aside)
            path.rename(aside)
    return best


def _diff(old: dict, new: dict) -> list[str]:
    keys = sorted(set(old) | set(new))
    return [f"{k}: {old.get(k)!r} -> {new.get(k)!r}" for k in keys if old.get(k) != new.get(k)]


def prepare(out_dir: Path, cfg: TrainConfig, data_fingerprint: str, resume: bool, overwrite: bool) -> Path | None:
    """Check the run folder against this run; return the checkpoint to resume from (or None: fresh start).

    Raises MedrailsError for every ambiguous case. Raises RunFinished when a resume finds a finished run.
    """
    manifest_path = out_dir / MANIFEST
    if out_dir.exists() and any(out_dir.iterdir()) and not manifest_path.is_file():
        raise MedrailsError(f"output_dir {out_dir} is not empty and holds no medrails run; choose another output_dir")
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else None
    if manifest is None:
        if resume:
            raise MedrailsError(f"nothing to resume: {out_dir} holds no run; start it without --resume")
        write_manifest(out_dir, cfg, data_fingerprint, "running")
        return None
    changes = _diff(manifest["run_config"], cfg.run_fields())
    if manifest["data_fingerprint"] != data_fingerprint:
        changes.append(f"dataset content: {manifest['data_fingerprint'][:12]} -> {data_fingerprint[:12]}")
    if overwrite and not resume:
        import shutil

        shutil.rmtree(out_dir)
        write_manifest(out_dir, cfg, data_fingerprint, "running")
        return None
    if not resume:
        state = "a finished run" if manifest["status"] == "complete" else "an unfinished run"
        hint = "pass --resume to continue it, " if manifest["status"] != "complete" else ""
        raise MedrailsError(f"output_dir {out_dir} already holds {state} (started {manifest['started_at']}); "
                            f"{hint}choose another output_dir, or pass --overwrite to replace it")
    if changes:
        raise MedrailsError(f"cannot resume {out_dir}: the run changed since it started ({'; '.join(changes)}); "
                            "restore the original config/dataset or start a new output_dir")
    if manifest["status"] == "complete":
        raise RunFinished(f"{out_dir} is already finished (step {manifest.get('final_step')}); nothing to resume. "
                          f"See {out_dir / 'TRAINING_CARD.md'}")
    manifest["resumed_at"] = manifest.get("resumed_at", []) + [_now()]
    atomic_write_text(manifest_path, json.dumps(manifest, indent=1))
    return last_complete_checkpoint(out_dir)


class RunFinished(MedrailsError):
    """--resume on a finished run: not a failure, the CLI says so and exits 0."""


def write_manifest(out_dir: Path, cfg: TrainConfig, data_fingerprint: str, status: str, **extra) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MANIFEST
    manifest = json.loads(path.read_text()) if path.is_file() else {"started_at": _now()}
    manifest.update({"run_config": cfg.run_fields(), "run_hash": cfg.run_hash(), "data_fingerprint": data_fingerprint,
                     "status": status, "updated_at": _now(), **extra})
    atomic_write_text(path, json.dumps(manifest, indent=1))


def read_manifest(out_dir: Path) -> dict:
    path = out_dir / MANIFEST
    return json.loads(path.read_text()) if path.is_file() else {}
