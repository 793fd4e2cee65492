"""PHI kinds found by the fourteenth blind note set (fresh 14: identifier-dense documents: letterheads, forms, tables,
census lists, scanned registrations, certificates, non-US formats), written as kinds that also catch the next writer's
variants, as recognizers and false-positive checks.

Recognizers (regexes and small table and OCR passes, no model):
- an identifier after any label that names one, whatever the value's format (digits in groups, dots, dashes, letters
  and digits): an ID scheme's acronym ("Emirates ID", "SMC Reg No.", "N° SS", "PHN"), an acronym in parentheses after the label
  ("Health card (PHN): ..."), a word naming an identifier ("car registration ...", "Reg. No. ..."), "my X number is V";
- an identifier spelled out in words and letters after its label ("member number, it's four A K nine, ...");
- a name spelled letter by letter after "that's" / "spelled", or spelling a word just written ("O-Y-E-...");
- table cells by their column header: an identifier column (MRN, ID, Hosp no, NHI, ...), an age column (over 89),
  a name column, in pipe tables and in fixed-width tables aligned by spaces;
- dates and phone numbers whose digits OCR read as letters ("l2/O4/1951", "614 555 O192");
- facility names in capitals ("BRIGHTWATER FAMILY MEDICINE", "PINE RIDGE IMAGING CENTER", OCR digits in the words), a
  facility named head first in other languages ("Klinikum ...", "Centro de Saúde ...", "LABORATOIRE ... DU PARC"),
  a numbered health unit ("HGZ No. 14"), the place after a unit label ("Unidad que envía: ..."), a GP or dental
  surgery in a letterhead line, a facility's campus ("... Hospital - North Campus");
- names: in ALL CAPS after a name label in any language ("Nombre:", "Nome do paciente:", "Patient(e) :"), in capitals
  before an identifier or birth-date field or after "certify that", "SURNAME, Given" with the surname in capitals,
  after "Re:" in a letter, a child's name before "(3 yo)", a given name signing a message after a dash, a writer
  introducing themself in lower case ("its tomasz again", "im jo btw") or in another language ("ako po si Marites",
  "me llamo ..."), a lower-case name before "'s daughter", a name after a greeting in another language ("Kia ora");
- an age over 89 in parentheses after a date of birth ("DOB 02/11/1931 (93 y)");
- dictation lines with ALL-CAPS spelling or abbreviations in them, and a practice named there ("at brookfield family
  medicine");
- the postcode and town after a European street line ("Schillerstraße 12, 10625 Berlin"); street types the address
  rules lacked ("12 Birch Lawn"); a lower-case town after a verb of coming or staying ("coming from ikeja");
- a date of birth spoken with a two-word year ("dob is seven twelve eighty-eight").

False positives (`kind14_reason`, called by phi_suppression.suppression_reason): an assessment scale and its score
("Tinetti 18/28"), orientation ("A&Ox4"), a single letter, a label abbreviation before "No." ("Reg. No."), greetings in
other languages ("Kia ora"), a range with a unit ("1800-2000 kcal"), clinical jargon ("med-rec"), an analyte and its
qualifier ("Glucose, fasting"), an ambulance or unit call sign ("Engine 7"), a list letter before laterality
("C. Right"), a document-type heading ("Secure Message"), a count fraction ("2/2 tries"), a state or province after
its town ("Guntur, Andhra Pradesh"), abbreviated specialties ("(Gen Surg)"), role nouns ("Approver", "Assessor"), form
labels and column headers in any language ("Médecin :", "Bairro:", "Unités    Valeurs"), a word before a
lab value ("Leucocitos 7.500/mm3"), a date with a clock time or range after it (the date is found alone), local
anaesthesia ("under LA"), a facility and its department as one span, specialties in other languages ("Neurologie"),
insurers ("... Ersatzkasse").

This module holds the identifier recognizers (labelled, spoken, spelled), the OCR date and phone recognizer and the
registry entry (`fresh14_recognizers`); shared patterns are in phi_kinds14_common, tables in phi_kinds14_tables,
names and dictation in phi_kinds14_names, facilities and places in phi_kinds14_places and the false positives in
phi_kinds14_fp.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_kinds14_common import _DATE_SHAPE, _DIG, _result
from medrails.guard.phi_kinds14_fp import kind14_reason
from medrails.guard.phi_kinds14_names import DictationCapsRecognizer, NameFieldRecognizer, _name_recognizers
from medrails.guard.phi_kinds14_places import (
    EuPostcodeTownRecognizer,
    FacilityNameRecognizer,
    _place_recognizers,
    _unit_recognizers,
)
from medrails.guard.phi_kinds14_tables import TableColumnRecognizer
from medrails.guard.phi_recognizers import Rule, RuleRecognizer

__all__ = ["fresh14_recognizers", "kind14_reason"]

# ---------------------------------------------------------------------------------------------
# identifiers after a label

# a value: groups of capitals and digits joined by dots, dashes or slashes, in groups one space apart, each space
# group holding a digit ("784-1975-8812345-3", "1 72 11 13 055 021 64", "987.654.321-00", "M54321Z", "7XKD219")
_GROUP = r"(?:[A-Z0-9]+[./-])*[A-Z0-9]*\d[A-Z0-9]*(?:[./-][A-Z0-9]+)*"
_VALUE = r"(?P<v>" + _GROUP + r"(?:[ ]" + _GROUP + r"){0,7})(?![\w./-]|[ ]?(?:[-.,]\d))"
_NOT_MEASURED = (r"(?![ \t]*(?i:mg|mcg|µg|g\b|kg|lbs?|mL|ml\b|L\b|units?|iu\b|%|mmol|µmol|mEq|kcal|cal\b|kJ|"
                 r"cells|copies|/|x\b|times|mmHg|cm|mm\b|ms\b|bpm|steps|hours?|hrs?|mins?|minutes?|days?|weeks?|years?|hz|khz|db))")
# acronyms that are code systems, vitals, scores, dates or phones, never an identifier's label
_NOT_ID_LABELS = frozenset("""
ICD CPT NDC LOINC SNOMED HCPCS DRG ATC CAS RXNORM MESH BP HR RR SPO SAT GCS ESI EF PEF FEV FVC DOB DOA DOD DOS DOI
EDD LMP EDC TEL TÉL PH MOB FAX CELL PHONE TELF TELEFONE TELÉFONO BMI WBC RBC HB HGB HCT PLT INR PT PTT APTT ALT AST
ALP GGT LDH CK CRP ESR PSA TSH BNP NT UA CBC BMP CMP ABG VBG ECG EKG EEG EMG CT MRI MR US PET XR CXR KUB DXA DEXA
ICU CCU HDU ED ER OR PACU NEWS MEWS PEWS APGAR NYHA ASA BPE DMFT AJCC TNM FIGO ISS AIS RTS RN MD IV IM SC PO PR SL
PRN QD BID TID QID HS AC PC RA LA GA NPO NKDA NKA MAP CVP PEEP FIO TV VT VF AF SVT AV QRS QTC PRI HDL LDL TG
ISO IEC DIN EN BS ASTM FDA CE UDI LOT REF SKU EAN UPC GTIN AM PM UTC GMT EST PST CST MST EDT PDT IFU SOP IRB NCT REC
ISRCTN EUDRACT CTRI ACTRN PROTOCOL STUDY TRIAL NOTE NOTES SHIFT PTA AUC HZ DB
""".split())
# labels whose values other recognizers already find in every format (a second result only costs time)
_OWN_RECOGNIZER = frozenset({"MRN", "NPI", "DEA", "SSN", "MBI", "HICN"})
_PHONE_WORDS = regex.compile(r"(?i)\b(?:tel|t[ée]l|telephone|t[ée]l[ée]phone|tel[ée]fono|telefone|phone|ph|mob|mobile|"
                             r"cell|contact|fax|pager|whats\s*app|hp|landline|móvil|movil|celular)\.?\s*$")
_DECIMAL = regex.compile(r"\d\.\d{1,2}(?:/|$)|^\d+[.,]\d+$")
_ANY_DIGIT = regex.compile(r"\d")
_PLATE_LABEL = regex.compile(r"(?i)plate|reg")  # where a plate's label may start (see `plate` below)


def _id_value_ok(value: str) -> bool:
    """Enough digits to be an identifier, and no shape of a date, a decimal or a blood gas."""
    digits = sum(c.isdigit() for c in value)
    letters = sum(c.isalpha() for c in value)
    if _DATE_SHAPE.match(value) or _DECIMAL.search(value) or ("." in value and "/" in value) \
            or regex.fullmatch(r"\d{1,4}-\d{1,4}", value):  # "250-8000 Hz", "0700-1900": a range, not an identifier
        return False
    return digits >= 6 or (digits >= 4 and letters >= 1 and len(value.replace(" ", "")) >= 6) or \
        (digits >= 5 and value.isalnum())


class IdentifierLabelRecognizer(RuleRecognizer):
    """An identifier after any label naming one: an ID scheme's acronym, a word naming an identifier, "No." / "#",
    "my X number is V". The label's words and what comes before it decide (a phone label, a code system or a vital
    sign never names an identifier)."""

    def __init__(self):
        super().__init__("ACCOUNT_NUMBER", [
            # an acronym (an ID scheme), possibly with a parenthesis, "No." or "#" and a colon: "EID 784-...",
            # "SMC Reg No: 45678J", "N° SS : 1 72 11 ...", "CPF: 987.654.321-00", "DNI 12345678Z"
            Rule(r"(?<![\w/.-])(?=[A-Z])(?P<lab>(?:N[°º][ \t]*)?[A-Z][A-Z]{1,5}|[A-Z]{0,4}ID)(?![\p{L}\d-])(?:[ \t]*\([\p{L} ./-]{2,24}\))?"
                 r"(?:[ \t]*(?i:no\.?|nr\.?|n[°º]\.?|number|num\.?|#|id))?[ \t]*[:#.]?[ \t]*(?:(?i:is)[ \t]+)?"
                 + _VALUE + _NOT_MEASURED, 0.8, None, 0),
            # a word naming an identifier, an acronym in parentheses after it allowed: "Health card (PHN): ...",
            # "licence plate 7XKD219", "Reg. No. 45821", "folder 22/104417"
            Rule(r"\b(?P<lab>(?i:card|plate|tag|folder|file|registration|reg|rego|badge|passport|licen[cs]e|permit|"
                 r"membership|enrol?ment|beneficiary|policy|record|chart|claim|certificate|cert|identity|identification|"
                 r"identifier|id|no|nr|n[°º]|number|num|#))\.?(?:[ \t]*\([\p{L} ./-]{2,24}\))?(?:[ \t]+(?i:no\.?|nr\.?|"
                 r"n[°º]|number|#))?[ \t]*[:#.]?[ \t]*(?:(?i:is|was)[ \t]+)?" + _VALUE + _NOT_MEASURED, 0.8, None, 0),
            # an acronym in parentheses after the label's words: "Carte Vitale (NIR): 1 85 05 ...", "card (OHIP): ..."
            Rule(r"\([ \t]*(?P<lab>[A-Z]{2,6})[ \t]*\)[ \t]*[:#]?[ \t]*" + _VALUE + _NOT_MEASURED, 0.8, None, 0),
            # a vehicle plate or registration, letters and digits in up to three groups: "registration KLM 482X"
            Rule(r"\b(?P<lab>(?i:plate|registration|rego|reg(?:istration)?[ \t]+(?:no\.?|number|#)))[ \t]*[:#.]?[ \t]*"
                 r"(?:(?i:is|was)[ \t]+)?(?P<v>[A-Z0-9]{1,4}[ -][A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4})?)(?![\w-])", 0.8, None, 0),
            # "my Medicare number is ...", "her NHI is ...", "the policy ID = ..."
            Rule(r"\b(?i:my|his|her|their|your|the|patient['’]s|pt['’]s)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}?(?P<lab>(?i:number|"
                 r"no\.?|id|#)|[A-Z]{2,6})[ \t]*(?i:is|was|=|:|-)[ \t]*" + _VALUE + _NOT_MEASURED, 0.8, None, 0),
            # the same typed in lower case: "my nhi is zgt4387", "his medicare no is 4417 20381 2"
            Rule(r"\b(?i:my|his|her|their|your|the)[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<lab>number|no\.?|id|#|nhi|nhs|mrn|ppsn?|"
                 r"medicare|medicaid|ohip|phn|sin|ssn|nric|aadhaar|abha|chi|ihi|cpf|curp|dni|nie|nif|rut|bsn)[ \t]*(?:is|was|"
                 r"=|:|-)[ \t]*(?P<v>(?=[a-z0-9 -]*\d)[a-z0-9](?:[a-z0-9]|[ -](?=[a-z0-9]*\d)){4,20})(?![\w-])"
                 + _NOT_MEASURED, 0.8, None, 0),
        ], "IdentifierLabelRecognizer")

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        # a value needs four digits (_id_value_ok), a plate two and a "plate" / "reg..." label: a text with fewer
        # (a question with a number or two) skips the scans
        digits = len(_ANY_DIGIT.findall(text))
        if digits < 4 and (digits < 2 or not _PLATE_LABEL.search(text)):
            return []
        results = []
        for compiled, rule in self._rules:
            for m in compiled.finditer(text):
                value = m.group("v")
                label = m.group("lab").upper().strip("#. ")
                if label.startswith(("N°", "Nº")):
                    label = label[2:].strip()
                plate = bool(regex.match(r"(?i)plate|registration|rego|reg", label)) and (" " in value or "-" in value)
                plate_ok = plate and sum(c.isdigit() for c in value) >= 2 and sum(c.isalpha() for c in value) >= 2
                if label in _NOT_ID_LABELS or label in _OWN_RECOGNIZER or not (_id_value_ok(value) or plate_ok):
                    continue
                if _PHONE_WORDS.search(text[max(0, m.start() - 20):m.start("lab")]) or _PHONE_WORDS.search(
                        text[max(0, m.start("lab") - 12):m.end("lab")]):
                    continue  # "Tel No. 6421 0087", "Mobile number is ...": a phone number's own recognizer
                if label in ("NUMBER", "NO", "NR", "#", "ID") and regex.search(
                        r"(?i)\b(?:room|rm|bed|bay|ward|lot|batch|flight|gate|seat|page|item|table|question|version|step|unit|floor|"
                        r"level|cubicle|pod|locker|box|order|line|row|ext|extension)\.?[ \t]*$", text[max(0, m.start("lab") - 14):m.start("lab")]):
                    continue  # "Room No. 45123", "Lot #: EK4176": a place or a batch, no person's number
                if label in ("NUMBER", "NO", "#") and regex.search(r"(?i)\b(?:my|his|her|their|your|the|a|best|same)[ \t]+$",
                                                                   text[max(0, m.start("lab") - 8):m.start("lab")]):
                    continue  # "my number is ...": a phone number
                results.append(_result(self, self.supported_entities[0], m.start("v"), m.end("v"), rule.score))
        return results


_SPOKEN_TOKEN = r"(?:" + _DIG + r"|double[ \t]+" + _DIG + r"|[A-Z])"
_SPOKEN_ID = regex.compile(
    r"(?i:\b(?:number|no\.?|id|#)|\b[A-Z]{2,6}\b)[^\n.?!]{0,25}?\b(?i:is|it['’]s|it[ \t]+is|that['’]s|:)[ \t]*,?[ \t]*"
    r"(?P<v>" + _SPOKEN_TOKEN + r"(?:(?:[ \t]*,[ \t]*|[ \t]*-[ \t]*|[ \t]+)" + _SPOKEN_TOKEN + r"){5,})(?![\p{L}])",
    regex.IGNORECASE)

_DIG_ANYWHERE = regex.compile(_DIG, regex.IGNORECASE)  # the digit words inside any word: a cheap count before the scan


class SpokenIdentifierRecognizer(EntityRecognizer):
    """An identifier spelled out in words and letters after its label, as a caller reads it: "my Medicare number,
    it's four A K nine, two two seven, B X one" (at least six tokens, three of them digit words)."""

    def __init__(self):
        super().__init__(supported_entities=["HEALTH_PLAN_ID"], name="SpokenIdentifierRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        lowered = text.lower()
        if not any(w in lowered for w in (" one", " two", " three", " four", " five", " six", " seven", " eight",
                                          " nine", " zero")):
            return []
        if len(_DIG_ANYWHERE.findall(text)) < 3:
            return []  # a value's three digit words are three disjoint letter runs, each overlapped by a match here
        results = []
        for m in _SPOKEN_ID.finditer(text):
            value = m.group("v")
            words = regex.findall(r"[A-Za-z]+", value)
            digit_words = [w for w in words if regex.fullmatch(_DIG, w, regex.I)]
            letters = [w for w in words if len(w) == 1]
            if len(digit_words) < 3 or any(len(w) == 1 and not w.isupper() for w in words):
                continue
            if len(letters) == 0 and len(digit_words) < 6:
                continue
            results.append(_result(self, "HEALTH_PLAN_ID", m.start("v"), m.end("v"), 0.8))
        return results


# a word spelled letter by letter: "O-Y-E-L-A-R-A-N", "T S C H I D A", "b-e-l-l"
_LETTER = r"[A-Za-z](?![A-Za-z])"
_SPELLED = r"(?P<v>" + _LETTER + r"(?:(?:[ \t]?[-.][ \t]?|[ \t]{1,2})" + _LETTER + r"){2,40})"
_SPELL_CUE = regex.compile(r"\b(?i:that['’]?s|that[ \t]+is|spelled|spelt|spelling|spells|spell[ \t]+it)[ \t]*[:,]?[ \t]*"
                           r"(?:(?i:as)[ \t]+)?" + _SPELLED)
_SPELLED_HINT = regex.compile(r"(?<![A-Za-z])[A-Za-z][ \t]?[- .][ \t]?[A-Za-z][ \t]?[- .][ \t]?[A-Za-z](?![A-Za-z])")
_SPELLED_RUN = regex.compile(r"(?<![\p{L}\d-])" + _SPELLED + r"(?![\p{L}\d])")


class SpelledNameRecognizer(EntityRecognizer):
    """A name spelled letter by letter: after "that's" / "spelled", or spelling a word written just before it."""

    def __init__(self):
        super().__init__(supported_entities=["FORM_NAME"], name="SpelledNameRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not _SPELLED_HINT.search(text):
            return []
        spans: set[tuple[int, int]] = set()
        for m in _SPELL_CUE.finditer(text):
            value = m.group("v")
            letters = regex.findall(r"[A-Za-z]", value)
            if len(letters) >= 3 and (value.isupper() or "-" in value):
                spans.add(m.span("v"))
        for m in _SPELLED_RUN.finditer(text):
            letters = "".join(regex.findall(r"[A-Za-z]", m.group("v"))).lower()
            if len(letters) < 4:
                continue
            before = text[max(0, m.start() - 120):m.start()]
            earlier = regex.search(r"(?i)(?<![\p{L}])(" + regex.escape(letters) + r")(?![\p{L}])", before)
            if earlier and not earlier.group(1).isupper():  # a name spelled; "ABCDE, A-B-C-D-E" spells an acronym
                spans.add(m.span("v"))
        return [_result(self, "FORM_NAME", s, e, 0.75) for s, e in sorted(spans)]


# ---------------------------------------------------------------------------------------------
# OCR: letters read for digits in dates and phone numbers

_OCR_DIGITS = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1", "i": "1",
                             "S": "5", "B": "8", "Z": "2"})
_OCR_CONFUSED = "OoDQIl|iSBZ"
_D = r"[\dOoIl|]"
_OCR_DATE = regex.compile(r"(?<![\w/.-])(?P<v>" + _D + r"{1,4}[/.-]" + _D + r"{1,2}[/.-]" + _D + r"{2,4})(?![\w/.-])")
_OCR_PHONE = regex.compile(r"(?<![\w+])(?P<v>(?:\+" + _D + r"{1,3}[ .-])?\(?" + _D + r"{3}\)?[ .-]?" + _D + r"{3}[ .-]"
                           + _D + r"{4})(?![\w])")


def _valid_date(digits: str) -> bool:
    parts = [int(p) for p in regex.split(r"[/.-]", digits)]
    if len(parts) != 3:
        return False
    a, b, c = parts
    if len(regex.split(r"[/.-]", digits)[0]) == 4:
        return 1900 <= a <= 2099 and 1 <= b <= 12 and 1 <= c <= 31
    year_ok = 1900 <= c <= 2099 or len(regex.split(r"[/.-]", digits)[2]) == 2
    return year_ok and ((1 <= a <= 12 and 1 <= b <= 31) or (1 <= a <= 31 and 1 <= b <= 12))


class OcrDigitRecognizer(EntityRecognizer):
    """A date or phone number in which OCR read some digits as letters ("l2/O4/1951", "614 555 O192"): read with the
    letters as the digits they stand for, it must be a valid date or a phone number, with at least four real digits."""

    def __init__(self):
        super().__init__(supported_entities=["CLINICAL_DATE", "PHONE_NUMBER"], name="OcrDigitRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not regex.search(r"\d[OoIl|]|[OoIl|]\d", text):
            return []
        results = []
        for pattern, entity in ((_OCR_DATE, "CLINICAL_DATE"), (_OCR_PHONE, "PHONE_NUMBER")):
            for m in pattern.finditer(text):
                value = m.group("v")
                if not any(c in _OCR_CONFUSED for c in value) or sum(c.isdigit() for c in value) < 4:
                    continue
                read = value.translate(_OCR_DIGITS)
                if entity == "CLINICAL_DATE" and not _valid_date(read):
                    continue
                if entity == "PHONE_NUMBER" and sum(c.isdigit() for c in read) < 10:
                    continue
                results.append(_result(self, entity, m.start("v"), m.end("v"), 0.75))
        return results


def _parts() -> list:
    return [IdentifierLabelRecognizer(), SpokenIdentifierRecognizer(), SpelledNameRecognizer(), TableColumnRecognizer(),
            OcrDigitRecognizer(), FacilityNameRecognizer(), NameFieldRecognizer(), *_name_recognizers(),
            DictationCapsRecognizer(), *_place_recognizers(), EuPostcodeTownRecognizer(), *_unit_recognizers()]


class Fresh14Recognizer(CombinedRecognizer):
    """Every fresh-14 recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Fresh14Recognizer", _parts())


def fresh14_recognizers() -> list:
    return [Fresh14Recognizer()]
