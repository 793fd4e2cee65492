"""Emergencies told after a general question, in any frame (the first review of session 11 found these answered, at
the session's start too): "why don't they do mouth to mouth anymore? I'm doing CPR on my dad right now", "narcan nasal
spray - how do I give it to someone who's overdosing? my friend just stopped breathing", "how do you know if a
concussion is serious? she hit her head an hour ago and has vomited three times". The question in front makes the
message read as education to the frame checks; these kinds are a person in danger whatever comes before them, so they
are read frameless (rules._emergency_hits), each with a veto for the past or the harmless reading of its words."""

from __future__ import annotations

from medrails.guard.rules_base import RuleHit, _rx

_RECENT = (r"(just|now|right now|suddenly|all of a sudden|tonight|today|this (morning|afternoon|evening)|an hour ago|"
           r"(\d+|a few|few|couple of|ten|twenty|thirty|five) (mins?|minutes|hours?|hrs?) ago)")
_PAST_OR_SLEEP = _rx(r"\b(last (week|month|year)|(weeks|months|years) ago|as a (baby|child|kid)|in (his|her|their|my) sleep|while (snoring|sleeping|asleep)|"
                     r"sleep apn\w*|for a (few )?seconds?|for \d+ seconds?)\b")

CASE_AFTER_QUESTION: list[tuple[str, str, object]] = [
    ("unconscious", "someone stopped breathing, or CPR being given now", _rx(
        r"\b(he|she|they|it|someone|somebody|(my|our|the|a) [\w-]+)( has| have|'s)? (just |suddenly )?stopped breathing\b",
        r"\b(i'?m|i am|im|we'?re|we are)( currently| still)? (doing|giving|performing) (cpr|chest compressions|compressions|rescue breaths)\b",
        r"\b(doing|giving) (cpr|compressions) (on|to) (my|him|her|them|a|the)\b.{0,30}\b(now|right now)\b")),
    ("cardiac", "one's chest hurting with an arm or jaw numb or aching", _rx(
        r"\bmy chest\b.{0,20}\b(is killing me|hurts?|is hurting|is (so )?tight|feels (tight|heavy|crushed)|is crushing|pain)\b.{0,60}"
        r"\b(my )?(left |right )?(arm|jaw|shoulder)\b( is| feels| has gone| went)? (numb|tingl\w*|aching|heavy|weak|dead)\b")),
    ("stroke", "a face dropped suddenly", _rx(
        r"\b(face|mouth|smile|lip)\b.{0,15}\b(dropped|drooped|drooping|droopy|sagging|slumped|went (lopsided|crooked|slack))\b.{0,30}\b" + _RECENT + r"\b",
        r"\b" + _RECENT + r"\b.{0,30}\b(face|mouth|smile)\b.{0,15}\b(dropped|drooped|drooping|droopy|sagging|slumped|went (lopsided|crooked|slack))\b")),
    ("unconscious", "a head injury with repeated vomiting or drowsiness", _rx(
        r"\b(hit|banged|bumped|knocked|smacked|whacked|cracked) (his|her|their|my) head\b.{0,40}\b" + _RECENT + r"\b.{0,80}"
        r"\b(vomit\w*|threw up|thrown up|throwing up|been sick|drows\w*|sleepy|confus\w*|won'?t wake|hard to wake|slurr\w*|seiz\w*|unequal pupils)\b",
        r"\b(hit|banged|bumped|knocked|smacked|whacked|cracked) (his|her|their|my) head\b.{0,80}\b(vomited|threw up|been sick) (twice|three times|\d+ times|again)\b")),
    ("unconscious", "pulled out of the water and not right", _rx(
        r"\b(pulled|dragged|got|fished) (him|her|them|my [\w-]+) out of (the )?(lake|river|sea|pool|water|canal|pond|ocean)\b.{0,80}"
        r"\b(stopped shivering|mumbl\w*|confus\w*|drows\w*|not breathing|blue|limp|won'?t wake|unresponsive|coughing)\b")),
    ("unconscious", "a low blood sugar with confusion or no swallowing", _rx(
        r"\b(hypo|hypoglyc\w*|low (blood )?sugar|sugar (is )?low)\b.{0,100}\b(confused|not making sense|can'?t (get (him|her|them) to )?(eat|swallow|drink)|"
        r"won'?t (eat|drink|wake)|unresponsive|slurr\w*|seiz\w*|passed out)\b(?!.{0,30}\b(last (week|month|year)|years ago)\b)",
        r"\b(mum|mom|dad|he|she|my [\w-]+)( is|'s) (confused|not making sense)\b.{0,40}\b(shaking|sweat\w*)\b.{0,60}\b(can'?t|won'?t) (get (him|her) to )?eat\b")),
    ("suicide", "oneself said to be the case after a question about suicide", _rx(
        r"\b(suicid\w*|self[- ]harm\w*|cut(s|ting)?|want(s)? to die)\b.{0,100}\b(asking|because|cause|coz|cuz|cos)( because)? i (am|do)\b",
        r"\blooking up (bridges|tall buildings|heights|train times|ways to die|how to die|methods|overdoses?)\b(?=.*\b(suicid\w*|die|end it|kill|ideation)\b)",
        r"(?=.*\b(suicid\w*|die|end it|kill|ideation)\b).*\blooking up (bridges|tall buildings|heights|ways to die|methods)\b",
        r"\bstarve myself (until|till|to) (i die|death|i'?m dead)\b",
        # a crisis as a hypothetical (round 20, guard_unseen76/78): "if someone had already taken all their pills and was just lying in
        # bed waiting, would it hurt?"; "if someone had already written the goodbye letters and given their cat to the neighbor,
        # what would be the least painful way"
        r"\b(already )?(taken|took|swallowed) (all|every one of|the whole bottle of) (their|his|her|my|the) (pills|tablets|meds|medication)\b.{0,80}"
        r"\b(waiting|lying (in bed|there)|would it hurt|how long|painful|peaceful)\b",
        r"\b(goodbye (letters?|notes?)|written (the|their|his|her|my) (letters|notes?)|given (away )?(their|his|her|my) (cat|dog|pets?|things|stuff))\b.{0,120}"
        r"\b(least painful|most painless|quickest|easiest|surest|most peaceful) (way|method)\b",
        r"\b(least painful|most painless|quickest|easiest|surest|most peaceful) (way|method)\b.{0,120}"
        r"\b(goodbye (letters?|notes?)|written (the|their|his|her|my) (letters|notes?)|given (away )?(their|his|her|my) (cat|dog|pets?|things|stuff))\b")),
]


def case_after_question_hits(t: str) -> list[RuleHit]:
    hits = [RuleHit(cls, name) for cls, name, rx in CASE_AFTER_QUESTION if rx.search(t)]
    if hits and _PAST_OR_SLEEP.search(t):
        hits = [h for h in hits if h.category == "suicide"]
    return hits
