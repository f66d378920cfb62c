"""`oplaeg doctor`: one line for each thing that must work tomorrow on this laptop, each problem
with what to do; a non-zero exit code when something will not work."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from sessions.i18n import t
from sessions.storage.locations import resolve_data_dir
from tui.config import Settings
from tui.doctor.finding import Finding, Status, fail
from tui.doctor.machine import decimal

MARKS = {Status.OK: "✓", Status.WARN: "!", Status.FAIL: "✗"}
PLAIN_MARKS = {Status.OK: "+", Status.WARN: "!", Status.FAIL: "x"}
"""For a console that cannot show the others."""


def checks(args: argparse.Namespace) -> list[tuple[str, Callable[[], Finding]]]:
    """Every check, by name, in the order they are shown."""
    from tui.doctor.follow import check_follow
    from tui.doctor.machine import check_data_folder, check_terminal, check_versions
    from tui.doctor.network import check_browser, check_network, check_port
    from tui.doctor.themes import check_settings, check_themes
    from tui.phones.network import local_address

    settings: Settings = args.settings
    data_dir = resolve_data_dir(getattr(args, "data_dir", None))
    themes_dir = getattr(args, "themes_dir", None) or settings.themes_dir
    address = local_address()
    return [
        ("doctor.name.versions", check_versions),
        ("doctor.name.data", lambda: check_data_folder(data_dir)),
        ("doctor.name.terminal", check_terminal),
        ("doctor.name.settings", lambda: check_settings(settings, args.language_problems)),
        ("doctor.name.follow", check_follow),
        ("doctor.name.browser", check_browser),
        ("doctor.name.network", lambda: check_network(address)),
        ("doctor.name.port", lambda: check_port(address)),
        ("doctor.name.themes", lambda: check_themes(data_dir, themes_dir)),
    ]


def doctor(args: argparse.Namespace) -> int:
    if getattr(args, "keys", False):  # the one part that waits for the user: only when asked
        from tui.doctor.clicker import ClickerProbe

        ClickerProbe().run()
        return 0
    began = time.perf_counter()
    print(t("doctor.title"), flush=True)
    findings = []
    for name, check in checks(args):
        try:
            finding = check()
        except Exception as error:  # a check that breaks is a finding, never a traceback
            reason = f"{type(error).__name__}: {error}"
            finding = fail(name, t("doctor.check_broke", reason=reason), t("doctor.report_it"))
        findings.append(finding)
        print(line(finding), flush=True)
    failed = sum(f.failed for f in findings)
    seconds = decimal(time.perf_counter() - began)
    summary = t("doctor.all_good" if not failed else "doctor.some_failed", count=failed)
    print(f"{summary} ({t('doctor.seconds', seconds=seconds)})")
    print(t("doctor.keys_tip"))
    return 1 if failed else 0


def line(finding: Finding) -> str:
    """`✓ Name        what was found → what to do`."""
    fancy = _can_show("".join(MARKS.values()) + "→")
    marks, arrow = (MARKS, "→") if fancy else (PLAIN_MARKS, "->")
    found = finding.found.removesuffix(".") if finding.advice else finding.found
    text = f"{marks[finding.status]} {t(finding.name):<21} {found}"
    return f"{text} {arrow} {finding.advice}" if finding.advice else text


def _can_show(text: str) -> bool:
    try:
        text.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True
