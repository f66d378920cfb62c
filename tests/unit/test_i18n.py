import re

import pytest

import tui.i18n  # noqa: F401  (the screens' texts are checked too)
from sessions.i18n import CATALOGUES, set_language, t


def test_every_language_has_every_key():
    keys = {lang: set(text) for lang, text in CATALOGUES.items()}
    assert keys["da"] == keys["en"]


def test_placeholders_match_between_languages():
    for key, danish in CATALOGUES["da"].items():
        fields_da = set(re.findall(r"\{(\w+)\}", danish))
        fields_en = set(re.findall(r"\{(\w+)\}", CATALOGUES["en"][key]))
        assert fields_da == fields_en, key


def test_language_switch():
    assert t("key.next") == "Næste"
    set_language("en")
    assert t("key.next") == "Next"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError):
        set_language("sv")
