"""Classifier features: the MiniLM sentence embedding plus a few lexical cues the embedding
blurs (who the question is about, dose words, "right now" urgency, rule-override language).

The cues matter at the policy boundary: "what is the usual adult dose of ibuprofen" (education)
and "how much ibuprofen should I take" (R3) embed close together; the first-person and
advice-seeking cues separate them."""

from __future__ import annotations

import re

import numpy as np

from medrails.guard.embeddings import SHIPPED, classifier_embeddings

_CUES: list[tuple[str, re.Pattern]] = [
    ("first_person", re.compile(r"\b(i|i'm|im|i've|ive|i'd|me|my|myself|mine)\b", re.I)),
    ("my_relative", re.compile(r"\bmy\s+(\w+\s+)?(son|daughter|kid|child|baby|toddler|mom|mother|dad|father|husband|wife|"
                               r"partner|friend|grandma|grandpa|grandmother|grandfather|brother|sister|aunt|uncle|"
                               r"boyfriend|girlfriend|roommate|infant|newborn)\b", re.I)),
    ("advice_ask", re.compile(r"\b(should|can|could|may|do|must)\s+(i|we|he|she|they|my)\b|\bis it (ok|okay|fine|safe|alright) "
                              r"(for me|if i|to)\b|\bwhat should\b|\bwhich .* (should|for) (i|me|my)\b", re.I)),
    ("dose_words", re.compile(r"\b(dose|doses|dosage|dosing|mg|milligrams?|ml|units?|tablets?|pills?|puffs?|how much|how many)\b", re.I)),
    ("general_frame", re.compile(r"\b(in general|generally|general|typical(ly)?|usual(ly)?|standard|guidelines?|label|"
                                 r"according to|research|studies|evidence|what is|what are|how does|how do|explain)\b", re.I)),
    ("now_urgency", re.compile(r"\b(right now|now|just|suddenly|sudden|won't stop|wont stop|can't|cant|tonight|minutes? ago|"
                               r"hour ago|help)\b", re.I)),
    # "why do my ears pop on planes", "is that common": curiosity about a mechanism, not a request to
    # identify one's own condition (R1) — the embedding alone sends first-person "why" questions to R1
    ("curiosity", re.compile(r"^\s*(why|how come)\s+(do|does|did|is|are|am|would|can)\b|\b(is (that|it|this) (a )?(common|normal)( thing)?|"
                             r"curious|wondering|wondered|in general|generally|usually|typically)\b", re.I)),
    ("override", re.compile(r"\b(ignore|disregard|forget|override|bypass|jailbreak|unfiltered|unrestricted|no (rules|limits|"
                            r"restrictions)|system prompt|developer mode|pretend|roleplay|role-play|act as)\b", re.I)),
]
CUE_NAMES = [name for name, _ in _CUES]
CUE_SCALE = 0.35  # cue columns are 0/1; the embedding columns have norm 1 over 384 dims


def cue_vector(text: str) -> np.ndarray:
    return np.array([1.0 if rx.search(text) else 0.0 for _, rx in _CUES], dtype=np.float32) * CUE_SCALE


def featurize(texts: list[str], embeddings: np.ndarray | None = None, adapter=SHIPPED) -> np.ndarray:
    """Rows of [embedding (384) | lexical cues]; `adapter`: the classifier encoder (embeddings.py)."""
    emb = classifier_embeddings(texts, adapter) if embeddings is None else embeddings
    cues = np.stack([cue_vector(t) for t in texts]) if texts else np.zeros((0, len(_CUES)), dtype=np.float32)
    return np.hstack([emb, cues]).astype(np.float32)
