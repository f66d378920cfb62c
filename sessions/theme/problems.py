"""What is wrong with a theme file, line by line, in the reader's language."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sessions.i18n import t


@dataclass(frozen=True)
class Problem:
    """One problem: a catalogue key and its values, so it is shown in the user's language.

    A warning does not stop the theme from being used."""

    line: int
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: str = ""
    warning: bool = False

    def message(self, language: str | None = None) -> str:
        text = t(self.key, language=language, **self.params)
        return t("theme.warning", language=language, message=text) if self.warning else text

    def format(self, language: str | None = None) -> str:
        """`file:line: message`."""
        return f"{self.path}:{self.line}: {self.message(language)}"

    def __str__(self) -> str:
        return self.format()


def problem(line: int, key: str, /, **params: Any) -> Problem:
    return Problem(line, key, params)


def warning(line: int, key: str, /, **params: Any) -> Problem:
    return Problem(line, key, params, warning=True)


class Problems:
    """Collects the problems of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Problem] = []

    def add(self, line: int, key: str, /, **params: Any) -> None:
        self.items.append(Problem(line, key, params, self.path))

    def warn(self, line: int, key: str, /, **params: Any) -> None:
        self.items.append(Problem(line, key, params, self.path, warning=True))

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(replace(p, path=self.path) for p in problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    def sorted(self) -> list[Problem]:
        return sorted(self.items, key=lambda p: (p.line, p.warning))
