"""The `S` dialog with a room's worth of texts: its title and keys stay on screen at 80×24 and
its footer shows its own keys; identical texts are one line with a count; several lines go up
(or out) with one key; everything waiting can be rejected at once and taken back."""

from __future__ import annotations

from tests.tui.helpers import make_app, new_live, page_of
from tui.join_options import JoinOptions
from tui.screens.moderation import ModerationScreen
from tui.widgets.footer import Footer

LOOPBACK = JoinOptions(host="127.0.0.1")


def on_screen(app, widget) -> bool:
    """Whether `widget` is laid out inside the terminal and shown."""
    region = widget.region
    return (
        widget.display
        and region.height > 0
        and region.y >= 0
        and region.bottom <= app.size.height
        and widget.screen.find_widget(widget) is not None
    )


def footer_labels(screen) -> list[str]:
    return [binding.description for _, binding, *_ in screen.active_bindings.values()]


async def open_with_texts(app, live, pilot, texts):
    live.nav.go_to(page_of(live, "sorting"))
    app.screen.enter_page()
    await pilot.press("J")
    await pilot.pause()
    service = app.join.server.service
    for text, column in texts:
        service.send_slip("tavle", text, column)
    await pilot.press("S")
    await pilot.pause(0.2)
    screen = app.screen
    assert isinstance(screen, ModerationScreen)
    return screen


async def test_36_texts_keep_the_title_and_the_keys_in_view(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    app.join.options = LOOPBACK
    texts = [(f"Forslag nummer {n} om arbejdsmiljøet", str(n % 3)) for n in range(36)]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_with_texts(app, live, pilot, texts)
        title = screen.query_one("#moderation-title")
        hint = screen.query_one(".dialog-hint:last-of-type")
        assert "(36)" in str(title.render())
        assert on_screen(app, title) and on_screen(app, hint)
        await pilot.press("end")  # the last text: the title still there
        await pilot.pause()
        assert on_screen(app, title) and on_screen(app, hint)
        footer = screen.query_one(Footer)
        assert on_screen(app, footer)
        labels = footer_labels(screen)
        assert "Afvis alle" in labels and "Vælg" in labels, "the dialog's keys, not the console's"
        assert "Næste" not in labels


async def test_identical_texts_show_once_and_several_go_up_with_one_key(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    app.join.options = LOOPBACK
    texts = [
        ("Mails efter kl. 16", "0"),
        ("mails efter kl. 16", "0"),
        ("Møder uden dagsorden", "0"),
        ("Fast sparring", "1"),
        ("Mails efter kl. 16", "0"),
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_with_texts(app, live, pilot, texts)
        listed = [str(o.prompt) for o in screen.query_one("#slips").options]
        assert listed == [
            "☐ Stop · Mails efter kl. 16  ×3",
            "☐ Stop · Møder uden dagsorden",
            "☐ Start · Fast sparring",
        ]
        await pilot.press("space", "down", "space")  # the first and the third
        await pilot.pause()
        listed = [str(o.prompt) for o in screen.query_one("#slips").options]
        assert listed[0].startswith("☑") and listed[1].startswith("☐")
        assert listed[2].startswith("☑")
        await pilot.press("enter")
        await pilot.pause()
        board = live.exercises.state(live.page.segment)
        assert [(i.text, i.column) for i in board.items] == [
            ("Mails efter kl. 16", 0),
            ("Fast sparring", 1),
        ], "each once, however many phones sent it"
        assert [s.text for s in live.answers.pending()] == ["Møder uden dagsorden"]
        assert "2 sedler er sat op" in str(screen.query_one("#moderation-message").render())


async def test_reject_all_waiting_and_take_it_back(library, repository, clock):
    live = new_live(repository, library, clock)
    app = make_app(library, repository, clock, live=live, layout="console")
    app.join.options = LOOPBACK
    texts = [(f"Spam {n}", "0") for n in range(20)] + [("Spam 0", "0")]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_with_texts(app, live, pilot, texts)
        await pilot.press("x")  # the highlighted line: both identical copies
        await pilot.pause()
        assert live.answers.pending_count() == 19
        assert "2 sedler er afvist" in str(screen.query_one("#moderation-message").render())
        await pilot.press("X")
        await pilot.pause()
        assert live.answers.pending_count() == 0
        assert "19 sedler er afvist" in str(screen.query_one("#moderation-message").render())
        assert live.exercises.state(live.page.segment).items == ()
        await pilot.press("u")
        await pilot.pause()
        assert live.answers.pending_count() == 19
        await pilot.press("a", "x")  # select all, reject them
        await pilot.pause()
        assert live.answers.pending_count() == 0
