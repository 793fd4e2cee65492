"""Rules for requests to harm another person (R6) and for dangerous home-made "remedies" (R5):
what makes them unsafe is the shape of the request, not a word list (see HARM_OTHERS)."""

from __future__ import annotations

from medrails.guard.rules_base import _per_message, _rx, _rx_plain, normalize
from medrails.guard.rules_course import injury_now
from medrails.guard.rules_refuse import REFUSE_RULES
from medrails.guard.rules_signals import HARM_SIGNALS

# -- harm to another person, and dangerous home-made "remedies" ------------------------------------
# Phrased as DIY, a prank or curiosity, these read like ordinary questions to the embedding, and a
# classifier that sees "sleeping pills" + "my wife" may call it an overdose. What makes them unsafe
# is the shape: someone (I/we) giving something to another person covertly or to make them ill, or
# preparing a known poison as medicine. Victim reports ("someone spiked my drink") are not this shape.
_PEOPLE = (r"(someone|somebody|some one|a person|people|everyone|everybody|him|her|them|"
           r"(my|his|her|their|the|a|our|this|that) ([\w-]+ ){0,2}?(wife|husband|partner|boyfriend|girlfriend|bf|gf|ex|roommates?|flatmates?|"
           r"mom|mum|mother|dad|father|step\w+|brother|sister|son|daughter|kids?|child(ren)?|baby|toddler|grandma|grandmother|grandpa|"
           r"grandfather|boss|coworkers?|co-workers?|colleagues?|teacher|neighbou?rs?|classmates?|friends?|patients?|aunt|uncle|cousin|"
           r"in-laws?|\w+-in-law|(mother|father|sister|brother) in law|old (man|lady|woman)|guy|girl|woman|man|people upstairs|office|family|class|dog|cat|pets?))")
_FOOD = (r"(drink|drinks|food|coffee|tea|meal|dinner|lunch|breakfast|soup|smoothie|shake|juice|water|bottle|cup|glass|beer|wine|"
         r"brownies?|cake|cookies?|snacks?|sandwich|bowl|sippy cup|formula|milk|cereal|pasta|stew|salad|lemonade|soda|cocktail|punch)")
_HUMANS = _PEOPLE.replace("|dog|cat|pets?", "")
_VICTIM_FOOD = (r"(someone'?s|somebody'?s|a person'?s|his|her|their|(my|the|our|a) ([\w-]+ )?[\w-]+'?s?|[\w-]+'s)\s+([\w-]+\s+){0,2}?"
                + _FOOD + r"\b")
_DRUGS = (r"\b(adderall|ritalin|xanax|valium|klonopin|ativan|ambien|benadryl|diphenhydramine|melatonin|sleeping (pills|tablets|meds|aids?)|"
          r"sedatives?|tranquili[sz]ers?|ghb|ketamine|molly|mdma|ecstasy|lsd|acid|shrooms|edibles?|thc|laxatives?|ex-?lax|visine|eye ?drops|"
          r"ipecac|roofies|rohypnol|opioids?|oxy\w*|fentanyl|morphine|codeine|antifreeze|bleach|rat poison|poison)\b")
_ADMIN = (r"\b(i|we|u|to|me|gonna|wanna)\s+([\w']+\s+){0,3}?(put|slip|sneak|add|mix|crush|grind|dissolve|hide|stir|spike|lace|give|"
          r"feed|dose|drug|poison|get|cook|bake|inject|spray|release|leave|swap|switch|replace)\w*\b")
_HARM_EFFECT = (r"\b(make|get|leave|have|keep)\s+" + _PEOPLE + r"\s+(feel\s+)?(really |so |very |super |violently |deathly )?"
                r"(sick|ill|puke|have diarrh\w*|shit (himself|herself|themselves)|poop|pass out|black out|go to sleep|sleep for|sleep through|unconscious|"
                r"miserable|suffer|die|dead|weak|paralyzed|hallucinat\w*|throw up|vomit\w*|drunk|high|wasted|blackout drunk)\b"
                r"|\bgive\s+" + _PEOPLE + r"\s+(the runs|diarrh\w*|a (bad |massive |terrible )?(headache|rash|stomach ?ache|migraine|seizure|"
                r"reaction)|food poisoning|cramps)\b")
_HARM_INTENT = (r"\bknock\w*\s+(" + _PEOPLE + r"\s+out|out\s+" + _PEOPLE + r")\b"
                r"|\b(to|and|so i can|want to|wanna|gonna|going to|plan\w* to)\s+(hurt|harm|injure|poison|kill|sicken|incapacitate|sedate|"
                r"drug|gas|choke|smother)\s+" + _PEOPLE + r"\b"
                r"|\b(get back at|get revenge|revenge on|for revenge|payback|teach (him|her|them) a lesson|(feel|be) as (sick|bad) as|"
                r"(someone|somebody|people|a person) (you|i) hate|my enemy)\b"
                r"|\b(want|wanna|need)\s+" + _PEOPLE + r"\s+to (suffer|die|get sick|be sick|hurt|pay|feel pain|stop breathing)\b"
                r"|\b(would|will|to|could|that) kill (whoever|anyone|anybody|everyone|someone|somebody|the person|a person|people)\b"
                r"|\b(knock ?out|knockout|sleeping|paralyz\w*|incapacitat\w*) (spray|gas|drops|powder|rag|cloth|dart)s?\b"
                r"|\bto use on (someone|somebody|him|her|them|people|a person|my \w+)\b"
                r"|\b" + _PEOPLE + r"\s+(to be|be|is|was)\s+(out cold|knocked out)\b"
                r"|\bstop (his|her|their|someone'?s|somebody'?s|the \w+'?s) (breathing|heart)\b"
                r"|\b(want|wanna|trying|try|how|way|something|stuff|what|thing|things)\s+to make\s+" + _PEOPLE
                + r"\s+(feel\s+)?(really |so |very |super )?(sick|ill|pass out|black out|unconscious|suffer|die)\b")
_HARM_OUTCOME = "(" + _HARM_EFFECT + "|" + _HARM_INTENT + ")"
_COVERT = (r"\b(without (him|her|them|anyone|anybody|my [\w-]+|the [\w-]+|his [\w-]+|her [\w-]+|their [\w-]+) (knowing|noticing|finding out|"
           r"realizing|realising|catching|seeing|suspecting)|so (he|she|they|nobody|no one|no-one|noone) (doesn'?t|don'?t|won'?t|can'?t|never|"
           r"wont|dont|cant|doesnt|will not|does not) (notice|know|find out|realize|realise|suspect|catch on)(?! the (taste|flavou?r|texture|smell))|(nobody|no one|noone) (finds|will find|"
           r"would find|can find) out|without getting caught|untraceable|(isn'?t|is not|not|wont be|won'?t be|can'?t be) (traceable|traced|detected)|"
           r"undetectable|(won'?t|wont|doesn'?t|does not|wouldn'?t) show up (in|on)|without (a |any )?(taste|trace)|tasteless|on purpose|"
           r"(wont|won'?t|will never|never|wouldn'?t|wouldnt) (find out|notice|suspect|catch on)|"
           r"(he|she|they) (wouldn'?t|wouldnt|won'?t|wont|can'?t|couldn'?t|cant) (taste|smell|detect)|secretly|sneakily|covertly|on the sly|"
           r"behind (his|her|their) back|without telling (him|her|them|anyone|anybody))\b")
_TOXIC = (r"\b(gas|gases|fumes?|smoke|vapou?rs?|poisons?|poisonous|toxins?|toxic|chemicals?|plants?|berries|mushrooms?|bacteria|germs|virus|"
          r"eye ?drops|visine|laxatives?|ipecac|sedatives?|sleeping pills|"
          r"mold|mould|antifreeze|bleach|ammonia|rat poison|pesticide|cyanide|arsenic|thallium|mercury|chloroform|ether)\b")
# getting one's own confidential care without a parent knowing is a health question, not covert harm: "how can I get
# birth control without my parents knowing", "get tested for stds without my parents finding out" (guard_teen_probe1)
_OWN_CARE = (r"(?!\s+([\w']+\s+){0,2}?(birth control|contracepti\w*|condoms?|the pill|plan b|morning[- ]after|an? iud|the implant|the shot|depo|"
             r"tested|a test|testing|(std|sti|hiv|pregnancy) tests?|therapy|a therapist|counsell?ing|a counsell?or|vaccin\w*|the hpv|prep)\b)")
HARM_OTHERS = _rx(
    _ADMIN + _OWN_CARE + r".{0,80}" + r"(" + _HARM_OUTCOME + r"|" + _COVERT + r")",
    r"(" + _HARM_OUTCOME + r"|" + _COVERT + r").{0,80}" + _ADMIN + _OWN_CARE,
    _HARM_OUTCOME + r".{0,60}" + _COVERT, _COVERT + r".{0,60}" + _HARM_OUTCOME,
    r"\b(in|into)\s+" + _VICTIM_FOOD
    + r"\b.{0,80}(" + _HARM_OUTCOME + r"|" + _COVERT + r")",
    _TOXIC + r".{0,80}(" + _HARM_INTENT + r")", r"(" + _HARM_INTENT + r").{0,80}" + _TOXIC,
    r"\b(how (to|do i|can i|would i|could i|do you)|i (want|need|wanna) to|best way to|what (can|could|should) i|help me)\s+([\w']+\s+){0,2}?"
    r"(make|create|produce|brew|mix|cook|generate|release)\w*\b.{0,60}" + _TOXIC + r".{0,80}" + _HARM_EFFECT,
    r"\b(poisons?|drugs?|substances?|something|pills?|overdose)\b.{0,40}\b(looks?|seems?|passes?|pass|appear\w*|mistaken)\s+(like|as|for)\s+"
    r"(natural causes|a natural death|a heart attack|a stroke|an accident|suicide|sids|food poisoning|old age)\b",
    r"\b(make|making|brew|cook|synthesi[sz]e|extract)\w*\b.{0,30}\b(chloroform|ghb|rohypnol|roofies|knock ?out drops|date rape drugs?)\b",
    r"\b(grow|culture|breed|spread|smear|put|release)\w*\b.{0,40}\b(bacteria|salmonella|e\.? ?coli|germs|virus|anthrax|mold|mould|"
    r"norovirus|botulism|botulinum)\b.{0,50}\b(door ?handles?|school|office|water supply|food|people|class|cafeteria|dish|potluck|party|"
    r"buffet|meal|salad|gym|bus|on (him|her|them))\b",
    r"\b(bacteria|salmonella|e\.? ?coli|germs|virus|anthrax|norovirus|botulism|botulinum)\b.{0,30}\b(could|can|should|would) (i|we)\s+"
    r"(grow|culture|breed|spread|smear|put|release)\w*\b.{0,60}\b(door ?handles?|school|office|water supply|food|people|class|cafeteria)\b",
    r"\b(overdose|od)\s+(him|her|them|someone|somebody|my [\w-]+|the [\w-]+|a patient)\b",
    r"\b(look|looks|taste|tastes|seem|seems|pass|passes) (like|for|as)\b.{0,40}\b(but|and|that|which)\b.{0,20}\b(would|could|will|can)\b.{0,20}"
    + _HARM_EFFECT,
    # "got into the vitamin bottle yesterday, poison control said no worries": the helpline is not a harm word
    r"\b(in|into)\s+" + _VICTIM_FOOD + r".{0,60}\b(dangerous\w*|deadly|lethal|fatal|poison(?!\w* (control|cent(er|re)|help ?line|hotline))\w*|"
    r"overdose|heart (race|stop|pound)\w*)\b",
    _DRUGS + r".{0,50}\b(keep|make|get|have)\s+" + _HUMANS + r"\s+(asleep|sedated|knocked out|drugged|out of it|quiet|docile|zonked)\b"
    r".{0,60}\b(so|all day|all night|because|stops?|won'?t|doesn'?t)\b",
    _DRUGS + r".{0,60}\b(in|into)\s+" + _VICTIM_FOOD + r"(?!.{0,40}\b(to help|so (he|she|they) (can|will) (sleep|settle)|prescribed)\b)",
    r"\b(leave|put|release|spray|pour|hide|plant|run)\w*\b.{0,40}\b(in|into|under|through|around)\s+(someone'?s|somebody'?s|his|her|their|"
    r"(my|the|our|a) ([\w-]+ )?[\w-]+'s)\s+(apartment|room|bedroom|house|flat|car|office|vents?|door|locker|desk|pillow|bed|window)\b.{0,80}"
    + _TOXIC + r"|" + _TOXIC + r".{0,80}\b(leave|put|release|spray|pour|hide|plant|run|throw|toss|drop|lob)\w*\b.{0,40}\b(in|into|under|through|around)\s+"
    r"(someone'?s|somebody'?s|his|her|their|(my|the|our|a) ([\w-]+ )?[\w-]+'?s)\s+(apartment|room|bedroom|house|flat|car|office|vents?|door|"
    r"locker|desk|pillow|bed|window)\b",
    r"\b(keep|get|make|have)\s+" + _HUMANS + r"\s+(sedated|drugged|medicated|knocked out|drowsy|out of it|confused|asleep)\b.{0,40}"
    r"\bso (she|he|they|\w+) (signs?|gives?|hands?|transfers?|agrees?|leaves?|changes?|won'?t (notice|fight|resist))\b",
    r"\b(sign|signing|transfer\w*)\b.{0,25}\b(deed|house|home|will|power of attorney|savings|property|bank account)\b.{0,15}\bover\b.{0,60}"
    r"\b(confused|dementia|demented|incompetent|doesn'?t understand|out of it|not all there|meds|medication)\b",
    r"\b(his|her|their|(my|the) ([\w-]+ )?[\w-]+'s|[\w-]+'s)\s+([\w-]+\s+)?(meds|medications?|medicines?|pills|insulin|doses?|inhaler)\b.{0,60}"
    + _COVERT,
    r"\b(dose|amount|much|many)\b.{0,60}\bwould (kill|poison|finish off|put down)\b(?! (me|myself|us)\b)",
    r"\b(kill|poison)\w*\s+(the|a|my|our|his|her|their|that|this) (neighbou?r'?s?\s+)?(dog|cat|pets?|horse|bird|birds|cattle|chickens)\b",
    r"\b(doses?|insulin|meds|medications?|pills|morphine|oxygen)\b.{0,40}\bwrong on purpose\b",
    r"\b(tamper\w*|sabotag\w*|mess\w* with|spoil)\b.{0,30}\b(my [\w-]+'?s|his|her|their|someone'?s|somebody'?s|the [\w-]+'?s)\s+([\w-]+\s+)?"
    r"(meds|medications?|medicines?|pills|insulin|inhaler|epi-?pen|prescriptions?|oxygen|feeding tube|iv|drip)\b",
    r"\b(swap|switch|replace|substitut)\w*\b.{0,40}\b(meds|medications?|medicines?|pills|insulin|inhaler)\b.{0,30}\b(with|for) "
    r"(sugar pills|fake|placebos?|vitamins|candy|tic tacs|water|saline|(an )?empty( ones?)?|dummy|dummies|look-?alike\w*)\b.{0,60}\b(so|without|not|never|won'?t|tell|notice\w*|detect\w*|tampered)\b",
    # harm meant to go unnoticed: a death that will not show at autopsy, something with no taste that makes a person
    # sleep or die ("units and timing so it won't show up at autopsy", "no taste, would help an old lady drift off")
    r"\b(won'?t|wouldn'?t|doesn'?t|does not|not|never|without (it )?(being )?|hard to|can'?t be|cannot be)\s*(show(ing)?( up)?|turn(ing)? up|"
    r"detect\w*|found|traced?|picked up)\s+(on|in|at|by)\s+(an? |the )?(autopsy|post[- ]?mortem|tox\w*( screen| report)?|coroner)\b",
    r"\b(no taste|tasteless|can'?t (be )?tasted?|odou?rless)\b.{0,100}\b(drift(s|ing)? off|sleep(s|ing)? (forever|for good)|"
    r"never wake|not wake up|stop (his|her|their) heart|heart (just )?stop|pass(es)? away|die|dies|kill|put (him|her|them) down)\b",
)

# Known poisons sold or passed around as cures (MMS/chlorine dioxide, bleach, turpentine, kerosene,
# colloidal silver, high-strength peroxide, black salve...): asking how to prepare, dose or give
# one is R5 whatever the framing; asking whether it is safe, or why doctors warn, is education.
_REMEDY = (r"\b(mms|mms\d|miracle mineral \w+|chlorine dioxide|sodium chlorite|cd protocol|bleach|turpentine|kerosene|gasoline|"
           r"petrol|colloidal silver|silver water|(\d{2}\s*%|food[- ]grade|high[- ]strength)\s*(hydrogen )?peroxide|black salve|bloodroot|borax|lye|"
           r"methanol|antifreeze|"
           r"apricot (kernels?|seeds?|pits?)|laetrile|b17|foxglove|oleander|castor beans?|jimson ?weed|datura|pennyroyal|lamp oil|"
           r"creolin|horse (paste|dewormer|wormer)|mercury|arsenic)\b")
_PREP = (r"\b(make|making|mix|mixing|prepare|preparing|brew|brewing|dilute|diluting|activate|activating|recipe|protocol|drops|enema|"
         r"soak|soaking|boil|boiling|steep|extract|cook|dose|dosing|dosage|ratio|strength|concentration|drink|drinking|swallow|gargle|eat|eating|"
         r"take|taking|give|giving|feed|rub|inject|apply|put)\b")
_HOWTO = (r"\b(how (do|can|should|would|to|much|many|long|often)|(best|easiest|right|correct|safest|proper) (way|ratio|amount|dose)|"
          r"steps|walk me through|recipe|instructions|protocol|ratio|what (dose|amount|concentration|strength)|what'?s the (mix|ratio|recipe|dose|amount)|i'?m (going|gonna|planning) to|"
          r"i (want|plan|will|need) to|i'?ll|we'?re (going|gonna) to)\b")
_MED_USE = (r"\b(drink|drinking|swallow|ingest|gargle|enema|internally|orally|by mouth|cure|curing|detox|treat|treating|heal|"
            r"kill (the )?(parasites|worms|virus|germs|candida|cancer)|parasites|worms|autis\w*|cancer|covid|infection|cold|flu|"
            r"for (my|his|her|our|the|a) ([\w-]+ )?(son|daughter|kids?|child(ren)?|baby|toddler|belly|stomach|skin|chest|mole|wart|heart|"
            r"ear|eyes?|teeth|gums|throat|cough|cold|flu|infection)|giv\w* (it |this |some |them )?to|giv\w* (my|his|her|our|a)|feed\w* (it )?to|"
            r"help (my|his|her|with)|asthma|arthritis|diabetes|thrush|lyme|candida|fever|\d+[- ]?(year|yr|month|mo)s?[- ]old|in (my|his|her|their) (water|juice|"
            r"drink|bottle|milk|formula)|rub (it )?on|on (my|his|her) (chest|skin|wound|mole|wart)|burn off|wounds?|bites?|sores?|ulcers?|"
            r"bring on (a |my |her )?period|abort\w*|miscarr\w*|end (a|my|the|her) pregnancy)\b")
REMEDY = _rx(_REMEDY, r"\b(drink|drinking|swallow|ingest)\w*\b.{0,30}\b(hydrogen )?peroxide\b",
             r"\bperoxide\b.{0,30}\b(drink|swallow|ingest)\w*\b")
PREP, HOWTO, MED_USE = _rx(_PREP), _rx(_HOWTO), _rx(_MED_USE)
SAFETY_ASK = _rx(r"^\s*(is|are|isn'?t|was|were|why|does|do|did|has|have)\b", r"\bwhy (do|does|is|are|did|would)\b",
                 r"\b(is (it|that|this)|are (they|these|those)) (really |actually |even )?(safe|dangerous|harmful|toxic|true|legit|a scam|real|bad)\b",
                 r"\b(doctors|experts|the fda|fda|cdc|scientists|pharmacists) (warn|say|advise|recommend against)\b", r"\b(history|dangers|risks) of\b")


@_per_message
def dangerous_preparation(text: str) -> bool:
    """How to make, dose or give a known poison as a cure ("how many drops of MMS for my son")."""
    t = normalize(text)
    return bool(REMEDY.search(t) and PREP.search(t) and HOWTO.search(t) and MED_USE.search(t)) and not SAFETY_ASK.search(t)


# A request to hurt someone (or to brew a poison as a cure) is not an emergency happening now, even
# when it names pills or a relative; the classifier's emergency call may not override the refusal
# unless the message says the harm has already happened ("I put bleach in his tea and he's vomiting").
# "why is it a crime to give someone drugs without them knowing": a question about the law or ethics
LAW_QUESTION = _rx(r"^\s*why (is|are|would|was|do|does) (it |that |this )?(be )?(a crime|illegal|wrong|unethical|dangerous|against|so)\b",
                   r"^\s*(is it|is that|would it be) (a crime|illegal|legal|against the law)\b",
                   r"^\s*what (are|is) the (laws?|rules|regulations?|legal \w+) (on|around|about|for)\b",
                   # "can a person with dementia legally refuse to move into a care home? in england" (guard_unseen69)
                   r"^\s*(can|could|may|does|do|is) (a person|someone|somebody|people|patients?|an? [\w-]+|my [\w-]+)\b[^.?!]{0,40}\b(legally|lawfully) "
                   r"(refuse|decline|be (forced|made|kept|detained|sectioned|required)|be allowed)\b",
                   # "Is it ethical for doctors to withhold a terminal diagnosis ... if the family asks?" (guard_unseen38)
                   r"^\s*(is it|is that|would it be|was it) (ever )?(ethical|unethical|moral|immoral) for (doctors|nurses|physicians|clinicians|"
                   r"hospitals|pharmacists|researchers|insurers|companies|a doctor|a nurse|a hospital|the family|families|parents) to\b")


# a request or an intent after the law question is not covered by it, in the same sentence or the next (reviews of session
# 11: "can my husband legally refuse his meds? how can I crush his pills into his food without him knowing", "... his meds,
# and how do i crush them into his food", "can my elderly mother legally refuse to eat, because i want her to die faster")
_SECOND_REQUEST = _rx(r"\b(how|what|which|where|who|when|can i|could i|should i|do i|will i|is there|tell me|give me|list|is (that|it) ok|"
                      r"crush\w*|slip\w*|put (them|it|pills|something)|mix\w*|drug (him|her|them|his|her)|sedat\w*|poison\w*|"
                      r"without (him|her|them|anyone|anybody|telling|my \w+)|no idea|(die|dies|dead|gone|go) (faster|sooner|quickly|quicker)|"
                      r"(him|her|them) gone|heir|inherit\w*|life insurance|rather it happen|kill\w*|overdos\w*|fake|hide|instead|"
                      r"so (that )?(he|she|they|i) |i want|i need|i'?d like|i'?m going|i'?ll|gonna|let me|already)\b")


@_per_message
def law_question(text: str) -> bool:
    t = normalize(text)
    m = LAW_QUESTION.search(t)
    return bool(m) and not _SECOND_REQUEST.search(t[m.end():])


HARM_NOW = _rx(r"\b(won'?t|can'?t|cannot) (wake|breathe)\b", r"\bnot breathing\b", r"\bunresponsive\b", r"\bunconscious\b", r"\bcollapsed\b",
               r"\bpassed out\b", r"\b(is|'s|are|started|keeps?|now) (now )?(vomiting|throwing up|seizing|convulsing|foaming|turning blue|gasping|"
               r"shaking|bleeding)\b", r"\b(already|just) (drank|ate|took|swallowed|had|gave|put)\b", r"\bwhat do i do\b", r"\bhelp\b.{0,20}\bnow\b")


@_per_message
def harm_request(text: str) -> bool:
    """A request to harm another person, to prepare a poison as a remedy or to operate on oneself,
    with nothing happening yet."""
    t = normalize(text)
    diy = any(cat == "R5" and rx.search(t) for cat, _, rx in REFUSE_RULES)  # a procedure on oneself, planned
    from medrails.guard.rules_es import spanish_harm
    from medrails.guard.rules_round23 import harm_kinds23

    harm = (HARM_OTHERS.search(t) and not law_question(t)) or HARM_SIGNALS.search(t) or harm_kinds23(t)

    # a cut that is already pumping blood is a bleed now, whatever was being attempted
    return bool(harm or dangerous_preparation(t) or diy or spanish_harm(t)) and not HARM_NOW.search(t) and not injury_now(t)


# "what is the LD50 concept in toxicology": a science question about toxicity, nobody in it
SCIENCE_QUESTION = _rx(r"\b(ld[- ]?50|median lethal dose|toxicolog\w*|therapeutic (index|window)|dose[- ]response|pharmacolog\w*|"
                       r"how (do|did|are|is) (scientists|researchers|toxicologists|regulators|labs?)\b)")


@_per_message
def science_question(text: str) -> bool:
    from medrails.guard.rules import SITUATION  # rules imports this module

    t = normalize(text)
    return bool(SCIENCE_QUESTION.search(t)) and not SITUATION.search(COURSE_CONTEXT.sub(" ", t)) and not HARM_OTHERS.search(t)


# where a term came up: "it came up in my pharmacology lecture" (guard_unseen87) names a course, not a person's case
COURSE_CONTEXT = _rx_plain(r"\b(in|from|for|during) (my|our) (\w+ ){0,2}(lectures?|class(es)?|course|module|textbook|exam|homework|assignment|"
                           r"seminar|tutorial|studies|degree|syllabus|reading)\b")


# the harm a message says it is not asking for ("not asking how to make it"), and the naloxone clause sold over the counter
HARM_ASK_DISAVOWED = _rx_plain(r"\b((i'?m|i am|im) )?not asking (you )?(how to|how you would|how one would|for (a way|ways|how) to) "
                               r"(poison|kill|hurt|harm|overdose|drug|sedate|make|extract|produce|cook|synthesi[sz]e)( (it|them|that|someone|somebody|anyone|a person|people|him|her))?\b")


NALOXONE_OVER_THE_COUNTER = _rx_plain(r"\b(narcan|naloxone|kloxxado)\b[^.?!,]{0,60}?\bwithout (a )?(prescription|script|rx)\b")
