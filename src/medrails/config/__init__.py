"""Pydantic config models and YAML loading that reports every problem at once."""

from medrails.config.loader import StrictModel, apply_overrides, load_config, parse_overrides, validate

__all__ = ["StrictModel", "apply_overrides", "load_config", "parse_overrides", "validate"]
