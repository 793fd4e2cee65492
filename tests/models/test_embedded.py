"""The embedded GGUF cache: atomic conversion, corruption detection and rebuild (real model, slow)."""

from __future__ import annotations

import pytest

from medrails.models import embedded


@pytest.mark.slow
def test_cache_is_atomic_detects_corruption_and_rebuilds(empty_medrails_home, monkeypatch):
    gguf = embedded.embedded_gguf_path()
    target = embedded.cache_dir_for(gguf)
    assert str(target).startswith(str(empty_medrails_home))

    real_sha = embedded._sha256

    def killed(path):
        raise KeyboardInterrupt  # the process dies while writing the manifest

    monkeypatch.setattr(embedded, "_sha256", killed)
    with pytest.raises(KeyboardInterrupt):
        embedded.ensure_converted(gguf)
    assert not target.exists()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "staging directory left behind"

    monkeypatch.setattr(embedded, "_sha256", real_sha)
    path = embedded.ensure_converted(gguf)
    assert embedded.verify_cache(path, full=True) == []

    weights = path / "model.safetensors"
    with weights.open("r+b") as fh:
        fh.truncate(weights.stat().st_size // 2)
    assert any("truncated" in p for p in embedded.verify_cache(path))
    rebuilt = embedded.ensure_converted(gguf)
    assert embedded.verify_cache(rebuilt, full=True) == []
