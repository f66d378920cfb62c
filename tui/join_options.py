"""How joining from phones was asked for: where to listen, and whether to start at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JoinOptions:
    host: str | None = None
    """Where to listen; None: the laptop's address on the local network."""
    port: int = 0
    """0: a free port (the same one again when joining is turned on again)."""
    start: bool = False
    """Start as soon as a session is presented (`--join`)."""
