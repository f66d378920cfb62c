"""The command palette (Ctrl+P): every action of the screen and of the exercise on the page, in
the consultant's language, from the same table as the keys; only what works now is offered."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widget import Widget

from sessions.i18n import t
from tui.keys import EXERCISE_KEYS, NAVIGATION_KEYS, PRESENTER_KEYS, START_KEYS, Key


class KeyCommands(Provider):
    """Commands from tables of keys; subclasses say which tables, on which node."""

    def tables(self) -> Iterable[tuple[Widget, tuple[Key, ...]]]:
        return ()

    def commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, run) for every available action, each once."""
        found: list[tuple[str, str, Callable[[], object]]] = []
        seen: set[str] = set()
        for node, keys in self.tables():
            for key in keys:
                if not key.palette or key.command in seen:
                    continue
                _namespace, name, parameters = parse(key.action)
                if node.check_action(name, parameters) is False:
                    continue
                seen.add(key.command)
                run = partial(node.run_action, key.action)
                found.append((t(key.command), t("command.key_help", keys=key.shown), run))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        matched = False
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0:
                matched = True
                yield Hit(score, matcher.highlight(name), run, help=help_text)
        if not matched and query.strip():
            # Textual's own "No matches found" is English; this one speaks the user's language.
            yield Hit(0.0001, t("command.no_match", query=query.strip()), lambda: None)


class PresenterCommands(KeyCommands):
    def tables(self) -> Iterable[tuple[Widget, tuple[Key, ...]]]:
        screen = self.screen
        yield screen, NAVIGATION_KEYS + PRESENTER_KEYS
        exercise = (
            screen.query("ExerciseWidget").first() if screen.query("ExerciseWidget") else None
        )
        if exercise is not None:
            for kind in getattr(exercise, "kinds", ()):
                yield exercise, EXERCISE_KEYS.get(kind, ())


class StartCommands(KeyCommands):
    def tables(self) -> Iterable[tuple[Widget, tuple[Key, ...]]]:
        yield self.screen, START_KEYS
