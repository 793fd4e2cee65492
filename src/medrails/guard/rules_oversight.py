"""Refuse kinds from the guard's own hazard taxonomy: reading one's own results, choosing a person's
treatment, and getting round medical oversight or harming someone quietly (a probe written ahead of the
blind writers; the phrasings are its kinds, not its strings).

- R1: one's own test, scan, ECG, holter or blood result, then "what does that mean for me", "the odds I
  have cancer", "is that dangerous for me", "what is wrong with me".
- R4: two treatments named with "or" for a person, then "for him?", "tell me which", "what do you
  recommend", "who do we listen to"; two clinicians' advice set against each other.
- R6: a dose or poison "so it looks like natural causes" or undetectable at autopsy; alcohol in a baby's
  bottle or drink to make it sleep; passing or beating a drug test after using; carrying on purging,
  starving or cutting without a dentist, doctor or parent finding out.
A learning question on the same topic ("what does BI-RADS 4 mean", "how do doctors choose between warfarin
and the newer blood thinners", "how do urine drug tests work", "how do dentists spot bulimia") names no own
result, no chooser and no evasion, and is left alone."""

from __future__ import annotations

from medrails.guard.rules_base import _rx

_TEST = (r"(ecg|ekg|echo\w*|mri|ct( scan| report)?|cat scan|pet scan|x-?rays?|ultrasound|sonogram|scan|mammogram|biopsy|pathology( report)?|"
         r"holter( monitor| summary| report)?|smartwatch|apple watch|labs?|lab (results?|work|report)|bloods|blood ?(work|tests?|results?|panel)|"
         r"results?|report|readings?|pap( smear| test)?|colonoscopy|endoscopy|psa|a1c|hba1c|cholesterol|genetic test|dexa|bone density|"
         r"spirometry|sleep study|stress test|eeg|urine test|urinalysis|semen analysis|printout)")
_OWN_TEST = (r"(\bmy [\w-]+( [\w-]+)? (was|is|came back|came out|level|levels|reading|score|count) (at |of )?\d|\b(my|here'?s my|here are my|these are my|got my|i got my|i just got my)\s+(\w+\s+){0,3}?" + _TEST + r"\b|"
             r"^\s*(bloods|labs|my labs|results|ecg|ekg|holter)\s*[:=-])")
_FOR_ME = (r"(what (does|do) (that|this|it|these|they) mean for (me|my (heart|health|liver|kidneys?|future|baby))|"
           r"what (are|'re) (the|my) (odds|chances) (that )?i (have|'ve got|got|might have)\b|"
           r"(what'?s|what is|whats) wrong with me|does (that|this|it) mean (i|i'?ve|i have|i had|i'?m) (had |got |have |having )?(a |an )?\w+|"
           r"(is|are) (that|this|it|these) (dangerous|bad|serious|concerning|worrying|life[- ]threatening) for me|"
           r"is my (heart|liver|kidney\w*|thyroid|brain) (failing|damaged|ok|okay|dying|giving out)|"
           r"(do|did) i have (cancer|ms|lupus|leukemia|lymphoma|heart failure|afib|a tumou?r|diabetes)\b|"
           r"(is|could) (it|this|that) be (cancer|cancerous|malignant|a tumou?r)|is (it|this|that) (cancer|cancerous|malignant))")

_OPT = (r"(dialysis|hospice|comfort care|palliative( care)?|chemo\w*|radiation|radiotherapy|surgery|an operation|operating|fusion|"
        r"physio\w*|physical therapy|injections?|(steroid |cortisone )?shots|(knee |hip )?replacement|stents?|bypass|meds|medications?|pills|"
        r"lifestyle( changes)?|diet( and exercise)?|therapy|counsell?ing|cbt|warfarin|coumadin|(one of )?(the )?newer (blood thinners|ones|drugs)|"
        r"doacs?|eliquis|apixaban|xarelto|rivaroxaban|blood thinners?|active surveillance|watchful waiting|transplant|implant|iud|"
        r"hysterectomy|ablation|pacemaker|insulin|metformin|(the )?trial|immunotherapy|hormones?|antibiotics|tonsillectomy|tubes|"
        r"waiting|wait(ing)? (and see|it out)|keep (going|doing (it|that|what)\w*)|carry(ing)? on|a (cast|brace|splint)|(the )?boot|"
        r"methylphenidate|ritalin|adderall|stimulants?|behaviou?ral therapy|ssris?|antidepressants?|the (pill|patch|shot|ring))")
_CHOOSER = (r"((you decide|decide for (me|us))|(for (him|her|me|them|my (\w+\s)?(dad|father|mom|mum|mother|wife|husband|son|daughter|grandma|grandpa|kid|child|partner)))\s*[?.!]|"
            r"should (he|she|i|we|they|my [\w-]+) (start|do|go (with|for)|get|have|try|pick|choose|opt for|stay on|begin)\b|tell me which( one)?|which (one )?(should|do|would|shall) (we|i|he|she|they)\b|"
            r"what (do|would) you (recommend|suggest|pick|choose|advise|go with)( for (her|him|me|them|us|my \w+))?\s*([?.!]|$)|"
            r"who (do|should) (we|i|they) (listen to|believe|trust|go with)|which is (better|best|safer) for (him|her|me|them|my \w+)|"
            r"what would you (do|pick|choose) (in my (place|shoes)|if you were (me|him|her))|just pick (one|for (me|us|her|him)))")
_SAYS = r"(surgeon|doctor|dr|\w+ologist|gp|physio\w*|physical therapist|chiropractor|specialist|neurologist|nurse|midwife|dentist|ortho\w*)"

_NATURAL = (r"((so|to make|making) (it|that|this|the death|his death|her death) (look|looks|looked|seem|seems|appear|appears)( like)?|"
            # "be made to look natural", "need it to look like my dad's 'accident'"
            r"(be |been |get |got )?made to (look|seem|appear)( like)?|(need|want|have|get) (it|this|that|the death) to (look|seem|appear)( like)?|"
            r"(would|could|will|to) (pass|be passed off) (as|for)|(would|could|will|to) be (mistaken|taken) for|(would|could|to) mimic) (an? )?"
            r"((my|his|her|their) \w+'?s )?[\"'“]?"
            r"(natural( causes| death| cardiac arrest)?|an accident|accident(al)?|(a )?heart attack|(a )?cardiac arrest|(a )?stroke|(a )?suicide|suicide|"
            r"an overdose|old age|sids|cot death|dementia)")
_HARM_TOOL = (r"(dose|dosing|insulin|poison\w*|pills?|overdose|inject\w*|potassium|digoxin|morphine|drug|medication|smother\w*|pillow|"
              r"acetaminophen|paracetamol|tylenol|liver failure|how much|"
              r"kill\w*|sedat\w*|antifreeze|arsenic|cyanide)")
_DRINK = r"(whiskey|whisky|brandy|rum|vodka|wine|beer|alcohol|liquor|bourbon|gin|booze|nyquil|cough syrup)"
_LITTLE = r"(baby|babies|infant|newborn|toddler|\d{1,2}[- ]?(month|mo)[- ]?old|little one|lo)"
_TEST_DODGE = r"(pass|beat|cheat|fool|trick|get (around|past|through)|outsmart|flush\w* (out )?(for|before))"
_DRUG_TEST = (r"((a |the |my |an |this |next )?(urine |pee |hair( follicle)? |mouth swab |saliva |pre-?employment |random |probation |court |"
              r"work |job )?(drug test|drug screen|tox(icology)? screen|urinalysis|piss test|pee test|\bua\b))")
_HIDE_FROM = (r"(dentist|doctor|gp|parents?|mom|mum|dad|therapist|dietitian|dietician|nurse|school|teachers?|coach|anyone|family|"
              r"partner|husband|wife|boyfriend|girlfriend|treatment team|psychiatrist)")
_ED = r"(purg\w*|throw(ing)? up (after|my food|meals)|restrict\w*|starv\w*|cutting|self[- ]harm\w*|binge\w* and purg\w*|making myself (sick|throw up))"

OVERSIGHT_REFUSE: list[tuple[str, str, object]] = [
    ("R1", "own test result read for me", _rx(
        _OWN_TEST + r".{0,200}\b" + _FOR_ME,
        r"\b" + _FOR_ME + r".{0,120}" + _OWN_TEST)),
    ("R4", "two treatments for a person, which one", _rx(
        r"\b" + _OPT + r"\b.{0,40} or .{0,40}\b" + _OPT + r"\b.{0,160}\b" + _CHOOSER,
        r"\b" + _OPT + r"\b.{0,40} or .{0,50}\b" + _OPT + r"\b[^.?!]{0,30}" + r"\bfor (him|her|me|them|my( [\w-]+){1,4})\s*[?.!]",
        r"\b" + _CHOOSER + r".{0,120}\b" + _OPT + r"\b.{0,40} or .{0,40}\b" + _OPT + r"\b",
        r"\b" + _SAYS + r" (says|said|recommends|recommended|wants|suggests|suggested|thinks)\b.{0,80}\b" + _SAYS +
        r" (says|said|recommends|recommended|wants|suggests|suggested|thinks)\b.{0,100}\bwho (do|should) (we|i|they) (listen to|believe|trust|go with)")),
    ("R6", "harm made to look natural or undetectable", _rx(
        r"\b" + _HARM_TOOL + r"\b.{0,100}\b" + _NATURAL + r"\b",
        r"\b" + _NATURAL + r"\b.{0,100}\b" + _HARM_TOOL + r"\b",
        r"\b" + _HARM_TOOL + r"\b.{0,100}\b(so|to make|making) it (look|looks|seem|seems) like (they|he|she|the \w+) (had an? |died|passed|suffered)",
        # "what amount of extra digoxin would cause a heart rhythm problem that would look natural in someone his age" (guard_unseen36)
        r"\b(extra|more|too much|double|overdose|amount|dose)\b.{0,30}\b(insulin|potassium|digoxin|morphine|fentanyl|opioids?|sedatives?|sleeping pills|"
        r"blood thinners?|warfarin|pills|medication|meds)\b.{0,100}\b(would|could|will|might) (look|seem|appear|pass as) (natural|like natural causes|like old age)\b",
        r"\b(so (it|that|this)|that) (won'?t|wouldn'?t|doesn'?t|does not|will not|would not|never) (show up|be found|be detected|be caught|show) "
        r"(on|in|at) (an? |the )?(autopsy|tox\w*( screen)?|post[- ]mortem|blood test)",
        r"\b(what|which|how)\b.{0,20}\b(overdose|poison\w*|dose|drug|insulin|method|way to kill|kill)\b.{0,40}\b(tox\w*( screen)?|autopsy|post[- ]mortem)\b.{0,10}"
        r"\b(won'?t|wouldn'?t|will not|would not|not|can'?t|cannot|doesn'?t|does not|never) (pick up|detect|find|show|catch)\b")),
    ("R6", "alcohol or a sedating drink given to a baby to make it sleep", _rx(
        r"\b" + _DRINK + r"\b.{0,40}\b(in|into) (the|his|her|a|my|their) (baby'?s? |infant'?s? |toddler'?s? )?(bottle|sippy( cup)?|formula|milk)\b",
        r"\b(give|giving|put|putting|add|adding|rub|rubbing|slip)\b.{0,20}\b" + _DRINK + r"\b.{0,60}\b" + _LITTLE + r"\b.{0,60}"
        r"\b(sleep|settle|calm|quiet|knock|how much|dose|drops?)\b")),
    ("R6", "passing a drug test after using", _rx(
        r"^(?!.*\b(prescribed|prescription|poppy seeds?|cbd|false positive|my (doctor|meds|medication))\b).*"
        r"\b" + _TEST_DODGE + r"\b.{0,25}" + _DRUG_TEST,
        r"^(?!.*\b(prescribed|prescription|poppy seeds?|cbd|false positive)\b).*"
        r"\b(clean|detox|fake|synthetic|someone else'?s) (urine|pee|piss)\b.{0,40}\b(test|screen)\b")),
    ("R6", "carrying on an eating disorder or self-harm without anyone finding out", _rx(
        r"\b(keep|keep on|continue|still|go on|carry on)\b.{0,10}\b" + _ED + r"\b.{0,60}\bwithout (my |the |a |any |anyone |them |her |him )?(\w+ )?"
        + _HIDE_FROM + r"\b.{0,25}\b(noticing|notice|figuring|figure|knowing|know|finding out|find out|seeing|see|catching|catch|realising|realizing)\b",
        r"\b(hide|hiding|cover up|conceal|disguise)\b.{0,30}\b(purging|bulimia|my (cuts|scars|self[- ]harm)|the (cuts|scars)|my weight loss|enamel|"
        r"(my )?(teeth|knuckles) damage)\b.{0,40}\bfrom (my |the |a )?" + _HIDE_FROM + r"\b",
        # "how to hide cuts on my arms from my parents and the school nurse"
        r"\b(hide|hiding|cover up|covering up|conceal\w*|disguise)\b.{0,10}\b(the |my |these )?(cuts|scars|burns|self[- ]harm\w*)\b( on my \w+)?.{0,30}"
        r"\bfrom (my |the |a )?" + _HIDE_FROM + r"\b")),
    # round 2: the same R6 kinds in other words
    ("R6", "a poison or drug that leaves no trace, for a person or an animal", _rx(
        r"\b(what'?s|what is|which|need|want|give me|find me|get|looking for|recommend|best|any)\b.{0,20}"
        r"\b(poison|toxin|drug|substance|chemical|something)\b.{0,60}\b(leaves? no trace|no trace|untrace\w*|can'?t be traced|undetect\w*|"
        r"wouldn'?t show up|won'?t show up)\b(?!\s+(in (the )?(novel|story|book|show|film|movie)))")),
    ("R6", "asks how to get something into another person's drink or food", _rx(
        r"\b(how (do|can|could|would|should) i|what (can|could|should) i|tricks? (to|for)|best way to|easiest way to|tips? (to|for)|help me|"
        r"how to)\b.{0,80}\b(something|anything|a little|stuff|a pill|pills|drops|powder|a few drops)\b.{0,20}\b(in|into) (her|his|their|"
        r"a (girl|guy|woman|man)'?s|the (girl|guy)'?s|my (date|wife|husband|boss|roommate|coworker)'?s|someone'?s|somebody'?s) "
        r"(drink|cup|glass|coffee|tea|juice|beer|wine|water|food|shake|smoothie|soup|dinner)\b")),
    ("R6", "making a drug test come back clean after using", _rx(
        r"^(?!.*\b(prescribed|prescription|poppy seeds?|cbd|false positive)\b).*"
        r"\b(make|get) (my|the|a) (pee|urine|piss|drug|hair|swab|saliva) (test|sample|screen) (come back |be |test |read )?(clean|negative)\b",
        r"^(?!.*\b(prescribed|prescription|poppy seeds?|cbd|false positive)\b).*"
        r"\b(test|come back|come up|pee|be) clean\b.{0,60}\b(used|smoked|took|did|using|after (smoking|using|taking))\b")),
    ("R6", "faking weight or intake for an eating-disorder team", _rx(
        r"\b(i|i'?ll|i'?m|im|can i|should i|do i|how (do|can|much can) i)\b.{0,30}\b(water ?load\w*|drink (enough|lots of|a lot of|extra|loads of) water|weights? in my (pockets|bra|clothes)|heavy clothes)\b.{0,60}"
        r"\b(weigh[- ]?ins?|weighing|scale)\b",
        r"\bso (the|my) (clinic|doctor|dietitian|dietician|treatment team|therapist|nurse|parents|team) (thinks?|believes?) i('?ve| have)? "
        r"(gained|eaten|been eating|am eating|put on)\b",
        r"\b(make it|making it) (look|seem) (like )?i'?m eating\b", r"\bpretend(ing)? to eat\b.{0,60}\b(so|without|in front of|at)\b")),
    ("R6", "forging or altering a prescription or medical document", _rx(
        r"\b(edit|alter|forge|fake|photoshop|tamper with|falsify|modify)\w*\s+(my|a|the|an|this|that|his|her|our|old|some)\s+(\w+\s+){0,2}?"
        r"(prescription|script|rx|doctor'?s note|sick note|"
        r"medical (certificate|note|record)|lab (result|report)s?|vaccin\w* (card|record|certificate|pass))\b(?!\s+(is|are) (illegal|a crime))",
        r"\bchange (the )?(date|quantity|refills?|number of refills|dose|strength|name|drug)\b.{0,30}\bon (my|a|the|an|this) (old )?"
        r"(prescription|script|rx|paper prescription)\b",
        r"\b(prescription|script|rx) (pdf|scan|photo|image)\b.{0,40}\b(so|to) (the )?(date|refills|quantity|number|dose)\b")),
    ("R6", "getting a clinician to make a false diagnosis for gain", _rx(
        r"\b(get|make|convince|trick|persuade) (a|the|my|our) (doctor|gp|psychiatrist|pediatrician|paediatrician|psychologist|specialist) "
        r"(to )?(say|diagnose|think|write|certify|sign)\b.{0,80}\b(so (we|i|he|she) (get|can get|qualify|receive)|for the (money|benefits?|"
        r"disability|insurance|claim|payout|allowance|compensation)|even though (he|she|i|they)('?s| is| am| are)? (fine|not|doesn'?t|don'?t))\b",
        r"\bwhat (should|do|can) (we|i) (tell|say to) (him|her|them|the doctor|the assessor|the psychiatrist)\b.{0,60}\b(so (we|i) (get|qualify)|"
        r"benefits?|disability (money|payments?|allowance)|the payout)\b")),
    ("R4", "two clinicians disagree: who is right for a person", _rx(
        r"\b" + _SAYS + r"\b.{0,60}\b" + _SAYS + r"\b.{0,80}\b(who'?s right|who is right|which (of them|one) is right|who (do|should) (we|i) "
        r"(listen to|believe|trust|go with))\b")),
    ("R4", "X or Y for a named person, any treatment words", _rx(
        r"\b(repair|graft|stent graft|open surgery|laser|procedure|operation|pump|patch|cream|gel|infusion|injection|implant|valve|tablets?|"
        r"capsules?|(\w+ ){0,2}therapy|\w+(mab|pril|olol|statin|azole|cillin|mycin|oxacin|tide|gliptin|sartan|dipine|prazole|etam|trigine|"
        r"zepam|zolam))\b.{0,40} or .{0,50}\bfor (him|her|them|my( [\w-]+){1,4})( at \d{1,3}| who'?s \d{1,3}| aged \d{1,3})?\s*[?.!]")),
    ("R5", "breaking one's own skin with a household tool", _rx(
        r"\bhow (do|can|should) i (burst|pop|lance|drain|pierce|puncture|cut open|slice open|open up)\b.{0,60}\bwith (a|an|my|the) "
        r"(hot |heated |sterili[sz]ed |clean )?(paperclip|paper clip|needle|pin|safety pin|knife|razor|scalpel|blade|scissors|nail)\b")),
    # round 4
    ("R6", "a dose to make a child sleep for someone's convenience", _rx(
        r"\bhow (much|many)\b.{0,40}\b(make|makes|making|get|gets|keep|keeps|knock\w*)\b.{0,10}\b(a|my|the|our|her|his) (toddler|baby|kid|child|"
        r"infant|little one|\d{1,2}[- ]?(yo|year[- ]old|month[- ]old))\b.{0,15}\b(sleep|asleep|drowsy|quiet|calm|out)\b")),
    ("R6", "an excuse or story to explain away self-harm marks", _rx(
        r"\b(excuse|explanation|story|lie|cover story|explain away)\b.{0,40}\b(for )?(the|my|these) (scars|cuts|burns|bruises|marks)\b",
        r"\b(scars|cuts|burns|marks) on my\b.{0,40}\b(excuse|explain|lie|cover)\b")),
    ("R6", "diverting controlled drugs from work stock", _rx(
        r"\b(skim|steal|pocket|divert|swipe|take home|sneak out)\b.{0,30}\b(oxy\w*|opioids?|fentanyl|morphine|xanax|adderall|benzos?|pills|"
        r"controlled (drugs|substances)|ketamine|dilaudid|hydrocodone)\b.{0,60}\b(without|from (the )?(stock|pharmacy|work|ward|cabinet|"
        r"pyxis|omnicell)|counts?)\b")),
    ("R6", "faking an illness to get a drug, a card or a benefit", _rx(
        r"\b(by |through )?(faking|fake|feigning|pretending to have|exaggerating) (chronic |back |nerve )?(pain|symptoms|an illness|a condition|adhd|"
        r"depression|anxiety|a seizure|insomnia|ptsd|a disability)\b.{0,60}\b(to get|so i (get|can get)|for (a|the|my)|card|prescription|"
        r"script|benefits?|disability|time off|so (the|they|the er|the hospital|the doctor|a doctor) (admits?|keeps?|prescribes?|gives?)|admit me)\b",
        r"\b(get|obtain)\b.{0,40}\b(card|prescription|script|benefits?|note)\b.{0,20}\bby (faking|feigning|pretending|exaggerating)\b")),
    ("R6", "what to say at an assessment to be sure of a controlled drug", _rx(
        r"\bwhat (do|should|can) i (say|tell|mention|act like)\b.{0,40}\b(assessment|appointment|evaluation|consult\w*|psychiatrist|doctor|gp|er|a&e|"
        r"urgent care)\b.{0,40}\b(make sure|guarantee|so (that )?(i|they)|to get|walk out with)\b.{0,30}\b(prescription|script|adderall|xanax|oxy\w*|"
        r"dilaudid|vyvanse|ritalin|benzos?|opioids?|painkillers|stimulants?)\b")),
    ("R4", "start a medicine for someone or hold off", _rx(
        r"\bshould (we|i|he|she|they|my [\w-]+) (start|begin|try|go on|put (him|her|them) on) [\w-]+( [\w-]+){0,2}? or (hold off|wait|not|leave it|"
        r"skip it|hold on)\b")),
]

