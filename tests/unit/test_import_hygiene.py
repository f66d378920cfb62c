import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run_python(code: str, folder: str = "") -> subprocess.CompletedProcess[str]:
    """`code` in a fresh interpreter, with a data (and config) folder as its argument."""
    return subprocess.run(
        [sys.executable, "-c", code, folder],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
        env={**os.environ, "XDG_CONFIG_HOME": folder} if folder else None,
    )


def test_sessions_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, sessions\n"
        "for m in pkgutil.walk_packages(sessions.__path__, 'sessions.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    assert run_python(code).stdout.strip() == ""


def test_cli_subcommands_do_not_load_the_ui():
    code = (
        "import sys; from tui import cli\n"
        "cli.main(['--data-dir', sys.argv[1], 'themes'])\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        assert run_python(code, folder).stderr.strip() == "False"


def test_the_start_screen_loads_only_what_it_shows():
    """`oplaeg` up to its first screen, which lists themes and sessions: no live session,
    exports, locks or phones yet (each costs start-up time the consultant waits for)."""
    code = (
        "import sys\n"
        "from textual.app import App\n"
        "run = App.run\n"
        "async def look(pilot):\n"
        "    await pilot.pause()\n"
        "    heavy = ['sessions.live', 'sessions.phones.answers', 'sessions.export.docx_export',\n"
        "             'docx', 'openpyxl', 'filelock', 'aiohttp', 'segno']\n"
        "    print(type(pilot.app.screen).__name__, [n for n in heavy if n in sys.modules])\n"
        "    pilot.app.exit()\n"
        "App.run = lambda self, *a, **k: run(self, headless=True, auto_pilot=look)\n"
        "from tui.cli import main\n"
        "main(['--data-dir', sys.argv[1]])\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        assert run_python(code, folder).stdout.strip() == "StartScreen []"
