"""PHI kinds from the fresh-8 clinical notes (benchmarks/data/clinical_notes_phi_fresh8.jsonl), each tested
on new wording, never the note's own strings, and each with a twin that must stay unredacted: national, insurance
and professional registration numbers by scheme name (Kenya SHA, German KVNR, UK GMC, ...), the Australian
Medicare card's 4-5-1 groups, a bare "UR" / "URN" record label, a lower-case given name introducing oneself in a
message, an age over 89 after a name past a parenthesis or closed by a full stop, the town after a facility at
the end of a line, Dutch / German practice names, a one-word street ending in -way / -gate; a date span stops at
a column gap and a phone number at a line break; and clinical text that is not PHI (named scales, payers before a
member number, weekdays, an ordinal before a noun, gestational age, festivals, a contact label before its number,
a kinship word alone, occupations, sign-off words)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # identifier schemes by name
    ("Child: Wanjiru Kamau   NHIF no. 00451882   Tel 0733 210 554", "00451882", "ID"),
    ("Mother's SHA number: SH7730418826, verified at triage.", "SH7730418826", "ID"),
    ("Versichert bei TK, KVNR X118830476, Hausarzt informiert.", "X118830476", "ID"),
    ("Signed: Dr Imogen Carter-Blythe, GMC No 6617204", "6617204", "ID"),
    ("Registered nurse, NMC 09A1234E... AHPRA MED0001829374 on file", "MED0001829374", "ID"),
    ("Medicare card 4102 55873 2 / 1, expiry 08/2027", "4102 55873 2", "ID"),
    # a bare UR / URN label
    ("Name: Doreen Spratt   URN 0083152   Ward 4B", "0083152", "MRN"),
    ("UR No. 7731904 - Fiona Stanley Hospital", "7731904", "MRN"),
    # a lower-case given name introducing oneself
    ("hi its dmitri again, the rash is spreading up my arm", "dmitri", "NAME"),
    ("ok this is priyanka, mum of the baby from yesterday", "priyanka", "NAME"),
    # an age over 89 after a name
    ("Resident: Winifred Osei (prefers Winnie), 97, room 12.", "97", "AGE"),
    ("Seen at home: Harold Pemberton, 101. Frail, bedbound.", "101", "AGE"),
    # the town after a named facility, closing the line
    ("Orthopaedic clinic letter - Royal Infirmary of Edinburgh Hospital, Leith\nDear GP,", "Leith", "LOCATION"),
    ("From: Whitmore Medical Centre, Doncaster\nRe: knee pain", "Doncaster", "LOCATION"),
    # Dutch / German practice names
    ("Verwijzing van Huisartsenpraktijk Zuidwijk, Rotterdam.", "Huisartsenpraktijk Zuidwijk", "LOCATION"),
    ("Nachsorge in der Praxis Lindemann empfohlen.", "Praxis Lindemann", "LOCATION"),
    # a one-word street ending in -way / -gate
    ("Home: 218 Queensway, Apt 4, Edmonton AB T5J 1N7", "218 Queensway, Apt 4", "ADDRESS"),
    ("Lives at 9 Eastgate, Beverley, with her son.", "9 Eastgate", "ADDRESS"),
])
def test_fresh8_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and lab == label for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    "SHA 256 checksum matched on the upload.",
    "GMC guidance on consent was followed.",
    "UR 250 mL in the bag at 06:00.",
    "its fine now, the rash is going down",
    "this is worse than yesterday, can someone call",
    "Pulse Ox, 94. Repeat after nebs.",
    "Discharged from General Hospital, Monday.",
    "Plan: 3 Always use the spacer, 2 puffs.",
    "Praxis makes perfect with the inhaler technique.",
])
def test_fresh8_twins_are_not_phi(text):
    result = redact(text)
    assert result.text == text, [(text[r.start:r.end], r.label, r.entity) for r in result.redactions]


def test_town_after_facility_is_no_department():
    text = "Letter from Memorial Hospital, Cardiology\nDear Dr Wills,"
    assert "Cardiology" in redact(text).text, found(text)


def test_date_stops_at_a_column_gap():
    text = "Seen: April 7, 2025      Reviewed: April 9, 2025"
    spans = found(text)
    assert "April 7, 2025" in spans and "Reviewed" in redact(text).text, spans


def test_date_keeps_digits_across_a_gap():
    text = "DOB 14 Feb    1951 per the form"
    assert "1951" not in redact(text).text, found(text)


def test_phone_stops_at_a_line_break():
    text = "Northfield Surgery   Tel 0161 496 0732\n14 January 2025\nDear Dr Wills,"
    spans = found(text)
    assert spans.get("0161 496 0732") == "PHONE" and spans.get("14 January 2025") == "DATE", spans


@pytest.mark.parametrize("text, value, entity", [
    ("WOMAC and Oxford Hip Score repeated today.", "Oxford Hip Score", "PERSON"),
    ("Ottawa Ankle Rules negative.", "Ottawa Ankle", "PERSON"),
    ("Insured with Premera BCBS, claim pending.", "Premera BCBS", "LOCATION"),
    ("Plan: Highmark member ID HMK55210.", "Highmark", "ORGANIZATION"),
    ("Next dressing change Thurs 9th Jan.", "Thurs", "PERSON"),
    ("Choked on the 3rd spoonful of yoghurt.", "3rd", "DATE_TIME"),
    ("G3P2 at 28+6/40, fundal height 29 cm.", "28+6/40", "DATE_TIME"),
    ("Gained weight during Diwali with sweets.", "Diwali", "PERSON"),
    ("Mob. 0412 771 893 (daughter)", "Mob", "PERSON"),
    ('Listed as "Nan" in her contacts.', "Nan", "PERSON"),
    ("Plumber; smokes 10/day.", "Plumber", "PERSON"),
    ("Electronically signed, RN", "signed", "CHAT_NAME"),
])
def test_fresh8_false_positive_kinds_are_dropped(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text))


@pytest.mark.parametrize("text, value, entity", [
    # the same checks leave names, places and dates alone
    ("Seen by Dr. Oxford today.", "Oxford", "PERSON"),
    ("Follow up on the 3rd of March.", "3rd of March", "DATE_TIME"),
    ("Moved to Leeds from Sheffield.", "Leeds", "LOCATION"),
    ("Subscriber Marisol Vega member ID on the card.", "Marisol Vega", "PERSON"),
    ("Daughter Nkechi visits daily.", "Nkechi", "PERSON"),
    ("Call Baker on the ward.", "Baker", "PERSON"),
])
def test_fresh8_false_positive_checks_keep_names(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text)) is None
