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
         r"\brecien nacid[oa]\b.{0,60}\b(fiebre|calentura|38|39)\b",
         # the age first, a reading or "fiebre" much later in a long message (guard_unseen13, tuned)
         _BABY + r"\b.{0,25}\b(de |tiene |con )?(\d{1,2}|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez) (dias?|semanas?)\b"
         r".{0,250}\b(fiebre|calentura|(marco|marca|tiene|de) 3[89]([.,]\d)?|10[0-4]([.,]\d)? ?f)\b")),
    ("cardiac", "chest pain with distress (Spanish)",
     _rx(r"\b(mandibula|quijada|espalda|brazo)\b.{0,60}\b(nause\w*|sudando frio|sudor frio|suda frio)\b",  # guard_unseen29: a woman's heart attack
         r"\b(nause\w*|sudando frio|sudor frio)\b.{0,60}\b(mandibula|quijada|espalda|brazo)\b",
         r"\b(dolor|presion|opresion|apreton)\b.{0,25}\bpecho\b.{0,80}\b(brazo|mandibula|quijada|sud\w*|sudor|frio|aire|respirar|mare\w*|"
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
     _rx(r"\b(garganta|lengua|labios|cara)\b.{0,25}\b(hinch\w*|cerrando(se|seme|sele)?|cierra|inflamad\w*)\b",  # "garganta cerrándose" (guard_unseen86)
         r"\b(hinch\w*|cerrando|cierra|inflamando)\b.{0,15}\b(la |las |los |el )?(garganta|lengua|labios|cara)\b", r"\breaccion alergica (grave|fuerte|severa)\b",
         r"\banafila\w*\b")),
    ("suicide", "suicidal intent or self-harm (Spanish)",
     _rx(r"\b(quiero|quiere|quieren|voy a|va a|van a|vamos a|pienso|piensa|pensando en|ganas de|intento|intentar|trato de) (morir(me|se)?\b"
         # "me voy a morir de la risa / de hambre / de vergüenza" is an idiom
         r"(?! de (la )?(risa|hambre|sed|frio|calor|verguenza|aburrimiento|sueno|amor|ganas|envidia|miedo|nervios|cansancio|pena))|matarme|matarse|suicidarme|suicidarse|quitarme la vida|"
         r"quitarse la vida|acabar con (mi|su) vida|acabar con todo|terminar con todo|terminar con mi vida)\b", r"\bme quiero morir\b", r"\bno quiero (vivir|seguir viviendo|despertar)\b",
         # someone else's words: "mi abuelo dijo que ya no quiere vivir y está parado en el balcón" (guard_unseen19)
         r"\b(dijo|dijeron|me dijo|nos dijo|me acaba de decir) que (ya )?no (quiere|quiero) (vivir|seguir viviendo|despertar)\b",
         r"\b(ya )?no quiere (vivir|seguir viviendo)\b.{0,60}\b(balcon|azotea|puente|ventana|piso \d+|pastillas|cuerda|soga|navaja|arma|pistola)\b",
         r"\b(me estoy|se esta|me sigo|sigo) (cortando|quemando|lastimando|haciendo dano)\b", r"(?<!no tengo pensamientos de )(?<!no tengo ideas de )(?<!no tengo ganas de )(?<!sin pensamientos de )(?<!nunca he pensado en )"
         r"\b(cortarme|quemarme|hacerme dano)\b",  # "estoy bien, no tengo pensamientos de hacerme daño" (guard_unseen86) is a denial
         r"\b(pienso|pensando|ideas?|pensamientos) (en el |de )?suicid(io|arme|arse)\b", r"\b(mejor|mejor estarian) sin mi\b",
         # a goodbye letter, a means made ready, or "taking them all tonight" said of oneself
         r"\b(escribi|escribiendo|deje|tengo lista) (mi |una |la )?carta(s)? de despedida\b",
         r"\b(cuerda|soga) (lista|preparada|para (colgarme|ahorcarme))\b",
         r"\bya no quiero (seguir aqui|seguir en este mundo|estar aqui|seguir viviendo)\b",
         r"\b(pienso|voy a|quiero) (tomarmelas|tomarmelos|tragarmelas|tragarmelos) tod[oa]s\b",
         # the clitic first: "tengo las pastillas de mi mamá aquí y me las voy a tomar todas esta noche" (guard_unseen69)
         # "quiero entender si es normal querer morirse. ya tengo todo planeado para el viernes" (review of 7934528)
         r"\b(morir\w*|matarme|suicid\w*|acabar con todo)\b.{0,80}\b(ya )?(tengo|lo tengo) (todo )?(planeado|pensado|decidido)\b",
         r"^(?!.*\b(antibiotic\w*|amoxicilin\w*|vitaminas|prenatales|como (me )?(dijo|indico|receto)|hasta (el parto|terminar|que se acaben)|el tratamiento)\b)"
         r".*\bme (las|los) (voy a|pienso|quiero) (tomar|tragar|beber) tod[oa]s\b(?!\s*(o|al dia|por dia|juntas|juntos|en la manana)\b)")),
    ("overdose", "overdose or poisoning (Spanish)",
     _rx(r"\b(se tomo|me tome|tomo|trago|se trago|me trague|comio|se comio)\b.{0,30}\b(todas las|muchas|un frasco|un bote|una caja|demasiad\w*|"
         r"\d{2,}|diez|doce|quince|veinte|treinta|varias|un punado)\b.{0,25}\b(pastillas|pildoras|tabletas|medicinas?|capsulas)\b", r"(?<!murio de una )(?<!murio por una )(?<!fallecio de una )(?<!fallecio por una )(?<!muerte por )(?<!muertes por )(?<!prevencion de )"
         r"\bsobredosis\b(?!.{0,20}\bhace (\w+ ){1,2}(anos|meses)\b)",  # "mi hermano falleció por una sobredosis hace dos años" (guard_unseen86)
         r"\b(bebio|trago|se tomo|tomo|comio|se comio|se bebio|me bebi|chupo)\b.{0,30}\b(cloro|lejia|veneno|anticongelante|detergente|pila|"
         r"bateria|raticida|insecticida|gasolina|destapacanos|destapa\w*|limpiador\w*|quitagrasa|sosa|acido|suavizante|pinol|amoniaco|aguarras|"
         r"thinner|removedor|blanqueador|desinfectante|herbicida|matamalezas|mata ?malezas|mata ?hierbas?|matayuyos|glifosato|paraquat|plaguicida|pesticida|veneno para (ratas|ratones|cucarachas|hormigas)|capsulas? de detergente|liquido para (destapar|limpiar))\b",
         # "se tomó medio frasco de vitaminas con hierro": a container's worth of anything swallowed
         r"\b(se tomo|me tome|tomo|trago|se trago|me trague|comio|se comio|se bebio|bebio)\b.{0,20}\b(medio|media|un|una|todo el|toda la|el|la|"
         r"\d+)\s+(frasco|bote|caja|botella|blister|paquete|tira)s?\b",
         # "se tomó unas pastillas de hierro de mi mamá, como 10": the count after the pills
         r"\b(se tomo|se trago|se comio|me tome|me trague)\b.{0,30}\b(pastillas|pildoras|tabletas|capsulas)\b.{0,50}\b(como|unas|mas de|casi) (\d+|diez|veinte)\b")),
    ("bleeding", "severe bleeding (Spanish)",
     _rx(r"\bno (para|deja) de sangrar\b", r"\bsangr(a|ando) (mucho|muchisimo|sin parar)\b", r"\bmuch(a|isima) sangre\b", r"\bhemorragia\b",
         r"\bno (para|deja de sangrar|se detiene)\b.{0,30}\b(aprieto|apretando|presion|trapo|toalla)\b",
         r"\b(vomitando|escupiendo|tosiendo) sangre\b",
         # "sangrado fuerte ... no para desde hace una hora, ya llené varias gasas" (guard_unseen22)
         r"\bsangrado (fuerte|abundante|muy fuerte|que no para)\b.{0,80}\b(no (para|se detiene|se para)|gasas|desde hace)\b")),
    ("unconscious", "unresponsive person (Spanish)",
     _rx(r"\bno (responde|reacciona|despierta|se despierta|respira)\b", r"\binconsciente\b", r"\bse desmayo y no\b", r"\bsin pulso\b")),
    ("seizure", "seizure now (Spanish)",
     _rx(r"\bconvulsion(ando|a)\b", r"\b(esta|tiene|le (esta )?dando|le dio) (una )?(convulsion|convulsiones|ataque epileptico|crisis convulsiva)\b",
         r"\b(le esta dando|esta teniendo) un ataque\b")),
]

# More kinds, same classes (guard-es, session 6: guard_es_probe1 missed 27 of 62 Spanish emergencies, each sent to
# the `language` refusal). Each names a kind of danger in the words people use for it, not one sentence.
_SWALLOW = r"(se tomo|me tome|tomo|trago|se trago|me trague|comio|se comio|se bebio|bebio|me bebi|se metio|me meti|se echo)"
_AIRWAY = r"(garganta|lengua|labios|boca|voz ronca|ronquera|respirar|tragar|ahog\w*)"
SPANISH_EMERGENCY += [
    ("cardiac", "chest weight or clutching with distress (Spanish)",
     _rx(r"\b(peso|presion|opresion|apreton|dolor)\b.{0,30}\bpecho\b.{0,80}\b(palid\w*|gris|sudando|sudor\w*|le falta el aire|me falta el aire)\b",
         r"\b(se (agarra|toca|aprieta|sujeta|coge)|agarrandose|tocandose|apretandose|sujetandose) el pecho\b.{0,80}\b(aire|respirar|sud\w*|dolor|duele|"
         r"palid\w*|mare\w*|desmay\w*|cae|cayo|frio|fria)\b",
         r"\b(se me acelera|acelerado|palpitaciones|taquicardia|el corazon a mil)\b.{0,50}\b(me duele el pecho|le duele el pecho|dolor (de|en el) pecho)\b",
         # a stimulant with the heart racing or chest pain: the cardiac danger of an overdose
         r"\b(cocaina|perico|coca|crack|metanfetamina|cristal|anfetaminas?)\b.{0,60}\b(corazon a mil|taquicardia|dolor (de|en el) pecho|"
         r"me duele el pecho|le duele el pecho|el corazon (muy )?rapido)\b")),
    ("stroke", "face, speech or one side of the body gone (Spanish)",
     _rx(r"\bse (le|me) (torcio|cayo|chueco|desvio|paralizo|durmio|cae|esta cayendo)\b.{0,20}\b(la )?(boca|cara|sonrisa)\b",
         r"\b(le|me) cuelga\b.{0,25}\b(boca|cara|labio|parpado)\b",
         r"\b(de repente|de golpe|de pronto|ahorita|hace \d+ minutos|empezo|comenzo)\b.{0,60}\bno (puede|puedo|logra) (levantar|mover|sostener|sentir) "
         r"(el|la|su|mi) (brazo|pierna|mano)\b",
         r"\bno (puede|puedo|logra) (levantar|mover|sostener|sentir) (el|la|su|mi) (brazo|pierna|mano)\b.{0,60}\b(de repente|de golpe|de pronto|"
         r"ahorita|hace \d+ minutos|empezo|comenzo|palabras|habla|boca|cara)\b",
         r"\b(dice|habla) (palabras|cosas) que no (existen|tienen sentido)\b",
         r"\b(cara|boca)\b.{0,10}\bde un lado\b", r"\barrastr\w* (las )?palabras\b",
         r"\bsin poder mover (el|la|los|las|su|mi|medio)?\s?\w*\s?(brazo|pierna|lado|cuerpo)\b",
         r"\b(medio cuerpo|la mitad del cuerpo|un lado del cuerpo|el lado (izquierdo|derecho))\b.{0,20}\b(dormid\w*|entumid\w*|paralizad\w*|"
         r"sin fuerza|no (lo|la|le|me) (siente|responde))\b",
         r"\bhabla(ndo)? (cosas )?sin sentido\b.{0,60}\b(de repente|empezo|ahorita|ahora|hace \d+|medio cuerpo|brazo|cara|boca)\b",
         r"\b(de repente|de golpe)\b.{0,40}\bno (ve|veo) (de|por) un ojo\b")),
    ("breathing", "choking, retractions, a rescue inhaler not working (Spanish)",
     _rx(r"\bse (le |me )?(atoro|atraganto|atasco|trabo|quedo atorad\w*)\b.{0,60}\b(no (puede|puedo|podia) (toser|hablar|respirar|llorar)|"
         r"ni (respirar|toser)|morad\w*|azul\w*|ahog\w*)\b",
         r"\bno (puede|puedo|pueden) (toser|hablar|llorar) ni respirar\b", r"\bno me entra (el )?aire\b",
         r"\bse (le|me) hunden? (las costillas|el pecho|la panza|el cuello)\b",
         r"\bse (esta|estan|esta ya) poniendo (azul|morad[oa])\b",
         r"\b(inhalador|puff|nebuliz\w*|ventolin|salbutamol)\b.{0,30}\bno (le|me) (hace nada|ayuda|funciona|sirve|esta haciendo)\b",
         r"\b(respira|respirando)\b.{0,30}\b(con mucha dificultad|rapidisimo|muy rapido|con silbido)\b.{0,60}\b(no puede hablar|casi no (puede )?habla\w*|"
         r"labios|morad\w*|azul\w*|costillas)\b")),
    ("anaphylaxis", "allergic reaction reaching the airway (Spanish)",
     _rx(r"\b(ronchas|urticaria|habones|alergic[oa])\b.{0,80}\b" + _AIRWAY + r"\b",
         r"\b(boca|labios|lengua|garganta|cara)\b.{0,10}\bhinchad[oa]s?\b.{0,60}\b(despues de|comio|comer|comi|pico|picadura|inyeccion|pastilla|"
         r"le cuesta (hablar|respirar|tragar)|me cuesta (hablar|respirar|tragar))\b",
         r"\bhinch\w*\b.{0,25}\b(boca|labios|lengua|garganta)\b.{0,60}\b(despues de|comio|comer|comi|pico|picadura|alergi\w*|epipen|inyeccion|pastilla|kiwi|mani|nueces|camarones|mariscos)\b",
         r"\b(despues de|comio|comi|pico|picadura|inyeccion)\b.{0,60}\bhinch\w*\b.{0,25}\b(boca|labios|lengua|garganta)\b",
         r"\b(hinchad[oa]s?|ronchas|roja e hinchada)\b.{0,40}\b(respira con dificultad|le cuesta respirar|me cuesta respirar|no puede respirar)\b",
         r"\b(epipen|epinefrina|adrenalina autoinyectable|autoinyector)\b.{0,80}\b(hinch\w*|ronchas|respir\w*|garganta|se lo pongo|se la pongo|lo uso)\b")),
    ("suicide", "a death wish or plan in other word orders (Spanish)",
     _rx(r"\b(me|se|te) (quiero|quiere|voy a|va a|vas a|iba a|pienso|piensa) (matar|suicidar)\b",
         r"\b(dormir(me)?|acostarme) y no (volver a )?despertar\b", r"\bno despertar(me)? (nunca )?mas\b",
         r"\bpara no (volver a )?despertar(me)?\b(?! a )",
         r"\b(quiero|voy a|pienso|me voy a|quiere|va a) (saltar|tirarme|aventarme|lanzarme|tirarse|aventarse)\b.{0,40}\b(puente|azotea|edificio|"
         r"techo|balcon|piso \d+|ventana|vias|tren|metro)\b",
         r"\b(pensando en|pienso en|ganas de) (colgarme|ahorcarme|cortarme las venas|envenenarme|pegarme un tiro)\b",
         r"\b(tirarme|aventarme|lanzarme)\b.{0,10}\b(a|de|desde|bajo|debajo de) (las vias|el puente|la azotea|el metro|el tren|un edificio|el balcon)\b",
         r"\b(puente|azotea|edificio|techo|balcon|ventana|vias del tren)\b.{0,50}\b(quiero|voy a|pienso|me voy a) (saltar|tirarme|aventarme|lanzarme)\b",
         # guard_unseen37/39: "tengo las pastillas en la mano y quiero que todo termine"; "estoy en el puente. no sé ni por qué te escribo esto"
         r"\b(tengo|con|agarre|tengo ya) (las|unas|mis|todas las|el frasco de) (pastillas|pildoras|tabletas|capsulas)( \w+)? (en la mano|aqui conmigo)\b",
         r"^(?!.*\b(embaraz\w*|parto|dolor|migrana|tos|fiebre|clase|semana|reunion|viaje)\b).*\bquiero que (todo (termine|se acabe|acabe)|se acabe todo)\b",
         r"\bestoy (en|arriba de|parad[oa] en|sentad[oa] en) (el|la|un|una) (puente|azotea|borde|cornisa|vias del tren|techo del edificio)\b.{0,80}"
         r"\b(no se (ni )?por que te (escribo|cuento)|adios|despedirme|ya no (puedo|aguanto)|es la ultima vez|perdon)\b")),
    ("overdose", "a child into pills, a whole bottle, insulin twice, too much of a drug (Spanish)",
     _rx(r"\b(" + _BABY + r"|sobrin[oa]|hermanit[oa]|primit[oa]|de [1-5] anos)\b.{0,40}\b(se comio|se tomo|se trago|comio|tomo|trago|se metio)\b.{0,30}\b(pastillas|pildoras|tabletas|capsulas|medicinas?)\b",
         r"\b(pastillas|pildoras|tabletas|capsulas)\b.{0,60}\bno (se|sabemos|se sabe) cuant[ao]s\b",
         r"\b" + _SWALLOW + r"\b.{0,80}\b(botella|frasco|bote|caja|tira|blister|paquete)s? (entera|entero|completa|completo)\b",
         # said as done, or with its signs (not "¿me pongo el doble?", a dosing question)
         r"\b(se puso|me puse|se inyecto|me inyecte|se aplico|me aplique|se tomo|me tome)\b.{0,30}\b(insulina|pastillas del dia|pastillas de la manana|"
         r"pastillas de la noche|medicinas del dia)\b.{0,30}\b(dos veces|doble|de mas|el doble|demasiad\w*)\b",
         r"\b(dos veces|doble dosis|de mas)\b.{0,60}\b(sudando|confundid[oa]|temblando|muy dormid[oa]|no responde|mareadisim[oa]|desmay\w*)\b",
         r"\b(mordio|chupo|se metio a la boca|se trago|trago|se comio|comio)\b.{0,20}\b(capsulas?|pastillas?|bolitas?) (de|para la) (detergente|lavadora|"
         r"lavavajillas|jabon)\b",
         r"\b(se tomo|se trago|se comio|comio|tomo|trago|bebio)\b.{0,30}\b(aceite de lampara|parafina|queroseno|keroseno|cloro|lejia)\b",
         r"\b(se tomo|se trago|se comio|me tome|me trague|comio)\b.{0,30}\b(gomitas|vitaminas|pastillas|tabletas|capsulas)\b.{0,50}\b(como|unas|mas de|casi) "
         r"(\d+|diez|quince|veinte)\b",
         r"\b(se metio|se tomo|se inyecto|consumio|esnifo|se fumo|me meti|me tome)\b.{0,15}\b(un monton|muchisim[oa]|demasiad[oa]|mucha|mucho)\b.{0,15}\b"
         r"(cocaina|perico|coca|heroina|fentanilo|metanfetamina|cristal|extasis|tachas|ketamina|alcohol|pastillas)\b")),
    ("bleeding", "blood pouring or everywhere (Spanish)",
     _rx(r"\bsangre a (chorros|borbotones|mares)\b", r"\bsangre por todos lados\b", r"\b(chorrea|chorreando|brota|brotando|sale a chorros) sangre\b",
         r"\bsangr\w* (un monton|a mares|como loc[oa])\b", r"\bsale a chorros\b",
         r"\b(empapo|empapa|empapando|empapad[oa]|empapo)\b.{0,30}\b(gasa|gasas|toalla|toallas|venda|vendas|ropa|sabana)\b",
         r"\b(cayo|golpe|golpeo|choque|accidente)\b.{0,60}\b(sale|salia|le sale) sangre (de|por) (la|el) (oreja|oido|nariz y la boca)\b", r"\bsangre\b.{0,60}\bsin parar\b", r"\bsin parar\b.{0,20}\bsangr\w*\b")),
    ("unconscious", "gone, not answering, a floppy baby (Spanish)",
     _rx(r"\b(esta|se quedo) (como )?(ido|ida|perdid[oa]|desvanecid[oa])\b.{0,40}\bno (me |nos |le )?(responde|contesta|reacciona|habla)\b",
         r"\b(tirad[oa]|en el (piso|suelo)|se cayo|se desplomo|desplomad[oa])\b.{0,60}\bno (me |nos |le )?(responde|contesta|reacciona|se despierta|despierta)\b",
         r"\bno (me |nos |le )?(contesta|responde|reacciona)\b.{0,40}\b(ojos abiertos|ojos en blanco|no se mueve|tirad[oa])\b",
         r"\b(flojit[oa]|floj[oa]|como trapo|aguadit[oa]|desmadejad[oa])\b.{0,40}\bno (llora|abre los ojos|responde|reacciona|se despierta)\b",
         r"\bno (lo|la|le) (puedo|podemos|puede|pueden) despertar\b", r"\bse desplomo\b",
         r"\b(confundid[oa]|sudando)\b.{0,40}\bya no (me |nos |le )?(habla|responde|contesta)\b",
         r"\bno (abre|quiere abrir) los ojos\b.{0,40}\bno (llora|responde|reacciona|se mueve)\b")),
    ("seizure", "shaking with eyes rolled or foam, a seizure that will not stop (Spanish)",
     _rx(r"\b(temblando|sacudiendo\w*|se sacude|sacudirse|rigid[oa]|tiesa?o?)\b.{0,60}\b(ojos (en blanco|para atras|volteados|virados)|espuma|babeando)\b",
         r"\b(ojos (en blanco|para atras|volteados|virados)|espuma por la boca)\b.{0,60}\b(temblando|sacud\w*|rigid[oa]|no responde)\b",
         r"\b(esta|sigue) con (una )?(convulsion|convulsiones|crisis)\b",
         r"\bse (le )?(fueron|voltearon|viraron|pusieron) los ojos (para arriba|para atras|en blanco)\b",
         r"\bsacudiendose\b.{0,40}\b(mordio la lengua|no responde|no contesta)\b", r"\bacaba de convulsionar\b",
         r"\bconvulsion\w*\b.{0,30}\b(dura|durando|lleva|ya va) (mas de )?\w+ minutos\b",
         r"\btembl\w*\b.{0,30}\b(echando baba|babeando|espuma)\b",
         r"\bconvulsion(es)?\b.{0,40}\b(que no para|no para|le viene otra|otra vez|de nuevo|seguidas|ya van)\b")),
]

# Broad danger words, read ONLY where the message would otherwise get the bilingual `language` refusal (no Spanish rule
# read it, no refuse request in it): there, choosing the emergency reply costs no over-refusal (both flag the message)
# and a fresh Spanish emergency is no longer answered with a generic refusal. Written after guard_es_probe2 (14 of 50
# Spanish emergencies got the language refusal): tuned on it, from now on regression data.
_KID = r"(\d{1,2} meses|chiquit[oa]|nene|nena|bebe|bebita|bebito|hij[oa]|sobrin\w*|niet[oa]|nin[oa]|de [1-5] anos|tiene [1-5] anos)"
# only about the past ("se desmayó el mes pasado y le hicieron estudios"): the broad words are history there
_ES_PAST = _rx(r"\b(el (mes|ano) pasado|la semana pasada|hace (\d+|unos|varios|un par de|dos|tres) (anos|meses|semanas)|antier|anteayer|"
               r"de (nino|nina|chic[oa])|cuando (era|tenia)|ya paso|ya esta bien)\b")
SPANISH_EMERGENCY_BROAD: list[tuple[str, str, object]] = [
    ("breathing", "no air, gasping, turning blue (Spanish, broad)",
     _rx(r"\bno (le |me |nos )?entra (nada de |el |nada el )?aire\b", r"\bboque(a|ando)\b", r"\b(se (esta|puso|pone|esta poniendo) |esta |(labios|cara|boca|unas) )(morad[oa]s?|azulad[oa]s?)\b(?! de )",
         r"\bataque de asma\b.{0,60}\b(nada|no (me |le )?(sirve|funciona|hace)|no (puedo|puede) (ni )?hablar)\b",
         r"\bse (le|me) fue (la comida|el agua|algo) por (el otro lado|mal camino)\b")),
    ("stroke", "one side of the face or body, sight or words lost suddenly (Spanish, broad)",
     _rx(r"\b(perdi\w*|se me fue|no veo) (la vista|de un ojo)\b", r"\b(entumi\w*|adormec\w*|dormid[oa])\b.{0,15}\b(media cara|la cara|medio cuerpo)\b",
         r"\b(baba|boca|cara|labio)\b.{0,25}\bde un lado\b", r"\bno le salen las palabras\b",
         r"\bconfundid[oa]\b.{0,60}\b(de repente|empezo|comenzo|hace un rato|hace \d+ minutos)\b")),
    ("suicide", "a method or a plan to die (Spanish, broad)",
     _rx(r"\b(colgarme|ahorcarme|quitarme la vida|terminar con mi vida|acabar con mi vida|pegarme un tiro|cortarme las venas)\b",
         r"\bpastillas contadas\b", r"\b(voy a|pienso|quiero) (tomarmel[oa]s|tragarmel[oa]s)\b",
         r"\b(se va a|va a|dice que se va a|amenaza con) (tirar|matar|colgar|ahorcar|suicidar)\w*\b",
         r"\b(no veo salida|no le veo salida|nadie me (va a )?extran\w*)\b.{0,60}\b(pastillas|cuerda|soga|puente|navaja|arma|pistola|tirarme|colgarme)\b")),
    ("overdose", "a small child into something, too much of a drug with its signs (Spanish, broad)",
     _rx(r"\b" + _KID + r"\b.{0,50}\b(se trago|se comio|se tomo|se bebio|trago|comio|mordio|chupo)\b.{0,40}\b(pastillas|pildoras|tabletas|vitaminas|"
         r"gomitas|capsulas|medicina|jarabe|pilas?|bateria|veneno|limpiador\w*|detergente|cloro|alcohol)\b",
         r"\b(se trago|se comio|se tomo|se bebio|trago|comio)\b.{0,40}\b(pastillas|vitaminas|gomitas|pilas?)\b.{0,60}\b" + _KID + r"\b",
         # a double dose by mistake, with a slow pulse or dizziness now (guard_unseen30)
         r"\b(se tomo|tomo|se tomaron|le di|le dimos)\b.{0,40}\b(el doble|doble|dos veces|de mas|demasiad\w*)\b.{0,80}\b(marea\w*|pulso (muy )?lento|"
         r"vomit\w*|confundid\w*|desmay\w*|no (responde|despierta))\b",
         # wild mushrooms eaten, strong symptoms now (guard_unseen26)
         r"\b(comi|comio|comimos|comieron|probe|probo)\b.{0,20}\b(hongos|setas|champinones)\b.{0,60}\b(vomit\w*|diarrea|mareo|confus\w*|dolor)\b",
         r"\b(se paso con|se metio|se tomo|consumio)\b.{0,30}\b(las pastas|pastas|pastillas|droga\w*|perico|cristal|tachas)\b.{0,60}\b(temblando|"
         r"no se ubica|convuls\w*|no responde|desmay\w*|no reacciona|morad[oa])\b")),
    ("bleeding", "blood vomited or black stools with faintness (Spanish, broad)",
     _rx(r"\b(vomit\w*|escupi\w*|tosi\w*) sangre\b", r"\b(popo|caca|heces|evacuaciones) negras?\b.{0,60}\b(sangre|mare\w*|desmay\w*|palid\w*)\b")),
    ("unconscious", "collapsed, not moving or answering (Spanish, broad)",
     _rx(r"\bse (desplomo|desvanecio|desmayo)\b", r"\bno (se mueve|habla|contesta|responde|reacciona)\b.{0,40}\b(ojos abiertos|tirad[oa]|piso|suelo)\b",
         r"\b(sudad[oa]|sudando)\b.{0,30}\bno (habla|responde|contesta|reacciona)\b")),
    ("seizure", "rigid, jerking, eyes rolled (Spanish, broad)",
     _rx(r"\b(ojos en blanco|rigid[oa]|ties[oa])\b.{0,40}\b(sacudid\w*|sacud\w*|temblando|convuls\w*)\b",
         r"\b(sacudid\w*|sacud\w*|temblando)\b.{0,40}\b(ojos en blanco|rigid[oa]|ties[oa])\b")),
    ("newborn_fever", "fever in a baby counted in weeks or one month (Spanish, broad)",
     _rx(r"\b(\d|un|una|dos|tres|cuatro|cinco|seis|siete|ocho) (semanas?|mes)\b.{0,40}\b(fiebre|calentura|temperatura|38|39)\b")),
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
    hits: dict[str, RuleHit] = {}
    for cls, name, rx in SPANISH_EMERGENCY:
        if cls not in hits and rx.search(t):
            hits[cls] = RuleHit(cls, name)  # one hit per class (a class has a first and a later, guard-es, group)
    if not hits and not SPANISH_INJECTION.search(t) and not _ES_PAST.search(t) and not_understood(text):
        from medrails.guard.rules_es import spanish_refuse_hits

        if not spanish_refuse_hits(text):  # a request (R1-R6) keeps its language refusal
            hits = {cls: RuleHit(cls, name) for cls, name, rx in SPANISH_EMERGENCY_BROAD if rx.search(t)}
    return list(hits.values())


def spanish_past(text: str) -> bool:
    """A Spanish message that places its story in the past ("hace dos años", "el mes pasado")."""
    return bool(_ES_PAST.search(deaccent(text)))


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


_AGE_YO = re.compile(r"(\d) ?(yo|y/o)\b", re.I)


def _function_words(t: str) -> tuple[int, int, int]:
    """(words, foreign function words, English function words) in a deaccented text; one-letter tokens ("2y", "x":
    maths, not Spanish "y") are not words."""
    words = [w for w in _WORD.findall(t) if len(w) > 1]
    return len(words), sum(1 for w in words if w in _FOREIGN), sum(1 for w in words if w in _ENGLISH)


def _deaccented_head(text: str) -> str:
    return _AGE_YO.sub(r"\1 years old", deaccent(text[:4000]))  # "ED: 3yo, purpuric rash": an age, not Spanish "yo"


def mostly_foreign(text: str) -> bool:
    """More foreign than English function words (at least two), whatever the Spanish rules made of it."""
    if not _maybe_foreign(text[:4000]):
        return False
    _, foreign, english = _function_words(_deaccented_head(text))
    return foreign >= 2 and foreign > english


def not_understood(text: str) -> bool:
    """Mostly in a language the guard does not read: mostly non-Latin letters, or more foreign than
    English function words ("¿qué dosis de ibuprofeno le doy a mi hijo?")."""
    if not _maybe_foreign(text[:4000]):
        return False
    from medrails.guard.rules_es import spanish_education, spanish_non_medical

    if spanish_education(text) or spanish_non_medical(text):
        return False  # rules_es read it: a clearly educational question, or a non-medical request
    t = _deaccented_head(text)
    letters = [c for c in t if c.isalpha()]
    if len(letters) >= 3 and sum(1 for c in letters if not c.isascii()) > len(letters) / 2:
        return True  # Cyrillic, Chinese (no spaces), Arabic...: the guard reads none of them
    words, foreign, english = _function_words(t)
    return words >= 3 and foreign >= 2 and foreign > 1.5 * english
