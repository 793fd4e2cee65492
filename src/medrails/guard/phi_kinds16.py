"""PHI kinds found by the sixteenth blind note set (fresh 16: mental health, safeguarding, paediatrics, obstetrics;
SMS threads, chat lines, dictations, letters, forms), as recognizers and false-positive checks. Each kind is written
by its structure (labels, layout, neighbouring words), never by a note's own value; the examples below are new
wording (tests/guard/test_phi_kinds_fresh16.py), each with a twin that stays unredacted.

Recognizers (regexes, no model; one registry entry, `Fresh16Recognizer`):
- dictation: a phone number read digit by digit with spoken punctuation ("five five five comma zero one ..."), a
  house number in words before a street ("at nine fourteen Alder Court"), an age over 89 in words after "is/aged"
  ("who is ninety-one and frail");
- identifiers: after a label word ending in a number noun with a bracketed scheme ("Versichertennummer (AOK): ...");
  a plate or registration named earlier in its clause ("plate of the van she drove: 7KLM302"); a number read aloud
  in digit words after a card or number noun ("we have it as four four one two, ...");
- dates: OCR letters in a spaced numeric date ("O3 / 1I / 2O19"), a spoken ordinal before "of" and a month ("the
  ninth of June"), a partial date after a waiting verb ("don't wait for 21/05") or after a meeting noun ("team
  meeting 6/14");
- names: after "name as/is" in any case ("gave her name as Lulu", "his name is kyle brandt"); a capitalised word in
  brackets after a relative or a role ("call dad (Tomasz)", "Counselor (Jess):"); a lower-case given name after "my
  <relative>" before a phone ("my aunt rosa at 555 ..."); a self-introduction before a role clause ("this is Dawn,
  I'm Kayla's aunt"); a name after a parent or guardian field label ("Parent/Guardian : Ana   Ruiz");
- places: a facility named "Centre/Institute for ... and ..."; a capitalised name before a facility noun in a
  letterhead line or after a dash ("— Birchwood Center", "Maple Grove Behavioral Health ·"); a place before
  "Children's" or "Maternity" ("Mesa Children's", "Kibera Maternity"); towns either side of a slash before
  "area/region" ("Sligo / Leitrim area"); the town after a number-last street line ("Lindenweg 7, Ulm"); a
  lower-case street address and its town ("44 w maple st in fresno").

False positives (`kind16_reason`): spoken punctuation ("comma", "full stop"), a lower-case verb after a kinship word
("dad smokes"), an app in a "Sent from" signature, a specialty or department whose words are all common or medical
("Adolescent Medicine", "Utilization Management"), a heading in capitals of common words ("ANTENATAL CLINIC"), a
plural of a medical word ("Dopplers").
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'’]*\p{Ll}[\p{Ll}\p{M}'’]*(?:-\p{Lu}?[\p{Ll}\p{M}'’]+)*"
_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMW = r"(?:" + _TENS + r"(?:[- ]" + _DIGIT + r")?|" + _TEEN + r"|" + _DIGIT + r"|hundred)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
          r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_ORDW = (r"(?:(?:twenty|thirty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|"
         r"twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_STREET = (r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|"
           r"Crescent|Close|Grove|Parkway|Pkwy|Highway|Hwy|Trail|Loop)")
_RELATION = (r"(?:mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|caregiver|carer|aunt|"
             r"auntie|uncle|grandma|grandmother|grandpa|grandfather|nan|nana|gran|granny|cousin|niece|nephew|stepmom|"
             r"stepdad|guardian|boyfriend|girlfriend|friend)")
_ROLE = (r"(?:counsel+or|therapist|advocate|volunteer|agent|operator|nurse|midwife|worker|coordinator|navigator|"
         r"caseworker|mentor|coach|tutor|teacher|interpreter|doula|moderator|staff|host|rep|representative)")
_SPOKEN_PUNCT = frozenset({"comma", "period", "full", "stop", "colon", "semicolon", "paragraph", "dash", "hyphen",
                           "bracket", "quote", "unquote"})


def _words_ok(value: str) -> bool:
    return all(name_words_ok(w) for w in value.replace("’", "'").split())


def _digit_count(value: str) -> int:
    return len(regex.findall(r"(?i)\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b|\d", value))


def _lower_name_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import _common_words, is_given_name

    words = value.lower().split()
    return bool(words) and is_given_name(words[0]) and all(w not in _common_words() or is_given_name(w) for w in words)


def _given_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import _common_words, is_given_name

    w = value.lower()
    return is_given_name(w) or (w not in _common_words() and name_words_ok(value))


def _named_ok(value: str) -> bool:
    """Words after "name is / as": capitalised, no stop word, no medical word."""
    from medrails.guard.phi_suppression import _is_medical_token

    return all(w[:1].isupper() and w.lower() not in _SLOT_STOP and not _is_medical_token(w.lower())
               and not regex.search(r"-\p{Ll}", w) for w in value.split())


def _slot_ok(value: str) -> bool:
    """Capitalised words in a person's slot: each a given name or no ordinary, medical or stop word."""
    from medrails.guard.phi_given_names import is_given_name

    for w in value.replace("’", "'").split():
        low = w.lower()
        if not w[:1].isupper() or low in _SLOT_STOP or regex.search(r"-\p{Ll}", w):
            return False
        if not is_given_name(low) and _plain_word(low):
            return False
    return True


_SLOT_STOP = frozenset("not no none on in at the a an he she they i we you it his her their my our your this that there here unknown none".split())
_PLAIN_SUFFIX = regex.compile(r"(?:al|ent|ant|ic|ics|ive|ary|ion|ogy|iatry|ial|ile|ous|ed|ing|ity)$")


def _plain_word(word: str) -> bool:
    """A word of ordinary or medical vocabulary (no proper name)."""
    from medrails.guard.phi_given_names import _common_words, is_given_name
    from medrails.guard.phi_suppression import _is_medical_token

    return not is_given_name(word) and (word in _common_words() or _is_medical_token(word, True)
                                        or bool(_PLAIN_SUFFIX.search(word)))


_NOT_STREET_WORDS = frozenset("""
a an the to with by per then and or of on at for from in into my his her our your their this that next last every
min mins minute minutes hour hours hr hrs day days week weeks wk wks month months year years yr yrs time times
unit units dose doses tab tabs tablet tablets pill pills mg ml puff puffs drop drops block blocks mile miles km
""".split())


_STREET_WORD = r"(?!(?:" + "|".join(sorted(_NOT_STREET_WORDS, key=len, reverse=True)) + r")\b)[a-z][a-z'’]+"


def _lower_street_ok(value: str) -> bool:
    """A lower-case street line: its name words no function, time or dose words ("2 weeks with dr" is none)."""
    words = value.lower().split()[1:-1]
    return bool(words) and not any(w.strip(".") in _NOT_STREET_WORDS for w in words)


def _spaced_ocr_date_ok(value: str) -> bool:
    if not regex.search(r"[OoIlSB]", value):
        return False
    digits = value.translate(str.maketrans("OoIlSB", "001158")).replace(" ", "")
    m = regex.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", digits)
    return bool(m) and (1 <= int(m.group(1)) <= 12 or 1 <= int(m.group(2)) <= 12) and max(int(m.group(1)), int(m.group(2))) <= 31


def _partial_ok(value: str) -> bool:
    a, b = (int(x) for x in value.split("/"))
    return 1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)


def _place_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import _common_words
    from medrails.guard.phi_suppression import _is_medical_token

    first = value.split()[0].lower().strip("'’")
    return first not in _common_words() and not _is_medical_token(first)


def _rules() -> list[RuleRecognizer]:
    dig_run = _DIGIT + r"(?:(?:[ \t]+|[ \t]*,[ \t]*|[ \t]+comma[ \t]+|[ \t]*-[ \t]*)" + _DIGIT + r"){6,12}"
    return [
        RuleRecognizer("PHONE_NUMBER", [
            # a phone read digit by digit, with spoken commas: "his cell is three one two comma five five five ..."
            Rule(r"\b(?i:cell|mobile|phone|number|landline|tel|home)[ \t]+(?i:is|number[ \t]+is|on)?[ \t]*(?P<v>"
                 + dig_run + r")\b", 0.7, lambda v: 7 <= _digit_count(v) <= 11),
        ], "Fresh16SpokenPhoneRecognizer"),
        RuleRecognizer("HEALTH_PLAN_ID", [
            # a number read aloud after a card or number noun: "your Medicare card ... we've got it as four four one two,"
            Rule(r"(?i:card|number|no\.)[^.\n]{0,60}?\b(?i:as|is)[ \t]+(?P<v>" + _DIGIT + r"(?:(?:[ \t]+|[ \t]*,[ \t]*)"
                 + _DIGIT + r"){5,14})\b", 0.65, lambda v: 6 <= _digit_count(v) <= 15),
            # a scheme-bracketed number noun: "Versichertennummer (AOK): A123456789", "Member number (BCBS): ..."
            Rule(r"\b\p{L}*(?i:nummer|number|nr\.?|no\.?)[ \t]*\([\p{L} .&-]{2,20}\)[ \t]*[:#]?[ \t]*(?P<v>[A-Z0-9]"
                 r"[A-Z0-9 .-]{4,18}[A-Z0-9])\b", 0.7, lambda v: sum(c.isdigit() for c in v) >= 5, 0),
            # a plate named earlier in its clause: "plate of the van she left in: 7KLM302"
            Rule(r"\b(?i:plate|registration|rego|licen[cs]e[ \t]+plate)\b[^.:\n]{0,40}:[ \t]*(?P<v>(?=[A-Z0-9]*\d)"
                 r"(?=[A-Z0-9]*[A-Z])[A-Z0-9]{5,8})\b", 0.7, None, 0),
        ], "Fresh16IdRecognizer"),
        RuleRecognizer("CLINICAL_DATE", [
            # OCR letters in a spaced numeric date: "O3 / 1I / 2O19"
            Rule(r"(?<![\w/])(?P<v>[\dOIlSB]{1,2}[ \t]*/[ \t]*[\dOIlSB]{1,2}[ \t]*/[ \t]*(?:[\dOIlSB]{4}|[\dOIlSB]{2}))"
                 r"(?![\w/])", 0.7, _spaced_ocr_date_ok, 0),
            # a spoken ordinal of a month: "moved to the ninth of June"
            Rule(r"\b(?P<v>(?:" + _ORDW + r")[ \t]+of[ \t]+" + _MONTH + r")\b", 0.7, None),
            # a partial date after a waiting verb or a meeting noun: "don't wait for 21/05", "team meeting 6/14"
            Rule(r"\b(?:(?i:wait|waiting|hold|holding)[ \t]+(?i:for|until|till|til)|(?i:meeting|conference|"
                 r"huddle))[ \t]+(?:on[ \t]+)?(?P<v>\d{1,2}/\d{1,2})(?![\d/])(?![ \t]*(?i:of|mg|ml|"
                 r"units?|%|pain|score|severity|anxiety|mood))", 0.65, _partial_ok, 0),
        ], "Fresh16DateRecognizer"),
        RuleRecognizer("AGE_OVER_89", [
            # an age over 89 in words after "is / aged": "grandmother, who is ninety-three and frail"
            Rule(r"\b(?i:who[ \t]+is|she['’]s|he['’]s|is[ \t]+now|aged|age|turned|turns|turning)[ \t]+(?P<v>(?i:ninety"
                 r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one[ \t]+hundred(?:[ \t]+and[ \t]+\w+)?))"
                 r"(?![ \t-]*(?i:percent|%|degrees|°|mg|minutes|mins|seconds|days|beats|bpm|mm|kg|lbs?|pounds|ml|over|/))\b", 0.7,
                 None, 0),
        ], "Fresh16AgeRecognizer"),
        RuleRecognizer("STREET_ADDRESS", [
            # a house number in words before a street (dictation): "at nine fourteen Alder Court"
            Rule(r"\b(?:at|to|on|lives?|living)[ \t]+(?P<v>(?i:" + _NUMW + r")(?:[ \t]+(?i:" + _NUMW + r")){0,3}[ \t]+"
                 + _CAP + r"(?:[ \t]+" + _CAP + r")?[ \t]+" + _STREET + r")\b", 0.7, None, 0),
            # a lower-case street address: "we live at 44 w maple st in fresno"
            Rule(r"\b(?P<v>\d{1,5}[ \t]+(?:[nsew]\.?[ \t]+)?[a-z][a-z'’]+(?:[ \t]+[a-z][a-z'’]+)?[ \t]+(?:st|street|ave|"
                 r"avenue|rd|road|blvd|dr|drive|ln|lane|ct|court|way|pl|place|cir|hwy|pkwy|ter|terrace))\b(?=[ \t]*(?:[.,;!?)]|"
                 r"$|in\b|apt\b|unit\b|#|\d))", 0.65, _lower_street_ok, regex.MULTILINE),
        ], "Fresh16AddressRecognizer"),
        RuleRecognizer("TOWN_AFTER_STREET", [
            # the town after a lower-case street: "44 w maple st in fresno"
            Rule(r"\b\d{1,5}[ \t]+(?:[nsew]\.?[ \t]+)?" + _STREET_WORD + r"(?:[ \t]+" + _STREET_WORD + r")?[ \t]+(?:st|street|"
                 r"ave|avenue|rd|road|blvd|dr|drive|ln|lane|ct|court|way|pl|place)[ \t]*,?[ \t]+(?:in[ \t]+)?(?P<v>[a-z][a-z'’]{2,}"
                 r"(?:[ \t]+(?!(?:now|today|tonight|too|again|though|anyway|lol|btw|right|rn)\b)[a-z][a-z'’]{2,})?)"
                 r"(?=[ \t]*(?:[.,!?;]|$|now\b|today\b|tonight\b|too\b|again\b|though\b|anyway\b|lol\b|btw\b|rn\b))", 0.6, None, regex.MULTILINE),
            # the town after a number-last street line: "Lindenweg 7, Ulm", "Kirchgasse 12a, Bad Tölz"
            Rule(r"\b\p{Lu}\p{Ll}+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|steig|pfad|laan|straat|"
                 r"gracht|plein|vej|gade|gatan|vägen|veien|gata)[ \t]+\d{1,4}[a-z]?[ \t]*,[ \t]*(?P<v>\p{Lu}\p{Ll}+"
                 r"(?:[ \t-]\p{Lu}\p{Ll}+)?)\b", 0.7, None, 0),
        ], "Fresh16TownRecognizer"),
        RuleRecognizer("LOCATION", [
            # towns either side of a slash before a region noun: "Sligo / Leitrim area"
            Rule(r"(?P<v>\p{Lu}\p{Ll}+)(?=[ \t]*/[ \t]*\p{Lu}\p{Ll}+[ \t]+(?i:area|region|district|county|counties|"
                 r"catchment|border|patch)\b)", 0.6, _place_ok, 0),
            Rule(r"(?<=\p{Lu}\p{Ll}+[ \t]*/[ \t]*)(?P<v>\p{Lu}\p{Ll}+)(?=[ \t]+(?i:area|region|district|county|counties|"
                 r"catchment|border|patch)\b)", 0.6, _place_ok, 0),
        ], "Fresh16RegionRecognizer"),
        RuleRecognizer("FACILITY", [
            # "Centre for Eating Disorders and Family Health", "Institute for Child Development"
            Rule(r"\b(?P<v>(?:Centre|Center|Institute|Hospital|Clinic)[ \t]+for[ \t]+(?:the[ \t]+)?\p{Lu}\p{Ll}+(?:[ \t]+"
                 r"(?:and|&|of|\p{Lu}\p{Ll}+)){1,6})(?<!\b(?:and|of))\b", 0.65, None, 0),
            # a name before a facility noun after a heading dash or opening a letterhead: "— Birchwood Center"
            Rule(r"(?<=(?:^|[—–|])[ \t]*)(?=\p{Lu})(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?[ \t]+(?:Center|Centre|"
                 r"Behavioral[ \t]+Health|Behavioural[ \t]+Health|Mental[ \t]+Health|Counseling[ \t]+Center|"
                 r"Family[ \t]+Services))(?=[ \t]*(?:$|[·|,\n—–-]))", 0.65, _place_ok, regex.MULTILINE),
            # a place before "Children's" or "Maternity": "at Mesa Children's behavioral health", "Kibera Maternity:"
            Rule(r"\b(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?[ \t]+(?:Children['’]s|Maternity))(?![ \t]+(?:Hospital|"
                 r"Home|Unit|Ward|Centre|Center|Clinic))", 0.6, _place_ok, 0),
        ], "Fresh16FacilityRecognizer"),
        RuleRecognizer("CHAT_NAME", [
            # "gave his name as Rico", "his name is kyle brandt"
            Rule(r"\b(?i:name[ \t]+(?:as|is|was)|named|calls[ \t]+(?:himself|herself|themself))[ \t]+(?P<v>\p{L}[\p{L}'’-]+"
                 r"(?:[ \t]+\p{L}[\p{L}'’-]+)?)(?=[ \t]*(?:[.,;!?)]|$|(?i:if|and|but|he|she|i)\b))", 0.65,
                 lambda v: _named_ok(v) if v[0].isupper() else _lower_name_ok(v), 0),
            # a capitalised word in brackets after a relative or a role: "call mom (Fadumo)", "Counselor (Jess):"
            Rule(r"\b(?i:" + _RELATION + r")[ \t]*\((?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)\)", 0.65, _slot_ok, 0),
            # a role's name in brackets as a speaker tag: "Counselor (Jess): Hi"
            Rule(r"\b(?i:" + _ROLE + r")[ \t]*\((?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)\)[ \t]*:", 0.65, _slot_ok, 0),
            # a lower-case given name after "my <relative>" before a phone or "at": "my aunt rosa at 555 ..."
            Rule(r"\b(?i:my|her|his)[ \t]+(?i:" + _RELATION + r")[ \t]+(?P<v>[a-z][a-z'’]{2,15})(?=[ \t]+(?:at|on)[ \t]+"
                 r"\(?\d)", 0.6, _lower_name_ok, 0),
            # a self-introduction before a role clause: "this is Dawn, I'm Kayla's aunt"
            Rule(r"\b(?i:this[ \t]+is|it['’]s)[ \t]+(?P<v>" + _CAP + r")[ \t]*,[ \t]*(?i:i['’]m|i[ \t]+am)[ \t]+(?:\p{Lu}"
                 r"[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+){0,2}['’]s[ \t]+|(?i:the|his|her|their|a)[ \t]+)", 0.65, _given_ok, 0),
            # a name after a title before spoken punctuation (dictation): "Letter to Doctor Mbeki comma ..."
            Rule(r"\b(?:Doctor|Dr\.?|Mr|Mrs|Ms|Miss|Professor)[ \t]+(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)(?=[ \t]+"
                 r"(?i:comma|full[ \t]+stop|period|new[ \t]+paragraph|new[ \t]+line)\b)", 0.65, _slot_ok, 0),
        ], "Fresh16NameRecognizer"),
        RuleRecognizer("FORM_NAME", [
            # a parent or guardian field: "Parent/Guardian : Ana   Ruiz", "Guardian: Ruiz, Ana"
            Rule(r"\b(?i:parent[ \t]*/[ \t]*guardian|guardian|parent|next[ \t]+of[ \t]+kin|caregiver)[ \t]*:[ \t]*(?P<v>"
                 + _CAP + r"(?:,?[ \t]{1,4}" + _CAP + r"))(?=[ \t]*(?:$|[ \t]{2}|[,(|\t]))", 0.7, _words_ok,
                 regex.MULTILINE),
        ], "Fresh16FormNameRecognizer"),
    ]


# ---------------------------------------------------------------------------------------------
# false positives

_LABEL_AFTER = regex.compile(r"(?:[ \t]+[A-Z]{2,5})?[ \t]*:(?![\d/])")
_LINE_START = regex.compile(r"(?:^|\n)[ \t>\[\]\d:.-]*$")
_VERB_AFTER_RELATION = regex.compile(r"(?i)\b" + _RELATION + r"[ \t]+$")
_SENT_FROM = regex.compile(r"(?i)\bsent[ \t]+(?:from|via|with)[ \t]+(?:my[ \t]+)?$")
_SPECIALTY_END = regex.compile(r"(?i)(?:ology|iatry|iatrics|medicine|surgery|management|nursing|therapy|"
                               r"obstetrics|gynaecology|gynecology|pediatrics|paediatrics|psychiatry|neonatology|"
                               r"dentistry|orthodontics)$")


def kind16_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-16 false-positive kinds."""
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY"):
        return None
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    before = text[max(0, start - 40):start]
    from medrails.guard.phi_given_names import is_given_name
    from medrails.guard.phi_suppression import _is_medical_token

    if all(w in _SPOKEN_PUNCT for w in words):
        return "spoken punctuation in a dictation ('comma', 'full stop')"
    if len(tokens) == 1 and value.islower() and _VERB_AFTER_RELATION.search(before) and regex.fullmatch(r"[a-z]{3,}[^s]s", value) \
            and not is_given_name(value):
        return "a verb after a kinship word ('dad smokes')"
    if _SENT_FROM.search(before):
        return "an app in a 'Sent from' signature"
    if len(tokens) >= 2 and _SPECIALTY_END.search(words[-1]) and all(_plain_word(w) for w in words):
        return "a specialty or department ('Adolescent Medicine', 'Utilization Management')"
    if value.isupper() and len(tokens) >= 2 and regex.search(r"(?:^|\n)[ \t]*$", text[max(0, start - 5):start]) \
            and all(_plain_word(w) for w in words):
        return "a heading in capitals of common words ('ANTENATAL CLINIC')"
    if len(tokens) == 1 and words[0].endswith("s") and len(words[0]) > 4 and _is_medical_token(words[0][:-1]) \
            and not is_given_name(words[0]):
        return "a plural of a medical word ('Dopplers')"
    if len(tokens) == 1 and _LABEL_AFTER.match(text, end) and not _LINE_START.search(before) and _plain_word(words[0]):
        return "a field label inside a line ('... Guidance: Safe Sleep', 'Histology: ...')"
    return None


class Fresh16Recognizer(CombinedRecognizer):
    """Every fresh-16 recognizer behind one registry entry."""

    def __init__(self):
        super().__init__("Fresh16Recognizer", _rules())


def fresh16_recognizers() -> list[EntityRecognizer]:
    return [Fresh16Recognizer()]
