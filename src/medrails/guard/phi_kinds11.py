"""PHI kinds found by the eleventh blind note set (fresh 11: social history, collateral, patient messages,
voicemails, notes from outside the US), as recognizers, false-positive checks and one note-level pass.

Recognizers (regexes only, no model):
- a rural-route box address ("RR 2 Box 118", "Rte 4, Box 7A");
- an age over 89 at death ("died at 94", "passed away aged 101", "lived to 92");
- a lower-case given name signing off a message ("... thanks, raj");
- a partial date after a weekday ("Fri 11/8", "Monday (9/14)") or after a verb of sending or booking
  ("faxed 11/21", "booked 3/19");
- a police or court case number with slashes ("case no. OB 77/11/2023", "docket 4471/2022");
- a laboratory or pathology number by its label ("Path No: 23-S-11873");
- an ALL-CAPS "LAST, FIRST" name before a credential or after an ordering-clinician label ("OYELARAN, ADEBOLA MD");
- a caller naming themself with one given name ("this is Maribel from the dental office");
- the town before a postcode closing an address line ("..., Koramangala, Bengaluru 560034").

Note-level pass (`repeated_names`): a given name found as a name anywhere in a note is a name at its other
capitalized mentions too, a sentence opener included ("Summer will stay overnight" after "granddaughter Summer").

False positives (`kind11_reason`, called by phi_suppression.suppression_reason): a US or Australian state code
after its town ("Opelousas, LA"), a title alone ("Mr" of "Mr. Haskins"), a kind of place, not a named one
("Walk-in Clinic Note"), a classification letter ("Category C. Contributing"), a product after a taking verb
("taking the Slow-Fe"), a dose read as a street ("Humulard 20 units"), a room number read as a
postcode ("Room 1104"), a communication-type header ("VOICEMAIL, Tue", "VOICEMAIL (auto-transcribed)"). A month on its own ("in September") stays
redacted on purpose (an element of a date tied to the patient; see test_phi_kinds_fresh6).
"""

from __future__ import annotations

import regex

from medrails.guard.phi_recognizers import _ID, _SEP, Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_CITY = r"\p{Lu}\p{Ll}[\p{L}'’-]+(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]+){0,2}"
# a weekday before a date: full names in any case, abbreviations capitalized ("sat 9/10" may be an O2 sat)
_WEEKDAY = (r"(?:(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|Mon|Tues?|Wed|Weds|Thu|Thur|Thurs|Fri|"
            r"Sat|Sun)\.?")
# what a count (not a date) after "sent" is of: "sent 2/3 cultures"
_COUNT_NOUN_AFTER = (r"(?![ \t]*(?:[a-z]+[ \t]+)?(?:mg|mcg|tabs?|caps?|units?|doses?|bottles?|cultures?|sets?|samples?|specimens?|"
                     r"tubes?|vials?|swabs?|slides?|blocks?|of\b))")
_CREDENTIAL = r"(?:MD|DO|RN|NP|PA-C|PA|PharmD|MBBS|DPM|FNP|APRN|CRNA|DNP|MBChB|FRCP|FRCPC|FRACP)"
_CAPS_LAST_FIRST = r"[A-Z][A-Z'’-]+,[ \t]*[A-Z][A-Z'’-]+(?:[ \t]+[A-Z]\.?)?"


def _given_name_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(value) and name_words_ok(value)


def _date_not_count(value: str) -> bool:
    from medrails.guard.phi_kinds9 import _date_not_count as not_count

    return not_count(value)


_DEATH_CUE = (r"\b(?:died|passed(?:[ \t]+away)?|deceased|death|lived[ \t]+to(?:[ \t]+be)?)[ \t]+(?:at[ \t]+|aged[ \t]+|"
              r"at[ \t]+(?:the[ \t]+)?age[ \t]+(?:of[ \t]+)?)?")
_DEATH_CUE_BEFORE = regex.compile(_DEATH_CUE + r"$")


def age_at_death(text: str, start: int) -> bool:
    """The age follows a death cue: "died at 94 in 2003" is no 94 inches (the clinical-zone check reads a unit)."""
    return bool(_DEATH_CUE_BEFORE.search(text, max(0, start - 40), start))


def _recognizers() -> list:
    address = RuleRecognizer("STREET_ADDRESS", [
        # a rural route and its box: the whole postal address of many rural homes
        Rule(r"\b(?P<v>(?:R\.?R\.?|Rural[ \t]+Route|Rte\.?|Rt\.?|Route|HC|Star[ \t]+Route)[ \t]*\d{1,4},?[ \t]+"
             r"Box[ \t]+\d{1,5}[A-Z]?)\b", 0.8, None, 0),
    ], "RuralRouteRecognizer")
    age = RuleRecognizer("AGE_OVER_89", [
        # an age at death in a family history ("Mother died at 94 of a stroke") is an age like any other
        Rule(_DEATH_CUE + r"(?P<v>9\d|1[01]\d)\b"
             r"(?![ \t]*(?:%|mg|kg|lbs?|minutes|mins?|hours?|hrs?|days?|weeks?|months?|/|\.\d|:\d))", 0.85),
    ], "AgeAtDeathRecognizer")
    signoff = RuleRecognizer("CHAT_NAME", [
        # a lower-case given name closing a message typed in lower case: "... thanks, raj" (the end is the slot)
        Rule(r"\b(?i:thanks|thank[ \t]+you|thx|ty|cheers|regards|love|best)[ \t]*,?[ \t]+(?P<v>[a-z][a-z'’-]{1,20})"
             r"[ \t]*[.!]?[ \t]*$", 0.6, _given_name_ok, 0),
    ], "LowerSignOffRecognizer")
    dates = RuleRecognizer("CUED_DATE", [
        # a weekday names the date beside it: "Fri 11/8", "Monday (9/14)" (day past 12 or month above day: no score)
        Rule(r"\b" + _WEEKDAY + r",?[ \t]*\(?[ \t]*(?P<v>" + _PARTIAL + r")\b(?![/\d])", 0.7, _date_not_count, 0),
        # a thing sent, booked or signed on a date: "referrals faxed 11/21", "booked 3/19"
        Rule(r"\b(?i:sent|faxed|mailed|e-?mailed|referred|received|signed|booked|submitted|requested|called|phoned|"
             r"notified)[ \t]+(?:(?i:on)[ \t]+)?(?P<v>" + _PARTIAL + r")\b(?![/\d])" + _COUNT_NOUN_AFTER, 0.7, None, 0),
    ], "WeekdayAndSentDateRecognizer")
    case = RuleRecognizer("ACCOUNT_NUMBER", [
        # police and court case numbers with slashes ("CAS 12/03/2024", "OB 77/11/2023"), an agency prefix outside
        Rule(r"\b(?i:case|docket|incident|police[ \t]+ref(?:erence)?|crime[ \t]+(?:ref|number|no\.?))[ \t]*"
             r"(?i:no\.?|number|#)?[ \t]*[:.]?[ \t]*(?:[A-Z]{2,4}[ \t]+)?(?P<v>\d{1,6}/\d{1,2}/\d{4}|\d{1,6}/\d{4})\b",
             0.85, None, 0),
        # a laboratory or pathology number by its label: "Lab No: 24-H-038817", "Histology #: S24-1187"
        Rule(r"\b(?i:lab(?:oratory)?|path(?:ology)?|histo(?:logy|pathology)?|cytology|biopsy)[ \t]*(?i:no\.?|number|#|"
             r"ref(?:erence)?)" + _SEP + _ID, 0.85, None, 0),
    ], "CaseAndLabNumberRecognizer")
    name = RuleRecognizer("PERSON", [
        # an ALL-CAPS "LAST, FIRST" in a lab or report header: before a credential, or after an ordering label
        Rule(r"\b(?P<v>" + _CAPS_LAST_FIRST + r")(?=[ \t]*,?[ \t]*" + _CREDENTIAL + r"\b)", 0.7, name_words_ok, 0),
        Rule(r"\b(?i:ordering|referring|attending|ordered[ \t]+by|requested[ \t]+by|consultant|physician|provider)"
             r"[ \t]*:[ \t]*(?P<v>" + _CAPS_LAST_FIRST + r")\b", 0.7, name_words_ok, 0),
        # a caller naming themself with one given name: "this is Maribel from the dental office"
        Rule(r"\b(?i:this[ \t]+is|it['’]s|it[ \t]+is)[ \t]+(?P<v>" + _CAP + r")(?=[ \t]+(?:from|calling|with|at|here|"
             r"speaking)\b|[ \t]*,[ \t]+(?:from|calling)\b)", 0.7, _given_name_ok, 0),
    ], "Fresh11NameRecognizer")
    town = RuleRecognizer("TOWN_AFTER_STREET", [
        # the town before a postcode that closes an address line ("No. 4, 2nd Main, Jayanagar, Bengaluru 560041")
        Rule(r"(?m)\d[^\n]{0,120}?,[ \t]*(?!(?i:room|rm|bed|bay|ward|unit|suite|floor|level|box|ext|extension|pod|"
             r"cubicle|theatre|theater|station|pager)\b)(?P<v>" + _CITY + r")[ \t]+(?!(?:19|20)\d{2}\b)\d{4,6}\b"
             r"(?=[ \t]*(?:$|[.;,]))", 0.6, name_words_ok, 0),
    ], "TownBeforePostcodeRecognizer")
    return [address, age, signoff, dates, case, name, town]


def fresh11_recognizers() -> list:
    return _recognizers()


# ---------------------------------------------------------------------------------------------
# the note-level pass

_NAME_TOKEN = regex.compile(r"\p{Lu}[\p{Ll}\p{M}'’-]{2,}")


def repeated_names(text: str, spans: list, zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the other capitalized mentions of a given name that some span of this note labelled NAME.
    The other mention is a name by the note's own evidence, even where its slot says nothing ("Summer will stay")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_given_names import is_given_name
    from medrails.guard.phi_suppression import suppression_reason

    tokens = {m.group() for s in spans if s.label == "NAME" for m in _NAME_TOKEN.finditer(text, s.start, s.end)}
    tokens = {t for t in tokens if t.lower() not in STOP_WORDS and is_given_name(t) and name_words_ok(t)}
    if not tokens:
        return []
    covered = [(s.start, s.end) for s in spans]
    out = []
    pattern = regex.compile(r"(?<![\p{L}\p{M}'’.-])(?:" + "|".join(map(regex.escape, sorted(tokens))) + r")(?![\p{L}\p{M}-])")
    for m in pattern.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in covered):
            continue
        if suppression_reason(text, "GIVEN_NAME", m.start(), m.end(), zones):
            continue
        out.append(m.span())
    return out


# ---------------------------------------------------------------------------------------------
# false positives

# by the annotation rules a state or territory code is no PHI: only the town before it is
_STATE_CODES = frozenset("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI
SC SD TN TX UT VT VA WA WV WI WY DC NSW VIC QLD SA TAS NT ACT
""".split())
_TOWN_COMMA_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’.-]+,[ \t]*$")
_TITLE = regex.compile(r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Rev|Fr)\.?$")
_PLACE_KIND_WORDS = frozenset("""
walk-in walkin urgent after-hours afterhours drop-in same-day emergency outpatient inpatient clinic centre center
hospital surgery practice note notes letter report visit consult summary record
""".split())
_CLASS_WORDS = frozenset("""
category class grade type stage level group zone phase schedule tier option section part appendix figure table
""".split())
_TAKING_BEFORE = regex.compile(r"\b(?i:taking|take|takes|took|taken|keep[ \t]+taking|dose[ \t]+of|course[ \t]+of|"
                               r"prescribed|dispensed|tablets?[ \t]+of)[ \t]+(?:(?i:the|my|his|her|your|their|some)[ \t]+)?$")
_DOSE_UNIT_AFTER = regex.compile(r"^[ \t]*(?i:units?|u|iu|mg|mcg|ml|tabs?|tablets?|caps?|puffs?|drops?)\b")
_ROOM_BEFORE = regex.compile(r"\b(?i:room|rm|bed|bay|ward|cubicle|theatre|theater|pod|ext|extension)\.?[ \t]*#?[ \t]*$")
_HEADER_KINDS = frozenset("""
voicemail telephone phone message memo fax letter transcript addendum referral encounter email portal chat call
""".split())


def kind11_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-11 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if entity == "STREET_ADDRESS":
        if _ROOM_BEFORE.search(before) and value[:1].isdigit():
            return "a room or bed number ('Room 1104'), no postcode"
        if _DOSE_UNIT_AFTER.match(after) and not regex.match(r"^\d", value):
            return "a drug and its dose read as a street and number ('Humulard 20 units')"
        return None
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "FACILITY"):
        return None
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if entity == "LOCATION" and value in _STATE_CODES and _TOWN_COMMA_BEFORE.search(before):
        return "a state code after its town ('Opelousas, LA')"
    if entity == "CHAT_NAME" and len(tokens) == 1 and _TITLE.match(value):
        return "a title alone ('Mr' of 'Mr. Haskins')"
    if entity in ("LOCATION", "FACILITY") and all(w in _PLACE_KIND_WORDS for w in words):
        return "a kind of place, not a named one ('Walk-in Clinic Note')"
    if len(tokens) >= 2 and words[0] in _CLASS_WORDS and regex.match(r"^[A-Z0-9]\.?$", tokens[1]):
        return "a classification and its letter ('Category C. Contributing')"
    if entity in ("LOCATION", "ORGANIZATION") and _TAKING_BEFORE.search(before):
        return "a product after a taking verb ('taking the Slow-Fe')"
    if len(tokens) == 1 and value.isupper() and words[0] in _HEADER_KINDS and regex.search(r"(?:^|\n)[ \t]*$", before) \
            and regex.match(r"^[ \t]*(?:[,:(\-–]|$|\n)", after):
        return "a communication-type header ('VOICEMAIL, Tue')"
    return None
