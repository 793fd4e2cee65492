"""What the redactor keeps of the learned tagger's spans (guard/phi_tagger.py).

The tagger reads context well and shapes less well: it proposes "2/3 family members" as a date,
"Pulse Ox (94)" as an age, "NDC: 0002-8215-01" as an ID. Its spans are added where the rules found
nothing, after the checks a rule span of the same kind would need: a date must be a possible date,
an age a number from 90 up that is not a measurement, an ID not a product or coding number; then
the rules' clinical-false-positive suppression (phi_suppression) as the matching rule entity."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from medrails.guard.phi_tagger import TaggedSpan, common_words, given_names

# a form's next field (two spaces, a tab) or a spaced dash ("Cardiology Clinic - Heart Failure") ends a name or place
_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*| {2,}| [-–—] ")
_CLOCK_RANGE = re.compile(r"^(?:[01]?\d|2[0-3]):?[0-5]\d\s*[-–]\s*(?:[01]?\d|2[0-3]):?[0-5]\d$")
_IP_SHAPE = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}$|^[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}$")
_NUMBERS = re.compile(r"\d+")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_YEAR_MONTH_DAY = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}$")
_COMPACT_DATE = re.compile(r"^(?:19|20)\d{6}$")
_JOINED_VALUES = re.compile(r"(?<=\d) (?:and|to|or|&) (?=\d)")
_DAY_MONTH_YEAR = re.compile(r"^\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*(?:\d{2}|\d{4}))?$")
# "pain 7/10", "strength 4/5", "GCS 14/15": a score written like a date
_SCORE_BEFORE = re.compile(r"\b(?:pain|score|scale|rated?|strength|power|grade|GCS|MMSE|MoCA|APGAR|VAS|NRS|ratio)\W{0,3}$",
                           re.IGNORECASE)
_AGE_NUMBER = re.compile(r"^(\d{2,3})\s*(?:y|yo|yrs?|years?|-?year-old)?$", re.IGNORECASE)
_SPOKEN_AGE = re.compile(r"^(?:ninety|one\s+hundred|a\s+hundred|hundred)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s*-?\s*(?:%|percent|mg|mcg|ml|mL|g\b|kg|lbs?|cm|mm|min\b|mins?\b|minutes?|sec|seconds?|hours?|hrs?|"
                         r"days?|weeks?|wks?|months?|years?|yrs?|y/?o\b|bpm|beats|breaths|units?|degrees?|°|mmHg|/min)", re.IGNORECASE)
_VITAL_BEFORE = re.compile(r"\b(?:BP|HR|RR|SpO2|O2|sats?|ox|oximetry|pulse|temp(?:erature)?|weight|wt|glucose|BGL?|HbA1c|"
                           r"score|pain|rate|level|Hgb|Hb|K|Na|Cr|eGFR|room|bed|ward|lot|step|version|v)\b[\s:=(,#.]*$",
                           re.IGNORECASE)
# a field whose value is a product, batch or code number, never a person's identifier
_CODE_FIELD = re.compile(r"\b(?:NDC|lot|batch|ref|cat(?:alog(?:ue)?)?|model|version|ver|sequence|seq|room|bed|ward|ICD(?:-?1[01])?|"
                         r"CPT|HCPCS|LOINC|SNOMED|RxNorm|DRG|SKU|UPC|part|kit|protocol|policy|form|criterion|section)\.?\s*(?:no\.?|number|#)?\s*[:#=]?\s*$",
                         re.IGNORECASE)
_FACILITY_HEADS = frozenset("hospital clinic centre center infirmary pharmacy hospice home care rehab lodge manor surgery "
                            "practice institute unit ward health".split())
# what a form writes where a name is missing, and titles after which a name is capitalized
_PLACEHOLDERS = frozenset("unknown pending none na n/a tbd tba withheld declined refused anonymous unnamed unidentified "
                          "patient self same blank".split())
_TITLE_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Sr|Nurse|Sister)\.?\s+$")
_FUNCTION_WORDS = frozenset("a an as at by for in is of on or the to was with and but if so".split())
# a department is named by ordinary words ("Molecular Diagnostics"); a place of care by a name ("Quinn Imaging")
_DEPARTMENT_HEADS = frozenset("lab labs laboratory laboratories diagnostics imaging radiology pathology services "
                              "department dept section team".split())
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ish|ese|ian|ic)$")  # "Spanish", "Chinese", "Italian", "Arabic": a language
# a place's generic noun on its own ("the pharmacy in town", "out of the city") names no place
_GENERIC_PLACES = frozenset("town city village county country state area neighbourhood neighborhood downtown uptown "
                            "suburbs countryside abroad".split())
_WORD = re.compile(r"[^\W\d_]+")


def _eponym_or_clinical_term_inside(text: str, label: str, start: int, end: int,
                                    suppressed: Callable[[str, int, int], str | None]) -> bool:
    """ "Weber lateralizes right", "STEMI, Killip II. Primary": a name or place span holding a capitalized word
    (or word and the next) the rules call an eponym in an exam or grading context; "Sibling Rivalry discussed":
    a sentence's first word the rules call a clinical term."""
    words = list(_WORD.finditer(text, start, end))
    if len(words) < 2:
        return False
    for k, w in enumerate(words):
        if not w.group()[:1].isupper():
            continue
        ends = [w.end()] + ([words[k + 1].end()] if k + 1 < len(words) else [])
        if any("eponym" in (suppressed("PERSON", w.start(), e) or "") for e in ends):
            return True
    first = words[0]
    reason = suppressed(label if label == "LOCATION" else "PERSON", first.start(), first.end()) or ""
    return _sentence_start(text, start) and reason in ("clinical term", "medical term or service name (shipped medical vocabulary)")


def date_shape_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if joined := list(_JOINED_VALUES.finditer(value)):
        # "Apgar 7/10 and 9/10": one tagged span over two values is a date only if each value is one
        cuts = [start] + [x for m in joined for x in (start + m.start(), start + m.end())] + [end]
        return all(date_shape_ok(text, a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True))
    if _HAS_LETTER.search(value):
        return True  # "14 March", "25 mars": the rules' date suppression judges words
    if _YEAR_MONTH_DAY.match(value):
        return True
    if _COMPACT_DATE.match(value):
        return 1 <= int(value[4:6]) <= 12 and 1 <= int(value[6:8]) <= 31  # "19380722" in an HL7 or CSV row
    if not _DAY_MONTH_YEAR.match(value) or _SCORE_BEFORE.search(text[max(0, start - 20):start]) \
            or _UNIT_AFTER.match(text, end):
        return False  # "GCS 13/15", "at 11-12 years"
    a, b = (int(n) for n in _NUMBERS.findall(value)[:2])
    if not ((1 <= a <= 12 and 1 <= b <= 31) or (1 <= a <= 31 and 1 <= b <= 12)):
        return False  # "15/15", "95/60"
    # "2/3 family members": a proper fraction of small unpadded numbers without a year reads as a fraction;
    # "03/11" in a table's date column does not
    return len(_NUMBERS.findall(value)) == 3 or value.startswith("0") or not (a < b <= 12 and a < 10)


def age_shape_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end].strip()
    if number := _AGE_NUMBER.match(value):
        if not 90 <= int(number.group(1)) <= 125:
            return False
    elif not _SPOKEN_AGE.match(value):
        return False
    return not _UNIT_AFTER.match(text, end) and not _VITAL_BEFORE.search(text[max(0, start - 24):start])


def id_shape_ok(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if "," in value or len(re.findall(r"[^\W\d_]{3,}", value)) >= 2 or _CLOCK_RANGE.match(value):
        return False  # "NOTE - 6 East, 1900-0700": words and a shift, not one identifier
    return any(ch.isdigit() for ch in value) and not _CODE_FIELD.search(text[max(0, start - 24):start])


def ip_shape_ok(text: str, start: int, end: int) -> bool:
    return bool(_IP_SHAPE.match(text[start:end])) and not _CLOCK_RANGE.match(text[start:end])


def name_shape_ok(text: str, start: int, end: int) -> bool:
    """No ordinary lower-case word beside capitalized ones ("ABCDE approach"): a name in lower case is lower case
    throughout ("latasha m. greene") and holds no function word ("mark as reviewed")."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    if len(words) > 1 and any(w.lower() in _FUNCTION_WORDS for w in words):
        return False
    if any(w.lower() in _PLACEHOLDERS for w in words) and len(words) <= 2:
        return False  # "surname: unknown"
    if text[start:end].islower() and _TITLE_BEFORE.search(text[max(0, start - 12):start]):
        return False  # "The Dr. will see you": a name after a capitalized title is capitalized
    if any(w[0].isupper() for w in words):
        return not any(w.islower() and len(w) > 3 and w in common_words() and w not in given_names() for w in words)
    return True


_SHAPE_CHECKS: dict[str, Callable[[str, int, int], bool]] = {
    "DATE": date_shape_ok, "AGE": age_shape_ok, "ID": id_shape_ok, "MRN": id_shape_ok, "IP": ip_shape_ok,
    "NAME": name_shape_ok}
# one ordinary lower-case word ("will", "town", "summer") is a name or place only when the tagger is sure
LOWER_COMMON_WORD_THRESHOLD = 0.9


def _sentence_start(text: str, start: int) -> bool:
    """At the text's or a line's start, or after a full stop that does not end an initial or a short abbreviation
    ("Ma. Teresa", "Dr. Young"); a form field's value ("First: Antoine") is no sentence start."""
    before = text[:start].rstrip(" \t\"'“(")
    if not before or before[-1] == "\n":
        return True
    if before[-1] not in ".!?":
        return False
    last_word = re.search(r"(\S*)[.!?]$", before)
    return not (last_word and len(last_word.group(1)) <= 3 and last_word.group(1)[:1].isupper())


def _common_word_alone(text: str, label: str, start: int, end: int) -> bool:
    """Ordinary words only: "Hope was discussed", "Summer is her season" opening a sentence, "in Spanish",
    "Molecular Diagnostics". A name that is also a word still counts inside a sentence ("my wife jade")."""
    value = text[start:end].rstrip(".")
    words = [w.strip(".,'’").lower() for w in value.split()]
    if label == "LOCATION" and len(words) > 1 and words[-1] in _DEPARTMENT_HEADS:
        return all(w in common_words() for w in words[:-1])
    if " " in value:
        return False
    if label == "LOCATION":
        return bool(_DEMONYM.match(value)) and value.lower() in common_words()
    return label == "NAME" and _sentence_start(text, start) and value.lower() in common_words()


def _service_after_sentence_word(text: str, start: int, end: int) -> bool:
    """ "Arrange Home Health": a sentence's first word, then only words a service is named with (no name of its own)."""
    words = [w.strip(".,'’").lower() for w in text[start:end].split()]
    return len(words) > 1 and _sentence_start(text, start) and words[0] in common_words() and \
        all(w in _FACILITY_HEADS | _DEPARTMENT_HEADS for w in words[1:])


def rule_entity(label: str, value: str) -> str:
    """The rule entity whose suppression checks a tagged span goes through."""
    if label == "LOCATION" and value.split() and value.split()[-1].lower().strip(".,") in _FACILITY_HEADS | _DEPARTMENT_HEADS:
        return "FACILITY"
    # the rules' capitalization checks are for spaCy's guesses; the tagger reads lower-case names and places
    # from their context ("my husband dov", "in ballarat"), as the rules' chat-name and town-after-street kinds do
    if value.islower() and label == "NAME":
        return "CHAT_NAME"
    if value.islower() and label == "LOCATION":
        return "TOWN_AFTER_STREET"
    return {"NAME": "PERSON", "DATE": "DATE_TIME", "AGE": "AGE_OVER_89", "ADDRESS": "STREET_ADDRESS",
            "PHONE": "PHONE_NUMBER", "FAX": "FAX_NUMBER", "EMAIL": "EMAIL_ADDRESS", "IP": "IP_ADDRESS",
            "SSN": "US_SSN", "ID": "ACCOUNT_NUMBER"}.get(label, label)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:()[]":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:()[]":
        end -= 1
    return start, end


def _uncovered(start: int, end: int, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of start..end no found span covers."""
    pieces, cursor = [], start
    for a, b in sorted(found):
        if b <= cursor or a >= end:
            continue
        if a > cursor:
            pieces.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


def kept_tagged_spans(text: str, tagged: Iterable[TaggedSpan], found: list[tuple[int, int]],
                      suppressed: Callable[[str, int, int], str | None],
                      in_clinical_zone: Callable[[int, int], bool]) -> list[tuple[str, int, int, float, str]]:
    """(label, start, end, probability, rule entity) for each tagged piece the redactor keeps. `found` are the
    rules' spans; `suppressed(entity, start, end)` the rules' clinical-false-positive check; `in_clinical_zone`
    whether a range lies in a measurement, dose or code the rules marked (for every kind, identifiers included)."""
    from medrails.guard.phi_kinds18_layout import column_gap

    out = []
    line_gaps: dict = {}
    for t in tagged:
        start, end = t.start, t.end
        if t.label in ("NAME", "LOCATION", "ADDRESS") and (gap := column_gap(text, start, end, _COLUMN_GAP, line_gaps)):
            end = gap.start()
        overlapping = [(a, b) for a, b in found if a < end and start < b]
        # a name the rules found in part keeps the rules' boundaries ("Frau", "Patientin" are no PHI); other kinds
        # add only what the rules left ("Chicago IL" before the ZIP code a rule found)
        if overlapping and t.label == "NAME":
            continue
        for a, b in _uncovered(start, end, overlapping):
            a, b = _trimmed(text, a, b)
            if b <= a or not any(ch.isalnum() for ch in text[a:b]) or _common_word_alone(text, t.label, a, b):
                continue
            value = text[a:b].rstrip(".")
            if t.label == "LOCATION" and _service_after_sentence_word(text, a, b) and t.probability < 0.98:
                continue
            if t.label in ("NAME", "LOCATION") and value.islower() and t.probability < LOWER_COMMON_WORD_THRESHOLD \
                    and all(w in common_words() for w in re.findall(r"[^\W\d_]+", value)):
                continue  # "will", "in town", "a rusty nail cut"
            if t.label == "LOCATION" and value.lower() in _GENERIC_PLACES:
                continue
            if t.label in ("NAME", "LOCATION") and _eponym_or_clinical_term_inside(text, t.label, a, b, suppressed):
                continue
            if in_clinical_zone(a, b):
                continue  # "BP 142/91", "500 mg": the rules' measurement zones hold no identifier
            check = _SHAPE_CHECKS.get(t.label)
            if check is not None and not check(text, a, b):
                continue
            entity = rule_entity(t.label, text[a:b])
            if not suppressed(entity, a, b):
                out.append((t.label, a, b, t.probability, entity))
    return out
