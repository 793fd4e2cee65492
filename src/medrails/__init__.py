"""medrails: fine-tune, evaluate and serve medical LLMs behind a defense-in-depth guard."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("medrails")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
