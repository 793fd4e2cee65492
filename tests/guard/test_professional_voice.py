"""Staff writing in clinical shorthand: their questions about an abbreviation are medical (not out of scope),
an age written "3yo" is not Spanish "yo", and a learner's general question about an emergency is not one."""

from __future__ import annotations

import pytest

from medrails.guard.rules import emergency_hits
from medrails.guard.rules_lang import not_understood
from medrails.guard.stages.scope import mentions_medicine


@pytest.mark.parametrize("text", ["what does 'sats on RA' mean", "explain qSOFA vs SIRS", "what is a NEWS2 score"])
def test_clinical_abbreviations_are_medical_words(text):
    assert mentions_medicine(text)


def test_an_age_written_3yo_is_not_spanish_but_a_spanish_message_still_is():
    assert not not_understood("ED: 3yo, purpuric non blanching rash, temp 39.8, lethargic")
    assert not_understood("mi hijo 3yo tiene fiebre alta desde ayer")


def test_a_learners_general_question_is_not_an_emergency_but_a_learner_reporting_one_is():
    assert emergency_hits("nursing student: how do you assess an unconscious patient using ABCDE") == []
    assert emergency_hits("med student on placement: patient in bay 3 just went floppy and unresponsive, what do I do")


def test_a_coma_score_written_as_its_parts_is_summed():
    assert [h.category for h in emergency_hits("resus: pt now E2V1M4 after the fall, was talking an hour ago")][:1] == ["unconscious"]
    assert emergency_hits("OSCE: what is the GCS for E2V2M4 and what does it mean") == []
    assert not [h for h in emergency_hits("pt E4V5M6 this morning, chatty") if h.category == "unconscious"]


def test_a_deliberate_cut_still_bleeding_is_an_emergency_and_an_accident_is_not_this_rule():
    assert "suicide" in [h.category for h in emergency_hits("my flatmate slashed her wrist on purpose and it's still bleeding through the towel")]
    assert not [h for h in emergency_hits("I cut my arm on a fence yesterday, still bleeding a little, do I need stitches?")
                if h.rule == "a deliberate cut still bleeding"]
