"""The theme cache holds only data: JSON in the platform's cache folder, never a pickle, so a
shared or synced folder cannot make oplaeg run code; and listing themes from it stays fast."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from sessions.storage.locations import theme_cache_path
from sessions.theme import codec
from sessions.theme.cache import ThemeCache, format_version
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir, library_for
from sessions.theme.parser import load_theme_file
from sessions.theme.starter import starter_theme
from tests.unit.test_import_hygiene import run_python

FIXTURE = Path(__file__).parents[1] / "fixtures" / "alle-oevelser.md"


class Boom:
    """What a hostile pickle would run on loading."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch PWNED",))


def bundled(cache_path: Path) -> ThemeLibrary:
    return ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)], ThemeCache(cache_path))


def test_every_exercise_kind_comes_back_from_the_cache_as_it_was_parsed():
    theme, problems = load_theme_file(FIXTURE)
    assert theme is not None and problems == []
    text = codec.dumps(theme)
    json.loads(text)  # plain JSON
    decoded = codec.loads(text)
    assert decoded == theme
    assert _shapes(decoded) == _shapes(theme), "every value of the same type (an enum stays one)"


def _shapes(value: object) -> object:
    """`value` with every leaf replaced by its type, to compare types as well as values."""
    import dataclasses

    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return (type(value), [_shapes(getattr(value, f.name)) for f in fields])
    if isinstance(value, tuple | list):
        return (type(value), [_shapes(v) for v in value])
    if isinstance(value, dict):
        return (dict, [(_shapes(k), _shapes(v)) for k, v in value.items()])
    return type(value)


def test_the_cache_is_json_in_the_platforms_cache_folder(data_dir: Path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(data_dir.parent / "cache-home"))
    library_for(data_dir).entries()
    path = theme_cache_path()
    assert path == data_dir.parent / "cache-home" / "oplaeg" / "themes.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == format_version()
    assert not (data_dir / "cache").exists(), "nothing cached in the data folder"


def test_a_cached_theme_loads_like_a_parsed_one(tmp_path: Path):
    cache_path = tmp_path / "themes.json"
    parsed = bundled(cache_path).get("social-stoette")
    from_cache = bundled(cache_path).get("social-stoette")
    assert from_cache == parsed


def test_the_old_pickle_in_the_data_folder_is_removed_unread(
    data_dir: Path, tmp_path: Path, monkeypatch
):
    old = data_dir / "cache" / "themes.pickle"
    old.parent.mkdir()
    old.write_bytes(pickle.dumps(Boom()))
    monkeypatch.chdir(tmp_path)
    library_for(data_dir).entries()
    assert not old.exists()
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("where", ["whole file", "one theme"])
def test_a_pickle_in_the_cache_is_ignored_and_never_run(tmp_path: Path, monkeypatch, where: str):
    monkeypatch.chdir(tmp_path)
    cache_path = tmp_path / "themes.json"
    bundled(cache_path).entries()
    hostile = pickle.dumps(Boom())
    if where == "whole file":
        cache_path.write_bytes(hostile)
    else:
        document = json.loads(cache_path.read_text(encoding="utf-8"))
        for entry in document["entries"].values():
            entry["theme"] = hostile.decode("latin-1")
        cache_path.write_text(json.dumps(document), encoding="utf-8")
    library = bundled(cache_path)
    assert library.get("social-stoette").id == "social-stoette"
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize(
    "name",
    [
        "os:system",
        "subprocess:Popen",
        "builtins:eval",
        "sessions.theme.model:Path",  # a class the module imports, not its own
        "sessions.storage.atomic:atomic_write_bytes",
        "sessions.exercises:__builtins__",
    ],
)
def test_only_the_themes_own_classes_are_made_from_the_cache(name: str):
    with pytest.raises(codec.CacheFormatError):
        codec.loads(json.dumps({"c": name, "f": {}}))
    with pytest.raises(codec.CacheFormatError):
        codec.loads(json.dumps({"e": name, "v": 1}))


def test_a_tampered_theme_in_the_cache_is_read_from_its_file_again(tmp_path: Path):
    user = tmp_path / "themes"
    user.mkdir()
    (user / "mit.md").write_text(starter_theme("mit", "Fra filen"), encoding="utf-8")
    cache_path = tmp_path / "themes.json"
    folders = [(user, ThemeOrigin.USER)]
    ThemeLibrary(folders, ThemeCache(cache_path)).entries()
    document = json.loads(cache_path.read_text(encoding="utf-8"))
    (entry,) = document["entries"].values()
    entry["theme"] = json.dumps({"c": "sessions.theme.model:Theme", "f": {"id": "x"}})
    cache_path.write_text(json.dumps(document), encoding="utf-8")
    assert ThemeLibrary(folders, ThemeCache(cache_path)).get("mit").title == "Fra filen"


def test_listing_and_loading_from_a_valid_cache_never_loads_the_parser(tmp_path: Path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "import tui  # names where the exercise kinds come from, as the app does\n"
        "from sessions.theme.cache import ThemeCache\n"
        "from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir\n"
        "library = ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)],\n"
        "                       ThemeCache(Path(sys.argv[1]) / 'themes.json'))\n"
        "library.entries()\n"
        "listed = 'sessions.theme.parser' in sys.modules\n"
        "library.get('social-stoette')\n"
        "print(listed, 'sessions.theme.parser' in sys.modules, 'markdown_it' in sys.modules)\n"
    )
    first = run_python(code, str(tmp_path)).stdout.split()
    assert first[0] == "True", "the first run parses and fills the cache"
    assert run_python(code, str(tmp_path)).stdout.split() == ["False", "False", "False"]
