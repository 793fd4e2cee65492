"""Clinical shorthand: an emergency written the way staff write it is an emergency; the same scale or
abbreviation asked about as a topic is education."""

import pytest

from medrails.guard.rules import emergency_hits


@pytest.mark.parametrize("text", [
    "pt found on floor, GCS 7, BGL 1.9, what now",
    "GCS dropped to 6 in the last ten minutes",
])
def test_low_coma_score_now_is_unconscious(text):
    assert [h.category for h in emergency_hits(text)][:1] == ["unconscious"]


@pytest.mark.parametrize("text", [
    "why do we intubate at a GCS of 8",
    "what does GCS 6 mean",
    "resident GCS 15 alert and chatty",
])
def test_the_scale_as_a_topic_or_a_normal_score_is_not(text):
    assert emergency_hits(text) == []
