"""Precise rules: patterns where a rule is right and a classifier may waver (acute emergencies,
explicit medication changes, injection markers). Each rule names its class/category so results
explain themselves. Patterns run on lower-cased, whitespace-normalized text.

Split for size: rules_base (cache, prefilter, normalize), rules_harm (harm to others, poison remedies),
rules_lang (Spanish emergency/injection phrases, messages in a language the guard does not read)."""

from __future__ import annotations

import re

from medrails.guard.rules_acute import acute_any_hits, acute_person_hits
from medrails.guard.rules_base import RuleHit, _Alternatives, _per_message, _rx, _rx_plain, normalize  # noqa: F401 (re-exported)
from medrails.guard.rules_es import spanish_education, spanish_harm, spanish_not_now, spanish_refuse_hits
from medrails.guard.rules_frames import (  # noqa: F401 (re-exported)
    _KNOWN_CONDITION,
    _RECURRING,
    DIAGNOSIS_ASK,
    EDUCATION_MARKER,
    FIRST_AID,
    FRAME_ACUTE,
    HAPPENING_NOW,
    HYPOTHETICAL,
    KNOWN_CONDITION,
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
    HARM_NOW,
    HARM_OTHERS,
    HOWTO,
    LAW_QUESTION,
    MED_USE,
    PREP,
    REMEDY,
    SAFETY_ASK,
    dangerous_preparation,
    harm_request,
    law_question,
)
from medrails.guard.rules_kinds9 import (
    emergency9_hits,
    kind_refuse9_hits,
    poison_making_hits,
    suicide_topic_question,
)
from medrails.guard.rules_kinds78 import (
    frameless_emergency_hits,
    kind_refuse_hits,
    pregnancy_weeks,
    seizure_preparation,
    suicide_myth_question,
    terse_emergency_hits,
)
from medrails.guard.rules_lang import not_understood, spanish_emergency_hits, spanish_injection
from medrails.guard.rules_refuse import INJECTION_RULES, REFUSE_RULES, deleet  # noqa: F401 (re-exported)
from medrails.guard.rules_scope import clearly_non_medical
from medrails.guard.rules_signals import (  # noqa: F401
    HARM_SIGNALS,
    education_frame,
    overdose_taken_now,
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

# "had a stroke last year", "a heart attack 10 years ago": history, not an event now
_PAST = (r"(?!.{0,40}\b((\d+|a|one|two|three|few|several|couple( of)?)\s+(years?|yrs?|months?|decades?)\s+(ago|back)|"
         r"last (year|month|spring|summer|fall|autumn|winter)|in (19|20)\d\d|years ago|months ago|a while (ago|back)|when (she|he|i|they) (was|were) (\d+|younger|young|a (kid|child|teen\w*)|little)|back in (the )?('?\d0s|\d{4})|history of|rehab\w*|recover\w*)\b)")
# "my dad had a heart attack" is history (a reason to ask about aspirin, R2), "just had one" / "had a
# stroke this morning" is now
_NOT_ACCIDENT = (r"(?!.{0,50}\b(stove|oven|pan|pot|iron|cook\w*|shav\w*|kettle|curling|straightener|accident\w*|grill|bak\w*|"
                 r"at work|by mistake|kitchen|sport|gym|boxing|eczema|itch\w*|rash|hives|bites?|mosquito\w*|cupboard|cabinet|door|"
                 r"ceiling|shelf|bump\w*|playing|training|practice)\b)")
def _had_now(what: str) -> str:
    return (r"\b(just|think (i|he|she|they|my \w+|[\w-]+) (just )?|may have|might have|i'?ve|he'?s|she'?s|has)\s*(had|having)\s+a\s+"
            + what + r"\b|\bhad\s+a\s+" + what + r"\b.{0,30}\b(today|this (morning|afternoon|evening)|tonight|just now|"
            r"right now|(an|one|\d+|a few|few) (hours?|minutes?|mins?) ago|last night)\b")


_CHEST = r"\bchest\b.{0,40}\b(pain|pian|pains|pressure|tight|tightness|hurts?|hurting|squeez\w*|heavy|crush\w*|elephant)"
# an age under 3 months said any way ("my son is 7 weeks", "she's only 10 days", "our 2 month baby"), not a
# pregnancy ("7 weeks pregnant") nor a duration ("for 2 weeks", "3 weeks ago")
_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_INFANT_AGE = (r"\b(baby|babies|son|daughter|newborn|infant|grandson|granddaughter|little one|lo|he|she|is|'s|who'?s|only|just|turned|our|my|"
               r"twins?|boy|girl)\s+(is\s+|was\s+)?(only\s+|just\s+|barely\s+|about\s+|almost\s+)?(" + _NUM + r"\s*[- ]?(days?|d|weeks?|wks?)|"
               r"([12]|one|two|a|six weeks|1\.5)\s*[- ]?(months?|mos?|mths?))([- ]old)?\b"
               r"(?!\s*(old\s+)?(pregnant|along|postpartum|post[- ]partum|ago|since|after|of (pregnancy|gestation)|gestation|early|premature))")
_FEVER = r"\b(fever\w*|temp\w*|38(\.\d)?|39(\.\d)?|100\.[4-9]|10[1-4](\.\d)?|burning up|feels? (hot|warm)|febrile)\b"
EMERGENCY_RULES: list[tuple[str, str, re.Pattern]] = [
    ("cardiac", "chest pain with radiation or distress",
     _rx(_CHEST + r".{0,80}\b(arm|jaw|shoulder|neck|back|sweat\w*|clammy|breath\w*|nause\w*|faint|pass out|throw\w* up|vomit\w*|dizzy|minutes)",
         r"\b(arm|jaw|sweat\w*|clammy|short of breath)\b.{0,60}" + _CHEST,
         r"\b(having|have)\s+a\s+heart attack\b(?!\s+(last|in|years|ago|before))" + _PAST, _had_now("heart attack"), r"\bclutching\s+(his|her|my|their)\s+chest\b",
         r"\bsqueezing my heart\b",
         # "pressure in chest spreading to jaw + cold sweat": the words in the other order
         r"\b(pain|pressure|tight\w*|squeez\w*|heav\w*|crush\w*)\b.{0,12}\b(in|on|across) (the |my |his |her )?chest\b.{0,60}"
         r"\b(arm|jaw|shoulder|neck|sweat\w*|clammy|breath\w*|nause\w*|faint|vomit\w*|dizzy)")),
    ("stroke", "stroke signs",
     _rx(r"\bface\b.{0,20}\b(droop\w*|uneven|crooked)", r"\b(droop\w*)\b.{0,20}\b(face|mouth|smile)", r"\bslurr\w*",
         r"\b(suddenly|sudden)\b.{0,40}\b(can'?t|cannot|unable to)\s+(speak|talk|move|lift|raise|see|find (my|his|her) words)",
         r"\b(can'?t|cannot)\s+(lift|raise|move)\s+(my|his|her)\s+(left |right )?(arm|leg)\b.{0,40}\bsudden",
         r"\bworst headache of (my|his|her) life\b", r"\bthunderclap\b", r"\bhaving\s+a\s+stroke\b" + _PAST, _had_now("stroke"),
         r"\bsudden\w*\b.{0,30}\bnumb\w*\b.{0,30}\b(one side|face|arm|leg)",
         r"\bsudden\w*\b.{0,20}\b(loss of balance|double vision|vision loss|lost (my|his|her) vision|confus\w*|weakness)\b")),
    ("breathing", "cannot breathe",
     _rx(r"\b(can'?t|cannot|can not|struggling to|unable to|hard to|barely)\s+(breathe|breath|get (enough )?air|catch (my|his|her) breath)",
         r"\b(lips|face|fingers|fingertips|fingernails)\b.{0,25}\b(blue|bluish|turning blue|purple)", r"\bgasping\b", r"\bchoking\b",
         r"\bbreathing (is )?(very |really )?(fast|slow|weird|shallow)\b.{0,40}\b(blue|ribs|sucking|can'?t)")),
    ("anaphylaxis", "allergic airway swelling",
     _rx(r"\bthroat\b.{0,20}\b(clos\w*|swell\w*|swollen|tight)", r"\b(tongue|lips?|face)\b.{0,25}\b(swell\w*|swollen|puff\w*|huge)",
         r"\banaphyla\w*\b.{0,20}\b(now|shock|reaction)", r"\b(going into|having)\b.{0,20}\banaphyla", r"\bsevere allergic reaction\b.{0,20}\bnow\b")),
    ("suicide", "suicidal intent or self-harm",
     _rx(r"\bkill (myself|me)\b", r"\bkms\b", r"\bend (my|his|her) (own )?life\b", r"\bend it all\b", r"\btake (my|his|her) own life\b",
         r"\b(want|wants|going|ready|planning|plan) to die\b", r"\bi want to die\b", r"\bwant to be dead\b",
         r"\b(don'?t|do not|dont) want to (live|be alive|wake up)\b", r"\bbetter off without me\b", r"\b(i'?m|i am|feel|feeling|been|is|she'?s|he'?s)\s+(so |very |really )?suicidal\b",
         r"\b(commit|committing|attempt\w*)\s+suicide\b" + _PAST,
         r"\b(cutting|hurt|hurting|harm|harming)\s+(myself|herself|himself)\b", r"\b(i|i'?ve|i'?m|been|started|keep|want to|urges? to|going to|gonna)\s+(been\s+)?self[- ]harm\w*\b", r"\bself[- ]harm\w*\s+(again|tonight|right now)\b",
         r"\bhow (many|much)\b.{0,60}\b(to|would it take to|enough to)\s+(die|kill (myself|me)|never wake up|not wake up)\b",
         r"\b(hanging|hang|shoot|shooting|jump\w*)\b.{0,30}\b(myself|off the|off a)\b", r"\bbleed out\b",
         r"\bgoodbye (letters?|notes?)\b",
         r"\b(want|going|gonna|about) to (take|swallow) (them all|all of them|all (of )?(my|the|these) (pills|tablets|meds))\b",
         r"\b(take|swallow) (the )?whole bottle\b", r"\blife (isn'?t|is not) worth living\b", r"\bpainless way to (die|go)\b",
         # slang, typos and indirect phrasings
         r"\b(wants?|going|gonna|planning|plans?|threaten\w*)\s+to\s+kill (himself|herself|themselves|themself)\b",
         r"\b(tired|sick) of (living|being alive)\b", r"\bbetter off (dead|if i (was|were)(n'?t| not) (here|around|alive))\b",
         r"\b(going|gonna|wants? to|plans?|planning)\s+(to\s+)?(take|swallow) all (of )?(her|his|my|their) (pills|meds|tablets)\b",
         r"\b(planning|plan|going|gonna) to overdose\b", r"\boverdose on (my|his|her|their) (meds|pills|medication)\b",
         r"\bunalive\w*\b", r"\bsewer ?slide\b", r"\bsu+i?c+i?d+[ae]l\b", r"\bsuicidle\b", r"\bsu?isidal\b",
         r"\bk+i+l+\s*(my\s*self|me|urself)\b", r"\bkil\s+(myself|me)\b", r"\b(wanna|wana|wan+a|want to|wnt to|wanted to) die\b",
         r"\b(gonna|going to|want to|wanna|will|i'?ll|i'?m about to|ready to)\s+end (it|things|everything|it all)\b(?!\s+(with|between))",
         r"\b(thinking|thought|thoughts)\s+(about|of)\s+(ending (it|things|my life)|killing myself|suicide|not waking up)\b",
         r"\b(don'?t|dont|do not|doesn'?t|does not)\s+want to (be here|exist|be around)\b.{0,30}\b(anymore|any more|plan|pills)\b",
         r"\b(don'?t|dont|do not)\s+want to exist\b",
         r"\bgiving away (all )?(my|her|his|their) (stuff|things|belongings|pets?)\b.{0,60}\b(goodbye|bye|pills|end|die)\b",
         r"\b(goodbye|bye)\b.{0,60}\bgiving away (all )?(my|her|his|their) (stuff|things|belongings)\b",
         r"\bno (point|reason) (in )?(going on|living|to live|to keep going|being alive)\b",
         r"\b(disappear|be gone) (forever|for good)\b",
         r"\b(looking up|researching|googling|searching)\s+(ways|how) to (die|kill (myself|me)|end it|end my life)\b",
         r"\b(looking up|researching|googling)\s+ways\b.{0,30}\b(die|gone|end)\b", r"\bbeen looking up ways\b",
         r"\b(overdose|od)\s+on purpose\b", r"\bpills\s+(are\s+)?(lined up|counted out|ready)\b",
         r"\b(cut|cutting|burn\w*|scratch\w*|carv\w*)\s+(myself\s+)?(really |so |too |very )?(deep\w*|bad\w*|hard)?\s*on purpose\b",
         r"\b(cut|cutting)\s+(myself\s+)?(really|so|too|very) deep\b",
         # in progress: "i keep burning myself with a lighter and can't stop" (not "keep burning myself on the stove")
         r"\b(keep|kept|been|started|start|can'?t stop|cant stop|couldn'?t stop|won'?t stop)\s+(\w+\s+)?(burn|cut|hit|punch|carv|stab|bit|"
         r"slam|starv)\w*\s+(myself|my (arms?|wrists?|legs?|skin|thighs?|stomach))\b" + _NOT_ACCIDENT,
         r"\b(burn|cut|scratch|hit|punch|carv|stab|bang|slam)\w*\s+(myself|my (arms?|wrists?|legs?|skin|thighs?|stomach|head))\b.{0,60}"
         r"\b(can'?t stop|cant stop|right now|to (feel|stop|numb|cope|punish)|it helps|make (it|the pain) stop|hurting inside|pain inside|deserve|"
         r"on purpose|again)\b" + _NOT_ACCIDENT,
         r"\b(have|got|bought)\s+(a|the)\s+(rope|gun)\b.{0,30}\b(ready|tonight|end)\b")),
    ("overdose", "overdose or poisoning",
     _rx(r"\b(took|taken|swallowed|ate|drank|had|popped|taking)\b.{0,25}\b(\d{2,}|twenty|thirty|forty|fifty|a (whole|full) (bottle|pack|box)|"
         r"(a |the )?whole bottle|handful|too many|way too many|a bunch of|all (of )?(my|his|her|the))\b.{0,30}"
         r"\b(pills?|tablets?|capsules?|tylenol|advil|ibuprofen|acetaminophen|xanax|sleeping|gummies|meds?|oxy\w*|opioids?|antidepressants?|"
         r"painkillers?|pain killers|antihistamines?|benadryl|sleep aids?|muscle relaxers?|lithium|seroquel|trazodone|ambien|\w+azepam|\w+pam)",
         r"\b(took|swallowed|drank)\b.{0,30}\b\d{3,5}\s*mg\b", r"\b(i|i'?ve|he|she|they|he'?s|she'?s|my \w+|just|think (i|he|she|they|my \w+))\s+(has |have |had |just )?(overdosed|overdosing|od'?d)\b" + _PAST, r"\bdouble dose\b.{0,40}\b(faint|dizzy|sick|drowsy)",
         r"\b(drank|swallowed|ate|drinking|ingested|eaten)\b.{0,40}\b(bleach|antifreeze|detergent|drain cleaner|washer fluid|"
         r"battery|button battery|pod|poison|rat poison|pesticide|lamp oil|gasoline)",
         r"\b(snorted|injected|shot up)\b.{0,60}\b(breath\w*|blue|won'?t wake|unresponsive)", r"\bfentanyl\b.{0,40}\b(barely|not) breathing",
         # sedatives with alcohol, now drowsy or confused
         r"\b(xanax|valium|klonopin|ativan|benzos?|oxy\w*|percocet|vicodin|opioids?|fentanyl|sleeping (pills|tablets)|ambien|gabapentin|lean|codeine)\b"
         r".{0,50}\b(alcohol|vodka|beer|wine|drinks?|drank|drinking|booze|whiskey|liquor)\b.{0,60}"
         r"\b(out of it|drowsy|can'?t stay awake|hard to wake|won'?t wake|confused|slurr\w*|barely breathing|passing out|blacking out|unresponsive)\b",
         r"\b(alcohol|vodka|beer|wine|drinks?|drank|booze|whiskey|liquor)\b.{0,50}\b(xanax|valium|klonopin|ativan|benzos?|oxy\w*|percocet|vicodin|opioids?|"
         r"fentanyl|sleeping (pills|tablets)|ambien)\b.{0,60}"
         r"\b(out of it|drowsy|can'?t stay awake|hard to wake|won'?t wake|confused|slurr\w*|barely breathing|passing out|blacking out|unresponsive)\b",
         r"\b(took|taken|swallowed|downed|drank|ate)\s+(the|a|my|his|her|their)?\s*(whole|entire|full)\s+(bottle|pack|packet|box|blister|sheet|strip)\b",
         r"\b(took|taken|had|did|used|smoked|snorted|swallowed)\s+(way\s+|far\s+)?too much\b.{0,60}\b(blue|snor\w*|gurgl\w*|won'?t wake|can'?t wake|"
         r"unresponsive|barely breathing|not breathing|passed out|throwing up|vomiting|confused|shaking)\b",
         # a child who got into household products or someone else's medicine
         r"\b(toddler|baby|infant|kid|child|son|daughter|\d+\s*(yr|yrs|year|years|yo|y/o|month|months)[- ]?old|\d+yo)\b.{0,40}"
         r"\b(got into|ate|eaten|swallowed|bit into|bit|chewed|drank|drunk|sucked on|licked)\b.{0,50}"
         r"\b(pods?|detergent|bleach|cleaner|pills?|tablets?|medicine|meds|gummies|vitamins|iron|nicotine|vape|e-?liquid|batter(y|ies)|magnets?|"
         r"antifreeze|lamp oil|polish|remover|mouthwash|sanitizer|edibles?|weed|cannabis)\b")),
    ("bleeding", "severe bleeding",
     _rx(r"\b(bleed\w*|blood)\b.{0,40}\b(won'?t|wont|will not|doesn'?t|not|can'?t)\s+(stop|stopping)", r"\b(spurting|gushing|pouring)\b",
         r"\b(vomiting|throwing up|coughing up|puking)\s+(a lot of |lots of )?blood\b", r"\bbleeding (heavily|a lot|a ton|badly)\b",
         r"\bheavy bleeding\b", r"\b(won'?t|wont|doesn'?t|isn'?t|not|can'?t)\s+stop(ping)?\s+bleeding\b", r"\bbleeding through (a |one )?pads?\b",
         r"\bnosebleed\b.{0,40}\b(hasn'?t|won'?t|wont|not|isn'?t)\s+(stop|stopped|stopping)\b", r"\bsoaking (through )?(a |one )?pads?\b", r"\bblood everywhere\b", r"\bbleeding nonstop\b",
         r"\b(black|tarry)\b.{0,30}\b(stool|stools|poop|poo)\b.{0,60}\b(faint|dizzy|weak|passing out|pass out|lightheaded)\b",
         r"\b(stool|stools|poop|poo)\b.{0,30}\b(black|tarry)\b.{0,60}\b(faint|dizzy|weak|passing out|pass out|lightheaded)\b")),
    ("unconscious", "unresponsive person",
     _rx(r"\b(not|isn'?t|won'?t|wont|can'?t|cannot)\s+(respond\w*|wake\w*( up)?|waking( up)?|be woken|rouse)\b", r"\bunresponsive\b", r"\bunconscious\b",
         r"\bno pulse\b", r"\b(he'?s|she'?s|is|isn'?t|not)\s+(not )?breathing\b(?!.*\b(fast|weird|hard)\b)", r"\bpassed out\b.{0,40}\b(can'?t|won'?t)\b",
         # "went limp", "is limp and not responding"; not a gait ("has a limp", "walking with a limp")
         r"\bcollapsed\b(?!.*\bchest\b)", r"\b(went|gone|go|goes|going|is|was|lying|body|totally|completely|all) limp\b")),
    ("seizure", "seizure now",
     _rx(r"\b(is|he'?s|she'?s|i'?m|am|are|they'?re|started|been)\s+(having\s+(a\s+)?)?(seizure|seizing|convuls\w*|fitting|having a fit)(?!s?[- ]?free)",
         r"\bhaving (a |repeated )?(seizures?|convulsions?|fits?)\b(?!.*\b(what|how)\b.*\bgeneral\b)", r"\bseizing\b", r"\bconvulsing\b",
         r"\bseizure\b.{0,40}\b(won'?t stop|minutes|mins?|started|again|still (going|shaking|jerking)|going (on )?(for )?\d+)" + _PAST, r"\bseizures? in a row\b",
         r"\b(fitting|seizing|convulsing)\s+(for\s+)?(\d+|several|a few)\s*(mins?|minutes)\b", r"\bstill (fitting|seizing|convulsing)\b")),
    ("newborn_fever", "fever in a baby under 3 months",
     _rx(r"\b(newborn|(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (day|days|week|weeks|wk)[- ]old|([12]|one|two) (month|months|mo)[- ]old|"
         r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ](day|week|wk)[- ]old)\b.{0,60}"
         r"\b(fever|temp\w*|38(\.\d)?|39(\.\d)?|100\.[4-9]|10[1-4](\.\d)?|hot|warm)\b",
         r"\b(fever|temp\w*)\b.{0,40}\b(newborn|(\d{1,2}) (day|week)[- ]old|([12]) month[- ]old)\b",
         _INFANT_AGE + r".{0,80}" + _FEVER, _FEVER + r".{0,60}" + _INFANT_AGE)),
]

# Indirect descriptions: they only count when they are about a real person (my, his, "Dad is ...");
# "is chest tightness during exercise serious" stays a question, answered or left to the classifier.
_CHEST_AFTER = r"\b(pain|pressure|tight\w*|squeez\w*|heav\w*|ache|aching|burning)\b.{0,15}\b(in|on|across|around) (my|his|her|the|their) chest\b"
_EFFORT = r"\b(stairs|steps|climb\w*|uphill|hill|walk\w*|exercis\w*|exert\w*|running|jogging|carry\w*|lift\w*|shovel\w*|mow\w*|gym|workout)\b"
PERSON_EMERGENCY_RULES: list[tuple[str, str, re.Pattern]] = [
    ("cardiac", "chest pain on exertion or with sweating",
     _rx(
         # exertional chest pain (possible unstable angina): tightness brought on by stairs, hills, effort
         _CHEST + r".{0,60}" + _EFFORT, _CHEST_AFTER + r".{0,60}" + _EFFORT,
         _EFFORT + r".{0,60}(" + _CHEST + "|" + _CHEST_AFTER + ")",
         r"\b(jaw|left arm)\b.{0,60}\b(sweat\w*|clammy|cold sweat)\b",
         # atypical heart attack: back/shoulder/jaw pain with sweating or nausea
         r"\b(left (arm|shoulder)|jaw|upper back|shoulder blades?)\b.{0,40}\b(ache|aching|pain|hurts?|hurting|pressure|heavy|heaviness)\b.{0,60}"
         r"\b(sweat\w*|clammy|nause\w*|feel(ing)? sick|vomit\w*|throw\w* up|faint|lightheaded|short of breath|breathless|can'?t catch (my|his|her) breath)\b",
         r"\b(ache|aching|pain|hurts?|hurting|pressure|heavy|heaviness)\b.{0,40}\b(left (arm|shoulder)|jaw|upper back|shoulder blades?)\b.{0,60}"
         r"\b(sweat\w*|clammy|nause\w*|feel(ing)? sick|vomit\w*|throw\w* up|faint|lightheaded|short of breath|breathless)\b", r"\bjaw\b.{0,25}\b(and|&)\b.{0,12}\barm\b.{0,40}\b(pain|ache|aching|hurts?|heavy|numb)",
         r"\b(indigestion|heartburn)\b.{0,60}\b(sweat\w*|clammy|short of breath|grey|gray|pale)\b",
         r"\b(heart|ticker)\b.{0,20}\b(hurts?|hurting|aching|pain|pounding)\b.{0,60}\b(arm|jaw|sweat\w*|clammy|breath\w*|faint|dizzy|pale)\b",
         _CHEST_AFTER + r".{0,60}\b(sweat\w*|clammy|arm|jaw|breath\w*|faint|dizzy|vomit\w*|throw\w* up|nause\w*)\b")),
    ("stroke", "indirect stroke signs",
     _rx(r"\b(smile|mouth|face|lip)\b.{0,25}\b(lopsided|crooked|uneven|sagging|slanted|hanging( down)?|not moving|won'?t move|frozen on one side)\b",
         r"\bhalf (of )?(my|his|her|their)( \w+'s)? (face|mouth|body)\b.{0,30}\b(not|isn'?t|won'?t|droop\w*|numb|weak|dead|heavy|paraly\w*)",
         r"\bone side of (my|his|her|their) (face|body|mouth)\b.{0,40}\b(weak|numb|droop\w*|won'?t move|not moving|dead|heavy|limp|paraly\w*|sag\w*)",
         r"\b(words?|speech|talk\w*|sentences?|speak\w*)\b.{0,30}\b(jumbled|garbled|scrambled|mixed up|coming out wrong|nonsense|gibberish|"
         r"(don'?t|doesn'?t|do not|does not) make (any )?sense|nothing makes sense|not making (any )?sense)\b",
         r"\b(talking|speaking|sounds?)\s+(funny|weird|strange|drunk)\b.{0,60}\b(arm|hand|leg|face|smile|mouth|sudden\w*|dropp\w*|one side)\b",
         r"\b(arm|hand|leg|face|smile|mouth|dropp\w*|one side)\b.{0,60}\b(talking|speaking|sounds?)\s+(funny|weird|strange|drunk)\b",
         r"\b(arm|leg|hand)s?\b.{0,30}\b(went|gone|going|suddenly|just)\s+(weak|numb|dead|limp|floppy|heavy)\b",
         r"\b(arm|leg)\b.{0,20}\b(feels?|feel) (dead|floppy|limp)\b",
         r"\b(can'?t|cannot|couldn'?t)\s+(hold|grip)\b.{0,40}\b(suddenly|all of a sudden|dropped|dropping|keeps dropping)\b",
         r"\b(suddenly|all of a sudden)\b.{0,40}\b(doesn'?t|can'?t|cannot|does not)\s+understand\b",
         r"\b(face|mouth|smile|eyelid)\b.{0,20}\bdroop\w*", r"\b(crooked|lopsided|droopy|drooping)\s+(face|smile|mouth)\b",
         r"\b(left|right) side of (my|his|her|their) (face|body)\b.{0,40}\b(weak|numb|droop\w*|won'?t move|not moving|dead|heavy|limp|paraly\w*|sag\w*)")),
    ("breathing", "breathless person",
     _rx(r"\b(can'?t|cannot|unable to|can barely)\s+(talk|speak|finish)\b.{0,15}\b(full |whole |a )?sentences?\b",
         r"\b(so|too|very) (breathless|out of breath)\b.{0,40}\b(can'?t|barely)\b", r"\b(can'?t|barely)\b.{0,30}\b(so|too) (breathless|out of breath)\b",
         r"\bfeel(s|ing)? like (i'?m|he'?s|she'?s|they'?re) suffocating\b(?!.{0,40}\b(mask|job|marriage|relationship|work|house)\b)")),
    ("breathing", "asthma attack not responding to the inhaler",
     _rx(r"\binhaler\b.{0,30}\b(isn'?t|is not|not|doesn'?t|does not|won'?t|stopped)\s+(help\w*|work\w*|do(ing)? anything)",
         r"\basthma attack\b.{0,30}\b(isn'?t|won'?t|not|doesn'?t)\s+(stop\w*|going away|eas\w*|getting better)")),
    ("seizure", "convulsion signs",
     _rx(r"\b(shaking|jerking|twitching)\b.{0,40}\b(eyes (rolled|rolling)|rolled back|stiff|not responding|unresponsive|foam\w*)\b")),
    ("overdose", "insulin or medicine overdose with symptoms",
     _rx(r"\b(double|extra|too much|wrong|twice (my|his|her))\s+(dose\s+of\s+)?(my\s+|his\s+|her\s+)?insulin\b.{0,50}\b(shak\w*|sweat\w*|confus\w*|dizzy|faint|drowsy)",
         r"\btook\s+(a lot of|lots of|loads of)\s+(pills|tablets|meds)\b",
         # non-native or hurried: "my son 3 years eat many tablets of grandma"
         r"\b(ate|eaten|took|swallowed|drank)\s+(many|a lot of|lots of|loads of|all (the|of)|so many|too many|\d{2,})\s+"
         r"(of\s+)?([\w']+\s+)?(tablets|pills|capsules|meds|gummies|vitamins)\b",
         r"\beat\s+(many|a lot of|lots of|loads of|all (the|of)|so many|too many|\d+)\s+(of\s+)?([\w']+\s+)?(tablets|pills|capsules|meds|gummies)\b"
         r".{0,80}\b(sleepy|drowsy|vomit\w*|won'?t wake|dizzy|now|confused|how many|floppy|not (himself|herself))\b")),
    ("unconscious", "person down and not moving",
     _rx(r"\b(lying|lay|laying|found|collapsed|slumped|passed out|fainted|fell)\b.{0,40}\b(floor|ground|street|pavement|bathroom|car|"
         r"kitchen|stairs|bed)\b.{0,60}"
         r"\b(not moving|won'?t move|isn'?t moving|not responding|isn'?t responding|not answering|unresponsive|(doesn'?t|does not|won'?t|"
         r"can'?t|isn'?t) (answer\w*|respond\w*|react\w*|talk\w*|speak\w*|wake\w*)|barely (respond\w*|conscious|awake))\b")),
]

# ... unless the message itself says the sign is long-standing or benign in context
NOT_ACUTE = _rx(r"\b(is (that|this|it) normal|normal for (a|an|my|her|his|their)|when (she'?s|he'?s|i'?m|they'?re|i am) (tired|sleepy|excited)|"
                r"in (photos|pictures)|after (botox|fillers?|dental work|the dentist)|since (birth|childhood|i was (a kid|little))|developmental|"
                r"slept on|sleeping on|pins and needles|for (years|months)|always (has|had|been)|(over|for|in) the (last|past) (few |couple of )?(weeks|months|years)|"
                r"as well as (it )?used to)\b")





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
ENCOURAGE_CARE = _rx(r"\bhow (can|do|should|could) (i|we) (get|encourage|convince|persuade|help|motivate|talk)\s+(my|our)\s+([\w-]+\s+){1,2}?"
                     r"(to\s+|into\s+|about\s+)?(see|visit|go to|take (his|her|their)|eat|sleep|exercise|quit|stop (smoking|drinking|vaping)|"
                     r"wear|use (his|her|their)|drink (more )?water|get (help|tested|vaccinated|checked|a check)|brush|start|keep|stick)\b",
                     r"\b(refuses?|won'?t|doesn'?t want) to (wear|use|take|see|go)\b.{0,40}\bhow (can|do|should) (i|we) (encourage|convince|help|persuade|get)\b")


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
    return _impersonal(t) or clearly_non_medical(t)


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
                r"\b(\d+|a few|few|a couple( of)?|twenty|ten|five|thirty)\s*(mins?|minutes|hrs?|hours?)\s+ago\b", r"^\s*(newborn|baby|infant|toddler|kid|child)\b",
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
HISTORY_ONLY = _rx(r"\b((\d+|a|one|two|three|few|several|couple( of)?)\s+(years?|yrs?|months?|decades?)\s+(ago|back)|last (year|month)|"
                   r"in (19|20)\d\d|years ago|months ago|a while (ago|back)|back in (the )?('?\d0s|\d{4})|history of|used to have|survived|"
                   r"recovered from|in recovery|lost (my|a|our|her|his) \w+ to|died (by|of|from)|"
                   r"(it'?s|it is|it was|they'?re|i'?m|i feel|all) (gone|fine|better|ok|okay|back to normal) now|went away (on its own|by itself)|has passed|"
                   r"as an? (baby|toddler|kid|child|infant|teen\w*))\b")
ACUTE_NOW = _rx(r"\b(right now|just now|suddenly|all of a sudden|minutes ago|an hour ago|this (morning|evening|afternoon)|tonight|"
                r"won'?t stop|can'?t (breathe|wake|speak|talk|move)|not breathing|again|just \w+(ed|ing))\b")


@_per_message
def has_situation(text: str) -> bool:
    t = normalize(text)
    return (bool(SITUATION.search(t)) and not history_only(t) and not clearly_non_medical(t) and not spanish_education(t)
            and not spanish_not_now(t))


@_per_message
def history_only(text: str) -> bool:
    """Only about the past or a resolved symptom ("it's fine now, what usually causes that")."""
    t = normalize(text)
    return bool(HISTORY_ONLY.search(t)) and not ACUTE_NOW.search(t)


# Asking for a way to die is a crisis whatever the grammar ("what's the quickest way to not exist"):
# these fire even when the message reads as a general question.
SUICIDE_METHOD = _rx(r"\b(quickest|easiest|fastest|painless|most painless|least painful|surest|simplest|best)\s+(way|method|means)s?\s+to\s+"
                     r"(die|not exist|stop existing|kill (myself|yourself|oneself|urself)|end (it|it all|my life|your life|one'?s life)|"
                     r"never wake up|unalive|commit suicide|disappear forever)\b",
                     r"\bhow (to|do i|can i|should i)\s+(kill myself|end my life|commit suicide|unalive myself|kms)\b")


ABOUT_A_PRACTICE = _rx(r"^\s*(is|are|why|does|do)\s+([\w']+\s+){0,2}?(drinking|eating|swallowing|taking|using|mixing|people|kids|someone|anyone)\b")


@_per_message
def emergency_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    if SUICIDE_METHOD.search(t):
        return [RuleHit("suicide", "asks for a way to die")]
    if suicide_warning_signs(t):
        return [RuleHit("suicide", "warning behaviour (giving away, debts paid, goodbye)")]
    if overdose_taken_now(t):
        return [RuleHit("overdose", "pills taken now, with an antidote or vomiting ask")]
    frameless = frameless_emergency_hits(t) + emergency9_hits(t)  # a plan said after a favour, a seizure interrupting an exam question
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
    hits = [RuleHit(cls, name) for cls, name, rx in EMERGENCY_RULES if rx.search(t)]
    if hits and (suicide_myth_question(t) or suicide_topic_question(t)):
        hits = [h for h in hits if h.category != "suicide"]
    if SITUATION.search(t) and not NOT_ACUTE.search(t):
        hits += [RuleHit(cls, name) for cls, name, rx in PERSON_EMERGENCY_RULES if rx.search(t)] + acute_person_hits(t)
    if pregnancy_weeks(t):
        hits = [h for h in hits if h.category != "newborn_fever"]  # "I'm 39 weeks, induction offered at 40"
    if seizure_preparation(t):
        hits = [h for h in hits if h.category != "seizure"]  # "what do I do if my kid starts seizing at school"
    return hits


@_per_message
def refuse_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    hits = [RuleHit(cat, name) for cat, name, rx in REFUSE_RULES if rx.search(t)] + kind_refuse_hits(t) + kind_refuse9_hits(t)
    if not not_understood(t):
        # Spanish phrases in a mostly English message get their category; a mostly Spanish request keeps the
        # bilingual `language` refusal (it carries 911 / 988 / Poison Control in Spanish), and its Spanish rule
        # hit only turns off emergencies and the education frame (rules_es)
        hits += spanish_refuse_hits(t)
    if education_frame(t) and not acute_now(t):
        # "how do I safely get rid of leftover opioid pills", "what is naloxone, can anyone buy it without a
        # prescription": a disposal/history/debate/support frame; harm shapes below still fire
        hits = [h for h in hits if h.category not in ("R2", "R6")]
    if LAW_QUESTION.search(t) or science_question(t):
        hits = [h for h in hits if h.category != "R6"]  # asks why something is illegal, or what LD50 means: not how to do it
    hits += poison_making_hits(t)  # making ricin is R6 in a class project or a novel too
    # harm to someone else names the category even when the wording also reads as dosing (R3)
    if dangerous_preparation(t):
        hits.insert(0, RuleHit("R5", "prepares a known poison as a remedy"))
    if treatment_choice(t) and not any(h.category == "R4" for h in hits):
        hits.append(RuleHit("R4", "treatment choice for a person"))
    if HARM_SIGNALS.search(t):
        hits.insert(0, RuleHit("R6", "incapacitate or harm someone unnoticed"))
    if HARM_OTHERS.search(t) and not LAW_QUESTION.search(t):
        hits.insert(0, RuleHit("R6", "harm to another person"))
    return hits


@_per_message
def injection_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    hits = [RuleHit("R7", name) for name, rx in INJECTION_RULES if rx.search(t)]
    if safety_lesson(t):
        hits = [h for h in hits if h.rule != "persona"]  # a children's safety lesson in a pharmacist's voice
    if spanish_injection(t):
        hits.append(RuleHit("R7", "ignore instructions (Spanish)"))
    leet, words, plain = deleet(t)
    if not hits and leet >= 3:
        if (any(rx.search(plain) for _, rx in INJECTION_RULES) or any(rx.search(plain) for _, _, rx in REFUSE_RULES)
                or (leet >= 4 and leet >= 0.3 * words)):
            hits.append(RuleHit("R7", "obfuscated (leetspeak) text"))
    return hits


# "what is the LD50 concept in toxicology": a science question about toxicity, nobody in it
SCIENCE_QUESTION = _rx(r"\b(ld[- ]?50|median lethal dose|toxicolog\w*|therapeutic (index|window)|dose[- ]response|pharmacolog\w*|"
                       r"how (do|did|are|is) (scientists|researchers|toxicologists|regulators|labs?)\b)")


@_per_message
def science_question(text: str) -> bool:
    t = normalize(text)
    return bool(SCIENCE_QUESTION.search(t)) and not SITUATION.search(t) and not HARM_OTHERS.search(t)
