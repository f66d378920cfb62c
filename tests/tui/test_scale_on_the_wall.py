"""The wall shows every statement of a scale it can: the room reads each statement it answers.
The selected statement's bars per value give way first there, while the consultant's console
keeps them (it counts the hands) and windows the statements instead."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sessions.live import LiveSession
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from tests.conftest import DETAILS, FIXTURES
from tests.tui.test_exercise_widgets import host, shown

STATEMENTS = [f"Udsagn nummer {n}" for n in range(1, 9)]
BARS = "Slet ikke"
"""The first value's label: under the statements only in the selected statement's bars (the
legend above them is a line of its own)."""


def eight_statements(folder: Path) -> ThemeLibrary:
    """The test theme, its scale given eight short statements."""
    text = (FIXTURES / "alle-oevelser.md").read_text(encoding="utf-8")
    old = "- Jeg kan sige fra\n- Jeg får hjælp, når jeg beder om den\n"
    assert old in text
    text = text.replace(old, "".join(f"- {s}\n" for s in STATEMENTS))
    text = text.replace("id: alle-oevelser", "id: otte-udsagn")
    (folder / "otte.md").write_text(text, encoding="utf-8")
    return ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED), (folder, ThemeOrigin.USER)])


def counted(repository, folder: Path, clock) -> LiveSession:  # type: ignore[no-untyped-def]
    theme = eight_statements(folder).get("otte-udsagn")
    info, store = repository.create(theme, dataclasses.replace(DETAILS, participants=20))
    live = LiveSession(repository, info, store, theme, clock)
    live.nav.start()
    return live


async def wall_and_console(live: LiveSession, size: tuple[int, int]) -> tuple[str, str]:
    """What the scale shows on the wall and on the console, once the console counted two hands."""
    texts = []
    for interactive in (True, False):
        app = host(live, "scale", interactive=interactive)
        async with app.run_test(size=size) as pilot:
            if interactive:
                await pilot.press("3", "4")
            await pilot.pause()
            texts.append(shown(app, "#scale-statements"))
    console, wall = texts
    return wall, console


async def test_the_wall_shows_every_statement_before_the_bars(repository, tmp_path, clock):
    live = counted(repository, tmp_path, clock)
    wall, console = await wall_and_console(live, (100, 15))
    assert all(statement in wall for statement in STATEMENTS), wall
    assert "mere" not in wall
    assert BARS not in wall, "no room for the bars as well"
    assert BARS in console, "the console keeps the bars (it counts the hands)"
    assert "mere" in console, "… and windows the statements"


async def test_with_room_for_both_the_wall_shows_the_bars_too(repository, tmp_path, clock):
    live = counted(repository, tmp_path, clock)
    wall, _ = await wall_and_console(live, (100, 30))
    assert all(statement in wall for statement in STATEMENTS)
    assert BARS in wall
