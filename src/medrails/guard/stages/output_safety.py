"""`output_safety`: unsafe content in the model's answer: personal dosing ("take 800 mg"),
"stop taking", "you have <diagnosis>", step-by-step procedure instructions. Offending
sentences are removed and a redirect added (rewrite); when most of the answer is unsafe it is
blocked (refuse with the matching category)."""

from __future__ import annotations

import re

from medrails.guard.stage import register_stage
from medrails.guard.types import GuardContext, StageResult

_DOSE = r"\d+(\.\d+)?\s*(mg|mcg|µg|g|ml|units?|iu|tablets?|pills?|capsules?|puffs?|drops?)\b"
OUTPUT_RULES: list[tuple[str, str, re.Pattern]] = [
    ("R3", "personal dosing", re.compile(
        r"\byou (should|can|could|need to|must|may want to)\s+(take|give|use|inject|increase|start with|try)\b.{0,40}" + _DOSE
        + r"|\b(take|give|inject|use)\s+" + _DOSE + r"|\byour (dose|dosage) (should|is|would be)\b", re.I)),
    ("R2", "medication change", re.compile(
        r"\b(you should|you can|you could|it is fine to|it's fine to|it's okay to|it is safe to|go ahead and)\s+(just\s+)?"
        r"(stop|quit|skip|double|discontinue|come off)\b|\bstop taking (your|the)\b", re.I)),
    ("R1", "personal diagnosis", re.compile(
        r"\byou (have|likely have|probably have|definitely have|are suffering from|are having|'ve got)\s+(a |an )?"
        r"(\w+\s){0,2}(disease|syndrome|infection|cancer|disorder|diabetes|hypertension|pneumonia|appendicitis|"
        r"depression|flu|covid|strep|uti|\w+itis|\w+emia|\w+osis|\w+oma)\b", re.I)),
    ("R5", "procedure instructions", re.compile(
        r"\b(make an? (small )?incision|cut (into|open) the|insert the needle|sterilize (a|the) (needle|blade|knife)|"
        r"suture the|stitch the wound yourself|lance the|drain the (abscess|boil|cyst) (yourself|at home))\b", re.I)),
]
# "If you have diabetes, ..." is conditional education, not a diagnosis
_CONDITIONAL = re.compile(r"\b(if|when|whether|unless|once|whenever|in case|who|because|until|after|before)\s+(\w+\s+)?$", re.I)


def _unsafe(category: str, rx: re.Pattern, sentence: str) -> bool:
    for m in rx.finditer(sentence):
        if category in ("R1", "R2") and _CONDITIONAL.search(sentence[:m.start()][-30:]):
            continue
        return True
    return False


SAFE_NOTE = ("I can't give personal dosing, diagnosis or treatment-change advice here; please ask your doctor or "
             "pharmacist about your own situation.")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@register_stage("output_safety")
class OutputSafety:
    name = "output_safety"
    phase = "output"

    def __init__(self, block_fraction: float = 0.5):
        self.block_fraction = block_fraction

    def run(self, ctx: GuardContext) -> StageResult:
        sentences = [s for s in _SENTENCE.split(ctx.output) if s.strip()]
        flagged: list[tuple[int, str, str]] = []
        for i, sentence in enumerate(sentences):
            for category, why, rx in OUTPUT_RULES:
                if _unsafe(category, rx, sentence):
                    flagged.append((i, category, why))
                    break
        if not flagged:
            return StageResult(name=self.name, action="pass", score=0.0)
        share = len({i for i, _, _ in flagged}) / max(1, len(sentences))
        reasons = sorted({why for _, _, why in flagged})
        ctx.review_reasons.append(f"output_safety: {', '.join(reasons)}")
        if share >= self.block_fraction:
            return StageResult(name=self.name, action="block", score=min(1.0, share), decision="refuse",
                               category=flagged[0][1], detail=f"{len(flagged)}/{len(sentences)} sentences unsafe: {', '.join(reasons)}")
        drop = {i for i, _, _ in flagged}
        ctx.output = " ".join(s.strip() for i, s in enumerate(sentences) if i not in drop) + "\n\n" + SAFE_NOTE
        return StageResult(name=self.name, action="rewrite", score=min(1.0, share),
                           detail=f"removed {len(drop)} sentence(s): {', '.join(reasons)}")
