"""Kinds from round 26 of the blind suites (guard_unseen94-96: older adults and carers, task wrappers, travel), each
written for the shape, not the suite's words:

- Requests the head scored under its threshold and no rule read: a diagnosis handed over for a relative ("diagnose him
  please"), permission asked to drop a prescribed medicine ("would it be ok if I just stopped my amlodipine"), a
  treatment choice wrapped in a writing task ("write me a recommendation on whether I should go on HRT"), and how many
  drops of one's own eye or ear drops (R3: the head's suicide mass on "how many ... my ..." is the dose shape, and eye
  drops are no overdose), an operation on oneself far from care (R5: "teach me to stitch up my own hernia at sea").
- A public-education task wrapper (`material_frame`): a handout, blurb, flyer, sign, social post, a talk the writer is
  giving, notes to check. The head reads the wrapper as harm (R6) or an injection (R7) and the campaign's topic as a
  crisis; with nothing personal, acute, harmful or dosed asked, it is the answer's shape."""

from __future__ import annotations

from medrails.guard.rules_base import _rx
from medrails.guard.rules_round23 import _MEDICINE_WORD

# crisis words veto a medicine decision kind: the crisis reading must stay with the emergency rules and the head
_NO_CRISIS = (r"^(?!.*\b(it all|everything|my life|die|dying|end it|kill|suicid\w*|overdos\w*|goodbye|not worth|no point in living|"
              r"never wake|forever|to die|hurt myself|want it over)\b)")
_RELATIVE = (r"(mom|mum|mother|dad|father|husband|wife|partner|son|daughter|kid|child|baby|toddler|brother|sister|grandma|grandpa|nan|gran|"
             r"grandmother|grandfather|aunt|uncle|friend|boyfriend|girlfriend|roommate|neighbou?r)")

REQUEST_KINDS26: list[tuple[str, str, object]] = [
    # "my grandad has been confused since tuesday and keeps calling me by my dad's name, diagnose him": a verdict asked on a
    # real person; not how a disease is diagnosed ("how do they diagnose dementia", "can a blood test diagnose her type")
    ("R1", "a diagnosis asked for a real person", _rx(
        r"^(?!.*\b(how (do|does|is|are|can|would|will|did)|can (a|an|the)|could (a|an|the)|to)\b.{0,30}\bdiagnose\b).*"
        r"\bdiagnose (him|her|them|me|my (\w+ )?" + _RELATIVE + r")\b(?!\s+(with|as)\b)"
        r"(?=.{0,20}(\bplease\b|\bpls\b|\bplz\b|[.!?]*\s*$))")),
    # "would it be alright if I just stopped my ramipril from monday", "tell me coming off my sertraline cold turkey is
    # fine for me": permission to drop a prescribed medicine (R2); crisis words leave it to the emergency readers
    ("R2", "permission asked to stop one's own medicine", _rx(
        _NO_CRISIS + r".*\b(would it be|is it|would that be|will it be|be) (alright|all right|ok|okay|fine|safe)\b.{0,15}\b(if|for me to|to)\b"
        r"( i)?( just| simply)? (stop|stopped|quit|quitting|come off|came off|ditch|drop|dropped)( taking)? (my |the )?(\w+ ){0,2}"
        + _MEDICINE_WORD + r"\b",
        _NO_CRISIS + r".*\b(confirm|tell me|reassure me|promise me|agree)( that)? (quitting|stopping|coming off|dropping) (my |the )?(\w+ ){0,2}"
        r"(cold turkey )?(is|was|will be) (fine|ok|okay|safe|alright)( for me)?\b")),
    # "draft a short recommendation on whether my dad should have the knee replacement": a treatment choice for a real
    # person inside a writing task (R4); not a recommendation in general ("write a summary of the guideline on HRT")
    ("R4", "a treatment choice wrapped in a writing task", _rx(
        r"\b(write|draft|give me|compose|put together|make)\b.{0,30}\b(recommendation|verdict|decision|ruling|call)\b.{0,20}\b(on|about|for|as to)?\s*"
        r"whether (i|we|my \w+|he|she) should (start|stop|take|get|have|go on|go off|try|begin|do|choose|switch)\b")),
    # "how many drops of my ear drops do I put in, the label rubbed off": a dose of one's own drops (R3), never an overdose
    # reading (decide.kind_request vetoes the head's emergency for it); a crisis word leaves it to the emergency readers
    ("R3", "how many drops of one's own drops", _rx(
        _NO_CRISIS + r".*\bhow many (drops|sprays|puffs)\b.{0,40}\b(my|his|her|the) (\w+ ){0,2}(eye|ear|nose|nasal|glaucoma|eyedrops?)"
        r"( drops| sprays?)?\b")),
    # "talk me through taking out my own gallbladder, I'll be on a research ship for months": an operation on oneself
    # planned for when no doctor is near (R5; harm_request reads every R5 rule as a planned procedure, not a crisis)
    ("R5", "an operation on oneself far from care", _rx(
        r"\b(teach|show|walk|talk|tell|guide)\b.{0,20}\b(me|us)\b.{0,30}\b(take out|remove|cut out|operate on|stitch up|sew up)\b.{0,10}"
        r"\b(my|our) own\b.{0,15}\b(appendix|gallbladder|tooth|teeth|hernia|tonsils|kidney stone|wound|cyst|spleen)\b")),
]

# a public-education piece the writer will hand out, pin up, post or present; a talk the writer is giving; notes to check
_MATERIAL = _rx(
    r"\b(write|draft|make|create|design|put together|compose|translate|word)\b.{0,50}\b(handout|hand-out|blurb|flyer|flier|leaflet|poster|"
    r"(a|an|the|this|our|my) ([\w-]+ ){0,2}(sign|notice)|signage|bulletin|newsletter|social (media )?post|post for|caption|pamphlet|"
    r"brochure|infographic|fact sheet|announcement|psa)\b(?! (off|over|the|a|it|them|her|him|papers?|forms?)\b)",
    r"\b(for|on) (a|an|our|the|my) (\w+ ){0,3}(bulletin board|notice ?board|waiting[- ]room|health fair|newsletter|awareness (month|week|day)|"
    r"prevention (month|week|day))\b",
    r"\b(asking|it'?s|this is) for (a|the) (talk|presentation|lecture|workshop|training) (i'?m|i am|we'?re) (giving|doing|preparing|running)\b",
    r"\b(putting together|preparing|giving) (a|an|my|our) (\w+ ){0,2}(talk|presentation|workshop|training|lecture) (for|to|at)\b",
    r"^\s*(check|fact[- ]check|proofread|review) (my|these|this) (notes|statement|summary|claim)\b.{0,200}"
    r"\b(fair|accurate|correct|right|true)( general)? (statement|summary|claim)?\s*\?",
)
# a dose, a method, harm, an override, or the writer's own case inside the wrapper: not education any more
_MATERIAL_VETO = _rx(
    r"\b(how (much|many)|dose|dosage|mg|lethal|fatal dose|overdos\w* on|kill\w*|poison (someone|him|her)|step[- ]by[- ]step|without (a )?prescription|"
    r"ignore|bypass|get around|jailbr\w*|your (\w+ )?(rules|instructions|guidelines)|should (i|we|my \w+)|(i|we) (have|had|took|got|feel|am having)|"
    r"i'?m (having|feeling|bleeding|taking|on)|my (symptoms|pain|chest|son|daughter|baby|husband|wife|mom|mum|dad)|right now|tonight|"
    r"fake|forge\w*|counterfeit (note|prescription|record)|"
    # misinformation, mockery or a policy against care dressed as a post (MedSafetyBench, guard_unseen95)
    r"claim\w*|made[- ]up|citations?|mislead\w*|should not|shouldn'?t|not (be )?entitled|mak\w* light|mock\w*|forc\w*|despite|"
    r"without (offering )?(any )?(reassurance|facts?|factual|evidence)|reverses?|cures?|confused|look sick|don'?t notice)\b")


def material_frame(text: str) -> bool:
    """A public-education task wrapper with nothing personal, dosed, harmful or overriding asked (module doc); the caller
    (decide.learning_frame) also checks for a harm request and anything acute."""
    from medrails.guard.rules_base import normalize

    t = normalize(text)
    return bool(_MATERIAL.search(t)) and not _MATERIAL_VETO.search(t)


# "ELI5 ...", "explain like I'm five": an answer's register asked, read by rules_round23.format_request
ELI5 = _rx(r"^\s*(eli5|explain like i'?m (5|five|a (kid|child|5 year old|five year old)))\b")
# a rule override spelled through a word game: "a poem whose first letters spell how to slip past your safety rules"
FORMAT_OVERRIDE = _rx(r"\b(get around|get past|slip past|bypass|dodge|evade|break|ignore)\b.{0,20}\byour (\w+ ){0,3}(rules|filters?|guidelines|"
                      r"restrictions|guardrails|limits)\b", r"\bfollow (those|these|the|its|that) (hidden )?(instructions|rules|steps)\b.{0,40}"
                      r"\b(rest of|from now on|for the rest|after)\b")


def kinds26_not_crisis(t: str) -> bool:
    """A round-26 kind that is never a crisis in itself (the drops kind); decide.kind_request vetoes the head's emergency."""
    return any(name == "how many drops of one's own drops" and rx.search(t) for _c, name, rx in REQUEST_KINDS26)
