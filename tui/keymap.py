"""A consultant's own keys: `keys.toml` in the config folder remaps bindings by their id, e.g.

    [keys]
    next = "pagedown,right,space,period"
    blank = "b"

Clickers differ (PgDn, Space, `b`, `.`); this is how to make one work."""

from __future__ import annotations

from pathlib import Path

from sessions.i18n import t

KEYMAP_FILE = "keys.toml"


def load_keymap(config_dir: Path | None) -> tuple[dict[str, str], list[str]]:
    """The remapped keys by binding id, and a line for each problem with the file."""
    if config_dir is None:
        return {}, []
    path = config_dir / KEYMAP_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        return {}, [t("keymap.unreadable", path=path, reason=str(error))]
    import tomllib  # only a consultant with a keys.toml pays for the TOML reader

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [t("keymap.unreadable", path=path, reason=str(error))]
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return {}, [t("keymap.no_table", path=path)]
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in keys.items():
        if isinstance(value, str) and value.strip():
            keymap[str(binding_id)] = value.replace(" ", "")
        else:
            problems.append(t("keymap.bad_value", path=path, id=binding_id))
    return keymap, problems
