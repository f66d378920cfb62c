"""The `oplaeg` command line: `main` reads it and runs the command."""

from tui.cli.main import main

__all__ = ["main"]
