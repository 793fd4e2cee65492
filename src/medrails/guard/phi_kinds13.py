"""PHI kinds found by the thirteenth blind note set (fresh 13: patient-written messages, voicemails, scanned forms,
lab reports and letters from India, Ireland, New Zealand, South Africa and the UK), written as families so the next
writer's variants are caught too, as recognizers and false-positive checks.

Recognizers (regexes only, no model):
- an identifier after any label that names one, whatever the value's shape (dots, slashes, letters and digits, a
  letter prefix): "<word> number / no. / # [is] V" ("File no: OPD/2231/24", "my GMS number is 88231K",
  "Registration No. DMC 1998/11/2207") and "<ACRONYM> [is|:] V" ("his IHI is QX55K2910", "UMRN: TX.004417.2");
- a phone number by its international shape ("+61 412 555 019") or its national trunk-0 shape ("0418 555 204"),
  with or without a cue;
- a house number and a street whose type the base list lacks ("14 Kestrel Heights", "3 Ferncliff Chase"), and the
  town after it;
- the town after a facility of any kind closing its line ("Medway Imaging, Rochester");
- a facility "<Name> Healthcare / Hospital(s) / Health System of <Place>", and any facility followed by its campus
  after a dash ("Sunnybrook Hospital - Bayview");
- a name in parentheses after "pt", "patient" or a relative ("pt (Arjun Mehta Rao)", "Dad (Tavita)");
- a capitalised name before an age in parentheses ("Kahu (18 mo)", "Leilani (age 6)");
- a name whose words a scanner set two spaces apart after a form label ("Attending  Physician:  Oluwaseun  Adeyemi");
- a lower-case self-introduction with a surname ("im david okonkwo btw");
- a dash signature alone on a message's last line, in any case ("-rangi", "~ Siosaia");
- a lower-case town after a place cue ("staying at my sisters in papatoetoe", "we live in kapolei now");
- a date of birth spoken in words after a date-of-birth question or label ("March third, sixty-two").

False positives (`kind13_reason`, called by phi_suppression.suppression_reason): an orientation score ("A&Ox4"), an
eponymous scale with its score and its other mentions ("Tinetti 18/28", "reassess Tinetti"), a laterality letter
before anatomy ("R forearm"), a row of clock times ("0800 1200 1600 2000", a dosing schedule), an identifier label
read as a name ("Reg." of "Reg. No.", "Record No."), a greeting in another language ("Kia ora", "Talofa lava"), a
numeric range before a unit ("1500-1800 kcal"), a hyphenated clinical shorthand after a role ("med-rec"), the analyte
heading a lab row ("Glucose, random   212 mg/dL"), an ordinary verb after a relative or role ("ex-husband knew",
"my son got stung"). A state, province or country is never taken for a lower-case town (Safe Harbor keeps states).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from dataclasses import dataclass

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_recognizers import name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_CITY = r"\p{Lu}\p{Ll}[\p{L}'’-]+(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]+){0,2}"
_PARTICLE = r"(?:van|von|der|den|de|da|di|le|la|du|del|dos|das|bin|binti|al|el|ap|ni|Ní|Nic|Mac|St\.?)"
_KIN = (r"(?:mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|spouse|grandma|grandpa|nan|"
        r"nana|gran|granny|grandmother|grandfather|granddaughter|grandson|aunt|auntie|uncle|niece|nephew|cousin|"
        r"child|baby|infant|twin|friend|neighbou?r|fianc[ée]e?|boyfriend|girlfriend|carer|caregiver|guardian)")
_UNIT_AFTER = (r"(?![ \t]*(?:mg|mcg|µg|g|kg|lbs?|mL|ml|L|dL|%|units?|IU|mmol|mEq|mmHg|bpm|kcal|cal|cm|mm|in|ft|"
               r"hours?|hrs?|days?|weeks?|months?|years?|times)\b)")


# ---------------------------------------------------------------------------------------------
# identifiers after any label

# label words before "number" / "no." / "#" that name no identifier of a person (or whose number other
# recognizers own: a phone, a room)
_NOT_ID_LABELS = frozenset("""
phone mobile cell cellphone fax tel telephone contact pager whatsapp landline home work office desk direct main new
old other same different my your his her our their the a an this that any which what its whose room rm bed ward bay
floor level page pg step size dose item question version model lot batch part catalog catalogue cat table figure fig
exhibit cycle day week line option ext extension grade stage class type score total seat gate flight platform route
bus channel round set rep reps box pack vial kit tablet tablets pill pills capsule capsules pin irb protocol study
trial grant nct eudract form section article chapter guideline clause rule act bill best callback call-back reach
text sms emergency daytime evening night personal private alternate alternative backup preferred good
""".split())
# acronyms before "is" / ":" that name a measurement, code system or clinical finding, not a person's number
_NOT_ID_ACRONYMS = frozenset("""
ICD CPT NDC LOINC SNOMED HCPCS DRG ATC RXNORM GTIN UPC SKU LOT EXP BATCH DOB DOS DOD TIME DATE AM PM ETA ASAP FYI NB PS
RE CC BCC ATTN DX HX TX SX PMH HPI ROS PLAN NOTE STAGE GRADE CLASS TYPE SCORE STATUS RESULT LEVEL SIZE DOSE BP HR
RR SPO2 EF LVEF GCS INR PT PTT APTT WBC RBC HGB HB HCT PLT BUN CR ALT AST ALP CK LDH TSH PSA CRP ESR
BNP LDL HDL TG EGFR GFR ECG EKG CXR CT MRI US XR ECHO EEG EMG IV IM PO PRN MAP CVP FEV FVC PEF QTC QRS PR HBA1C A1C
NYHA ECOG ASA BMI BSA VAS NRS PHQ GAD MMSE MOCA APGAR TNM HLA ABO RH HIV HPV HBV HCV COVID SARS MRSA DNA RNA PCR
""".split())
_NUMBER_WORD = r"(?:[Nn]umber|NUMBER|[Nn]um\.?|[Nn]r\.?|No\.?|NO\.?|no\.|no(?=[ \t]*[:#])|#)(?![A-Za-z])"
_ID_SEP = r"[ \t]*(?:[:#=.-][ \t]*)?(?:(?:is|was)[ \t]+)?(?:[:#][ \t]*)?"
# the value: a letter prefix before digits ("DMC 1998/11/2207"), then one token of letters and digits joined by dots,
# slashes or dashes, or digits in groups ("7654 321 098")
_ID_VALUE = (r"(?P<v>(?=(?:\d[ ]?){7})\d{2,6}(?:[ ]\d{2,6}){1,4}(?![\w/-]|\.\w)|[A-Z]{1,3}(?:[ ]\d{2,6}){2,4}(?:[ ][A-Z])?"
             r"(?![\w/-]|\.\w)|(?:[A-Z]{2,6}[ \t](?=[A-Z]{0,3}\d))?"
             r"(?=[A-Za-z0-9./-]*\d)[A-Za-z0-9](?:[A-Za-z0-9]|[./-](?=[A-Za-z0-9])){3,29}(?![\w/-]|\.\w))")
_DATE_SHAPE = regex.compile(r"^(?:(?:19|20)\d{2}[/.-](?:0?[1-9]|1[0-2])(?:[/.-](?:0?[1-9]|[12]\d|3[01]))?|"
                           r"(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])(?:[/.-](?:\d{2}|(?:19|20)\d{2}))?)$")
_DECIMAL = regex.compile(r"^\d+[.,]\d+$")
_PHONE_SHAPE = regex.compile(r"^(?:1[ .-]?)?(?:\d{3}[ .-])?\d{3}[.-]\d{4}$")
_CODE_SHAPE = regex.compile(r"^(?:[A-TV-Z]\d{2}(?:\.[0-9A-Z]{1,4})?|(?:[A-Z]\d{1,2}[a-z]?){2,})$")  # ICD-10 "N18.3", "T2N1M0"


def _split_prefix(value: str) -> tuple[str, str]:
    """("MMC", "2009/04/1187") for a letter prefix before the number, ("", value) otherwise."""
    m = regex.match(r"([A-Z]{2,6})[ \t](?=[A-Z]{0,3}\d)(.*)$", value)
    return (m.group(1), m.group(2)) if m else ("", value)


def _id_value_ok(value: str) -> bool:
    """An identifier: at least three digits and five characters, no decimal number, date, pressure or code; a letter
    prefix no lab or code name ("BP 168/94", "WBC 11.8")."""
    prefix, rest = _split_prefix(value)
    if prefix.upper() in _NOT_ID_ACRONYMS:
        return False
    compact = rest.replace(" ", "")
    digits = sum(c.isdigit() for c in compact)
    if digits < 3 or len(compact) < 4 + (not prefix) or _DECIMAL.match(compact) or _DATE_SHAPE.match(compact) \
            or _CODE_SHAPE.match(compact):
        return False
    if _PHONE_SHAPE.match(rest):
        return False  # "555-0199", "617.555.0187": a phone number's shape (its own recognizers name it)
    if " " in rest and rest.startswith("0"):
        return False  # "0418 555 204": a phone number's trunk-0 groups (its own recognizer names it)
    if " " in rest and digits < (6 if prefix else 7):
        return False  # digits in groups: only as long as a number (not "12 30")
    return not any(c.islower() for c in compact) or digits >= 4


def _label_ok(label: str) -> bool:
    """The word before "number" names an identifier: no phone, room or dose word, no person ("Mum's number")."""
    from medrails.guard.phi_kinds import KIN_WORDS

    word = label.strip(".").lower()
    return word not in _NOT_ID_LABELS and not word.endswith(("'s", "’s")) and word not in KIN_WORDS


# identifier schemes a writer may type in lower case ("my nhi is ..."): a lower-case label counts only when it is one
_SCHEMES_LOWER = frozenset("""
pps ppsn nhi nhs chi ihi mrn urn uhid ird tfn nin nino gms crn phn ohip ssn sin abha mbi medicare medicaid
""".split())


def _acronym_label_ok(label: str) -> bool:
    if label.upper().replace("0", "O") in ("DOB", "DOD", "EDD", "LMP"):
        return False  # a date's label, its digits read by a scanner ("D0B:  l2/O4/1951"): the date recognizers own it
    if label.islower():
        return label in _SCHEMES_LOWER
    return label.isupper() and label not in _NOT_ID_ACRONYMS and label.lower() not in _NOT_ID_LABELS


def _acronym_value_ok(value: str) -> bool:
    """After a bare acronym a value must look like no measurement: letters with digits, or a long number."""
    compact = _split_prefix(value)[1].replace(" ", "")
    digits = sum(c.isdigit() for c in compact)
    return _id_value_ok(value) and (any(c.isalpha() for c in compact) or digits >= 6)


# ---------------------------------------------------------------------------------------------
# rules matched from an anchor


@dataclass(frozen=True)
class Anchored:
    """A rule matched from a cheap anchor (a label word, a bracket, a dash, a facility word), then checked backwards:
    `back` is a pattern the text before the match must end with. `span`: "forward" (the forward match's
    group v, or all of it), "back" (back's group v) or "both" (from back's group v to the forward match's end).
    `label` checks back's group "label"; `gates`, patterns the text must all contain, skip the rule cheaply; `window`
    is how far back `back` may reach."""

    pattern: str
    score: float
    validate: Callable[[str], bool] | None = None
    back: str | None = None
    span: str = "forward"
    label: Callable[[str], bool] | None = None
    gates: tuple[str, ...] = ()
    window: int = 40
    entity: str = ""


def _with(entity: str, rules: list[Anchored]) -> list[Anchored]:
    return [dataclasses.replace(r, entity=entity) for r in rules]


class AnchoredRecognizer(EntityRecognizer):
    """Rules written as an anchor and a look back: a pattern that opens on any capitalised word is tried at every
    word of a note; these are tried only at their anchor."""

    def __init__(self, rules: list[Anchored], name: str):
        self._rules = [(regex.compile(r.pattern, regex.VERSION0),
                        regex.compile(r.back, regex.VERSION0) if r.back else None,
                        [regex.compile(g, regex.VERSION0) for g in r.gates], r) for r in rules]
        super().__init__(supported_entities=sorted({r.entity for r in rules}), name=name, supported_language="en")

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for forward, back, gates, rule in self._rules:
            if not all(g.search(text) for g in gates):
                continue
            for m in forward.finditer(text):
                start, end = m.span("v") if "v" in forward.groupindex else m.span()
                if back is not None:
                    b = back.search(text, max(0, m.start() - rule.window), m.start())
                    if b is None or (rule.label is not None and not rule.label(b.group("label"))):
                        continue
                    if rule.span == "back":
                        start, end = b.span("v")
                    elif rule.span == "both":
                        start = b.start("v")
                if end <= start or (rule.validate is not None and not rule.validate(text[start:end])):
                    continue
                results.append(RecognizerResult(
                    entity_type=rule.entity, start=start, end=end, score=rule.score,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results


def _id_rules() -> list[Anchored]:
    return _with("HEALTH_PLAN_ID", [
        # "<word> number|no.|# [is|:] V": "File no: OPD/2231/24", "my GMS number is 88231K", "Reg. No. X 2009/4"
        Anchored(r"(?<![A-Za-z])" + _NUMBER_WORD + _ID_SEP + _ID_VALUE + _UNIT_AFTER, 0.8, _id_value_ok,
                 back=r"(?<![\w'’-])(?P<label>[A-Za-z][A-Za-z0-9'’-]{1,20})\.?[ \t]*$", label=_label_ok),
        # "<ACRONYM> [ID|no.] is|: V": "his IHI is QX55K2910", "UMRN: TX.004417.2", "my nhi is ..."
        Anchored(r"(?:[:#=]|(?<=[ \t])(?:is|was)(?=[ \t]))[ \t]*" + _ID_VALUE + _UNIT_AFTER, 0.8, _acronym_value_ok,
                 back=r"(?<![\w'’-])(?P<label>[A-Z][A-Z0-9]{1,5}|[a-z]{2,9})(?:[ \t]+(?:ID|Id|id|No\.?|no\.?|number|#))?"
                      r"[ \t]*$",
                 label=_acronym_label_ok),
    ])


# ---------------------------------------------------------------------------------------------
# phones


def _phone_digits_ok(value: str) -> bool:
    return 9 <= sum(c.isdigit() for c in value) <= 15


def _trunk_phone_ok(value: str) -> bool:
    """Nine to eleven digits, not a row of clock times ("0800 1200 1600" is a dosing schedule)."""
    groups = regex.findall(r"\d+", value)
    clock = all(len(g) == 4 and int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups)
    return 9 <= sum(len(g) for g in groups) <= 11 and not clock


def _phone_rules() -> list[Anchored]:
    return _with("PHONE_NUMBER", [
        # international: a "+" and a country code, then groups ("+61 412 555 019", "+353 (0)87 555 3164", "0064 21 555 019")
        Anchored(r"(?<![\w+/])(?P<v>(?:\+|\b00)\d{1,3}(?:[ .-]?\(0?\d{0,4}\))?(?:[ .-]?\d{2,5}){2,5})(?![\d/]|[.,]\d)", 0.75,
             _phone_digits_ok),
        # national trunk-0 shape, in groups: "0418 555 204", "0113 278 4402", "07711 900118"
        Anchored(r"(?<![\w.+/-])(?P<v>\(?0\d{1,4}\)?[ -]\d{3,4}[ -]\d{3,4}|0\d{3,4}[ ]\d{6})(?![\w/-]|[.,]\d)"
             + _UNIT_AFTER, 0.7, _trunk_phone_ok),
    ])


# ---------------------------------------------------------------------------------------------
# streets, towns, facilities

# street types the base list (phi_recognizers) lacks, British, Irish, Australian, NZ, Indian and US alike
_MORE_STREETS = (r"(?:Lawns?|Heights|Hts|Chase|Glen|Gate|Wharf|Meadows?|Downs|Brae|Dene|Garth|Crest|Ridge|Hollow|Cove|"
                 r"Estate|Villas|Fields|Orchard|Paddock|Broadway|Dell|Heath|Vista|Grange|Glade|Mead|Strand|Cres|Cl|Gdns|"
                 r"Pde|Tce|Marg|Salai|Nagar)")


_NOT_STREET_NAMES = frozenset({"bed", "room", "ward", "bay", "unit", "floor", "level", "day", "week"})


def _street_words_ok(value: str) -> bool:
    """The street's own name: no lab, dose, room or clinical word ("2 Trigger Point", "3 Bed Bay")."""
    from medrails.guard.phi_suppression import _is_medical_token

    words = value.split()[1:-1]
    if not words or all(_is_medical_token(w, True) for w in words):
        return False
    return not any(_is_medical_token(w) or w.lower() in _NOT_STREET_NAMES for w in words)


def _town_ok(value: str) -> bool:
    from medrails.guard.phi_kinds8 import _town_ok as town_ok

    return town_ok(value)


_FACILITY_HEAD = (r"(?:Diagnostics|Diagnostic[ \t]+Cent(?:er|re)|Laborator(?:y|ies)|Labs|Pathology|Imaging|Radiology|"
                  r"Scans|Pharmacy|Chemists?|Healthcare|Hospitals?|Polyclinic|Dispensary|Nursing[ \t]+Home|Medical[ \t]+"
                  r"Cent(?:er|re)|Health[ \t]+Cent(?:er|re)|Clinic|Infirmary|Hospice|Surgery|Practice|Medical[ \t]+Group)")


def _campus_ok(value: str) -> bool:
    """The facility is a named one ("Cardiology Clinic" is not) and the campus after the dash names a place: no
    department, weekday, month, common or medical word."""
    from medrails.guard.phi_kinds6 import named_place_ok
    from medrails.guard.phi_suppression import _is_medical_token

    core, campus = regex.split(r"[ \t]+[-–—][ \t]+", value, maxsplit=1)
    words = [w for w in campus.split() if w.lower() != "campus"]
    return bool(words) and named_place_ok(core) and _town_ok(" ".join(words)) \
        and not any(_is_medical_token(w, True) or w.lower() in _common() for w in words) and name_words_ok(" ".join(words))


def _of_place_ok(value: str) -> bool:
    from medrails.guard.phi_kinds6 import named_place_ok

    return named_place_ok(value.split(" of ")[0])


def _place_rules() -> list[Anchored]:
    # anchored on the street type, the house number and name read backwards
    street_back = r"(?<![\d/.,:-])\b(?P<v>\d{1,6}[A-Za-z]?[ \t]+(?:" + _CAP + r"[ \t]+){1,3})$"
    street = _with("STREET_ADDRESS", [
        Anchored(r"(?m)\b" + _MORE_STREETS + r"\b\.?(?=[ \t]*(?:,|$))", 0.8, _street_words_ok, back=street_back,
                 span="both", gates=(r"\d",), window=80),
    ])
    town = _with("TOWN_AFTER_STREET", [
        # the town after such a street line: "14 Kestrel Heights, Dunmore"
        Anchored(r"(?m)\b" + _MORE_STREETS + r"\.?[ \t]*,[ \t]*(?P<v>" + _CITY + r")(?=[ \t]*(?:,|$|[ \t]\d))", 0.6,
                 _town_ok, back=street_back, gates=(r"\d",), window=80),
    ])
    after_facility = _with("TOWN_AFTER_FACILITY", [
        # "Northgate Diagnostics, Pune", "Medway Imaging, Rochester  Tel ..." (the town closes a line or field)
        Anchored(r"(?m)\b" + _FACILITY_HEAD + r"[ \t]*,[ \t]*(?P<v>\p{Lu}\p{Ll}[\p{Ll}'’-]+(?:[ \t-]\p{Lu}\p{Ll}"
                 r"[\p{Ll}'’-]+)?)(?=[ \t]*(?:$|[.;(]|\t| {2,}|,|[ \t]+\d{3,6}\b))", 0.65, _town_ok,
                 back=_CAP + r"[ \t]+$", window=30),
    ])
    facility = _with("FACILITY", [
        # "<Name> Healthcare of <Place>", "Children's Hospital of <Place>", "<Name> Health System of <Place>"
        Anchored(r"\b(?:Healthcare|Health[ \t]+Care|Health(?:[ \t]+System)?|Hospitals?|Medical[ \t]+Cent(?:er|re))[ \t]+"
                 r"of[ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?\b", 0.75, _of_place_ok,
                 back=r"(?<![\p{L}'’-])(?P<v>(?:" + _CAP + r"[ \t]+){1,4})$", span="both", gates=(r" of ",), window=90),
        # a facility and its campus after a dash: "<Facility> - Bayview", "<Facility> – North Campus"
        Anchored(r"(?m)\b" + _FACILITY_HEAD + r"(?:[ \t]+(?:of|at)[ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?)?[ \t]+"
                 r"[-–—][ \t]+" + _CAP + r"(?:[ \t]+" + _CAP + r")?(?![ \t]*\d)(?=[ \t]*(?:[,.;:()]|$)|[ \t]+[a-z])"
                 r"(?![ \t]+(?:service|team|unit|clinic|program|programme|department|dept|ward|floor|wing|rounds|consult|"
                 r"note|referral|pathway|protocol)\b)", 0.75,
                 _campus_ok, back=r"(?<![\p{L}'’-])(?P<v>(?:(?:St\.?|Saint)[ \t]+)?" + _CAP + r"[ \t]+(?:(?:" + _CAP
                 + r"|&|and|of|the)[ \t]+){0,4})$",
                 span="both", gates=(r"[ \t][-–—][ \t]",), window=90),
    ])
    return [*street, *town, *after_facility, *facility]


# ---------------------------------------------------------------------------------------------
# names

_NOT_CHILD_NAMES = frozenset("""
child baby infant toddler boy girl kid kids sibling siblings twin twins patient pt male female dog cat puppy
""".split())
_CHAT_SHORTHAND = frozenset("""
ty thx tx tks thanks thank xoxo xo xx lol pls plz asap btw fyi tia ttyl brb omg idk ok okay k yes no sent regards
cheers love bye later soon urgent help me
""".split())


@functools.lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from medrails.guard.phi_given_names import _common_words

    return _common_words() | _PLACE_NOUNS


def _one_or_full_name(value: str) -> bool:
    """Two or more name words, or one lexicon given name ("pt (Mandarin)" is a language, not a name)."""
    from medrails.guard.phi_given_names import is_given_name

    words = [w for w in value.split() if not regex.fullmatch(_PARTICLE, w)]
    if not name_words_ok(value) or any(w.lower() in _common() or w.lower().endswith(("ing", "ed")) for w in words):
        return False
    return len(words) >= 2 or is_given_name(words[0])


def _child_name_ok(value: str) -> bool:
    words = value.lower().split()
    return words[0] not in _NOT_CHILD_NAMES and not any(w in _common() for w in words) and name_words_ok(value)


def _spaced_name_ok(value: str) -> bool:
    """A name whose words a scanner spread two spaces apart (single-spaced names are the other recognizers')."""
    return "  " in value and name_words_ok(" ".join(value.split()))


def _lower_full_name_ok(value: str) -> bool:
    """A lower-case given name from the lexicon, then a surname that is no common or medical word."""
    from medrails.guard.phi_given_names import WORD_NAMES, is_given_name

    first, last = value.split()
    return first not in WORD_NAMES and first not in _common() and is_given_name(first) and last not in _common() \
        and name_words_ok(value)


def _signature_ok(value: str) -> bool:
    words = value.lower().split()
    return words[0].strip(".") not in _CHAT_SHORTHAND and words[0] not in _common() and name_words_ok(words[0])


def _name_rules() -> list[Anchored]:
    person = _with("PERSON", [
        # a name in parentheses after the patient or a relative: "pt (Arjun Mehta Rao)", "Dad (Tavita)"
        Anchored(r"\([ \t]*(?P<v>" + _CAP + r"(?:[ \t]+(?:" + _PARTICLE + r"[ \t]+)*" + _CAP + r"){0,3})[ \t]*\)", 0.7,
                 _one_or_full_name, back=r"\b(?i:pt|patient|client|resident|" + _KIN + r")(?:['’]s)?[ \t]*$"),
        # a name before an age in parentheses: "Kahu (18 mo)", "Ana Lima (age 7)", "Tui (3yo)"
        Anchored(r"\([ \t]*(?:\d{1,3}[ \t]*(?:yo|y/o|y\.o\.?|yrs?[ \t-]+old|years?[ \t-]+old|mo|mos|m/o|months?[ \t-]+old|"
                 r"weeks?[ \t-]+old|days?[ \t-]+old|[MF])|(?i:age|aged)[ \t]*\d{1,3})[ \t]*\)", 0.65, _child_name_ok,
                 back=r"(?<![\p{L}'’-])(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)[ \t]*$", span="back"),
        # a dash signature closing a message, capitalised: "-Mari", "~ Tui"
        Anchored(r"[-–—~]{1,2}[ \t]*(?P<v>" + _CAP + r")[ \t]*\Z", 0.65, _signature_ok, back=r"(?:^|\n)[ \t]*$"),
    ])
    form = _with("FORM_NAME", [
        # "Attending  Physician:  Oluwaseun  Adeyemi      Ext: ..." (two spaces between the name's words, a column gap after)
        Anchored(r"(?m):[ \t]*(?P<v>" + _CAP + r"(?:[ \t]{1,2}(?:\p{Lu}\.?|" + _CAP + r")){1,3})(?=[ \t]{3,}|\t|[ \t]*$|"
                 r"[ \t]*,)", 0.75, _spaced_name_ok, back=r"[A-Za-z.)][ \t]*$", gates=(r"\p{Ll}  \p{Lu}",)),
    ])
    chat = _with("CHAT_NAME", [
        # a lower-case self-introduction with a surname: "im david okonkwo btw", "this is ana folau, ..."
        Anchored(r"\b(?:im|i['’]m|i[ \t]+am|its|it['’]s|this[ \t]+is|my[ \t]+name[ \t]+is)[ \t]+(?P<v>[a-z][a-z'’-]{1,20}[ \t]+"
             r"[a-z][a-z'’-]{1,20})(?=[ \t]*(?:[,.!;:?)]|$|\n|[ \t]+(?:btw|here|again|from|calling|speaking|dob|d\.o\.b|"
             r"date|born|and|i|im|i['’]m|my|age|aged|\d)\b))", 0.65, _lower_full_name_ok),
    ])
    signature = _with("CHAT_NAME", [
        # a dash signature closing a message, lower case: "-rangi", "- tui k"
        Anchored(r"[-–—~]{1,2}[ \t]*(?P<v>[a-z][a-z'’-]{2,20}(?:[ \t]+[a-z]\.?)?)[ \t]*\Z", 0.6, _signature_ok,
                 back=r"(?:^|\n)[ \t]*$"),
    ])
    return [*person, *form, *chat, *signature]


# ---------------------------------------------------------------------------------------------
# lower-case towns

# nouns that follow "in" / "from" without naming a town (besides the common and medical words)
_PLACE_NOUNS = frozenset("""
bed beds jail prison court custody school class college uni university church mosque temple chapel traffic line
queue person public private general total advance time case fact addition particular order touch trouble labor
labour shock tears pain love charge control front back town city country state village area neighborhood
neighbourhood region hospital rehab detox hospice icu er ed care foster quarantine isolation lockdown recovery
remission treatment therapy shower bath bathroom kitchen garage yard basement attic car truck van bus house
apartment flat dorm office work lab clinic surgery theatre shelter residence hotel motel gym pool park garden store
shop mall airport station camp base barracks hall room bedroom lounge hallway hall stairs church hostel cabin trailer
vegas uptown downtown midtown suburbs country countryside city centre center poverty debt fear agony misery bits
pieces pajamas pyjamas public general bulk person tow denial shock mourning hiding limbo transit route
""".split())
_KIN_PLACE = (r"(?:at|to|from|with|near)[ \t]+(?:my|his|her|our|their|the)[ \t]+" + _KIN + r"(?:['’]?s)?(?:[ \t]+"
              r"(?:place|house|home|apartment|flat|farm))?")
_LIVE_IN = (r"live|lives|living|lived|stay|stays|staying|stayed|moved|moving|relocated|visiting|vacationing|holidaying|"
            r"back[ \t]+home|grew[ \t]+up|born")
_FROM = r"originally|visiting|moved|im|i['’]m|i[ \t]+am|we['’]re|we[ \t]+are|flew|flying"
_TO = r"moved|moving|relocated|relocating|flew|flying"
_FOLLOW = r"(?:and|for|this|last|next|over|until|till|since|with|but|so|now|btw|because|bc|cause|atm|rn)\b"
_LOWER_TOWN = (r"[ \t]+(?P<v>[a-z][a-z'’-]{2,20}(?:[ \t]+(?!" + _FOLLOW + r")[a-z][a-z'’-]{2,20})?)(?=[ \t]*(?:[,.!?;:)]|$|"
               r"\n|[ \t]+" + _FOLLOW + r"))")
_OVER = r"(?:[ \t]+(?:over|down|up|out))?[ \t]+$"


# states, provinces, countries and regions: above the town level Safe Harbor lists, so never a town here
_ABOVE_TOWN = frozenset(w.replace("_", " ") for w in """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin
wyoming puerto_rico guam alberta british_columbia manitoba new_brunswick newfoundland labrador nova_scotia ontario
quebec saskatchewan nunavut yukon queensland victoria tasmania new_south_wales northern_territory western_australia
south_australia america usa canada mexico england scotland wales ireland britain uk australia zealand new_zealand
india pakistan bangladesh nepal china japan korea vietnam thailand philippines indonesia malaysia singapore germany
france spain portugal italy greece poland ukraine russia turkey egypt nigeria kenya ghana ethiopia somalia sudan
uganda tanzania zimbabwe zambia brazil argentina chile peru colombia venezuela cuba jamaica haiti guatemala honduras
salvador nicaragua iran iraq syria lebanon israel jordan afghanistan netherlands holland belgium sweden norway denmark
finland iceland austria switzerland europe asia africa samoa tonga fiji the_states the_us the_uk overseas abroad
""".split())


def _lower_town_ok(value: str) -> bool:
    words = value.split()
    if value in _ABOVE_TOWN or words[0] in _ABOVE_TOWN:
        return False
    return all(w not in _common() and len(w) >= 3 and not w.endswith(("ing", "ed", "ly", "ness", "tion")) for w in words) \
        and name_words_ok(value)


def _cap_town_ok(value: str) -> bool:
    return value.lower() not in _ABOVE_TOWN and _town_ok(value) and name_words_ok(value) and not any(w.lower() in _common() for w in value.split())


def _town_rules() -> list[Anchored]:
    return _with("TOWN_AFTER_STREET", [
        # "i was at my nans in porirua.", "staying in otara for now", "originally from palmerston north", "moved to x"
        Anchored(r"\b(?:in|near)" + _LOWER_TOWN, 0.6, _lower_town_ok,
                 back=r"\b(?i:" + _KIN_PLACE + "|" + _LIVE_IN + ")" + _OVER, window=60),
        Anchored(r"\bfrom" + _LOWER_TOWN, 0.6, _lower_town_ok, back=r"\b(?i:" + _FROM + r")[ \t]+$"),
        Anchored(r"\bto" + _LOWER_TOWN, 0.6, _lower_town_ok, back=r"\b(?i:" + _TO + r")[ \t]+$"),
        # capitalised after a relative's place: "staying at her daughter's in Papakura"
        Anchored(r"\b(?:in|near)[ \t]+(?P<v>" + _CITY + r")\b", 0.6, _cap_town_ok, back=r"\b(?i:" + _KIN_PLACE + ")" + _OVER,
                 window=60),
    ])


# ---------------------------------------------------------------------------------------------
# a date of birth in words

_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORD = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
        r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|"
        r"(?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")
_DAYW = r"(?:(?:twenty|thirty)(?:[\s-]" + _UNIT + r")?|" + _TEEN + "|" + _UNIT + "|" + _ORD + ")"
_MONTHW = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_YEAR2 = r"(?:oh[\s-]" + _UNIT + "|" + _TEEN + "|" + _TENS + r"(?:[\s-]" + _UNIT + r")?)"
_YEARW = (r"(?:(?:nineteen|twenty)[\s-]" + _YEAR2 + r"|two[\s-]thousand(?:[\s-]and)?(?:[\s-](?:" + _TENS + r"(?:[\s-]"
          + _UNIT + r")?|" + _TEEN + "|" + _UNIT + "))?|" + _YEAR2 + ")")
_DOB_CUE = r"(?:date[ \t]+of[ \t]+birth|\bdob\b|d\.o\.b\.?|birth[ \t]*date|birthday|\bborn\b)"
_SPOKEN = (r"(?P<v>(?:" + _MONTHW + r"|" + _DAYW + r")(?:[\s]+of)?[\s,-]+(?:the[\s]+)?(?:" + _MONTHW + r"|" + _DAYW + r")"
           r"[\s,-]+" + _YEARW + r")(?![\w-])")


def _spoken_date_ok(value: str) -> bool:
    """No two numbers past twelve: one of the first two words is a month ("twelve four nineteen fifty")."""
    return bool(regex.match(r"(?i)(?:" + _MONTHW + r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                            + r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b",
                            value)
                or regex.search(r"(?i)[\s,-](?:" + _MONTHW + r"|one|two|three|four|five|six|seven|eight|nine|ten|"
                                r"eleven|twelve)[\s,-]", value))


def _dob_rules() -> list[Anchored]:
    return _with("SPOKEN_DATE", [
        # after a date-of-birth question or label, on its line or the next: "...date of birth?\nCaller: ..., March
        # third, sixty-two."
        Anchored(r"(?i)" + _DOB_CUE + r"[^\n]{0,100}?(?:\n[^\n]{0,100}?)?\b" + _SPOKEN, 0.75, _spoken_date_ok,
                 gates=(r"(?i)birth|dob|d\.o\.b|born", r"(?i)ty\b|teen\b|thousand")),
    ])


def fresh13_recognizers() -> list:
    """One recognizer for every fresh-13 rule (Presidio's cost is per recognizer, not per rule)."""
    return [AnchoredRecognizer([*_id_rules(), *_phone_rules(), *_place_rules(), *_name_rules(),
                                *_town_rules(), *_dob_rules()], "Fresh13Recognizer")]


# ---------------------------------------------------------------------------------------------
# false positives

_ORIENTATION = regex.compile(r"^(?i:A\s*(?:&|and|\+|/)?\s*A?\s*O|AxO)\s*(?:[x×]\s*[0-4](?:\s*/\s*4)?)?$")
_ORIENTATION_AFTER = regex.compile(r"\s*[x×]\s*[0-4]")
_SCORE_AFTER = regex.compile(r"(?:['’]s)?[ \t]*(?:score|scale|balance|test)?[ \t]*[:=(]?[ \t]*(\d{1,3}(?:\.\d)?)[ \t]*/[ \t]*"
                             r"(\d{1,3})\b(?!/)")
_LATERALITY = frozenset({"L", "R", "B", "Lt", "Rt", "Bil", "LT", "RT"})
_ID_LABEL_AFTER = regex.compile(r"\.?[ \t]*(?:No\.?|NO\.?|Number|Nr\.?|#)[ \t]*[:.]?[ \t]*[A-Z0-9]")
_GREETINGS = regex.compile(
    r"(?i)\b(?:kia[ \t]+ora(?:[ \t]+(?:koutou|kōrua|korua|tātou|tatou))?|kia[ \t]+orana|ia[ \t]+orana|t[eē]n[aā][ \t]+"
    r"(?:koe|koutou|kōrua|korua)|m[oō]rena|talofa(?:[ \t]+lava)?|m[aā]l[oō][ \t]+(?:e[ \t]+)?lelei|fakaalofa[ \t]+lahi[ \t]+atu|"
    r"bula(?:[ \t]+vinaka)?|ni[ \t]+sa[ \t]+bula|aloha(?:[ \t]+mai)?|namast[eé]|namaskar(?:am)?|vanakkam|sat[ \t]+sri[ \t]+akal|"
    r"as-?salaam?u?[ \t]+[a']?alaikum|assalamu?alaikum|salaam|salam|shalom|sawubona|molo|dumela|jambo|habari|sannu|"
    r"mabuhay|kumusta|kamusta|magandang[ \t]+(?:umaga|hapon|gabi)|ni[ \t]+hao|konnichiwa|annyeong(?:haseyo)?|xin[ \t]+ch[aà]o|"
    r"sawasdee|selamat[ \t]+(?:pagi|siang|sore|malam|datang)|apa[ \t]+khabar|merhaba|kalimera|yassou|dia[ \t]+dh?uit|"
    r"bonjour|bonsoir|buenos[ \t]+d[ií]as|buenas[ \t]+(?:tardes|noches)|bom[ \t]+dia|boa[ \t]+(?:tarde|noite)|"
    r"guten[ \t]+(?:tag|morgen|abend)|gr[üu]ß[ \t]+gott|goedemorgen|goedendag|god[ \t]+(?:morgen|dag)|g['’]day|howzit)\b")
_RANGE = regex.compile(r"^\d{2,5}[ \t]*[-–][ \t]*\d{2,5}$")
_RANGE_UNIT_AFTER = regex.compile(r"[ \t]*(?:kcal|kilocalories|calories|cal|kj|kilojoules|steps|ml|cc|g|grams?|mg|mcg|"
                                  r"units?|iu|min|mins|minutes|hrs?|hours|ft|feet|m|meters|metres|km|miles|lbs?|kg|oz|"
                                  r"beats|bpm|mmhg)\b", regex.I)
_RANGE_CUE_BEFORE = regex.compile(r"\b(?:needs?|goal|target|range|between|approx(?:imately)?|about|estimated|intake|"
                                  r"requirements?|aim)[ \t:~≈]*$", regex.I)
_SHORTHAND = frozenset("""
med meds rec recon pre post op re co non anti sub self check follow up in out call visit review consult f/u fu
""".split())
_LAB_ROW_AFTER = regex.compile(
    r"(?:[ \t]*,?[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*){0,2})?[ \t]{1,}[<>≤≥~]?[ \t]*\d+(?:\.\d+)?[ \t]*"
    r"(?:%|[a-zµμ]*(?:g|mol|Eq|U|IU|L|cells)/[A-Za-z0-9.^µμ]+|mm/hr?|fL|pg|sec|s|ratio|index)(?![\w/])")
# ordinary verbs a relative or role takes ("ex-husband knew", "mom thinks"): irregular forms and frequent verbs
_VERBS = frozenset("""
knew know knows known saw see sees seen told tell tells said say says came come comes went go goes gone took take
takes taken gave give gives given found find finds thought think thinks felt feel feels left leave leaves brought
bring brings bought buy buys kept keep keeps heard hear hears met meet meets sent send sends spent spend spends stood
stand stands understood understand understands wrote write writes written drove drive drives driven ate eat eats eaten
fell fall falls fallen forgot forget forgets forgotten got get gets gotten had has have did do does done made make makes
ran run runs sat sit sits slept sleep sleeps spoke speak speaks spoken woke wake wakes wore wear wears became become
becomes began begin begins begun broke break breaks broken chose choose chooses chosen drank drink drinks drunk drew
draw draws drawn flew fly flies flown froze freeze freezes frozen grew grow grows grown hid hide hides hidden hit hits
hurt hurts lay lays laid lead leads led lost lose loses meant mean means paid pay pays put puts quit quits read reads
rode ride rides ridden rang ring rings rung shook shake shakes shaken shot shoot shoots showed show shows shown shut
shuts sold sell sells stole steal steals stolen struck strike strikes swam swim swims swore swear swears taught teach
teaches threw throw throws thrown tore tear tears torn wept weep weeps won't can't couldn't wouldn't didn't doesn't
isn't wasn't hasn't hadn't noticed worries worried believes believed suspects suspected learned learnt discovered
found finds saw heard realised realized mentioned shared posted accessed viewed opened read reads
""".split())
_NAME_ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY")


def _not_date_fraction(a: str, b: str) -> bool:
    x, y = int(float(a)), int(b)
    return x <= y and not (1 <= x <= 12 and 1 <= y <= 31) and not (1 <= x <= 31 and 1 <= y <= 12)


_SCORED_WORD = regex.compile(r"\b(\p{Lu}[\p{L}'’-]+)(?=" + _SCORE_AFTER.pattern + ")")


@functools.lru_cache(maxsize=16)
def _scored_words(text: str) -> frozenset[str]:
    """The words followed by a score out of a maximum in the text ("Tinetti 18/28", "Berg: 44/56")."""
    return frozenset(m.group(1) for m in _SCORED_WORD.finditer(text)
                     if (s := _SCORE_AFTER.match(text, m.end())) and _not_date_fraction(s.group(1), s.group(2)))


def _in_greeting(text: str, start: int, end: int) -> bool:
    """The span lies inside a greeting that opens the text, a line, a sentence or a quotation."""
    head = text[max(0, start - 30):start]
    cut = max(head.rfind(c) for c in "\n\"“'(.!?:-")
    if cut < 0 and start > 30:
        return False
    pos = start - len(head) + cut + 1
    while pos < start and text[pos] in " \t":
        pos += 1
    m = _GREETINGS.match(text, pos)
    return m is not None and m.end() >= end


_NUMBER_ENTITIES = frozenset({"PHONE_NUMBER", "LONG_NUMBER", "FAX_NUMBER", "ACCOUNT_NUMBER", "HEALTH_PLAN_ID",
                              "DATE_TIME", "CLINICAL_DATE", "STREET_ADDRESS"})
_CLOCK_ROW = regex.compile(r"(?:\d{4}[ \t,/-]+){2,}\d{4}")
_GREETING_WORDS = frozenset("""
kia ia tēnā tena mōrena morena talofa mālō malo fakaalofa bula ni aloha namaste namasté namaskar namaskaram vanakkam
sat as-salaamu as-salamu assalamualaikum assalamu salaam salam shalom sawubona molo dumela jambo habari sannu mabuhay
kumusta kamusta magandang konnichiwa annyeong annyeonghaseyo xin sawasdee selamat apa merhaba kalimera yassou dia
bonjour bonsoir buenos buenas bom boa guten grüß gruß goedemorgen goedendag god g'day g’day howzit ora orana koutou
kōrua korua tātou tatou koe lava lelei lahi atu vinaka sa mai sri akal alaikum umaga hapon gabi hao chào chao pagi
siang sore malam datang khabar duit dhuit días dias tardes noches tarde noite tag morgen abend gott dag
""".split())


def kind13_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-13 false-positive kinds."""
    value = text[start:end]
    if not value or value.isspace():
        return None
    if entity in _NUMBER_ENTITIES:
        if not value[0].isdigit():
            return None
        if _RANGE.match(value):
            low, high = (int(x) for x in regex.split(r"[ \t]*[-–][ \t]*", value))
            if low < high and (_RANGE_UNIT_AFTER.match(text, end) or _RANGE_CUE_BEFORE.search(text[max(0, start - 30):start])):
                return "a numeric range before a unit ('1500-1800 kcal')"
        elif _CLOCK_ROW.fullmatch(value) and all(int(g[:2]) < 24 and int(g[2:]) < 60 for g in regex.findall(r"\d+", value)):
            return "a row of clock times, a dosing schedule ('0800 1200 1600')"
        return None
    if entity not in _NAME_ENTITIES:
        return None
    tokens = value.split()
    first = tokens[0].strip(".,;:()'’\"")
    if first.lower() in _GREETING_WORDS and _in_greeting(text, start, end):
        return "a greeting in another language ('Kia ora', 'Talofa lava')"
    if first[:1] in "Aa" and len(value) <= 10 and _ORIENTATION.match(value) \
            and (_ORIENTATION_AFTER.match(text, end) or regex.search(r"[x×]\s*[0-4]", value)):
        return "an orientation score ('A&Ox4')"
    if tokens[-1].rstrip(".") in ("No", "NO", "Nr", "Number") and regex.match(r"\.?[ \t]*[:#]?[ \t]*[A-Z0-9]", text[end:end + 6]):
        return "an identifier label ('Record No.')"
    if len(tokens) > 1:
        return None
    word = first
    if word in _LATERALITY and regex.match(r"[ \t]+[a-z]", text[end:end + 3]):
        return "a laterality letter before anatomy ('R forearm')"
    if len(word) <= 6 and _ID_LABEL_AFTER.match(text, end):
        return "an identifier label ('Reg.' of 'Reg. No.')"
    if word[:1].isupper():
        if "/" in text and word in _scored_words(text):
            return "an eponymous scale with its score ('Tinetti 18/28') and its other mentions"
        if _LAB_ROW_AFTER.match(text, end):
            return "an analyte heading a lab row ('Glucose, random   212 mg/dL')"
    elif value.islower():
        if word in _VERBS:
            return "an ordinary verb after a relative or role ('ex-husband knew')"
        if "-" in word or "/" in word:
            parts = [p for p in regex.split(r"[-/]", word) if p]
            if len(parts) >= 2 and any(p in _SHORTHAND or p in _common() for p in parts):
                return "a hyphenated clinical shorthand ('med-rec')"
    return None
