"""PHI kinds found by the seventeenth blind note set (fresh 17: outpatient specialties, pharmacy, dental, imaging,
telehealth, many notes outside the US), as recognizers and false-positive checks. Each kind is written by its
structure, never by a note's own value; the examples below are new wording (tests/guard/test_phi_kinds_fresh17.py),
each with a twin that stays unredacted.

Recognizers (regexes, no model; one registry entry, `Fresh17Recognizer`):
- places: every comma part of a place field ("Location: Birchwood Hearing Care, Salem, MA", "Residence: Hillview
  Gardens, Ruaraka"); the town after a facility in a letterhead or a heading, with its state or province code
  ("Harbourside Dental Clinic, Oakville ON", "Apotheke am Markt - Bremen"); a town after a street line with no postal
  code ("Lindenplatz 4, Dresden"); a facility named by a service head (a proper word before "Behavioral Health",
  "Eyecare", "Optometry", "Home Care"); a pharmacy or chemist whose head comes first in another language ("Farmacia
  San Marco"); a lower-case pharmacy and its town in a text ("dunmore pharmacy in yakima");
- identifiers: a segmented code with letter groups and a number between slashes ("QEH/ORTHO/22817"); a national
  identity number with check letters ("T1234567J", a letter, seven digits, a letter); a value after a German compound
  label ending in a number word ("Versicherungsnr. X12...", "Fallnummer: 55..."); an ID after a card label and "is"
  ("card no is ...");
- ages over 89 after a birthday verb or "he's ... now" ("turning 92 on", "she's ninety-four now");
- dates: a month/year after a clinical timing label ("Onset: 3/2023", "Since: 11/2022"); a day-first partial date
  after a day word of another language ("foi dia 14/08", "el día 3/11", "le 2/10");
- names: a lower-case name after a title abbreviation of any language in a greeting or before a comma ("oi dra
  luiza,", "hola dr tomás,"); a lower-case given name in a self-introduction before a relation's role ("its marisol
  dads nurse"); the line under a thanks of any wording ("Thanks a bunch,\\nEithne"); a name in capitals after a name
  label with a format hint, OCR spaces around its comma ("Name (Last, First):  HALE ,  MORGAN  T").

False positives (`kind17_reason`, called by phi_suppression.suppression_reason): a message-type word opening a note
("Voicemail from ...", "Fax - ..."), a job title ending in a role noun ("Intake Lead", "Referrals Coordinator"), a
brand after "the" before a dosing frequency ("the Xalatan at night"), a word before a dose in another unit ("Insulina
NPH 12 UI"), a compound unit read as a URL ("mGy.cm"), plural nouns paired at a sentence opening ("Ventricles and
sulci"), a German department adjective ("Kardiologische Ambulanz"), a German compound label ("Versichertennr."), a
closing formula of another language ("Mit freundlichen Grüßen"). A month alone stays a date (the policy of
tests/guard/test_phi_kinds_fresh6.py), so "from November" stays redacted.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_kinds15_common import _CAP, _CITY
from medrails.guard.phi_kinds15_names import _RELATION, _sender_ok, _words_ok
from medrails.guard.phi_kinds15_places import _place_ok
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

_STATE = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
          r"OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU|NSW|VIC|QLD|TAS|ACT)")
_LINE_END = r"(?=[ \t]*(?:$|\||\(|[-–][ \t]|\n))"
# the last word of a facility's name, its head: a letterhead or a place field names the facility by it
_FACILITY_HEAD = (r"(?:Hospital|Infirmary|Clinic|Clinics|Centre|Center|Surgery|Practice|Pharmacy|Chemist|Dental|Dentistry|"
                  r"Eyecare|Optometry|Optometrists|Opticians|Orthodontics|Physiotherapy|Therapy|Health|Healthcare|Medical|"
                  r"Care|Hospice|Polyclinic|Klinik|Klinikum|Ambulanz|Praxis|Apotheke|Clinique|Cabinet)")
_FACILITY_FIRST = (r"(?:Pharmacie|Farmacia|Farmácia|Apotheke|Cabinet|Clinique|Cl[ií]nica|Consultorio|Consultório|Praxis|"
                   r"Laboratoire|Laboratorio|Laboratório|Centro|Centre)")
_LINK = r"(?:de|du|des|del|della|di|da|do|dos|das|la|le|am|an|im|zum|zur|von|of|the|and|&)"
_SERVICE_HEAD = (r"(?:Behaviou?ral[ \t]+Health|Mental[ \t]+Health|Eye[ \t]?care|Eye[ \t]+Care|Vision[ \t]+Care|Optometry|"
                 r"Orthodontics|Physiotherapy|Physical[ \t]+Therapy|Home[ \t]+Care|Home[ \t]+Health|Hearing[ \t]+Care|"
                 r"Family[ \t]+Dental|Dental[ \t]+Care|Foot[ \t]+Care|Podiatry|Audiology|Dermatology[ \t]+Associates)")
_PLACE_LABEL = (r"(?:Location|Residence|Resides|Home[ \t]+area|Village|Locality|Suburb|Neighbou?rhood|Estate|Barrio|"
                r"Bairro|Colonia|Town|City|County|District|Sub-?county|Site|Clinic|Practice|Facility|Pharmacy)")


def _part_ok(value: str) -> bool:
    """A part of a place field: no state code; its first word could be a name, and its last no service word unless an
    earlier word is the place's own ("Hillview Gardens", "Olympic Estate"; not "Clinic Room", "Left Arm")."""
    from medrails.guard.phi_suppression import _is_medical_token

    words = value.split()
    if regex.fullmatch(_STATE, value) or not name_words_ok(words[0]) or any(_is_medical_token(w.lower()) for w in words):
        return False
    return _place_ok(value) or (len(words) > 1 and _place_ok(words[0]))


class PlaceFieldRecognizer(EntityRecognizer):
    """Every comma part of a place field: "Location: Birchwood Hearing Care, Salem, MA" (a state code aside)."""

    _FIELD = regex.compile(r"(?m)(?:^|[ \t]{2,}|\|[ \t]*|\t)(?P<label>" + _PLACE_LABEL + r")[ \t]*:[ \t]*(?P<v>" + _CAP
                           + r"(?:[ \t]+(?:" + _LINK + r"[ \t]+)?" + r"\p{Lu}[\p{L}\p{M}'’-]*){0,4}(?:[ \t]*,[ \t]*\p{Lu}"
                           r"[\p{L}\p{M}'’-]*(?:[ \t]+(?:" + _LINK + r"[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,3}){0,3})"
                           r"(?=[ \t]*(?:$|\||[ \t]{2}|\t|\(|;))")

    def __init__(self):
        super().__init__(supported_entities=["FACILITY"], name="Fresh17PlaceFieldRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        out = []
        if ":" not in text:
            return out
        for m in self._FIELD.finditer(text):
            pos = m.start("v")
            for part in m.group("v").split(","):
                lead = len(part) - len(part.lstrip())
                value = part.strip()
                start = pos + lead
                pos += len(part) + 1
                if value and _part_ok(value):
                    out.append(RecognizerResult(entity_type="FACILITY", start=start, end=start + len(value), score=0.7,
                                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return out


def _first_own_ok(value: str) -> bool:
    """A head-first facility: the first word after the head and its links is the place's own."""
    own = [w for w in value.split()[1:] if not regex.fullmatch(_LINK, w)]
    return bool(own) and _place_ok(own[0]) and name_words_ok(own[0])


def _town_ok(value: str) -> bool:
    return _words_ok(value) and _place_ok(value)


def _lower_place_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import _common_words
    from medrails.guard.phi_suppression import _is_medical_token

    return all(w not in _common_words() and not _is_medical_token(w) for w in value.split())


def _place_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("TOWN_AFTER_FACILITY", [
            # the town after a facility in a letterhead: "Harbourside Dental Clinic, Oakville ON", "X Apotheke - Bremen"
            Rule(r"\b" + _FACILITY_HEAD + r"[ \t]*[,–-][ \t]*(?P<v>" + _CITY + r")(?:[ \t]*,?[ \t]*" + _STATE + r"\b)?"
                 + _LINE_END, 0.65, _town_ok, regex.MULTILINE),
            # a facility whose head comes first, then its town: "Farmacia San Marco - Verona"
            Rule(r"(?m)^[ \t]*" + _FACILITY_FIRST + r"[ \t]+(?:" + _LINK + r"[ \t]+){0,2}\p{Lu}[^\n,–-]{1,40}[ \t][,–-][ \t]*"
                 r"(?P<v>" + _CITY + r")" + _LINE_END, 0.65, _town_ok, 0),
            # a town after a street line with no postal code: "Lindenplatz 4, Dresden", "12 Elm Road, Ashford"
            Rule(r"\d[a-z]?[ \t]*,[ \t]*(?P<v>" + _CITY + r")" + _LINE_END, 0.6,
                 _town_ok, regex.MULTILINE),
            # a lower-case pharmacy's town in a text: "dunmore pharmacy in yakima"
            Rule(r"\b[a-z]{3,}[ \t]+(?:drugs?|pharmacy|chemist|apothecary)[ \t]+(?:in|on|at)[ \t]+(?P<v>[a-z]{3,}"
                 r"(?:[ \t]+[a-z]{3,})?)(?=[ \t]*(?:[,.;!?)]|$|says\b|said\b|is\b|has\b|told\b))", 0.6, _lower_place_ok, 0),
        ], "Fresh17TownRecognizer"),
        RuleRecognizer("FACILITY", [
            # a facility named by a service head after a proper word, after a preposition or a label: "provider at
            # Larkspur Behavioral Health", "Referred by: Northgate Eyecare" (not "Arrange Home Health")
            Rule(r"(?:\b(?i:at|from|with|to|by|via|of|through)[ \t]+(?:(?i:the)[ \t]+)?|:[ \t]*)(?P<v>(?:" + _CAP + r"[ \t]+){1,2}" + _SERVICE_HEAD + r")\b", 0.65,
                 lambda v: name_words_ok(v.split()[0]) and _place_ok(v.split()[0]), 0),
            # a pharmacy or practice whose head comes first: "Pharmacie des Alpes", "Farmacia San Marco"
            Rule(r"(?m)^[ \t]*(?P<v>" + _FACILITY_FIRST + r"[ \t]+(?:" + _LINK + r"[ \t]+){0,2}" + _CAP + r"(?:[ \t]+(?:"
                 + _LINK + r"[ \t]+)?" + _CAP + r"){0,3})(?=[ \t]*(?:[,–-]|$))", 0.65, _first_own_ok, 0),
            # a lower-case pharmacy in a text: "dunmore pharmacy in yakima", "kerr drug said"
            Rule(r"\b(?P<v>[a-z]{3,}[ \t]+(?:drugs?|pharmacy|chemist))(?=[ \t]+(?:in|on|at|says|said|told|called)\b)", 0.55,
                 lambda v: _lower_place_ok(v.split()[0]), 0),
        ], "Fresh17FacilityRecognizer"),
    ]


def _id_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("MRN", [
            # a segmented code, letter groups and a number between slashes: "QEH/ORTHO/22817", "card no is RKH/ENT/0931"
            Rule(r"(?<![\w/])(?P<v>[A-Z]{2,6}(?:/[A-Z]{1,6}){1,3}/(?:(?:19|20)\d{2}/)?\d{3,8})(?![\w/])", 0.7, None, 0),
        ], "Fresh17SegmentedIdRecognizer"),
        RuleRecognizer("HEALTH_PLAN_ID", [
            # a national identity number with check letters (a letter, seven digits, a letter) after a name and a comma
            # or an identity label: "Tan Mei Hua, T0481726J", "NRIC: T0481726J" (not a lot or batch number)
            Rule(r"(?:\p{Lu}[\p{L}\p{M}'’-]+[ \t]*,[ \t]*|\b(?i:nric|fin|ic|i/c|id|identity(?:[ \t]+card)?)[ \t]*(?i:no\.?|"
                 r"number|#)?[ \t]*[:#]?[ \t]*(?i:is[ \t]+)?)(?P<v>[STFGM]\d{7}[A-Z])(?![\w-])", 0.7, None, 0),
            # a value after a German compound label ending in a number word: "Versicherungsnr. X1234...", "Fallnummer:"
            Rule(r"\b\p{L}{3,}(?:nr\.?|nummer)[ \t]*:?[ \t]*(?P<v>[A-Z]?\d[\dA-Z]{5,14})\b", 0.7, None, 0),
        ], "Fresh17NationalIdRecognizer"),
    ]


_NUM_WORDS = {"ninety": 90, "hundred": 100}
_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}


def _age_ok(value: str) -> bool:
    if value.isdigit():
        return 90 <= int(value) <= 125
    words = regex.split(r"[ \t-]+", value.lower())
    return words[0] in _NUM_WORDS and all(w in _UNITS or w in _NUM_WORDS or w == "and" for w in words[1:])


def _other_rules() -> list[RuleRecognizer]:
    age = r"(?P<v>\d{2,3}|(?i:ninety(?:[ \t-](?:one|two|three|four|five|six|seven|eight|nine))?|a[ \t]+hundred(?:[ \t]+and[ \t]+\w+)?))"
    return [
        RuleRecognizer("AGE_OVER_89", [
            # a birthday verb or "he's ... now": "turning 92 on 5 May", "she turned 94", "he's ninety-four now"
            Rule(r"\b(?i:turning|turned|turns|will[ \t]+be)[ \t]+" + age + r"(?=[ \t]*(?:on|in|this|next|last|today|tomorrow|"
                 r"soon|years?|yrs?|[,.;!?)]|$))", 0.7, _age_ok, 0),
            Rule(r"\b(?i:he['’]?s|she['’]?s|they['’]?re|is|was)[ \t]+" + age + r"(?:[ \t]+(?i:years?[ \t]+old))?[ \t]+(?i:now|today)\b",
                 0.7, _age_ok, 0),
        ], "Fresh17AgeRecognizer"),
        RuleRecognizer("CUED_DATE", [
            # a month/year after a clinical timing label: "Onset: 3/2023", "Since: 11/2022", "Dx'd: 04/2019"
            Rule(r"\b(?i:onset|since|started|start(?:ed)?[ \t]+date|diagnosed|dx['’]?d|dx[ \t]+date|first[ \t]+noted|"
                 r"symptoms[ \t]+since|began)[ \t]*:?[ \t]*(?P<v>(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})\b", 0.7, None, 0),
            # a day-first partial date after a day word of another language: "foi dia 14/08", "el día 3/11", "le 2/10"
            Rule(r"\b(?i:dia|día|no[ \t]+dia|el[ \t]+día|le|am|em|il[ \t]+giorno|op)[ \t]+(?P<v>(?:0?[1-9]|[12]\d|3[01])"
                 r"[/.](?:0?[1-9]|1[0-2]))(?![/.]?\d)", 0.6, None, 0),
        ], "Fresh17DateRecognizer"),
        RuleRecognizer("CHAT_NAME", [
            # a lower-case name after a title abbreviation, in a greeting or before a comma: "oi dra luiza,", "hi dr tomás"
            Rule(r"\b(?:(?i:oi|olá|ola|hola|hi|hello|hey|dear|bom[ \t]+dia|boa[ \t]+tarde|buenos[ \t]+días|buenas)[ \t]+"
                 r"(?:dra|dr|drª|profa?|enf|sra|srta|sr)\.?[ \t]+(?P<v>[a-zà-ÿ][a-zà-ÿ'’-]{2,})|(?<![\p{L}])(?:dra|drª|profa|sra|srta)"
                 r"\.?[ \t]+(?P<v>[a-zà-ÿ][a-zà-ÿ'’-]{2,})(?=[ \t]*,))", 0.6, _lower_place_ok, 0),
            # a lower-case given name in a self-introduction before a relation's role: "its marisol dads nurse"
            Rule(r"\b(?:it['’]?s|i['’]?m|this[ \t]+is)[ \t]+(?P<v>[a-z]{3,})[ \t]+(?:(?:your|ur|the|his|her|my)[ \t]+)?"
                 + _RELATION + r"(?:['’]?s)?[ \t]+(?:carer|caregiver|nurse|aide|helper|support[ \t]+worker|" + _RELATION + r")\b",
                 0.6, _lower_place_ok, 0),
            # the line under a thanks of any wording: "Thanks a bunch,\nEithne", "Thank you kindly,\nRuairí"
            Rule(r"(?m)^[ \t]*(?i:thanks|thank[ \t]+you|many[ \t]+thanks|cheers|ta)\b[^\n,]{0,25},[ \t]*\n[ \t]*(?P<v>" + _CAP
                 + r"(?:[ \t]+" + _CAP + r")?)[ \t]*$", 0.65, _sender_ok, 0),
        ], "Fresh17ChatNameRecognizer"),
        RuleRecognizer("FORM_NAME", [
            # capitals after a name label with a format hint, OCR spaces around the comma: "Name (Last, First):  HALE ,  MORGAN  T"
            Rule(r"\b(?i:name|patient[ \t]+name)[ \t]*\([^)\n]{2,30}\)[ \t]*:[ \t]*(?P<v>\p{Lu}[\p{Lu}'’-]+[ \t]*,[ \t]*\p{Lu}"
                 r"[\p{Lu}'’-]+(?:[ \t]+\p{Lu}\b\.?)?)", 0.75, lambda v: _words_ok(v.title()), 0),
        ], "Fresh17FormNameRecognizer"),
    ]


class Fresh17Recognizer(CombinedRecognizer):
    """Every fresh-17 recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Fresh17Recognizer", [*_place_rules(), *_id_rules(), *_other_rules(), PlaceFieldRecognizer()])


def fresh17_recognizers() -> list:
    return [Fresh17Recognizer()]


# ---------------------------------------------------------------------------------------------
# false positives

_MESSAGE_WORDS = frozenset("voicemail voice-mail message msg fax memo transcript telephone phone call callback sms text "
                           "email e-mail letter referral note".split())
_ROLE_NOUNS = frozenset("lead coordinator coord supervisor manager administrator officer assistant technician tech "
                        "secretary clerk receptionist navigator liaison specialist director team desk".split())
_FREQUENCY_AFTER = regex.compile(r"^[ \t]*(?i:twice|once|three[ \t]+times|four[ \t]+times|\d[ \t]*(?:x|times)|daily|nightly|"
                                 r"at[ \t]+night|in[ \t]+the[ \t]+(?:morning|evening)|bd|bid|tds|tid|qds|qid|od|qd|prn|"
                                 r"every[ \t]+\d|each[ \t]+(?:eye|day|night))\b")
_DOSE_AFTER = regex.compile(r"^[ \t]*(?:\p{Lu}{2,5}[ \t]+)?\d+(?:[.,]\d+)?[ \t]*(?i:UI|U\.I\.|IU|IE|unidades|unités|"
                            r"Einheiten|unità|mg|mcg|µg|ml|mL|g)\b")
_UNIT_URL = regex.compile(r"^(?:[mµk]?Gy|mSv|kg|mg|g|N|W|J|mL|ml|L|s|m)\.(?:cm|m|mm|s|min|h|kg|m2)$")
_GERMAN_ADJ = regex.compile(r"(?i)^\p{L}{4,}(?:ische|ischen|ischer|isches|ologische|ärztliche|ärztlichen)$")
_CLOSING_WORDS = frozenset("grüßen grüsse grüße gruß cordialement atentamente saludos saluti groeten hilsen hälsningar "
                           "pozdrawiam pozdravem".split())


def kind17_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-17 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    if entity == "URL" and _UNIT_URL.match(value) and regex.search(r"\d[ \t]*$", before):
        return "a compound unit after a number ('mGy.cm'), no URL"
    if entity in ("LOCATION", "PERSON", "ORGANIZATION") and len(tokens) == 1 \
            and regex.fullmatch(r"\p{L}{3,}(?:nr|nummer)\.?", value, flags=regex.IGNORECASE):
        return "a German compound label ending in a number word ('Versichertennr.')"
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME"):
        return None
    from medrails.guard.phi_given_names import is_given_name

    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if len(tokens) == 1 and words[0] in _MESSAGE_WORDS and regex.search(r"(?:^|\n)[ \t]*\[?$", before) \
            and regex.match(r"^[ \t]*(?:[-–—:|]|from\b|to\b|left\b|re\b|for\b)", after, flags=regex.IGNORECASE):
        return "a message-type word opening a note ('Voicemail from ...')"
    if len(tokens) == 2 and words[-1] in _ROLE_NOUNS and not is_given_name(words[0]):
        return "a job title ending in a role noun ('Intake Lead')"
    if len(tokens) == 1 and regex.search(r"\b(?i:the)[ \t]+$", before) and _FREQUENCY_AFTER.match(after):
        return "a brand after 'the' before a dosing frequency ('the Xalatan at night')"
    if len(tokens) <= 2 and _DOSE_AFTER.match(after) and not is_given_name(words[0]):
        return "a word before a dose in another unit ('Insulina NPH 12 UI')"
    if len(tokens) == 1 and words[0].endswith("s") and regex.search(r"(?:^|[.!?:]\s+|\n[ \t]*)$", before) \
            and regex.match(r"^[ \t]+(?:and|or)[ \t]+[a-z]{3,}(?:s|i|ae)\b", after) and not is_given_name(words[0]):
        return "plural nouns paired at a sentence opening ('Ventricles and sulci')"
    if len(tokens) >= 2 and _GERMAN_ADJ.match(words[0]) and not is_given_name(words[0]):
        return "a German department adjective ('Kardiologische Ambulanz')"
    if len(tokens) == 1 and words[0] in _CLOSING_WORDS:
        return "a closing formula of another language ('Mit freundlichen Grüßen')"
    return None
