"""Lossless JSON export: every table of the session, as stored — private notes too. Its first
field says so, for whoever opens the file before sending it anywhere."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sessions import __version__
from sessions.export.referat import has_private_notes
from sessions.storage.session_store import SessionStore

EXPORT_FORMAT = "oplaeg-session"
EXPORT_VERSION = 1


def export_json(store: SessionStore, now: datetime | None = None) -> str:
    exported = (now or datetime.now(UTC)).astimezone(UTC)
    document = {
        "private_notes": has_private_notes(store),
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "oplaeg": __version__,
        "exported_at": exported.isoformat(timespec="seconds"),
        # An emptied table (an undone agenda change, a cleared draft) is left out: it holds
        # nothing, and every oplaeg reads a missing table as empty.
        "tables": {name: docs for name, docs in store.export_tables().items() if docs},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
