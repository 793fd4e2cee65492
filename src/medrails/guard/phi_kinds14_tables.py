"""Fresh-14 table cells read by their column header (`TableColumnRecognizer`): an identifier column
(MRN, ID, Hosp no, NHI, ...), an age column (over 89) and a name column, in pipe tables and in fixed-width tables
aligned by spaces.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_kinds14_common import _CAP, _DATE_SHAPE, _UPW, _result
from medrails.guard.phi_recognizers import name_words_ok

# ---------------------------------------------------------------------------------------------
# tables: a cell is what its column header says it is

_ID_HEADER = regex.compile(r"(?i)^(?:mrn|mr\s*(?:#|no\.?)|ur(?:n|\s*no\.?)?|nhi|nhs(?:\s*(?:no\.?|number))?|uhid|chi|"
                           r"hosp(?:ital)?\.?\s*(?:no\.?|#|number|id)?|chart(?:\s*(?:no\.?|#))?|record(?:\s*(?:no\.?|#))?|"
                           r"acct|account(?:\s*(?:no\.?|#))?|folder(?:\s*(?:no\.?|#))?|ip\s*no\.?|reg(?:istration)?\.?\s*"
                           r"(?:no\.?|#)?|member(?:\s*id)?|policy(?:\s*(?:no\.?|#))?|(?:patient|pt|subject|study|national|"
                           r"health|case|visit|encounter|fin)\s*(?:id|no\.?|#|number)|id(?:\s*(?:no\.?|#|number))?|"
                           r"[a-z]{2,6}\s*(?:id|no\.?|#))$")
_NOT_ID_HEADER = regex.compile(r"(?i)\b(?:rm|room|bed|bay|ward|cubicle|pod|unit|floor|lot|batch|order|line|item|row|"
                               r"seq|step|page|ref\s*range|version)\b")
_AGE_HEADER = regex.compile(r"(?i)^(?:age|age\s*/\s*(?:sex|gender)|age\s*\((?:y|yrs?|years?)\)|yrs?|edad|idade|âge|alter)$")
_NAME_HEADER = regex.compile(r"(?i)^(?:patient|patient\s+name|pt(?:\s+name)?|name|resident|client|member|nombre|nome|"
                             r"nom|naam|surname,?\s*(?:first|given)?(?:\s+name)?|last,?\s*first)$")
_CELL_ID = regex.compile(r"^(?=[A-Z0-9/ -]*\d)[A-Z0-9](?:[A-Z0-9]|[ /-](?=[A-Z0-9])){3,24}$")
_CELL_AGE = regex.compile(r"^(?P<v>9\d|1[01]\d)(?:[ \t]*(?:y|yo|yrs?|years?|[MFmf]|/[ \t]*[MFmf]))?$")
_CELL_NAME = regex.compile(r"^(?:" + _CAP + r"|" + _UPW + r")(?:,?[ \t]+(?:" + _CAP + r"|" + _UPW + r"|\p{Lu}\.?)){1,3}$")
_GAP = regex.compile(r"[ \t]*\t[ \t]*| {2,}")
_PIPE = regex.compile(r"\|")


def _cells(line: str, offset: int, sep: regex.Pattern) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-empty cell, offsets in the text."""
    out, pos = [], 0
    for m in [*sep.finditer(line), None]:
        stop = m.start() if m else len(line)
        raw = line[pos:stop]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append((offset + pos + lead, offset + pos + lead + len(stripped), stripped))
        if m:
            pos = m.end()
    return out


def _header_kind(cell: str) -> str | None:
    cell = cell.strip(" :*")
    if _AGE_HEADER.match(cell):
        return "AGE"
    if _NAME_HEADER.match(cell):
        return "NAME"
    if _ID_HEADER.match(cell) and not _NOT_ID_HEADER.search(cell):
        return "MRN" if regex.match(r"(?i)(?:mrn|mr|ur|nhi|nhs|uhid|chi|hosp|chart|record|folder|ip)", cell) else "ID"
    return None


class TableColumnRecognizer(EntityRecognizer):
    """Cells of a table read by their column's header: identifiers in an ID / MRN / Hosp no column, ages over 89 in an
    Age column, names in a Patient / Name column. Pipe tables, and tables whose columns are aligned by spaces."""

    ENTITIES = ["MRN", "ACCOUNT_NUMBER", "AGE_OVER_89", "FORM_NAME"]

    def __init__(self):
        super().__init__(supported_entities=list(self.ENTITIES), name="TableColumnRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if "|" not in text and "  " not in text and "\t" not in text:
            return []
        lines, pos = [], 0
        for line in text.split("\n"):
            lines.append((pos, line))
            pos += len(line) + 1
        results: list[RecognizerResult] = []
        i = 0
        while i < len(lines):
            offset, line = lines[i]
            piped = line.count("|") >= 2 or (line.count("|") >= 1 and not line.strip().startswith("|"))
            sep = _PIPE if piped and "|" in line else _GAP
            header = _cells(line, offset, sep)
            kinds = [_header_kind(c[2]) for c in header]
            if len(header) < 3 or not any(kinds) or any(regex.search(r"\d{3,}", c[2]) for c in header):
                i += 1
                continue
            j = i + 1
            while j < len(lines) and lines[j][1].strip():
                row_offset, row = lines[j]
                if regex.fullmatch(r"[\s|:+=-]*", row):
                    j += 1
                    continue
                if piped and "|" not in row:
                    break
                cells = _cells(row, row_offset, sep)
                if len(cells) < 2:
                    break
                results.extend(self._row(header, kinds, cells, offset, row_offset, piped))
                j += 1
            i = max(j, i + 1)
        return results

    def _row(self, header, kinds, cells, header_offset, row_offset, piped) -> list[RecognizerResult]:
        out = []
        for k, (start, end, cell) in enumerate(cells):
            if piped:
                kind = kinds[k] if k < len(kinds) and len(cells) == len(header) else None
            else:  # the header cell whose column this cell's start falls in
                col = start - row_offset
                owner = None
                for h, (hs, _he, _name) in enumerate(header):
                    if hs - header_offset <= col + 1:
                        owner = h
                kind = kinds[owner] if owner is not None and abs((header[owner][0] - header_offset) - col) <= 3 else None
            if kind == "AGE" and (m := _CELL_AGE.match(cell)):
                out.append(_result(self, "AGE_OVER_89", start, start + m.end("v"), 0.8))
            elif kind in ("MRN", "ID") and _CELL_ID.match(cell) and sum(c.isdigit() for c in cell) >= 4 \
                    and not _DATE_SHAPE.match(cell):
                out.append(_result(self, "MRN" if kind == "MRN" else "ACCOUNT_NUMBER", start, end, 0.9))
            elif kind == "NAME" and _CELL_NAME.match(cell) and name_words_ok(regex.sub(r"[,.]", " ", cell).title()):
                out.append(_result(self, "FORM_NAME", start, end, 0.75))
        return out
