"""PHI kinds of lane a, round 18 (src/medrails/guard/phi_kinds18_dates.py): dates with a month word of another language,
Hijri dates, a day/month with no year where the words around say date, spoken days, ages over 89 in other languages,
spaced national numbers after an identity label, references, clinicians' registration numbers, accessions in a table
cell, record numbers spelled out; and text that is not PHI (scores out of ten, fractions, doses, ranges, spine levels,
a pharmacy routing number, a policy's own code). Every example is new wording, each kind with an unredacted twin."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value", [
    # dates with a month word of another language
    ("Grenoble, le 7 avril 2023\n\nChère consœur,", "7 avril 2023"),
    ("Patient né le 19 novembre 1948, suivi pour HTA", "19 novembre 1948"),
    ("Internação de 12 de agosto de 2021 a 15 de agosto de 2021.", "12 de agosto de 2021"),
    ("Aufnahme am 3. Dezember 2022 wegen Dyspnoe", "3. Dezember 2022"),
    ("Ricovero dal 21 settembre 2022, dimissione il 28 settembre", "21 settembre 2022"),
    ("opgenomen op 9 maart 2024 met koorts", "9 maart 2024"),
    ("Ingreso el 14 dic. 2023 por disnea", "14 dic. 2023"),
    ("Diagnostiqué en mai 2020 et traité", "mai 2020"),
    # Hijri dates
    ("Admitted 02/05/2024 (23 Shawwal 1445 AH) with fever", "23 Shawwal 1445"),
    # a day/month with no year where the words around say date
    ("off work, the certificate should cover dates 12/4 to 16/4 please", "12/4"),
    ("off work, the certificate should cover dates 12/4 to 16/4 please", "16/4"),
    ("Social worker met the daughter and visited 3/11.", "3/11"),
    ("retorno agendado para 18/06. Orientada.", "18/06"),
    ("Front desk: Dr Lin has 6/8 at 2:30pm if that suits", "6/8"),
    ("POD 3 after laparoscopic cholecystectomy (11/12). Tolerating diet.", "11/12"),
    ("Last HbA1c 6.9% (07/2022), on metformin", "07/2022"),
    ("DOB :   1979 / 11 / 23   Sex : F", "1979 / 11 / 23"),
    # spoken days
    ("she was seen in casualty on the 9th and sent home", "9th"),
    ("my scan was booked on the, um, twenty-third and then cancelled", "twenty-third"),
    # ages over 89 in other languages
    ("wir sehen Ihre 93-jährige Patientin erneut", "93"),
    ("Patiente âgée de 91 ans, autonome", "91"),
    # identifiers
    ("Aadhaar No. : 5512  0843  7721\nMob : +91 98200 00000", "5512  0843  7721"),
    ("N° de sécurité sociale : 1 84 12 76 052 118 42\nMédecin traitant : Dr X", "1 84 12 76 052 118 42"),
    ("Our ref: OPD/CARD/24/118\n\n3 March 2025", "OPD/CARD/24/118"),
    ("Dra. Helena Prado - CRM-SP 12.345", "12.345"),
    ("Dr Paul Girard   RPPS 10101234567   Tél", "10101234567"),
    ("Dr Anil Rao, MCI reg no. 54321, consultant", "54321"),
    ("1  | H24-10457  | Kidney core  | 2", "H24-10457"),
    ("his chart numbers are QX-40112 and QX-40113, thanks", "QX-40113"),
    ("and the, um, M R N is four one one eight two zero three, thanks", "four one one eight two zero three"),
    ("his record number, it's K as in kilo, two two six four zero one", "K as in kilo, two two six four zero one"),
    # an e-mail address read aloud
    ("you can mail me on petra dot lindqvist at outlook dot com", "petra dot lindqvist at outlook dot com"),
    ("it's t_obi88 at yahoo dot co dot uk", "t_obi88 at yahoo dot co dot uk"),
])
def test_kinds18_dates_are_redacted(text, value):
    spans = found(text)
    assert any(value in covered or covered in value and len(covered) * 2 >= len(value) for covered in spans), spans


@pytest.mark.parametrize("text, value", [
    # the twins: the same shapes where no date, age or identifier is
    ("Reports mood 4/10 today, was 2/10 last week", "4/10"),
    ("CC: chest tightness x 3 h, 6/10, radiating to jaw", "6/10"),
    ("Apgar 7/10 and 9/10 at one and five minutes", "9/10"),
    ("Colour vision 15/15 plates correct", "15/15"),
    ("Grip strength on 4/5 strength bilaterally", "4/5"),
    ("reduced to 1/2 tab at night", "1/2"),
    ("Levels C5-6 and L4-5 show mild narrowing", "L4-5"),
    ("capecitabine BID days 1-14 of each cycle", "days 1-14"),
    ("Hold the breath 10-15 seconds", "10-15 seconds"),
    ("Sodium     |  135-145  |  mmol/L", "135-145"),
    ("Pharmacy claim: BIN 004336, PCN ADV", "004336"),
    ("Denied under the plan's Policy CV-ANTI-7.2 criteria", "CV-ANTI-7.2"),
    ("Potassium 4.1 (ref: 3.5-5.1)", "3.5-5.1"),
    ("She was the 3rd of 5 children, second marriage", "3rd"),
    ("He completed the 2nd cycle on schedule", "2nd"),
    ("Score was 18 on the 30-point scale", "30"),
    ("Tel. 01 23 45 67 89   RPPS", "RPPS"),
    ("we met at noon dot com style startup talks", "noon dot com"),
])
def test_kinds18_lookalikes_stay(text, value):
    spans = found(text)
    assert not any(value in covered or covered.strip() and covered in value for covered in spans), spans
