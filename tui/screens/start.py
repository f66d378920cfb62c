"""The first screen: the themes to start from and the earlier sessions to open, export, rename
or delete."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.clock import Clock
from sessions.errors import OplaegError
from sessions.i18n import count_notes, t
from sessions.models import SessionDetails, SessionSummary
from sessions.repository import SessionRepository
from sessions.theme.library import ThemeEntry, ThemeLibrary, ThemeOrigin
from tui.keys import START_KEYS, bindings
from tui.messages import SessionChosen, ThemeChosen
from tui.widgets.footer import Footer
from tui.widgets.session_list import SessionList
from tui.widgets.theme_prep import ThemePrep

if TYPE_CHECKING:
    from textual.command import Provider


def start_commands() -> type[Provider]:
    """The start screen's palette commands, loaded when the palette first opens."""
    from tui.commands import StartCommands

    return StartCommands


def session_prompt(summary: SessionSummary) -> str:
    if summary.problem:
        return t("start.session_problem", id=summary.id, problem=summary.problem)
    return t(
        "start.session_line",
        date=summary.date,
        time=summary.start_time,
        workplace=summary.workplace,
        theme=summary.theme_title,
        notes=count_notes(summary.notes),
    )


def theme_prompt(entry: ThemeEntry) -> Content:
    if entry.card is None:
        problem = entry.errors[0].message() if entry.errors else ""
        return Content(t("start.broken_theme", title=entry.id, problem=problem))
    title = entry.card.title
    if entry.origin is ThemeOrigin.USER:
        title += " " + t("start.user_theme")
    return Content(title)


class StartScreen(Screen[None]):
    """Choose a theme (→ a new session) or an earlier session (→ its referat or the session)."""

    BINDINGS = bindings(START_KEYS)
    COMMANDS = {start_commands}

    def __init__(self, library: ThemeLibrary, repository: SessionRepository, clock: Clock) -> None:
        super().__init__()
        self.library = library
        self.repository = repository
        self.clock = clock
        self._entries: list[ThemeEntry] = []
        self._sessions: list[SessionSummary] = []
        self._filter = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="start-screen"):
            yield Label(f"{t('app.title')} — {t('app.subtitle')}", id="start-title", markup=False)
            yield Label(t("start.themes"), classes="section-title", markup=False)
            yield OptionList(markup=False, id="themes")
            yield Label("", id="theme-summary", markup=False)
            yield ThemePrep(id="theme-prep")
            yield Label("", id="sessions-title", classes="section-title", markup=False)
            yield SessionList(markup=False, id="sessions")
            yield Label(t("start.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#themes", OptionList).focus()

    def on_screen_resume(self) -> None:
        """Shown for the first time, or again after a session or a dialog: read the lists
        (once: mounting does not read them as well)."""
        self.reload()

    @work(thread=True, exclusive=True, group="start-lists")
    def reload(self, keep: str | None = None) -> None:
        """Read the themes and the sessions off the event loop, then show them."""
        entries = self.library.entries()
        sessions = [
            s for s in self.repository.list() if self._filter.casefold() in s.workplace.casefold()
        ]
        warnings = list(self.repository.index.warnings)
        self.repository.index.warnings.clear()
        self.app.call_from_thread(self._show, entries, sessions, warnings, keep)

    def _show(
        self,
        entries: list[ThemeEntry],
        sessions: list[SessionSummary],
        warnings: list[str],
        keep: str | None,
    ) -> None:
        themes = self.query_one("#themes", OptionList)
        highlighted_theme = themes.highlighted
        self._entries = entries
        themes.clear_options()
        if not entries:
            themes.add_option(Option(t("start.no_themes"), disabled=True))
        themes.add_options(Option(theme_prompt(e), id=f"theme-{i}") for i, e in enumerate(entries))
        if entries:
            themes.highlighted = min(highlighted_theme or 0, len(entries) - 1)

        option_list = self.query_one("#sessions", SessionList)
        current = keep or self._highlighted_id()
        self._sessions = sessions
        ids = [s.id for s in sessions]
        options = [Option(session_prompt(s), id=f"session-{i}") for i, s in enumerate(sessions)]
        if not sessions:
            options = [Option(t("start.no_sessions"), disabled=True)]
        # Laid out a screenful at a time (perf): 500 sessions open as fast as none.
        option_list.show_options(
            options, (ids.index(current) if current in ids else 0) if sessions else None
        )
        title = t("start.sessions")
        if self._filter:
            title += " " + t("start.filter_active", text=self._filter)
        self.query_one("#sessions-title", Label).update(title)
        for warning in warnings:
            self.notify(warning, severity="warning", markup=False, timeout=15)

    def _highlighted_id(self) -> str | None:
        option_list = self.query_one("#sessions", OptionList)
        index = option_list.highlighted
        if index is None or not 0 <= index < len(self._sessions):
            return None
        return self._sessions[index].id

    @on(OptionList.OptionHighlighted, "#themes")
    def describe_theme(self, event: OptionList.OptionHighlighted) -> None:
        """Under the list, what the highlighted theme is about (one line per theme keeps all of
        them in view on a small screen)."""
        option_id = event.option.id or ""
        if option_id.startswith("theme-"):
            card = self._entries[int(option_id.removeprefix("theme-"))].card
            plans = " / ".join(str(p) for p in card.plans) if card else ""
            summary = f"{card.summary}  ({plans} min)" if card else ""
            self.query_one("#theme-summary", Label).update(summary)
            prep = self.query_one(ThemePrep)
            if card is not None:
                prep.show(card.id, card.preparation)
            else:
                prep.show("", ())

    @on(OptionList.OptionSelected, "#themes")
    def choose_theme(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self._entries[int((event.option.id or "theme-0").removeprefix("theme-"))]
        if entry.theme is None:
            problem = entry.errors[0].message() if entry.errors else ""
            self.notify(t("start.theme_broken", problem=problem), severity="error", markup=False)
            return
        theme = entry.theme

        def chosen(details: SessionDetails | None) -> None:
            if details is not None:
                self.post_message(ThemeChosen(theme, details))

        from tui.screens.new_session import NewSessionScreen

        now = datetime.fromtimestamp(self.clock.wall())
        settings = getattr(self.app, "settings", None)
        facilitator = getattr(settings, "facilitator", None) or ""
        self.app.push_screen(NewSessionScreen(theme, now, facilitator), chosen)

    @on(OptionList.OptionSelected, "#sessions")
    def choose_session(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        summary = self._highlighted_session()
        if summary is None:
            return
        if summary.problem:
            self.notify(summary.problem, severity="error", markup=False, timeout=15)
        else:
            self.post_message(SessionChosen(summary.id))

    def _highlighted_session(self) -> SessionSummary | None:
        session_id = self._highlighted_id()
        summary = next((s for s in self._sessions if s.id == session_id), None)
        if summary is None:
            self.notify(t("start.pick_session_first"), markup=False)
        return summary

    def action_summary(self) -> None:
        if (summary := self._highlighted_session()) is not None:
            from tui.screens.summary import SummaryScreen

            self.app.push_screen(SummaryScreen(self.repository, summary.id))

    def action_filter(self) -> None:
        from tui.screens.text_prompt import TextPrompt

        def chosen(text: str | None) -> None:
            if text is not None:
                self._filter = text.strip()
                self.reload()
                self.query_one("#sessions", OptionList).focus()

        self.app.push_screen(TextPrompt(t("start.filter"), self._filter), chosen)

    def action_rename(self) -> None:
        from tui.screens.text_prompt import TextPrompt

        summary = self._highlighted_session()
        if summary is None or summary.problem:
            return

        def chosen(name: str | None) -> None:
            if name is not None and name.strip():
                try:
                    self.repository.rename(summary.id, name)
                except OplaegError as error:
                    self.notify(str(error), severity="error", markup=False, timeout=15)
                self.reload(keep=summary.id)

        self.app.push_screen(TextPrompt(t("start.rename"), summary.workplace), chosen)

    def action_delete(self) -> None:
        summary = self._highlighted_session()
        if summary is None:
            return
        index = self._sessions.index(summary)
        neighbours = (
            self._sessions[index + 1 : index + 2] or self._sessions[max(index - 1, 0) : index]
        )
        neighbour = neighbours[0].id if neighbours else None

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    target = self.repository.delete(summary.id)
                except OplaegError as error:
                    self.notify(str(error), severity="error", markup=False, timeout=15)
                else:
                    self.notify(t("start.deleted", name=target.name), markup=False, timeout=10)
                self.reload(keep=neighbour)

        from tui.screens.confirm import ConfirmScreen

        question = t(
            "start.delete_question", workplace=summary.workplace or summary.id, date=summary.date
        )
        self.app.push_screen(ConfirmScreen(question), answered)

    def action_export(self) -> None:
        summary = self._highlighted_session()
        if summary is None:
            return
        from tui.screens.export_dialog import ExportDialog  # loads the exporters on demand

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(t("export.done", path=path), markup=False, timeout=8)

        self.app.push_screen(ExportDialog(self.repository, summary.id, Path.home()), exported)

    def action_workplace(self) -> None:
        """The highlighted session's workplace: its sessions, open actions and statements."""
        summary = self._highlighted_session()
        if summary is None or summary.problem:
            return
        from tui.screens.workplace import WorkplaceScreen

        self.app.push_screen(WorkplaceScreen(self.repository, summary.workplace))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()
