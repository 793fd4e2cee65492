"""Fresh-15 parsers, each a recognizer that reads a structure rather than matching one pattern:
table cells by column header, chat-transcript speaker tags, OCR letter-spaced form fields, names spelled letter by
letter, and the postal code and town after a street line.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_kinds15_common import _CITY, _ENGLISH_STREET, _LEADING_STREET, _NAMECAP
from medrails.guard.phi_kinds15_names import _HONORIFIC, _RELATION, _TITLE, _words_ok
from medrails.guard.phi_recognizers import name_words_ok

# ---------------------------------------------------------------------------------------------
# parsers: tables, chat transcripts, letter-spaced forms, spelled names, postal codes


class _Finder(EntityRecognizer):
    """A recognizer whose spans come from a Python function of the text (entity, start, end, score)."""

    ENTITIES: list[str] = []

    def __init__(self):
        super().__init__(supported_entities=list(self.ENTITIES), name=type(self).__name__, supported_language="en")

    def load(self) -> None:
        pass

    def find(self, text: str) -> list[tuple[str, int, int, float]]:
        raise NotImplementedError

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        return [RecognizerResult(entity_type=e, start=s, end=t, score=sc, recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
                for e, s, t, sc in self.find(text) if t > s]


_ID_COLUMN = regex.compile(r"(?i)^(?:mrn|mr[ \t]?#|mr[ \t]?no\.?|(?:pt|patient|client|member|resident|subject)[ \t]?(?:id|#|no\.?)|"
                           r"id|ur|urn|ur[ \t]?no\.?|nhi|nhs(?:[ \t]?no\.?)?|chi|ihi|uhid|hosp(?:ital)?[ \t]?(?:no\.?|#|number)|"
                           r"record(?:[ \t]?(?:no\.?|#))?|chart(?:[ \t]?#)?|acct\.?|account|fin|encounter|csn|medicare|"
                           r"folder(?:[ \t]?no\.?)?|file(?:[ \t]?no\.?)?|reg(?:istration)?[ \t]?no\.?|case[ \t]?(?:no\.?|#))$")
_AGE_COLUMN = regex.compile(r"(?i)^(?:age|age[ \t]?/[ \t]?(?:sex|gender|g|s)|yrs|years|age[ \t]?\(y(?:rs|ears)?\))$")
_NAME_COLUMN = regex.compile(r"(?i)^(?:pt|patient|name|patient[ \t]?name|resident|client|member|child|baby|mother)$")
_LAST_FIRST = regex.compile(r"^(" + _NAMECAP + r",[ \t]*" + _NAMECAP + r"(?:[ \t]+\p{Lu}\.?)?)")


class TableColumnRecognizer(_Finder):
    """Cells under a header naming an identifier, an age or a person, in a pipe or tab table."""

    ENTITIES = ["MRN", "AGE_OVER_89", "FORM_NAME"]

    def find(self, text):
        if "|" not in text and "\t" not in text:
            return []
        out: list[tuple[str, int, int, float]] = []
        columns: dict[int, str] | None = None
        pos = 0
        for line in text.split("\n"):
            sep = "|" if line.count("|") >= 2 else "\t" if line.count("\t") >= 2 else None
            if sep is None:
                columns = None
            else:
                cells = self._cells(line, sep)
                kinds = {i: k for i, (c, _, _) in enumerate(cells) if (k := self._kind(c))}
                if kinds and sum(bool(self._kind(c)) or not any(ch.isdigit() for ch in c) for c, _, _ in cells) == len(cells):
                    columns = kinds  # a header row: every cell a label (no digits)
                elif columns:
                    for i, kind in columns.items():
                        if i < len(cells):
                            out.extend(self._cell(kind, *cells[i], pos))
            pos += len(line) + 1
        return out

    @staticmethod
    def _cells(line: str, sep: str) -> list[tuple[str, int, int]]:
        cells, start = [], 0
        parts = line.split(sep)
        if sep == "|" and not line.strip().startswith("|"):
            pass
        elif sep == "|":
            start = len(parts[0]) + 1
            parts = parts[1:]
        for part in parts:
            lead = len(part) - len(part.lstrip())
            cells.append((part.strip(), start + lead, start + lead + len(part.strip())))
            start += len(part) + 1
        return cells

    @staticmethod
    def _kind(cell: str) -> str | None:
        if _ID_COLUMN.match(cell):
            return "MRN"
        if _AGE_COLUMN.match(cell):
            return "AGE_OVER_89"
        if _NAME_COLUMN.match(cell):
            return "FORM_NAME"
        return None

    @staticmethod
    def _cell(kind: str, value: str, start: int, end: int, pos: int) -> list[tuple[str, int, int, float]]:
        if kind == "MRN" and regex.fullmatch(r"[A-Z0-9](?:[A-Z0-9]|[ ./-](?=[A-Z0-9])){2,24}", value) \
                and sum(c.isdigit() for c in value) >= 4:
            return [("MRN", pos + start, pos + end, 0.8)]
        if kind == "AGE_OVER_89" and (m := regex.match(r"(9\d|1[01]\d)(?=\s*(?:/?\s*[MFmf]\b|y|$))", value)):
            return [("AGE_OVER_89", pos + start, pos + start + m.end(), 0.8)]
        if kind == "FORM_NAME" and (m := _LAST_FIRST.match(value)) and _words_ok(m.group(1)):
            return [("FORM_NAME", pos + start, pos + start + m.end(1), 0.75)]
        return []


# "[07:12] Renata:", "[12/03/24, 07:12:33] Renata Souza:", "12/03/2024, 07:12 - Renata Souza:", "07:12 Renata:"
_CLOCK_TAG = regex.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{0,20}\d{1,2}[:.]\d{2}[^\]\n]{0,12}\]|(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?"
                           r"[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*[-–])[ \t]*"
                           r"(?P<tag>[^:\n\[\]]{1,40}?)[ \t]*:(?!\d)")
_BARE_TAG = regex.compile(r"(?m)^[ \t]*(?P<tag>[\p{L}][\p{L}\p{M}'’-]{1,20})[ \t]*:(?![\d/])")
_TAG_PREFIX = regex.compile(r"^(?:(?:" + _TITLE + r"|Doctor|Dra|Enf|" + _HONORIFIC + r"|" + _RELATION + r")\.?[ \t]+)+")
_SPEAKER_ROLES = frozenset("""
patient pt doctor doc dr nurse agent caller operator pharmacist interpreter translator parent me you system bot admin staff
team support charge triage reception receptionist scheduler clinician provider physician caregiver carer coordinator
therapist counsellor counselor user guest host moderator member client customer rep representative writer author
assistant advisor adviser tech technician registrar resident consultant surgeon midwife dietitian family mum mom dad
subject re fw fwd cc bcc to from date sent subject note notes plan dx hx rx
""".split())


def _speaker_ok(word: str) -> bool:
    from medrails.guard.phi_kinds12 import _FIELD_LABELS

    low = word.lower()
    return low not in _SPEAKER_ROLES and low not in _FIELD_LABELS and not any(c.isdigit() for c in word) \
        and name_words_ok(word)


class SpeakerTagRecognizer(_Finder):
    """Speaker tags of a chat or call transcript: after a clock time ("[07:12] Renata:", "[22:42] tia Graça:"), or a
    one-word tag at the start of several lines ("mel: ... ty: ... mel: ...")."""

    ENTITIES = ["CHAT_NAME"]

    def find(self, text):
        if ":" not in text or "\n" not in text:
            return []
        out = []
        for m in _CLOCK_TAG.finditer(text):
            tag = m.group("tag")
            lead = len(tag) - len(tag.lstrip())
            tag = regex.sub(r"[ \t]*\([^)]*\)[ \t]*$", "", tag.strip())
            prefix = _TAG_PREFIX.match(tag)
            name = tag[prefix.end():] if prefix else tag
            words = name.split()
            if 1 <= len(words) <= 3 and all(_speaker_ok(w) for w in words):
                start = m.start("tag") + lead + (prefix.end() if prefix else 0)
                out.append(("CHAT_NAME", start, start + len(name), 0.65))
        bare = list(_BARE_TAG.finditer(text))
        if len(bare) >= 3:
            from medrails.guard.phi_given_names import is_given_name

            counts: dict[str, int] = {}
            for m in bare:
                counts[m.group("tag")] = counts.get(m.group("tag"), 0) + 1
            repeated = [t for t, n in counts.items() if n >= 2]
            if len(counts) >= 2 and repeated:
                for m in bare:
                    tag = m.group("tag")
                    lower_chat = tag.islower() and counts[tag] >= 2 and len(repeated) >= 2
                    if (lower_chat or is_given_name(tag) and counts[tag] >= 2) and _speaker_ok(tag):
                        out.append(("CHAT_NAME", m.start("tag"), m.end("tag"), 0.6))
        return out


_SPACED_LABEL = regex.compile(r"(?i)\b(?P<label>surname|last[ \t]*names?|family[ \t]*names?|first[ \t]*names?|given[ \t]*names?|"
                              r"forenames?|christian[ \t]*names?|full[ \t]*names?|names?|patient|address|residential[ \t]+"
                              r"address|street|town|city|suburb|village|nombre|apellidos?|nome|cognome|nom|pr[ée]noms?|"
                              r"vorname|nachname)[ \t]*:[ \t]*")
# one character, a single space, another ... (a word of an OCR letter-spaced form); words two to four spaces apart
_SPACED_WORD = r"[\p{L}\d](?:[ ][\p{L}\d.,'’-])+"
_SPACED_VALUE = regex.compile(_SPACED_WORD + r"(?:[ ]{2,4}(?:" + _SPACED_WORD + r"|[,.]))*")


def _collapse(value: str) -> str:
    return " ".join(w.replace(" ", "") for w in regex.split(r"[ ]{2,}", value.strip()))


class LetterSpacedFormRecognizer(_Finder):
    """A form's value whose letters OCR spread one space apart, after its label: a name, a street and town."""

    ENTITIES = ["FORM_NAME", "STREET_ADDRESS", "TOWN_AFTER_STREET"]

    def find(self, text):
        if not regex.search(r"\p{L} \p{L} \p{L} ", text):
            return []
        out = []
        for m in _SPACED_LABEL.finditer(text):
            v = _SPACED_VALUE.match(text, m.end())
            if not v or not regex.search(r"\p{L} \p{L} \p{L}", v.group()):
                continue
            label = m.group("label").lower()
            start, raw = v.start(), v.group().rstrip(" ,.")
            collapsed = _collapse(raw)
            if label.startswith(("address", "residential", "street")):
                street, _, town = raw.partition(",")
                if regex.match(r"\d", _collapse(street)) or regex.search(_ENGLISH_STREET + r"\.?$", _collapse(street)):
                    out.append(("STREET_ADDRESS", start, start + len(street.rstrip()), 0.8))
                town_text = town.strip(" ,")
                if town_text and _words_ok(_collapse(town_text).title()):
                    tstart = start + len(street) + 1 + (len(town) - len(town.lstrip(" ,")))
                    out.append(("TOWN_AFTER_STREET", tstart, tstart + len(town_text), 0.7))
            elif label in ("town", "city", "suburb", "village"):
                if _words_ok(collapsed.title()):
                    out.append(("TOWN_AFTER_STREET", start, start + len(raw), 0.7))
            elif not any(c.isdigit() for c in collapsed) and _words_ok(collapsed.title()):
                out.append(("FORM_NAME", start, start + len(raw), 0.75))
        return out


_SPELLED = regex.compile(r"(?<![\p{L}\d-])(?P<v>\p{L}(?:(?:[ \t]?[-.][ \t]?|[ ])\p{L}){3,}\.?)(?![\p{L}\d])")
_SPELL_CUE = regex.compile(r"(?i)(?:spell(?:ed|t|s|ing)?|that['’]?s|that[ \t]+is|last[ \t]+name|surname|first[ \t]+name|"
                           r"name[ \t]+is|it['’]?s)[ \t]*[:,]?[ \t]*$")


class SpelledNameRecognizer(_Finder):
    """A name spelled out letter by letter: the letters spell a capitalised word of the note ("Tomasz Wrzesniak,
    W-R-Z-E-S-N-I-A-K") or follow a spelling cue ("spelled M-E-I-R")."""

    ENTITIES = ["FORM_NAME"]

    def find(self, text):
        if not regex.search(r"\p{L}[-.] ?\p{L}[-.] ?\p{L}|\p{L} \p{L} \p{L} \p{L}", text):
            return []
        out = []
        for m in _SPELLED.finditer(text):
            letters = regex.sub(r"[^\p{L}]", "", m.group("v"))
            if len(letters) < 4 or not (letters.isupper() or letters.islower()):
                continue
            word = letters.lower()
            before = text[max(0, m.start() - 300):m.start()]
            spelled_word = any(w.lower() == word and not w.isupper()
                               for w in regex.findall(r"\p{Lu}[\p{L}\p{M}'’]+", before))
            if (spelled_word or _SPELL_CUE.search(before[-30:])) and name_words_ok(word.title()):
                out.append(("FORM_NAME", m.start("v"), m.start("v") + len(m.group("v").rstrip(".")), 0.7))
        return out


_STREET_LINE = regex.compile(
    r"(?i)(?:\b\d{1,5}[a-z]?,?[ \t]+(?:[\p{L}'’.-]+[ \t]+){0,4}?(?:" + _ENGLISH_STREET[3:-1] + r"|" + _LEADING_STREET[4:-1]
    + r")\b[^\n,]{0,40}|\b\p{L}*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|laan|straat|gracht|plein|vej|gade|"
    r"gatan|vägen|veien|vegen|katu|tie|utca|ulica)[ \t]+\d{1,5}[a-z]?|\b(?:" + _LEADING_STREET[4:-1]
    + r")[ \t]+[^\n,]{2,40}?\d{1,5}[a-z]?)[ \t]*$")
_POSTCODE_TOWN = regex.compile(r",[ \t]*(?P<code>(?:[A-Z]{1,2}-)?\d{4,5})[ \t]+(?P<town>" + _CITY + r")(?![\p{L}\p{M}])")


class PostcodeTownRecognizer(_Finder):
    """A postal code and town after a street line, in the order most of Europe writes them: "7 avenue des Tilleuls,
    69003 Lyon", "Hauptstraße 14, D-79098 Freiburg"."""

    ENTITIES = ["TOWN_AFTER_STREET"]

    def find(self, text):
        out = []
        for m in _POSTCODE_TOWN.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            if not _STREET_LINE.search(text[max(line_start, m.start() - 80):m.start()]):
                continue
            if regex.fullmatch(r"(?:19|20)\d{2}", m.group("code")) or not _words_ok(m.group("town")):
                continue
            out.append(("TOWN_AFTER_STREET", m.start("code"), m.end("code"), 0.7))
            out.append(("TOWN_AFTER_STREET", m.start("town"), m.end("town"), 0.7))
        return out
