"""The room view (`oplaeg projector`): what the participants see on the projector, following the
console. It only reads: it never takes the session's lock and never writes to it, so it can start
before or after the console, and either can be closed or killed without harm."""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.message import Message
from textual.widgets import Static

from sessions.clock import Clock, SystemClock
from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.live import LiveSession
from sessions.presence import (
    announce_listener,
    announce_room,
    console_file,
    presented_session,
    withdraw,
)
from sessions.record import info_of
from sessions.repository import SessionRepository
from sessions.storage.changes import Part
from sessions.storage.follower import StoreFollower
from sessions.theme.library import ThemeLibrary
from tui.changes import SessionScreen, posting_to
from tui.file_watch import FileWatch
from tui.quiet_driver import QuietApp
from tui.shutdown import install_shutdown
from tui.themes import DARK, LIGHT, register_themes, variable_defaults
from tui.widgets.second_tick import each_second
from tui.widgets.stage import Stage

RETRY_SECONDS = 0.02
"""When the files changed while they were read: how soon to read them again."""


class FilesChanged(Message):
    """The console changed the session's files (posted from the watching thread; several
    before the screen gets to them are one look at the files)."""

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, FilesChanged)


class RoomScreen(SessionScreen):
    """The page, the countdown, the notes if the consultant shows them; nothing else. What the
    follower reads comes to the page as every change to a session does (`tui.changes`): the
    same stage as the console's repaints itself."""

    BINDINGS = [Binding("ctrl+q,q", "app.quit", show=False)]
    DEFAULT_CSS = """
    RoomScreen { background: $background; }
    RoomScreen #room-waiting {
        width: 100%; height: 100%; content-align: center middle; color: $text-muted;
    }
    RoomScreen #room-blank {
        display: none; width: 100%; height: 100%; background: black; layer: blank;
    }
    RoomScreen.-blank #room-blank { display: block; }
    RoomScreen { layers: base blank; overflow: hidden; }
    RoomScreen #room-page { height: 1fr; }
    """

    def __init__(
        self,
        repository: SessionRepository,
        library: ThemeLibrary,
        clock: Clock,
        session_id: str | None,
        *,
        announce: bool = True,
    ) -> None:
        super().__init__()
        self.announce = announce
        self.repository = repository
        self.library = library
        self.clock = clock
        self.fixed_session = session_id
        self.follower: StoreFollower | None = None
        self.live: LiveSession | None = None
        self._announcement: Path | None = None
        self._listening: Path | None = None
        self._waiting_text = ""
        self._console_file = str(console_file(repository.data_dir))
        self._watched: tuple[str, ...] = (self._console_file,)

    def compose(self) -> ComposeResult:
        yield Container(id="room-page")
        yield Static(t("room.waiting"), id="room-waiting")
        yield Static(id="room-blank")

    def on_mount(self) -> None:
        self._watch = FileWatch(
            self._watched_files, lambda: self.post_message(FilesChanged()), hints=True
        )
        self._watch.start()
        self._listen("")
        # Once a second it looks again without a change to its files (a console that was killed
        # leaves its announcement behind), on the countdown's tick: one wake-up a second.
        each_second(self, self.follow)
        self.follow()
        self.call_after_refresh(gc.freeze)  # start-up's objects are kept: not looked at again

    def on_unmount(self) -> None:
        self._watch.stop(wait=False)  # the room view closes at once (the thread ends soon)
        self._release()
        if self._listening is not None:
            withdraw(self._listening)
            self._listening = None

    def _listen(self, session_id: str) -> None:
        """Say where the console's hints about `session_id` ("": a console's start) reach this
        view's file watch (a browser's viewer too: it does not count as a window)."""
        port = self._watch.hint_port
        if port:
            with contextlib.suppress(OplaegError, OSError):
                self._listening = announce_listener(
                    self.repository.data_dir, session_id, port, self._listening
                )

    @on(FilesChanged)
    def _files_changed(self) -> None:
        self.follow()

    def _watched_files(self) -> tuple[str, ...]:
        """Called from the watching thread: the console's announcement and the session's
        files (a tuple, replaced whole, so the thread never sees one half-changed)."""
        return self._watched

    def follow(self) -> None:
        """Find the session to show, and show what changed in it."""
        wanted = self.fixed_session or presented_session(self.repository.data_dir)
        current = self.live.info.id if self.live is not None else None
        if wanted != current:
            self._stop()
            if wanted is not None:
                self._start(wanted)
            return
        if self.follower is not None and self.live is not None:
            if self.follower.poll():  # the store tells the parts it read (a message, later)
                self.live.reload()
            if not self.follower.settled:
                self.set_timer(RETRY_SECONDS, self.follow)

    def _start(self, session_id: str) -> None:
        try:
            folder = self.repository.root / self.repository.resolve_id(session_id)
            follower = StoreFollower(folder)
            info = info_of(follower.store)
            theme = self.library.get(info.theme_id)
        except OplaegError as error:
            self._wait(t("room.cannot_open", reason=str(error)))
            return
        self.follower = follower
        self._watched = (self._console_file, *follower.paths)
        self._watch.rewatch()
        self._listen(info.id)
        self.live = LiveSession(None, info, follower.store, theme, self.clock)
        self.live.sink = posting_to(self)
        if self.announce:  # a browser's view is announced by the launch that serves it
            with contextlib.suppress(OplaegError, OSError):
                self._announcement = announce_room(self.repository.data_dir, info.id)
        page = self.query_one("#room-page", Container)
        page.remove_children()
        page.mount(Stage(self.live, interactive=False, id="room-stage"))
        self.query_one("#room-waiting").display = False
        page.display = True
        self._show_display()

    def watch_changes(self, parts: Part) -> None:
        if parts & Part.DISPLAY:
            self._show_display()

    def _show_display(self) -> None:
        if self.live is None:
            return
        display = self.live.display.current
        self.set_class(display.blank, "-blank")
        self.app.theme = LIGHT if display.light else DARK

    def _release(self) -> None:
        if self._announcement is not None:
            withdraw(self._announcement)
            self._announcement = None
        if self.follower is not None:
            self.follower.close()
        self.follower = None
        self._watched = (self._console_file,)
        self._watch.rewatch()
        self.live = None

    def _stop(self) -> None:
        self._release()
        self.query_one("#room-page", Container).remove_children()
        self._wait(t("room.waiting"))

    def _wait(self, text: str) -> None:
        waiting = self.query_one("#room-waiting", Static)
        waiting.display = True
        self.query_one("#room-page").display = False
        if text != self._waiting_text:
            self._waiting_text = text
            waiting.update(text)


SERVER_CHECK_SECONDS = 1.0


class RoomApp(QuietApp):
    """`oplaeg projector`: the room view in a terminal, or (through textual-serve) a browser."""

    CSS_PATH = "app.tcss"
    TITLE = "oplaeg"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self,
        repository: SessionRepository,
        library: ThemeLibrary,
        session_id: str | None = None,
        clock: Clock | None = None,
        *,
        served: bool = False,
    ) -> None:
        super().__init__()
        self.repository = repository
        self.library = library
        self.session_id = session_id
        self.clock = clock or SystemClock()
        self.served = served
        self._server = os.getppid()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults()

    def on_mount(self) -> None:
        if self.served:
            self.set_interval(SERVER_CHECK_SECONDS, self.end_with_the_server)
        # SIGTERM ends the room view even when its event loop is busy (the web driver's own
        # handler waits for the loop); it has nothing to save.
        install_shutdown(self, lambda: None)
        register_themes(self)
        self.theme = DARK
        screen = RoomScreen(
            self.repository, self.library, self.clock, self.session_id, announce=not self.served
        )
        self.push_screen(screen)

    def end_with_the_server(self) -> None:
        """A browser's room view runs under textual-serve, which does not stop it when the
        server itself is stopped: once the server is gone, nobody can see this view any more.
        It is gone when this process has a new parent (POSIX), or when the server's end of the
        input pipe has closed: the web driver's reading thread has ended (Windows never gives
        an orphan another parent)."""
        if os.getppid() != self._server or not self._input_open():
            self.exit()

    def _input_open(self) -> bool:
        """Whether the driver still reads the server's pipe (True when this cannot be told:
        another Textual, or a driver that reads no pipe)."""
        reading = getattr(self._driver, "_key_thread", None)
        if not isinstance(reading, threading.Thread) or reading.ident is None:
            return True
        return reading.is_alive()
