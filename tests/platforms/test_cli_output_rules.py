"""The command line under Windows' code pages: output redirected to a file or a pipe is UTF-8
whatever the code page, and a character a console cannot show is never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.platforms.emulation import Emulated
from tui import cli

ROOT = Path(__file__).parents[2]
CODE_PAGES = ["cp1252", "cp850"]
BROKEN_THEME = "---\nid: i-stykker\ntitle: I stykker – halvt skrevet\n---\n\nIngen segmenter.\n"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with one broken theme of the user's own."""
    themes = tmp_path / "data" / "themes"
    themes.mkdir(parents=True)
    (themes / "i-stykker.md").write_text(BROKEN_THEME, encoding="utf-8")
    return tmp_path / "data"


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_themes_with_a_broken_one_prints_one_line_each(data: Path, windows: Emulated, code_page):
    console = windows.console(code_page)
    code = cli.main(["--data-dir", str(data), "themes"])
    out = console.out().decode("utf-8")  # UTF-8, not the code page
    assert code == 0
    lines = out.splitlines()
    broken = [line for line in lines if line.startswith("i-stykker")]
    assert len(broken) == 1 and "⚠" in broken[0], out
    assert len(lines) >= 10, "every bundled theme, one line each"
    assert all(" — " in line for line in lines if not line.startswith("i-stykker"))
    assert b"Traceback" not in console.err()


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_a_handout_redirected_to_a_file_is_valid_utf8(tmp_path, windows: Emulated, code_page):
    console = windows.console(code_page)
    code = cli.main(["handout", "social-stoette", "--format", "html"])
    assert code == 0
    html = console.out().decode("utf-8")  # raises if it is not valid UTF-8
    assert 'charset="utf-8"' in html.lower() or "charset=utf-8" in html.lower()
    assert "social støtte" in html.lower()
    assert "\r\n" not in html, "the same bytes on every platform"


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_an_error_is_one_line_in_any_code_page(data: Path, windows: Emulated, code_page):
    console = windows.console(code_page)
    code = cli.main(["--data-dir", str(data), "export", "ingen-sådan-session…"])
    assert code == 1
    err = console.err().decode("utf-8")
    assert len(err.strip().splitlines()) == 1, err
    assert "ingen-sådan-session…" in err


@pytest.mark.parametrize("encoding", ["ascii", "cp850", "cp1252"])
def test_a_real_process_with_a_narrow_encoding_never_prints_a_traceback(data: Path, encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding, "OPLAEG_DATA_DIR": str(data)}
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", "themes"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    broken = [line for line in done.stdout.splitlines() if line.startswith(b"i-stykker")]
    assert len(broken) == 1 and "⚠".encode() in broken[0]
