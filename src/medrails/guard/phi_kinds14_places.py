"""Fresh-14 place recognizers: facility names in capitals (OCR digits allowed), facilities named head
first in other languages and compound hospital words, numbered health units and unit labels, surgery letterheads and
campuses, the postcode and town after a European street line, new street types and their town, number-first Romance
streets, foreign address labels, lower-case towns after verbs of coming or staying (never a state or province:
`_STATES`), an age after a DOB and spoken DOBs.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer

from medrails.guard.phi_kinds14_common import _CAP, _DATE_SHAPE, _result
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

# ---------------------------------------------------------------------------------------------
# facilities

_CAPS_HEADS = (r"(?:(?:MEDICAL|HEALTH|COMMUNITY[ \t]+HEALTH|IMAGING|DIAGNOSTIC|SURGICAL|SURGERY|DIALYSIS|CANCER|EYE|DENTAL|"
               r"REHAB(?:ILITATION)?|WELLNESS|HEART|WOMEN['’]?S|CHILDREN['’]?S|FAMILY|CARE|BIRTH|ENDOSCOPY|SLEEP|INFUSION|"
               r"RADIOLOGY|PAIN|SPINE|VEIN|KIDNEY|FERTILITY|ORTHOP(?:A)?EDIC|CARDIAC|SPECIALIST|SPECIALTY|MULTISPECIALITY|"
               r"MULTISPECIALTY|PRIMARY[ \t]+CARE)[ \t]+(?:CENTER|CENTRE|INSTITUTE|CLINIC|CLINICS|GROUP|ASSOCIATES|PRACTICE|"
               r"HOSPITAL|PARTNERS|SPECIALISTS|SURGERY)|HOSPITALS?|CLINIC|CLINICS|POLYCLINIC|INFIRMARY|HOSPICE|"
               r"MEDICAL[ \t]+(?:GROUP|PRACTICE)|(?:FAMILY|INTERNAL|SPORTS|INTEGRATIVE)[ \t]+MEDICINE|FAMILY[ \t]+(?:HEALTH|"
               r"PRACTICE|DOCTORS)|HEALTH(?:CARE)?|ORTHOP(?:A)?EDICS|CARDIOLOGY|DERMATOLOGY|P(?:A)?EDIATRICS|"
               r"UROLOGY|ONCOLOGY|NEUROLOGY|GASTROENTEROLOGY|RHEUMATOLOGY|PODIATRY|CHIROPRACTIC|PHYSIOTHERAPY|AUDIOLOGY|"
               r"OPTOMETRY|DENTISTRY|PHARMACY|CHEMIST|SURGERY|PRACTICE|ASSOCIATES|INSTITUTE|LABORATORY|LABORATORIES)")
_CAPS_WORD = r"(?:[\p{Lu}0-9][\p{Lu}\p{M}0-9'’&.-]*[\p{Lu}\p{M}]|ST\.|MT\.)"
_CAPS_FACILITY = regex.compile(r"(?:(?<=^[ \t]*)|(?<=[ \t]{2}|[|:][ \t]*|[ \t][-–—][ \t]))(?P<v>(?:" + _CAPS_WORD
                               + r"[ \t]+){1,5}" + _CAPS_HEADS + r")(?![\p{L}\d])", regex.MULTILINE)
# facilities named head first: French, Spanish, Portuguese, Italian, German, Dutch (capitals or title case)
_HEAD_FIRST = (r"(?:LABORATOIRE|Laboratoire|CLINIQUE|Clinique|H[ÔO]PITAL|H[ôo]pital|CENTRE[ \t]+HOSPITALIER|"
               r"Centre[ \t]+[Hh]ospitalier|CL[ÍI]NICA|Cl[íi]nica|POLICL[ÍI]NICA|Policl[íi]nica|HOSPITAL|Hospital|SANATORIO|"
               r"Sanatorio|KLINIKUM|Klinikum|KRANKENHAUS|Krankenhaus|OSPEDALE|Ospedale|POLICLINICO|Policlinico|ZIEKENHUIS|"
               r"Ziekenhuis|(?:CENTRO|Centro|POSTO|Posto)[ \t]+(?:DE|de)[ \t]+(?:SA[ÚU]DE|Sa[úu]de|SALUD|Salud)|"
               r"(?:UNIDADE|Unidade)[ \t]+(?:B[ÁA]SICA|B[áa]sica)[ \t]+(?:DE|de)[ \t]+(?:SA[ÚU]DE|Sa[úu]de)|"
               r"(?:CABINET|Cabinet)[ \t]+(?:M[ÉE]DICAL|m[ée]dical)|(?:MAISON|Maison)[ \t]+(?:DE|de)[ \t]+(?:SANT[ÉE]|sant[ée])|"
               r"Praxis|PRAXIS)")
_HEAD_PARTICLE = r"(?:de|du|des|la|le|les|del|do|da|dos|das|di|della|van|von|der|St\.?|Ste\.?|DE|DU|DES|LA|LE|DEL|DO|DA|DI)"
_HEAD_FIRST_FACILITY = regex.compile(r"\b(?P<v>" + _HEAD_FIRST + r"(?:[ \t]+" + _HEAD_PARTICLE + r")?(?:[ \t]+(?:"
                                     + _HEAD_PARTICLE + r"[ \t]+)?\p{Lu}[\p{L}\p{M}'’.-]*){1,5})(?![\p{L}])")
# words that say what kind of place, not which one, in the languages above
_FOREIGN_GENERIC = frozenset("""
biologie biología biologia médicale medicale médical medical medica médica analyses analisis análisis análises
general générale generale geral universitaire universitario universitaria universitário universitária university
universitair regional régional régionale municipal municipale estadual central centrale infantil infantile materno
maternidad maternidade militar civil privado privada public publique público pública santé saude saúde salud
especialidades especialidad spécialisé specializzato hospitalier hospitalière hospitalar nacional national
nationale provincial provinciale departamental distrital comunitario comunitaria familiar familia famille clinique
clinica clínica hospital hôpital centre centro laboratoire laboratorio laboratório praxis medizinisches medizinische
zentrum mutualiste polyclinique the and of & sciences science
""".split())
# a hospital word compounded with what kind it is, the name after it: "Universitätsklinikum Heidelberg"
_COMPOUND_FACILITY = regex.compile(r"\b(?P<v>(?!Hospital)\p{Lu}\p{Ll}{3,}(?:klinikum|krankenhaus|kliniken|spital|ziekenhuis|sjukhus|sykehus)"
                                   r"(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){1,2})(?![\p{L}])")
_FACILITY_HEAD_WORD = regex.compile(r"(?i)(?:klinikum|krankenhaus|kliniken|spital|hospital|h[ôo]pital|clinic|clinique|"
                                    r"cl[íi]nica|ziekenhuis|centre|center|centro|institut|infirmary|ospedale|policlinico)")
_OCR_LETTERS = str.maketrans({"0": "O", "1": "I", "5": "S", "8": "B"})


def _naming_word(word: str) -> bool:
    """A word that names a place rather than saying what kind of place it is."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_kinds6 import _generic_words
    from medrails.guard.phi_suppression import _is_medical_token

    w = word.translate(_OCR_LETTERS).strip(".,'’()").lower()
    if len(w) < 3 or w in STOP_WORDS or w in _generic_words() or w in _FOREIGN_GENERIC or w in _NOTE_WORDS:
        return False
    parts = [p for p in regex.split(r"[-/]", w) if p]
    if w.endswith(("tion", "sion", "ment", "ness", "ology", "logy", "ics", "ism", "ing")):
        return False  # a common noun ("ANTICOAGULATION CLINIC"): a service, not a place's name
    return not all(_is_medical_token(p, True) for p in parts) and not _foreign_specialty(w)


_NOTE_WORDS = frozenset("""
note notes report reports summary department dept division service services unit ward section program programme
registration patient patients form record records request requisition referral letter certificate notification
discharge admission consult consultation progress operative procedure provider physician nursing nurse visit
emergency urgent diagnostic diagnostics radiology pathology imaging results result laboratory lab critical value
list census handover daily weekly interval transfer intake history physical medicine medical surgical surgery
orthopedics orthopaedics ortho cardiology family general internal primary care specialty specialist multispeciality
multispecialty clinic clinics hospital hospitals health healthcare center centre institute associates practice group
""".split())


_FOREIGN_SPECIALTY = regex.compile(r"(?:logie|log[íi]a|logia|iatrie|iatr[íi]a|chirurgie|cirug[íi]a|chirurgia|medizin|"
                                   r"m[ée]decine|medicina|p[äa]diatrie|pediatr[íi]a|anästhesie|radiologie|urologie)$")


def _foreign_specialty(word: str) -> bool:
    return _FOREIGN_SPECIALTY.search(word.lower()) is not None


def _caps_facility_ok(value: str) -> bool:
    return any(_naming_word(w) for w in value.split())


def _head_first_ok(value: str) -> bool:
    m = regex.match(_HEAD_FIRST, value)
    rest = value[m.end():].split() if m else value.split()
    named = [w for w in rest if not regex.fullmatch(_HEAD_PARTICLE, w)]
    return bool(named) and any(_naming_word(w) and name_words_ok(w.title()) for w in named)


# substrings one of which every facility pattern above needs (a cheap test before the patterns run)
_CAPS_HEAD_KEYS = ("HOSPITAL", "CLINIC", "CENTER", "CENTRE", "INFIRMARY", "HOSPICE", "HEALTH", "MEDIC", "PRACTICE",
                   "SURGERY", "ASSOCIATES", "INSTITUTE", "PHARMACY", "CHEMIST", "LABORATOR", "ORTHOP", "OLOGY", "IATRICS",
                   "PODIATRY", "CHIROPRACTIC", "PHYSIOTHERAPY", "OPTOMETRY", "DENTISTRY", "GROUP", "PARTNERS", "SPECIALISTS",
                   "DOCTORS")
_HEAD_KEYS = ("laborat", "clini", "clíni", "pital", "sanatorio", "klinik", "krankenhaus", "ospedale", "ziekenhuis",
              "centro", "posto", "unidade", "cabinet", "maison", "praxis", "sjukhus", "sykehus")


class FacilityNameRecognizer(EntityRecognizer):
    """Facilities in capitals (a letterhead, a header line) and facilities named head first in other languages."""

    def __init__(self):
        super().__init__(supported_entities=["FACILITY"], name="Fresh14FacilityRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        lowered = text.lower()
        if any(k in text for k in _CAPS_HEAD_KEYS):
            for m in _CAPS_FACILITY.finditer(text):
                if _caps_facility_ok(m.group("v")):
                    results.append(_result(self, "FACILITY", m.start("v"), m.end("v"), 0.75))
        if not any(k in lowered for k in _HEAD_KEYS):
            return results
        for m in _COMPOUND_FACILITY.finditer(text):
            if all(_naming_word(w) and name_words_ok(w) for w in m.group("v").split()[1:]):
                results.append(_result(self, "FACILITY", m.start("v"), m.end("v"), 0.8))
        for m in _HEAD_FIRST_FACILITY.finditer(text):
            value = m.group("v")
            cut = regex.search(r"[ \t]+(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+)*?(?=(?:I{1,3}|IV|V|VI)\b)", value)
            if cut:  # "Medizinische Klinik II": a numbered department after the name ends the name
                value = value[:cut.start()]
            if _head_first_ok(value):
                results.append(_result(self, "FACILITY", m.start("v"), m.start("v") + len(value), 0.9))
        return results


# ---------------------------------------------------------------------------------------------
# places, ages, spoken dates

_EU_STREET = (r"(?:\p{L}*(?:stra(?:ß|ss)e|gasse|platz|gracht|straat|plein|kade|gatan|v[äa]gen|veien|gade|weg|laan|allee)|"
              r"stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig|laan|straat|gracht|plein|"
              r"kade|dreef|rue|avenue|boulevard|bd|chemin|impasse|all[ée]e|place|quai|cours|via|viale|piazza|corso|largo|"
              r"calle|avenida|av\.|paseo|plaza|carrer|rua|travessa|pra[çc]a|largo|gatan|gata|v[äa]gen|vej|gade|veien|"
              r"gate|vei|katu|tie|ulica|ul\.|utca|street|road|st|rd)")
_EU_POSTCODE_TOWN = regex.compile(
    r"(?im)(?:\b" + _EU_STREET + r"\b[^\n,]{0,40}?\d{1,4}[a-z]?|^[^\n]*\b" + _EU_STREET + r"\b[^\n]*\n[ \t]*|\b\d{1,4}[a-z]?"
    r"[ \t]+" + _EU_STREET + r"\b[^\n,]{0,40}?)(?:,[ \t]*|[ \t]{2,}|(?<=\n[ \t]*))(?P<zip>(?:[A-Z]{1,2}-)?\d{4,5}"
    r"(?:[ \t]?[A-Z]{2})?)[ \t]+(?P<town>\p{Lu}[\p{L}\p{M}'’.-]+(?:[ \t-](?:(?:am|an|im|sur|sous|de|del|la|le)[ \t])?"
    r"\p{Lu}[\p{L}\p{M}'’.-]+){0,2})(?=[ \t]*(?:$|,|;|\(|\|))")
def _street_name_ok(value: str) -> bool:
    """The street's own name holds no medical word: "Needs 3 Pain Meadows" is no address."""
    from medrails.guard.phi_vocabulary import medical_vocabulary

    words = regex.findall(r"\p{L}+", value)[:-1]
    return not any(w.lower() in medical_vocabulary() or w.lower() in ("pain", "dose", "doses", "units") for w in words)


_NEW_STREETS = (r"(?:Lawn|Heights|Chase|Gate|Glen|Meadows?|Ridge|Point|Landing|Bend|Crossing|Commons|Estate|Hollow|Brae|"
                r"Yard|Wharf|Circus|Drove|Fold|Garth|Ride|Approach|Causeway|Concourse|Glade|Heath|Knoll|Mount|Orchard|"
                r"Ridgeway|Spur|Strand|Vista|Woods?|Downs|Dale|Field|Fields|Boulevarde|Promenade|Cove|Key|Isle|Run|"
                r"Hts|Xing|Cres|Cl|Gr|Pde|Tce|Hwy)")
_LOWER_TOWN_CUE = (r"(?:(?:coming|came|travel(?:l)?ing|driving|drove|flying|flew|moved|moving|returned|returning|"
                   r"back|home)[ \t]+(?:(?:back|down|up|over|out)[ \t]+)?from|(?:moved|moving|relocat(?:ed|ing)|flying|flew|"
                   r"driving|drove|travel(?:l)?(?:ing|ed))[ \t]+to|"
                   r"(?:live|lives|living|lived|staying|stay|stayed|based|visiting)[ \t]+(?:in|at|near)(?:[ \t]+my[ \t]+"
                   r"[a-z]+['’]?s?[ \t]+(?:place[ \t]+|house[ \t]+)?in)?|at[ \t]+my[ \t]+[a-z]+['’]?s?[ \t]+(?:place[ \t]+|"
                   r"house[ \t]+)?in)[ \t]+")
_NOT_TOWN = frozenset("""
home work school church town city village country abroad overseas upstairs downstairs outside inside bed hospital
clinic rehab dialysis surgery hospice there here now today tonight tomorrow yesterday then ages years months weeks
days hours minutes time morning evening night afternoon weekend holiday vacation leave sick pain shock work office
store shop mall market gym beach lake pool park farm camp jail prison court station airport hotel motel shelter
place house apartment flat room ward unit icu er ed pharmacy lab labs appointment visit lunch dinner breakfast
tmrw tmr tmrow tomoz tonite asap soon later nxt next week weekend rn sleep normal nowhere somewhere everywhere
europe asia africa america australia oceania antarctica canada mexico england scotland wales ireland india china
japan brazil germany france spain italy nigeria kenya overseas
""".split())


def _lower_town_ok(value: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_given_names import is_given_name
    from medrails.guard.phi_suppression import _is_medical_token
    from medrails.guard.phi_vocabulary import medical_vocabulary

    w = value.lower()
    if w in _STATES:
        return False  # a state is no PHI (Safe Harbor keeps states)
    return (len(w) >= 4 and regex.search(r"[aeiou]", w) is not None and w not in STOP_WORDS and w not in _NOT_TOWN and w not in medical_vocabulary()
            and not _is_medical_token(w) and not is_given_name(w) and not w.endswith(("ing", "ed", "ly", "s"))
            and name_words_ok(w))


def _place_recognizers() -> list:
    from medrails.guard.phi_kinds7 import _TENS, _UNIT, _YEARW

    dayw = r"(?:(?:twenty|thirty)(?:[\s-]" + _UNIT + r")?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|" \
           r"eighteen|nineteen|" + _UNIT + r"|oh[\s-]" + _UNIT + r")"
    year2 = r"(?:" + _YEARW + r"|" + _TENS + r"(?:[\s-]" + _UNIT + r")?|oh[\s-]" + _UNIT + r")"
    return [
        RuleRecognizer("STREET_ADDRESS", [
            # street types the address rules lacked: "12 Birch Lawn", "4 Kestrel Heights", "9 Mill Chase"
            Rule(r"\b(?P<v>\d{1,5}[A-Za-z]?,?[ \t]+(?:" + _CAP + r"[ \t]+){1,3}" + _NEW_STREETS + r")\b(?![ \t]*(?:of|"
                 r"mg|ml|units?)\b)", 0.75, _street_name_ok, 0),
            # a Dutch, German or Nordic street named in one compound word, then its number: "Keizersgracht 12"
            Rule(r"\b(?P<v>\p{Lu}\p{Ll}+(?:gracht|straat|kade|singel|dijk|steeg|plein|markt|stra(?:ß|ss)e|gasse|platz|"
                 r"gatan|v[äa]gen|veien|gade)[ \t]+\d{1,4}[a-zA-Z]?)\b(?![ \t]*(?:mg|ml|units?|%))", 0.75, None, 0),
            # the house number before a French, Spanish or Italian street word in lower case: "12 rue des Lilas"
            Rule(r"\b(?P<v>\d{1,4}(?:bis|ter|[A-Za-z])?,?[ \t]+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|"
                 r"all[ée]e|place|quai|cours|route|calle|avenida|paseo)[ \t]+(?:(?:de|du|des|la|le|"
                 r"del|de[ \t]+la|di|della|l['’]|d['’])[ \t]*)*\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+(?:(?:de|du|des|la|le|del|di)"
                 r"[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]+){0,3})(?![\p{L}])", 0.75, None, 0),
        ], "Fresh14StreetTypeRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # the town after a street line of those street types: "12 Birch Lawn, Ballincollig"
            Rule(r"\b\d{1,5}[A-Za-z]?,?[ \t]+(?:" + _CAP + r"[ \t]+){1,3}" + _NEW_STREETS + r"\.?,[ \t]*(?P<v>"
                 + _CAP + r"(?:[ -]" + _CAP + r"){0,2})(?=[ \t]*(?:[,.;\n]|$))", 0.65, name_words_ok, 0),
        ], "Fresh14TownAfterStreetRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # a lower-case town after a verb of coming, going or staying: "we are coming from ikeja"
            Rule(r"\b(?i:" + _LOWER_TOWN_CUE + r")(?P<v>[a-z][a-z'’-]{3,20})(?=[ \t]*(?:[,.!?;)]|$|\n|[ \t]+(?:and|but|"
                 r"so|tomorrow|today|tonight|now|next|this|since|until|till|til|for|on|over|all)\b))", 0.55, _lower_town_ok, 0),
        ], "Fresh14LowerTownRecognizer"),
        RuleRecognizer("AGE_OVER_89", [
            # an age over 89 in parentheses after a date of birth: "DOB 02/11/1931 (93 y)"
            Rule(r"\b(?i:DOB|D\.O\.B\.?|born|date[ \t]+of[ \t]+birth|birth[ \t]*date|n[ée]e?[ \t]+le|fecha[ \t]+de[ \t]+"
                 r"nacimiento|geb\.?|geboren)[ \t]*:?[ \t]*[^\n()]{6,24}?[ \t]*\([ \t]*(?P<v>9\d|1[01]\d)[ \t]*"
                 r"(?i:y|yo|y/o|yrs?|years?(?:[ \t]+old)?|a|ans|años|anos|j|jahre)?\.?[ \t]*\)", 0.85, None, 0),
        ], "Fresh14DobAgeRecognizer"),
        RuleRecognizer("SPOKEN_DATE", [
            # a date of birth spoken with a two-word year after its question or label: "dob is seven twelve eighty-eight"
            Rule(r"\b(?i:date[ \t]+of[ \t]+birth|birth[ \t]*date|birthday|dob|d\.o\.b\.?|born(?:[ \t]+on)?)\b[^\n\d]{0,30}?"
                 r"\b(?P<v>(?i:" + dayw + r")[ \t,/-]+(?i:" + dayw + r")[ \t,/-]+(?i:" + year2 + r"))\b", 0.75, None, 0),
        ], "Fresh14SpokenDobRecognizer"),
    ]


class EuPostcodeTownRecognizer(EntityRecognizer):
    """The postcode and the town after a European street line: "Schillerstraße 12, 10625 Berlin", "12 rue X\\n69002
    Lyon"."""

    def __init__(self):
        super().__init__(supported_entities=["TOWN_AFTER_STREET"], name="EuPostcodeTownRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not regex.search(r"\d{4,5}[ \t]+\p{Lu}", text):
            return []
        results = []
        for m in _EU_POSTCODE_TOWN.finditer(text):
            if regex.fullmatch(r"(?:19|20)\d{2}", m.group("zip")) or not name_words_ok(m.group("town").replace("-", " ")):
                continue
            results.append(_result(self, "TOWN_AFTER_STREET", m.start("zip"), m.end("zip"), 0.65))
            results.append(_result(self, "TOWN_AFTER_STREET", m.start("town"), m.end("town"), 0.65))
        return results


def _address_ok(value: str) -> bool:
    return regex.search(r"\p{Lu}[\p{L}\p{M}'’.-]{2,}", value) is not None and not _DATE_SHAPE.match(value.strip())


def _unit_recognizers() -> list:
    return [RuleRecognizer("STREET_ADDRESS", [
        # the street line after an address label in another language, a number anywhere in it: "Domicilio: Calle
        # Hidalgo 215 Int. 4", "Endereço: Av. Brasil, 1500, apto 12"
        Rule(r"(?im)\b(?:domicilio|direcci[óo]n|logradouro|endere[çc]o|morada|adresse|anschrift|indirizzo|adres|adress|"
             r"wohnadresse|resid[eê]ncia)[ \t]*:[ \t]*(?P<v>[^\n]*?\d[^\n]*?)(?=[ \t]{2,}|[ \t]*$)",
             0.9, _address_ok, 0),
    ], "Fresh14AddressLabelRecognizer"), RuleRecognizer("FACILITY", [
        # a health unit named by its type and number: "HGZ No. 14", "UMF 22", "CESFAM N° 3", "PHC No. 2"
        Rule(r"\b(?P<v>(?:UMF|UMAA|UMAE|HGZ|HGR|HGO|HGP|UBS|CESFAM|CECOSF)[ \t]*(?:No\.?|N[°º]\.?|Nro\.?|N[úu]m\.?|#)?"
             r"[ \t]*\d{1,4}|(?:USF|UCSP|SAPU|PHC|UHC|CHC|EBAIS|UPA|CAIS|Unidad|Unidade|Centro[ \t]+de[ \t]+Sa[úu]d|"
             r"Clinic|Hospital|Health[ \t]+Cent(?:er|re))[ \t]*(?:No\.?|N[°º]\.?|Nro\.?|N[úu]m\.?|#)[ \t]*\d{1,4})\b"
             r"(?![./-]\d)", 0.75, None, 0),
        # the place after a sending or notifying unit's label: "Unidad que envía: ...", "Unidade notificadora: ..."
        Rule(r"\b(?i:unidad(?:e)?(?:[ \t]+(?:que[ \t]+env[íi]a|que[ \t]+recibe|notificadora|de[ \t]+adscripci[óo]n|"
             r"solicitante|receptora|de[ \t]+origen|de[ \t]+destino|de[ \t]+sa[úu]de|m[ée]dica))?|establecimiento|"
             r"estabelecimento(?:[ \t]+de[ \t]+sa[úu]de)?|sending[ \t]+(?:unit|facility)|referring[ \t]+(?:unit|facility)|"
             r"receiving[ \t]+(?:unit|facility))[ \t]*:[ \t]*(?P<v>\p{Lu}[^\n,;]{2,60}?)(?=[ \t]*(?:,|;|\n|$|[ \t]{2,}))",
             0.7, _unit_place_ok, 0),
        # a GP or dental surgery named in a letterhead line before its address: "Hollins Dental Surgery, BT9 ..."
        Rule(r"(?m)^[ \t]*(?P<v>(?:" + _CAP + r"[ \t]+){1,3}(?:Dental|Medical|Family|Health|GP|Doctors['’]?)?[ \t]*Surgery)"
             r"(?=[ \t]*,)", 0.9, _caps_facility_ok, 0),
        # a facility's campus: "Mercy Hospital - North Campus", "St Vincent's Hospital (Fitzroy Campus)"
        Rule(r"\b(?P<v>(?:" + _CAP + r"[ \t]+){1,4}(?:Hospital|Medical[ \t]+Cent(?:er|re)|Health|Healthcare|Clinic|"
             r"Infirmary|University)[ \t]*(?:[-–—,][ \t]*|\([ \t]*)(?:" + _CAP + r"[ \t]+){0,2}Campus)\b", 0.75, None, 0),
    ], "Fresh14UnitFacilityRecognizer")]


def _unit_place_ok(value: str) -> bool:
    return any(c.isdigit() for c in value) or any(_naming_word(w) for w in value.split())


_STATES = frozenset(w.replace("_", " ") for w in """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana
iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska
nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania
rhode_island south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin
wyoming ontario quebec québec alberta manitoba saskatchewan british_columbia nova_scotia new_brunswick
newfoundland prince_edward_island yukon nunavut northwest_territories queensland new_south_wales victoria tasmania
western_australia south_australia northern_territory andhra_pradesh arunachal_pradesh assam bihar chhattisgarh goa
gujarat haryana himachal_pradesh jharkhand karnataka kerala madhya_pradesh maharashtra manipur meghalaya mizoram
nagaland odisha orissa punjab rajasthan sikkim tamil_nadu telangana tripura uttar_pradesh uttarakhand west_bengal
bavaria bayern baden-württemberg hessen hesse niedersachsen lower_saxony nordrhein-westfalen north_rhine-westphalia
sachsen saxony thüringen thuringia brandenburg schleswig-holstein rheinland-pfalz saarland mecklenburg-vorpommern
sachsen-anhalt jalisco nuevo_león nuevo_leon sonora sinaloa chiapas yucatán yucatan quintana_roo tamaulipas coahuila
michoacán michoacan guerrero hidalgo baja_california minas_gerais bahia paraná parana pernambuco ceará ceara
santa_catarina rio_grande_do_sul goiás goias amazonas pará maranhão gauteng limpopo mpumalanga kwazulu-natal
western_cape eastern_cape northern_cape free_state north_west selangor johor sabah sarawak penang perak kedah
kelantan pahang terengganu sindh khyber_pakhtunkhwa balochistan ontario_province
""".split())
