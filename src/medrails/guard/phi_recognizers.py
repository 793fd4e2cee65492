"""Clinical PHI recognizers Presidio lacks (the clinical false-positive filter is in phi_suppression).

Every recognizer here is a Presidio `EntityRecognizer` added to the analyzer's registry. A rule
is a regex whose named group `v` is the identifier itself: the context words around it ("MRN:",
"member ID", "fax") raise precision but are not redacted, so "MRN: [MRN]" stays readable.
Rules generalize by shape and context (HIPAA Safe Harbor identifiers), never by literal values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_vocabulary import medical_vocabulary

# checksums

def dea_checksum_ok(value: str) -> bool:
    """DEA registration: 2 letters + 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7."""
    m = re.fullmatch(r"[A-Za-z]{2}(\d{7})", value)
    if not m:
        return False
    d = [int(c) for c in m.group(1)]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch)
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def npi_checksum_ok(value: str) -> bool:
    """NPI: 10 digits starting 1 or 2, Luhn-valid with the 80840 card-issuer prefix."""
    digits = re.sub(r"[ -]", "", value)
    return bool(re.fullmatch(r"[12]\d{9}", digits)) and luhn_ok("80840" + digits)


def _has_digit(value: str) -> bool:
    return any(c.isdigit() for c in value)


# the generic rule-based recognizer

@dataclass(frozen=True)
class Rule:
    """One pattern. The span reported is group `v` when the pattern has one, else the match."""

    pattern: str
    score: float
    validate: Callable[[str], bool] | None = None
    flags: int = re.IGNORECASE
    needs: str | None = None  # a pattern in every match (same flags): where absent, the costlier scan is skipped


class RuleRecognizer(EntityRecognizer):
    """A Presidio recognizer from regex rules whose value group excludes the context words."""

    def __init__(self, entity: str, rules: list[Rule], name: str):
        self._rules = [(regex.compile(r.pattern, r.flags | regex.VERSION0), r) for r in rules]
        self._needs = {i: (r.needs, regex.compile(r.needs, r.flags | regex.VERSION0)) for i, r in enumerate(rules) if r.needs}
        super().__init__(supported_entities=[entity], name=name, supported_language="en")

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        entity = self.supported_entities[0]
        results = []
        gates: dict[str, bool] = {}  # a gate several rules share is searched once per text
        for i, (compiled, rule) in enumerate(self._rules):
            if i in self._needs:
                key, gate = self._needs[i]
                if key not in gates:
                    gates[key] = gate.search(text) is not None
                if not gates[key]:
                    continue
            for m in compiled.finditer(text):
                start, end = m.span("v") if "v" in compiled.groupindex else m.span()
                value = text[start:end]
                if end <= start or (rule.validate and not rule.validate(value)):
                    continue
                results.append(
                    RecognizerResult(
                        entity_type=entity, start=start, end=end, score=rule.score,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        },
                    )
                )
        return results


# building blocks
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d{2}|20\d{2})"
_SEP = r"\s*[:#]?\s*(?:is\s+|was\s+|of\s+|(?:no\.?|number|num\.?|#)\s*(?:is\s+|was\s+)?)?[:#]?\s*"
# an identifier: letters/digits with optional dashes, at least 4 characters, at least one digit
_ID = r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){4,19})\b"
# a record number that may be written as a path: "SPH/2024/0042917"
_ID_PATH = r"(?P<v>(?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9]|[-/](?=[A-Z0-9])){4,24})\b"
_PHONE = r"(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b"

_LABS = (r"(?:BP|blood\s+pressure|HR|heart\s+rate|pulse|RR|resp(?:iratory)?\s+rate|SpO2|O2\s*sat|sats?|T|temp|"
         r"temperature|wt|weight|ht|height|BMI|HbA1c|A1c|Hgb|Hb|Hct|WBC|RBC|Plt|platelets|Na|K|Cl|CO2|HCO3|BUN|Cr|"
         r"creatinine|eGFR|GFR|glucose|BG|FBG|INR|PT|PTT|aPTT|TSH|T4|LDL|HDL|TG|triglycerides|cholesterol|ALT|AST|ALP|"
         r"bilirubin|albumin|troponin|BNP|NT-proBNP|CRP|ESR|PSA|lactate|Mg|Phos|Ca|calcium|ferritin|B12|"
         r"vitamin\s+D|EF|LVEF|MAP|CVP|PEEP|FiO2|GCS|APGAR|FEV1|FVC|PEF|QTc|PR|QRS|pH|pCO2|pO2|lipase|amylase|CK|D-dimer|"
         r"hemoglobin|potassium|sodium|magnesium|iron|uric\s+acid|ammonia|procalcitonin)")


# Unicode-aware capitalized word (names and places are not only ASCII)
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"


def _recognizers() -> list[EntityRecognizer]:
    mrn = RuleRecognizer("MRN", [
        Rule(r"\b(?:MRN|MR\s?#|MR\s?No\.?|Med(?:ical)?\.?\s+Rec(?:ord)?\.?(?:\s+(?:No\.?|Number|#))?|"
             r"medical\s+record(?:\s+(?:number|no\.?|num|#|id))?|hospital\s+(?:number|no\.?|#|id)|"
             r"chart\s+(?:number|no\.?|#)|patient\s+(?:id|number|no\.?|#)|unit\s+(?:number|no\.?)|"
             r"hosp\.?\s+(?:number|no\.?|#|id)|UHID|URN|CR\s+no\.?|IP\s+no\.?)"
             + _SEP + _ID_PATH, 0.95),
    ], "MedicalRecordNumberRecognizer")
    plan = RuleRecognizer("HEALTH_PLAN_ID", [
        Rule(r"\b(?:member|subscriber|(?<!(?:cites?|cited|per|under|medical|clinical|coverage|payment)\s)policy|insurance|insured|beneficiary|medicaid|medicare|group|plan(?!\s*:)|"
             r"HICN|MBI|BCBS|health\s+plan)(?:\s+(?:id|identification|number|no\.?|#|card))*" + _SEP + _ID, 0.9),
        # national and provincial health or personal numbers by their name, digits possibly in groups:
        # "OHIP 1234-567-890-AB", "PHN: 9123 456 789", "PPSN 1234567TA", "Aadhaar 1234 5678 9012"
        Rule(r"\b(?:OHIP|PHN|PPSN|PPS\s+(?:no\.?|number)|NHS|CHI|IHI|NHI|ABHA|ULI|PHIN|HSN|HCN|health\s+card|Aadhaa?r|"
             r"MSP|RAMQ|NINO|NI\s+(?:no\.?|number)|SIN)(?:\s+(?i:id|number|no\.?|#))?\s*[:#]?\s*"
             r"(?P<v>\d{2,5}(?:[ -]\d{2,6}){1,3}(?:[ -][A-Z]{1,2})?|(?=[A-Z0-9]*\d)[A-Z0-9]{6,12})\b", 0.85, None, 0),
        # Medicare Beneficiary Identifier by its published shape (no context needed)
        Rule(r"\b(?P<v>[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?"
             r"[AC-HJKMNP-RT-Y]{2}\d{2})\b", 0.85, None, 0),
    ], "HealthPlanIdRecognizer")
    account = RuleRecognizer("ACCOUNT_NUMBER", [
        Rule(r"\b(?:account|acct\.?|a/c|billing|encounter|visit|FIN|claim|invoice|case|incident|run|reference|ref\.?|prior\s+auth(?:orization)?|authorization|auth|confirmation|requisition|accession|specimen|tracking|ticket|order)(?:\s+(?:id|number|no\.?|#))*"
             + _SEP + _ID, 0.85),
        # a prescription, accession, requisition or specimen number by its abbreviation and a number sign:
        # "Rx# 4471023", "Acc#: RAD24-558812", "REQ#: L-5501298"
        Rule(r"\b(?:Rx|script|prescription|Acc|Accn|Acc'n|Req|Reqn|Spec|Enc|Adm|Ord)(?=\s*(?:#|no\b|no\.|number|num\b))"
             + _SEP + _ID, 0.85),
        Rule(r"\b(?:ID|I\.D\.|identifier|identification)(?:\s+(?:number|no\.?|#))?" + _SEP + _ID, 0.8),
        # the first column of a table whose header row opens with an ID column: "Subject ID | ...\n0147-003 | ..."
        Rule(r"(?m)^(?=[A-Z0-9][A-Z0-9-]{2,19}\s*\|)(?<=^(?i:subject|participant|patient|study|record|case|screening|"
             r"enrol?lment|randomi[sz]ation)\s*(?i:id|#|no\.?|number)\b[^\n]*\|[^\n]*\n(?:[^\n]*\|[^\n]*\n){0,40})"
             r"(?P<v>(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,19})(?=\s*\|)", 0.8, None, 0),
    ], "AccountNumberRecognizer")
    license_ = RuleRecognizer("LICENSE_NUMBER", [
        Rule(r"\b(?:licen[cs]e|lic\.?|DL|driver'?s?\s+licen[cs]e|certificate|cert\.?|registration|permit)"
             r"(?:\s+(?:id|number|no\.?|#))*" + _SEP + _ID, 0.85),
    ], "LicenseNumberRecognizer")
    dea = RuleRecognizer("DEA_NUMBER", [
        Rule(r"\b(?P<v>[A-Z]{2}\d{7})\b", 0.9, dea_checksum_ok, 0),
        Rule(r"\bDEA" + _SEP + r"(?P<v>[A-Z]{2}\d{7})\b", 0.95),
        # "DEA" in the same line, in any wording ("Prescriber DEA on file: BM4827163"), checksum or not
        Rule(r"\bDEA\b[^\n]{0,40}?\b(?P<v>[A-Z][A-Z9]\d{7})\b", 0.9, None, 0),
        Rule(r"\b(?P<v>[A-Z][A-Z9]\d{7})\b[^\n]{0,20}?\bDEA\b", 0.9, None, 0),
    ], "DeaNumberRecognizer")
    npi = RuleRecognizer("NPI", [
        Rule(r"\b(?P<v>[12]\d{9})\b", 0.8, npi_checksum_ok, 0),
        Rule(r"\bNPI" + _SEP + r"(?P<v>\d{10})\b", 0.95),
    ], "NpiRecognizer")
    device = RuleRecognizer("DEVICE_ID", [
        Rule(r"\b(?:serial|S/N|SN|UDI|device(?:\s+id)?|implant|IMEI|asset(?:\s+tag)?)(?:\s+(?:id|number|no\.?|#))*"
             + _SEP + _ID, 0.85),
        Rule(r"\bUDI\s*[:#]?\s*(?P<v>\(01\)[\d()A-Z]{8,60})", 0.95),
    ], "DeviceIdRecognizer")
    age = RuleRecognizer("AGE_OVER_89", [
        Rule(r"\b(?P<v>(?:9\d|1[0-2]\d))(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)old\b", 0.95),
        Rule(r"\b(?P<v>(?:9\d|1[0-2]\d))\s*(?:y/?o|y\.\s?o\.?|yo)(?!\w)", 0.95),
        Rule(r"\b(?:he|she|they|patient|pt|who|mother|father|grandmother|grandfather|mom|dad)(?:'s|’s|\s+is|\s+was|\s+turned|\s+turns|\s+just\s+turned)\s+"
             r"(?P<v>9\d|1[0-2]\d)\b(?!\s*(?:%|mg|kg|lb|bpm|/|\.\d|percent|pounds|degrees))", 0.85),
        Rule(r"\bturned\s+(?P<v>9\d|1[0-2]\d)\b", 0.85),
        Rule(r"\b(?:\p{Lu}\p{Ll}+|mom|dad|mum|grandma|grandpa|granny|nana)\s+(?:is|was|turned|turns|just\s+turned)\s+"
             r"(?P<v>9\d|1[0-2]\d)\b(?!\s*(?:%|mg|kg|lbs?|pounds|bpm|minutes|hours|days|weeks|months|/|\.\d|percent|degrees|°))",
             0.7, None, 0),
        Rule(r"\b(?P<v>(?:9\d|1[0-2]\d))(?:\s*|-)(?:years?|yrs?)(?:\s*|-)young\b", 0.9),
        Rule(r"\b(?:I'm|I\s+am|im)\s+(?P<v>9\d|1[0-2]\d)\b(?!\s*(?:%|mg|kg|lbs?|pounds|minutes|hours|days|weeks|months|/|\.\d))",
             0.85),
        Rule(r"\b(?P<v>(?:9\d|1[0-2]\d))\s*(?:years?|yrs?)\s+of\s+age\b", 0.95),
        Rule(r"\b(?:age|aged|ages|age:)\s*[:=]?\s*(?P<v>(?:9\d|1[0-2]\d))\b", 0.9),
        Rule(r"\bin\s+(?:his|her|their)\s+(?P<v>(?:nineties|90s|hundreds))\b", 0.85),
        Rule(r"\b(?P<v>(?:9\d|1[0-2]\d))(?=\s*(?:M|F|male|female|man|woman)\b)", 0.6),
        # spelled out: "ninety-three-year-old", "ninety two years old"
        Rule(r"\b(?P<v>ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one\s+hundred(?:\s+and\s+\w+)?)"
             r"[\s-]+(?:years?|yrs?)[\s-]+old\b", 0.9),
        # after a name and a comma, closed by a comma or parenthesis: "(Ada Lovelace, 93)", "Tom Hale ("Bo"), 95,"
        Rule(r"\b" + _CAP + r"(?:\s+" + _CAP + r"){0,3}(?:\s*\(\s*[\"“']" + _CAP + r"[\"”']\s*\))?,\s*"
             r"(?P<v>9\d|1[01]\d)(?=\s*[,)])", 0.7, None, 0),
    ], "AgeOver89Recognizer")
    date = RuleRecognizer("CLINICAL_DATE", [
        # 03/14/2024, 3-14-24, 2024-03-14, 14.03.2024
        Rule(r"\b(?P<v>(?:0?[1-9]|1[0-2])(?P<s>[/-])(?:0?[1-9]|[12]\d|3[01])(?P=s)(?:\d{4}|\d{2}))\b", 0.9),
        Rule(r"\b(?P<v>(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-]\d{4})\b", 0.85),
        Rule(r"\b(?P<v>" + _YEAR + r"[/.-](?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|[12]\d|3[01]))\b", 0.9),
        # 14-Mar-2024, 14 March 2024, 3rd of March
        Rule(r"\b(?P<v>" + _DAY + r"(?:\s+of)?[\s-]+" + MONTH + r"(?:[\s,-]+" + _YEAR + r")?)(?![a-z])", 0.85),
        # March 3rd, Mar 3, 2024, March 2024
        Rule(r"\b(?P<v>" + MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?)\b", 0.85),
        Rule(r"\b(?P<v>" + MONTH + r",?\s+" + _YEAR + r")\b", 0.8),
    ], "ClinicalDateRecognizer")
    # short numeric dates (no year) need a clinical cue right before them: "seen on 3/14", "DOB: 1/2",
    # "Intubated 5/2", "last fill 09/28", "f/u 11/19". Their own entity: a cue makes them dates even where
    # the shape looks like a score (suppression_reason still drops "pain from 8/10 to 4/10", "strength 4/5")
    cued_date = RuleRecognizer("CUED_DATE", [
        Rule(r"\b(?:on|since|from|until|thru|through|dated?|DOB|DOD|DOS|admitted|admit|discharged|d/c'?d|seen|visit|"
             r"d\.o\.b\.?|follow(?:\s|-)?up|f/u|return|RTC|appointment|appt|scheduled|due|recheck|intubated|extubated|"
             r"started|stopped|held|resumed|last\s+(?:fill(?:ed)?|dose|seen|visit)|filled|refilled|drawn|collected|"
             r"placed|removed|inserted|performed|done|born|delivered)\s*[:]?\s*(?:on\s+)?"
             r"(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))\b(?![/\d])(?!\s*(?:mg|mcg|tab|cap|strength|murmur))", 0.7),
        # a culture with a date: "BCx 5/1 GPC" (not a bottle count "BCx 2/2": the numerator exceeds the denominator)
        Rule(r"\b(?:[BUS]Cx|cx|cultures?)\s*[:]?\s*(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b(?![/\d])",
             0.7, lambda v: int(v.split("/")[0]) > int(v.split("/")[1])),
        # a study or test named by its acronym, then its date and a colon: "MBSS 2/1: ...", "CXR 11/3: clear"
        Rule(r"(?m)(?:^|[.;]\s+)[A-Z][A-Za-z0-9]{1,7}\s+(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\s*:", 0.7, None, 0),
    ], "CuedDateRecognizer")
    fax = RuleRecognizer("FAX_NUMBER", [
        Rule(r"\b(?:fax(?:ed)?|facsimile|fx)(?:\s+[a-z]+){0,3}?\s*(?:number|no\.?|#)?\s*[:.]?\s*(?:is\s+|to\s+|at\s+)?(?P<v>" + _PHONE + ")", 0.95),
        Rule(r"(?P<v>" + _PHONE + r")\s*\(?(?:fax|f)\)?(?!\w)", 0.95),
    ], "FaxNumberRecognizer")
    phone = RuleRecognizer("PHONE_NUMBER", [
        Rule(r"(?<![\d/])(?P<v>" + _PHONE + r")", 0.75),
        Rule(r"\b(?:phone|tel|telephone|cell|mobile|call(?:\s+me)?(?:\s+(?:on|at))?|reach(?:\s+me)?\s+at|text(?:\s+me)?|pager|ph|desk|office|home|work|contact|answering\s+at|whatsapp)"
             r"\s*(?:number|no\.?|#)?\s*[:.#]?\s*(?:is\s+|at\s+|on\s+)?(?P<v>\+?\(?\d[\d\s().-]{6,18}\d)(?![\d/])", 0.8),
        # a 7-digit local number with a phone cue earlier in the line: "called ... - 555-0142"
        Rule(r"\b(?:call(?:ed|s|ing)?|phone[ds]?|tel|telephone|cell|mobile|ph|reach|contact|number|text|pager|line)\b"
             r"[^\n]{0,60}?(?<![\d/.-])(?P<v>[2-9]\d{2}-\d{4})(?![\d/-])(?!\s*(?:mg|mcg|units?|mL|%))", 0.6),
    ], "ClinicalPhoneRecognizer")
    ssn = RuleRecognizer("US_SSN", [
        Rule(r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?|SS#)" + _SEP + r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})\b", 0.95),
        Rule(r"\b(?:SSN|social\s+security(?:\s+(?:number|no\.?|#))?|SS#)(?:\s+[a-z]+){0,3}?\s+(?:ending(?:\s+in)?|last\s+(?:4|four)"
             r"(?:\s+digits)?(?:\s+(?:is|are))?)\s*[:#]?\s*(?P<v>\d{4})\b", 0.85),
    ], "ContextSsnRecognizer")
    street = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|"
              r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Row|Path|Pike|Alley|Crescent|Close|"
              r"Gardens|Hill|Park|Plaza|Walk|Vale|View|Green|Route|Rte|Grove|Mews|Rise|Parade|Croft|Wynd|Quay|Esplanade)")
    cap = _CAP
    intl_street = (r"(?:vej|gade|gatan|gata|vägen|veien|vegen|katu|tie|kuja|polku|straße|strasse|str\.|weg|gasse|platz|"
                   r"laan|straat|plein|utca|út|tér|ulica|ul\.|street|rd|road|ave|terrasse|allé|alle|plass|torv|stræde|bakke|vei)")
    address = RuleRecognizer("STREET_ADDRESS", [
        Rule(r"\b(?P<v>\d{1,6}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'.-]+\s+){1,4}" + street + r"\b\.?"
             r"(?:,?\s+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Fl\.?|Floor|#)\s*[A-Z0-9-]+)?)", 0.85, None, 0),
        Rule(r"\b(?P<v>(?:P\.?\s?O\.?\s+Box|Apt\.?|Apartment|Suite|Ste\.?|Unit)\s*#?\s*\d+[A-Z]?)\b", 0.75, None, 0),
        # military and PO-box style postal addresses
        Rule(r"\b(?P<v>(?:PSC|CMR|Unit)\s+\d{3,5},?\s+Box\s+\d{2,5}(?:,?\s+(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5})?)\b", 0.85, None, 0),
        Rule(r"\b(?P<v>(?:APO|FPO|DPO)\s+A[AEP]\s+\d{5})\b", 0.85, None, 0),
        # "<street name> <house number>" order used across Europe (Via Roma 12, Hauptstrasse 5, Koskikatu 25)
        Rule(r"\b(?P<v>(?:Via|Viale|Piazza|Calle|Avenida|Rua|Rue|Chemin|Straße|Strasse|Str\.|Weg|Gasse|"
             r"Platz|Plein|Laan|Straat|Vej|Gatan|Gata|Vägen|Ulica|ul\.)\s+(?:[\p{L}'.-]+\s+){0,3}\d{1,5}[a-z]?)\b",
             0.8, None, 0),
        # both need a street word before a house number ("Koskikatu 25"): scanned word by word only where one is written
        Rule(r"\b(?P<v>(?:\d{1,6}\s+)?\p{L}[\p{L}'-]*" + intl_street + r"\s+\d{1,5}[a-z]?)\b", 0.8, None, regex.IGNORECASE,
             intl_street + r"\s+\d"),
        Rule(r"\b(?P<v>(?:\d{1,6}\s+)?" + cap + r"\s+" + intl_street + r"\s+\d{1,5}[a-z]?\.?)", 0.8, None, regex.IGNORECASE,
             intl_street + r"\s+\d"),
        # after an address cue: "lives at 86036 Rua do Arenque 1634", "address: 450 Præstevænget 15"
        Rule(r"(?i:address(?:\s+is)?|lives?\s+at|living\s+at|resides?\s+at|located\s+at|moved\s+to|send\s+(?:it\s+|them\s+)?to|"
             r"deliver(?:ed)?\s+to|mail(?:ed)?\s+to|off\s+at|is\s+at)\s*[:,-]?\s*(?:the\s+corner\s+of\s+)?"
             r"(?P<v>\d{1,6}[A-Za-z]?(?:\s+[\p{L}\d'.-]+){1,5}?\s+\d{1,5}[a-z]?)(?=[\s,.;]|$)", 0.75, None, 0),
        # house number, street name, number ("20789 Allika 46", "28030 Edeby 55"): common outside the US
        Rule(r"(?<![/.:])\b(?P<v>\d{2,6}\s+(?:(?!(?:" + _LABS + r"|Rm|Room|Bed|Bay)\b)\p{Lu}[\p{L}'’.-]*\s+){1,3}\d{1,4}[a-z]?)\b"
             r"(?!\s*(?:mg|mcg|g|units?|mL|%|x|times|/|years?|days?|weeks?|months?|hours?))", 0.55, None, 0),
        # a postal code closing an address line: "..., Hungary 34796", "Estonia 62488."
        Rule(r"(?<![\s,])(?:,\s*|\s{2,})(?!\p{Lu}{2,4}\s)\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?\s+(?P<v>(?!(?:19|20)\d{2}\b)\d{4,6}(?:-\d{3,4})?)\b"
             r"(?=\s*(?:$|[.?!,;\n]))", 0.6, None, 0),
        # US ZIP after a state abbreviation: "Boston, MA 02115"
        Rule(r"\b[A-Z]{2}\s+(?P<v>\d{5}(?:-\d{4})?)\b", 0.8, None, 0),
        # Canadian postal code ("K1A 0B1"; unspaced only after a province), Australian state + postcode, Eircode
        Rule(r"\b(?P<v>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] \d[ABCEGHJ-NPRSTV-Z]\d)\b", 0.7, None, 0),
        Rule(r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\s+(?P<v>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\d[ABCEGHJ-NPRSTV-Z]\d)\b",
             0.8, None, 0),
        Rule(r"\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+(?P<v>\d{4})\b(?![.,]\d|\s*(?:mg|mL|units?|%))", 0.75, None, 0),
        Rule(r"\b(?P<v>(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}\d)(?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])"
             r"[0-9AC-FHKNPRTV-Y]{4})\b", 0.7, None, 0),
        # the rest of an "Address:" line in a format the street rules do not know (opening "No. 12", "#4",
        # "12/3", "Flat", "Plot", ...) and holding a comma ("Address: No. 12, 4th Cross, Indiranagar, Bengaluru 560038")
        Rule(r"(?im)^[ \t]*(?:home\s+|street\s+|mailing\s+|residential\s+|postal\s+)?address\s*:\s*"
             r"(?P<v>(?:No\.?\s*\d|#\s*\d|\d+\s*[/,]|(?:Flat|House|H\.?\s?No|Plot|Door|Block)\b)[^\n,]*,[^\n]*?)(?=[ \t]{2,}|[ \t]*$)",
             0.7, None, 0),
        # UK postcode by its published shape (inward letters never C I K M O V): "HG1 4PT", "SW1A 1AA"
        Rule(r"\b(?P<v>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b", 0.6, None, 0),
        Rule(r"\b(?:zip(?:\s*code)?|postal\s*code|post\s*code|postcode)\s*(?:is\s+)?[:#]?\s*(?P<v>[A-Z0-9]{3,5}(?:[ -][A-Z0-9]{2,4})?)\b", 0.85),
    ], "StreetAddressRecognizer")
    # the town after a street line: "418 Maple Grove Road, Springfield", "Apt. 4B, Portland"
    town = RuleRecognizer("LOCATION", [
        Rule(r"(?:(?:Apt\.?|Apartment|Suite|Ste\.?|Unit)\s*#?\s*\d+[A-Z]?|\b\d{1,6}\s+(?:[\p{L}'.-]+\s+){1,4}"
             r"(?:" + street + r"|" + intl_street + r")\.?(?:\s+\d{1,5}[a-z]?)?)\s*(?:,\s*|\s{2,}|\n\s*)"
             r"(?!(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor)\b)(?P<v>\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2})", 0.6, None, 0),
        # where someone lives, comes from or travels to (cities and towns are HIPAA geographic identifiers)
        Rule(r"\b(?i:lives?\s+in|living\s+in|moved\s+(?:to|from)|grew\s+up\s+in|born\s+in|originally\s+from|"
             r"flew\s+to|travel(?:l?ed|s)?\s+to|resident\s+of|resides\s+in|located\s+in|I\s+am\s+in|I'm\s+in|"
             r"home\s+(?:town|city)(?:\s+is)?|visiting|back\s+(?:from|to)|city\s+of|town\s+of)\s+"
             r"(?P<v>\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2})", 0.6, None, 0),
    ], "AddressTownRecognizer")
    name = RuleRecognizer("PERSON", [
        # titled names: "Dr. Alvarez", "Mrs. Jane O'Neil" (the title itself is not redacted)
        Rule(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Rev|Nurse|Sister|Brother|Father|Officer|Captain|Judge)\.?\s+(?P<v>" + cap + r"(?:\s+\p{Lu}\.)?(?:\s+" + cap + r"){0,2})",
             0.85, None, 0),
        Rule(r"\b(?i:patient(?:\s+name)?|pt(?:\s+name)?|name|signed|seen\s+by|attending|resident|PCP|nurse|RN|NP|PA|"
             r"daughter|son|wife|husband|mother|father|sister|brother|spouse|guardian|caregiver|emergency\s+contact|"
             r"grand(?:mother|father|son|daughter)|nephew|niece|aunt|uncle|friend|neighbou?r|partner|subscriber|"
             r"I\s+am|I'm|this\s+is|contact|thanks|thank\s+you|regards|sincerely|cheers|best|"
             r"caller|called|named)\s*[:,-]?\s*(?i:is\s+)?"
             r"(?P<v>" + cap + r"(?:\s+\p{Lu}\.?)?(?:\s+" + cap + r"){1,2})\b", 0.6, None, 0),
        # a person named by their role in a form field: "Employee: Jan Novak", "Candidate: ...", "Audiologist: ..."
        Rule(r"(?m)(?:^|\s{2,}|\|\s*)(?i:employee|candidate|client|resident|claimant|applicant|worker|donor|recipient|"
             r"student|member|insured|informant|interpreter|witness|surgeon|assistant|anaesthetist|anesthesiologist|"
             r"audiologist|therapist|physiotherapist|clinician|provider|midwife|chaplain|coordinator|pathologist|"
             r"radiologist|dietitian|pharmacist|social\s+worker|case\s+manager|author|reviewer|examiner|referrer|"
             r"requested\s+by|reported\s+by|verified\s+by|dictated\s+by|electronically\s+signed(?:\s+by)?)\s*:\s*"
             r"(?P<v>" + cap + r"(?:\s+\p{Lu}\.?)?(?:\s+(?:(?:van|von|der|den|de|da|di|le|la|du|del|St\.)\s+)*" + cap + r"){1,3})"
             r"(?=\s*(?:,|\(|\s{2,}|$|\n))", 0.7, name_words_ok, 0),
        # a baby or infant named by a field label: "Baby: Kai", "Infant: Noa"
        Rule(r"\b(?i:baby|infant|newborn|neonate)\s*:\s*(?P<v>" + cap + r")\b", 0.7, name_words_ok, 0),
        # "Last, First" before a room, bed, date of birth or record number: "Okafor, Ada   Rm 12", "Lee, Min DOB ..."
        Rule(r"\b(?P<v>" + cap + r",\s*" + cap + r")(?=\s+(?:Rm|Room|Bed|Bay|DOB|D\.O\.B|MRN|UR|URN|NHS|Hosp)\b)", 0.7,
             None, 0),
        # a nickname in quotes in parentheses after a name: 'Margaret Hale ("Peggy")'
        Rule(r"\b" + cap + r"(?:\s+" + cap + r"){0,3}\s*\(\s*[\"“'](?P<v>" + cap + r")[\"”']\s*\)", 0.7, name_words_ok, 0),
        # a name and an age in parentheses: "(Gertrude Hale, 93)", "(Tom Ames, 47)"
        Rule(r"\(\s*(?P<v>" + cap + r"(?:\s+" + cap + r"){1,2}),\s*\d{1,3}\s*\)", 0.7, name_words_ok, 0),
        # EHR headers: "Patient: LOPEZ, ANDRES", "Name: Lopez, Andres M"
        Rule(r"\b(?i:patient(?:\s+name)?|pt(?:\s+name)?|name)\s*:\s*(?P<v>\p{Lu}[\p{L}'’-]+,\s*\p{Lu}[\p{L}'’-]+"
             r"(?:\s+\p{Lu}\.?)?)(?=\s|$)", 0.8, None, 0),
        # first name, middle initial, last name: "Szabina J Gelencsér", "Faina D. Yefremova"
        Rule(r"\b(?P<v>" + cap + r"\s+\p{Lu}\.?\s+" + cap + r")\b", 0.65, None, 0),
        # a first name alone where only a name can follow: "my name is Siiri", "named Lukas"
        Rule(r"\b(?i:my\s+name\s+is|name\s+is|named|called\s+me|call\s+me|my\s+(?:son|daughter|kid|child|wife|husband))\s+"
             r"(?P<v>" + cap + r")\b", 0.7, None, 0),
    ], "ContextNameRecognizer")
    # chat users type names in lowercase: "hi my name is jenna" (its own entity: PERSON spans must be capitalized)
    chat_name = RuleRecognizer("CHAT_NAME", [
        Rule(r"\b(?i:my\s+name\s+is|my\s+name's)\s+(?P<v>(?!(?:not|a|an|the|very|so|just|also|really|having|"
             r"feeling|worried|confused|pregnant|diabetic|sick|here|new)\b)[a-z][a-z'-]{1,20}(?:\s+[a-z][a-z'-]{1,20})?)"
             r"(?=\s*(?:[,.!?;]|and\b|i\b|i'm\b|$))", 0.6, None, 0),
    ], "ChatNameRecognizer")
    # names written in lower case or ALL CAPS, or a common word used as a name ("Will", "Hope"), in a slot only a
    # name fills: each word must not be a common English or medical word (see name_words_ok)
    low = r"[a-z][a-z'’-]+"
    relation = (r"(?:(?:mother|father|sister|brother|son|daughter)-in-law)|mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|fianc[ée]e?|grandma|grandpa|"
                r"grandmother|grandfather|granddaughter|grandson|aunt|uncle|niece|nephew|cousin|friend|neighbou?r|"
                r"caregiver|contact|RN|LPN|NP|nurse|pharmacist|tech")
    credential = (r"(?:MD|DO|RN|NP|PA-C|PharmD|CPhT|LPN|CNA|LCSW|LMSW|MSW|DPM|DDS|DMD|APRN|CRNA|FNP|DNP|MBBS|AuD|DPT|"
                  r"MDiv|BCC|CCC-SLP|SLP|OTR/L|OTR|RD|RDN|CNM|RM|MRCGP|FRACGP|FRCPC|IBCLC|EMT-P|EMT|NRP|PsyD|LPC|LMFT)")
    case_free = RuleRecognizer("CHAT_NAME", [
        # a title before a lowercase name: "dr nguyen", "hi dr mcallister", "nurse jenna park"
        # (not "MR enterography", "MS flare": an all-caps MR / MS / DR is an abbreviation)
        Rule(r"\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Mm]iss|[Nn]urse|np|NP)\.?\s+(?P<v>" + low + r")\b", 0.6, name_words_ok, 0),
        Rule(r"\b(?:[Dd]r|[Mm]rs?|[Mm]s|[Mm]iss|[Nn]urse|np|NP)\.?\s+(?P<v>" + low + r"\s+" + low + r")\b", 0.6,
             name_words_ok, 0),
        # an ALL-CAPS name after a title in a speaker tag ("DR. PATEL:") or after "DR." anywhere
        Rule(r"\b(?i:dr|mr|mrs|ms|miss|np|rn|nurse|prof)\.?\s+(?P<v>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+)?)(?=\s*:)",
             0.7, name_words_ok, 0),
        Rule(r"\b(?:DR|Dr|MR|Mr|MRS|Mrs|MS|Ms)\.\s+(?P<v>[A-Z][A-Z'’-]+)\b(?![a-z])", 0.6, name_words_ok, 0),
        # a self-introduction or a patient named in lower case: "this is hope martinez", "pt kai nakoa-kealoha"
        # (the cue in lower case too, and what follows is what follows a name: a comma, "(dob", "is a", age and sex)
        Rule(r"\b(?:this\s+is|pt|patient)\s+(?P<v>" + low + r"(?:\s+(?:st\.?|de|van|von|der|da|di|le|la|du|del)){0,2}\s+"
             + low + r")\b(?=\s*(?:[,.;(]|$|is\s+an?\b|\d{1,3}\s*(?:[MFmf]|yo|y/o)\b|calling|from|dob|d\.o\.b))",
             0.6, name_words_ok, 0),
        # a relative, contact or staff member named by one word: "my mom faith", "Wife Margarethe", "Contact Jolene"
        # (a lower-case word then a determiner or pronoun is a verb: "daughter requests a copy")
        Rule(r"\b(?i:" + relation + r")\s*,?\s+(?P<v>\p{Lu}[\p{Ll}'’-]+|[a-z][a-z'’-]+(?!\s+(?:a|an|the|to|that|this|his|her|"
             r"their|my|your|our|for|on|in|at|with|about|if|me|him|them|it|us|you|and|or|but|of|by|is|was)\b))\b"
             r"(?!['’]s\s+(?:disease|syndrome|palsy|sign))", 0.6, name_words_ok, 0),
        # the person spoken to or a closing: "am I speaking with Will?", "Thx, Faith (CPhT)"
        Rule(r"\b(?i:speaking\s+(?:with|to)|talking\s+(?:with|to)|is\s+this|thanks|thx|regards|cheers)\s*,?\s+"
             r"(?P<v>\p{Lu}\p{Ll}+)(?=\s*(?:[?,.!(\n]|$))", 0.6, name_words_ok, 0),
        # a name followed by a credential: "Faith (CPhT)", "Will Okafor, MD"
        Rule(r"\b(?P<v>" + cap + r"(?:\s+(?:(?:van|von|der|den|de|da|di|le|la|du|del|St\.)\s+)*" + cap + r"){0,2}|"
             + cap + r",\s*" + cap + r")(?:\s*,\s*(?:MS|MA|MSc|BSc|BS|BA|PhD|MPH|MSN|BSN|MEd)(?=\s*,))?\s*,?\s*\(?" + credential
             + r"\)?(?![\w-])", 0.6, name_words_ok, 0),
        # a given name that is also a word, with 's (a modal or noun takes none): "Will's in the shower"
        Rule(r"\b(?P<v>(?:Will|Hope|Faith|Joy|Grace|Bill|Mark|Rose|June|April|Dawn|Ruby|Pearl|Amber|Olive|Hazel|Ivy|"
             r"Iris|Holly|Daisy|Heather|Violet|Lily|Crystal|Penny|Sage|Autumn|Summer|Victor|Dean|Jack|Sandy|Frank))"
             r"(?=['’]s\b)", 0.6, None, 0),
    ], "CaseFreeNameRecognizer")
    # names by their place in a note: a census line ("Rm 403 - Ngata, Hemi"), a name before age and sex
    # ("Thandiwe Nkosi-Mbeki, 27F"), a note's subject after its visit type ("Endocrine f/u - Sky Whitehorse")
    placed_name = RuleRecognizer("PERSON", [
        Rule(r"\b(?i:rm|room|bed|bay|cubicle|pod)\.?\s*#?\s*\d{1,4}[A-Za-z]?\s*[-–:]\s*"
             r"(?P<v>" + cap + r",\s*" + cap + r"|" + cap + r"(?:\s+" + cap + r"){1,2})\b", 0.7, None, 0),
        Rule(r"\b(?P<v>" + cap + r",\s*" + cap + r"|" + cap + r"(?:\s+" + cap + r"){1,2}),?\s+\d{1,3}\s*"
             r"(?:[MF]|yo|y/o|y\.o\.|-?years?-old|yr)(?![\w/])", 0.65, None, 0),
        Rule(r"\b(?i:f/u|follow[- ]?up|visit|note|consult|summary|H&P)\s*[-–—:]\s*(?P<v>" + cap + r"(?:\s+" + cap
             + r"){1,2})\b", 0.6, None, 0),
    ], "PlacedNameRecognizer")
    name_signoff = RuleRecognizer("PERSON", [
        # sign-off after a dash at the end of a message: "... — Raymond Cho"
        Rule(r"(?:^|\s)(?:—|--|-)\s*(?P<v>" + cap + r"(?:\s+" + cap + r"){1,2})\s*$", 0.7, None, 0),
    ], "SignOffNameRecognizer")
    facility = RuleRecognizer("FACILITY", [
        Rule(r"\b(?P<v>(?:St\.?\s+|Saint\s+)?(?:" + cap + r"\s+){1,4}(?:Hospital|Medical\s+Center|Health\s+Center|"
             r"Clinic|Infirmary|Health\s+System|Nursing\s+Home|Rehab(?:ilitation)?\s+Center|Hospice|Care\s+Center|"
             r"Assisted\s+Living|Senior\s+Living|Care\s+Home|Retirement\s+Home|Medical\s+Group|Family\s+Practice|"
             r"Urgent\s+Care|Manor|Lodge|(?:Endoscopy|Imaging|Cancer|Heart|Surgical|Surgery|Dialysis|Wellness|Medical|"
             r"Rehabilitation|Birth|Eye|Dental|Sleep|Infusion|Radiology|Diagnostic|Outpatient|Ambulatory|Pediatric|"
             r"Children's|Women's|Behavioral\s+Health|Mental\s+Health)\s+(?:Center|Centre|Institute|Clinic|Associates|Group)|Memorial|(?:Community\s+|Specialty\s+|Family\s+)?Pharmacy|Specialty\s+Rx|Family\s+Medicine|Internal\s+Medicine|Pediatrics|Paediatrics|Primary\s+Care|SNF|Skilled\s+Nursing(?:\s+Facility)?|Dialysis)(?:\s+(?:of|at)\s+" + cap + r"(?:\s+" + cap + r")?)?)\b",
             0.75, None, 0),
        # a congregation named beside its clergy or a member ("pastor ... of Grace Fellowship Church")
        Rule(r"\b(?i:pastor|priest|minister|imam|rabbi|chaplain|deacon|elder|reverend|rev\.?|parish|attends|member\s+of|"
             r"congregation)\b[^\n]{0,40}?\b(?:of|at|from)\s+(?P<v>(?:St\.?\s+|Saint\s+)?(?:" + cap + r"\s+){1,4}"
             r"(?:Church|Chapel|Cathedral|Parish|Mosque|Masjid|Synagogue|Temple|Gurdwara|Fellowship|Tabernacle|Assembly))\b",
             0.7, None, 0),
        # a chain pharmacy's store named in a message ("the walgreens by my work", "at CVS on Main")
        Rule(r"\b(?P<v>(?i:walgreens|rite\s+aid|duane\s+reade|shoppers\s+drug\s+mart|london\s+drugs|jean\s+coutu|"
             r"lloydspharmacy|chemist\s+warehouse|walmart\s+pharmacy|costco\s+pharmacy|kroger\s+pharmacy|"
             r"safeway\s+pharmacy|publix\s+pharmacy)|(?<=\b(?i:at|to|from)\s(?:(?i:the)\s)?)(?i:cvs)(?!\s*:))\b", 0.6, None, 0),
    ], "FacilityRecognizer")
    # a long bare number in a note is an identifier (card, account, record), whatever its context
    long_number = RuleRecognizer("LONG_NUMBER", [
        Rule(r"(?<![\w.,/-])(?P<v>\d{9,19}|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?)(?![\d.,]\d|\s*(?:mg|mcg|units?|mL|%))", 0.5),
    ], "LongNumberRecognizer")
    return [mrn, plan, account, license_, dea, npi, device, age, date, cued_date, fax, phone, ssn, address, town, name,
            chat_name, case_free, placed_name, name_signoff, facility, long_number]


_NAME_PARTICLES = frozenset({"st", "st.", "de", "van", "von", "der", "da", "di", "le", "la", "du", "del"})
_NOT_NAMES = frozenset("""
appt appointment office visit note notes said says told ordered recommended advised wants thinks asked called aware
notified paged updated here there today tomorrow yesterday tonight unavailable consulted present states reports denies
feels felt took gave came went left made sent drove works worked lives needs agrees agreed please thanks okay
thx cheers best regards sincerely hi hello hey dear
""".split())
_NOT_NAMES_MORE: frozenset[str] = frozenset()  # role nouns and reporting verbs (phi_kinds), filled on first use


def _not_names_more() -> frozenset[str]:
    global _NOT_NAMES_MORE
    if not _NOT_NAMES_MORE:
        from medrails.guard.phi_kinds import KIN_WORDS, ROLE_WORDS, VERB_WORDS
        _NOT_NAMES_MORE = ROLE_WORDS | VERB_WORDS | KIN_WORDS
    return _NOT_NAMES_MORE


def name_words_ok(value: str) -> bool:
    """Each word of `value` could be a name: not a common English word (spaCy's stop words), a word of
    medrails' medical vocabulary or a clinical term, unless it is a word that is also a frequent given
    name ("hope", "will": in a name slot, they are names)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_suppression import _is_medical_token
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    words = [w for w in value.split() if w.lower() not in _NAME_PARTICLES]
    if not words:
        return False
    for word in words:
        w = word.strip(".,;:'’").lower()
        if word.islower() and w in STOP_WORDS:
            return False  # "the dr will see you": lower case "will" / "may" are the verbs
        if w in NAME_LIKE_WORDS:
            continue
        if len(w) < 2 or w in STOP_WORDS or w in _NOT_NAMES or w in _not_names_more() or w in medical_vocabulary() \
                or _is_medical_token(w) \
                or (word.islower() and w.endswith(("ed", "ing", "ly"))) \
                or (word.islower() and len(w) > 5 and w.endswith(("tion", "sion", "ment", "ness"))):  # nouns
            return False
    return True


def clinical_recognizers() -> list[EntityRecognizer]:
    """Fresh instances of every clinical recognizer (one set per analyzer)."""
    from medrails.guard.phi_given_names import GivenNameRecognizer
    from medrails.guard.phi_kinds import fresh_recognizers
    from medrails.guard.phi_kinds6 import fresh6_recognizers
    from medrails.guard.phi_kinds7 import fresh7_recognizers
    from medrails.guard.phi_kinds8 import fresh8_recognizers
    from medrails.guard.phi_kinds9 import fresh9_recognizers
    from medrails.guard.phi_kinds11 import fresh11_recognizers
    from medrails.guard.phi_kinds12 import fresh12_recognizers
    from medrails.guard.phi_kinds13 import fresh13_recognizers
    from medrails.guard.phi_kinds14 import fresh14_recognizers
    from medrails.guard.phi_kinds15 import fresh15_recognizers
    from medrails.guard.phi_kinds16 import fresh16_recognizers
    from medrails.guard.phi_kinds17 import fresh17_recognizers
    from medrails.guard.phi_kinds18_dates import kinds18_dates_recognizers
    from medrails.guard.phi_kinds18_layout import kind18_layout_recognizers
    from medrails.guard.phi_kinds18_places import places18_recognizers
    return [*_recognizers(), *fresh_recognizers(), *fresh6_recognizers(), *fresh7_recognizers(), *fresh8_recognizers(),
            *fresh9_recognizers(), *fresh11_recognizers(), *fresh12_recognizers(), *fresh13_recognizers(), *fresh14_recognizers(),
            *fresh15_recognizers(), *fresh16_recognizers(), *fresh17_recognizers(),
            *kinds18_dates_recognizers(), *kind18_layout_recognizers(),
            *places18_recognizers(), GivenNameRecognizer()]

