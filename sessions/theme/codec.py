"""A parsed theme as plain JSON, and back: what the theme cache stores instead of a pickle.

The cache lives in a folder a consultant may share or sync (OneDrive, Dropbox); reading it must
never run code. A pickle can run anything it names; this format holds only data. Each value is
JSON, with small tagged objects for what JSON lacks:

    {"t": [...]}                    a tuple
    {"d": [[key, value], ...]}      a dict (its keys need not be strings)
    {"p": "..."}                    a path
    {"e": "module:Name", "v": ...}  a member of one of oplaeg's own enums
    {"c": "module:Name", "f": {...}} one of oplaeg's own frozen dataclasses, by its fields

A class is found by name only in the theme model and the exercise kinds' modules, and only if it
is an enum or a dataclass there; anything else is refused (`CacheFormatError`), and the cache
then reads the theme file again.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from enum import Enum
from pathlib import Path
from typing import Any

_ALLOWED_MODULES = ("sessions.theme.", "sessions.exercises.")


class CacheFormatError(ValueError):
    """The cached text is not a theme this code wrote."""


def dumps(value: object) -> str:
    """`value` (a theme, a card, problems) as JSON text; `CacheFormatError` for what it cannot
    hold."""
    return json.dumps(_encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    """The value `dumps` wrote; `CacheFormatError` for anything else."""
    try:
        return _decode(json.loads(text))
    except CacheFormatError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as error:
        raise CacheFormatError(str(error)) from None


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _encode(value: object) -> Any:
    if isinstance(value, Enum):  # before str and int: a StrEnum is a str too
        return {"e": _name(type(value)), "v": _encode(value.value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"d": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, Path):
        return {"p": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if not all(f.init for f in dataclasses.fields(value)):
            raise CacheFormatError(f"{_name(type(value))} has fields set after init")
        return {"c": _name(type(value)), "f": fields}
    raise CacheFormatError(f"cannot store {type(value).__name__}")


def _decode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        raise CacheFormatError("not a value this cache writes")
    if set(value) == {"t"}:
        return tuple(_decode(v) for v in _list(value["t"]))
    if set(value) == {"d"}:
        return {_decode(pair[0]): _decode(pair[1]) for pair in _pairs(value["d"])}
    if set(value) == {"p"} and isinstance(value["p"], str):
        return Path(value["p"])
    if set(value) == {"e", "v"}:
        enum = _known_class(value["e"])
        if not issubclass(enum, Enum):
            raise CacheFormatError(f"{value['e']} is not an enum")
        return enum(_decode(value["v"]))
    if set(value) == {"c", "f"} and isinstance(value["f"], dict):
        cls = _known_class(value["c"])
        if not dataclasses.is_dataclass(cls):
            raise CacheFormatError(f"{value['c']} is not a dataclass")
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        if set(value["f"]) != names:
            raise CacheFormatError(f"{value['c']} has other fields now")
        return cls(**{name: _decode(v) for name, v in value["f"].items()})
    raise CacheFormatError("not a value this cache writes")


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise CacheFormatError("expected a list")
    return value


def _pairs(value: Any) -> list[list[Any]]:
    pairs = _list(value)
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise CacheFormatError("expected pairs")
    return pairs


def _known_class(name: Any) -> type:
    """One of oplaeg's own theme or exercise classes, named `module:Name`; nothing else."""
    if not isinstance(name, str) or name.count(":") != 1:
        raise CacheFormatError("not a class name")
    module_name, _, qualname = name.partition(":")
    if not module_name.startswith(_ALLOWED_MODULES) or not qualname.isidentifier():
        raise CacheFormatError(f"{name} is not one of the theme's classes")
    parts = module_name.split(".")
    if not all(part.isidentifier() for part in parts) or len(parts) != 3:
        raise CacheFormatError(f"{name} is not one of the theme's classes")
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        raise CacheFormatError(f"{name} is not one of the theme's classes") from None
    cls = getattr(module, qualname, None)
    if not isinstance(cls, type) or cls.__module__ != module_name:
        raise CacheFormatError(f"{name} is not one of the theme's classes")
    return cls
