"""The helper process `sessions.theme.warm_up` starts: `python -m sessions.warm_themes FOLDER…`
parses every theme in the folders and writes the theme cache, then ends. Here, not in
`sessions.theme`, because the parser needs the exercise kinds registered and themes never
import exercises."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    """The helper: parse every theme in the folders given, and write the cache."""
    import sessions.exercises  # noqa: F401  (the exercise kinds the parser checks against)
    from sessions.storage.locations import theme_cache_path
    from sessions.theme.cache import ThemeCache
    from sessions.theme.library import ThemeLibrary, ThemeOrigin

    folders = [(Path(folder), ThemeOrigin.USER) for folder in argv]  # the origin is not cached
    try:
        ThemeLibrary(folders, ThemeCache(theme_cache_path())).entries()
    except Exception:  # noqa: BLE001 - a folder gone: the app parses and says so, not this
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
