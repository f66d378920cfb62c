"""Where a command's result goes: a file (never over an existing one without --force), or
standard output."""

from __future__ import annotations

import sys
from pathlib import Path

from sessions.export import write_export
from sessions.i18n import t


def emit(payload: str | bytes, output: str | None, force: bool, message: str) -> int:
    """Write to `output`, or to stdout; `message` says what was written where."""
    if output:
        path = Path(output).expanduser()
        write_export(payload, path, force=force)
        print(t(message, path=path), file=sys.stderr)
    elif isinstance(payload, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(payload)
    return 0
