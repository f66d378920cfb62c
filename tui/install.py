"""A cheap start-up check that `sessions` and `tui` are this oplaeg's own (the names are generic,
and pip does not notice two distributions sharing a folder)."""

from __future__ import annotations

from pathlib import Path

import sessions
from sessions.i18n import t


def check_installation(tui_file: Path | None = None) -> str | None:
    """One line saying what is wrong, or None when both packages sit side by side."""
    ours = Path(sessions.__file__).resolve().parent.parent
    theirs = (tui_file or Path(__file__)).resolve().parent.parent
    if ours != theirs:
        return t("cli.mixed_install", sessions=ours / "sessions", tui=theirs / "tui")
    return None
