"""The UI's texts, added to the catalogues of `sessions.i18n` when the UI is imported."""

from __future__ import annotations

from sessions.i18n import register
from tui.i18n import da, en

register("da", da.TEXT)
register("en", en.TEXT)
