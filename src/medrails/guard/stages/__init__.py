"""Built-in guard stages; importing this package registers them."""

from medrails.guard.stages import validation  # noqa: F401

__all__ = ["validation"]
