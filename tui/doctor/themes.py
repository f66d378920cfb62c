"""The themes and the settings: every theme passes `oplaeg check`, and config.toml (and
keys.toml) say nothing oplaeg cannot use."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.theme.library import ThemeLibrary, theme_folders
from tui.config import ConfigProblem, Settings, config_dir
from tui.doctor.finding import Finding, fail, ok, warn
from tui.keymap import load_keymap


def check_themes(data_dir: Path, themes_dir: str | None) -> Finding:
    """Every theme file loads without an error (read afresh: the cache is neither read nor
    written)."""
    name = "doctor.name.themes"
    try:
        library = ThemeLibrary(theme_folders(data_dir, themes_dir))
        entries = library.entries()
    except OplaegError as error:
        return fail(name, str(error), t("doctor.themes_dir_fix"))
    broken = [e for e in entries if e.errors]
    warnings = sum(1 for e in entries for p in e.problems if p.warning)
    if broken:
        first = broken[0].errors[0]
        found = t("doctor.themes_broken", broken=len(broken), count=len(entries), first=first)
        return fail(name, found, t("doctor.themes_fix", path=broken[0].path))
    found = t("doctor.themes_ok", count=len(entries))
    if warnings:
        return warn(name, found, t("doctor.themes_warnings", count=warnings))
    return ok(name, found)


def check_settings(
    settings: Settings, others: Sequence[ConfigProblem] = (), folder: Path | None = None
) -> Finding:
    """What config.toml and keys.toml say can all be used (where the file is, either way);
    `others` are the environment's mistakes (an unknown OPLAEG_LANG)."""
    name = "doctor.name.settings"
    folder = folder or config_dir()
    _, key_problems = load_keymap(folder)
    problems = [*map(str, settings.problems), *key_problems, *map(str, others)]
    path = settings.path or folder / "config.toml"
    if problems:
        more = t("doctor.settings_more", count=len(problems) - 1) if len(problems) > 1 else ""
        return warn(name, f"{problems[0]}{more}", t("doctor.settings_fix"))
    state = "doctor.settings_read" if path.exists() else "doctor.settings_none"
    return ok(name, t(state, path=path))
