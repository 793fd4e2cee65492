"""False-positive kinds read off the unseen notes of fresh 26-31 (src/medrails/guard/phi_kinds18_fp.py), each on new
wording, never the notes' own strings, and each with a look-alike twin whose PHI stays redacted: dates that are no
dates (numbers no calendar reads, a score out of ten, ranges of days or seconds, a spinal level, a code's segment),
prose read as a URL, policy numbers, ward units, clinical words read as names (a checklist item, a word before a lab
value, a word and an abbreviation before a measurement, a reaction in parentheses, a foreign clinical noun, a field
label, a foreign title or salutation, job titles and departments, insurers by their slot, eponymous scores, capital
headings, a percentage, a clock's AM)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact
from medrails.guard.phi_kinds18_fp import kind18_fp_reason


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value", [
    # dates that are no dates
    ("Depression screen: PHQ-9 21/27, GAD-7 15/21 today.", "21/27"),
    ("Eye test: Ishihara 15/15 plates read.", "15/15"),
    ("Sodium      138      mmol/L      23-31\n", "23-31"),
    ("Reports anxiety 6/10 (was 3/10), sleeping poorly.", "6/10"),
    ("Newborn cried at once, Apgar 7/10 and 9/10.", "9/10"),
    ("Hold your breath for 20-40 seconds after each puff.", "20-40"),
    ("Antibiotics were given on day 2-5 of the stay.", "2-5"),
    ("MRI: broad disc bulge at L3-4 touching the nerve root.", "L3-4"),
    ("Signed on form CARE-OCT-07 v2 by the nurse.", "OCT-07"),
    # prose, policy numbers, units
    ("# data: ward audit sheet v1.4, aggregate only", "ward audit sheet"),
    ("Denied under our guideline (Policy CRD-77.2) for lack of trial.", "CRD-77"),
    ("HANDOVER - Maple Court, Unit 3 West, room 12", "Unit 3"),
    ("Pharmacy: Cigna, BIN 004336, PCN ADV", "004336"),
    ("Gait: 6MWT 210 m with a frame.", "6MWT 210"),
    # clinical words read as names
    ("[ ] Dressing checked\n[ ] Catheter removed", "Catheter"),
    ("Labs: Trop T 0.08 ng/mL, Na 131.", "Trop"),
    ("Bilan: Calcémie 2,41, urée haute.", "Calcémie"),
    ("Allergies: Amoxicillin (Urticaria), nuts", "Urticaria"),
    ("Wir bitten um Gastroskopie bei Anämie.", "Gastroskopie"),
    ("Fecha: 3/2/2025\nPaciente: ingresa por disnea", "Paciente"),
    ("Tél. 418 555 0170 (poste 12)", "Tél"),
    ("Cher Confrère,\nJe vous remercie de voir ce patient.", "Cher Confrère"),
    ("Sehr geehrte Kolleginnen und Kollegen,\nanbei der Befund.", "Kolleginnen"),
    ("Best wishes,\nDuty Staff Nurse, Ward 9", "Duty Staff Nurse"),
    ("Please see her in the Headache Monitoring Unit next week.", "Headache Monitoring Unit"),
    ("Cover: his medical aid is Discovery, member number to follow.", "Discovery"),
    ("Score: Centor >= 3 so swab taken.", "Centor"),
    ("Exam: Killip II, crackles to mid zones.", "Killip"),
    ("HAEMATOLOGY REFERENCE RANGES - adults", "HAEMATOLOGY REFERENCE RANGES"),
    ("Languages at the desk: Polish 30%, Tamil 12%.", "Tamil 12%"),
    ("Sat 10:05 AM  Front desk: Booked for you.", "AM"),
    ("Form QRT-4, rev. 3.", "Form QRT-4"),
    ("Her hospital card is in the drawer.", "Her hospital"),
])
def test_fresh26_31_false_positive_kinds_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered in value and len(covered) > 2 for covered in spans), spans


@pytest.mark.parametrize("text, value, label", [
    # the twins: the same shapes where a date, a name, an identifier or an address is real
    ("Seen in clinic on 7/10 for the wound check.", "7/10", "DATE"),
    ("Follow up 4/11 with bloods.", "4/11", "DATE"),
    ("Email: harriet dot quill at gmail dot com", "harriet dot quill at gmail dot com", "EMAIL"),
    ("Claim ref: CLM-2023-4419023 pending", "CLM-2023-4419023", "ID"),
    ("Lives at Unit 4/22 Banksia Road, Parramatta", "Banksia Road", "ADDRESS"),
    ("Send it to:\nTomasz Wrona\n1187 Kastanienallee 12\n Suite 310\n Leipzig", "Suite 310", "ADDRESS"),
    ("[ ] Call Mrs Whitcombe about the results", "Whitcombe", "NAME"),
    ("Wife (Ngozi) gives the history.", "Ngozi", "NAME"),
    ("Member: Okonkwo, Chidinma   Member ID H55120983", "Okonkwo, Chidinma", None),
    ("Cher Confrère,\nJe vous adresse Mme Odile Ferrand, 71 ans.", "Odile Ferrand", "NAME"),
    ("Best wishes,\nStaff Nurse Rhiannon Pryce, Ward 9", "Rhiannon Pryce", "NAME"),
    ("Mit freundlichen Grüßen\nDr. Annelie Brecht, Fachärztin für Innere Medizin", "Annelie Brecht", "NAME"),
])
def test_fresh26_31_twins_stay_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text, entity, value", [
    ("Tamil (Sri Lankan) spoken at home; pain 8/10 in the evenings", "DATE_TIME", "8/10"),
    ("phototherapy days 2-4 then home", "DATE_TIME", "days 2-4"),
    ("Note: Medicare Part B pays for the drug", "PERSON", "Medicare Part"),
    ("Medicare Beneficiary Identifier: 1AB2-CD3-EF45", "PERSON", "Beneficiary Identifier"),
    ("Aadhaar (as per card): 1234 5678 9012", "PERSON", "Aadhaar"),
    ("Tests : HbA1c , Lipid Profile , urine R/M", "ORGANIZATION", "Lipid Profile"),
    ("fluids given period Specimen sent to the lab period", "PERSON", "Specimen"),
    ("Echo: Triplane LVEF 38% today, mild MR.", "PERSON", "Triplane LVEF"),
    ("Pump: Impella CP removed this morning.", "LOCATION", "Impella CP"),
    ("Reauthorization (6 months): with a drop in HbA1c", "FORM_NAME", "Reauthorization"),
    ("DISCHARGE SUMMARY - Riverside Ward (Older People)", "PERSON", "Riverside Ward"),
])
def test_kind18_reason_names_the_kind(text, entity, value):
    start = text.index(value)
    assert kind18_fp_reason(text, entity, start, start + len(value))


@pytest.mark.parametrize("text, entity, value", [
    ("Seen on 8/10 by the nurse", "DATE_TIME", "8/10"),
    ("Surgery was 12-2023 at the county hospital.", "DATE_TIME", "12-2023"),
    ("Referral sent 2-4 to the team", "DATE_TIME", "2-4"),
    ("Patient: Mario Part B. Longo", "PERSON", "Mario Part"),
    ("Contact: Mrs Ward, 555 0101", "PERSON", "Ward"),
    ("Daughter (Felicity): 07700 900 123", "PERSON", "Felicity"),
    ("comma Kernersville full stop", "LOCATION", "Kernersville"),
    ("nearest is Our Lady of Mercy Hospital", "FACILITY", "Our Lady of Mercy Hospital"),
    ("ST MARY'S HOSPITAL - DEPARTMENT OF PATHOLOGY", "FACILITY", "ST MARY'S HOSPITAL"),
    ("Florence Ward, 81, lives alone", "PERSON", "Florence Ward"),
])
def test_kind18_reason_leaves_phi(text, entity, value):
    start = text.index(value)
    assert kind18_fp_reason(text, entity, start, start + len(value)) is None
