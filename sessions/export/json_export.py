"""Lossless JSON export: every table of the session, as stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sessions import __version__
from sessions.storage.session_store import SessionStore

EXPORT_FORMAT = "oplaeg-session"
EXPORT_VERSION = 1


def export_json(store: SessionStore) -> str:
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "oplaeg": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tables": store.export_tables(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
