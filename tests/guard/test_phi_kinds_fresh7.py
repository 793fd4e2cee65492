"""PHI kinds from the fresh-7 clinical notes (benchmarks/data/clinical_notes_phi_fresh7.jsonl), each tested
on new wording, never the note's own strings, and each with a twin that must stay unredacted: speech-recognition
dictation (record and phone numbers spoken digit by digit, spoken dates, lower-case names, facilities and the town
after one), OCR-spaced forms ("LAST ,  FIRST  M", the city field, a member number in spaced groups), "Medical
Practice" and recovery centres, an age over 89 in parentheses after a name, a bare "UR:" label, Singapore NRIC,
the PhilHealth shape, national numbers by scheme name, abbreviated given names and lower-case particles in a name
field, a clinician before a credential or after an -ist role label, a partial date before a clock time; and
clinical text that is not PHI (a day of a course, a date span of measurements, clock ranges, an IP read as a date,
note titles, instrument eponyms, suture brands, hospital services, eponymous scores, signed results, obstetric
notation, laterality, header words, weekday doses, role adjectives, languages, triage systems, form labels, unit
letters, ICD-10 codes), and a date span without its clock time."""

from __future__ import annotations

import pytest

from medrails.guard.phi import analyze, redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


_DICTATED = ("this is doctor brannigan dictating a discharge summary on patient rosalind fairweather date of birth "
             "march fourteenth nineteen forty eight hospital number k t four four one nine zero three two comma "
             "she came from willowmere nursing home in harrogate period her son may be reached on zero seven seven "
             "zero zero nine zero zero three one eight period admitted on the twenty second of june twenty "
             "twenty four period new paragraph")


@pytest.mark.parametrize("value, label", [
    ("brannigan", "NAME"),
    ("rosalind fairweather", "NAME"),
    ("march fourteenth nineteen forty eight", "DATE"),
    ("k t four four one nine zero three two", "MRN"),
    ("willowmere nursing home", "LOCATION"),
    ("harrogate", "LOCATION"),
    ("zero seven seven zero zero nine zero zero three one eight", "PHONE"),
    ("twenty second of june twenty twenty four", "DATE"),
])
def test_dictation_kinds_are_redacted(value, label):
    spans = found(_DICTATED)
    assert any(value in covered and lab == label for covered, lab in spans.items()), spans


def test_dictated_date_of_birth_in_numbers():
    text = ("dictated letter patient name missus bronwyn achterberg date of birth four oh nine nineteen fifty two "
            "full stop she is much improved full stop")
    spans = found(text)
    assert "four oh nine nineteen fifty two" in spans and "bronwyn achterberg" in spans, spans


@pytest.mark.parametrize("text", [
    # dictation that holds no identifier: doses, vitals and counts in words, a modal "may", "patient" + verb
    ("dictating a clinic note period the patient tolerated metformin five hundred milligrams twice a day comma "
     "blood pressure one forty over eighty two period he may need a second review in three weeks period "
     "the doctor recommended physiotherapy period new paragraph"),
    ("period we discussed at the local hospital and the community hospital comma she may march on with the walking "
     "plan and was seen at the fracture clinic in person period new paragraph dictation ends"),
])
def test_dictation_twins_are_not_phi(text):
    result = redact(text)
    assert result.text == text, found(text)


def test_chat_spoken_phone_number_is_left_to_the_learned_tagger():
    text = "my doctor said to call four eight zero five five five zero one nine nine tomorrow"
    # no dictation markers: the dictation rules stay off (they would read "one forty over eighty" in chat) and the
    # tagger, which reads the whole run of digit words after "call", redacts it
    assert [(s.label, s.entity) for s in analyze(text)] == [("PHONE", "PHI_TAGGER")]
    assert redact(text).text == "my doctor said to call [PHONE] tomorrow"


@pytest.mark.parametrize("text, value, label", [
    # scanned forms with OCR spacing
    ("Patient Name :  OYELARAN ,  BABATUNDE  K        D.O.B :  11 / 02 / 1966", "OYELARAN ,  BABATUNDE  K", "NAME"),
    ("City/St/Zip :  FLAGSTAFF ,  AZ   86001", "FLAGSTAFF", "LOCATION"),
    ("Insurance :  Desert Health     Member ID :  QRT 551 903 268\nPCP : none", "QRT 551 903 268", "ID"),
    ("Policy # :  H 7731 20584", "H 7731 20584", "ID"),
    # named practices and recovery centres
    ("Referral from Brackenridge Medical Practice, Otley.", "Brackenridge Medical Practice", "LOCATION"),
    ("Discharged to Lakeshore Recovery Center for IOP.", "Lakeshore Recovery Center", "LOCATION"),
    ("Accepted at Cedar Bluff Treatment Program next week.", "Cedar Bluff Treatment Program", "LOCATION"),
    # an age over 89 in parentheses after a name
    ("Resident: Ilse Brandt (94)   Room 12", "94", "AGE"),
    # a bare UR label, NRIC / FIN, PhilHealth, national numbers by scheme name
    ("UR: 3308215   DOB 02/02/1950", "3308215", "MRN"),
    ("NRIC: T0123456Z  Tel: +65 8111 2222", "T0123456Z", "ID"),
    ("Patient IC checked, S1234567D on file.", "S1234567D", "ID"),
    ("Member 12-345678901-2 verified at admission.", "12-345678901-2", "ID"),
    ("PhilHealth PIN: 0201-2345-6789 (dependent)", "0201-2345-6789", "ID"),
    # abbreviated given names and lower-case particles in a name field
    ("Name: Ma. Luisa delos Santos   Age: 31", "Ma. Luisa delos Santos", "NAME"),
    ("Patient: Mohd. Faizal bin Rahman, 44M", "Faizal bin Rahman", "NAME"),
    # a clinician before a credential (a given name ending like a drug), after an -ist label
    ("Cosigned: Olamide Adeyemi-Cole, MD", "Olamide", "NAME"),
    ("Sonographer: Priyanka Deshmukh\nFindings: normal.", "Priyanka Deshmukh", "NAME"),
    # a partial date before a clock time anywhere in a line
    ("Arrived 11/23 04:40 by ambulance.", "11/23", "DATE"),
    ("Last use 2/14 ~23:30, none since.", "2/14", "DATE"),
])
def test_fresh7_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and lab == label for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    "Member ID :  on file",
    "UR: 250 mL overnight.",
    "Pulse Ox (94) on room air.",
    "Repeat in 2/7 if no better.",
    "Pain 7/10 at 02:15, improved to 3/10 by 04:00.",
    "Name: Infant of mother, see chart",
    "Specialist: Cardiology to review.",
    "Lot S1234567A expires soon.",
    "Sequence 12-34567-8 in the protocol appendix.",
])
def test_fresh7_twins_are_not_phi(text):
    result = redact(text)
    assert result.text == text, [(text[r.start:r.end], r.label, r.entity) for r in result.redactions]


@pytest.mark.parametrize("text, value, entity", [
    ("Cefepime 2 g q8h (day 3/10).", "day 3/10", "DATE_TIME"),
    ("Pre BP 170/90, post 128/76.", "post 128/76", "DATE_TIME"),
    ("Home visits nightly 1900-2100.", "nightly 1900-2100", "DATE_TIME"),
    ("Session from 10.40.2.17 two minutes later.", "10.40.2.17 two minutes later", "DATE_TIME"),
    ("Admission Note - Hospital Day 4", "Admission Note - Hospital Day", "PERSON"),
    ("10 mm Veress needle at the umbilicus.", "Veress", "PERSON"),
    ("Closed with 2-0 Prolene.", "Prolene", "ORGANIZATION"),
    ("Discussed with Infection Prevention Team.", "Infection Prevention Team", "LOCATION"),
    ("Clinical Pharmacist, Renal Service", "Renal", "CHAT_NAME"),
    ("Cervix favourable, Bishop 9.", "Bishop", "ORGANIZATION"),
    ("Blood group O Rh+ confirmed.", "Rh+", "PERSON"),
    ("34 y/o G2P1->2 after delivery.", "G2P1->2", "LOCATION"),
    ("Access: R radiocephalic fistula.", "R radiocephalic", "LOCATION"),
    ("Nurse Telephone Encounter", "Telephone", "CHAT_NAME"),
    ("warfarin 2.5 mg Sat, 5 mg other days", "Sat", "ORGANIZATION"),
    ("[08:10] Ana P. (Float RN): ok", "Float", "CHAT_NAME"),
    ("He speaks Tagalog and Ilocano only.", "Ilocano", "LOCATION"),
    ("Needs a Pashto interpreter.", "Pashto", "PERSON"),
    ("Triage (Manchester): Yellow.", "Manchester", "PERSON"),
    ("Addr :  12 Elm Rd", "Addr", "PERSON"),
    ("State/Zip :  OH 44101", "State", "LOCATION"),
    ("Temp 99 F. Patient resting.", "F. Patient", "PERSON"),
    ("Dx: K57.30 diverticulosis.", "K57.30", "LOCATION"),
])
def test_fresh7_false_positive_kinds_are_dropped(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text))


@pytest.mark.parametrize("text, value, entity", [
    # the same checks leave names, places and dates alone
    ("Seen with Dr. Bishop 10 minutes ago.", "Bishop", "PERSON"),
    ("Son Tagalog-Reyes visited.", "Tagalog-Reyes", "PERSON"),
    ("Transferred from Manchester last week.", "Manchester", "LOCATION"),
    ("Discussed with Grace Team, her cousin.", "Grace Team", "PERSON"),
    ("Follow-up on 12/19/2024 with labs.", "12/19/2024", "DATE_TIME"),
    ("Seen Sun Li in clinic.", "Sun Li", "PERSON"),
    ("City hall is near Maple Street.", "Maple Street", "LOCATION"),
])
def test_fresh7_false_positive_checks_keep_names(text, value, entity):
    from medrails.guard.phi_suppression import clinical_zones, suppression_reason

    start = text.index(value)
    assert suppression_reason(text, entity, start, start + len(value), clinical_zones(text)) is None


@pytest.mark.parametrize("text, date", [
    ("Sent: Tuesday, June 3, 2025 9:41 AM", "June 3, 2025"),
    ("Seen March 2 2024 at 14:20 in clinic.", "March 2 2024"),
])
def test_date_span_drops_its_clock_time(text, date):
    result = redact(text)
    assert date not in result.text
    assert ("9:41" in result.text) or ("14:20" in result.text), found(text)
