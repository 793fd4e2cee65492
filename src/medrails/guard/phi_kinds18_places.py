"""PHI places and facilities by their structure (lane c of the eighteenth round): informal places in patients'
messages, facility names of other languages and shapes, postal codes of international addresses, and the lines of an
address block between a name and "Dear". Each kind is written by its structure, never by a note's own value; the
examples are new wording (tests/guard/test_phi_kinds18_places.py), each with a twin that stays unredacted.

Recognizers (regexes compiled at import, no model; one registry entry, `Places18Recognizer`):
- informal places in texts: a town after "the <store or 'one'> in" ("the target in moline,"), a lower-case town after a
  direction ("up in bemidji", "leaving stl now"), a lower-case facility before "er" or a hospital word ("at the
  mercyview er"), a lower-case saint's hospital ("st agnes sent him home", "at st judes"), a lower-case facility ending
  in a women's or children's word ("at lakeshore childrens"), a pharmacy of two or three lower-case words in brackets
  or after a preposition; an upper-case facility acronym after a discharge or transport verb ("discharged from KATH");
- facilities: a numbered head-first facility of Spanish or Portuguese ("Unidad de Medicina Familiar No. 12"); a German
  Klinikum with its link words ("Klinikum links der Weser"); a name-line facility of Title Case words joined by
  "and"/"of" ("Northern Lung and Sleep Institute") on its own line; an upper-case facility before a department
  ("CITY GENERAL HOSPITAL - DEPARTMENT OF ..."); the town after an upper-case facility heading ("... HEALTH CENTRE,
  KUMASI - FORM"); an acronym and a proper word before a ward or bed ("MUSC Shawnee bed 4"); a letterhead facility on
  the first line of a document ending in a service head ("Kingsway Ridge Dental");
- postal codes: an Indian PIN after a town and a dash ("Pune - 411 001"), a Mexican "C.P." code, a Brazilian CEP, a
  Singapore code after its name, a four-digit code after a street line's town ("..., Hatfield, 0083");
- towns: the town of a letter's place-and-date line ("Fait à Nantes, le", "Graz, 3. Mai 2024"), a town after a French
  or German five-digit code at a line's end ("..., 44000 Nantes"), the town line of a city-state-ZIP line
  ("Lookout Valley, TN 37419");
- an address block: the short lines between a titled name line and "Dear" (house names, townlands, towns).

False positives (`places18_reason`): a department or service named only by its specialty ("Breast Oncology Clinic",
"Nephrology" after a facility and a comma).
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_recognizers import Rule, RuleRecognizer

_STATE = (r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|"
          r"OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)")
_TOWN = r"\p{Lu}\p{Ll}[\p{L}\p{M}'’]*(?:-\p{Lu}?[\p{L}\p{M}'’]+)*(?:[ \t]+\p{Lu}\p{Ll}[\p{L}\p{M}'’-]+){0,2}"
_LOW = r"[a-z][a-z'’-]{2,}"
_END = r"(?=[ \t]*(?:[,.;:!?)]|$|\n|[ \t](?:says|said|is|was|has|had|and|but|so|now|tonight|today|for|to|they|we|i)\b))"
# a ward or unit acronym is no facility's own name
_WARD_ACRONYMS = frozenset("icu er ed opd ipd ccu hdu nicu picu micu sicu cicu pacu or ot ae a&e emr ehr gp pcp ob obgyn "
                           "ent mri ct usg ecg ekg eeg nhs hmo ppo tpa usa uk".split())


def _low_ok(value: str) -> bool:
    """Lower-case place words: none a common English word, a stop word or a medical term (_common_words holds
    spaCy's stop words and the shipped medical vocabulary)."""
    from medrails.guard.phi_given_names import _common_words
    from medrails.guard.phi_suppression import _is_medical_token

    common = _common_words()
    words = value.lower().split()
    return bool(words) and all(w not in _NOT_PLACES and w not in _ROOM_WORDS and w not in common
                               and not _is_medical_token(w) for w in words)


# a comparative or a common descriptor before "hospital" or "er" is no facility's own name ("the nearest hospital")
_NOT_PLACES = frozenset("nearest closest closer nearer nearby local main big bigger new old other same usual regular county "
                        "city town community general private public university teaching childrens womens".split())
# a room or a piece of furniture after a direction is no town ("roll over in bed", "back in bed")
_ROOM_WORDS = frozenset("bed cot car van bus tub gym lab".split())


def _first_low_ok(value: str) -> bool:
    return _low_ok(value.split()[0])


def _acronym_ok(value: str) -> bool:
    return value.lower() not in _WARD_ACRONYMS


def _town_ok(value: str) -> bool:
    """A town in a strong slot (a line of its own, a letterhead): no clinical term."""
    from medrails.guard.phi_suppression import _is_medical_token

    return all(not _is_medical_token(w.strip(",.").lower()) for w in value.split())


def _caps_town_ok(value: str) -> bool:
    return _low_ok(value) and not regex.search(r"(?i)\b(?:form|referral|request|report|note|slip|letter)\b", value)


_STORE = r"(?:one|store|branch|location|office|pharmacy|drugstore|walgreens|cvs|rite[ \t]?aid|walmart|target|costco|kroger|er)"
_DIRECTION = r"(?:up|down|over|out|back)[ \t]+(?:in|to|at)|(?:stay|stays|staying|live|lives|living)[ \t]+(?:in|at)|leaving|driving[ \t]+(?:from|to)|headed[ \t]+to|heading[ \t]+to"


def _chat_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("FACILITY", [
            # a town after "the <store or 'one'> in": "the target in moline,", "the one in enid"
            Rule(r"\bthe[ \t]+" + _STORE + r"[ \t]+(?:in|on|at)[ \t]+(?P<v>" + _LOW + r")" + _END, 0.6, _low_ok, 0),
            # a lower-case town after a direction or a leaving verb: "up in bemidji", "leaving stl now"
            Rule(r"\b(?:" + _DIRECTION + r")[ \t]+(?P<v>" + _LOW + r")" + _END, 0.55, _low_ok, 0),
            # a lower-case facility before "er" or a hospital word: "at the mercyview er"
            Rule(r"\b(?:at|from|to|in)[ \t]+the[ \t]+(?P<v>" + _LOW + r")[ \t]+(?:er|e\.r\.|ed|emergency|hospital|urgent[ \t]+care)\b",
                 0.6, _low_ok, 0),
            # a lower-case saint's hospital: "st agnes sent him home", "at st judes"
            Rule(r"(?:\b(?:at|from|to|since|in)[ \t]+|^|[.!?][ \t]+)(?P<v>st\.?[ \t]+[a-z]{3,}['’]?s?)(?=[ \t]*(?:[,.;!?)]|$|[ \t]"
                 r"(?:sent|discharged|admitted|said|says|er|hospital|told|kept|is|was|again|now|today|tonight|and|for|last|this)\b))", 0.6,
                 lambda v: _low_ok(v.split()[-1].rstrip("s'’")) or _low_ok(v.split()[-1]), regex.MULTILINE),
            # a lower-case facility ending in a women's or children's word: "at lakeshore childrens"
            Rule(r"\b(?:at|from|to)[ \t]+(?P<v>" + _LOW + r"[ \t]+(?:womens|women['’]s|childrens|children['’]s|memorial|general|"
                 r"regional|mercy))\b", 0.6, _first_low_ok, 0),
            # a pharmacy of two or three lower-case words in brackets or after a preposition: "(cedar point pharmacy in"
            Rule(r"(?:\(|\b(?:at|from|to|the)[ \t]+)(?P<v>" + _LOW + r"(?:[ \t]+[a-z]{3,}){1,2}[ \t]+(?:pharmacy|drugs|chemist))\b",
                 0.55, _first_low_ok, 0),
            # an upper-case facility acronym after a discharge or transport verb: "discharged from KATH", "take her to KATH"
            Rule(r"\b(?i:discharged[ \t]+from|admitted[ \t]+(?:to|at)|transferred[ \t]+(?:to|from)|(?:carry|take|bring|rush)"
                 r"[ \t]+(?:him|her|them|me|us)[ \t]+(?:to|back[ \t]+to)|seen[ \t]+at)[ \t]+(?P<v>[A-Z]{3,6})\b"
                 r"(?![/-]?\d)(?![ \t]+(?i:duty|team|service|clinic|unit|ward|review))", 0.6, _acronym_ok, 0),
        ], "Places18ChatRecognizer"),
    ]


_SERVICE_HEAD = (r"(?:Dental|Dentistry|Orthodontics|Optometry|Optometrists|Eyecare|Physiotherapy|Chiropractic|Podiatry|"
                 r"Audiology|Pharmacy|Chemist|Medical|Clinic|Surgery|Family[ \t]+Practice|Health)")


def _facility_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("FACILITY", [
            # a numbered head-first facility: "Unidad de Medicina Familiar No. 12", "Hospital Regional de Zona Nº 3"
            Rule(r"\b(?P<v>(?:Hospital|Cl[ií]nica|Unidad|Centro|Sanatorio|Policl[ií]nica|Posto)(?:[ \t]+(?:de|del|la|el|las|los|"
                 r"do|da|\p{Lu}\p{Ll}+)){1,6}[ \t]+(?:No\.?|N[º°o]\.?|Núm\.?|Número|#)[ \t]*\d{1,4})\b", 0.7, None, 0),
            # a German Klinikum with its link words: "Klinikum links der Weser"
            Rule(r"\b(?P<v>Klinikum(?:[ \t]+(?:rechts|links|der|des|am|an|im|zu|zum|\p{Lu}\p{Ll}+)){1,4}?[ \t]+\p{Lu}\p{Ll}+)"
                 r"(?=[ \t]*(?:[·,|–-]|$))", 0.7, None, regex.MULTILINE),
            # a name-line facility joined by "and"/"of": "Northern Lung and Sleep Institute" on its own line
            Rule(r"(?m)^[ \t]*(?P<v>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)*[ \t]+(?:and|of|&)[ \t]+\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+)*"
                 r"[ \t]+(?:Institute|Hospital|Infirmary|Medical[ \t]+Cent(?:re|er)|Hospice))[ \t]*$", 0.65, None, 0),
            # an upper-case facility before a department: "CITY GENERAL HOSPITAL - DEPARTMENT OF ..."
            Rule(r"(?m)^[ \t]*(?P<v>(?:[A-Z][A-Z'’.-]+[ \t]+){1,5}(?:HOSPITAL|INFIRMARY|INSTITUTE|MEDICAL[ \t]+CENT(?:RE|ER)|"
                 r"POLYCLINIC|HEALTH[ \t]+CENT(?:RE|ER)))[ \t]*[-–—,|][ \t]*(?:DEPARTMENT|DEPT|DIVISION|UNIT|SERVICE|WARD|"
                 r"LABORATORY|SECTION|SCHOOL)\b", 0.65, None, 0),
            # an acronym and a proper word before a ward or bed: "MUSC Shawnee bed 4", "XYZH Lakeside 5 West"
            Rule(r"\b(?P<v>[A-Z]{3,5}[ \t]+\p{Lu}\p{Ll}{4,})(?=[ \t]+(?:[A-Z]{2,5}[ \t]+)?(?i:bed|ward|unit|floor|rm|room)\b)",
                 0.6, lambda v: _acronym_ok(v.split()[0]) and _town_ok(v.split()[1]), 0),
            # a letterhead facility on a document's first line ending in a service head: "Kingsway Ridge Dental"
            Rule(r"\A[ \t]*(?P<v>\p{Lu}\p{Ll}+(?:[ \t]+\p{Lu}\p{Ll}+){1,3}[ \t]+" + _SERVICE_HEAD + r")[ \t]*(?=\n)", 0.6,
                 lambda v: _town_ok(v.split()[0]) and v.split()[0].lower() not in _SPECIALTY_WORDS, 0),
        ], "Places18FacilityRecognizer"),
        RuleRecognizer("TOWN_AFTER_FACILITY", [
            # the town after an upper-case facility heading: "ASHANTI ROAD HEALTH CENTRE, KUMASI - REFERRAL FORM"
            Rule(r"(?m)^[ \t]*(?:[A-Z][A-Z'’.-]+[ \t]+){1,5}(?:HOSPITAL|INFIRMARY|CENT(?:RE|ER)|CLINIC|POLYCLINIC)[ \t]*,[ \t]*"
                 r"(?P<v>[A-Z]{3,}(?:[ \t][A-Z]{3,})?)(?=[ \t]*(?:[—–|-]|$))", 0.6, _caps_town_ok, 0),
            # the town of a letter's place-and-date line: "Fait à Nantes, le 3 mai", "Graz, 3. Mai 2024", "Nantes, 12/03/2025"
            Rule(r"(?m)(?:^[ \t]*|\b(?:Fait|Hecho|Feito|Dato)[ \t]+(?:à|a|em|en)[ \t]+)(?P<v>" + _TOWN + r"),[ \t]*(?:(?:le|den|am|"
                 r"el|em|il)[ \t]+)?\d{1,2}(?:er|\.)?(?:[ \t]+(?:de[ \t]+)?\p{L}{3,}\.?[ \t]+(?:de[ \t]+)?(?:19|20)\d{2}|[/.]\d{1,2}[/.]\d{2,4})", 0.6,
                 _town_ok, 0),
            # the town after a French or German five-digit code at a line's end: "..., 44000 Nantes"
            Rule(r"(?m),[ \t]*(?:F-|D-)?\d{5}[ \t]+(?P<v>" + _TOWN + r")(?=[ \t]*(?:$|\||Tel|Tél|Fax))", 0.6, _town_ok, 0),
            # the town line of a city-state-ZIP line: "Lookout Valley, TN 37419"
            Rule(r"(?m)^[ \t]*(?P<v>" + _TOWN + r"),?[ \t]+" + _STATE + r"[ \t]+\d{5}(?:-\d{4})?[ \t]*$", 0.65, _town_ok, 0),
        ], "Places18TownRecognizer"),
        RuleRecognizer("TOWN_AFTER_FACILITY", [
            # an Indian PIN after a town and a dash: "Pune - 411 001", "Navi Mumbai - 400614"
            Rule(r"\p{Lu}\p{Ll}+[ \t]*[-–][ \t]*(?P<v>[1-9]\d{2}[ \t]?\d{3})(?=[ \t]*(?:$|[,.|)]|\n))", 0.6, None, regex.MULTILINE),
            # a Mexican "C.P." code and a Brazilian CEP: "C.P. 06700", "CEP 30130-010"
            Rule(r"\b(?:C\.[ \t]?P\.|CEP:?)[ \t]*(?P<v>\d{5}(?:-?\d{3})?)\b", 0.65, None, 0),
            # a Singapore code after its name: "Singapore 760412"
            Rule(r"\bSingapore[ \t]*,?[ \t]*(?P<v>\d{6})\b", 0.65, None, 0),
            # a four-digit code after a street line's town: "12 Protea Road, Hatfield, Pretoria, 0083"
            Rule(r"\d+[A-Za-z]?[ \t]+(?:\p{Lu}\p{Ll}+[ \t]+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Drive|Lane|Crescent|Close|Way|"
                 r"Place|Terrace)\b[^\n|]{0,60}?,[ \t]*\p{Lu}\p{Ll}+,[ \t]*(?P<v>\d{4})(?=[ \t]*(?:[.,]|$|\n))", 0.6, None, 0),
        ], "Places18PostcodeRecognizer"),
        RuleRecognizer("STREET_ADDRESS", [
            # a South Asian address from a plot or flat number to its road, sector or society: "Flat 7, Sai Kripa CHS,
            # Dadar Road", "Plot 22, Sector 4"
            Rule(r"\b(?P<v>(?:Plot|Flat|Shop|House|Door)[ \t]+(?:No\.?[ \t]*)?\d+[A-Z]?[ \t]*,[^\n|:;]{0,60}(?:Road|Marg|Nagar|"
                 r"Colony|Society|CHS|Sector[ \t]+\d+|Phase[ \t]+[\dIVX]+))\b", 0.6, None, 0),
        ], "Places18StreetRecognizer"),
    ]


_TITLE_LINE = regex.compile(r"(?m)^[ \t]*(?:Mr|Mrs|Ms|Miss|Mx|Mdm|Dr|Prof)\.?[ \t]+\p{Lu}[^\n]{1,50}\n")
_BLOCK_LINE = regex.compile(r"[ \t]*(?P<v>[\p{Lu}\d][^\n:;@]{1,38}?)[ \t]*\n")
_DEAR = regex.compile(r"\n*[ \t]*(?:Dear|A[ \t]+chara|Re:|RE:)\b")
_POSTCODE_OR_NUMBER = regex.compile(r"^(?:[A-Z]\d{2}[ \t]?[0-9A-Z]{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|PO[ \t]+Box.*|"
                                    r"[\d\s()+-]+|.*\b(?:Tel|Phone|Fax|Email)\b.*)$")


class AddressBlockRecognizer(EntityRecognizer):
    """The short lines between a titled name line and "Dear": house names, townlands, towns ("Tigh na Coille")."""

    def __init__(self):
        super().__init__(supported_entities=["STREET_ADDRESS", "TOWN_AFTER_FACILITY"], name="Places18AddressBlockRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def _result(self, entity: str, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(entity_type=entity, start=start, end=end, score=0.6,
                                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        out = []
        if "Dear" not in text and "Re:" not in text and "RE:" not in text:
            return out
        for title in _TITLE_LINE.finditer(text):
            pos, lines = title.end(), []
            while len(lines) < 6:
                m = _BLOCK_LINE.match(text, pos)
                if not m:
                    break
                lines.append(m)
                pos = m.end()
            if not lines or not _DEAR.match(text, pos):
                continue
            for m in lines:
                value = m.group("v")
                if _POSTCODE_OR_NUMBER.match(value) or not _town_ok(value):
                    continue
                entity = "STREET_ADDRESS" if value[0].isdigit() else "TOWN_AFTER_FACILITY"
                out.append(self._result(entity, m.start("v"), m.end("v")))
        return out


class Places18Recognizer(CombinedRecognizer):
    """Every lane-c place recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Places18Recognizer", [*_chat_rules(), *_facility_rules(), AddressBlockRecognizer()])


def places18_recognizers() -> list:
    return [Places18Recognizer()]


# ---------------------------------------------------------------------------------------------
# false positives

_DEPT_HEADS = frozenset("clinic clinics unit department dept service services ward outpatients opd suite lab laboratory "
                        "team".split())
_SPECIALTY_WORDS = frozenset("nephrology neurosurgery neurology cardiology oncology endocrine endocrinology antenatal "
                             "postnatal obstetrics gynaecology gynecology urology dermatology rheumatology haematology "
                             "hematology gastroenterology respiratory pulmonology hepatology orthopaedics orthopedics "
                             "paediatrics pediatrics geriatrics psychiatry radiology pathology rhythm heart breast renal "
                             "dialysis diabetes fracture memory pain sleep stroke vascular surgical medical "
                             "musculoskeletal physiotherapy ophthalmology ent audiology infusion wound infectious disease diseases "
                             "family internal sports travel sexual mental behavioural behavioral".split())


_GENERIC_PLACE_WORDS = frozenset("county district regional referral general community barangay rural provincial municipal "
                                 "health station hospital hospitals centre center clinic ministry transfer her his my their "
                                 "our your the this that a an to for of nearest local main".split())
_GENERIC_HEADS = frozenset("hospital hospitals centre center clinic station ministry health".split())


def places18_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is a department or service named only by its specialty ("Breast Oncology Clinic", "Nephrology"), or a
    facility named only by generic words ("County Referral Hospital", "Her hospital")."""
    if entity not in ("LOCATION", "FACILITY", "ORGANIZATION", "TOWN_AFTER_FACILITY"):
        return None
    from medrails.guard.phi_suppression import _is_medical_token

    words = [w.strip(".,;:()'’\"").lower() for w in text[start:end].split()]
    if words and len(words) <= 5 and all(w in _GENERIC_PLACE_WORDS for w in words) and any(w in _GENERIC_HEADS for w in words):
        return "a facility named only by generic words ('County Referral Hospital', 'her hospital')"
    words = [w for w in words if w and w not in ("and", "&", "of")]
    if not words or len(words) > 4:
        return None
    if all(w in _DEPT_HEADS or w in _SPECIALTY_WORDS or _is_medical_token(w) for w in words) \
            and any(w in _SPECIALTY_WORDS for w in words):  # not an eponym-town alone ("Glasgow")
        return "a department or service named only by its specialty ('Breast Oncology Clinic')"
    return None
