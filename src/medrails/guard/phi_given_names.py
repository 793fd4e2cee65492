"""Names found by their structure: a known given name, then one to three surname-shaped words.

spaCy's small English model misses many full names it was not trained on (Polish, Afrikaans "van der",
Icelandic "Last, First", hyphenated and double-barrelled surnames) and never tags a nickname alone. This
recognizer needs no model: a set lookup of each capitalized word in a given-name lexicon we wrote
ourselves (`given_names.txt`, several thousand names from many naming cultures), then a look at the words
around it:

- "Given Surname [Surname] [Surname]": surname words are capitalized (accents, hyphens, O'/Mc/Mac, d'),
  possibly after particles ("van der", "de", "bin", "al-"), and are no common, medical, organization,
  title or calendar word;
- "Surname, Given": a capitalized word, a comma, a given name (not after a sentence-opening adverb);
- a given name alone in a slot only a person fills: before "'s" or a reporting verb ("Thabo said"),
  after "Name:", "goes by", "known as".

Given names that are also English words ("Will", "Grace", "Mark", "May") count only with a surname, and
not when they open a sentence before a lower-case word ("Will Tremfya help?", "Mark Tuesday off").
Spans are entity GIVEN_NAME and go through the clinical suppression as PERSON (eponyms, drugs, services).
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

LEXICON = Path(__file__).resolve().parent / "given_names.txt"
ENTITY = "GIVEN_NAME"
LOWER_ENTITY = "CHAT_NAME"  # a lower-case name in a form field: PERSON spans must be capitalized

# given names that are also English words (or a month, a modal, a title): never alone, and with a surname
# only when they do not open a sentence before a lower-case word
WORD_NAMES = frozenset("""
will may grace hope faith joy amber iris rose autumn dot bill mark pat art sunny summer rich frank sue june april
august dawn ruby pearl olive hazel ivy holly daisy heather violet lily crystal ginger penny sage sandy victor dean
jack guy chase drew grant hunter rocky rusty dusty buck skip sky river rain storm star blossom destiny harmony honor
honour liberty mercy patience prudence charity constance verity chastity unity serenity trinity cherry clay cliff
glen heath miles reed rod wade bud ray ward christian earl carter mason tanner jan nada nana page bella gay don
bob jean gene kit lane lee dale sterling justice angel precious cash major royal king bishop marshal norman ernest
jade coral brook meadow willow poppy pip gem nan sonny noble early young hale baker cook porter parker price
""".split())
# word names that are also a verb or modal: at a sentence opening before a lower-case word, an instruction
# or a question ("Will Tremfya help?", "Bill Medicare for it", "Mark Tuesday off"), not a name
VERB_NAMES = frozenset("""
will may mark bill pat sue frank grant chase drew rich jack skip buck ward rod reed wade ray guy page cash don jan dot
art hope trust sterling bob
""".split())
# given names that are also a country, a US state or a large region: never alone
PLACE_NAMES = frozenset("""
jordan georgia india virginia carolina israel chad kenya florence victoria austin charlotte chelsea madison brooklyn
lincoln houston dallas orlando regina adelaide sydney savannah phoenix santiago salvador lourdes trinity asia africa
america indiana montana dakota nevada tennessee
""".split())

_CAP = r"\p{Lu}[\p{Ll}\p{M}]*(?:['’]?\p{Lu}?[\p{Ll}\p{M}]+)*"
# a surname word: "Nowak", "O'Brien", "McAllister", "D'Angelo", "d'Souza", "al-Rashid", "Lloyd-Jones", "Þórsdóttir"
_SURNAME = (r"(?:(?:[dDlL]|[aA]l|[eE]l)['’-])?\p{Lu}[\p{L}\p{M}]*(?:['’]\p{Lu}[\p{L}\p{M}]*)?"
            r"(?:-(?:\p{Lu}|[a-z]{1,3}-\p{Lu})[\p{L}\p{M}]*)*")
_PARTICLES = (r"(?:(?:van|von|de|der|den|da|das|dos|do|del|della|degli|di|du|la|le|lo|ter|ten|te|zu|bin|binti|bint|"
              r"ibn|ben|bat|abu|ap|al|el|y|e|st\.?|mac|af|av)[ \t]+){0,3}")
_GIVEN = regex.compile(r"(?<![\p{L}\p{M}'’.-])(\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}?[\p{Ll}\p{M}]+)?)(?![\p{L}\p{M}])")
_NEXT_SURNAME = regex.compile(r"[ \t]+(?:\p{Lu}\.?[ \t]+)?(" + _PARTICLES + r")(" + _SURNAME + r")(?![\p{L}\p{M}])")
_SURNAME_COMMA = regex.compile(r"(" + _SURNAME + r"),[ \t]*$")
_REPORTING = regex.compile(
    r"^['’]s\b|^[ \t]+(?:said|says|reports?|reported|states?|stated|told|tells|asked|asks|called|calls|denies|denied|"
    r"notes|noted|explains|explained|mentioned|mentions|describes|described|agrees|agreed|wants|wanted|prefers|"
    r"refuses|refused|declined|declines|confirms|confirmed|admits|admitted\s+to|complains|complained|texted|emailed|"
    r"messaged|phoned|rang|arrived|came|comes|went|brought|brings|visited|visits|lives|lived|works|worked|takes|took|"
    r"feels|felt|needs|needed|"
    r"has|had|is|was|will|would|can|could|did|does|spent|spends|shouted|yelled|began|begins|started|stopped|became|"
    r"gets|got|left|died|passed\s+away|lost|gave|gives|made|loves|loved|hates|likes|liked|sees|saw|met|tried|tries|"
    r"keeps|kept|wonders|wondered|insists|insisted|reckons|thinks|thought|knows|knew|cried|cries|laughed|smiled|"
    r"replied|answered|responded|whispered|sighed)\b")
_SPEAKER = regex.compile(r"^[ \t]*:(?=[ \t]*[\p{Lu}\"“])")  # a speaker tag opening a line or sentence: "Thabo: Yes"
_NAME_SLOT = regex.compile(r"(?i:\b(?:(?:first|given|preferred|full|patient'?s?|caller'?s?|child'?s?|baby'?s?)\s+)?name|"
                           r"goes\s+by|known\s+as|a\.?k\.?a\.?|nickname|prefers\s+to\s+be\s+called|likes\s+to\s+be\s+"
                           r"called)\s*(?:is\s*)?[:=-]?\s*[\"“'‘]?$")
_NOT_AFTER = regex.compile(r"(?i:\b(?:st|saint|san|santa|são|sao|fort|ft|lake|port|mount|mt|cape|los|las|el|la|le|"
                           r"new)\.?\s+)$")
_POSSESSIVE_PHRASES = regex.compile(r"^['’]s\s+(?:apple|ladder|wort|disease|syndrome|sign|test|law|triad|palsy|"
                                    r"phenomenon|reflex|ulcer|crisis|score|criteria|maneuver|manoeuvre|cough)\b", regex.I)
_SENTENCE_OPEN = regex.compile(r"(?:^|[.!?:;\n\"“(]|\s-)\s*$")
_CALENDAR = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august september october
november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday saturday sunday
""".split())
_NOT_SURNAME = frozenset("""
dr doctor mr mrs ms miss mx prof professor nurse sister brother father mother rev sir madam dame lady lord
hospital clinic center centre health medical medicine street st road rd avenue ave lane drive boulevard county city
valley university college school church ward unit department dept pharmacy labs lab group care house home hall
north south east west northern southern eastern western upper lower new old great little greater
""".split())


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """The shipped lexicon, loaded once per process (lowercase names)."""
    names = set()
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.update((line, _fold(line)))
    return frozenset(names)


def _fold(word: str) -> str:
    """Without diacritics: "júlia" -> "julia", "tómas" -> "tomas" (ø, ł, ð and þ have no decomposition)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)


_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss"})


def is_given_name(token: str) -> bool:
    """A lexicon name, spelled with or without its accents, or a hyphenated given name whose first part
    is one ("Jean-Baptiste", "Ana-Sofía")."""
    names = given_names()
    for word in {token.lower(), _fold(token.lower())}:
        if word in names or ("-" in word and word.split("-", 1)[0] in names):
            return True
    return False


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    from medrails.guard.phi_vocabulary import medical_vocabulary

    return frozenset(STOP_WORDS) | medical_vocabulary() | _CALENDAR | _NOT_SURNAME


def surname_ok(token: str) -> bool:
    """A word that can be a surname: capitalized and no common, medical, organization or calendar word."""
    from medrails.guard.phi_suppression import _ORG_WORDS, _STOP_CAPS, _is_medical_token

    if token in _STOP_CAPS or len(token) < 2 or not any(c.islower() for c in token):
        return False
    word = token.lower()
    if word in _common_words() or _is_medical_token(token) or _ORG_WORDS.fullmatch(token):
        return False
    return not (token.isupper() and len(token) <= 4)


def _opens_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_OPEN.search(text[max(0, start - 3):start])) if start > 0 else True


def name_spans(text: str) -> list[tuple[int, int, float]]:
    """(start, end, score) of names found by the lexicon and the words around them."""
    spans: list[tuple[int, int, float]] = []
    for m in _GIVEN.finditer(text):
        token = m.group(1)
        if not is_given_name(token):
            continue
        start, end = m.span(1)
        word = token.lower()
        if _NOT_AFTER.search(text[max(0, start - 8):start]):
            continue  # "St. Mary's", "San Jose", "Lake Charles", "Los Angeles"
        word_name = word in WORD_NAMES
        # Given Surname [Surname] [Surname]
        last, pos, surnames = end, end, 0
        while surnames < 3:
            nxt = _NEXT_SURNAME.match(text, pos)
            if not nxt or not surname_ok(nxt.group(2)):
                break
            last = pos = nxt.end()
            surnames += 1
        if surnames:
            if word in VERB_NAMES and _opens_sentence(text, start) and regex.match(r"[ \t]+[a-z]", text[last:last + 2]):
                continue  # "Will Tremfya help?", "Bill Medicare for it", "Mark Tuesday off"
            spans.append((start, last, 0.6 if word_name else 0.7))
            continue
        # Surname, Given
        before = _SURNAME_COMMA.search(text[max(0, start - 40):start])
        if before and not word_name and surname_ok(before.group(1)):
            s = start - len(before.group(0))
            opens = _opens_sentence(text, s)
            if not opens or not regex.match(r"[ \t]+[a-z]", text[end:end + 2]):
                spans.append((s, end, 0.65))
                continue
        # a given name alone, in a slot only a person fills
        if word_name or word in PLACE_NAMES:
            continue
        after = text[end:end + 40]
        if _NAME_SLOT.search(text[max(0, start - 40):start]):
            spans.append((start, end, 0.85))  # "Name: Siobhan" is stronger evidence than NER's guess of a place
        elif (_REPORTING.match(after) and not _POSSESSIVE_PHRASES.match(after)) or (
                _SPEAKER.match(after) and _opens_sentence(text, start)):
            spans.append((start, end, 0.6))
    return spans


# common East Asian surnames, written first ("Tanaka Yuki", "Wong Siu Ming", "Pham Thi Mai"); English words left out
EAST_ASIAN_SURNAMES = frozenset("""
wang li zhang liu chen yang huang zhao zhou xu sun zhu hu guo lin luo gao zheng liang xie tang feng deng cao
wong chan cheung leung chow lau ng kwok yip tsang
kim lee park choi jung jeong kang cho yoon jang lim shin kwon hwang ahn yoo hong
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi
matsumoto inoue kimura hayashi shimizu
nguyen tran pham hoang huynh phan vu vo dang bui ngo duong
""".split())
_VIET_MIDDLE = r"(?:Thi|Thị|Van|Văn|Duc|Đức|Ngoc|Ngọc|Huu|Hữu|Quoc|Quốc|Thanh|Minh|Kim)[ \t]+"
_SURNAME_FIRST = regex.compile(r"(?<![\p{L}\p{M}'’.-])(\p{Lu}\p{Ll}+)[ \t]+(?:" + _VIET_MIDDLE + r")?"
                               r"(\p{Lu}\p{Ll}+-\p{Ll}+|\p{Lu}\p{Ll}{1,3}[ \t]+\p{Lu}\p{Ll}{1,3}|\p{Lu}[\p{Ll}\p{M}]+)"
                               r"(?![\p{L}\p{M}])")
# a lower-case name typed in a form field: "name: maria gonzalez", "preferred name: linh"
_LOWER_SLOT = regex.compile(r"(?i:\b(?:(?:first|given|preferred|full|patient'?s?|pt|child'?s?|caller'?s?)\s+)?name)"
                            r"\s*(?:is\s*)?[:=][ \t]*([a-z][a-z'’-]+)(?:[ \t]+([a-z][a-z'’-]+))?(?=[ \t]*(?:[,.;(\n]|$|dob\b))")
_SURNAME_SLOT = regex.compile(r"(?i:\b(?:last|family|sur)[ \t]?name)\s*[:=][ \t]*([a-z][a-z'’-]+)(?=[ \t]*(?:[,.;(\n]|$))")
# a list of given names: "Amina, Fatima and Zainab", "Sione & Mele"
_NAME_LIST = regex.compile(r"(?<![\p{L}\p{M}'’.-])\p{Lu}[\p{Ll}\p{M}]+(?:(?:,[ \t]*(?:(?:and|&)[ \t]+)?|[ \t]+(?:and|&)[ \t]+)"
                           r"\p{Lu}[\p{Ll}\p{M}]+)+(?![\p{L}\p{M}])")
_LIST_MEMBER = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+")


def _plain_given(token: str) -> bool:
    word = token.lower()
    return is_given_name(token) and word not in WORD_NAMES and word not in PLACE_NAMES


def _lower_surname_ok(word: str) -> bool:
    from medrails.guard.phi_recognizers import name_words_ok

    return word not in _common_words() and surname_ok(word.capitalize()) and name_words_ok(word)


def structural_spans(text: str) -> list[tuple[int, int, float]]:
    """Names by order and place the lexicon pass misses: surname-first East Asian names, lower-case names in a
    form field, and lists of given names."""
    spans: list[tuple[int, int, float]] = []
    for m in _SURNAME_FIRST.finditer(text):
        if m.group(1).lower() not in EAST_ASIAN_SURNAMES:
            continue
        given = m.group(2)
        parts = given.split()
        if "-" in given or len(parts) == 2 and all(surname_ok(p) for p in parts) or _plain_given(given):
            spans.append((m.start(), m.end(), 0.7))
    for m in _LOWER_SLOT.finditer(text):
        first, last = m.group(1), m.group(2)
        if not _plain_given(first):
            continue
        end = m.end(1)
        if last and _lower_surname_ok(last):
            end = m.end(2)
        spans.append((m.start(1), end, 0.7))  # lower case: entity CHAT_NAME
    for m in _SURNAME_SLOT.finditer(text):
        if _lower_surname_ok(m.group(1)):
            spans.append((m.start(1), m.end(1), 0.7))
    for m in _NAME_LIST.finditer(text):
        members = list(_LIST_MEMBER.finditer(m.group()))
        if len(members) >= 2 and all(_plain_given(x.group()) for x in members):
            spans.extend((m.start() + x.start(), m.start() + x.end(), 0.6) for x in members)
    return spans


class GivenNameRecognizer(EntityRecognizer):
    """Presidio recognizer for `name_spans` (entity GIVEN_NAME, placeholder [NAME])."""

    def __init__(self):
        super().__init__(supported_entities=[ENTITY, LOWER_ENTITY], name="GivenNameRecognizer", supported_language="en")

    def load(self) -> None:
        given_names()

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        meta = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return [RecognizerResult(entity_type=LOWER_ENTITY if text[s:e].islower() else ENTITY, start=s, end=e,
                                 score=score, recognition_metadata=dict(meta))
                for s, e, score in name_spans(text) + structural_spans(text)]
