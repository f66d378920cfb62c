"""The presenter's keys for what the room sees and hears: pausing the session, the bell, light
or dark, and a blank screen."""

from __future__ import annotations

from sessions.display import Display
from sessions.i18n import t
from tui.messages import ThemeToggled
from tui.screens.blank import BlankScreen
from tui.screens.presenter_part import PresenterPart


class DisplayActions(PresenterPart):
    """Mixed into `PresenterScreen`."""

    def action_pause_session(self) -> None:
        paused = self.live.timers.paused
        ok, _ = self._guard(self.live.resume_session if paused else self.live.pause_session)
        if ok:
            self.say(t("presenter.resumed" if paused else "presenter.paused_banner"))

    def action_toggle_bell(self) -> None:
        bell = not self.live.display.current.bell
        ok, _ = self._guard(lambda: self.live.display.change(bell=bell))
        if ok:
            self.say(t("presenter.bell_on" if bell else "presenter.bell_off"))

    def action_toggle_light(self) -> None:
        light = not self.live.display.current.light
        ok, display = self._guard(lambda: self.live.display.change(light=light))
        if ok and isinstance(display, Display):
            self.post_message(ThemeToggled(display.light))

    def action_blank(self) -> None:
        if self.console:
            blank = not self.live.display.current.blank
            ok, _ = self._guard(lambda: self.live.display.change(blank=blank))
            if ok:
                self.say(t("presenter.blanked" if blank else "presenter.unblanked"))
            return
        ok, _ = self._guard(lambda: self.live.display.change(blank=True))
        if not ok:
            return

        def back(_: object) -> None:
            self._guard(lambda: self.live.display.change(blank=False))

        self.app.push_screen(BlankScreen(), back)
