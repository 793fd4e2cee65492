"""The lexical half of retrieval: a tokenizer with a light English stemmer and a bm25s index."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN_PLUS

logging.getLogger("bm25s").setLevel(logging.WARNING)  # it logs every index build at DEBUG
_TOKEN = re.compile(r"[a-z0-9]+")
# question words carry no topic; dropping them keeps "what is X" queries about X
_STOPWORDS = frozenset(STOPWORDS_EN_PLUS) | {"what", "which", "who", "how", "why", "when", "does", "do", "can",
                                              "is", "are", "about", "information", "tell"}


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Plural and common-suffix folding ("arteries" -> "artery", "treated" -> "treat"); no dictionary."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2]
    return word


def tokenize(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text.lower()) if t not in _STOPWORDS and (len(t) > 1 or t.isdigit())]


def build_bm25(texts: list[str]) -> bm25s.BM25:
    index = bm25s.BM25()
    index.index([tokenize(t) for t in texts], show_progress=False)
    return index


def save_bm25(index: bm25s.BM25, directory: Path) -> None:
    index.save(str(directory), show_progress=False)


def load_bm25(directory: Path) -> bm25s.BM25:
    return bm25s.BM25.load(str(directory), mmap=False)


def bm25_scores(index: bm25s.BM25, query: str) -> np.ndarray:
    """Score of every chunk for the query (zeros when no query word is in the vocabulary)."""
    tokens = [t for t in tokenize(query) if t in index.vocab_dict]
    if not tokens:
        return np.zeros(index.scores["num_docs"], dtype=np.float32)
    return index.get_scores(tokens)
