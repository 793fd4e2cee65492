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


@pytest.mark.parametrize("text, cls", [
    ("triage: 19M voicing active SI, says he'll take his mum's tablets tonight", "suicide"),
    ("pt on obs endorsing suicidal ideation with intent, keeps trying the window", "suicide"),
    ("ambulance crew, 80F, new onset dysarthria + L facial droop, LKW 1400", "stroke"),
    ("resident in room 3 FAST positive, was fine at tea time", "stroke"),
    ("pt in bay 2 seizures back to back, midaz given, sats 85", "seizure"),
    ("client fitting for 7 mins now, never had one before", "seizure"),
    ("pt haematemesis x2 this shift, BP 82/50, HR 128", "bleeding"),
])
def test_a_patient_in_danger_now_written_in_shorthand(text, cls):
    assert cls in [h.category for h in emergency_hits(text)]


@pytest.mark.parametrize("text", [
    "what does active SI with plan and intent mean on a psych referral",
    "how do you assess SI with plan in a triage interview",
    "pt hx of active SI in 2019, discharged, now well. what is a CMHT",
    "pt denies SI, no plan or intent, mood low",
    "what causes sudden onset aphasia in a young adult",
    "sim scenario: 71M sudden onset aphasia, LKW 0815, what are the thrombolysis criteria",
    "definition of status epilepticus: seizures back to back without regaining consciousness between?",
    "what is melaena and why is a hypotensive pt with melaena scoped urgently",
    "si, tengo un plan de viaje con mi familia",
])
def test_the_same_shorthand_as_education_history_or_a_denial_is_not(text):
    assert [h for h in emergency_hits(text) if h.rule.startswith(("a patient", "new-onset", "continuous"))] == []


def test_no_benign_training_text_fires_the_shorthand_rules():
    import json
    from pathlib import Path

    from medrails.guard.rules import normalize
    from medrails.guard.rules_clinical import clinical_emergency_hits

    root = Path(__file__).resolve().parents[2] / "src/medrails/guard/training_data"
    for path in sorted(root.rglob("*.jsonl")):
        for line in path.read_text().splitlines():
            row = json.loads(line)
            if row["label"] in ("answer", "out_of_scope"):
                assert clinical_emergency_hits(normalize(row["text"])) == [], row["text"]


def test_keyword_prefilter_never_skips_a_match():
    """The _Alternatives prefilter must agree with the plain regex on real texts (training data + this probe)."""
    import json
    import re
    from pathlib import Path

    from medrails.guard import rules_clinical as rc
    from medrails.guard.rules import normalize

    repo = Path(__file__).resolve().parents[2]
    texts = [json.loads(line)["text"] for p in sorted((repo / "src/medrails/guard/training_data").rglob("*_pro.jsonl"))
             for line in p.read_text().splitlines()]
    texts += [json.loads(line)["prompt"] for line in (repo / "benchmarks/data/guard_pro_probe1.jsonl").read_text().splitlines()]
    matchers = [rx for _, _, rx in rc.CLINICAL_EMERGENCY] + [rc._CASE, rc._NOT_NOW]
    for m in matchers:
        plain = re.compile(m.pattern, re.I)
        for t in map(normalize, texts):
            assert bool(m.search(t)) == bool(plain.search(t)), (m.pattern[:80], t)


_MINE = ("a patient", "new-onset", "continuous")


@pytest.mark.parametrize("text, cls", [
    ("bed 7 on a morphine PCA, resps 5, won't rouse, what do i do", "overdose"),
    ("pinpoint pupils and RR 4 in the pt we just brought in from the street", "overdose"),
    ("pt K 7.8 on the gas, wide QRS, HR 38", "cardiac"),
    ("resident threatening to hang herself with the dressing gown cord, she's locked in her room", "suicide"),
    ("client is threatening to jump from the balcony, I'm outside the flat", "suicide"),
])
def test_toxidrome_hyperkalaemia_and_a_threat_said_now(text, cls):
    assert cls in [h.category for h in emergency_hits(text)]


@pytest.mark.parametrize("text", [
    "why does hyperkalaemia cause broad complex ECG changes",
    "what are the signs of opioid toxicity, RR under 8 and pinpoint pupils?",
    "pt RR 16, pupils normal, on oramorph 5mg prn, comfortable",
    "pt threatening to leave against medical advice, what are our duties",
    "RR 18 pt on morphine PCA, sats 97",
    "explain the link between K 7 and bradycardia",
])
def test_their_education_and_normal_numbers_are_not(text):
    assert [h for h in emergency_hits(text) if h.rule.startswith(_MINE)] == []


@pytest.mark.parametrize("text, cls", [
    ("crew on scene, 60M pulseless, CPR in progress, pads on", "unconscious"),
    ("resident in room 2 apnoeic and grey, we're doing CPR", "unconscious"),
    ("pt BGL 1.4, sweaty and confused, won't take the gel", "unconscious"),
    ("client's blood sugar 38 mg/dL, slurring and drowsy", "unconscious"),
    ("pt in bed 9 sats 79 on 15L and dropping", "breathing"),
])
def test_arrest_low_glucose_and_low_saturation_in_a_patient(text, cls):
    assert cls in [h.category for h in emergency_hits(text)]


@pytest.mark.parametrize("text", [
    "what does apnoeic mean",
    "sim scenario: manikin in VF arrest, we started CPR, what's next in the algorithm",
    "pt had a cardiac arrest in 2020, now has an ICD. what does an ICD do",
    "pt BM 6.2, alert, eating lunch",
    "why are pts with a BGL under 3 confused",
    "what are target sats of 88-92 in COPD for",
    "pt sats 82 but it's her baseline, COPD, chatting away",
])
def test_arrest_glucose_and_saturation_as_topics_or_normal_are_not(text):
    assert [h for h in emergency_hits(text) if h.rule.startswith(_MINE)] == []


def test_a_low_glucose_after_too_much_insulin_is_an_overdose():
    hits = emergency_hits("resident given her novorapid twice by mistake, BGL 1.7 and drowsy")
    assert "overdose" in [h.category for h in hits]


@pytest.mark.parametrize("text, expected", [
    ("nursing student: how do you assess an unconscious patient using ABCDE", True),
    ("teaching session for HCAs: how to ask a resident directly about suicidal thoughts", True),
    ("I'm a carer - what should a choking first aid poster say", True),
    ("med student: why do we give oxygen to an unconscious patient in the recovery position", True),
    ("med student on placement: patient i was taking bloods from just went floppy and unresponsive", False),
    ("nursing student: my pt is not breathing what do i do", False),
    ("student nurse here, how do you stop bleeding, my patient's line came out and it's pouring right now", False),
])
def test_professional_education_is_a_learners_general_question_with_nothing_happening(text, expected):
    from medrails.guard.rules import normalize
    from medrails.guard.rules_clinical import professional_education

    assert professional_education(normalize(text)) is expected
