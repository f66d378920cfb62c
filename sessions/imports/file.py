"""Reading an export file the user names, before its content is looked at: a regular file
only, never more than `MAX_EXPORT_BYTES`, UTF-8 JSON with finite numbers and bounded nesting.
Each refusal is one `ImportProblem` the user can act on."""

from __future__ import annotations

import json
from pathlib import Path

from sessions.imports.shapes import fail
from sessions.storage.reading import FileTooBigError, SpecialFileError, read_bounded

MAX_EXPORT_BYTES = 16 * 1024 * 1024
"""A session with hundreds of long notes is well under 1 MiB; this leaves room for any real
one and keeps a hostile file from filling memory."""
MAX_DEPTH = 32
"""The deepest real export nests about 7 levels."""


def read_limited(path: Path) -> bytes:
    """The file's bytes: a regular file only (a FIFO or a device is refused without waiting
    for it), and never more than `MAX_EXPORT_BYTES` of it (a larger file is refused by its
    size before it is read)."""
    try:
        return read_bounded(path, MAX_EXPORT_BYTES)
    except FileNotFoundError:
        raise fail("", "no_file") from None
    except IsADirectoryError:
        raise fail("", "not_a_file") from None
    except SpecialFileError:
        raise fail("", "not_regular") from None
    except FileTooBigError as error:
        shown = _size(error.size) if error.size else f"> {_size(MAX_EXPORT_BYTES)}"
        raise fail("", "too_big", size=shown, limit=_size(MAX_EXPORT_BYTES)) from None
    except OSError as error:
        raise fail("", "unreadable", reason=error.strerror or error) from None


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def parse_export(raw: bytes) -> object:
    """The JSON value in `raw`: UTF-8 (a BOM is allowed), finite numbers, bounded nesting."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise fail("", "not_utf8", offset=error.start) from None
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise fail("", "not_json", line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise fail("", "too_deep", limit=MAX_DEPTH) from None
    except ValueError:  # NaN, Infinity, or an integer of thousands of digits
        raise fail("", "not_json", line="?", column="?") from None
    if _depth(data) > MAX_DEPTH:
        raise fail("", "too_deep", limit=MAX_DEPTH)
    return data


def _depth(data: object) -> int:
    """How deeply `data` nests, found without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(data, 1)]
    while stack:
        value, level = stack.pop()
        deepest = max(deepest, level)
        if level > MAX_DEPTH:
            break
        if isinstance(value, dict):
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, level + 1) for v in value)
    return deepest
