"""PHI kinds found by the twelfth blind note set (fresh 12: lower-case patient messages, an e-mail thread, OCR-spaced
form text, voicemails, notes from outside the US), as recognizers and false-positive checks.

Recognizers (regexes only, no model):
- values of a scanned form whose characters OCR spread apart: an SSN ("5 3 1 - 4 8 - ..."), a ZIP after its label,
  a member ID after "ID #" ("H 4 1 2 ..."), an e-mail with spaces around "@" and "." ("jdoe @ example . com");
- a name in a form's name field ("Last  Name : HOLLOWAY", "First : DENISE" (capitals only when the label has no
  "Name"));
- an age over 89 in an "Age/Sex: 91/F" field or in brackets after a kinship word ("Dad (92)");
- a lower-case name in a message header ("From: jess okonkwo"), introducing the writer ("its jess,") or signing a
  message on its last line after a dash ("- marisela v");
- a lower-case pharmacy name ("send it to hartley pharmacy") whose first word is no dictionary or medical word;
- facilities: "University Hospital <Town>", "<Name> Care & Rehab";
- a street line after an "Address:" label whatever its language ("3 Bóthar na Trá,"), a unit after it included;
- the town between a street line and a state code + ZIP ("Unit B, Las Cruces NM 88011");
- a street or landmark named without a house number after a place word ("on Bank Street", "under the X Bridge").

False positives (`kind12_reason`, called by phi_suppression.suppression_reason): a form field label ("City :",
"Income:"), a salutation read as an organisation ("Dear Dr X": the name is found by its own recognizer), a role before
a title ("Hospitalist Dr."), a ward by floor and wing ("4 West, 0700-1900"), a slash pair that cannot be a date
("1450/1100" intake/output), a duration in weeks ("6/52 ago"), a score out of ten after a pain or score word, an
analyte with a timing code ("Glucose AC"), an analyte name read as a licence number ("HbA1c"), an eponymous test and
its sign ("Hawkins-Kennedy +"), a bay or pod and its letter ("Pod C. CBC"), the service after an ALL-CAPS note heading
("GENETIC COUNSELING - Hereditary Cancer Clinic").
"""

from __future__ import annotations

import regex

from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_CITY = r"\p{Lu}\p{Ll}[\p{L}'’-]+(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]+){0,2}"


def _spaced(n: int) -> str:
    """n digits, each optionally one space apart (OCR spreads the characters of a scanned form)."""
    return r"\d(?:[ \t]?\d){" + str(n - 1) + "}"


_DASH = r"[ \t]?-?[ \t]?"
_NOT_WORD = frozenset("""
local usual regular same other new hospital mail order retail specialty outpatient inpatient community compounding
nearest nearby closest different online old main home the my our your their his her this that a an any walk-in
""".split())


def _given_name_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    first = value.split()[0]
    return is_given_name(first) and name_words_ok(first)


def _first_word_ok(value: str) -> bool:
    return name_words_ok(value.split()[0])


def _last_word_ok(value: str) -> bool:
    """The slot after "University Hospital" is the evidence of a town ("Limerick" is a dictionary word too): only a
    clinical word fails ("University Hospital Cardiology")."""
    from medrails.guard.phi_suppression import _is_medical_token

    return not _is_medical_token(value.split()[-1])


def _pharmacy_name_ok(value: str) -> bool:
    """The pharmacy's own name: no dictionary or medical word ("the local pharmacy", "outpatient pharmacy")."""
    from medrails.guard.phi_vocabulary import medical_vocabulary

    word = value.split()[0].lower()
    return word not in _NOT_WORD and word not in medical_vocabulary() and not word.endswith(("ing", "ed"))


def _recognizers() -> list:
    ocr = [
        RuleRecognizer("US_SSN", [
            Rule(r"\b(?i:ssn|s\.s\.n\.?|social[ \t]+security(?:[ \t]+(?:no\.?|number|#))?)[ \t]*[:#]?[ \t]*(?P<v>"
                 + _spaced(3) + _DASH + _spaced(2) + _DASH + _spaced(4) + r")(?![ \t]?\d)", 0.9, None, 0),
        ], "SpacedSsnRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # a spaced ZIP after its label ("Zip : 4 0 5 0 3"); the unspaced one is phi_recognizers'. Digits are no
            # capitalized place name: the entity whose only check is for clinical terms carries it
            Rule(r"\b(?i:zip(?:[ \t]*code)?|post[ \t]*code|postal[ \t]+code)[ \t]*[:#]?[ \t]*(?P<v>\d(?:[ \t]\d){4}"
                 r"(?:[ \t]?-[ \t]?\d(?:[ \t]\d){3})?)(?![ \t]?\d)", 0.85, None, 0),
        ], "SpacedZipRecognizer"),
        RuleRecognizer("HEALTH_PLAN_ID", [
            # one character, one space, at least six times: an identifier read off a scanned card or form
            Rule(r"\b(?i:id|member[ \t]+id|policy|subscriber|group|account|acct)[ \t]*(?i:#|no\.?|number)?[ \t]*:[ \t]*"
                 r"(?P<v>[A-Z0-9](?:[ \t][A-Z0-9]){5,})(?![ \t]?[A-Za-z0-9])", 0.85, None, 0),
        ], "SpacedIdRecognizer"),
        RuleRecognizer("EMAIL_ADDRESS", [
            Rule(r"(?<![\w.])(?P<v>[A-Za-z0-9._%+-]+[ \t]+@[ \t]+[A-Za-z0-9-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9-]+)*[ \t]*\."
                 r"[ \t]*(?i:com|net|org|edu|gov|co|uk|ca|au|nz|ie|in|sg|za|us|info|mail))\b", 0.85, None, 0),
        ], "SpacedEmailRecognizer"),
    ]
    form_name = RuleRecognizer("FORM_NAME", [
        Rule(r"\b(?i:last|first|middle|given|family|sur)[ \t]*(?i:name)[ \t]*:[ \t]*(?P<v>[A-Z][A-Z'’-]+|"
             + _CAP + r")(?=[ \t]{2,}|[ \t]*$|[ \t]*,)", 0.8, name_words_ok, regex.MULTILINE),
        Rule(r"\b(?:First|Last|Middle|Given|Surname)[ \t]*:[ \t]*(?P<v>[A-Z][A-Z'’-]+)(?=[ \t]{2,}|[ \t]*$)", 0.75,
             name_words_ok, regex.MULTILINE),
    ], "FormNameFieldRecognizer")
    age = RuleRecognizer("AGE_OVER_89", [
        Rule(r"\bAge[ \t]*(?:/[ \t]*(?:Sex|Gender)[ \t]*)?:[ \t]*(?P<v>9\d|1[01]\d)(?=[ \t]*/[ \t]*[MFmf]\b)", 0.85),
        Rule(r"\b(?i:dad|father|mom|mum|mother|grandma|grandmother|grandpa|grandfather|husband|wife|patient|pt|aunt|"
             r"uncle|nan|nana|gran)[ \t]*\([ \t]*(?P<v>9\d|1[01]\d)[ \t]*\)", 0.85),
    ], "AgeFieldRecognizer")
    lower = RuleRecognizer("CHAT_NAME", [
        # a message header names the writer, in lower case when the writer types that way
        Rule(r"(?m)^[ \t]*(?i:from)[ \t]*:[ \t]*(?P<v>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})[ \t]*(?=<|$)", 0.7,
             _given_name_ok, 0),
        # the writer introducing themself: "hi dr x its jess, i ran out"
        Rule(r"\b(?:its|it['’]s|this[ \t]+is|im|i['’]m)[ \t]+(?P<v>[a-z][a-z'’-]{1,20})(?=[ \t]*[,.!]|[ \t]+here\b)", 0.6,
             _given_name_ok, 0),
        # a signature alone on the message's last line, after a dash or not: "- marisela v", "thx\njess"
        Rule(r"(?m)^[ \t]*(?:[-–—~]+[ \t]*)?(?P<v>[a-z][a-z'’-]{1,20}(?:[ \t]+[a-z](?:[a-z'’-]{1,20})?\.?)?)[ \t]*\s*\Z", 0.6,
             _given_name_ok, 0),
    ], "LowerCaseWriterRecognizer")
    place = RuleRecognizer("FACILITY", [
        Rule(r"\b(?i:send|sent|call|to|at|from|with)[ \t]+(?:(?i:it|them)[ \t]+to[ \t]+)?(?P<v>[a-z][a-z'’-]{2,}[ \t]+"
             r"(?:pharmacy|drugs|chemist))\b", 0.6, _pharmacy_name_ok, 0),
        Rule(r"\b(?P<v>University[ \t]+Hospitals?[ \t]+(?:of[ \t]+)?" + _CAP + r"(?:[ \t]+" + _CAP + r")?)\b", 0.8,
             _last_word_ok, 0),
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Care|Health|Nursing|Senior[ \t]+Living)[ \t]+(?:&|and)[ \t]+"
             r"Rehab(?:ilitation)?(?:[ \t]+(?:Center|Centre))?)\b", 0.8, _first_word_ok, 0),
    ], "Fresh12FacilityRecognizer")
    street = RuleRecognizer("STREET_ADDRESS", [
        # the street line after an "Address:" label, whatever language its street words are in
        Rule(r"\b(?i:address|addr)[ \t]*:[ \t]*(?P<v>\d{1,6}[A-Za-z]?[ \t]+\p{L}[\p{L}'’.-]*(?:[ \t]+\p{L}[\p{L}'’.-]*)"
             r"{0,4}?(?:,[ \t]*(?:Apt\.?|Unit|Flat|Suite|Ste\.?|#)[ \t]*#?[A-Z0-9-]+)?)(?=[ \t]*,)", 0.9, None, 0),
        # a street or landmark with no house number after a place word: "on Bank Street", "under the X Bridge"
        Rule(r"\b(?i:on|off|near|at|by|under|beside|behind|along|across|outside)[ \t]+(?:(?i:the)[ \t]+)?(?P<v>" + _CAP
             + r"(?:[ \t]+" + _CAP + r")?[ \t]+(?:Street|Road|Avenue|Boulevard|Lane|Bridge|Overpass|Underpass|Viaduct))\b",
             0.7, None, 0),
    ], "Fresh12StreetRecognizer")
    town = RuleRecognizer("TOWN_AFTER_STREET", [
        # the town after a street line, before a state code and ZIP with no comma: "Unit B, Las Cruces NM 88011"
        Rule(r"(?m)\d[^\n]{0,120}?,[ \t]*(?!(?i:room|rm|bed|bay|ward|unit|suite|floor|level|box|ext|pod)\b)(?P<v>" + _CITY
             + r")[ \t]+[A-Z]{2,3}[ \t]+\d{5}(?:-\d{4})?\b", 0.6, name_words_ok, 0),
    ], "TownBeforeStateZipRecognizer")
    return [*ocr, form_name, age, lower, place, street, town]


def fresh12_recognizers() -> list:
    return _recognizers()


def age_in_field(text: str, start: int) -> bool:
    """An age in an Age/Sex field or in brackets after a kinship word: no measurement, whatever the zone says."""
    before = text[max(0, start - 30):start]
    return bool(regex.search(r"(?:\bAge[ \t]*(?:/[ \t]*(?:Sex|Gender)[ \t]*)?:|\b\p{L}+[ \t]*\()[ \t]*$", before))


# ---------------------------------------------------------------------------------------------
# false positives

_FIELD_LABELS = frozenset("""
city town state zip county country street sex gender relation relationship income description insurance allergies
signature employer occupation religion language reporter actions outcome housing transport transportation witness
location disposition
""".split())
_TITLES = frozenset({"dr", "dr.", "doctor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof."})
_WING = regex.compile(r"^\d{1,2}[ \t]+(?:West|East|North|South|[NSEW])\b")
_SLASH_PAIR = regex.compile(r"^(\d{1,4})/(\d{1,4})$")
_WEEKS_AGO = regex.compile(r"^\d{1,2}/(?:52|12|7)[ \t]*(?:ago|post[- ]?op)?$")
_DURATION_AFTER = regex.compile(r"^[ \t]*(?:ago|post[- ]?op|later|earlier)\b")
_SCORE_BEFORE = regex.compile(r"(?i)\b(?:pain|score|rated?|vas|nrs|reach|effort|fatigue|dyspn(?:o|oe)a)\b[^\n.;]{0,60}$")
_TIMING_CODE = regex.compile(r"^(?:AC|PC|HS|QHS|FS|POC|BID|TID|QID|PRN)$")
_SIGN_AFTER = regex.compile(r"^[ \t]*(?:[+-](?=[ \t]*(?:[,;.)\n]|$))|\((?:\+|-|pos|neg|positive|negative)\))")
_BAY_WORDS = frozenset({"pod", "bay", "bed", "room", "rm", "cubicle", "ward", "zone", "area", "track", "station"})
# a note-type heading: a fax cover's "FAX - Commercial Drive Pharmacy" names a place, not a service
_HEADING_BEFORE = regex.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z0-9&/'’ ]*\b(?:NOTE|H&P|COUNSELL?ING|SUMMARY|CONSULT(?:ATION)?|"
                                r"REPORT|ASSESSMENT|EVALUATION|PROGRESS)[ \t]+[-–—][ \t]+$")


def _slash_not_date(value: str) -> bool:
    """Two numbers that no date can be: neither order a month and day, no year and no month/2-digit year."""
    m = _SLASH_PAIR.match(value)
    if not m:
        return False
    a, b = int(m.group(1)), int(m.group(2))
    year = any(len(g) == 4 and 1900 <= int(g) <= 2099 for g in m.groups())
    if year or (1 <= a <= 12 and 1 <= b <= 31) or (1 <= a <= 31 and 1 <= b <= 12):
        return False
    return not (1 <= a <= 12 and len(m.group(2)) == 2)


def _service_word(token: str) -> bool:
    from medrails.guard.phi_suppression import _is_medical_token
    from medrails.guard.phi_vocabulary import medical_vocabulary

    parts = [p for p in regex.split(r"[-/]", token.strip(".,;:()")) if p]
    return all(len(p) == 1 or _is_medical_token(p, vocabulary=True) or p.lower() in medical_vocabulary() or p.lower() in {"in", "center", "centre", "clinic",
               "service", "team", "unit", "medicine", "surgery"} for p in parts)


def kind12_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-12 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 80):start], text[end:end + 40]
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if entity in ("DATE_TIME", "CLINICAL_DATE"):
        if _WING.match(value):
            return "a ward by floor and wing ('4 West, 0700-1900')"
        if _slash_not_date(value):
            return "two numbers no date can be ('1450/1100' intake/output)"
        if _WEEKS_AGO.match(value) and (value.endswith(("ago", "op")) or _DURATION_AFTER.match(after)):
            return "a duration in weeks, months or days ('6/52 ago')"
        if regex.match(r"^\d{1,2}/10$", value) and _SCORE_BEFORE.search(before):
            return "a score out of ten after a pain or score word"
        return None
    if entity == "LICENSE_NUMBER" and sum(c.isdigit() for c in value) < 3 and any(c.islower() for c in value):
        return "an analyte name ('HbA1c'), no licence number"
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "FACILITY", "GIVEN_NAME"):
        return None
    if len(tokens) == 1 and words[0] in _FIELD_LABELS and regex.match(r"^[ \t]*:", after):
        return "a form field label ('City :')"
    if entity == "ORGANIZATION" and words[0] == "dear":
        return "a salutation read as an organisation (the name after it is found by its own recognizer)"
    if len(tokens) >= 2 and words[-1] in _TITLES | {"dr"} and tokens[-1][:1].isupper():
        return "a role before a title ('Hospitalist Dr.')"
    # a person's name is never followed by a meal-timing code and a reading: "Glucose AC: 142, 168"
    if len(tokens) >= 2 and all(_TIMING_CODE.match(t) for t in tokens[1:]) and regex.match(r"^[ \t]*:?[ \t]*\d", after):
        return "an analyte and its timing code ('Glucose AC')"
    if entity in ("PERSON", "GIVEN_NAME") and _SIGN_AFTER.match(after) and "-" in value:
        return "an eponymous test and its sign ('Hawkins-Kennedy +')"
    if words[0] in _BAY_WORDS and (regex.match(r"^[A-Z0-9]{1,2}\.?$", tokens[1]) if len(tokens) >= 2 else
                                   regex.match(r"^[ \t]+[A-Z0-9]{1,2}\b", after)):
        return "a bay or pod and its letter ('Pod C. CBC')"
    if _HEADING_BEFORE.search(text[max(0, start - 80):start]) and regex.match(r"^[ \t]*(?:\n|$)", after) \
            and all(_service_word(t) for t in tokens):
        return "the service after an ALL-CAPS note heading ('H&P - Medicine B')"
    return None
