"""The exercise formats a theme may name come from the kinds that registered them: the theme
layer lists none itself. A format is one object per name, also after the theme cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sessions.exercises import KINDS
from sessions.exercises.scale import ScaleKind
from sessions.theme import codec, formats
from sessions.theme.library import bundled_content_dir
from sessions.theme.model import ExerciseFormat
from sessions.theme.parser import load_theme_file


class LouderScale(ScaleKind):
    settings = ScaleKind.settings | {"volume"}


def test_every_built_in_kind_is_a_registered_format_in_the_order_the_kinds_came():
    assert [rules.format for rules in formats.known()] == list(KINDS)
    assert formats.rules_for("scale") is KINDS[ExerciseFormat.SCALE]
    assert formats.rules_for("no-such-kind") is None and formats.rules_for(None) is None


def test_a_registration_for_a_block_gives_back_what_was_there():
    before = formats.rules_for("scale")
    with formats.registered(LouderScale()) as louder:
        assert formats.rules_for("scale") is louder
    assert formats.rules_for("scale") is before


def test_a_format_is_one_object_per_name_also_from_the_theme_cache():
    assert ExerciseFormat("voting") is ExerciseFormat.VOTING
    assert ExerciseFormat.VOTING == "voting" and ExerciseFormat.VOTING.value == "voting"
    theme, _ = load_theme_file(next(bundled_content_dir().glob("*.md")))
    assert theme is not None
    again = codec.loads(codec.dumps(theme))
    assert again == theme
    for segment in again.segments:
        assert segment.format is None or segment.format is ExerciseFormat(segment.format)


def test_reading_a_theme_before_any_kind_is_registered_says_what_to_do():
    code = (
        "from sessions.theme.parser import parse_theme\n"
        "parse_theme('## Øvelse\\nkind: exercise\\nformat: scale\\nminutes: 90 / 120\\n')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
        check=False,
    )
    assert result.returncode != 0
    assert "NoKindsError: no exercise kinds are registered: import sessions.exercises" in (
        result.stderr
    )


@pytest.mark.parametrize("name", ["", "SCALE", "scale "])
def test_a_name_no_kind_registered_is_not_a_format(name: str):
    assert formats.rules_for(name) is None
