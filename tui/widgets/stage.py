"""What the room sees of a page: a slide, an exercise step with its introduction and the group's
work, or a break — with the big countdown. The same widget serves the room view (read-only) and
the consultant's window (where the exercise takes keys)."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from datetime import datetime

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Static

from sessions.agenda.countdown import Countdown
from sessions.agenda.pages import Page
from sessions.exercises import KINDS
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.storage.changes import Part
from sessions.theme.model import SegmentKind
from tui.changes import follow_changes, hold_frame
from tui.exercises import EXERCISE_WIDGETS, ExerciseWidget
from tui.widgets.big_clock import BigClock, BigTime
from tui.widgets.clock_cap import ClockCap
from tui.widgets.column_rows import docked, rows_laid_out, rows_to_come, with_margins
from tui.widgets.content_line import ContentLine
from tui.widgets.countdown_display import CountdownDisplay
from tui.widgets.join_code import JoinCode
from tui.widgets.markdown_text import MarkdownText
from tui.widgets.room_notes import RoomNotes

EXERCISE_MEASURE = 120
"""The widest the exercise's own part of the page gets, in cells."""
CLOCK_SHARE = 0.4
"""The share of the stage's height the countdown may take when the page has little else."""
BREAK_CLOCK_SHARE = 0.3
"""… and on a break, where the return time is drawn as large as the countdown under it."""
BUSY_CLOCK_SHARE = 0.18
"""… and when the page shows the group's work (a board, a vote, a scale)."""
CLOCK_CHECKS = 3
"""Refreshes after a fit at which the clock looks again at the rows the content leaves it."""
MODE_SYMBOLS = {"alene": "●", "par": "●●", "gruppe": "●●●", "plenum": "◉"}


def step_line(page: Page, *, mode: bool = True) -> str:
    """ "Trin 2 af 3 · ●● To og to · <step title>", for the room; without the mode when the
    exercise has changed how the step is run."""
    step = page.step
    if step is None:
        return ""
    steps = len(page.segment.steps)
    parts = [t("stage.step", current=page.index + 1, total=steps)] if steps > 1 else []
    if step.mode is not None and mode:
        parts.append(f"{MODE_SYMBOLS[step.mode.value]} {t(f'stage.mode.{step.mode.value}')}")
    if step.title != page.segment.title:
        parts.append(step.title)
    return " · ".join(parts)


def page_text(page: Page) -> str:
    """The theme's Markdown for the page: a slide's body, or a step's text (the exercise's
    introduction — the case story, the instruction — comes with its first step). List items
    the exercise shows itself (a scale's statements, the cards) are left out."""
    if page.slide is not None:
        return page.slide.body
    segment = page.segment
    if page.step is None:
        return segment.intro
    owned = segment.format is not None and KINDS[segment.format].shows_list(segment, page.index)
    body = page.step.prose if owned else page.step.body
    if page.index == 0 and segment.intro:
        return f"{segment.intro}\n\n{body}".strip()
    return body


TITLE_RULE_MAX = 60
READABLE_MEASURE = 100
TEXT_SLACK = 4
"""Cells a Markdown line may take beyond its source (a bullet's indent)."""
SCROLLBAR_ROOM = 2
ROOMY_ROWS = 30
"""From this many rows on, a blank line separates the page's text from the exercise under it."""


class Stage(Vertical):
    """One page for the room. `interactive` gives the exercise its keys (the console, or the
    single window); the room view is never interactive. It repaints itself when the session
    changes (`tui.changes`): everything but a draft's keystrokes shows on it somewhere."""

    DEFAULT_CSS = """
    Stage { height: 1fr; width: 1fr; padding: 0 2; }
    Stage.-slide { align-vertical: middle; }
    Stage #stage-title { width: 100%; text-align: center; text-style: bold; color: $primary; }
    Stage #stage-step { width: 100%; text-align: center; color: $foreground; }
    Stage #stage-text {
        height: auto; max-height: 70%; margin-top: 1; align-horizontal: center;
        scrollbar-gutter: stable;
    }
    Stage.-slide #stage-text { max-height: 85%; }
    Stage #stage-markdown { width: auto; max-width: 100; background: $background; }
    Stage #stage-exercise { height: auto; }
    Stage.-busy #stage-exercise { height: 1fr; }
    Stage #stage-break { height: auto; width: 100%; margin: 1 0 0 0; }
    Stage #stage-break Center { height: auto; }
    Stage #stage-break-label { width: 100%; text-align: center; text-style: bold; color: $primary; }
    Stage #stage-break-time { color: $primary; margin-bottom: 1; }
    Stage #stage-spacer { height: 1fr; }
    Stage.-busy #stage-spacer, Stage.-slide #stage-spacer { display: none; }
    """

    SHOWS = Part.EVERYTHING & ~Part.DRAFT

    join_code_shown: var[bool] = var(True, init=False)
    """False on the console: the room's window has the code; the consultant needs the space
    for the exercise (a line in the status bar says how the phones are doing)."""

    def __init__(self, live: LiveSession, *, interactive: bool, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.live = live
        self.interactive = interactive
        self._page: Page | None = None
        self._text: str | None = None
        self._exercise: ExerciseWidget | None = None
        self.return_time: str | None = None
        """A break's return time as shown ("14.35"), or None."""
        self._built = False
        self._text_width = READABLE_MEASURE
        self._text_beside = 0
        """The columns the phones' code took when the text was last fitted."""
        self._clock_refit_planned = False
        self._clock_checks_left = 0
        self._clock_cap = ClockCap()
        """The rows the page's content leaves the clock, on this page at this size."""
        self._clock_rows = 0

    def compose(self) -> ComposeResult:
        yield ContentLine(id="stage-title", hide_empty=True)
        yield ContentLine(id="stage-step", hide_empty=True)
        with VerticalScroll(id="stage-text", can_focus=False):
            yield MarkdownText(id="stage-markdown")
        yield JoinCode(self.live, id="join-code")
        yield Vertical(id="stage-exercise")
        with Vertical(id="stage-break"):
            yield Static(id="stage-break-label")
            with Center():
                yield BigTime(id="stage-break-time")
        yield Static(id="stage-spacer")
        yield CountdownDisplay(id="countdown")
        yield RoomNotes(self.live, id="room-notes")

    def on_mount(self) -> None:
        self._built = True
        self.show(self.live.page)
        follow_changes(self, self.SHOWS, self._session_changed)

    def _session_changed(self, parts: Part) -> None:
        if parts & ~(Part.ANSWERS | Part.SLIPS):
            self._show_current()
        elif parts & Part.ANSWERS and self._exercise is not None:
            self._exercise.refresh_view()  # only the phones' counts: the exercise draws them
        # texts held for approval show nowhere on the page until they are put up

    def watch_join_code_shown(self) -> None:
        if self.has_page:
            self._show_current()

    @property
    def exercise(self) -> ExerciseWidget | None:
        """The current page's exercise widget, if it has one."""
        return self._exercise

    def show(self, page: Page) -> None:
        """Show `page` (another one, or the same one again after a change)."""
        previous = self._page
        self._page = page
        segment = page.segment
        kind = segment.kind
        self.set_class(page.slide is not None, "-slide")
        title = page.slide.title if page.slide is not None else segment.title
        if kind is SegmentKind.BREAK:
            title = t("stage.break_title")
        self._set_title(title)
        text = page_text(page)
        if text != self._text:
            self._text = text
            # Short text is a block as wide as its longest line, centred under the title.
            lines = text.splitlines()
            self._text_width = max((cell_len(line.strip()) for line in lines), default=0)
            self._fit_text()
            self.query_one("#stage-markdown", MarkdownText).update(text)
            self.query_one("#stage-text", VerticalScroll).scroll_home(animate=False)
        self.query_one("#stage-text").display = bool(text.strip())
        mounting = self._show_exercise(page, previous)
        exercise = self.exercise
        step = step_line(page, mode=exercise is None or exercise.mode_shown())
        self.query_one("#stage-step", ContentLine).show(step)
        self._show_break(page)
        clock = self.query_one(CountdownDisplay)
        walking = (
            segment.format is not None
            and page.step is not None
            and KINDS[segment.format].swaps_roles(page.step)
        )
        clock.halfway_text = t("stage.swap_roles") if walking else None
        clock.done_text = t("stage.come_back") if walking else None
        if page is not previous:
            clock.follow(self.countdown)
        else:
            clock.tick()
        self.query_one(RoomNotes).show(page)
        join = self.query_one(JoinCode)
        if self.join_code_shown:
            join.show(page)
        else:
            join.display = False
        fresh = page is not previous
        self._fit_clock(fresh=fresh)
        if join.width_taken != self._text_beside:
            self._fit_text()  # the code beside the text takes its columns, or gives them back
        if fresh:
            # Before the page's frame: what the content needs, worked out from its styles, so
            # the clock is drawn at its size in the first frame, not corrected in a second.
            fit = self._fit_clock_to_content(mounting)
            if not hold_frame(self, fit):
                fit.close()  # no change being shown (the first page): the layout decides

    @property
    def has_page(self) -> bool:
        return self._page is not None

    def _show_current(self) -> None:
        """The stored session changed (a save here, or the console's in the room view): show
        the session's page as it is now."""
        if not self._built:
            return  # not built yet: it shows the page as it is when it is (a change at once
            # after the room view mounted it used to end the room view)
        page = self.live.page
        exercise = self.exercise
        if (
            exercise is not None
            and self._page is not None
            and page.segment.id == self._page.segment.id
        ):
            exercise.reload()
        self.show(page)

    def countdown(self) -> Countdown | None:
        """The countdown the room sees: a round's speaker's, or the page's."""
        page = self._page
        if page is None:
            return None
        exercise = self.exercise
        speaker = exercise.speaker_clock() if exercise is not None else None
        if speaker is not None:
            return self.live.timers.get(speaker.key, speaker.seconds)
        return self.live.timers.for_page(page)

    def _show_exercise(self, page: Page, previous: Page | None) -> Awaitable[object] | None:
        """Show the page's exercise: the same widget another step, or a new one mounted (what
        was mounted or removed is returned: the clock's fit waits for it)."""
        container = self.query_one("#stage-exercise", Vertical)
        mounting: Awaitable[object] | None = None
        exercise = self.exercise
        same = (
            exercise is not None and previous is not None and previous.segment.id == page.segment.id
        )
        if same and exercise is not None:
            if previous is not page:
                exercise.show_page(page)
        else:
            mounting = container.remove_children()
            hold_frame(self, mounting)
            self._exercise = None
            exercise_format = page.segment.format
            widget_class = EXERCISE_WIDGETS.get(exercise_format.value) if exercise_format else None
            if widget_class is not None:
                widget = widget_class(self.live, page, interactive=self.interactive)
                self._exercise = widget
                mounting = container.mount(widget)
                hold_frame(self, mounting)
                if self.interactive and widget.can_focus:
                    widget.focus()
        current = self.exercise
        busy = current is not None and current.takes_keys
        self.set_class(busy, "-busy")
        container.display = current is not None
        return mounting

    def _show_break(self, page: Page) -> None:
        view = self.query_one("#stage-break", Vertical)
        if page.segment.kind is not SegmentKind.BREAK:
            view.display = False
            self.return_time = None
            return
        view.display = True
        ends = self.live.timers.break_return(page)
        label = self.query_one("#stage-break-label", Static)
        big = self.query_one("#stage-break-time", BigTime)
        self.return_time = (
            datetime.fromtimestamp(ends).strftime("%H.%M") if ends is not None else None
        )
        if self.return_time is not None:
            # As large as the countdown: the room reads the time it must be back, not a label.
            label.update(Content(t("stage.back_at_label")))
            big.value = self.return_time
        else:
            label.update(Content(t("stage.break_waiting")))
        big.display = self.return_time is not None

    def on_resize(self, event: events.Resize) -> None:
        self._fit_clock(fresh=True)
        self._fit_text()

    def _fit_text(self) -> None:
        """Short text stays a centred block as wide as it is; long text wraps at a readable
        measure, or at the screen's edge when the screen is narrower than that."""
        codes = list(self.query(JoinCode))  # none while the stage is being built
        beside = codes[0].width_taken if codes else 0
        self._text_beside = beside
        room = self.content_size.width - SCROLLBAR_ROOM - beside
        widest = self._text_width + TEXT_SLACK
        measure = max(20, min(READABLE_MEASURE, room, widest))
        # A blank line between the text and the group's work where the screen has rows to spare;
        # at a laptop's 24 rows that row is the clock's.
        gap = 1 if self.content_size.height >= ROOMY_ROWS else 0
        for markdown in self.query("#stage-markdown"):  # none while the stage is being built
            markdown.styles.max_width = measure
            markdown.styles.width = measure
            markdown.styles.margin = (0, 0, gap, 0)
        # The group's work (boards, votes, agreements) sits under the text as one column too,
        # instead of spreading to the edges of a wide projector.
        side = max(0, (self.content_size.width - beside - EXERCISE_MEASURE) // 2)
        for part in self.query("#stage-exercise, #room-notes"):
            part.styles.padding = (0, side)

    def _fit_clock(self, *, fresh: bool = False) -> None:
        """Give the countdown its share of the stage, less what the content was measured to
        need on this page (`fresh`: a new page or size, measured anew after its layout)."""
        width, height = self.content_size
        share = BUSY_CLOCK_SHARE if self.has_class("-busy") else CLOCK_SHARE
        back = self.return_time is not None
        if back:
            share = BREAK_CLOCK_SHARE
        join = self.query_one(JoinCode)
        join.fit(width, height)
        budget = (width - 2 - join.width_taken, int(height * share))
        countdown = self.query_one(CountdownDisplay)
        if fresh:
            self._clock_cap.reset()
        if self._clock_cap.rows is not None:  # never more than the content leaves under it
            budget = (budget[0], min(budget[1], self._clock_cap.rows))
        countdown.set_budget(*budget)
        self._clock_rows = budget[1]
        self._clock_checks_left = CLOCK_CHECKS
        if not self._clock_refit_planned:
            self._clock_refit_planned = True  # once the page is laid out anew: what it left
            self.call_after_refresh(self._refit_clock)
        if back:
            big = self.query_one("#stage-break-time", BigTime)
            big.fit(*budget)
            big.scale = min(big.scale, self.query_one("#countdown-digits", BigClock).scale)

    async def _fit_clock_to_content(self, mounting: Awaitable[object] | None) -> None:
        """Once the page's exercise is mounted: cap the clock at the rows its content will
        leave it, as worked out before the layout (the measurement after it only corrects)."""
        if mounting is not None:
            with contextlib.suppress(Exception):
                await mounting
        container = Size(*self.content_size)
        left = self._rows_left(lambda part: rows_to_come(part, container, self.app.size))
        if left is not None and left < self._clock_rows and self._clock_cap.rows is None:
            self._clock_cap.rows = left
            self._fit_clock()

    def _refit_clock(self) -> None:
        """Fit the clock again, smaller, if the content as laid out now leaves it fewer rows
        than it was given; larger again if an earlier measurement was taken while the layout
        was still catching up (`ClockCap`). Looked at again after the next few refreshes
        even when nothing changed: an exercise that fills the rest redraws itself for the
        height it was given (a scale windows its statements), one refresh later."""
        self._clock_refit_planned = False
        left = self._rows_left(rows_laid_out)
        held_back = self._exercise is not None and self._exercise.held_back
        if self._clock_cap.measured(left, self._clock_rows, held_back=held_back):
            self._fit_clock()
            return
        if self._clock_checks_left > 0:
            self._clock_checks_left -= 1
            self._clock_refit_planned = True
            self.call_after_refresh(self._refit_clock)

    def _rows_left(self, need: Callable[[Widget], int]) -> int | None:
        """The rows the page's content leaves the countdown's digits (None before the first
        layout): the stage's height less what each part shown `need`s (a part that fills the
        rest, such as the group's work, needs only its content), less the line under the
        digits that says the stage in words."""
        height = self.content_size.height
        countdowns = self.query_children(CountdownDisplay)  # none while being built or removed
        if not height or not countdowns or not (countdown := countdowns.first()).display:
            return None
        parts = [
            child
            for child in self.displayed_children
            if child is not countdown and child.id != "stage-spacer" and not docked(child)
        ]
        return max(0, height - sum(with_margins(need, parts)) - 1)

    def scroll_text(self, lines: int) -> None:
        """Scroll a long slide or step text (the page keys never do)."""
        self.query_one("#stage-text", VerticalScroll).scroll_relative(y=lines, animate=False)

    def _set_title(self, title: str) -> None:
        """The title stands out from the body even in a terminal, where every letter is one
        size: bold, in the theme's colour, underlined by a rule as long as the title."""
        rule = "━" * min(max(4, cell_len(title)), TITLE_RULE_MAX)
        heading = Content.assemble(title, "\n", (rule, "$primary")) if title else Content()
        self.query_one("#stage-title", ContentLine).show(heading)
