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
