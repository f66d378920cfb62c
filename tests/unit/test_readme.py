"""The README says what the app does: its key table is the one `tui/keys.py` makes."""

import os

from tests.readme_keys import README, readme_with_table


def test_the_readme_lists_the_presenters_keys_as_the_app_binds_them() -> None:
    readme = README.read_text(encoding="utf-8")
    assert readme_with_table(readme) == readme, "run: python -m tests.readme_keys"


def test_the_readme_names_every_command_of_the_command_line() -> None:
    from tui.cli.parser import command_names

    readme = README.read_text(encoding="utf-8")
    names = command_names()
    assert "projector" in names
    assert [name for name in names if f"oplaeg {name}" not in readme] == []


def test_the_readme_names_the_folders_platformdirs_gives_on_windows_and_macos(monkeypatch) -> None:
    """The data and config folders a Windows or Mac user must find, as platformdirs makes
    them for oplaeg (the names `sessions/storage/locations.py` and `tui/cli` use)."""
    import platformdirs.windows
    from platformdirs.macos import MacOS
    from platformdirs.windows import Windows

    monkeypatch.setattr(
        platformdirs.windows,
        "get_win_folder",
        lambda csidl: {"CSIDL_LOCAL_APPDATA": "%LOCALAPPDATA%", "CSIDL_APPDATA": "%APPDATA%"}[
            csidl
        ],
    )
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):  # newer platformdirs honours them too
        monkeypatch.delenv(name, raising=False)
    windows, mac = Windows("oplaeg", appauthor=False), MacOS("oplaeg", appauthor=False)
    home = os.path.expanduser("~")
    folders = {
        windows.user_data_dir.replace("/", "\\"),
        windows.user_config_dir.replace("/", "\\"),
        mac.user_data_dir.replace(home, "~", 1),
        mac.user_config_dir.replace(home, "~", 1),
    }
    assert "%LOCALAPPDATA%\\oplaeg" in folders
    assert "~/Library/Application Support/oplaeg" in folders
    readme = README.read_text(encoding="utf-8")
    install = readme[readme.index("## Install") : readme.index("## Quick start")]
    assert [folder for folder in sorted(folders) if f"`{folder}`" not in install] == []
    for platform in ("Windows", "macOS", "Linux"):
        assert f"| {platform} |" in install, f"the install section names {platform}"
