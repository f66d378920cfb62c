"""The UI's texts, added to the catalogues of `sessions.i18n` when the UI is imported."""

from __future__ import annotations

from sessions.i18n import register
from tui.i18n import da, da_cli, en, en_cli

register("da", {**da.TEXT, **da_cli.TEXT})
register("en", {**en.TEXT, **en_cli.TEXT})
