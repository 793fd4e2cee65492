"""Emergency kinds added after the fifth and sixth blind suites (kinds, not their strings).

- `ACUTE_ANY`: descriptions that are an emergency in themselves, written tersely with no pronoun
  ("swelling after the sting spreading fast + dizzy", "sats 82% on oxygen", "planning to end it all
  this weekend"). They fire even when the message ends in a question mark, unless it is a general or
  hypothetical question ("what should you do if...").
- `ACUTE_PERSON`: about a real person in the message (rules.SITUATION): toxic gas (a car or generator
  running in a closed space, bleach mixed with ammonia) with symptoms; several days' doses taken at
  once; seizure signs (one-sided twitching, eyes turned, not answering); self-harm with a hot object or
  blade held to the skin; an asthma attack with the inhaler missing or the words not coming out;
  a deep wound with blood running out fast."""

from __future__ import annotations

from medrails.guard.rules_base import RuleHit, _rx

_SYMPTOM_GAS = (r"\b(headaches?|pounding head|dizz\w*|light-?headed|confus\w*|threw up|throwing up|vomit\w*|nause\w*|drowsy|sleepy|"
                r"faint\w*|passed out|can'?t (wake|think)|cough\w*|wheez\w*|short of breath|breathless|can'?t breathe|chest (burns?|burning|"
                r"tight\w*|hurts?|pain)|throat (burns?|burning)|eyes (burn\w*|streaming))\b")
_CLOSED = r"\b(garage|closed|shut|indoors|inside|tent|basement|no (window|ventilation)|small (room|bathroom|space)|cabin|camper|van)\b"
_ENGINE = r"\b(car|engine|generator|grill|bbq|barbecue|charcoal|heater|furnace|boiler|stove|space heater|camp ?stove)\b"

# Within one clause-ish window; each alternative names its own evidence.
ACUTE_PERSON: list[tuple[str, str, object]] = [
    ("overdose", "toxic gas or fumes with symptoms", _rx(
        _ENGINE + r".{0,40}\b(running|on|burning|lit|left on)\b.{0,60}" + _CLOSED + r".{0,140}" + _SYMPTOM_GAS,
        _CLOSED + r".{0,60}" + _ENGINE + r".{0,40}\b(running|on|burning|lit)\b.{0,140}" + _SYMPTOM_GAS,
        # "we've been running the old gas heater in the basement all day ... now we all have pounding headaches"
        r"\b(running|ran|run|burning|burned|lit|left on|using|used)\b.{0,30}" + _ENGINE + r".{0,60}" + _CLOSED + r".{0,160}" + _SYMPTOM_GAS,
        r"\bcarbon monoxide\b.{0,60}\b(alarm|detector)\b.{0,60}\b(going off|went off|beeping|goes off)\b.{0,100}" + _SYMPTOM_GAS,
        r"\b(co|carbon monoxide) (alarm|detector) (is )?(going off|went off|beeping)\b.{0,100}" + _SYMPTOM_GAS,
        r"\b(mixed|mixing|combined|combining|used)\b.{0,30}\b(bleach|ammonia|cleaners|chemicals|drain cleaner|toilet cleaner)\b.{0,40}"
        r"\b(and|with)\b.{0,30}\b(bleach|ammonia|cleaner|vinegar|acid)\b.{0,140}" + _SYMPTOM_GAS,
        r"\b(breathed|inhaled|breathing|inhaling)\b.{0,30}\b(fumes|gas|chlorine|chemicals?|smoke|it in)\b.{0,100}" + _SYMPTOM_GAS)),
    ("overdose", "several days' doses taken at once", _rx(
        r"\b(took|taken|takes|swallowed|had|gave (him|her|them|me)|given)\b.{0,40}\b(week|month|fortnight|two weeks|several days|(\d|two|three|four|five) days)'?s?"
        r"\s+(worth|supply|doses|pills|tablets|meds)\b",
        r"\b(week|month|(\d|two|three|four|five|several) days)'?s?\s+(worth|supply|doses)\b.{0,40}\b(at once|all at once|in one go|at the same time|together|by mistake)\b",
        # "my dad just took his whole weekly pill box at once by mistake"
        r"\b(took|taken|swallowed|had|emptied)\b.{0,20}\b(whole|entire|all of (his|her|my|the|their)|all the pills in (his|her|my|the|their))\s+"
        r"((weekly|week'?s|monthly|daily|sunday|monday|\w+day'?s) )?(pill ?(box|organi[sz]er|case|pack)|dosette( box)?|blister pack|organi[sz]er)\b")),
    ("seizure", "seizure signs", _rx(
        r"\b(twitch\w*|jerk\w*|shak\w*|convuls\w*|stiff\w*)\b.{0,80}\b(eyes?|head) (are |is )?(turned|turning|rolled|rolling|pulled|stuck|"
        r"deviat\w*|fixed|locked) (to|up|back|off)\b",
        r"\b(twitch\w*|jerk\w*|convuls\w*)\b.{0,100}\b(won'?t|not|doesn'?t|isn'?t|can'?t|cannot) (answer\w*|respond\w*|react\w*|wake\w*)\b",
        r"\b(won'?t|not|doesn'?t|isn'?t|can'?t) (answer\w*|respond\w*|react\w*)\b.{0,60}\b(twitch\w*|jerk\w*|convuls\w*)\b",
        r"\b(whole|entire|one|left|right) side\b.{0,30}\b(twitch\w*|jerk\w*|shak\w*)\b.{0,80}\b(minutes|won'?t stop|still|going on|keeps)\b")),
    ("suicide", "self-harm with a hot object or blade", _rx(
        r"\b(press\w*|held|holding|hold|put\w*|touch\w*|run\w*|drag\w*)\s+(a |the |my )?(hot |heated |lit |burning )?(lighter|cigarette|"
        r"iron|knife|blade|razor|match(es)?|metal|coin|spoon|lit match)\b.{0,25}\b(to|on|against|into|across|along) (my|his|her) "
        r"(arms?|wrists?|legs?|skin|thighs?|hands?|stomach)\b.{0,120}\b(on purpose|to feel|feel anything|feel something|all (evening|night|day)|"
        r"keep (going|doing)|again|can'?t stop|only thing|deserve|punish|numb|want to keep)\b")),
    ("breathing", "asthma attack without relief or words", _rx(
        r"\b(can|could) barely (get|say|speak|talk|finish) (any |the )?(words?|a word|sentences?|a sentence)\b",
        r"\b(can'?t|cannot|couldn'?t) (get|say) (the |any )?(words?|a word|a sentence) out\b",
        r"\b(having|in the middle of) an? (bad |severe |really bad )?asthma attack\b.{0,80}\b(no|don'?t have|didn'?t bring|forgot|left|"
        r"out of|lost|can'?t find|empty) (my |an |his |her |the )?(inhaler|puffer|nebuli[sz]er)\b",
        r"\b(struggling|fighting|gasping) for (every |each )?breath\b")),
    # altered consciousness that is not a stroke: severe low blood sugar, heat stroke (reply: the unresponsive-person text)
    ("unconscious", "confused with a low sugar or after heat", _rx(
        r"\b(diabetic|diabetes|type (1|one|2|two)|insulin)\b.{0,100}\b(shak\w*|sweat\w*|clammy|sugar|glucose|bg|bs)\b.{0,60}"
        r"\b(confus\w*|not making sense|incoherent|slurr\w*|won'?t wake|can'?t wake|barely (awake|conscious)|passing out|drowsy and)\b",
        r"\b(diabetic|diabetes|type (1|one|2|two)|insulin)\b.{0,100}\b(confus\w*|not making sense|incoherent|won'?t wake|can'?t wake)\b.{0,80}"
        r"\b(sugar|glucose|bg|bs|reading|reads|meter)\D{0,15}\b([1-4][0-9]|[1-2]\.[0-9])\b",
        r"\b(stopped sweating|not sweating|hot to (the )?touch|heat ?stroke|in the heat|outside all day|hot car|sauna)\b.{0,80}"
        r"\b(confus\w*|not making sense|collaps\w*|passed out|slurr\w*|incoherent)\b",
        r"\b(confus\w*|not making sense|collaps\w*|passed out|incoherent)\b.{0,60}\b(stopped sweating|not sweating|(very |really )?hot to (the )?touch)\b")),
    ("bleeding", "blood running out fast", _rx(
        r"\bblood (is )?(running|pouring|gushing|flowing|streaming|pumping|spurting|coming) (out )?(so |really |very )?(fast|quickly|everywhere|"
        r"a lot|heavily|out fast|in spurts)\b",
        r"\b(deep|big|huge|long|gaping) (gash|cut|wound|laceration|slash)\b.{0,60}\b(blood|bleed\w*)\b.{0,60}\b(fast|a lot|won'?t stop|pale|"
        r"faint\w*|dizzy|pool\w*|soak\w*|through)\b")),
]

# Critical values and intent said without any pronoun: fire before the "no person, ends in ?" frame.
ACUTE_ANY: list[tuple[str, str, object]] = [
    ("breathing", "oxygen saturation critically low", _rx(
        # not a sleep study's overnight low ("nadir SpO2 78%")
        r"(?<!nadir )(?<!lowest )(?<!minimum )\b(sats?|spo2|sp02|o2 sats?|o2|oxygen( levels?| saturation| sats?)?|pulse ?ox\w*|oximeter)\s*(is |are |was |of |at |reading |reads |"
        r"says |shows |showing |dropped to |down to |only |now |around |about |=|:|-)*\s*([4-8][0-9]|[1-3][0-9])\s*%",
        # no % sign, but a saturation word right before the number: "o2 sat 86", "spo2 84 on room air"
        r"\b(sats?|spo2|sp02|o2 sats?|oxygen (saturation|sats?|levels?)|pulse ?ox\w*( reads| reading| says)?)\s*(is |was |of |at |=|:|-)?\s*"
        r"([5-8][0-9])\b(?!\s*(years?|yo|y/o|mg|kg|lbs?|bpm|pounds|minutes|mins?|hours?|days?|%))",
        r"\b(resp\w*|rr|breathing) (rate )?(is |of |at |=|:)?\s*(3[5-9]|[4-6][0-9])\b(?!\s*(years?|yo|y/o|weeks?))")),
    ("newborn_fever", "a temperature reading in a baby under 3 months", _rx(
        # a baby word or "old" with the age: "the doctor is away 3 weeks ... 150/95" is no baby
        r"\b(baby|newborn|infant|son|daughter|lo|bub|twins?)\s*(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*[- ]?"
        r"(days?|d|weeks?|wks?|wk)[- ]?(old)?\b(?!\s*(pregnant|along|postpartum|ago|since|after))"
        r".{0,40}\b(38(\.\d)?|39(\.\d)?|40(\.\d)?|100\.[4-9]|10[1-4](\.\d)?)\s*(c|f|°|degrees|rectal|under (the )?arm|armpit|ear|temp)?\b",
        r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*[- ]?(days?|d|weeks?|wks?|wk)[- ]?old\b"
        r".{0,40}\b(38(\.\d)?|39(\.\d)?|40(\.\d)?|100\.[4-9]|10[1-4](\.\d)?)\s*(c|f|°|degrees|rectal|under (the )?arm|armpit|ear|temp)?\b")),
    ("cardiac", "shock-range blood pressure or heart rate", _rx(
        r"\b(bp|blood pressure)\s*(is |was |of |at |=|:|now |dropped to |down to )*\s*([4-8][0-9])\s*/\s*\d{2}\b",
        r"\b(hr|heart rate|pulse)\s*(is |was |of |at |=|:|now |up to |going )*\s*(1[5-9][0-9]|2[0-9][0-9]|2[0-9]|3[0-5])\b(?!\s*(years?|yo|mg|kg|%))")),
    ("anaphylaxis", "spreading swelling or hives after a sting, bite, food or medicine, with systemic signs", _rx(
        r"\b(sting|stung|bee|wasp|hornet|bite|bitten|peanuts?|nuts?|shellfish|shrimp|ate|eating|new (med\w*|antibiotic|pill)|injection|shot)\b.{0,60}"
        r"\b(swell\w*|swollen|hives|welts|rash)\b.{0,40}\b(spreading|all over|getting (worse|bigger)|fast|quickly|rapidly)\b.{0,60}"
        r"\b(dizz\w*|faint\w*|light-?headed|wheez\w*|breath\w*|throat|voice|hoarse|vomit\w*|tongue|lips?)\b",
        r"\b(swell\w*|swollen|hives|welts)\b.{0,40}\b(sting|stung|bite|bitten|peanuts?|nuts?|shellfish|shrimp|eating)\b.{0,40}"
        r"\b(spreading|all over|getting (worse|bigger)|fast|quickly|rapidly)\b.{0,60}\b(dizz\w*|faint\w*|light-?headed|wheez\w*|breath\w*|throat|"
        r"voice|hoarse|vomit\w*|tongue|lips?)\b",
        r"\b(swell\w*|swollen|hives|welts)\b.{0,30}\b(spreading|all over)\b.{0,40}\b(after|from)\b.{0,20}\b(sting|stung|bite|peanuts?|nuts?|"
        r"shellfish|eating)\b.{0,60}\b(dizz\w*|faint\w*|light-?headed|wheez\w*|breath\w*|throat|tongue|lips?)\b")),
    ("suicide", "a plan to end one's life, said without a pronoun", _rx(
        r"\b(planning|plan|planned|going|gonna|decided|ready|about|want|wanna|need) to (end it all|end my life|kill myself|take my (own )?life|"
        r"unalive myself|off myself)\b",
        r"\b(end it all|end my life|kill myself)\b.{0,20}\b(this weekend|tonight|tomorrow|soon|on (friday|saturday|sunday|monday)|after)\b")),
]


def acute_person_hits(t: str) -> list[RuleHit]:
    """Rules for a person in the message (the caller checks rules.SITUATION)."""
    return [RuleHit(cls, name) for cls, name, rx in ACUTE_PERSON if rx.search(t)]


def acute_any_hits(t: str) -> list[RuleHit]:
    """Rules that need no pronoun (the caller skips general and hypothetical questions)."""
    return [RuleHit(cls, name) for cls, name, rx in ACUTE_ANY if rx.search(t)]
