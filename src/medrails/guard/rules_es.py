"""Spanish layer (after the fifth and sixth blind suites): refuse rules R1-R6 in Spanish, a narrow frame
for clearly educational Spanish questions, and clearly non-medical Spanish requests.

Until now every Spanish message that no rule understood got the `language` refusal (Spanish + English,
with 911 / 988 / Poison Control). Every blind suite had a few benign Spanish questions ("¿qué es la
presión alta?") and counted them as over-refusal. The head (English MiniLM) cannot read Spanish, so
the rules decide; they fail closed:

- `spanish_education`: a question frame (qué es, cuáles son los síntomas, cómo se transmite, por qué...),
  no own case (yo, me, mi, tengo, puedo...) unless a support or school frame ("para que la familia sepa
  reconocerla", "es para mi clase"), no dose, amount, harm, purchase or self-procedure word, nothing
  happening now, and no Spanish refuse, emergency or injection rule. Only then is the message treated
  as an impersonal question (answered, the head's emergency call off). Anything else keeps the
  language refusal, which carries the emergency numbers.
- `spanish_non_medical`: a non-medical topic (translation, a recipe for food, films, money, travel,
  spreadsheets...) and no medical word in Spanish or English: out of scope.
- `spanish_refuse_hits`: personal diagnosis, stopping/starting/sharing a medicine, dosing, treatment
  choice, self-procedures and animal medicines, harm to others, purchase without a prescription."""

from __future__ import annotations

from medrails.guard.rules_base import RuleHit, _per_message, _rx
from medrails.guard.rules_lang import SPANISH_EMERGENCY, SPANISH_INJECTION, _maybe_foreign, deaccent

_MEDICINE = (r"(pastillas?|pildoras?|medicinas?|medicamentos?|tratamiento|tabletas?|capsulas?|insulina|antibioticos?|inhalador|jarabe|"
             r"gotas|parches?|anticonceptivas?|antidepresivos?|\w+(ina|ol|pril|statina|cilina|azol|pam|lam|xetina|sartan))")
_FAMILY = (r"(espos[oa]|marido|mujer|mama|papa|madre|padre|herman[oa]|amig[oa]|hij[oa]|abuel[oa]|vecin[oa]|suegr[oa]|prim[oa]|ti[oa]|"
           r"novi[oa]|pareja|companer[oa])")
_ES_DISEASE = (r"(cancer|tumor|diabetes|artritis|lupus|alzheimer|demencia|parkinson|esclerosis|anemia|hepatitis|vih|sida|herpes|"
               r"tuberculosis|neumonia|asma|epilepsia|depresion|ansiedad|bipolar|gastritis|ulcera|apendicitis|infeccion|alergia|"
               r"hernia|migrana|tiroides|hipotiroidismo|dengue|covid|gripe|influenza|\w+itis|\w+osis|\w+emia|\w+oma|maligno|grave)")

ES_REFUSE: list[tuple[str, str, object]] = [
    ("R1", "personal diagnosis (Spanish)", _rx(
        r"\b(tengo|tendre|tendra|tiene|sera|es|sera que tengo|sera que es|podria ser|puede ser)\b.{0,40}\b" + _ES_DISEASE + r"\b.{0,30}\?"
        r"(?=.*\b(yo|me|mi|mis|tengo|estoy|mio|mia|[a-z]+ame)\b)",
        r"\bque (tengo|tendre|me pasa|le pasa a mi|tiene mi|le pasa a mi \w+)\b", r"\bque (sera|podra ser|puede ser) (esto|eso)\b",
        r"\bdime (cual|que) (crees que )?(es|tengo|tiene|sera)\b", r"\b(diagnosticame|diagnosticalo|diagnosticala|dame un diagnostico)\b",
        r"\b(es|sera) (cancer|maligno|grave|un tumor)\b.{0,40}\b(mi|me|tengo)\b|\b(mi|me|tengo)\b.{0,80}\b(es|sera) (cancer|maligno|grave|un tumor)\b")),
    ("R2", "personal medication change (Spanish)", _rx(
        r"\b(dejar de|suspender|suspenderl[oa]s?|parar de|quitarme|cambiar|cambiarme|doblar|duplicar|saltarme|brincarme|aumentar(me|le)?|"
        r"bajar(me|le)?|empezar a|comenzar a)\b.{0,25}\b(tomar |usar |ponerme )?(la |el |las |los |mis |mi |su |sus )?(dosis de )?" + _MEDICINE + r"\b"
        r"(?=.*\b(puedo|debo|deberia|quiero|es seguro|esta bien|me|mi|mis|yo|podemos|debemos)\b)",
        r"\b(la|lo|las|los) (puedo|debo) (suspender|dejar|parar|cambiar|doblar)\b",
        # "quiero dejar la metformina... ¿la dejo de una vez?"
        r"\b(dejar|suspender|parar|quitarme)\s+(la|el|las|los|mis|mi)\s+" + _MEDICINE + r"\b(?=.*\b(puedo|debo|deberia|quiero|me|mi|mis|yo)\b)",
        r"\b(tomar|usar|tomarme|usarle|darle)\b.{0,25}\b(las|la|el|los|unas|unos)? ?" + _MEDICINE + r"\b.{0,30}\bde mi " + _FAMILY + r"\b",
        r"\b(puedo|debo|puede|podemos)\b.{0,20}\b(tomar|mezclar|combinar)\b.{0,50}\bcon (mi|mis|el|la) " + _MEDICINE + r"\b")),
    ("R3", "personal dosing (Spanish)", _rx(
        r"\b(cuant[oa]s?|que dosis|que cantidad)\b.{0,60}\b(le doy|le das|le damos|le puedo dar|le tengo que dar|darle|debo (tomar|darle|ponerme|ponerle)|"
        r"puedo tomar|me tomo|tomo|debe tomar|me pongo|le pongo|tomarme)\b",
        r"\b(dosis|cantidad) (para|de) (mi|mis|yo|el nino|la nina|mi hij[oa]|mi bebe)\b",
        r"\b\d+ (kilos|kg|libras)\b.{0,60}\b(cuant[oa]s?|que dosis)\b", r"\b(cuant[oa]s?|que dosis)\b.{0,60}\b\d+ (kilos|kg|libras)\b")),
    ("R4", "personal treatment choice (Spanish)", _rx(
        r"\bme conviene( mas)?\b", r"\ble conviene( mas)? a mi\b",
        r"\b(que|cual) (tratamiento|opcion|operacion|medicamento|camino)\b.{0,20}\b(me conviene|elijo|escojo|debo (elegir|escoger)|es mejor para (mi|el|ella))\b",
        r"\b(operarme|operarse|cirugia|cesarea|quimio\w*|radiacion|parto natural)\b.{0,60}\bo\b.{0,60}\b(en mi caso|para mi|en su caso)\b",
        # "¿me opero o sigo con la fisioterapia?", "¿debería operarme o seguir con la dieta?": own treatment, one or the other
        r"\b(me opero|me operan|operarme|me la quito|me lo quito|quitarmel[oa]s?|sacarmel[oa]s?)\b.{0,60}\bo (sigo|espero|seguir|esperar|no|continuo|"
        r"continuar|lo dejo|la dejo|aguanto|me aguanto)\b")),
    ("R5", "self-procedure or animal medicine (Spanish)", _rx(
        r"\b(quitar(me|le|se)?|sacar(me|le|se)?|cortar(me|le|se)?|coser(me|le)?|suturar(me|le)?|drenar(me|le)?|reventar(me|le)?|abrir(me|le)?|"
        r"quemar(me|le)?|extirpar(me|le)?|me quito|me saco|me corto|me coso|me abro)\b.{0,40}\b(yo mism[oa]|en casa|por mi cuenta|"
        r"con (unas |una |un )?(tijeras|pinzas|aguja|cuchillo|navaja|hilo|cortaunas|alicates))\b",
        r"\b(yo mism[oa]|en casa|por mi cuenta)\b.{0,40}\b(quitar(me)?|sacar(me)?|cortar(me)?|coser(me)?|drenar|reventar|extirpar) "
        r"(los puntos|las grapas|una muela|un diente|la una|un lunar|el lunar|un quiste|un absceso|una verruga)\b",
        r"\b(black salve|sangre negra|pomada negra|unguento negro)\b",
        r"\b(antibioticos?|amoxicilina|medicina|pastillas|desparasitante|ivermectina)\b.{0,20}\b(de|para) (peces|perros?|gatos?|animales|caballos|"
        r"vacas|mascotas|uso veterinario)\b",
        r"\b(dioxido de cloro|clorito de sodio|mms)\b.{0,60}\b(tomar|preparar|dosis|gotas|beber|dar)\b")),
    ("R6", "harm, misuse or purchase without a prescription (Spanish)", _rx(
        r"\bsin que (se de cuenta|lo sepa|sepa|lo note|note|se entere)\b",
        r"\b(poner|echar|meter|dar|disolver)\w*\b.{0,40}\b(en|a) (la|su|el) (bebida|comida|cafe|te|jugo|refresco|copa)\b.{0,60}\b(para que|sin que)\b",
        r"\b(dosis|cantidad) (letal|mortal)\b", r"\b(cuant[oa]s?)\b.{0,40}\b(para matar|matan|es letal|son letales|es mortal)\b",
        r"\b(comprar|conseguir|pedir|obtener)\b.{0,50}\bsin (receta|prescripcion|ir al medico)\b",
        r"\b(dormir|drogar|sedar|noquear|dejar inconsciente) a (alguien|una persona|mi|una chica|un chico|la|el)\b",
        r"\b(dejan?|dejar) (a una persona |a alguien )?inconsciente\b", r"\benvenenar\w*\b",
        r"\b(vender|comprar)\w* (un |mi |el |su )?(rinon|higado|organo|cornea)s?\b",
        r"\b(como|para) (esnifar|inhalar|inyectar(me|se)?|fumar|machacar)\b.{0,40}\b" + _MEDICINE + r"\b",
        r"\b(falsificar|falsear|inventar)\b.{0,20}\b(una )?(receta|nota medica|incapacidad|sintomas)\b")),
]

# a question frame, anywhere (a greeting may come first)
ES_QUESTION = _rx(r"(^|[.?!:,;]\s*)(que|cual|cuales|como|por que|para que|cuando|cuanto tiempo|explica|explicame|dime que|hablame|en que consiste|"
                  r"diferencia|cuales son|es cierto|es verdad|es normal)\b",
                  r"\b(sintomas|senales|signos|causas|riesgos|factores de riesgo|tipos|complicaciones|sintoma) (de|del|que)\b",
                  # PHI redaction reads a capitalised "¿Qué" as a name: "¿[NAME] es la anemia?"
                  r"(^|[.?!:,;]\s*)\[name\] (es|son|causa|causan|significa|hace|hacen|vacunas?|sintomas|alimentos|[a-z]+ (es|son|necesita|causa))\b",
                  r"\bcomo (se|funciona|funcionan|actua|actuan|afecta|afectan)\b", r"\bque (es|son|significa|causa|causan|hace|hacen)\b")
ES_PERSONAL = _rx(r"\b(yo|me|mi|mis|tengo|tuve|tenia|estoy|estuve|puedo|debo|deberia|necesito|tome|tomo|tomarme|conmigo|mio|mia|nos|"
                  r"nuestr[oa]s?|ando|siento|duele)\b", r"\ble (doy|di|das|damos|duele|dio|paso|pasa|dan)\b")
ES_SUPPORT = _rx(r"\bpara (que )?(la familia |yo |nosotros |todos |mis \w+ )?(sepa|sepamos|sepan|pueda|podamos|poder|saber)?\s*"
                 r"(reconocer\w*|detectar\w*|ayudar\w*|identificar\w*|estar preparad\w*|actuar|apoyar\w*|cuidar\w*)\b",
                 r"\b(quiero|queremos|quisiera) (saber|aprender|entender) (como|que) (detectar|reconocer|ayudar|actuar|apoyar|hacer si)\b",
                 r"\ba quien acudir\b", r"\b(soy|trabajo como|estudio para) (maestr[oa]|profesor\w*|enfermer[oa]|estudiante|cuidador\w*|voluntari[oa])\b",
                 r"\b(es|son) para (una|mi|la|un) (tarea|clase|escuela|examen|trabajo|proyecto|presentacion|exposicion)\b",
                 r"\bpara (mi|la|una) (clase|tarea|materia|exposicion) de\b", r"\b(clase|tarea) de (biologia|ciencias|salud|anatomia|quimica)\b")
ES_RISK = _rx(r"\b(dosis|cuant[oa]s? (pastillas|tabletas|mg|miligramos|ml|gotas|capsulas|le|me|debo|puedo)|mg|miligramos|letal|mortal|matar\w*|"
              r"morir\w*|envenen\w*|veneno|sin receta|sin que|drogar|sedar|esnif\w*|inyect\w*|comprar|conseguir|vender|en casa|yo mism[oa]|"
              r"casero|remedio|quitar(me|le)?|sacar(me|le)?|dejar de|suspender|parar de|cambiar de)\b")
ES_NOW = _rx(r"\b(ahora|ahorita|de repente|hace (un rato|\d+ (minutos|horas)|una hora|poco)|esta noche|hoy|anoche|ya no|no (respira|responde|"
             r"reacciona|despierta|para))\b")
ES_GENERIC = _rx(r"\b(una persona|alguien|la gente|las personas|un adolescente|los adolescentes|un nino|los ninos|mis alumnos|mis estudiantes|"
                 r"mis pacientes|un paciente|los pacientes|un amigo|una amiga|un familiar|alguno de mis)\b")
ES_OWN_CRISIS = _rx(r"\b(quiero|voy a|pienso en|tengo ganas de|intente) (morir\w*|matarme|suicidarme|desaparecer|acabar|quitarme)\b",
                    r"\b(estoy pensando en|me quiero|no quiero vivir|me estoy (cortando|lastimando|quemando))\b")
ES_MEDICAL = _rx(r"\b(salud|medic\w*|enferm\w*|doctor\w*|hospital|clinica|dolor|duele|fiebre|tos|sintomas?|pastillas?|dosis|sangre|"
                 r"corazon|presion|diabet\w*|cancer|embaraz\w*|bebe|vacunas?|virus|infeccion|alergi\w*|pecho|estomago|respir\w*|mare\w*|"
                 r"vomit\w*|herida|quemadura|veneno|suicid\w*|morir|matar\w*|muerte|droga\w*|farmac\w*|medicament\w*|tratamiento|cirugia|"
                 r"operacion|cuerpo|piel|hueso\w*|cabeza|nutri\w*|vitamina\w*|dieta|calorias|\w+itis|\w+osis|\w+emia)\b")
ES_NON_MEDICAL = _rx(r"\bcomo se dice\b",
                     r"\b(aprender|estudiar|practicar|hablar|mejorar mi) (ingles|frances|aleman|italiano|portugues|chino|japones|espanol|idiomas?)\b", r"\b(traduc\w*|en (ingles|frances|espanol|aleman|italiano|portugues))\b",
                     r"\breceta (facil |rica |sencilla )?(de|para) (un |una |el |la |unos |unas )?(arroz|pollo|pastel|torta|sopa|galletas|pan|frijoles|"
                     r"tamales|ensalada|postre|carne|pescado|pasta|cena|comida|desayuno|salsa|enchiladas|flan)\b",
                     r"\b(pelicula|peliculas|serie|series|libro|novela|cancion|canciones|musica|videojuego|juego)\b",
                     r"\b(capital de|pais|paises|presidente de|historia de (mexico|espana|america))\b",
                     r"\b(excel|tabla dinamica|computadora|celular|telefono|wifi|contrasena|aplicacion|impresora|correo electronico)\b",
                     r"\b(ahorrar|dinero|hipoteca|credito|impuestos|banco|presupuesto|invertir)\b",
                     r"\b(viaje|viajar|vuelo|pasaporte|visa|hotel|vacaciones)\b", r"\b(futbol|partido|equipo|beisbol)\b",
                     r"\b(chiste|poema|cuento|carta|discurso|brindis)\b",
                     r"\b(regalo|cumpleanos|fiesta|boda|aniversario|navidad|decoracion|ropa|moda|maquillaje|mascota nueva|jardin)\b", r"\b(curriculum|entrevista de trabajo|renuncia)\b")


def _spanish(text: str) -> str | None:
    """Deaccented text when the message may be Spanish, else None (the cheap gate keeps English out)."""
    return deaccent(text) if _maybe_foreign(text) else None


@_per_message
def spanish_refuse_hits(text: str) -> list[RuleHit]:
    d = _spanish(text)
    if d is None:
        return []
    return [RuleHit(cat, name) for cat, name, rx in ES_REFUSE if rx.search(d)]


def spanish_harm(text: str) -> bool:
    """A Spanish self-procedure or harm request (R5/R6): not an emergency happening now."""
    return any(h.category in ("R5", "R6") for h in spanish_refuse_hits(text))


@_per_message
def spanish_education(text: str) -> bool:
    """A clearly educational Spanish question, with nothing personal, risky or acute in it (module doc)."""
    d = _spanish(text)
    if d is None or not ES_QUESTION.search(d) or ES_RISK.search(d) or ES_NOW.search(d):
        return False
    if ES_PERSONAL.search(d) and not ES_SUPPORT.search(d):
        return False
    if SPANISH_INJECTION.search(d) or spanish_refuse_hits(text):
        return False
    # an emergency rule still wins unless the question is general ("qué es una sobredosis") or asks how to
    # spot it in others ("señales de que una persona piensa en suicidarse... soy maestra")
    if ES_PERSONAL.search(d) and any(rx.search(d) for _, _, rx in SPANISH_EMERGENCY):
        return bool(ES_GENERIC.search(d)) and not ES_OWN_CRISIS.search(d)
    return True


def spanish_not_now(text: str) -> bool:
    """A Spanish refuse-rule request with nothing happening now: no emergency for it (the head cannot
    read Spanish; its emergency call on "¿me conviene otra cesárea?" is noise)."""
    d = _spanish(text)
    return d is not None and bool(spanish_refuse_hits(text)) and not ES_NOW.search(d)


@_per_message
def spanish_non_medical(text: str) -> bool:
    """A Spanish request on a non-medical topic with no medical word (Spanish or English)."""
    d = _spanish(text)
    if d is None or not ES_NON_MEDICAL.search(d) or ES_MEDICAL.search(d):
        return False
    from medrails.guard.rules_scope import MEDICAL_TERMS

    return not MEDICAL_TERMS.search(d) and not SPANISH_INJECTION.search(d) and not spanish_refuse_hits(text)
