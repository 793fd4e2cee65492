"""Fresh-15 name rules (persons after a role field label in any language, titles, honorifics and
kinship words, closings and senders, lower-case full names) and the note-level pass `name_variants` (re-exported by
phi_kinds15 and called from phi.PhiRedactor._analyze_chunk): short forms of a given name the note names someone with
and a lower-case given name at its other lower-case mentions.
"""

from __future__ import annotations

import unicodedata

import regex

from medrails.guard.phi_kinds15_common import _CAP, _DEPARTMENT_WORDS, _NAMECAP, _PARTICLE
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

# ---------------------------------------------------------------------------------------------
# names

# a person named by a role field label, in English or another language
_PERSON_LABEL = (r"(?i:client|consumer|member|resident|child|infant|service[ \t]+user|customer|participant|enrollee|"
                 r"beneficiary|insured|subscriber|claimant|applicant|employee|student|guardian|parent|mother|father|"
                 r"caregiver|carer|spouse|next[ \t]+of[ \t]+kin|nok|informant|patient|pt|tangata[ \t]+whaiora|whaiora|"
                 r"(?:patient|full|client|member|resident|child)['’]?s?[ \t]+name|name|nombre|paciente|nome|utente|"
                 r"patiente?|naam|navn|nimi|nom|pr[ée]noms?|nom[ \t]+(?:de[ \t]+naissance|d['’]usage)|nombres?|apellidos?|"
                 r"nombre[ \t]+del[ \t]+paciente|nome[ \t]+(?:completo|do[ \t]+paciente)|cognome|vorname|nachname|"
                 r"cliente|usu[aá]rio|assur[ée]e?|b[ée]n[ée]ficiaire|bewohner(?:in)?|"
                 r"versicherte[rn]?|patientin)")
_NOT_FIELD_WORD = (r"(?!(?:DOB|D\.O\.B|MRN|Sex|Age|ID|NHS|UR|URN|NHI|Gender|Date|Ward|Bed|Room|Rm|Unit|Tel|Ph|Phone|"
                   r"Visit|Member|Policy|Group|Plan|Address|Dx|Hosp|Hospital|Record|File|Acct)\b)")
_FIELD_NAME = (r"(?P<v>" + _NOT_FIELD_WORD + _NAMECAP + r",[ \t]*" + _NOT_FIELD_WORD + _NAMECAP + r"(?:[ \t]+"
               + _NOT_FIELD_WORD + r"(?:\p{Lu}\.?|" + _NAMECAP + r"))?|" + _NOT_FIELD_WORD + _NAMECAP
               + r"(?:[ \t]{1,3}(?:\p{Lu}\.[ \t]{1,3})?(?:" + _PARTICLE + r"[ \t]+)*" + _NOT_FIELD_WORD + _NAMECAP + r"){1,3})")
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Sister|Nurse|Mdm|Mme|Mlle|Rev)"
# honorifics and kinship titles of other languages (and English kin words that precede a name like a title)
_HONORIFIC = (r"(?i:doña|dona|don(?=[ \t]+\p{Lu})|se[ñn]ora|se[ñn]or|senhora|senhor|sra\.?|sr\.?|srta\.?|seu|tia|tio|tía|"
              r"tío|titi|vov[óô]|v[óô]|av[óô]|abuela|abuelo|abuelita|abuelito|nonna|nonno|madame|mme\.?|mlle\.?|monsieur|"
              r"herr|frau|signora|signor|sig\.ra|sig\.|mevrouw|meneer|mevr\.?|dhr\.?|mama|baba|bibi|mzee|mdm\.?|madam|"
              r"aunty|auntie|tita|tito|lola|lolo|kuya|nana|nan|gran|granny|oma|opa|bubbe|zayde|babcia|dziadek|babushka|"
              r"dedushka|yiayia|pappou|teta|tetka|ciocia|wujek|amca|teyze|abla|ammi|abbu|nani|dadi|chacha|chachi|mausi|"
              r"mami|papi|mamie|papy|tante|onkel|oom|tannie|ouma|oupa|koro|kuia|whaea|matua|kaka|dada|shangazi|mjomba)")
_CLOSING = (r"(?i:thanks?(?:[ \t]+(?:you|again|so[ \t]+much|a[ \t]+lot))?(?:[ \t]+(?:sir|ma['’]?am|madam|doctor|doc|dr|"
            r"nurse|all|everyone))?|thank[ \t]+you(?:[ \t]+(?:sir|ma['’]?am|madam|doctor|doc|dr|nurse|so[ \t]+much|"
            r"very[ \t]+much))?|many[ \t]+thanks|regards|kind[ \t]+regards|warm[ \t]+regards|best(?:[ \t]+(?:regards|"
            r"wishes))?|sincerely|yours(?:[ \t]+(?:sincerely|faithfully|truly))?|cheers|warmly|love|god[ \t]+bless|"
            r"blessings|take[ \t]+care|thanking[ \t]+you|respectfully|gracias|muchas[ \t]+gracias|saludos|atentamente|"
            r"obrigad[oa]|abraços|merci(?:[ \t]+beaucoup)?|cordialement|bien[ \t]+à[ \t]+vous|grüße|viele[ \t]+grüße|"
            r"mit[ \t]+freundlichen[ \t]+grüßen|ngā[ \t]+mihi|nga[ \t]+mihi|salamat|asante(?:[ \t]+sana)?|shukran|"
            r"dhanyavaad|grazie|dank[ \t]+je(?:[ \t]+wel)?|tack|takk)")
_RELATION = (r"(?i:mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|caregiver|carer|aunt|"
             r"uncle|grandma|grandmother|grandpa|grandfather|granddaughter|grandson|niece|nephew|guardian|friend|"
             r"neighbou?r|fianc[ée]e?|spouse|cousin|stepmom|stepdad|stepson|stepdaughter|flatmate|roommate|mate|boss)")


def _words_ok(value: str) -> bool:
    """Every word of a name (commas, brackets and initials aside) could be a name."""
    words = [w for w in regex.split(r"[ \t,]+", value) if w and not regex.fullmatch(r"\p{Lu}\.?", w)]
    return bool(words) and all(regex.fullmatch(_PARTICLE, w) or name_words_ok(w) for w in words)


def _given_or_words_ok(value: str) -> bool:
    """A lower-case word needs to be a known given name; a capitalized one needs only to be no common word."""
    from medrails.guard.phi_given_names import is_given_name

    word = value.split()[0]
    if word.islower() and not is_given_name(word):
        return False
    return _words_ok(value)


def _lower_full_name_ok(value: str) -> bool:
    """A lower-case "given surname": a lexicon given name that is no English word, then a word that is none either."""
    from medrails.guard.phi_given_names import _common_words, is_given_name
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    first, last = value.split()[0], value.split()[-1]
    if not is_given_name(first) or first in NAME_LIKE_WORDS or first in _common_words():
        return False
    if last.rstrip("-") in _common_words() or last in NAME_LIKE_WORDS:
        return False
    return _words_ok(value)


def _sender_ok(value: str) -> bool:
    return _words_ok(value) and not all(w.lower() in _DEPARTMENT_WORDS for w in value.split())


def _name_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("FORM_NAME", [
            # "Client: Ellsworth, Pearl   Visit date", "Member: Aurelio Fuentes-Ibarra   Member ID", "Patient:  John   Smith"
            Rule(r"(?m)(?:^|[ \t]{2,}|\|[ \t]*|\t)" + _PERSON_LABEL + r"[ \t]*:[ \t]*" + _FIELD_NAME
                 + r"(?=[ \t]*(?:$|[ \t]{2}|[,(|\t]))", 0.75, _words_ok, 0),
            # a title and an initial with OCR spaces: "Dr  N . Dlamini", "Dr N. K. Osei"
            Rule(r"\b" + _TITLE + r"\.?[ \t]+(?P<v>\p{Lu}[ \t]?\.[ \t]*(?:\p{Lu}[ \t]?\.[ \t]*)*" + _CAP + r")", 0.75,
                 lambda v: name_words_ok(v.split()[-1].split(".")[-1]), 0),
        ], "Fresh15FieldNameRecognizer"),
        RuleRecognizer("CHAT_NAME", [
            # an honorific or kinship title of another language: "doña Lupe", "tia Graça:", "Grupo "Vovó Cida""
            Rule(r"(?<=\S)(?=[ \t]+\p{Lu})(?<=(?<![\p{L}])" + _HONORIFIC + r")[ \t]+(?P<v>" + _CAP + r"(?:[ \t]+" + _CAP + r")?)(?![\p{L}])", 0.65,
                 _words_ok, 0),
            # the display name before an e-mail address, in a header of any language: "De: Beto <beto...@...>"
            Rule(r"(?m)^[ \t>]*(?i:from|de|von|van|da|fra|från|od|от|to|para|an|à|cc|sender|remitente|envoyé[ \t]+par|"
                 r"enviado[ \t]+por)[ \t]*:[ \t]*[\"']?(?P<v>\p{L}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]*){0,3})"
                 r"[\"']?[ \t]*<[^<>\s@]+@", 0.7, _sender_ok, 0),
            # the name line under a closing line: "Thank you sir,\nEmeka (0803 555 7712)", "Regards,\nPriya S"
            Rule(r"(?m)^[ \t]*" + _CLOSING + r"[ \t]*[,.!]*[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<v>" + _CAP + r"(?:[ \t]+(?:\p{Lu}\.?|" + _CAP
                 + r")){0,2})(?=[ \t]*(?:\(|,|$|[-–—|]))", 0.65, _sender_ok, 0),
            # a dash signature with the writer's relation in brackets: "-kasia (his mom)", "— Tom (son)"
            Rule(r"(?:^|[\s.!?])[-–—~][ \t]?(?P<v>\p{L}[\p{L}\p{M}'’-]{1,20}(?:[ \t]+\p{L}\.?)?)[ \t]*(?:\(|,)[ \t]*(?:(?i:"
                 r"his|her|their|the|pt['’]?s|patient['’]?s|your)[ \t]+)?" + _RELATION + r"[ \t]*(?:\)|[.!]*[ \t]*$)", 0.7,
                 _words_ok, regex.MULTILINE),
            # a lower-case full name standing as its own clause: "lol yes. sheila pruitt. mom is"
            Rule(r"(?:^|[.!?:;][ \t]+|\n[ \t]*)(?P<v>[a-z][a-z'’]{2,}[ \t]+[a-z][a-z'’]{2,}(?:-[a-z]{2,})?)(?=[ \t]*(?:[.,!?;]|$))",
                 0.6, _lower_full_name_ok, regex.MULTILINE),
            # a relative named after a place phrase: "the son from ohio, bobby, is flying in"
            Rule(r"\b(?i:the|my|her|his|their|pt['’]?s|patient['’]?s|our)[ \t]+" + _RELATION + r"[ \t]+(?i:from|in|at|"
                 r"out[ \t]+of|up[ \t]+in|down[ \t]+in)[ \t]+[\p{L}'’.-]+(?:[ \t]+[\p{L}'’.-]+)?[ \t]*,[ \t]*(?P<v>\p{L}"
                 r"[\p{L}\p{M}'’-]+(?:[ \t]+\p{L}[\p{L}\p{M}'’-]+)?)[ \t]*,", 0.65, _given_or_words_ok, 0),
            # a lower-case self-introduction with a surname: "im sara lindqvist btw", "this is raj patel from 4B"
            Rule(r"\b(?:i['’]?m|i[ \t]+am|this[ \t]+is|it['’]?s|my[ \t]+name[ \t]+is|name['’]s)[ \t]+(?P<v>[a-z][a-z'’]{1,20}"
                 r"[ \t]+[a-z][a-z'’-]{1,25})(?=[ \t]*(?:[,.!?(]|$|btw\b|here\b|from\b|calling\b|and\b|again\b|"
                 r"the\b|your\b|ur\b))", 0.6, _lower_full_name_ok, regex.IGNORECASE),
        ], "Fresh15ChatNameRecognizer"),
        RuleRecognizer("PERSON", [
            # a capitalised word before an age in brackets: "Maya (3 yo)", "Tama (age 3)", "Ahmed (7 mo)"
            Rule(r"\b(?=\p{Lu}[\p{L}\p{M}'’-]*[ \t]*\()(?P<v>" + _CAP + r")[ \t]*\([ \t]*(?:(?i:age|aged)[ \t]*:?[ \t]*"
                 r"\d{1,3}(?:[ \t]*(?i:yo|y/o|yrs?|years?|"
                 r"mo|months?|wks?|weeks?))?|\d{1,3}[ \t]*(?i:yo|y/o|y\.o\.|yrs?(?:[ \t]+old)?|years?[ \t]+old|mo|months?"
                 r"(?:[ \t]+old)?|wks?|weeks?[ \t]+old))[ \t]*\)", 0.65, _words_ok, 0),
        ], "Fresh15AgeBracketNameRecognizer"),
    ]


# ---------------------------------------------------------------------------------------------
# note-level pass: short forms of a given name, lower-case repeats

_WORD = regex.compile(r"(?<![\p{L}\p{M}'’.-])\p{L}[\p{L}\p{M}]*(?![\p{L}\p{M}]|-\p{L}|['’]\p{L}{2})")
_DIMINUTIVE = ("inha", "inho", "cita", "cito", "ita", "ito", "ie", "ey", "y", "i", "e", "o", "a", "s")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


# pet forms that share no stem with their name (English): the note's "Margaret" makes its "Peggy" a name
_PET_FORMS = {
    "william": {"bill", "billy", "will", "willy", "liam"}, "robert": {"bob", "bobby", "rob", "robbie", "bert"},
    "richard": {"dick", "rick", "ricky", "rich", "richie"}, "margaret": {"peggy", "maggie", "meg", "madge", "greta"},
    "elizabeth": {"betty", "bess", "bessie", "beth", "liz", "lizzie", "libby", "eliza", "betsy"},
    "john": {"jack", "johnny"}, "edward": {"ted", "teddy", "ned", "eddie"}, "sarah": {"sally", "sadie"},
    "mary": {"polly", "molly", "mamie", "mae"}, "henry": {"hank", "harry", "hal"}, "charles": {"chuck", "charlie"},
    "james": {"jim", "jimmy", "jamie"}, "anthony": {"tony"}, "theodore": {"ted", "teddy", "theo"},
    "catherine": {"kate", "katie", "cathy", "kitty"}, "katherine": {"kate", "katie", "kathy", "kitty"},
    "dorothy": {"dot", "dottie", "dolly"}, "patricia": {"patsy", "trish", "pat"}, "alexander": {"sasha", "sandy", "alex"},
    "francis": {"frank", "frankie"}, "frances": {"fran", "fanny"}, "lawrence": {"larry"}, "joseph": {"joe", "joey"},
    "susan": {"sue", "susie"}, "helen": {"nell", "nellie"}, "eleanor": {"nell", "nellie", "ellie"},
    "christopher": {"kit", "chris"}, "josephine": {"jo", "josie"}, "gertrude": {"gertie", "trudy"},
}


def _short_form(short: str, long: str) -> bool:
    """`short` is a short or pet form of `long` (both folded): a stem of it after a diminutive ending opens `long`
    ("winnie" -> "win" of "winifred", "seanie" -> "sean", "gabe" -> "gab" of "gabriel", "cidinha" -> "cid" of "cida"),
    a two-letter head ("wi" of "wiremu"), or it closes `long` ("retta" of "loretta", "lupe" of "guadalupe")."""
    if short == long or len(long) < 4:
        return False
    if short in _PET_FORMS.get(long, ()):
        return True
    if len(short) == 2:
        return long.startswith(short)
    stems = {short}
    for ending in _DIMINUTIVE:
        if short.endswith(ending) and len(short) - len(ending) >= 3:
            stems.add(short[: -len(ending)])
    stems |= {t[:-1] for t in stems if len(t) >= 4 and t[-1] == t[-2]}
    if any(len(t) >= 3 and long.startswith(t) for t in stems):
        return True
    return len(short) >= 4 and long.endswith(short)


def _name_sources(text: str, spans: list) -> tuple[set[str], set[str]]:
    """(given names of the note's NAME spans, folded; lower-case given names as written)."""
    from medrails.guard.phi_given_names import is_given_name

    given, lower = set(), set()
    for s in spans:
        if s.label != "NAME":
            continue
        value = text[s.start:s.end]
        words = _WORD.findall(value)
        if not words:
            continue
        first = words[1] if "," in value and len(words) > 1 else words[0]
        for w in words:
            if (w == first or is_given_name(w)) and len(w) >= 4:
                given.add(_fold(w))
            if w.islower() and is_given_name(w):
                lower.add(w)
    return given, lower


def name_variants(text: str, spans: list, zones: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the short forms of a given name the note names someone with, and of the other lower-case
    mentions of a lower-case given name; each a word no common, medical or calendar word."""
    from medrails.guard.phi_given_names import _common_words, is_given_name
    from medrails.guard.phi_suppression import _STOP_CAPS, suppression_reason
    from medrails.guard.phi_vocabulary import NAME_LIKE_WORDS

    given, lower = _name_sources(text, spans)
    if not given and not lower:
        return []
    covered = [(s.start, s.end) for s in spans]
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if any(a < m.end() and m.start() < b for a, b in covered) or word in _STOP_CAPS:
            continue
        folded = _fold(word)
        if word.islower():
            if word in NAME_LIKE_WORDS or folded in _common_words():
                continue
            # a lower-case short form only when it is itself a given name ("gabe"; "graças" is a word of "Graça")
            hit = word in lower or len(word) >= 4 and is_given_name(word) and any(_short_form(folded, g) for g in given)
        elif word[:1].isupper() and word[1:].islower() or len(word) == 2 and word[0].isupper() and word[1].islower():
            if folded in _common_words() or len(word) == 2 and text[m.end():m.end() + 1] in ".-":
                continue
            hit = any(_short_form(folded, g) for g in given)
        else:
            continue
        entity = "CHAT_NAME" if word.islower() else "GIVEN_NAME"
        # capitalized for the word test: a lower-case given name may end like a verb ("fred", "ted")
        if hit and name_words_ok(word.title()) and not suppression_reason(text, entity, m.start(), m.end(), zones):
            out.append(m.span())
    return out
