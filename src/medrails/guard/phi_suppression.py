"""The clinical false-positive filter: spans a recognizer or the NER found that are not PHI under our
policy (a measurement, dose, code or score; a year alone; a drug, eponym or clinical word read as a name).
`suppression_reason` says why a span is dropped; `trim_person` trims titles and punctuation off names.
"""

from __future__ import annotations

import re
from functools import partial

import regex

from medrails.guard.phi_kinds import ROMANCE_DATE, kind_reason
from medrails.guard.phi_kinds6 import kind6_reason
from medrails.guard.phi_kinds7 import kind7_reason
from medrails.guard.phi_kinds8 import kind8_reason
from medrails.guard.phi_kinds9 import kind9_reason
from medrails.guard.phi_kinds11 import age_at_death, kind11_reason
from medrails.guard.phi_kinds12 import age_in_field, kind12_reason
from medrails.guard.phi_kinds13 import kind13_reason
from medrails.guard.phi_kinds14 import kind14_reason
from medrails.guard.phi_kinds15 import kind15_reason
from medrails.guard.phi_kinds16 import kind16_reason
from medrails.guard.phi_kinds17 import kind17_reason
from medrails.guard.phi_kinds18_dates import kind18_dates_reason
from medrails.guard.phi_kinds18_fp import kind18_fp_reason
from medrails.guard.phi_kinds18_layout import kind18_layout_reason
from medrails.guard.phi_kinds18_places import places18_reason
from medrails.guard.phi_recognizers import _LABS, MONTH, _has_digit
from medrails.guard.phi_vocabulary import medical_vocabulary, service_name_spans

_UNITS = (r"(?:mg|mcg|µg|ug|g|kg|lb|lbs|mL|ml|L|dL|units?|IU|U|mEq|mmol|meq|mmHg|mm\s?Hg|bpm|%|"
          r"mg/dL|mg/L|g/dL|mmol/L|mEq/L|ng/mL|pg/mL|U/L|IU/L|cells/uL|/uL|x10\^?\d+/L|cm|mm|in|ft|°[CF]|C|F|"
          r"puffs?|tabs?|tablets?|caps?|capsules?|drops?|sprays?|patches?|hours?|hrs?|h|days?|weeks?|wks?|months?|mos?|"
          r"minutes?|mins?|breaths?/min|/min)")
_CLINICAL_ZONES = [re.compile(p, re.IGNORECASE) for p in (
    # vitals and labs with values: "BP 142/91", "HbA1c 7.2%", "K 4.1", "INR of 2.5"
    # (a qualifier may come between: "Cr peak 2.4", "Hb nadir 68", "K on admission 5.9")
    r"\b" + _LABS + r"(?:\s+(?:peak|nadir|trough|max|min|baseline|on\s+admission|"
    r"at\s+admission|admission))?\s*(?:was|is|of|at|=|:|-)?\s*(?:was|is|of)?\s*[<>~≈]?\s*\d{1,4}(?:\.\d+)?(?!\d)"
    r"(?:\s*[/–-]\s*\d{1,4}(?:\.\d+)?(?!\d))?(?:\s*" + _UNITS + r"(?![A-Za-z])(?!\s*\d))?",
    # blood gases and similar slash triples with decimals: "ABG 7.38/42/88"
    r"\b\d{1,3}\.\d{1,2}(?:/\d{1,3}(?:\.\d+)?){2,3}\b",
    # doses and quantities: "metformin 500 mg", "2 puffs", "10 units", "1/2 tablet"
    r"\b\d+(?:[.,]\d+)?(?:\s*(?:-|to|/)\s*\d+(?:\.\d+)?)?\s*" + _UNITS + r"(?![A-Za-z])",
    r"\b\d+/\d+\s*(?:tab|tablet|pill|dose|strength|murmur|systolic|diastolic)",
    r"\b[0-5]/[56]\b",  # murmur grade 2/6, strength 4/5
    # blood-pressure-shaped pairs anywhere ("132/80 -> 104/66"): systolic 60-299 over diastolic 30-199
    r"(?<![\d/])(?:[6-9]\d|[12]\d\d)/(?:[3-9]\d|1\d\d)(?![\d/])",
    r"\b\d{2,3}/\d{2,3}\s*(?:mm\s?Hg)?(?=\s*(?:mm|sitting|standing|supine|on\s+arrival|$|[,.;)]))(?<!/\d{4})",
    # code systems: ICD-10 I10, ICD-9 250.00, CPT 99213, LOINC 4548-4, SNOMED 38341003, NDC 0002-8215-01
    r"\b(?:ICD(?:-?(?:9|10|11))?(?:-CM)?|CPT|HCPCS|LOINC|SNOMED(?:\s*CT)?|NDC|DRG|RxNorm|ATC)\s*(?:code)?\s*[:#]?\s*"
    r"[A-Z]?\d[\dA-Z.-]*",
    # scores and stages: "NYHA class II", "stage 3", "grade 2", "type 2"
    r"\b(?:NYHA\s+class|stage|grade|type|class|level|step|phase|tier|gravida|para|G\d+P)\s*[IVX0-9]+[a-c]?\b",
    r"\b\d+(?:\.\d+)?\s*(?:x|times)\s*(?:a\s+|per\s+)?(?:day|daily|week|month)",
    # a dosing interval: "q8-12h", "q4-6 hours", "q 6h prn"
    r"\bq\s?\d{1,2}(?:\s*-\s*\d{1,2})?\s*(?:h|hr|hrs|hours?|min|d|days?|wks?|weeks?)\b",
    # a count per field or volume: "pus cells 20-25/hpf", "RBC 5-10 /HPF", "casts 0-2/lpf"
    r"\b\d{1,3}\s*(?:-|to)\s*\d{1,3}\s*/\s*(?:hpf|lpf|hp|lp|mm3|uL|µL|cmm)\b",
)]

_YEAR_ONLY = re.compile(r"^(?:(?:in|since|of|from|by|until|during|around|circa|c\.|the)\s+)*(?:early\s+|late\s+|mid-?)?"
                        r"(?:19|20)\d{2}(?:'?s)?(?:\s*(?:-|–|to|and)\s*(?:19|20)?\d{2}(?:'?s)?)?$", re.IGNORECASE)
_SPECIFIC_DATE = re.compile(r"\b" + MONTH + r"(?![a-z])|\d{1,4}\s*[/-]\s*\d{1,2}|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b|"
                            r"\b(?:19|20)\d{2}\.\d{1,2}\.\d{1,2}\b|\b\d{1,2}(?:st|nd|rd|th)\b|"
                            r"\b(?:christmas|thanksgiving|new\s+year'?s?\s+(?:day|eve)|easter|halloween)\b",
                            re.IGNORECASE)
_TIME_RANGE = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s*[-–]\s*(?:[01]\d|2[0-3])[0-5]\d$|"
                         r"^(?:[01]?\d|2[0-3]):[0-5]\d\s*[-–]\s*(?:[01]?\d|2[0-3]):[0-5]\d$")
# "8th ed", "3rd trimester": an ordinal before a word that is not a month
_ORDINAL_NOUN = re.compile(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\.?\s+(?!(?:of\s+)?" + MONTH + r"(?![a-z]))[A-Za-z][\w.]*$",
                           re.IGNORECASE)
# "11-12 years", "2-3 weeks": a range of durations or ages
_DURATION_RANGE = re.compile(r"^\d{1,3}\s*(?:-|–|to)\s*\d{1,3}\s*(?:years?|yrs?|months?|mos?|weeks?|wks?|days?|hours?|hrs?)"
                             r"(?:\s+old)?$", re.IGNORECASE)
# a version, build or template number is shaped like an IPv4 address ("template 4.2.0.1", "build 5.17.2.0")
_VERSION_BEFORE = re.compile(r"\b(?:version|ver\.?|v|build|release|template|firmware|software|client|app|update|"
                             r"edition|protocol|checklist|form|revision|rev\.?)\s*[:#]?\s*$", re.IGNORECASE)
# a ward, room or bed label is no street ("Ward 6B", "Room 12")
_WARD_LABEL = re.compile(r"^(?:Ward|Room|Rm|Bed|Bay|Pod|Cubicle|Theatre|Theater)\s*#?\s*\d", re.IGNORECASE)
# a lab analyte or antibody written in mixed case is no name or place ("IgG", "HBsAg", "IgM")
# ("IgG", "HBsAg", "sAg", "MenACWY"; two-humped lab abbreviations "CrCl", "PaCO2", "FiO2", not "McKay")
_ANALYTE_TOKEN = re.compile(r"^(?:[A-Z]{2,}[a-z]+[A-Z][A-Za-z]*|[A-Za-z]*[a-z][A-Z]{1,5}|[a-z]+[A-Z][A-Za-z]*|"
                            r"(?=(?:[^A-Z]*[A-Z]){2})(?=[^a-z]*[a-z])(?:[A-Z][a-z]?){2,4}\d*)$")
# a method or device named in parentheses after a measurement: "IOP 16 mmHg (Goldmann)"
_MEASURE_BEFORE = re.compile(r"(?:\d|mm\s?Hg|%)\s*\(\s*$")
_FACILITY_HEADS = frozenset("""
hospital medical center centre clinic infirmary health system nursing home rehab rehabilitation hospice care assisted
senior living retirement group family practice urgent manor lodge memorial community specialty pharmacy rx medicine
internal primary snf skilled facility institute associates of at
""".split())
_PERSON_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "le", "la", "du", "del", "dos", "das",
                               "bin", "bint", "al", "el", "ibn", "y", "e", "st.", "ten", "ter", "op"})
# a fraction after a date cue is a score: "pain improved from 8/10", "strength 4/5 since", "from 3/10 to 1/10"
_SCORE_LIKE = re.compile(r"\b(?:pain|score|scale|rated?|rates|strength|power|motor|grade|murmur|MMSE|MoCA|GCS|PHQ-?\d*|"
                         r"GAD-?\d*|APGAR|reflex(?:es)?|VAS|NRS|severity|intensity|bottles?|sets?)\b[^\n]{0,25}$",
                         re.IGNORECASE)
_SCORE_AFTER = re.compile(r"\s*(?:(?:to|->|-|→)\s*\d{1,2}/\d{1,2}\b|bottles?|sets?|points?|scale|score|strength|on\s+the)",
                          re.IGNORECASE)
_VALUE_ON = re.compile(r"\b\d{1,3}(?:\.\d+)?\s+on\s+$")
_FRACTION_BEFORE = re.compile(r"\d{1,2}/\d{1,2}\s*(?:to|->|-|→)\s*$")
_VITAL_NEAR = re.compile(r"\b(?:BP|HR|RR|SpO2|[Ss]ats?|T|Tmax|[Tt]emp(?:erature)?|[Pp]ulse|[Ff]ebrile|[Ff]ever)\b|°")


def _age_with_sex(text: str, start: int, end: int) -> bool:
    """'90F', '92 M': an age and a sex letter with no vital sign around it (98F after 'T' is a temperature)."""
    return bool(re.match(r"\s*[MF]\b", text[end:end + 3])) and not _VITAL_NEAR.search(
        text[max(0, start - 25):start] + " " + text[end + 2:end + 16])


_TITLE_ONLY = re.compile(r"^(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Sr|Sister|Rev|Patient|Pt|Sir|Madam)\.?$",
                         re.IGNORECASE)
_LEADING_TITLE = re.compile(
    r"^(?:(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Rev|Patient|Pt|Sister|Brother|Mother|Father|Mom|Dad|Son|"
    r"Daughter|Wife|Husband|Spouse|Partner|Grand(?:mother|father|son|daughter|ma|pa)|Aunt|Uncle|Niece|Nephew|Cousin|"
    r"Caregiver|Guardian|Friend|Neighbou?r|Girlfriend|Boyfriend|Fianc[ée]e?|Roommate|Housemate|Flatmate|Stepson|"
    r"Stepdaughter|Stepmother|Stepfather|Midwife|Counsell?or|Therapist|Doula|Chaplain|Baby(?:\s+(?:Girl|Boy))?)\.?\s+)+",
    re.IGNORECASE)
_EPONYM_AFTER = re.compile(r"^(?:'s|’s|'|’)?\s*(?:disease|syndrome|sign|test|score|criteria|maneuver|palsy|phenomenon|"
                           r"reflex|procedure|catheter|classification|scale|tumou?r|lymphoma|sarcoma|grade|grading|"
                           r"staging|index|rule|position|incision|technique|spindle|tonometry|tonometer|node|nodes|ring|"
                           r"bodies|body|cells?|fracture|ulcer|nodules?|lines?|triad|tetrad|formula|equation|method|wort)\b")
_LEADING_LABEL = regex.compile(r"^.*\d\S*\s*[-–:,]?\s+(?=\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+\s*$)")
_TRAILING_JUNK = re.compile(r"(?:'s|’s|[\s,.;:])+$")
_DRUG_SUFFIX = re.compile(
    r"(?:pril|olol|alol|sartan|statin|formin|gliptin|gliflozin|glutide|mab|nib|azole|cillin|mycin|micin|floxacin|prazole|"
    r"tidine|dipine|zepam|zolam|oxetine|traline|triptan|parin|xaban|gatran|semide|thiazide|lukast|terol|sonide|sone|olone|"
    r"cycline|vir|afil|setron|tropium|profen|coxib|codone|morphone|azepine|apine|idone|barbital|caine|dronate|"
    r"thyroxine|sulfa|lamide|tadine|fenac|cefazolin|ceftriaxone|cefdinir)$", re.IGNORECASE)
MEDICAL_WORDS = frozenset("""
aspirin tylenol advil motrin aleve ibuprofen acetaminophen paracetamol naproxen metformin insulin lantus humalog
novolog ozempic wegovy mounjaro jardiance farxiga januvia lisinopril losartan amlodipine metoprolol atenolol carvedilol
hydrochlorothiazide furosemide lasix spironolactone warfarin coumadin eliquis apixaban xarelto rivaroxaban plavix
clopidogrel heparin lipitor atorvastatin crestor rosuvastatin simvastatin zocor synthroid levothyroxine prednisone
solumedrol medrol albuterol ventolin proair advair symbicort spiriva singulair zyrtec claritin benadryl allegra
flonase nexium prilosec omeprazole pantoprazole protonix zantac pepcid famotidine tums zoloft sertraline prozac
fluoxetine lexapro escitalopram celexa citalopram paxil wellbutrin bupropion cymbalta effexor xanax alprazolam ativan
lorazepam klonopin clonazepam valium diazepam ambien zolpidem trazodone seroquel quetiapine abilify risperdal haldol
lithium lamictal lamotrigine keppra levetiracetam depakote dilantin phenytoin tegretol gabapentin neurontin lyrica
pregabalin tramadol oxycodone percocet vicodin norco hydrocodone morphine dilaudid fentanyl suboxone methadone
narcan naloxone epipen epinephrine amoxicillin augmentin azithromycin zithromax doxycycline cipro ciprofloxacin
levaquin keflex cephalexin bactrim vancomycin zosyn flagyl metronidazole diflucan fluconazole tamiflu paxlovid
remdesivir humira enbrel remicade keytruda herceptin avastin methotrexate plaquenil hydroxychloroquine viagra cialis
flomax tamsulosin finasteride proscar premarin estradiol progesterone testosterone digoxin amiodarone nitroglycerin
entresto isosorbide hydralazine clonidine potassium magnesium vitamin colace miralax senna dulcolax imodium zofran
ondansetron reglan phenergan compazine coreg toprol norvasc zestril diovan cozaart tenormin glucophage glipizide
glyburide januvia trulicity victoza byetta basaglar tresiba levemir toujeo humulin novolin dexamethasone decadron
hydrocortisone cortisone kenalog depo-provera mirena nuvaring yaz plan-b tylenol#3 excedrin sudafed mucinex robitussin
nyquil dayquil pepto-bismol tamoxifen letrozole anastrozole ozempic semaglutide tirzepatide liraglutide dulaglutide
tdap dtap mmr hpv pcv ppsv bcg shingrix gardasil prevnar pneumovax folfox folfiri r-chop abvd carboplatin cisplatin
paclitaxel docetaxel gemcitabine cyclophosphamide doxorubicin rituxan rituximab levodopa carbidopa sinemet humira
""".split())
# surnames that are also eponyms: clinical only when possessive or followed by "disease", "sign", ...
AMBIGUOUS_EPONYMS = frozenset("""
graves bell down wilson turner lou gehrig epstein barr wells murphy homan homans swan ganz whipple nissen roux
billroth gram schilling addison cushing
""".split())
CLINICAL_WORDS = frozenset("""
parkinson parkinson's alzheimer alzheimer's crohn crohn's hashimoto hashimoto's huntington huntington's hodgkin
hodgkin's kaposi raynaud sjogren sjögren tourette asperger guillain barre barré wilms ewing kawasaki marfan klinefelter
apgar glasgow framingham babinski kernig brudzinski romberg trendelenburg valsalva heimlich pap papanicolaou doppler
holter mantoux tzanck coombs foley tumor tumour board anesthesia anaesthesia sedation
glucometer pacemaker defibrillator icd aicd inhaler nebulizer catheter cpap bipap walker wheelchair stent pump port
picc midline ostomy colostomy trach tracheostomy ventilator monitor telemetry cane brace splint cast dressing
md do rn np pa pharmd lpn cna phd dds dmd facp facc mph msn bsn aprn crna dnp od dpm mbbs frcp dnr dni polst
patient pt hpi ros cc pmh psh fh sh a&p assessment plan impression diagnosis dx hx tx rx sx chief complaint history
hypertension diabetes asthma copd chf cad ckd afib gerd dvt pe mi cva tia uti uri aki dka hhs osa bph ibs ibd
mri ct ekg ecg cxr echo eeg emg cbc bmp cmp lfts ua abg tsh ed er icu ccu nicu picu or pacu ob gyn ent gi pcp
neuro cardio pulm renal heme onc derm ortho psych peds nurse doctor dr physician attending resident fellow md do rn np pa
covid covid-19 sars-cov-2 hiv aids hepatitis influenza flu rsv mrsa c.diff strep staph lyme ebola zika
tablet capsule injection inhaler nebulizer iv po prn bid tid qid qd qhs daily mg mcg ml
afebrile febrile nontender alert oriented awake unremarkable euvolemic tachycardic bradycardic tachypneic diaphoretic
hep hib ipv pcv dtap tdap mmr varicella rotavirus
""".split())
_STOP_WORDS = frozenset({"started", "stopped", "continue", "continued", "increase", "increased", "decrease",
                         "decreased", "denies", "reports", "presents", "admitted", "discharged", "noted", "seen",
                         "today", "tomorrow", "yesterday", "follow", "up", "and", "or", "of", "the", "with", "on"})
_STOP_CAPS = frozenset({"I", "A", "The", "He", "She", "They", "We", "You", "It", "His", "Her", "Their", "Our", "My",
                        "Will", "Can", "May", "Should", "Today", "Tomorrow", "Yesterday", "Please", "Thanks", "Hi",
                        "Hello", "Dear", "Regards", "Sincerely", "Yes", "No", "Denies", "Reports", "Presents",
                        "Follow", "Continue", "Start", "Stop", "Increase", "Decrease", "Discussed", "Plan",
                        "Email", "E-mail", "Call", "Visit", "Phone", "Fax", "Text", "Contact", "Send", "See", "Ask",
                        "Note", "Message", "Patient", "Doctor", "Nurse", "Caller", "Member", "Subscriber",
                        "Participant", "Subject", "Client", "Resident", "Employee", "Candidate", "Donor", "Recipient",
                        "Claimant", "Applicant", "Attendant", "Informant", "Interpreter", "Baby", "Infant",
                        "Reply", "Respond", "Press", "Dial", "Type", "Enter"})


_CLINICAL_SUFFIX = re.compile(r"(?:pathy|itis|osis|emia|aemia|ectomy|otomy|ostomy|plasty|scopy|algia|oma|uria|"
                              r"plegia|paresis|trophy|megaly|rrhea|rrhoea|sclerosis|cardia|pnea|pnoea|lysis|genic|"
                              r"algesia|esthesia|aesthesia|bound|ridden)$",
                              re.IGNORECASE)


def _word(token: str) -> str:
    word = token.strip(".,;:()'’\"").lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _is_drug_token(token: str) -> bool:
    word = _word(token)
    return word in MEDICAL_WORDS or bool(_DRUG_SUFFIX.search(word) and len(word) > 6)


_ORG_WORDS = re.compile(
    r"\b(?:Inc|Ltd|LLC|LLP|PLC|Corp|Corporation|Co|Company|Companies|Group|Bank|University|College|Institute|School|"
    r"Academy|Foundation|Association|Society|Agency|Department|Dept|Services|Systems|Solutions|Technologies|Partners|"
    r"Holdings|Orchestra|Band|Club|Medicare|Medicaid|Insurance|Health|Healthcare|Hospital|Pharmacy|Labs?|Laboratories|"
    r"Laboratory|Diagnostics|Center|Centre|Clinic|Church|Council|Committee|Board|Office|Ministry|Union|Network|Media|News|Press|Records|"
    r"Studios?|Airlines?|Motors|Energy|Capital|Fund|Trust|Magazine|Times|Post|Journal|Review|Act|Law|Court|"
    r"Team|League|FC|Cup|Festival|Museum|Gallery|Library|Park|Hotel|Restaurant|Cafe|Store|Shop|Market|Mall|"
    r"and|&|of|the|for)\b", re.IGNORECASE)
_NAME_TOKEN = regex.compile(r"^\p{Lu}[\p{Ll}'’-]*\p{Ll}[\p{Ll}'’-]*\.?$|^\p{Lu}\.?$")
# after a sentence-opening word: a lowercase word that is not a verb or conjunction a name would take
_NOUN_FOLLOWS = re.compile(r"^(?:'s|’s)?\s+(?!(?:is|was|and|or|has|had|have|were|are|said|says|called|calls|lives|lived|moved|"
                           r"will|would|can|could|did|does|went|told|asked|wants|needs|from|who|works|worked|got|gets|"
                           r"came|comes|left|died|reports|reported|denies|presents|presented|feels|felt)\b)[a-z]")


def _is_medical_token(token: str, vocabulary: bool = False) -> bool:
    """A drug, eponym, clinical word or clinical suffix; with `vocabulary`, also any word of the medical
    vocabulary derived from medrails' own texts (phi_vocabulary)."""
    if token.lower().rstrip(".,;:").endswith(("'s", "’s", "s'")) and _word(token) in AMBIGUOUS_EPONYMS:
        return True
    word = _word(token)
    return (not word or _is_drug_token(token) or word in CLINICAL_WORDS or word.lower() in _STOP_WORDS
            or bool(_CLINICAL_SUFFIX.search(word) and len(word) > 6) or vocabulary and word in medical_vocabulary())


_PLACE_CUE_BEFORE = re.compile(r"\b(?:in|to|from|at|near|of|visiting|around)\s+$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Nurse|Rev)\.?\s*$", re.IGNORECASE)


def _medical_span(text: str, start: int, end: int) -> bool:
    """Every word of the span is a medical word, a service name ("Poison Control") or a sentence-opening
    command ("Call"), and no title precedes it ("Dr. Gout" stays a name)."""
    if _TITLE_BEFORE.search(text[max(0, start - 12):start]):
        return False
    services = [(s, e) for s, e in service_name_spans(text) if s < end and e > start]
    tokens = [m for m in re.finditer(r"\S+", text[start:end])
              if not any(s <= start + m.start() and start + m.end() <= e for s, e in services)]
    if services:  # "Call Poison Control": the service plus a command word or medical words
        return all(m.group() in _STOP_CAPS or _is_medical_token(m.group(), True) for m in tokens)
    return bool(tokens) and all(_is_medical_token(m.group(), True) for m in tokens)


_ABBREVIATION_BEFORE_PERIOD = re.compile(r"(?:^|\s)(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|Rev|Fr|Capt|Lt|Col|Gen|vs|No)$", re.IGNORECASE)


def _opens_sentence(text: str, start: int) -> bool:
    """True when the word at `start` begins the text, a line or a sentence (not after "Dr.")."""
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in "!?:\n":
        return True
    return before[-1] == "." and not _ABBREVIATION_BEFORE_PERIOD.search(before[:-1])


def inside_zones(text: str, start: int, end: int, zones: list[tuple[int, int]]) -> bool:
    """Every letter and digit of the span lies in a clinical zone ("132/80 -> 104/66")."""
    return all(any(zs <= i < ze for zs, ze in zones) for i in range(start, end) if text[i].isalnum())


def clinical_zones(text: str) -> list[tuple[int, int]]:
    """Character ranges that hold measurements, doses, codes or scores (never PHI by themselves)."""
    return [m.span() for regex in _CLINICAL_ZONES for m in regex.finditer(text)]


def trim_person(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading titles ("Dr.") and trailing possessives/punctuation from a name span."""
    value = text[start:end]
    m = _LEADING_TITLE.match(value)
    if m:
        start += m.end()
    value = text[start:end]
    m = _LEADING_LABEL.match(value)  # "Rm 405 - Rose-Marie Dubois": NER took the room label in
    if m and not _has_digit(value[m.end():]):
        start += m.end()
        value = text[start:end]
    m = _TRAILING_JUNK.search(value)
    if m:
        end = start + m.start()
    return start, end


_OPENER_REASON = "capitalized noun opening a sentence ('Tumor board', 'Anesthesia record')"


def suppression_reason(text: str, entity: str, start: int, end: int, zones: list[tuple[int, int]]) -> str | None:
    """Why a detected span is a clinical false positive under our policy, or None when it is PHI."""
    value = text[start:end].strip()
    if not value:
        return "empty"
    if entity == "GIVEN_NAME":  # a lexicon name (phi_given_names): the checks for PERSON, but a name alone in a
        # person's slot ("Thabo's", "Thabo said") is no capitalized noun opening a sentence
        reason = suppression_reason(text, "PERSON", start, end, zones)
        return None if reason == _OPENER_REASON else reason
    if entity == "TOWN_AFTER_STREET":  # its place after a street line is the evidence: only plain clinical words fail
        if any(_ANALYTE_TOKEN.match(t) for t in value.split()) or all(_is_medical_token(t) for t in value.split()):
            return "clinical term"
        return None
    if entity in ("PERSON", "ORGANIZATION", "LOCATION", "FACILITY", "CHAT_NAME") and (
            reason := kind_reason(text, entity, start, end)):
        return reason
    # one module per fresh set's false-positive kinds, in the order written (fresh 7's also reads the measurement zones);
    # a new set's module joins this tuple
    for kinds_reason in (kind6_reason, partial(kind7_reason, zones=zones), kind8_reason, kind9_reason, kind11_reason, kind12_reason,
                         kind13_reason, kind14_reason, kind15_reason, kind16_reason, kind17_reason, kind18_dates_reason,
                         kind18_layout_reason, places18_reason, kind18_fp_reason):
        if reason := kinds_reason(text, entity, start, end):
            return reason
    strong = entity in {"EMAIL_ADDRESS", "URL", "MRN", "US_SSN", "FAX_NUMBER", "NPI", "DEA_NUMBER",
                        "HEALTH_PLAN_ID", "ACCOUNT_NUMBER", "DEVICE_ID", "LICENSE_NUMBER", "IBAN_CODE", "CREDIT_CARD"}
    if entity == "CUED_DATE":
        # "(was 19 on 1/8)": a value, then "on" and the date it was measured, is no score
        if (_SCORE_LIKE.search(text[max(0, start - 30):start]) and not _VALUE_ON.search(text[max(0, start - 12):start])) \
                or _SCORE_AFTER.match(text, end) \
                or _FRACTION_BEFORE.search(text[max(0, start - 15):start]):
            return "a score or fraction after a date cue ('pain from 8/10 to 4/10')"
    elif entity == "AGE_OVER_89" and (_age_with_sex(text, start, end) or age_at_death(text, start)
                                       or age_in_field(text, start)):
        pass  # "Dubois, 90F": an age and sex, not 90 degrees Fahrenheit; "died at 94 in 2003": not 94 inches
    elif not strong and inside_zones(text, start, end, zones):
        return "clinical measurement, dose or code"
    if entity in {"DATE_TIME", "CLINICAL_DATE", "CUED_DATE"}:
        if _YEAR_ONLY.match(value):
            return "a year on its own"
        if _TIME_RANGE.match(value):
            return "a range of clock times ('1030-1115')"
        if not _SPECIFIC_DATE.search(value) and not ROMANCE_DATE.search(value):
            return "not a specific date (duration, weekday, relative time)"
        if _ORDINAL_NOUN.match(value):
            return "an ordinal before a noun ('8th ed'), not a date"
        if _DURATION_RANGE.match(value):
            return "a range of ages or durations ('11-12 years')"
    if entity == "IP_ADDRESS" and _VERSION_BEFORE.search(text[max(0, start - 20):start]):
        return "a version or template number shaped like an IP address"
    if entity == "STREET_ADDRESS" and _WARD_LABEL.match(value):
        return "a ward, room or bed label"
    if entity == "FACILITY" and len(named := [t for t in value.split() if t.lower().strip(".,'’") not in _FACILITY_HEADS]) == 1 \
            and _is_medical_token(named[0], True):
        return "a service named by what it treats ('Memory Clinic'), not a named facility"
    if entity in ("PERSON", "ORGANIZATION", "LOCATION"):
        tokens = value.split()
        if any(_ANALYTE_TOKEN.match(t.strip(".,;:()")) for t in tokens):
            return "a lab analyte in mixed case ('IgG', 'HBsAg')"
        if len(tokens) == 1 and _MEASURE_BEFORE.search(text[max(0, start - 12):start]) \
                and text[end:end + 2].lstrip().startswith(")"):
            return "a method named after a measurement ('16 mmHg (Goldmann)')"
        if entity == "PERSON" and sum(t.islower() and t not in _PERSON_PARTICLES for t in tokens) >= 2:
            return "lower-case words ('FAMILY MEDICINE - new refugee visit'), not a name"
    if entity == "PERSON":
        if _TITLE_ONLY.match(value):
            return "title alone"
        tokens = value.split()
        if all(_is_medical_token(t) for t in tokens) or any(_is_drug_token(t) for t in tokens):
            return "drug, eponym or clinical term"
        if _medical_span(text, start, end):
            return "medical term or service name (shipped medical vocabulary)"
        if any(ch.isdigit() for ch in value):
            return "names hold no digits"
        if not any(t[:1].isupper() for t in tokens):
            return "not capitalized"
        if len(tokens) == 1 and (value.isupper() and len(value) <= 5 or value in _STOP_CAPS):
            return "abbreviation or common word"
        if any(t in _STOP_CAPS or _is_medical_token(t) for t in tokens) and all(
                t in _STOP_CAPS or _is_medical_token(t) or (t.isupper() and len(t) <= 4) for t in tokens):
            return "clinical words and abbreviations ('Denies CP')"
        if _EPONYM_AFTER.match(text[end:end + 20].lower()):
            return "eponym"
    if entity == "ORGANIZATION":
        # the small spaCy model often tags (foreign) person names as ORG; keep only name-like ones
        tokens = value.split()
        if len(tokens) > 3 or _ORG_WORDS.search(value) or any(not _NAME_TOKEN.match(t) for t in tokens):
            return "organization, not a name"
        if all(_is_medical_token(t) for t in tokens) or any(_is_drug_token(t) for t in tokens) \
                or _medical_span(text, start, end):
            return "clinical term"
        if len(tokens) == 1 and value in _STOP_CAPS:
            return "common word"
        if _EPONYM_AFTER.match(text[end:end + 20].lower()):
            return "eponym ('Turner's syndrome')"
        if re.search(r"(?:insurance|insurer|payer|carrier|plan|coverage|pharmacy|employer|company)\s*[:=-]?\s*$",
                     text[max(0, start - 30):start], re.IGNORECASE):
            return "payer or employer name"
        if len(tokens) == 1 and _opens_sentence(text, start) and _NOUN_FOLLOWS.match(text[end:]):
            return "capitalized noun opening a sentence ('Pacemaker interrogation')"
    if entity in ("PERSON", "LOCATION") and " " not in value and _opens_sentence(text, start) \
            and _NOUN_FOLLOWS.match(text[end:]):
        return _OPENER_REASON
    if entity == "LOCATION":
        if not value[:1].isupper():
            return "place names are capitalized"
        if value.isupper() and len(value) <= 4 and value not in {"NYC", "LA", "DC"}:
            return "abbreviation"
        if _has_digit(value) and re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", value):
            return "a model or code number ('DX-2290'), not a place"
        if all(_is_medical_token(t) for t in value.split()) or (
                _medical_span(text, start, end) and not _PLACE_CUE_BEFORE.search(text[max(0, start - 20):start])):
            return "clinical term"
    return None
