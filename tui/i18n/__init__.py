"""The UI's texts, added to the catalogues of `sessions.i18n` when the UI is imported."""

from __future__ import annotations

from sessions.i18n import register
from tui.i18n import da, da_cli, da_keys, en, en_cli, en_keys

register("da", {**da.TEXT, **da_cli.TEXT, **da_keys.TEXT})
register("en", {**en.TEXT, **en_cli.TEXT, **en_keys.TEXT})
