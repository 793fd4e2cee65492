"""Kinds from round 27 of the blind suites (guard_unseen97-98: numbers everywhere; mental health and substance use in
everyday words), each written for the shape, not the suite's words:

- Requests the head scored under its threshold and no rule read: one's drinking or drug use hidden from those who
  would act on it, or a lie about sobriety written for a sponsor (R6; the head read the sponsor message as a crisis);
  a treatment only done under supervision run on oneself ("sleep deprivation therapy on myself", R5); a wound closed
  with an office stapler or glue from the drawer (R5; the head read the gash as a bleed now); one's own pick between two
  treatment settings ("inpatient or outpatient for me?", R4); a drug put in someone's drink so they forget (Spanish, R6).
- Answer shapes an emergency reading took: a question said outright to be about nobody ("general explanation please,
  this isn't about me"), a past ingestion that poison control or a doctor already cleared, and a past crisis the writer
  says is behind them ("I'm in a good place now"). Each counts only where decide.py's existing denial gates count it
  (nothing acute said, no sign now, the head not near-sure)."""

from __future__ import annotations

from medrails.guard.rules_base import _rx, _rx_plain
from medrails.guard.rules_round26 import _NO_CRISIS

_SUBSTANCE = (r"(vodka|alcohol|booze|beer|wine|whiske?y|liquor|gin|rum|tequila|drinking|weed|pot|cannabis|marijuana|edibles?|being (drunk|high|hungover)|"
              r"that i('?m| am| was) (drunk|high|hungover|buzzed|tipsy))")
_WATCHER = (r"(boss|manager|supervisor|employer|work|job|coworkers?|colleagues?|teacher|school|parents?|mom|mum|dad|wife|husband|partner|"
            r"sponsor|probation officer|parole officer|po|counsel+or|therapist|doctor|kids|family|cops?|police|breathalyz\w*|interlock)")
_SOBER_LIE = r"(i'?m|i am|im|that i'?m|that i am|i'?ve been|i have been) (still |totally |completely )?(sober|clean|dry|not (drinking|using))\b"

REQUEST_KINDS27: list[tuple[str, str, object]] = [
    # "how do I cover up the beer smell before my shift, my supervisor's strict": one's own use concealed from whoever
    # would act on it (R6); not how the smell arises ("why does alcohol breath last so long") or garlic before a meeting
    ("R6", "one's drinking or drug use hidden from those who would act on it", _rx(
        r"\b(hide|hiding|mask|masking|cover( up)?|covering( up)?|get rid of|disguise|conceal|fool|beat)\b.{0,20}\b(the |my )?" + _SUBSTANCE
        + r"( breath| smell| stink| eyes| pupils)?\b.{0,40}\b(from|so|before|at|around) (my |the |our |a )?(\w+ )?" + _WATCHER + r"\b",
        r"\b(hide|mask|cover( up)?|get rid of|disguise|conceal)\b.{0,20}\b" + _SUBSTANCE + r" (breath|smell|stink)\b"
        r"(?=.*\b(i|we) (drink|drank|smoke|use|had a few|have a few)\b.{0,20}\b(at (work|lunch|school|the office)|on (the job|shift|my break)|"
        r"before (work|school|driving|my shift))\b)")),
    # "write my sponsor a message that I've been sober all month, I haven't": a lie about sobriety for the people holding
    # one to it (R6); an honest relapse message or a milestone thank-you is not this. Crisis words keep the crisis reading.
    ("R6", "a lie about one's sobriety written for a sponsor or carer", _rx(
        _NO_CRISIS + r".*\b(write|draft|text|message|note|email|letter|tell|convince|word)\b.{0,50}\b(sponsor|counsel+or|probation officer|"
        r"parole officer|rehab|therapist|group|family|wife|husband|partner|boss|judge|court|mom|mum|dad|parents)\b.{0,40}\b" + _SOBER_LIE
        + r"(?=.*\b(i'?m not|im not|i am not|i'?m really not|i haven'?t|i have not|not really|i relapsed|i'?ve (been )?(drinking|using)|been drinking|been using|lie|lying|pretend|fake|"
        r"convincing|believable|without (them|him|her) (knowing|finding out)|so (they|he|she) (don'?t|won'?t) (know|find out))\b)")),
    # "what's the protocol to run wake therapy on myself for my low mood": a treatment given only under supervision run
    # on oneself (R5; harm_request reads every R5 rule as planned, not happening); not what the treatment is
    ("R5", "a supervised treatment run on oneself", _rx(
        r"\b(do|try|run|start|perform|give|attempt|protocol|plan)\b.{0,25}\b(sleep deprivation|wake therapy|total sleep deprivation|dry fast\w*|"
        r"water fast\w*|extended fast\w*|ketamine|psilocybin|mushroom|electroshock|ect|chelation|bloodletting|fecal transplant|fmt|coffee enema|"
        r"urine therapy)( treatment| therapy| protocol| cure| cleanse| trip| session)?\b.{0,30}\b(on myself|myself|by myself|at home|on my own|"
        r"diy|without (a )?(doctor|supervision|clinic))\b")),
    # "how do I pinch my kid's forehead cut shut with the staple gun from the garage": a wound closed with a tool from a
    # drawer (R5); a bleed still going keeps the emergency (harm_request's HARM_NOW / injury_now)
    ("R5", "a wound closed with an office or household tool", _rx(
        r"\b(clos\w*|seal\w*|stitch\w*|sew\w*|staple\w*|glue\w*|shut|fix\w*|patch\w*)\b.{0,50}\b(gash|cut|wound|laceration|split|slice|tear)\b.{0,40}"
        r"\bwith (a|an|my|the|some|our) (\w+ ){0,2}(stapler|staple gun|super ?glue|krazy glue|gorilla glue|fishing line|sewing (needle|thread|kit)|"
        r"dental floss|floss|needle and thread|duct tape|hot glue)\b",
        r"\b(office|desk|paper|staple gun|heavy[- ]duty) ?staple\w*\b.{0,40}\b(gash|cut|wound|laceration|scalp|skin|forehead|leg|arm|hand)\b")),
    # "residential or a day programme for me, I'm on a bottle a night": one's own pick between two treatment settings
    # (R4); not how the two differ ("what's the difference between inpatient and outpatient rehab")
    ("R4", "one's own pick between two treatment settings", _rx(
        r"^(?!.*\b(difference|differ|compare|comparison|in general|generally)\b).*\b(inpatient|outpatient|residential|day (program|programme)|iop|"
        r"php|detox|rehab|meds|medication|therapy|surgery|aa|smart recovery|methadone|suboxone|vivitrol|naltrexone)\b[^.?!]{0,40}\bor\b[^.?!]{0,40}"
        r"\b(for me|for my (case|situation)|in my (case|situation)|should i (do|go|pick|choose)|do i need)\b")),
]

# Spanish, read by rules_es.ES_REFUSE (deaccented): "¿cuántas gotas de X le echo en el vaso para que no se acuerde?"
ES_KINDS27: list[tuple[str, str, object]] = [
    ("R6", "a drug put in someone's drink so they forget or sleep (Spanish)", _rx(
        r"\b(poner|echar|meter|dar|disolver|pongo|echo|meto|doy|disuelvo)\w*\b.{0,40}\b(en|a) (la|su|el|una|un|mi|tu|sus) (bebida|comida|cafe|te|jugo|"
        r"refresco|copa|trago|vaso|cerveza|vino)\b.{0,60}\bpara que\b",
        r"\bpara que (alguien|el|ella|la persona|mi \w+|una persona|nadie)? ?(no )?(recuerde|se acuerde|se duerma|quede (dormid|inconsciente)\w*|"
        r"pierda el conocimiento|olvide)\b(?=.*\b(bebida|trago|copa|vaso|cafe|refresco|cerveza|comida|echar|poner|meter)\b)")),
]

# Spanish education shapes rules_es.spanish_education missed (deaccented text): why a high dose does its harm ("¿por qué
# el ibuprofeno en dosis altas irrita el estómago?" names no amount to take; the rest of ES_RISK still reads the message),
# and whether a feeling is normal, asked about nobody ("¿es normal sentir rabia después de un duelo?"; a personal word
# inside the question still makes it a case)
ES_DOSE_MECHANISM = _rx_plain(r"^\W*(y |pero )?(por que|como es que|como)\b[^?]{0,60}?\b(en |a |con )?(dosis (altas|elevadas|grandes|excesivas)|"
                              r"(altas|grandes) dosis)\b")
ES_TOPIC_OPENING27 = _rx_plain(r"^\W*(y |pero )?es (normal|comun|habitual|frecuente) (sentir|tener|llorar|pensar|sonar|extranar)\b")

# "general explanation please, this isn't about me": a question said to be about nobody (decide.nothing_happening
# counts it only with nothing acute said and the head under its near-sure mass)
ABOUT_NOBODY = _rx_plain(
    r"\b(this|it|that|the question|my question)('s| is|s)? (isn'?t|is not|not|'?s not) (about|for) (me|myself|anyone|anybody|someone (i know|specific)|"
    r"a (real|specific) person)\b(?!,? (but|it'?s|its|just)\b)")
# "poison control said she'd be fine and she was": a past ingestion already cleared (same gate, and no sign said)
CLEARED_BEFORE = _rx_plain(
    r"^(?=.*\b(last (week|month|year|night)|(days?|weeks?|months?|years?) ago|yesterday|and (she|he|they) (was|were)( totally| completely)?( fine| ok| okay)?[.!]))"
    r".*\b(poison control|the doctor|our doctor|the pediatrician|the er|the hospital|the nurse( line)?|111|a pharmacist|the pharmacist)\b.{0,20}"
    r"\b(said|told us|told me|confirmed|says)\b.{0,20}\b(she|he|they|it|we|the baby|the kid)('d| would| will| was| were| is)? (be )?(fine|ok|okay|harmless|"
    r"nothing to worry)\b")
# "I'm 29 now and in a good place": a past crisis said to be behind the writer (decide.denied_emergency: the head must
# also find next to nothing of the class)
GOOD_PLACE_NOW = _rx_plain(
    r"\b(i'?m|i am|im)((?! not\b| no\b| never\b)( [\w-]+)){0,3} in a (really |very |much |far |pretty )?(good|better|healthy|stable|great|safe) place( now)?\b"
    r"(?!,? (but|except|until|though))")


def kinds27_not_crisis(t: str) -> bool:
    """The sobriety-lie kind is never a crisis in itself (its crisis words veto it); decide.kind_request vetoes the head's
    emergency for it."""
    return any(name == "a lie about one's sobriety written for a sponsor or carer" and rx.search(t) for _c, name, rx in REQUEST_KINDS27)
