"""The consultant's side of the console: the speaker notes of the page, what comes next, and
every note of the agenda item (private ones too). Never shown to the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.widgets import Label

from sessions.agenda.pages import Page
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.storage.changes import Part
from sessions.theme.notes import for_sector
from sessions.theme.sections import inline, markdown
from tui.changes import follow_changes
from tui.widgets.content_line import ContentLine
from tui.widgets.markdown_text import MarkdownText
from tui.widgets.newest_lines import NewestLines
from tui.widgets.note_text import note_line


def speaker_notes(page: Page) -> str:
    """What the theme tells the consultant on this page (Markdown): a slide's notes, or the
    exercise's notes and the step's."""
    if page.slide is not None:
        return page.slide.notes
    parts = [page.segment.notes, page.step.notes if page.step is not None else ""]
    return "\n\n".join(part for part in parts if part.strip())


def plain_line(text: str) -> str:
    """One line of a slide as the room reads it: read by the themes' own Markdown parser, a
    list item keeps its bullet and emphasis, code and heading signs are dropped."""
    env: dict[str, object] = {}
    tokens = markdown().parse(text.strip(), env)
    listed = any(token.type in ("bullet_list_open", "ordered_list_open") for token in tokens)
    block = next((token for token in tokens if token.type == "inline"), None)
    children = inline(block.content, env) if block is not None else []
    words = "".join(child.content for child in children if child.type in ("text", "code_inline"))
    return f"• {words}" if listed else words


def preview(page: Page | None) -> str:
    """The next page in a line or two."""
    if page is None:
        return t("console.last_page")
    if page.slide is not None:
        first = next((line for line in page.slide.body.splitlines() if line.strip()), "")
        return f"{page.slide.title}\n{plain_line(first)}"
    if page.step is not None:
        return f"{page.segment.title} › {page.step.title}"
    return page.segment.title


CONSOLE_NOTES = 30
"""The newest notes the console lists (`e` shows them all)."""


class ConsolePanel(Vertical, can_focus=False):
    """Three parts: the speaker notes (they scroll), what comes next and the item's notes (never
    pushed out by long speaker notes). Beside the page on a wide console; under it, notes left
    and the rest right, on a narrow one (the screen sets `-stacked`)."""

    DEFAULT_CSS = """
    ConsolePanel {
        width: 40%; min-width: 30; height: 100%; border-left: vkey $border-blurred; padding: 0 1;
    }
    ConsolePanel .console-heading { text-style: bold; color: $primary; }
    ConsolePanel #console-main { height: 1fr; margin-top: 1; overflow-y: scroll; }  /* see Stage */
    ConsolePanel #console-speaker-notes { background: $background; margin: 0; padding: 0; }
    ConsolePanel #console-side { height: auto; max-height: 60%; }
    ConsolePanel #console-next-box { height: auto; margin-top: 1; }
    ConsolePanel #console-next { color: $text-muted; }
    ConsolePanel #console-notes-box { height: auto; max-height: 12; margin-top: 1; }
    ConsolePanel #console-notes { max-height: 11; }
    ConsolePanel.-stacked {
        layout: horizontal; width: 100%; height: 35%; min-height: 6;
        border-left: none; border-top: hkey $border-blurred; padding: 0;
    }
    ConsolePanel.-stacked #console-main { width: 1fr; height: 100%; margin: 0 1 0 0; }
    ConsolePanel.-stacked #console-side {
        width: 40%; max-width: 40; height: 100%; max-height: 100%;
        border-left: vkey $border-blurred; padding: 0 0 0 1;
    }
    ConsolePanel.-stacked #console-next-box { margin-top: 0; }
    ConsolePanel.-stacked #console-next { max-height: 2; text-overflow: ellipsis; }
    ConsolePanel.-stacked #console-notes-box { height: 1fr; max-height: 100%; }
    ConsolePanel.-stacked #console-notes { height: 1fr; max-height: 100%; }
    """

    def __init__(self, live: LiveSession, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live

    shown: var[bool] = var(False, init=False)
    """Whether the console shows the panel (a room view follows); a hidden panel is brought
    up to date when it is shown, not at every change."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="console-main", can_focus=False):
            yield Label(t("console.speaker_notes"), classes="console-heading", markup=False)
            yield MarkdownText(id="console-speaker-notes", line_breaks=True)
        with Vertical(id="console-side"):
            with Vertical(id="console-next-box"):
                yield Label(t("console.next"), classes="console-heading", markup=False)
                yield ContentLine(id="console-next")
            with Vertical(id="console-notes-box"):
                yield ContentLine(id="console-notes-title", classes="console-heading")
                yield NewestLines(id="console-notes")

    def on_mount(self) -> None:
        self.display = self.shown
        follow_changes(self, Part.PAGE | Part.AGENDA | Part.SESSION | Part.NOTES, self._changed)

    def watch_shown(self, shown: bool) -> None:
        self.display = shown
        if shown:
            self.show(self.live.page)

    def _changed(self, parts: Part) -> None:
        if not self.shown:
            return
        if parts & (Part.PAGE | Part.AGENDA | Part.SESSION):
            self.show(self.live.page)
        else:
            self._show_notes(self.live.page)

    def stack(self, stacked: bool) -> None:
        """Under the page (a narrow console) or beside it."""
        if stacked != self.has_class("-stacked"):
            self.set_class(stacked, "-stacked")
            self.show_next()

    def show(self, page: Page) -> None:
        sector = self.live.info.details.sector or None  # its examples first
        notes = for_sector(speaker_notes(page), sector) or t("console.no_speaker_notes")
        shown = self.query_one("#console-speaker-notes", MarkdownText)
        if notes != shown.source:
            shown.update(notes)
            self.query_one("#console-main", VerticalScroll).scroll_home(animate=False)
        self.show_next()
        self._show_notes(page)

    def show_next(self) -> None:
        """The next page: its title and first line, or only its title where space is short."""
        text = preview(self.live.nav.page_after())
        if self.has_class("-stacked"):
            text = text.splitlines()[0] if text else text
        self.query_one("#console-next", ContentLine).show(text)

    def _show_notes(self, page: Page) -> None:
        notes = self.live.notebook.all(page.segment.id)
        self.query_one("#console-notes-title", ContentLine).show(
            t("console.notes_title", count=len(notes))
        )
        # The newest notes, as many as the panel can show: drawing hundreds of notes on every
        # Enter made a note slower to save the more the group had said.
        hidden = max(0, len(notes) - CONSOLE_NOTES)
        lines = [Content.styled(t("console.earlier_notes", count=hidden), "dim")] if hidden else []
        lines += [note_line(n, reveal_private=True) for n in notes[-CONSOLE_NOTES:]]
        # The newest at the bottom, always in view (with no notes, the hint: "Ingen noter endnu.
        # Tryk n …"); what does not fit goes off the top.
        self.query_one("#console-notes", NewestLines).show(
            Content("\n").join(lines or [Content(t("console.no_notes"))])
        )
