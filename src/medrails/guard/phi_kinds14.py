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
"""

from __future__ import annotations

import functools

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'’-]*\p{Ll}[\p{Ll}\p{M}'’-]*"
_UPW = r"\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}"  # a word in capitals ("MOLEFE", "O'NEIL", "QURESHI-BLOOM")
_LOW = r"[a-z][a-z'’-]+"
_PARTICLES = r"(?:VAN|VON|DER|DEN|DE|DA|DI|DU|DEL|DOS|DAS|LA|LE|BIN|BINTI|AL|EL|van|von|der|den|de|da|di|du|del|dos|das|la|le|bin|al|el)"
_DIG = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"


def _result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity_type=entity, start=start, end=end, score=score, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})


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
_DATE_SHAPE = regex.compile(r"^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2})$")
_DECIMAL = regex.compile(r"\d\.\d{1,2}(?:/|$)|^\d+[.,]\d+$")


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


# ---------------------------------------------------------------------------------------------
# facilities

_CAPS_HEADS = (r"(?:(?:MEDICAL|HEALTH|COMMUNITY[ \t]+HEALTH|IMAGING|DIAGNOSTIC|SURGICAL|SURGERY|DIALYSIS|CANCER|EYE|DENTAL|"
               r"REHAB(?:ILITATION)?|WELLNESS|HEART|WOMEN['’]?S|CHILDREN['’]?S|FAMILY|CARE|BIRTH|ENDOSCOPY|SLEEP|INFUSION|"
               r"RADIOLOGY|PAIN|SPINE|VEIN|KIDNEY|FERTILITY|ORTHOP(?:A)?EDIC|CARDIAC|SPECIALIST|SPECIALTY|MULTISPECIALITY|"
               r"MULTISPECIALTY|PRIMARY[ \t]+CARE)[ \t]+(?:CENTER|CENTRE|INSTITUTE|CLINIC|CLINICS|GROUP|ASSOCIATES|PRACTICE|"
               r"HOSPITAL|PARTNERS|SPECIALISTS|SURGERY)|HOSPITALS?|CLINIC|CLINICS|POLYCLINIC|INFIRMARY|HOSPICE|"
               r"MEDICAL[ \t]+(?:GROUP|PRACTICE)|(?:FAMILY|INTERNAL|SPORTS|INTEGRATIVE)[ \t]+MEDICINE|FAMILY[ \t]+(?:HEALTH|"
               r"PRACTICE|DOCTORS)|HEALTH(?:CARE)?|ORTHOP(?:A)?EDICS|CARDIOLOGY|DERMATOLOGY|P(?:A)?EDIATRICS|"
               r"UROLOGY|ONCOLOGY|NEUROLOGY|GASTROENTEROLOGY|RHEUMATOLOGY|PODIATRY|CHIROPRACTIC|PHYSIOTHERAPY|AUDIOLOGY|"
               r"OPTOMETRY|DENTISTRY|PHARMACY|CHEMIST|SURGERY|PRACTICE|ASSOCIATES|INSTITUTE|LABORATORY|LABORATORIES)")
_CAPS_WORD = r"(?:[\p{Lu}0-9][\p{Lu}\p{M}0-9'’&.-]*[\p{Lu}\p{M}]|ST\.|MT\.)"
_CAPS_FACILITY = regex.compile(r"(?:(?<=^[ \t]*)|(?<=[ \t]{2}|[|:][ \t]*|[ \t][-–—][ \t]))(?P<v>(?:" + _CAPS_WORD
                               + r"[ \t]+){1,5}" + _CAPS_HEADS + r")(?![\p{L}\d])", regex.MULTILINE)
# facilities named head first: French, Spanish, Portuguese, Italian, German, Dutch (capitals or title case)
_HEAD_FIRST = (r"(?:LABORATOIRE|Laboratoire|CLINIQUE|Clinique|H[ÔO]PITAL|H[ôo]pital|CENTRE[ \t]+HOSPITALIER|"
               r"Centre[ \t]+[Hh]ospitalier|CL[ÍI]NICA|Cl[íi]nica|POLICL[ÍI]NICA|Policl[íi]nica|HOSPITAL|Hospital|SANATORIO|"
               r"Sanatorio|KLINIKUM|Klinikum|KRANKENHAUS|Krankenhaus|OSPEDALE|Ospedale|POLICLINICO|Policlinico|ZIEKENHUIS|"
               r"Ziekenhuis|(?:CENTRO|Centro|POSTO|Posto)[ \t]+(?:DE|de)[ \t]+(?:SA[ÚU]DE|Sa[úu]de|SALUD|Salud)|"
               r"(?:UNIDADE|Unidade)[ \t]+(?:B[ÁA]SICA|B[áa]sica)[ \t]+(?:DE|de)[ \t]+(?:SA[ÚU]DE|Sa[úu]de)|"
               r"(?:CABINET|Cabinet)[ \t]+(?:M[ÉE]DICAL|m[ée]dical)|(?:MAISON|Maison)[ \t]+(?:DE|de)[ \t]+(?:SANT[ÉE]|sant[ée])|"
               r"Praxis|PRAXIS)")
_HEAD_PARTICLE = r"(?:de|du|des|la|le|les|del|do|da|dos|das|di|della|van|von|der|St\.?|Ste\.?|DE|DU|DES|LA|LE|DEL|DO|DA|DI)"
_HEAD_FIRST_FACILITY = regex.compile(r"\b(?P<v>" + _HEAD_FIRST + r"(?:[ \t]+" + _HEAD_PARTICLE + r")?(?:[ \t]+(?:"
                                     + _HEAD_PARTICLE + r"[ \t]+)?\p{Lu}[\p{L}\p{M}'’.-]*){1,5})(?![\p{L}])")
# words that say what kind of place, not which one, in the languages above
_FOREIGN_GENERIC = frozenset("""
biologie biología biologia médicale medicale médical medical medica médica analyses analisis análisis análises
general générale generale geral universitaire universitario universitaria universitário universitária university
universitair regional régional régionale municipal municipale estadual central centrale infantil infantile materno
maternidad maternidade militar civil privado privada public publique público pública santé saude saúde salud
especialidades especialidad spécialisé specializzato hospitalier hospitalière hospitalar nacional national
nationale provincial provinciale departamental distrital comunitario comunitaria familiar familia famille clinique
clinica clínica hospital hôpital centre centro laboratoire laboratorio laboratório praxis medizinisches medizinische
zentrum mutualiste polyclinique the and of & sciences science
""".split())
# a hospital word compounded with what kind it is, the name after it: "Universitätsklinikum Heidelberg"
_COMPOUND_FACILITY = regex.compile(r"\b(?P<v>(?!Hospital)\p{Lu}\p{Ll}{3,}(?:klinikum|krankenhaus|kliniken|spital|ziekenhuis|sjukhus|sykehus)"
                                   r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){1,2})(?![\p{L}])")
_FACILITY_HEAD_WORD = regex.compile(r"(?i)(?:klinikum|krankenhaus|kliniken|spital|hospital|h[ôo]pital|clinic|clinique|"
                                    r"cl[íi]nica|ziekenhuis|centre|center|centro|institut|infirmary|ospedale|policlinico)")
_OCR_LETTERS = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})


def _naming_word(word: str) -> bool:
    """A word that names a place rather than saying what kind of place it is."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_kinds6 import _generic_words
    from medrails.guard.phi_suppression import _is_medical_token

    w = word.translate(_OCR_LETTERS).strip(".,'’()").lower()
    if len(w) < 3 or w in STOP_WORDS or w in _generic_words() or w in _FOREIGN_GENERIC or w in _NOTE_WORDS:
        return False
    parts = [p for p in regex.split(r"[-/]", w) if p]
    if w.endswith(("tion", "sion", "ment", "ness", "ology", "logy", "ics", "ism", "ing")):
        return False  # a common noun ("ANTICOAGULATION CLINIC"): a service, not a place's name
    return not all(_is_medical_token(p, True) for p in parts) and not _foreign_specialty(w)


_NOTE_WORDS = frozenset("""
note notes report reports summary department dept division service services unit ward section program programme
registration patient patients form record records request requisition referral letter certificate notification
discharge admission consult consultation progress operative procedure provider physician nursing nurse visit
emergency urgent diagnostic diagnostics radiology pathology imaging results result laboratory lab critical value
list census handover daily weekly interval transfer intake history physical medicine medical surgical surgery
orthopedics orthopaedics ortho cardiology family general internal primary care specialty specialist multispeciality
multispecialty clinic clinics hospital hospitals health healthcare center centre institute associates practice group
""".split())


_FOREIGN_SPECIALTY = regex.compile(r"(?:logie|log[íi]a|logia|iatrie|iatr[íi]a|chirurgie|cirug[íi]a|chirurgia|medizin|"
                                   r"m[ée]decine|medicina|p[äa]diatrie|pediatr[íi]a|anästhesie|radiologie|urologie)$")


def _foreign_specialty(word: str) -> bool:
    return _FOREIGN_SPECIALTY.search(word.lower()) is not None


def _caps_facility_ok(value: str) -> bool:
    return any(_naming_word(w) for w in value.split())


def _head_first_ok(value: str) -> bool:
    m = regex.match(_HEAD_FIRST, value)
    rest = value[m.end():].split() if m else value.split()
    named = [w for w in rest if not regex.fullmatch(_HEAD_PARTICLE, w)]
    return bool(named) and any(_naming_word(w) and name_words_ok(w.title()) for w in named)


# substrings one of which every facility pattern above needs (a cheap test before the patterns run)
_CAPS_HEAD_KEYS = ("HOSPITAL", "CLINIC", "CENTER", "CENTRE", "INFIRMARY", "HOSPICE", "HEALTH", "MEDIC", "PRACTICE",
                   "SURGERY", "ASSOCIATES", "INSTITUTE", "PHARMACY", "CHEMIST", "LABORATOR", "ORTHOP", "OLOGY", "IATRICS",
                   "PODIATRY", "CHIROPRACTIC", "PHYSIOTHERAPY", "OPTOMETRY", "DENTISTRY", "GROUP", "PARTNERS", "SPECIALISTS",
                   "DOCTORS")
_HEAD_KEYS = ("laborat", "clini", "clíni", "pital", "sanatorio", "klinik", "krankenhaus", "ospedale", "ziekenhuis",
              "centro", "posto", "unidade", "cabinet", "maison", "praxis", "sjukhus", "sykehus")


class FacilityNameRecognizer(EntityRecognizer):
    """Facilities in capitals (a letterhead, a header line) and facilities named head first in other languages."""

    def __init__(self):
        super().__init__(supported_entities=["FACILITY"], name="Fresh14FacilityRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        lowered = text.lower()
        if any(k in text for k in _CAPS_HEAD_KEYS):
            for m in _CAPS_FACILITY.finditer(text):
                if _caps_facility_ok(m.group("v")):
                    results.append(_result(self, "FACILITY", m.start("v"), m.end("v"), 0.75))
        if not any(k in lowered for k in _HEAD_KEYS):
            return results
        for m in _COMPOUND_FACILITY.finditer(text):
            if all(_naming_word(w) and name_words_ok(w) for w in m.group("v").split()[1:]):
                results.append(_result(self, "FACILITY", m.start("v"), m.end("v"), 0.8))
        for m in _HEAD_FIRST_FACILITY.finditer(text):
            value = m.group("v")
            cut = regex.search(r"[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+)*?(?=(?:I{1,3}|IV|V|VI)\b)", value)
            if cut:  # "Medizinische Klinik II": a numbered department after the name ends the name
                value = value[:cut.start()]
            if _head_first_ok(value):
                results.append(_result(self, "FACILITY", m.start("v"), m.start("v") + len(value), 0.9))
        return results


# ---------------------------------------------------------------------------------------------
# names

_HONORIFIC = (r"(?:(?:Mr|Mrs|Ms|Miss|Mme|Mlle|M|Sr|Sra|Srta|Sig|Sig\.ra|Herr|Frau|Dr|Dra|Dott|Dott\.ssa|Tuan|Puan|Encik|"
              r"MR|MRS|MS|MISS|MME|MLLE|SR|SRA|DR|DRA)\.?[ \t]+)")
_NAME_LABELS = (r"(?i:(?:full[ \t]+)?name(?:[ \t]+of[ \t]+(?:patient|client|member))?|patient(?:['’]s)?[ \t]+name|"
                r"nombre(?:s)?(?:[ \t]+(?:completo|del?[ \t]+paciente|de[ \t]+la[ \t]+paciente))?|"
                r"apellidos?(?:[ \t]+y[ \t]+nombres?)?|nome(?:[ \t]+(?:completo|d[oa][ \t]+paciente|d[oa][ \t]+utente))?|"
                r"nom(?:[ \t]+(?:du[ \t]+patient|de[ \t]+(?:la[ \t]+)?patiente?|de[ \t]+naissance|d['’]usage))?|"
                r"pr[ée]nom|patient(?:\(e\)|e)?|paciente|utente|doente|derechohabiente|asegurado|beneficiario|"
                r"naam|navn|namn|nimi|vorname|nachname|cognome|nominativo|nama(?:[ \t]+pesakit)?|pangalan|jina)")
_NAME_WORD = r"(?:" + _UPW + r"|" + _CAP + r")"
# words of a name one space apart, or two where a scanner doubled it (the next word is no field label before a colon)
_NAME_SPACE = r"(?:[ \t]|[ \t]{2}(?=\p{Lu}[\p{L}\p{M}'’-]+(?![\p{L}\p{M}'’-]|[ \t]*:)))"
_LABELLED_NAME = regex.compile(r"\b" + _NAME_LABELS + r"[ \t]*:[ \t]*" + _HONORIFIC + r"?(?P<v>" + _UPW
                               + r"(?:" + _NAME_SPACE + r"(?:" + _PARTICLES + r"[ \t])*" + _NAME_WORD + r"){0,4})"
                               r"(?=[ \t]{2,}|[ \t]*(?:$|\n|,|;|\(|\||/))", regex.MULTILINE)
_ID_FIELD = (r"(?:NRIC(?:/FIN)?|FIN|IC|DOB|D\.O\.B\.?|MRN|UR|URN|NHI|NHS|ID|Hosp|Age|Sex|Born|N[ée]e?|Fecha|Edad|Sexo|"
             r"CPF|CURP|NSS|Idade|Date[ \t]+of[ \t]+birth|Passport|PPSN|SSN|Medicare)\b")
_CAPS_BEFORE_FIELD = regex.compile(r"(?<![\p{L}\d,][ \t]?)(?P<v>" + _UPW + r"(?:[ \t](?:" + _PARTICLES + r"[ \t])*" + _UPW
                                   + r"){1,4})(?=[ \t]{2,}" + _ID_FIELD + r")")
_CERTIFY = regex.compile(r"\b(?i:certify[ \t]+that|certifies[ \t]+that|confirm[ \t]+that|confirms[ \t]+that|"
                         r"this[ \t]+is[ \t]+to[ \t]+(?:certify|confirm)[ \t]+that|examined)[ \t]+" + _HONORIFIC
                         + r"?(?P<v>" + _UPW + r"(?:[ \t](?:" + _PARTICLES + r"[ \t])*" + _UPW + r"){1,4})(?![\p{L}])")
# "MOLEFE, Thandi", "VAN DEN BERG, Anneke": a surname in capitals, a comma, a given name
_CAPS_LAST_FIRST = regex.compile(r"(?<![\p{L}\d])(?P<v>(?:" + _PARTICLES + r"[ \t]+)*" + _UPW + r"(?:[ \t]+" + _UPW
                                 + r")?,[ \t]*\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)?)"
                                 r"(?![\p{L}])(?P<after>[^\n]{0,24})")
_REJECT_NAME = frozenset("""
unknown pending refused anonymous none n/a na not stated withheld confidential redacted unnamed baby infant male female
same see chart above below per record patient self test sample demo
""".split())


def _caps_name_ok(value: str) -> bool:
    words = [w for w in regex.split(r"[\s,]+", value) if w and not regex.fullmatch(_PARTICLES, w)]
    if not words or any(w.lower().strip(".") in _REJECT_NAME for w in words):
        return False
    return name_words_ok(" ".join(w.title() for w in words))


def _given_in(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return any(is_given_name(w) for w in regex.split(r"[\s,]+", value) if w)


class NameFieldRecognizer(EntityRecognizer):
    """Names placed by a form: in capitals after a name label in any language, in capitals before an identifier or
    birth-date field or after "certify that", and "SURNAME, Given" with the surname in capitals."""

    def __init__(self):
        super().__init__(supported_entities=["FORM_NAME"], name="Fresh14NameFieldRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not regex.search(r"\p{Lu}{2}", text):
            return []
        results = []
        lowered = text.lower()
        gates = (":" in text, "  " in text or "\t" in text, "certif" in lowered or "confirm" in lowered or "examined" in lowered)
        for pattern, gate in zip((_LABELLED_NAME, _CAPS_BEFORE_FIELD, _CERTIFY), gates, strict=True):
            if not gate:
                continue
            for m in pattern.finditer(text):
                if _caps_name_ok(m.group("v")):
                    results.append(_result(self, "FORM_NAME", m.start("v"), m.end("v"), 0.8))
        for m in _CAPS_LAST_FIRST.finditer(text) if "," in text else ():
            value, after = m.group("v"), m.group("after")
            placed = regex.match(r"[ \t]*(?:\([ \t]*\d{1,3}[ \t]*[MFmf]?|[ \t]{2,}|,?[ \t]*(?:DOB|D\.O\.B|MRN|Hosp|UR|NHI|"
                                 r"NHS|ID|Age|Bed|Rm|Room)\b|$)", after)
            if regex.match(r"[ \t]+\d(?![\d]{0,2}[ \t]*[MFmf]\b)", after):
                continue  # "MO, Ward 76": a role and a ward, not a name
            if (placed or _given_in(value.split(",", 1)[1])) and _caps_name_ok(value):
                results.append(_result(self, "FORM_NAME", m.start("v"), m.end("v"), 0.75))
        return results


_SELF_INTRO_LANG = (r"(?:ako[ \t]+(?:po[ \t]+)?(?:ay[ \t]+)?si|me[ \t]+llamo|mi[ \t]+nombre[ \t]+es|je[ \t]+m['’]appelle|"
                    r"mon[ \t]+nom[ \t]+est|mein[ \t]+name[ \t]+ist|mi[ \t]+chiamo|il[ \t]+mio[ \t]+nome[ \t]+[èe]|"
                    r"me[ \t]+chamo|meu[ \t]+nome[ \t]+[ée]|mijn[ \t]+naam[ \t]+is|jeg[ \t]+heter|jag[ \t]+heter|"
                    r"nama[ \t]+(?:saya|ku)|ang[ \t]+pangalan[ \t]+ko[ \t]+ay|jina[ \t]+langu[ \t]+ni|ingoa[ \t]+ko|"
                    r"ko[ \t]+(?=\p{Lu}\p{Ll}+[ \t]+(?:ahau|toku))|ismi|benim[ \t]+ad[ıi]m)")
_SELF_INTRO_WEAK = r"(?:soy|je[ \t]+suis|ich[ \t]+bin|sono|sou[ \t]+(?:o|a)|ik[ \t]+ben|c['’]est|aqu[íi][ \t]+(?:habla|es))"
_GREETINGS = (r"(?:kia[ \t]+ora|t[eē]n[aā][ \t]+koe|talofa(?:[ \t]+lava)?|m[aā]lō[ \t]+e[ \t]+lelei|malo[ \t]+e[ \t]+lelei|"
              r"bula(?:[ \t]+vinaka)?|aloha|namaste|namaskar|salaam|salam|as-?salaam?u[ \t]+alaikum|shalom|hola|buenos[ \t]+"
              r"d[íi]as|buenas(?:[ \t]+(?:tardes|noches))?|bonjour|bonsoir|salut|ciao|buongiorno|ol[áa]|bom[ \t]+dia|"
              r"boa[ \t]+tarde|hallo|guten[ \t]+tag|hej|hei|god[ \t]+morgen|merhaba|marhaba|sawubona|molo|dumela|jambo|"
              r"habari|kumusta|magandang[ \t]+(?:umaga|hapon|gabi)|mabuhay|selamat[ \t]+(?:pagi|siang|sore|malam)|"
              r"xin[ \t]+ch[àa]o|ni[ \t]+hao|sat[ \t]+sri[ \t]+akal|vanakkam|sannu|ndewo|bawo|good[ \t]+day|g['’]day|"
              r"howzit|kaixo|dia[ \t]+dhuit)")


_ROMANCE_FUNCTION_WORDS = frozenset("""
de del la el al los las que y o a e en con por para da do das dos du le les des un une una uno est es qui se su sus
""".split())


def _mister_ok(value: str) -> bool:
    """"mister calloway": a name; "el señor de al lado": function words of the sentence, no name."""
    return not any(w in _ROMANCE_FUNCTION_WORDS for w in value.split()) and name_words_ok(value)


def _intro_name_ok(value: str) -> bool:
    return name_words_ok(value)


def _given_first_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    words = value.split()
    return is_given_name(words[0]) and name_words_ok(value)


def _lower_given_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    words = value.split()
    return is_given_name(words[0]) and all(name_words_ok(w) for w in words)


_INTRO_AFTER = r"(?:again|btw|here|calling|speaking|writing|texting|from|frm|fr)"


_SENTENCE_START = regex.compile(r"(?m)^[ \t]*|[.!?:][ \t]+")
_GREETING_NAME = regex.compile(r"(?i:" + _GREETINGS + r")[ \t]*,?[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}"
                               r"[\p{Ll}\p{M}'’-]+)?)(?=[ \t]*(?:[,!.:\n—-]|$))")


class GreetingNameRecognizer(EntityRecognizer):
    """A name after a greeting in another language opening a line or sentence: "Kia ora Hemi,", "Talofa Sione",
    "Hola Marisol," (the greeting is matched only where a sentence starts: a few places per message)."""

    def __init__(self):
        super().__init__(supported_entities=["CHAT_NAME"], name="GreetingNameRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for start in _SENTENCE_START.finditer(text):
            m = _GREETING_NAME.match(text, start.end())
            if m and _intro_name_ok(m.group("v")):
                results.append(_result(self, "CHAT_NAME", m.start("v"), m.end("v"), 0.6))
        return results


def _name_recognizers() -> list:
    chat = RuleRecognizer("CHAT_NAME", [
        # a lower-case writer naming themself, then a word a name takes: "its tomasz again (...)", "im jo btw"
        Rule(r"\b(?:its|it['’]s|this[ \t]+is|im|i['’]m|i[ \t]+am)[ \t]+(?P<v>" + _LOW + r"(?:[ \t]+(?!" + _INTRO_AFTER
             + r"\b)" + _LOW + r")?)(?=[ \t]*\(|[ \t]+" + _INTRO_AFTER + r"\b)", 0.6,
             _lower_given_ok, 0),
        # a lower-case given name before "'s" and a kinship word: "(ana's dad)", "kemi's wife"
        Rule(r"\b(?P<v>" + _LOW + r")['’]s[ \t]+(?:daughter|son|wife|husband|mom|mum|mother|dad|father|sister|brother|"
             r"partner|grandson|granddaughter|grandma|grandpa|niece|nephew|carer|caregiver|aunt|uncle|cousin|friend|"
             r"girlfriend|boyfriend|fianc[ée]e?|neighbou?r|kids?|children|child|baby)\b", 0.6, _lower_given_ok, 0),
        # a self-introduction in another language: "ako po si Marites", "me llamo Inés", "mein Name ist Jonas"
        Rule(r"\b(?i:" + _SELF_INTRO_LANG + r")[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?)",
             0.65, _intro_name_ok, 0),
        Rule(r"\b(?i:" + _SELF_INTRO_WEAK + r")[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?)",
             0.6, _given_first_ok, 0),
        # a lower-case name after "mister" / "missus" or their forms in other languages: "mister calloway is ..."
        Rule(r"\b(?:mister|missus|se[ñn]or|se[ñn]ora|senhor|senhora|monsieur|madame)[ \t]+(?P<v>" + _LOW + r")\b", 0.6,
             _mister_ok, 0),
        Rule(r"\b(?:mister|missus|se[ñn]or|se[ñn]ora|senhor|senhora|monsieur|madame)[ \t]+(?P<v>" + _LOW + r"[ \t]+"
             + _LOW + r")\b", 0.6, _mister_ok, 0),
        # a given name signing a message after a dash at its very end: "... see you then — Anjali"
        Rule(r"(?:^|\s)(?:—|–|--|-|~)[ \t]*(?P<v>\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)[ \t]*\Z", 0.6, _given_first_ok, 0),
    ], "Fresh14ChatNameRecognizer")
    person = RuleRecognizer("FORM_NAME", [
        # the subject of a letter after "Re:" / "Regarding:", before a field, a comma or the line's end
        Rule(r"(?m)^[ \t]*(?i:re|regarding|ref|patient|pt|subject)[ \t]*:[ \t]*" + _HONORIFIC + r"?(?P<v>" + _CAP
             + r"(?:[ \t]+(?:" + _PARTICLES + r"[ \t]+)*" + _CAP + r"){1,3})(?=[ \t]{2,}|[ \t]*[,(;|]|[ \t]+(?i:DOB|D\.O\.B|"
             r"born|MRN|NHS|NHI|UR|URN|Medicare|age|aged)\b|[ \t]*$)", 0.7, name_words_ok, 0),
        # a given name alone in a name field: "Patient: Ana", "Nome: Thiago   Idade: 4"
        Rule(r"(?m)\b(?i:patient|pt|name|client|resident|member|child|baby|infant|nombre|nome|nom)[ \t]*:[ \t]*(?P<v>\p{Lu}"
             r"\p{Ll}[\p{Ll}\p{M}'’-]+)(?=[ \t]*$|[ \t]{2,}|[ \t]*[,(])", 0.7, _given_first_ok, 0),
        # a child or person named before an age in parentheses: "Mia (3 yo)", "Tane (age 6)", "Rosa (4 mo)"
        Rule(r"\b(?P<v>\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)?)[ \t]*\([ \t]*(?:\d{1,2}[ \t]*"
             r"(?:yo|y/o|y\.o\.|yrs?|years?(?:[ \t]+old)?|mo|mos|months?(?:[ \t]+old)?|wks?|weeks?)|(?i:age|aged)[ \t]*"
             r"\d{1,2})[ \t]*\)", 0.65, name_words_ok, 0),
    ], "Fresh14PlacedNameRecognizer")
    return [chat, person, GreetingNameRecognizer()]


# ---------------------------------------------------------------------------------------------
# dictation with capitals in it

_DICTATION_FACILITY_HEADS = (r"(?:family[ \t]+(?:medicine|practice|health(?:[ \t]+cent(?:er|re))?)|medical[ \t]+(?:group|"
                             r"practice|cent(?:er|re)|clinic)|health[ \t]+cent(?:er|re)|clinic|surgery[ \t]+cent(?:er|re)|"
                             r"(?:orthop(?:a)?edics|cardiology|dermatology|urology|oncology|neurology|rheumatology|"
                             r"pediatrics|paediatrics)(?:[ \t]+(?:associates|group|clinic|cent(?:er|re)))?|associates|"
                             r"urgent[ \t]+care|physicians|primary[ \t]+care)")
_DICTATION_FACILITY = regex.compile(r"\b(?:at|from|to|with|copy[ \t]+to)[ \t]+(?:the[ \t]+)?(?P<v>(?:" + _LOW
                                    + r"[ \t]+){1,3}?" + _DICTATION_FACILITY_HEADS + r")\b")


class DictationCapsRecognizer(EntityRecognizer):
    """Dictation lines (spoken punctuation) that hold ALL-CAPS spelling or abbreviations but no capitalised word
    ("... that's F A I R W E A T H E R ... DAS twenty eight ..."): read as the all-lower-case dictation lines are;
    and, in any dictation line, a practice named in lower case ("copy to ... at brookfield family medicine")."""

    def __init__(self):
        from medrails.guard.phi_kinds7 import DictationRecognizer

        self._inner = DictationRecognizer()
        super().__init__(supported_entities=list(DictationRecognizer.ENTITIES), name="DictationCapsRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        from medrails.guard.phi_kinds6 import named_place_ok
        from medrails.guard.phi_kinds7 import _DICTATION, _name_word

        if not _DICTATION.search(text):
            return []
        results: list[RecognizerResult] = []
        pos = 0
        for line in text.split("\n"):
            lower_only = not any(c.isupper() for c in line)
            capsy = not lower_only and not regex.search(r"\b\p{Lu}\p{Ll}", line)
            if len(line) > 60 and capsy:  # the inner recognizer's results, reported as this recognizer's own
                results.extend(_result(self, r.entity_type, r.start, r.end, r.score) for r in self._inner._line(line, pos))
            if len(line) > 60 and (lower_only or capsy):
                for m in _DICTATION_FACILITY.finditer(line):
                    words = m.group("v").split()
                    head = regex.search(_DICTATION_FACILITY_HEADS + r"$", m.group("v")).group()
                    lead = m.group("v")[: len(m.group("v")) - len(head)].split()
                    while lead and not _name_word(lead[0]):
                        lead.pop(0)
                    if not lead or not all(_name_word(w) for w in lead) or not named_place_ok(" ".join(lead)):
                        continue
                    end = pos + m.end("v")
                    start = end - len(" ".join(lead)) - 1 - len(head) if words else end
                    results.append(_result(self, "FACILITY", start, end, 0.7))
            pos += len(line) + 1
        return results


# ---------------------------------------------------------------------------------------------
# places, ages, spoken dates

_EU_STREET = (r"(?:\p{L}*(?:stra(?:ß|ss)e|gasse|platz|gracht|straat|plein|kade|gatan|v[äa]gen|veien|gade|weg|laan|allee)|"
              r"stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|laan|straat|gracht|plein|"
              r"kade|dreef|rue|avenue|boulevard|bd|chemin|impasse|all[ée]e|place|quai|cours|via|viale|piazza|corso|largo|"
              r"calle|avenida|av\.|paseo|plaza|carrer|rua|travessa|pra[çc]a|largo|gatan|gata|v[äa]gen|vej|gade|veien|"
              r"gate|vei|katu|tie|ulica|ul\.|utca|street|road|st|rd)")
_EU_POSTCODE_TOWN = regex.compile(
    r"(?im)(?:\b" + _EU_STREET + r"\b[^\n,]{0,40}?\d{1,4}[a-z]?|^[^\n]*\b" + _EU_STREET + r"\b[^\n]*\n[ \t]*|\b\d{1,4}[a-z]?"
    r"[ \t]+" + _EU_STREET + r"\b[^\n,]{0,40}?)(?:,[ \t]*|[ \t]{2,}|(?<=\n[ \t]*))(?P<zip>(?:[A-Z]{1,2}-)?\d{4,5}"
    r"(?:[ \t]?[A-Z]{2})?)[ \t]+(?P<town>\p{Lu}[\p{L}\p{M}'’.-]+(?:[ \t-](?:(?:am|an|im|sur|sous|de|del|la|le)[ \t])?"
    r"\p{Lu}[\p{L}\p{M}'’.-]+){0,2})(?=[ \t]*(?:$|,|;|\(|\|))")
def _street_name_ok(value: str) -> bool:
    """The street's own name holds no medical word: "Needs 3 Pain Meadows" is no address."""
    from medrails.guard.phi_vocabulary import medical_vocabulary

    words = regex.findall(r"\p{L}+", value)[:-1]
    return not any(w.lower() in medical_vocabulary() or w.lower() in ("pain", "dose", "doses", "units") for w in words)


_NEW_STREETS = (r"(?:Lawn|Heights|Chase|Gate|Glen|Meadows?|Ridge|Point|Landing|Bend|Crossing|Commons|Estate|Hollow|Brae|"
                r"Yard|Wharf|Circus|Drove|Fold|Garth|Ride|Approach|Causeway|Concourse|Glade|Heath|Knoll|Mount|Orchard|"
                r"Ridgeway|Spur|Strand|Vista|Woods?|Downs|Dale|Field|Fields|Boulevarde|Promenade|Cove|Key|Isle|Run|"
                r"Hts|Xing|Cres|Cl|Gr|Pde|Tce|Hwy)")
_LOWER_TOWN_CUE = (r"(?:(?:coming|came|travel(?:l)?ing|driving|drove|flying|flew|moved|moving|returned|returning|"
                   r"back|home)[ \t]+(?:(?:back|down|up|over|out)[ \t]+)?from|(?:moved|moving|relocat(?:ed|ing)|flying|flew|"
                   r"driving|drove|travel(?:l)?(?:ing|ed))[ \t]+to|"
                   r"(?:live|lives|living|lived|staying|stay|stayed|based|visiting)[ \t]+(?:in|at|near)(?:[ \t]+my[ \t]+"
                   r"[a-z]+['’]?s?[ \t]+(?:place[ \t]+|house[ \t]+)?in)?|at[ \t]+my[ \t]+[a-z]+['’]?s?[ \t]+(?:place[ \t]+|"
                   r"house[ \t]+)?in)[ \t]+")
_NOT_TOWN = frozenset("""
home work school church town city village country abroad overseas upstairs downstairs outside inside bed hospital
clinic rehab dialysis surgery hospice there here now today tonight tomorrow yesterday then ages years months weeks
days hours minutes time morning evening night afternoon weekend holiday vacation leave sick pain shock work office
store shop mall market gym beach lake pool park farm camp jail prison court station airport hotel motel shelter
place house apartment flat room ward unit icu er ed pharmacy lab labs appointment visit lunch dinner breakfast
tmrw tmr tmrow tomoz tonite asap soon later nxt next week weekend rn sleep normal nowhere somewhere everywhere
europe asia africa america australia oceania antarctica canada mexico england scotland wales ireland india china
japan brazil germany france spain italy nigeria kenya overseas
""".split())


def _lower_town_ok(value: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_given_names import is_given_name
    from medrails.guard.phi_suppression import _is_medical_token
    from medrails.guard.phi_vocabulary import medical_vocabulary

    w = value.lower()
    if w in _STATES:
        return False  # a state is no PHI (Safe Harbor keeps states)
    return (len(w) >= 4 and regex.search(r"[aeiou]", w) is not None and w not in STOP_WORDS and w not in _NOT_TOWN and w not in medical_vocabulary()
            and not _is_medical_token(w) and not is_given_name(w) and not w.endswith(("ing", "ed", "ly", "s"))
            and name_words_ok(w))


def _place_recognizers() -> list:
    from medrails.guard.phi_kinds7 import _TENS, _UNIT, _YEARW

    dayw = r"(?:(?:twenty|thirty)(?:[\s-]" + _UNIT + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" \
           r"eighteen|nineteen|" + _UNIT + r"|oh[\s-]" + _UNIT + r")"
    year2 = r"(?:" + _YEARW + r"|" + _TENS + r"(?:[\s-]" + _UNIT + r")?|oh[\s-]" + _UNIT + r")"
    return [
        RuleRecognizer("STREET_ADDRESS", [
            # street types the address rules lacked: "12 Birch Lawn", "4 Kestrel Heights", "9 Mill Chase"
            Rule(r"\b(?P<v>\d{1,5}[A-Za-z]?,?[ \t]+(?:" + _CAP + r"[ \t]+){1,3}" + _NEW_STREETS + r")\b(?![ \t]*(?:of|"
                 r"mg|ml|units?)\b)", 0.75, _street_name_ok, 0),
            # a Dutch, German or Nordic street named in one compound word, then its number: "Keizersgracht 12"
            Rule(r"\b(?P<v>\p{Lu}\p{Ll}+(?:gracht|straat|kade|singel|dijk|steeg|plein|markt|stra(?:ß|ss)e|gasse|platz|"
                 r"gatan|v[äa]gen|veien|gade)[ \t]+\d{1,4}[a-zA-Z]?)\b(?![ \t]*(?:mg|ml|units?|%))", 0.75, None, 0),
            # the house number before a French, Spanish or Italian street word in lower case: "12 rue des Lilas"
            Rule(r"\b(?P<v>\d{1,4}(?:bis|ter|[A-Za-z])?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|"
                 r"all[ée]e|place|quai|cours|route|calle|avenida|paseo)[ \t]+(?:(?:de|du|des|la|le|"
                 r"del|de[ \t]+la|di|della|l['’]|d['’])[ \t]*)*\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+(?:(?:de|du|des|la|le|del|di)"
                 r"[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]+){0,3})(?![\p{L}])", 0.75, None, 0),
        ], "Fresh14StreetTypeRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # the town after a street line of those street types: "12 Birch Lawn, Ballincollig"
            Rule(r"\b\d{1,5}[A-Za-z]?,?[ \t]+(?:" + _CAP + r"[ \t]+){1,3}" + _NEW_STREETS + r"\.?,[ \t]*(?P<v>"
                 + _CAP + r"(?:[ -]" + _CAP + r"){0,2})(?=[ \t]*(?:[,.;\n]|$))", 0.65, name_words_ok, 0),
        ], "Fresh14TownAfterStreetRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # a lower-case town after a verb of coming, going or staying: "we are coming from ikeja"
            Rule(r"\b(?i:" + _LOWER_TOWN_CUE + r")(?P<v>[a-z][a-z'’-]{3,20})(?=[ \t]*(?:[,.!?;)]|$|\n|[ \t]+(?:and|but|"
                 r"so|tomorrow|today|tonight|now|next|this|since|until|till|til|for|on|over|all)\b))", 0.55, _lower_town_ok, 0),
        ], "Fresh14LowerTownRecognizer"),
        RuleRecognizer("AGE_OVER_89", [
            # an age over 89 in parentheses after a date of birth: "DOB 02/11/1931 (93 y)"
            Rule(r"\b(?i:DOB|D\.O\.B\.?|born|date[ \t]+of[ \t]+birth|birth[ \t]*date|n[ée]e?[ \t]+le|fecha[ \t]+de[ \t]+"
                 r"nacimiento|geb\.?|geboren)[ \t]*:?[ \t]*[^\n()]{6,24}?[ \t]*\([ \t]*(?P<v>9\d|1[01]\d)[ \t]*"
                 r"(?i:y|yo|y/o|yrs?|years?(?:[ \t]+old)?|a|ans|años|anos|j|jahre)?\.?[ \t]*\)", 0.85, None, 0),
        ], "Fresh14DobAgeRecognizer"),
        RuleRecognizer("SPOKEN_DATE", [
            # a date of birth spoken with a two-word year after its question or label: "dob is seven twelve eighty-eight"
            Rule(r"\b(?i:date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|dob|d\.o\.b\.?|born(?:[ \t]+on)?)\b[^\n\d]{0,30}?"
                 r"\b(?P<v>(?i:" + dayw + r")[ \t,/-]+(?i:" + dayw + r")[ \t,/-]+(?i:" + year2 + r"))\b", 0.75, None, 0),
        ], "Fresh14SpokenDobRecognizer"),
    ]


class EuPostcodeTownRecognizer(EntityRecognizer):
    """The postcode and the town after a European street line: "Schillerstraße 12, 10625 Berlin", "12 rue X\\n69002
    Lyon"."""

    def __init__(self):
        super().__init__(supported_entities=["TOWN_AFTER_STREET"], name="EuPostcodeTownRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not regex.search(r"\d{4,5}[ \t]+\p{Lu}", text):
            return []
        results = []
        for m in _EU_POSTCODE_TOWN.finditer(text):
            if regex.fullmatch(r"(?:19|20)\d{2}", m.group("zip")) or not name_words_ok(m.group("town").replace("-", " ")):
                continue
            results.append(_result(self, "TOWN_AFTER_STREET", m.start("zip"), m.end("zip"), 0.65))
            results.append(_result(self, "TOWN_AFTER_STREET", m.start("town"), m.end("town"), 0.65))
        return results


def _address_ok(value: str) -> bool:
    return regex.search(r"\p{Lu}[\p{L}\p{M}'’.-]{2,}", value) is not None and not _DATE_SHAPE.match(value.strip())


def _unit_recognizers() -> list:
    return [RuleRecognizer("STREET_ADDRESS", [
        # the street line after an address label in another language, a number anywhere in it: "Domicilio: Calle
        # Hidalgo 215 Int. 4", "Endereço: Av. Brasil, 1500, apto 12"
        Rule(r"(?im)\b(?:domicilio|direcci[óo]n|logradouro|endere[çc]o|morada|adresse|anschrift|indirizzo|adres|adress|"
             r"wohnadresse|resid[eê]ncia)[ \t]*:[ \t]*(?P<v>[^\n]*?\d[^\n]*?)(?=[ \t]{2,}|[ \t]*$)",
             0.9, _address_ok, 0),
    ], "Fresh14AddressLabelRecognizer"), RuleRecognizer("FACILITY", [
        # a health unit named by its type and number: "HGZ No. 14", "UMF 22", "CESFAM N° 3", "PHC No. 2"
        Rule(r"\b(?P<v>(?:UMF|UMAA|UMAE|HGZ|HGR|HGO|HGP|UBS|CESFAM|CECOSF)[ \t]*(?:No\.?|N[°º]\.?|Nro\.?|N[úu]m\.?|#)?"
             r"[ \t]*\d{1,4}|(?:USF|UCSP|SAPU|PHC|UHC|CHC|EBAIS|UPA|CAIS|Unidad|Unidade|Centro[ \t]+de[ \t]+Sa[úu]d|"
             r"Clinic|Hospital|Health[ \t]+Cent(?:er|re))[ \t]*(?:No\.?|N[°º]\.?|Nro\.?|N[úu]m\.?|#)[ \t]*\d{1,4})\b"
             r"(?![./-]\d)", 0.75, None, 0),
        # the place after a sending or notifying unit's label: "Unidad que envía: ...", "Unidade notificadora: ..."
        Rule(r"\b(?i:unidad(?:e)?(?:[ \t]+(?:que[ \t]+env[íi]a|que[ \t]+recibe|notificadora|de[ \t]+adscripci[óo]n|"
             r"solicitante|receptora|de[ \t]+origen|de[ \t]+destino|de[ \t]+sa[úu]de|m[ée]dica))?|establecimiento|"
             r"estabelecimento(?:[ \t]+de[ \t]+sa[úu]de)?|sending[ \t]+(?:unit|facility)|referring[ \t]+(?:unit|facility)|"
             r"receiving[ \t]+(?:unit|facility))[ \t]*:[ \t]*(?P<v>\p{Lu}[^\n,;]{2,60}?)(?=[ \t]*(?:,|;|\n|$|[ \t]{2,}))",
             0.7, _unit_place_ok, 0),
        # a GP or dental surgery named in a letterhead line before its address: "Hollins Dental Surgery, BT9 ..."
        Rule(r"(?m)^[ \t]*(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Dental|Medical|Family|Health|GP|Doctors['’]?)?[ \t]*Surgery)"
             r"(?=[ \t]*,)", 0.9, _caps_facility_ok, 0),
        # a facility's campus: "Mercy Hospital - North Campus", "St Vincent's Hospital (Fitzroy Campus)"
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,4}(?:Hospital|Medical[ \t]+Cent(?:er|re)|Health|Healthcare|Clinic|"
             r"Infirmary|University)[ \t]*(?:[-–—,][ \t]*|\([ \t]*)(?:" + _CAP + r"[ \t]+){0,2}Campus)\b", 0.75, None, 0),
    ], "Fresh14UnitFacilityRecognizer")]


def _unit_place_ok(value: str) -> bool:
    return any(c.isdigit() for c in value) or any(_naming_word(w) for w in value.split())


def _parts() -> list:
    return [IdentifierLabelRecognizer(), SpokenIdentifierRecognizer(), SpelledNameRecognizer(), TableColumnRecognizer(),
            OcrDigitRecognizer(), FacilityNameRecognizer(), NameFieldRecognizer(), *_name_recognizers(),
            DictationCapsRecognizer(), *_place_recognizers(), EuPostcodeTownRecognizer(), *_unit_recognizers()]


class Fresh14Recognizer(EntityRecognizer):
    """Every fresh-14 recognizer as one registry entry: the analyzer's per-recognizer bookkeeping (context
    enhancement, thresholds) is paid once, not eighteen times."""

    def __init__(self):
        self._parts = _parts()
        entities = sorted({e for part in self._parts for e in part.supported_entities})
        super().__init__(supported_entities=entities, name="Fresh14Recognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        return [_result(self, r.entity_type, r.start, r.end, r.score)
                for part in self._parts for r in part.analyze(text, entities, nlp_artifacts)]


def fresh14_recognizers() -> list:
    return [Fresh14Recognizer()]


# ---------------------------------------------------------------------------------------------
# false positives

_NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY", "FORM_NAME"})
_SCALE_MAXIMA = frozenset({13, 14, 15, 16, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 33, 35, 36, 40, 42, 45, 48, 50, 52,
                           54, 56, 60, 63, 64, 66, 68, 70, 72, 75, 80, 84, 90, 96, 100, 108, 126, 144, 150, 200})
_SCORE_AFTER = regex.compile(r"^[ \t]*(?:(?i:score|scale|test|total|balance|assessment|index)[ \t]*)?[:=]?[ \t]*"
                             r"(\d{1,3})[ \t]*/[ \t]*(\d{1,3})(?![\d/])")
_SCALE_WORDS = frozenset({"score", "scale", "test", "total", "balance", "assessment", "index", "poma", "mini", "short"})
_ORIENTED = regex.compile(r"^(?i:a[ \t]*&?[ \t]*o|aao|ao)[ \t]*x?[ \t]*[1-4](?:[ \t]*/[ \t]*4)?$")
_NO_AFTER = regex.compile(r"^\.?[ \t]*(?:No\.?|NO\.?|no\.|Nr\.?|N[°º]\.?|#|[Nn]umber)[ \t]*[:.]?[ \t]*[A-Z0-9]")
_GREETING_ONLY = regex.compile(r"^(?i:" + _GREETINGS + r")[ \t]*[,!]?$")
_RANGE = regex.compile(r"^\d{1,5}[ \t]*[-–][ \t]*\d{1,5}$")
_UNIT_AFTER = regex.compile(r"^[ \t]*(?i:kcal|cal\b|calories|kj\b|steps|ml\b|cc\b|mg\b|g\b|units?\b|iu\b|mmol|mmhg|mcg|"
                            r"lbs?\b|kg\b|oz\b|m\b|km\b|miles?\b|feet|ft\b|hours?|hrs?\b|min(?:utes?)?\b|days?\b|weeks?\b|"
                            r"%|per\b|/)")
_JARGON = frozenset("""
med-rec medrec med-recs pre-op post-op preop postop intra-op peri-op f/u follow-up followup d/c h&p s/p w/u r/o
re-check recheck x-ray pre-auth preauth re-eval reeval med-surg medsurg tele step-down stepdown sign-out signout
hand-off handoff cross-cover re-admit readmit co-sign cosign e-consult econsult tele-visit telehealth walk-in
""".split())
_QUALIFIERS = frozenset("""
fasting random serum plasma urine urinary total free direct indirect ionized ionised whole arterial venous capillary
spot timed 24h 24-hour postprandial post-prandial baseline repeat stat calculated measured corrected non-fasting
nonfasting high-sensitivity hs quantitative qualitative point-of-care poc blood csf
""".split())
_CALL_SIGNS = frozenset("""
medic engine rescue ambulance squad truck ladder car bus station helicopter lifeflight paramedic crew rig unit
battalion tower ems fire
""".split())
_LIST_LETTER_NEXT = frozenset("""
left right bilateral upper lower medial lateral anterior posterior proximal distal superior inferior central
""".split())
_DOCUMENT_NOUNS = frozenset("""
message messages note notes report letter summary form log transcript record request referral certificate
notification list census handover sheet chart memo notice alert reminder inbox result results update statement
""".split())
_COUNT_NOUN_AFTER = regex.compile(r"^[ \t]*(?:[a-z]+[ \t]+)?(?i:attempts?|tries|calls?|doses?|sets?|views?|cores?|nodes?|"
                                  r"passes|sessions?|cycles?|fractions?|criteria|items?|questions?|points?|episodes?|"
                                  r"samples?|specimens?|bottles?|lobes?|vessels?|failed|successful|positive|negative)\b")
_TOWN_COMMA = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]+,[ \t]*$")
_STATES = frozenset(w.replace("_", " ") for w in """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin
wyoming ontario quebec québec alberta manitoba saskatchewan british_columbia nova_scotia new_brunswick
newfoundland prince_edward_island yukon nunavut northwest_territories queensland new_south_wales victoria tasmania
western_australia south_australia northern_territory andhra_pradesh arunachal_pradesh assam bihar chhattisgarh goa
gujarat haryana himachal_pradesh jharkhand karnataka kerala madhya_pradesh maharashtra manipur meghalaya mizoram
nagaland odisha orissa punjab rajasthan sikkim tamil_nadu telangana tripura uttar_pradesh uttarakhand west_bengal
bavaria bayern baden-württemberg hessen hesse niedersachsen lower_saxony nordrhein-westfalen north_rhine-westphalia
sachsen saxony thüringen thuringia brandenburg schleswig-holstein rheinland-pfalz saarland mecklenburg-vorpommern
sachsen-anhalt jalisco nuevo_león nuevo_leon sonora sinaloa chiapas yucatán yucatan quintana_roo tamaulipas coahuila
michoacán michoacan guerrero hidalgo baja_california minas_gerais bahia paraná parana pernambuco ceará ceara
santa_catarina rio_grande_do_sul goiás goias amazonas pará maranhão gauteng limpopo mpumalanga kwazulu-natal
western_cape eastern_cape northern_cape free_state north_west selangor johor sabah sarawak penang perak kedah
kelantan pahang terengganu sindh khyber_pakhtunkhwa balochistan ontario_province
""".split())
_SPECIALTY_ABBREVIATIONS = frozenset("""
gen med surg int ortho orth cardio neuro paeds peds obs gyn obgyn o&g onc haem heme gastro resp renal geri psych derm
rheum endo uro ent ophth ophthal anaes anesth icu ed a&e opd ipd ccu hdu gp fm im em micu sicu picu nicu medicine
surgery general internal family emergency
""".split())
_ROLE_NOUNS = frozenset("""
attender attendant reviewer approver assessor auditor notifier prescriber requester requestor referrer verifier
signatory informant interpreter translator witness caller sender recipient author transcriber scribe examiner
inspector evaluator coordinator navigator custodian validator preparer dispatcher responder screener enumerator
""".split())
_FORM_LABELS = frozenset("""
nombre nombres apellido apellidos edad sexo domicilio dirección direccion teléfono telefono fecha médico medico
diagnóstico diagnostico tratamiento resumen nacimiento ocupación ocupacion escolaridad religión estado municipio
colonia localidad entidad unidad servicio motivo antecedentes exploración exploracion plan pronóstico pronostico
firma cédula cedula afiliación afiliacion derechohabiente nome idade logradouro bairro cidade município municipio
telefone endereço endereco sinais sintomas classificação classificacao notificador notificação notificacao evolução
evolucao conduta observações observacoes responsável responsavel cartão cartao prescripteur prélevé preleve résultat
résultats resultat unités unites valeurs antériorité anteriorite adresse ville naissance sexe âge médecin medecin
destinataire expéditeur expediteur motif conclusion observations validé valide geburtsdatum anschrift ort
versicherung diagnose befund arzt ärztin empfänger absender datum unterschrift straße strasse wohnort
""".split())
_LAB_VALUE_AFTER = regex.compile(r"^[ \t]*[:=]?[ \t]*[<>]?\d[\d.,]*[ \t]*(?:x[ \t]*10\^?\d+/L|/mm3|/mm³|/µL|/uL|/L\b|"
                                 r"g/dL|g/L|mmol/L|mg/dL|mg/L|µmol/L|umol/L|U/L|UI/L|mUI/L|IU/L|G/L|T/L|/cumm|/hpf|"
                                 r"mEq/L|ng/mL|pg/mL|µg/L|ug/L|fL\b|pg\b)")
_DATE_THEN_TIME = regex.compile(r"^(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/\d{4}|(?:0?[1-9]|[12]\d|3[01])[/.-]"
                                r"(?:0?[1-9]|1[0-2])[/.-]\d{4}|(?:19|20)\d{2}-\d{2}-\d{2})[ \t,]+(?:(?i:at)[ \t]+|@[ \t]*)?"
                                r"(?:[01]?\d|2[0-3]):?[0-5]\d(?:[ \t]*[-–][ \t]*(?:[01]?\d|2[0-3]):?[0-5]\d)?"
                                r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?$")
_DEPARTMENT_WORDS = frozenset("""
klinik abteilung department dept station service servicio serviço servico unit unidad unidade division medizinische
chirurgische innere allgemeine section ward clinic clinique medicina interna médecine medecine pôle pole sektion
zentrum institut institute departamento département departement reparto ii iii iv v vi i
""".split())
_INSURER_WORDS = regex.compile(r"(?i)(?:kasse|versicherung|assurance|mutuelle|insurance|seguros?|aseguradora|health[ \t]+fund|"
                               r"medical[ \t]+aid|isapre|fonasa|obra[ \t]+social|prepaga|zorgverzekeraar|försäkring)$")
_LABEL_LINE = regex.compile(r"(?m)^[ \t]*\p{Lu}[\p{L}\p{M}'’ ()/°.-]{1,30}?[ \t]*:")
_LABEL_WORD = regex.compile(r"(?:^|\n|[ \t]{2,}|\|)[ \t]*(\p{L}[\p{L}\p{M}'’-]*(?:[ \t]\p{L}[\p{L}\p{M}'’-]*)?)[ \t]*:")
_LABEL_BEFORE = regex.compile(r"(?:^|\n|[ \t]{2,}|\|)[ \t]*$")


_GAP_AFTER = regex.compile(r"[ \t]{2,}|\t|[ \t]*\||[ \t]*(?:\n|$)")


def _score_pair_not_date(a: int, b: int) -> bool:
    return not ((1 <= a <= 12 and 1 <= b <= 31) or (1 <= a <= 31 and 1 <= b <= 12))


def _header_row(text: str, start: int, end: int) -> bool:
    """The span is one cell of a table's header row: three or more cells split by column gaps, no digit and no colon
    in the row, and digits in the row below."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    row = text[line_start:line_end]
    if any(c.isdigit() for c in row) or ":" in row:
        return False
    cells = [c for c in regex.split(r"[ \t]*\t[ \t]*| {2,}|\|", row.strip()) if c.strip()]
    if len(cells) < 3 or text[start:end].strip() not in [c.strip() for c in cells]:
        return False
    below = text[line_end + 1:line_end + 200].lstrip("\n").split("\n", 1)[0]
    return any(c.isdigit() for c in below)


def _single_label(text: str, start: int, end: int) -> bool:
    """A word opening a form field ("Prescripteur :", "Logradouro:") in a form of three or more fields, used once as a
    label and no given name (a chat's speaker tag repeats, and speakers go by given names)."""
    from medrails.guard.phi_given_names import is_given_name

    value = text[start:end]
    if not regex.match(r"^[ \t]*:", text[end:end + 4]) or not _LABEL_BEFORE.search(text[max(0, start - 40):start]):
        return False
    if value.isupper() or is_given_name(value.split()[0]):
        return False
    lines, uses = _form_labels(text)
    return lines >= 3 and uses.get(value, 0) == 1


@functools.lru_cache(maxsize=16)
def _form_labels(text: str) -> tuple[int, dict[str, int]]:
    """How many lines open with a field label, and how often each word is used as a label (once per text)."""
    uses: dict[str, int] = {}
    for m in _LABEL_WORD.finditer(text):
        uses[m.group(1)] = uses.get(m.group(1), 0) + 1
    return len(_LABEL_LINE.findall(text)), uses


_FRACTION = regex.compile(r"^\d{1,2}/\d{1,2}$")
_TITLE_BEFORE = regex.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor)\.?\s*$")
_NO_TOKEN = regex.compile(r"^(?:No|Nr|N[°º])\.?$")
_NUMBER_AFTER = regex.compile(r"^\.?[ \t]*\d")
_ANALYTE_COMMA = regex.compile(r"^\p{Lu}[\p{Ll}\p{Lu}]*,$")
_CALL_NUMBER_AFTER = regex.compile(r"^[ \t]+\d{1,4}\b")
_LIST_LETTER = regex.compile(r"^\p{Lu}\.$")
_HEADING_END = regex.compile(r"^[ \t]*(?:\n|$|[-–—:|])")
_PAREN_BEFORE = regex.compile(r"\(\s*$")
_ANAESTHESIA_BEFORE = regex.compile(r"(?i)\b(?:under|with|via|using|in|plus|and|local)\s+$")
_PAREN_AFTER = regex.compile(r"^\s*\(")
_SPACED_DASH = regex.compile(r"[ \t][-–—][ \t]")


def _is_given_name(token: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(token)


def kind14_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-14 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 60):start], text[end:end + 60]
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if entity == "DATE_TIME" and _DATE_THEN_TIME.match(value):
        return "a date and its clock time or range (the date alone is found by the date recognizer)"
    if entity in ("DATE_TIME", "CLINICAL_DATE", "CUED_DATE") and _FRACTION.match(value) \
            and _COUNT_NOUN_AFTER.match(after):
        return "a count fraction ('2/2 tries')"
    if _RANGE.match(value) and _UNIT_AFTER.match(after) and entity not in ("US_SSN", "MRN"):
        return "a range with a unit ('1800-2000 kcal')"
    if _ORIENTED.match(value):
        return "orientation ('A&Ox4')"
    if entity not in _NAME_ENTITIES:
        return None
    titled = _TITLE_BEFORE.search(before) is not None
    if len(value.strip(".")) == 1:
        return "a single letter (laterality, a list letter)"
    if all(w in _JARGON for w in words):
        return "clinical jargon ('med-rec')"
    if _GREETING_ONLY.match(value):
        return "a greeting ('Kia ora')"
    if entity in ("FACILITY", "FORM_NAME"):
        return None
    abbreviated = value.endswith(".") or after.startswith(".")  # "Reg." is an abbreviation, whatever names it spells
    if len(tokens) == 1 and _NO_AFTER.match(after) and (abbreviated or len(value) <= 6 and not _is_given_name(value)):
        return "a label abbreviation before 'No.' ('Reg. No.')"
    if len(tokens) == 2 and _NO_TOKEN.match(tokens[1]) and _NUMBER_AFTER.match(after):
        return "a label and 'No.' before a number ('Ward No. 12')"
    if not titled and len(tokens) <= 3 and all(w in _SCALE_WORDS for w in words[1:]) and not _is_given_name(tokens[0]) \
            and (m := _SCORE_AFTER.match(after)):
        a, b = int(m.group(1)), int(m.group(2))
        if _score_pair_not_date(a, b) or (b in _SCALE_MAXIMA and a <= b):
            return "an assessment scale and its score ('Tinetti 18/28')"
    if len(tokens) == 2 and _ANALYTE_COMMA.match(tokens[0]) and (words[1] in _QUALIFIERS):
        return "an analyte and its qualifier ('Glucose, fasting')"
    if len(tokens) == 1 and words[0] in _CALL_SIGNS and _CALL_NUMBER_AFTER.match(after):
        return "an ambulance or unit call sign ('Engine 7')"
    if len(tokens) == 2 and _LIST_LETTER.match(tokens[0]) and (words[1] in _LIST_LETTER_NEXT
                                                                      or not name_words_ok(tokens[1])):
        return "a list letter before a word ('C. Right lower lobe')"
    if words[-1] in _DOCUMENT_NOUNS and not any(_is_given_name(t) for t in tokens[:-1]) \
            and _HEADING_END.match(after):
        return "a document-type heading ('Secure Message')"
    if entity in ("LOCATION", "ORGANIZATION", "PERSON") and value.lower() in _STATES and _TOWN_COMMA.search(before):
        return "a state or province after its town ('Guntur, Andhra Pradesh')"
    if all(w in _SPECIALTY_ABBREVIATIONS for w in words) and (_PAREN_BEFORE.search(before) or len(tokens) >= 2):
        return "an abbreviated specialty ('(Gen Surg)')"
    if len(tokens) == 1 and words[0] in _ROLE_NOUNS:
        return "a role noun ('Approver', 'Assessor')"
    if all(w in _FORM_LABELS for w in words):
        return "a form label in another language ('Bairro', 'Médecin')"
    if len(tokens) <= 2 and _single_label(text, start, end):
        return "a form field label ('Bairro:')"
    if len(tokens) <= 2 and _GAP_AFTER.match(after) and _header_row(text, start, end):
        return "a column header ('Unités    Valeurs')"
    if len(tokens) == 1 and _LAB_VALUE_AFTER.match(after):
        return "an analyte before its value ('Leucocitos 7.500/mm3')"
    if words == ["la"] or words == ["ga"]:
        if _ANAESTHESIA_BEFORE.search(before) or _PAREN_AFTER.match(after):
            return "local or general anaesthesia ('under LA')"
    if (dash := _SPACED_DASH.search(value)):
        tail = [t.strip(".,;:()").lower() for t in value[dash.end():].split()]
        if tail and all(t in _DEPARTMENT_WORDS or _foreign_specialty(t) or t in _SPECIALTY_ABBREVIATIONS for t in tail) \
                and _FACILITY_HEAD_WORD.search(value[:dash.start()]):
            return "a facility and its department as one span (the facility is found by its own recognizer)"
    if all(_foreign_specialty(w) or w in _DEPARTMENT_WORDS for w in words):
        return "a specialty named in another language ('Neurologie')"
    if _INSURER_WORDS.search(value):
        return "an insurer ('... Ersatzkasse')"
    return None
