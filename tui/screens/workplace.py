"""A workplace's history, from the start screen (`w`): its sessions, the actions still open, and
each statement asked more than once with its values over time; `m` joins another spelling of
the workplace to it."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from sessions.errors import OplaegError
from sessions.exercises.scale import decimal
from sessions.export.dates import long_date
from sessions.followup.workplace_history import WorkplaceHistory, workplace_history
from sessions.i18n import count_sessions, t
from sessions.repository import SessionRepository
from tui.exercises.draw import EMPHASIS, MUTED
from tui.keys import WORKPLACE_KEYS, bindings


def _date(value: str) -> str:
    try:
        return long_date(value)
    except ValueError:
        return value


def history_view(history: WorkplaceHistory, spellings: list[str]) -> Content:
    """The history as lines: every text from the sessions is shown as it was typed."""
    lines: list[Content] = []
    heading = f"{history.workplace} · {count_sessions(len(history.sessions))}"
    lines.append(Content.styled(heading, EMPHASIS))
    if spellings:
        lines.append(Content.styled(t("workplace.spellings", names=", ".join(spellings)), MUTED))
    lines += [Content(""), Content.styled(t("workplace.sessions"), "bold")]
    for summary in reversed(history.sessions):
        lines.append(Content.assemble(f"  {_date(summary.date)} · ", summary.theme_title))
    lines += [Content(""), Content.styled(t("workplace.open_actions"), "bold")]
    if not history.open_actions:
        lines.append(Content.styled("  " + t("workplace.no_open_actions"), MUTED))
    for item in history.open_actions:
        who = ", ".join(p for p in (item.action.who, item.action.when) if p)
        status = t(f"followup.status.{item.status.value}") if item.status else ""
        lines.append(
            Content.assemble(
                "  – ",
                item.action.what,
                (f" ({who})" if who else "", MUTED),
                (f" · {_date(item.date)}", MUTED),
                (f" · {status}" if status else "", "bold"),
            )
        )
    lines += [Content(""), Content.styled(t("workplace.statements"), "bold")]
    if not history.statements:
        lines.append(Content.styled("  " + t("workplace.no_statements"), MUTED))
    for statement in history.statements:
        lines.append(Content.assemble("  ", statement.statement))
        values = " → ".join(
            f"{decimal(p.average, None)} ({_date(p.date)})" for p in statement.points
        )
        lines.append(Content.styled(f"      {values}", "$success"))
    return Content("\n").join(lines)


class WorkplaceScreen(ModalScreen[None]):
    """The history of the workplace `workplace` (matched by name and joined spellings)."""

    BINDINGS = bindings(WORKPLACE_KEYS)
    DEFAULT_CSS = """
    WorkplaceScreen .dialog { height: 90%; }
    WorkplaceScreen VerticalScroll { height: 1fr; }
    """

    def __init__(self, repository: SessionRepository, workplace: str) -> None:
        super().__init__()
        self.repository = repository
        self.workplace = workplace
        self.history: WorkplaceHistory | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog workplace"):
            with VerticalScroll():
                yield Static("", id="workplace-history")
            yield Label(t("workplace.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="workplace-history")
    def load(self) -> None:
        history = workplace_history(self.repository, self.workplace)
        listed = history.workplace.casefold()
        names = {s.workplace for s in history.sessions if s.workplace.casefold() != listed}
        names |= set(self.repository.workplaces.spellings(self.workplace))
        spellings = sorted({n for n in names if n.casefold() != listed}, key=str.casefold)
        self.app.call_from_thread(self._show, history, spellings)

    def _show(self, history: WorkplaceHistory, spellings: list[str]) -> None:
        self.history = history
        self.query_one("#workplace-history", Static).update(history_view(history, spellings))

    def action_merge(self) -> None:
        from tui.screens.text_prompt import TextPrompt

        def chosen(other: str | None) -> None:
            if not other or not other.strip():
                return
            try:
                self.repository.workplaces.merge(self.workplace, other)
            except OplaegError as error:
                self.notify(str(error), severity="error", markup=False, timeout=10)
                return
            self.notify(
                t("workplace.merged", other=other.strip(), workplace=self.workplace),
                markup=False,
            )
            self.load()

        prompt = t("workplace.merge_prompt", workplace=self.workplace)
        self.app.push_screen(TextPrompt(prompt), chosen)

    def action_close(self) -> None:
        self.dismiss(None)
