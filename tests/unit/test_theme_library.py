import json
from pathlib import Path

from sessions.theme.cache import ThemeCache
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir, theme_files
from sessions.theme.parser import load_theme_file
from sessions.theme.starter import starter_theme
from tui import cli

BUNDLED = len(theme_files(bundled_content_dir()))


def library_with(user_dir: Path, cache: ThemeCache | None = None) -> ThemeLibrary:
    return ThemeLibrary(
        [(bundled_content_dir(), ThemeOrigin.BUNDLED), (user_dir, ThemeOrigin.USER)], cache
    )


def test_a_user_theme_overrides_a_bundled_one(tmp_path: Path):
    text = starter_theme("social-stoette", "Vores egen udgave")
    (tmp_path / "social-stoette.md").write_text(text, encoding="utf-8")
    library = library_with(tmp_path)
    entry = next(e for e in library.entries() if e.id == "social-stoette")
    assert entry.origin is ThemeOrigin.USER
    assert library.get("social-stoette").title == "Vores egen udgave"
    assert len(library.entries()) == BUNDLED


def test_a_broken_user_theme_is_listed_with_its_problem(tmp_path: Path):
    (tmp_path / "halv.md").write_text("---\nid: halv\ntitle: Halv\n---\n", encoding="utf-8")
    library = library_with(tmp_path)
    entry = next(e for e in library.entries() if e.id == "halv")
    assert entry.theme is None
    assert str(entry.problems[0]).startswith(f"{tmp_path / 'halv.md'}:")
    assert len([e for e in library.entries() if e.theme]) == BUNDLED


def test_the_starter_theme_passes_check(tmp_path: Path):
    path = tmp_path / "mit-tema.md"
    path.write_text(starter_theme("mit-tema"), encoding="utf-8")
    theme, problems = load_theme_file(path)
    assert problems == [] and theme is not None
    assert all(slide.notes for s in theme.segments for slide in s.slides)


def test_new_theme_command(capsys, tmp_path: Path):
    assert (
        cli.main(["--data-dir", str(tmp_path), "new-theme", "trivsel", "--title", "Trivsel"]) == 0
    )
    written = tmp_path / "themes" / "trivsel.md"
    assert "title: Trivsel" in written.read_text(encoding="utf-8")
    assert cli.main(["--data-dir", str(tmp_path), "check", str(written)]) == 0
    assert cli.main(["--data-dir", str(tmp_path), "new-theme", "trivsel"]) == 1
    assert "findes allerede" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(tmp_path), "new-theme", "Ikke Gyldig"]) == 1
    cli.main(["--data-dir", str(tmp_path), "themes", "--json"])
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["trivsel"]["origin"] == "user"
    assert rows["trivsel"]["exercise_kinds"] == ["action-plan", "reflection", "round"]
    assert rows["social-stoette"]["slides"] >= 8
    assert {"id", "title", "kind"} <= set(rows["social-stoette"]["exercises"][0])


def test_the_cache_is_used_and_refreshed(tmp_path: Path):
    user = tmp_path / "themes"
    user.mkdir()
    theme_file = user / "mit.md"
    theme_file.write_text(starter_theme("mit", "Først"), encoding="utf-8")
    cache_path = tmp_path / "cache" / "themes.json"
    assert library_with(user, ThemeCache(cache_path)).get("mit").title == "Først"
    assert cache_path.exists()
    theme_file.write_text(starter_theme("mit", "Bagefter"), encoding="utf-8")
    assert library_with(user, ThemeCache(cache_path)).get("mit").title == "Bagefter"
    cache_path.write_bytes(b"not json")
    assert library_with(user, ThemeCache(cache_path)).get("mit").title == "Bagefter"
