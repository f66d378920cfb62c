"""The small things a consultant tripped over in a real walkthrough (issue #23, point 6): each
key either works or is not offered, a burst of keys never shows a mixed page, the last page asks
before it ends the session, a tie under `k` is said, counts meet nouns in the right number."""

from __future__ import annotations

import re

from sessions.exercises.round import RoundState, RoundWay
from tests.tui.helpers import make_app, new_live, page_of
from tests.tui.test_exercise_widgets import host, shown


def footer_keys(screen) -> set[str]:
    """The keys the footer offers now (hidden and disabled ones left out)."""
    return {
        binding.key
        for _, binding, enabled, _ in screen.active_bindings.values()
        if binding.show and enabled
    }


async def test_a_round_under_way_shortens_with_1_and_does_not_offer_2_or_3(
    repository, library, clock
):
    live = new_live(repository, library, clock)
    app = host(live, "round")
    async with app.run_test() as pilot:
        app.screen.add_class("-console")  # the consultant's own window: the line below says why
        assert {"1", "2", "3"} <= footer_keys(app.screen), "before the round: every way"
        await pilot.press("enter", "enter")  # two speakers have had the word
        await pilot.pause()
        assert not {"2", "3"} & footer_keys(app.screen), "not offered once begun"
        assert "1" in footer_keys(app.screen)
        assert "grupper og pluk vælges, før runden begynder" in shown(app, "#round-fit").lower()
        await pilot.press("2")  # not offered: nothing happens, the line above says why
        await pilot.press("1")
        await pilot.pause()
        state = live.exercises.state(app.page.segment)
        assert isinstance(state, RoundState)
        assert state.way is RoundWay.SHORTER and state.speaker == 2, "the round goes on"
        assert state.seconds_each < 30
        assert "1" not in footer_keys(app.screen), "already shorter: not offered again"
        await pilot.press("enter")
        assert app.clocks[-1].endswith("#speaker")
        assert live.exercises.state(app.page.segment).speaker == 3


async def test_pgdn_on_the_last_page_asks_and_an_ended_session_can_go_on(
    library, repository, clock
):
    from tui.screens.confirm import ConfirmScreen
    from tui.screens.presenter import PresenterScreen

    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(100, 30)) as pilot:
        last = len(live.pages) - 1
        live.go_to(last)  # the screen hears of it as of every change
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "asks before ending"
        await pilot.press("pagedown")  # the clicker's second press: still asking
        await pilot.press("escape")
        await pilot.pause()
        assert not live.finished and live.position == last
        await pilot.press("pagedown", "y")
        await pilot.pause()
        assert live.finished
        await pilot.press("escape")  # the referat
        await pilot.pause()
        assert isinstance(app.screen, PresenterScreen)
        await pilot.press("pageup")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "going on is a choice"
        await pilot.press("y")
        await pilot.pause()
        assert not live.finished and live.position == last - 1, "the page changes again"
        await pilot.press("pageup")
        await pilot.pause()
        assert live.position == last - 2


async def test_the_resume_offer_writes_the_date_as_the_rest_of_the_app(library, repository, clock):
    from tui.screens.confirm import ConfirmScreen

    new_live(repository, library, clock).close()
    app = make_app(library, repository, clock, offer_resume=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one(".dialog-text").render())
        assert "24. november 2026, kl. 13.00" in question
        assert "2026-11-24" not in question and "13:00" not in question


def test_a_tie_for_third_place_takes_every_tied_item():
    from sessions.exercises.voting import VotingState

    state = VotingState(participants=14, votes_per_person=3).with_items(["A", "B", "C", "D", "E"])
    for index, votes in enumerate((9, 7, 6, 6, 2)):
        state = state.select(index - state.selected).set_votes(votes)
    top, tied = state.top_with_ties()
    assert [item for item, _ in top] == ["A", "B", "C", "D"]
    assert tied == ["C", "D"]
    state = state.select(3 - state.selected).set_votes(5)
    top, tied = state.top_with_ties()
    assert [item for item, _ in top] == ["A", "B", "C"] and tied == []
    few = VotingState(participants=4, votes_per_person=1).with_items(["A", "B"])
    assert few.top_with_ties() == ([], [])


async def test_k_with_a_tie_says_so_and_takes_both(repository, library, clock):
    from sessions.exercises.voting import VotingState
    from tui.screens.presenter import PresenterScreen

    live = new_live(repository, library, clock)
    position = page_of(live, "voting")
    segment = live.pages[position].segment
    state = VotingState(participants=14, votes_per_person=3).with_items(["A", "B", "C", "D"])
    for index, votes in enumerate((9, 7, 6, 6)):
        state = state.select(index - state.selected).set_votes(votes)
    live.exercises.save(segment, state)
    live.go_to(position)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert [a.what for a in live.plan.actions()] == ["A", "B", "C", "D"]
        presenter = next(s for s in app.screen_stack if isinstance(s, PresenterScreen))
        said = str(presenter.query_one("#status-message").render())
        assert "Stemmelighed" in said and "C · D" in said


def _plain(text: str) -> str:
    for mark in "*_`#>":
        text = text.replace(mark, "")
    return " ".join(text.split())


async def test_a_burst_of_page_keys_never_shows_a_mixed_page(
    library, repository, clock, monkeypatch
):
    """Ten PgDn as fast as a clicker sends them, with Markdown slow to parse (a loaded laptop):
    at every screen update the heading and the text shown belong to the same page (the text
    is drawn in the same frame as the heading: never a frame with the old page's text)."""
    import time

    from markdown_it import MarkdownIt
    from textual.widgets import Static

    from tui.screens.presenter import PresenterScreen
    from tui.widgets.console_panel import speaker_notes
    from tui.widgets.markdown_text import MarkdownText
    from tui.widgets.stage import page_text, step_line

    parse = MarkdownIt.parse

    def slow_parse(self, src, env=None):
        time.sleep(0.03)  # in Textual's worker thread, as a busy machine would
        return parse(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parse", slow_parse)
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    frames: list[str] = []
    problems: list[str] = []

    def shown_text(markdown: MarkdownText) -> list[str]:
        if markdown.styles.visibility == "hidden" or not markdown.display:
            return []
        parent = markdown.parent
        if parent is not None and parent.styles.visibility == "hidden":
            return []
        lines = (
            re.sub(r"^([•▪‣◦▌]\s*|\d+\.\s)+", "", line.plain.strip())
            for line in markdown.lines(markdown.size.width or 80)
        )
        return [plain for line in lines if (plain := _plain(line))]

    def check() -> None:
        screen = app.screen
        if not isinstance(screen, PresenterScreen):
            return
        # The title's first line: under it, a rule as long as the title.
        title = str(screen.query_one("#stage-title", Static).render()).split("\n")[0]
        step = str(screen.query_one("#stage-step", Static).render())
        pages = [
            p
            for p in live.pages
            if (p.slide.title if p.slide is not None else p.segment.title) == title
            and step_line(p) in (step, "")
            or p.segment.kind.value == "break"
            and title == "Pause"
        ]
        frames.append(title)
        if not pages:
            problems.append(f"no page has the heading {title!r}")
            return
        for part, text_of in (
            ("#stage-markdown", page_text),
            ("#console-speaker-notes", speaker_notes),
        ):
            for line in shown_text(screen.query_one(part, MarkdownText))[:3]:
                if (
                    not any(line in _plain(text_of(p)) for p in pages)
                    and "ingen talenoter" not in line
                ):
                    problems.append(f"{title!r} shown over {line!r} ({part})")

    display = app._display

    def display_and_check(screen, renderable):
        if renderable is not None and not app._batch_count:
            check()
        return display(screen, renderable)

    app._display = display_and_check  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        for _ in range(10):
            app.screen.action_next()  # as fast as keys arrive: no wait in between
            await pilot.pause(0)
        await pilot.pause(0.6)
        check()
    assert len(frames) >= 10, "the screen was updated while the keys came in (a frame a key)"
    assert not problems, problems[:5]


def test_the_header_and_the_time_log_round_the_start_and_end_one_way(library, repository):
    """Started at 18:59:41 with a pause: the header's end and the time log's agree, and every
    clock time is the minute it is in."""
    import dataclasses
    from datetime import datetime, timedelta

    from sessions.clock import FakeClock
    from sessions.export.dates import clock as log_clock
    from sessions.export.referat import build_referat
    from sessions.live import LiveSession
    from sessions.repository import SessionRepository
    from tests.conftest import DETAILS
    from tui.widgets.status_bar import clock as header_clock

    clock = FakeClock(datetime(2026, 12, 6, 18, 59, 41).timestamp())
    repository = SessionRepository(repository.data_dir, clock)
    theme = library.get("alle-oevelser")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, start_time="19:00"))
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    clock.advance(100)
    live.advance()
    live.pause_session()
    clock.advance(50)
    live.resume_session()
    clock.advance(200)
    live.advance()
    timing = live.timing()
    referat = build_referat(store)
    active = [row for row in referat.time_log if row.planned_start]
    first, last = active[0], active[-1]
    log_end = last.planned_start + timedelta(minutes=last.item.minutes)
    assert header_clock(timing.started_at) == log_clock(first.planned_start) == "18.59"
    assert header_clock(timing.planned_end) == log_clock(log_end)
    assert log_clock(active[1].planned_start) == "19.05", "18:59:41 + 5 min + a 50 s pause"
    live.close()


def test_a_standing_hint_is_shortened_by_whole_parts():
    from tui.widgets.status_bar import shortened

    hint = "j: Refleksion 10→11 min, Dialogkort 10→11 min, Gå-tur 10→11 min, Handlingsplan 20→22"
    assert shortened(hint, 200) == hint
    short = shortened(hint, 40)
    assert short == "j: Refleksion 10→11 min …" and len(short) <= 40
    assert shortened("Mobilkoden er skjult på denne side", 20) == "Mobilkoden er …"


async def test_the_console_says_how_the_phones_do_in_one_line(library, repository, clock):
    from sessions.i18n import plural
    from sessions.phones.answers import JoinState, SlipTarget
    from tui.widgets.join_status import JoinStatus

    live = new_live(repository, library, clock)
    live.go_to(page_of(live, "scale"))
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(80, 24)) as pilot:
        live.answers.set_join_state(
            JoinState(on=True, url="http://10.0.0.2:8765/x", address="10.0.0.2:8765/x", code="3101")
        )
        for phone in range(14):
            live.answers.answer_scale("skala", 0, f"phone-{phone}", 4)
        live.answers.add_slip("tavle", 0, "Mails efter kl. 16", SlipTarget.COLUMN, 0)
        await pilot.pause()  # each write told the screen
        line = str(app.screen.query_one(JoinStatus).render())
        assert line == "Mobiler: 14 har svaret · kode 3101 · 1 seddel venter (S)"
        assert "10.0.0.2" not in line, "the address and the QR code are the room's"
        assert not app.screen.query_one("#join-code").display
    assert plural(1, "join.status.slip", "join.status.slips") == "1 seddel venter (S)"
    assert plural(3, "join.status.slip", "join.status.slips") == "3 sedler venter (S)"
    assert plural(1, "export.minute", "export.minutes") == "1 minut"


async def test_messages_and_the_agenda_warning_are_never_cut_at_80_columns(
    library, repository, clock
):
    import textwrap

    from textual.widgets import Label

    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(80, 24)) as pilot:
        message = (
            "Mobiler er slået til: deltagerne scanner koden på skærmen (kode 3101). J slår fra."
        )
        app.screen.say(message)
        await pilot.pause()
        label = app.screen.query_one("#status-message", Label)
        assert str(label.render()) == message
        assert label.size.height == len(textwrap.wrap(message, label.size.width)) > 1
        await pilot.press("a")
        await pilot.pause()
        warning = app.screen.query_one("#agenda-rounds", Label)
        text = str(warning.render())
        assert text.endswith("(vælges på rundens side)."), "the whole suggestion"
        assert warning.size.height >= len(textwrap.wrap(text, warning.size.width))
        assert warning.region.right <= 80


async def test_speaker_notes_wrap_at_spaces_and_the_next_page_stays_in_view(
    library, repository, clock
):
    """A long Danish word in the notes is never split, at a laptop's 80×24 or at 100×30, and
    many note lines never push "Næste" off the screen."""
    import html

    from tui.widgets.console_panel import ConsolePanel
    from tui.widgets.markdown_text import MarkdownText

    word = "arbejdsmiljørepræsentanten"
    notes = "\n".join(f"Spørg {n}: hvad siger {word} og lederen om det her?" for n in range(12))
    for size in ((80, 24), (100, 30)):
        live = new_live(repository, library, clock)
        app = make_app(library, repository, clock, live=live, layout="console")
        async with app.run_test(size=size) as pilot:
            panel = app.screen.query_one(ConsolePanel)
            panel.show(live.page)
            panel.query_one("#console-speaker-notes", MarkdownText).update(notes)
            await pilot.pause(0.2)
            shown = html.unescape(app.export_screenshot()).replace("\xa0", " ")
            assert shown.count(word) >= 2, f"{word} split at {size}"
            heading = panel.query_one("#console-next-box")
            assert heading.region.height > 0 and heading.region.bottom <= size[1] - 1


async def test_hands_counted_faster_than_a_save_each_count(library, repository, clock):
    """Five presses of 4 arriving before the first is saved: five hands, not one."""
    from sessions.exercises.scale import ScaleState

    live = new_live(repository, library, clock)
    live.go_to(page_of(live, "scale"))
    app = make_app(library, repository, clock, live=live, layout="console")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        widget = app.screen.stage.exercise
        before = live.exercises.state(live.page.segment)
        assert isinstance(before, ScaleState)
        hands = before.stats(before.selected).hands
        for _ in range(5):  # no event loop turn in between: the saves come after
            widget.action_add_hand(4)
        await pilot.pause()
        after = live.exercises.state(live.page.segment)
        assert after.stats(after.selected).hands == hands + 5
        assert widget.latest == widget.state == after


def test_the_agenda_says_a_round_of_four_and_a_half_minutes_as_such():
    from tui.screens.agenda_planner import _minutes

    assert _minutes(270) == "4:30", "not '4 min, but the step has 4'"
    assert _minutes(240) == "4"
    assert _minutes(59.6) == "1"
