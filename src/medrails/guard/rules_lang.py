"""Messages not in English. A US patient-education assistant gets Spanish and Spanish-English mixes;
the classifier (English MiniLM) and the English rules do not read them, so a Spanish emergency came
out "out of scope" and a Spanish "ignore all previous instructions" was answered.

- Spanish emergency phrases for every emergency class and Spanish injection phrases are rules here
  (matched on lower-cased text with accents stripped: "bebé"/"bebe", "está"/"esta").
- A message mostly in a language the guard does not read (`not_understood`) is never answered
  unchecked nor sent out of scope: risk_classifier refuses it with the policy's `refuse.language`
  text, which says (in Spanish and English) to call 911 / 988 / Poison Control if it is urgent."""

from __future__ import annotations

import re
import unicodedata

from medrails.guard.rules_base import RuleHit, _rx


def deaccent(text: str) -> str:
    """Lower-cased, whitespace-normalized, accents removed ("está" -> "esta", "¿" kept out)."""
    t = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).replace("¿", " ").replace("¡", " ")
    return " ".join(t.split())


_BABY = r"(bebe|bebita|bebito|nene|nena|nino|nina|hij[oa]|niet[oa]|recien nacid[oa]|neonato|criatura)"
_NOW = r"(ahora( mismo)?|ya|de repente|hace (un rato|\d+ minutos|una hora)|esta noche|no para|no se le quita)"
SPANISH_EMERGENCY: list[tuple[str, str, object]] = [
    ("newborn_fever", "fever in a baby under 3 months (Spanish)",
     _rx(_BABY + r"\b.{0,25}\b(de |tiene |con )?(\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (dias?|semanas?)\b"
         r".{0,60}\b(fiebre|calentura|temperatura|38|39|caliente|ardiendo)\b",
         _BABY + r"\b.{0,25}\b(de |tiene |con )?(1|2|un|uno|dos) mes(es)?\b.{0,60}\b(fiebre|calentura|temperatura|38|39|caliente|ardiendo)\b",
         r"\b(fiebre|calentura)\b.{0,40}\b" + _BABY + r"\b.{0,20}\b(\d{1,2} (dias?|semanas?)|(1|2|un|uno|dos) mes(es)?)\b",
         r"\brecien nacid[oa]\b.{0,60}\b(fiebre|calentura|38|39)\b")),
    ("cardiac", "chest pain with distress (Spanish)",
     _rx(r"\b(dolor|presion|opresion|apreton)\b.{0,25}\bpecho\b.{0,80}\b(brazo|mandibula|quijada|sud\w*|sudor|frio|aire|respirar|mare\w*|"
         r"vomit\w*|nause\w*|desmay\w*|fuerte|ahora|ya)\b",
         r"\bpecho\b.{0,20}\b(duele|dolor|apretado|presion|aprieta)\b.{0,60}\b(brazo|mandibula|sud\w*|sudor|aire|respirar|mare\w*|vomit\w*|ahora)\b",
         r"\b(me|le|te) (duele|esta doliendo|aprieta)\w* (mucho |muchisimo |fuerte )?(el )?pecho\b.{0,80}\b(brazo|mandibula|quijada|sud\w*|sudor|"
         r"aire|respirar|mare\w*|vomit\w*|desmay\w*)\b",
         r"\b(esta teniendo|le esta dando|me esta dando|creo que (es|tiene|tengo) un|le dio|me dio) (un )?(infarto|ataque al corazon|ataque cardiaco)\b")),
    ("stroke", "stroke signs (Spanish)",
     _rx(r"\b(cara|boca|sonrisa)\b.{0,25}\b(caida|torcida|chueca|paralizada|colgando|de lado)\b",
         r"\b(no puede|no puedo|no logra) (hablar|mover (el|la|su|mi) (brazo|pierna|lado))\b",
         r"\b(habla|hablando)\b.{0,15}\b(raro|arrastrando|enredado|incoherente)\b",
         r"\b(esta teniendo|le esta dando|le dio|creo que (es|tiene) un) (un )?(derrame|derrame cerebral|embolia|ictus|accidente cerebrovascular)\b")),
    ("breathing", "cannot breathe (Spanish)",
     _rx(r"\bno (puede|puedo|podemos|pueden) respirar\b", r"\ble cuesta (mucho )?respirar\b", r"\bse (esta )?ahog(a|ando)\b",
         r"\b(labios|cara|unas|dedos)\b.{0,20}\b(morad\w*|azul\w*)\b", r"\bse esta asfixiando\b")),
    ("anaphylaxis", "allergic airway swelling (Spanish)",
     _rx(r"\b(garganta|lengua|labios|cara)\b.{0,25}\b(hinch\w*|cerrando|cierra|inflamad\w*)\b",
         r"\b(hinch\w*|cerrando|cierra|inflamando)\b.{0,15}\b(la |las |los |el )?(garganta|lengua|labios|cara)\b", r"\breaccion alergica (grave|fuerte|severa)\b",
         r"\banafila\w*\b")),
    ("suicide", "suicidal intent or self-harm (Spanish)",
     _rx(r"\b(quiero|quiere|quieren|voy a|va a|van a|vamos a|pienso|piensa|pensando en|ganas de|intento|intentar|trato de) (morir(me|se)?|matarme|matarse|suicidarme|suicidarse|quitarme la vida|"
         r"quitarse la vida|acabar con (mi|su) vida|acabar con todo)\b", r"\bme quiero morir\b", r"\bno quiero (vivir|seguir viviendo|despertar)\b",
         r"\b(me estoy|se esta|me sigo|sigo) (cortando|quemando|lastimando|haciendo dano)\b", r"\b(cortarme|quemarme|hacerme dano)\b",
         r"\b(pienso|pensando|ideas?|pensamientos) (en el |de )?suicid(io|arme|arse)\b", r"\b(mejor|mejor estarian) sin mi\b",
         # a goodbye letter, a means made ready, or "taking them all tonight" said of oneself
         r"\b(escribi|escribiendo|deje|tengo lista) (mi |una |la )?carta(s)? de despedida\b",
         r"\b(cuerda|soga) (lista|preparada|para (colgarme|ahorcarme))\b",
         r"\bya no quiero (seguir aqui|seguir en este mundo|estar aqui|seguir viviendo)\b",
         r"\b(pienso|voy a|quiero) (tomarmelas|tomarmelos|tragarmelas|tragarmelos) tod[oa]s\b")),
    ("overdose", "overdose or poisoning (Spanish)",
     _rx(r"\b(se tomo|me tome|tomo|trago|se trago|me trague|comio|se comio)\b.{0,30}\b(todas las|muchas|un frasco|un bote|una caja|demasiad\w*|"
         r"\d{2,})\b.{0,25}\b(pastillas|pildoras|tabletas|medicinas?|capsulas)\b", r"\bsobredosis\b",
         r"\b(bebio|trago|se tomo|tomo|comio|se comio|se bebio|me bebi|chupo)\b.{0,30}\b(cloro|lejia|veneno|anticongelante|detergente|pila|"
         r"bateria|raticida|insecticida|gasolina|destapacanos|destapa\w*|limpiador\w*|quitagrasa|sosa|acido|suavizante|pinol|amoniaco|aguarras|"
         r"thinner|removedor|blanqueador|desinfectante|capsulas? de detergente|liquido para (destapar|limpiar))\b",
         # "se tomó medio frasco de vitaminas con hierro": a container's worth of anything swallowed
         r"\b(se tomo|me tome|tomo|trago|se trago|me trague|comio|se comio|se bebio|bebio)\b.{0,20}\b(medio|media|un|una|todo el|toda la|el|la|"
         r"\d+)\s+(frasco|bote|caja|botella|blister|paquete|tira)s?\b",
         # "se tomó unas pastillas de hierro de mi mamá, como 10": the count after the pills
         r"\b(se tomo|se trago|se comio|me tome|me trague)\b.{0,30}\b(pastillas|pildoras|tabletas|capsulas)\b.{0,50}\b(como|unas|mas de|casi) (\d+|diez|veinte)\b")),
    ("bleeding", "severe bleeding (Spanish)",
     _rx(r"\bno (para|deja) de sangrar\b", r"\bsangr(a|ando) (mucho|muchisimo|sin parar)\b", r"\bmucha sangre\b", r"\bhemorragia\b",
         r"\b(vomitando|escupiendo|tosiendo) sangre\b")),
    ("unconscious", "unresponsive person (Spanish)",
     _rx(r"\bno (responde|reacciona|despierta|se despierta|respira)\b", r"\binconsciente\b", r"\bse desmayo y no\b", r"\bsin pulso\b")),
    ("seizure", "seizure now (Spanish)",
     _rx(r"\bconvulsion(ando|a)\b", r"\b(esta|tiene|le (esta )?dando|le dio) (una )?(convulsion|convulsiones|ataque epileptico|crisis convulsiva)\b",
         r"\b(le esta dando|esta teniendo) un ataque\b")),
]

SPANISH_INJECTION = _rx(
    r"\b(ignora|ignore|olvida|olvide|omite|desactiva|salta\w*)\b.{0,30}\b(todas|tus|las|sus|anteriores|previas|reglas|instrucciones)\b.{0,25}"
    r"\b(instrucciones|reglas|restricciones|normas|politicas?|filtros|indicaciones)\b",
    r"\b(actua|finge|haz de cuenta|pretende|comportate)\b.{0,40}\b(medico|doctor|farmaceutico|sin (restricciones|reglas|filtros|limites))\b",
    r"\bsin (restricciones|reglas|filtros|limites|censura)\b", r"\bmodo (desarrollador|dios|sin restricciones|libre)\b",
    r"\b(prompt|mensaje|instrucciones) (del|de) sistema\b", r"\b(revela|muestra|repite|dime)\b.{0,20}\b(tus|las) instrucciones\b")


def _maybe_foreign(text: str) -> bool:
    """Cheap gate (most messages are English): a non-ASCII letter or a foreign function word."""
    return not text.isascii() or not _FOREIGN.isdisjoint(text.lower().split())


def spanish_emergency_hits(text: str) -> list[RuleHit]:
    if not _maybe_foreign(text):
        return []
    t = deaccent(text)
    return [RuleHit(cls, name) for cls, name, rx in SPANISH_EMERGENCY if rx.search(t)]


def spanish_injection(text: str) -> bool:
    return _maybe_foreign(text) and bool(SPANISH_INJECTION.search(deaccent(text)))


# Function words that are common in Spanish/Portuguese/French/German/Italian and are not English
# words: their share, against the English function-word share, says which language a message is in.
_FOREIGN = frozenset("""
el la los las un una unos unas que del y en es por para con mi mis tu tus su sus muy pero como cuando donde tiene tengo tienen esta estoy
estan hace hay ser soy eres fue desde porque tambien yo ella ellos nosotros usted ustedes mucho poco dolor cabeza hijo hija padre madre
abuelo abuela bebe nino nina semana semanas dias mes meses puedo puede debo debe quiero necesito ayuda tomar tomo medico medicina
pastilla pastillas fiebre tos ahora siempre nunca despues antes mejor peor cual cuanto cuanta cuantos que se le lo les al
nao voce uma com meu minha ele sao tem estou isso este esse
le les des et est je il elle nous vous avec dans pas une mon mes qui du au sont suis cette ce
der das und ist ich nicht mit ein eine mein meine sie wie auch sehr habe
il della che non sono mio gli questo questa
""".split())
_ENGLISH = frozenset("""
the is are and of to in it my i what how do does can should with for have has this that be you he she we they was on at not or but if will
would about from an a his her him them our me your there their when why which who been had could just so because get got after before
""".split())
_WORD = re.compile(r"[^\W\d_]+")


def not_understood(text: str) -> bool:
    """Mostly in a language the guard does not read: mostly non-Latin letters, or more foreign than
    English function words ("¿qué dosis de ibuprofeno le doy a mi hijo?")."""
    if not _maybe_foreign(text[:4000]):
        return False
    from medrails.guard.rules_es import spanish_education, spanish_non_medical

    if spanish_education(text) or spanish_non_medical(text):
        return False  # rules_es read it: a clearly educational question, or a non-medical request
    t = deaccent(text[:4000])
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 3 and sum(1 for c in letters if not c.isascii()) > len(letters) / 2:
        return True  # Cyrillic, Chinese (no spaces), Arabic...: the guard reads none of them
    words = [w for w in _WORD.findall(t) if len(w) > 1]  # "2y", "x": maths, not Spanish "y"
    if len(words) < 3:
        return False
    foreign = sum(1 for w in words if w in _FOREIGN)
    english = sum(1 for w in words if w in _ENGLISH)
    return foreign >= 2 and foreign > 1.5 * english
