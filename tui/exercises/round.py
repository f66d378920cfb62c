"""A go-round on the wall: who is speaking ("Taler 3 af 14"), how the round is run, and — for
the consultant — what to do when the group is too big for the time."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Center
from textual.content import Content
from textual.widgets import Static

from sessions.agenda.countdown import format_clock
from sessions.agenda.timers import speaker_key
from sessions.exercises.round import RoundPlan, RoundState, RoundWay, plan_round, round_options
from sessions.i18n import t
from tui.exercises.base import ExerciseWidget, SpeakerClock
from tui.exercises.draw import EMPHASIS, MUTED
from tui.keys import ROUND_KEYS, bindings

WAYS = {way.value: way for way in RoundWay}


class RoundWidget(ExerciseWidget):
    """Enter (or PgDn once begun) gives the word to the next speaker; PgUp to the previous one."""

    BINDINGS = bindings(ROUND_KEYS)
    kinds: ClassVar[tuple[str, ...]] = ("round",)

    DEFAULT_CSS = """
    RoundWidget #round-speaker { width: 100%; text-align: center; text-style: bold; }
    RoundWidget #round-way { width: 100%; text-align: center; color: $text-muted; }
    RoundWidget Center { height: auto; }
    RoundWidget #round-fit { width: auto; max-width: 100%; margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="round-speaker")
        yield Static(id="round-way")
        with Center():
            yield Static(id="round-fit")

    @property
    def round(self) -> RoundState:
        state = self.latest
        assert isinstance(state, RoundState)
        return state

    def plan(self) -> RoundPlan:
        available = self.page.seconds or 0
        return plan_round(round_options(self.page.segment), self.round.participants, available)

    def refresh_view(self) -> None:
        if not self.ready or not isinstance(self.state, RoundState):
            return
        state = self.round
        if state.begun:
            speaker = t(
                "round.speaker_now", speaker=min(state.speaker, state.speakers), of=state.speakers
            )
            left = max(0, state.speakers - state.speaker)
            way = t("round.left", left=left, seconds=state.seconds_each)
        else:
            speaker = t("round.ready", speakers=state.speakers, seconds=state.seconds_each)
            if self.for_consultant:
                total = format_clock(state.speakers * (state.seconds_each + 5))
                speaker += " " + t("round.ready_total", total=total)
            way = ""
        if state.way is not RoundWay.EVERYONE:
            way = (t(f"round.way.{state.way.value}", size=state.speakers) + " · " + way).strip(" ·")
        self.query_one("#round-speaker", Static).update(Content.styled(speaker, EMPHASIS))
        self.query_one("#round-way", Static).update(Content(way))
        self.query_one("#round-fit", Static).update(self._fit_text(state))

    def _fit_text(self, state: RoundState) -> Content:
        """For the consultant only: the round does not fit, and the ways it could."""
        if not self.for_consultant:
            return Content("")
        plan = self.plan()
        if state.begun:
            # Said on the console only: where the room sees this window, the footer alone
            # offers what still works.
            if plan.fits or not self.screen.has_class("-console"):
                return Content("")
            shorter = state.shorter_from_now(plan)
            key = "round.begun_shorter" if shorter is not None else "round.begun"
            seconds = shorter.seconds_each if shorter is not None else 0
            return Content.styled(t(key, seconds=seconds), MUTED)
        if plan.fits and not state.chosen:
            return Content("")
        lines = []
        if not plan.fits:
            lines.append(
                Content.styled(
                    t(
                        "round.too_long",
                        needed=format_clock(plan.needed),
                        available=format_clock(plan.available),
                        participants=plan.participants,
                    ),
                    "bold $warning",
                )
            )
        for number, way in ((1, RoundWay.SHORTER), (2, RoundWay.GROUPS), (3, RoundWay.PLUK)):
            if plan.possible(way):
                chosen = "▶ " if state.way is way else "  "
                text = t(
                    f"round.option.{way.value}",
                    seconds=plan.seconds(way),
                    size=plan.group_size,
                    groups=plan.groups,
                    pluk=plan.pluk,
                )
                lines.append(Content(f"{chosen}{number}  {text}"))
        if state.way is not RoundWay.EVERYONE:
            lines.append(Content.styled("  " + t("round.option.everyone_back"), MUTED))
        return Content("\n").join(lines)

    # -- actions --------------------------------------------------------------------------

    def available(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run_as":
            way = WAYS.get(str(parameters[0]))
            if self.round.begun:
                # Under way, only shorter turns still make sense (the rest of the group keeps
                # its order); groups and a few volunteers are chosen before the round begins,
                # which the round's line says.
                return (
                    way is RoundWay.SHORTER and self.round.shorter_from_now(self.plan()) is not None
                )
            return way is not None and (way is RoundWay.EVERYONE or self.plan().possible(way))
        if action == "next_speaker":
            return not self.round.last_speaker or not self.round.begun
        return True

    def action_next_speaker(self) -> None:
        self._speak(self.round.next_speaker())

    def _speak(self, state: RoundState | None) -> None:
        """Give the word on: save the round, then start the speaker's own countdown."""
        if state is None:
            return
        self.change(state)
        self.post_message(self.ClockStart(SpeakerClock(speaker_key(self.page), state.seconds_each)))

    def mode_shown(self) -> bool:
        return not isinstance(self.state, RoundState) or self.round.way is RoundWay.EVERYONE

    def action_run_as(self, way: str) -> None:
        chosen = WAYS.get(way)
        if chosen is None:
            return
        if self.round.begun:
            if chosen is RoundWay.SHORTER:
                self.change(self.round.shorter_from_now(self.plan()))
            return
        self.change(self.round.run_as(chosen, self.plan()))

    def turn(self, forward: bool) -> bool:
        state = self.round
        if not state.begun:
            return False
        if forward:
            following = state.next_speaker()
            if following is None:
                return False
            self._speak(following)
            return True
        earlier = state.previous_speaker()
        if earlier is None:
            return False
        self._speak(earlier)
        return True

    def leave_question(self, forward: bool) -> str | None:
        state = self.round
        if state.begun and not state.last_speaker:
            return t("round.leave_question", spoke=state.speaker, speakers=state.speakers)
        return None

    def speaker_clock(self) -> SpeakerClock | None:
        if isinstance(self.state, RoundState) and self.round.begun:
            return SpeakerClock(speaker_key(self.page), self.round.seconds_each)
        return None
