"""PHI kinds found by the seventh blind note set (fresh 7), as recognizers and as false-positive checks.

Recognizers (regexes only, no model):
- speech-recognition dictation (all lower case, punctuation spoken: "period", "full stop", "new paragraph"):
  numbers spoken digit by digit (a record number, spelt letters first: "r w e seven seven ...", a phone
  number), spoken dates ("july ninth nineteen thirty one", "seventh of may twenty twenty five", a date of
  birth "twelve oh three nineteen sixty one"), lower-case names after "doctor" / "mister" / "patient",
  lower-case facilities ("at leicester royal infirmary") and the town after one ("... senior living in mesa");
- scanned forms with OCR spacing: "Name :  LAST ,  FIRST  M" as one span, the town after a "City/St/Zip :"
  label, a member or plan number in spaced groups ("Member ID :  W 2847 19360");
- facilities: "... Medical Practice" and recovery or treatment centres ("Harbor Recovery Center");
- an age over 89 in parentheses after a name ("Ilse Brandt (94)");
- a bare "UR:" record label (Australia), Singapore NRIC/FIN, the PhilHealth number's shape and national
  numbers by their scheme's name;
- a name with an abbreviated given name or a lower-case particle in a name field ("Ma. Luisa delos Santos");
- a clinician named before a credential or after a role label ending in -ist/-ian, even when the given name
  ends like a drug ("Olamide Fashola, MD");
- a partial date before a clock time anywhere in a line ("Presents 12/19 02:15", "last drink 3/28 ~22:00").

False positives (`kind7_reason`, called by phi_suppression.suppression_reason): a day of a course ("day 2/7"),
a date span whose digits are all a measurement ("post 134/80"), a clock-time range with a frequency ("daily
0900-1100"), an IP address read as a date, a note title ("Progress Note - Hospital Day"), an eponym before an
instrument ("Hasson port"), a suture brand after its gauge ("0 Vicryl"), a service or programme of the hospital
("Antimicrobial Stewardship"), an eponymous score and its value ("Bishop 10"), a result with a sign ("Rh+"),
obstetric notation ("G1P0->1"), laterality and anatomy ("L brachiocephalic"), a header word before
"Encounter" / "Visit", a weekday abbreviation in a dosing schedule ("5 mg Sun"), a role before a credential
("Charge RN"), a language ("speaks Urdu and Mirpuri"), a place naming a triage system ("Triage (Manchester)"),
a form field label ("Addr:", "City/St/Zip :"), a unit letter after a number ("78 F. Cycler"), an ICD-10 code.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_kinds import _SPECIALTY
from medrails.guard.phi_kinds6 import named_place_ok
from medrails.guard.phi_recognizers import MONTH, Rule, RuleRecognizer, name_words_ok

FORM_NAME = "FORM_NAME"  # a "Last , First" name in an OCR-spaced form: not cut at its column gaps
SPOKEN_DATE = "SPOKEN_DATE"  # a date in words (dictation): no digits, so the numeric date checks do not apply

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"

# ---------------------------------------------------------------------------------------------
# dictation

_DICTATION = regex.compile(r"\b(?:period|full\s+stop|comma|new\s+paragraph|new\s+line|dictat(?:ing|ed|ion)|"
                           r"open\s+bracket|close\s+bracket|end\s+of\s+dictation)\b")
_DIG = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
        r"(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")
_DAYW = r"(?:(?:twenty|thirty)(?:[\s-]" + _UNIT + r")?|" + _TEEN + "|" + _UNIT + ")"
_YEARW = (r"(?:(?:nineteen|twenty)\s+(?:oh\s+" + _UNIT + "|" + _TEEN + "|" + _TENS + r"(?:[\s-]" + _UNIT + r")?|hundred)|"
          r"two\s+thousand(?:\s+and)?(?:\s+(?:" + _TENS + r"(?:[\s-]" + _UNIT + r")?|" + _TEEN + "|" + _UNIT + "))?)")
_MONTHW = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_NUMW = r"(?:oh\s+" + _UNIT + "|" + _DAYW + ")"
_LOW = r"[a-z][a-z'’-]+"
_DICTATION_WORDS = frozenset("""
date birth dob dictating dictated dictation consultant registrar period comma paragraph full stop new line
medical record number hospital patient age year years old aged who is was has had with from in at on for and
the a an his her this that seen referred admitted presenting presents
""".split())
_SPOKEN_RULES = [
    # a record number: "medical record number four four seven ...", "hospital number r w e seven seven ..."
    ("MRN", 0.9, regex.compile(r"\b(?:record|hospital|chart|case|unit|nhs|mrn|m\s+r\s+n)\s+(?:number\s+|no\s+)?(?:is\s+)?"
                               r"(?P<v>(?:[a-z]\s+){0,4}(?:" + _DIG + r"\s+){4,}" + _DIG + r")\b")),
    # a phone number spoken digit by digit after a contact cue
    ("PHONE_NUMBER", 0.8, regex.compile(r"\b(?:reached|reach|call|called|phone|telephone|mobile|cell|contact|number)\b"
                                        r"[a-z\s]{0,30}?\b(?P<v>(?:" + _DIG + r"\s+){6,}" + _DIG + r")\b")),
    ("LONG_NUMBER", 0.5, regex.compile(r"\b(?P<v>(?:" + _DIG + r"\s+){7,}" + _DIG + r")\b")),
    # spoken dates
    (SPOKEN_DATE, 0.8, regex.compile(r"\b(?P<v>" + _MONTHW + r"\s+(?:the\s+)?(?:" + _ORD + "|" + _DAYW + r")"
                                     r"(?:\s+" + _YEARW + r")?)\b")),
    (SPOKEN_DATE, 0.8, regex.compile(r"\b(?:the\s+)?(?P<v>" + _ORD + r"\s+of\s+" + _MONTHW + r"(?:\s+" + _YEARW
                                     + r")?)\b")),
    (SPOKEN_DATE, 0.8, regex.compile(r"\b(?:date\s+of\s+birth|dob|d\s+o\s+b|born(?:\s+on)?)\s+(?P<v>" + _NUMW + r"\s+"
                                     + _NUMW + r"\s+" + _YEARW + r")\b")),
]
_AMBIGUOUS_MONTHS = ("may ", "march ")
_NAME_CUE = regex.compile(r"\b(?:(?:this\s+is\s+)?doctor|mister|missus|miss|mrs|mr|ms|patient\s+name(?:\s+(?:mister|"
                          r"missus|miss|mrs|mr|ms))?|dictating\s+on(?:\s+patient)?|patient|nurse)\s+(?P<w>" + _LOW
                          + r"(?:\s+" + _LOW + r"){0,2})")
_FACILITY_HEAD = (r"(?:senior\s+living|assisted\s+living|nursing\s+home|care\s+home|rest\s+home|royal\s+infirmary|"
                  r"infirmary|hospital|medical\s+cent(?:er|re)|health\s+cent(?:er|re)|hospice|rehab(?:ilitation)?\s+"
                  r"cent(?:er|re)|recovery\s+cent(?:er|re)|care\s+cent(?:er|re)|manor|lodge)")
_LOW_FACILITY = regex.compile(r"\b(?:at|from|to|in|into)\s+(?:the\s+)?(?P<v>(?:" + _LOW + r"\s+){1,3}?" + _FACILITY_HEAD
                              + r")\b(?:\s+in\s+(?P<town>" + _LOW + r"(?:\s+" + _LOW + r")?))?")


def _name_word(word: str) -> bool:
    return word not in _DICTATION_WORDS and name_words_ok(word)


def _name_prefix(words: list[str]) -> int:
    """How many leading words read as a name."""
    n = 0
    for w in words:
        if not _name_word(w):
            break
        n += 1
    return n


class DictationRecognizer(EntityRecognizer):
    """Identifiers in speech-recognition dictation: only in lines with no capital letter, in a text that
    speaks its punctuation ("period", "full stop", "new paragraph") or says it is dictated."""

    ENTITIES = ["MRN", "PHONE_NUMBER", "LONG_NUMBER", SPOKEN_DATE, "CHAT_NAME", "FACILITY", "TOWN_AFTER_STREET"]

    def __init__(self):
        super().__init__(supported_entities=list(self.ENTITIES), name="DictationRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not _DICTATION.search(text):
            return []
        results: list[RecognizerResult] = []
        pos = 0
        for line in text.split("\n"):
            if len(line) > 60 and not any(c.isupper() for c in line):
                results.extend(self._line(line, pos))
            pos += len(line) + 1
        return results

    def _result(self, entity: str, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(entity_type=entity, start=start, end=end, score=score, recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def _line(self, line: str, offset: int) -> list[RecognizerResult]:
        out = []
        for entity, score, compiled in _SPOKEN_RULES:
            for m in compiled.finditer(line):
                value = m.group("v")
                if entity == SPOKEN_DATE and value.startswith(_AMBIGUOUS_MONTHS) \
                        and not regex.search(r"\s(?:" + _ORD + r")(?:\s|$)", value.split(" ", 1)[1] + " ") \
                        and not regex.search(_YEARW + r"$", value):
                    continue  # "he may three times": a modal, not "may ninth"
                if entity == SPOKEN_DATE and regex.match(_MONTHW + r"\s+(?:first|second)$", value):
                    continue
                out.append(self._result(entity, offset + m.start("v"), offset + m.end("v"), score))
        for m in _NAME_CUE.finditer(line):
            words = m.group("w").split()
            n = _name_prefix(words)
            cue = m.group(0)[: m.start("w") - m.start()].strip()
            if n == 0 or (cue == "patient" and n < 2):
                continue  # "patient tolerated", "patient kwame": a first and last name after "patient"
            start = offset + m.start("w")
            out.append(self._result("CHAT_NAME", start, start + len(" ".join(words[:n])), 0.65))
        for m in _LOW_FACILITY.finditer(line):
            value = m.group("v")
            words = value.split()
            head_at = next(i for i in range(len(words)) if regex.match(_FACILITY_HEAD, " ".join(words[i:])))
            lead = words[:head_at]
            while lead and not _name_word(lead[0]):
                lead.pop(0)
            if not lead or not all(_name_word(w) for w in lead) or not named_place_ok(" ".join(lead)):
                continue
            end = offset + m.end("v")
            start = end - len(" ".join(lead + words[head_at:]))
            out.append(self._result("FACILITY", start, end, 0.7))
            if m.group("town"):
                town = m.group("town").split()
                n = _name_prefix(town)
                if n:
                    tstart = offset + m.start("town")
                    out.append(self._result("TOWN_AFTER_STREET", tstart, tstart + len(" ".join(town[:n])), 0.6))
        return out


# ---------------------------------------------------------------------------------------------
# scanned forms, facilities, ages, identifiers, names, dates

_NAME_LABEL = r"(?i:(?:pt|patient|member|insured|resident|client|subscriber)\s+name|name|patient)"
_CREDENTIAL = r"(?:MD|DO|RN|NP|PA-C|PharmD|MBBS|FRCS|FRCP|MRCP|DNP|APRN|CRNA)"
_ROLE_LABEL = r"(?:\p{Lu}\p{Ll}+(?:ist|ian)|Operator|Proceduralist|Performed\s+by|Interpreted\s+by|Read\s+by)"
# abbreviated given names ("Ma." Maria, "Mohd." Mohammed, "Wm." William) and lower-case surname particles
_ABBREV_GIVEN = r"(?:Ma|Mª|Md|Mohd|Muhd|Wm|Chas|Jas|Thos|Geo|Jno)\."
_PARTICLE = (r"(?:dela|de\s+la|de\s+los|delos|de\s+las|del|dos|das|da|de|di|du|van\s+der|van\s+den|van|von|bin|binti|"
             r"bint|bte|ap|al|el|ni|Ní|Nic|Mac|ter|ten)")
_SCHEMES = (r"(?:PhilHealth(?:\s+PIN)?|PHIC|NRIC(?:/FIN)?|FIN|NIN|CURP|CPF|TFN|IRD|BSN|PESEL|SSS|UMID|HKID|MyKad|"
            r"IC\s+(?:no\.?|number))")


def _nric_ok(value: str) -> bool:
    """Singapore NRIC/FIN check letter (S/T and F/G series)."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    total = sum(int(d) * w for d, w in zip(value[1:8], weights, strict=True))
    first = value[0].upper()
    total += 4 if first in "TG" else 0
    table = "JZIHGFEDCBA" if first in "ST" else "XWUTRQPNMLK" if first in "FG" else ""
    return bool(table) and table[total % 11] == value[-1].upper()


def _spaced_id_ok(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 6


def _form_name_ok(value: str) -> bool:
    return name_words_ok(" ".join(w for w in regex.split(r"[\s,]+", value) if len(w.strip(".")) > 1))


def _clinician_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    first, *rest = value.split()
    return is_given_name(first) and bool(rest) and name_words_ok(" ".join(rest))


def _named_name_ok(value: str) -> bool:
    words = [w for w in regex.sub(_ABBREV_GIVEN, " ", value).split() if w[:1].isupper()]
    return bool(words) and name_words_ok(" ".join(words))


def _recognizers() -> list:
    form_name = RuleRecognizer(FORM_NAME, [
        # "Pt Name :  GUTIERREZ ,  ALEJANDRA  M" (OCR spacing around the comma and between fields)
        Rule(r"\b" + _NAME_LABEL + r"[ \t]*:[ \t]*(?P<v>\p{Lu}[\p{L}'’-]+[ \t]*,[ \t]+\p{Lu}[\p{L}'’-]+"
             r"(?:[ \t]{1,3}\p{Lu}\.?(?![\w.]))?)", 0.8, _form_name_ok, 0),
    ], "FormNameRecognizer")
    town = RuleRecognizer("TOWN_AFTER_STREET", [
        # the town in a form's city field: "City/St/Zip :  TUCSON ,  AZ", "Town: Ballymena"
        Rule(r"\b(?i:city(?:[ \t]*/[ \t]*(?:st(?:ate)?|prov(?:ince)?|zip|postcode|pc))*|town|suburb)[ \t]*:[ \t]*"
             r"(?P<v>\p{Lu}[\p{L}'’.-]+(?:[ \t]\p{Lu}[\p{L}'’.-]+){0,2})", 0.65, name_words_ok, 0),
    ], "FormTownRecognizer")
    plan = RuleRecognizer("HEALTH_PLAN_ID", [
        # a member or plan number in spaced groups: "Member ID :  W 2847 19360", "Policy #: XKB 884 102 337"
        Rule(r"\b(?i:member|subscriber|policy|insurance|beneficiary|group|plan)[ \t]+(?i:id|number|no\.?|#)[ \t]*[:#]?"
             r"[ \t]*(?P<v>[A-Z0-9]{1,4}(?:[ ][A-Z0-9]{2,6}){1,4})(?=[ \t]{2,}|[ \t]*$|[ \t]*[,;\n])", 0.85,
             _spaced_id_ok, regex.M),
        # national numbers by their scheme's name; Singapore NRIC/FIN also by its check letter; PhilHealth's shape
        Rule(r"\b" + _SCHEMES + r"(?:\s+(?i:no\.?|number|#))?\s*[:#]?\s*(?P<v>(?=[A-Z0-9-]*\d{6})[A-Z0-9](?:[A-Z0-9]|"
             r"-(?=[A-Z0-9])){6,17})\b", 0.85, None, 0),
        Rule(r"\b(?P<v>[STFG]\d{7}[A-Z])\b", 0.8, _nric_ok, 0),
        Rule(r"(?<![\d-])(?P<v>\d{2}-\d{9}-\d)(?![\d-])", 0.8, None, 0),
    ], "Fresh7NationalIdRecognizer")
    mrn = RuleRecognizer("MRN", [
        # a bare "UR:" label (Australian unit record number), capitals only; printed in two groups ("0072 3318") too
        Rule(r"\bUR[ \t]*:[ \t]*(?P<v>\d{5,10}|\d{3,5} \d{3,5})\b(?![.,]\d|\s*(?:mg|mcg|units?|mL|%))", 0.9, None, 0),
    ], "UrLabelRecognizer")
    facility = RuleRecognizer("FACILITY", [
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Medical|Family|General|Group|Dental)[ \t]+Practice)\b", 0.75,
             named_place_ok, 0),
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Recovery|Treatment|Addiction|Detox|Counsel(?:l)?ing|Crisis|"
             r"Sober\s+Living)[ \t]+(?:Center|Centre|Program|Programme|House|Services|Clinic))\b", 0.75, named_place_ok, 0),
    ], "Fresh7FacilityRecognizer")
    age = NameAgeParenRecognizer()
    cued = RuleRecognizer("CUED_DATE", [
        # a partial date before a clock time with a colon, anywhere: "Presents 12/19 02:15", "last drink 3/28 ~22:00"
        Rule(r"(?<![\d/.])(?P<v>" + _PARTIAL + r")[ \t]+(?:at[ \t]+|@[ \t]*|~[ \t]*)?(?:[01]?\d|2[0-3]):[0-5]\d\b",
             0.7, None, 0),
    ], "PartialDateTimeRecognizer")
    name = RuleRecognizer("CHAT_NAME", [
        # a clinician before a credential whose given name is in the lexicon: "Olamide Fashola, MD"
        Rule(r"\b(?P<v>" + _CAP + r"[ \t]+" + _CAP + r")[ \t]*,[ \t]*" + _CREDENTIAL + r"\b", 0.6, _clinician_ok, 0),
        # a clinician after a role label ending in -ist / -ian: "Endoscopist: Ada Obi", "Sonographer: ..."
        Rule(r"\b" + _ROLE_LABEL + r"[ \t]*:[ \t]*(?P<v>" + _CAP + r"(?:[ \t]+\p{Lu}\.)?(?:[ \t]+" + _CAP + r"){1,2})"
             r"(?=[ \t]*(?:,|\(|[ \t]{2,}|$|\n))", 0.65, name_words_ok, regex.M),
        # an abbreviated given name or a lower-case particle in a name field: "Name: Ma. Luisa delos Santos"
        Rule(r"\b" + _NAME_LABEL + r"[ \t]*:[ \t]*(?P<v>(?:" + _ABBREV_GIVEN + r"[ \t]+)?" + _CAP + r"(?:[ \t]+" + _CAP
             + r")?(?:[ \t]+" + _PARTICLE + r")+[ \t]+" + _CAP + r"|" + _ABBREV_GIVEN + r"[ \t]+" + _CAP + r"(?:[ \t]+"
             + _CAP + r"){1,2})", 0.75, _named_name_ok, 0),
    ], "Fresh7NameRecognizer")
    return [form_name, town, plan, mrn, facility, age, cued, name, DictationRecognizer()]


_AGE_HEAD = regex.compile(r"(" + _CAP + r"(?:[ \t]+" + _CAP + r"){1,2})[ \t]*\([ \t]*$")


class NameAgeParenRecognizer(RuleRecognizer):
    """An age over 89 in parentheses after a name: "Ilse Brandt (94)", "Hal Moss (102 y)"; the words before it
    must read as a name ("Pulse Ox (94)" is a reading)."""

    def __init__(self):
        super().__init__("AGE_OVER_89", [
            Rule(r"\((?:[ \t]*)(?P<v>9\d|1[01]\d)(?=[ \t]*(?:y|yo|yrs?|years?|[MF])?[ \t]*\))", 0.75, None, 0),
        ], "NameAgeParenRecognizer")

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            head = _AGE_HEAD.search(text[max(0, r.start - 60):r.start])
            if head and name_words_ok(head.group(1)):
                results.append(r)
        return results


def fresh7_recognizers() -> list:
    return _recognizers()


# ---------------------------------------------------------------------------------------------
# false positives

_DAY_COUNT = regex.compile(r"^(?:day|d|dose|cycle|week|wk|POD)\s*#?\s*\d{1,2}\s*/\s*\d{1,2}$", regex.I)
_MONTH_OR_WEEKDAY = regex.compile(r"\b" + MONTH + r"(?![a-z])|\b(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?\b",
                                  regex.I)
_CLOCK_RANGE = regex.compile(r"^(?:(?:daily|nightly|every\s+day|each\s+day|from|between|hours|hrs)\s+)?"
                             r"(?:[01]\d|2[0-3]):?[0-5]\d\s*(?:-|–|to|and)\s*(?:[01]\d|2[0-3]):?[0-5]\d(?:\s*h(?:rs)?)?$",
                             regex.I)
_IPV4 = regex.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_TITLE_WORDS = frozenset("""
progress note notes hospital day admission admit discharge summary report consult consultation operative procedure
transfer treatment visit encounter letter record sheet form follow-up followup daily interval update h&p
""".split())
_INSTRUMENT_AFTER = regex.compile(r"^\s+(?:port|trocar|needle|cannula|clamp|retractor|forceps|scissors|drain|tube|"
                                  r"stitch|suture|technique|approach|incision|blade|dilator|speculum|elevator|hook|"
                                  r"stent|balloon|knot|graft|maneuver|manoeuvre|triage)s?\b", regex.I)
_GAUGE_BEFORE = regex.compile(r"(?:^|[\s(,])(?:\d{1,2}-0|0|#\d{1,2})\s+$")
_SERVICE_HEADS = frozenset("""
stewardship service services team program programme committee department division section consult rounds
""".split())
_SERVICE_AFTER = regex.compile(r"^[ \t]+(?:" + "|".join(sorted(_SERVICE_HEADS)) + r")\b", regex.I)
_COUNT_AFTER = regex.compile(r"^\s+\d{1,2}\b(?![:/.,]\d)(?=\s*(?:[.,;)]|$|\n|points?|pts?|/|\s+[A-Z]))")
_TITLE_BEFORE = regex.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor)\.?\s*$")
_HEADER_NOUN_AFTER = regex.compile(r"^\s+(?:Encounter|Visit|Note|Consult|Consultation|Report|Summary|Call|Round|Letter)\b")
_WEEKDAY_ABBR = frozenset({"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})
_DOSE_BEFORE = regex.compile(r"(?:\d|mg|mcg|units?|tabs?|caps?|mL)\s*$|/\s*$", regex.I)
_ROLE_ADJECTIVES = frozenset("""
charge staff float primary travel agency bedside triage admitting discharge resource night day circulating scrub
home case lead senior junior student relief
""".split())
_ROLE_CREDENTIAL_AFTER = regex.compile(r"^\s+(?:RN|LPN|NP|RT|RRT|CNA|PCT|MD|nurse|tech)\b")
_LANGUAGE_BEFORE = regex.compile(r"\b(?:speaks?|speaking|fluent\s+in|language(?:s)?\s*:?|interpreter\s*(?:for|in|:)?|"
                                 r"translat\w*\s+(?:to|into|from|in))(?:\s+|\s*\(\s*)(?:only\s+)?(?:[\p{L}-]+\s*(?:,|and|or|&|/)\s*)*$",
                                 regex.I)
_LANGUAGE_AFTER = regex.compile(r"^(?:-speaking|\s+(?:speaking|speaker|interpreter|translator|only|-?speaking))\b",
                                regex.I)
_SYSTEM_PAREN_BEFORE = regex.compile(r"\b(?:triage|scale|score|criteria|classification|staging|protocol|system)\s*\(\s*$",
                                     regex.I)
FORM_LABELS = frozenset("""
addr address city town state st zip postcode county country sex gender marital dob tel phone mob mobile fax email
insurance employer occupation religion race ethnicity language allergies signature pcp referrer prov province
""".split())
_LABEL_COLON_AFTER = regex.compile(r"^(?:\s*/\s*[A-Za-z]+)*\s*[:#]")
_ICD10 = regex.compile(r"^[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?$")


def _given(token: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(token)


def trim_date_time(text: str, start: int, end: int) -> int:
    """A date span's new end without a trailing clock time ("May 15, 2025 3:12 PM" -> "May 15, 2025"): the time of
    day is not a date element, and the date stays redacted."""
    m = regex.search(r"(?:,?\s+(?:at\s+|@\s*)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?[Mm]\.?)?"
                     r"(?:\s+[A-Z]{2,4}T)?)$", text[start:end])
    if m and _MONTH_OR_WEEKDAY.search(text[start:start + m.start()]) and regex.search(r"\d", text[start:start + m.start()]):
        return start + m.start()
    return end


def kind7_reason(text: str, entity: str, start: int, end: int, zones: list[tuple[int, int]]) -> str | None:
    """Why a span is one of the fresh-7 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if entity in ("DATE_TIME", "CLINICAL_DATE"):
        if _DAY_COUNT.match(value):
            return "a day of a course ('day 2/7'), not a date"
        if _CLOCK_RANGE.match(value):
            return "a range of clock times with a frequency ('daily 0900-1100')"
        if _IPV4.search(value):
            return "an IP address, not a date"
        digits = [i for i in range(start, end) if text[i].isdigit()]
        if digits and not _MONTH_OR_WEEKDAY.search(value) \
                and all(any(zs <= i < ze for zs, ze in zones) for i in digits):
            return "its digits are a measurement ('post 134/80')"
        return None
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME"):
        return None
    words = [t.strip(".,;:()'’\"").lower() for t in tokens]
    titled = _TITLE_BEFORE.search(before) is not None
    if any(_ICD10.match(t.strip(".,;:()")) for t in tokens):
        return "an ICD-10 code"
    if regex.match(r"^G\d{1,2}\s*P\d", value):
        return "obstetric notation ('G1P0->1')"
    if value.endswith("+") or (len(tokens) == 1 and after.startswith("+")):
        return "a result with a sign ('Rh+')"
    words_only = [w for w in words if w and w not in {"-", "–", "—"}]
    if words_only and len(words_only) >= 2 and any(w in _TITLE_WORDS for w in words_only) \
            and all(w in _TITLE_WORDS or w in _SPECIALTY for w in words_only):  # "Discharge Summary - General Medicine"
        return "a note title ('Progress Note - Hospital Day')"
    if titled:
        return None
    if tokens[0] in ("L", "R", "B", "Lt", "Rt", "Bil") and len(tokens) > 1 and all(t.islower() for t in tokens[1:]):
        return "laterality and anatomy ('L brachiocephalic')"
    if len(tokens) <= 2 and _INSTRUMENT_AFTER.match(after) and not any(_given(t) for t in tokens):
        return "an eponym before an instrument ('Hasson port')"
    if len(tokens) == 1 and _GAUGE_BEFORE.search(before):
        return "a suture brand after its gauge ('0 Vicryl')"
    if (len(tokens) >= 2 and words[-1] in _SERVICE_HEADS or _SERVICE_AFTER.match(after)) \
            and not any(_given(t) for t in tokens if t.lower().strip(".,;:") not in _SERVICE_HEADS):
        return "a service or programme ('Antimicrobial Stewardship')"
    if len(tokens) == 1 and _COUNT_AFTER.match(after) and entity == "ORGANIZATION" and not _given(tokens[0]):
        return "an eponymous score and its value ('Bishop 10')"
    if len(tokens) == 1 and _HEADER_NOUN_AFTER.match(after) and not _given(tokens[0]):
        return "a header word before 'Encounter' / 'Visit'"
    if len(tokens) == 1 and words[0] in _WEEKDAY_ABBR and _DOSE_BEFORE.search(before):
        return "a weekday in a dosing schedule ('5 mg Sun')"
    if len(tokens) == 1 and words[0] in _ROLE_ADJECTIVES and _ROLE_CREDENTIAL_AFTER.match(after):
        return "a role before a credential ('Charge RN')"
    if len(tokens) <= 2 and (_LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(after)) \
            and not any(_given(t) for t in tokens):
        return "a language ('speaks Urdu')"
    if len(tokens) == 1 and _SYSTEM_PAREN_BEFORE.search(before) and regex.match(r"^\s*\)", after):
        return "a place naming a system ('Triage (Manchester)')"
    if len(tokens) == 1 and words[0] in FORM_LABELS and _LABEL_COLON_AFTER.match(after):
        return "a form field label ('Addr:', 'City/St/Zip :')"
    if regex.match(r"^[A-Z]\.?$", tokens[0]) and regex.search(r"\d\s*$", before):
        return "a unit letter after a number ('78 F. Cycler')"
    return None
