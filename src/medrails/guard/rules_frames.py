"""Question and situation frames the rules share (split out of rules.py for size): a hypothetical or
general question, an education marker, something happening now, support and safety-proofing frames,
a known long-standing condition or a recurring pattern, a diagnosis ask, a why-question, an acute
marker, and first-aid learning."""

from __future__ import annotations

from medrails.guard.rules_base import _rx, _rx_plain

# nothing going on now (for the next-time frames below, which follow a past event in multi-part messages)
_NOT_NOW = (r"^(?!.*\b(right now|just now|now (he|she|they|i)|(a|one|\d+|few|couple( of)?) (min|mins|minutes?|hours?|hrs?) ago|an hour ago|"
            r"won'?t (wake|stop|respond|breathe)|can'?t (wake|breathe)|not (breathing|responding|waking)|unresponsive|tonight|today|this (morning|"
            r"afternoon|evening)|is (having|seizing|bleeding|choking|convulsing))\b)")
# "what should you do if someone is having a seizure?" is first-aid education, not an emergency,
# unless the message also says it is happening to a real person now
HYPOTHETICAL = _rx(r"\b(what|how)\b.{0,30}\b(should|do|can|would)\s+(you|one|people|a person|bystanders)\b.{0,40}\b(if|when)\b",
                   # "what do you do for someone who fainted", "how should i help a friend having a panic attack"
                   r"\b(what|how)\b.{0,20}\b(do|should|can|could)\s+(you|one|i|we)\s+(do for|help|treat|handle|care for|support)\s+"
                   r"(someone|somebody|a person|people|a friend|a child|a baby|a student|a patient|a coworker|an? (older|elderly) person)\b",
                   r"\b(if|when)\s+(someone|somebody|a person|a child|a baby|an infant|people|a friend|a student|a patient)\b",
                   # "what would happen if a kid swallowed a small magnet? asking because my nephew's toy set has them" (guard-multi),
                   # unless someone of the writer's did it or something is going on now
                   _NOT_NOW + r"(?!.*\b(my|our) [\w-]+('s)? (just )?(swallowed|ate|drank|took|got into|chewed|bit|fell|hit|inhaled|has|is)\b)"
                   r".*\b(if|when)\s+(a (kid|toddler|teen|teenager|preschooler|little one|grown-?up|senior)|an (adult|older person|elderly person)|"
                   r"kids|children|toddlers|teens|adults|your (kid|child|toddler|baby))\b",
                   r"\b(if|when|in case)\s+(i|you|we)\s+(ever\s+)?(find|see|come across|witness|encounter)\b", r"\bif i ever\b",
                   r"\b(want|need) to (be prepared|learn|know how)\b", r"\b(class|course|training|exam|lecture)\b",
                   # a past event and a question about a possible next time (multi-part messages): "roommate had a seizure 6 months
                   # ago ... what should i do if it ever happens again", "for next time"; HAPPENING_NOW still vetoes it
                   _NOT_NOW + r".*\b(if|when|in case)\s+(it|this|that|one|he|she|they)\s+(ever\s+)?(happens?|occurs?|comes back|starts?|has (one|another))\s+again\b",
                   _NOT_NOW + r".*\b(just )?(for|in case of) (the )?next time\b")
EDUCATION_MARKER = _rx(r"\b(signs?|symptoms?|warning signs?|causes?|risk factors?) (of|for)\b", r"\bfirst aid\b", r"^\s*(what|how|why|when|which|explain|define|describe)\b",
                       r"\b(in general|generally|typically|usually)\b", r"\?\s*$")
# "is it normal for my lips and eyes to swell after eating kiwi? its happening now" (guard_unseen42)
HAPPENING_AS_WE_SPEAK = (r"\b((it'?s|its|it is|this is|that'?s) happening|(?<!nothing is )(?<!nothing's )(?<!nothings )(?<!not )(?<!isn't )(?<!isnt )(?<!nothing )"
                         r"happening (right )?now|as we speak|as i (type|write) this)\b")
HAPPENING_NOW = _rx(r"\bright now\b", HAPPENING_AS_WE_SPEAK, r"\bmy\s+\w+\s+(is|has|just)\b", r"\b(literally |actually )?just (did|drank|took|ate|swallowed) (it|that|some|them)\b",
                   r"\b(he|she|they|he'?s|she'?s|they'?re|(my|our|the) [\w-]+( [\w-]+)?) (is |are )?(screaming|crying|vomiting|choking|seizing|"
                   r"not breathing|unresponsive|turning blue)\b", r"\b(he|she|they)('s| is| are| just)\b",
                   r"\b(they'?re|they are) (drooling|choking|turning blue|gasping|wheezing|unresponsive|not breathing|seizing|convulsing)\b", r"\bi('m| am)\s+(having|bleeding|choking)\b")

# Education framed around a person: helping someone ("what are the warning signs someone is suicidal,
# so I can support my friends") or asking why a known, long-standing condition does what it does ("my
# grandma has parkinsons, why does she shake", "my son gets nosebleeds every winter, why?"). Neither
# is an emergency happening now nor a request to diagnose, unless something acute is described.
SUPPORT_FRAME = _rx(r"\bso (that )?(i|we) (can|could|know how to) (support|help|look out|watch|spot|recognize|recognise|be (ready|prepared)|"
                    r"keep (them|him|her|my \w+|everyone) safe|respond|react)\b",
                    r"\bhow (do|can|should|could) (i|we|u|you) (best )?(support|help|talk to|approach|comfort|be there for|bring (it|this) up|bring up|raise|"
                    r"start a conversation|reach out to|check (in )?on)\b",
                    r"\bwhat (should|do|can|could) (i|we) say\b", r"\bwarning signs\b",
                    r"\bsigns (that )?(someone|a person|somebody|a friend|a loved one|people|a teen\w*|a child|kids)\b",
                    r"\bsigns?\b.{0,20}\b(someone|somebody|a person)\b", r"\b(want|need) to (teach|show|train|explain to)\b",
                    r"\bwhat signs (would|should|do|does|to) (actually )?(matter|look for|watch for|worry about)\b",
                    # safety-proofing: "the safest way to store my husband's opioids so the kids can't get to them"
                    r"\b(safest|best|right|proper|safe) (way|place|how) to (store|dispose of|get rid of|lock up|keep)\b",
                    r"\bso (the |my |our )?(kids|children|grandkids|toddlers?|baby|teens?|dog|pets) (can'?t|cannot|won'?t|don'?t|never)\b",
                    r"\b(look|watch) out for\b", r"\b(want|need) to be (ready|prepared)\b", r"\bhow (to|do i|do you) (talk|speak) (to|with)\b",
                    r"\bkeep (some )?(narcan|naloxone|an epipen|epi-?pens?)\b")
# A question about an emergency as a topic though a person is named (guard_teen/everyday_probe1): how hospitals treat
# it ("how do hospitals treat someone who drank antifreeze? watched a true crime tiktok"), why a trend is dangerous
# ("why is that choking challenge so dangerous? I want to explain it to my brother"), or getting ready to look after
# others ("designated sober friend ... want to know what to watch for"). Only with nothing happening now (emergency_hits).
EMERGENCY_TOPIC_QUESTION = _rx(
    r"^\s*(so |ok |okay |lowkey |honestly |genuinely |serious question:? )?how (do|does|would|will|can|are) (hospitals?|doctors?|the er|ers|a&e|"
    r"paramedics|emts?|nurses|medics|poison control|they)\b.{0,25}\b(treat|manage|handle|save|help|deal with)\w*\b.{0,20}"
    r"\b(someone|somebody|a person|people|patients?|kids|children|a (child|kid|baby|toddler|teen|patient|person)|overdoses?|poisonings?)\b",
    r"^\s*is it (true|a myth|right|ok|okay|bad) (that )?",
    # "for a screenplay ... what do paramedics generally do first when they get to somebody who collapsed?" (guard_unseen59)
    r"\bwhat (do|does|would|should|will) (the )?(paramedics?|emts?|doctors?|nurses?|first responders?|medics?|lifeguards?|the er|a&e staff)\b.{0,25}"
    r"\b(do|check|look for|give|ask)\b.{0,40}\b(when|if|for|with)\b.{0,30}\b(someone|somebody|a person|a patient|people|a (child|kid|baby))\b",
    # "what are the signs that a baby is actually choking vs just gagging on food?" (guard_unseen63): telling two things apart
    r"\b(signs?|how (do|can|would) (i|you|we) (tell|know))\b.{0,30}\b(is|are) (actually |really |truly )?(choking|having a (seizure|stroke|heart attack)|"
    r"overdosing|in anaphyla\w*)\b.{0,30}\b(vs\.?|versus|or (just )?|rather than|and not)\b",
    # "why does heart attack pain sometimes spread to the jaw? my textbook mentions referred pain": how an emergency behaves
    r"^\s*(so |ok |okay )?(why|how come|how) (does|do|can|would|is|are) (a |an )?(heart attack|stroke|anaphylaxis|anaphylactic shock|seizure|"
    r"overdose|sepsis|cardiac arrest)( pain| symptoms?| signs?)? (sometimes |usually |often |always )?(spread|radiate|feel|cause|show|present|look|happen|differ)",
    # "what's a thunderclap headache and why is it considered a warning sign?" (guard_unseen25)
    r"\bwhy (is|are) (it|they|this|that) (considered|called|seen as|treated as) (a |an )?(warning sign|red flag|emergency|dangerous|serious)\b",
    # "what's the difference between gagging and actual choking" (guard_unseen21)
    r"\b(what'?s|what is|whats) the difference between\b",
    r"^\s*(so |ok |okay |lowkey |honestly |genuinely |serious question:? )?why (is|are|was|were) (that |this |the |these |those )?.{0,60}"
    r"\b(dangerous|deadly|risky|harmful|bad for you|lethal)\b",
    # "What's the pathophysiology of anaphylactic shock? Need it for my immunology presentation", "what is actually happening
    # in anaphylaxis, why does the throat swell?" (guard_unseen38): the mechanism of an emergency, asked
    r"\b(what'?s|what is|whats|explain|describe)( \w+)? (the )?(pathophysiology|patho|mechanism|physiology|biology|immunology|chemistry|science) "
    r"(of|behind|in)\b",
    r"\b(what'?s|what is|whats) (actually |really )?(happening|going on) (in|during|with) (an? )?(anaphyla\w*|a stroke|a heart attack|a seizure|"
    r"an overdose|cardiac arrest|shock|sepsis|anaphylactic shock)\b")
# "can you actually die from not sleeping? finals week has me pulling all nighters", "can u OD on melatonin? my roommate eats
# the gummies like candy", "can you get pregnant from precum?" (guard_teen/everyday_probe1): a yes/no fact question about
# a risk; the context is why it is asked. Not with one's own pills, a wish to die, or anything taken or happening now.
MYTH_QUESTION = _rx(
    r"(^|[:.!?]\s*)(so |ok |okay |lowkey |honestly |genuinely |serious question:? |real question:? |quick q:? |wait |"
    r"(dumb|stupid|silly|weird|random|quick) (q|qs|question)( but)?,? )?(can|could|do|does|will) "  # "dumb q but can you actually die from ..." (guard_unseen88)
    r"(you|u|ya|someone|somebody|a person|people|anyone|guys|girls) (actually |really |literally |legit |seriously |still )?"
    r"(die|od|overdose|get addicted|be addicted|get hooked|get pregnant|catch|get (an? )?(sti|std|hiv|infection)|go blind|get sick|"
    r"get alcohol poisoning|have a (heart attack|stroke))\b",
    # "can older people have a heart attack with just confusion?" (guard_unseen29), "is it possible to bleed internally and not see blood?"
    r"^\s*(can|could|do|does) (older |elderly |young |old |diabetic |healthy |fit )?(people|adults|women|men|kids|children|babies|someone|"
    r"athletes|teens|teenagers|students|runners|players)\b(?! (who|that|in my|on my)\b).{0,20}"  # "can young athletes actually have heart attacks?" (guard_unseen91)
    r"\b(have|get|die|bleed|stroke)\b",
    r"^\s*is it (actually |really |even )?possible (to|for (you|someone|a person|people|kids|women|men))\b",
    # guard_unseen64/66: "what kills you faster, no water or no food? random argument", "omg is it true we only use 10% of our brain??"
    r"^\s*what (kills|would kill|will kill) (you|a person|someone|people|a human) (faster|first|quicker|sooner)\b",
    r"^\s*((omg|wait|lol|ok|okay|so|honestly|hey|genuinely|serious question:?|quick q:?|random q:?)[\s,.!:]+)+is it (actually |really )?(true|a myth|real)\b",
    # "is menopause brain fog a real thing or am I imagining it" (guard_unseen62)
    r"^\s*(so |ok |okay )?is ([\w'-]+ ){1,4}(a real thing|actually real|really real|a myth|a real condition|legit)\b",
    # a claim heard and checked: "my friend says you can die from drinking too much water. is that real or internet nonsense" (guard_unseen52)
    r"\b(says?|said|told me|heard|read|saw|claims?)\b.{0,25}\b(you|u|people|someone|a person|anyone) (can|could) (actually |really )?(die|od|overdose|"
    r"go blind|get (sick|poisoned|addicted)|have a (heart attack|stroke))\b.{0,80}\b((is|was) (that|it|this) (really |actually )?(real|true|a thing|a myth|legit|"
    r"possible|nonsense|bs|made up)|true or (false|not)|real or|fact or (fiction|myth)|myth or)\b")
MYTH_VETO = _rx_plain(r"\b(all (of )?my|my (pills|meds|medication|medicine|prescription|bottle|tablets|[\w-]+ (pills|tablets))|for me|for myself|"
                      r"want to die|wanna die|end it|kill myself|suicid\w*|not wake up|never wake|took|taken|swallowed|drank|ate|just had|"
                      r"kill (yourself|themselves|himself|herself)|the date is|arranged|deciding to|"
                      # "is it true tylenol is a painless way? I have two bottles here and I'm so tired of everything" (guard_unseen61)
                      r"painless|tired of (everything|it all|living|life)|got into|"
                      # second review: a case after the myth ("my son just bit one", "had 4 bars", "mine is 3 weeks", "got bit ... cramping")
                      r"(just |got )bit|bit (one|it|into|him|her|me)|bitten|stung|had \d+|\d+ bars|mine is|mine'?s|drooling|cramping|"
                      r"my (\w+ ){0,3}(did|bit|ate|drank|swallowed|took)|everyone in (my|our) (house|home|flat|apartment|family)|all of us (have|are|feel)|we all (have|feel|are)|into (the|her|his|my|their|grandma'?s|grandpa'?s) (bottle|pill ?box|pills|meds|medicine|cabinet)|(bottles?|pills|tablets) (right )?(here|in front of me)|i have (two|2|three|3|a few|\d+) (bottles|packs|boxes))\b")
# the nature of a condition someone already has ("my coworker has celiac disease. what is it exactly? is it an allergy?",
# "is ADHD genetic? my partner and his dad both have it", guard_unseen54): the condition is named, nobody's diagnosis is asked
CONDITION_NATURE = _rx(
    r"\b(has|have|had|got|with|diagnosed with)\s+([\w'-]+\s+){0,3}?([\w'-]+(itis|osis|emia|aemia|ism)|disease|syndrome|disorder|deficiency|intolerance|"
    r"adhd|add|autism|asthma|epilepsy|diabetes|celiac|coeliac|lupus|crohn'?s|eczema|psoriasis|gout|migraines?)\b[^?]{0,10}[.,;!]\s*(so |but |ok |okay )?"
    r"what (is|'s) (it|that)( exactly| really| actually| even)?\b",
    r"^\s*(is|are|can) ([\w'-]+ ){1,3}?(genetic|hereditary|inherited|contagious|catching|curable|an allergy|autoimmune|the same as [\w' -]+)\s*\?"
    r"(?=.*\b((both|all|also|too) (have|has|had)|(my|his|her|our) [\w ]{1,30}? (has|have|had)) (it|that|them)\b)")
# "what's kawasaki disease? a mum at playgroup said her son had it", "can you list the common newborn rashes that look scary
# but are harmless" (guard_parent_probe1): a definition or a list of the common kinds is asked, not a diagnosis
DEFINITION_ASK = _rx(
    # "ignore the typos pls... whats the diffrence between tendonitis and a sprain" (guard_unseen62, 51)
    r"^(?!.*\b(do i have|which (one )?do i have|is (it|this|mine)|i think i have)\b).*\bwhat'?s? (is )?the (difference|diff\w*|dif\w*) (between|btwn|b/w)\b",
    r"^\s*(so |ok |okay |hi,? |hey,? |quick q:? |random q:? )?(what'?s|whats|what is|what are|what r|wat r|wat are|what'?re) (a |an |the )?(?!(this|that|these|those|it|wrong|"
    r"happening|going on|up|my|his|her|their|causing|making|the matter)\b)[\w'-]+( [\w'-]+){0,5}\s*\?",
    r"\b(can you |could you |pls |please |just )?list (the |some |all the )?(common|typical|usual|normal|main)\b",
    r"^\s*[a-z][\w'-]+( [a-z][\w'-]+)?\s*\?+\s*$")  # a bare term asked: "gout??"
HYPOTHETICAL_PERSON = _rx_plain(r"\b(someone|somebody|a person|people|patients?|kids|children|a (child|kid|baby|toddler|teen)) (who|that) (drank|drinks|took|"
                                 r"takes|swallowed|swallows|ate|eats|overdosed|overdoses|od'?d)\b",
                                 r"\b(might|may|could|would) have (swallowed|drunk|drank|eaten|taken|ingested)\b",
                                 r"\bif (they|he|she|someone|somebody|a (child|kid|person)) (swallowed|swallows|drank|drinks|ate|eats|took|takes)\b",
                                 # "is it true that putting a spoon in the mouth of somebody having convulsion is bad?" (guard_unseen24)
                                 r"\b(someone|somebody|a person|people|anyone) (having|who is having|who has|in the middle of) (a |an )?"
                                 r"(seizures?|convulsions?|fits?|stroke|heart attack|asthma attack|panic attack)\b",
                                 # "what do paramedics do first when they get to somebody who collapsed?" (guard_unseen59)
                                 r"\b(someone|somebody|a person|a patient|anyone|people) (who|that) (has |have |'s )?(just )?(collapsed|collapses|fainted|faints|"
                                 r"passed out|passes out|stopped breathing|is unconscious|are unconscious|is unresponsive)\b")
GETTING_READY = _rx(r"\b(designated (sober|driver|sitter)|sober (friend|buddy|sitter))\b", r"\bwhat to (watch|look) (out )?for\b",
                    r"\b(want|need) to explain (it|this|that) to\b",
                    # "36 weeks, trying to prepare ... before it happens", "nothing has happened, i just want to know" (guard_unseen21)
                    r"\b(trying to|want to|wanna|need to) (prepare|be prepared|get ready)\b", r"\bbefore it (happens|ever happens)\b",
                    r"\bnothing (has|had|'s) (happened|gone wrong)\b",
                    # "what does an anaphylactic reaction usually look like? I want nursery staff to be able to recognise one" (guard_unseen85)
                    r"\b(want|need|so|help) ([\w'-]+ ){0,4}(to be able to|be able to|can|could|to) (recogni[sz]e|spot|identify|notice) (one|it|them|the signs|the symptoms)\b")
_KNOWN_CONDITION = (r"\b(has|have|had|with|got|diagnosed with|suffers from|living with|'s got|his|her|their|my)\s+(a |an |bad |severe |mild |early |"
                    r"late[- ]stage |stage \w+ )?([\w-]+ )?(asthma|copd|emphysema|diabetes|parkinson'?s|parkinsons|alzheimer'?s|alzheimers|"
                    r"dementia|ms|multiple sclerosis|lupus|epilepsy|autism|adhd|arthritis|\w+itis|\w+osis|migraines?|eczema|psoriasis|cancer|"
                    r"heart failure|a-?fib|ibs|crohn'?s|crohns|celiac|coeliac|sickle cell|cerebral palsy|down'?s syndrome|down syndrome|"
                    r"tourette'?s|tourettes|tremors?|essential tremor|anxiety|depression|bipolar|schizophrenia|ocd|ptsd|hypothyroidism|"
                    r"hyperthyroidism|(an )?(under|over)active thyroid|thyroid \w+|kidney disease|cystic fibrosis|ha?emophilia|ana?emia|"
                    r"glaucoma|cataracts|tinnitus|vertigo|neuropathy|fibromyalgia|gout|scoliosis|allerg(y|ies)|hay fever|hiv|hepatitis \w|"
                    r"sleep apnea|narcolepsy|restless legs|raynaud'?s|pots|hypertension|high blood pressure|low blood pressure|long covid|"
                    r"lyme disease|hashimoto'?s|graves'? disease|dyslexia|dyspraxia|endometriosis|pcos|menopause|diverticul\w+|"
                    r"a pacemaker|a stoma|a heart murmur)\b"
                    r"|\b(is|'s) (on the )?(autism|autistic) spectrum\b"
                    r"|\b(had|survived) (a |an )?(stroke|heart attack|brain injury|tbi|concussion|polio)\b.{0,30}\b(\d+|a few|several|two|three|"
                    r"many) (years?|months?) ago\b"
                    r"|\b(is|'s|was|am|i'm|im)\s+(pregnant|diabetic|epileptic|asthmatic|autistic|in menopause|going through menopause)\b")
_RECURRING = (r"\b(every (time|morning|night|day|evening|afternoon|weekend|winter|summer|spring|autumn|fall|year|month|period)|everytime|always|"
              r"keeps? (getting|having)|"
              r"often|usually|whenever|in (the )?(winter|summer|cold|heat)|at night|each (morning|night|time|winter)|for years|"
              r"since (birth|childhood|(he|she|i) was (a baby|little|young|small|a kid))|most (days|nights|mornings)|all the time|"
              r"every (feed|feeding|meal|bottle|week|season)|after (every|each|most) \w+|so easily|with age|as (he|she|they|i) (gets?|got) older|"
              r"when(ever)? (she|he|they|i|we|you|kids|children|babies|people) (stands?|stand|gets?|get|eats?|eat|has|have|is|are|goes|go|wakes?|"
              r"lies|lie|sits?|sit|runs?|run|laughs?|laugh|cries|cry|drinks?|drink|exercises?|exercise|walks?|walk|sneezes?|coughs?|sleeps?|sleep)\b|"
              r"now that (she|he|they|i)('?s| is| am| are)? (older|old|in (her|his|their|my) \d0s)|"
              # a body quirk tied to a state or an everyday act ("why does my eye twitch when im tired", "why does my knee
              # click on stairs", "why do i sneeze when i look at the sun"): a pattern, not a case to diagnose
              r"when(ever)? (i'?m|im|i am|she'?s|he'?s|they'?re|i get|she gets|he gets) (tired|sleepy|stressed|nervous|anxious|hungry|cold|"
              r"hot|excited|dehydrated|on my period)|"
              r"(on|going up|going down|climbing|up|down) (the |a )?(stairs|steps)|"
              r"when(ever)? (i|she|he|they|you) (look|looks) (at|into|up)|"
              r"(after|during|from) (a |an |the |my |his |her |our |too much |long |big )*(long |big |salty |heavy |spicy |hot |cold )?(flights?|runs?|"
              r"meals?|dinner|lunch|breakfast|workouts?|exercise|showers?|baths?|swims?|screens?|drinking|eating|coffee|alcohol|wine|beer|"
              r"standing|sitting|flying|looking at|reading|crying|laughing|sneezing|yawning|sport|training|gym|hikes?|walks?))\b")
KNOWN_CONDITION, RECURRING = _rx(_KNOWN_CONDITION), _rx(_RECURRING)
DIAGNOSIS_ASK = _rx(r"\bwhat (condition|disease|illness|infection|is wrong|'?s wrong)\b", r"\bwhat (is|could|might) (it|this|that)( be)?\b",
                    r"\b(do|could|might) (i|he|she|they) have\b", r"\b(could|might|is) (it|this|that) (be )?(a|an)\b", r"\bdiagnos\w*\b")
WHY_QUESTION = _rx(r"\b(why|how come|what makes|what causes)\b", r"\bis (it|that|this) (common|normal)\b")
FRAME_ACUTE = _rx(r"\b(right now|just now|suddenly|all of a sudden|out of nowhere|tonight|this (morning|evening|afternoon)|today)\b", HAPPENING_AS_WE_SPEAK,
                  # "live content lol, my mouth is tingling and swelling ... and my chest is getting tight" (guard_unseen48): a body part doing it now
                  r"\bmy (mouth|throat|tongue|lips|face|chest|airway) (is|are|keeps?) (\w+ing|getting|going)\b",
                  r"\b(\d+|few|a few|couple of|ten|five|twenty|thirty) (mins?|minutes|hours?|hrs?) ago\b", r"\ban hour ago\b",
                  r"\b(won'?t|wont) (stop|wake|respond|answer)\b", r"\b(can'?t|cannot) (breathe|wake|speak|talk|move|stop|stand)\b",
                  r"\b(not breathing|unresponsive|unconscious|collapsed|fainted|passed out|turning blue|gone blue)\b",
                  r"\b(lips|face) (are |is |look |looks )?(blue|grey|gray)\b", r"\b(i'?m|i am|he'?s|she'?s|he is|she is|they'?re|they are|(my|our) [\w-]+ (is|'s)) having an? (seizure|stroke|heart attack|fit|attack)\b",
                  r"\b(took|swallowed|drank|overdos\w*|od'?d)\b",
                  r"\b(said|says|saying|told me|texted|threaten\w*|keeps saying) (that )?(she|he|they|she'?s|he'?s|they'?re)\b",
                  r"\bha(s|ve) (a|the) (plan|rope|gun|pills)\b", r"\b(is|'s|are|been|feeling) (so |really |very )?suicidal\b",
                  r"\b(wants?|going|gonna) to (die|kill|end)\b", r"\bkill (himself|herself|themselves|myself)\b",
                  r"\b(cutting|hurting|harming|burning) (himself|herself|themselves|myself)\b", r"\bself[- ]harm\w* (again|tonight)\b",
                  r"\b(is|'s|are) (now )?(vomiting|throwing up|confused|sweating|sweaty|bleeding|seizing|convulsing|gasping|slurring|fainting|"
                  r"passing out|struggling to breathe|choking|unresponsive|limp)\b", r"\bchest (pain|hurt\w*|tight\w*|pressure)\b",
                  r"\b(breathless|short of breath|faint\w*|pass(ed|es)? out|black(ed|s)? out|blue|grey|gray)\b",
                  r"\bjust (had|took|swallowed|drank|collapsed|fainted)\b", r"\b(droop\w*|slurr\w*|numb)\b", r"\bcan'?t (lift|raise|feel)\b")


# A terse case with no pronoun that ends in "?" ("took 40 sleeping pills, what now?", "face drooping and slurred
# speech since 5 min, stroke?") is a description, not a topic question ("stroke symptoms?", "heart attack signs
# in women?"): it starts with no question word and names no topic (signs, symptoms, treatment, causes...).
TOPIC_QUESTION = _rx(r"^\s*(what'?s|whats|what|which|how|why|when|who|where|is|are|can|could|does|do|should|would|will|explain|define|"
                     r"describe|tell me|list|difference|compare|info|information)\b",
                     r"\b(signs?|symptoms?|warning|causes?|risks?|risk factors?|treatments?|treated|prevent\w*|definition|meaning|mean|"
                     r"explain\w*|first aid|in general|generally|typically|usually|normal|statistics|rates?|vs\.?|versus|difference|"
                     r"history|facts?|myths?|types?|stages?|diagnos\w* of|how (is|are|do|does)|what (is|are|to do))\b")
FIRST_AID = _rx(r"\b(first[- ]aid|cpr|aed|heimlich|recovery position|lifeguard\w*|scouts|babysitting course|refresher|certification|"
                r"(a|the|my|our) (course|class|training)|graze|(a|the|his|her|my|minor|small|little) scrape|splinter|(a|the) tick|blister|bruise|sprain|(minor|small|little) (cut|burn|graze))\b"
                # a first-aid kit is where a thing came from, not a lesson ("hydrogen peroxide from the first aid kit ... how long should i swish", guard_unseen91)
                r"(?<!first aid)(?<!first-aid)(?! kit| box| supplies| cabinet)")
