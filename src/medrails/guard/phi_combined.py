"""One Presidio registry entry for many recognizers: the analyzer's per-recognizer bookkeeping (context enhancement,
thresholds) is paid once per fresh set's module, not once per rule group. Each fresh set's module (phi_kinds14..17)
builds its parts and names the entry."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult


class CombinedRecognizer(EntityRecognizer):
    """Runs `parts` in order and reports their results as its own (the analyzer keeps only results whose recognizer id
    it knows, so each result is re-stamped with this entry's name and id)."""

    def __init__(self, name: str, parts: list[EntityRecognizer]):
        self._parts = parts
        entities = sorted({e for part in parts for e in part.supported_entities})
        super().__init__(supported_entities=entities, name=name, supported_language="en")

    def load(self) -> None:
        pass

    def analyze(self, text, entities, nlp_artifacts=None):  # noqa: D102 (Presidio API)
        results = [r for part in self._parts for r in part.analyze(text, entities, nlp_artifacts)]
        for r in results:
            r.recognition_metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}
        return results
