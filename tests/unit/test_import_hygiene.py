import subprocess
import sys
from pathlib import Path


def test_sessions_never_imports_textual():
    code = (
        "import sys, pkgutil, importlib, sessions\n"
        "for m in pkgutil.walk_packages(sessions.__path__, 'sessions.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'textual' or n.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == ""


def test_cli_subcommands_do_not_load_the_ui():
    code = (
        "import sys; from tui import cli\n"
        "cli.main(['--data-dir', sys.argv[1], 'themes'])\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(
            [sys.executable, "-c", code, folder],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).parents[2],
        )
    assert result.stderr.strip() == "False"
