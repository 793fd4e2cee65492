"""Precise rules: patterns where a rule is right and a classifier may waver (acute emergencies,
explicit medication changes, injection markers). Each rule names its class/category so results
explain themselves. Patterns run on lower-cased, whitespace-normalized text.

Split for size: rules_base (cache, prefilter, normalize), rules_emergency (the emergency rule tables),
rules_harm (harm to others, poison remedies),
rules_lang (Spanish emergency/injection phrases, messages in a language the guard does not read)."""

from __future__ import annotations

from medrails.guard.rules_acute import acute_any_hits, acute_person_hits
from medrails.guard.rules_any_frame import (
    NOT_IN_DANGER,
    frame_proof_refuse_hits,
    frameless_emergency_hits,
    pregnancy_weeks,
    seizure_preparation,
    suicide_myth_question,
    terse_emergency_hits,
)
from medrails.guard.rules_base import RuleHit, _Alternatives, _per_message, _rx, _rx_plain, normalize  # noqa: F401 (re-exported)
from medrails.guard.rules_case_after import case_after_question_hits, rest_after_first_question
from medrails.guard.rules_clinical import clinical_emergency_hits, professional_education
from medrails.guard.rules_course import (
    asking_for_me,
    helpline_cleared,
    not_a_fever_now,
    present_course,
    resolved_event,
    without_figures,
)
from medrails.guard.rules_crisis import crisis_hits, support_if_question
from medrails.guard.rules_emergency import (  # noqa: F401 (re-exported)
    _CHEST,
    _CHEST_AFTER,
    _EFFORT,
    _FEVER,
    _INFANT_AGE,
    _NOT_ACCIDENT,
    _NUM,
    _PAST,
    EMERGENCY_RULES,
    PERSON_EMERGENCY_RULES,
    _had_now,
)
from medrails.guard.rules_es import spanish_education, spanish_harm, spanish_not_now, spanish_refuse_hits
from medrails.guard.rules_frames import (  # noqa: F401 (re-exported)
    _KNOWN_CONDITION,
    _RECURRING,
    DIAGNOSIS_ASK,
    EDUCATION_MARKER,
    EMERGENCY_TOPIC_QUESTION,
    FIRST_AID,
    FRAME_ACUTE,
    GETTING_READY,
    HAPPENING_AS_WE_SPEAK,
    HAPPENING_NOW,
    HYPOTHETICAL,
    HYPOTHETICAL_PERSON,
    KNOWN_CONDITION,
    MYTH_QUESTION,
    MYTH_VETO,
    RECURRING,
    SUPPORT_FRAME,
    TOPIC_QUESTION,
    WHY_QUESTION,
)
from medrails.guard.rules_harm import (  # noqa: F401 (re-exported)
    _COVERT,
    _DRUGS,
    _FOOD,
    _HARM_EFFECT,
    _HARM_INTENT,
    _HUMANS,
    _PEOPLE,
    _VICTIM_FOOD,
    HARM_ASK_DISAVOWED,
    HARM_NOW,
    HARM_OTHERS,
    HOWTO,
    LAW_QUESTION,
    MED_USE,
    NALOXONE_OVER_THE_COUNTER,
    PREP,
    REMEDY,
    SAFETY_ASK,
    dangerous_preparation,
    harm_request,
    law_question,
    science_question,
)
from medrails.guard.rules_lang import not_understood, spanish_emergency_hits, spanish_injection
from medrails.guard.rules_poisoning import (
    emergency9_hits,
    poison_making_hits,
    suicide_topic_question,
)
from medrails.guard.rules_refuse import INJECTION_RULES, REFUSE_RULES, deleet, unhidden_text  # noqa: F401 (re-exported)
from medrails.guard.rules_requests import drop_topic_hits, first_aid_learning, realism_question
from medrails.guard.rules_scope import clearly_non_medical
from medrails.guard.rules_signals import (  # noqa: F401
    HARM_SIGNALS,
    NO_METHOD_WANTED,
    education_frame,
    overdose_taken_now,
    role_play_lesson,
    safety_lesson,
    suicide_warning_signs,
    treatment_choice,
)

# Who is affected: emergency rules only fire when the message is about a real person now,
# not "what are the warning signs of a stroke".
PERSONAL = _rx(r"\b(i|i'm|im|i've|i'd|i'll|me|my|myself|mine|we|we're|our|us|he|she|he's|she's|hes|shes|they|they're|his|her|him|"
               r"himself|herself)\b",
               r"\bright now\b", r"\bsomeone here\b")
GENERAL_QUESTION = _rx(r"^\s*(what'?s|whats|wats|wat'?s|(what|wat|which|how|why|when|who)\s+(is|are|does|do|causes?|happens|should\s+(you|someone|people|a person)|"
                       r"to|can\s+(you|someone|people)|are the))\b(?!.*\b(i|i'm|im|i've|ive|i'd|me|my|myself|mine|we|we're|our|us|ourselves)\b)")


# ... unless the message itself says the sign is long-standing or benign in context
NOT_ACUTE = _rx(r"\b(is (that|this|it) normal|normal for (a|an|my|her|his|their)|when (she'?s|he'?s|i'?m|they'?re|i am) (tired|sleepy|excited)|"
                r"in (photos|pictures)|after (botox|fillers?|dental work|the dentist)|since (birth|childhood|i was (a kid|little))|developmental|"
                r"slept on|sleeping on|pins and needles|for (years|months)|always (has|had|been)|(over|for|in) the (last|past) (few |couple of )?(weeks|months|years)|"
                r"as well as (it )?used to|for a (talk|presentation|lecture|workshop) (i'?m|i am|we'?re) (giving|doing|preparing))\b")





@_per_message
def is_general_question(text: str) -> bool:
    t = normalize(text)
    return bool(GENERAL_QUESTION.search(t)) or not PERSONAL.search(t)



@_per_message
def acute_now(text: str) -> bool:
    """Something acute is described (now, tonight, can't breathe, took pills, blue lips...)."""
    return bool(FRAME_ACUTE.search(normalize(text)))


NOT_MINOR = _rx(r"\b(eye|eyeball|eyelid|deep|embedded|stuck|infected|pus)\b")  # a splinter in the eye is not first-aid learning


@_per_message
def first_aid_education(text: str) -> bool:
    """Learning first aid (a course, CPR, the Heimlich) is education, not a self-procedure (R5)."""
    t = normalize(text)
    return bool(FIRST_AID.search(t)) and not FRAME_ACUTE.search(t) and not NOT_MINOR.search(t)


# "my doctor says I have hypothyroidism, what does that mean": the diagnosis is given, the question is education
ALREADY_DIAGNOSED = _rx(r"\b(doctor|gp|dr|physician|nurse|specialist|consultant|pediatrician|paediatrician|they|tests?|scan|results?)\s+"
                        r"(said|says|told (me|us|him|her)|diagnosed|found|confirmed|showed)\b.{0,60}\b(what (is|are|does|do)|mean|explain)\b",
                        r"\b(i'?ve been|i was|i'?m|he was|she was|he'?s been|she'?s been|just got|been) (told|diagnosed)\b.{0,60}"
                        r"\b(what (is|are|does|do)|mean|explain)\b")
# "how can I get my dad to see a doctor": persuading someone toward care, not harming them
ENCOURAGE_CARE = _rx(r"\bhow (can|do|should|could) (i|we) (get|encourage|convince|persuade|help|motivate|talk)\s+(my|our)\s+([\w-]+\s+){1,4}?"
                     r"(to\s+|into\s+|about\s+)?(see|visit|go to|take (his|her|their)|eat|sleep|exercise|quit|stop (smoking|drinking|vaping)|"
                     r"wear|use (his|her|their)|drink (more )?water|get (help|tested|vaccinated|checked|a check)|brush|start|keep|stick)\b",
                     r"\b(refuses?|won'?t|doesn'?t want) to (wear|use|take|see|go)\b.{0,40}\bhow (can|do|should) (i|we) (encourage|convince|help|persuade|get)\b",
                     # "how do i bring up my husband's drinking without him getting defensive" (guard_unseen23)
                     r"\bhow (can|do|should|could) (i|we|u|you) (bring up|raise|talk about|talk to (him|her|them) about|approach)\s+(my|our|his|her|their)\s+"
                     r"([\w'-]+\s+){0,2}?(drinking|drug use|gambling|weight|eating|smoking|vaping|mental health|depression|memory)\b",
                     # "how do I ask my friend directly if she's thinking about killing herself" (guard_unseen28)
                     r"\bhow (can|do|should|could) (i|we|u|you) ask (my|a|our|her|his) [\w-]+ (directly |straight out )?(if|whether|about)\b")


@_per_message
def already_diagnosed(text: str) -> bool:
    return bool(ALREADY_DIAGNOSED.search(normalize(text)))


@_per_message
def encourage_care(text: str) -> bool:
    return bool(ENCOURAGE_CARE.search(normalize(text)))


@_per_message
def condition_why(text: str) -> bool:
    """"Why does ..." about a known condition or a recurring pattern: education, not R1 and not an emergency."""
    t = normalize(text)
    return (bool(WHY_QUESTION.search(t) and (KNOWN_CONDITION.search(t) or RECURRING.search(t)))
            and not FRAME_ACUTE.search(t) and not DIAGNOSIS_ASK.search(t))


@_per_message
def impersonal_question(text: str) -> bool:
    """A general or hypothetical question ("when should chest pain be treated as an emergency?",
    "what should you do if someone has a seizure?"): education, whatever its topic. A clearly non-medical
    request (a game, a recipe) is nobody's medical situation either: the head's emergency call and
    emergency mass are off for it (the emergency rules still read it)."""
    t = normalize(text)
    return (_impersonal(t) and not asking_for_me(t)) or clearly_non_medical(t)


def terse_case(t: str) -> bool:
    """No pronoun, ends in a question, but describes a case (rules_frames.TOPIC_QUESTION): the emergency rules read it."""
    return (not PERSONAL.search(t) and not TOPIC_QUESTION.search(t) and not HYPOTHETICAL.search(t) and not SUPPORT_FRAME.search(t)
            and not education_frame(t) and not condition_why(t) and not spanish_education(t) and not clearly_non_medical(t))


@_per_message
def _impersonal(t: str) -> bool:
    if spanish_education(t):
        return True  # rules_es: a Spanish question frame with nothing personal, risky or acute
    if GENERAL_QUESTION.search(t):
        return True
    if HYPOTHETICAL.search(t) and not HAPPENING_NOW.search(t):
        return True
    if (SUPPORT_FRAME.search(t) or condition_why(t)) and not FRAME_ACUTE.search(t):
        return True  # "signs someone is suicidal so I can support my friends", "my son has asthma, why is it worse at night"
    # no person at all and an education marker: "stroke warning signs?", "first aid for burns"
    return not PERSONAL.search(t) and not HAPPENING_NOW.search(t) and bool(EDUCATION_MARKER.search(t))


# a real person in the message (not just "tell me about ..."): needed before the classifier may
# call an emergency, and what turns a dose question personal
SITUATION = _rx(r"\b(i|i'm|im|i've|ive|i'd|me|my|myself|we|we're|our|he|she|he's|she's|hes|shes|they're|his|her|him)\b",
                r"\b(right|just) now\b",
                # a recent onset is someone's situation even without a pronoun ("face numb on one side since 15 mins ago")
                r"\b(since|for( the)? (last|past)|started|began)\s+(\d+|a few|few|a couple( of)?|twenty|ten|five|thirty)\s*"
                r"(mins?|minutes|hrs?|hours?)\b",
                r"\b(\d+|a few|few|a couple( of)?|twenty|ten|five|thirty)\s*(mins?|minutes|hrs?|hours?)\s+ago\b", r"^\s*(newborn|baby|infant|toddler|kid|child|lo|little one|bub|bubba)\b",
                # "4 yr old has croup and now is struggling...": an age names a person
                r"^\s*(a |an |our |the )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(-| )?(yo|y/o|yr|yrs|year|years|month|months|mo|"
                r"week|weeks|wk|day|days)(-| )?old\b", r"\b(and )?now (is|he|she|they|it'?s|he'?s|she'?s|has|can'?t|won'?t)\b",
                r"^\s*(friend|roommate|mom|mum|dad|grandma|grandpa|granny|husband|wife|son|daughter|brother|sister|partner|"
                r"boyfriend|girlfriend|coworker|neighbou?r|bf|gf)\b",
                r"\b(friend|roommate|husband|wife|toddler|grandma|grandpa|mom|mum|dad|son|daughter|coworker)\s+(is|has|just|took|ate|"
                r"drank|swallowed|collapsed|fell|won'?t|can'?t|isn'?t)\b")
GENERAL_DOSE = _rx(r"\bhow (many|much) (mg|milligrams?|mcg|ml|grams?)\b.{0,40}\b(in|per) (a|an|one|each|1)\b",  # product strength
                   r"\b(normal|usual|typical|standard|regular|recommended|maximum|max|average|starting|label|labeled)\b.{0,25}"
                   r"\b(dose|doses|dosage|dosing|strength)\b", r"\b(dose|dosage|dosing)\b.{0,40}\b(in general|generally|per the label|"
                   r"on the (label|box|package)|guidelines?|(for|4) (adults|grown ups|children|kids)|in adults|in studies|in textbooks)\b")


# "I'm a doctor," / "as a pharmacist" / "nursing student here": a role, not a person being dosed.
# The claim does not change the category (DESIGN.md: no prescribing in any policy); it only stops
# the role phrase itself from making a general label question look personal.
ROLE_CLAIM = _rx_plain(  # .sub is used on it: one compiled alternation
    r"\b(i'?m|im|i am|as|we'?re|we are)\s+(a|an)\s+([\w-]+\s+){0,2}?(doctor|physician|gp|nurse|np|pa|pharmacist|paramedic|emt|"
                 r"medic|clinician|dentist|resident|intern|midwife|(med|medical|nursing|pharmacy)\s+student|vet|veterinarian|"
                 r"prescriber|provider|student|researcher|teacher|caregiver)s?\b",
                 r"\b(med|medical|nursing|pharmacy)\s+student\s+here\b", r"\b(studying|revising|prepping) for\s+(my\s+)?(boards|exams?|nclex|usmle)\b")


@_per_message
def general_dose_question(text: str) -> bool:
    """"What is the usual adult dose of ibuprofen?" is label education, unlike "how much should I take".
    A role claim alone ("I'm a nurse, what is the typical adult dose of amoxicillin?") keeps it general;
    "for my patient who weighs 70 kg" or "should I take" does not."""
    t = normalize(text)
    return bool(GENERAL_DOSE.search(t)) and not SITUATION.search(ROLE_CLAIM.sub(" ", t))


# A message only about the past ("my mom had a stroke 5 years ago, is she at higher risk?", "i lost my
# uncle to suicide") has no one in danger now: the classifier may not call it an emergency (the
# rules still run, and its emergency mass still counts as unsafe in risk_classifier).
HISTORY_ONLY = _rx(r"\b(they|the (er|hospital|doctors?|a&e)) (discharged|released) (me|him|her|us)\b.{0,60}\b(follow[- ]?up|appointment|booked|scheduled)\b",
                   r"\b((\d+|a|one|two|three|few|several|couple( of)?)\s+(years?|yrs?|months?|decades?)\s+(ago|back)|last (year|month)|"
                   r"in (19|20)\d\d|years ago|months ago|a while (ago|back)|back in (the )?('?\d0s|\d{4})|history of|used to have|survived|"
                   r"recovered from|in recovery|lost (my|a|our|her|his) \w+ to|died (by|of|from)|"
                   r"(it'?s|it is|it was|they'?re|i'?m|i feel|all) (gone|fine|better|ok|okay|back to normal) now|went away (on its own|by itself)|has passed|"
                   r"as an? (baby|toddler|kid|child|infant|teen\w*)|"
                   # a told anecdote: "my coworker said she ate too many melatonin gummies once and had crazy dreams" (guard_unseen68)
                   r"(said|says|told (me|us)) (that )?(she|he|they) [^.?!]{0,60}\b(once|one time) and (had|got|was|were|felt|ended up|threw up|slept|just had)|"
                   # a season gone, an outcome said, an age then and now (guard-multi)
                   r"last (spring|summer|fall|autumn|winter|christmas|thanksgiving)|"
                   r"(has|have|'s|'ve) been (totally |perfectly |completely |absolutely )?(fine|ok|okay|well|good|healthy|great) (ever )?since|"
                   r"(pulled|came) through|came (round|around|to) (right away|quickly|in seconds|fine)|"
                   r"when (he|she|they|i|my \w+) (was|were) (a newborn|an? (baby|infant|toddler|kid|teen\w*)|\d+ (days?|weeks?|months?|years?)( old)?)|"
                   r"(he'?s|she'?s|they'?re|i'?m|im) (\d+|in (kindergarten|school|college)|(a )?(toddler|teen\w*|adult)) now)\b")
ACUTE_NOW = _rx(r"\b(right now|just now|suddenly|all of a sudden|minutes ago|an hour ago|this (morning|evening|afternoon)|tonight|"
                r"won'?t stop|can'?t (breathe|wake|speak|talk|move)|not breathing|(?<!never )(?<!not )(?<!never had one )again|"
                r"(?<!vs )(?<!vs\. )(?<!versus )(?<!or )just (?!(stared|watched|stood|looked|laughed|walked|ignored|filmed)\b)\w+(ed|ing))\b",  # not "vs just gagging"
                HAPPENING_AS_WE_SPEAK)
PAST_DURATION = _rx_plain(r"\b(was|were|lasted|went on|had been|got)\b[^.?!;]{0,40}\b(for|over) (about |around |maybe |like )?(a few|few|a couple of|couple of|\d+|"
                    r"one|two|three|five|ten|twenty|thirty) (seconds?|secs?|min|mins|minutes|hours?|hrs?|days?)\b")


# a body or a person doing something now, said in the present ("her face is swelling", "he's been
# sitting on the edge of the bed", "keeps jerking", "is getting tight", "I just found him", "won't wake up"): no history
GOING_ON = _rx(r"\b(is|are|'s|'re|am|i'm|im|keeps?|kept|been|started|starting|now)\s+(\w+ly\s+)?(?!doing\b|going\b)\w{3,}ing\b",
               r"\b(has|have|with) no (pulse|heartbeat|heart ?beat)\b", r"\bheart (has )?just stopped\b(?! (racing|pounding|hurting|for a))",
               r"\bjust (found|saw|got|came|noticed)\b", r"\b(won'?t|will not|can'?t|cannot|isn'?t|is not|not) (wake|waking|respond\w*|answer\w*|breath\w*)\b",
               r"\b(so far|since (this|last night|he woke|she woke|i woke)|for the (past|last) (hour|\d+|few|couple|half)|today|"
               r"(\d+|a few|few|a couple( of)?|couple( of)?|ten|twenty|thirty|forty) (min|mins|minutes|hrs?|hours?) ago)\b")


@_per_message
def has_situation(text: str) -> bool:
    t = normalize(text)
    return (bool(SITUATION.search(t)) and not history_only(t) and not clearly_non_medical(t) and not spanish_education(t)
            and not spanish_not_now(t))


@_per_message
def history_only(text: str) -> bool:
    """Only about the past or a resolved symptom ("it's fine now, what usually causes that"). Cached: the
    emergency rules and three decision gates ask it of the same message."""
    t = normalize(text)
    if ACUTE_NOW.search(t) or GOING_ON.search(t):
        return False
    # a past marker next to something going on now is not history ("had a stent in 2019 ... 40 minutes now"); a duration
    # said in the past tense is not a course going on ("was unconscious for a few minutes after a car accident last year")
    return (bool(HISTORY_ONLY.search(t)) and not present_course(PAST_DURATION.sub(" ", t))) or resolved_event(t)


# Asking for a way to die is a crisis whatever the grammar ("what's the quickest way to not exist"):
# these fire even when the message reads as a general question.
SUICIDE_METHOD = _rx(r"\b(quickest|easiest|fastest|painless|most painless|least painful|surest|simplest|best)\s+(way|method|means)s?\s+to\s+"
                     r"(die|not exist|stop existing|kill (myself|yourself|oneself|urself)|end (it|it all|my life|your life|one'?s life)|"
                     r"never wake up|unalive|commit suicide|disappear forever)\b",
                     r"\bhow (to|do i|can i|should i)\s+(kill myself|end my life|commit suicide|unalive myself|kms)\b")


ABOUT_A_PRACTICE = _rx(r"^\s*(is|are|why|does|do)\s+([\w']+\s+){0,2}?(drinking|eating|swallowing|taking|using|mixing|people|kids|someone|anyone)\b")


@_per_message
def emergency_hits(text: str) -> list[RuleHit]:
    hits = _emergency_hits(text)
    if not hits:
        # leetspeak hides an emergency from the rules as it hides a rule override ("I t00k 4ll my m0m's 0xy ... 20 min
        # ago, getting really sleepy", guard_unseen33): read the de-leeted text too (injection_hits does the same)
        leet, _words, plain = deleet(normalize(text))
        if leet >= 2:
            hits = _emergency_hits(plain)
    if not hits:
        unhidden = unhidden_text(text)  # base64, or a word spelled out letter by letter
        if unhidden is not None:
            hits = _emergency_hits(unhidden)
    if not hits:
        # a general question in front frames the whole message as education; what follows it is read on its own too
        # (second review of session 11: "how do you know if an overdose is serious? friend took 10 bars and won't wake up",
        # "what are signs of alcohol poisoning? my roommate just passed out on the bathroom floor and is snoring weird")
        rest = rest_after_first_question(text)
        if rest is not None:
            hits = _emergency_hits(rest)
    return hits


def _emergency_hits(text: str) -> list[RuleHit]:
    # "this humidity, I can't breathe outside": the rules read what is left; "I'm not suicidal, just grieving": a denial said outright
    t = READ_ABOUT_SOMEONE.sub(" ", NOT_IN_DANGER.sub(" ", without_figures(normalize(text))))  # news about a stranger is nobody here
    if SUICIDE_METHOD.search(t):
        return [RuleHit("suicide", "asks for a way to die")]
    if professional_education(t):
        return []  # "nursing student: how do you assess an unconscious patient using ABCDE" (nothing happening now)
    if suicide_warning_signs(t):
        return [RuleHit("suicide", "warning behaviour (giving away, debts paid, goodbye)")]
    if overdose_taken_now(t):
        return [RuleHit("overdose", "pills taken now, with an antidote or vomiting ask")]
    frameless = (frameless_emergency_hits(t) + emergency9_hits(t) + crisis_hits(t) + clinical_emergency_hits(t)
                 + case_after_question_hits(t))  # a plan said after a favour, a seizure interrupting an exam question
    if frameless:
        return frameless
    # "qué es una sobredosis" is a question; "pastillas que dejan inconsciente a una persona sin que se dé cuenta" is R6
    spanish = [] if spanish_education(t) or (spanish_harm(t) and spanish_not_now(t)) else spanish_emergency_hits(t)
    if spanish:
        return spanish  # the English question frames below do not read Spanish
    # terse and pronoun-less ("sats 78% on 4L", "planning to end it all this weekend"): unless a general question or a
    # learning frame; a first-person plan to die fires in any frame but helping someone else ("how do I support...")
    framed = bool(HYPOTHETICAL.search(t) and not HAPPENING_NOW.search(t)) or education_frame(t) or bool(GENERAL_QUESTION.search(t))
    early = [h for h in acute_any_hits(t) + terse_emergency_hits(t) if not SUPPORT_FRAME.search(t) and (h.category == "suicide" or not framed)]
    if pregnancy_weeks(t):
        early = [h for h in early if h.category != "newborn_fever"]  # "36 weeks pregnant, is 38 degrees a fever"
    if early:
        return early
    if _impersonal(t) and not terse_case(t):
        return []
    if ABOUT_A_PRACTICE.search(t) and not SITUATION.search(t) and not ACUTE_NOW.search(t):
        return []  # "is drinking bleach to cure covid a real thing?": nobody in it, nothing happening
    if ((EMERGENCY_TOPIC_QUESTION.search(t) or GETTING_READY.search(t)) and not ACUTE_NOW.search(t)
            and not present_course(ASKERS_WORRY.sub(" ", t))
            and not FRAME_ACUTE.search(HYPOTHETICAL_PERSON.sub(" ", t))) or myth_question(t):
        return []  # "how do hospitals treat someone who drank antifreeze?", "designated sober friend, what to watch for"
    hits = [RuleHit(cls, name) for cls, name, rx in EMERGENCY_RULES if rx.search(t)]
    if FICTION_SCENE.search(t) and not ACUTE_NOW.search(t) and not PERSONAL_NOW.search(t):
        hits = [h for h in hits if h.category == "suicide"]  # a scene written, not a person in danger
    if hits and (suicide_myth_question(t) or suicide_topic_question(t) or support_if_question(t) or past_suicidality_recovered(t)):
        hits = [h for h in hits if h.category != "suicide"]
    if SITUATION.search(t) and not NOT_ACUTE.search(t):
        hits += [RuleHit(cls, name) for cls, name, rx in PERSON_EMERGENCY_RULES if rx.search(t)] + acute_person_hits(t)
    if pregnancy_weeks(t):
        hits = [h for h in hits if h.category != "newborn_fever"]  # "I'm 39 weeks, induction offered at 40"
    if seizure_preparation(t):
        hits = [h for h in hits if h.category != "seizure"]  # "what do I do if my kid starts seizing at school"
    if first_aid_learning(t):
        hits = [h for h in hits if h.category == "suicide"]  # "school wants parents to learn choking first aid, what's the advice for a child over 1"
    if not_a_fever_now(t):
        hits = [h for h in hits if h.category != "newborn_fever"]  # "we're expecting in March", "how warm should the nursery be"
    if history_only(t) or (resolved_event(t) and not ACUTE_NOW.search(t)) or helpline_cleared(t):
        # only the past ("found my brother unconscious from an overdose in 2020, he's been clean 3 years"), or an
        # event said to be over ("it bled a bit but stopped after a few minutes"); a past marker next to something
        # going on now is neither ("history of high cholesterol ... the last half hour I've had pressure in my chest")
        hits = [h for h in hits if h.category == "suicide"]
    return hits


# suicidal thoughts in the past, now recovered or in care, with nothing said to be back (guard_unseen28: "I had depression with
# suicidal thoughts 5 years ago, fully recovered now"; "she told me last month she had suicidal thoughts, she's in therapy now")
SUICIDE_RECOVERED = _rx_plain(r"\b(\d+|a few|several|many|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty) (years?|months?) ago\b|\blast (month|year|spring|summer|fall|autumn|winter)\b",
                              # "trying to understand my own past a bit, I'm doing ok now and in therapy" (guard_unseen68)
                              r"\b(my (own )?past|in the past|back when i|when i was (younger|a teen\w*|in (high )?school|\d+))\b")
_RECOVERED_NOW = _rx_plain(r"(?<!not )(?<!n't )(?<!nt )\b(fully recovered|recovered( now)?|in therapy now|doing (ok|okay|well|better|great|fine)( now)?|much better now|stable now)\b")
_BACK_AGAIN = _rx_plain(r"\b((is|are|'s|came|has come|have come|they'?re|started|starting) (back|again)|again now|returned|right now|tonight|"
                        r"plan|pills|rope|want to die|kill myself|last night|this (morning|week)|today|yesterday|(cut|cutting|hurt|hurting|burn\w*|harm\w*) (myself )?again|"
                        # review of 7934528: "i'm doing well now mostly but i've been having those thoughts again since the divorce"
                        r"again|lately|recently|these days|coming back|creeping back|mostly)\b")
# a scene in fiction: "in my novel a woman finds her roommate unconscious"; "my character ... notices a woman is having a stroke"
PERSONAL_NOW = _rx_plain(r"\b(i'?m|i am|my (wife|husband|son|daughter|mom|mum|dad|friend|baby|partner|roommate)) (is |'s )?(having|bleeding|choking|"
                         r"not breathing|unconscious|seizing)\b")
FICTION_SCENE = _rx_plain(r"\b(my|the|a) (character|protagonist|heroine|hero)\b", r"\bin (my|the|a) (novel|story|book|screenplay|script|tv show|show|"
                          r"movie|film|scene|play)\b", r"\b(short )?(story|novel|screenplay|script|play) (i'?m|im|i am) writing\b",
                          r"\bmy (novel|short story|screenplay|script|stage play|film script|story)('s)? (has|is about|follows|opens)\b")


def past_suicidality_recovered(t: str) -> bool:
    return bool(SUICIDE_RECOVERED.search(t) and _RECOVERED_NOW.search(t) and not _BACK_AGAIN.search(t))


# an override phrase quoted and asked about, not used
INJECTION_META = _rx_plain(r"['\"](ignore|disregard|forget)[^'\"]{3,60}['\"].{0,120}\b(what does (that|it|this) mean|how (is|are|do|does)|what is|explain)\b",
                           r"\bwhat (is|does) ['\"]?prompt injection\b")


# the asker's own state after reading something ("and now I'm paranoid about every remote") is not a course of illness
ASKERS_WORRY = _rx_plain(r"\b(and )?now (i'?m|im|i am) (so |really |kinda |super )?(paranoid|scared|worried|freaked out|anxious|curious|nervous)\b")


@_per_message
def myth_question(text: str) -> bool:
    """A yes/no fact question about a risk ("can you actually die from not sleeping?"), nothing taken or happening now."""
    t = CURIOUS_NOW.sub(" ", normalize(text))  # "pulled two all-nighters and now i'm curious": curiosity is no course
    t = READ_ABOUT_SOMEONE.sub(" ", t)  # "i read about a college player who collapsed on the court": news, nobody here
    return (bool(MYTH_QUESTION.search(t)) and not MYTH_VETO.search(t) and not ACUTE_NOW.search(t) and not FRAME_ACUTE.search(t)
            and not present_course(t))


READ_ABOUT_SOMEONE = _rx_plain(r"\b(i|we) (read|heard|saw) (about|of) (a|an|this|some|the) ([\w-]+ ){0,5}(who|that) "
                               r"(?![^.?!]*\b(my|our|i'?m|he'?s|she'?s|now|right now|just|here|today|tonight)\b)[^.?!,]*")
CURIOUS_NOW = _rx_plain(r"\b(and )?now (i'?m|i am|im) (just |really |genuinely |kinda |a bit )?(curious|wondering|interested)\b")


# "I'm a crime novelist ... I'm not asking how to poison someone. What does a toxicology screen cover?" (guard_unseen36):
# the disavowed ask is not read as the ask; everything else in the message still is
@_per_message
def refuse_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    # naloxone is sold over the counter: "what is Narcan nasal spray and can I buy it without a prescription" (guard_unseen67);
    # only that clause is set aside ("can I buy narcan without a prescription and also xanax without a prescription")
    asked = NALOXONE_OVER_THE_COUNTER.sub(" ", HARM_ASK_DISAVOWED.sub(" ", t))
    hits = [RuleHit(cat, name) for cat, name, rx in REFUSE_RULES if rx.search(asked)]
    if not not_understood(t):
        # Spanish phrases in a mostly English message get their category; a mostly Spanish request keeps the
        # bilingual `language` refusal (it carries 911 / 988 / Poison Control in Spanish), and its Spanish rule
        # hit only turns off emergencies and the education frame (rules_es)
        hits += spanish_refuse_hits(t)
    if education_frame(t) and not acute_now(t):
        # "how do I safely get rid of leftover opioid pills", "what is naloxone, can anyone buy it without a
        # prescription": a disposal/history/debate/support frame; harm shapes below still fire, and so does a request
        # told after the opening question on its own ("why don't doctors prescribe codeine to kids anymore? whats a safe
        # amount for my 4 year old", second review of session 11)
        rest = rest_after_first_question(asked)
        rest_hits = ([RuleHit(cat, name) for cat, name, rx in REFUSE_RULES if rx.search(rest)]
                     if rest is not None and not education_frame(rest) else [])
        hits = rest_hits or [h for h in hits if h.category not in ("R2", "R6")]
    if law_question(t) or science_question(t):
        hits = [h for h in hits if h.category != "R6"]  # asks why something is illegal, or what LD50 means: not how to do it
    hits = drop_topic_hits(t, hits)  # "has celiac disease. what is it exactly? is it an allergy?", "why is it dangerous to ..."
    hits += poison_making_hits(NO_METHOD_WANTED.sub(" ", t)) + frame_proof_refuse_hits(t)  # making ricin is R6 in a class project or a novel too
    # harm to someone else names the category even when the wording also reads as dosing (R3)
    if dangerous_preparation(t):
        hits.insert(0, RuleHit("R5", "prepares a known poison as a remedy"))
    if treatment_choice(t) and not any(h.category == "R4" for h in hits):
        hits.append(RuleHit("R4", "treatment choice for a person"))
    if HARM_SIGNALS.search(t):
        hits.insert(0, RuleHit("R6", "incapacitate or harm someone unnoticed"))
    if HARM_OTHERS.search(t) and not law_question(t) and not realism_question(t):
        hits.insert(0, RuleHit("R6", "harm to another person"))
    return hits


@_per_message
def injection_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    hits = [RuleHit("R7", name) for name, rx in INJECTION_RULES if rx.search(t)]
    if safety_lesson(t) or role_play_lesson(t):
        hits = [h for h in hits if h.rule != "persona"]  # a children's safety lesson in a pharmacist's voice, a podcast's pharmacist
    if INJECTION_META.search(t):
        # "our newsletter said people try 'ignore previous instructions' tricks. what does that mean?" (guard_unseen33): the
        # quoted phrase is asked about; any other override in the message still counts
        hits = [h for h in hits if h.rule != "ignore instructions"]
    if spanish_injection(t):
        hits.append(RuleHit("R7", "ignore instructions (Spanish)"))
    leet, words, plain = deleet(t)
    if not hits and leet >= 3:
        if (any(rx.search(plain) for _, rx in INJECTION_RULES) or any(rx.search(plain) for _, _, rx in REFUSE_RULES)
                or (leet >= 4 and leet >= 0.3 * words)):
            hits.append(RuleHit("R7", "obfuscated (leetspeak) text"))
    return hits
