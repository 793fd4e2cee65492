"""PHI kinds of layout (src/medrails/guard/phi_kinds18_layout.py): OCR'd forms whose ordinary gap between words is two
spaces, letter-spaced words and dates, names in pipe and CSV rows, capital name and address lines of labels and forms,
nicknames in quotes; each tested on new wording, never a benchmark note's strings, and each with a twin that stays
unredacted (or, for the column gap, still cut)."""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact
from medrails.guard.phi_kinds18_layout import column_gap


def found(text: str) -> dict[str, str]:
    """covered text -> label for every redaction."""
    return {text[r.start:r.end]: r.label for r in redact(text).redactions}


@pytest.mark.parametrize("text, value, label", [
    # two spaces are the line's ordinary gap: a name or a place is not cut there
    ("R E G I S T R A T I O N   C A R D\nName : Mrs.  Sunita  Vasant  Kulkarni          Age / Sex : 58 Y / F",
     "Sunita  Vasant  Kulkarni", "NAME"),
    ("Date  of  Visit :  02 / 05 / 2023\nProvider :  Hazel  Point  Hospital\nMember  Name :  OKAFOR  Chinedu  A",
     "Hazel  Point  Hospital", "LOCATION"),
    ("Addr :  1207  W  Desert  Ave  # 9    Santa  Barbara   CA   93101\nReferring  doctor :  K.  Abara-Lyle ,  MD",
     "K.  Abara-Lyle", "NAME"),
    # letter-spaced words, an acronym before a facility's head, an OCR-spaced date
    ("A.  Facility  Name :   S T   A G N E S   H O S P I T A L\nB.  Ward :  4", "S T   A G N E S   H O S P I T A L",
     "LOCATION"),
    ("Re :  K a n e ,   L i a m        DOB :  04/1 1/1 9 7 0        Pages : 3", "K a n e ,   L i a m", "NAME"),
    ("Re :  K a n e ,   L i a m        DOB :  04/1 1/1 9 7 0        Pages : 3", "04/1 1/1 9 7 0", "DATE"),
    ("B M C  Hospital ,  Ward  6\nOPD  slip", "B M C  Hospital", "LOCATION"),
    ("Card  No :  77 - 12        D.O.B :   1975 / 08 / 21\nLanguage :  Tamil", "1975 / 08 / 21", "DATE"),
    # names in table rows
    ("MRN|SURNAME|GIVEN|DOB\nQX77120|OKORO|Chidi Ann|1950-03-02", "OKORO", "NAME"),
    ("Bed  | Pt (age)          | MRN\n4E-07 | Ashdown, Winifred (91)   | 5510923", "Ashdown, Winifred", "NAME"),
    ("bed,mrn,name,age,dx\n3E-12,000441,\"MENDEZ, CARLOS\",71,\"CHF, AKI\"", "MENDEZ, CARLOS", "NAME"),
    # capitals on labels and forms
    ("Rx# 7712        Filled: 03/04/2024\nOYELARAN-BRIGGS, MARGARET\n118 W 3RD AVE\n\nTAKE 1 TABLET DAILY",
     "OYELARAN-BRIGGS, MARGARET", "NAME"),
    ("Rx# 7712        Filled: 03/04/2024\nOYELARAN-BRIGGS, MARGARET\n118 W 3RD AVE\n\nTAKE 1 TABLET DAILY",
     "118 W 3RD AVE", "ADDRESS"),
    ("SUNRISE DRUG\n905 S MAIN ST  DAYTON OH 45402   (937) 555-0110", "DAYTON", "LOCATION"),
    ("7. Name and Address\n     NOWICKI ,  HELEN  M\n     RR 4  BOX 27\n     MILTON   WI\n8. Sex  F", "NOWICKI ,  HELEN  M",
     "NAME"),
    ("7. Name and Address\n     NOWICKI ,  HELEN  M\n     RR 4  BOX 27\n     MILTON   WI\n8. Sex  F", "RR 4  BOX 27", "ADDRESS"),
    ("7. Name and Address\n     NOWICKI ,  HELEN  M\n     RR 4  BOX 27\n     MILTON   WI\n8. Sex  F", "MILTON", "LOCATION"),
    ("3.  Name :   Last  Name  REYES     First  Name  ANA  MARIE     Middle  Name  ___", "REYES", "NAME"),
    ("3.  Name :   Last  Name  REYES     First  Name  ANA  MARIE     Middle  Name  ___", "ANA  MARIE", "NAME"),
    ("9.  Attending  Physician :  PAUL  R.  MENDOZA ,  MD", "PAUL  R.  MENDOZA", "NAME"),
    # nicknames in quotes beside a name
    ("Patient: SANTOS, Rosa Mae (a.k.a. \"Sunny\")   Sex: F", "Sunny", "NAME"),
    ("07 | TUPOU, Mele (\"Lulu\")     | RX4412 | 79", "Lulu", "NAME"),
])
def test_kind18_layout_is_redacted(text, value, label):
    spans = found(text)
    assert any(value in covered and label in (lab, None) for covered, lab in spans.items()), spans


@pytest.mark.parametrize("text", [
    # the twins: the same shapes where no name, place, date or address is
    "P A T I E N T   R E G I S T R A T I O N   F O R M",
    "D I S C H A R G E   S U M M A R Y",
    "DOB :  unknown        Pages : 3",
    "Plan  :  rest  and  fluids ,  review  in  clinic",
    "code|ITEM|Units|qty\nA1|GAUZE|Box of ten|4",
    "id,dx,plan\n7,\"CHF, AKI\",diurese",
    "CHEST, ABDOMEN AND PELVIS",
    "TAKE 1 TABLET BY MOUTH TWICE DAILY",
    "Last  Name  ___     First  Name  ___",
    "Attending  Physician :  ON CALL TEAM ,  MD",
    "Sample sent     ORDERING: RHEUMATOLOGY CLINIC\nCOLLECTED: today",
    "Diagnosis (\"flu\") resolved",
])
def test_kind18_layout_twins_stay(text):
    spans = found(text)
    assert not spans, spans


def test_column_gap_is_relative_to_the_line():
    # two spaces are the ordinary gap here, so only the long run cuts
    text = "Name : Mrs.  Ana  Maria  Lopes          Age :  40"
    gap = column_gap(text, text.index("Ana"), text.index("40"))
    assert gap is not None and gap.group() == " " * 10
    # in single-spaced text, two spaces still cut a name from the next field
    text = "Seen: Ana Lopes  Ward 4 today"
    gap = column_gap(text, text.index("Ana"), text.index(" today"))
    assert gap is not None and gap.group() == "  "


def test_a_table_cell_of_clinical_words_is_no_name():
    text = "Bed  | Dx          | Plan\n4E-07 | Sepsis, Urine (12)   | abx"
    spans = found(text)
    assert not any("Urine" in covered for covered in spans), spans


def test_csv_cells_do_not_make_one_span():
    text = "bed,mrn,name,age,dx\n3E-12,000441,\"MENDEZ, CARLOS\",71,\"CHF, AKI\",Full"
    spans = found(text)
    assert not any("71" in covered for covered in spans), spans
