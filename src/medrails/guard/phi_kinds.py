"""PHI kinds found by the fifth blind note set (fresh 5), as recognizers and as false-positive checks.

Recognizers (regexes only, no model):
- the town after a street line, with an Irish postal district ("14 Oak Lane, Ashby, ..." / "..., Cork 4");
- facilities: a chain pharmacy in capitals with its store number ("RXP Pharmacy #0412"), practices named
  "... Family Health" / "... Community Health", community and senior centres, hospitals named in Nordic,
  German or Dutch compounds ("Ullevål sykehus", "Charité Klinikum");
- a date written the Spanish or Portuguese way ("4 de mayo", "12 de março de 2024");
- a partial date before a clock time ("11/4 08:30 - seen") or in parentheses after a relative time
  ("in 2 weeks (6/12)");
- a name after a greeting ("Hi Tomasz,") and a nickname after "prefers" in parentheses ('(prefers "Kolya")').

False positives (`kind_reason`, called by phi_suppression.suppression_reason): a word followed by a dose is a
drug ("Heparin 5000 units"); an eponym in an exam or grading context ("positive Phalen", "Tinel and Phalen
signs", "Fazekas II changes", "Weber lateralizes"); a brand with a product-form word ("Allevyn Foam"); a job
title ("Patient Access Representative", "Compliance Officer"); a run of short capital abbreviations ("WBAT
RLE"); a department or specialty ("Internal Medicine"); a note header holding "CLINIC" or "UNIT"; a payer's
department ("Cigna Specialty Pharmacy"); a unit after a number ("2 L fluid"); a disease named after a place
("Ross River virus"); a device maker ("a 1.5T Philips Ingenia").
"""

from __future__ import annotations

import regex

from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

TOWN_ENTITY = "TOWN_AFTER_STREET"

_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Court|Ct|Way|Place|Pl|Terrace|Ter|"
           r"Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Crescent|Close|Gardens|Grove|Row|Mews|Walk|Hill)")
_TOWN = r"\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+){0,2}"
_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_SPANISH_MONTHS = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
                   r"diciembre|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro)")
ROMANCE_DATE = regex.compile(r"\b\d{1,2}\s+de\s+" + _SPANISH_MONTHS + r"\b", regex.I)
_PARTIAL = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])"
_RELATIVE = (r"(?:in|within|after|next|about|for)\s+(?:\d{1,2}|one|two|three|four|a|an)\s*(?:-\s*\d{1,2}\s*)?"
             r"(?:days?|d|weeks?|wks?|w|months?|mos?)|tomorrow|next\s+week|next\s+visit")
# people greeted or spoken to: never "Hi team", "Dear Colleague", "Hello all"
GROUP_WORDS = frozenset("""
team all everyone everybody there folks friends guys colleague colleagues doctor doctors nurse nurses sir madam
mom mum dad parent parents family patient patients caller caregiver sister brother again
""".split())
# role nouns and reporting verbs are no names, whatever their case ("RN, chaplain", "son prefers texts")
ROLE_WORDS = frozenset("""
chaplain interpreter translator pharmacist therapist physio physiotherapist dietitian dietician nutritionist
coordinator navigator manager supervisor director officer representative rep clerk receptionist scribe tech
technician technologist sonographer phlebotomist aide attendant orderly volunteer student resident intern fellow
attending hospitalist intensivist surgeon anesthetist anaesthetist midwife doula counselor counsellor psychologist
psychiatrist worker caseworker advocate liaison specialist administrator analyst assistant secretary guard consultant registrar
""".split())
KIN_WORDS = frozenset("""
son daughter wife husband mother father sister brother mom mum dad partner spouse aunt uncle niece nephew cousin
grandson granddaughter grandmother grandfather grandma grandpa stepson stepdaughter stepmother stepfather
son-in-law daughter-in-law mother-in-law father-in-law sister-in-law brother-in-law half-sister half-brother
""".split())
VERB_WORDS = frozenset("""
prefers preferred wants requests requested declines declined agrees reports states says said asks asked called
calls texted notes noted feels needs refuses refused confirms confirmed denies denied expresses expressed
understands understood verbalizes verbalized demonstrates demonstrated helps helped brings brought visits visited
stays stayed lives drives drove manages managed gives gave fills filled picks picked
""".split())
_ROLE_HEADS = ROLE_WORDS | {"officer", "representative", "rep", "manager", "director", "coordinator", "navigator"}
_SPECIALTY = frozenset("""
internal family emergency general medicine surgery surgical pediatrics paediatrics pediatric paediatric geriatrics
cardiology neurology oncology nephrology urology radiology dermatology psychiatry orthopedics orthopaedics
obstetrics gynecology gynaecology endocrinology gastroenterology pulmonology rheumatology hematology haematology
ophthalmology otolaryngology infectious disease diseases critical care palliative primary hospital hospitalist
behavioral behavioural health mental women's children's adult sports occupational physical rehabilitation
vascular thoracic plastic transplant medical clinical department dept service services division
inpatient outpatient specialist ambulatory
""".split())
_HEADER_WORDS = regex.compile(r"\b(?:CLINIC|HOSPITAL|CENTER|CENTRE|UNIT|DEPARTMENT|DEPT|WARD|OFFICE|PROGRAM|PROGRAMME|"
                              r"SERVICE|SERVICES|NOTE|SUMMARY|REPORT|VISIT|CHECK|REQUEST|LETTER|CONSULT|INTAKE|"
                              r"LABORATORY|LABORATORIES|TRANSCRIPT|VOICEMAIL|LOG|MESSAGE|"
                              r"Department|Dept|Program|Programme)\b")
_SECTION_HEADERS = frozenset("""
dispo disposition plan impression assessment findings technique indication history exam examination course
recs recommendations allergies meds medications labs imaging vitals procedure summary addendum followup
""".split())
_PAYERS = frozenset("""
aetna humana cigna anthem bcbs unitedhealthcare united optum caremark medicare medicaid molina centene tricare
ambetter wellcare highmark elevance kaiser magellan evernorth
""".split())
_MAKERS = frozenset("""
siemens medtronic dexcom philips toshiba canon hologic olympus fujifilm biotronik insulet omnipod tandem
abbott baxter stryker zimmer smith+nephew convatec mölnlycke molnlycke coloplast hollister bd resmed respironics
""".split())
_PRODUCT_FORMS = frozenset("""
border foam film gel cream lite plus extra thin pen flexpen kwikpen solostar patch spray ointment dressing strips
guide meter sensor pump xr er sr cr la hfa diskus respimat ellipta handihaler autoinjector prefilled ag
""".split())
_PLACE_DISEASE_AFTER = regex.compile(r"^\s+(?:spotted\s+fever|hemorrhagic\s+fever|haemorrhagic\s+fever|fever|virus|"
                                     r"viral|encephalitis|disease|flu|syndrome|tick|strain|variant)\b", regex.I)
_DOSE_AFTER = regex.compile(r"^\s+(?:\d+(?:\.\d+)?\s*(?:-|to)\s*)?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|units?|u|mL|ml|"
                            r"mEq|mmol|IU|%|mg/kg|mcg/kg|mg/h|mcg/h)(?![A-Za-z])", regex.I)
_EXAM_BEFORE = regex.compile(r"\b(?:positive|negative|pos|neg|equivocal|abnormal|\+ve|-ve)\s+"
                             r"(?:\p{Lu}[\p{L}'’-]+\s*(?:,|and|or|&|/)\s*)*$", regex.I)
_EXAM_AFTER = regex.compile(r"^(?:\s*(?:,|and|or|&|/)\s*\p{Lu}[\p{L}'’-]+)*\s*(?:['’]s\s+)?(?:tests?|signs?|maneuvers?|"
                            r"manoeuvres?|classification|criteria|scores?|grades?|types?)\b|"
                            r"^\s+(?:lateraliz|lateralis|midline|positive|negative|equivocal)", regex.I)
_CLASS_AFTER = regex.compile(r"^\s+(?:I{1,3}|IV|V|VI|[1-4])[A-F]?\s+(?:cyst|lesion|lesions|changes?|fracture|tear|"
                             r"injury|airway|view|class|grade|stage|tumou?r|mass|nodule|disease)\b")
# an eponymous grading before its level or class: "Clark level III", "Breslow stage 2" (a name never takes one)
_LEVEL_AFTER = regex.compile(r"^\s+(?:level|class|grade|stage|type)\s+(?:I{1,3}|IV|V|VI|[1-5])[a-c]?\b")
_GENERIC_FACILITY = _SPECIALTY | frozenset("""
the a our your pharmacy specialty community clinic center centre drugstore chemist retail mail order outpatient
inpatient local senior recreation civic youth cultural resource wellness dialysis day hall
""".split())
_UNIT_AFTER_NUMBER = regex.compile(r"\d(?:\.\d+)?\s*$")
_UNIT_TOKENS = frozenset({"L", "mL", "g", "kg", "mg", "mcg", "cm", "mm", "U", "IU", "h", "hr", "min"})
_MEASURE_BEFORE = regex.compile(r"\b\d+(?:\.\d+)?\s*T\s+$|\b\d{2,3}-slice\s+$", regex.I)


def _recognizers() -> list:
    town = RuleRecognizer(TOWN_ENTITY, [
        # the town after a numbered street line, with an optional postal district ("..., Dublin 8")
        Rule(r"(?m)\b\d{1,6}[A-Za-z]?,?[ \t]+(?:[\p{L}'.-]+[ \t]+){0,4}?" + _STREET + r"\.?,[ \t]*(?P<v>" + _TOWN
             + r"(?:[ \t]+\d{1,2}[A-Z]?)?)(?=[ \t]*(?:[,.;\n]|$))", 0.65, None, 0),
    ], "TownAfterStreetRecognizer")
    facility = RuleRecognizer("FACILITY", [
        # a chain in capitals or a name, "Pharmacy", and its store number
        Rule(r"\b(?P<v>(?:[A-Z]{2,6}|" + _CAP + r")(?:\s+" + _CAP + r"){0,2}\s+(?:Pharmacy|Drugstore|Chemist)"
             r"(?:\s+(?:Store\s+)?#\s*\d{2,6})?)(?![\w#])", 0.7, None, 0),
        Rule(r"\b(?P<v>(?:" + _CAP + r"\s+){1,3}(?:Family|Community|Women['’]s|Men['’]s|Children['’]s|Tribal|Rural|"
             r"Integrated|Neighbou?rhood)\s+(?:Health(?:care)?|Medicine|Medical|Practice|Physicians)"
             r"(?:\s+(?:Center|Centre|Clinic|Associates|Group|Partners))?)\b", 0.7, None, 0),
        Rule(r"\b(?P<v>(?:" + _CAP + r"\s+){1,3}(?:Community|Senior|Recreation|Civic|Youth|Cultural|Resource|Wellness|"
             r"Dialysis|Day)\s+(?:Center|Centre|Hall))\b", 0.7, None, 0),
        # Nordic, German, Dutch and Polish hospital words, after or before the name
        Rule(r"\b(?P<v>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+\p{L}*(?i:sjukehus|sykehus|sjukhus|sygehus|"
             r"sairaala|krankenhaus|klinikum|ziekenhuis|spital|szpital|kórház|nemocnice))\b", 0.9, None, 0),
    ], "FreshFacilityRecognizer")
    date = RuleRecognizer("CLINICAL_DATE", [
        Rule(r"\b(?P<v>(?:[12]\d|3[01]|0?[1-9])\s+de\s+" + _SPANISH_MONTHS + r"(?:\s+(?:de|del)\s+(?:19|20)\d{2})?)\b",
             0.85),
    ], "RomanceDateRecognizer")
    cued = RuleRecognizer("CUED_DATE", [
        # a partial date opening a line or entry before a clock time: "11/4 08:30 - seen", "3/2 1415 called"
        Rule(r"(?m)(?:^|[;:•-][ \t]*)(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?[ \t]+)?(?P<v>" + _PARTIAL
             + r")[ \t]+@?[ \t]*(?:[01]?\d|2[0-3]):?[0-5]\d\b(?![/.]\d)", 0.7, None, 0),
        # a partial date in parentheses after a relative time: "recheck in 1 week (9/25)"
        Rule(r"\b(?i:" + _RELATIVE + r")\s*\(\s*(?:(?i:on|~|approx\.?)\s*)?(?P<v>" + _PARTIAL + r")\s*\)", 0.7, None, 0),
    ], "FreshCuedDateRecognizer")
    name = RuleRecognizer("PERSON", [
        # a name after a greeting: "Hi Tomasz,", "Dear Ms. Adeyemi" is the title rule's
        Rule(r"\b(?:Hi|Hello|Hey|Dear|Good\s+(?:morning|afternoon|evening))[ \t]+(?P<v>\p{Lu}\p{Ll}[\p{L}'’-]*)"
             r"(?=[ \t]*[,!:\n—-])", 0.6, greeting_name_ok, 0),
        # a nickname after "prefers" / "goes by" in parentheses: '(prefers "Kolya")', "(goes by 'Bea')"
        Rule(r"\(\s*(?i:prefers|goes\s+by|aka|a\.k\.a\.|called|known\s+as|nickname:?)\s+[\"“'‘](?P<v>" + _CAP
             + r")[\"”'’]\s*\)", 0.7, name_words_ok, 0),
    ], "FreshNameRecognizer")
    return [town, facility, date, cued, name]


def greeting_name_ok(value: str) -> bool:
    return value.lower() not in GROUP_WORDS and value.lower() not in ROLE_WORDS and name_words_ok(value)


def fresh_recognizers() -> list:
    return _recognizers()


def _given(token: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(token)


def kind_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a PERSON / ORGANIZATION / LOCATION / FACILITY span is one of the fresh-5 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    words = [t.strip(".,;:()'’\"").lower() for t in tokens]
    before, after = text[max(0, start - 40):start], text[end:end + 60]
    titled = regex.search(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?\s*$", before) is not None
    if entity == "FACILITY":
        if words[0] in _PAYERS:
            return "a payer's department ('Cigna Specialty Pharmacy'), not a place"
        if all(w in _GENERIC_FACILITY for w in words):
            return "a kind of facility ('the Community Center'), not a named one"
        return None
    if entity == "PERSON" and len(tokens) > 1 and tokens[-1].isalpha() and tokens[-1].islower():
        return "a name ends in a capitalized word ('Tiene cita el')"
    if titled:
        return None
    if len(tokens) == 1 and _DOSE_AFTER.match(after):
        return "a word before a dose is a drug ('Heparin 5000 units')"
    if len(tokens) <= 2 and (_EXAM_BEFORE.search(before) or _EXAM_AFTER.match(after) or _CLASS_AFTER.match(after)) \
            and not any(_given(t) for t in tokens):
        return "an eponym in an exam or grading context ('positive Phalen', 'Fazekas II changes')"
    if len(tokens) == 1 and _LEVEL_AFTER.match(after):
        return "an eponymous grading before its level ('Clark level III')"
    if len(tokens) >= 2 and regex.match(r"^(?:I{1,3}|IV|V)\.?$", tokens[1]) and not _given(tokens[0]):
        return "an eponymous class and its numeral ('Killip I')"
    if len(tokens) >= 2 and words[-1] in _PRODUCT_FORMS and not any(_given(t) for t in tokens[:-1]):
        return "a brand with a product-form word ('Allevyn Foam')"
    if words[-1] in _ROLE_HEADS and not any(_given(t) for t in tokens):
        return "a job title ('Compliance Officer')"
    if all(t.isupper() and t.isalpha() and len(t) <= 4 for t in (x.strip(",.;:") for x in tokens)) and len(tokens) >= 2 \
            and not any(_given(t) for t in tokens) and not regex.search(r"(?i:name|patient|pt)\s*:\s*$", before):
        return "a run of capital abbreviations ('WBAT RLE')"
    if all(w in _SPECIALTY for w in words):
        return "a department or specialty ('Internal Medicine')"
    if len(tokens) >= 2 and _HEADER_WORDS.search(value):
        return "a note or department header ('ANTICOAGULATION CLINIC')"
    if len(tokens) == 1 and words[0] in _SECTION_HEADERS and regex.match(r"^\s*:", after):
        return "a section header ('Dispo:')"
    if tokens[0] in _UNIT_TOKENS and _UNIT_AFTER_NUMBER.search(before):
        return "a unit after a number ('2 L fluid')"
    if _PLACE_DISEASE_AFTER.match(after):
        return "a disease named after a place ('Ross River virus')"
    maker = regex.search(r"([\p{L}+]+)\s+$", before)
    if len(tokens) == 1 and maker and maker.group(1).lower() in _MAKERS:
        return "a device model after its maker ('Philips Ingenia')"
    if words[0] in _MAKERS and (_MEASURE_BEFORE.search(before) or len(tokens) == 1 and regex.match(r"\s+\p{Lu}", after)):
        return "a device maker ('a 1.5T Philips Ingenia')"
    return None
