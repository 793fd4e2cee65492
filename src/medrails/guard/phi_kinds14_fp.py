"""Fresh-14 false-positive kinds (`kind14_reason`, re-exported by phi_kinds14 and called by
phi_suppression.suppression_reason): scale + score, orientation, single letters, label abbreviations before "No.",
greetings, ranges with units, jargon, analyte + qualifier, call signs, list letters, document headings, count
fractions, states after towns, abbreviated specialties, role nouns, form labels and column headers in any language,
words before a lab value, date + clock time, local anaesthesia, facility + department, foreign specialties and
insurers.
"""

from __future__ import annotations

import functools

import regex

from medrails.guard.phi_kinds14_names import _GREETINGS
from medrails.guard.phi_kinds14_places import _FACILITY_HEAD_WORD, _STATES, _foreign_specialty
from medrails.guard.phi_recognizers import name_words_ok

# ---------------------------------------------------------------------------------------------
# false positives

_NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "CHAT_NAME", "GIVEN_NAME", "FACILITY", "FORM_NAME"})
_SCALE_MAXIMA = frozenset({13, 14, 15, 16, 18, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30, 33, 35, 36, 40, 42, 45, 48, 50, 52,
                           54, 56, 60, 63, 64, 66, 68, 70, 72, 75, 80, 84, 90, 96, 100, 108, 126, 144, 150, 200})
_SCORE_AFTER = regex.compile(r"^[ \t]*(?:(?i:score|scale|test|total|balance|assessment|index)[ \t]*)?[:=]?[ \t]*"
                             r"(\d{1,3})[ \t]*/[ \t]*(\d{1,3})(?![\d/])")
_SCALE_WORDS = frozenset({"score", "scale", "test", "total", "balance", "assessment", "index", "poma", "mini", "short"})
_ORIENTED = regex.compile(r"^(?i:a[ \t]*&?[ \t]*o|aao|ao)[ \t]*x?[ \t]*[1-4](?:[ \t]*/[ \t]*4)?$")
_NO_AFTER = regex.compile(r"^\.?[ \t]*(?:No\.?|NO\.?|no\.|Nr\.?|N[°º]\.?|#|[Nn]umber)[ \t]*[:.]?[ \t]*[A-Z0-9]")
_GREETING_ONLY = regex.compile(r"^(?i:" + _GREETINGS + r")[ \t]*[,!]?$")
_RANGE = regex.compile(r"^\d{1,5}[ \t]*[-–][ \t]*\d{1,5}$")
_UNIT_AFTER = regex.compile(r"^[ \t]*(?i:kcal|cal\b|calories|kj\b|steps|ml\b|cc\b|mg\b|g\b|units?\b|iu\b|mmol|mmhg|mcg|"
                            r"lbs?\b|kg\b|oz\b|m\b|km\b|miles?\b|feet|ft\b|hours?|hrs?\b|min(?:utes?)?\b|days?\b|weeks?\b|"
                            r"%|per\b|/)")
_JARGON = frozenset("""
med-rec medrec med-recs pre-op post-op preop postop intra-op peri-op f/u follow-up followup d/c h&p s/p w/u r/o
re-check recheck x-ray pre-auth preauth re-eval reeval med-surg medsurg tele step-down stepdown sign-out signout
hand-off handoff cross-cover re-admit readmit co-sign cosign e-consult econsult tele-visit telehealth walk-in
""".split())
_QUALIFIERS = frozenset("""
fasting random serum plasma urine urinary total free direct indirect ionized ionised whole arterial venous capillary
spot timed 24h 24-hour postprandial post-prandial baseline repeat stat calculated measured corrected non-fasting
nonfasting high-sensitivity hs quantitative qualitative point-of-care poc blood csf
""".split())
_CALL_SIGNS = frozenset("""
medic engine rescue ambulance squad truck ladder car bus station helicopter lifeflight paramedic crew rig unit
battalion tower ems fire
""".split())
_LIST_LETTER_NEXT = frozenset("""
left right bilateral upper lower medial lateral anterior posterior proximal distal superior inferior central
""".split())
_DOCUMENT_NOUNS = frozenset("""
message messages note notes report letter summary form log transcript record request referral certificate
notification list census handover sheet chart memo notice alert reminder inbox result results update statement
""".split())
_COUNT_NOUN_AFTER = regex.compile(r"^[ \t]*(?:[a-z]+[ \t]+)?(?i:attempts?|tries|calls?|doses?|sets?|views?|cores?|nodes?|"
                                  r"passes|sessions?|cycles?|fractions?|criteria|items?|questions?|points?|episodes?|"
                                  r"samples?|specimens?|bottles?|lobes?|vessels?|failed|successful|positive|negative)\b")
_TOWN_COMMA = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]+,[ \t]*$")
_SPECIALTY_ABBREVIATIONS = frozenset("""
gen med surg int ortho orth cardio neuro paeds peds obs gyn obgyn o&g onc haem heme gastro resp renal geri psych derm
rheum endo uro ent ophth ophthal anaes anesth icu ed a&e opd ipd ccu hdu gp fm im em micu sicu picu nicu medicine
surgery general internal family emergency
""".split())
_ROLE_NOUNS = frozenset("""
attender attendant reviewer approver assessor auditor notifier prescriber requester requestor referrer verifier
signatory informant interpreter translator witness caller sender recipient author transcriber scribe examiner
inspector evaluator coordinator navigator custodian validator preparer dispatcher responder screener enumerator
""".split())
_FORM_LABELS = frozenset("""
nombre nombres apellido apellidos edad sexo domicilio dirección direccion teléfono telefono fecha médico medico
diagnóstico diagnostico tratamiento resumen nacimiento ocupación ocupacion escolaridad religión estado municipio
colonia localidad entidad unidad servicio motivo antecedentes exploración exploracion plan pronóstico pronostico
firma cédula cedula afiliación afiliacion derechohabiente nome idade logradouro bairro cidade município municipio
telefone endereço endereco sinais sintomas classificação classificacao notificador notificação notificacao evolução
evolucao conduta observações observacoes responsável responsavel cartão cartao prescripteur prélevé preleve résultat
résultats resultat unités unites valeurs antériorité anteriorite adresse ville naissance sexe âge médecin medecin
destinataire expéditeur expediteur motif conclusion observations validé valide geburtsdatum anschrift ort
versicherung diagnose befund arzt ärztin empfänger absender datum unterschrift straße strasse wohnort
""".split())
_LAB_VALUE_AFTER = regex.compile(r"^[ \t]*[:=]?[ \t]*[<>]?\d[\d.,]*[ \t]*(?:x[ \t]*10\^?\d+/L|/mm3|/mm³|/µL|/uL|/L\b|"
                                 r"g/dL|g/L|mmol/L|mg/dL|mg/L|µmol/L|umol/L|U/L|UI/L|mUI/L|IU/L|G/L|T/L|/cumm|/hpf|"
                                 r"mEq/L|ng/mL|pg/mL|µg/L|ug/L|fL\b|pg\b)")
_DATE_THEN_TIME = regex.compile(r"^(?:(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/\d{4}|(?:0?[1-9]|[12]\d|3[01])[/.-]"
                                r"(?:0?[1-9]|1[0-2])[/.-]\d{4}|(?:19|20)\d{2}-\d{2}-\d{2})[ \t,]+(?:(?i:at)[ \t]+|@[ \t]*)?"
                                r"(?:[01]?\d|2[0-3]):?[0-5]\d(?:[ \t]*[-–][ \t]*(?:[01]?\d|2[0-3]):?[0-5]\d)?"
                                r"(?:[ \t]*[AaPp]\.?[Mm]\.?)?$")
_DEPARTMENT_WORDS = frozenset("""
klinik abteilung department dept station service servicio serviço servico unit unidad unidade division medizinische
chirurgische innere allgemeine section ward clinic clinique medicina interna médecine medecine pôle pole sektion
zentrum institut institute departamento département departement reparto ii iii iv v vi i
""".split())
_INSURER_WORDS = regex.compile(r"(?i)(?:kasse|versicherung|assurance|mutuelle|insurance|seguros?|aseguradora|health[ \t]+fund|"
                               r"medical[ \t]+aid|isapre|fonasa|obra[ \t]+social|prepaga|zorgverzekeraar|försäkring)$")
_LABEL_LINE = regex.compile(r"(?m)^[ \t]*\p{Lu}[\p{L}\p{M}'’ ()/°.-]{1,30}?[ \t]*:")
_LABEL_WORD = regex.compile(r"(?:^|\n|[ \t]{2,}|\|)[ \t]*(\p{L}[\p{L}\p{M}'’-]*(?:[ \t]\p{L}[\p{L}\p{M}'’-]*)?)[ \t]*:")
_LABEL_BEFORE = regex.compile(r"(?:^|\n|[ \t]{2,}|\|)[ \t]*$")


_GAP_AFTER = regex.compile(r"[ \t]{2,}|\t|[ \t]*\||[ \t]*(?:\n|$)")


def _score_pair_not_date(a: int, b: int) -> bool:
    return not ((1 <= a <= 12 and 1 <= b <= 31) or (1 <= a <= 31 and 1 <= b <= 12))


def _header_row(text: str, start: int, end: int) -> bool:
    """The span is one cell of a table's header row: three or more cells split by column gaps, no digit and no colon
    in the row, and digits in the row below."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    row = text[line_start:line_end]
    if any(c.isdigit() for c in row) or ":" in row:
        return False
    cells = [c for c in regex.split(r"[ \t]*\t[ \t]*| {2,}|\|", row.strip()) if c.strip()]
    if len(cells) < 3 or text[start:end].strip() not in [c.strip() for c in cells]:
        return False
    below = text[line_end + 1:line_end + 200].lstrip("\n").split("\n", 1)[0]
    return any(c.isdigit() for c in below)


def _single_label(text: str, start: int, end: int) -> bool:
    """A word opening a form field ("Prescripteur :", "Logradouro:") in a form of three or more fields, used once as a
    label and no given name (a chat's speaker tag repeats, and speakers go by given names)."""
    from medrails.guard.phi_given_names import is_given_name

    value = text[start:end]
    if not regex.match(r"^[ \t]*:", text[end:end + 4]) or not _LABEL_BEFORE.search(text[max(0, start - 40):start]):
        return False
    if value.isupper() or is_given_name(value.split()[0]):
        return False
    lines, uses = _form_labels(text)
    return lines >= 3 and uses.get(value, 0) == 1


@functools.lru_cache(maxsize=16)
def _form_labels(text: str) -> tuple[int, dict[str, int]]:
    """How many lines open with a field label, and how often each word is used as a label (once per text)."""
    uses: dict[str, int] = {}
    for m in _LABEL_WORD.finditer(text):
        uses[m.group(1)] = uses.get(m.group(1), 0) + 1
    return len(_LABEL_LINE.findall(text)), uses


_FRACTION = regex.compile(r"^\d{1,2}/\d{1,2}$")
_TITLE_BEFORE = regex.compile(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Doctor)\.?\s*$")
_NO_TOKEN = regex.compile(r"^(?:No|Nr|N[°º])\.?$")
_NUMBER_AFTER = regex.compile(r"^\.?[ \t]*\d")
_ANALYTE_COMMA = regex.compile(r"^\p{Lu}[\p{Ll}\p{Lu}]*,$")
_CALL_NUMBER_AFTER = regex.compile(r"^[ \t]+\d{1,4}\b")
_LIST_LETTER = regex.compile(r"^\p{Lu}\.$")
_HEADING_END = regex.compile(r"^[ \t]*(?:\n|$|[-–—:|])")
_PAREN_BEFORE = regex.compile(r"\(\s*$")
_ANAESTHESIA_BEFORE = regex.compile(r"(?i)\b(?:under|with|via|using|in|plus|and|local)\s+$")
_PAREN_AFTER = regex.compile(r"^\s*\(")
_SPACED_DASH = regex.compile(r"[ \t][-–—][ \t]")


def _is_given_name(token: str) -> bool:
    from medrails.guard.phi_given_names import is_given_name

    return is_given_name(token)


def kind14_reason(text: str, entity: str, start: int, end: int) -> str | None:
    """Why a span is one of the fresh-14 false-positive kinds."""
    value = text[start:end]
    tokens = value.split()
    if not tokens:
        return None
    before, after = text[max(0, start - 60):start], text[end:end + 60]
    words = [t.strip(".,;:()'’\"“”").lower() for t in tokens]
    if entity == "DATE_TIME" and _DATE_THEN_TIME.match(value):
        return "a date and its clock time or range (the date alone is found by the date recognizer)"
    if entity in ("DATE_TIME", "CLINICAL_DATE", "CUED_DATE") and _FRACTION.match(value) \
            and _COUNT_NOUN_AFTER.match(after):
        return "a count fraction ('2/2 tries')"
    if _RANGE.match(value) and _UNIT_AFTER.match(after) and entity not in ("US_SSN", "MRN"):
        return "a range with a unit ('1800-2000 kcal')"
    if _ORIENTED.match(value):
        return "orientation ('A&Ox4')"
    if entity not in _NAME_ENTITIES:
        return None
    titled = _TITLE_BEFORE.search(before) is not None
    if len(value.strip(".")) == 1:
        return "a single letter (laterality, a list letter)"
    if all(w in _JARGON for w in words):
        return "clinical jargon ('med-rec')"
    if _GREETING_ONLY.match(value):
        return "a greeting ('Kia ora')"
    if entity in ("FACILITY", "FORM_NAME"):
        return None
    abbreviated = value.endswith(".") or after.startswith(".")  # "Reg." is an abbreviation, whatever names it spells
    if len(tokens) == 1 and _NO_AFTER.match(after) and (abbreviated or len(value) <= 6 and not _is_given_name(value)):
        return "a label abbreviation before 'No.' ('Reg. No.')"
    if len(tokens) == 2 and _NO_TOKEN.match(tokens[1]) and _NUMBER_AFTER.match(after):
        return "a label and 'No.' before a number ('Ward No. 12')"
    if not titled and len(tokens) <= 3 and all(w in _SCALE_WORDS for w in words[1:]) and not _is_given_name(tokens[0]) \
            and (m := _SCORE_AFTER.match(after)):
        a, b = int(m.group(1)), int(m.group(2))
        if _score_pair_not_date(a, b) or (b in _SCALE_MAXIMA and a <= b):
            return "an assessment scale and its score ('Tinetti 18/28')"
    if len(tokens) == 2 and _ANALYTE_COMMA.match(tokens[0]) and (words[1] in _QUALIFIERS):
        return "an analyte and its qualifier ('Glucose, fasting')"
    if len(tokens) == 1 and words[0] in _CALL_SIGNS and _CALL_NUMBER_AFTER.match(after):
        return "an ambulance or unit call sign ('Engine 7')"
    if len(tokens) == 2 and _LIST_LETTER.match(tokens[0]) and (words[1] in _LIST_LETTER_NEXT
                                                                      or not name_words_ok(tokens[1])):
        return "a list letter before a word ('C. Right lower lobe')"
    if words[-1] in _DOCUMENT_NOUNS and not any(_is_given_name(t) for t in tokens[:-1]) \
            and _HEADING_END.match(after):
        return "a document-type heading ('Secure Message')"
    if entity in ("LOCATION", "ORGANIZATION", "PERSON") and value.lower() in _STATES and _TOWN_COMMA.search(before):
        return "a state or province after its town ('Guntur, Andhra Pradesh')"
    if all(w in _SPECIALTY_ABBREVIATIONS for w in words) and (_PAREN_BEFORE.search(before) or len(tokens) >= 2):
        return "an abbreviated specialty ('(Gen Surg)')"
    if len(tokens) == 1 and words[0] in _ROLE_NOUNS:
        return "a role noun ('Approver', 'Assessor')"
    if all(w in _FORM_LABELS for w in words):
        return "a form label in another language ('Bairro', 'Médecin')"
    if len(tokens) <= 2 and _single_label(text, start, end):
        return "a form field label ('Bairro:')"
    if len(tokens) <= 2 and _GAP_AFTER.match(after) and _header_row(text, start, end):
        return "a column header ('Unités    Valeurs')"
    if len(tokens) == 1 and _LAB_VALUE_AFTER.match(after):
        return "an analyte before its value ('Leucocitos 7.500/mm3')"
    if words == ["la"] or words == ["ga"]:
        if _ANAESTHESIA_BEFORE.search(before) or _PAREN_AFTER.match(after):
            return "local or general anaesthesia ('under LA')"
    if (dash := _SPACED_DASH.search(value)):
        tail = [t.strip(".,;:()").lower() for t in value[dash.end():].split()]
        if tail and all(t in _DEPARTMENT_WORDS or _foreign_specialty(t) or t in _SPECIALTY_ABBREVIATIONS for t in tail) \
                and _FACILITY_HEAD_WORD.search(value[:dash.start()]):
            return "a facility and its department as one span (the facility is found by its own recognizer)"
    if all(_foreign_specialty(w) or w in _DEPARTMENT_WORDS for w in words):
        return "a specialty named in another language ('Neurologie')"
    if _INSURER_WORDS.search(value):
        return "an insurer ('... Ersatzkasse')"
    return None
