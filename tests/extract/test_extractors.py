"""Extractors: the dictionary baseline and the prompted-LLM reply parser."""

from __future__ import annotations

from medrails.extract import DictionaryExtractor, LLMExtractor, Span


def test_dictionary_longest_match_word_bounded_case_insensitive():
    extractor = DictionaryExtractor({"Disease": ["breast cancer", "cancer", "ALS"], "Chemical": ["tamoxifen"]})
    text = "Tamoxifen lowers Breast  Cancer risk; cancers and alsatian dogs are unrelated."
    spans = extractor.extract(text)
    assert [(s.text, s.label) for s in spans] == [("Tamoxifen", "Chemical"), ("Breast  Cancer", "Disease")]


def test_dictionary_from_gold_spans_keeps_majority_label():
    docs = [("aspirin helps", [Span(0, 7, "Chemical")]), ("aspirin again", [Span(0, 7, "Chemical")]),
            ("aspirin here", [Span(0, 7, "Disease")])]
    assert DictionaryExtractor.from_spans(docs).lexicon == {"aspirin": "Chemical"}


class _Reply:
    name = "canned"

    def __init__(self, text):
        self.text = text

    def generate(self, messages, params):
        assert messages[0]["role"] == "system" and messages[-1]["role"] == "user"
        return self.text


def test_llm_extractor_locates_mentions_and_counts_hallucinations():
    text = "Cisplatin caused severe ototoxicity and nausea."
    extractor = LLMExtractor(_Reply("DRUG: cisplatin\nADVERSE_EFFECT: ototoxicity\nADVERSE_EFFECT: hair loss\n"
                                    "- ADVERSE_EFFECT: nausea.\nOTHER: x"), ("ADVERSE_EFFECT", "DRUG"))
    spans = extractor.extract(text)
    assert [(s.label, s.text) for s in spans] == [("DRUG", "Cisplatin"), ("ADVERSE_EFFECT", "ototoxicity"),
                                                  ("ADVERSE_EFFECT", "nausea")]
    assert extractor.unlocated == 1
