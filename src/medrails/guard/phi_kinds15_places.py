"""Fresh-15 place rules: a facility after a hospital transition (never a ward or service), a saint's
name in the possessive, facilities holding "and", an acronym before a facility head, facilities whose head comes
first, a campus or site after a facility, a place in brackets after "home", a town after a relative's home, a house
name and street with no number after "Address:" and its town, and a street whose type comes first.
"""

from __future__ import annotations

import regex

from medrails.guard.phi_kinds15_common import (
    _CAP,
    _CITY,
    _DEPARTMENT_WORDS,
    _ENGLISH_STREET,
    _HOUSE_PARTICLE,
    _LEADING_STREET,
    _ROMANCE_LINK,
)
from medrails.guard.phi_kinds15_names import _TITLE, _words_ok
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

# ---------------------------------------------------------------------------------------------
# places


def _place_ok(value: str) -> bool:
    """The place's own name: its last word no common, medical or service word ("came home from Rehab" is none)."""
    from medrails.guard.phi_given_names import _common_words
    from medrails.guard.phi_suppression import _is_medical_token

    words = [w for w in value.replace("’", "'").split() if w.lower() not in {"the", "of", "and", "&"}]
    if not words:
        return False
    last = regex.sub(r"'s$", "", words[-1])
    if last.lower() in _common_words() or _is_medical_token(last, True) or last.lower() in _DEPARTMENT_WORDS \
            or last.lower() in _CARE_AREAS:
        return False
    if last.isupper() and len(last) <= 4:
        return False
    return all(name_words_ok(w) or w[:1].isupper() and w.lower() not in _DEPARTMENT_WORDS for w in words)


_AFTER_HEAD = frozenset("""
course day stay medicine admission admissions discharge policy bed beds records record staff ward wards unit units visit
visits acquired based pharmacy follow team chaplain chaplaincy services service system transport number notes note
summary doctor physician nurse nurses social authority trust district board campus site emergency outpatient inpatient
clinic clinics day-case length bill bills charges food gown bag room rooms floor floors corridor car parking entrance
guidelines protocol protocols director manager administration management network group network foundation
""".split())


def _head_first_ok(value: str) -> bool:
    """A facility whose head comes first ("Hospital Universitario La Paz"): the words after it are no English or clinical words
    ("Hospital Course", "Hospital Day 3", "Hospital Medicine")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_given_names import _CALENDAR
    from medrails.guard.phi_suppression import _is_medical_token

    words = value.split()[1:]
    if not words or words[0].lower() in _AFTER_HEAD or words[0].lower() in STOP_WORDS:
        return False
    return all(w.lower() not in _AFTER_HEAD and w.lower() not in _CALENDAR and not _is_medical_token(w)
               and not regex.fullmatch(_ENGLISH_STREET, w) for w in words)


def _acronym_ok(value: str) -> bool:
    from medrails.guard.phi_suppression import _is_medical_token

    return not _is_medical_token(value.split()[0], True)


def _first_word_ok(value: str) -> bool:
    return name_words_ok(value.split()[0])


def _lower_town_ok(value: str) -> bool:
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    return all(name_words_ok(w) and w.lower() not in NAME_LIKE_WORDS and w.lower() not in _NOT_TOWNS
               for w in value.split())


# where a patient goes inside a hospital, never the hospital's name ("taken to Theatre", "brought to Resus")
_CARE_AREAS = frozenset("""
theatre theater theatres resus resuscitation recovery pacu radiology imaging xray x-ray ct mri endoscopy cath cathlab lab
labs dialysis ward wards unit triage majors minors ambulatory obs observation maternity labour labor delivery nicu scbu
picu icu hdu ccu cicu sicu micu ed er ae a&e casualty emergency outpatients inpatients clinic pharmacy surgery rehab
physio psych psychiatry oncology cardiology medicine neurology orthopaedics orthopedics paeds peds pediatrics
paediatrics nursery morgue mortuary chapel reception admissions discharge lounge bay bed room
""".split())
_NOT_TOWNS = frozenset("""
town city bed hospital rehab care home house place room school work church jail prison shelter hotel motel bathroom
kitchen garden yard garage basement attic car truck van hospice icu er ed ward floor apartment unit flat trailer camp
country village state county area region suburbs downtown uptown pain trouble love tears distress bits general
""".split())


def _place_rules() -> list[RuleRecognizer]:
    head = (r"(?:Hospital|Infirmary|Medical[ \t]+Cent(?:er|re)|Health[ \t]+(?:Sciences[ \t]+)?Cent(?:er|re)|"
            r"Health[ \t]+(?:System|Service|Services|Campus)|Medical[ \t]+City|Healthcare|Clinic|Polyclinic|Hospice)")
    transition = (r"(?i:(?:came|come|coming|got|get|went|go|going|sent|back)[ \t]+home[ \t]+from|home[ \t]+from|"
                  r"discharged[ \t]+(?:home[ \t]+)?from|released[ \t]+from|transferred[ \t]+(?:to|from|over[ \t]+to)|"
                  r"transfer[ \t]+(?:to|from)|admitted[ \t]+(?:to|at|in)|readmitted[ \t]+(?:to|at)|hospitali[sz]ed[ \t]+"
                  r"(?:at|in)|taken[ \t]+to|brought[ \t]+(?:in[ \t]+)?to|rushed[ \t]+to|airlifted[ \t]+to|"
                  r"(?:ER|ED|A&E|ICU|emergency[ \t]+(?:room|department)|urgent[ \t]+care|psych[ \t]+ward|maternity)"
                  r"[ \t]+(?:at|in|of)|(?:stay|stayed|staying|stays)[ \t]+at|delivered[ \t]+at|born[ \t]+at|(?:seen|treated|followed|"
                  r"managed|operated[ \t]+on|scanned|scoped|dialy[sz]ed|admitted)[ \t]+(?:over[ \t]+)?at)")
    return [
        RuleRecognizer("FACILITY", [
            # a facility after a hospital transition, with or without its head: "discharged from Mercy Ridge"
            # (the cheap lookahead, a space and a capital, runs before the lookbehind's alternation)
            Rule(r"(?<=\S)(?=[ \t]+(?:(?i:the)[ \t]+)?\p{Lu})(?<=\b" + transition + r")[ \t]+(?:(?i:the)[ \t]+)?(?!" + _TITLE
                 + r"\b|Doctor\b|Father\b|Officer\b)(?P<v>(?:(?:St\.?|Saint|Sainte?|San|Santa)[ \t]+)?" + _CAP
                 + r"(?:[ \t]+(?:(?:of|and|&)[ \t]+)?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.65, _place_ok, 0),
            # a saint's name in the possessive is a hospital: "the ER at St. Joseph's" (not "St John's wort")
            Rule(r"\b(?P<v>(?:St\.?|Saint|Sainte?)[ \t]+\p{Lu}\p{Ll}+['’]s?)(?![\p{L}\p{M}])(?![ \t]+(?i:wort|disease|"
                 r"dance|fire|day|eve|cross|fire|college|school|church|cathedral|park|road|street|st\b|avenue|place|"
                 r"square|terrace|lane|parish|primary|catholic|episcopal|chapel|university))", 0.6,
                 lambda v: v.endswith(("'s", "’s", "s'", "s’")), 0),
            # a facility holding "and": "Royal Brisbane and Women's Hospital", "Brigham & Women's Hospital"
            Rule(r"\b(?=" + _CAP + r"[ \t]+(?:" + _CAP + r"[ \t]+){0,2}(?:and|&)[ \t])(?P<v>(?:" + _CAP + r"[ \t]+){1,3}"
                 r"(?:and|&)[ \t]+(?:" + _CAP + r"[ \t]+){0,2}" + head + r")\b", 0.75,
                 _first_word_ok, 0),
            # an acronym before a facility head: "IWK Health Centre", "SKMC Hospital"
            Rule(r"\b(?P<v>[A-Z]{2,6}[ \t]+" + head + r")\b", 0.7, _acronym_ok, 0),
            # the head first (Romance and German order): "Hospital Universitario La Paz", "Clínica Las Condes"
            Rule(r"\b(?P<v>(?:Hospital|Hôpital|Hopital|Clínica|Clinica|Clinique|Sanatorio|Sanatório|Policlínica|"
                 r"Policlinica|Policlínico|Policlinico|Ospedale|Klinikum|Klinik|Centro[ \t]+(?:de[ \t]+)?(?:Sa[uú]de|Salud|"
                 r"M[ée]dico)|Casa[ \t]+de[ \t]+Sa[uú]de|Centre[ \t]+Hospitalier(?:[ \t]+Universitaire)?|Azienda[ \t]+"
                 r"Ospedaliera|Instituto|Institut)(?:[ \t]+" + _ROMANCE_LINK + r")?[ \t]+" + _CAP + r"(?:[ \t]+"
                 + _ROMANCE_LINK + r"?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.65, _head_first_ok, 0),
            # a campus or site after a facility: "Royal Infirmary - Little France Campus", "... Hospital, North Site"
            Rule(r"(?<=(?:Hospital|Infirmary|Cent(?:re|er)|Clinic|Health|Institute|University|College|Campus)[^\n]{0,40}?"
                 r"[ \t][-–,][ \t])(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Campus|Site|Wing|Pavilion|Building))\b", 0.7,
                 None, 0),
        ], "Fresh15FacilityRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # the town after a house-name street line with no number: "Address: Cnoc Mhuire, Ballinamore Road, Carrick-on-Shannon"
            Rule(r"(?<=\b(?i:address|addr|residence|home[ \t]+address)[ \t]*:[ \t]*[^\n\d]{0,80}?[ \t]" + _ENGLISH_STREET
                 + r"\.?[ \t]*,[ \t]*)(?P<v>" + _CITY + r")(?![\p{L}\p{M}])", 0.7, _words_ok, 0),
            # a place in brackets after home: "via EMS from home (Brooklyn Park)"
            Rule(r"\b(?i:home|residence|resides|lives|living|address)[ \t]*\([ \t]*(?P<v>" + _CITY + r")[ \t]*\)", 0.65,
                 _words_ok, 0),
            # a town after a relative's home or a stay with a relative: "at my moms in tacoma", "with her sister in Fresno"
            Rule(r"(?<=\S)(?=[ \t]+(?i:in|out[ \t]+in|up[ \t]+in|down[ \t]+in)[ \t])(?<=\b(?i:(?:at|to|from|by)[ \t]+(?:my|his|her|"
                 r"their|our|the[ \t]+pt['’]?s)[ \t]+(?:[\p{L}-]+['’]?s['’]?|(?:[\p{L}-]+[ \t]+)?(?:place|house|home|flat|"
                 r"apartment))|(?:staying|living|lives|live|stays|stay|moved|moving|visiting|been)[ \t]+with[ \t]+(?:my|his|"
                 r"her|their|our)[ \t]+[\p{L}-]+))[ \t]+(?i:in|out[ \t]+in|up[ \t]+in|down[ \t]+in)[ \t]+(?P<v>" + _CITY
                 + r"|[a-z][a-z'’-]{2,}(?:[ \t]+[a-z][a-z'’-]{2,})?)"
                 r"(?=[ \t]*(?:[,.;!?)]|$|this\b|for\b|since\b|until\b|till\b|til\b|and\b|now\b|last\b|next\b|over\b))",
                 0.6, _lower_town_ok, 0),
        ], "Fresh15TownRecognizer"),
        RuleRecognizer("STREET_ADDRESS", [
            # a house name and a street with no number after "Address:": "Address: Cnoc Mhuire, Ballinamore Road,"
            Rule(r"\b(?i:address|addr|residence|home[ \t]+address)[ \t]*:[ \t]*(?P<v>(?:" + _CAP + r"(?:[ \t]+(?:" + _CAP
                 + r"|" + _HOUSE_PARTICLE + r")){0,3},[ \t]*)?" + _CAP + r"(?:[ \t]+(?:" + _CAP + r"|" + _ROMANCE_LINK + r")){0,3}[ \t]+"
                 + _ENGLISH_STREET + r"\.?)(?=[ \t]*[,\n]|[ \t]*$)", 0.75, None, 0),
            # a street whose type comes first: "7 avenue des Tilleuls", "12, Calle del Sol"
            Rule(r"\b(?P<v>\d{1,5}(?:[ \t]?(?:bis|ter|[A-Za-z]))?,?[ \t]+" + _LEADING_STREET + r"[ \t]+(?:" + _ROMANCE_LINK
                 + r")?" + _CAP + r"(?:[ \t]+(?:" + _ROMANCE_LINK + r")?" + _CAP + r"){0,3})(?![\p{L}\p{M}])", 0.8,
                 None, 0),
        ], "Fresh15StreetRecognizer"),
    ]
