"""Read knowledge-base sources into documents made of sections with line ranges.

Formats: Markdown (.md), plain text (.txt), HTML (.html/.htm), JSONL (.jsonl, one
{"id","title","text","source"} object a line) and MedQuAD XML (.xml, one document per QA pair).
A reader never raises on bad content: it records a `Skipped` naming the file, the line and the
reason, so a build can print counts that reconcile (read = indexed + skipped).
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from medrails.errors import MedrailsError

SUPPORTED_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".html": "html", ".htm": "html",
                      ".jsonl": "jsonl", ".xml": "medquad"}
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
# sections that list where a page came from; kept in the file, not indexed as evidence
UNINDEXED_SECTIONS = {"references", "sources", "further reading"}


@dataclass
class Section:
    heading: str
    text: str
    line_start: int  # 1-based, inclusive, in the source file (or in the record's text for JSONL)
    line_end: int


@dataclass
class SourceDocument:
    doc_id: str
    title: str
    source: str  # URL or path cited to the user
    sections: list[Section]
    origin: str  # file:line where it was read, for error messages


@dataclass
class Skipped:
    origin: str  # file or file:line
    reason: str  # short key: binary_file, not_utf8, bad_json, missing_field, empty_document, bad_xml, ...
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}{' (' + self.detail + ')' if self.detail else ''}"


@dataclass
class IngestResult:
    documents: list[SourceDocument] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # records (documents) not read, with reasons
    files_seen: int = 0
    files_skipped: int = 0  # whole files skipped (binary, not UTF-8, unsupported, broken XML)

    @property
    def records_read(self) -> int:
        return len(self.documents) + sum(1 for s in self.skipped if not s.reason.endswith("_file"))


def iter_source_files(paths: list[Path]) -> Iterator[tuple[Path, str]]:
    """(file, document id stem) for every file under the given paths (directories recursively,
    sorted; the id is the path inside the directory without its suffix). A missing path is an error."""
    for path in paths:
        if not path.exists():
            raise MedrailsError(f"source not found: {path} (give files or directories of .md/.txt/.html/.jsonl/.xml)")
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                yield file, file.relative_to(path).with_suffix("").as_posix()
        else:
            yield path, path.stem


def ingest(paths: list[Path]) -> IngestResult:
    """Read all sources; duplicate document ids keep the first and skip the rest with both origins."""
    result = IngestResult()
    seen: dict[str, str] = {}
    for path, stem in iter_source_files(paths):
        result.files_seen += 1
        for item in read_file(path, stem):
            if isinstance(item, Skipped):
                result.skipped.append(item)
                if item.reason.endswith("_file"):
                    result.files_skipped += 1
                continue
            if item.doc_id in seen:
                result.skipped.append(Skipped(item.origin, "duplicate_id", f"id {item.doc_id!r} first read at {seen[item.doc_id]}"))
                continue
            seen[item.doc_id] = item.origin
            result.documents.append(item)
    return result


def read_file(path: Path, stem: str | None = None) -> Iterator[SourceDocument | Skipped]:
    """Documents in one file; `stem` is the document id for one-document formats (default: file stem)."""
    stem = stem or path.stem
    if path.name.startswith("."):
        yield Skipped(str(path), "hidden_file", "dotfiles are not read")
        return
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        yield Skipped(str(path), "unsupported_file", f"suffix {path.suffix or '(none)'}; use .md .txt .html .jsonl .xml")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skipped(str(path), "unreadable_file", exc.strerror or str(exc))
        return
    if b"\x00" in data[:8192]:
        yield Skipped(str(path), "binary_file", "contains NUL bytes")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        yield Skipped(f"{path}:{line}", "not_utf8_file", f"invalid byte at offset {exc.start}; convert to UTF-8")
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "markdown":
        yield _one(path, _markdown(path, text, stem))
    elif fmt == "text":
        yield _one(path, _plain(path, text, stem))
    elif fmt == "html":
        yield _one(path, _html(path, text, stem))
    elif fmt == "jsonl":
        yield from _jsonl(path, text)
    else:
        yield from _medquad(path, text)


def _one(path: Path, doc: SourceDocument) -> SourceDocument | Skipped:
    if not any(s.text.strip() for s in doc.sections):
        return Skipped(str(path), "empty_document", "no text to index")
    return doc


# -- Markdown and text --------------------------------------------------------------------------
def _markdown(path: Path, text: str, doc_id: str) -> SourceDocument:
    lines = text.split("\n")
    title = ""
    sections: list[Section] = []
    heading, start, buf = "", 1, []
    in_code = False

    def flush(end: int) -> None:
        body = "\n".join(buf).strip()
        if body and heading.strip().lower() not in UNINDEXED_SECTIONS:
            first = start + next(i for i, ln in enumerate(buf) if ln.strip())
            last = start + max(i for i, ln in enumerate(buf) if ln.strip())
            sections.append(Section(heading, body, first, last))

    for number, line in enumerate(lines, start=1):
        if line.strip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _HEADING.match(line)
        if match:
            flush(number - 1)
            heading, start, buf = match.group(2).strip(), number + 1, []
            if len(match.group(1)) == 1 and not title:
                title = heading
            continue
        buf.append(line)
    flush(len(lines))
    return SourceDocument(doc_id, title or path.stem.replace("-", " ").replace("_", " "), str(path),
                          sections, str(path))


def _plain(path: Path, text: str, doc_id: str) -> SourceDocument:
    lines = text.split("\n")
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonblank:
        return SourceDocument(doc_id, path.stem, str(path), [], str(path))
    title = lines[nonblank[0]].strip()[:120]
    body = "\n".join(lines[nonblank[0]: nonblank[-1] + 1])
    return SourceDocument(doc_id, title, str(path), [Section("", body, nonblank[0] + 1, nonblank[-1] + 1)],
                          str(path))


# -- HTML ---------------------------------------------------------------------------------------
class _HtmlText(HTMLParser):
    """Visible text by heading-delimited section, with the source line of every text run."""

    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "li", "br", "tr", "section", "article", "ul", "ol", "table", "blockquote", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.sections: list[list] = [["", []]]  # [heading, [(line, text)]]
        self._skip = 0
        self._in_title = False
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = []
        elif tag in self._BLOCK:
            self.sections[-1][1].append((self.getpos()[0], "\n"))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif re.fullmatch(r"h[1-6]", tag) and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            if tag == "h1" and not self.title:
                self.title = heading
            self.sections.append([heading, []])
            self._heading = None

    def handle_data(self, data):
        if self._in_title:
            self.title = self.title or " ".join(data.split())
        elif self._skip:
            return
        elif self._heading is not None:
            self._heading.append(data)
        elif data.strip():
            self.sections[-1][1].append((self.getpos()[0], data))


def _html(path: Path, text: str, doc_id: str) -> SourceDocument:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    sections = []
    for heading, runs in parser.sections:
        body = re.sub(r"[ \t]+", " ", "".join(t for _, t in runs))
        body = "\n".join(ln.strip() for ln in body.split("\n") if ln.strip())
        line_numbers = [ln for ln, t in runs if t.strip()]
        if body and heading.strip().lower() not in UNINDEXED_SECTIONS:
            last = line_numbers[-1] + runs[-1][1].count("\n") if line_numbers else 1
            sections.append(Section(heading, body, line_numbers[0], max(line_numbers[0], last)))
    return SourceDocument(doc_id, parser.title or path.stem, str(path), sections, str(path))


# -- JSONL --------------------------------------------------------------------------------------
def _jsonl(path: Path, text: str) -> Iterator[SourceDocument | Skipped]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Skipped(origin, "bad_json", f"{exc.msg} at column {exc.colno}")
            continue
        if not isinstance(row, dict):
            yield Skipped(origin, "bad_json", f"expected an object, got {type(row).__name__}")
            continue
        doc_id, body = row.get("id"), row.get("text")
        if doc_id is None or not str(doc_id).strip():
            yield Skipped(origin, "missing_field", "needs a non-empty 'id'")
            continue
        if not isinstance(body, str):
            yield Skipped(origin, "missing_field", "needs 'text' as a string")
            continue
        if not body.strip():
            yield Skipped(origin, "empty_document", "field 'text' is empty")
            continue
        body = body.replace("\r\n", "\n").strip("\n")
        doc_id = str(doc_id).strip()
        title = str(row.get("title") or doc_id).strip()
        source = str(row.get("source") or origin).strip()
        if any(_HEADING.match(ln) for ln in body.split("\n")):
            sections = _markdown(path, body, doc_id).sections
        else:
            sections = [Section("", body.strip(), 1, body.count("\n") + 1)]
        yield SourceDocument(doc_id, title, source, sections, origin)


# -- MedQuAD XML --------------------------------------------------------------------------------
def _medquad(path: Path, text: str) -> Iterator[SourceDocument | Skipped]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line, col = exc.position
        yield Skipped(f"{path}:{line}", "bad_xml_file", f"{exc.msg if hasattr(exc, 'msg') else exc} (column {col})")
        return
    if root.tag != "Document":
        yield Skipped(str(path), "unsupported_file", f"root element <{root.tag}>; expected MedQuAD <Document>")
        return
    doc_key = root.get("id") or path.stem
    collection = path.parent.name
    url = root.get("url") or str(path)
    focus = " ".join((root.findtext("Focus") or "").split()) or doc_key
    for pair in root.iter("QAPair"):
        pid = pair.get("pid") or "?"
        question = pair.find("Question")
        qid = (question.get("qid") if question is not None else None) or f"{doc_key}-{pid}"
        qtype = (question.get("qtype") if question is not None else None) or "information"
        line_start, line_end = _pair_lines(text, pid)
        origin = f"{path}:{line_start}"
        answer = html.unescape(pair.findtext("Answer") or "").strip()
        if not answer:
            yield Skipped(origin, "empty_document", f"QA pair {qid} has no answer")
            continue
        body = "\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", answer) if p.strip())
        yield SourceDocument(f"{collection}/{qid}", focus, url,
                             [Section(qtype, body, line_start, line_end)], origin)


def _pair_lines(text: str, pid: str) -> tuple[int, int]:
    start = text.find(f'<QAPair pid="{pid}"')
    if start < 0:
        return 1, text.count("\n") + 1
    end = text.find("</QAPair>", start)
    end = len(text) if end < 0 else end
    return text.count("\n", 0, start) + 1, text.count("\n", 0, end) + 1
