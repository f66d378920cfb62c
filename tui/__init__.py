"""The Textual app of oplaeg. Importing this package does not import Textual; it adds the UI's
texts to the catalogues and names where the exercise kinds come from."""

from sessions.theme import formats as _formats
from tui import i18n as _i18n  # noqa: F401


def _load_exercise_kinds() -> None:
    import sessions.exercises  # noqa: F401  (importing it registers the built-in kinds)


# The theme layer reads exercise settings through the kinds it is given; the first theme read
# loads them (listing cached themes at start-up does not).
_formats.load_kinds_with(_load_exercise_kinds)
