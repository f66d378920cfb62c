"""argparse in the user's language, and a usage error on one line.

argparse says its own words ("usage:", "options", "the following arguments are required: …")
through `gettext`; oplaeg's catalogue (`tui/locale/<language>/LC_MESSAGES/oplaeg.po`, compiled to
`.mo`) says them in Danish or in oplaeg's English. `speak` points gettext at it before the parser
is built; the parser itself only adds what argparse leaves to its caller: placeholders in the
user's language and an error that fits on one line.
"""

from __future__ import annotations

import argparse
import contextlib
import gettext
import os
from pathlib import Path
from typing import Any, NoReturn

from sessions.i18n import t

DOMAIN = "oplaeg"
LOCALE = Path(__file__).resolve().parent.parent / "locale"


def speak(language: str) -> None:
    """argparse's own messages in `language` from here on (English when there is no catalogue
    for it). gettext takes its language from the environment, so that is where it is said;
    a room view started from here inherits it, as it should."""
    gettext.bindtextdomain(DOMAIN, str(LOCALE))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = language


def whole_number(text: str) -> int:
    """An argument that must be a whole number, with the error in the user's words."""
    with contextlib.suppress(ValueError):
        return int(text.strip())
    raise argparse.ArgumentTypeError(t("cli.error.int", value=text))


class OneLineParser(argparse.ArgumentParser):
    """A parser whose placeholders are in the user's language and whose usage errors are one
    line on stderr, ending with where to read more."""

    def add_argument(self, *names: Any, **kwargs: Any) -> argparse.Action:
        """An argument that takes a value is shown with a placeholder in the user's language
        (`--workplace NAVN`), looked up by its name."""
        takes_value = kwargs.get("action", "store") == "store" and "choices" not in kwargs
        if takes_value and "metavar" not in kwargs and names:
            dest = kwargs.get("dest") or max(names, key=len).lstrip("-").replace("-", "_")
            with contextlib.suppress(KeyError):
                kwargs["metavar"] = t(f"cli.metavar.{dest}")
        return super().add_argument(*names, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} ({t('cli.see_help', prog=self.prog)})\n")
