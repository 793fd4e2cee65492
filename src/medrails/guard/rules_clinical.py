"""Clinical shorthand: emergencies written the way nurses, EMTs, pharmacy staff and care-home
workers write ("pt c/o CP radiating to L arm, diaphoretic", "GCS 7, BGL 1.9", "sats 84% RA"). The English
rules read lay wording; these read the abbreviations. Each alternative names its own evidence.

CLINICAL_EMERGENCY is read in ANY frame (rules.emergency_hits), so every rule other than the GCS one needs
a case in front of it (`_CASE`: "pt", "resident", "71M", "bed 4", "on scene") and is switched off for a
teaching/exam/simulation frame, a definition question, or a patient's history (`_NOT_NOW`)."""

from __future__ import annotations

import re

from medrails.guard.rules_base import RuleHit, _rx

# someone in front of the writer: a patient/resident/client/colleague, an age-sex token as staff write it
# ("71M,", "24F:", "82 yo f"), a bed/bay/room, a crew on scene, a triage or handover note
_CASE = _rx(r"\b(pt|pts|patient|resident|client|casualty|colleague|service user|my (patient|resident|client))\b",
            r"(^|[:;,.] ?|\b(emt|crew|triage|handover)\b.{0,3})\d{1,3} ?(m|f|yo ?m|yo ?f|y/o ?m|y/o ?f)\b(?![a-z])",
            r"\b(bed|bay|room|cubicle) \d+\b", r"\bon scene\b", r"^\s*(emt|bls|als|ambulance|paramedic|triage|a&e triage|ed triage|handover)\b")

# education, rehearsal or the past: the sign as a topic, not a person in danger now
_NOT_NOW = _rx(r"^\s*(what (is|are|does|causes?|happens|would)|what do (you|we|they|doctors|nurses|paramedics)|why|how (is|are|does|would|"
               r"do (you|we|they|doctors|nurses|paramedics)|should (you|we))|explain|define|definition|describe|list|compare|summar\w*|"
               r"teach\w*|osce|exam|quiz|revision|sim\b|simulation|manikin|mannequin|case study|homework|assignment|lecture|essay)\b",
               r"\bwhat (does|do) .{0,40}\bmean\b", r"\b(meaning|definition|in general)\b",
               r"\bhow (do|would|should) (you|we) (assess|document|screen|ask about|manage|grade|score)\b",
               r"\b(sim|simulation|manikin|mannequin|osce|scenario|case study|exam question)\b",
               r"\b(hx|history|h/o|pmh) (of|:)?\s*(active |previous |prior )?(si|suicid\w*|seizures?|stroke|cva|gi bleed|melaena)\b",
               r"\b(denies|denied|no|nil) (active )?(si|suicidal ideation|suicidal thoughts|seizure activity)\b",
               r"\b(last|in) (week|month|year|19\d\d|20\d\d)\b", r"\b(years?|months?|weeks?) ago\b", r"\b(now|since) (well|resolved|stable|recovered)\b")

_STROKE_SIGN = (r"(aphasi\w*|dysphasi\w*|dysarthri\w*|hemiparesis|hemiplegi\w*|(facial|face) droop\w*|arm drift|"
                r"(l|r|left|right)[- ]?sided weakness|(l|r|left|right) (arm|leg|side) weakness|neglect|slurr\w* speech)")
_HYPOTENSION = (r"\b(hypotensive|shocked|bp ([4-8]\d|9[0-4]) ?/ ?\d{2}|sbp ?([4-8]\d)|"
                r"(hr|tachy|tachycardic|pulse) ?(1[2-9]\d)|cold peripher\w*|(cold and )?clammy)\b")

CLINICAL_EMERGENCY: list[tuple[str, str, object]] = [
    ("unconscious", "a patient's Glasgow coma score of 8 or less now", _rx(
        r"\b(pt|patient|resident|client|he|she|they|my (\w+ )?(patient|resident|client))\b.{0,80}\bgcs (is |of |now |dropped to |down to |= ?)?[3-8]\b(?![.,]\d)",
        r"\bgcs (is |now |dropped to |down to |= ?)?[3-8]\b(?![.,]\d).{0,40}\b(now|currently|just|minutes?|since|this shift)\b")),
    # "pt disclosed active SI with plan and means", "resident voicing SI w/ plan + intent": the head reads SI as R7
    ("suicide", "a patient's active suicidal ideation with a plan or intent", _rx(
        r"\bactive (si|suicidal ideation|suicidal thoughts)\b",
        r"\b(si|suicidal ideation|suicidal thoughts) ?(with|w/|w|\+|and) ?(a )?(clear |specific |definite )?(plan|intent|means)\b",
        r"\b(disclos\w*|express\w*|voic\w*|endors\w*|report\w*|verbalis\w*|verbaliz\w*) (active )?(si|suicidal ideation|suicidal thoughts|"
        r"(a )?plan to (kill|hang|harm) (himself|herself|themselves))\b")),
    # "BLS crew: 71M, sudden onset aphasia and R hemiparesis, LKW 0815"
    ("stroke", "new-onset focal deficit in a patient", _rx(
        r"\b(sudden|new|acute|abrupt)(-| )?(onset )?(of )?" + _STROKE_SIGN,
        _STROKE_SIGN + r".{0,60}\b(lkw|last (known|seen) well|onset)\b ?(at |@ )?\d",
        r"\b(fast|be-?fast) (positive|\+ve|pos)\b")),
    # "known epileptic, back to back seizures without regaining consciousness between"
    ("seizure", "continuous or repeated seizures in a patient", _rx(
        r"\bback(-| )to(-| )back (seizures|fits|tonic)",
        r"\b(seizures|fits) back(-| )to(-| )back\b",
        r"\b(without|not|no) (regaining|recovering|recovery of|coming round)\b.{0,25}\b(between|in between)\b",
        r"\bcontinuous (seizure|fitting|tonic)\w*",
        r"\b(fitting|seizing|convulsing|tonic(-| )clonic)\b.{0,10}\b(for )?(>|over )?\s?([5-9]|[1-5]\d) ?(mins?|minutes)\b")),
    # "pt hypotensive 75/40, tachy 140, melaena x3 this shift": a GI bleed with shock
    ("bleeding", "a patient bleeding with signs of shock", _rx(
        r"\b(melaena|melena|haematemesis|hematemesis|coffee ground\w*|fresh blood|frank blood|pr bleed\w*|pph)\b.{0,80}" + _HYPOTENSION,
        _HYPOTENSION + r".{0,80}\b(melaena|melena|haematemesis|hematemesis|coffee ground\w*|fresh blood|frank blood|pr bleed\w*|pph)\b")),
    # "RR 6, pinpoint pupils, GCS 8 - pt in bay 4 on oramorph": the opioid toxidrome in numbers
    ("overdose", "a patient's slow breathing with pinpoint pupils or on an opioid", _rx(
        r"\b(rr|resps?|resp rate|respiratory rate|breathing rate) ?(of |is |now |at |down to |dropped to |=|:)? ?[2-8]\b(?![.,/]\d).{0,60}"
        r"\b(pinpoint|pin-point|pin point|miosis|miotic|oramorph|morphine|oxycodone|oxy|fentanyl|pca|heroin|methadone|opioids?|opiates?|tramadol|codeine)\b",
        r"\b(pinpoint|pin-point|pin point|miosis|miotic|oramorph|morphine|oxycodone|fentanyl|pca|heroin|methadone|opioids?|opiates?)\b.{0,60}"
        r"\b(rr|resps?|resp rate|respiratory rate) ?(of |is |now |at |down to |dropped to |=|:)? ?[2-8]\b(?![.,/]\d)")),
    # "EMT, pt 48F epigastric pain, 12-lead shows ST elevation II III aVF"
    ("cardiac", "a patient's ECG showing ST elevation (a STEMI) now", _rx(
        r"\b(st[- ]?(segment )?elevation|stemi|tombstone\w*)\b(?! (criteria|equivalents?|mimics?)\b)")),
    # "pt hyperkalaemic K 7.4, broad complex on monitor, HR 40"
    ("cardiac", "a patient's severe hyperkalaemia with ECG changes or bradycardia", _rx(
        r"\b(k\+? ?(of |is |=|:)? ?([7-9]([.,]\d)?|6[.,][5-9])|hyperkal\w*|hyperkalem\w*)\b.{0,60}"
        r"\b(broad complex|wide (qrs|complex)|sine wave|peaked t|brady\w*|(hr|pulse) ?(of |is |=|:)? ?[1-4]\d)\b")),
    # "pt on ward 6 threatening to cut his throat with a razor": a threat to self, said now
    ("suicide", "a patient threatening to kill or harm themselves", _rx(
        r"\bthreat\w* to (kill|hang|cut|stab|harm|hurt|shoot|drown|strangle|burn|poison|end) (himself|herself|themselves|themself|"
        r"his (own )?(throat|wrists?|life|neck)|her (own )?(throat|wrists?|life|neck)|their (own )?(throat|wrists?|life|neck))\b",
        r"\bthreat\w* to (jump|overdose|od|take (an )?overdose|throw (himself|herself|themselves))\b",
        r"\bligature (round|around|on|tied round|tied around) (his|her|their) neck\b")),
    # "radio: on scene, adult male apnoeic, bystander CPR in progress": an arrest or apnoea in front of the writer
    ("unconscious", "a patient not breathing, pulseless or under CPR", _rx(
        r"\b(apnoeic|apneic|apnoea|apnea|pulseless|no pulse|asystol\w*|in (vf|vt|pea|cardiac arrest)|arrested|agonal (breathing|resps?|gasps?))\b",
        r"\bcpr (in progress|ongoing|started|commenced|underway|going)\b", r"\b(doing|started|starting|giving|performing|continuing) (bystander )?cpr\b")),
    # "pt BM 1.2, clammy, incoherent": a low glucose (mmol/L or mg/dL) with altered consciousness
    ("unconscious", "a patient's low glucose with altered consciousness", _rx(
        r"\b(bm|bgl|cbg|glucose|sugar|blood sugar|bsl|gluc) ?(of |is |now |at |down to |=|:)? ?([0-2]([.,]\d)?|[1-4]\d ?mg/dl|lo|low)\b(?![.,]?\d).{0,60}"
        r"\b(clammy|drowsy|confused|incoherent|unresponsive|unrousable|not rousable|won'?t rouse|can'?t (be )?(woken|roused|wake)|fitting|seizing|"
        r"gcs|not responding|unconscious|slurr\w*|agitated|combative|sweaty|diaphoretic)\b",
        r"\b(clammy|drowsy|confused|incoherent|unresponsive|unrousable|not rousable|won'?t rouse|fitting|seizing|not responding|unconscious|"
        r"sweaty|diaphoretic)\b.{0,60}\b(bm|bgl|cbg|glucose|blood sugar|bsl) ?(of |is |now |at |down to |=|:)? ?([0-2]([.,]\d)?|[1-4]\d ?mg/dl|lo)\b(?![.,]?\d)")),
    # "blocked trachy and sats are 70 and falling": a saturation of 85 or less that is falling or on oxygen
    ("breathing", "a patient's oxygen saturation of 85 or less now", _rx(
        r"\b(sats?|spo2|o2 sats?|saturations?|satting|desatt?ing( to)?) ?(of |is |are |now |at |down to |dropped to |dropping to |=|:)? ?"
        r"([4-7]\d|8[0-5])\b(?![.,]\d| ?- ?\d)(?!.{0,30}\b(baseline|usual|normal for (him|her|them)|target)\b)")),
]

# "why do we intubate at a GCS of 8", "what does GCS 6 mean": the scale as a topic
_ABOUT_THE_SCALE = _rx(r"\b(what (does|do|is)|why (do|does|is|are)|at what|mean(s)?|explain|how (is|do you) (calculat|scor|assess))\w*\b.{0,40}\bgcs\b",
                       r"\bgcs\b.{0,40}\b(mean|means|meaning|calculat\w*|scored|threshold|cut ?off)\b")


_GCS_RULE = CLINICAL_EMERGENCY[0][1]
_GLUCOSE_RULE = "a patient's low glucose with altered consciousness"
assert _GLUCOSE_RULE in [name for _, name, _ in CLINICAL_EMERGENCY]
_TOO_MUCH_INSULIN = _rx(r"\b(double|extra|wrong|too much|overdos\w*|twice)\b.{0,40}\b(insulin|gliclazide|glipizide|sulfonylurea|novorapid|lantus)\b",
                        r"\b(insulin|gliclazide|glipizide|novorapid|lantus)\b.{0,40}\b(twice|by mistake|in error|overdos\w*|too much|double)\b")


# a coma score written as its parts ("GCS gone from 14 to E1V1M4"): eye 1-4 + verbal 1-5 (T: intubated, 1) + motor 1-6
_GCS_PARTS = re.compile(r"\be([1-4])\s*,?\s*v([1-5]|t)\s*,?\s*m([1-6])\b")


def _gcs_parts_low(t: str) -> bool:
    return any(int(e) + (1 if v == "t" else int(v)) + int(m) <= 8 for e, v, m in _GCS_PARTS.findall(t))


def clinical_emergency_hits(t: str) -> list[RuleHit]:
    """`t` is the normalized message."""
    hits = []
    if _gcs_parts_low(t) and _CASE.search(t) and not _NOT_NOW.search(t) and not _ABOUT_THE_SCALE.search(t):
        hits.append(RuleHit("unconscious", "a patient's coma score of 8 or less, written as its parts"))
    for cls, name, rx in CLINICAL_EMERGENCY:
        if name == _GCS_RULE:  # the first rule carries its evidence in its own pattern
            if not _ABOUT_THE_SCALE.search(t) and rx.search(t):
                hits.append(RuleHit(cls, name))
        elif rx.search(t) and _CASE.search(t) and not _NOT_NOW.search(t):
            if name == _GLUCOSE_RULE and _TOO_MUCH_INSULIN.search(t):
                cls = "overdose"  # "double dose of insulin given by mistake ... BGL 1.9": poison control's reply
            hits.append(RuleHit(cls, name))
    return hits


# A learner or trainer asking how the job is done ("nursing student: how do you assess an unconscious patient
# using ABCDE", "teaching session for HCAs: how to ask a resident about suicidal thoughts", "what should a
# choking first aid poster say"): the emergency words are the lesson's topic. rules.emergency_hits returns no
# hit for it (a learner reporting something happening now is not this).
_LEARNER = _rx(r"^\s*(nursing student|student nurse|student paramedic|paramedic student|med(ical)? student|student midwife|student doctor|"
               r"pharmacy student|emt (class|student|course|lecture|refresher)|paramedic cpd|first aid (course|class)|"
               r"psych(ology)? (student|major)|pre-?med|public health student|social work student|counsell?ing student|nursing school|med school)\b",
               r"\b(teaching (session|pack|poster|slides?|scenario)|training (session|pack|day|quiz|poster|course|material)|poster|"
               r"osce|exam|revision|lecture( notes)?|cpd|refresher|induction pack|for (new|our) (carers|staff|hcas|students|care workers))\b")
_GENERAL_ASK = _rx(r"\b(how (do|would|should|can) (you|we|staff|carers|nurses|medics|paramedics|one)|why (do|does|is|are|would) (we|you|they|staff)|"
                   r"what should (a|an|the|our|my|staff|carers) .{0,40}\b(say|include|contain|record|cover|do)|how to (ask|assess|spot|recognise|"
                   r"recognize|teach|manage|explain)|what (causes|are the|is the|does)|explain|describe|list|(what'?s|what is) the difference|"
                   r"difference between|why do (clinicians|doctors|nurses|psychiatrists|therapists|paramedics))\b")
_HAPPENING = _rx(r"\b(right now|just now|now (he|she|they)|suddenly|minutes? ago|currently|on scene|is (fitting|seizing|bleeding|choking|unresponsive)|"
                 r"(has|have) (just )?(collapsed|stopped breathing)|won'?t (wake|stop)|not breathing|help( me)?!|what do i do)\b")


def professional_education(t: str) -> bool:
    """`t` is the normalized message: a learner's or trainer's general question, with nothing happening now."""
    return bool(_LEARNER.search(t) and _GENERAL_ASK.search(t) and not _HAPPENING.search(t))
