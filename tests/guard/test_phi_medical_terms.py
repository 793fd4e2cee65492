"""Capitalized medical words (conditions, drugs, tests, services) are not PHI; real names still are.

Real Presidio + the small spaCy pipeline. spaCy tags a capitalized word opening a sentence or line
as PERSON or LOCATION ("Sciatica: how long does it last?" used to come back "[NAME]: how long ...",
"Call Poison Control ..." as "[NAME] if ..."), which corrupted patients' questions.
"""

from __future__ import annotations

import pytest

from medrails.guard.phi import redact
from medrails.guard.phi_suppression import suppression_reason
from medrails.guard.phi_vocabulary import build_vocabulary, medical_vocabulary

# Which rule covers the opening term (checked when these cases were written):
#  - in the vocabulary derived from the shipped starter pages / guard training data (lowercase there):
#    sciatica, pneumonia, shingles, gout, eczema, lupus, tinnitus, vertigo, psoriasis, rosacea, tetanus,
#    warfarin (also a hand-listed drug)
#  - NOT in those sources, covered by the clinical suffix rule (-itis, -osis, -paresis, -ectomy):
#    bronchiolitis, cellulitis, diverticulitis, gastroparesis, sarcoidosis, conjunctivitis, bursitis,
#    cholecystectomy
#  - both (vocabulary and suffix): colonoscopy, fibromyalgia, meningitis, endometriosis, appendicitis,
#    neuropathy, pancreatitis
#  - service names (pattern): Poison Control, Suicide and Crisis Lifeline, Emergency Department
#  - in neither (spaCy does not tag them today; kept so a regression shows): mammography, hemorrhoids, measles
QUESTIONS = [
    "Sciatica: how long does it last?",
    "Pneumonia symptoms in older adults",
    "Shingles vaccine after age 50?",
    "Gout flare after eating red meat",
    "Call Poison Control if a child swallows pills",
    "Colonoscopy prep: what can I drink?",
    "Eczema in babies",
    "Lupus and pregnancy",
    "Tinnitus keeps me awake at night",
    "Vertigo when I roll over in bed",
    "Fibromyalgia and poor sleep",
    "Psoriasis cream options",
    "Rosacea triggers to avoid",
    "Meningitis signs in toddlers",
    "Tetanus shot after a rusty nail cut",
    "Endometriosis pain relief options",
    "Appendicitis: when should I go in?",
    "Bronchiolitis in a 6 month old",
    "Cellulitis on my leg is spreading",
    "Diverticulitis diet during a flare",
    "Gastroparesis and meal size",
    "Neuropathy in my feet from diabetes",
    "Mammography: how often after 40?",
    "Sarcoidosis and shortness of breath",
    "Conjunctivitis: is it contagious?",
    "Call the Suicide and Crisis Lifeline if you feel unsafe",
    "Go to the Emergency Department if the pain is crushing",
    "Pancreatitis and alcohol",
    "Hemorrhoids after pregnancy",
    "Bursitis in the shoulder",
    "Cholecystectomy recovery time",
    "Warfarin and leafy greens",
    "Measles exposure at school: what now?",
]

# (template, the name as written, what the redacted text shows in its place)
WITH_NAMES = [
    ("My name is John Smith. {q}", "John Smith", "[NAME]"),
    ("{q} - asked by Maria Gonzalez", "Maria Gonzalez", "[NAME]"),
    ("Dr. Patel told me: {q}", "Patel", "[NAME]"),
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_medical_question_comes_back_unchanged(question):
    result = redact(question)
    assert result.text == question, result.redactions


@pytest.mark.parametrize("template,name,placeholder", WITH_NAMES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_real_name_beside_medical_terms_is_still_redacted(question, template, name, placeholder):
    text = template.format(q=question)
    assert redact(text).text == text.replace(name, placeholder)


# -- the suppression rule itself, independent of what spaCy happens to tag today -------------------

@pytest.mark.parametrize("question", [q for q in QUESTIONS if not q.startswith(("Call", "Go", "Mammography",
                                                                               "Hemorrhoids", "Measles"))])
@pytest.mark.parametrize("entity", ["PERSON", "LOCATION"])
def test_opening_medical_word_tagged_as_name_or_place_is_suppressed(question, entity):
    word = question.split()[0].rstrip(":,?")
    assert suppression_reason(question, entity, 0, len(word), []) is not None


@pytest.mark.parametrize("text,start,end", [
    ("Call Poison Control if a child swallows pills", 0, 19),
    ("Call the Suicide and Crisis Lifeline now", 9, 36),
    ("Go to the Emergency Department", 10, 30),
])
def test_service_names_are_not_names(text, start, end):
    assert suppression_reason(text, "PERSON", start, end, []) is not None


@pytest.mark.parametrize("text,start,end,entity", [
    ("John Smith has sciatica", 0, 10, "PERSON"),
    ("Maria Gonzalez asked about gout", 0, 14, "PERSON"),
    ("Dr. Gout said lupus is rare", 4, 8, "PERSON"),  # a title makes even a medical word a name
    ("Will Brown has gout", 0, 10, "PERSON"),  # common English words that are names stay names
    ("Olive Long has gout", 0, 10, "PERSON"),
    ("Sciatica Jones called", 0, 14, "PERSON"),  # one non-medical word keeps the whole span
    ("We moved to Reading last year", 12, 19, "LOCATION"),
    ("She had pneumonia in Turkey", 21, 27, "LOCATION"),
])
def test_real_names_and_places_are_not_suppressed(text, start, end, entity):
    assert suppression_reason(text, entity, start, end, []) is None


def test_vocabulary_comes_from_lowercase_medical_prose_not_proper_nouns():
    vocabulary = build_vocabulary(["Take the aspirin. Dr. Hadley saw my sciatica in Boston.",
                                   "Hadley said sciatica is common; boston is not a word here"])
    assert {"aspirin", "sciatica", "common"} <= vocabulary
    assert "hadley" not in vocabulary  # capitalized mid-sentence: a proper noun in the sources
    assert "boston" not in vocabulary  # lowercase once, but capitalized mid-sentence elsewhere


def test_shipped_vocabulary_has_medical_words_and_no_common_names():
    vocabulary = medical_vocabulary()
    assert len(vocabulary) > 1000
    assert {"sciatica", "pneumonia", "shingles", "gout", "eczema", "lupus"} <= vocabulary
    assert not {"john", "smith", "maria", "gonzalez", "patel", "brown", "olive", "will", "reading"} & vocabulary
    assert medical_vocabulary() is vocabulary  # built once per process
