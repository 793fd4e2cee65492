"""Evaluation: multiple-choice benchmarks (log-likelihood or generation), safety, summarization,
extraction, human ratings, reports and model cards. `medrails eval` is the entry point."""

from medrails.eval.data import (
    DataError,
    LoadProblem,
    MCQItem,
    TaskData,
    load_medmcqa,
    load_medqa,
    load_mmlu,
    load_pubmedqa,
)
from medrails.eval.loglik import LoglikScorer, OptionScore, load_causal_lm
from medrails.eval.metrics import Estimate, bootstrap, wilson

__all__ = [
    "DataError", "Estimate", "LoadProblem", "LoglikScorer", "MCQItem", "OptionScore", "TaskData", "bootstrap",
    "load_causal_lm", "load_medmcqa", "load_medqa", "load_mmlu", "load_pubmedqa", "wilson",
]
