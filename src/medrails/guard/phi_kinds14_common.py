"""Fresh-14 building blocks shared by its recognizer modules: the name-word, capitals-word, lower-case
word, particle and digit-word patterns, the date shape no identifier or table cell may have, and `_result`, which builds a Presidio result in a recognizer's name.
"""

from __future__ import annotations

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}\p{M}'’-]*\p{Ll}[\p{Ll}\p{M}'’-]*"
_UPW = r"\p{Lu}[\p{Lu}\p{M}'’-]*\p{Lu}"  # a word in capitals ("MOLEFE", "O'NEIL", "QURESHI-BLOOM")
_LOW = r"[a-z][a-z'’-]+"
_PARTICLES = r"(?:VAN|VON|DER|DEN|DE|DA|DI|DU|DEL|DOS|DAS|LA|LE|BIN|BINTI|AL|EL|van|von|der|den|de|da|di|du|del|dos|das|la|le|bin|al|el)"
_DIG = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"


def _result(recognizer: EntityRecognizer, entity: str, start: int, end: int, score: float) -> RecognizerResult:
    return RecognizerResult(entity_type=entity, start=start, end=end, score=score, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: recognizer.name, RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})


_DATE_SHAPE = regex.compile(r"^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2})$")
