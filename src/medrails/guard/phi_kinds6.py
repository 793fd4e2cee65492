"""PHI kinds found by the sixth blind note set (fresh 6), as recognizers and as false-positive checks.

Recognizers (regexes only, no model):
- a local hospital record number by its label ("UR No", "Folder no", "URN", "Hospital No"), also when the
  number opens with the hospital's letters and a space ("URN: ABC 1234567");
- facilities: British and Canadian "Health Centre" / "Medical Centre" / "Health Sciences Centre", home-care
  and home-health agencies, named laboratories (title case or a report header in capitals), and a named place
  after a facility field label ("Agency: ...", "Laboratory: ...", "Practice: ...");
- a partial date after a procedure or the next treatment ("hold for surgery 5/2", "next infusion 7/19"; after a
  dose or cycle only when it cannot be a count: "next dose 2/3" is none);
- a nickname of initials in quotes after a name ('Robert Lyle ("RJ")');
- a brother or sister named by a capitalized word after "sibling" or "twin" ("Twin Grace is well").

False positives (`kind6_reason`, called by phi_suppression.suppression_reason): an order verb before a lab
("Repeat K", "Check TSH"); a reporting system written with a capitalised hyphen part ("Lung-RADS", "NT-proBNP");
a hospital unit named by its floor and a compass point ("4 North", "6 East"); a note section header before a
colon ("Handoff:", "Staffing:"); the name of an identifier scheme before its number ("Aadhaar: ...",
"Medicare No"); a dosage-form abbreviation before a drug ("Tab. Metformin", "Inj. Ceftriaxone"); a clock time
then a unit ("0700 - 4 North"). A month on its own ("lost his job in December") stays redacted, although the note
sets' conventions leave it unlabelled: it is an element of a date tied to a person (HIPAA Safe Harbor), and
redacting is the safe side.
"""

from __future__ import annotations

import functools

import regex

from medrails.guard.phi_recognizers import _LABS, Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_EVENTS = (r"(?:procedure|surgery|op|operation|scan|MRI|CT|colonoscopy|endoscopy|EGD|biopsy|cath|catheteri[sz]ation|"
           r"ablation|delivery|induction|c-section|appointment|appt|visit|review|clinic|OR|theatre|theater)")
# treatments given in a numbered series: "next dose 2/3" is a count, "next infusion 8/29" a date
_COUNTED = r"(?:cycle|infusion|dose|treatment|chemo|session|transfusion|dialysis|injection|shot|fraction)"
_DESCRIPTORS = frozenset("""
arrange arranged refer referral needs need requires required via discharge new current recent outside admission
pending routine morning fasting molecular genetic genomic cellular anatomic anatomical private local preferred usual
internal family any other our your their his her this that
""".split())
_FACILITY_LABELS = (r"(?:agency|home\s+care\s+agency|home\s+health\s+agency|laboratory|lab|practice|GP\s+practice|"
                    r"GP\s+surgery|surgery|facility|sending\s+facility|receiving\s+facility|nursing\s+home|care\s+home|"
                    r"school|day\s*care|daycare|pharmacy|hospice)")
# order verbs that open an instruction before a lab or test ("Repeat K", "Estimate CrCl", "Check TSH")
_ORDER_VERBS = frozenset("""
repeat recheck check estimate calculate calc draw redraw trend monitor hold give obtain order send titrate replete
replace follow consider start stop continue resume increase decrease avoid add switch measure review
""".split())
# a lab or test after an order verb: capitals ("K", "TSH", "A1C"), two humps ("CrCl", "PaO2"), or a named analyte;
# never a capitalised given name ("Give Tom ...")
_LAB_WORD = regex.compile(r"^(?:[A-Z][A-Z0-9]{0,5}|(?=(?:[^A-Z]*[A-Z]){2})(?:[A-Z][a-z]?){2,4}\d*|" + _LABS + r")$")
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
_FLOOR_BEFORE = regex.compile(r"(?:^|[\s(])\d{1,2}[A-Z]?\s*$")
# words that head a section of a note (SOAP, SBAR, handoff, huddle), never a name before a colon
SECTION_WORDS = frozenset("""
handoff handover huddle situation background assessment recommendation recommendations reason comment comments
reminders reminder staffing census safety events overnight subjective objective interval update updates status
outcome outcomes goals goal education barriers risks risk response intervention interventions evaluation
concerns concern action actions actions follow-up followup dispo disposition plan impression findings result
results indication technique course summary addendum allergies medications meds labs imaging vitals exam hpi ros
pmh psh social family advice instructions notes note escalation handback tasks task pending
""".split())
# the names of identifier schemes: before a colon or "No", a field label, not a person or an organization
ID_SCHEMES = frozenset("""
aadhaar aadhar abha uhid medicare medicaid ohip nhi nhs chi ihi phn ssn sin pan npi dea mbi hicn urn mrn ppsn
passport licence license
""".split())
_LABEL_AFTER = regex.compile(r"^\s*(?:(?:no\.?|number|num|#|id|card)\s*)?[:#]", regex.I)
_DOSE_FORMS = frozenset({"tab", "tabs", "cap", "caps", "inj", "syp", "syr", "susp", "oint", "gtt", "neb", "supp",
                         "sol", "lot", "crm", "pwd", "sachet"})
_TIME_THEN_NUMBER = regex.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s+[-–]\s+\d{1,2}\b")


@functools.lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that say what kind of place it is, not which one."""
    from medrails.guard.phi_kinds import _GENERIC_FACILITY

    return _GENERIC_FACILITY | frozenset("""
reference clinical chemistry pathology microbiology core central hospital public health state county regional
diagnostic diagnostics laboratory laboratories lab labs home care sciences associates group partners services agency
nursing centre center medical of and & the aged
""".split())


def named_place_ok(value: str) -> bool:
    """At least one word names the place, and none is an order verb or a generic descriptor ("Clinical
    Laboratory", "Arrange Home Health", "Admission Labs", "Molecular Diagnostics")."""
    from medrails.guard.phi_suppression import _is_medical_token

    words = [w.strip(".,'’").lower() for w in value.split()]
    generic = _generic_words()
    named = [w for w in words if w not in generic]
    if any(w in _ORDER_VERBS or w in _DESCRIPTORS or w.endswith(("ing", "ed")) for w in named):
        return False
    return bool(named) and not all(_is_medical_token(w, True) for w in named)


def _sibling_name_ok(value: str) -> bool:
    """A lexicon given name ("Malik") or a given name that is also a word ("Hope", "Grace")."""
    from medrails.guard.phi_given_names import WORD_NAMES, is_given_name

    return (is_given_name(value) or value.lower() in WORD_NAMES) and name_words_ok(value)


def _count_or_date(value: str) -> bool:
    """After a countable treatment ("dose", "cycle"), "2/3" is a count; a date has a day past 12 or a month
    above its day ("next cycle 3/24", "next infusion 9/4")."""
    month, day = (int(x) for x in value.split("/"))
    return day > 12 or month > day


def _recognizers() -> list:
    mrn = RuleRecognizer("MRN", [
        Rule(r"\b(?:UR\s*(?:No\.?|number|#)|URN|folder\s+(?:no\.?|number|#)|hospital\s+(?:no\.?|number|#)|"
             r"hosp\.?\s*(?:no\.?|#)|MRN|UHID|unit\s+(?:no\.?|number)|record\s+(?:no\.?|number))\s*[:#]?\s*"
             r"(?P<v>(?-i:[A-Z]{2,5})[ -]\d{5,10}|\d{5,10})\b(?![.,]\d|\s*(?:mg|mcg|units?|mL|%))", 0.9, None, regex.I),
    ], "LocalRecordNumberRecognizer")
    facility = RuleRecognizer("FACILITY", [
        # "Meanwood Health Centre", "Lakeside Medical Centre", "Northfield Health Sciences Centre"
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,4}(?:Health|Medical|Health\s+Sciences?|Community\s+Health|Surgical|"
             r"Day\s+Surgery)\s+Centre)\b", 0.75, named_place_ok, 0),
        # home-care and home-health agencies: "Prairie Home Care", "Bluebird Home Health"
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Home\s+(?:Care|Health(?:\s+Care)?|Nursing)|Homecare|Home\s+Health"
             r"\s+Agency|Visiting\s+Nurses?(?:\s+Association)?)(?:\s+(?:Services|Agency|Inc\.?|LLC))?)\b", 0.7,
             named_place_ok, 0),
        # named laboratories, also a report header in capitals: "Summit Reference Laboratory", "TRI-VALLEY LABORATORY"
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,4}(?:Laboratory|Laboratories|Diagnostics))\b", 0.7, named_place_ok, 0),
        Rule(r"(?m)^[ \t]*(?P<v>(?:[A-Z][A-Z'’&-]+[ \t]+){1,4}(?:LABORATORY|LABORATORIES|DIAGNOSTICS))\b", 0.7,
             named_place_ok, 0),
        # a named place after a facility field label: "Agency: Riverbend Care", "Practice: Oakfield Surgery"
        Rule(r"\b(?i:" + _FACILITY_LABELS + r")\s*:\s*(?P<v>" + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|of|&|St\.?)){1,4})"
             r"(?=\s*(?:[,;(\n]|\s{2}|$))", 0.7, named_place_ok, 0),
    ], "Fresh6FacilityRecognizer")
    cued = RuleRecognizer("CUED_DATE", [
        # a partial date after a procedure or the next treatment: "HOLD for surgery 5/2", "next infusion 7/19"
        Rule(r"\b(?i:for|next|before|after|pre-?|post-?)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?i:" + _EVENTS
             + r")\s*(?:(?i:on|is|of|:)\s*)?(?P<v>" + _PARTIAL + r")\b(?![/\d])"
             r"(?!\s*(?:mg|mcg|tab|cap|strength|murmur|doses?|cycles?))", 0.7, None, 0),
        Rule(r"\b(?i:for|next|before|after)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?i:" + _COUNTED
             + r")\s*(?:(?i:on|is|:)\s*)?(?P<v>" + _PARTIAL + r")\b(?![/\d])"
             r"(?!\s*(?:mg|mcg|tab|cap|strength|murmur|doses?|cycles?|of\b))", 0.7, _count_or_date, 0),
    ], "Fresh6CuedDateRecognizer")
    sibling = RuleRecognizer("PERSON", [
        # a brother or sister named after "sibling" / "twin" / "stepbrother": "Twin Grace is well", "sibling Max (9)"
        Rule(r"\b(?i:sibling|sib|twin|twin\s+(?:brother|sister)|step-?(?:brother|sister)|half-(?:brother|sister))"
             r"\s*,?\s+(?P<v>\p{Lu}\p{Ll}[\p{Ll}'’-]*)\b(?!['’]s\s+(?:disease|syndrome|palsy|sign))", 0.65,
             _sibling_name_ok, 0),
    ], "Fresh6SiblingNameRecognizer")
    return [mrn, facility, cued, sibling, NicknameInitialsRecognizer()]


_HEAD_NAME = regex.compile(r"(" + _CAP + r"(?:\s+" + _CAP + r"){1,3})\s*\(\s*[\"“'‘]$")


class NicknameInitialsRecognizer(RuleRecognizer):
    """A nickname of initials in quotes after a name: 'Robert Lyle ("RJ")', "Anne-Marie Cole ('A.M.')". Entity
    CHAT_NAME: an all-capital PERSON span of two letters is dropped as an abbreviation. Kept only when the words
    before it read as a name ('Tranexamic Acid ("TXA")' is an abbreviation)."""

    def __init__(self):
        super().__init__("CHAT_NAME", [
            Rule(r"\b" + _CAP + r"(?:\s+" + _CAP + r"){1,3}\s*\(\s*[\"“'‘](?P<v>[A-Z]{2,3}|(?:[A-Z]\.){2,3})[\"”'’]"
                 r"\s*\)", 0.7, None, 0),
        ], "NicknameInitialsRecognizer")

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for r in super().analyze(text, entities, nlp_artifacts):
            head = _HEAD_NAME.search(text[max(0, r.start - 80):r.start])
            if head and name_words_ok(head.group(1)):
                results.append(r)
        return results


def fresh6_recognizers() -> list:
    return _recognizers()


def kind6_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-6 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    words = [t.strip(".,;:()'’\"").lower() for t in tokens]
    before, after = text[max(0, start - 40):start], text[end:end + 40]
    if entity in ("DATE_TIME", "CLINICAL_DATE"):
        if _TIME_THEN_NUMBER.match(value):
            return "a clock time then a unit or number ('0700 - 4 North')"
        return None
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "GIVEN_NAME", "CHAT_NAME"):
        return None
    if len(tokens) >= 2 and words[0] in _ORDER_VERBS and all(_LAB_WORD.match(t.strip(".,;:")) for t in tokens[1:]):
        return "an order verb before a lab or test ('Repeat K', 'Check TSH')"
    if any(_mixed_hyphen(t.strip(".,;:()")) for t in tokens):
        return "a reporting system with a capitalised hyphen part ('Lung-RADS')"
    if all(w in _COMPASS for w in words) and _FLOOR_BEFORE.search(before):
        return "a hospital unit by floor and compass point ('4 North')"
    if len(tokens) == 1 and words[0] in SECTION_WORDS and regex.match(r"^\s*:", after) \
            and regex.search(r"(?:^|\n)[ \t]*$", before):
        return "a note section header ('Handoff:')"
    if len(tokens) == 1 and words[0] in ID_SCHEMES and (_LABEL_AFTER.match(after) or regex.match(r"^[ \t]+\d", after)) \
            and regex.match(r"^[^\n]{0,12}\d", after):  # "Aadhaar: 1234 ...", "Aadhaar 1234 5678 9012"
        return "the name of an identifier scheme before its number ('Aadhaar:')"
    if len(tokens) == 1 and words[0] in _DOSE_FORMS and regex.match(r"^\.?\s+\p{L}", after):  # "Tab. aspirin" too
        return "a dosage-form abbreviation before a drug ('Tab. Metformin')"
    return None


def _mixed_hyphen(token: str) -> bool:
    """'Lung-RADS', 'NT-proBNP', 'BI-RADS' hold one all-capital part of 2+ letters beside a mixed or lower-case part
    (a double-barrelled name is capitalised the same way in each part: 'Reyes-Whitaker', 'REYES-WHITAKER')."""
    parts = [p for p in token.split("-") if p]
    if len(parts) < 2 or not all(p.isalpha() for p in parts):
        return False
    if any(p.islower() and len(p) <= 3 for p in parts):
        return False  # a particle: "al-RASHID", "Jean-de-Dieu"
    caps = [p.isupper() and len(p) >= 2 for p in parts]
    return any(caps) and not all(caps)
