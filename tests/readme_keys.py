"""The README's table of the presenter's keys, made from `tui/keys.py` so the two never differ.

`python -m tests.readme_keys` rewrites the table between the README's markers; a test checks that
the README holds what this makes.
"""

from __future__ import annotations

import sys
from pathlib import Path

README = Path(__file__).parents[1] / "README.md"
START = "<!-- presenter keys: made by python -m tests.readme_keys -->"
END = "<!-- end of presenter keys -->"


def presenter_key_table() -> str:
    import tui.i18n  # noqa: F401  (registers the key descriptions)
    from sessions.i18n import t
    from tui.keys import NAVIGATION_KEYS, PRESENTER_KEYS

    rows = ["| Key | What it does |", "|---|---|"]
    for key in (*NAVIGATION_KEYS, *PRESENTER_KEYS):
        shown = " ".join(f"`{part}`" for part in key.shown.split())
        rows.append(f"| {shown} | {t(key.command, 'en')} |")
    return "\n".join(rows)


def readme_with_table(readme: str) -> str:
    head, found, rest = readme.partition(START)
    if not found or END not in rest:
        raise SystemExit(f"{README}: the markers of the key table are missing")
    return f"{head}{START}\n{presenter_key_table()}\n{END}{rest.partition(END)[2]}"


if __name__ == "__main__":
    README.write_text(readme_with_table(README.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
