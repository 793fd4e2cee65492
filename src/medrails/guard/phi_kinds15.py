"""PHI kinds found by the fifteenth blind note set (fresh 15: messy human text: portal messages, texts, voicemails,
chat logs, collateral narratives, names in many forms and languages), as recognizers, one note-level pass and
false-positive checks. Each kind is written by its structure, never by a note's own value; the examples below are
new wording (tests/guard/test_phi_kinds_fresh15.py), each with a twin that stays unredacted.

Recognizers (regexes and small parsers, no model; one registry entry, `Fresh15Recognizer`):
- an identifier after any label that names one, whatever the value's format (dots, slashes, spaces, letters and
  digits): a scheme's name ("CPF ..., 221.874.305-66", "EID 784-...", "N° SS : 2 84 11 ...", "Cédula:", "NHI"), a
  record or document noun or a register's acronym with a number word ("Folder no:", "reg. no.", "MCR No."; not a
  study, protocol or code number), "my/her X number is V", "her NHI is V"; found value first, label looked for
  behind it; a vehicle plate ("plate KXP 4417"); a value spelled aloud after such a label ("serial number... um... B
  as in bravo, seven seven one two");
- the columns of a pipe or tab table whose header names an identifier, an age or a person ("Bed | Patient | UR |
  Age"): the identifier, an age over 89 and a "Last, First" name in each row;
- dates: numeric with OCR spaces around the separators or between every digit ("07 / 11 / 1949", "1 2 / 0 4 / 1 9 8
  7"), a weekday and an ordinal ("Thursday the twenty-first"), a month/day before a meeting noun ("the 4/17 care
  conference"), a spoken date of birth with a two-word year ("DOB? nine four sixty-two");
- names: "Last, First" or a full name (doubled spaces too) after any person-role field label, in English or another
  language ("Resident:", "Consumer:", "Nom :", "Nombre:"); a title and an OCR-spaced initial ("Dr  K . Mensah"); a
  name after an honorific or kinship title of another language ("doña Rosario", "tio Anselmo", "Dada Wairimu"); the
  display name before an e-mail address in a header of any language ("From:/De:/Von: Name <...>"); the name line
  under a closing ("Thanks so much,\\nName (phone)"); a dash signature with a relation ("-ravi (her husband)");
  speaker tags of a chat transcript, after a clock time or repeated ("[08:14] tio Anselmo:", "kez: ... rob: ..."); a
  lower-case full name standing as its own clause ("yeah. marguerite oyelaran."); a relative with a place phrase
  before the name ("the daughter from boise, tammy,"); a lower-case self-introduction with a surname ("im deshawn
  mcbride btw"); a capitalised word before an age in brackets ("Tane (4 yo)"); a word spelled letter by letter that
  spells a capitalised word of the note or follows a spelling cue ("spelled B-R-Z-E-Z-I-N-S-K-I"); OCR letter-spaced
  form values ("Surname:  N d l o v u", the street and town of a spaced "Address:");
- places: a facility after a hospital transition ("discharged from Mercy Ridge", "seen at Riverside", "the ER at St.
  Luke's"; not a ward or service: "taken to Theatre", "treated at Cardiology"), a saint's name in the possessive
  (not "St John's wort"), a facility holding "and" ("Guy's and Tommy's Hospital"), an acronym before a facility head
  ("NWH Health Centre"), a facility whose head comes first ("Hospital Universitario La Paz", "Hôpital de la ..."),
  the campus or site after a facility, a place in brackets after "home" ("from home (Elk Grove)"), a town after a
  relative's home ("at my aunts in lodi"), a house name and street with no number after "Address:" and the town after
  it ("Ard na Gréine, Cashel Road, Clonmel"), a street whose type comes first ("7 avenue des Tilleuls") and a postal
  code and town after a street line (", 69003 Lyon", "Hauptstraße 14, 79098 Freiburg").

Note-level pass (`name_variants`, called from phi.PhiRedactor._analyze_chunk after phi_kinds11.repeated_names): a
short form of a given name the note names someone with: a stem before a diminutive ending ("Winnie" for Winifred,
"gabe" for Gabriel), a two-letter head, the name's last four letters or more ("Retta" for Loretta), an English pet form
with no shared stem ("Peggy" for Margaret); and a lower-case given name at its other lower-case mentions (dictation).

False positives (`kind15_reason`, called by phi_suppression.suppression_reason): a document-type word before "chat" /
"transcript" ("[Telehealth chat transcript]"), a state adjective after a kinship word ("wife tearful"), a job title
("Clinical Pharmacist Reviewer"), a payer after a payer label in any language ("Medical aid: ..."), a service after a
title ("Nurse Line"), a note header of service words ("Voicemail - Diabetes Nurse Line"), capitalised nouns of a
German text ("Im Verlauf", "Tumorkonferenz"), a field label opening a line or a column ("Specimen:", "Edad:"), an
identifier scheme's name before its number ("Cédula:"), a sentence opener before a lower-case word with an accent
("Préfère être"), an eponym in brackets after an instrument or technique ("port (Hasson)"), a care area after a
transfer ("taken to Theatre"), a department as a sender ("Billing Office <...>"), an assessment scale with its score
("Berg 38/56"), orientation notation ("A&Ox4"), a quantity range read as a phone ("1600-1900 kcal").

This module holds the identifier and date rules and the registry entry (`fresh15_recognizers`); shared patterns are
in phi_kinds15_common, names and `name_variants` in phi_kinds15_names, places in phi_kinds15_places, the parsers in
phi_kinds15_parsers and the false positives in phi_kinds15_fp.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_kinds7 import _NUMW, _ORD, _TENS, _UNIT, _YEARW
from medrails.guard.phi_kinds15_common import _PARTIAL, _SCHEME_WORDS
from medrails.guard.phi_kinds15_fp import kind15_reason
from medrails.guard.phi_kinds15_names import _name_rules, name_variants
from medrails.guard.phi_kinds15_parsers import (
    LetterSpacedFormRecognizer,
    PostcodeTownRecognizer,
    SpeakerTagRecognizer,
    SpelledNameRecognizer,
    TableColumnRecognizer,
)
from medrails.guard.phi_kinds15_places import _place_rules
from medrails.guard.phi_recognizers import Rule, RuleRecognizer

__all__ = ["fresh15_recognizers", "kind15_reason", "name_variants"]

# ---------------------------------------------------------------------------------------------
# identifiers by any label that names one

# scheme names printed before a national, insurance or record number (any country)
_SCHEME = (r"(?:CPF|CNPJ|RG|CNS|CURP|RFC|NSS|NIR|INSEE|DNI|NIE|NIF|RUT|RUN|CUIL|CUIT|DPI|INE|BSN|PESEL|AHV|AVS|EID|"
           r"Emirates[ \t]+ID|Iqama|CNIC|NICOP|NIC|NIN|NINO|TFN|IRD|NHI|NHS|CHI|IHI|PPSN|UHID|NIK|KTP|MyKad|HKID|NRIC|"
           r"TC[ \t]+Kimlik|Personnummer|CPR|SSN|SIN|TIN|ABHA|Aadhaa?r|PhilHealth|SSS|UMID|GSIS|OHIP|PHN|HCN|MSP|RAMQ|"
           r"ULI|AMKA|EGN|JMBG|OIB|IC|DUI|CIN|CNI|MCR|(?i:c[ée]dula|carnet|documento|medicare|medicaid|"
           r"carte[ \t]+vitale|codice[ \t]+fiscale|tessera[ \t]+sanitaria|"
           r"s[ée]curit[ée][ \t]+sociale|social[ \t]+security|national[ \t]+(?:id|identity|insurance|health)|"
           r"passport|emirates[ \t]+id|identity[ \t]+card|id[ \t]+card))")
# nouns of a record, document or registration that an identifier follows with a number word
_ID_HEAD = (r"(?i:file|folder|chart|record|case|patient|pt|hospital|hosp|unit|member(?:ship)?|policy|account|acct|claim|"
            r"card|serial|reference|ref|registration|reg|rego|licen[cs]e|permit|passport|identity|identification|"
            r"document|dossier|expediente|prontu[aá]rio|cart[aã]o|carte|tarjeta|c[ée]dula|matr[ií]cula|afiliad[oa]|"
            r"afiliaci[oó]n|beneficiario|ficha|historia(?:[ \t]+cl[ií]nica)?|health|insurance|booking|admission|episode|"
            r"encounter|visit|specimen|accession|requisition|invoice|voucher|authori[sz]ation|approval|confirmation|"
            r"ticket|tracking|scheme|fund|medical[ \t]+aid|client|customer|resident|student|employee|staff|badge|"
            r"enrol?ment|subscriber|beneficiary|social[ \t]+security|insured|contract|order|lab|sample|device|"
            r"implant|warranty|plan|group)")
_RECORD_HEAD = (r"(?i:file|folder|chart|record|case|patient|pt|hospital|hosp|unit|dossier|expediente|prontu[aá]rio|ficha|"
                r"historia(?:[ \t]+cl[ií]nica)?|admission|episode|encounter|visit|lab|specimen|accession|sample)")
_NUMBER_WORD = r"(?i:number|no\.?|num\.?|nr\.?|#|n[°º]|nummer|n[uú]mero|núm\.?|id)"
# a value: groups of letters and digits joined by dots, dashes, slashes or single spaces; every space-joined group
# holds a digit (a trailing or leading group of 1-4 capitals may not), never a date or clock time after a space
_VALUE = (r"(?P<v>(?:[A-Z]{1,5}[ \t-]?(?=\d))?\d[A-Z0-9]*(?:(?:[.\-/]|[ \t](?![ \t]*\d{1,2}[/:.]\d{1,2}\b))"
          r"(?=[A-Z]{0,4}\d|[A-Z]{1,3}\b)[A-Z0-9]+)*|[A-Z]{1,4}\d[A-Z0-9]{2,}(?:[.\-/ ][A-Z0-9]*\d[A-Z0-9]*)*)"
          r"(?![\w/])")
# what a caller says while finding the number: "hold on...", "um,", "let me check"
_FILLER = (r"(?:[ \t]*(?:\.{2,}|…|,|-|:)?[ \t]*(?i:hold[ \t]+on|hang[ \t]+on|um+|uh+|er+|ok(?:ay)?|let[ \t]+me[ \t]+"
           r"(?:see|check|find[ \t]+it)|it[ \t]+says|sorry|wait)[ \t]*(?:\.{2,}|…|,|-)?)")
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|\d)"
_SPOKEN_TOKEN = r"(?:" + _DIGIT_WORD + r"|[A-Za-z](?:[ \t]+(?:as[ \t]+in|for|like)[ \t]+[A-Za-z]+)?)"


_DATE_LIKE = regex.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}[/.-]\d{1,2}(?:[/.-]\d{1,2})?|"
                           r"(?:19|20)\d{2}[ \t]?[-–/][ \t]?(?:19|20)?\d{2}")


def _value_ok(value: str) -> bool:
    """Five digits, or three digits with two letters and six characters ("ZKT4821"): no dose, year or count, and no
    date or span of years (the date recognizers own those)."""
    if _DATE_LIKE.fullmatch(value):
        return False
    digits = sum(c.isdigit() for c in value)
    letters = sum(c.isalpha() for c in value)
    if digits >= 5:
        return True
    return digits >= 3 and letters >= 2 and digits + letters >= 6


def _plate_ok(value: str) -> bool:
    compact = value.replace(" ", "").replace("-", "")
    return 4 <= len(compact) <= 9 and any(c.isdigit() for c in compact) and any(c.isalpha() for c in compact)


def _spoken_ok(value: str) -> bool:
    """Four digit words or digits; the letters spelled, not a sentence's words."""
    return len(regex.findall(r"(?i)\b" + _DIGIT_WORD + r"\b", value)) >= 4


_NOT_PERSONAL_CODES = (r"(?:IRB|REC|HREC|NCT|ISRCTN|CTRI|EUDRACT|EudraCT|IND|IDE|NDC|CPT|DRG|ICD|LOINC|SNOMED|HCPCS|ATC|"
                       r"LOT|Lot|BATCH|REF|SKU|UPC|GTIN|PO|ISBN|DOI|PMID|SOP|QA|QI|RFA|RFP|FDA|EMA|MHRA|TGA|CE|ISO|DSM|"
                       r"GCS|BMI|EF|PMH|ROS|HPI|CC|SOAP|ECG|EKG)")
_AFTER_LABEL = r"[ \t]*(?:[:#=]|-(?!\d))?[ \t]*(?:(?i:is|was|es|é|est)[ \t]*:?[ \t]*)?"
# a candidate value, found first (values are few): the label is then looked for in the 70 characters before it
_VALUE_AT = regex.compile(r"(?=[A-Z0-9])(?<![\w/.-])" + _VALUE)
_LABEL_BEFORE = [
    # a scheme's name, then the value, past up to three short words and a comma: "CPF da vó, 318.442.907-15"
    ("HEALTH_PLAN_ID", 0.85, regex.compile(r"(?<![\p{L}\d])" + _SCHEME + r"(?:[ \t]+" + _NUMBER_WORD + r")?(?:[ \t]+(?!\d)"
                                           r"[\p{L}'’.]{1,8}){0,3}?[ \t]*[,:#=]?" + _AFTER_LABEL + r"$")),
    # "N° SS : 1 79 06 ...", "Nº de afiliado: 2231 ...", "No. de expediente 77-10342" (the analyzer blanks the degree sign)
    ("HEALTH_PLAN_ID", 0.85, regex.compile(r"(?<![\p{L}\d])(?:N[°º]|N\.[ \t]?[°º]|No\.(?=[ \t]*\p{L})|"
                                           r"N[ \t](?=[ \t]*\p{Lu}{2,}[ \t]*[:#])|"
                                           r"(?i:n[uú]mero|núm\.?))[ \t]*(?:(?!\d)[\p{L}'’.]{1,14}[ \t]*){0,3}"
                                           + _AFTER_LABEL + r"$")),
    # "her NHI is ZKT4821", "my medicare number is 4471 22819 3", "his card no. is 8812-22"
    ("HEALTH_PLAN_ID", 0.8, regex.compile(r"\b(?i:my|his|her|their|your|our|the|pt['’]?s|patient['’]?s|mom['’]?s|dad['’]?s)"
                                          # not "my number is", "my cell number is": a phone's own recognizer
                                          r"(?![ \t]+(?i:(?:phone|mobile|cell|home|work|contact|callback|call-back|new|best)[ \t]+)?(?:number|no\.?|#)[ \t])"
                                          r"[ \t]+(?:[\p{L}-]+[ \t]+){0,2}?(?:" + _SCHEME + r"|(?i:number|no\.?|id|#))[ \t]+"
                                          r"(?i:is|was)[ \t]*:?[ \t]*$")),
    # a record or document noun and a number word: "file number is 8842", "Folder no 88/2231", "reg. no. 55-7192"
    # a record noun and a number word: "file number is 8842", "Folder no 88/2231", "hosp. no. RJ1-4471908"
    ("MRN", 0.8, regex.compile(r"\b" + _RECORD_HEAD + r"\.?[ \t]+" + _NUMBER_WORD + _AFTER_LABEL + r"$")),
    # any other document or registration noun, or an acronym of a register or council, and a number word:
    # "reg. no. 55-7192", "card no. 8812 2231", "MCR No. 12345" (not a study, protocol, code or catalogue number:
    # "IRB #2023-0457", "NCT No. 0412...", "CPT 99213", "Lot No.")
    ("HEALTH_PLAN_ID", 0.8, regex.compile(r"\b(?:" + _ID_HEAD + r"\.?[ \t]+" + _NUMBER_WORD + r"|(?!" + _NOT_PERSONAL_CODES
                                          + r"\b)[A-Z]{2,6}\.?[ \t]+(?i:no\.?|nr\.?|number|n[°º]))" + _AFTER_LABEL + r"$")),
]


_N_LABEL = regex.compile(r"N[°º]|N\.[ \t]?[°º]|No\.[ \t]*\p{L}|N[ \t]{1,3}\p{Lu}{2}|(?i:n[uú]m)")
_NUMBER_END = regex.compile(r"(?ri)(?:number|no\.?|num\.?|nr\.?|#|n[°º]|nummer|n[uú]mero|núm\.?|\bid)" + _AFTER_LABEL + r"$")
_IS_END = regex.compile(r"(?ri)\b(?:is|was)[ \t]*:?[ \t]*$")


_NUMBER_ENDINGS = ("number", "no", "no.", "num", "num.", "nr", "nr.", "#", "n°", "nº", "nummer", "numero", "número",
                   "núm", "núm.", " id", "\tid")
_PUNCT = str.maketrans({c: " " for c in ",.:;()[]#=-/'’\""})


def _label_rules(window: str) -> list:
    """The label rules worth trying on the text before a value (cheap word and ending tests first)."""
    low = window.lower()
    rules = []
    if set(low[-45:].translate(_PUNCT).split()) & _SCHEME_WORDS:
        rules.append(_LABEL_BEFORE[0])
    if _N_LABEL.search(window, max(0, len(window) - 30)):
        rules.append(_LABEL_BEFORE[1])
    tail = low.rstrip(" \t:")
    if tail.endswith((" is", " was")):
        rules.append(_LABEL_BEFORE[2])
        tail = tail[: tail.rindex(" ")].rstrip(" \t:")
    if tail.rstrip(" \t:#=-").endswith(_NUMBER_ENDINGS) or tail.endswith("#") or tail.strip() == "id":
        rules += _LABEL_BEFORE[3:5]
    return rules


class LabelledValueRecognizer(EntityRecognizer):
    """An identifier after any label that names one, whatever the value's format; a value's leading capitals and
    space ("EID 784-...") may be the label itself."""

    def __init__(self):
        super().__init__(supported_entities=["HEALTH_PLAN_ID", "MRN"], name="Fresh15LabelledValueRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        out = []
        for m in _VALUE_AT.finditer(text):
            start, end = m.span()
            if not _value_ok(m.group("v")):
                continue
            head = regex.match(r"[A-Z]{1,5}[ \t]+", m.group("v"))
            # leading capitals are the label's last word when a label ends with them ("Medicare ID 1EG4-..."),
            # else the value's own ("Member ID: HMI 7730-...")
            for cut in ((head.end(), 0) if head else (0,)):
                if cut and not _value_ok(text[start + cut:end]):
                    continue
                window = text[max(0, start + cut - 70):start + cut]
                hit = next(((e, sc) for e, sc, label in _label_rules(window) if label.search(window)), None)
                if hit:
                    out.append(RecognizerResult(entity_type=hit[0], start=start + cut, end=end, score=hit[1],
                                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
                    break
        return out


class _GatedRecognizer(RuleRecognizer):
    """Rules run only on a text that passes a cheap test (a substring count before an expensive regex)."""

    def __init__(self, entity: str, rules: list[Rule], name: str, gate):
        super().__init__(entity, rules, name)
        self._gate = gate

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        return super().analyze(text, entities, nlp_artifacts) if self._gate(text) else []


_DIGIT_NAMES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _digit_words(text: str) -> bool:
    low = text.lower()
    return sum(low.count(w) for w in _DIGIT_NAMES) >= 4


def _id_rules() -> list:
    return [
        LabelledValueRecognizer(),
        RuleRecognizer("LICENSE_NUMBER", [
            # a vehicle's plate or registration: "(plate LKR512)", "rego: ABC 12D"
            Rule(r"\b(?i:(?:number|licen[cs]e|registration|reg\.?)[ \t]+plate|plate|rego|vehicle[ \t]+(?:reg(?:istration)?|"
                 r"plate)|car[ \t]+reg(?:istration)?|VIN)(?:[ \t]+(?i:no\.?|number|#))?[ \t]*[:#]?[ \t]*(?:(?i:is)[ \t]+)?"
                 r"(?P<v>[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5}(?:[ -][A-Z0-9]{1,4})?)(?![\w-])", 0.8, _plate_ok, 0),
        ], "Fresh15PlateRecognizer"),
        _GatedRecognizer("DEVICE_ID", [
            # a value spelled aloud after an identifier label: "serial number... hold on... Z as in zebra, four four ..."
            Rule(r"\b(?:" + _ID_HEAD + r"[ \t]+" + _NUMBER_WORD + r"|(?i:MRN|ID|NHI|NHS))(?:[ \t]+(?i:is|was|it['’]?s))?"
                 r"(?:[ \t]*(?:\.{2,}|…|,|:|-))?" + _FILLER + r"{0,3}[ \t]*(?:\.{2,}|…|,|:)?[ \t]*"
                 r"(?P<v>" + _SPOKEN_TOKEN + r"(?:(?:[ \t]*,[ \t]*|[ \t]+|[ \t]*-[ \t]*)" + _SPOKEN_TOKEN + r"){4,24})\b",
                 0.8, _spoken_ok, regex.IGNORECASE),
        ], "Fresh15SpokenIdRecognizer", _digit_words),
    ]


# ---------------------------------------------------------------------------------------------
# dates


def _spaced_date_ok(value: str) -> bool:
    return " " in value or "\t" in value


def _spaced_digits_date_ok(value: str) -> bool:
    """A date whose digits are spaced: day and month in range, a year from 1900 to 2099."""
    parts = regex.split(r"[/.-]", value.replace(" ", ""))
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    a, b, year = (int(p) for p in parts)
    return 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12 and 1900 <= year <= 2099


def _date_rules() -> RuleRecognizer:
    weekday = r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun)"
    event = (r"(?i:meeting|mtg|conference|conf|appt|appointment|visit|session|huddle|review|call|surgery|procedure|scan|"
             r"infusion|class|consult|booking|clinic|op|operation|induction|c-section|delivery|interview|hearing|"
             r"court[ \t]+date|discharge)")
    return [
        RuleRecognizer("CLINICAL_DATE", [
            # OCR spaces around the separators of a full date: "12 / 04 / 1987", "03 - 06 - 2024"
            Rule(r"(?=\d)(?<![\d/.-])(?P<v>(?:0?[1-9]|[12]\d|3[01])[ \t]{0,2}(?P<s>[/.-])[ \t]{0,2}(?:0?[1-9]|[12]\d|3[01])"
                 r"[ \t]{0,2}(?P=s)[ \t]{0,2}(?:19|20)\d{2})(?![\d/])", 0.85, _spaced_date_ok, 0),
            # every digit OCR-spaced too: "1 2 / 0 4 / 1 9 8 7"
            Rule(r"(?=\d)(?<![\d/.-][ ]?)(?P<v>\d(?:[ ]\d)?[ ]{0,2}(?P<s>[/.-])[ ]{0,2}\d(?:[ ]\d)?[ ]{0,2}(?P=s)[ ]{0,2}"
                 r"[12][ ]\d[ ]\d[ ]\d)(?![ ]?\d)", 0.8, _spaced_digits_date_ok, 0),
        ], "Fresh15SpacedDateRecognizer"),
        RuleRecognizer("SPOKEN_DATE", [
            # a weekday, then the day by its ordinal: "on Monday the eighteenth", "Friday the 12th"
            Rule(r"\b" + weekday + r",?[ \t]+(?i:the[ \t]+)(?P<v>(?i:" + _ORD + r")|\d{1,2}(?i:st|nd|rd|th))\b", 0.8, None, 0),
            # a spoken date of birth with a two-word year: "DOB? seven twelve eighty-eight", "born six three oh one"
            Rule(r"\b(?:date[ \t]+of[ \t]+birth|dob|d\.o\.b\.?|birth[ \t]*(?:day|date)|born(?:[ \t]+on)?)\b[?:,.\s-]*"
                 r"(?:(?:is|was|it['’]?s)[ \t]+)?(?:the[ \t]+)?(?P<v>(?:" + _NUMW + r"|" + _ORD + r")[ \t,-]+(?:of[ \t]+)?"
                 r"(?:" + _NUMW + r"|" + _ORD + r")[ \t,-]+(?:" + _YEARW + r"|" + _TENS + r"(?:[ \t-]" + _UNIT
                 + r")?|oh[ \t-]" + _UNIT + r"))\b", 0.8, None, regex.IGNORECASE),
        ], "Fresh15SpokenDateRecognizer"),
        RuleRecognizer("CUED_DATE", [
            # a month/day before a meeting or appointment noun: "for the 3/8 family mtg", "3/12 appt"
            Rule(r"(?<![\d/.])(?P<v>" + _PARTIAL + r")(?![\d/])[ \t]+(?:(?i:family|team|care|follow[- ]?up|f/u|clinic|"
                 r"case|discharge|planning|tumou?r[ \t]+board|mdt|goals[ \t]+of[ \t]+care|gyn|ob|dental|eye|pre-?op)"
                 r"[ \t]+){0,2}" + event + r"\b", 0.7, None, 0),
        ], "Fresh15EventDateRecognizer"),
    ]


def fresh15_recognizers() -> list:
    return [Fresh15Recognizer()]


class Fresh15Recognizer(CombinedRecognizer):
    """Every fresh-15 recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Fresh15Recognizer", [*_id_rules(), *_date_rules(), *_name_rules(), *_place_rules(), TableColumnRecognizer(),
                         SpeakerTagRecognizer(), LetterSpacedFormRecognizer(), SpelledNameRecognizer(), PostcodeTownRecognizer()])
