"""The guarded OpenAI-compatible gateway: `create_app(ServeConfig)`; run it with `medrails serve`."""

from medrails.serve.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from medrails.serve.app import create_app

        return create_app
    raise AttributeError(name)
