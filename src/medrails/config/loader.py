"""Load YAML into pydantic models; report ALL problems with file and dotted path."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from medrails.errors import ConfigError

T = TypeVar("T", bound=BaseModel)


class StrictModel(BaseModel):
    """Base for every config model: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "<root>"


def _describe(err: dict[str, Any], model: type[BaseModel]) -> str:
    path = _dotted(tuple(err["loc"]))
    if err["type"] == "extra_forbidden":
        parent = _field_owner(model, err["loc"][:-1])
        known = sorted(parent.model_fields) if parent else []
        hint = f" (valid keys: {', '.join(known)})" if known else ""
        return f"{path}: unknown key{hint}"
    if err["type"] == "missing":
        return f"{path}: required field is missing"
    value = err.get("input")
    shown = repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{path}: {err['msg']} (got {shown})"


def _field_owner(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for key in loc:
        if isinstance(key, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or key not in fields:
            return None
        annotation = fields[key].annotation
        current = _innermost_model(annotation)
        if current is None:
            return None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _innermost_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _innermost_model(arg)
        if found is not None:
            return found
    return None


def validate(model: type[T], data: Any, source: str = "<config>") -> T:
    """Validate a mapping; raise ConfigError naming every bad field at once."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError([f"<root>: expected a mapping of keys, got {type(data).__name__}"], source)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError([_describe(e, model) for e in exc.errors()], source) from None


def parse_overrides(items: list[str] | None) -> dict[str, Any]:
    """`a.b=c` strings into a nested dict; values parsed as YAML scalars (1, true, [a, b])."""
    result: dict[str, Any] = {}
    problems = []
    for item in items or []:
        if "=" not in item:
            problems.append(f"--set {item!r}: expected KEY=VALUE, for example --set lora_rank=8")
            continue
        key, raw = item.split("=", 1)
        key = key.strip()
        if not key:
            problems.append(f"--set {item!r}: the key is empty")
            continue
        try:
            value = yaml.safe_load(raw) if raw.strip() else ""
        except yaml.YAMLError:
            value = raw
        node = result
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                problems.append(f"--set {item!r}: {part} is both a value and a section")
                break
        else:
            node[parts[-1]] = value
    if problems:
        raise ConfigError(problems, "--set")
    return result


def apply_overrides(data: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge overrides into data (overrides win); returns a new dict."""
    merged = dict(data)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = apply_overrides(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_yaml(path: str | Path) -> Any:
    """yaml.safe_load a file, turning every failure into a ConfigError with line numbers."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError([f"file not found: {path} (check the path)"], str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError([f"not UTF-8 text (byte {exc.start}); save the file as UTF-8"], str(path)) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ConfigError([f"{where}invalid YAML: {problem}"], str(path)) from None


def load_config(model: type[T], path: str | Path | None = None, overrides: list[str] | None = None) -> T:
    """Read YAML (optional), apply `--set` overrides, validate; every problem reported at once."""
    data: dict[str, Any] = {}
    source = "<defaults>"
    if path is not None:
        source = str(path)
        raw = read_yaml(path)
        if raw is not None and not isinstance(raw, dict):
            raise ConfigError([f"<root>: expected a mapping of keys, got {type(raw).__name__}"], source)
        data = raw or {}
    if overrides:
        data = apply_overrides(data, parse_overrides(overrides))
        source = f"{source} + --set" if path else "--set"
    return validate(model, data, source)
