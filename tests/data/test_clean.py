"""Cleaning does what the guide meant without corrupting dosages or units."""

from medrails.data.clean import clean_text, normalize_text, normalize_units


def test_units_get_a_space_only_between_number_and_unit():
    assert normalize_units("Take 500mg twice") == "Take 500 mg twice"
    assert normalize_units("5mL of syrup, 2.5mg/kg") == "5 mL of syrup, 2.5 mg/kg"
    assert normalize_units("120/80mmHg") == "120/80 mmHg"


def test_units_already_spaced_and_words_are_untouched():
    # the guide's text.replace('mg', ' mg') breaks every one of these
    for text in ["500 mg", "glucose 90 mg/dL", "mg/dL", "omg", "Magnesium (Mg) levels", "HbA1c", "B12", "COVID-19"]:
        assert normalize_units(text) == text


def test_whitespace_and_unicode_normalized_but_paragraphs_kept():
    text = "Question:\u00a0what\u200b  is\tthis?\r\n\r\n\r\nA. one \nB. two"
    assert normalize_text(text) == "Question: what is this?\n\nA. one\nB. two"
    assert normalize_text("cafe\u0301") == "caf\u00e9"  # NFC composes


def test_clean_text_applies_scrubber_after_normalizing():
    seen = []
    out = clean_text("Call  555-123-4567", scrub=lambda t: seen.append(t) or t.replace("555-123-4567", "[PHONE]"))
    assert seen == ["Call 555-123-4567"] and out == "Call [PHONE]"
