"""Scope rules (what is clearly not a medical request), shared by the scope stage, decide_input and the
emergency gates in rules.py (a gaming question's "died 40 times" is nobody's emergency).

Kinds (after the fifth and sixth blind suites): besides coding and maths, everyday tasks that name no
health topic: cooking and recipes, writing tasks (a toast, a poem, a cover letter, proofreading), phone and
computer settings, housing/legal/money, careers, travel, games and sport, home and garden, trivia. A
medical word anywhere keeps the message in scope, except a role said in passing ("I'm a nurse and
want to switch careers into UX design")."""

from __future__ import annotations

import re

from medrails.guard.rules_base import _per_message

MEDICAL_TERMS = re.compile(
    r"\b(health|medical|medicine|medication|drug|dose|doctor|nurse|pharmac\w*|hospital|clinic|symptoms?|disease|illness|988|crisis line|helplines?|hotlines?|"
    r"infection|virus|bacteria|vaccin\w*|pain|ache|fever|cough\w*|blood|heart|lung|liver|kidney|brain|skin|cancer|tumou?r|"
    # a child's mouth after biting a detergent pod ("drooling a lot and coughing", guard_unseen66): signs, not a household question
    r"drool\w*|vomit\w*|throwing up|chok\w*|poison(ed|ing|ous)?(?![- ]?(proof|type))|ingest\w*|unconscious|seizures?|seizing|"
    r"diabet\w*|pressure|cholesterol|allerg\w*|asthma|pregnan\w*|baby|surgery|therapy|diagnos\w*|treat\w*|pills?|"
    r"vitamin|diet|nutrition|calories|sleep|anxiety|depress\w*|mental|injur\w*|wound|rash|headache|stroke|seizure|test results?|"
    r"(feels?|feeling|felt) hopeless|hopelessness|suicid\w*|self[- ]harm\w*|in crisis|"
    r"\w+itis|\w+osis|\w+emia|\w+oma|"
    # clinical shorthand staff ask about ("what does 'sats on RA' mean", "c/o, SOB and NAD", "qSOFA vs SIRS"; guard-pro)
    r"sats|spo2|c/o|sob|qsofa|sirs|sepsis|gcs|bgl|prn|nrb|abg|inr|copd|ecg|ekg|sbar|avpu|news2|dnacpr|cpr|obs|"
    # round 23: organs in the plural, first aid kit, travel sickness, end of life and older people's prescribing
    # ("a haiku about how the lungs exchange oxygen", "how do tourniquets work in real life", "why do children get carsick",
    # "the Beers criteria")
    r"(lung|kidney|liver|brain|bone|muscle|organ|nerve|tourniquet|bandage|splint|antibiotic)s?|oxygen|first aid|"
    r"(car|sea|air|travel|motion) ?sick(ness)?|hospice|palliative|end of life|dementia|beers criteria|deprescrib\w*|patient (leaflets?|information)|hand ?washing|"
    r"wash(ing)? (your|their|our) hands|hygiene|germs?)\b"
    # Spanish health words (the head reads English: its out-of-scope call on "qué causa las piedras en el riñón" is noise)
    r"|\b(salud|m[eé]dic[oa]s?|enfermedad(es)?|s[ií]ntomas?|ri[nñ][oó]n(es)?|coraz[oó]n|presi[oó]n arterial|presi[oó]n alta|sangre|"
    r"pulm[oó]n(es)?|h[ií]gado|est[oó]mago|dolor|fiebre|vacunas?|pastillas?|medicamentos?|embarazo|embarazada|beb[eé]s?|c[aá]ncer|"
    r"infecci[oó]n|alergias?|tratamiento|hospital|doctora?|enfermer[oa]|huesos?|piel|cerebro|gripe|tos|diarrea|v[oó]mitos?|"
    r"colesterol|insulina|hormonas?|menopausia|tiroides|dieta|nutrici[oó]n|vitaminas?|bacterias?|virus)\b"
    # nutrition is health education ("which foods are high in iron for vegetarians")
    r"|\b(iron|calcium|protein|fib(er|re)|zinc|magnesium|potassium|folate|folic acid|b12|omega-?3|nutrients?|minerals?|electrolytes?|"
    r"calories)\b.{0,40}\b(foods?|diet|eat\w*|sources?|rich|high|low|deficien\w*|levels?|intake|supplements?|vegetarians?|vegans?|enough|"
    # "i weigh 200 lbs, how much protein do i need a day for lifting" (guard-multi): a daily need is nutrition
    r"(a|per) day|daily|(do|does|should) (i|you|we|he|she|a person|an adult|my \w+) (need|get|have|eat))\b"
    r"|\b(foods?|sources?|rich in|high in|low in|deficien\w*|enough)\b.{0,40}\b(iron|calcium|protein|fib(er|re)|zinc|magnesium|potassium|"
    r"folate|b12|omega-?3|nutrients?|minerals?)\b", re.I)

# Coding and maths questions the classifier may still answer ("why does my javascript fetch return a pending
# promise", "derivative of x^3 sin x"): out of scope when no medical word is present.
NON_MEDICAL = re.compile(
    r"\b(javascript|typescript|python (script|code|list|dict\w*|function|class|error|loop|package)|java (code|class|error)|c\+\+|"
    r"sql (query|join|table)|sql for me|select \* from|html|css|regex|stack ?trace|compile[rd]? (error)?|npm|pip install|git (merge|rebase|commit|push|pull)|docker|"
    r"kubernetes|react (component|hook|state)|node\.?js|api (endpoint|call|key)|segfault|null pointer|undefined is not|"
    r"pending promise|for loop|while loop|hash ?map|linked list|excel formula|spreadsheet formula)\b"
    r"|\b(derivative|integral|antiderivative|limit)\s+of\b.{0,20}(\bx\b|\^|\bsin\b|\bcos\b|\btan\b|\bln\b|\d)"
    r"|\b(solve for [a-z]\b|quadratic (equation|formula)|polynomial|factori[sz]e|eigen\w*|matrix multiplication|calculus|algebra|"
    r"trigonometry|logarithm)\b|\b[a-z]\s*\^\s*\d", re.I)


# "my laptop has a virus": a computer infection; the medical words in it are about the machine
COMPUTER_INFECTION = re.compile(r"\b(my |the |our |a )?(laptop|computer|pc|macbook|mac|phone|iphone|android|tablet|router|website|browser|"
                                r"windows|email account)( has| got| is| caught)?( a| an)?( \w+)? (virus|viruses|malware|infected|infection|"
                                r"trojan|worm|ransomware)\b", re.I)


# Everyday, non-medical tasks (checked only when no medical word is present)
NON_MEDICAL_TASK = re.compile(
    r"\b(recipes?|how long (do|should|to|does it take to) (i |you )?(cook|roast|bake|boil|grill|fry|smoke|steam) |(roast|bake|grill|smoke) "
    r"(a|an|the|my) (\d+ ?(lb|lbs|pound|kg) )?\w+|soft[- ]boiled|hard[- ]boiled|latte|cappuccino|espresso|sourdough|marinade)"
    r"|\b(write|draft|compose|help me (write|with)|give me|come up with)\s+(me\s+)?(a |an |my |the )?(short |funny |sweet |heartfelt |quick )*"
    r"(wedding |best man'?s? |maid of honou?r |retirement |birthday |farewell |graduation |anniversary )?(toast|speech|poem|song|limerick|haiku|"
    r"cover letter|resume|cv|essay|eulogy|thank[- ]you (note|card)|caption|tweet|bio|slogan|joke|riddle)\b"
    r"|\b(proofread|fix (my|the|this) grammar|rewrite this|paraphrase this|translate (this|to|into))\b"
    r"|\b(iphone|ipad|android|samsung|pixel|laptop|macbook|printer|router|wi-?fi|bluetooth|smart tv|alexa|kindle)\b.{0,60}"
    r"\b(settings?|text (bigger|smaller|size)|font|update|reset|connect|pair|screenshot|password|back ?up|storage|ringtone|volume|brightness)\b"
    r"|\b(text|font|letters?) (bigger|larger|smaller)\b.{0,30}\b(phone|iphone|ipad|screen|computer|android)\b"
    r"|\b(landlord|tenant|lease|security deposit|eviction|mortgage|tax return|taxes|401k|roth|ira|credit score|budget\w*|stocks?|crypto\w*|"
    r"small claims|parking ticket|speeding ticket|"
    # round 27: tax terms without the word tax ("is the standard deduction for married filing jointly $X?")
    r"standard deduction|itemi[sz]ed deductions?|(married )?filing (jointly|separately)|head of household|w-?2 form|1099 form)\b"
    r"|\b(switch(ing)? careers?|career change|portfolio|job interview|cover letter|linkedin|salary negotiation|ux design|web design|"
    r"learn to code|coding bootcamp|application process|job application|(become|becoming) an? (firefighter|teacher|pilot|lawyer|police officer|"
    r"developer|programmer|designer|chef|electrician|plumber|accountant|realtor))\b"
    r"|\b((a |the |tourist |student |work |travel )visa (to|for)|need a visa|visa (to|for) (visit|travel|go)|passport|itinerary|layover|"
    r"flights? to|hotels? in|things to do in|road trip)\b"
    r"|\b(final boss|boss fight|elden ring|minecraft|fortnite|zelda|pokemon|video ?games?|melee build|speedrun|respawn\w*|"
    r"chess opening|fantasy football|who won the|world cup|super bowl)\b"
    r"|\b(leaking|leaky|dripping) (tap|faucet|pipe|roof)|\bgrout\b|\b(slugs|aphids|weeds|lawn|tomato plants|houseplants?)\b|"
    r"\b(oil change|car battery|tire|tyre|windshield|dishwasher|washing machine|dryer|furnace filter)\b"
    r"|\b(what|which|best|good|cheap|affordable) (laptop|phone|tablet|car|headphones|camera|tv|monitor|backpack|shoes|podcast|book|movie)s?\b"
    r"|\b(cancel|cancelling|canceling) (my|a|the) (gym|subscription|membership|netflix|account|order)\b"
    r"|\b(fun fact|capital of|how tall is|how far is|what year did|who (invented|wrote|painted))\b", re.I)
# harm, poison, substances or a body event anywhere keeps it in scope ("which houseplants are poisonous to toddlers",
# "grandpa drank the rinse aid", "a video game plot where the villain poisons the water")
RISK_WORDS = re.compile(r"\b(poison\w*|toxic\w*|venom\w*|overdos\w*|swallow\w*|ingest\w*|drank|ate|eaten|chok\w*|kill\w*|die|died|dying|dead|"
                        r"death|suicid\w*|self[- ]harm|hurt\w*|harm\w*|injur\w*|bleed\w*|burn(s|ed|t)?|vomit\w*|(feel|feeling|felt|got|getting) sick|"
                        r"fumes|marijuana|weed|thc|cbd|alcohol|nicotine|vap(e|ing)|opioids?|pills?|meds|surger\w*|dementia|disabilit\w*|"
                        r"pregnan\w*|breath\w*|unconscious|faint\w*|seizur\w*|allerg\w*|rash|itch\w*|swell\w*|sore|wound\w*|instructions|dosing|"
                        # round 27: addiction is a health topic ("can kids get hooked on video games like gamblers do?")
                        r"addict\w*|hooked|compulsiv\w*|withdrawals?|problem gambl\w*|gambling (problem|addiction|disorder))\b", re.I)
_GAME = re.compile(r"\b(final boss|boss fight|elden ring|minecraft|fortnite|zelda|pokemon|video ?games?|melee build|speedrun|respawn\w*|"
                   r"dark souls|raid|level \d+|npc|pvp)\b", re.I)
_GAME_DEATH = re.compile(r"\b(died|die|dying|dead|deaths?|kill\w*)\b", re.I)
# a role or relation said in passing is not a health topic ("I'm a nurse and want to switch careers")
_ROLE_IN_PASSING = re.compile(r"\b(medical|nursing|pharmacy|med|dental|vet) (student|school)s?\b|\b(i'?m|i am|as|she'?s|he'?s|(my|our) \w+ is|(who|that) (is|was|has been|worked as)) an? ([\w-]+ )?(nurse|doctor|physician|pharmacist|paramedic|"
                              r"dentist|medical student|nursing student|caregiver|emt|surgeon|therapist|vet)\b|\b(tire|tyre|water|air|peer) "
                              r"pressure\b", re.I)


@_per_message
def clearly_non_medical(text: str) -> bool:
    medical = bool(MEDICAL_TERMS.search(text))  # cheap, and true for most messages: checked first
    if COMPUTER_INFECTION.search(text) and not MEDICAL_TERMS.search(COMPUTER_INFECTION.sub(" ", text)):
        return True
    if not medical and NON_MEDICAL.search(text):
        return True
    if medical and MEDICAL_TERMS.search(_ROLE_IN_PASSING.sub(" ", text)):
        return False
    # a game's deaths are not a risk word ("died like 40 times on the final boss")
    if NON_MEDICAL_TASK.search(text) and not RISK_WORDS.search(_GAME_DEATH.sub(" ", text) if _GAME.search(text) else text):
        return True
    from medrails.guard.rules_es import spanish_non_medical

    return not medical and spanish_non_medical(text)
