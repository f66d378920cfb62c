"""The booking details a consultant types (workplace, date, start, participants, length), cleaned
and checked before a session is made from them."""

from __future__ import annotations

import re
from datetime import datetime

from sessions.errors import OplaegError
from sessions.i18n import t
from sessions.models import FIRST_YEAR, LAST_YEAR, MAX_PARTICIPANTS, SessionDetails
from sessions.text import clean_line
from sessions.theme.model import LONGEST_SESSION, SHORTEST_SESSION

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class InvalidDetailsError(OplaegError):
    """A booking detail is missing or malformed; `field` names which."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def validate_details(details: SessionDetails) -> SessionDetails:
    """Clean the typed details and check them; raises `InvalidDetailsError` naming the field."""
    workplace = clean_line(details.workplace)
    if not workplace:
        raise InvalidDetailsError("workplace", t("error.workplace_needed"))
    try:
        day = datetime.strptime(details.date.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise InvalidDetailsError("date", t("error.bad_date", date=details.date)) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidDetailsError(
            "date", t("error.date_years", date=details.date, first=FIRST_YEAR, last=LAST_YEAR)
        )
    date = day.isoformat()
    match = _TIME.match(details.start_time.strip())
    if not match:
        raise InvalidDetailsError("start_time", t("error.bad_time", time=details.start_time))
    start_time = f"{int(match.group(1)):02d}:{match.group(2)}"
    if not 1 <= details.participants <= MAX_PARTICIPANTS:
        raise InvalidDetailsError(
            "participants", t("error.participants_range", most=MAX_PARTICIPANTS)
        )
    if not SHORTEST_SESSION <= details.plan <= LONGEST_SESSION:
        raise InvalidDetailsError(
            "plan", t("error.plan_range", shortest=SHORTEST_SESSION, longest=LONGEST_SESSION)
        )
    return SessionDetails(
        workplace=workplace,
        date=date,
        start_time=start_time,
        facilitator=clean_line(details.facilitator),
        participants=details.participants,
        plan=details.plan,
        sector=clean_line(details.sector).lower(),
    )
