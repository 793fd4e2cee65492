"""A learned PHI token tagger: a linear-chain CRF (python-crfsuite) over word tokens, trained on the
clinical notes we wrote ourselves (guard/phi_tagger_train.py), that finds PHI the rules have no
pattern for: a lower-case name after "my wife", a facility named in a chat, a town after a postcode.

Rules stay the first line; the tagger's spans are added to theirs (the redactor's union), each kept only
when the model's own probability clears `threshold`, and then pass the same clinical-false-positive
suppression as every other span. Features are local and generic (shape, case, affixes, the words around,
the form field a value sits in, whether a word is a known given name or a common word): no note's
values are in the model's vocabulary by construction of the training split, and the shipped model
is measured on note sets it never saw (docs/readme/phi.md)."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from medrails.errors import MedrailsError

MODEL_PATH = Path(__file__).parent / "classifiers" / "phi_tagger.crfsuite"
META_NAME = "phi_tagger.json"
DEFAULT_THRESHOLD = 0.5
# a word (letters/digits, with an inner apostrophe) or any single other visible character
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|\S")
_FIELD = re.compile(r"([^\W\d_][\w.#/ -]{0,24}?)\s*[:=]\s*$")


@dataclass(frozen=True)
class TaggedSpan:
    label: str
    start: int
    end: int
    probability: float


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def given_names() -> frozenset[str]:
    from medrails.guard.phi_given_names import given_names as lexicon  # cached there

    return lexicon()


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    from medrails.guard.embeddings import wordpiece_vocabulary

    return wordpiece_vocabulary()


@functools.lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@functools.lru_cache(maxsize=65536)
def _word_features(word: str) -> tuple[str, ...]:
    """Features of a word on its own (cached: words repeat across messages)."""
    lower = word.lower()
    names, common = given_names(), common_words()
    feats = [f"w={lower}", f"sh={_shape(word)}", f"len={min(len(word), 12)}"]
    if word[:1].isalpha():
        feats += [f"p3={lower[:3]}", f"s3={lower[-3:]}", f"s2={lower[-2:]}"]
        if word.istitle():
            feats.append("title")
        elif word.isupper() and len(word) > 1:
            feats.append("upper")
        elif word.islower():
            feats.append("lower")
        if lower in names:
            feats.append("given")
        if lower in common:
            feats.append("common")
    elif word.isdigit():
        feats.append(f"digits={min(len(word), 12)}")
    return tuple(feats)


def _context_word(text: str, spans: list[tuple[int, int]], j: int) -> str:
    if j < 0:
        return "<s>"
    if j >= len(spans):
        return "</s>"
    a, b = spans[j]
    return text[a:b].lower()


def features(text: str, spans: list[tuple[int, int]]) -> list[list[str]]:
    """One feature list per token (strings: pycrfsuite weights them 1.0)."""
    words = [text[a:b] for a, b in spans]
    out: list[list[str]] = []
    line_start = 0
    field = ""
    for i, (a, _) in enumerate(spans):
        gap = text[spans[i - 1][1]:a] if i else text[:a]
        new_line = "\n" in gap or i == 0
        if new_line:
            line_start = text.rfind("\n", 0, a) + 1
            field = ""
        word = words[i]
        feats = list(_word_features(word))
        if new_line:
            feats.append("bol")
        elif "  " in gap or "\t" in gap:
            feats.append("colgap")
        prev_text = text[line_start:a]
        if prev_text.rstrip().endswith((":", "=")):
            match = _FIELD.search(prev_text)
            field = match.group(1).lower() if match else ""
        if field:
            feats.append(f"field={field.split()[-1] if field.split() else field}")
        for off in (-2, -1, 1, 2):
            j = i + off
            w = _context_word(text, spans, j)
            feats.append(f"{off}:w={w}")
            if 0 <= j < len(words):
                feats.append(f"{off}:sh={_shape(words[j])}")
                if words[j].lower() in given_names() and words[j][:1].isalpha():
                    feats.append(f"{off}:given")
        out.append(feats)
    return out


def item_features(text: str, spans: list[tuple[int, int]], projection=None) -> list[dict[str, float]]:
    """Everything the CRF reads per token: the word and context features, the layout features
    (phi_tagger_layout) and, when the model was trained with them, the projected encoder states."""
    from medrails.guard.phi_tagger_layout import layout_features

    items = [dict.fromkeys(f + extra, 1.0) for f, extra in zip(features(text, spans), layout_features(text, spans),
                                                               strict=True)]
    if projection is not None:
        from medrails.guard.phi_tagger_states import token_states

        add_state_features(items, projection(token_states(text, spans)))
    return items


_STATE_KEYS: dict[int, tuple[str, ...]] = {}


def add_state_features(items: list[dict[str, float]], projected) -> None:
    # on the request's critical path (after the encoder wait): the keys are made once and the row's floats are
    # read in one tolist() (the same Python floats as float(v) per element)
    width = projected.shape[1] if len(projected) else 0
    keys = _STATE_KEYS.get(width)
    if keys is None:
        keys = _STATE_KEYS[width] = tuple(f"e{k}" for k in range(width))
    for item, row in zip(items, projected.tolist(), strict=True):
        item.update(zip(keys, row, strict=True))


class PhiTagger:
    """The shipped CRF. `tag(text)` returns spans whose mean token probability clears the threshold."""

    def __init__(self, model_path: Path = MODEL_PATH, threshold: float | None = None):
        """`threshold` None: the one stored with the model (phi_tagger.json), else DEFAULT_THRESHOLD. A model whose
        sha256 differs from its phi_tagger.json is refused (a PHI stage that errors fails closed)."""
        try:
            import pycrfsuite
        except ImportError:
            raise MedrailsError("python-crfsuite is missing: pip install python-crfsuite") from None
        if not model_path.is_file():
            raise MedrailsError(f"PHI tagger model {model_path} is missing: run `medrails guard train-phi` "
                                "or reinstall medrails")
        meta = _meta(model_path)
        if meta and meta.get("sha256") != hashlib.sha256(model_path.read_bytes()).hexdigest():
            raise MedrailsError(f"PHI tagger model {model_path} does not match the sha256 in {META_NAME}: "
                                "retrain it (`medrails guard train-phi`) or reinstall medrails")
        self.threshold = threshold if threshold is not None else float(meta.get("threshold", DEFAULT_THRESHOLD))
        self.projection = None
        if meta.get("projection"):  # the model reads the encoder's token states through this projection
            from medrails.guard.phi_tagger_states import Projection

            path = model_path.with_name(meta["projection"]["file"])
            if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != meta["projection"]["sha256"]:
                raise MedrailsError(f"PHI tagger projection {path} is missing or does not match {META_NAME}: "
                                    "retrain it (`medrails guard train-phi`) or reinstall medrails")
            self.projection = Projection.load(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, text: str) -> list[TaggedSpan]:
        spans = tokens(text)
        if not spans:
            return []
        labels = self._tagger.tag(item_features(text, spans, self.projection))
        return decode(text, spans, labels, self._tagger.marginal, self.threshold)


def _meta(model_path: Path) -> dict:
    path = model_path.with_name(META_NAME)
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise MedrailsError(f"cannot read {path}: {exc}") from None


def decode(text: str, spans: list[tuple[int, int]], labels: list[str], marginal, threshold: float) -> list[TaggedSpan]:
    """BIO labels -> spans; a span's probability is the mean over its tokens of P(its label)."""
    out: list[TaggedSpan] = []
    current: list[int] = []
    kind = ""

    def close() -> None:
        if current:
            probs = [marginal(labels[k], k) for k in current]
            p = sum(probs) / len(probs)
            if p >= threshold:
                out.append(TaggedSpan(kind, spans[current[0]][0], spans[current[-1]][1], p))

    for i, label in enumerate(labels):
        if label == "O":
            close()
            current, kind = [], ""
            continue
        tag, typ = label.split("-", 1)
        if tag == "B" or typ != kind:
            close()
            current, kind = [i], typ
        else:
            current.append(i)
    close()
    return out


@functools.lru_cache(maxsize=1)
def get_tagger() -> PhiTagger:
    return PhiTagger()
