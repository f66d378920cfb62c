"""The themes are read by the start screen's worker while the event loop may ask for one (a
resume accepted at once): both sides must see the whole list, never a half-read one."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import sessions.theme.library as library_module
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir, theme_files

BUNDLED = len(theme_files(bundled_content_dir()))


def slow_parser(monkeypatch: pytest.MonkeyPatch, seconds: float = 0.05) -> list[Path]:
    """Make reading each theme file take `seconds` longer; returns the files read, in order."""
    parse = library_module._parse
    read: list[Path] = []

    def slow(path: Path) -> library_module.Parsed:
        read.append(path)
        time.sleep(seconds)
        return parse(path)

    monkeypatch.setattr(library_module, "_parse", slow)
    return read


def test_both_threads_see_every_theme_while_the_other_reads(monkeypatch, tmp_path: Path):
    read = slow_parser(monkeypatch)
    library = ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)])
    seen_by_worker: list[int] = []
    worker = threading.Thread(target=lambda: seen_by_worker.append(len(library.entries())))
    worker.start()
    while not read:  # the worker has begun reading
        time.sleep(0.001)
    seen_here = len(library.entries())
    assert library.get("social-stoette").id == "social-stoette"
    worker.join(timeout=30)
    assert seen_here == BUNDLED
    assert seen_by_worker == [BUNDLED]
    assert len(read) == BUNDLED, "each file read once, not once per thread"


def test_many_readers_at_once_all_see_the_whole_list(monkeypatch):
    slow_parser(monkeypatch, seconds=0.01)
    library = ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)])
    counts: list[int] = []
    lock = threading.Lock()

    def read() -> None:
        found = len(library.entries())
        with lock:
            counts.append(found)

    threads = [threading.Thread(target=read) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert counts == [BUNDLED] * 6
