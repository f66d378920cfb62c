"""Opening a session that a process which is gone still had open: the user is told which."""

from __future__ import annotations

from sessions.live import LiveSession
from sessions.storage.owner import LockOwner, write_owner
from tests.tui.helpers import make_app, new_live


async def test_presenting_a_session_left_open_names_the_process(library, repository, clock):
    live = new_live(repository, library, clock)
    folder = live.store.directory
    live.close()
    write_owner(folder, LockOwner(4_194_001, "projektor-pc", 0.0))  # killed without closing
    info, store = repository.open(folder.name)
    live = LiveSession(repository, info, store, library.get(info.theme_id), clock)
    app = make_app(library, repository, clock, live=live)
    messages: list[str] = []
    told = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        messages.append(message)
        told(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("proces 4194001 på projektor-pc" in m and "overtaget" in m for m in messages)
    assert repository.takeovers == []
