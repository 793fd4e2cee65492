"""PHI kinds from the fresh-17 clinical notes (benchmarks/data/clinical_notes_phi_fresh17.jsonl: outpatient specialties,
pharmacy, dental, imaging, telehealth, many notes outside the US), each tested on new wording, never the notes' own
strings, and each with a twin that stays unredacted: places (the comma parts of a place field, the town after a
facility in a letterhead, a head-first pharmacy, a town after a street line with no postal code, a facility named by a
service head, a lower-case pharmacy and its town), identifiers (a segmented code between slashes, a national number
with check letters, a German compound label), ages over 89 after a birthday verb or "now", dates (a month/year after a
timing label, a partial date after a foreign day word), names (a lower-case name after a foreign title, a lower-case
self-introduction before a relation's role, the line under a thanks, capitals after a name label with a format hint);
and text that is not PHI (a message-type word opening a note, a job title, a brand before a frequency, a word before a
dose in a foreign unit, a compound unit, plural nouns paired, a German department adjective and compound label, a
foreign closing, a bare month)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # places
    ("Seen by: J. Ortiz, OD | Location: Birchwood Hearing Care, Salem, MA | CC: tinnitus", "Birchwood Hearing Care",
     "LOCATION"),
    ("Seen by: J. Ortiz, OD | Location: Birchwood Hearing Care, Salem, MA | CC: tinnitus", "Salem", "LOCATION"),
    ("Age: 58   Residence: Hillview Gardens, Ruaraka\nReason: cough", "Hillview Gardens", None),
    ("ORAL SURGERY NOTE - Harbourside Dental Clinic, Oakville ON\nPt: Tremblay, Luc", "Oakville", "LOCATION"),
    ("Farmacia San Lorenzo - Verona\nRicetta del 04/11/2024", "Farmacia San Lorenzo", None),
    ("Farmacia San Lorenzo - Verona\nRicetta del 04/11/2024", "Verona", None),
    ("Praxis Dr. Weber, Lindenplatz 4, Dresden\nPatientin: Frau Koch", "Dresden", "LOCATION"),
    ("video visit; provider at Larkspur Behavioral Health today", "Larkspur Behavioral Health", "LOCATION"),
    ("hey doc, dunmore pharmacy in yakima says the refill is stuck", "dunmore pharmacy", "LOCATION"),
    ("hey doc, dunmore pharmacy in yakima says the refill is stuck", "yakima", "LOCATION"),
    # identifiers
    ("her clinic card no is QEH/ORTHO/22817 ok", "QEH/ORTHO/22817", None),
    ("referral filed under QEH/ORTHO/22817 today", "QEH/ORTHO/22817", "MRN"),
    ("Patient: Tan Mei Hua, T0481726J.", "T0481726J", "ID"),
    ("can you confirm your NRIC: T0481726J", "T0481726J", "ID"),
    ("Frau Koch, Versicherungsnr. X302918475 (TK)", "X302918475", "ID"),
    # ages over 89
    ("mum is turning 92 on 5 May and wants the jab first", "92", "AGE"),
    ("my grandad, he's ninety-four now, still drives", "ninety-four", "AGE"),
    # dates
    ("Dx: migraine   Onset: 3/2023 after a fall", "3/2023", "DATE"),
    ("a cirurgia foi dia 14/08 no hospital", "14/08", "DATE"),
    # names
    ("oi dra luiza, tudo bem? aqui é a mãe", "luiza", "NAME"),
    ("hello its marisol dads nurse from the agency", "marisol", "NAME"),
    ("Please call me back.\nThanks a bunch,\nEithne", "Eithne", "NAME"),
    ("Name (Last, First MI):  HALE ,  MORGAN  T\nDOB: 01/02/1970", "HALE ,  MORGAN  T", "NAME"),
])
def test_fresh17_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    # the twins: the same shapes where no identifier, date, name or place is
    "Location: left lower quadrant, tender",
    "Location: Clinic Room, Bay 4",
    "Clinic: Dermatology, follow-up 6 weeks",
    "Dental Clinic - Room 2\nNext patient at 10",
    "Refer to Adult Mental Health next week.",
    "Pharmacie de garde ce soir",
    "walked 200 m in 6 min, 3 rests",
    "the pharmacy in town says it is out of stock",
    "HTN/DM/CKD stage 3",
    "Batch T7654321K used for the flu clinic",
    "BP/HR/RR stable",
    "Troponin 0.02, ALT 41, ratio 3.2",
    "She is turning 40 next year",
    "he's 45 now and fit",
    "Pain: 7/10   Onset: sudden",
    "dose 2/3 of the vial",
    "the doctor said to rest",
    "its fine mum is ok now",
    "Thanks a bunch,\nsee you Monday",
    "Name (optional): not given",
])
def test_fresh17_twins_stay(text):
    spans = found(text)
    assert not spans, spans


@pytest.mark.parametrize("text, value", [
    # false-positive kinds
    ("Voicemail from 555 0100 at 7pm: asking about refill", "Voicemail"),
    ("Fax - referral for cardiology review", "Fax"),
    ("Thanks,\nReferrals Coordinator\nP 555 0134", "Referrals Coordinator"),
    ("Is it the Xalatan at night and the drops in the morning?", "Xalatan"),
    ("Insulina NPH 14 UI por la mañana", "Insulina"),
    ("CTDIvol 40 mGy, DLP 700 mGy.cm. No bleed.", "mGy.cm"),
    ("No mass. Ventricles and sulci are normal for age.", "Ventricles"),
    ("Kardiologische Ambulanz, Klinikum Nord\nBefund: unauffällig", "Kardiologische Ambulanz"),
    ("Patientin geb. 01.01.1950, Fallnr. folgt", "Fallnr"),
    ("Weiteres Vorgehen besprochen.\nMit freundlichen Grüßen", "Grüßen"),
])
def test_fresh17_false_positive_kinds_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered in value and len(covered) > 2 for covered in spans), spans


@pytest.mark.parametrize("text, value, label", [
    # the twins of the false-positive kinds: the real PHI beside them stays redacted
    ("Voicemail from Odette Marchand re: her inhaler", "Odette Marchand", "NAME"),
    ("Thanks,\nReferrals Coordinator\nP 555 0134\nDr Pavel Novak", "Novak", "NAME"),
    ("We saw Mr Whitcombe twice this month.", "Whitcombe", "NAME"),
    ("Mit freundlichen Grüßen\nDr. Annelie Brecht", "Annelie Brecht", "NAME"),
    ("start immunotherapy on 3 November 2024", "3 November 2024", "DATE"),
    ("Kardiologische Ambulanz\nPatient: Herr Jörg Lindqvist", "Jörg Lindqvist", "NAME"),
])
def test_fresh17_real_phi_beside_false_positive_kinds(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans
