"""Fresh-13 name rules: a name in parentheses after "pt", "patient" or a relative, a capitalised name
before an age in parentheses, a name whose words a scanner set two spaces apart after a form label, a lower-case
self-introduction with a surname, and a dash signature alone on a message's last line.
"""

from __future__ import annotations

import regex

from medrails.guard.phi_kinds13_anchored import _CAP, _KIN, _PARTICLE, Anchored, _with
from medrails.guard.phi_kinds13_places import _common
from medrails.guard.phi_recognizers import name_words_ok

# ---------------------------------------------------------------------------------------------
# names

_NOT_CHILD_NAMES = frozenset("""
child baby infant toddler boy girl kid kids sibling siblings twin twins patient pt male female dog cat puppy
""".split())
_CHAT_SHORTHAND = frozenset("""
ty thx tx tks thanks thank xoxo xo xx lol pls plz asap btw fyi tia ttyl brb omg idk ok okay k yes no sent regards
cheers love bye later soon urgent help me
""".split())


def _one_or_full_name(value: str) -> bool:
    """Two or more name words, or one lexicon given name ("pt (Mandarin)" is a language, not a name)."""
    from medrails.guard.phi_given_names import is_given_name

    words = [w for w in value.split() if not regex.fullmatch(_PARTICLE, w)]
    if not name_words_ok(value) or any(w.lower() in _common() or w.lower().endswith(("ing", "ed")) for w in words):
        return False
    return len(words) >= 2 or is_given_name(words[0])


def _child_name_ok(value: str) -> bool:
    words = value.lower().split()
    return words[0] not in _NOT_CHILD_NAMES and not any(w in _common() for w in words) and name_words_ok(value)


def _spaced_name_ok(value: str) -> bool:
    """A name whose words a scanner spread two spaces apart (single-spaced names are the other recognizers')."""
    return "  " in value and name_words_ok(" ".join(value.split()))


def _lower_full_name_ok(value: str) -> bool:
    """A lower-case given name from the lexicon, then a surname that is no common or medical word."""
    from medrails.guard.phi_given_names import WORD_NAMES, is_given_name

    first, last = value.split()
    return first not in WORD_NAMES and first not in _common() and is_given_name(first) and last not in _common() \
        and name_words_ok(value)


def _signature_ok(value: str) -> bool:
    words = value.lower().split()
    return words[0].strip(".") not in _CHAT_SHORTHAND and words[0] not in _common() and name_words_ok(words[0])


def _name_rules() -> list[Anchored]:
    person = _with("PERSON", [
        # a name in parentheses after the patient or a relative: "pt (Arjun Mehta Rao)", "Dad (Tavita)"
        Anchored(r"\([ \t]*(?P<v>" + _CAP + r"(?:[ \t]+(?:" + _PARTICLE + r"[ \t]+)*" + _CAP + r"){0,3})[ \t]*\)", 0.7,
                 _one_or_full_name, back=r"\b(?i:pt|patient|client|resident|" + _KIN + r")(?:['’]s)?[ \t]*$"),
        # a name before an age in parentheses: "Kahu (18 mo)", "Ana Lima (age 7)", "Tui (3yo)"
        Anchored(r"\([ \t]*(?:\d{1,3}[ \t]*(?:yo|y/o|y\.o\.?|yrs?[ \t-]+old|years?[ \t-]+old|mo|mos|m/o|months?[ \t-]+old|"
                 r"weeks?[ \t-]+old|days?[ \t-]+old|[MF])|(?i:age|aged)[ \t]*\d{1,3})[ \t]*\)", 0.65, _child_name_ok,
                 back=r"(?<![\p{L}'’-])(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)[ \t]*$", span="back"),
        # a dash signature closing a message, capitalised: "-Mari", "~ Tui"
        Anchored(r"[-–—~]{1,2}[ \t]*(?P<v>" + _CAP + r")[ \t]*\Z", 0.65, _signature_ok, back=r"(?:^|\n)[ \t]*$"),
    ])
    form = _with("FORM_NAME", [
        # "Attending  Physician:  Oluwaseun  Adeyemi      Ext: ..." (two spaces between the name's words, a column gap after)
        Anchored(r"(?m):[ \t]*(?P<v>" + _CAP + r"(?:[ \t]{1,2}(?:\p{Lu}\.?|" + _CAP + r")){1,3})(?=[ \t]{3,}|\t|[ \t]*$|"
                 r"[ \t]*,)", 0.75, _spaced_name_ok, back=r"[A-Za-z.)][ \t]*$", gates=(r"\p{Ll}  \p{Lu}",)),
    ])
    chat = _with("CHAT_NAME", [
        # a lower-case self-introduction with a surname: "im david okonkwo btw", "this is ana folau, ..."
        Anchored(r"\b(?:im|i['’]m|i[ \t]+am|its|it['’]s|this[ \t]+is|my[ \t]+name[ \t]+is)[ \t]+(?P<v>[a-z][a-z'’-]{1,20}[ \t]+"
             r"[a-z][a-z'’-]{1,20})(?=[ \t]*(?:[,.!;:?)]|$|\n|[ \t]+(?:btw|here|again|from|calling|speaking|dob|d\.o\.b|"
             r"date|born|and|i|im|i['’]m|my|age|aged|\d)\b))", 0.65, _lower_full_name_ok),
    ])
    signature = _with("CHAT_NAME", [
        # a dash signature closing a message, lower case: "-rangi", "- tui k"
        Anchored(r"[-–—~]{1,2}[ \t]*(?P<v>[a-z][a-z'’-]{2,20}(?:[ \t]+[a-z]\.?)?)[ \t]*\Z", 0.6, _signature_ok,
                 back=r"(?:^|\n)[ \t]*$"),
    ])
    return [*person, *form, *chat, *signature]
