"""Small theme files for the exercise tests: a welcome slide and one exercise."""

from sessions.theme.model import Theme
from sessions.theme.parser import parse_theme


def exercise_theme(settings: str, steps: str, minutes: str = "15") -> str:
    return f"""---
id: proeve
title: Prøve
summary: En lille prøve.
---

## Velkommen
kind: presentation
minutes: {90 - int(minutes)} / {120 - int(minutes)}

### Velkommen

Hej.

## Øvelsen
kind: exercise
id: oevelsen
{settings}
minutes: {minutes}

Sådan gør I.

{steps}

## Kilder

- [Kilde](https://example.org)
"""


def theme_with(settings: str, steps: str, minutes: str = "15") -> Theme:
    theme, problems = parse_theme(exercise_theme(settings, steps, minutes))
    assert theme is not None, [str(p) for p in problems]
    return theme
