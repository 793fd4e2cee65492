"""PHI kinds from the fresh-14 clinical notes (benchmarks/data/clinical_notes_phi_fresh14.jsonl: letterheads, forms,
tables, census lists, certificates, non-US formats), each tested on new wording, never the notes' own strings, and each
with a twin that stays unredacted: an identifier after any label naming one (an acronym, an acronym in parentheses, "No.",
a plate, "my X number is"), an identifier spelled out in words and letters, a name spelled letter by letter, table cells
by their column header, OCR letters in dates and phones, facilities in capitals or named head first in other languages,
numbered health units, a surgery's letterhead, a campus, names in capitals after a label in any language, before an ID
field or after "certify that", "SURNAME, Given", "Re:", a child before "(3 yo)", a dash signature, lower-case and
other-language self-introductions and greetings, an age after a date of birth, dictation with capitals in it, a
European postcode and town, new street types, a lower-case town after a verb of coming or staying, a spoken date of
birth; and text that is not PHI (a scale and its score, orientation, a single letter, "Reg." before "No.", a greeting,
a range with a unit, jargon, an analyte and its qualifier, a call sign, a list letter, a document heading, a count
fraction, a state after its town, abbreviated specialties, role nouns, form labels and column headers in other
languages, an analyte before its value, a date's clock time, local anaesthesia, a department, an insurer)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # identifiers after a label naming one, whatever their format
    ("Transfer request - Mr Omar Saeed / EID 784-1975-8812345-3", "784-1975-8812345-3", "ID"),
    ("   Dr  Lee Hui Min        MCR No.  M54321Z", "M54321Z", "ID"),
    ("N° SS : 1 72 11 13 055 021 64\nMédecin : Dr Roux", "1 72 11 13 055 021 64", "ID"),
    ("Health card (PHN): 9123 456 782\nAllergies: nil", "9123 456 782", "ID"),
    ("Carte Vitale (NIR): 2 91 04 33 017 112 58", "2 91 04 33 017 112 58", "ID"),
    ("Security logged the car registration KLM 482X at the entrance.", "KLM 482X", "ID"),
    ("Officer noted licence plate 7XKD219 at the scene.", "7XKD219", "ID"),
    ("Pharmacist Reg. No. 45821 checked the label.", "45821", "ID"),
    ("and my PPS number is 6543210PA if you need it", "6543210PA", "ID"),
    ("CPF: 987.654.321-00      RG: 12.345.678-9", "987.654.321-00", "ID"),
    ("oh and my member number, it's four A K nine, two two seven, B X one. bye", "four A K nine, two two seven, B X one",
     "ID"),
    # a name spelled letter by letter
    ("My surname is Oyelaran, that's O-Y-E-L-A-R-A-N, and my date of birth is on file.", "O-Y-E-L-A-R-A-N", "NAME"),
    ("the patient is Mr Tschida, T S C H I D A, in room four", "T S C H I D A", "NAME"),
    # table cells by their column header
    ("Bed | Patient | Hosp No | Age\n3 | Moana Tuilagi | K228190 | 94\n4 | Ari Cohen | K228811 | 45", "K228190", "MRN"),
    ("Bed | Patient | Hosp No | Age\n3 | Moana Tuilagi | K228190 | 94\n4 | Ari Cohen | K228811 | 45", "94", "AGE"),
    ("Rm    Patient              MRN        Age\n12    Wozniak, Piotr       0042817    92\n", "0042817", "MRN"),
    ("Rm    Patient              MRN        Age\n12    Wozniak, Piotr       0042817    92\n", "92", "AGE"),
    # OCR letters for digits
    ("  D0B:  l2/O4/1951        Sex:  M", "l2/O4/1951", "DATE"),
    ("  Home Ph:  614 555 O192\n  Work:  none", "614 555 O192", "PHONE"),
    # facilities
    ("  BRIGHTWATER FAMILY MEDICINE        Tel: 555 0100", "BRIGHTWATER FAMILY MEDICINE", "LOCATION"),
    ("  P1NE RIDGE ORTHOPAEDICS      NEW PAT1ENT FORM", "P1NE RIDGE ORTHOPAEDICS", "LOCATION"),
    ("ST. JUDE'S HEALTH CENTRE\nDate: 1/2/2024", "ST. JUDE'S HEALTH CENTRE", "LOCATION"),
    ("LABORATOIRE D'ANALYSES MÉDICALES DU PARC\nTél. 04 78 00 00 00", "LABORATOIRE D'ANALYSES MÉDICALES DU PARC",
     "LOCATION"),
    ("Unidade notificadora: Centro de Saúde Vila Nova\nData: 01/02/2024", "Centro de Saúde Vila Nova", "LOCATION"),
    ("Verlegung aus dem Kantonsspital Aarau am Montag.", "Kantonsspital Aarau", "LOCATION"),
    ("Unidad que envía: HGZ No. 14, Zapopan, Jal.", "HGZ No. 14", "LOCATION"),
    ("Hollins Dental Surgery, BT9 6AB\nCLINICAL NOTE", "Hollins Dental Surgery", "LOCATION"),
    ("Transferred to Mercy Hospital - South Campus overnight.", "Mercy Hospital - South Campus", "LOCATION"),
    ("my nhi is pkq5521 btw, she is at home", "pkq5521", "ID"),
    # names placed by a form
    ("Name:  JOHN  SMITH          Sex: M", "JOHN  SMITH", "NAME"),
    ("Telehealth Visit Summary\nPatient: Ana", "Ana", "NAME"),
    ("spoke with mister calloway about his meds", "calloway", "NAME"),
    ("Nombre: GARCÍA LÓPEZ ANA SOFÍA\nEdad: 45 años", "GARCÍA LÓPEZ ANA SOFÍA", "NAME"),
    ("Nome do paciente: MARIA DAS GRAÇAS SILVA      Idade: 61 anos", "MARIA DAS GRAÇAS SILVA", "NAME"),
    ("Name: JOHN SMITHERS     DOB: 01/02/1960", "JOHN SMITHERS", "NAME"),
    ("  MOHAMED ALI HASSAN     DOB 12/12/1950", "MOHAMED ALI HASSAN", "NAME"),
    ("This is to certify that TAN AH KOW was examined by me today.", "TAN AH KOW", "NAME"),
    ("Bed 9   MOLEFE, Thandi (52F)   Hosp no B2233445", "MOLEFE, Thandi", "NAME"),
    ("Re: Tahira Qureshi-Bloom   DOB 04/05/1988", "Tahira Qureshi-Bloom", "NAME"),
    ("Mom called: Zion (3 yo) fever since last night.", "Zion", "NAME"),
    ("see you thursday then — Anjali", "Anjali", "NAME"),
    ("hi nurse its tomasz again (ana's dad), she still has the rash", "tomasz", "NAME"),
    ("hi nurse its tomasz again (ana's dad), she still has the rash", "ana", "NAME"),
    ("ako po si Marites, salamat po", "Marites", "NAME"),
    ("Hola, me llamo Inés Carvajal y tengo cita.", "Inés Carvajal", "NAME"),
    ("Kia ora Hemi, your appointment is on Monday.", "Hemi", "NAME"),
    # an age after a date of birth
    ("Patient: Ida Moss    DOB 02/11/1931 (93 y)", "93", "AGE"),
    # dictation holding capitals
    ("this is doctor lena morrow dictating on patient oscar fairweather that's F A I R W E A T H E R medical record "
     "number four four one two seven nine period", "lena morrow", "NAME"),
    ("this is doctor lena morrow dictating on patient oscar fairweather that's F A I R W E A T H E R medical record "
     "number four four one two seven nine period", "four four one two seven nine", "MRN"),
    ("plan colon repeat labs in six weeks period copy to doctor ruth vale at brookfield family medicine period end of "
     "dictation", "brookfield family medicine", "LOCATION"),
    # places
    ("Domicilio: Calle Hidalgo 215 Int. 4\nTeléfono: pendiente", "Calle Hidalgo 215 Int. 4", "ADDRESS"),
    ("Endereço: Av. Brasil, 1500, apto 12\nCidade: Campinas", "Av. Brasil, 1500, apto 12", "ADDRESS"),
    ("Schillerstraße 12, 10625 Berlin", "10625", "LOCATION"),
    ("Schillerstraße 12, 10625 Berlin", "Berlin", "LOCATION"),
    ("Adresse : 12 rue des Lilas, 69002 Lyon", "12 rue des Lilas", "ADDRESS"),
    ("Keizersgracht 214, 1016 DW Amsterdam", "Keizersgracht 214", "ADDRESS"),
    ("New address 12 Birch Lawn, Ballincollig, Co. Cork.", "12 Birch Lawn", "ADDRESS"),
    ("New address 12 Birch Lawn, Ballincollig, Co. Cork.", "Ballincollig", "LOCATION"),
    ("we are coming from ikeja now, traffic is bad", "ikeja", "LOCATION"),
    ("im staying at my sisters in tauranga till friday", "tauranga", "LOCATION"),
    # a spoken date of birth with a two-word year
    ("ok and the dob is seven twelve eighty-eight", "seven twelve eighty-eight", "DATE"),
])
def test_fresh14_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    "BP 142/91, HR 104, RR 18, SpO2 98%.",              # vitals after their acronyms are no identifiers
    "IRB #2023-0457 approved the protocol.",
    "PTA: thresholds 250-8000 Hz within normal limits.",
    "NURSING NOTE 0700-1900",
    "Moved to Ward No. 12, Bed 4.",
    "The denial cites policy MP-214, criterion 3b.",
    "my member number is on the card",
    "my id is in my wallet",
    "the number is going up",
    "Domicilio: ver expediente",
    "thank you mister",
    "The ABCDE approach, A-B-C-D-E, was taught.",
    "spelled it out for the family",
    "Analyte   Result   Units   Range\nNa        140      mmol/L  135-145",
    "Bed | Age | Plan\n3 | 64 | home\n4 | 71 | rehab",
    "Dose 1O mg daily.",
    "ANTICOAGULATION CLINIC - INR CHECK",
    "WOUND CARE CENTER - PROGRESS NOTE",
    "Hospital Course: uneventful.",
    "Ventilated on PS 5/PEEP 5 overnight.",
    "Surgery, 3 days ago, went well.",
    "Name: SEE CHART",
    "Name: UNKNOWN MALE",
    "IMPRESSION, Normal study.",
    "SBAR - call to on-call MO, Ward 76, 0215 hrs",
    "Re: Knee Pain Referral",
    "Patient (3 yo) with fever.",
    "see you thursday - Thanks",
    "its fine again now",
    "my son's school called.",
    "Je suis Diabétique depuis 2010.",
    "Kia ora, your appointment is on Monday.",
    "patient tolerated the procedure well period",
    "coming from work now",
    "back from rehab today",
    "flying in tmrw",
    "Address: pending",
    "the dob is on file",
])
def test_fresh14_twins_stay(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text, value", [
    ("Berg 41/56, TUG 18 s.", "Berg"),
    ("Tinetti 18/28 today.", "Tinetti"),
    ("Pt A&Ox4, calm.", "A&Ox4"),
    ("1.5 cm laceration L eyebrow.", "L"),
    ("Pharmacist Reg. No. 45821 checked the label.", "Reg"),
    ("Kia ora whānau, the clinic is closed.", "Kia ora"),
    ("Estimated needs 1800-2000 kcal/day.", "1800-2000"),
    ("pharmacist med-rec call within 48 h", "med-rec"),
    ("Glucose, fasting     5.4   mmol/L", "Glucose"),
    ("brought by EMS (Medic 14) after the fall", "Medic"),
    ("SPECIMENS: A. Left breast. B. Left sentinel node.", "B. Left"),
    ("Patient Portal Message\nFrom: Ana Lima", "Portal Message"),
    ('Record as "CV phoned 1/1 attempt".', "1/1"),
    ("SRI RAMA HOSPITAL, Guntur, Andhra Pradesh", "Andhra Pradesh"),
    ("Consultant: Dr. P. Rao, MD (Gen Med)", "Gen Med"),
    ("Attender: son, Mob +91 94401 73318", "Attender"),
    ("Reviewed by: Clinical Pharmacist Reviewer", "Reviewer"),
    ("Prescripteur : Dr Luc Roux\nPrélevé le 21/10/2024", "Prescripteur"),
    ("Logradouro: Rua Sete, 12\nBairro: Centro\nCidade: Campinas\nUF: SP", "Logradouro"),
    ("             Résultat    Unités    Valeurs\nHémoglobine  12,1        g/dL      12,0 - 16,0", "Résultat"),
    ("Plaquetas 98.000/mm3, Ht 44%.", "Plaquetas"),
    ("Visit: 3/14/2025 09:15-10:05", "09:15"),
    ("Tx: composite under LA (articaine 4%).", "LA"),
    ("Klinikum Rechts der Isar - Medizinische Klinik II (Kardiologie)", "Kardiologie"),
    ("Klinikum Rechts der Isar - Medizinische Klinik II (Kardiologie)", "Medizinische"),
    ("insurance no. B552019374 (Barmer Ersatzkasse), inpatient", "Barmer"),
    ("Edad: 39 años\nSexo: F\nDomicilio: Calle 5", "Edad"),
])
def test_fresh14_false_positive_kinds_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered in value and len(covered) > 2 for covered in spans), spans


@pytest.mark.parametrize("text, value, label", [
    # the twins of the false-positive kinds: the real PHI beside them stays redacted
    ("Visit: 3/14/2025 09:15-10:05", "3/14/2025", "DATE"),
    ("Klinikum Rechts der Isar - Medizinische Klinik II (Kardiologie)", "Klinikum Rechts der Isar", "LOCATION"),
    ("SRI RAMA HOSPITAL, Guntur, Andhra Pradesh", "Guntur", "LOCATION"),
    ("Seen by Dr Berg 4/12 for review.", "Berg", "NAME"),
    ("Prescripteur : Dr Luc Roux\nPrélevé le 21/10/2024", "Luc Roux", "NAME"),
    ("Attender: son, Mob +91 94401 73318", "+91 94401 73318", "PHONE"),
    ("insurance no. B552019374 (Barmer Ersatzkasse), inpatient", "B552019374", "ID"),
    ("Pharmacist Reg. No. 45821 checked the label.", "45821", "ID"),
    ("call me back, my number is 021 555 0192", "021 555 0192", "PHONE"),   # "my number" names a phone
])
def test_fresh14_real_phi_beside_false_positive_kinds(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans
