"""PHI kinds from the fresh-12 clinical notes (benchmarks/data/clinical_notes_phi_fresh12.jsonl), each tested on new
wording, never the notes' own strings, and each with a twin: OCR-spaced form values (SSN, ZIP, member ID, e-mail), a
name in a form's name field, an age over 89 in an Age/Sex field or after a kinship word, a lower-case writer's name
(message header, self-introduction, last-line signature), a lower-case pharmacy name, "University Hospital <Town>",
"<Name> Care & Rehab", a street line after "Address:", the town before a state code and ZIP, a street or landmark with
no house number, a "UR:" number in two groups; and text that is not PHI (a form field label, a salutation read as an
organisation, a role before a title, a ward by floor and wing, a slash pair no date can be, a duration in weeks, a
score out of ten, an analyte with a timing code, an analyte read as a licence number, an eponymous test and its sign,
a bay and its letter, the service after a note heading)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    ("PATIENT INTAKE (scanned)\nSSN :  6 1 2 - 7 3 - 4 0 8 1\nSex : M", "6 1 2 - 7 3 - 4 0 8 1", "SSN"),
    ("City : Bowling Green     State : KY     Zip : 4 2 1 0 4\n", "4 2 1 0 4", "LOCATION"),
    ("Insurance : Aetna Medicare     ID # : W 7 7 3 0 1 2 5 9\n", "W 7 7 3 0 1 2 5 9", "ID"),
    ("E-mail :  tcarrow71 @ frontiernet . net\nAllergies : none", "tcarrow71 @ frontiernet . net", "EMAIL"),
    ("Last Name : BRANNIGAN          First : LUCILLE\nDOB : 03/02/1950", "BRANNIGAN", "NAME"),
    ("Last Name : BRANNIGAN          First : LUCILLE\nDOB : 03/02/1950", "LUCILLE", "NAME"),
    ("Patient: Wilhelmina Okafor     Age/Sex: 96/F\nExam: CT chest", "96", "AGE"),
    ("Son called: Mom (94) has been falling more at night.", "94", "AGE"),
    ("From: tariq benhadji\nSubject: appt\n\nhello, can i move my visit", "tariq benhadji", "NAME"),
    ("hi nurse its priya, i forgot to ask about my inhaler", "priya", "NAME"),
    ("can someone call me back before 5 pls\n- rosalind k", "rosalind k", "NAME"),
    ("ok see you then\nthanks\nmateo", "mateo", "NAME"),
    ("please send it to pennycook pharmacy on the corner", "pennycook pharmacy", "LOCATION"),
    ("Transferred from University Hospital Limerick after the scan.", "University Hospital Limerick", "LOCATION"),
    ("Bed offer from Marigold Care & Rehab for Monday.", "Marigold Care & Rehab", "LOCATION"),
    ("Address: 14 Sráid an Mhuilinn, Ennis\nPhone on file.", "14 Sráid an Mhuilinn", "ADDRESS"),
    ("Address: 702 Camino Lindo, Apt 3, Socorro NM 87801", "Socorro", "LOCATION"),
    ("Sleeping rough under the Hawthorne Bridge most nights.", "Hawthorne Bridge", "ADDRESS"),
    ("the clinic on Elgin Street never got the fax", "Elgin Street", "ADDRESS"),
    ("UR: 0148 2207    DOB: 03/04/1961", "0148 2207", "MRN"),
])
def test_fresh12_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    "Sex : M     Smoker : no",                     # no spaced number after a form label
    "Zip : pending     Phone : none",
    "ID band checked x2 before the transfusion.",
    "Age/Sex: 58/F\nExam: CT chest",               # an age under 90 is no PHI
    "Mom (with dementia) has been falling more.",
    "From: pharmacy\nSubject: refill",
    "its fine, i will try again tomorrow",
    "call back before 5 pls\n- thanks",
    "please send it to the local pharmacy on the corner",
    "Seen in University Hospital clinics for years.",
    "Discharged to a skilled nursing facility for rehab.",
    "Address: see chart",
    "Sleeping rough under a bridge most nights.",
    "UR: pending",
])
def test_fresh12_twins_stay(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text, value", [
    ("Street : 18 Linden Ave\nCity : Frankfort     State : KY", "City"),
    ("Income: disability pending.\nHousing: none.", "Income"),
    ("Actions: Hospitalist Dr. Tobias Wren paged at 02:10.", "Hospitalist Dr"),
    ("NURSING NOTE - 6 East, 1900-0700\nPt resting.", "6 East"),
    ("I/O: 1320/1750 over the shift.", "1320/1750"),
    ("Knee arthroscopy 4/52 ago, now walking unaided.", "4/52"),
    ("Pain on stairs 2/10 (was 8/10) since the injection.", "2/10"),
    ("Pain on stairs 2/10 (was 8/10) since the injection.", "8/10"),
    ("Glucose PC: 188, 204, 176 over the last day.", "Glucose PC"),
    ("HbA1c            7.2      H      4.0-5.6 %", "HbA1c"),
    ("Speed-McMurray +, Lachman negative.", "Speed-McMurray"),
    ("Moved to Bay D. ECG and troponin sent.", "Bay D"),
    ("DIETITIAN NOTE - Bariatric Surgery\nWeight down 4 kg.", "Bariatric Surgery"),
])
def test_fresh12_false_positive_kinds_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered in value and len(covered) > 2 for covered in spans), spans


@pytest.mark.parametrize("text, value, label", [
    # the twins of the false-positive kinds: the real PHI beside them stays redacted
    ("Street : 18 Linden Ave\nCity : Frankfort     State : KY", "Frankfort", "LOCATION"),
    ("Actions: Hospitalist Dr. Tobias Wren paged at 02:10.", "Tobias Wren", "NAME"),
    ("Dear Dr Okereke,\n\nThank you for seeing her.", "Okereke", "NAME"),
    ("Seen on 4/12 for the knee.", "4/12", "DATE"),
    ("FAX - Larchwood Road Pharmacy\nTo: GP", "Larchwood Road Pharmacy", "LOCATION"),
])
def test_fresh12_real_phi_beside_false_positive_kinds(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans
