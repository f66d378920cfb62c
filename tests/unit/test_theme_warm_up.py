"""A first launch reads the themes on another core (`sessions.theme.warm_up`): when the cache is
missing or another code's, a helper process parses the themes into it and the library takes them
from there; a current cache starts no helper; and whatever goes wrong with the helper, the
library parses the themes itself, with the same result."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import sessions.theme.library as library_module
from sessions.storage.locations import theme_cache_path
from sessions.theme import warm_up
from sessions.theme.cache import ThemeCache, format_version
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir

BROKEN = "---\ntitle: Uden slutning\n---\n\n# Et tema\n\n## Kilder\n\n- [x](ftp://x)\n"


def library(user_themes: Path) -> ThemeLibrary:
    folders = [(bundled_content_dir(), ThemeOrigin.BUNDLED), (user_themes, ThemeOrigin.USER)]
    return ThemeLibrary(folders, ThemeCache(theme_cache_path()))


def listed(found: ThemeLibrary) -> list[tuple[str, str, list[str]]]:
    return [(e.id, e.title, [p.format("en") for p in e.problems]) for e in found.entries()]


@pytest.fixture
def user_themes(tmp_path: Path) -> Path:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "broken.md").write_text(BROKEN, encoding="utf-8")
    return folder


def no_parsing_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path) -> object:
        raise AssertionError(f"parsed in this process: {path.name}")

    monkeypatch.setattr(library_module, "_parse", refuse)


def test_a_first_launch_takes_the_themes_from_the_helper_as_parsed_here(user_themes, monkeypatch):
    expected = listed(library(user_themes))  # parsed here: the reference
    theme_cache_path().unlink()
    assert not warm_up.cache_is_current(theme_cache_path())
    first = library(user_themes)
    first.parse_elsewhere()
    no_parsing_here(monkeypatch)
    assert listed(first) == expected, "every theme, broken ones with their problems"
    assert warm_up.cache_is_current(theme_cache_path())
    assert first.get("social-stoette").title, "a theme loads from what the helper cached"


def test_a_current_cache_starts_no_helper_and_another_codes_cache_does(user_themes, monkeypatch):
    library(user_themes).entries()  # the cache, written by this code
    started: list[list[str]] = []
    real = subprocess.Popen

    def popen(argv: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        started.append(argv)
        return real(argv, **kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(subprocess, "Popen", popen)
    library(user_themes).parse_elsewhere()
    assert started == [], "the cache is this code's: nothing to do elsewhere"
    path = theme_cache_path()
    document = json.loads(path.read_text(encoding="utf-8"))
    document["version"] = "0" * len(format_version())  # an upgrade: the cache is stale
    path.write_text(json.dumps(document), encoding="utf-8")
    upgraded = library(user_themes)
    upgraded.parse_elsewhere()
    assert len(started) == 1 and str(user_themes.resolve()) in started[0]
    upgraded.entries()
    assert warm_up.cache_is_current(path)


@pytest.mark.parametrize("failure", ["cannot start", "fails", "too slow"])
def test_whatever_goes_wrong_with_the_helper_the_themes_are_parsed_here(
    user_themes, monkeypatch, failure
):
    expected = listed(library(user_themes))
    theme_cache_path().unlink()
    if failure == "cannot start":

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise OSError("no such file: python")

        monkeypatch.setattr(subprocess, "Popen", refuse)
    elif failure == "fails":  # it runs, writes nothing and says so
        false = shutil.which("false")
        if false is None:
            pytest.skip("no `false` program here")
        monkeypatch.setattr(warm_up.sys, "executable", false)
    else:
        monkeypatch.setattr(warm_up, "WAIT_SECONDS", 0.0)
        monkeypatch.setattr(warm_up.WarmUp.wait, "__defaults__", (0.0,))
    found = library(user_themes)
    found.parse_elsewhere()
    assert listed(found) == expected


def test_only_the_start_of_this_codes_cache_counts_as_current(tmp_path: Path):
    path = tmp_path / "themes.json"
    assert not warm_up.cache_is_current(path), "missing"
    path.write_bytes(b"\x00garbage")
    assert not warm_up.cache_is_current(path), "not ours"
    path.write_text(json.dumps({"version": format_version(), "entries": {}}), encoding="utf-8")
    assert warm_up.cache_is_current(path)
    path.write_text(json.dumps({"entries": {}, "version": format_version()}), encoding="utf-8")
    assert not warm_up.cache_is_current(path), "the version must lead, as ThemeCache writes it"


def test_a_bundled_program_starts_no_helper(user_themes, monkeypatch):
    monkeypatch.setattr(warm_up.sys, "frozen", True, raising=False)
    assert warm_up.WarmUp.start([user_themes]) is None
    theme_cache_path().unlink(missing_ok=True)
    found = library(user_themes)
    found.parse_elsewhere()
    assert any(entry.id == "social-stoette" for entry in found.entries()), "parsed here"
