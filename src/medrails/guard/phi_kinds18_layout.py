"""PHI kinds of layout: OCR spacing, letter-spaced words, table rows and capitals (lane b of the eighteenth round).
Each kind is written by its structure (spacing, labels, cells, line position), never by a note's own value; the
examples below are new wording (tests/guard/test_phi_kinds18_layout.py), each with a twin that stays unredacted.

- the column gap is relative to the line's own spacing (`column_gap`, used by phi.py and phi_tagger_gates): where
  two spaces are the line's ordinary gap between words ("Provider :  Hazel  Point  Clinic"), only a longer run cuts
  a name or a place ("Ana  Lopes          Age"); elsewhere two spaces still cut ("Ana Lopes  Ward 4");
- letter-spaced words ("S T   A G N E S   H O S P I T A L", "R E :  K a n e ,   L i a m"): collapsed, a facility
  when the last word is a facility's head, a name after a name label; a letter-spaced acronym before a facility's
  head ("B M C  Hospital"); a date with OCR spaces after a date label ("DOB :  04/1 1/1 9 7 0", "1975 / 08 / 21");
- names in table rows: a capital surname cell before a given-name cell in a pipe row ("|OKORO|Chidi Ann|"), a
  quoted "SURNAME, GIVEN" cell of a CSV row;
- capitals on labels and forms: a line that is a "SURNAME , GIVEN [I]" name (a known given name after the comma), a
  name in capitals after a role or name label ("Attending  Physician :  PAUL  R.  MENDOZA ,  MD"), a value after
  "Last Name" / "First Name" with no colon; an address line in capitals ("118 W 3RD AVE", "RR 4  BOX 27") and the
  town with its state code after it ("DAYTON  OH  45402", the next line "MILTON   WI");
- a nickname in quotes beside a name ("Tomas ("Tommy")", a.k.a. "Sunny").
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_kinds17 import _STATE
from medrails.guard.phi_recognizers import Rule, RuleRecognizer

# ---------------------------------------------------------------------------------------------
# the column gap, relative to the line's spacing

_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*| {2,}")
_WORD_GAP = regex.compile(r"[\p{L}.]( +)(?=\p{L})")


def _doubled(text: str, a: int, b: int) -> tuple[int, int]:
    """(gaps of one space, gaps of two) between letter words in text[a:b]."""
    ones = twos = 0
    for m in _WORD_GAP.finditer(text, a, b):
        n = m.end(1) - m.start(1)
        ones += n == 1
        twos += n == 2
    return ones, twos


def _doc_doubled(text: str, memo: dict) -> bool:
    if "doc" not in memo:
        ones, twos = _doubled(text, 0, len(text)) if "  " in text else (1, 0)
        memo["doc"] = twos >= 5 and 2 * twos >= ones
    return memo["doc"]


def _ordinary_gap(text: str, pos: int, memo: dict) -> int:
    """2 where two spaces are the ordinary gap between the words of pos's line (OCR'd forms), else 1."""
    a = text.rfind("\n", 0, pos) + 1
    if a not in memo:
        b = text.find("\n", pos)
        ones, twos = _doubled(text, a, len(text) if b < 0 else b)
        doubled = (twos >= 2 and twos > ones) or (twos >= 1 and ones == 0 and _doc_doubled(text, memo))
        memo[a] = 2 if doubled else 1
    return memo[a]


def column_gap(text: str, start: int, end: int, pattern=_COLUMN_GAP, memo: dict | None = None):
    """The first gap of `pattern` in text[start:end] that is a column gap: a space run longer than its line's
    ordinary gap between words (a tab or another separator of `pattern` always is one). `memo`: a dict the
    caller keeps for one text, so each line's spacing is read once however many spans it holds."""
    memo = {} if memo is None else memo
    for gap in pattern.finditer(text, start, end):
        piece = gap.group()
        if piece.strip(" ") or len(piece) > 2:
            return gap
        if len(piece) > _ordinary_gap(text, gap.start(), memo):
            return gap
    return None


# ---------------------------------------------------------------------------------------------
# letter-spaced words

_HEADS = frozenset("hospital hospitals infirmary clinic clinics centre center polyclinic hospice sanatorium "
                   "diagnostics laboratory laboratories pharmacy dispensary".split())
_HEAD_WORD = r"(?:Hospital|HOSPITAL|Infirmary|INFIRMARY|Clinic|CLINIC|Centre|CENTRE|Center|CENTER|Polyclinic|POLYCLINIC)"
_SPACED = regex.compile(r"(?<![^\s:|(])(?<!\p{L} )(?P<v>\p{L}(?: \p{L})+(?:(?: {2,3}| ?, {1,3})\p{L}(?: \p{L})+)*)"
                        r"(?P<head> {1,3}" + _HEAD_WORD + r"\b)?(?=[ \t]*(?:$|\n| {2,}|\||,))")
_NAME_LABEL = regex.compile(r"(?i:\b(?:re|name|patient|pt|attn|surname|member|enrollee|insured|client)\b[^\n:]{0,20}"
                            r"[ \t]*:[ \t]*)$")
_SPACED_CHECK = regex.compile(r"\p{L} \p{L} \p{L}")


def _collapse(value: str) -> list[str]:
    return [w.replace(" ", "") for w in regex.split(r" {2,}| ?, {1,3}", value) if w.strip()]


def _spaced_spans(text: str):
    from medrails.guard.phi_kinds15_names import _words_ok

    if not _SPACED_CHECK.search(text):
        return
    for m in _SPACED.finditer(text):
        words = _collapse(m.group("v"))
        if sum(len(w) for w in words) < 3:
            continue
        if m.group("head") and all(len(w) == 1 or w.isupper() for w in m.group("v").split()):
            yield "TOWN_AFTER_FACILITY", m.start("v"), m.end("head"), 0.8
        elif len(words) >= 2 and words[-1].lower() in _HEADS:
            yield "TOWN_AFTER_FACILITY", m.start("v"), m.end("v"), 0.8
        elif _NAME_LABEL.search(text, max(0, m.start() - 40), m.start()) and len(words) >= 2 \
                and _words_ok(" ".join(w.title() for w in words)):
            yield "FORM_NAME", m.start("v"), m.end("v"), 0.8


# ---------------------------------------------------------------------------------------------
# names in table rows and capitals on forms

_PIPE_ROW = regex.compile(r"(?<=\|)[ \t]*(?P<v>\p{Lu}{2,}(?:[-'’ ]\p{Lu}{2,})?)[ \t]*\|[ \t]*"
                          r"(?P<g>\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?)[ \t]*(?=\|)")
_PIPE_CELL = regex.compile(r"(?:^|(?<=\|))[ \t]*(?P<v>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?,[ \t](?P<g>\p{Lu}\p{Ll}+)(?:[ \t]\p{Lu}\p{Ll}+)?)"
                           r"[ \t]*(?P<age>\([ \t]*\d{1,3}[ \t]*[MFmf]?[ \t]*\))?[ \t]*(?=\|)", regex.MULTILINE)
_CSV_NAME = regex.compile(r"(?:^|(?<=,))\"(?P<v>\p{Lu}[\p{Lu}'’-]+(?:[ \t]\p{Lu}[\p{Lu}'’-]+)?,[ \t]*(?P<g>\p{Lu}[\p{Lu}'’-]+)"
                          r"(?:[ \t]\p{Lu}[\p{Lu}'’-]*\.?)?)\"(?=,|$)", regex.MULTILINE)
_CAPS_LINE = regex.compile(r"(?m)^[ \t]*(?:[^\n:]{0,40}:[ \t]*)?(?P<v>\p{Lu}{2,}(?:[-'’][\p{Lu}]{2,})?(?:[ \t]{1,2}\p{Lu}{2,}"
                           r"(?:[-'’]\p{Lu}{2,})?){0,2}[ \t]*,[ \t]{1,3}(?P<g>\p{Lu}{2,})(?:[ \t]{1,3}\p{Lu}{2,}){0,2}"
                           r"(?:[ \t]{1,3}\p{Lu}\.?)?)[ \t]*$")


def _given(word: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(word)


def _is_medical(word: str) -> bool:
    from medrails.guard.phi_suppression import _is_medical_token

    return _is_medical_token(word.lower())


def _table_spans(text: str):
    from medrails.guard.phi_kinds15_names import _words_ok

    if "|" in text:
        for m in _PIPE_ROW.finditer(text):
            if _given(m.group("g").split()[0]) and _words_ok(m.group("v").title()):
                yield "FORM_NAME", m.start("v"), m.end("v"), 0.75
        for m in _PIPE_CELL.finditer(text):
            if (_given(m.group("g")) or (m.group("age") and _words_ok(m.group("v")))) \
                    and not _is_medical(m.group("v").split(",")[0]):
                yield "FORM_NAME", m.start("v"), m.end("v"), 0.75
    if "\"" in text:
        for m in _CSV_NAME.finditer(text):
            if _given(m.group("g")) and _words_ok(m.group("v").title()):
                yield "FORM_NAME", m.start("v"), m.end("v"), 0.8
    if "," in text:
        for m in _CAPS_LINE.finditer(text):
            if _given(m.group("g")) and _words_ok(m.group("v").title()):
                yield "FORM_NAME", m.start("v"), m.end("v"), 0.8


class _LayoutRecognizer(EntityRecognizer):
    """Spans from functions of the text: letter-spaced words, table rows, capital name lines."""

    _ENTITIES = ["FORM_NAME", "TOWN_AFTER_FACILITY"]

    def __init__(self):
        super().__init__(supported_entities=self._ENTITIES, name="Kind18LayoutRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return [RecognizerResult(entity_type=e, start=a, end=b, score=s, recognition_metadata=dict(meta))
                for fn in (_spaced_spans, _table_spans) for e, a, b, s in fn(text)]


# ---------------------------------------------------------------------------------------------
# regex rules

_ROLE_LABEL = (r"(?i:physician|provider|doctor|surgeon|consultant|attending|referring|ordering|name|patient|member|"
               r"enrollee|insured|beneficiary|guardian|informant|guarantor)")
_CAPS_NAME = r"\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?(?:[ \t]{1,2}(?:\p{Lu}\.|\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?)){1,3}"
_SUFFIX = r"(?:ST|RD|AVE|BLVD|DR|LN|WAY|CT|PL|HWY|PKWY|CIR|TER|TRL|ROAD|STREET|AVENUE|DRIVE|LANE|COURT|PLACE)"


def _caps_name_ok(value: str) -> bool:
    from medrails.guard.phi_kinds15_names import _words_ok

    words = [w.strip(".,").lower() for w in value.split()]
    if any(w in _HEADS or w in _SERVICE_WORDS or w.endswith(_SERVICE_ENDS) for w in words):
        return False  # a department or a service in capitals ("ENDOCRINOLOGY CLINIC"), no one's name
    return _words_ok(value.title())


_SERVICE_WORDS = frozenset("unit ward team dept department service services lab laboratory office desk".split())
_SERVICE_ENDS = ("ology", "ologie", "iatry", "iatrics", "ics", "ery")


def _caps_street_ok(value: str) -> bool:
    from medrails.guard.phi_suppression import _is_medical_token

    return not any(_is_medical_token(w.lower()) for w in value.split()[1:-1] if len(w) > 1)


def _no_medical_word(value: str) -> bool:
    """A town or a nickname holds no clinical word ("ICU", "Cardiology")."""
    from medrails.guard.phi_suppression import _is_medical_token

    return not any(_is_medical_token(w.lower()) for w in value.split())


def _rules() -> list[RuleRecognizer]:
    date_label = r"(?i:d\.?[ \t]?o\.?[ \t]?b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born|date)"
    return [
        RuleRecognizer("FORM_NAME", [
            # a name in capitals after a role or name label: "Attending  Physician :  PAUL  R.  MENDOZA ,  MD"
            Rule(r"\b" + _ROLE_LABEL + r"[ \t]*:[ \t]*(?P<v>" + _CAPS_NAME + r")(?=[ \t]*,[ \t]*\p{Lu}{2,4}\b|[ \t]{3,}|"
                 r"[ \t]*$|[ \t]*\|)", 0.75, _caps_name_ok, regex.MULTILINE),
            # a name with OCR spaces after a role label, before a credential: "Referring  doctor :  K.  Abara-Lyle ,  MD"
            Rule(r"\b" + _ROLE_LABEL + r"[ \t]*:[ \t]*(?P<v>(?:\p{Lu}\.|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?:[ \t]{1,2}(?:\p{Lu}\.|"
                 r"\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)){1,3})(?=[ \t]*,[ \t]*(?:MD|DO|MBBS|MBChB|FRCP|NP|PA-C|PA|RN|DNP|DDS|PhD)\b)",
                 0.75, _caps_name_ok, 0),
            # a value after "Last Name" / "First Name" with no colon: "Last  Name  REYES     First  Name  ANA  MARIE"
            Rule(r"\b(?i:last|first|middle|given|family|sur)[ \t]*(?i:name)[ \t]*:?[ \t]+(?P<v>\p{Lu}{2,}(?:[-'’]\p{Lu}{2,})?"
                 r"(?:[ \t]{1,2}\p{Lu}{2,}){0,3})(?=[ \t]{3,}|[ \t]*$|[ \t]*\|)", 0.75, _caps_name_ok, regex.MULTILINE),
            # a nickname in quotes beside a name: "Tomas ("Tommy")", "(a.k.a. "Sunny")", aka 'Bud'
            Rule(r"(?:\p{L}[ \t]*\([ \t]*|\b(?i:a\.k\.a\.?|aka|nicknamed|known[ \t]+as|goes[ \t]+by)[ \t]*)[\"“'‘]"
                 r"(?P<v>\p{Lu}\p{Ll}+(?:[ \t]\p{Lu}\p{Ll}+)?)[\"”'’]", 0.7, _no_medical_word, 0),
        ], "Kind18CapsNameRecognizer"),
        RuleRecognizer("STREET_ADDRESS", [
            # an address line in capitals: "118 W 3RD AVE", "5020 N PALM GROVE RD"
            Rule(r"(?m)(?:^[ \t]*|(?<=\|)[ \t]*|(?<=[ \t]{2}))(?P<v>\d{1,6}[A-Z]?(?:[ \t]+[NSEW])?(?:[ \t]+(?:\d{1,3}(?:ST|ND|RD|TH)|"
                 r"\p{Lu}{2,})){1,4}[ \t]+" + _SUFFIX + r"\.?)(?=[ \t]*$|[ \t]{2,}|[ \t]*[,|#])", 0.7, _caps_street_ok, 0),
            # a rural route and box: "RR 4  BOX 27", "HC 3 Box 51"
            Rule(r"\b(?P<v>(?:RR|R\.R\.|HC|Rural[ \t]+Route)[ \t]*\d{1,3}[ \t,]{1,3}(?i:box)[ \t]*\d{1,5})\b", 0.75, None, 0),
        ], "Kind18CapsStreetRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # a town in capitals with its state code and ZIP: "DAYTON  OH  45402"
            Rule(r"(?<![\p{L}\d])(?P<v>\p{Lu}{3,}(?:[ \t]\p{Lu}{3,}){0,2}),?[ \t]{1,3}" + _STATE + r"[ \t]{1,3}\d{5}(?:-\d{4})?\b",
                 0.7, _no_medical_word, 0),
            # a town in capitals with its state code on the line under a street or box line: "MILTON   WI"
            Rule(r"(?m)(?:\b" + _SUFFIX + r"\.?|(?i:box)[ \t]*\d+)[ \t]*\n[ \t]*(?P<v>\p{Lu}{3,}(?:[ \t]\p{Lu}{3,}){0,2}),?"
                 r"[ \t]{1,5}" + _STATE + r"\b", 0.7, _no_medical_word, 0),
        ], "Kind18CapsTownRecognizer"),
        RuleRecognizer("CLINICAL_DATE", [
            # a date with OCR spaces after a date label: "DOB :  04/1 1/1 9 7 0", "D.O.B :  1975 / 08 / 21"
            Rule(r"\b" + date_label + r"[ \t]*:?[ \t]*(?P<v>\d(?:[ ]?[\d/])+)", 0.8, _spaced_date_ok, 0),
        ], "Kind18SpacedDateRecognizer"),
    ]


_DATE_SHAPE = regex.compile(r"(?:\d{1,2}/\d{1,2}/(?:\d{2}|\d{4})|\d{4}/\d{1,2}/\d{1,2})")


def _spaced_date_ok(value: str) -> bool:
    return " " in value and _DATE_SHAPE.fullmatch(value.replace(" ", "")) is not None


class Kind18LayoutRecognizer(CombinedRecognizer):
    """Every lane-b layout recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Kind18LayoutRecognizer", [*_rules(), _LayoutRecognizer()])


def kind18_layout_recognizers() -> list:
    return [Kind18LayoutRecognizer()]


# ---------------------------------------------------------------------------------------------
# false positives

_CELL_EDGE = regex.compile(r'",|,"|"\s*,\s*\d')


def kind18_layout_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is a lane-b layout false positive: a NER span across the quoted cells of a CSV row."""
    if entity in ("PERSON", "ORGANIZATION", "LOCATION") and '"' in text[start:end] and _CELL_EDGE.search(text, start, end):
        return "a span across the quoted cells of a CSV row ('KIM\",71,\"CHF'), no one name"
    return None
