"""False-positive families read off the unseen note sets (fresh 26-31), written by structure: the shape of a span,
the words beside it, the line it sits on. No benchmark value is listed; the vocabularies below are generic clinical,
administrative and salutation words (tests/guard/test_phi_kinds18_fp.py has each kind with an unredacted look-alike
twin that stays redacted).

`kind18_fp_reason` (called by phi_suppression.suppression_reason, for the rules' and the learned tagger's spans):
- dates that are no dates: two numbers that no calendar reads ("19/27", "22-29", "5076-52"), a score out of ten
  after a symptom or score word ("mood 4/10", "Apgar 8/10 and 9/10"), a range of course days or of seconds
  ("day 3-6", "30-60 seconds"), a spinal level ("L4-5"), a code's segment ("Form ABC-SEP-02");
- a URL or e-mail read in prose (a space inside it);
- a number after a form, policy or version word read as an ID or address ("Policy RX-4", "Unit 2 East");
- names that are words: a checklist item's first word ("[ ] Specimen labelled"), a word before a lab value
  ("Trop I 0.41", "Kaliémie 4,8"), a word and an abbreviation before a measurement ("Biplane LVEF 32%"), a word in
  parentheses after a drug or clinical noun ("Penicillin (Exanthem)"), foreign clinical nouns by their suffix
  ("Koloskopie", "Nutrición"), a field label or abbreviation before its value ("Tél. 819-...", "Paciente:"),
  a salutation of another language ("Cher Confrère,"), a title alone of another language ("Dra."), a job title or
  department of generic words ("Charge Nurse", "Epilepsy Monitoring Unit"), an insurer or plan by its slot ("medical
  aid is X, member number"), an eponymous score by its value ("Wells <= 4", "Killip I", "Bruce protocol"), a
  heading line in capitals of ordinary words ("BIOCHEMISTRY REFERENCE INTERVALS").
"""

from __future__ import annotations

from functools import lru_cache

import regex

_DATE_ENTITIES = frozenset({"DATE_TIME", "CLINICAL_DATE", "DATE"})
_NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "CHAT_NAME", "GIVEN_NAME", "NRP",
                            "TOWN_AFTER_FACILITY", "FORM_NAME"})

_NUM_PAIR = regex.compile(r"^(\d{1,4})[ \t]*([/-])[ \t]*(\d{1,4})$")
_SCORE_WORDS = (r"(?:pain|mood|anxiety|stress|score|scored|scores|scale|rated|rates|rating|severity|intensity|VAS|NRS|"
                r"Apgar|nausea|fatigue|itch|itching|dyspnoea|dyspnea|energy|sleep|craving|cravings|distress|satisfaction|"
                r"confidence|worst|best|average|now|currently|pressure|ache|discomfort|headache|tightness)")
_SCORE_BEFORE = regex.compile(r"(?i)\b" + _SCORE_WORDS + r"\b[^\n.;]{0,30}$")
_FRACTION_BEFORE = regex.compile(r"\b\d{1,2}/10[ \t]*(?:,|and|or|to|->|→|-|then|now)[ \t]*$")
_DATE_CUE_BEFORE = regex.compile(r"(?i)\b(?:on|dated?|since|from|until|till|by|seen|visit|dob|born|admitted|discharged|"
                                 r"due|next|last|appt|appointment|review|f/?u|before|after)[ \t:]*$")
_DAY_RANGE_BEFORE = regex.compile(r"(?i)\b(?:days?|d|cycles?|weeks?|wks?|fractions?|doses?|phototherapy|course)[ \t]*$")
_SECONDS_AFTER = regex.compile(r"(?i)^[ \t]*(?:seconds?|secs?|s|minutes?|mins?|breaths?|reps?|repetitions|times|beats|"
                               r"puffs?|drops?|cm|mm|mmol|mg|%|years?|yrs?)\b")
_RANGE_IN_SPAN = regex.compile(r"(?i)^(?:(?:days?|d|cycles?)[ \t]+\d{1,3}[ \t]*[-–][ \t]*\d{1,3}\b.*|\d{1,3}[ \t]*[-–][ \t]*"
                               r"\d{1,3}[ \t]*(?:seconds?|secs?|minutes?|mins?|breaths?|reps?|repetitions|beats|puffs?))$")
_SPINAL_LEVEL = regex.compile(r"^[CTLS]\d{1,2}[ \t]*[-/–][ \t]*[CTLS]?\d{1,2}$")
_CODE_BEFORE = regex.compile(r"[A-Za-z]{2,}\d*-$")


def _calendar_ok(a: int, b: int) -> bool:
    """Two numbers a calendar can read as month and day (either order) or year and month."""
    if (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31):
        return True
    return (1800 <= a <= 2100 and 1 <= b <= 12) or (1 <= a <= 12 and (1800 <= b <= 2100 or b <= 99))


def _date_reason(text: str, value: str, start: int, end: int) -> str | None:
    before, after = text[max(0, start - 60):start], text[end:end + 30]
    if _SPINAL_LEVEL.match(value):
        return "a spinal level ('L4-5'), no date"
    if _CODE_BEFORE.search(before) and regex.match(r"^[A-Za-z]{3}-\d{1,2}$", value):
        return "a segment of a hyphenated code ('Form ABC-SEP-02'), no date"
    if _RANGE_IN_SPAN.match(value):
        return "a range of course days or of a unit ('day 3-6', '30-60 seconds'), no date"
    tokens = value.split()
    m = _NUM_PAIR.match(tokens[-1]) if tokens else None
    if m is None:
        return None
    a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
    lead = " ".join(tokens[:-1])
    if lead and not regex.fullmatch(r"\p{Lu}[\p{L}\d-]*", lead):
        return None
    if not _calendar_ok(a, b):
        return "two numbers no calendar reads ('19/27', '22-29'), no date"
    if lead:
        return None
    if sep == "/" and b == 10 and a <= 10 and not _DATE_CUE_BEFORE.search(before) and \
            (_SCORE_BEFORE.search(before) or _FRACTION_BEFORE.search(before)):
        return "a score out of ten after a symptom or score word ('mood 4/10'), no date"
    if sep == "-" and a < b and (_DAY_RANGE_BEFORE.search(before) or _SECONDS_AFTER.match(after)):
        return "a range of course days or of a unit ('day 3-6', '30-60 seconds'), no date"
    return None


# ---------------------------------------------------------------------------------------------
# names and places that are words

_CHECKBOX_BEFORE = regex.compile(r"(?:\[[ xX✓]?\]|☐|☑|☒|□|■)[ \t]*$")
_LAB_VALUE_AFTER = regex.compile(r"^[ \t]*(?:\p{Lu}{1,3}[ \t]+)?[<>≤≥~]?[ \t]*\d+(?:[.,]\d+)[ \t]*(?:\p{Lu}\b[ \t]*)?"
                                 r"(?:[a-zA-Zµ/%]|\.|,|;|$|\n|\()")
_DOSE_AFTER = regex.compile(r"^[ \t]+\d{1,3}[ \t]+\d{1,3}[ \t]*(?:u|units?|IU|UI)\b")
_ABBR_MEASURE_AFTER = regex.compile(r"^[ \t]*[:=]?[ \t]*[<>~]?[ \t]*\d+(?:[.,]\d+)?[ \t]*(?:%|mm|cm|ms|mmHg|m/s)")
_FOREIGN_CLINICAL = regex.compile(r"(?i)(?:skopie|graphie|grafía|grafia|ämie|émie|emie|phasie|plegie|pathie|ektomie|"
                                  r"tomie|therapie|terapia|ción|ção|logie|logía|ología|ologia|iatrie|iatría|itis|ämie|exanthem|"
                                  r"ulkus|insuffizienz|stenose|fraktur)$")
_HEADING_WORDS = frozenset("""
biochemistry haematology hematology microbiology chemistry reference intervals ranges range summary request requests notice
denial authorization authorisation prior transfer form report letter prescription médicale médical médica médico
evolução evolución evolution transport ministry cashless hospitalisation hospitalization insurance policy part claim
lateral frontal oblique views view radiograph radiography portable supine erect of de du des la le do da para pour for
and et y e und to a an the aged residential care nursing""".split())
_ID_LABEL_HEADS = frozenset("identifier id number no nr card".split())
_POSSESSIVES = frozenset("her his my our their your its".split())
_FACILITY_HEADS = frozenset("hospital hospitals university infirmary clinic centre center institute college hospice "
                            "pharmacy practice surgery trust foundation".split())
_RELATIONS = frozenset("wife husband partner son daughter mother father mum mom dad friend sister brother niece nephew "
                       "aunt uncle grandson granddaughter carer caregiver neighbour neighbor guardian spouse child baby".split())
_DEPARTMENT = regex.compile(r"(?:olog(?:y|ía|ia|ie)|iatr(?:y|ía|ia|ie|ics)|surgery|chirurgie|cirugía)$")
_PAREN_AROUND = regex.compile(r"\([ \t]*$")
_FIELD_LABEL_AFTER = regex.compile(r"^\.?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?:[ \t]*\S")
_ABBR_LABEL_AFTER = regex.compile(r"^\.[ \t]*:?[ \t]*[+(\d]")
_GREETINGS = frozenset("cher chère chers chères bonjour bonsoir estimado estimada estimados querido querida caro cara "
                       "cari prezado prezada prezados sehr geehrte geehrter liebe lieber hallo beste geachte "
                       "egregio gentile".split())
_GREETING_BEFORE = regex.compile(r"(?i)\b(?:" + "|".join(sorted(_GREETINGS)) + r")[ \t]+$")
_PLACE_CUE = regex.compile(r"(?i)\b(?:in|to|from|at|near|en|de|em|du|nach|aus|bei)[ \t]+$")
_COLLEAGUE_WORDS = frozenset("confrère consoeur consœur confrères collègue collègues docteur docteure doctor doctora "
                             "colega colegas colleague colleagues kollege kollegin kolleginnen kollegen dottore dottoressa "
                             "collega collega's dokter doutor doutora professeur".split())
_FOREIGN_TITLES = frozenset("dra drª sra srta sr sre mme mlle mme. frau herr dott dott.ssa dottssa doc prof profa "
                            "enf lic ing".split())
_LABEL_WORDS = frozenset("tél tel téléc telec fax nasc naiss geb paciente patiente patientin patient auftrag facharzt "
                         "fachärztin poliklinik klinik datum fecha data nome nom name edad idade alter sexo sexe "
                         "domicilio endereço adresse anschrift telefone teléfono telefono".split())
_ROLE_WORDS = frozenset("""
charge nurse nurses sister matron midwife midwives pharmacist pharmacists reviewer reviewers clinical clinician
on-call oncall transport porter porters escort escorts orderly registrar consultant physician surgeon resident intern
fellow attending practitioner therapist physiotherapist dietitian dietician technician technologist radiographer
sonographer paramedic medic aide assistant coordinator manager officer supervisor lead senior junior staff duty
specialist advanced medical nursing ward unit team service services department dept suite clinic clinics outpatients
outpatient inpatient inpatients referrals referral intake triage desk line office bureau delivery labour labor
monitoring epilepsy dialysis renal heart rhythm endocrine breast oncology cardiology nephrology neurology neurosurgery
urology gastroenterology haematology hematology rheumatology dermatology psychiatry paediatrics pediatrics geriatrics
antenatal postnatal maternity neonatal obstetrics gynaecology gynecology orthopaedics orthopedics musculoskeletal
physiotherapy occupational speech audiology radiology imaging pathology pharmacy respiratory pulmonary stroke
rehabilitation rehab palliative hospice bereavement intensive critical emergency acute day surgical medical general
memory falls diabetes wound continence follow up call calls review visit assessment consultation voicemail transcript
movement disorders disorder médica médico medica medico medicina medizin interna familiar reha klinik on infection control safeguarding liaison discharge admissions bed flow patient
""".split())
_INSURER_BEFORE = regex.compile(r"(?i)\b(?:insurance|insurer|medical[ \t]+aid|health[ \t]+plan|payer|payor|carrier|"
                                r"coverage|covered[ \t]+by|scheme|policy[ \t]+with)(?:[ \t]+(?:is|was|still|now|=|:|-))*[ \t:]*$")
_INSURER_AFTER = regex.compile(r"(?i)^(?:[ \t]+(?:health[ \t]+)?plan\b(?![ \t]*:)|[ \t]+part[ \t]+[a-d]\b)")
_PART_AFTER = regex.compile(r"^[ \t]+[A-D]\b")
_SCORE_AFTER = regex.compile(r"^(?:[ \t]*(?:<=|>=|≤|≥|<|>|=)[ \t]*\d|[ \t]+(?:I{1,3}|IV)(?=[ \t]*[,;)]|[ \t]+(?:and|or)\b)|"
                             r"\)?[ \t]+(?:[a-z]{3,12}[ \t]+)?(?:protocol|rules|criteria|classification|score|scoring)\b)")
_FRENCH_SIZE_BEFORE = regex.compile(r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                    r"fourteen|sixteen|eighteen|nineteen|twenty\S*|twenty[ -]\w+)[ \t]*(?:Fr|French|F|Ch)[ \t]*$")
_CODE_BEFORE_DX = regex.compile(r"\b[A-Z]\d{2}(?:\.\d{1,4})?[ \t]+$")
_PLURAL_PAIR_AFTER = regex.compile(r"^[ \t]+(?:and|or)[ \t]+(?:[a-z]{3,}[ \t]+)?[a-z]{3,}(?:s|i|ae)\b")


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    from medrails.guard.phi_given_names import _common_words

    return _common_words()


def _given(word: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(word)


def _noun_follows(after: str) -> bool:
    from medrails.guard.phi_suppression import _NOUN_FOLLOWS

    return bool(_NOUN_FOLLOWS.match(after))


def value_ends_dash(value: str) -> bool:
    return value.rstrip().endswith(("-", "–", "—"))


def _heading_line(text: str, start: int, end: int) -> bool:
    """The span sits on a line whose letters are capitals up to the first dash or comma after it."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls:le if le >= 0 else len(text)]
    head = "" if value_ends_dash(text[start:end]) else regex.split(r"[ \t][-–—|][ \t]|\(|,", line[end - ls:], maxsplit=1)[0]
    letters = [c for c in line[:end - ls] + head if c.isalpha()]
    return len(letters) >= 6 and all(c.isupper() for c in letters)


def _name_reason(text: str, entity: str, value: str, start: int, end: int) -> str | None:
    tokens = value.split()
    words = [w for w in (t.strip(".,;:()'’\"“”-–").lower() for t in tokens) if w]
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    if not words:
        return None
    if regex.search(r"(?i)\b(?:dr|mr|mrs|ms|miss|prof|dott)\.?[ \t]*$", before[-8:]) or not value[0].isupper():
        return None
    givens = any(_given(t.strip(".,;:()'’")) for t in tokens)
    if len(tokens) == 1 and _CHECKBOX_BEFORE.search(before) and regex.match(r"^[ \t]+[a-z]", after) and not givens:
        return "a checklist item's first word ('[ ] Specimen labelled')"
    if len(tokens) == 1 and not givens and (_LAB_VALUE_AFTER.match(after) or _DOSE_AFTER.match(after)) \
            and not regex.search(r"(?i)\b(?:name|patient|pt|mr|mrs|ms|miss)\b[ \t:]*$", before):
        return "a word before a lab value ('Trop I 0.41', 'Kaliémie 4,8')"
    if len(tokens) == 2 and regex.fullmatch(r"\p{Lu}{2,5}", tokens[1]) and not givens and \
            (_ABBR_MEASURE_AFTER.match(after) or _CODE_BEFORE_DX.search(before)):
        return "a word and an abbreviation before a measurement or after a code ('Biplane LVEF 32%')"
    if _CODE_BEFORE_DX.search(before) and not givens and len(tokens) <= 3 and \
            regex.search(r"(?i)\b(?:icd|dx|diagnos\w*)\b", text[max(0, start - 40):start]):
        return "a diagnosis after its code ('ICD I48.19 Persistent AF')"
    if len(tokens) == 1 and _PAREN_AROUND.search(before) and regex.match(r"^[ \t]*\)", after) and not givens:
        from medrails.guard.phi_suppression import _is_medical_token

        prev = regex.findall(r"[\p{L}-]+", before[:-1] if before.endswith("(") else before)
        if prev and _is_medical_token(prev[-1]) and prev[-1].lower() not in _RELATIONS:
            return "a word in parentheses after a drug or clinical noun ('Penicillin (Exanthem)')"
    if len(tokens) == 1 and _FOREIGN_CLINICAL.search(words[0]) and len(words[0]) > 6 and not givens \
            and regex.search(r"\p{Ll}[ \t]+$", before) and not _PLACE_CUE.search(before):
        return "a clinical noun of another language mid-sentence ('bitten um Koloskopie')"
    if len(tokens) == 1 and words[0] in _LABEL_WORDS and (_FIELD_LABEL_AFTER.match(after) or _ABBR_LABEL_AFTER.match(after)
                                                          or regex.match(r"^[ \t]+(?:für|fur|de|del|em)\b", after)):
        return "a field label before its value ('Tél. 819-...', 'Paciente:')"
    if len(tokens) == 1 and words[0] in _FOREIGN_TITLES and regex.match(r"^\.?[ \t]+\p{Lu}", after):
        return "a title of another language alone ('Dra.')"
    if words[0] in _GREETINGS and all(w in _COLLEAGUE_WORDS or w in _GREETINGS for w in words):
        return "a salutation of another language ('Cher Confrère')"
    if len(tokens) == 1 and words[0] in _COLLEAGUE_WORDS and _GREETING_BEFORE.search(before):
        return "a salutation of another language ('Sehr geehrte Kolleginnen')"
    if regex.search(r"\d[ \t]*%$", value):
        return "a word before a percentage ('Arabic 11%')"
    if len(tokens) == 1 and words[0] in ("am", "pm") and regex.search(r"\d[ \t]*$", before):
        return "a clock time's AM or PM"
    if regex.match(r"^(?:Form|Policy|Protocol|Clinic|Ward|Bay|Room|Theatre|Chair|Bed|Pod)[ \t]+[A-Z0-9][A-Z0-9.-]{0,6}$", value):
        return "a form, policy or ward label ('Form SSC-2', 'Clinic F')"
    if len(tokens) == 1 and regex.fullmatch(r"\p{Lu}\.\p{Ll}", value) and after.startswith("."):
        return "an abbreviation with an inner dot ('V.a.'), no initials"
    if words[-1] in _ID_LABEL_HEADS and len(tokens) <= 3 and not givens and _FIELD_LABEL_AFTER.match(after):
        return "an identifier's label ('Beneficiary Identifier:')"
    if len(tokens) <= 2 and not givens and regex.match(r"^[ \t]*\((?:as|for|per|if|when|on|at)\b[^)\n]{0,40}\)[ \t]*:", after):
        return "a label with a note in parentheses before its colon ('Aadhaar (as per registration):')"
    if words[-1] in ("profile", "panel", "screen") and not givens:
        return "a lab panel ('Lipid Profile')"
    if len(tokens) == 1 and not givens and regex.search(r"(?i)\b(?:period|full[ \t]+stop|new[ \t]+paragraph|next[ \t]+line)[ \t]+$", before) \
            and _noun_follows(after) and not regex.match(r"(?i)^[ \t]+(?:period|comma|full|new|next|colon)\b", after):
        return "a noun opening a dictated sentence ('period Specimen sent')"
    if len(tokens) == 2 and regex.fullmatch(r"\p{Lu}{2,5}", tokens[1]) and not givens and \
            regex.match(r"^[ \t]+(?:was[ \t]+|were[ \t]+)?(?:removed|inserted|placed|sited|implanted|explanted|changed|"
                        r"exchanged|weaned|running|in[ \t]+situ|in[ \t]+place|on[ \t]+standby)\b", after):
        return "a device and its model before a device verb ('Impella CP removed')"
    if len(tokens) >= 2 and words[0] in _POSSESSIVES and all(t.islower() for t in tokens[1:]) and not givens:
        return "a possessive pronoun and a common noun ('Her hospital number')"
    if len(tokens) == 1 and len(words[0]) > 8 and not givens and \
            regex.search(r"(?:ation|ization|isation|ment)$", words[0]):
        return "an abstract noun ('Reauthorization'), no name"
    if len(tokens) == 2 and tokens[1] in ("Ward", "Wing", "Pavilion", "Suite") and not _given(tokens[0]) \
            and not regex.match(r"^[ \t]*,[ \t]*\d", after):
        return "a ward named by its own word ('Riverside Ward')"
    if all(w in _ROLE_WORDS or _DEPARTMENT.search(w) or (parts := [p for p in w.split("-") if p]) and all(p in _ROLE_WORDS for p in parts)
           for w in words) and not givens:
        return "a job title or department of generic words ('Charge Nurse', 'Epilepsy Monitoring Unit')"
    if len(tokens) <= 4 and not givens and (_INSURER_BEFORE.search(before) and regex.match(r"^[ \t]*(?:[,.;?]|$|\n)", after)
                                            or _INSURER_AFTER.match(after) or words[-1] == "part" and _PART_AFTER.match(after)):
        return "an insurer or plan by its slot ('medical aid is X, member number')"
    if len(tokens) == 1 and _SCORE_AFTER.match(after):
        return "an eponymous score by its value ('Wells <= 4', 'Killip I')"
    if len(tokens) == 1 and _FRENCH_SIZE_BEFORE.search(before):
        return "a drain or catheter named after its size ('19 French Blake')"
    if len(tokens) == 1 and words[0].endswith("s") and not givens and regex.search(r"(?:^|[.!?:]\s+|\n[ \t]*)$", before) \
            and _PLURAL_PAIR_AFTER.match(after):
        return "plural nouns paired at a sentence opening ('Ventricles and basal cisterns')"
    if value.isupper() and not givens and _heading_line(text, start, end):
        from medrails.guard.phi_suppression import _is_medical_token

        plain = regex.findall(r"\p{L}+", value.lower())
        if plain and (plain[-1] not in _FACILITY_HEADS or "to" in plain) and all(
                p in _common() or _is_medical_token(p, True) or p in _ROLE_WORDS or p in _HEADING_WORDS for p in plain):
            return "a heading line in capitals of ordinary words ('BIOCHEMISTRY REFERENCE INTERVALS')"
    return None


_FORM_BEFORE = regex.compile(r"(?i)\b(?:policy|form|protocol|guideline|section|clause)[ \t]*$")
_VERSION_AFTER = regex.compile(r"(?i)^(?:\.\d+|[ \t]*\(?(?:version|ver\.?|v|rev\.?)[ \t]*\d)")
_SCORE_FRACTION = regex.compile(r"^\p{L}[\p{L}\d-]*[ \t]+([1-9]\d{0,2})[ \t]*/[ \t]*([1-9]\d{0,2})$")
_UNIT_ALONE = regex.compile(r"^(?:Unit|Suite|Block|Wing|Level|Floor)[ \t]+\d{1,3}[A-Z]?$")
# "20789 Allika 46\n Suite 501": a unit on the line after a street line is the address's own
_ADDRESS_LINE_ABOVE = regex.compile(r"\d+[ \t]+\p{L}[^\n]*\n[ \t]*$|\p{L}[^\n]*[ \t]\d+[ \t]*\n[ \t]*$")


def kind18_fp_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-26..31 false-positive kinds."""
    value = text[start:end].strip()
    if not value:
        return None
    if (m := _SCORE_FRACTION.match(value)) and not _calendar_ok(int(m.group(1)), int(m.group(2))):
        return "a score name and its fraction ('PHQ-9 19/27')"
    if entity in _DATE_ENTITIES:
        return _date_reason(text, value, start, end)
    if entity in ("URL", "EMAIL_ADDRESS", "EMAIL") and regex.search(r"\s", value) and \
            not regex.search(r"(?i)@|\b(?:at|dot|www|http|https|com|org|net)\b", value):
        return "a URL or e-mail read in prose (a space inside it)"
    if entity in ("ACCOUNT_NUMBER", "ID", "MEDICAL_ID", "MRN", "HEALTH_PLAN_ID") and _FORM_BEFORE.search(text[max(0, start - 20):start]) \
            and _VERSION_AFTER.match(text[end:end + 20]):
        return "a policy, form or version number ('Policy RX-4'), no identifier"
    if entity in ("ACCOUNT_NUMBER", "ID", "HEALTH_PLAN_ID", "LONG_NUMBER") and \
            regex.search(r"\b(?:BIN|PCN|RxBIN|RxPCN|IIN)[ \t#:]*$", text[max(0, start - 10):start]):
        return "a pharmacy routing number (BIN, PCN), the plan's and not the patient's"
    if entity in ("ACCOUNT_NUMBER", "ID", "HEALTH_PLAN_ID", "LONG_NUMBER") and regex.fullmatch(r"\d*[A-Z]{2,}\w*[ \t]+\d{1,4}", value) \
            and regex.match(r"^[ \t]*(?:m|cm|mm|s|sec|m/s|%|kg|points?|reps?)\b", text[end:end + 10]):
        return "a test's value before its unit ('6MWT 128 m')"
    if entity in ("STREET_ADDRESS", "ADDRESS") and _UNIT_ALONE.match(value) and \
            regex.match(r"^[ \t]*(?:\(|East|West|North|South|[-–—,|]|$|\n)", text[end:end + 10]) and \
            not _ADDRESS_LINE_ABOVE.search(text[max(0, start - 80):start]):
        return "a ward unit without a street ('Unit 2 East'), no address"
    if entity in ("STREET_ADDRESS", "ADDRESS") and regex.match(r"^[ \t]*(?:µmol|umol|mmol|mg|ml|g/l)", text[end:end + 10], regex.I):
        return "a value before a unit read as an address ('sortie 128 µmol/l')"
    if entity in _NAME_ENTITIES or entity in ("NAME", "LOCATION"):
        return _name_reason(text, entity, value, start, end)
    return None
