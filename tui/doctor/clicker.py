"""`oplaeg doctor --keys`: press a clicker's buttons and see which key each sends and what it
does in oplaeg, with the line to put in config.toml to give it another job. The only part of
the doctor that waits for the user, so it runs only when asked for."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from sessions.i18n import t
from tui.keys import NAVIGATION_KEYS, PRESENTER_KEYS, Key
from tui.themes import DARK, register_themes

SHOWN = 12
"""How many of the last keys pressed are listed."""


def key_jobs(
    groups: tuple[tuple[Key, ...], ...] = (NAVIGATION_KEYS, PRESENTER_KEYS),
) -> dict[str, list[Key]]:
    """For each key name, the presenter's bindings it triggers."""
    jobs: dict[str, list[Key]] = {}
    for group in groups:
        for key in group:
            for name in key.keys.split(","):
                jobs.setdefault(name.strip(), []).append(key)
    return jobs


def describe(key_name: str, jobs: dict[str, list[Key]]) -> str:
    """`pagedown → Næste (next)`, or what to write to give the key a job."""
    found = jobs.get(key_name)
    if found:
        does = ", ".join(f"{t(k.label)} ({k.id})" for k in found)
        return t("doctor.keys_does", key=key_name, does=does)
    return t("doctor.keys_nothing", key=key_name)


class ClickerProbe(App[None]):
    """Lists each key pressed and what it does on the console; q or Ctrl+Q ends it."""

    DEFAULT_CSS = """
    #clicker-title { text-style: bold; padding: 1 2 0 2; }
    #clicker-keys { height: 1fr; padding: 1 2; }
    #clicker-hint { color: $text-muted; padding: 0 2 1 2; }
    """
    BINDINGS = [Binding("q,ctrl+q", "quit", t("key.quit"), priority=True)]

    def __init__(self) -> None:
        super().__init__()
        self._jobs = key_jobs()
        self.pressed: list[str] = []
        register_themes(self)
        self.theme = DARK

    def compose(self) -> ComposeResult:
        yield Static(Content(t("doctor.keys_title")), id="clicker-title")
        yield Static(Content(t("doctor.keys_waiting")), id="clicker-keys")
        yield Static(Content(t("doctor.keys_hint")), id="clicker-hint")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.pressed.append(describe(event.key, self._jobs))
        shown = "\n".join(self.pressed[-SHOWN:])
        self.query_one("#clicker-keys", Static).update(Content(shown))
