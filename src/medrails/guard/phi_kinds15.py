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
"""

from __future__ import annotations

import unicodedata

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_kinds7 import _NUMW, _ORD, _TENS, _UNIT, _YEARW
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

# a name word: capitalized or ALL CAPS, accents, apostrophes and hyphenated parts ("O'Sullivan-Park", "Rāwiri")
_NAMECAP = r"\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*"
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'’]*\p{Ll}[\p{Ll}\p{M}'’]*(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*"
_CITY = r"\p{Lu}\p{Ll}[\p{L}\p{M}'’]*(?:-(?:\p{Ll}{1,5}-)*\p{Lu}?[\p{L}\p{M}'’]+)*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}\p{M}'’-]+){0,2}"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_PARTICLE = r"(?:van|von|der|den|de|da|das|dos|do|del|della|di|du|la|le|bin|binti|al|el|ter|ten|St\.?)"

_ENGLISH_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Tce|"
                   r"Crescent|Cres|Close|Cl|Gardens|Gdns|Grove|Gr|Mews|Rise|Parade|Pde|Wynd|Lawn|Green|Hill|View|Vale|"
                   r"Walk|Row|Square|Sq|Quay|Esplanade|Promenade|Circuit|Cct|Chase|Heights|Park|Highway|Hwy|Path|Track|"
                   r"Trail|Loop|Circle|Cir|Parkway|Pkwy|Alley|Brae|Dene|Glade|Croft|Drove|Garth|Loke|Ridge|Rd\.|St\.)")
# street types that come before the street's name (Romance languages): "7 avenue des Tilleuls", "12 Calle del Sol"
_LEADING_STREET = (r"(?i:rue|avenue|av\.|ave\.|boulevard|bd|bld|chemin|allée|allee|impasse|place|quai|route|cours|"
                   r"calle|c/|avenida|avda\.?|paseo|camino|carrera|carretera|ronda|plaza|pasaje|rua|travessa|estrada|"
                   r"largo|praça|praca|alameda|via|viale|piazza|corso|vicolo|strada|piazzale|lungomare)")
_HOUSE_PARTICLE = r"(?:na|an|a['’]|ar|mo|y|yr|i|de|la|le|du|van|von|der|am|im|an|on|the|of)"
_ROMANCE_LINK = (r"(?:(?i:de|des|du|de[ \t]+la|de[ \t]+l['’]|d['’]|del|de[ \t]+los|de[ \t]+las|da|do|dos|das|di|della|"
                 r"dei|degli|delle|la|le|les|l['’]|el|los|las|san|santa|são|sao)[ \t]*)")

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


# the words a scheme's name is made of (a cheap test before the scheme regex runs)
_SCHEME_WORDS = frozenset("""
cpf cnpj rg cns curp rfc nss nir insee dni nie nif rut run cuil cuit dpi ine bsn pesel ahv avs eid emirates iqama cnic
nicop nic nin nino tfn ird nhi nhs chi ihi ppsn uhid nik ktp mykad hkid nric tc kimlik personnummer cpr ssn sin tin abha
aadhaar aadhar philhealth sss umid gsis ohip phn hcn msp ramq uli amka egn jmbg oib medicare medicaid carte vitale
codice fiscale tessera sanitaria sécurité securité sécurite securite social national passport identity id card ic dui
cin cni mcr cédula cedula carnet documento
""".split())
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


# ---------------------------------------------------------------------------------------------
# names

# a person named by a role field label, in English or another language
_PERSON_LABEL = (r"(?i:client|consumer|member|resident|child|infant|service[ \t]+user|customer|participant|enrollee|"
                 r"beneficiary|insured|subscriber|claimant|applicant|employee|student|guardian|parent|mother|father|"
                 r"caregiver|carer|spouse|next[ \t]+of[ \t]+kin|nok|informant|patient|pt|tangata[ \t]+whaiora|whaiora|"
                 r"(?:patient|full|client|member|resident|child)['’]?s?[ \t]+name|name|nombre|paciente|nome|utente|"
                 r"patiente?|naam|navn|nimi|nom|pr[ée]noms?|nom[ \t]+(?:de[ \t]+naissance|d['’]usage)|nombres?|apellidos?|"
                 r"nombre[ \t]+del[ \t]+paciente|nome[ \t]+(?:completo|do[ \t]+paciente)|cognome|vorname|nachname|"
                 r"cliente|usu[aá]rio|assur[ée]e?|b[ée]n[ée]ficiaire|bewohner(?:in)?|"
                 r"versicherte[rn]?|patientin)")
_NOT_FIELD_WORD = (r"(?!(?:DOB|D\.O\.B|MRN|Sex|Age|ID|NHS|UR|URN|NHI|Gender|Date|Ward|Bed|Room|Rm|Unit|Tel|Ph|Phone|"
                   r"Visit|Member|Policy|Group|Plan|Address|Dx|Hosp|Hospital|Record|File|Acct)\b)")
_FIELD_NAME = (r"(?P<v>" + _NOT_FIELD_WORD + _NAMECAP + r",[ \t]*" + _NOT_FIELD_WORD + _NAMECAP + r"(?:[ \t]+"
               + _NOT_FIELD_WORD + r"(?:\p{Lu}\.?|" + _NAMECAP + r"))?|" + _NOT_FIELD_WORD + _NAMECAP
               + r"(?:[ \t]{1,3}(?:\p{Lu}\.[ \t]{1,3})?(?:" + _PARTICLE + r"[ \t]+)*" + _NOT_FIELD_WORD + _NAMECAP + r"){1,3})")
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Sister|Nurse|Mdm|Mme|Mlle|Rev)"
# honorifics and kinship titles of other languages (and English kin words that precede a name like a title)
_HONORIFIC = (r"(?i:doña|dona|don(?=[ \t]+\p{Lu})|se[ñn]ora|se[ñn]or|senhora|senhor|sra\.?|sr\.?|srta\.?|seu|tia|tio|tía|"
              r"tío|titi|vov[óô]|v[óô]|av[óô]|abuela|abuelo|abuelita|abuelito|nonna|nonno|madame|mme\.?|mlle\.?|monsieur|"
              r"herr|frau|signora|signor|sig\.ra|sig\.|mevrouw|meneer|mevr\.?|dhr\.?|mama|baba|bibi|mzee|mdm\.?|madam|"
              r"aunty|auntie|tita|tito|lola|lolo|kuya|nana|nan|gran|granny|oma|opa|bubbe|zayde|babcia|dziadek|babushka|"
              r"dedushka|yiayia|pappou|teta|tetka|ciocia|wujek|amca|teyze|abla|ammi|abbu|nani|dadi|chacha|chachi|mausi|"
              r"mami|papi|mamie|papy|tante|onkel|oom|tannie|ouma|oupa|koro|kuia|whaea|matua|kaka|dada|shangazi|mjomba)")
_CLOSING = (r"(?i:thanks?(?:[ \t]+(?:you|again|so[ \t]+much|a[ \t]+lot))?(?:[ \t]+(?:sir|ma['’]?am|madam|doctor|doc|dr|"
            r"nurse|all|everyone))?|thank[ \t]+you(?:[ \t]+(?:sir|ma['’]?am|madam|doctor|doc|dr|nurse|so[ \t]+much|"
            r"very[ \t]+much))?|many[ \t]+thanks|regards|kind[ \t]+regards|warm[ \t]+regards|best(?:[ \t]+(?:regards|"
            r"wishes))?|sincerely|yours(?:[ \t]+(?:sincerely|faithfully|truly))?|cheers|warmly|love|god[ \t]+bless|"
            r"blessings|take[ \t]+care|thanking[ \t]+you|respectfully|gracias|muchas[ \t]+gracias|saludos|atentamente|"
            r"obrigad[oa]|abraços|merci(?:[ \t]+beaucoup)?|cordialement|bien[ \t]+à[ \t]+vous|grüße|viele[ \t]+grüße|"
            r"mit[ \t]+freundlichen[ \t]+grüßen|ngā[ \t]+mihi|nga[ \t]+mihi|salamat|asante(?:[ \t]+sana)?|shukran|"
            r"dhanyavaad|grazie|dank[ \t]+je(?:[ \t]+wel)?|tack|takk)")
_RELATION = (r"(?i:mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|caregiver|carer|aunt|"
             r"uncle|grandma|grandmother|grandpa|grandfather|granddaughter|grandson|niece|nephew|guardian|friend|"
             r"neighbou?r|fianc[ée]e?|spouse|cousin|stepmom|stepdad|stepson|stepdaughter|flatmate|roommate|mate|boss)")


def _words_ok(value: str) -> bool:
    """Every word of a name (commas, brackets and initials aside) could be a name."""
    words = [w for w in regex.split(r"[ \t,]+", value) if w and not regex.fullmatch(r"\p{Lu}\.?", w)]
    return bool(words) and all(regex.fullmatch(_PARTICLE, w) or name_words_ok(w) for w in words)


def _given_or_words_ok(value: str) -> bool:
    """A lower-case word needs to be a known given name; a capitalized one needs only to be no common word."""
    from medrails.guard.phi_given_names import is_given_name

    word = value.split()[0]
    if word.islower() and not is_given_name(word):
        return False
    return _words_ok(value)


def _lower_full_name_ok(value: str) -> bool:
    """A lower-case "given surname": a lexicon given name that is no English word, then a word that is none either."""
    from medrails.guard.phi_given_names import _common_words, is_given_name
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    first, last = value.split()[0], value.split()[-1]
    if not is_given_name(first) or first in NAME_LIKE_WORDS or first in _common_words():
        return False
    if last.rstrip("-") in _common_words() or last in NAME_LIKE_WORDS:
        return False
    return _words_ok(value)


def _sender_ok(value: str) -> bool:
    return _words_ok(value) and not all(w.lower() in _DEPARTMENT_WORDS for w in value.split())


def _name_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("FORM_NAME", [
            # "Client: Ellsworth, Pearl   Visit date", "Member: Aurelio Fuentes-Ibarra   Member ID", "Patient:  John   Smith"
            Rule(r"(?m)(?:^|[ \t]{2,}|\|[ \t]*|\t)" + _PERSON_LABEL + r"[ \t]*:[ \t]*" + _FIELD_NAME
                 + r"(?=[ \t]*(?:$|[ \t]{2}|[,(|\t]))", 0.75, _words_ok, 0),
            # a title and an initial with OCR spaces: "Dr  N . Dlamini", "Dr N. K. Osei"
            Rule(r"\b" + _TITLE + r"\.?[ \t]+(?P<v>\p{Lu}[ \t]?\.[ \t]*(?:\p{Lu}[ \t]?\.[ \t]*)*" + _CAP + r")", 0.75,
                 lambda v: name_words_ok(v.split()[-1].split(".")[-1]), 0),
        ], "Fresh15FieldNameRecognizer"),
        RuleRecognizer("CHAT_NAME", [
            # an honorific or kinship title of another language: "doña Lupe", "tia Graça:", "Grupo "Vovó Cida""
            Rule(r"(?=[ \t]+\p{Lu})(?<=(?<![\p{L}])" + _HONORIFIC + r")[ \t]+(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)(?![\p{L}])", 0.65,
                 _words_ok, 0),
            # the display name before an e-mail address, in a header of any language: "De: Beto <beto...@...>"
            Rule(r"(?m)^[ \t>]*(?i:from|de|von|van|da|fra|från|od|от|to|para|an|à|cc|sender|remitente|envoyé[ \t]+par|"
                 r"enviado[ \t]+por)[ \t]*:[ \t]*[\"']?(?P<v>\p{L}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]*){0,3})"
                 r"[\"']?[ \t]*<[^<>\s@]+@", 0.7, _sender_ok, 0),
            # the name line under a closing line: "Thank you sir,\nEmeka (0803 555 7712)", "Regards,\nPriya S"
            Rule(r"(?m)^[ \t]*" + _CLOSING + r"[ \t]*[,.!]*[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<v>" + _CAP + r"(?:[ \t]+(?:\p{Lu}\.?|" + _CAP
                 + r")){0,2})(?=[ \t]*(?:\(|,|$|[-–—|]))", 0.65, _sender_ok, 0),
            # a dash signature with the writer's relation in brackets: "-kasia (his mom)", "— Tom (son)"
            Rule(r"(?:^|[\s.!?])[-–—~][ \t]?(?P<v>\p{L}[\p{L}\p{M}'’-]{1,20}(?:[ \t]+\p{L}\.?)?)[ \t]*(?:\(|,)[ \t]*(?:(?i:"
                 r"his|her|their|the|pt['’]?s|patient['’]?s|your)[ \t]+)?" + _RELATION + r"[ \t]*(?:\)|[.!]*[ \t]*$)", 0.7,
                 _words_ok, regex.MULTILINE),
            # a lower-case full name standing as its own clause: "lol yes. sheila pruitt. mom is"
            Rule(r"(?:^|[.!?:;][ \t]+|\n[ \t]*)(?P<v>[a-z][a-z'’]{2,}[ \t]+[a-z][a-z'’]{2,}(?:-[a-z]{2,})?)(?=[ \t]*(?:[.,!?;]|$))",
                 0.6, _lower_full_name_ok, regex.MULTILINE),
            # a relative named after a place phrase: "the son from ohio, bobby, is flying in"
            Rule(r"\b(?i:the|my|her|his|their|pt['’]?s|patient['’]?s|our)[ \t]+" + _RELATION + r"[ \t]+(?i:from|in|at|"
                 r"out[ \t]+of|up[ \t]+in|down[ \t]+in)[ \t]+[\p{L}'’.-]+(?:[ \t]+[\p{L}'’.-]+)?[ \t]*,[ \t]*(?P<v>\p{L}"
                 r"[\p{L}\p{M}'’-]+(?:[ \t]+\p{L}[\p{L}\p{M}'’-]+)?)[ \t]*,", 0.65, _given_or_words_ok, 0),
            # a lower-case self-introduction with a surname: "im sara lindqvist btw", "this is raj patel from 4B"
            Rule(r"\b(?:i['’]?m|i[ \t]+am|this[ \t]+is|it['’]?s|my[ \t]+name[ \t]+is|name['’]s)[ \t]+(?P<v>[a-z][a-z'’]{1,20}"
                 r"[ \t]+[a-z][a-z'’-]{1,25})(?=[ \t]*(?:[,.!?(]|$|btw\b|here\b|from\b|calling\b|and\b|again\b|"
                 r"the\b|your\b|ur\b))", 0.6, _lower_full_name_ok, regex.IGNORECASE),
        ], "Fresh15ChatNameRecognizer"),
        RuleRecognizer("PERSON", [
            # a capitalised word before an age in brackets: "Maya (3 yo)", "Tama (age 3)", "Ahmed (7 mo)"
            Rule(r"\b(?=\p{Lu}[\p{L}\p{M}'’-]*[ \t]*\()(?P<v>" + _CAP + r")[ \t]*\([ \t]*(?:(?i:age|aged)[ \t]*:?[ \t]*"
                 r"\d{1,3}(?:[ \t]*(?i:yo|y/o|yrs?|years?|"
                 r"mo|months?|wks?|weeks?))?|\d{1,3}[ \t]*(?i:yo|y/o|y\.o\.|yrs?(?:[ \t]+old)?|years?[ \t]+old|mo|months?"
                 r"(?:[ \t]+old)?|wks?|weeks?[ \t]+old))[ \t]*\)", 0.65, _words_ok, 0),
        ], "Fresh15AgeBracketNameRecognizer"),
    ]


# ---------------------------------------------------------------------------------------------
# places


def _place_ok(value: str) -> bool:
    """The place's own name: its last word no common, medical or service word ("came home from Rehab" is none)."""
    from medrails.guard.phi_given_names import _common_words
    from medrails.guard.phi_suppression import _is_medical_token

    words = [w for w in value.replace("’", "'").split() if w.lower() not in {"the", "of", "and", "&"}]
    if not words:
        return False
    last = regex.sub(r"'s$", "", words[-1])
    if last.lower() in _common_words() or _is_medical_token(last, True) or last.lower() in _DEPARTMENT_WORDS \
            or last.lower() in _CARE_AREAS:
        return False
    if last.isupper() and len(last) <= 4:
        return False
    return all(name_words_ok(w) or w[:1].isupper() and w.lower() not in _DEPARTMENT_WORDS for w in words)


_AFTER_HEAD = frozenset("""
course day stay medicine admission admissions discharge policy bed beds records record staff ward wards unit units visit
visits acquired based pharmacy follow team chaplain chaplaincy services service system transport number notes note
summary doctor physician nurse nurses social authority trust district board campus site emergency outpatient inpatient
clinic clinics day-case length bill bills charges food gown bag room rooms floor floors corridor car parking entrance
guidelines protocol protocols director manager administration management network group network foundation
""".split())


def _head_first_ok(value: str) -> bool:
    """A facility whose head comes first ("Hospital Universitario La Paz"): the words after it are no English or clinical words
    ("Hospital Course", "Hospital Day 3", "Hospital Medicine")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_given_names import _CALENDAR
    from medrails.guard.phi_suppression import _is_medical_token

    words = value.split()[1:]
    if not words or words[0].lower() in _AFTER_HEAD or words[0].lower() in STOP_WORDS:
        return False
    return all(w.lower() not in _AFTER_HEAD and w.lower() not in _CALENDAR and not _is_medical_token(w)
               and not regex.fullmatch(_ENGLISH_STREET, w) for w in words)


def _acronym_ok(value: str) -> bool:
    from medrails.guard.phi_suppression import _is_medical_token

    return not _is_medical_token(value.split()[0], True)


def _first_word_ok(value: str) -> bool:
    return name_words_ok(value.split()[0])


def _lower_town_ok(value: str) -> bool:
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    return all(name_words_ok(w) and w.lower() not in NAME_LIKE_WORDS and w.lower() not in _NOT_TOWNS
               for w in value.split())


# where a patient goes inside a hospital, never the hospital's name ("taken to Theatre", "brought to Resus")
_CARE_AREAS = frozenset("""
theatre theater theatres resus resuscitation recovery pacu radiology imaging xray x-ray ct mri endoscopy cath cathlab lab
labs dialysis ward wards unit triage majors minors ambulatory obs observation maternity labour labor delivery nicu scbu
picu icu hdu ccu cicu sicu micu ed er ae a&e casualty emergency outpatients inpatients clinic pharmacy surgery rehab
physio psych psychiatry oncology cardiology medicine neurology orthopaedics orthopedics paeds peds pediatrics
paediatrics nursery morgue mortuary chapel reception admissions discharge lounge bay bed room
""".split())
_NOT_TOWNS = frozenset("""
town city bed hospital rehab care home house place room school work church jail prison shelter hotel motel bathroom
kitchen garden yard garage basement attic car truck van hospice icu er ed ward floor apartment unit flat trailer camp
country village state county area region suburbs downtown uptown pain trouble love tears distress bits general
""".split())


def _place_rules() -> list[RuleRecognizer]:
    head = (r"(?:Hospital|Infirmary|Medical[ \t]+Cent(?:er|re)|Health[ \t]+(?:Sciences[ \t]+)?Cent(?:er|re)|"
            r"Health[ \t]+(?:System|Service|Services|Campus)|Medical[ \t]+City|Healthcare|Clinic|Polyclinic|Hospice)")
    transition = (r"(?i:(?:came|come|coming|got|get|went|go|going|sent|back)[ \t]+home[ \t]+from|home[ \t]+from|"
                  r"discharged[ \t]+(?:home[ \t]+)?from|released[ \t]+from|transferred[ \t]+(?:to|from|over[ \t]+to)|"
                  r"transfer[ \t]+(?:to|from)|admitted[ \t]+(?:to|at|in)|readmitted[ \t]+(?:to|at)|hospitali[sz]ed[ \t]+"
                  r"(?:at|in)|taken[ \t]+to|brought[ \t]+(?:in[ \t]+)?to|rushed[ \t]+to|airlifted[ \t]+to|"
                  r"(?:ER|ED|A&E|ICU|emergency[ \t]+(?:room|department)|urgent[ \t]+care|psych[ \t]+ward|maternity)"
                  r"[ \t]+(?:at|in|of)|(?:stay|stayed|staying|stays)[ \t]+at|delivered[ \t]+at|born[ \t]+at|(?:seen|treated|followed|"
                  r"managed|operated[ \t]+on|scanned|scoped|dialy[sz]ed|admitted)[ \t]+(?:over[ \t]+)?at)")
    return [
        RuleRecognizer("FACILITY", [
            # a facility after a hospital transition, with or without its head: "discharged from Mercy Ridge"
            # (the cheap lookahead, a space and a capital, runs before the lookbehind's alternation)
            Rule(r"(?=[ \t]+(?:(?i:the)[ \t]+)?\p{Lu})(?<=\b" + transition + r")[ \t]+(?:(?i:the)[ \t]+)?(?!" + _TITLE
                 + r"\b|Doctor\b|Father\b|Officer\b)(?P<v>(?:(?:St\.?|Saint|Sainte?|San|Santa)[ \t]+)?" + _CAP
                 + r"(?:[ \t]+(?:(?:of|and|&)[ \t]+)?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.65, _place_ok, 0),
            # a saint's name in the possessive is a hospital: "the ER at St. Joseph's" (not "St John's wort")
            Rule(r"\b(?P<v>(?:St\.?|Saint|Sainte?)[ \t]+\p{Lu}\p{Ll}+['’]s?)(?![\p{L}\p{M}])(?![ \t]+(?i:wort|disease|"
                 r"dance|fire|day|eve|cross|fire|college|school|church|cathedral|park|road|street|st\b|avenue|place|"
                 r"square|terrace|lane|parish|primary|catholic|episcopal|chapel|university))", 0.6,
                 lambda v: v.endswith(("'s", "’s", "s'", "s’")), 0),
            # a facility holding "and": "Royal Brisbane and Women's Hospital", "Brigham & Women's Hospital"
            Rule(r"\b(?=" + _CAP + r"[ \t]+(?:" + _CAP + r"[ \t]+){0,2}(?:and|&)[ \t])(?P<v>(?:" + _CAP + r"[ \t]+){1,3}"
                 r"(?:and|&)[ \t]+(?:" + _CAP + r"[ \t]+){0,2}" + head + r")\b", 0.75,
                 _first_word_ok, 0),
            # an acronym before a facility head: "IWK Health Centre", "SKMC Hospital"
            Rule(r"\b(?P<v>[A-Z]{2,6}[ \t]+" + head + r")\b", 0.7, _acronym_ok, 0),
            # the head first (Romance and German order): "Hospital Universitario La Paz", "Clínica Las Condes"
            Rule(r"\b(?P<v>(?:Hospital|Hôpital|Hopital|Clínica|Clinica|Clinique|Sanatorio|Sanatório|Policlínica|"
                 r"Policlinica|Policlínico|Policlinico|Ospedale|Klinikum|Klinik|Centro[ \t]+(?:de[ \t]+)?(?:Sa[uú]de|Salud|"
                 r"M[ée]dico)|Casa[ \t]+de[ \t]+Sa[uú]de|Centre[ \t]+Hospitalier(?:[ \t]+Universitaire)?|Azienda[ \t]+"
                 r"Ospedaliera|Instituto|Institut)(?:[ \t]+" + _ROMANCE_LINK + r")?[ \t]+" + _CAP + r"(?:[ \t]+"
                 + _ROMANCE_LINK + r"?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.65, _head_first_ok, 0),
            # a campus or site after a facility: "Royal Infirmary - Little France Campus", "... Hospital, North Site"
            Rule(r"(?<=(?:Hospital|Infirmary|Cent(?:re|er)|Clinic|Health|Institute|University|College|Campus)[^\n]{0,40}?"
                 r"[ \t][-–,][ \t])(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Campus|Site|Wing|Pavilion|Building))\b", 0.7,
                 None, 0),
        ], "Fresh15FacilityRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # the town after a house-name street line with no number: "Address: Cnoc Mhuire, Ballinamore Road, Carrick-on-Shannon"
            Rule(r"(?<=\b(?i:address|addr|residence|home[ \t]+address)[ \t]*:[ \t]*[^\n\d]{0,80}?[ \t]" + _ENGLISH_STREET
                 + r"\.?[ \t]*,[ \t]*)(?P<v>" + _CITY + r")(?![\p{L}\p{M}])", 0.7, _words_ok, 0),
            # a place in brackets after home: "via EMS from home (Brooklyn Park)"
            Rule(r"\b(?i:home|residence|resides|lives|living|address)[ \t]*\([ \t]*(?P<v>" + _CITY + r")[ \t]*\)", 0.65,
                 _words_ok, 0),
            # a town after a relative's home or a stay with a relative: "at my moms in tacoma", "with her sister in Fresno"
            Rule(r"(?=[ \t]+(?i:in|out[ \t]+in|up[ \t]+in|down[ \t]+in)[ \t])(?<=\b(?i:(?:at|to|from|by)[ \t]+(?:my|his|her|"
                 r"their|our|the[ \t]+pt['’]?s)[ \t]+(?:[\p{L}-]+['’]?s['’]?|(?:[\p{L}-]+[ \t]+)?(?:place|house|home|flat|"
                 r"apartment))|(?:staying|living|lives|live|stays|stay|moved|moving|visiting|been)[ \t]+with[ \t]+(?:my|his|"
                 r"her|their|our)[ \t]+[\p{L}-]+))[ \t]+(?i:in|out[ \t]+in|up[ \t]+in|down[ \t]+in)[ \t]+(?P<v>" + _CITY
                 + r"|[a-z][a-z'’-]{2,}(?:[ \t]+[a-z][a-z'’-]{2,})?)"
                 r"(?=[ \t]*(?:[,.;!?)]|$|this\b|for\b|since\b|until\b|till\b|til\b|and\b|now\b|last\b|next\b|over\b))",
                 0.6, _lower_town_ok, 0),
        ], "Fresh15TownRecognizer"),
        RuleRecognizer("STREET_ADDRESS", [
            # a house name and a street with no number after "Address:": "Address: Cnoc Mhuire, Ballinamore Road,"
            Rule(r"\b(?i:address|addr|residence|home[ \t]+address)[ \t]*:[ \t]*(?P<v>(?:" + _CAP + r"(?:[ \t]+(?:" + _CAP
                 + r"|" + _HOUSE_PARTICLE + r")){0,3},[ \t]*)?" + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|" + _ROMANCE_LINK + r")){0,3}[ \t]+"
                 + _ENGLISH_STREET + r"\.?)(?=[ \t]*[,\n]|[ \t]*$)", 0.75, None, 0),
            # a street whose type comes first: "7 avenue des Tilleuls", "12, Calle del Sol"
            Rule(r"\b(?P<v>\d{1,5}(?:[ \t]?(?:bis|ter|[A-Za-z]))?,?[ \t]+" + _LEADING_STREET + r"[ \t]+(?:" + _ROMANCE_LINK
                 + r")?" + _CAP + r"(?:[ \t]+(?:" + _ROMANCE_LINK + r")?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.8,
                 None, 0),
        ], "Fresh15StreetRecognizer"),
    ]


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


def fresh15_recognizers() -> list:
    return [Fresh15Recognizer()]


# ---------------------------------------------------------------------------------------------
# note-level pass: short forms of a given name, lower-case repeats

_WORD = regex.compile(r"(?<![\p{L}\p{M}'’.-])\p{L}[\p{L}\p{M}]*(?![\p{L}\p{M}]|-\p{L}|['’]\p{L}{2})")
_DIMINUTIVE = ("inha", "inho", "cita", "cito", "ita", "ito", "ie", "ey", "y", "i", "e", "o", "a", "s")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


# pet forms that share no stem with their name (English): the note's "Margaret" makes its "Peggy" a name
_PET_FORMS = {
    "william": {"bill", "billy", "will", "willy", "liam"}, "robert": {"bob", "bobby", "rob", "robbie", "bert"},
    "richard": {"dick", "rick", "ricky", "rich", "richie"}, "margaret": {"peggy", "maggie", "meg", "madge", "greta"},
    "elizabeth": {"betty", "bess", "bessie", "beth", "liz", "lizzie", "libby", "eliza", "betsy"},
    "john": {"jack", "johnny"}, "edward": {"ted", "teddy", "ned", "eddie"}, "sarah": {"sally", "sadie"},
    "mary": {"polly", "molly", "mamie", "mae"}, "henry": {"hank", "harry", "hal"}, "charles": {"chuck", "charlie"},
    "james": {"jim", "jimmy", "jamie"}, "anthony": {"tony"}, "theodore": {"ted", "teddy", "theo"},
    "catherine": {"kate", "katie", "cathy", "kitty"}, "katherine": {"kate", "katie", "kathy", "kitty"},
    "dorothy": {"dot", "dottie", "dolly"}, "patricia": {"patsy", "trish", "pat"}, "alexander": {"sasha", "sandy", "alex"},
    "francis": {"frank", "frankie"}, "frances": {"fran", "fanny"}, "lawrence": {"larry"}, "joseph": {"joe", "joey"},
    "susan": {"sue", "susie"}, "helen": {"nell", "nellie"}, "eleanor": {"nell", "nellie", "ellie"},
    "christopher": {"kit", "chris"}, "josephine": {"jo", "josie"}, "gertrude": {"gertie", "trudy"},
}


def _short_form(short: str, long: str) -> bool:
    """`short` is a short or pet form of `long` (both folded): a stem of it after a diminutive ending opens `long`
    ("winnie" -> "win" of "winifred", "seanie" -> "sean", "gabe" -> "gab" of "gabriel", "cidinha" -> "cid" of "cida"),
    a two-letter head ("wi" of "wiremu"), or it closes `long` ("retta" of "loretta", "lupe" of "guadalupe")."""
    if short == long or len(long) < 4:
        return False
    if short in _PET_FORMS.get(long, ()):
        return True
    if len(short) == 2:
        return long.startswith(short)
    stems = {short}
    for ending in _DIMINUTIVE:
        if short.endswith(ending) and len(short) - len(ending) >= 3:
            stems.add(short[: -len(ending)])
    stems |= {t[:-1] for t in stems if len(t) >= 4 and t[-1] == t[-2]}
    if any(len(t) >= 3 and long.startswith(t) for t in stems):
        return True
    return len(short) >= 4 and long.endswith(short)


def _name_sources(text: str, spans: list) -> tuple[set[str], set[str]]:
    """(given names of the note's NAME spans, folded; lower-case given names as written)."""
    from medrails.guard.phi_given_names import is_given_name

    given, lower = set(), set()
    for s in spans:
        if s.label != "NAME":
            continue
        value = text[s.start:s.end]
        words = _WORD.findall(value)
        if not words:
            continue
        first = words[1] if "," in value and len(words) > 1 else words[0]
        for w in words:
            if (w == first or is_given_name(w)) and len(w) >= 4:
                given.add(_fold(w))
            if w.islower() and is_given_name(w):
                lower.add(w)
    return given, lower


def name_variants(text: str, spans: list, zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the short forms of a given name the note names someone with, and of the other lower-case
    mentions of a lower-case given name; each a word no common, medical or calendar word."""
    from medrails.guard.phi_given_names import _common_words, is_given_name
    from medrails.guard.phi_suppression import _STOP_CAPS, suppression_reason
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    given, lower = _name_sources(text, spans)
    if not given and not lower:
        return []
    covered = [(s.start, s.end) for s in spans]
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if any(a < m.end() and m.start() < b for a, b in covered) or word in _STOP_CAPS:
            continue
        folded = _fold(word)
        if word.islower():
            if word in NAME_LIKE_WORDS or folded in _common_words():
                continue
            # a lower-case short form only when it is itself a given name ("gabe"; "graças" is a word of "Graça")
            hit = word in lower or len(word) >= 4 and is_given_name(word) and any(_short_form(folded, g) for g in given)
        elif word[:1].isupper() and word[1:].islower() or len(word) == 2 and word[0].isupper() and word[1].islower():
            if folded in _common_words() or len(word) == 2 and text[m.end():m.end() + 1] in ".-":
                continue
            hit = any(_short_form(folded, g) for g in given)
        else:
            continue
        entity = "CHAT_NAME" if word.islower() else "GIVEN_NAME"
        # capitalized for the word test: a lower-case given name may end like a verb ("fred", "ted")
        if hit and name_words_ok(word.title()) and not suppression_reason(text, entity, m.start(), m.end(), zones):
            out.append(m.span())
    return out


# ---------------------------------------------------------------------------------------------
# false positives

_HEADER_KIND_AFTER = regex.compile(r"^[ \t]+(?i:chat|transcript|message|messages|note|log|call|consult|summary|thread|"
                                   r"session|conversation|history|record|notes|report|form)\b")
_HEADER_WORDS = frozenset("""
voicemail voice mail message telephone phone call fax letter memo note transcript chat email e-mail portal referral
addendum encounter consult summary log
""".split())
_STATE_WORDS = frozenset("""
upset calm present absent angry sad tired anxious worried tearful distressed emotional supportive agreeable aware unaware
unsure concerned okay ok fine here home away asleep awake quiet teary overwhelmed frustrated relieved happy pleased
grateful thankful hopeful hesitant reluctant agitated irritable confused exhausted scared afraid frightened nervous
crying sobbing reassured engaged involved uninvolved unavailable available busy late early ill unwell sick
""".split())
_ADJECTIVE_ENDING = regex.compile(r"(?:ful|ous|ive|less|able|ible)$")
_JOB_NOUNS = frozenset("""
reviewer approver auditor assessor screener prescriber dispenser preceptor mentor educator champion lead supervisor
designee delegate scheduler biller coder transcriptionist dispatcher operator agent caller sender recipient requester
requestor reporter author writer signatory verifier reviewer reviewers approvers
""".split())
_PAYER_LABEL = regex.compile(r"(?i)(?:medical[ \t]+aid|insurer|insurance(?:[ \t]+(?:company|provider|carrier))?|payer|payor|"
                             r"carrier|health[ \t]+(?:plan|fund|insurer)|(?:insurance|health|medical)[ \t]+scheme|scheme|fund|"
                             r"hmo|ppo|conv[eê]nio|obra[ \t]+social|mutuelle|mutua|krankenkasse|kasse|aseguradora|seguro|"
                             r"prepaga|isapre|eps|plan[ \t]+name|coverage|cover)[ \t]*(?:name)?[ \t]*[:=-][ \t]*$")
_SERVICE_AFTER_TITLE = frozenset("""
line station practitioner practitioners navigator educator manager specialist unit team triage advice hotline helpline
desk call clinic led visit visits lead review assessment rounds note notes documentation handover advisor adviser
consultant prescriber aide assistant associate extender in-charge incharge coordinator
""".split())
_TITLE_BEFORE = regex.compile(r"\b(?:Nurse|Dr|Doctor|Sister|Matron|Midwife)\.?[ \t]+$")
_GERMAN_WORDS = frozenset("""
und für der die das im mit zur zum bis keine kein nicht ist ein eine vom bei nach auf des dem den oder wird wurde sowie
neu aufgetretener großer rechten linken links rechts befund beurteilung empfehlung untersuchung vergleich seit
""".split())
_GERMAN_SLOT = regex.compile(r"(?:\b(?:Herr|Frau|Dr|Prof|Patient(?:in)?|Name|Arzt|Ärztin|OA|CA|Pat)\.?[ \t]*:?[ \t]*|"
                             r"(?i:\b(?:patient|name|vorname|nachname)[ \t]*:[ \t]*))$")
_LABEL_AFTER = regex.compile(r"^[ \t]*:")
_ACCENTED_LOWER_AFTER = regex.compile(r"^[ \t]+[^\x00-\x7f\s]")
_DEVICE_BEFORE = regex.compile(r"(?i)\b(?:port|trocar|technique|method|approach|incision|repair|stitch|suture|clamp|retractor|"
                               r"maneuver|manoeuvre|position|procedure|closure|anastomosis|needle|catheter|tube|cannula|"
                               r"blade|forceps|scale|score|classification|criteria|grade|test|sign|operation|fixation|"
                               r"flap|graft|plate|nail|entry|insufflation|device|dilator|speculum|tonometry|splint|"
                               r"brace|view|projection)[ \t]*\([ \t]*$")
_DEPARTMENT_WORDS = frozenset("""
portal support team desk services service office billing scheduling admin administration helpdesk help notifications
notification reception records enquiries inquiries appointments booking bookings accounts payments access customer
pharmacy nursing triage intake referrals referral coordination operations informatics no-reply noreply mailbox inbox
hub unit department dept care centre center patient member relations experience feedback messaging alerts system
""".split())
_AREA_CUE_BEFORE = regex.compile(r"(?i)\b(?:to|in|into|from|at|via|through)[ \t]+(?:the[ \t]+)?$")
_SCALE_SCORE_AFTER = regex.compile(r"^[ \t]*(?:(?i:score|scale)[ \t]*)?[:=]?[ \t]*(\d{1,3})[ \t]*/[ \t]*(\d{1,3})\b")
_ORIENTATION = regex.compile(r"^(?i:a[ \t]*&?[ \t]*o[ \t]*x?[ \t]*[1-4]?|aox[1-4])$")
_QUANTITY_AFTER = regex.compile(r"^[ \t]*(?i:kcal|cal|calories|kj|steps|ml|cc|mg|mcg|units?|g|grams|mmol|iu)\b")


_GERMAN_PLACE = regex.compile(r"(?i)klinik|krankenhaus|spital|hospital|praxis|zentrum|universit|institut|heim\b|stift")
_GERMAN_NOUN = regex.compile(r"(?:ung|heit|keit|schaft|tion|ismus|tät|ierung|ergüsse|befund|knoten)$")
_GERMAN_ARTICLE_BEFORE = regex.compile(r"(?i)\b(?:im|zur|zum|der|die|das|des|dem|den|keine|kein|eine|ein|mit|bei|nach|vom)[ \t]+$")
_LABEL_WORDS = frozenset("""
specimen specimens technique findings finding indication indications procedure procedures impression disposition dispo
course plan reason motif diagnosis diagnoses history exam examination assessment recommendation recommendations comments
comment remarks notes note summary signature vitals allergies medications meds labs imaging gross microscopic clinical
source site status outcome type category priority service location unit ward bed room date time provider physician
attending referring reviewer result results interpretation conclusion conclusions background situation request
requested complaint subjective objective investigations investigation management treatment therapy follow-up followup
diet activity precautions code lines drips vent sedation skin access wounds wound safety goals goal education consent
edad idade âge alter sexo sexe geschlecht género genero fecha data datum telefone teléfono telefono téléphone telefon
dirección direccion endereço endereco adresse anschrift ciudad cidade ville stadt médico medico arzt diagnóstico
diagnostico motivo motif befund beurteilung procedencia nacionalidad nationalité estado profesión profissão beruf
ocupación ocupacion servicio serviço service station cama leito lit habitación quarto chambre zimmer
""".split())


def _german_text(text: str) -> bool:
    words = regex.findall(r"\p{L}+", text[:3000].lower())
    return sum(w in _GERMAN_WORDS for w in words) >= 4


def kind15_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-15 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    if entity in ("PHONE_NUMBER", "DATE_TIME", "CLINICAL_DATE") and regex.fullmatch(r"\d{3,5}[ \t]*[-–][ \t]*\d{3,5}", value) \
            and _QUANTITY_AFTER.match(after):
        return "a quantity range ('1800-2000 kcal'), no phone or date"
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY"):
        return None
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    from medrails.guard.phi_given_names import is_given_name

    if _ORIENTATION.match(value.strip()):
        return "orientation notation ('A&Ox4')"
    if len(tokens) == 1 and _HEADER_KIND_AFTER.match(after) and (before.endswith("[") or regex.search(r"(?:^|\n)[ \t]*\[?$", before)) \
            and not is_given_name(words[0]):
        return "a document-type word in a header ('[Telehealth chat transcript]')"
    if entity == "CHAT_NAME" and len(tokens) == 1 and value.islower() and (
            words[0] in _STATE_WORDS or _ADJECTIVE_ENDING.search(words[0]) and len(words[0]) > 5):
        return "a state adjective after a kinship word ('wife tearful')"
    if len(tokens) == 1 and words[0] in _JOB_NOUNS:
        return "a job title ('Pharmacist Reviewer')"
    line_before = before.rsplit("\n", 1)[-1]
    if _PAYER_LABEL.search(line_before) and entity != "FACILITY":
        return "a payer after a payer label ('Medical aid: Discovery')"
    if len(tokens) == 1 and words[0] in _SERVICE_AFTER_TITLE and _TITLE_BEFORE.search(before):
        return "a service after a title ('Nurse Line', 'Nurse Practitioner')"
    if entity in ("PERSON", "ORGANIZATION", "LOCATION") and _german_text(text) and not _GERMAN_SLOT.search(before) \
            and "," not in value and not any(is_given_name(w) for w in words) and not _GERMAN_PLACE.search(value) \
            and (entity != "LOCATION" or _GERMAN_NOUN.search(value) or _GERMAN_ARTICLE_BEFORE.search(before)):
        return "a capitalised noun of a German text ('Im Verlauf', 'Tumorkonferenz')"
    if len(tokens) == 1 and _LABEL_AFTER.match(after) and regex.search(r"(?:^|\n|[ \t]{2,}|\t|\|)[ \t]*$", before) \
            and not is_given_name(words[0]):
        from medrails.guard.phi_suppression import _is_medical_token

        if _is_medical_token(words[0], True) or words[0] in _LABEL_WORDS:
            return "a field label opening a line or a column ('Specimen:', 'Edad:')"
    if len(tokens) == 1 and words[0] in _SCHEME_WORDS and regex.match(r"^[ \t]*(?:no\.?|number|#|n[°º])?[ \t]*[:#]?[ \t]*[A-Z0-9]",
                                                                    after, regex.I) and any(c.isdigit() for c in after[:12]):
        return "an identifier scheme's name before its number ('Cédula: 1.023...')"
    if len(tokens) == 1 and entity in ("PERSON", "ORGANIZATION", "LOCATION") and _ACCENTED_LOWER_AFTER.match(after):
        from medrails.guard.phi_suppression import _opens_sentence

        if _opens_sentence(text, start) and not is_given_name(words[0]):
            return "a sentence opener before a lower-case word ('Préfère être')"
    if len(tokens) == 1 and _DEVICE_BEFORE.search(before) and after.lstrip().startswith(")"):
        return "an eponym in brackets after an instrument or technique ('port (Hasson)')"
    if len(tokens) == 1 and words[0] in _CARE_AREAS - {"ward", "chapel", "bed", "room", "bay"} \
            and _AREA_CUE_BEFORE.search(before) and not _TITLE_BEFORE.search(before):
        return "a care area after a transfer ('taken to Theatre', 'back from Resus')"
    if len(tokens) >= 3 and "-" in tokens and entity != "FACILITY":
        from medrails.guard.phi_suppression import _is_medical_token

        if all(w in _HEADER_WORDS or w in _DEPARTMENT_WORDS or w in _SERVICE_AFTER_TITLE or _is_medical_token(w, True)
               for w in words if w != "-"):
            return "a note header of service words ('Voicemail - Diabetes Nurse Line')"
    if all(w in _DEPARTMENT_WORDS for w in words) and entity != "FACILITY":
        return "a department or service as a sender ('Patient Portal Support')"
    if len(tokens) == 1 and (m := _SCALE_SCORE_AFTER.match(after)) and int(m.group(1)) <= int(m.group(2)) \
            and not is_given_name(words[0]) and not _TITLE_BEFORE.search(before) \
            and (int(m.group(2)) > 12 or int(m.group(1)) > 31):  # "Dr Berg 4/12" is a name and a date
        return "an assessment scale with its score ('Berg 41/56')"
    return None


class Fresh15Recognizer(EntityRecognizer):
    """Every fresh-15 recognizer behind one registry entry (the analyzer's per-recognizer overhead is paid once)."""

    def __init__(self):
        self._parts = [*_id_rules(), *_date_rules(), *_name_rules(), *_place_rules(), TableColumnRecognizer(),
                       SpeakerTagRecognizer(), LetterSpacedFormRecognizer(), SpelledNameRecognizer(),
                       PostcodeTownRecognizer()]
        entities = sorted({e for part in self._parts for e in part.supported_entities})
        super().__init__(supported_entities=entities, name="Fresh15Recognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = [r for part in self._parts for r in part.analyze(text, entities, nlp_artifacts)]
        for r in results:  # the analyzer keeps only results whose recognizer id it knows
            r.recognition_metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return results
