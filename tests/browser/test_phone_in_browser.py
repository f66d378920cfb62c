"""A real phone browser: headless Chromium in a phone's viewport opens the page from the running
console (on 127.0.0.1), answers a scale, follows the console to the vote by itself, and votes;
the stored answers and what the console's widgets show reflect it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sessions.exercises.case import CaseState
from tests.browser.conftest import CHROMIUM, FLAGS
from tests.tui.helpers import library_with_fixtures, make_app, new_live, page_of
from tui.join_options import JoinOptions

PHONE = {"width": 390, "height": 844}
SHOTS = os.environ.get("OPLAEG_PHONE_SHOTS")
"""A folder to save the phone's screens in, to look at them."""

playwright_api = pytest.importorskip("playwright.async_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on this machine (Debian package 'chromium')"
)


def shown(widget) -> str:
    return "\n".join(str(w.render()) for w in widget.query("Static"))


async def snap(page, name: str) -> None:
    if SHOTS:
        await page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


async def test_a_phone_answers_a_scale_and_a_vote(repository, clock, tmp_path):
    library = library_with_fixtures()
    live = new_live(repository, library, clock)
    case = next(p.segment for p in live.pages if p.segment.id == "sagen")
    live.exercises.save(case, CaseState(("Ring til en kollega", "Aftal hvem der har bagvagt")))
    app = make_app(library, repository, clock, live=live)
    app.join.options = JoinOptions(host="127.0.0.1")
    async with app.run_test(size=(120, 30)) as pilot, playwright_api.async_playwright() as pw:
        live.nav.go_to(page_of(live, "scale"))
        app.screen.enter_page()
        await pilot.press("J")
        await pilot.pause()
        server = app.join.server
        assert server is not None
        browser = await pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),  # an empty profile
            executable_path=CHROMIUM,
            headless=True,
            args=FLAGS,
            viewport=PHONE,
            is_mobile=True,
            has_touch=True,
            device_scale_factor=2,
            locale="da-DK",
        )
        try:
            phone = browser.pages[0] if browser.pages else await browser.new_page()
            await phone.goto(server.url)
            assert server.service.code in await phone.title()
            await snap(phone, "1-scale")
            button = phone.locator('#s0 button[value="4"]')
            box = await button.bounding_box()
            assert box is not None and box["height"] >= 44, "a thumb-sized target"
            await button.tap()
            await phone.wait_for_selector("text=Tak — dit svar er gemt.")
            await phone.locator('#s1 button[value="2"]').tap()
            await phone.wait_for_selector('#s1 button[value="2"][aria-pressed="true"]')
            assert await phone.locator('#s0 button[aria-pressed="true"]').inner_text() != ""
            await snap(phone, "2-scale-answered")
            assert live.answers.scale_counts("skala") == {0: {4: 1}, 1: {2: 1}}
            await pilot.pause(0.2)
            assert "1 har svaret på mobilen" in shown(app.screen.stage.exercise)

            live.nav.go_to(page_of(live, "voting"))  # the console moves on …
            app.screen.enter_page()
            await phone.wait_for_selector("ul.items", timeout=8000)  # … and the phone follows
            await snap(phone, "3-vote")
            first = phone.locator("#i0")
            await first.get_by_role("button", name="+ Stem").tap()
            await phone.wait_for_selector("text=Du har 2 af 3 stemmer tilbage.")
            await phone.locator("#i0").get_by_role("button", name="+ Stem").tap()
            await phone.wait_for_selector("text=Du har 1 af 3 stemmer tilbage.")
            await snap(phone, "4-voted")
            assert live.answers.phone_votes("stemmer") == {"Ring til en kollega": 2}
            await pilot.pause(0.2)
            voting = shown(app.screen.stage.exercise)
            assert "1 har stemt på mobilen" in voting
            assert "  2 Ring til en kollega" in voting

            live.nav.go_to(page_of(live, "voting", 1))  # the result step asks nothing
            app.screen.enter_page()
            await phone.wait_for_selector("text=Kig op på skærmen", timeout=8000)
            await snap(phone, "5-look-up")
        finally:
            await browser.close()
