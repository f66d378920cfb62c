"""Errors the user can act on. Each carries a one-line message for the CLI and the UI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sessions.storage.owner import LockOwner


class OplaegError(Exception):
    """Base for every error that is shown to the user as one clear line."""


class ThemeError(OplaegError):
    """A theme file cannot be used; `problems` holds what is wrong (each prints as
    `file:line: message`)."""

    def __init__(self, problems: Sequence[object]) -> None:
        super().__init__(str(problems[0]) if problems else "theme error")
        self.problems = list(problems)


class UnknownThemeError(OplaegError):
    """No theme has the requested id."""


class SessionNotFoundError(OplaegError):
    """No session has the requested id."""


class StorageError(OplaegError):
    """Something could not be written or read; nothing earlier was lost."""


class DamagedFileError(StorageError):
    """A data file exists but cannot be read. It is left untouched."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SessionLockedError(StorageError):
    """Another running oplaeg has the session open; `owner` says which, when it is known."""

    def __init__(self, session_id: str, owner: LockOwner | None = None) -> None:
        super().__init__(session_id)
        self.session_id = session_id
        self.owner = owner

    def describe(self) -> str:
        """One line for the user, in their language."""
        from sessions.i18n import t

        if self.owner is None:
            return t("error.locked", id=self.session_id)
        return t("error.locked_by", id=self.session_id, owner=self.owner.describe())


class ExportExistsError(OplaegError):
    """An export would replace a file that is already there."""

    def __init__(self, message: str, path: object) -> None:
        super().__init__(message)
        self.path = path
