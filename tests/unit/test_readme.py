"""The README says what the app does: its key table is the one `tui/keys.py` makes."""

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
