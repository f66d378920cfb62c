"""A consultant's own keys: a `[keys]` table in `config.toml` or `keys.toml` (both in the config
folder; `keys.toml` wins where both name a binding) remaps bindings by their id, e.g.

    [keys]
    next = "pagedown,right,space,period"
    blank = "b"

Clickers differ (PgDn, Space, `b`, `.`); this is how to make one work. An id the key table does
not know is named with the valid ones; the rest of the table still counts."""

from __future__ import annotations

from pathlib import Path

from tui.config import CONFIG_FILE, ConfigProblem, line_of, problem_in, toml_problem

KEYMAP_FILE = "keys.toml"


def load_keymap(config_dir: Path | None) -> tuple[dict[str, str], list[str]]:
    """The remapped keys by binding id, and a line for each problem with the files."""
    if config_dir is None:
        return {}, []
    keymap: dict[str, str] = {}
    problems: list[ConfigProblem] = []
    for name, required in ((CONFIG_FILE, False), (KEYMAP_FILE, True)):
        keys, found = _keys_in(config_dir / name, table_required=required)
        keymap.update(keys)
        problems += found
    return keymap, [str(p) for p in problems]


def _keys_in(path: Path, *, table_required: bool) -> tuple[dict[str, str], list[ConfigProblem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as error:
        if not table_required:
            return {}, []  # config.toml's own reading says so
        reason = getattr(error, "strerror", None) or str(error)
        return {}, [problem_in("keymap.unreadable", path, reason=reason)]
    import tomllib  # only a consultant with a keys file pays for the TOML reader

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, [toml_problem(error, path)] if table_required else []
    if "keys" not in data and not table_required:
        return {}, []
    return read_keys_table(data.get("keys"), text, path)


def read_keys_table(
    table: object, text: str, path: Path
) -> tuple[dict[str, str], list[ConfigProblem]]:
    """A `[keys]` table (of config.toml or keys.toml): binding id → keys, and its mistakes; an
    unknown binding id is named with the valid ones."""
    if not isinstance(table, dict):
        return {}, [problem_in("keymap.no_table", path, line_of(text, "keys"))]
    from tui.keys import binding_ids  # the key table loads only for a file that remaps keys

    known = binding_ids()
    keys: dict[str, str] = {}
    problems: list[ConfigProblem] = []
    for binding_id, value in table.items():
        line = line_of(text, binding_id)
        if binding_id not in known:
            valid = ", ".join(sorted(known))
            problems.append(
                problem_in("config.unknown_key", path, line, id=binding_id, valid=valid)
            )
        elif isinstance(value, str) and value.strip():
            keys[binding_id] = value.replace(" ", "")
        else:
            problems.append(problem_in("keymap.bad_value", path, line, id=binding_id))
    return keys, problems
