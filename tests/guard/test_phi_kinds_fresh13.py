"""PHI kinds from the fresh-13 clinical notes (benchmarks/data/clinical_notes_phi_fresh13.jsonl), written as families and
tested on new wording, never the notes' own strings, each with a twin that stays unredacted: an identifier after any
label naming one (any value shape), a phone number by its international or trunk-0 shape, street types the base list
lacked and the town after them, the town after any facility, "<Name> Healthcare of <Place>" and a facility's campus
after a dash, a name in parentheses after "pt" or a relative, a name before an age in parentheses, a name a scanner
spaced out, a lower-case self-introduction with a surname, a dash signature, a lower-case town after a place cue, a
date of birth spoken in words; and text that is not PHI (an orientation score, an eponymous scale with its score, a
laterality letter, an identifier label, a greeting in another language, a numeric range before a unit, a row of clock
times, a hyphenated clinical shorthand, the analyte heading a lab row, an ordinary verb after a relative)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # an identifier after any label naming one, whatever the value's shape
    ("File no: OPD/2231/24    Ward: 3B", "OPD/2231/24", "ID"),
    ("Registration No. DMC 1998/11/2207 (Delhi)", "DMC 1998/11/2207", "ID"),
    ("hi, my GMS number is 88231K if that helps", "88231K", "ID"),
    ("Medical card no. 4471 2290 553 on file.", "4471 2290 553", "ID"),
    ("his IHI is QX55K2910 per the letter", "QX55K2910", "ID"),
    ("UMRN: TX.004417.2    Bed: 12", "TX.004417.2", "ID"),
    # phone numbers by their shape, with or without a cue
    ("Dad's line +61 412 555 019 if she doesn't answer.", "+61 412 555 019", "PHONE"),
    ("Daughter asks us to ring 0418 555 204 after rounds.", "0418 555 204", "PHONE"),
    # street types the base list lacked, and the town after them
    ("New address: 14 Kestrel Heights, Dunmore, Co. Galway.", "14 Kestrel Heights", "ADDRESS"),
    ("New address: 14 Kestrel Heights, Dunmore, Co. Galway.", "Dunmore", "LOCATION"),
    ("Lives at 3 Ferncliff Chase\nwith her son.", "3 Ferncliff Chase", "ADDRESS"),
    # the town after a facility of any kind, closing its line
    ("Medway Imaging, Rochester\nReport: CT head", "Rochester", "LOCATION"),
    # "<Name> Healthcare of <Place>" and a facility's campus after a dash
    ("Transferred to Lakeshore Healthcare of Duluth overnight.", "Lakeshore Healthcare of Duluth", "LOCATION"),
    ("Bed found at Sunnybrook Hospital - Bayview, arriving 1400.", "Sunnybrook Hospital - Bayview", "LOCATION"),
    # a name in parentheses after the patient or a relative
    ("Explained to pt (Arjun Mehta Rao) that the scan is normal.", "Arjun Mehta Rao", "NAME"),
    ("Dad (Tavita) called at 0900 asking for an update.", "Tavita", "NAME"),
    # a name before an age in parentheses
    ("Kahu (18 mo) pulling at both ears since Sunday.", "Kahu", "NAME"),
    ("Siblings: Leilani (age 6) and Makoa (age 4) well.", "Leilani", "NAME"),
    # a name a scanner spread two spaces apart after a form label
    ("Attending  Physician:  Oluwaseun  Adeyemi      Ext:  4471", "Oluwaseun  Adeyemi", "NAME"),
    # a lower-case self-introduction with a surname
    ("sorry for the late msg, im david okonkwo btw, the guy with the knee", "david okonkwo", "NAME"),
    ("hey this is priya raman here, i need a refill", "priya raman", "NAME"),
    # a dash signature alone on the message's last line
    ("can u call me back after 3\n-rangi", "rangi", "NAME"),
    ("Please call me back after 3.\n~ Siosaia", "Siosaia", "NAME"),
    # a lower-case town after a place cue
    ("i was staying at my sisters in papatoetoe so i missed the call", "papatoetoe", "LOCATION"),
    ("we live in kapolei now, is there a clinic closer", "kapolei", "LOCATION"),
    ("Pt was at her daughter's in Whangarei over the weekend.", "Whangarei", "LOCATION"),
    # a date of birth spoken in words after a date-of-birth question or label
    ("Nurse: Can you give me your date of birth?\nCaller: March third, sixty-two.", "March third, sixty-two", "DATE"),
    ("dob twelve four nineteen fifty, thats me", "twelve four nineteen fifty", "DATE"),
])
def test_fresh13_kinds_are_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    # the twins: the same slots holding no PHI
    "Room No. 45123 is cleaned. Lot #: EK4176 exp soon.",
    "my phone number is on file, my A1c number is 7.2",
    "IRB # 2023-0457 approved the consent form.",
    "ICD: N18.3. GCS: E4V5M6. VS: BP 120/80. CBC: WBC 11.8.",
    "NDC: 0002-8215-01 dispensed.",
    "Pulses +2 +2 bilaterally, +1 edema.",
    "Meds given at 0800 1200 1600 2000 as charted.",
    "Needs 3 Pain Meadows, then rest.",
    "Referred to Cardiology Clinic, Tuesday",
    "Seen in Cardiology Clinic - Heart Failure service.",
    "Pt (NPO) resting, patient (Spanish-speaking) with interpreter.",
    "Cough (3 days). Sibling (5 yo) also unwell.",
    "Referred  to:   Sleep  Medicine",
    "im feeling much better btw, this is really hard",
    "call me back after 3\n- sent from my phone",
    "call me back after 3\n-thx",
    "went to bed in pain, living in fear, staying in bed all day.",
    "we just moved to arizona and my wife is nervous",
    "Can you confirm your DOB? I take two three times a day.",
])
def test_fresh13_twins_stay(text):
    assert found(text) == {}, found(text)


@pytest.mark.parametrize("text, value", [
    ("Alert, A&Ox3, MAE, speech clear.", "A&O"),
    ("Tinetti 18/28 today; will reassess Tinetti next week.", "Tinetti"),
    ("2 cm laceration R forearm, steri-strips applied.", "R"),
    ("MBBS, Lic. No. 55120-B", "Lic"),
    ("Talofa lava, this is the clinic calling.", "Talofa"),
    ("Goal 1500-1800 kcal/day, walk 3000-5000 steps.", "1500-1800"),
    ("Goal 1500-1800 kcal/day, walk 3000-5000 steps.", "3000-5000"),
    ("Meds at 0900 1300 1700 2100 per chart.", "0900 1300 1700 2100"),
    ("Plan: pharmacist med-rec call, nurse pre-op call.", "med-rec"),
    ("Glucose, random     212 mg/dL   (70-140)", "Glucose"),
    ("my son got stung by a bee and my mom ate the last epipen", "got"),
    ("her ex-husband knew the door code", "knew"),
])
def test_fresh13_false_positive_kinds_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered in value and len(covered) > 2 for covered in spans), spans


@pytest.mark.parametrize("text, value, label", [
    # the twins of the false-positive kinds: the real PHI beside them stays redacted
    ("Alert, A&Ox3 per Dr. Lindqvist at 0200.", "Lindqvist", "NAME"),
    ("Reviewed by Dr Tinetti on 10/12 in clinic.", "Tinetti", "NAME"),
    ("MBBS, Lic. No. 55120-B", "55120-B", "ID"),
    ("Talofa lava, this is Sione Vaifale calling for my mum.", "Sione Vaifale", "NAME"),
    ("Goal 1500-1800 kcal/day; call 555-0187 with questions.", "555-0187", "PHONE"),
    ("Please phone 0800 555 1234 for results.", "0800 555 1234", "PHONE"),
    ("Glucose, random     212 mg/dL\nDrawn by Annika Lindqvist", "Annika Lindqvist", "NAME"),
    ("my mom faith said the rash is back", "faith", "NAME"),
])
def test_fresh13_real_phi_beside_false_positive_kinds(text, value, label):
    spans = found(text)
    assert any(value in covered and label == lab for covered, lab in spans.items()), spans
