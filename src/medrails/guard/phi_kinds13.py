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

This module holds the identifier, phone and spoken-date rules and the registry entry (`fresh13_recognizers`); the
shared patterns and anchored-rule machinery are in phi_kinds13_anchored, the place and lower-case town rules in
phi_kinds13_places, the name rules in phi_kinds13_names and the false positives in phi_kinds13_fp.
"""

from __future__ import annotations

import regex

from medrails.guard.phi_kinds13_anchored import _UNIT_AFTER, Anchored, AnchoredRecognizer, _with
from medrails.guard.phi_kinds13_fp import kind13_reason
from medrails.guard.phi_kinds13_names import _name_rules
from medrails.guard.phi_kinds13_places import _place_rules, _town_rules

__all__ = ["fresh13_recognizers", "kind13_reason"]

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
# a date of birth in words

from medrails.guard.phi_kinds7 import _ORD, _TEEN, _TENS, _UNIT  # noqa: E402  (the spoken-number words dictation uses)

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
