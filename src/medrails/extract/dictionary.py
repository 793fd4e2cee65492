"""Dictionary baseline: longest-match lookup of known mentions (case-insensitive, word-bounded).

The lexicon is learned from gold annotations of a *different* split than the one scored (for
example NCBI-disease devel.tsv when scoring test.tsv), so the baseline measures what a
terminology list alone finds. Overlaps are resolved leftmost-longest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from medrails.extract.spans import Span

MIN_CHARS = 3  # shorter mentions ("MS", "CF" aside) are mostly noise as dictionary keys


class DictionaryExtractor:
    def __init__(self, terms: dict[str, Iterable[str]], name: str = "dictionary"):
        self.name = name
        votes: dict[str, Counter] = defaultdict(Counter)
        for label, words in terms.items():
            for term in words:
                key = " ".join(term.lower().split())
                if len(key) >= MIN_CHARS:
                    votes[key][label] += 1
        # a term seen under several labels keeps its most frequent one
        self.lexicon = {term: counts.most_common(1)[0][0] for term, counts in votes.items()}
        self.labels = tuple(sorted({label for label in self.lexicon.values()}))
        ordered = sorted(self.lexicon, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered) + r")(?![\w-])",
            re.IGNORECASE,
        ) if ordered else None

    def extract(self, text: str) -> list[Span]:
        if self._pattern is None:
            return []
        spans = []
        for match in self._pattern.finditer(text):
            key = " ".join(match.group(1).lower().split())
            spans.append(Span(match.start(1), match.end(1), self.lexicon[key], match.group(1)))
        return spans

    @classmethod
    def from_spans(cls, documents: Iterable[tuple[str, list[Span]]], name: str = "dictionary") -> DictionaryExtractor:
        terms: dict[str, list[str]] = defaultdict(list)
        for text, spans in documents:
            for span in spans:
                terms[span.label].append(text[span.start:span.end])
        return cls(terms, name=name)
