"""Fresh-13 building blocks shared by its rule modules: the name, town, particle, kin and unit-after
patterns, and the anchored-rule machinery (`Anchored`, a rule matched from a cheap anchor and checked backwards, and
`AnchoredRecognizer`, which runs a list of them as one Presidio recognizer).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult

_CAP = r"\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{Ll}'’-]*"
_CITY = r"\p{Lu}\p{Ll}[\p{L}'’-]+(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]+){0,2}"
_PARTICLE = r"(?:van|von|der|den|de|da|di|le|la|du|del|dos|das|bin|binti|al|el|ap|ni|Ní|Nic|Mac|St\.?)"
_KIN = (r"(?:mom|mum|mother|dad|father|wife|husband|son|daughter|sister|brother|partner|spouse|grandma|grandpa|nan|"
        r"nana|gran|granny|grandmother|grandfather|granddaughter|grandson|aunt|auntie|uncle|niece|nephew|cousin|"
        r"child|baby|infant|twin|friend|neighbou?r|fianc[ée]e?|boyfriend|girlfriend|carer|caregiver|guardian)")
_UNIT_AFTER = (r"(?![ \t]*(?:mg|mcg|µg|g|kg|lbs?|mL|ml|L|dL|%|units?|IU|mmol|mEq|mmHg|bpm|kcal|cal|cm|mm|in|ft|"
               r"hours?|hrs?|days?|weeks?|months?|years?|times)\b)")


# ---------------------------------------------------------------------------------------------
# rules matched from an anchor


@dataclass(frozen=True)
class Anchored:
    """A rule matched from a cheap anchor (a label word, a bracket, a dash, a facility word), then checked backwards:
    `back` is a pattern the text before the match must end with. `span`: "forward" (the forward match's
    group v, or all of it), "back" (back's group v) or "both" (from back's group v to the forward match's end).
    `label` checks back's group "label"; `gates`, patterns the text must all contain, skip the rule cheaply; `window`
    is how far back `back` may reach."""

    pattern: str
    score: float
    validate: Callable[[str], bool] | None = None
    back: str | None = None
    span: str = "forward"
    label: Callable[[str], bool] | None = None
    gates: tuple[str, ...] = ()
    window: int = 40
    entity: str = ""


def _with(entity: str, rules: list[Anchored]) -> list[Anchored]:
    return [dataclasses.replace(r, entity=entity) for r in rules]


class AnchoredRecognizer(EntityRecognizer):
    """Rules written as an anchor and a look back: a pattern that opens on any capitalised word is tried at every
    word of a note; these are tried only at their anchor."""

    def __init__(self, rules: list[Anchored], name: str):
        self._rules = [(regex.compile(r.pattern, regex.VERSION0),
                        regex.compile(r.back, regex.VERSION0) if r.back else None,
                        [regex.compile(g, regex.VERSION0) for g in r.gates], r) for r in rules]
        super().__init__(supported_entities=sorted({r.entity for r in rules}), name=name, supported_language="en")

    def load(self) -> None:  # patterns are compiled in __init__
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = []
        for forward, back, gates, rule in self._rules:
            if not all(g.search(text) for g in gates):
                continue
            for m in forward.finditer(text):
                start, end = m.span("v") if "v" in forward.groupindex else m.span()
                if back is not None:
                    b = back.search(text, max(0, m.start() - rule.window), m.start())
                    if b is None or (rule.label is not None and not rule.label(b.group("label"))):
                        continue
                    if rule.span == "back":
                        start, end = b.span("v")
                    elif rule.span == "both":
                        start = b.start("v")
                if end <= start or (rule.validate is not None and not rule.validate(text[start:end])):
                    continue
                results.append(RecognizerResult(
                    entity_type=rule.entity, start=start, end=end, score=rule.score,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                          RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))
        return results
