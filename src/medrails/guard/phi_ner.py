"""Where spaCy's NER runs inside PHI analysis: only on the sentences that could name someone.

The small English NER keys on capitalization: a sentence whose only capitalized words are "I" and
harmless openers ("What", "My", "Hi") yields no PERSON/ORG/GPE, yet its tok2vec+NER pass is about
two thirds of PHI time on a 100-word question. So the text is cut into sentences (and lines),
NER runs on each sentence that holds a candidate word (cached by sentence), and the entities are
mapped back onto one document of the whole text. Pattern recognizers (MRN, dates, phones, "my name is ...")
still see every character. benchmarks/phi_benchmark.py measures recall with this in place."""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict

_HARMLESS_OPENERS = frozenset({"hi", "hello", "hey", "dear", "thanks", "thank", "also", "lately", "recently",
                               "sometimes", "usually", "ok", "okay", "yes", "no", "so", "and", "but", "or"})
_NAME_LIKE_STOP_WORDS = frozenset({"will", "may"})  # "Will is my son"
# Any word that opens with a letter; `may_name_entities` keeps those whose first letter is not
# lowercase: capitals outside A-Z ("Élodie", "Ömer", "Петров") and letters of scripts without case
# (CJK, Arabic) may be names too, and the gate must not be narrower than the NER it stands in for.
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")
_OPENS_SENTENCE = frozenset('.!?:;\n"“(')
# a sentence ends at . ! ? or a line break, but not after a title or an initial ("Dr. Smith",
# "dr. Smith", "J. Smith"): a name cut off from its title loses the context NER needs
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "st", "jr", "sr", "pt", "rev", "fr", "capt", "sgt", "col",
                     "gen", "lt", "hon", "sen", "rep", "gov", "pres", "supt", "mme", "mlle", "sra", "srta", "herr",
                     "nurse", "dra"})
_WORD_BEFORE_DOT = re.compile(r"(?<![\w.])([^\W\d_]+)\.$")


def _title_or_initial_before(text: str, dot: int) -> bool:
    """Whether the '.' at `dot` ends a title or an initial (then it ends no sentence)."""
    match = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot + 1)
    return match is not None and (len(match.group(1)) == 1 or match.group(1).lower() in _TITLES)
NER_CACHE_SIZE = 512
_STOP_WORDS: frozenset[str] | None = None


def _harmless_openers() -> frozenset[str]:
    """Lowercased words that open a sentence without naming anyone: spaCy's stop words, a few
    greetings, and the common words of medrails' own medical prose (phi_vocabulary: words seen
    lowercase and never as mid-sentence proper nouns, given names and surnames left out)."""
    global _STOP_WORDS
    if _STOP_WORDS is None:
        from spacy.lang.en.stop_words import STOP_WORDS

        from medrails.guard.phi_vocabulary import medical_vocabulary

        _STOP_WORDS = (frozenset(STOP_WORDS) | _HARMLESS_OPENERS | medical_vocabulary()) - _NAME_LIKE_STOP_WORDS
    return _STOP_WORDS


def _opens_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] == "." and _title_or_initial_before(text, i):
        return False  # "dr. House": a name after a title, not a sentence opener
    return i < 0 or text[i] in _OPENS_SENTENCE


def may_name_entities(text: str) -> bool:
    """False when no capitalized word could be a name, so NER would find nothing."""
    harmless = _harmless_openers()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].islower() or word == "I" or word.startswith(("I'", "I’")):
            continue
        lower = word.lower()
        if lower in harmless and _opens_sentence(text, match.start()):
            continue
        return True
    return False


def ner_pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences that may name entities; [] when none does."""
    bounds, start = [], 0
    for cut in _SENTENCE_END.finditer(text):
        if text[cut.start() - 1] == "." and "\n" not in cut.group(0) and _title_or_initial_before(text, cut.start() - 1):
            continue
        bounds.append((start, cut.start()))
        start = cut.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if e > s and may_name_entities(text[s:e])]


# keyed by a digest of the sentence: the cache outlives the request and must not keep the names
# it was built to find; its values are offsets and labels only
_ner_cache: OrderedDict[bytes, tuple[tuple[int, int, str], ...]] = OrderedDict()
_ner_cache_lock = threading.Lock()


def _key(sentence: str) -> bytes:
    return hashlib.blake2b(sentence.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _sentence_entities(nlp, sentences: list[str], batch_size: int) -> list[tuple[tuple[int, int, str], ...]]:
    """(start, end, label) entities of each sentence. Cached by sentence: a streamed answer is
    re-checked as it grows, and without the cache every check re-ran NER on all earlier sentences."""
    found: dict[str, tuple[tuple[int, int, str], ...]] = {}
    keys = {sentence: _key(sentence) for sentence in sentences}
    with _ner_cache_lock:
        for sentence, key in keys.items():
            if key in _ner_cache:
                _ner_cache.move_to_end(key)
                found[sentence] = _ner_cache[key]
    missing = [s for s in keys if s not in found]
    for sentence, doc in zip(missing, nlp.pipe(missing, batch_size=batch_size), strict=True):
        found[sentence] = tuple((e.start_char, e.end_char, e.label_) for e in doc.ents)
    with _ner_cache_lock:
        for sentence in missing:
            _ner_cache[keys[sentence]] = found[sentence]
        while len(_ner_cache) > NER_CACHE_SIZE:
            _ner_cache.popitem(last=False)
    return [found[s] for s in sentences]


def clear_ner_cache() -> None:
    with _ner_cache_lock:
        _ner_cache.clear()


# Words of the neighbouring text each sentence is read with. The small pipeline's tok2vec sees
# about 4 tokens either side (window 1, depth 4) and the NER's features a few more: a sentence read
# alone lost names full-text NER found ("I have a cough. Schuster is my doctor ..." -> missed).
CONTEXT_WORDS = 8
_LEFT_CONTEXT = re.compile(rf"(?:\S+\s+){{0,{CONTEXT_WORDS}}}$")
_RIGHT_CONTEXT = re.compile(rf"(?:\s+\S+){{0,{CONTEXT_WORDS}}}")


def _with_context(text: str, start: int, end: int) -> tuple[int, int]:
    left = _LEFT_CONTEXT.search(text, max(0, start - 200), start)
    right = _RIGHT_CONTEXT.match(text, end, min(len(text), end + 200))
    return start - len(left.group(0)) if left else start, end + len(right.group(0)) if right else end


def _union(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping entities (a sentence and its neighbour's context both saw a name) become one
    span covering both: dropping the shorter one could leave part of a name unredacted."""
    merged: list[tuple[int, int, str]] = []
    for s, e, label in sorted(spans, key=lambda x: (x[0], -x[1])):
        if merged and s < merged[-1][1]:
            ms, me, mlabel = merged[-1]
            merged[-1] = (ms, max(me, e), mlabel if me - ms >= e - s else label)
        else:
            merged.append((s, e, label))
    return merged


def gated_docs(nlp, texts: list[str], batch_size: int = 32):
    """spaCy Docs of `texts` with entities found only in their `ner_pieces`, each read with
    CONTEXT_WORDS of its neighbours (one batched pass)."""
    from spacy.tokens import Span

    jobs = [(i, ps, t[ps:pe]) for i, t in enumerate(texts) for s, e in ner_pieces(t)
            for ps, pe in [_with_context(t, s, e)]]
    entities = _sentence_entities(nlp, [sentence for _, _, sentence in jobs], batch_size)
    found: dict[int, list[tuple[int, int, str]]] = {}
    for (i, offset, _), ents in zip(jobs, entities, strict=True):
        found.setdefault(i, []).extend((offset + s, offset + e, label) for s, e, label in ents)
    for i, text in enumerate(texts):
        doc = nlp.make_doc(text)
        tokens = []  # entity char spans widened to whole tokens of the full text, then made disjoint
        for s, e, label in found.get(i, []):
            span = doc.char_span(s, e, label=label, alignment_mode="expand")
            if span is not None:
                tokens.append((span.start, span.end, label))
        doc.ents = [Span(doc, s, e, label=label) for s, e, label in _union(tokens)]
        yield doc


def gated_engine_class(base):
    """A subclass of Presidio's SpacyNlpEngine that runs NER through `gated_docs`."""

    class GatedSpacyNlpEngine(base):
        def process_text(self, text: str, language: str):
            doc = next(gated_docs(self.nlp[language], [text]))
            return self._doc_to_nlp_artifact(doc, language)

        def process_batch(self, texts, language: str, batch_size: int = 1, n_process: int = 1, as_tuples: bool = False):
            if as_tuples or n_process != 1:
                yield from super().process_batch(texts, language, batch_size, n_process, as_tuples)
                return
            texts = [str(t) for t in texts]
            for text, doc in zip(texts, gated_docs(self.nlp[language], texts, max(1, batch_size)), strict=True):
                yield text, self._doc_to_nlp_artifact(doc, language)

    return GatedSpacyNlpEngine
