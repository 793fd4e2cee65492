"""PHI kinds of lane a of the eighteenth round: dates, numbers and identifiers written in other languages, spoken, or
spaced out. Each kind is written by its structure (a month word of a language, a label, a cue word before a partial
date, the layout of digit groups), never by a note's own value; the examples below are new wording
(tests/guard/test_phi_kinds18_dates.py), each with a twin that stays unredacted.

Recognizers (regexes, no model; one registry entry, `Kinds18DatesRecognizer`):
- dates with a month word of French, Spanish, Portuguese, Italian, German or Dutch (full or abbreviated): "le 7 avril
  2023", "12 de agosto de 2021", "3. Dezember 2022", "21 settembre", "mai 2020";
- Hijri dates: "14 Shawwal 1444", "2 Rabi al-Awwal 1446 AH";
- a day/month without a year where the words around say date: after a visit or booking verb or a preposition of time
  ("seen 6/8", "booked for 12/04", "dates 12/4 to 16/4", "has 3/11 at 10am"), in brackets after a procedure ("repair
  (11/12)"); a month/year in brackets ("(07/2022)"); a year-first date with spaces around its slashes;
- spoken days: an ordinal after "on the" / "since the" ("on the 9th", "on the, um, twenty-third");
- ages over 89 in other languages ("93-jährige", "âgée de 91 ans", "de 95 años");
- identifiers: a national number written as spaced digit groups after an identity label ("Aadhaar : 5512  0843
  7721", "N° de sécurité sociale : 1 84 12 ..."); a reference after "Our ref:", "Ref.", "Réf." ("Our ref:
  OPD/CARD/24/118"); a clinician's registration number after its council's label ("CRM-SP 12.345", "RPPS
  10101234567", "GMC 7012345", "AHPRA MED0001234567", "MCI reg no. 54321"); a pathology accession in a table cell
  ("| H24-10457 |"); a record number spelled out ("M R N four one ...", "chart number is K as in kilo, two two ...").

False positives (`kind18_dates_reason`, called by phi_suppression.suppression_reason): a score out of ten after a rating,
symptom or Apgar word ("mood 4/10", "pressure x 2 h, 7/10", "Apgar 8/10 and 9/10"); a slash pair that cannot be a
date ("17/17 plates"); a range in a table cell or of days, a spine level, a duration ("20-39", "days 1-14", "L4-5",
"30-60 seconds"); a pharmacy routing number ("BIN 610502"); a policy's own code ("Policy RX-GLP1-4.1").
"""

from __future__ import annotations

import regex

from medrails.guard.phi_combined import CombinedRecognizer
from medrails.guard.phi_recognizers import Rule, RuleRecognizer

# month words of six languages, full and abbreviated (an abbreviation may carry a period)
_MONTH_FULL = (r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|"
               r"decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
               r"diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro|gennaio|febbraio|"
               r"aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|Januar|Jänner|Februar|März|Maerz|April|Juni|Juli|"
               r"Oktober|Dezember|januari|februari|maart|juni|juli|augustus|oktober)")
_MONTH_ABBR = (r"(?:janv|févr|fevr|avr|juil|sept|déc|ene|feb|abr|jun|jul|ago|dic|fev|out|dez|genn|febb|magg|giu|lug|"
               r"sett|ott|Jän|Feb|Mär|Okt|Dez|mrt|okt|mei)\.?")
_DAY = r"(?:1er|1º|1°|0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:1[89]\d{2}|20\d{2})"
_OF = r"(?:de|del|do|da)"
# "7 avril 2023", "12 de agosto de 2021", "3. Dezember 2022", "21 settembre"; an abbreviation needs its year
_FOREIGN_DATE = (r"(?<![\w/.,-])(?P<v>" + _DAY + r"\.?[ \t]+(?:" + _OF + r"[ \t]+)?(?:" + _MONTH_FULL + r"(?:[ \t]+(?:"
                 + _OF + r"[ \t]+)?" + _YEAR + r")?|" + _MONTH_ABBR + r"[ \t]+(?:" + _OF + r"[ \t]+)?" + _YEAR + r"))(?![\w])")
# a month word and its year: "mai 2020", "março de 2019"
_FOREIGN_MONTH_YEAR = r"(?<![\w])(?P<v>" + _MONTH_FULL + r"[ \t]+(?:" + _OF + r"[ \t]+)?" + _YEAR + r")(?![\w])"

_HIJRI_MONTH = (r"(?:Muharram|Safar|Rabi['’]?[ \t-]?(?:al|ul|el)?[ \t-]?(?:Awwal|Akhir|Thani|Aakhir|I{1,2})|"
                r"Jumad[ae][ \t-]?(?:al|ul|el)?[ \t-]?(?:Awwal|Ula|Akhir|Akhirah|Thani|Thaniyah|I{1,2})|Rajab|Sha['’]?ban|"
                r"Rama[dz]an|Shawwal|Dhu[ \t-]?al[ \t-]?(?:Qi['’]?dah|Hijjah)|Dhul[ \t-]?(?:Qi['’]?dah|Hijjah)|"
                r"Zul[ \t-]?(?:Qa['’]?dah|Hijjah))")
_HIJRI = r"(?<![\w/])(?P<v>" + _DAY + r"[ \t]+" + _HIJRI_MONTH + r"[ \t]+1[34]\d{2})(?!\d)"

# a day/month pair with no year (either order); the cue around it says it is a date
_PAIR = r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|[12]\d|3[01])"
_PAIR_CUE = (r"(?:on|from|until|till|til|thru|through|since|before|after|dated|dates?|visited|visit|seen|admitted|"
             r"discharged|scheduled|booked|rebooked|moved[ \t]+to|due|has|para|até|hasta|desde|depuis|jusqu['’]au|du|au|"
             r"vom|bis|dal|al)")
_NOT_DATE_AFTER = regex.compile(r"^[ \t]*(?:strength|power|pain|of\b|tabs?\b|tablets?|caps?\b|plates|score|scale|mmhg|"
                                r"mm\b|cm\b|ml\b|mg\b|units?|doses?|breaths|beats|fingers|digits|vision|acuity|correct|"
                                r"positive|negative|cores?|nodes?|lymph|sessions|times|x\b|%)", regex.IGNORECASE)
_PROCEDURE = r"(?:\p{L}{3,}(?:ectomy|ostomy|otomy|plasty|oscopy|pexy|rrhaphy)|surgery|repair|arthroplasty|fixation|replacement|ORIF|CABG|PCI|TURP|C-section|delivery|biopsy|transplant)"


def _pair_ok(value: str) -> bool:
    """Both readings of a slash pair (day/month, month/day) that could be a date, and no fraction's shape."""
    a, b = (int(x) for x in value.split("/"))
    return (a <= 12 or b <= 12) and not (a == 1 and b in (2, 3, 4, 8))


def _pair_after_ok(text_after: str) -> bool:
    return not _NOT_DATE_AFTER.match(text_after)


class _CuedPairRecognizer(RuleRecognizer):
    """A rule recognizer whose day/month pairs are dropped before a dose, a score or a fraction's noun."""

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        if "/" not in text:
            return []
        return [r for r in super().analyze(text, entities, nlp_artifacts) if _pair_after_ok(text[r.end:r.end + 20])]


_ORDINAL_WORD = (r"(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                 r"twentieth|twenty[ -](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
                 r"thirty[ -]first)")
_ORDINAL = r"(?:(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)|" + _ORDINAL_WORD + r")"
_FILLER = r"(?:[ \t]*,?[ \t]*(?:uh|um|er|erm|like)[ \t]*,?)?"
_ORDINAL_AFTER = (r"(?=[ \t]*(?:$|[,.;!?)]|(?:and|at|or|to|but|so|when|because|then|her|his|him|my|our|their|i|we|she|he|"
                  r"they|it|you|was|is|and|which|that)\b))")


def _date_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("SPOKEN_DATE", [  # no English month word: the generic date check (phi_suppression) would drop it
            Rule(_FOREIGN_DATE, 0.7, None, regex.IGNORECASE,
                 needs=r"(?:" + _MONTH_FULL + r"|" + _MONTH_ABBR + r")"),
            Rule(_FOREIGN_MONTH_YEAR, 0.65, None, regex.IGNORECASE, needs=_MONTH_FULL),
            Rule(_HIJRI, 0.7, None, regex.IGNORECASE, needs=r"1[34]\d{2}"),
            # a month/year in brackets: "(07/2022)"
            Rule(r"\((?P<v>(?:0?[1-9]|1[0-2])/(?:19|20)\d{2})\)", 0.65, None, 0),
            # a year-first date with spaces around its slashes: "1979 / 11 / 23"
            Rule(r"(?<![\d/])(?P<v>(?:19|20)\d{2}[ \t]*/[ \t]*(?:0?[1-9]|1[0-2])[ \t]*/[ \t]*(?:0?[1-9]|[12]\d|3[01]))(?![\d/])",
                 0.65, None, 0),
            # a spoken day: "on the 9th", "since the, um, twenty-third"
            Rule(r"\b(?i:on|since|by|until|till|from|before|after)[ \t]+(?i:the)" + _FILLER + r"[ \t]+(?P<v>(?i:" + _ORDINAL
                 + r"))" + _ORDINAL_AFTER, 0.6, None, regex.IGNORECASE),
        ], "Kinds18ForeignDateRecognizer"),
        _CuedPairRecognizer("CUED_DATE", [
            # a day/month pair after a cue of time: "seen 6/8", "dates 12/4 to 16/4", "agendada para 12/04"
            Rule(r"\b" + _PAIR_CUE + r"[ \t]*:?[ \t]+(?:the[ \t]+)?(?P<v>" + _PAIR + r")(?![\w/]|[.,]\d)", 0.6, _pair_ok,
                 regex.IGNORECASE),
            # a pair before a clock time: "has 3/11 at 10am"
            Rule(r"(?<![\w/.])(?P<v>" + _PAIR + r")[ \t]+(?:at|@)[ \t]*\d{1,2}(?::\d{2})?[ \t]*(?:am|pm|a\.m\.|p\.m\.|h)?\b",
                 0.6, _pair_ok, regex.IGNORECASE),
            # a pair in brackets after a procedure: "knee arthroplasty (11/12)"
            Rule(r"\b" + _PROCEDURE + r"[ \t]*\((?P<v>" + _PAIR + r")\)", 0.6, _pair_ok, regex.IGNORECASE),
        ], "Kinds18PartialDateRecognizer"),
        _CuedPairRecognizer("SPOKEN_DATE", [
            # both ends of a range after "dates" or "between": "dates 12/4 to 16/4" (a score's range is checked in
            # phi_suppression only for CUED_DATE; a date word is the stronger cue here; the higher score wins Presidio's
            # choice between equal spans)
            Rule(r"\b(?i:dates?|between)[ \t]*:?[ \t]+(?P<v>" + _PAIR + r")(?=[ \t]*(?:to|-|–|and|until|through|thru)[ \t]*"
                 + _PAIR + r"(?![\w/]|[.,]\d))", 0.66, _pair_ok, 0),
            Rule(r"\b(?i:dates?|between)[ \t]*:?[ \t]+" + _PAIR + r"[ \t]*(?i:to|-|–|and|until|through|thru)[ \t]*"
                 r"(?P<v>" + _PAIR + r")(?![\w/]|[.,]\d)", 0.66, _pair_ok, 0),
        ], "Kinds18DateRangeRecognizer"),
        RuleRecognizer("AGE_OVER_89", [
            # an age over 89 in other languages: "93-jährige", "âgée de 91 ans", "de 95 años", "di 92 anni"
            Rule(r"(?<![\d.,])(?P<v>9\d|1[01]\d)(?:[ \t]*-[ \t]*j(?:ä|ae)hrig\w*|[ \t]+(?:ans|años|anos|anni|jaar|Jahre|"
                 r"Jahren)\b)", 0.7, None, regex.IGNORECASE, needs=r"(?:hrig|ans|años|anos|anni|jaar|jahre)"),
        ], "Kinds18AgeRecognizer"),
    ]


# ---------------------------------------------------------------------------------------------
# identifiers

_ID_LABEL = (r"(?:aadhaar|aadhar|uid|nir|insee|immatriculation|s[ée]curit[ée][ \t]+sociale|social[ \t]+security|ssn|"
             r"sozialversicherungs\w*|nhs|chi|ppsn?|medicare|ihi|bsn|personnummer|cpr|cpf|cns|sus|nik|nric|pan|"
             r"national[ \t]+id\w*|identity|id[ \t]+card|health[ \t]+card|insurance|member)")
# digit groups split by spaces (one or more): "5512  0843  7721", "1 84 12 76 052 118 42"
_SPACED = r"(?P<v>\d{1,4}(?:[ \t]{1,3}\d{1,5}){2,7})(?![ \t]?\d|[.,]\d)"


def _spaced_ok(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return 9 <= digits <= 16


_MAIL_PROVIDER = regex.compile(r"(?i)[ \t]at[ \t]+(?:gmail|googlemail|yahoo|hotmail|outlook|live|icloud|me|aol|proton(?:mail)?|"
                                r"gmx|web|mail|zoho|yandex|rediffmail|btinternet|sky|bigpond|xtra)[ \t]")


def _spoken_email_ok(value: str) -> bool:
    """Read aloud, "x at y dot com" is an address when its local part is dotted or has a digit or underscore, or
    its domain is a mail provider's; "we met at noon dot com" is not."""
    local = regex.split(r"(?i)[ \t]+at[ \t]+", value, maxsplit=1)[0]
    return bool(" " in local or regex.search(r"[\d_]", local) or _MAIL_PROVIDER.search(value))


def _ref_ok(value: str) -> bool:
    """A reference has a digit and a letter or a separator, and no range's or decimal's shape ("3.5-5.0")."""
    if not any(c.isdigit() for c in value) or regex.fullmatch(r"[\d.,]+(?:[ \t]*[-–][ \t]*[\d.,]+)?", value):
        return False
    if regex.fullmatch(r"[\d.,]+-[\d.,]+[^\d]*", value) and (regex.search(r"[.,]", value) or len(value.split("-")[0]) <= 3):
        return False  # a reference range with its unit ("0.5-1.2mg")
    return any(c.isalpha() for c in value) or "/" in value or sum(c.isdigit() for c in value) >= 5


_SPOKEN_DIGIT = r"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|double[ \t]+\w+)"
_COUNCIL = (r"(?:CRM|CRO|COREN|CRF|CREFITO|CRP|CRN|CRFa|CRMV)(?:[ \t]*[-/][ \t]*[A-Z]{2})?")
_REGISTRY = r"(?:RPPS|ADELI|GMC|AHPRA|MCI|NMC|HCPC|GPhC|IMC|MCNZ|SANC|HPCSA|KMDB|MDCN|PMDC|SLMC|BMDC)"


def _id_rules() -> list[RuleRecognizer]:
    return [
        RuleRecognizer("HEALTH_PLAN_ID", [
            # a national number as spaced digit groups after an identity label
            Rule(r"\b" + _ID_LABEL + r"\b[^\n:|]{0,20}?[ \t]*(?:no\.?|n[°º]|nr\.?|number|#)?[ \t]*[:#][ \t]*" + _SPACED, 0.7,
                 _spaced_ok, regex.IGNORECASE),
            # a clinician's registration number after a council's label: "CRM-SP 12.345", "CRM 123456"
            Rule(r"(?<![\w-])" + _COUNCIL + r"[ \t]*(?:n[°º]\.?|no\.?|#|:)?[ \t]*(?P<v>\d{1,3}(?:\.\d{3})+|\d{4,7})(?![\w.]|\.\d)",
                 0.65, None, 0),
            # a registration number after a registry's label: "RPPS 10101234567", "GMC 7012345", "MCI reg no. 54321"
            Rule(r"(?<![\w-])" + _REGISTRY + r"(?:[ \t]+(?i:reg(?:istration)?\.?|registration|member(?:ship)?))?(?:[ \t]*"
                 r"(?i:no\.?|number|n[°º]|#|id))?[ \t]*[:.#]?[ \t]*(?P<v>[A-Z]{0,4}\d{5,13})(?![\w])", 0.65, None, 0),
        ], "Kinds18NationalIdRecognizer"),
        RuleRecognizer("MRN", [
            # a reference after "Our ref:", "Ref.", "Réf." and "Your reference"
            Rule(r"(?:\b(?i:our|your|my)[ \t]+)?(?<![\w])(?i:ref|réf|reference|référence)(?:\.|[ \t]*(?i:no\.?|n[°º]|#))?"
                 r"[ \t]*[:.][ \t]*(?P<v>[A-Z0-9][A-Z0-9/._-]{2,30}[A-Z0-9])(?![\w/])", 0.65, _ref_ok, 0),
            # each record number after a plural label: "their chart numbers are QX-40112 and QX-40113"
            Rule(r"\b(?i:chart|record|mrn|hospital|patient|file)[ \t]+(?i:numbers|nos\.?|#s)[ \t]*(?i:are|:)[ \t]*(?:[A-Z0-9-]{4,16}"
                 r"[ \t]*(?:,|and|&)[ \t]*)*(?P<v>[A-Z]{0,4}-?\d{4,12})\b", 0.7, None, 0),
            # and the first of them: the rule above reads the last
            Rule(r"\b(?i:chart|record|mrn|hospital|patient|file)[ \t]+(?i:numbers|nos\.?|#s)[ \t]*(?i:are|:)[ \t]*"
                 r"(?P<v>[A-Z]{0,4}-?\d{4,12})\b", 0.7, None, 0),
            # a pathology accession in a table cell: "| H24-10457 |"
            Rule(r"(?:^|\|[ \t]*|\t|[ \t]{2})(?P<v>[A-Z]{1,3}\d{2}-\d{4,6})(?=[ \t]*(?:\||\t|$|[ \t]{2}))", 0.6, None,
                 regex.MULTILINE),
        ], "Kinds18RefRecognizer"),
        RuleRecognizer("MRN", [
            # a record number spelled out after its label: "M R N four one ...", "chart number is K as in kilo, two ..."
            Rule(r"\b(?i:m[ \t]?r[ \t]?n|m\.[ \t]?r\.[ \t]?n\.|chart[ \t]+(?:number|no)|record[ \t]+number|hospital[ \t]+"
                 r"number|patient[ \t]+number|medical[ \t]+record(?:[ \t]+number)?)\b[^.\n]{0,40}?(?P<v>(?:\b[A-Z][ \t]+"
                 r"(?i:as[ \t]+in)[ \t]+\p{L}+,?[ \t]+)?" + _SPOKEN_DIGIT + r"(?:[ \t]*,?[ \t]+" + _SPOKEN_DIGIT + r"){4,})\b",
                 0.65, None, 0, needs=r"(?i:\b(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)"),
        ], "Kinds18SpokenIdRecognizer"),
        RuleRecognizer("EMAIL_ADDRESS", [
            # an e-mail address read aloud or typed out: "harriet dot quill at gmail dot com"
            Rule(r"(?i)(?<![\w@.])(?P<v>(?!(?:it|me|him|her|them|us|you|this|that|home|work|least|most|all|once|first|last)\b)"
                 r"[a-z0-9][\w'-]*(?:[ \t]+(?:dot|underscore|dash|hyphen)[ \t]+[a-z0-9][\w'-]*)*[ \t]+at[ \t]+[a-z0-9][\w-]*"
                 r"(?:[ \t]+dot[ \t]+[a-z0-9][\w-]*)*[ \t]+dot[ \t]+(?:com|org|net|edu|gov|co|uk|ca|au|in|ng|ie|nz|za|de|"
                 r"fr|es|it|nl|br|mx|sg|ph|ke|ae|io|info|me|us))\b", 0.7, _spoken_email_ok, 0, needs=r"(?i:\bdot\b)"),
        ], "Kinds18SpokenEmailRecognizer"),
    ]


class Kinds18DatesRecognizer(CombinedRecognizer):
    """Every lane-a recognizer of round 18 behind one registry entry."""

    def __init__(self):
        super().__init__("Kinds18DatesRecognizer", [*_date_rules(), *_id_rules()])


def kinds18_dates_recognizers() -> list:
    return [Kinds18DatesRecognizer()]


# ---------------------------------------------------------------------------------------------
# false positives

_SCORE_WORDS = regex.compile(r"(?i)\b(?:pain|mood|score|scale|rated|rates|rating|severity|anxiety|intensity|vas|nrs|"
                             r"apgar|sleep|energy|stress|fatigue|nausea|pressure|ache|discomfort|cramps?|craving|"
                             r"satisfaction|confidence|itch|dyspnoea|dyspnea|motivation)\b[^\n]{0,30}$")
_RANGE_UNIT = regex.compile(r"(?i)^\d+[ \t]*[-–][ \t]*\d+[ \t]+(?:seconds|secs?|minutes|mins?|hours|hrs?|days|weeks|wks|"
                            r"months|years|breaths|times|reps|drops|puffs|mg|mcg|ml|units)$")


def kind18_dates_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the lane-a round-18 false-positive kinds."""
    value = text[start:end].strip()
    if entity == "PHONE_NUMBER" and regex.fullmatch(r"[A-Z]{2,6}", value):
        return "a phone number with no digit (a registry's label beside one: 'RPPS')"
    if not value or not any(c.isdigit() for c in value):
        return None
    before = text[max(0, start - 40):start]
    after = text[end:end + 20]
    if entity in ("DATE_TIME", "CLINICAL_DATE", "CUED_DATE", "SPOKEN_DATE"):
        if m := regex.fullmatch(r"(?:\p{L}+[ \t]+)?(\d{1,2})/(\d{1,2})", value):
            a, b = int(m.group(1)), int(m.group(2))
            if (a > 12 and b > 12) or a == 0 or b == 0:
                return "a slash pair that cannot be a date ('17/17 plates')"
            if regex.fullmatch(r"\d{1,2}/10", value) and a <= 10 and _SCORE_WORDS.search(before):
                return "a score out of ten after a rating or symptom word ('mood 4/10')"
        if regex.match(r"(?i)\d{1,2}(?:st|nd|rd|th)[ \t]+of[ \t]+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b", value):
            return "a birth order or a rank ('the 3rd of 5 children')"
        if regex.fullmatch(r"(?i)days?[ \t]+\d{1,2}[ \t]*[-–][ \t]*\d{1,2}(?:[ \t]+q\d+[ \t]*(?:days?|d|wks?|weeks?))?", value):
            return "a range of days ('days 1-14')"
        if regex.fullmatch(r"[CTLS]\d{1,2}[ \t]*[-–][ \t]*[CTLS]?\d{1,2}", value):
            return "a spine level ('L4-5')"
        if _RANGE_UNIT.match(value):
            return "a range with a unit ('30-60 seconds')"
        if regex.fullmatch(r"\d{1,2}[ \t]*[-–][ \t]*\d{1,2}", value) and regex.search(r"(?:\||\t|[ \t]{2})[ \t]*$", before) \
                and regex.match(r"^[ \t]*(?:$|\n|\||\t|[ \t]{2})", after):
            return "a range in a table cell ('20-39')"
    if regex.search(r"\b(?:Rx[ \t]*)?(?:BIN|PCN)[ \t]*[:#]?[ \t]*$", before):
        return "a pharmacy routing number ('BIN 610502')"
    if regex.search(r"(?i)\bpolicy[ \t(]*$", before) and regex.fullmatch(r"[A-Z]{2,}-[A-Z0-9.-]+", value) \
            and any(c.isalpha() for c in value.split("-", 1)[1] + value.split("-", 1)[0]):
        return "a policy's own code ('Policy RX-GLP1-4.1')"
    return None
