"""PHI kinds from the fresh-6 clinical notes (benchmarks/data/clinical_notes_phi_fresh6.jsonl), each tested
on new wording, never the note's own strings, and each with a twin that must stay unredacted: local hospital
record numbers by their label (UR No, Folder no, URN with a hospital prefix), NZ NHI and India ABHA numbers,
abbreviated number labels (Req#, Spec#), British "Health Centre" facilities, home-care agencies, named
laboratories (also a capitals report header), a place after a facility field label, a partial date after a
procedure or the next treatment, British street types (Grove, Mews, Rise) with the town after them, a nickname
of initials, a sibling named after "sibling" / "twin"; and clinical text that is not PHI (a lab with a qualifier
before its value, a dosing interval, a count per high-power field, an order verb before a lab, camel-case lab
and vaccine abbreviations, a reporting system with a capitalised hyphen part, a hospital unit by floor and
compass point, a note section header, an identifier scheme's name, a dosage-form abbreviation, a clock time
before a unit, a clock time after an abbreviation, a possessive plant name), and names that
stop at a column gap."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # local hospital record numbers by their label, also with the hospital's letters and a space
    ("Emergency Dept\nUR No: 2291846     DOB: 04/07/1988", "2291846", "MRN"),
    ("Folder number: KEH 5530192\nSeen in medical outpatients.", "KEH 5530192", "MRN"),
    ("URN: RBH 0048211     Ward 7", "RBH 0048211", "MRN"),
    # national health numbers by their name (NZ NHI, India ABHA), a capitalised "No"
    ("NHI: PQR7731, transfer accepted.", "PQR7731", "ID"),
    ("ABHA No: 14-2290-8812-4471\nAdmitted for chest pain.", "14-2290-8812-4471", "ID"),
    # abbreviated number labels with a number sign
    ("REQ#: L-55012983   COLLECTED 08:10", "L-55012983", "ID"),
    ("Spec# 24SP-77120 received in micro.", "24SP-77120", "ID"),
    # British / Canadian health centres, home-care agencies, laboratories, a place after a facility label
    ("Referred by Holloway Road Health Centre for review.", "Holloway Road Health Centre", "LOCATION"),
    ("Seen previously at Kingsway Health Sciences Centre.", "Kingsway Health Sciences Centre", "LOCATION"),
    ("Dressings by Bluebird Home Health twice a week.", "Bluebird Home Health", "LOCATION"),
    ("Specimen sent to Summit Ridge Reference Laboratory.", "Summit Ridge Reference Laboratory", "LOCATION"),
    ("NORTHGATE DIAGNOSTIC LABORATORY - HAEMATOLOGY\nFBC attached.", "NORTHGATE DIAGNOSTIC LABORATORY", "LOCATION"),
    ("Agency: Riverbend Companions, visits Mon/Wed.", "Riverbend Companions", "LOCATION"),
    # a partial date after a procedure or the next treatment
    ("Clopidogrel - stop 5 days before surgery 6/17.", "6/17", "DATE"),
    ("Tolerated well. Next infusion 8/29 at the day unit.", "8/29", "DATE"),
    # British street types, and the town after them
    ("Address: 9 Larch Mews, Bristol BS6 5PT", "9 Larch Mews", "ADDRESS"),
    ("Address: 41 Hawthorn Grove, Swansea SA2 0UP", "Swansea", None),
    # a nickname of initials in quotes after a name; a sibling named by a capitalized word
    ('Pt: Roberta Lyle-Masters ("RB"), 6 yo F', "RB", "NAME"),
    ("Twin Grace was also febrile yesterday.", "Grace", "NAME"),
    ("Stepbrother Malik (10) has the same rash.", "Malik", "NAME"),
])
def test_fresh6_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans
    assert value not in redact(text).text


@pytest.mark.parametrize("text", [
    # record-number and facility twins: a value that is a measurement, generic facilities and departments
    "UR No: pending at triage.",
    "Specimen sent to the Clinical Laboratory for a repeat.",
    "HAEMATOLOGY LABORATORY - REFERENCE RANGES",
    "Practice: Internal Medicine",
    "Discussed home care options with the family.",
    # a dose count after a treatment word is no date; headers and orders that end in a facility word
    "Completed cycle 3 of 6; next dose 1/2 tablet.",
    "Given after dose 2/3 of the series.",
    "Arrange Home Health for dressing changes.",
    "Recent Labs:\nNa 135, K 4.2",
    "Molecular Diagnostics pending on the biopsy.",
    "Sibling Rivalry discussed with parents.",
    # labs with a qualifier, dosing intervals, counts per field
    "AKI with Cr peak 3.1, now 1.4.",
    "Hb nadir 71 g/L after the bleed.",
    "Morphine 2 mg IV q4-6h PRN pain.",
    "Urine: RBC 10-15/hpf, casts 0-2/lpf.",
    # order verbs before a lab; camel-case lab and vaccine names
    "Hemolysed sample. Repeat K tomorrow.",
    "Estimate CrCl before dosing. Check TSH in 6 weeks.",
    "FiO2 0.4, PaCO2 48 on the last gas.",
    "HBsAg negative; anti-HBs positive; Hep B sAg repeat not needed.",
    "Due: MenB and Tdap at the next visit.",
    # reporting systems with a capitalised hyphen part
    "Impression: BI-RADS 3, Lung-RADS 2 on the chest CT.",
    "NT-proBNP 2400, up from 900.",
    # hospital units by floor and compass point
    "Transferred to 6 North after the ICU stay.",
    "Float nurse from 4 East covering nights.",
    # note section headers, identifier scheme names, dosage-form abbreviations
    "Handover: night team aware of the plan.",
    "Staffing: two RNs short after midnight.",
    "Medicare: pending application.",
    "Tab. Metformin 500 mg 1-0-1\nCap. Omeprazole 20 mg 1-0-0\nInj. Insulin as per chart",
    # a clock time before a unit, a clock time after an abbreviation
    "Huddle 0700 - 3 West charge nurse present.",
    "Stroke alert: LKW 1345, NIHSS 9.",
    # a possessive plant name
    "Avoid St John's wort with sertraline.",
])
def test_fresh6_twins_are_not_phi(text):
    result = redact(text)
    assert result.text == text, [(text[r.start:r.end], r.label, r.entity) for r in result.redactions]


@pytest.mark.parametrize("text, name, label_after", [
    # a name ends at a column gap: the next field's label is not redacted
    ("Name: Teodora Vasquez     Age/Sex: 44/F", "Teodora Vasquez", "Age"),
    ("Patient: Oluwaseun Adeyemi\tDOB: 03/05/1979", "Oluwaseun Adeyemi", "DOB"),
    ("W/o Mohd. Rafiq     Age/Sex: 51/F", "Rafiq", "Age"),
])
def test_name_stops_at_a_column_gap(text, name, label_after):
    result = redact(text)
    assert name not in result.text, found(text)
    assert label_after in result.text, found(text)


def test_initials_after_a_drug_are_no_nickname():
    text = 'Give Tranexamic Acid ("TXA") 1 g IV over 10 minutes.'
    assert redact(text).text == text, found(text)


@pytest.mark.parametrize("text, value, entity", [
    # what the small NER tags in such text (it does not fire on every wording): each is dropped as its kind
    ("AKI (Cr peak 3.1, baseline 0.9).", "Cr", "ORGANIZATION"),
    ("Maintenance 10 mg/kg q6-8h, then by levels.", "q6-8h", "DATE_TIME"),
    ("Urine: RBC 10-15/hpf.", "10-15", "DATE_TIME"),
    ("Hemolysed sample. Repeat K tomorrow.", "Repeat K", "ORGANIZATION"),
    ("Estimate CrCl before dosing.", "Estimate CrCl", "LOCATION"),
    ("Check TSH in 6 weeks.", "Check TSH", "PERSON"),
    ("Hep B sAg negative.", "Hep B sAg", "PERSON"),
    ("Due: MenACWY booster.", "MenACWY", "LOCATION"),
    ("Impression: Lung-RADS 3.", "Lung-RADS", "PERSON"),
    ("NT-proBNP 2400.", "NT-proBNP", "ORGANIZATION"),
    ("Float RN from 4 East after 1900.", "East", "LOCATION"),
    ("Notes\nHandover: night team aware.", "Handover", "PERSON"),
    ("Address on file\nAadhaar: 2233 4455 6677", "Aadhaar", "ORGANIZATION"),
    ("Medicare No: 4412 55120 1", "Medicare", "ORGANIZATION"),
    ("Tab. Metformin 500 mg 1-0-1", "Tab", "PERSON"),
    ("Huddle 0700 - 3 West charge nurse present.", "0700 - 3 West", "DATE_TIME"),
    ("Avoid St John's wort with sertraline.", "St John", "PERSON"),
])
def test_fresh6_false_positive_kinds_are_dropped(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text))


@pytest.mark.parametrize("text, value, entity", [
    # the same checks leave names and places alone
    ("Seen with Jaxon Reyes-Whitaker today.", "Jaxon Reyes-Whitaker", "PERSON"),
    ("Brother Omar al-Rashid called.", "Omar al-Rashid", "PERSON"),
    ("Discussed with Dr. Ian McKay.", "Ian McKay", "PERSON"),
    ("Moved from North Bay last spring.", "North Bay", "LOCATION"),
    ("Farah: please call me back tonight.", "Farah", "PERSON"),
    ("Clinic visit March 4 with labs.", "March 4", "DATE_TIME"),
    # a month on its own stays a date (an element of a date tied to a person), whatever the cue
    ("First baby, due in October.", "October", "DATE_TIME"),
    ("Unemployed since March; housing unstable.", "March", "DATE_TIME"),
    ("Repeat visit booked with Rosa Diaz.", "Rosa Diaz", "PERSON"),
    ("Give Tom his evening meds.", "Give Tom", "PERSON"),
    ("Chi: I feel dizzy again.", "Chi", "PERSON"),
])
def test_fresh6_false_positive_checks_keep_names(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text)) is None
