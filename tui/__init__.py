"""The Textual app of oplaeg. Importing this package does not import Textual; it adds the UI's
texts to the catalogues."""

from tui import i18n as _i18n  # noqa: F401
