"""Shared machinery of the guard rules: the rule-hit record, the per-message answer cache (keyed by a
digest, never by the message text), lower-casing, and the keyword-prefiltered alternation `_rx`."""

from __future__ import annotations

import functools
import re
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from medrails.guard.embeddings import text_key


@dataclass(frozen=True)
class RuleHit:
    category: str
    rule: str


_CACHE_MAX_CHARS = 20_000
_CACHE_SIZE = 128


def _per_message(fn):
    """The input stages (triage, injection, risk, the decision) ask the same questions of one
    message several times; these are pure functions of the text, so each is answered once per text.
    The cache is keyed by a blake2b digest of the text (embeddings.text_key), so no message text stays
    in process memory; answers are bools and RuleHit lists (rule names, no text). Lists are copied so a
    caller cannot change the cached answer; huge texts are not kept."""
    cache: OrderedDict[bytes, object] = OrderedDict()
    lock = Lock()

    @functools.wraps(fn)
    def wrapper(text: str):
        if len(text) > _CACHE_MAX_CHARS:
            return fn(text)
        key = text_key(text)
        with lock:
            if key in cache:
                cache.move_to_end(key)
                out = cache[key]
                return list(out) if isinstance(out, list) else out
        out = fn(text)
        with lock:
            cache[key] = out
            if len(cache) > _CACHE_SIZE:
                cache.popitem(last=False)
        return list(out) if isinstance(out, list) else out

    def cache_clear():
        with lock:
            cache.clear()

    wrapper.cache_clear = cache_clear
    wrapper.cache_len = lambda: len(cache)
    return wrapper


def _rx_plain(*parts: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in parts), re.I)


def _rx(*parts: str) -> _Alternatives:
    return _Alternatives(parts)


# -- keyword prefilter -----------------------------------------------------------------------------
# A large alternation is tried at every position of the message, so a 100-word message cost ~1.5 ms
# in the rules alone. Each alternative instead gets the literal strings one of which any match must
# contain (read off the parsed pattern), and its regex only runs when one of them is in the text.
# The prefilter is sound by construction: it can skip a search, never a match.
_MIN_TRIGGER = 2


def _triggers(items) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence `items` contains (None: no such set)."""
    from re import _constants as c  # the opcodes of re's own parser (Python 3.11+)

    candidates: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is c.LITERAL:
            run += chr(arg).lower()
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        if op is c.SUBPATTERN:
            sub = _triggers(arg[-1])
        elif op is c.BRANCH:
            subs = [_triggers(b) for b in arg[1]]
            sub = None if any(x is None for x in subs) else frozenset().union(*subs)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            sub = _triggers(arg[2])
        else:  # classes, any-char, anchors, lookarounds, optional repeats: nothing required
            sub = None
        if sub:
            candidates.append(sub)
    if run:
        candidates.append(frozenset([run]))
    usable = [s for s in candidates if min(map(len, s)) >= _MIN_TRIGGER]
    # the best set is the one whose shortest string is longest (rarest), then the smallest set
    return max(usable, key=lambda s: (min(map(len, s)), -len(s))) if usable else None


def _required_sets(items) -> list[frozenset[str]]:
    """Every top-level requirement of a pattern (each must be met), rarest first: a match needs a
    string from each set, so the regex is skipped as soon as one set has none in the text."""
    from re import _constants as c

    out = []
    for op, arg in items:
        if op is c.SUBPATTERN:
            out.extend(_required_sets(arg[-1]))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and arg[0] >= 1:
            out.extend(_required_sets(arg[2]))
        else:
            t = _triggers([(op, arg)]) if op is not c.LITERAL else None
            if t:
                out.append(t)
    whole = _triggers(items)  # literal runs across items ("kill " + group) are only seen whole
    if whole and whole not in out:
        out.append(whole)
    return sorted(set(out), key=lambda s: (-min(map(len, s)), len(s)))


class _Alternatives:
    """re.Pattern-like `.search` over "a|b|c", each alternative behind its keyword prefilter.
    Texts must be lower-cased (normalize) so the literal check sees what re.I would match."""

    def __init__(self, parts: tuple[str, ...]):
        from re import _parser

        self.pattern = "|".join(f"(?:{p})" for p in parts)
        self._parts = []
        for part in parts:
            rx = re.compile(part, re.I)
            sets = _required_sets(_parser.parse(part, re.I))
            self._parts.append((tuple(tuple(sorted(t)) for t in sets), rx))

    def search(self, text: str) -> re.Match | None:
        for sets, rx in self._parts:
            if not all(any(s in text for s in trig) for trig in sets):
                continue
            m = rx.search(text)
            if m:
                return m
        return None

def normalize(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# a box of cereal or a tube of snacks finished is food, not an ingestion
NOT_FOOD = (r"(?!\s+of\s+(\w+ )?(cereal|cheerios|crackers|cookies|biscuits|chips|crisps|raisins|baby food|puree|yog(h)?urt|juice|milk|formula|water|fruit|candy|"
             r"sweets|chocolate|snacks?|puffs|popcorn|pasta|rice|bread|ketchup|peanut butter|nutella|sprinkles|tic ?tacs|mints|gum)\b)")
