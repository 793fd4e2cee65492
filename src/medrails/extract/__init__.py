"""Clinical entity extraction: span types, a dictionary baseline and a prompted-LLM extractor."""

from medrails.extract.dictionary import DictionaryExtractor
from medrails.extract.llm import LLMExtractor
from medrails.extract.spans import Extractor, Span

__all__ = ["DictionaryExtractor", "Extractor", "LLMExtractor", "Span"]
