"""Fresh-14 name recognizers: names in capitals after a name label in any language, before an
identifier or birth-date field or after "certify that", "SURNAME, Given", "Re:", a child before "(3 yo)", dash
signatures, lower-case and other-language self-introductions and greetings, and dictation lines holding capitals
and a practice named there.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

from medrails.guard.phi_kinds14_common import _CAP, _LOW, _PARTICLES, _UPW, _result
from medrails.guard.phi_recognizers import Rule, RuleRecognizer, name_words_ok

# ---------------------------------------------------------------------------------------------
# names

_HONORIFIC = (r"(?:(?:Mr|Mrs|Ms|Miss|Mme|Mlle|M|Sr|Sra|Srta|Sig|Sig\.ra|Herr|Frau|Dr|Dra|Dott|Dott\.ssa|Tuan|Puan|Encik|"
              r"MR|MRS|MS|MISS|MME|MLLE|SR|SRA|DR|DRA)\.?[ \t]+)")
_NAME_LABELS = (r"(?i:(?:full[ \t]+)?name(?:[ \t]+of[ \t]+(?:patient|client|member))?|patient(?:['’]s)?[ \t]+name|"
                r"nombre(?:s)?(?:[ \t]+(?:completo|del?[ \t]+paciente|de[ \t]+la[ \t]+paciente))?|"
                r"apellidos?(?:[ \t]+y[ \t]+nombres?)?|nome(?:[ \t]+(?:completo|d[oa][ \t]+paciente|d[oa][ \t]+utente))?|"
                r"nom(?:[ \t]+(?:du[ \t]+patient|de[ \t]+(?:la[ \t]+)?patiente?|de[ \t]+naissance|d['’]usage))?|"
                r"pr[ée]nom|patient(?:\(e\)|e)?|paciente|utente|doente|derechohabiente|asegurado|beneficiario|"
                r"naam|navn|namn|nimi|vorname|nachname|cognome|nominativo|nama(?:[ \t]+pesakit)?|pangalan|jina)")
_NAME_WORD = r"(?:" + _UPW + r"|" + _CAP + r")"
# words of a name one space apart, or two where a scanner doubled it (the next word is no field label before a colon)
_NAME_SPACE = r"(?:[ \t]|[ \t]{2}(?=\p{Lu}[\p{L}\p{M}'’-]+(?![\p{L}\p{M}'’-]|[ \t]*:)))"
_LABELLED_NAME = regex.compile(r"\b" + _NAME_LABELS + r"[ \t]*:[ \t]*" + _HONORIFIC + r"?(?P<v>" + _UPW
                               + r"(?:" + _NAME_SPACE + r"(?:" + _PARTICLES + r"[ \t])*" + _NAME_WORD + r"){0,4})"
                               r"(?=[ \t]{2,}|[ \t]*(?:$|\n|,|;|\(|\||/))", regex.MULTILINE)
_ID_FIELD = (r"(?:NRIC(?:/FIN)?|FIN|IC|DOB|D\.O\.B\.?|MRN|UR|URN|NHI|NHS|ID|Hosp|Age|Sex|Born|N[ée]e?|Fecha|Edad|Sexo|"
             r"CPF|CURP|NSS|Idade|Date[ \t]+of[ \t]+birth|Passport|PPSN|SSN|Medicare)\b")
_CAPS_BEFORE_FIELD = regex.compile(r"(?<![\p{L}\d,][ \t]?)(?P<v>" + _UPW + r"(?:[ \t](?:" + _PARTICLES + r"[ \t])*" + _UPW
                                   + r"){1,4})(?=[ \t]{2,}" + _ID_FIELD + r")")
_CERTIFY = regex.compile(r"\b(?i:certify[ \t]+that|certifies[ \t]+that|confirm[ \t]+that|confirms[ \t]+that|"
                         r"this[ \t]+is[ \t]+to[ \t]+(?:certify|confirm)[ \t]+that|examined)[ \t]+" + _HONORIFIC
                         + r"?(?P<v>" + _UPW + r"(?:[ \t](?:" + _PARTICLES + r"[ \t])*" + _UPW + r"){1,4})(?![\p{L}])")
# "MOLEFE, Thandi", "VAN DEN BERG, Anneke": a surname in capitals, a comma, a given name
_CAPS_LAST_FIRST = regex.compile(r"(?<![\p{L}\d])(?P<v>(?:" + _PARTICLES + r"[ \t]+)*" + _UPW + r"(?:[ \t]+" + _UPW
                                 + r")?,[ \t]*\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)?)"
                                 r"(?![\p{L}])(?P<after>[^\n]{0,24})")
_REJECT_NAME = frozenset("""
unknown pending refused anonymous none n/a na not stated withheld confidential redacted unnamed baby infant male female
same see chart above below per record patient self test sample demo
""".split())


def _caps_name_ok(value: str) -> bool:
    words = [w for w in regex.split(r"[\s,]+", value) if w and not regex.fullmatch(_PARTICLES, w)]
    if not words or any(w.lower().strip(".") in _REJECT_NAME for w in words):
        return False
    return name_words_ok(" ".join(w.title() for w in words))


def _given_in(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return any(is_given_name(w) for w in regex.split(r"[\s,]+", value) if w)


class NameFieldRecognizer(EntityRecognizer):
    """Names placed by a form: in capitals after a name label in any language, in capitals before an identifier or
    birth-date field or after "certify that", and "SURNAME, Given" with the surname in capitals."""

    def __init__(self):
        super().__init__(supported_entities=["FORM_NAME"], name="Fresh14NameFieldRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if not regex.search(r"\p{Lu}{2}", text):
            return []
        results = []
        lowered = text.lower()
        gates = (":" in text, "  " in text or "\t" in text, "certif" in lowered or "confirm" in lowered or "examined" in lowered)
        for pattern, gate in zip((_LABELLED_NAME, _CAPS_BEFORE_FIELD, _CERTIFY), gates, strict=True):
            if not gate:
                continue
            for m in pattern.finditer(text):
                if _caps_name_ok(m.group("v")):
                    results.append(_result(self, "FORM_NAME", m.start("v"), m.end("v"), 0.8))
        for m in _CAPS_LAST_FIRST.finditer(text) if "," in text else ():
            value, after = m.group("v"), m.group("after")
            placed = regex.match(r"[ \t]*(?:\([ \t]*\d{1,3}[ \t]*[MFmf]?|[ \t]{2,}|,?[ \t]*(?:DOB|D\.O\.B|MRN|Hosp|UR|NHI|"
                                 r"NHS|ID|Age|Bed|Rm|Room)\b|$)", after)
            if regex.match(r"[ \t]+\d(?![\d]{0,2}[ \t]*[MFmf]\b)", after):
                continue  # "MO, Ward 76": a role and a ward, not a name
            if (placed or _given_in(value.split(",", 1)[1])) and _caps_name_ok(value):
                results.append(_result(self, "FORM_NAME", m.start("v"), m.end("v"), 0.75))
        return results


_SELF_INTRO_LANG = (r"(?:ako[ \t]+(?:po[ \t]+)?(?:ay[ \t]+)?si|me[ \t]+llamo|mi[ \t]+nombre[ \t]+es|je[ \t]+m['’]appelle|"
                    r"mon[ \t]+nom[ \t]+est|mein[ \t]+name[ \t]+ist|mi[ \t]+chiamo|il[ \t]+mio[ \t]+nome[ \t]+[èe]|"
                    r"me[ \t]+chamo|meu[ \t]+nome[ \t]+[ée]|mijn[ \t]+naam[ \t]+is|jeg[ \t]+heter|jag[ \t]+heter|"
                    r"nama[ \t]+(?:saya|ku)|ang[ \t]+pangalan[ \t]+ko[ \t]+ay|jina[ \t]+langu[ \t]+ni|ingoa[ \t]+ko|"
                    r"ko[ \t]+(?=\p{Lu}\p{Ll}+[ \t]+(?:ahau|toku))|ismi|benim[ \t]+ad[ıi]m)")
_SELF_INTRO_WEAK = r"(?:soy|je[ \t]+suis|ich[ \t]+bin|sono|sou[ \t]+(?:o|a)|ik[ \t]+ben|c['’]est|aqu[íi][ \t]+(?:habla|es))"
_GREETINGS = (r"(?:kia[ \t]+ora|t[eē]n[aā][ \t]+koe|talofa(?:[ \t]+lava)?|m[aā]lō[ \t]+e[ \t]+lelei|malo[ \t]+e[ \t]+lelei|"
              r"bula(?:[ \t]+vinaka)?|aloha|namaste|namaskar|salaam|salam|as-?salaam?u[ \t]+alaikum|shalom|hola|buenos[ \t]+"
              r"d[íi]as|buenas(?:[ \t]+(?:tardes|noches))?|bonjour|bonsoir|salut|ciao|buongiorno|ol[áa]|bom[ \t]+dia|"
              r"boa[ \t]+tarde|hallo|guten[ \t]+tag|hej|hei|god[ \t]+morgen|merhaba|marhaba|sawubona|molo|dumela|jambo|"
              r"habari|kumusta|magandang[ \t]+(?:umaga|hapon|gabi)|mabuhay|selamat[ \t]+(?:pagi|siang|sore|malam)|"
              r"xin[ \t]+ch[àa]o|ni[ \t]+hao|sat[ \t]+sri[ \t]+akal|vanakkam|sannu|ndewo|bawo|good[ \t]+day|g['’]day|"
              r"howzit|kaixo|dia[ \t]+dhuit)")


_ROMANCE_FUNCTION_WORDS = frozenset("""
de del la el al los las que y o a e en con por para da do das dos du le les des un une una uno est es qui se su sus
""".split())


def _mister_ok(value: str) -> bool:
    """"mister calloway": a name; "el señor de al lado": function words of the sentence, no name."""
    return not any(w in _ROMANCE_FUNCTION_WORDS for w in value.split()) and name_words_ok(value)


def _intro_name_ok(value: str) -> bool:
    return name_words_ok(value)


def _given_first_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    words = value.split()
    return is_given_name(words[0]) and name_words_ok(value)


def _lower_given_ok(value: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    words = value.split()
    return is_given_name(words[0]) and all(name_words_ok(w) for w in words)


_INTRO_AFTER = r"(?:again|btw|here|calling|speaking|writing|texting|from|frm|fr)"


_SENTENCE_START = regex.compile(r"(?m)^[ \t]*|[.!?:][ \t]+")
_GREETING_NAME = regex.compile(r"(?i:" + _GREETINGS + r")[ \t]*,?[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}"
                               r"[\p{Ll}\p{M}'’-]+)?)(?=[ \t]*(?:[,!.:\n—-]|$))")


class GreetingNameRecognizer(EntityRecognizer):
    """A name after a greeting in another language opening a line or sentence: "Kia ora Hemi,", "Talofa Sione",
    "Hola Marisol," (the greeting is matched only where a sentence starts: a few places per message)."""

    def __init__(self):
        super().__init__(supported_entities=["CHAT_NAME"], name="GreetingNameRecognizer", supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for start in _SENTENCE_START.finditer(text):
            m = _GREETING_NAME.match(text, start.end())
            if m and _intro_name_ok(m.group("v")):
                results.append(_result(self, "CHAT_NAME", m.start("v"), m.end("v"), 0.6))
        return results


def _name_recognizers() -> list:
    chat = RuleRecognizer("CHAT_NAME", [
        # a lower-case writer naming themself, then a word a name takes: "its tomasz again (...)", "im jo btw"
        Rule(r"\b(?:its|it['’]s|this[ \t]+is|im|i['’]m|i[ \t]+am)[ \t]+(?P<v>" + _LOW + r"(?:[ \t]+(?!" + _INTRO_AFTER
             + r"\b)" + _LOW + r")?)(?=[ \t]*\(|[ \t]+" + _INTRO_AFTER + r"\b)", 0.6,
             _lower_given_ok, 0),
        # a lower-case given name before "'s" and a kinship word: "(ana's dad)", "kemi's wife"
        Rule(r"\b(?P<v>" + _LOW + r")['’]s[ \t]+(?:daughter|son|wife|husband|mom|mum|mother|dad|father|sister|brother|"
             r"partner|grandson|granddaughter|grandma|grandpa|niece|nephew|carer|caregiver|aunt|uncle|cousin|friend|"
             r"girlfriend|boyfriend|fianc[ée]e?|neighbou?r|kids?|children|child|baby)\b", 0.6, _lower_given_ok, 0),
        # a self-introduction in another language: "ako po si Marites", "me llamo Inés", "mein Name ist Jonas"
        Rule(r"\b(?i:" + _SELF_INTRO_LANG + r")[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?)",
             0.65, _intro_name_ok, 0),
        Rule(r"\b(?i:" + _SELF_INTRO_WEAK + r")[ \t]+(?P<v>\p{Lu}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}\p{M}'’-]+)?)",
             0.6, _given_first_ok, 0),
        # a lower-case name after "mister" / "missus" or their forms in other languages: "mister calloway is ..."
        Rule(r"\b(?:mister|missus|se[ñn]or|se[ñn]ora|senhor|senhora|monsieur|madame)[ \t]+(?P<v>" + _LOW + r")\b", 0.6,
             _mister_ok, 0),
        Rule(r"\b(?:mister|missus|se[ñn]or|se[ñn]ora|senhor|senhora|monsieur|madame)[ \t]+(?P<v>" + _LOW + r"[ \t]+"
             + _LOW + r")\b", 0.6, _mister_ok, 0),
        # a given name signing a message after a dash at its very end: "... see you then — Anjali"
        Rule(r"(?:^|\s)(?:—|–|--|-|~)[ \t]*(?P<v>\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)[ \t]*\Z", 0.6, _given_first_ok, 0),
    ], "Fresh14ChatNameRecognizer")
    person = RuleRecognizer("FORM_NAME", [
        # the subject of a letter after "Re:" / "Regarding:", before a field, a comma or the line's end
        Rule(r"(?m)^[ \t]*(?i:re|regarding|ref|patient|pt|subject)[ \t]*:[ \t]*" + _HONORIFIC + r"?(?P<v>" + _CAP
             + r"(?:[ \t]+(?:" + _PARTICLES + r"[ \t]+)*" + _CAP + r"){1,3})(?=[ \t]{2,}|[ \t]*[,(;|]|[ \t]+(?i:DOB|D\.O\.B|"
             r"born|MRN|NHS|NHI|UR|URN|Medicare|age|aged)\b|[ \t]*$)", 0.7, name_words_ok, 0),
        # a given name alone in a name field: "Patient: Ana", "Nome: Thiago   Idade: 4"
        Rule(r"(?m)\b(?i:patient|pt|name|client|resident|member|child|baby|infant|nombre|nome|nom)[ \t]*:[ \t]*(?P<v>\p{Lu}"
             r"\p{Ll}[\p{Ll}\p{M}'’-]+)(?=[ \t]*$|[ \t]{2,}|[ \t]*[,(])", 0.7, _given_first_ok, 0),
        # a child or person named before an age in parentheses: "Mia (3 yo)", "Tane (age 6)", "Rosa (4 mo)"
        Rule(r"\b(?P<v>\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]+\p{Lu}\p{Ll}[\p{Ll}\p{M}'’-]+)?)[ \t]*\([ \t]*(?:\d{1,2}[ \t]*"
             r"(?:yo|y/o|y\.o\.|yrs?|years?(?:[ \t]+old)?|mo|mos|months?(?:[ \t]+old)?|wks?|weeks?)|(?i:age|aged)[ \t]*"
             r"\d{1,2})[ \t]*\)", 0.65, name_words_ok, 0),
    ], "Fresh14PlacedNameRecognizer")
    return [chat, person, GreetingNameRecognizer()]


# ---------------------------------------------------------------------------------------------
# dictation with capitals in it

_DICTATION_FACILITY_HEADS = (r"(?:family[ \t]+(?:medicine|practice|health(?:[ \t]+cent(?:er|re))?)|medical[ \t]+(?:group|"
                             r"practice|cent(?:er|re)|clinic)|health[ \t]+cent(?:er|re)|clinic|surgery[ \t]+cent(?:er|re)|"
                             r"(?:orthop(?:a)?edics|cardiology|dermatology|urology|oncology|neurology|rheumatology|"
                             r"pediatrics|paediatrics)(?:[ \t]+(?:associates|group|clinic|cent(?:er|re)))?|associates|"
                             r"urgent[ \t]+care|physicians|primary[ \t]+care)")
_DICTATION_FACILITY = regex.compile(r"\b(?:at|from|to|with|copy[ \t]+to)[ \t]+(?:the[ \t]+)?(?P<v>(?:" + _LOW
                                    + r"[ \t]+){1,3}?" + _DICTATION_FACILITY_HEADS + r")\b")


class DictationCapsRecognizer(EntityRecognizer):
    """Dictation lines (spoken punctuation) that hold ALL-CAPS spelling or abbreviations but no capitalised word
    ("... that's F A I R W E A T H E R ... DAS twenty eight ..."): read as the all-lower-case dictation lines are;
    and, in any dictation line, a practice named in lower case ("copy to ... at brookfield family medicine")."""

    def __init__(self):
        from medrails.guard.phi_kinds7 import DictationRecognizer

        self._inner = DictationRecognizer()
        super().__init__(supported_entities=list(DictationRecognizer.ENTITIES), name="DictationCapsRecognizer",
                         supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        from medrails.guard.phi_kinds6 import named_place_ok
        from medrails.guard.phi_kinds7 import _DICTATION, _name_word

        if not _DICTATION.search(text):
            return []
        results: list[RecognizerResult] = []
        pos = 0
        for line in text.split("\n"):
            lower_only = not any(c.isupper() for c in line)
            capsy = not lower_only and not regex.search(r"\b\p{Lu}\p{Ll}", line)
            if len(line) > 60 and capsy:  # the inner recognizer's results, reported as this recognizer's own
                results.extend(_result(self, r.entity_type, r.start, r.end, r.score) for r in self._inner._line(line, pos))
            if len(line) > 60 and (lower_only or capsy):
                for m in _DICTATION_FACILITY.finditer(line):
                    words = m.group("v").split()
                    head = regex.search(_DICTATION_FACILITY_HEADS + r"$", m.group("v")).group()
                    lead = m.group("v")[: len(m.group("v")) - len(head)].split()
                    while lead and not _name_word(lead[0]):
                        lead.pop(0)
                    if not lead or not all(_name_word(w) for w in lead) or not named_place_ok(" ".join(lead)):
                        continue
                    end = pos + m.end("v")
                    start = end - len(" ".join(lead)) - 1 - len(head) if words else end
                    results.append(_result(self, "FACILITY", start, end, 0.7))
            pos += len(line) + 1
        return results
