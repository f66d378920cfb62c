"""argparse in the user's language: the help's headings and argparse's own error messages are
said in Danish (or English), and a usage error is one line on stderr."""

from __future__ import annotations

import argparse
import contextlib
import re
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

from sessions.i18n import t

# argparse's own messages (Python 3.11–3.13), each with the catalogue key that says it.
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), key)
    for pattern, key in (
        (r"^the following arguments are required: (?P<names>.+)$", "cli.error.required"),
        (
            r"^argument (?P<arg>[^:]+): invalid choice: (?P<value>.+?) "
            r"\(choose from (?P<choices>.+)\)$",
            "cli.error.choice",
        ),
        (r"^argument (?P<arg>[^:]+): invalid \w+ value: (?P<value>.+)$", "cli.error.int"),
        (r"^argument (?P<arg>[^:]+): expected one argument$", "cli.error.one_value"),
        (r"^argument (?P<arg>[^:]+): expected at least one argument$", "cli.error.values"),
        (r"^unrecognized arguments: (?P<names>.+)$", "cli.error.unknown"),
        (
            r"^ambiguous option: (?P<option>\S+?)=?\S* could match (?P<matches>.+)$",
            "cli.error.ambiguous",
        ),
        (
            r"^argument (?P<arg>[^:]+): not allowed with argument (?P<other>.+)$",
            "cli.error.not_allowed",
        ),
    )
)
_ANY_ARGUMENT = re.compile(r"^argument (?P<arg>[^:]+): (?P<rest>.+)$")


def say(message: str) -> str:
    """argparse's English `message` in the current language, naming the argument first."""
    for pattern, key in _ARGPARSE_MESSAGES:
        match = pattern.match(message)
        if match is None:
            continue
        fields = match.groupdict()
        for name, value in fields.items():
            fields[name] = ", ".join(_unquote(part) for part in value.split(", "))
        text = t(key, **fields)
        return f"{fields['arg']}: {text}" if "arg" in fields else text
    match = _ANY_ARGUMENT.match(message)  # a type function's own (already translated) message
    return f"{match['arg']}: {match['rest']}" if match else message


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"" else text


class TranslatedHelp(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, t("cli.usage") if prefix is None else prefix)


class OneLineParser(argparse.ArgumentParser):
    """A parser whose help is in the user's language and whose usage errors are one line."""

    def __init__(
        self,
        *,
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelp)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = t("cli.arguments")
        self._optionals.title = t("cli.options")
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=t("cli.help.help")
            )
        # As argparse adds parents, but after the groups are titled: a parent's options join
        # the group with the same title instead of a second, English-titled one.
        for parent in parents:
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

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
        self.exit(2, f"{self.prog}: {say(message)} ({t('cli.see_help', prog=self.prog)})\n")
