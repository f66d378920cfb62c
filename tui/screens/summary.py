"""The referat on screen: notes, action plan and time log of a session, ready to export."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from sessions.errors import OplaegError
from sessions.export import export_session
from sessions.i18n import t
from sessions.repository import SessionRepository
from tui.keys import SUMMARY_KEYS, bindings
from tui.messages import SessionChosen
from tui.widgets.footer import Footer


class SummaryScreen(Screen[None]):
    """Shows what the referat will say (private notes left out). `e` exports it."""

    BINDINGS = bindings(SUMMARY_KEYS)

    def __init__(
        self, repository: SessionRepository, session_id: str, *, can_resume: bool = False
    ) -> None:
        super().__init__()
        self.repository = repository
        self.session_id = session_id
        self.can_resume = can_resume

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Markdown("", id="summary-markdown", open_links=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Markdown).update(t("summary.loading"))
        self.query_one("#summary").focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Build the referat off the event loop, so the clocks keep running."""
        try:
            _, store = self.repository.open(self.session_id, readonly=True)
            try:
                # The referat's user text is escaped Markdown, so it shows literally here too.
                text = export_session(store, "md").decode("utf-8")
            finally:
                store.close()
        except OplaegError as error:
            text = t("error.generic", message=str(error))
        self.app.call_from_thread(self.query_one(Markdown).update, text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.can_resume
        return True

    def action_resume(self) -> None:
        self.post_message(SessionChosen(self.session_id, resume=True))

    def action_export(self) -> None:
        from tui.screens.export_dialog import ExportDialog

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(t("export.done", path=path), markup=False, timeout=8)

        self.app.push_screen(ExportDialog(self.repository, self.session_id, Path.home()), exported)

    def action_close(self) -> None:
        self.dismiss()
