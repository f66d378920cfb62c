"""A thread that notices when a few files change and tells the app, without waking the event
loop for nothing.

The room view follows the console through the session's files. It hears of a change in two
ways, and whatever it hears, it calls `changed` only when the files' stamps (inode, size,
modification time) differ, so a spurious event costs nothing:

- **a hint** (`hints=True`, `sessions/hints.py`): the console sends an empty datagram to this
  watch's loopback port after each write. A thread sleeps in `recvfrom` until one comes: no
  wake-ups while nothing happens, and the stamps are looked at the moment the write is on disk.
  `hint_port` is what the room view announces;
- **the operating system** through **watchfiles** (inotify on Linux, FSEvents on macOS,
  ReadDirectoryChangesW on Windows: one library, tested on all three), watching the folders the
  files are in, not recursively. watchfiles' waiting thread wakes every step to look at its
  queue, so with hints it is only the safety net (a writer that does not hint, a lost hint)
  and steps slowly (`HINTED_STEP_MS`); without hints it is the way to hear, and steps
  quickly (`STEP_MS`). The stamps are looked at anyway every so often (a network folder that
  reports nothing).

If watchfiles cannot be had or fails (an exotic file system, a folder that vanished under it),
the thread says so in the log, `failure` holds the reason, and it goes on by looking at the
stamps `POLL_SECONDS` apart: slower to hear, never silent, never dead. No pipe and no `select`
(Windows allows `select` on sockets only); the thread sleeps on a `threading.Event`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator

from sessions.hints import HintListener
from sessions.storage.follower import stamp

POLL_SECONDS = 0.04
"""Without the system's notifications: how often the stamps are looked at."""
SAFETY_SECONDS = 0.25
"""With notifications: the stamps are looked at this often anyway (two `stat` calls). It also
bounds how late a change is heard that came while the watch was being set up, before the
system could report it."""
STEP_MS = 20
"""watchfiles hands over a batch of changes once nothing new came for this long (so a change
is heard 20-40 ms after it), and its waiting thread wakes this often to look at its queue and
the stop event: no file-system call, about 0.2 % of a core on a 2-core Linux laptop. A larger
step costs less and hears later."""
HINTED_STEP_MS = 1000
"""With hints: watchfiles' step, one wake-up a second (about 0.01 % of a core, as the ctypes
inotify thread it replaced): a change that came without a hint is heard within two seconds,
and the room view's own look once a second (`tui/room.py`) hears it sooner anyway."""
HINTED_SAFETY_SECONDS = 5.0
"""With hints: how often the stamps are looked at anyway."""
HINTED_POLL_SECONDS = 1.0
"""With hints but without the system's notifications: how often the stamps are looked at."""
DEBOUNCE_MS = 100
"""While changes keep coming, a batch is handed over at least this often."""

log = logging.getLogger("oplaeg.file_watch")


class _Interrupt:
    """What watchfiles looks at between steps: stop for good, or start again (other folders)."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.again = threading.Event()

    def is_set(self) -> bool:
        return self.stop.is_set() or self.again.is_set()


class FileWatch:
    """Calls `changed` from its own thread when the stamp of `paths()` changes (the set of
    paths may change too: the room view follows another session; call `rewatch` then).
    `changed` must be safe to call from another thread: a widget's `post_message` is.
    `failed` (also from the thread) hears once why the system's notifications were given up."""

    def __init__(
        self,
        paths: Callable[[], tuple[str, ...]],
        changed: Callable[[], object],
        *,
        native: bool = True,
        failed: Callable[[str], object] | None = None,
        hints: bool = False,
    ) -> None:
        self._paths = paths
        self._changed = changed
        self._failed = failed
        self._interrupt = _Interrupt()
        self._native = native
        self.failure: str | None = None
        """Why the thread polls instead of being told (None while it is told)."""
        self.ready = threading.Event()
        """Set once every later change will be heard (hints are heard, the system's watch is in
        place, or the thread polls)."""
        self._last = stamp(())
        self._looking = threading.Lock()
        self._hints = HintListener(self._hinted) if hints else None
        self._thread = threading.Thread(target=self._run, name="oplaeg-file-watch", daemon=True)

    @property
    def kernel_notified(self) -> bool:
        """Whether the thread waits for the system to report a change (else it polls)."""
        return self._native and self.failure is None

    @property
    def hint_port(self) -> int:
        """The loopback port a writer sends its hints to (0: no hints are heard)."""
        return self._hints.port if self._hints is not None else 0

    @property
    def alive(self) -> bool:
        """Whether the watching thread runs."""
        return self._thread.is_alive()

    def start(self) -> None:
        if self._hints is not None:
            self._hints.start()
            if self._hints.alive:
                self.ready.set()  # a writer's hint is heard from now on
        self._thread.start()

    def rewatch(self) -> None:
        """The paths changed: look at the new ones now."""
        self._interrupt.again.set()

    def stop(self, *, wait: bool = True) -> None:
        """Stop watching; with `wait`, until the thread has ended (up to a second). Without,
        nothing is called any more, and the thread ends by itself within a step."""
        self._interrupt.stop.set()
        if self._hints is not None:
            self._hints.stop()
        if wait and self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=1.0)

    # -- the thread ------------------------------------------------------------------------

    def _run(self) -> None:
        self._last = stamp(self._paths())
        if self._native:
            try:
                self._run_told()
            except Exception as error:  # anything watchfiles raises: fall back, say why
                self._give_up(error)
        self._run_polling()

    def _run_told(self) -> None:
        from watchfiles import watch

        interrupt = self._interrupt
        hinted = self.hint_port != 0
        step = HINTED_STEP_MS if hinted else STEP_MS
        safety = HINTED_SAFETY_SECONDS if hinted else SAFETY_SECONDS
        while not interrupt.stop.is_set():
            interrupt.again.clear()
            paths = self._paths()
            folders = _folders_of(paths)
            self._look(paths)
            batches: Iterator[object] = watch(
                *folders,
                watch_filter=None,
                debounce=DEBOUNCE_MS,
                step=step,
                stop_event=interrupt,
                rust_timeout=int(safety * 1000),
                yield_on_timeout=True,
                raise_interrupt=False,
                recursive=False,
            )
            try:
                for _batch in batches:
                    self.ready.set()  # the first batch (or timeout) comes from a live watch
                    paths = self._paths()
                    self._look(paths)
                    if interrupt.is_set() or _folders_of(paths) != folders:
                        break  # stop, or other folders to watch (one appeared or vanished)
            except Exception:
                if _folders_of(self._paths()) == folders:
                    raise
                # a folder vanished under the watch: watch what is there now

    def _run_polling(self) -> None:
        interrupt = self._interrupt
        said = False
        self.ready.set()
        every = HINTED_POLL_SECONDS if self.hint_port else POLL_SECONDS
        while not interrupt.stop.is_set():
            interrupt.again.wait(every)
            interrupt.again.clear()
            if interrupt.stop.is_set():
                return
            try:
                self._look(self._paths())
            except Exception:  # never die: the room view would stop following unseen
                if not said:
                    log.exception("the room view could not look at the files")
                    said = True

    def _hinted(self) -> None:
        """A hint came (from the listening thread): look now."""
        if not self._interrupt.stop.is_set():
            self._look(self._paths())

    def _look(self, paths: tuple[str, ...]) -> None:
        if self._interrupt.stop.is_set():
            return
        with self._looking:  # the watching thread and the hint's thread
            now = stamp(paths)
            changed = now != self._last
            self._last = now
        if changed:
            self._changed()

    def _give_up(self, error: BaseException) -> None:
        self.failure = f"{type(error).__name__}: {error}"
        log.warning("the room view polls the files: no change notifications (%s)", self.failure)
        if self._failed is not None:
            self._failed(self.failure)


def _folders_of(paths: tuple[str, ...]) -> tuple[str, ...]:
    """The folders to watch for `paths`: each file's folder, or its nearest existing ancestor
    while the folder is not there yet (the folder's creation is then what is heard)."""
    folders: set[str] = set()
    for path in paths:
        folder = os.path.dirname(os.path.abspath(path))
        while not os.path.isdir(folder) and os.path.dirname(folder) != folder:
            folder = os.path.dirname(folder)
        folders.add(folder)
    return tuple(sorted(folders))
