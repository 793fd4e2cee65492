"""Fresh-13 false-positive kinds (`kind13_reason`, re-exported by phi_kinds13 and called by
phi_suppression.suppression_reason): orientation scores, eponymous scales with their score, laterality letters,
rows of clock times, identifier labels read as names, greetings in other languages, numeric ranges before a unit,
hyphenated clinical shorthand, analytes heading a lab row and ordinary verbs after a relative or role.
"""

from __future__ import annotations

import functools

import regex

from medrails.guard.phi_kinds13_places import _common

# ---------------------------------------------------------------------------------------------
# false positives

_ORIENTATION = regex.compile(r"^(?i:A\s*(?:&|and|\+|/)?\s*A?\s*O|AxO)\s*(?:[x×]\s*[0-4](?:\s*/\s*4)?)?$")
_ORIENTATION_AFTER = regex.compile(r"\s*[x×]\s*[0-4]")
_SCORE_AFTER = regex.compile(r"(?:['’]s)?[ \t]*(?:score|scale|balance|test)?[ \t]*[:=(]?[ \t]*(\d{1,3}(?:\.\d)?)[ \t]*/[ \t]*"
                             r"(\d{1,3})\b(?!/)")
_LATERALITY = frozenset({"L", "R", "B", "Lt", "Rt", "Bil", "LT", "RT"})
_ID_LABEL_AFTER = regex.compile(r"\.?[ \t]*(?:No\.?|NO\.?|Number|Nr\.?|#)[ \t]*[:.]?[ \t]*[A-Z0-9]")
_GREETINGS = regex.compile(
    r"(?i)\b(?:kia[ \t]+ora(?:[ \t]+(?:koutou|kōrua|korua|tātou|tatou))?|kia[ \t]+orana|ia[ \t]+orana|t[eē]n[aā][ \t]+"
    r"(?:koe|koutou|kōrua|korua)|m[oō]rena|talofa(?:[ \t]+lava)?|m[aā]l[oō][ \t]+(?:e[ \t]+)?lelei|fakaalofa[ \t]+lahi[ \t]+atu|"
    r"bula(?:[ \t]+vinaka)?|ni[ \t]+sa[ \t]+bula|aloha(?:[ \t]+mai)?|namast[eé]|namaskar(?:am)?|vanakkam|sat[ \t]+sri[ \t]+akal|"
    r"as-?salaam?u?[ \t]+[a']?alaikum|assalamu?alaikum|salaam|salam|shalom|sawubona|molo|dumela|jambo|habari|sannu|"
    r"mabuhay|kumusta|kamusta|magandang[ \t]+(?:umaga|hapon|gabi)|ni[ \t]+hao|konnichiwa|annyeong(?:haseyo)?|xin[ \t]+ch[aà]o|"
    r"sawasdee|selamat[ \t]+(?:pagi|siang|sore|malam|datang)|apa[ \t]+khabar|merhaba|kalimera|yassou|dia[ \t]+dh?uit|"
    r"bonjour|bonsoir|buenos[ \t]+d[ií]as|buenas[ \t]+(?:tardes|noches)|bom[ \t]+dia|boa[ \t]+(?:tarde|noite)|"
    r"guten[ \t]+(?:tag|morgen|abend)|gr[üu]ß[ \t]+gott|goedemorgen|goedendag|god[ \t]+(?:morgen|dag)|g['’]day|howzit)\b")
_RANGE = regex.compile(r"^\d{2,5}[ \t]*[-–][ \t]*\d{2,5}$")
_RANGE_UNIT_AFTER = regex.compile(r"[ \t]*(?:kcal|kilocalories|calories|cal|kj|kilojoules|steps|ml|cc|g|grams?|mg|mcg|"
                                  r"units?|iu|min|mins|minutes|hrs?|hours|ft|feet|m|meters|metres|km|miles|lbs?|kg|oz|"
                                  r"beats|bpm|mmhg)\b", regex.I)
_RANGE_CUE_BEFORE = regex.compile(r"\b(?:needs?|goal|target|range|between|approx(?:imately)?|about|estimated|intake|"
                                  r"requirements?|aim)[ \t:~≈]*$", regex.I)
_SHORTHAND = frozenset("""
med meds rec recon pre post op re co non anti sub self check follow up in out call visit review consult f/u fu
""".split())
_LAB_ROW_AFTER = regex.compile(
    r"(?:[ \t]*,?[ \t]*[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*){0,2})?[ \t]{1,}[<>≤≥~]?[ \t]*\d+(?:\.\d+)?[ \t]*"
    r"(?:%|[a-zµμ]*(?:g|mol|Eq|U|IU|L|cells)/[A-Za-z0-9.^µμ]+|mm/hr?|fL|pg|sec|s|ratio|index)(?![\w/])")
# ordinary verbs a relative or role takes ("ex-husband knew", "mom thinks"): irregular forms and frequent verbs
_VERBS = frozenset("""
knew know knows known saw see sees seen told tell tells said say says came come comes went go goes gone took take
takes taken gave give gives given found find finds thought think thinks felt feel feels left leave leaves brought
bring brings bought buy buys kept keep keeps heard hear hears met meet meets sent send sends spent spend spends stood
stand stands understood understand understands wrote write writes written drove drive drives driven ate eat eats eaten
fell fall falls fallen forgot forget forgets forgotten got get gets gotten had has have did do does done made make makes
ran run runs sat sit sits slept sleep sleeps spoke speak speaks spoken woke wake wakes wore wear wears became become
becomes began begin begins begun broke break breaks broken chose choose chooses chosen drank drink drinks drunk drew
draw draws drawn flew fly flies flown froze freeze freezes frozen grew grow grows grown hid hide hides hidden hit hits
hurt hurts lay lays laid lead leads led lost lose loses meant mean means paid pay pays put puts quit quits read reads
rode ride rides ridden rang ring rings rung shook shake shakes shaken shot shoot shoots showed show shows shown shut
shuts sold sell sells stole steal steals stolen struck strike strikes swam swim swims swore swear swears taught teach
teaches threw throw throws thrown tore tear tears torn wept weep weeps won't can't couldn't wouldn't didn't doesn't
isn't wasn't hasn't hadn't noticed worries worried believes believed suspects suspected learned learnt discovered
found finds saw heard realised realized mentioned shared posted accessed viewed opened read reads
""".split())
_NAME_ENTITIES = ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY")


def _not_date_fraction(a: str, b: str) -> bool:
    x, y = int(float(a)), int(b)
    return x <= y and not (1 <= x <= 12 and 1 <= y <= 31) and not (1 <= x <= 31 and 1 <= y <= 12)


_SCORED_WORD = regex.compile(r"\b(\p{Lu}[\p{L}'’-]+)(?=" + _SCORE_AFTER.pattern + ")")


@functools.lru_cache(maxsize=16)
def _scored_words(text: str) -> frozenset[str]:
    """The words followed by a score out of a maximum in the text ("Tinetti 18/28", "Berg: 44/56")."""
    return frozenset(m.group(1) for m in _SCORED_WORD.finditer(text)
                     if (s := _SCORE_AFTER.match(text, m.end())) and _not_date_fraction(s.group(1), s.group(2)))


def _in_greeting(text: str, start: int, end: int) -> bool:
    """The span lies inside a greeting that opens the text, a line, a sentence or a quotation."""
    head = text[max(0, start - 30):start]
    cut = max(head.rfind(c) for c in "\n\"“'(.!?:-")
    if cut < 0 and start > 30:
        return False
    pos = start - len(head) + cut + 1
    while pos < start and text[pos] in " \t":
        pos += 1
    m = _GREETINGS.match(text, pos)
    return m is not None and m.end() >= end


_NUMBER_ENTITIES = frozenset({"PHONE_NUMBER", "LONG_NUMBER", "FAX_NUMBER", "ACCOUNT_NUMBER", "HEALTH_PLAN_ID",
                              "DATE_TIME", "CLINICAL_DATE", "STREET_ADDRESS"})
_CLOCK_ROW = regex.compile(r"(?:\d{4}[ \t,/-]+){2,}\d{4}")
_GREETING_WORDS = frozenset("""
kia ia tēnā tena mōrena morena talofa mālō malo fakaalofa bula ni aloha namaste namasté namaskar namaskaram vanakkam
sat as-salaamu as-salamu assalamualaikum assalamu salaam salam shalom sawubona molo dumela jambo habari sannu mabuhay
kumusta kamusta magandang konnichiwa annyeong annyeonghaseyo xin sawasdee selamat apa merhaba kalimera yassou dia
bonjour bonsoir buenos buenas bom boa guten grüß gruß goedemorgen goedendag god g'day g’day howzit ora orana koutou
kōrua korua tātou tatou koe lava lelei lahi atu vinaka sa mai sri akal alaikum umaga hapon gabi hao chào chao pagi
siang sore malam datang khabar duit dhuit días dias tardes noches tarde noite tag morgen abend gott dag
""".split())


def kind13_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-13 false-positive kinds."""
    value = text[start:end]
    if not value or value.isspace():
        return None
    if entity in _NUMBER_ENTITIES:
        if not value[0].isdigit():
            return None
        if _RANGE.match(value):
            low, high = (int(x) for x in regex.split(r"[ \t]*[-–][ \t]*", value))
            if low < high and (_RANGE_UNIT_AFTER.match(text, end) or _RANGE_CUE_BEFORE.search(text[max(0, start - 30):start])):
                return "a numeric range before a unit ('1500-1800 kcal')"
        elif _CLOCK_ROW.fullmatch(value) and all(int(g[:2]) < 24 and int(g[2:]) < 60 for g in regex.findall(r"\d+", value)):
            return "a row of clock times, a dosing schedule ('0800 1200 1600')"
        return None
    if entity not in _NAME_ENTITIES:
        return None
    tokens = value.split()
    first = tokens[0].strip(".,;:()'’\"")
    if first.lower() in _GREETING_WORDS and _in_greeting(text, start, end):
        return "a greeting in another language ('Kia ora', 'Talofa lava')"
    if first[:1] in "Aa" and len(value) <= 10 and _ORIENTATION.match(value) \
            and (_ORIENTATION_AFTER.match(text, end) or regex.search(r"[x×]\s*[0-4]", value)):
        return "an orientation score ('A&Ox4')"
    if tokens[-1].rstrip(".") in ("No", "NO", "Nr", "Number") and regex.match(r"\.?[ \t]*[:#]?[ \t]*[A-Z0-9]", text[end:end + 6]):
        return "an identifier label ('Record No.')"
    if len(tokens) > 1:
        return None
    word = first
    if word in _LATERALITY and regex.match(r"[ \t]+[a-z]", text[end:end + 3]):
        return "a laterality letter before anatomy ('R forearm')"
    if len(word) <= 6 and _ID_LABEL_AFTER.match(text, end):
        return "an identifier label ('Reg.' of 'Reg. No.')"
    if word[:1].isupper():
        if "/" in text and word in _scored_words(text):
            return "an eponymous scale with its score ('Tinetti 18/28') and its other mentions"
        if _LAB_ROW_AFTER.match(text, end):
            return "an analyte heading a lab row ('Glucose, random   212 mg/dL')"
    elif value.islower():
        if word in _VERBS:
            return "an ordinary verb after a relative or role ('ex-husband knew')"
        if "-" in word or "/" in word:
            parts = [p for p in regex.split(r"[-/]", word) if p]
            if len(parts) >= 2 and any(p in _SHORTHAND or p in _common() for p in parts):
                return "a hyphenated clinical shorthand ('med-rec')"
    return None
