"""PHI kinds found by the eighth blind note set (fresh 8), as recognizers, span trims and false-positive checks.

Recognizers (regexes only, no model):
- national, insurance and professional registration numbers by their scheme's name ("SHA no. CR4482019377",
  Kenya; "KVNR D482917365", Germany; "GMC 7034129", a UK licence; NHIF, AHPRA, NMC, RAMQ, SVNR, ...);
- an Australian Medicare card number in its 4-5-1 groups after "Medicare" ("Medicare 2953 81624 1");
- an Australian unit record number after a bare "UR" / "URN" label with no colon ("UR 2045812");
- a lower-case given name after a self-introduction in a text message ("hey its carla from tues");
- an age over 89 after a name, past a parenthesis ("Albert Fenwick (known as Bertie), 95,") or closed by a
  full stop ("Rosalind Achebe, 102.");
- the town after a named facility at the end of a line ("... University Hospital, Glasgow");
- a facility named by a Dutch, German, Nordic or French practice word ("Fysiotherapie Oost", "Praxis Lindner");
- a one-word street name ending in -way / -gate, with its unit ("4471 Kingsway, Unit 9").

Span trims (called from phi.PhiRedactor._analyze_chunk): a date span stops at a column gap when no digit
follows it ("March 3, 2025    Discharged"); a phone number never crosses a line break ("0113 278 4402\\n22"),
nor does a street number alone on its line ("2025\\nDear Dr").

False positives (`kind8_reason`, called by phi_suppression.suppression_reason): a named scale or score
("Oxford Knee Score"), a payer before a member number ("Wellmark BCBS member ID"), a weekday abbreviation
("Tues"), an ordinal before a noun ("2nd sip"), gestational age ("32+4/40"), a festival ("over Pongal"), a
contact label with a full stop before its number ("Tel. 030 ..."), a kinship word alone ('"Mum"'), an occupation ("Roofer; 3-4 beers"), a sign-off word ("Signed, PA-C").
"""

from __future__ import annotations

import regex

from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

TOWN_AFTER_FACILITY = "TOWN_AFTER_FACILITY"  # its own entity: an eponym-town ("Glasgow") is no clinical term here
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"

# ---------------------------------------------------------------------------------------------
# recognizers

# identifier schemes not covered by phi_kinds6/7, by the name printed before the number
_SCHEMES8 = (r"(?:SHA|NHIF|KVNR|eGK|SVNR|AHV|AVS|NISS|INSZ|RAMQ|HCN|AHPRA|GMC|NMC|GDC|HCPC|GPhC|PSNI|IMC|MCI|PPSN|NIDA"
             r"|Huduma|GMS(?:[ \t]+[Cc]ard)?|DPS(?:[ \t]+[Cc]ard)?"
             r"|Versichertennummer|Krankenversichertennummer|Sozialversicherungsnummer)")
_UNIT_AFTER = r"(?![.,]\d|\s*(?:mg|mcg|units?|mL|%|/))"


def _given_lower(value: str) -> bool:
    """A lower-case word that is a lexicon given name and no common, medical or word-like name."""
    from medrails.guard.phi_given_names import WORD_NAMES, _common_words, is_given_name

    return value not in WORD_NAMES and value not in _common_words() and is_given_name(value) and name_words_ok(value)


_NOT_STREETS = frozenset("""
always anyway airway airways pathway gateway doorway hallway runway walkway driveway stairway subway halfway midway
underway segregate aggregate delegate navigate surrogate investigate propagate mitigate irrigate instigate obligate
interrogate conjugate congregate variegate
""".split())


def _street_ok(value: str) -> bool:
    word = regex.search(r"\p{Lu}\p{Ll}+(?:way|gate)\b", value).group().lower()
    return len(word) >= 6 and word not in _NOT_STREETS and name_words_ok(word)


_DEPARTMENT_ENDS = ("ology", "logy", "ics", "iatry", "iatrics", "ery", "acy", "ine", "ency", "ity", "ient", "ients",
                    "ward", "wards", "unit", "care", "ing")


def _town_ok(value: str) -> bool:
    """A town after a facility: no department ("Cardiology", "Outpatients"), weekday, month or common word
    (an eponym-town such as "Glasgow" is allowed: the facility before it is the evidence)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_kinds6 import _generic_words
    from medrails.guard.phi_recognizers import MONTH

    words = [w.lower() for w in regex.split(r"[ \t-]+", value) if w]
    if any(w in STOP_WORDS or w in _WEEKDAYS or w in _generic_words() or regex.fullmatch(MONTH, w, regex.I)
           for w in words):
        return False
    return not words[-1].endswith(_DEPARTMENT_ENDS)


def _recognizers() -> list:
    from medrails.guard.phi_kinds9 import PRACTICE_SPECIALTIES

    ids = RuleRecognizer("HEALTH_PLAN_ID", [
        Rule(r"\b" + _SCHEMES8 + r"(?:[ \t]+(?i:no\.?|number|num|#|reg(?:istration)?(?:\s+no\.?)?))?[ \t]*[:#.]?[ \t]*"
             r"(?P<v>(?=[A-Z0-9-]*\d{6})[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){5,17})\b" + _UNIT_AFTER, 0.85, None, 0),
        # Australian Medicare card: 4-5-1 digits (and an optional reference number)
        Rule(r"\bMedicare(?:[ \t]+(?i:card|no\.?|number|#))*[ \t]*[:#]?[ \t]*(?P<v>\d{4}[ \t]?\d{5}[ \t]?\d"
             r"(?:[ \t]*[-/][ \t]*\d)?)(?![\d])", 0.85, None, 0),
    ], "Fresh8SchemeIdRecognizer")
    mrn = RuleRecognizer("MRN", [
        # "UR 2045812", "URN 004417", "UR No. 55120" (capitals only; the colon form is phi_kinds7's)
        Rule(r"\bURN?(?:[ \t]+(?:No\.?|Number|#))?[ \t]+(?P<v>[A-Z]?\d{5,10})\b" + _UNIT_AFTER, 0.85, None, 0),
    ], "UrBareLabelRecognizer")
    name = RuleRecognizer("CHAT_NAME", [
        # a lower-case given name introducing oneself in a message: "hey its carla", "this is dmitri from 4B"
        Rule(r"\b(?i:it'?s|it’s|this\s+is|i'?m|i’m|my\s+name\s+is|name'?s)[ \t]+(?P<v>[a-z][a-z'’-]{2,})\b"
             r"(?![ \t]+(?:[a-z]+ly\b))", 0.7, _given_lower, 0),
    ], "SelfIntroNameRecognizer")
    age = NameAgeCommaRecognizer()
    town = RuleRecognizer(TOWN_AFTER_FACILITY, [
        # the town after a named facility, closing its line or field: "Queen Elizabeth University Hospital, Glasgow"
        Rule(r"\b(?:Hospital|Infirmary|Clinic|Centre|Center|Practice|Surgery|Hospice|Klinikum|Ziekenhuis|Krankenhaus|"
             r"Fysiotherapie[ \t]+" + _CAP + r"|Praxis[ \t]+" + _CAP + r"|Health|Care[ \t]+Home|Nursing[ \t]+Home|"
             + PRACTICE_SPECIALTIES + r")[ \t]*,[ \t]*(?P<v>\p{Lu}\p{Ll}[\p{Ll}'’-]+(?:[ \t-]\p{Lu}\p{Ll}[\p{Ll}'’-]+)?)"
             r"(?=[ \t]*(?:$|[.;(]|\t| {2,}|,[ \t]*[A-Z]{2}\b))",  # a state after the town: ", Boise, ID"
             0.65, _town_ok, regex.M),
    ], "TownAfterFacilityRecognizer")
    facility = RuleRecognizer("FACILITY", [
        # Dutch / German / Nordic / French practice and clinic words before or after the name
        Rule(r"\b(?P<v>(?:Fysiotherapie|Fysiotherapiepraktijk|Huisartsenpraktijk|Huisartsenpost|Gezondheidscentrum|"
             r"Apotheek|Praxis|Gemeinschaftspraxis|Physiotherapiepraxis|Hausarztpraxis|Apotheke|Vårdcentralen|"
             r"Vårdcentral|Legesenter|Legekontor|Terveysasema|Lægehus|Clinique|Centre[ \t]+médical)"
             r"(?:[ \t]+(?:" + _CAP + r"|[a-z]{2,3}))*?[ \t]+" + _CAP + r")\b", 0.9, name_words_ok_tail, 0),
    ], "ForeignPracticeRecognizer")
    street = RuleRecognizer("STREET_ADDRESS", [
        # a one-word street ending in -way / -gate, before the town: "4471 Kingsway, Unit 9, Burnaby"
        Rule(r"(?<![\d/.-])(?P<v>\d{1,5}[A-Z]?[ \t]+\p{Lu}\p{Ll}+(?:way|gate)(?:[ \t]*,[ \t]*(?:Unit|Apt|Suite|Ste|Flat)"
             r"\.?[ \t]*#?\w{1,5})?)(?=[ \t]*,[ \t]*\p{Lu})", 0.85, _street_ok, 0),
    ], "OneWordStreetRecognizer")
    return [ids, mrn, name, age, town, facility, street]


_AGE_HEAD = regex.compile(r"(?:^|[^\p{L}])(" + _CAP + r"(?:[ \t]+" + _CAP + r"){1,3})(?:[ \t]*\([^()\n]{1,40}\))?"
                          r"[ \t]*,[ \t]*$")


# a relative in apposition: "Reports mom, 93, has had ...", "her father, 97, lives alone"
_KIN_HEAD = regex.compile(r"\b(?i:mom|mum|mother|dad|father|grandmother|grandfather|grandma|grandpa|gran|granny|nana|"
                          r"aunt|uncle|husband|wife|spouse|partner|sister|brother)[ \t]*,[ \t]*$")


class NameAgeCommaRecognizer(RuleRecognizer):
    """An age over 89 after a name and a comma, past a parenthesis ("Albert Fenwick (known as Bertie), 95,") or
    closed by a full stop ("Rosalind Achebe, 102."); the words before must read as a name ("Pulse Ox, 94.")."""

    def __init__(self):
        super().__init__("AGE_OVER_89", [
            Rule(r",[ \t]*(?P<v>9\d|1[01]\d)(?=[ \t]*(?:[,;)]|\.(?!\d)|(?:y/?o|yrs?|years?)\b))", 0.75, None, 0),
        ], "NameAgeCommaRecognizer")

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            head = _AGE_HEAD.search(text[max(0, r.start - 100):r.start])
            if head and name_words_ok(head.group(1)) or _KIN_HEAD.search(text[max(0, r.start - 30):r.start]):
                results.append(r)
        return results


def name_words_ok_tail(value: str) -> bool:
    """The name after a practice word could be a name or a place ("Oost", "Lindner"), not a clinical word."""
    return name_words_ok(value.split()[-1])


def fresh8_recognizers() -> list:
    return _recognizers()


# ---------------------------------------------------------------------------------------------
# span trims

_COLUMN_GAP = regex.compile(r"[ \t]*\t[ \t]*| {2,}")


def trim_date_gap(text: str, start: int, end: int) -> int:
    """A date span's end before a column gap when no digit follows the gap ("March 3, 2025    Discharged")."""
    gap = _COLUMN_GAP.search(text, start, end)
    if gap and regex.search(r"\d", text[start:gap.start()]) and not regex.search(r"\d", text[gap.end():end]):
        return gap.start()
    return end


def trim_phone_line(text: str, start: int, end: int) -> int:
    """A phone number's end at a line break, when the first line holds the number ("0113 278 4402\\n22 Nov")."""
    cut = text.find("\n", start, end)
    if cut > start and sum(c.isdigit() for c in text[start:cut]) >= 7:
        return len(text[:cut].rstrip(" \t.-("))
    return end


def trim_street_line(text: str, start: int, end: int) -> int:
    """No street span when its number stands alone on the line before the street words ("January 2025\\nDear Dr":
    a year, then a letter's greeting read as "<number> <name> Dr"); a street line whose words start on the
    number's line may go on over the next lines ("12 Bond Street\\n Suite 4\\n Warwick")."""
    cut = text.find("\n", start, end)
    if cut < 0 or regex.search(r"\p{L}", text[start:cut]):
        return end
    return start


# ---------------------------------------------------------------------------------------------
# false positives

_INSTRUMENT_HEADS = frozenset("""
score scale index questionnaire inventory criteria classification rule rules tool test measure assessment triage
""".split())
_INSTRUMENT_AFTER = regex.compile(r"^[ \t]+(?:" + "|".join(sorted(_INSTRUMENT_HEADS)) + r")\b", regex.I)
_PAYER_TOKENS = frozenset("""
bcbs bcbsm hmo ppo epo pos medicaid medicare tricare chip advantage healthcare insurance assurance mutual
""".split())
_MEMBER_AFTER = regex.compile(r"^[ \t]*(?:member|subscriber|policy|group|plan|insured)[ \t]*(?:id|no\.?|number|#)",
                              regex.I)
_WEEKDAYS = frozenset("""
mon tue tues wed weds thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
""".split())
_ORDINAL_ALONE = regex.compile(r"^\d{1,2}(?:st|nd|rd|th)$", regex.I)
_LOWER_NOUN_AFTER = regex.compile(r"^[ \t]+(?!of\b)[a-z]")
_GESTATION = regex.compile(r"^\d{1,2}\s*\+\s*[0-6](?:\s*/\s*40)?$")
_FESTIVALS = frozenset("""
pongal diwali deepavali holi onam navratri dussehra eid ramadan ramazan passover hanukkah chanukah christmas xmas
easter thanksgiving vaisakhi baisakhi lohri chuseok tet nowruz purim kwanzaa hogmanay
""".split())
_CONTACT_LABELS = frozenset({"tel", "ph", "mob", "mobile", "fax", "phone", "cell", "tele", "telefax"})
_NUMBER_AFTER = regex.compile(r"^\.?[ \t]*[:#]?[ \t]*[+(]?\d")
_KIN_ALONE = frozenset("""
mum mom mummy mommy mama mam ma dad daddy papa pa nan nana nanna nanny gran granny grandma grandpa grandad granddad
grandmother grandfather auntie aunty uncle hubby wife husband son daughter sis bro
amma appa ammi abba nani dadi ammamma oma opa omi abuela abuelo abuelita nonna nonno yiayia babcia babushka
koro kuia halmeoni
""".split())
_OCCUPATIONS = frozenset("""
roofer plumber electrician welder machinist bricklayer plasterer scaffolder tiler joiner labourer laborer
landscaper gardener janitor cleaner cashier bartender barista waiter waitress chef nurse teacher accountant
lawyer solicitor engineer programmer developer electrician firefighter paramedic policeman policewoman
trucker hairdresser beautician courier postman postwoman housekeeper caregiver carer nanny farmhand retiree retired homemaker unemployed student pensioner veteran contractor mechanic
""".split())
_SIGN_OFF = frozenset("""
signed cosigned co-signed countersigned dictated transcribed reviewed attested verified authenticated electronically
""".split())


def kind8_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-8 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if entity in ("DATE_TIME", "CLINICAL_DATE", "CUED_DATE"):
        if _ORDINAL_ALONE.match(value) and _LOWER_NOUN_AFTER.match(after):
            return "an ordinal before a noun ('2nd sip'), not a day of a month"
        if _GESTATION.match(value):
            return "gestational age ('32+4/40')"
        return None
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME"):
        return None
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if regex.search(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor)\.?\s*$", before):
        return None
    if len(tokens) <= 4 and (words[-1] in _INSTRUMENT_HEADS and len(tokens) >= 2
                             or _INSTRUMENT_AFTER.match(after) and not _has_given(tokens)):
        return "a named scale or score ('Oxford Knee Score')"
    if words[-1] in _PAYER_TOKENS and len(tokens) >= 2 or (_MEMBER_AFTER.match(after) and entity != "CHAT_NAME"
                                                            and not _has_given(tokens)):
        return "a payer before its member number ('Wellmark BCBS member ID')"
    if len(words) == 1:
        word = words[0]
        if word in _WEEKDAYS:
            return "a weekday ('Tues'), not a name"
        if word in _FESTIVALS:
            return "a festival ('over Pongal')"
        if word in _CONTACT_LABELS and _NUMBER_AFTER.match(after):
            return "a contact label before its number ('Tel. 030 ...')"
        if word in _KIN_ALONE:
            return "a kinship word alone ('\"Mum\"'), not a name"
        if word in _OCCUPATIONS and not _has_given(tokens):
            return "an occupation ('Roofer; 3-4 beers/day')"
        if word in _SIGN_OFF:
            return "a sign-off word ('Signed, PA-C')"
    return None


def _has_given(tokens: list[str]) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return any(is_given_name(t.strip(".,;:()'’\"")) for t in tokens)
