"""Dates and clock times as a Danish (or English) reader writes them, and the other way round:
a typed date in an action plan ("1. marts 2027", "1/3-2027", "2027-03-01") read back as a date."""

from __future__ import annotations

import re
from datetime import date, datetime

from sessions.i18n import t

_MONTHS = {
    # Danish and English names and their usual abbreviations, lower case.
    **dict.fromkeys(("januar", "january", "jan"), 1),
    **dict.fromkeys(("februar", "february", "feb"), 2),
    **dict.fromkeys(("marts", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("maj", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_WEEKDAY = (
    r"(?:(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)\s*(?:den\s+)?,?\s*)?"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NAMED = re.compile(_WEEKDAY + r"(\d{1,2})\.?\s+([a-zæøå]+)\.?,?\s+(\d{4})", re.IGNORECASE)
_ENGLISH = re.compile(_WEEKDAY + r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)
# 1/3-2027, 1/3 2027, 1/3/2027, 01-03-2027, 1.3.2027, 1.3.27: day first, as in Denmark.
_NUMERIC = re.compile(_WEEKDAY + r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./\s-]\s*(\d{4}|\d{2})")


def parse_date(text: str) -> date | None:
    """The date `text` names when it is a date and nothing more; None for free text such as
    "uge 10", "1. marts" (no year) or "efter sommerferien"."""
    candidate = text.strip().rstrip(".").strip()
    if match := _ISO.fullmatch(candidate):
        year, month, day = (int(part) for part in match.groups())
    elif match := _NAMED.fullmatch(candidate):
        month = _MONTHS.get(match[2].lower(), 0)
        day, year = int(match[1]), int(match[3])
    elif match := _ENGLISH.fullmatch(candidate):
        month = _MONTHS.get(match[1].lower(), 0)
        day, year = int(match[2]), int(match[3])
    elif match := _NUMERIC.fullmatch(candidate):
        day, month, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def long_date(value: str | date, language: str | None = None) -> str:
    """`2026-11-24` → `24. november 2026` (or `24 November 2026`)."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    month = t(f"month.{day.month}", language=language)
    return t("date.long", language=language, day=day.day, month=month, year=day.year)


def clock(moment: datetime | float, language: str | None = None) -> str:
    """`13.05` in Danish, `13:05` in English."""
    if not isinstance(moment, datetime):
        moment = datetime.fromtimestamp(moment)
    return t("time.clock", language=language, hour=f"{moment:%H}", minute=f"{moment:%M}")


def clock_text(text: str, language: str | None = None) -> str:
    """A stored `HH:MM` written the reader's way."""
    hour, _, minute = text.partition(":")
    return t("time.clock", language=language, hour=hour, minute=minute) if minute else text
