"""The first screen: the themes to start from and the earlier sessions to resume or export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option

from sessions.errors import OplaegError
from sessions.i18n import count_notes, t
from sessions.models import SessionDetails, SessionSummary
from sessions.theme.library import ThemeEntry, ThemeOrigin
from tui.keys import START_KEYS, bindings
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.new_session import NewSessionScreen
from tui.screens.text_prompt import TextPrompt


def _session_prompt(summary: SessionSummary) -> str:
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


def _theme_prompt(entry: ThemeEntry) -> Content:
    if entry.theme is None:
        problem = entry.problems[0] if entry.problems else ""
        return Content(t("start.broken_theme", title=entry.id, problem=problem))
    title = entry.theme.title
    if entry.origin is ThemeOrigin.USER:
        title += " " + t("start.user_theme")
    return Content(title)


class StartScreen(Screen[None]):
    """Choose a theme (→ new session) or an earlier session (→ resume)."""

    def __init__(self) -> None:
        super().__init__()
        self._bindings = bindings(self._bindings, START_KEYS)
        self._entries: list[ThemeEntry] = []
        self._sessions: list[SessionSummary] = []
        self._filter = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="start-screen"):
            yield Label(f"{t('app.title')} — {t('app.subtitle')}", id="start-title", markup=False)
            yield Label(t("start.themes"), classes="section-title", markup=False)
            yield OptionList(markup=False, id="themes")
            yield Label("", id="theme-summary", markup=False)
            yield Label(t("start.sessions"), classes="section-title", markup=False)
            yield OptionList(markup=False, id="sessions")
            yield Label(t("start.hint"), classes="dialog-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#themes", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the themes and sessions again."""
        self._entries = self.app.library.entries()  # type: ignore[attr-defined]
        themes = self.query_one("#themes", OptionList)
        themes.clear_options()
        if not self._entries:
            themes.add_option(Option(t("start.no_themes"), disabled=True))
        for index, entry in enumerate(self._entries):
            themes.add_option(Option(_theme_prompt(entry), id=f"theme-{index}"))
        if self._entries:
            themes.highlighted = 0

        self._sessions = [
            s
            for s in self.app.repository.list()  # type: ignore[attr-defined]
            if self._filter.casefold() in s.workplace.casefold()
        ]
        sessions = self.query_one("#sessions", OptionList)
        sessions.clear_options()
        if not self._sessions:
            sessions.add_option(Option(t("start.no_sessions"), disabled=True))
        for index, summary in enumerate(self._sessions):
            sessions.add_option(Option(_session_prompt(summary), id=f"session-{index}"))
        if self._sessions:
            sessions.highlighted = 0
        for warning in self.app.repository.index.warnings:  # type: ignore[attr-defined]
            self.notify(warning, severity="warning", markup=False, timeout=15)
        self.app.repository.index.warnings.clear()  # type: ignore[attr-defined]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Under the list, what the highlighted theme is about (one line each keeps all seven
        themes in view on a small screen)."""
        option_id = event.option.id or ""
        if option_id.startswith("theme-"):
            entry = self._entries[int(option_id.removeprefix("theme-"))]
            summary = entry.theme.summary if entry.theme else ""
            self.query_one("#theme-summary", Label).update(summary)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("theme-"):
            self._choose_theme(self._entries[int(option_id.removeprefix("theme-"))])
        elif option_id.startswith("session-"):
            summary = self._sessions[int(option_id.removeprefix("session-"))]
            if summary.problem:
                self.notify(summary.problem, severity="error", markup=False, timeout=15)
            else:
                self.app.present_session(summary.id)  # type: ignore[attr-defined]

    def _choose_theme(self, entry: ThemeEntry) -> None:
        if entry.theme is None:
            problem = entry.problems[0] if entry.problems else ""
            self.notify(
                t("start.theme_broken", problem=problem), severity="error", markup=False, timeout=15
            )
            return
        theme = entry.theme

        def chosen(details: SessionDetails | None) -> None:
            if details is not None:
                self.app.create_session(theme, details)  # type: ignore[attr-defined]

        now = datetime.fromtimestamp(self.app.clock.wall())  # type: ignore[attr-defined]
        self.app.push_screen(NewSessionScreen(theme, now), chosen)

    def _highlighted_session(self) -> SessionSummary | None:
        sessions = self.query_one("#sessions", OptionList)
        if not self._sessions or sessions.highlighted is None:
            self.notify(t("start.pick_session_first"), markup=False)
            return None
        return self._sessions[sessions.highlighted]

    def action_summary(self) -> None:
        if (summary := self._highlighted_session()) is not None:
            from tui.screens.summary import SummaryScreen

            self.app.push_screen(SummaryScreen(self.app.repository, summary.id))  # type: ignore[attr-defined]

    def action_filter(self) -> None:
        def chosen(text: str | None) -> None:
            if text is not None:
                self._filter = text.strip()
                self.reload()
                self.query_one("#sessions", OptionList).focus()
                if self._filter:
                    self.notify(t("start.filtered", text=self._filter), markup=False)

        self.app.push_screen(TextPrompt(t("start.filter"), self._filter), chosen)

    def action_rename(self) -> None:
        summary = self._highlighted_session()
        if summary is None or summary.problem:
            return

        def chosen(name: str | None) -> None:
            if name is not None and name.strip():
                try:
                    self.app.repository.rename(summary.id, name)  # type: ignore[attr-defined]
                except OplaegError as error:
                    self.app.show_error(error)  # type: ignore[attr-defined]
                self.reload()

        self.app.push_screen(TextPrompt(t("start.rename"), summary.workplace), chosen)

    def action_delete(self) -> None:
        summary = self._highlighted_session()
        if summary is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    target = self.app.repository.delete(summary.id)  # type: ignore[attr-defined]
                except OplaegError as error:
                    self.app.show_error(error)  # type: ignore[attr-defined]
                else:
                    self.notify(t("start.deleted", name=target.name), markup=False, timeout=10)
                self.reload()

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

        self.app.push_screen(
            ExportDialog(self.app.repository, summary.id, Path.home()),  # type: ignore[attr-defined]
            exported,
        )

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_quit(self) -> None:
        self.app.exit()
