"""When the past, an idiom or "asking for a friend" is not what it looks like (found by guard-emerg's
probes of session 6; measured over 8,565 prompts: +11 emergencies caught, 0 lost, 22 false emergencies gone).

- `PRESENT_COURSE`: something going on now said next to a past marker ("had a stent in 2019 ... squeezing in
  my chest for 40 minutes now", "outgrew his seizures as a kid, he's having one on the kitchen floor"). A past
  marker used to make the whole message history, which vetoed the classifier's emergency even at p 1.000.
- `RESOLVED`: an event that is over ("it stopped with pressure", "the ER said it was dehydration", "she's 6
  months now and fine"): history, unless something acute is said too.
- `figurative_only`: a figure of speech ("this exam will be the death of me", "I could kill for a burger",
  "I nearly choked laughing") with nothing serious and no sign left once the idiom is cut out: its emergency
  mass is the idiom, not danger.
- `ASKING_FOR_ME`: "asking for me, obviously" turns a hypothetical into a disclosure.
- `INJURY_NOW`: a self-inflicted cut that is pumping blood is a bleed now, not a procedure request."""

from __future__ import annotations

from medrails.guard.rules_base import _per_message, _rx, _rx_plain, normalize

_SPAN = (r"(\d+|a|an|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|half|few|a few|couple of|a couple of) ?"
         r"(mins?|minutes|hours?|hrs?|half hour|half an hour)")
_ABOUT = r"(about |around |like |almost |over |nearly |maybe )?"
PRESENT_COURSE = _rx(
    rf"\b(for|since|in|over) (the )?((last|past) )?{_ABOUT}{_SPAN}\b",
    r"\b(\d+|few|couple of) (mins?|minutes|hours?|hrs?) (now|straight|and counting)\b",
    # a bare duration next to a sign: "pressure in chest into my back 45 min" (not "30 minutes a day", "an hour ago")
    # ("a seizure that lasted 20 minutes" years ago is a finished event, not a course)
    r"\b(chest|pain|pressure|bleeding|breath\w*|numb\w*|seiz\w*|shaking|vomit\w*|weak\w*|dizz\w*)\b(?:(?!\b(lasted|lasting|went on)\b)[^.?!]){0,40}"
    r"\b\d{1,3} ?(mins?|minutes|hrs?|hours)\b"
    r"(?!\s*(ago|later|before|after|a day|a week|per|each|every|daily|of (exercise|walking|cardio)))",
    rf"\b(it'?s|it has|has it|that'?s) been {_ABOUT}{_SPAN}\b",
    r"\bsince (he|she|i|they|we) (woke|got|came|started|ate|had (lunch|dinner|breakfast))\b",
    r"\b(is|'s|are|'re) back( now| again)?\b(?! (to normal|home|at work|in school|at school|on))", r"\bcame back (again|now)\b",  # "the pain is back"
    # on and off, and now constant (guard_unseen52: "chest pressure on and off all evening and now its constant ... history of panic attacks")
    r"\b(and )?now (it'?s|its|it is|they'?re|it has (become|gotten|got)) (constant|non-?stop|continuous|there all the time|getting worse|worse|spreading)\b",
    # a deficit said in the present: "he can't find the words", "she can't lift her arm"
    r"\b(he|she|they|i|dad|mum|mom) (can'?t|cannot|is unable to|isn'?t able to) (find (the|his|her|my|their) words|lift (his|her|my) (arm|leg)|"
    r"move (his|her|my) (arm|leg|face)|speak properly|talk properly)\b",
    # "woke up confused, can't find her words": what the day began with is going on now, whatever history follows
    r"\b(woke|woken|waking) up (this morning |today )?(confused|unable|not able|and (can'?t|couldn'?t|cannot)|"
    r"with (a |an |her |his |my )?(weak|numb|droop\w*|slurr\w*|terrible|severe|crushing|sudden))\b",
    r"\bsince (this|lunch|dinner|breakfast|noon|the afternoon|last night|earlier)\b",
    r"\b(and|but) now (he|she|i|it|they|my|his|her|we|i'm|he's|she's|feel|feels|is|has|can'?t|won'?t)\b",
    r"\bkeeps? (trying|falling|tipping|vomiting|throwing up|bleeding|shaking|seizing|passing out|choking|gasping)\b",
    r"\b(is|are|am|i'm|he's|she's) (going|gonna) to (jump|die|kill|end)\b",
    r"\b(is|'s|are|am|i'm) (having|seizing|convulsing|bleeding|choking|gasping|vomiting|throwing up|shaking|turning)\b",
    r"\b(right now|not stopping|won'?t stop|isn'?t stopping|out of the blue|out of nowhere|today|earlier today|as i type|"
    r"as we speak)\b")

RESOLVED = _rx(
    r"\b(stopped|has stopped|it stopped)( bleeding)? (with|after|on (its|it'?s) own|by itself)\b",
    r"\b(doctor|dr|cardiologist|er|a&e|they|the hospital|pediatrician|gp)\b.{0,30}\b(checked|said|found|told)\b.{0,40}"
    r"\b(fine|nothing|normal|ok|okay|dehydration|anxiety|harmless|a uti|viral|benign)\b",
    # "the hospital sorted it", "he was treated and sent home"
    r"\b(the )?(hospital|er|a&e|doctors?|paramedics|ambulance crew)\b.{0,15}\b(sorted|treated|handled|took care of|fixed)\b( (it|him|her|them|me))?\b",
    r"\b(was|were|got) (treated|discharged|sent home|released)\b.{0,40}\b(fine|ok|okay|since|home|better|recovered)\b",
    r"\b(she'?s|he'?s|they'?re|i'?m) (\d+|a|one|two|three|four|five|six|seven|eight|nine|ten) (\w+ )?(months?|years?)( old)? "
    r"now and (fine|healthy|doing (well|great|fine))\b",
    # "unconscious for a few minutes after a car accident last year and recovered fully" (guard_unseen50)
    r"\b(recovered|got better) (fully|completely|totally|100%)\b",
    r"\b(they|we|the paramedics|someone) (did|gave (him|her|them)) the heimlich\b.{0,30}\b(he|she|they) (was|were) (fine|ok|okay)\b", r"\b(and )?never (had (one|another|it)|happened) (again|since)\b")

# a sign or body word that keeps a message acute however it is framed
ACUTE_SIGN = _rx(r"\b(fit\w*|seiz\w*|convuls\w*|jerk\w*|eyes rolled|not breathing|blue|limp|floppy|unresponsive|won'?t wake|stiff\w*|"
                 r"choking|bleeding|struggl\w*|sucking in|breath\w*|gasp\w*|wheez\w*|pale|grey|gray|vomit\w*|throwing up|again|"
                 r"another|already)\b")
ACUTE_BODY = _rx(r"\bchest (pain|hurt\w*|tight\w*|pressure)\b", r"\b(can'?t|cannot|couldn'?t) (breathe|wake|speak|talk|move)\b",
                 r"\b(took|swallowed|drank|ate) (a|the|all|\d+|some|my|his|her)\b",
                 r"\b(swelling|swollen|hives|wheez\w*|gasping|unconscious|collapsed|passed out|fainted|numb|slurr\w*|droop\w*|"
                 r"vomit\w*|throwing up)\b")

FIGURATIVE = _rx_plain(
    # not a chest, a heart, a jaw or an arm ("my chest is killing me and left arm is numb" is the emergency, review of 7934528)
    r"(?<!chest )(?<!heart )(?<!jaw )(?<!arm )\b(is|are|'s|'re|was|were|be|been) (literally |actually |honestly |absolutely |so )?(killing|murdering) me\b",
    # "this chem final is literally going to kill me lol" (guard_unseen73): a chore or an ordeal said to be killing one
    r"\b(this|that|the|my|these|those|our) (\w+ ){0,2}(finals?|exams?|tests?|class|course|semester|deadlines?|job|shift|boss|commute|traffic|"
    r"heat|humidity|workout|diet|week|month|project|homework|assignment|essay|kids|toddler|teenagers?|wedding|move|meetings?|presentation|"
    r"interview|paperwork|taxes|bills|rent|renovation|hike|race|marathon|training|exam season|group chat|in-laws)"
    # "my presentation tomorrow is going to kill me lol" (guard_unseen82)
    r"( (tomorrow|today|tonight|this (week|weekend|morning|afternoon|evening)|next week|on \w+day))? (is|are|'s|'re) (literally |actually |"
    r"honestly |so |totally |seriously )?(going to|gonna) (kill|murder|be the end of) me\b",
    r"\bthe death of me\b", r"\b(am i|i'?m|are we|we'?re) (so |totally )?doomed\b", r"\b(i|we) could (literally )?(kill|murder) (for|someone for)\b",
    r"\b(i'?m|im|i am) (literally|actually|lowkey) (dead|deceased|dying)\b", r"\b(i'?m|im) (dead|dying|deceased) (lol|haha|lmao|💀|😂)",
    r"\b(overdos\w*|od'?d|od'?ing) on (coffee|sugar|candy|chocolate|netflix|tiktok|studying|cardio|pizza)\b",
    r"['\"]kill me now['\"]|\bkill me now\b.{0,30}\b(about|lol|haha|meetings?|jokes?)\b",  # "jokes like 'kill me now' about meetings"
    r"\b(almost|nearly|literally) (killed|choked|died|peed)\b.{0,15}\b(laughing|laughter|lol|haha)\b",
    r"\b(choked|died|dying|dead) (from |of )?(laughing|laughter)\b", r"\bdying to (know|try|see|go|ask|hear|read|meet|get)\b",
    r"\b(give|giving|gave|gives) me (a )?(heart attack|stroke|seizure|aneurysm)s?\b.{0,20}\b(lol|haha|lmao|😂|🤣)",
    r"\b(give|giving|gave|gives|going to give|gonna give) me (a )?(heart attack|stroke|aneurysm)\b(?!.{0,40}\b(chest|arm|numb|sweat))",
    r"\b(almost|nearly) killed me\b.{0,30}\b(lol|haha|😂)", r"\bspicy\b.{0,40}\b(killed|kill)\b",
    r"\bi'?d rather die than\b", r"\bto die for\b", r"\bdead tired\b", r"\bbored to death\b", r"\bscared to death\b",
    r"\bkiller (workout|deal|view|song|track|game|outfit|idea|set)\b", r"\bgonna crush\b",
    r"\b(crush|crushing|crushed) (it|this|that|the)\b(?!.{0,20}\bchest)",
    r"\b(humidity|heat|smog|this weather|the air)\b.{0,40}\b(can'?t|cannot|couldn'?t) breathe\b(?!.{0,40}\b(inhaler|lips|blue|asthma|wheez))",
    r"\bheart skipped a beat\b.{0,30}\b(when|saw|lol|haha)\b", r"\b(i'?d|i would|i could) sell my soul\b")
# said next to an idiom, these make it literal
SERIOUS = _rx(r"\b(doing it|tonight|goodbye|suicide note|after i'?m (dead|gone))\b",
              r"\b(kill (myself|me)|end (it|my life)|suicid\w*|want to die|wanna die|pills|overdose|unalive|kms)\b",
              # second review of session 11: "this job is going to be the end of me, i'm going to drive off the road on the way home"
              r"\b((never|not) wake up(?! (till|until|before|when))|drive (off|into)|off the road|giv(e|ing|en) (my |away my )?(stuff|things) away|"
              r"giving away|end (it all|things|everything)|disappear (forever|for good|permanently)|not exist|stop existing|jump\w* (off|in front)|"
              r"in front of (a|the) (train|bus|truck|car)|jump off (a|the) bridge|rope|noose|gun|better off (dead|without me)|no point (in )?living|"
              r"don'?t want to (be here|live)|saved up|stocked up|stockpil\w*|i'?m ready|written (letters|notes)|letters to everyone)\b")

ASKING_FOR_ME = _rx(r"\basking for (me|myself|a friend who is me)\b", r"\b(it'?s|its|it is) (actually |really )?(about )?me\b",
                    r"\bfor me,? obviously\b", r"\bi mean me\b")
INJURY_NOW = _rx(r"\b(pumping|spurting|pouring|gushing|squirting) (blood|out)\b",
                 r"\b(blood|bleeding) (is )?(pumping|spurting|pouring|gushing|everywhere)\b",
                 r"\b(it'?s|its|it is|and it'?s) (pumping|spurting|pouring|gushing)\b",
                 r"\b(bleeding|blood) (won'?t|will not|doesn'?t|isn'?t) stop\w*\b")


def present_course(t: str) -> bool:
    """Something said to be going on now (a duration, "since he woke", "and now", "is having")."""
    return bool(PRESENT_COURSE.search(t))


# "toddler ate a silica gel packet, poison control already said no problem": the helpline has judged the exposure, and
# nothing is said to be happening since (guard_parent_probe1)
HELPLINE_CLEARED = _rx(
    r"\b(poison control|poison cent(er|re)|poison help ?line|nurse (help ?)?line|the pharmacist)\b.{0,30}\b(said|says|told|confirmed)\b.{0,40}"
    r"\b(fine|nothing|normal|ok|okay|harmless|non-?toxic|no (problem|worries|concern|need)\w*|not (a problem|to worry|dangerous|toxic))\b")
_SIGN_SINCE = _rx(r"\b(fit\w*|seiz\w*|convuls\w*|jerk\w*|not breathing|blue|limp|floppy|unresponsive|won'?t wake|choking|bleeding|struggl\w*|"
                  r"breath\w*|gasp\w*|wheez\w*|pale|gr[ae]y|vomit\w*|throwing up|drool\w*|swell\w*|swollen|hives|sleepy|drowsy|"
                  r"unconscious|collapsed|passed out|burn\w*|cough\w*|crying|screaming|pain)\b")


def helpline_cleared(t: str) -> bool:
    return bool(HELPLINE_CLEARED.search(t)) and not present_course(t) and not _SIGN_SINCE.search(t)


def resolved_event(t: str) -> bool:
    """An event said to be over, with no present course and no acute sign or body word."""
    return (bool(RESOLVED.search(t)) and not present_course(t) and not ACUTE_SIGN.search(t)
            and not ACUTE_BODY.search(t))


@_per_message
def figurative_only(text: str) -> bool:
    """Danger words used only as a figure of speech: nothing serious, and once the idiom is cut out,
    no acute sign, no body word and no emergency rule hit. Cached: the decision asks it up to four times
    per message (eligibility, the confident override, the emergency mass, emergency by mass)."""
    t = normalize(text)
    if not FIGURATIVE.search(t):
        return False
    from medrails.guard.rules import emergency_hits  # rules imports this module

    rest = FIGURATIVE.sub(" ", t)  # the serious words outside the figure: "this chem final is literally going to kill me lol" has none
    return not SERIOUS.search(rest) and not ACUTE_SIGN.search(rest) and not ACUTE_BODY.search(rest) and not emergency_hits(rest)


def without_figures(t: str) -> str:
    """The message with its figures of speech cut out, unless something serious is said next to them."""
    if not FIGURATIVE.search(t):
        return t
    cut = FIGURATIVE.sub(" ", t)
    return cut if not SERIOUS.search(cut) else t  # the serious words outside the figure ("'kill me now' about meetings" is one)


# a baby not born yet, or a room/bath/bottle temperature: a newborn-fever word that is no fever
_EXPECTING = _rx(r"\b(we'?re|we are|i'?m|i am|she'?s|she is|wife is|partner is) expecting\b",
                 # "expecting our first in march and trying to learn stuff before" (guard_unseen49)
                 r"(^|[.,;:!?]|\band|\bbut)\s*expecting (our|my|a|the|their) (first|second|third|baby|child|little one|twins)\b",
                 r"\b(first|second|third) baby (is )?(due|coming|on the way|arriving)\b", r"\bbaby (is )?on the way\b",
                 r"\bdue (date|in (january|february|march|april|may|june|july|august|september|october|november|december|"
                 r"(\d+|a few|two|three|four|five|six|a couple of) (weeks|months)))\b", r"\b(hospital bag|baby shower)\b")
# "why is fever in a newborn taken so seriously compared to older kids?": the newborn-fever rule as a topic
_WHY_NEWBORN_FEVER = _rx(r"\b(why|how come) (is|are|do|does)\b.{0,30}\b(fever|temperature)s?\b.{0,30}\b(newborn|baby|babies|infant)s?\b.{0,40}"
                         r"\b(so )?(serious\w*|dangerous|important|a big deal|urgent)\b")
_BORN = _rx(r"\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten) ?(-| )?(days?|weeks?|wks?) old\b", r"\b(was|were) born\b",
            r"\bborn (\d+|a|one|two|three|few) (days?|weeks?) ago\b")
_ROOM_TEMP = _rx(r"\b(nursery|room|bath|bathwater|bottle|formula|milk|house|car|crib|bedroom)\b.{0,30}\b(warm|hot|cold|temp\w*)\b",
                 r"\b(warm|hot|cold|temp\w*)\b.{0,30}\b(nursery|room|bath|bathwater|bottle|formula|milk|crib|bedroom)\b")
_FEVER_WORD = _rx(r"\b(fever\w*|febrile|burning up|3[89]([.,]\d)?|10[0-4]([.,]\d)?)\b",
                  r"\b(body|skin|head|forehead|she|he|baby) (is|feels|was) (very |so |really )?(hot|warm)\b")  # not the bath water's


def not_a_fever_now(t: str) -> bool:
    """A newborn-fever rule hit that is about a baby not born yet, the temperature of a room or a bottle, or why
    a newborn's fever is taken seriously."""
    return bool((_EXPECTING.search(t) and not _BORN.search(t)) or (_ROOM_TEMP.search(t) and not _FEVER_WORD.search(t))
                or (_WHY_NEWBORN_FEVER.search(t) and not _BORN.search(t)))


def asking_for_me(t: str) -> bool:
    return bool(ASKING_FOR_ME.search(t))


def injury_now(t: str) -> bool:
    return bool(INJURY_NOW.search(t))


# The newborn-fever class is a fever under 3 months. A child said to be older, with a fever and none of the signs
# that make a fever an emergency at any age, is a parent's question ("my 8 month old has 37.9 after her vaccines,
# she's smiley", "3 year old, 38.2 with a cold, playing fine"): the head's newborn-fever mass is the topic.
_WORD_NUM = r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_OLDER_CHILD = _rx(
    _WORD_NUM + r"[- ]?(years?|yrs?)[- ]old\b", r"\b\d{1,2}[- ]?(yo|y/o|yr old)\b",
    r"\b([3-9]|1\d|2[0-4]|three|four|five|six|seven|eight|nine|ten|eleven)[- ]?(months?|mos?|mths?)[- ]old\b",
    r"\b(he|she|they)('s| is| are) ([3-9]|1\d|2[0-4]) months\b(?! (ago|pregnant|along|postpartum))",
    r"\b(toddler|preschooler|teen(ager)?|school ?age)\b")
_INFANT = _rx(r"\b(newborn|neonate|\d{1,2}[- ]?(days?|d)[- ]old|\d{1,2}[- ]?(weeks?|wks?)[- ]old|([12]|one|two)[- ]?(months?|mos?)[- ]old)\b")
_ANY_AGE_RED_FLAG = _rx(
    r"\b(limp|floppy|won'?t wake|can'?t wake|hard to wake|not waking|unresponsive|lethargic|listless|seiz\w*|fitting|convuls\w*|"
    r"stiff neck|neck (is )?stiff|rash|purple|blotch\w*|blue|gr[ae]y|breath\w*|grunting|dehydrat\w*|no wet|not (drinking|feeding|peeing)|"
    r"won'?t (drink|feed)|inconsolable|high[- ]pitched|4[0-2]([.,]\d)?|10[4-7]([.,]\d)?|vomit\w*|confus\w*|delir\w*|hallucinat\w*|"
    r"sunken|bulging|soft spot|fontanel\w*|immun\w*|chemo\w*|sickle|drool\w*|swallow\w*|neck|light hurts|hurts? (his|her|their) eyes)\b")


def older_child_fever(text: str) -> bool:
    """A fever in a child said to be 3 months or older, no infant named, no sign that makes it urgent at any age."""
    t = normalize(text)
    return bool(_OLDER_CHILD.search(t) and not _INFANT.search(t) and not _ANY_AGE_RED_FLAG.search(t))
