"""A consultant's remembered choices: `config.toml` in the platform's config folder.

    language = "en"            # da or en (OPLAEG_LANG and --lang win over it)
    light = true               # new sessions start with the light projector theme
    bell = false               # new sessions start with the bell off
    facilitator = "Mette Holm" # filled in on a new session's form
    themes_dir = "~/OneDrive - Firma/oplaeg-temaer"  # a shared theme folder

    [keys]                     # as in keys.toml (which keeps working)
    next = "pagedown,right,space,period"

Precedence everywhere: a command-line flag, then the environment, then this file, then the
default. A mistake in the file is named in one line with what is valid, and everything else
in the file still counts; the app starts whatever the file says.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path

from sessions.i18n import LANGUAGES, t

CONFIG_FILE = "config.toml"
LANGUAGE_ENV = "OPLAEG_LANG"
DEFAULT_LANGUAGE = "da"


def config_dir() -> Path:
    """The platform's config folder for oplaeg (beside `keys.toml`)."""
    return user_config_path("oplaeg", appauthor=False)


def config_path(folder: Path | None = None) -> Path:
    return (folder or config_dir()) / CONFIG_FILE


@dataclass(frozen=True)
class ConfigProblem:
    """One mistake in the file, said in the current language when it is shown."""

    key: str
    params: dict[str, object]

    def __str__(self) -> str:
        return t(self.key, language=None, **self.params)


@dataclass(frozen=True)
class Settings:
    """What `config.toml` says; None where it says nothing (the default then applies)."""

    language: str | None = None
    light: bool | None = None
    bell: bool | None = None
    facilitator: str | None = None
    themes_dir: str | None = None
    problems: tuple[ConfigProblem, ...] = ()
    path: Path | None = None

    @property
    def display_defaults(self) -> dict[str, bool]:
        """What a new session's room screen starts with, where the file says (light, bell)."""
        chosen = {"light": self.light, "bell": self.bell}
        return {name: value for name, value in chosen.items() if value is not None}


SETTINGS: dict[str, str] = {
    "language": "config.type_language",
    "light": "config.type_bool",
    "bell": "config.type_bool",
    "facilitator": "config.type_text",
    "themes_dir": "config.type_text",
}
"""Each setting and the catalogue key saying what it must be."""
VALID_NAMES = (*SETTINGS, "[keys]")
_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def load_settings(folder: Path | None = None) -> Settings:
    """The settings in `config.toml` (nothing when there is no file)."""
    path = config_path(folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(path=path)
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Settings(path=path, problems=(problem_in("config.unreadable", path, reason=reason),))
    import tomllib  # only a consultant with a config file pays for the TOML reader

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Settings(path=path, problems=(toml_problem(error, path),))
    return _read(data, text, path)


def toml_problem(error: ValueError, path: Path) -> ConfigProblem:
    """`file:line: message` for a file that is not TOML."""
    message = str(error)
    found = _TOML_POSITION.search(message)
    line = int(found.group(1)) if found else 1
    return problem_in("config.bad_toml", path, line, _TOML_POSITION.sub("", message))


def _read(data: dict[str, object], text: str, path: Path) -> Settings:
    problems: list[ConfigProblem] = []
    values: dict[str, object] = {}
    for name, value in data.items():
        line = line_of(text, name)
        if name == "keys":
            continue  # read with the key table, by the app (see `tui/keymap.py`)
        if name not in SETTINGS:
            problems.append(
                problem_in("config.unknown", path, line, name=name, valid=", ".join(VALID_NAMES))
            )
        elif not _fits(name, value):
            problems.append(problem_in(SETTINGS[name], path, line, name=name))
        else:
            values[name] = value.strip() if isinstance(value, str) else value
    return Settings(
        language=_str(values.get("language")),
        light=_bool(values.get("light")),
        bell=_bool(values.get("bell")),
        facilitator=_str(values.get("facilitator")),
        themes_dir=_str(values.get("themes_dir")) or None,
        problems=tuple(problems),
        path=path,
    )


def _fits(name: str, value: object) -> bool:
    if name == "language":
        return value in LANGUAGES
    if name in ("light", "bell"):
        return isinstance(value, bool)
    return isinstance(value, str)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


def line_of(text: str, name: str) -> int:
    """The line where `name` is set (or its table begins), for the message; 1 if not found."""
    pattern = re.compile(rf"^\s*(\[\s*)?[\"']?{re.escape(name)}[\"']?\s*(=|\])", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def problem_in(
    key: str, path: Path, line: int = 0, reason: str = "", **params: object
) -> ConfigProblem:
    """A problem at `path:line` (the whole file when `line` is 0)."""
    where = f"{path}:{line}" if line else str(path)
    return ConfigProblem(key, {"where": where, "reason": reason, **params})


def chosen_language(flag: str | None, settings: Settings) -> tuple[str, list[ConfigProblem]]:
    """`--lang`, else `$OPLAEG_LANG`, else `language` in config.toml, else Danish; an unknown
    language in the environment is named and passed over."""
    if flag in LANGUAGES:
        return flag, []
    problems: list[ConfigProblem] = []
    from_env = os.environ.get(LANGUAGE_ENV, "").strip()
    if from_env in LANGUAGES:
        return from_env, []
    if from_env:
        valid = ", ".join(LANGUAGES)
        problems.append(ConfigProblem("config.bad_env_lang", {"value": from_env, "valid": valid}))
    return settings.language or DEFAULT_LANGUAGE, problems
