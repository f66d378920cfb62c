"""`oplaeg doctor --keys`: each button a clicker sends is named with what it does on the console,
or with the config.toml line that gives it a job."""

from __future__ import annotations

from textual.widgets import Static

from tui import cli
from tui.doctor import clicker
from tui.doctor.clicker import ClickerProbe


async def test_each_key_pressed_is_named_with_its_job():
    app = ClickerProbe()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("pagedown", "full_stop", "f5")
        await pilot.pause()
        shown = str(app.query_one("#clicker-keys", Static).render()).splitlines()
        assert shown[0] == "pagedown → Næste (next)"
        assert shown[1].startswith("full_stop → ") and "(blank)" in shown[1]
        assert shown[2].startswith("f5 → gør intet på konsollen")
        assert '[keys] next = "pagedown,right,space,f5"' in shown[2]
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


def test_only_doctor_keys_waits_for_the_user(monkeypatch, capsys, tmp_path):
    ran: list[str] = []
    monkeypatch.setattr(clicker.ClickerProbe, "run", lambda self: ran.append("probe"))
    assert cli.main(["--data-dir", str(tmp_path), "doctor", "--keys"]) == 0
    assert ran == ["probe"]
    assert capsys.readouterr().out == "", "the probe alone: no checks"
