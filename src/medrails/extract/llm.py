"""Prompted-LLM extractor: ask a chat model to list the mentions, then locate them in the text.

The reply format is one mention per line, ``LABEL: mention`` (``NONE`` when there is none).
Mentions that do not occur verbatim (case-insensitive) in the text are dropped and counted in
`unlocated`, so hallucinated entities cost recall instead of silently becoming false spans.
"""

from __future__ import annotations

import re

from medrails.extract.spans import Span
from medrails.models.base import GenerationParams

DESCRIPTIONS = {
    "Disease": "diseases, disorders, syndromes and symptoms",
    "Chemical": "chemicals and drugs",
    "DRUG": "drugs and medications",
    "ADVERSE_EFFECT": "adverse effects (harm attributed to a drug)",
    "DOSE": "drug doses",
}


class LLMExtractor:
    def __init__(self, model, labels: tuple[str, ...], max_new_tokens: int = 96):
        self.model = model
        self.labels = tuple(labels)
        self.name = f"llm:{getattr(model, 'name', 'model')}"
        self.params = GenerationParams(max_new_tokens=max_new_tokens, temperature=0.0)
        self.unlocated = 0
        kinds = "; ".join(f"{label} = {DESCRIPTIONS.get(label, label)}" for label in self.labels)
        self.system = (
            "You extract biomedical entities. List every mention in the user's sentence, one per line, as "
            f"LABEL: exact text. Labels: {kinds}. Copy the text exactly. If there is none, reply NONE."
        )

    def prompt(self, text: str) -> list[dict]:
        return [
            {"role": "system", "content": self.system},
            {"role": "user", "content": "Aspirin can cause stomach bleeding in people with ulcers."},
            {"role": "assistant", "content": _example_reply(self.labels)},
            {"role": "user", "content": text},
        ]

    def parse(self, reply: str, text: str) -> list[Span]:
        spans: list[Span] = []
        lowered = text.lower()
        for line in reply.splitlines():
            match = re.match(r"^\s*[-*\d.]*\s*([A-Za-z_]+)\s*:\s*(.+?)\s*$", line)
            if not match:
                continue
            label = next((lab for lab in self.labels if lab.lower() == match.group(1).lower()), None)
            mention = match.group(2).strip().strip('"\'.,;')
            if label is None or not mention:
                continue
            start = lowered.find(mention.lower())
            while start != -1 and any(s.start < start + len(mention) and start < s.end for s in spans):
                start = lowered.find(mention.lower(), start + 1)
            if start == -1:
                self.unlocated += 1
                continue
            spans.append(Span(start, start + len(mention), label, text[start:start + len(mention)]))
        return sorted(spans)

    def extract(self, text: str) -> list[Span]:
        return self.parse(self.model.generate(self.prompt(text), self.params), text)


def _example_reply(labels: tuple[str, ...]) -> str:
    lines = []
    if {"Chemical", "DRUG"} & set(labels):
        lines.append(f"{'Chemical' if 'Chemical' in labels else 'DRUG'}: Aspirin")
    if "Disease" in labels:
        lines += ["Disease: stomach bleeding", "Disease: ulcers"]
    if "ADVERSE_EFFECT" in labels:
        lines.append("ADVERSE_EFFECT: stomach bleeding")
    return "\n".join(lines) or "NONE"
