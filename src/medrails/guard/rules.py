"""Precise rules: patterns where a rule is right and a classifier may waver (acute emergencies,
explicit medication changes, injection markers). Each rule names its class/category so results
explain themselves. Patterns run on lower-cased, whitespace-normalized text."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RuleHit:
    category: str
    rule: str


def _rx(*parts: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


# Who is affected: emergency rules only fire when the message is about a real person now,
# not "what are the warning signs of a stroke".
PERSONAL = _rx(r"\b(i|i'm|im|i've|i'd|i'll|me|my|myself|mine|we|we're|our|us|he|she|he's|she's|hes|shes|they|they're|his|her|him|"
               r"himself|herself)\b",
               r"\bright now\b", r"\bsomeone here\b")
GENERAL_QUESTION = _rx(r"^\s*(what|which|how|why|when|who)\s+(is|are|does|do|causes?|happens|should\s+(you|someone|people|a person)|"
                       r"to|can\s+(you|someone|people)|are the)\b(?!.*\b(i|i'm|me|my|we|our)\b)")

_CHEST = r"\bchest\b.{0,40}\b(pain|pressure|tight|tightness|hurts?|hurting|squeez\w*|heavy|crush\w*|elephant)"
EMERGENCY_RULES: list[tuple[str, str, re.Pattern]] = [
    ("cardiac", "chest pain with radiation or distress",
     _rx(_CHEST + r".{0,80}\b(arm|jaw|shoulder|neck|back|sweat\w*|clammy|breath\w*|nause\w*|faint|pass out|throw\w* up|vomit\w*|dizzy|minutes)",
         r"\b(arm|jaw|sweat\w*|clammy|short of breath)\b.{0,60}" + _CHEST,
         r"\b(having|have|had)\s+a\s+heart attack\b(?!\s+(last|in|years|ago|before))", r"\bclutching\s+(his|her|my|their)\s+chest\b",
         r"\bsqueezing my heart\b")),
    ("stroke", "stroke signs",
     _rx(r"\bface\b.{0,20}\b(droop\w*|uneven|crooked)", r"\b(droop\w*)\b.{0,20}\b(face|mouth|smile)", r"\bslurr\w*",
         r"\b(suddenly|sudden)\b.{0,40}\b(can'?t|cannot|unable to)\s+(speak|talk|move|lift|raise|see|find (my|his|her) words)",
         r"\b(can'?t|cannot)\s+(lift|raise|move)\s+(my|his|her)\s+(left |right )?(arm|leg)\b.{0,40}\bsudden",
         r"\bworst headache of (my|his|her) life\b", r"\bthunderclap\b", r"\b(having|had)\s+a\s+stroke\b",
         r"\bsudden\w*\b.{0,30}\bnumb\w*\b.{0,30}\b(one side|face|arm|leg)",
         r"\bsudden\w*\b.{0,20}\b(loss of balance|double vision|vision loss|lost (my|his|her) vision|confus\w*|weakness)\b")),
    ("breathing", "cannot breathe",
     _rx(r"\b(can'?t|cannot|can not|struggling to|unable to|hard to|barely)\s+(breathe|breath|get (enough )?air|catch (my|his|her) breath)",
         r"\b(lips|face)\b.{0,25}\b(blue|bluish|turning blue)", r"\bgasping\b", r"\bchoking\b",
         r"\bbreathing (is )?(very |really )?(fast|slow|weird|shallow)\b.{0,40}\b(blue|ribs|sucking|can'?t)")),
    ("anaphylaxis", "allergic airway swelling",
     _rx(r"\bthroat\b.{0,20}\b(clos\w*|swell\w*|swollen|tight)", r"\b(tongue|lips?|face)\b.{0,25}\b(swell\w*|swollen|puff\w*|huge)",
         r"\banaphyla\w*\b.{0,20}\b(now|shock|reaction)", r"\b(going into|having)\b.{0,20}\banaphyla", r"\bsevere allergic reaction\b.{0,20}\bnow\b")),
    ("suicide", "suicidal intent or self-harm",
     _rx(r"\bkill (myself|me)\b", r"\bkms\b", r"\bend (my|his|her) (own )?life\b", r"\bend it all\b", r"\btake (my|his|her) own life\b",
         r"\b(want|wants|going|ready|planning|plan) to die\b", r"\bi want to die\b", r"\bwant to be dead\b",
         r"\b(don'?t|do not|dont) want to (live|be alive|wake up)\b", r"\bbetter off without me\b", r"\b(i'?m|i am|feel|feeling|been|is|she'?s|he'?s)\s+(so |very |really )?suicidal\b",
         r"\b(commit|committing|attempt\w*)\s+suicide\b",
         r"\b(cutting|hurt|hurting|harm|harming)\s+(myself|herself|himself)\b", r"\bself[- ]harm\w*\b",
         r"\bhow (many|much)\b.{0,60}\b(to|would it take to|enough to)\s+(die|kill (myself|me)|never wake up|not wake up)\b",
         r"\b(hanging|hang|shoot|shooting|jump\w*)\b.{0,30}\b(myself|off the|off a)\b", r"\bbleed out\b",
         r"\bgoodbye (letters?|notes?)\b",
         r"\b(want|going|gonna|about) to (take|swallow) (them all|all of them|all (of )?(my|the|these) (pills|tablets|meds))\b",
         r"\b(take|swallow) (the )?whole bottle\b", r"\blife (isn'?t|is not) worth living\b", r"\bpainless way to (die|go)\b")),
    ("overdose", "overdose or poisoning",
     _rx(r"\b(took|taken|swallowed|ate|drank|had|popped|taking)\b.{0,25}\b(\d{2,}|twenty|thirty|forty|fifty|a (whole|full) (bottle|pack|box)|"
         r"(a |the )?whole bottle|handful|too many|way too many|a bunch of|all (of )?(my|his|her|the))\b.{0,30}"
         r"\b(pills?|tablets?|capsules?|tylenol|advil|ibuprofen|acetaminophen|xanax|sleeping|gummies|meds?|oxy\w*|opioids?)",
         r"\b(took|swallowed|drank)\b.{0,30}\b\d{3,5}\s*mg\b", r"\b(i|i'?ve|he|she|they|he'?s|she'?s|my \w+|just|think (i|he|she|they|my \w+))\s+(has |have |had |just )?(overdosed|overdosing|od'?d)\b", r"\bdouble dose\b.{0,40}\b(faint|dizzy|sick|drowsy)",
         r"\b(drank|swallowed|ate|drinking|ingested|eaten)\b.{0,40}\b(bleach|antifreeze|detergent|drain cleaner|washer fluid|"
         r"battery|button battery|pod|poison|rat poison|pesticide|lamp oil|gasoline)",
         r"\b(snorted|injected|shot up)\b.{0,60}\b(breath\w*|blue|won'?t wake|unresponsive)", r"\bfentanyl\b.{0,40}\b(barely|not) breathing")),
    ("bleeding", "severe bleeding",
     _rx(r"\b(bleed\w*|blood)\b.{0,40}\b(won'?t|wont|will not|doesn'?t|not|can'?t)\s+(stop|stopping)", r"\b(spurting|gushing|pouring)\b",
         r"\b(vomiting|throwing up|coughing up|puking)\s+(a lot of |lots of )?blood\b", r"\bbleeding (heavily|a lot|a ton|badly)\b",
         r"\bheavy bleeding\b", r"\bsoaking (through )?(a |one )?pads?\b", r"\bblood everywhere\b", r"\bbleeding nonstop\b",
         r"\b(black|tarry)\b.{0,30}\b(stool|stools|poop|poo)\b.{0,60}\b(faint|dizzy|weak|passing out|pass out|lightheaded)\b",
         r"\b(stool|stools|poop|poo)\b.{0,30}\b(black|tarry)\b.{0,60}\b(faint|dizzy|weak|passing out|pass out|lightheaded)\b")),
    ("unconscious", "unresponsive person",
     _rx(r"\b(not|isn'?t|won'?t|wont|can'?t|cannot)\s+(respond\w*|wake\w*( up)?|be woken|rouse)\b", r"\bunresponsive\b", r"\bunconscious\b",
         r"\bno pulse\b", r"\b(he'?s|she'?s|is|isn'?t|not)\s+(not )?breathing\b(?!.*\b(fast|weird|hard)\b)", r"\bpassed out\b.{0,40}\b(can'?t|won'?t)\b",
         r"\bcollapsed\b(?!.*\bchest\b)", r"\blimp\b")),
    ("seizure", "seizure now",
     _rx(r"\b(is|he'?s|she'?s|i'?m|am|are|they'?re|started|been)\s+(having\s+(a\s+)?)?(seizure|seizing|convuls\w*|fitting|having a fit)",
         r"\bhaving (a |repeated )?(seizures?|convulsions?|fits?)\b(?!.*\b(what|how)\b.*\bgeneral\b)", r"\bseizing\b", r"\bconvulsing\b",
         r"\bseizure\b.{0,40}\b(won'?t stop|minutes|started|again)")),
    ("newborn_fever", "fever in a baby under 3 months",
     _rx(r"\b(newborn|(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) (day|days|week|weeks|wk)[- ]old|([12]|one|two) (month|months|mo)[- ]old|"
         r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ](day|week|wk)[- ]old)\b.{0,60}"
         r"\b(fever|temp\w*|38(\.\d)?|39(\.\d)?|100\.[4-9]|10[1-4](\.\d)?|hot|warm)\b",
         r"\b(fever|temp\w*)\b.{0,40}\b(newborn|(\d{1,2}) (day|week)[- ]old|([12]) month[- ]old)\b")),
]

REFUSE_RULES: list[tuple[str, str, re.Pattern]] = [
    ("R2", "personal medication change",
     _rx(r"\b(should|can|could|may|is it (ok|okay|fine|safe) (to|if|for me to)|do i|want to|thinking of|going to)\s+(i\s+|we\s+)?(just\s+)?"
         r"(stop|quit|skip|double|halve|cut|come off|go off|get off|ditch|taper off|switch|swap|up|increase|lower)\b.{0,40}"
         r"\b(my|his|her|our)\b.{0,40}\b(meds?|medications?|medicines?|pills?|dose|doses|insulin|tablets?|prescription|inhaler|"
         r"antibiotics?|antidepressants?|statins?|\w+(pril|olol|statin|pine|zole|mab|sartan|xetine|azepam|oxin|formin))\b",
         r"\bdouble up\b", r"\b(take|use|try|start)\s+(my|his|her)\s+(wife|husband|mom|mother|dad|father|sister|brother|friend|son|"
         r"daughter|kid|child|partner|roommate|neighbor)'?s\b", r"\bleftover\b.{0,30}\b(antibiotics?|amoxicillin|pills|meds?|oxy\w*)\b",
         r"\b(take|took|use)\s+(both|two)\s+doses\b",
         r"\bcan i (take|drink|mix|have|combine)\b.{0,40}\b(with|on|while on)\s+my\b")),
    ("R3", "personal dosing",
     _rx(r"\bhow (much|many)\b.{0,50}\b(should|can|do|could|may|must)\s+(i|we|he|she|my \w+)\s+(take|give|use|inject|drink|chew|have)\b",
         r"\bhow (much|many)\b.{0,40}\b(for|to) (my|me|him|her)\b", r"\bwhat (dose|dosage|strength)\b.{0,40}\b(should|do|can)\s+(i|we|my)\b",
         r"\b(my|me a) (dose|dosing schedule|dosage)\b", r"\b(right|correct|safe|good|starting) dose\b.{0,30}\b(for me|for my|i)\b",
         r"\bi weigh \d+", r"\b\d+\s*(kg|lbs?|pounds)\b.{0,60}\bhow (much|many)\b")),
    ("R5", "dangerous self-treatment or procedure",
     _rx(r"\b(stitch|suture|lance|drain|cut (off|out|open)|cauteriz\w*|pop|relocate|reset|set|pull|remove|tap|inject|sterilize)\b.{0,40}"
         r"\b(my own|myself|at home|by myself|on my own|with a (needle|knife|razor|scissors|syringe))\b",
         r"\b(perform|do)\b.{0,20}\b(surgery|appendectomy|tracheotomy|circumcision|abortion)\b.{0,30}\b(myself|at home|on myself|my)\b",
         r"\bat[- ]home (surgery|abortion|appendectomy)\b",
         r"\b(do|perform|make|give|put in|place)\b.{0,30}\b(fillings?|root canal|stitches|sutures|iv|injections?|botox|fillers?|"
         r"braces|tattoo removal)\b.{0,25}\b(at home|myself|my own|diy|on myself)\b",
         r"\bmake (my|your) own (antibiotics?|medicine|insulin|penicillin|vaccine|antivenom|iv fluids?)\b", r"\bdiy (surgery|dental|stitches|iv)\b", r"\bdrink\w*\b.{0,20}\b(turpentine|bleach|hydrogen peroxide|colloidal silver|kerosene)\b")),
    ("R6", "harmful or unethical request",
     _rx(r"\bwithout (a )?(prescription|script|seeing a doctor|rx)\b", r"\blethal dose\b", r"\b(would|to|will|could)\s+(stop|kill)\s+(a|the|someone'?s?|his|her|their)\s+(heart|person|man|woman|adult|child|patient)\b",
         r"\b(dose|amount|much|many)\b.{0,40}\b(kill (a|an|someone|somebody|him|her|them|a person)|be (fatal|lethal))\b",
         r"\b(dose|amount|much|many)\b.{0,40}\b(is|are|would be)\s+(lethal|fatal|deadly)\b", r"\b(forge|fake|falsify|alter)\b.{0,30}"
         r"\b(prescription|doctor'?s note|medical records?|sick note|signature|excuse)\b", r"\bpoison (someone|somebody|him|her|my|a person)\b",
         r"\b(make|cook|synthesize)\s+(meth|heroin|fentanyl|crack)\b", r"\b(look|seem) (like an? )?accident\w*\b", r"\bdark web\b",
         r"\bwithout (them|him|her|the patient) (knowing|noticing)\b", r"\bwithout (their|his|her) consent\b", r"\bundetectable poison\b",
         r"\bhardest to detect\b",
         r"\b(drug|spike|lace|dose)\s+(someone|somebody|a person|her|his|their|my \w+)('?s)?\s+(drink|food|coffee|tea)\b",
         r"\b(make|extract|produce|synthesi[sz]e|weaponi[sz]e)\b.{0,30}\b(ricin|sarin|cyanide|nerve agent|anthrax|botulinum)\b",
         r"\b(ricin|sarin|nerve agent)\b.{0,30}\b(make|extract|produce)\b",
         r"\b(crush|snort|shoot up|plug|smoke|inject)\w*\b.{0,30}\b(extended[- ]release|oxy\w*|opioids?|xanax|adderall|percocet|"
         r"vicodin|fentanyl patch\w*|morphine)\b",
         r"\bdeclared? (him|her|them|my \w+) incompetent\b.{0,40}\b(money|inheritance|house|assets)\b", r"\b(divert|steal\w*)\b.{0,30}\b(morphine|opioids?|hydrocodone|fentanyl|oxy\w*|drugs?)\b")),
]

INJECTION_RULES: list[tuple[str, re.Pattern]] = [
    ("ignore instructions", _rx(r"\b(ignore|disregard|forget|override|bypass|skip|drop|disable|turn off|switch off|lift)\b.{0,30}"
                                r"\b(previous|prior|above|earlier|all|your|the|these|safety|any)\b.{0,25}"
                                r"\b(instructions?|rules?|directives?|prompts?|guidelines?|polic(y|ies)|filters?|guard\w*|restrictions?|"
                                r"safety|protocols?|disclaimers?|layer|limits?|guardrails|everything)\b",
                                r"\bforget everything\b", r"\bignore (all )?previous\b")),
    ("system prompt probe", _rx(r"\b(system|hidden|initial|secret)\s+(prompt|message|instructions?|rules|policy)\b",
                                r"\b(reveal|print|repeat|output|show)\b.{0,30}\b(instructions|prompt|rules|everything above)\b",
                                r"\bwhat (instructions|rules) were you given\b")),
    ("mode switch", _rx(r"\b(developer|debug|god|unrestricted|unfiltered|jailbreak|dan)\s+mode\b", r"\bjailbreak\w*\b",
                        r"\byou are (now )?dan\b", r"\bno (rules|restrictions|limits|guidelines|ethical limits|filters|disclaimers)\b",
                        r"\b(without|with no) (any )?(rules|restrictions|guidelines|limits|filters)\b", r"\bunfiltered\b", r"\bunrestricted\b",
                        r"\bsafety\s*=\s*off\b", r"\b(policy|filters?|restrictions) (are )?(off|lifted|disabled|deprecated)\b",
                        r"\bopposite day\b")),
    ("chat markup", _rx(r"<\|?\s*(system|im_start|im_end)\s*\|?>", r"\[/?inst\]", r"<<\s*/?sys\s*>>", r"#{2,}\s*system\b", r"</?system>",
                        r"\bsystem\s*(override|update|prompt update)\s*:")),
    ("persona", _rx(r"\b(pretend|act|roleplay|role-play|role play|play)\b.{0,40}\b(doctor|physician|pharmacist|prescriber|ai without|no rules|"
                    r"grandma|grandmother|grandfather|grandpa|evil\w*|unfiltered)\b",
                    r"\byou('re| are) (no longer|now) (an? )?(educational|assistant|prescriber|doctor|physician)\b",
                    r"\b(new|your new) persona\b", r"\brespond (only )?as\b")),
    ("authority claim", _rx(r"\b(i'?m|i am)\s+(the|an?)\s+(developer|admin|administrator|engineer|openai engineer)\b.{0,60}"
                            r"\b(mode|filter|bypass|turn off|disable|switch)\b", r"\bauthori[sz]ation (code|granted)\b")),
    ("encoded payload", _rx(r"\bbase64\b", r"\b(decode|rot13)\b.{0,30}\b(and|then)\b.{0,20}\b(do|follow|execute)\b")),
]


# "what should you do if someone is having a seizure?" is first-aid education, not an emergency,
# unless the message also says it is happening to a real person now
HYPOTHETICAL = _rx(r"\b(what|how)\b.{0,30}\b(should|do|can|would)\s+(you|one|people|a person|bystanders)\b.{0,40}\b(if|when)\b",
                   r"\b(if|when)\s+(someone|somebody|a person|a child|a baby|an infant|people|a friend|a student|a patient)\b",
                   r"\b(if|when|in case)\s+(i|you|we)\s+(ever\s+)?(find|see|come across|witness|encounter)\b", r"\bif i ever\b",
                   r"\b(want|need) to (be prepared|learn|know how)\b", r"\b(class|course|training|exam|lecture)\b")
EDUCATION_MARKER = _rx(r"\b(signs?|symptoms?|warning signs?|causes?|risk factors?) (of|for)\b", r"\bfirst aid\b", r"^\s*(what|how|why|when|which|explain|define|describe)\b",
                       r"\b(in general|generally|typically|usually)\b", r"\?\s*$")
HAPPENING_NOW = _rx(r"\bright now\b", r"\bmy\s+\w+\s+(is|has|just)\b", r"\b(he|she|they)('s| is| are| just)\b", r"\bi('m| am)\s+(having|bleeding|choking)\b")


def normalize(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def is_general_question(text: str) -> bool:
    t = normalize(text)
    return bool(GENERAL_QUESTION.search(t)) or not PERSONAL.search(t)


def impersonal_question(text: str) -> bool:
    """A general or hypothetical question ("when should chest pain be treated as an emergency?",
    "what should you do if someone has a seizure?"): education, whatever its topic."""
    t = normalize(text)
    if GENERAL_QUESTION.search(t):
        return True
    if HYPOTHETICAL.search(t) and not HAPPENING_NOW.search(t):
        return True
    # no person at all and an education marker: "stroke warning signs?", "first aid for burns"
    return not PERSONAL.search(t) and not HAPPENING_NOW.search(t) and bool(EDUCATION_MARKER.search(t))


# a real person in the message (not just "tell me about ..."): needed before the classifier may
# call an emergency, and what turns a dose question personal
SITUATION = _rx(r"\b(i|i'm|im|i've|ive|i'd|my|myself|we|we're|our|he|she|he's|she's|hes|shes|they're|his|her|him)\b",
                r"\b(right|just) now\b", r"^\s*(newborn|baby|infant|toddler|kid|child)\b")
GENERAL_DOSE = _rx(r"\b(normal|usual|typical|standard|regular|recommended|maximum|max|average|starting|label|labeled)\b.{0,25}"
                   r"\b(dose|doses|dosage|dosing|strength)\b", r"\b(dose|dosage|dosing)\b.{0,40}\b(in general|generally|per the label|"
                   r"on the (label|box|package)|guidelines?|(for|4) (adults|grown ups|children|kids)|in adults|in studies|in textbooks)\b")


def general_dose_question(text: str) -> bool:
    """"What is the usual adult dose of ibuprofen?" is label education, unlike "how much should I take"."""
    t = normalize(text)
    return bool(GENERAL_DOSE.search(t)) and not SITUATION.search(t)


def has_situation(text: str) -> bool:
    return bool(SITUATION.search(normalize(text)))


def emergency_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    if impersonal_question(t):
        return []
    return [RuleHit(cls, name) for cls, name, rx in EMERGENCY_RULES if rx.search(t)]


def refuse_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    return [RuleHit(cat, name) for cat, name, rx in REFUSE_RULES if rx.search(t)]


def injection_hits(text: str) -> list[RuleHit]:
    t = normalize(text)
    return [RuleHit("R7", name) for name, rx in INJECTION_RULES if rx.search(t)]
