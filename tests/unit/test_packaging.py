"""The import names `sessions` and `tui` are generic: make sure they are ours, and that the two
come from the same installation."""

import importlib.metadata
from pathlib import Path

import sessions
import tui
from tui.install import check_installation


def test_no_other_distribution_provides_the_sessions_or_tui_packages():
    # An editable install maps the names to no distribution at all; a wheel maps them to ours.
    owners = importlib.metadata.packages_distributions()
    assert set(owners.get("sessions", ["oplaeg"])) == {"oplaeg"}
    assert set(owners.get("tui", ["oplaeg"])) == {"oplaeg"}


def test_the_version_is_written_once():
    assert importlib.metadata.version("oplaeg") == sessions.__version__


def test_the_start_up_check_accepts_this_installation_and_names_a_stranger(tmp_path: Path):
    assert check_installation() is None
    stranger = tmp_path / "elsewhere" / "tui" / "__init__.py"
    problem = check_installation(tui_file=stranger)
    assert problem is not None and str(stranger.parent) in problem
    assert Path(tui.__file__).parent.parent == Path(sessions.__file__).parent.parent


def test_the_phone_page_has_a_template_for_every_answer_mode():
    """The templates ship inside `tui` (package data, as hatch builds it): the phone page draws
    every answer mode a kind can ask with the form of that mode."""
    from importlib.resources import files

    from sessions.exercises.phone import AnswerMode

    folder = files("tui.phones").joinpath("templates")
    for name in ("page.html", "limited.html", "_form.html", "phone.css", "phone.js"):
        assert folder.joinpath(name).is_file(), name
    for mode in AnswerMode:
        assert folder.joinpath("ask", f"{mode.value}.html").is_file(), mode
