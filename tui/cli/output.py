"""Where a command's result goes: a file (never over an existing one without --force), or
standard output — and in which encoding.

Python writes to a redirected stdout in the locale's encoding: cp1252 on a Danish Windows, so
`oplaeg handout X --format html > f.html` would write cp1252 under `<meta charset="utf-8">`, and
a character the code page lacks (`⚠`, and in cp850 even `–`) ends in a traceback. So output that
goes to a file or a pipe is always UTF-8, and a terminal keeps its own encoding but shows a
character it cannot show as `?` instead of failing."""

from __future__ import annotations

import sys
from pathlib import Path

from sessions.export import write_export
from sessions.i18n import t


def use_utf8_output() -> None:
    """Set up stdout and stderr as described above; call once, before anything is printed."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by something that is not a text stream
            continue
        try:
            terminal = stream.isatty()
        except (OSError, ValueError):
            terminal = False
        # Windows' own console is UTF-8 to Python whatever its code page (PEP 528).
        if terminal and sys.platform != "win32":
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="replace")


def emit(payload: str | bytes, output: str | None, force: bool, message: str) -> int:
    """Write to `output`, or to stdout; `message` says what was written where."""
    if output:
        path = Path(output).expanduser()
        write_export(payload, path, force=force)
        print(t(message, path=path), file=sys.stderr)
    else:
        # As bytes, so the file a user redirects to is the same on every platform (UTF-8, and
        # no "\r\n" added on Windows).
        data = payload if isinstance(payload, bytes) else payload.encode("utf-8")
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8", errors="replace"))
            return 0
        sys.stdout.flush()
        buffer.write(data)
        buffer.flush()
    return 0
