"""PHI kinds from the fresh-16 clinical notes (benchmarks/data/clinical_notes_phi_fresh16.jsonl: mental health,
safeguarding, paediatrics, obstetrics), each tested on new wording, never the notes' own strings, and each with a twin
that stays unredacted: dictation (a phone in digit words with spoken commas, a house number in words, an age over 89
in words, a name after a title before spoken punctuation), identifiers (a bracketed scheme after a number noun, a plate
named earlier in its clause, a number read aloud), dates (OCR letters in a spaced date, a spoken ordinal of a month, a
partial date after a meeting noun), names (after "name as/is", in brackets after a relative or a role, a lower-case
given name after "my <relative>" before a phone, a self-introduction before a role clause, a parent or guardian
field, a role noun before a name), places ("Centre for ... and ...", a letterhead facility, "X Children's" /
"X Maternity", towns around a slash before "area", the town after a number-last street, a lower-case street and its
town); and text that is not PHI (spoken punctuation, a verb after a kinship word, an app in "Sent from", a specialty
or department, a heading in capitals, a plural of a medical word, a field label inside a line)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # dictation
    ("Her mobile is four one five comma five five five comma two two eight one full stop", "four one five comma five",
     "PHONE"),
    ("They moved in with an aunt at nine fourteen Alder Court comma Hillsboro full stop", "nine fourteen Alder Court",
     "ADDRESS"),
    ("She cares for her father comma who is ninety-one and nearly blind full stop", "ninety-one", "AGE"),
    ("Letter to Doctor Szymanski comma community paediatrics new paragraph", "Szymanski", "NAME"),
    # identifiers
    ("Krankenkasse: Versichertennummer (AOK): K903311572. Bitte zurückrufen.", "K903311572", "ID"),
    ("Plate of the van she was dropped from: 6RTM415.", "6RTM415", "ID"),
    ("bring your health card, I've got the number as seven seven one two, four four eight zero nine, two", "seven seven one two",
     "ID"),
    # dates
    ("Date of birth : O3 / 1I / 2O19    Sex: F", "O3 / 1I / 2O19", "DATE"),
    ("Your scan has been moved to the ninth of June, ten-fifteen.", "ninth of June", "DATE"),
    ("Family to attend the discharge planning meeting 6/14.", "6/14", "DATE"),
    # names
    ("the boy she left with gave his name as Jonno) before midnight", "Jonno", "NAME"),
    ("he lives near the park. his name is kyle brandt if that helps", "kyle brandt", "NAME"),
    ("Social worker to ring dad (Tomasz) at 0412 555 901.", "Tomasz", "NAME"),
    ("Advocate (Jess): Hi, you're through to the line.", "Jess", "NAME"),
    ("call me or my aunt rosa at 312 555 0144 after 5", "rosa", "NAME"),
    ("Hello, this is Dawn, I'm Kayla Brooks's aunt, she's in year 4", "Dawn", "NAME"),
    ("Child: PEREZ, LUIS    Parent/Guardian : Marisol   Perez     Phone : 555 0101", "Marisol   Perez", "NAME"),
    # places
    ("ADMISSION NOTE — Centre for Eating Disorders and Family Health", "Centre for Eating Disorders and Family Health",
     "LOCATION"),
    ("INTAKE SUMMARY — Birchwood Center\nChild: see form", "Birchwood Center", "LOCATION"),
    ("referred same day to Mesa Children's outpatient psychiatry", "Mesa Children's", "LOCATION"),
    ("Sligo / Leitrim area child protection team", "Sligo", "LOCATION"),
    ("Sligo / Leitrim area child protection team", "Leitrim", "LOCATION"),
    ("Wir wohnen Lindenweg 7, Ulm. Bitte anrufen.", "Ulm", "LOCATION"),
    ("we stay at 88 w cedar st in modesto now", "88 w cedar st", "ADDRESS"),
    ("we stay at 88 w cedar st in modesto now", "modesto", "LOCATION"),
    ("f/u in 2 weeks with dr patel", "patel", "NAME"),
])
def test_fresh16_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    # the twins: the same shapes where no phone, address, age, identifier, date, name or place is
    "Her mobile is off comma she will call back full stop",
    "She walked nine fourteen minute miles last week.",
    "Her oxygen saturation is ninety-one percent on air.",
    "Letter to the doctor comma community paediatrics new paragraph",
    "Member number (see card) pending",
    "Plate of food left untouched: ate 20%.",
    "the card number is on file, I have it as pending",
    "Pain score 3 / 10 / day on average",
    "On the ninth day of admission she improved.",
    "Discussed at the meeting 3/10 pain now.",
    "he gave his name as he left",
    "call mom (she works nights) after 6",
    "my aunt works at 7 most days",
    "this is Monday, I'm the nurse on shift",
    "Parent/Guardian : see chart",
    "referred same day to our children's outpatient psychiatry",
    "INTAKE SUMMARY — Community Center\nChild: see form",
    "Review at 3 / 4 weeks",
    "we take 2 pills at night",
    "Wir wohnen seit 7 Jahren hier.",
    "took 2 hours per dr",
    "a 3 hour drive to clinic",
    "give 1 dose then st",
    "lives with mom (Spanish-speaking) and dad (Deceased)",
    "Nurse (Charge) aware of the plan",
    "the meeting 2/3 of staff attended",
])
def test_fresh16_twins_stay_unredacted(text):
    assert redact(text).redactions == [], found(text)


@pytest.mark.parametrize("text, kept", [
    # false positives: no name or place here, while the real name stays redacted
    ("They live with his aunt comma who is kind full stop", "comma"),
    ("Home visit: dad smokes outside only, mum quit.", "smokes"),
    ("Thank you\n-- \nSent from MyPortal: https://example.org", "MyPortal"),
    ("Sincerely,\nDr. Ines Korhonen, Adolescent Medicine", "Adolescent Medicine"),
    ("To: Utilization Management, the health plan", "Utilization Management"),
    ("ANTENATAL CLINIC — visit record", "ANTENATAL CLINIC"),
    ("EFW on the 40th centile with normal Dopplers.", "Dopplers"),
    ("Parent Advice Guidance: Safe Sleep for babies", "Guidance"),
    ("Midwife Otieno called the client", "Midwife"),
])
def test_fresh16_false_positives_stay(text, kept):
    spans = found(text)
    assert not any(kept in covered for covered in spans), spans


def test_fresh16_role_noun_before_name_is_trimmed():
    spans = found("Midwife Otieno called the client at 0700")
    assert "Otieno" in spans, spans
