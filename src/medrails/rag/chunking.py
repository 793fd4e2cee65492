"""Split document sections into retrievable chunks that keep their line ranges, and drop duplicates.

A chunk never crosses a section boundary. Paragraphs are packed up to `max_words` (the embedding
model reads 256 word pieces, about 180 words); a longer paragraph is split at sentence ends.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass

from medrails.rag.ingest import SourceDocument

DEFAULT_MAX_WORDS = 180
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9(\"'])")


@dataclass
class Chunk:
    chunk_id: str  # "<doc_id>#<n>"
    doc_id: str
    title: str
    source: str
    section: str
    line_start: int
    line_end: int
    text: str

    @property
    def lines(self) -> str:
        return f"{self.line_start}-{self.line_end}"

    def index_text(self) -> str:
        """What the lexical and dense indexes see: the passage with its title and section heading."""
        head = self.title if not self.section or self.section == self.title else f"{self.title}: {self.section}"
        return f"{head}\n{self.text}"

    def content_key(self) -> str:
        """Identity of the passage text, for deduplication (case and spacing ignored)."""
        return text_fingerprint(self.text)

    def embedding_key(self) -> str:
        """Identity of what gets embedded, for reusing vectors across builds."""
        return text_fingerprint(self.index_text())

    def to_json(self) -> dict:
        return asdict(self)


def text_fingerprint(text: str) -> str:
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


@dataclass
class _Unit:
    text: str
    line_start: int
    line_end: int

    @property
    def words(self) -> int:
        return len(self.text.split())


def _units(text: str, first_line: int, max_words: int) -> list[_Unit]:
    """Paragraphs (blank-line separated) with their lines; long ones split into sentences."""
    units: list[_Unit] = []
    para: list[str] = []
    para_start = first_line
    lines = text.split("\n")
    for offset, line in enumerate(lines + [""]):
        if line.strip():
            if not para:
                para_start = first_line + offset
            para.append(line.strip())
            continue
        if para:
            units.extend(_split_paragraph(para, para_start, max_words))
            para = []
    return units


def _split_paragraph(para: list[str], start: int, max_words: int) -> list[_Unit]:
    whole = _Unit(" ".join(para), start, start + len(para) - 1)
    if whole.words <= max_words:
        return [whole]
    units: list[_Unit] = []
    for index, line in enumerate(para):  # sentence pieces keep the line they came from
        line_no = start + index
        pieces = _SENTENCE.split(line)
        for piece in pieces:
            words = piece.split()
            for i in range(0, len(words), max_words):  # a run-on "sentence" longer than a chunk
                units.append(_Unit(" ".join(words[i: i + max_words]), line_no, line_no))
    return units


def chunk_document(doc: SourceDocument, max_words: int = DEFAULT_MAX_WORDS) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in doc.sections:
        groups: list[list[_Unit]] = [[]]
        count = 0
        for unit in _units(section.text, section.line_start, max_words):
            if groups[-1] and count + unit.words > max_words:
                groups.append([])
                count = 0
            groups[-1].append(unit)
            count += unit.words
        for group in filter(None, groups):
            chunks.append(Chunk(
                chunk_id=f"{doc.doc_id}#{len(chunks)}", doc_id=doc.doc_id, title=doc.title, source=doc.source,
                section=section.heading, line_start=group[0].line_start, line_end=group[-1].line_end,
                text="\n".join(u.text for u in group),
            ))
    return chunks


@dataclass
class DedupeResult:
    kept: list[Chunk]
    duplicates: list[tuple[Chunk, str]]  # (dropped chunk, chunk_id it duplicates)


def deduplicate(chunks: list[Chunk], existing: dict[str, str] | None = None) -> DedupeResult:
    """Keep the first chunk of each distinct text; `existing` maps fingerprints already indexed to chunk ids."""
    seen = dict(existing or {})
    kept, dropped = [], []
    for chunk in chunks:
        key = chunk.content_key()
        if key in seen:
            dropped.append((chunk, seen[key]))
            continue
        seen[key] = chunk.chunk_id
        kept.append(chunk)
    return DedupeResult(kept, dropped)
