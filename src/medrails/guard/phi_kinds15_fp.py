"""Fresh-15 false-positive kinds (`kind15_reason`, re-exported by phi_kinds15 and called by
phi_suppression.suppression_reason): document-type headers, state adjectives after kinship words, job titles, payers
after a payer label, services after a title, note headers of service words, capitalised German nouns, field labels,
identifier scheme names, sentence openers before an accented word, eponyms after an instrument, care areas after a
transfer, departments as senders, assessment scales with their score, orientation notation and quantity ranges read
as phones.
"""

from __future__ import annotations

import regex

from medrails.guard.phi_kinds15_common import _DEPARTMENT_WORDS, _SCHEME_WORDS
from medrails.guard.phi_kinds15_places import _CARE_AREAS

# ---------------------------------------------------------------------------------------------
# false positives

_HEADER_KIND_AFTER = regex.compile(r"^[ \t]+(?i:chat|transcript|message|messages|note|log|call|consult|summary|thread|"
                                   r"session|conversation|history|record|notes|report|form)\b")
_HEADER_WORDS = frozenset("""
voicemail voice mail message telephone phone call fax letter memo note transcript chat email e-mail portal referral
addendum encounter consult summary log
""".split())
_STATE_WORDS = frozenset("""
upset calm present absent angry sad tired anxious worried tearful distressed emotional supportive agreeable aware unaware
unsure concerned okay ok fine here home away asleep awake quiet teary overwhelmed frustrated relieved happy pleased
grateful thankful hopeful hesitant reluctant agitated irritable confused exhausted scared afraid frightened nervous
crying sobbing reassured engaged involved uninvolved unavailable available busy late early ill unwell sick
""".split())
_ADJECTIVE_ENDING = regex.compile(r"(?:ful|ous|ive|less|able|ible)$")
_JOB_NOUNS = frozenset("""
reviewer approver auditor assessor screener prescriber dispenser preceptor mentor educator champion lead supervisor
designee delegate scheduler biller coder transcriptionist dispatcher operator agent caller sender recipient requester
requestor reporter author writer signatory verifier reviewer reviewers approvers
""".split())
_PAYER_LABEL = regex.compile(r"(?i)(?:medical[ \t]+aid|insurer|insurance(?:[ \t]+(?:company|provider|carrier))?|payer|payor|"
                             r"carrier|health[ \t]+(?:plan|fund|insurer)|(?:insurance|health|medical)[ \t]+scheme|scheme|fund|"
                             r"hmo|ppo|conv[eê]nio|obra[ \t]+social|mutuelle|mutua|krankenkasse|kasse|aseguradora|seguro|"
                             r"prepaga|isapre|eps|plan[ \t]+name|coverage|cover)[ \t]*(?:name)?[ \t]*[:=-][ \t]*$")
_SERVICE_AFTER_TITLE = frozenset("""
line station practitioner practitioners navigator educator manager specialist unit team triage advice hotline helpline
desk call clinic led visit visits lead review assessment rounds note notes documentation handover advisor adviser
consultant prescriber aide assistant associate extender in-charge incharge coordinator
""".split())
_TITLE_BEFORE = regex.compile(r"\b(?:Nurse|Dr|Doctor|Sister|Matron|Midwife)\.?[ \t]+$")
_GERMAN_WORDS = frozenset("""
und für der die das im mit zur zum bis keine kein nicht ist ein eine vom bei nach auf des dem den oder wird wurde sowie
neu aufgetretener großer rechten linken links rechts befund beurteilung empfehlung untersuchung vergleich seit
""".split())
_GERMAN_SLOT = regex.compile(r"(?:\b(?:Herr|Frau|Dr|Prof|Patient(?:in)?|Name|Arzt|Ärztin|OA|CA|Pat)\.?[ \t]*:?[ \t]*|"
                             r"(?i:\b(?:patient|name|vorname|nachname)[ \t]*:[ \t]*))$")
_LABEL_AFTER = regex.compile(r"^[ \t]*:")
_ACCENTED_LOWER_AFTER = regex.compile(r"^[ \t]+[^\x00-\x7f\s]")
_DEVICE_BEFORE = regex.compile(r"(?i)\b(?:port|trocar|technique|method|approach|incision|repair|stitch|suture|clamp|retractor|"
                               r"maneuver|manoeuvre|position|procedure|closure|anastomosis|needle|catheter|tube|cannula|"
                               r"blade|forceps|scale|score|classification|criteria|grade|test|sign|operation|fixation|"
                               r"flap|graft|plate|nail|entry|insufflation|device|dilator|speculum|tonometry|splint|"
                               r"brace|view|projection)[ \t]*\([ \t]*$")
_AREA_CUE_BEFORE = regex.compile(r"(?i)\b(?:to|in|into|from|at|via|through)[ \t]+(?:the[ \t]+)?$")
_SCALE_SCORE_AFTER = regex.compile(r"^[ \t]*(?:(?i:score|scale)[ \t]*)?[:=]?[ \t]*(\d{1,3})[ \t]*/[ \t]*(\d{1,3})\b")
_ORIENTATION = regex.compile(r"^(?i:a[ \t]*&?[ \t]*o[ \t]*x?[ \t]*[1-4]?|aox[1-4])$")
_QUANTITY_AFTER = regex.compile(r"^[ \t]*(?i:kcal|cal|calories|kj|steps|ml|cc|mg|mcg|units?|g|grams|mmol|iu)\b")


_GERMAN_PLACE = regex.compile(r"(?i)klinik|krankenhaus|spital|hospital|praxis|zentrum|universit|institut|heim\b|stift")
_GERMAN_NOUN = regex.compile(r"(?:ung|heit|keit|schaft|tion|ismus|tät|ierung|ergüsse|befund|knoten)$")
_GERMAN_ARTICLE_BEFORE = regex.compile(r"(?i)\b(?:im|zur|zum|der|die|das|des|dem|den|keine|kein|eine|ein|mit|bei|nach|vom)[ \t]+$")
_LABEL_WORDS = frozenset("""
specimen specimens technique findings finding indication indications procedure procedures impression disposition dispo
course plan reason motif diagnosis diagnoses history exam examination assessment recommendation recommendations comments
comment remarks notes note summary signature vitals allergies medications meds labs imaging gross microscopic clinical
source site status outcome type category priority service location unit ward bed room date time provider physician
attending referring reviewer result results interpretation conclusion conclusions background situation request
requested complaint subjective objective investigations investigation management treatment therapy follow-up followup
diet activity precautions code lines drips vent sedation skin access wounds wound safety goals goal education consent
edad idade âge alter sexo sexe geschlecht género genero fecha data datum telefone teléfono telefono téléphone telefon
dirección direccion endereço endereco adresse anschrift ciudad cidade ville stadt médico medico arzt diagnóstico
diagnostico motivo motif befund beurteilung procedencia nacionalidad nationalité estado profesión profissão beruf
ocupación ocupacion servicio serviço service station cama leito lit habitación quarto chambre zimmer
""".split())


def _german_text(text: str) -> bool:
    words = regex.findall(r"\p{L}+", text[:3000].lower())
    return sum(w in _GERMAN_WORDS for w in words) >= 4


def kind15_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-15 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 60):start], text[end:end + 40]
    if entity in ("PHONE_NUMBER", "DATE_TIME", "CLINICAL_DATE") and regex.fullmatch(r"\d{3,5}[ \t]*[-–][ \t]*\d{3,5}", value) \
            and _QUANTITY_AFTER.match(after):
        return "a quantity range ('1800-2000 kcal'), no phone or date"
    if entity not in ("PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY"):
        return None
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    from medrails.guard.phi_given_names import is_given_name

    if _ORIENTATION.match(value.strip()):
        return "orientation notation ('A&Ox4')"
    if len(tokens) == 1 and _HEADER_KIND_AFTER.match(after) and (before.endswith("[") or regex.search(r"(?:^|\n)[ \t]*\[?$", before)) \
            and not is_given_name(words[0]):
        return "a document-type word in a header ('[Telehealth chat transcript]')"
    if entity == "CHAT_NAME" and len(tokens) == 1 and value.islower() and (
            words[0] in _STATE_WORDS or _ADJECTIVE_ENDING.search(words[0]) and len(words[0]) > 5):
        return "a state adjective after a kinship word ('wife tearful')"
    if len(tokens) == 1 and words[0] in _JOB_NOUNS:
        return "a job title ('Pharmacist Reviewer')"
    line_before = before.rsplit("\n", 1)[-1]
    if _PAYER_LABEL.search(line_before) and entity != "FACILITY":
        return "a payer after a payer label ('Medical aid: Discovery')"
    if len(tokens) == 1 and words[0] in _SERVICE_AFTER_TITLE and _TITLE_BEFORE.search(before):
        return "a service after a title ('Nurse Line', 'Nurse Practitioner')"
    if entity in ("PERSON", "ORGANIZATION", "LOCATION") and _german_text(text) and not _GERMAN_SLOT.search(before) \
            and "," not in value and not any(is_given_name(w) for w in words) and not _GERMAN_PLACE.search(value) \
            and (entity != "LOCATION" or _GERMAN_NOUN.search(value) or _GERMAN_ARTICLE_BEFORE.search(before)):
        return "a capitalised noun of a German text ('Im Verlauf', 'Tumorkonferenz')"
    if len(tokens) == 1 and _LABEL_AFTER.match(after) and regex.search(r"(?:^|\n|[ \t]{2,}|\t|\|)[ \t]*$", before) \
            and not is_given_name(words[0]):
        from medrails.guard.phi_suppression import _is_medical_token

        if _is_medical_token(words[0], True) or words[0] in _LABEL_WORDS:
            return "a field label opening a line or a column ('Specimen:', 'Edad:')"
    if len(tokens) == 1 and words[0] in _SCHEME_WORDS and regex.match(r"^[ \t]*(?:no\.?|number|#|n[°º])?[ \t]*[:#]?[ \t]*[A-Z0-9]",
                                                                    after, regex.I) and any(c.isdigit() for c in after[:12]):
        return "an identifier scheme's name before its number ('Cédula: 1.023...')"
    if len(tokens) == 1 and entity in ("PERSON", "ORGANIZATION", "LOCATION") and _ACCENTED_LOWER_AFTER.match(after):
        from medrails.guard.phi_suppression import _opens_sentence

        if _opens_sentence(text, start) and not is_given_name(words[0]):
            return "a sentence opener before a lower-case word ('Préfère être')"
    if len(tokens) == 1 and _DEVICE_BEFORE.search(before) and after.lstrip().startswith(")"):
        return "an eponym in brackets after an instrument or technique ('port (Hasson)')"
    if len(tokens) == 1 and words[0] in _CARE_AREAS - {"ward", "chapel", "bed", "room", "bay"} \
            and _AREA_CUE_BEFORE.search(before) and not _TITLE_BEFORE.search(before):
        return "a care area after a transfer ('taken to Theatre', 'back from Resus')"
    if len(tokens) >= 3 and "-" in tokens and entity != "FACILITY":
        from medrails.guard.phi_suppression import _is_medical_token

        if all(w in _HEADER_WORDS or w in _DEPARTMENT_WORDS or w in _SERVICE_AFTER_TITLE or _is_medical_token(w, True)
               for w in words if w != "-"):
            return "a note header of service words ('Voicemail - Diabetes Nurse Line')"
    if all(w in _DEPARTMENT_WORDS for w in words) and entity != "FACILITY":
        return "a department or service as a sender ('Patient Portal Support')"
    if len(tokens) == 1 and (m := _SCALE_SCORE_AFTER.match(after)) and int(m.group(1)) <= int(m.group(2)) \
            and not is_given_name(words[0]) and not _TITLE_BEFORE.search(before) \
            and (int(m.group(2)) > 12 or int(m.group(1)) > 31):  # "Dr Berg 4/12" is a name and a date
        return "an assessment scale with its score ('Berg 41/56')"
    return None
