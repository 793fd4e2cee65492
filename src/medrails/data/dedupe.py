"""Exact and near-duplicate removal over the whole dataset, before splitting.

Deduplicating before the split means a question and its near-copy can never land in different
splits: no test item leaks into train. Near duplicates are judged on the question (prompt),
which is what a leak is about; exact duplicates on question + answer.
"""

from __future__ import annotations

import hashlib
import re

from medrails.data.recipe import DedupeSpec

_WORD = re.compile(r"\w+")


def _fold(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class Deduper:
    """First occurrence wins; `check` returns the drop reason or None (and remembers the kept item)."""

    def __init__(self, spec: DedupeSpec, seed: int = 1):
        self.spec = spec
        self._seen: set[str] = set()
        self._lsh = None
        if spec.near:
            from datasketch import MinHash, MinHashLSH

            self._minhash = MinHash
            # weights favour recall: a missed near-duplicate can leak a test item into train
            self._lsh = MinHashLSH(threshold=spec.threshold, num_perm=spec.num_perm, weights=(0.2, 0.8))
            template = MinHash(num_perm=spec.num_perm, seed=seed)
            self._perms = template.permutations  # reuse: building permutations per record is the slow part
            self._seed = seed
            self._scheme = getattr(template, "scheme", None)
        self._count = 0

    def _signature(self, text: str):
        words = _fold(text).split()
        n = self.spec.shingle
        if len(words) <= n:
            shingles = {" ".join(words)}
        else:
            shingles = {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}
        kwargs = {"scheme": self._scheme} if self._scheme else {}
        m = self._minhash(num_perm=self.spec.num_perm, seed=self._seed, permutations=self._perms, **kwargs)
        m.update_batch([s.encode("utf-8") for s in shingles])
        return m

    def check(self, prompt: str, answer: str) -> str | None:
        if self.spec.exact:
            key = hashlib.sha1(f"{_fold(prompt)}\x00{_fold(answer)}".encode()).hexdigest()
            if key in self._seen:
                return "exact_duplicate"
        if self._lsh is not None:
            sig = self._signature(prompt)
            if self._lsh.query(sig):
                return "near_duplicate"
            self._count += 1
            self._lsh.insert(str(self._count), sig)
        if self.spec.exact:
            self._seen.add(key)
        return None
