"""The Stage protocol and registry. Third parties register stages via the
`medrails.guard_stages` entry-point group (name -> factory taking the stage's options)."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import Any, Literal, Protocol, runtime_checkable

from medrails.errors import ConfigError
from medrails.guard.types import GuardContext, StageResult

Phase = Literal["input", "output"]
ENTRY_POINT_GROUP = "medrails.guard_stages"


@runtime_checkable
class Stage(Protocol):
    """One guard step. `run` inspects (and may edit) the context and reports what it did."""

    name: str
    phase: Phase

    def run(self, ctx: GuardContext) -> StageResult: ...


StageFactory = Callable[..., Stage]
_registry: dict[str, StageFactory] = {}
_entry_points_loaded = False


def register_stage(name: str) -> Callable[[StageFactory], StageFactory]:
    """Decorator: make a stage class/factory available to policies under `name`."""

    def wrap(factory: StageFactory) -> StageFactory:
        _registry[name] = factory
        return factory

    return wrap


def _load_builtin_and_plugins() -> None:
    global _entry_points_loaded
    import medrails.guard.stages  # noqa: F401  (registers the built-in stages)

    if not _entry_points_loaded:
        for ep in entry_points(group=ENTRY_POINT_GROUP):
            if ep.name not in _registry:
                _registry[ep.name] = ep.load()
        _entry_points_loaded = True


def known_stages() -> list[str]:
    _load_builtin_and_plugins()
    return sorted(_registry)


def build_stage(name: str, options: dict[str, Any] | None = None, where: str = "stage") -> Stage:
    _load_builtin_and_plugins()
    factory = _registry.get(name)
    if factory is None:
        raise ConfigError([f"{where}: unknown guard stage {name!r}; known stages: {', '.join(known_stages())}"])
    try:
        stage = factory(**(options or {}))
    except TypeError as exc:
        raise ConfigError([f"{where}: bad options for stage {name!r}: {exc}"]) from None
    return stage
