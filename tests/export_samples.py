"""A realistic session made through `LiveSession` (not the TUI), for the export tests and for
looking at the exports: `python -m tests.export_samples OUT_DIR` writes every format there.

A follow-up of an earlier plan, a go-round, notes with every tag, a scale with one over-count,
case agreements, an action plan with a proposal, a sorting board, two private notes, some
hostile text, and a pause; 120 minutes planned, run in 68."""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from sessions.clock import FakeClock
from sessions.live import LiveSession
from sessions.models import Action, FollowUpStatus, NoteTag, SessionDetails
from sessions.repository import SessionRepository
from sessions.storage.locations import prepare_data_dir
from sessions.theme.library import ThemeLibrary, ThemeOrigin, bundled_content_dir
from tests.sessions_helpers import add_note, save_exercise

DETAILS = SessionDetails(
    workplace="Botilbuddet Solsikken",
    date="2026-11-24",
    start_time="13:00",
    facilitator="Mette Lund, arbejdsmiljøkonsulent",
    participants=14,
    plan=120,
)
EXPORTED_AT = datetime(2026, 11, 24, 14, 20)
ACTIONS = [
    ("Fast makker på aften- og nattevagter", "Teamlederne", "1. februar 2027", "Status i marts"),
    ("Introduktion til vikarer: hvem spørger man?", "Ali (AMiR)", "2027-01-15", "Efter 1 måned"),
    ('=SUM(A1:A2) – budget til ekstern supervision; "4 gange"', "Ledelsen", "1/3-2027", ""),
    ("Kaffe med kollegerne efter svære episoder", "", "", ""),  # a proposal: no who, no when
]
HOSTILE_NOTE = '[bold]x[/] [@click=app.quit]klik[/] <script>alert("x")</script> :smile: @leder'


def first_page(live: LiveSession, exercise_format: str) -> int:
    return next(
        i
        for i, page in enumerate(live.pages)
        if page.segment.format is not None and page.segment.format.value == exercise_format
    )


def segment_pages(live: LiveSession) -> list[int]:
    """The first page of every agenda item, in order."""
    seen: dict[str, int] = {}
    for index, page in enumerate(live.pages):
        seen.setdefault(page.segment.id, index)
    return list(seen.values())


def realistic_session(repository: SessionRepository, library: ThemeLibrary, clock: FakeClock):
    theme = library.get("social-stoette")
    earlier_details = dataclasses.replace(DETAILS, date="2026-09-15", plan=90)
    earlier_info, store = repository.create(library.get("selvledelse"), earlier_details)
    earlier = [
        Action("1", "Fast tjek-ind på teammødet", "Teamlederen", "Oktober", "", 1.0),
        Action("2", "Kollegial sparring om svære forløb", "AMR", "Hver 14. dag", "", 2.0),
        Action("3", "Ny vagtplan med overlap", "Ledelsen", "Januar", "", 3.0),
    ]
    for action in earlier:
        store.put("actions", action.id, action.to_dict())
    repository.close(store)

    info, store = repository.create(theme, DETAILS)
    live = LiveSession(repository, info, store, theme, clock)
    live.carry_over(earlier_info, earlier, "Opfølgning på sidste handlingsplan")
    live.nav.start()
    minutes = iter([4, 9, 8, 17, 13, 10, 6, 11, 12, 9, 4, 4, 4])
    for index in segment_pages(live)[1:]:
        clock.advance(next(minutes, 5) * 60)
        live.go_to(index)
        _work_in(live)
    clock.advance(4 * 60)
    live.finish()
    return live


def _work_in(live: LiveSession) -> None:
    """What the group does in the item the presenter has just entered."""
    segment = live.page.segment
    kind = segment.format.value if segment.format else segment.kind.value
    if kind == "follow-up":
        for number, (status, comment) in enumerate(
            [
                (FollowUpStatus.DONE, "Kører hver mandag"),
                (FollowUpStatus.ONGOING, "To gange indtil nu"),
                (FollowUpStatus.DROPPED, "For travlt i december"),
            ],
            start=1,
        ):
            live.plan.set_followup(str(number), status, comment)
    elif kind == "round":
        save_exercise(live, {"speaker": 14, "speakers": 14, "participants": 14})
        add_note(live, "Mange nævner kollegerne som det bedste ved jobbet", NoteTag.POSITIVE)
        add_note(live, "Husk: Hanne (leder) går kl. 14", private=True)
    elif kind == "reflection":
        add_note(live, "Svært at bede om hjælp om aftenen, når man er alene", NoteTag.CHALLENGE)
        add_note(live, "Vikarer ved ikke, hvem de kan spørge", NoteTag.CHALLENGE)
        add_note(live, "En fast makker på hver vagt", NoteTag.IDEA)
        add_note(live, HOSTILE_NOTE, NoteTag.IDEA)
        add_note(live, "Birgitte virkede presset under runden", private=True)
    elif kind == "scale":
        statements = list(live.page.step.questions if live.page.step else ())
        counts = [
            {3: 4, 4: 8, 5: 2},
            {2: 5, 3: 6, 4: 3},
            {1: 3, 2: 8, 3: 3},
            {2: 4, 3: 7, 4: 3},
            {3: 2, 4: 9, 5: 3},
            {1: 2, 2: 9, 3: 3},
            {3: 6, 4: 16, 5: 2},  # 24 hands from 14 participants: a slip of the keys
        ]
        grid = [[row.get(v, 0) for v in range(1, 6)] for row in counts[: len(statements)]]
        save_exercise(live, {"statements": statements, "counts": grid})
        add_note(live, "Mange savner, at nogen spørger ind efter en hård vagt", NoteTag.CHALLENGE)
    elif kind == "case":
        agreements = [
            "Vi ringer til hinanden samme aften efter en voldsom episode",
            "1:1-samtale med lederen hver 14. dag",
            "Den, der lukker, skriver en kort status i vagtbogen",
        ]
        save_exercise(live, {"agreements": agreements})
        add_note(live, "Jonas' situation kender mange fra nattevagterne", NoteTag.CHALLENGE)
    elif kind == "action-plan":
        for what, who, when, follow_up in ACTIONS:
            live.plan.save(None, what, who, when, follow_up)
        live.plan.set_next_follow_up("3. marts 2027 kl. 13-14 (personalemødet)")
        add_note(live, "Vi vil gerne have supervision udefra", NoteTag.ACTION)
    elif kind == "sorting":
        board = {
            "items": [
                {"text": "Ærlig snak om aftenerne", "column": 0, "reason": "Det blev sagt højt"},
                {"text": "Konkrete aftaler", "column": 0, "reason": ""},
                {"text": "Mere tid til sparring", "column": 1, "reason": "Vi når det aldrig"},
            ],
            "selected": 0,
        }
        save_exercise(live, board)
    if kind == "presentation" and segment.id == "hvad-kan-vi-goere":
        live.pause_session()
        live.clock.advance(5 * 60)  # type: ignore[attr-defined]
        live.resume_session()


def main(out: Path) -> None:
    from sessions.export import FORMATS, export_session

    with tempfile.TemporaryDirectory() as data:
        repository = SessionRepository(prepare_data_dir(Path(data)), FakeClock())
        clock = repository.clock
        library = ThemeLibrary([(bundled_content_dir(), ThemeOrigin.BUNDLED)])
        live = realistic_session(repository, library, clock)
        out.mkdir(parents=True, exist_ok=True)
        for export_format in FORMATS:
            payload = export_session(live.store, export_format, now=EXPORTED_AT)
            (out / f"referat.{export_format}").write_bytes(payload)
        private = export_session(live.store, "md", include_private=True, now=EXPORTED_AT)
        (out / "referat-privat.md").write_bytes(private)
        private = export_session(live.store, "docx", include_private=True, now=EXPORTED_AT)
        (out / "referat-privat.docx").write_bytes(private)
        live.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
