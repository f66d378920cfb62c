"""The referat on screen: notes, action plan and time log of a session, ready to export."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from sessions.errors import OplaegError
from sessions.export import export_session
from sessions.i18n import t
from sessions.repository import SessionRepository
from tui.keys import SUMMARY_KEYS, bindings


class SummaryScreen(Screen[None]):
    """Shows what the referat will say (private notes left out). `e` exports it."""

    def __init__(self, repository: SessionRepository, session_id: str) -> None:
        super().__init__()
        self._bindings = bindings(self._bindings, SUMMARY_KEYS)
        self.repository = repository
        self.session_id = session_id

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Markdown("", id="summary-markdown", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        try:
            _, store = self.repository.open(self.session_id, readonly=True)
            try:
                # The referat's user text is escaped Markdown, so it shows literally here too.
                text = export_session(store, "md").decode("utf-8")
            finally:
                store.close()
        except OplaegError as error:
            text = t("error.generic", message=str(error))
        self.query_one(Markdown).update(text)
        self.query_one("#summary").focus()

    def action_export(self) -> None:
        from tui.screens.export_dialog import ExportDialog

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(t("export.done", path=path), markup=False, timeout=8)

        self.app.push_screen(ExportDialog(self.repository, self.session_id, Path.home()), exported)

    def action_close(self) -> None:
        self.dismiss()
