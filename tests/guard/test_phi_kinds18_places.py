"""PHI places and facilities by structure (lane c, src/medrails/guard/phi_kinds18_places.py), each tested on new wording,
never a benchmark note's own strings, and each with a look-alike twin that stays unredacted: informal places in
patients' messages (a town after "the <store> in", a town after a direction, a facility before "er", a saint's
hospital, a women's or children's hospital, a lower-case pharmacy, a facility acronym after a discharge verb),
facilities of other languages and shapes, postal codes of international addresses, towns of letters' place-and-date
lines and city-state-ZIP lines, the lines of an address block; and departments named only by their specialty."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value", [
    # informal places in messages
    ("can the refill go to the target in moline, the usual one closed", "moline"),
    ("pls send it to the one in enid says my daughter", "enid"),
    ("we are up in bemidji for the week so cant come in", "bemidji"),
    ("ok leaving stl now, there by noon", "stl"),
    ("my sugar was 310 at the mercyview er last night", "mercyview"),
    ("since st agnes sent him home his cough is worse", "st agnes"),
    ("dad is at st judes again, same chest pain", "st judes"),
    ("my midwife is at lakeshore childrens this week", "lakeshore childrens"),
    ("my pharmacy (cedar knoll pharmacy in reno) has no stock", "cedar knoll pharmacy"),
    ("mama was discharged from KATH last friday", "KATH"),
    ("should we take her to KATH tonight or wait", "KATH"),
    # facilities
    ("INGRESO - Unidad de Medicina Familiar No. 12\nNombre: Ruiz Soto, Ana", "Unidad de Medicina Familiar No. 12"),
    ("Klinikum links der Weser · Abteilung Kardiologie", "Klinikum links der Weser"),
    ("Dr. Ana Reyes\nNorthern Lung and Sleep Institute\n\nDear Dr. Reyes,", "Northern Lung and Sleep Institute"),
    ("EASTBROOK GENERAL HOSPITAL - DEPARTMENT OF RADIOLOGY\nReport", "EASTBROOK GENERAL HOSPITAL"),
    ("ASHANTI ROAD HEALTH CENTRE, KUMASI — REFERRAL FORM\nTo: MO", "KUMASI"),
    ("Handover: Pike, Roy, 71M, MUSC Shawnee bed 4 -> ward 3", "MUSC Shawnee"),
    ("Kingsway Ridge Dental\nT 555-0100\n\nMarch 2, 2025", "Kingsway Ridge Dental"),
    # postal codes
    ("Addr: 12 Tilak Road, Shivajinagar, Pune - 411 005\nMob: none", "411 005"),
    ("Domicilio: Av. Juárez 88, Col. Centro, C.P. 06700\nMotivo: tos", "06700"),
    ("Rua das Flores 12, Belo Horizonte, CEP 30130-010", "30130-010"),
    ("Blk 12 Jurong West St 41 #03-221, Singapore 640412\nPlease reply", "640412"),
    ("we moved to 9 Protea Road, Hatfield, Pretoria, 0083.", "0083"),
    ("Addr : Flat 7 ,  Sai Kripa CHS ,  Dadar Road ,  Dadar\nMob : none", "Flat 7 ,  Sai Kripa CHS ,  Dadar Road"),
    ("Plot 22, Sector 4 ,  Nerul\nP A T I E N T", "Plot 22, Sector 4"),
    # towns of letters and address lines
    ("Dr Hugo Petit\nFait à Nantes, le 12/03/2025", "Nantes"),
    ("Graz, 3. Mai 2024\n\nSehr geehrte Frau Kollegin,", "Graz"),
    ("Cabinet médical\n4 rue Verte, 44000 Nantes\nTél. 02 40 00 00 00", "Nantes"),
    ("Ms. Ann Lee\nPO Box 44\nLookout Valley, TN 37419\n\nDear Ms. Lee,", "Lookout Valley"),
    # an address block
    ("Ms Aoife Ní Dhuinn\nTigh na Coille\nCarrigaline\n\nDear Ms Ní Dhuinn,", "Tigh na Coille"),
    ("Ms Aoife Ní Dhuinn\n7 Bóthar na Trá\nCarrigaline\n\nDear Ms Ní Dhuinn,", "Carrigaline"),
    # an eponym-town after a facility is no specialty
    ("Speech Therapy - Royal Alexandra Hospital, Glasgow\nPatient: x", "Glasgow"),
])
def test_places18_are_redacted(text, value):
    spans = found(text)
    assert any(value in covered or covered in value and len(covered) * 2 >= len(value) for covered in spans), spans


@pytest.mark.parametrize("text, value", [
    # informal look-alikes
    ("the pain in my back, it is worse at night", "back"),
    ("we went to the nearest hospital and waited", "nearest"),
    ("should we go to the closer hospital or come to you", "closer"),
    ("his left hip is sore and he cant walk", "hip"),
    ("up in arms about the bill, sorry", "arms"),
    ("dizzy when i roll over in bed, then back in bed", "bed"),
    ("she was admitted to ICU overnight", "ICU"),
    ("Referred to ASP duty team today.", "ASP"),
    ("pt is at the main er now", "main"),
    # facility and postcode look-alikes
    ("Hospital stay: 5 days, discharged home", "Hospital stay"),
    ("Sodium - 140 mmol/L", "140"),
    ("ECG: flat T waves in V4, Road traffic injury ruled out", "flat"),
    ("Infectious Diseases Clinic\nPatient seen today", "Infectious Diseases Clinic"),
    ("Cardiology, 3 visits in 2024", "Cardiology"),
    ("Dressing, 2 days old, changed today.", "Dressing"),
])
def test_places18_twins_stay(text, value):
    spans = found(text)
    assert not any(value in covered for covered in spans), spans


@pytest.mark.parametrize("text, value", [
    ("Riverside Cancer Centre - Breast Oncology Clinic\nClinic date: 1 May", "Breast Oncology Clinic"),
    ("PROGRESS NOTE - Lakeview Health Sciences Centre, Nephrology\nPatient: x", "Nephrology"),
    ("Your appointment at the Endocrine Clinic (Level 2) is on Monday", "Endocrine Clinic"),
])
def test_departments_named_by_specialty_stay(text, value):
    spans = found(text)
    assert not any(value in covered for covered in spans), spans


@pytest.mark.parametrize("text, value", [
    ("To: The Medical Officer in Charge, District Referral Hospital\nRE: cough", "District Referral Hospital"),
    ("Her hospital number is on the card.", "Her hospital"),
    ("RURAL HEALTH STATION\nReferral slip", "RURAL HEALTH STATION"),
])
def test_generic_facilities_stay(text, value):
    spans = found(text)
    assert not any(value in covered for covered in spans), spans
