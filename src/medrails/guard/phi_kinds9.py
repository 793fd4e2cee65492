"""PHI kinds found by the ninth and tenth blind note sets (fresh 9, fresh 10), as recognizers and false-positive checks.

Recognizers (regexes only, no model):
- practices named by a specialty ("Riverbend Orthopedics", "... Cardiovascular Institute"), post-acute and nursing
  centres ("... Nursing Center", "... Post-Acute"), hospitals named "... Health City" / "... Healthcare", a
  community health centre by its abbreviation ("... CHC", "... FQHC") and a British GP surgery in a letterhead
  line or after "at" / "from" ("Oakfield Road Surgery");
- a fax number outside the US numbering plan after its label ("Fax 01 298 4472");
- a phone number spoken digit by digit with pauses, outside dictation ("call me at six one seven, five five ...");
- a spoken date with an ordinal in any text ("on friday, march twenty-second");
- a partial date after an availability cue ("bed available 4/19", "valid until 6/30");
- a blood-bank or ID armband number ("armband # BB-220981");
- a full name holding a quoted nickname ('Eleanor "Nell" Brandt'), a nickname in parentheses without quotes
  ("(goes by TJ)"), a caller naming themself with "it's" ("it's Joanne Pryce calling");
- the city after a suburb in a street line ("12 Tōtara Road, Papatoetoe, Auckland 2025").

False positives (`kind9_reason`, called by phi_suppression.suppression_reason): a clock time read as a house number
("4:12 PM\\n\\nHi Dr."), a word ending in a street abbreviation ("gave 1"), a dose and a route read as a street
("300 IV. CTDI 12"), a phone number of fewer than seven digits ("AC 14/500"), a lab abbreviation alone ("serial
Hb"), post-nominal credentials ("FRCPC"), a verb opening a sentence ("Irrigated, ..."), a reporting system
("PI-RADS"), a user-interface instruction ("Select Mark as Read"), a sex field and its value ("Sex M"), a specimen
part letter ("Specimen: A. Sentinel lymph node").
"""

from __future__ import annotations

import regex

from medrails.guard.phi_recognizers import _ID, _LABS, _SEP, Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
# a practice named by the specialty it practises ("Riverbend Orthopedics"), or by an adjective and a head
PRACTICE_SPECIALTIES = (r"(?:Orthop(?:a)?edics|Rheumatology|Cardiology|Dermatology|Neurology|Oncology|Urology|"
                        r"Gastroenterology|Pulmonology|Nephrology|Endocrinology|Ophthalmology|Otolaryngology|Podiatry|"
                        r"Chiropractic|Physiotherapy|Physical\s+Therapy|Allergy(?:\s+(?:&|and)\s+Asthma)?|Audiology|"
                        r"Women['’]s\s+Health|Sports\s+Medicine|Spine|Fertility|Hematology|Haematology)")
_SPECIALTY_ADJ = (r"(?:Cardiovascular|Cardiac|Orthop(?:a)?edic|Spine|Vascular|Kidney|Digestive|Neuroscience|Heart(?:\s+and|"
                  r"\s+&)?\s+Vascular|Bone\s+(?:and|&)\s+Joint|Cancer|Eye|Skin|Lung|Liver|Brain)")
_PRACTICE_HEADS = r"(?:Institute|Center|Centre|Clinic|Associates|Specialists|Group|Partners|Consultants)"
_CARE_HEADS = (r"(?:Nursing(?:[ \t]+(?:and|&)[ \t]+Rehab(?:ilitation)?)?[ \t]+(?:Center|Centre|Facility)|"
               r"Post-Acute(?:[ \t]+Care)?(?:[ \t]+(?:Center|Centre))?|Transitional[ \t]+Care(?:[ \t]+(?:Center|Centre))?|"
               r"Health[ \t]+(?:and|&)[ \t]+Rehab(?:ilitation)?(?:[ \t]+(?:Center|Centre))?|Health[ \t]+City|Medicity|"
               r"Healthcare|Health[ \t]+Care|Aged[ \t]+Care(?:[ \t]+(?:Home|Facility|Centre|Center|Village))?|"
               r"Rehab(?:ilitation)?|(?:Men['’]s|Women['’]s|Family|Youth)[ \t]+(?:Shelter|Refuge|Hostel)|Shelter)")
_DIGW = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|Place|Pl|Terrace|Crescent|Close|"
           r"Grove|Parade|Highway|Hwy)")
_TOWN = r"\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2}"
_CITY = r"\p{Lu}\p{Ll}[\p{L}'’-]+(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]+){0,2}"  # not a state code ("Denver, CO.")


_REQUEST_VERBS = frozenset("""
consult reconsult refer page call notify contact ask discuss involve email message update inform alert via per
""".split())


def _named_practice_ok(value: str) -> bool:
    """The words before the head name the place: no generic word alone, a naming word no common or medical word
    ("Pediatric Cardiology", "General Surgery", "Consult Rheumatology" are services)."""
    from medrails.guard.phi_kinds6 import _generic_words, named_place_ok

    heads = regex.sub(r"(?:" + PRACTICE_SPECIALTIES + "|" + _SPECIALTY_ADJ + "|" + _PRACTICE_HEADS + "|" + _CARE_HEADS
                      + r"|Surgery|CHC|FQHC|PHC)", " ", value)
    named = [w for w in heads.split() if w.lower() not in _generic_words() and len(w) > 1]
    if value.split()[0].lower() in _REQUEST_VERBS:
        return False  # "Consult Cardiology", "Page Orthopedics": a request to a service
    return named_place_ok(value) and any(name_words_ok(w) for w in named)


def _digits_ok(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 7


def _spoken_digits_ok(value: str) -> bool:
    return len(regex.findall(_DIGW, value, regex.I)) >= 7


def _date_not_count(value: str) -> bool:
    """"available 4/18" is a date, "available 2/3" may be a count: a day past 12 or a month above its day."""
    month, day = (int(x) for x in value.split("/"))
    return day > 12 or month > day


def _spoken_date_ok(value: str) -> bool:
    # "may" and "march" are also a verb: only as a date with a year or after a weekday (checked by the pattern)
    return not regex.match(r"(?i:may|march)\s", value) or bool(regex.search(r"\s(?:nineteen|twenty|two)\s", value))


def _nickname_ok(value: str) -> bool:
    return value.isupper() or name_words_ok(value)


def _recognizers() -> list:
    from medrails.guard.phi_kinds7 import _MONTHW, _ORD, _YEARW

    facility = RuleRecognizer("FACILITY", [
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:" + PRACTICE_SPECIALTIES + r"(?:[ \t]+" + _PRACTICE_HEADS + r")?|"
             + _SPECIALTY_ADJ + r"[ \t]+" + _PRACTICE_HEADS + r"))\b", 0.7, _named_practice_ok, 0),
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}" + _CARE_HEADS + r")(?![\p{L}-])", 0.7, _named_practice_ok, 0),
        # "Khayelitsha Site B CHC": a community health centre by its abbreviation
        Rule(r"\b(?P<v>" + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|[A-Z]|\d{1,2})){0,3}[ \t]+(?:CHC|FQHC|PHC))\b", 0.7,
             _named_practice_ok, 0),
        # a British GP surgery: a letterhead line of its own, or after "at" / "from" / "registered with"
        Rule(r"(?m)^[ \t]*(?P<v>(?:" + _CAP + r"[ \t]+){1,3}Surgery)[ \t]*$", 0.7, _named_practice_ok, 0),
        Rule(r"\b(?i:at|from|to|with)[ \t]+(?:the[ \t]+)?(?P<v>(?:" + _CAP + r"[ \t]+){1,3}Surgery)\b", 0.65,
             _named_practice_ok, 0),
    ], "Fresh9FacilityRecognizer")
    fax = RuleRecognizer("FAX_NUMBER", [
        # a fax number in any national format after its label ("Fax 01 298 4472", "Fax: +353 1 298 4472")
        Rule(r"\b(?i:fax|facsimile|fx)\.?[ \t]*(?i:no\.?|number|#)?[ \t]*[:.]?[ \t]*(?P<v>\+?\(?\d[\d \t().-]{5,16}\d)"
             r"(?![\d/])", 0.9, _digits_ok, 0),
    ], "IntlFaxRecognizer")
    phone = RuleRecognizer("PHONE_NUMBER", [
        # digits spoken in groups with pauses after a call-back cue: "call me back at six four seven, five five five,
        # ..." (the written pauses are the evidence: a run of digit words with none stays dictation's kind)
        Rule(r"\b(?:call|ring|reach|text|phone|number|at|on)\b[^\n]{0,30}?\b(?P<v>(?:" + _DIGW + r"[ \t]+){1,4}"
             + _DIGW + r"(?:[ \t]*[,.-][ \t]*(?:" + _DIGW + r"[ \t]+){1,4}" + _DIGW + r"){2,3})\b", 0.8,
             _spoken_digits_ok, regex.I),
    ], "SpokenPhoneRecognizer")
    spoken_date = RuleRecognizer("SPOKEN_DATE", [
        Rule(r"\b(?P<v>" + _MONTHW + r"[ \t]+(?:the[ \t]+)?" + _ORD + r"(?:[ \t,]+" + _YEARW + r")?)\b", 0.75,
             _spoken_date_ok, regex.I),
    ], "SpokenDateRecognizer")
    cued = RuleRecognizer("CUED_DATE", [
        Rule(r"\b(?i:available|ready|effective|expires?|expiry|valid[ \t]+(?:until|till|thru|through)|starting|"
             r"beginning|starts|begins|ends|ending)[ \t]*:?[ \t]*(?:(?i:on)[ \t]+)?(?P<v>" + _PARTIAL + r")\b(?![/\d])"
             r"(?![ \t]*(?:mg|mcg|tab|cap|beds?|units?|doses?))", 0.7, _date_not_count, 0),
    ], "AvailabilityDateRecognizer")
    band = RuleRecognizer("ACCOUNT_NUMBER", [
        Rule(r"\b(?:(?:arm|wrist|ID|identification|patient)[ \t]*band|blood[ \t]+bank[ \t]+(?:band|armband|number|no\.?)|"
             r"transfusion[ \t]+(?:band|ID))(?:[ \t]+(?:id|number|no\.?|#))*" + _SEP + _ID, 0.85),
    ], "ArmbandNumberRecognizer")
    name = RuleRecognizer("PERSON", [
        # a quoted nickname between the given name and the surname: 'Eleanor "Nell" Brandt'
        Rule(r"\b(?P<v>" + _CAP + r"[ \t]+[\"“'‘]\p{Lu}[\p{L}'’.-]*[\"”'’][ \t]+" + _CAP + r"(?:[ \t-]" + _CAP + r")?)",
             0.75, lambda v: name_words_ok(regex.sub(r"[\"“'‘][^\"”'’]*[\"”'’]", " ", v)), 0),
        # a caller naming themself: "it's Joanne Pryce calling", "it is Omar Haddad here"
        Rule(r"\b(?i:it['’]s|it\s+is)[ \t]+(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r"){1,2})(?=[ \t]+(?:calling|here|"
             r"from|again|speaking)\b|[ \t]*[,.])", 0.7, name_words_ok, 0),
    ], "Fresh9NameRecognizer")
    nickname = RuleRecognizer("CHAT_NAME", [
        # a nickname in parentheses with no quotes: "(goes by TJ)", "(prefers Bex)"
        Rule(r"\(\s*(?i:goes\s+by|prefers|known\s+as|nickname:?|aka|a\.k\.a\.)\s+(?P<v>\p{Lu}{2,3}|" + _CAP + r")\s*\)",
             0.7, _nickname_ok, 0),
    ], "BareNicknameRecognizer")
    town = RuleRecognizer("TOWN_AFTER_STREET", [
        # the city after a suburb: "12 Tōtara Road, Papatoetoe, Auckland 2025" (the suburb is phi_kinds' town)
        Rule(r"(?m)\b\d{1,6}[A-Za-z]?,?[ \t]+(?:[\p{L}'.-]+[ \t]+){0,4}?" + _STREET + r"\.?,[ \t]*" + _TOWN
             + r",[ \t]*(?P<v>" + _CITY + r")(?=[ \t]+\d{4,6}\b|[ \t]*(?:[.;\n]|$))", 0.65, name_words_ok, 0),
    ], "CityAfterSuburbRecognizer")
    return [facility, fax, phone, spoken_date, cued, band, name, nickname, town]


def fresh9_recognizers() -> list:
    return _recognizers()


# ---------------------------------------------------------------------------------------------
# false positives

_CLOCK_BEFORE = regex.compile(r"\d[:.]$")
_CLOCK_WORD = regex.compile(r"^\d{1,2}\s+(?:AM|PM|am|pm|a\.m\.|p\.m\.)\b")
_FUSED_ABBREVIATION = regex.compile(r"^[a-z]+(?:ave|rd)\s+\d", regex.I)
_ABBREVIATION_STREET = regex.compile(r"^\d{1,6}(?:\s+[A-Z]{1,4}\.?)+\s+\d{1,4}$")
_LAB_TOKEN = regex.compile(r"^" + _LABS + r"$")
POST_NOMINALS = frozenset("""
frcpc frcp frcs frcsc frcse frcog frcr frcpath frcpsych fracp fracs fracgp franzcp franzcog mrcp mrcs mrcgp micgp
mrcpi frcpi facp facs facc faap facog facep fasn fccp faan faafp dabr dabfm mbchb mbbs bmbs mbbch frcem mrcem fcem ccfp
fcfp mph msc phd dphil cscs abfm abim fhm fhea
""".split())
_OPENING_VERB = regex.compile(r"^\p{Lu}\p{Ll}{3,}(?:ed|ing)$")
_VERB_AFTER = regex.compile(r"^(?:,|\s+(?:and|with|to|for|on|in|at|the|a|an|under|over|via)\b)")
_UI_VERBS = frozenset({"select", "click", "tap", "choose", "toggle", "swipe", "open"})
_SEX_FIELD = regex.compile(r"^(?i:sex|gender)\s*:?\s*(?:M|F|X|U|Male|Female)$")
_SPECIMEN_BEFORE = regex.compile(r"(?i:specimens?|parts?|containers?)(?:\s+received)?\s*:\s*$")


def _opens_line_or_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:\n;"


def kind9_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-9 / fresh-10 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if entity == "STREET_ADDRESS":
        if _CLOCK_BEFORE.search(before) or _CLOCK_WORD.match(value):
            return "a clock time read as a house number ('4:12 PM ... Dr.')"
        if _FUSED_ABBREVIATION.match(value) and value[:1].islower():
            return "a word ending in a street abbreviation ('gave 1')"
        if _ABBREVIATION_STREET.match(value):
            return "a dose and route read as a street ('300 IV. CTDI 12')"
        return None
    if entity == "PHONE_NUMBER":
        if 0 < sum(c.isdigit() for c in value) < 7:  # (a number spoken in words has none)
            return "fewer than seven digits: a setting or ratio ('AC 14/500'), no phone number"
        return None
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "GIVEN_NAME"):
        return None
    words = [t.strip(".,;:()'’\"").lower() for t in tokens]
    if regex.search(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor)\.?\s*$", before):
        return None
    if all(w in POST_NOMINALS for w in words):
        return "post-nominal credentials ('FRCPC')"
    if any(regex.search(r"-RADS$", t.strip(".,;:()")) for t in tokens):
        return "a reporting system ('PI-RADS')"
    if words[0] in _UI_VERBS and len(tokens) >= 2 and tokens[0][:1].isupper():
        return "a user-interface instruction ('Select Mark as Read')"
    if _SEX_FIELD.match(value):
        return "a sex field and its value ('Sex M')"
    if len(tokens) == 1:
        from medrails.guard.phi_given_names import is_given_name

        if _LAB_TOKEN.match(tokens[0]):
            return "a lab abbreviation ('serial Hb')"
        if _OPENING_VERB.match(tokens[0]) and _opens_line_or_sentence(text, start) and _VERB_AFTER.match(after) \
                and not is_given_name(tokens[0]):
            return "a verb opening a sentence ('Irrigated, ...')"
    if regex.match(r"^[A-H]\.\s+\p{Lu}\p{Ll}+$", value) and _SPECIMEN_BEFORE.search(before):
        return "a specimen part letter ('Specimen: A. Sentinel lymph node')"
    return None
