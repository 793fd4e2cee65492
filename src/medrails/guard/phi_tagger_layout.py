"""Layout features for the PHI tagger: where a token sits in machine-made and spoken text.

A value in a table or an export is identified by its column, not its neighbours: the header cell of
a delimited table ("patient_last,patient_first,dob"), the field of an HL7 segment (PID-5 is a name),
the key of a JSON member ("city": "..."). Letters spread apart by OCR ("D E L G A D O") and
identifiers read aloud ("four four seven, two zero nine") are runs of tokens that carry little on their
own: the run and its length are the signal."""

from __future__ import annotations

import re

_DELIMITERS = ("|", "\t", ",", "^")
_HL7_SEGMENT = re.compile(r"^([A-Z][A-Z0-9]{2})\|")
_JSON_KEY = re.compile(r'"([^"\n]{1,40})"\s*:\s*[\[{]?\s*"?$')
_HEADER_CELL = re.compile(r"^[^\W\d][\w .#/()'-]{0,40}$")
_NUMBER_WORDS = frozenset("zero oh o nought one two three four five six seven eight nine ten eleven twelve thirteen "
                          "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
                          "eighty ninety hundred thousand double triple".split())


def _cells(line: str, delimiter: str) -> list[str]:
    return [c.strip().strip('"').strip() for c in line.split(delimiter)]


def _delimiter(line: str) -> str | None:
    for d in _DELIMITERS:
        if line.count(d) >= (3 if d == "," else 2):
            return d
    return None


def _header_name(cell: str) -> str:
    words = re.findall(r"[^\W\d_]+", cell.lower())
    return words[-1] if words else ""


def _column_headers(lines: list[tuple[int, str]]) -> dict[int, tuple[str, list[str]]]:
    """line start -> (delimiter, header names) for the data lines under a header row of the same shape."""
    out: dict[int, tuple[str, list[str]]] = {}
    header: tuple[str, list[str]] | None = None
    for start, line in lines:
        d = _delimiter(line)
        if d is None:
            header = None
            continue
        cells = _cells(line, d)
        filled = [c for c in cells if c]
        if len(filled) >= 2 and all(_HEADER_CELL.match(c) for c in filled) and \
                sum(len(c.split()) <= 4 for c in filled) == len(filled):
            header = (d, [_header_name(c) for c in cells])
            continue
        if header and header[0] == d and abs(len(cells) - len(header[1])) <= 1:
            out[start] = header
    return out


def layout_features(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """Extra features per token: column header, HL7 field, JSON key, spaced-letter run, spoken-number run."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    headers = _column_headers(lines)
    line_starts = [s for s, _ in lines]
    out: list[list[str]] = [[] for _ in spans]
    li = 0
    for i, (a, _) in enumerate(spans):
        while li + 1 < len(line_starts) and line_starts[li + 1] <= a:
            li += 1
        start, line = lines[li]
        before = line[:a - start]
        feats = out[i]
        if start in headers:
            d, names = headers[start]
            col = before.count(d)
            if col < len(names) and names[col]:
                feats.append(f"col={names[col]}")
        if segment := _HL7_SEGMENT.match(line):
            feats.append(f"hl7={segment.group(1)}.{before.count('|')}")
        if key := _JSON_KEY.search(before[-80:]):
            feats.append(f"key={_header_name(key.group(1))}")
    _runs(text, spans, out)
    return out


def _runs(text: str, spans: list[tuple[int, int]], out: list[list[str]]) -> None:
    """Mark runs of single spaced characters and of number words (three or more tokens)."""
    words = [text[a:b] for a, b in spans]
    n = len(spans)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and len(words[j]) == 1 and words[j].isalnum() and len(words[j + 1]) == 1 \
                and words[j + 1].isalnum() and text[spans[j][1]:spans[j + 1][0]] in (" ", "  "):
            j += 1
        if j - i >= 2:
            for k in range(i, j + 1):
                out[k].append("spaced")
                out[k].append(f"spacedlen={min(j - i + 1, 10)}")
        i = j + 1
    i = 0
    while i < n:
        if words[i].lower() not in _NUMBER_WORDS:
            i += 1
            continue
        j, count = i, 1
        while j + 1 < n and (words[j + 1].lower() in _NUMBER_WORDS or (words[j + 1] in ",-" and j + 2 < n
                                                                          and words[j + 2].lower() in _NUMBER_WORDS)):
            j += 1
            count += words[j].lower() in _NUMBER_WORDS
        if count >= 3:
            for k in range(i, j + 1):
                out[k].append("numrun")
                out[k].append(f"numrunlen={min(count, 10)}")
        i = j + 1
