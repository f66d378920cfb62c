"""Workplaces are matched by name, ignoring case; two spellings of one workplace ("Solsikken",
"Botilbuddet Solsikken") are joined here, so its sessions, actions and statements follow it.

A small JSON file in the data folder: `{"aliases": {"<spelling, casefolded>": "<name>"}}`.
A missing or unreadable file means no spellings are joined (the sessions never depend on it).
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.storage.atomic import atomic_write_bytes, dump_json
from sessions.text import clean_line

FILE_NAME = "workplaces.json"


class WorkplaceNames:
    """The spellings joined to another workplace's name."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / FILE_NAME

    def _read(self, part: str) -> dict[str, str]:
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            raw = data.get(part, {}) if isinstance(data, dict) else {}
            if isinstance(raw, dict):
                return {str(k): str(v) for k, v in raw.items() if isinstance(v, str)}
        return {}

    def aliases(self) -> dict[str, str]:
        """Each joined spelling (casefolded) → the name it is listed under."""
        return self._read("aliases")

    def spellings(self, name: str) -> list[str]:
        """The spellings joined to `name`'s workplace, as they were typed."""
        aliases = self.aliases()
        typed = self._read("spellings")
        key = self.key(name, aliases)
        return sorted(
            typed.get(spelling, spelling)
            for spelling in aliases
            if self.key(spelling, aliases) == key and spelling != key
        )

    def key(self, name: str, aliases: dict[str, str] | None = None) -> str:
        """What two names of one workplace have in common."""
        folded = clean_line(name).casefold()
        table = self.aliases() if aliases is None else aliases
        seen = {folded}
        while folded in table and table[folded].casefold() not in seen:
            folded = table[folded].casefold()
            seen.add(folded)
        return folded

    def name(self, name: str, aliases: dict[str, str] | None = None) -> str:
        """The name a workplace is listed under: the one its spellings were joined to."""
        table = self.aliases() if aliases is None else aliases
        shown, folded = clean_line(name), clean_line(name).casefold()
        seen = {folded}
        while folded in table and table[folded].casefold() not in seen:
            shown = table[folded]
            folded = shown.casefold()
            seen.add(folded)
        return shown

    def merge(self, name: str, other: str) -> str:
        """Join `other` (a second spelling) to `name`; returns the name both are listed under."""
        name, other = clean_line(name), clean_line(other)
        if not name or not other:
            raise OplaegError(t("workplaces.empty"))
        aliases = self.aliases()
        if self.key(name, aliases) == self.key(other, aliases):
            raise OplaegError(t("workplaces.same", name=other))
        # `other`'s own name (the end of its chain) now leads to `name`: every spelling that
        # was joined to `other` follows it.
        typed = self._read("spellings")
        typed[self.key(other, aliases)] = other
        aliases[self.key(other, aliases)] = name
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self.path, dump_json({"aliases": aliases, "spellings": typed}))
        return name
