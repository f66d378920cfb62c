"""Files that are not files (red team V10, V11, V12): an export is never written through a
symbolic link or over a device, an output that cannot be written says so in one line, and an
import or a theme is read only from a regular file and never past its size limit — a FIFO does
not make oplaeg wait, /dev/zero does not fill its memory."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sessions.export import write_export
from sessions.imports.file import MAX_EXPORT_BYTES
from sessions.live import LiveSession
from sessions.storage.reading import FileTooBigError, SpecialFileError, read_bounded
from sessions.theme.parser import load_theme_file
from tests.conftest import DETAILS
from tui import cli

ROOT = Path(__file__).parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")


@pytest.fixture
def session_id(repository, theme, clock) -> str:
    info, store = repository.create(theme, DETAILS)
    live = LiveSession(repository, info, store, theme, clock)
    for number in range(300):  # more than a pipe's or stdout's buffer holds
        live.notebook.add(live.page.segment.id, 0, f"Note {number}: " + "ord " * 30)
    live.close()
    return info.id


def oplaeg(data: Path, *argv: str, stdout=subprocess.DEVNULL) -> tuple[int, str]:
    """Run oplaeg in its own process (a FIFO that blocked it would end in a timeout here)."""
    child = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--data-dir", str(data), *argv],
        cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE, timeout=60,
    )  # fmt: skip
    return child.returncode, child.stderr.decode()


def one_line(code: int, err: str) -> str:
    assert code == 1, err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


# -- V10: export -o TARGET --force -----------------------------------------------------------


def test_force_never_replaces_a_symbolic_link(tmp_path, data_dir, session_id, capsys):
    real = tmp_path / "real.md"
    real.write_text("real")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    for extra in ([], ["--force"]):
        code = cli.main(
            ["--data-dir", str(data_dir), "export", session_id, "-o", str(link)] + extra
        )
        err = capsys.readouterr().err
        assert one_line(code, err) == (
            f"oplaeg: {link} er et symbolsk link; oplaeg skriver ikke igennem links. "
            "Angiv selve filen."
        )
    assert link.is_symlink() and real.read_text() == "real"


def test_a_dangling_link_is_not_followed_either(tmp_path):
    link = tmp_path / "dangling.md"
    link.symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(Exception, match="symbolsk link"):
        write_export("x", link, force=True)
    assert link.is_symlink() and not (tmp_path / "nowhere.md").exists()


@posix_only
def test_force_never_replaces_a_fifo(tmp_path, data_dir, session_id, capsys):
    fifo = tmp_path / "referat.md"
    os.mkfifo(fifo)
    code = cli.main(["--data-dir", str(data_dir), "export", session_id, "-o", str(fifo), "--force"])
    assert one_line(code, capsys.readouterr().err) == (
        f"oplaeg: {fifo} er ikke en almindelig fil (en enhed, en FIFO eller en sokkel); "
        "en eksport skrives kun til en fil."
    )
    assert fifo.is_fifo()


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_force_never_replaces_a_device_node(data_dir, session_id, capsys):
    before = os.lstat("/dev/full")
    argv = ["--data-dir", str(data_dir), "export", session_id, "-o", "/dev/full", "--force"]
    code = cli.main(argv)
    assert "/dev/full er ikke en almindelig fil" in one_line(code, capsys.readouterr().err)
    after = os.lstat("/dev/full")
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_an_ordinary_file_is_still_replaced_with_force(tmp_path, data_dir, session_id, capsys):
    target = tmp_path / "referat.md"
    target.write_text("gammel")
    assert cli.main(["--data-dir", str(data_dir), "export", session_id, "-o", str(target)]) == 1
    assert "findes allerede" in capsys.readouterr().err
    argv = ["--data-dir", str(data_dir), "export", session_id, "-o", str(target), "--force"]
    code = cli.main(argv)
    assert code == 0 and target.read_text().startswith("# ")


# -- V11: output that cannot be written --------------------------------------------------------


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("export_format", ["md", "json", "docx", "csv"])
def test_export_to_a_full_device_is_one_line(data_dir, session_id, export_format):
    with open("/dev/full", "wb") as full:
        code, err = oplaeg(data_dir, "export", session_id, "--format", export_format, stdout=full)
    assert one_line(code, err) == "oplaeg: Kunne ikke skrive til standard-output: disken er fuld"


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_listing_to_a_full_device_is_one_line_in_english(data_dir):
    with open("/dev/full", "wb") as full:
        code, err = oplaeg(data_dir, "--lang", "en", "themes", stdout=full)
    assert one_line(code, err).startswith("oplaeg: Could not write to standard output: ")


# -- V12: reading an import or a theme ---------------------------------------------------------


@posix_only
def test_importing_a_fifo_does_not_wait_for_a_writer(tmp_path, data_dir):
    fifo = tmp_path / "session.json"
    os.mkfifo(fifo)
    code, err = oplaeg(data_dir, "import", str(fifo))
    assert one_line(code, err) == (
        f"oplaeg: Kan ikke læse {fifo} ind: det er ikke en almindelig fil "
        "(en FIFO, en enhed eller en sokkel). Intet er ændret."
    )


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("command", [["check"], ["import"]])
def test_dev_zero_is_refused_before_it_is_read(data_dir, command):
    code, err = oplaeg(data_dir, *command, "/dev/zero")
    assert code == 1 and len(err.splitlines()) == 1, err
    assert "det er ikke en almindelig fil (en FIFO, en enhed eller en sokkel)" in err


@posix_only
def test_a_fifo_among_the_themes_is_listed_as_broken_not_waited_for(tmp_path, data_dir):
    themes = data_dir / "themes"
    themes.mkdir(exist_ok=True)
    os.mkfifo(themes / "ikke-et-tema.md")
    code, err = oplaeg(data_dir, "check", str(themes / "ikke-et-tema.md"))
    assert code == 1
    assert err.strip() == (
        f"{themes / 'ikke-et-tema.md'}:1: det er ikke en almindelig fil "
        "(en FIFO, en enhed eller en sokkel)"
    )
    code, err = oplaeg(data_dir, "themes")
    assert code == 0, err


def test_a_theme_larger_than_its_limit_is_refused_unread(tmp_path):
    huge = tmp_path / "kaempe.md"
    with open(huge, "wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    theme, problems = load_theme_file(huge)
    assert theme is None
    assert [str(p) for p in problems] == [
        f"{huge}:1: filen er større end 4 MiB; et tema er langt mindre"
    ]


def test_a_theme_with_windows_line_breaks_reads_as_before(tmp_path):
    source = (ROOT / "content" / "social-stoette.md").read_text(encoding="utf-8")
    copy = tmp_path / "social-stoette.md"
    copy.write_bytes(source.replace("\n", "\r\n").encode("utf-8"))
    theme, problems = load_theme_file(copy)
    assert theme is not None and not [p for p in problems if not p.warning]


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs /proc")
def test_reading_stops_at_the_limit_when_the_size_says_nothing():
    """A file in /proc is regular but says it is empty: the limit holds while reading."""
    with pytest.raises(FileTooBigError) as error:
        read_bounded(Path("/proc/self/status"), 16)
    assert error.value.size is None
    assert read_bounded(Path("/proc/self/status"), MAX_EXPORT_BYTES).startswith(b"Name:")


@posix_only
def test_read_bounded_refuses_special_files(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(SpecialFileError):
        read_bounded(tmp_path / "fifo", 100)
    with pytest.raises(IsADirectoryError):
        read_bounded(tmp_path, 100)
    with pytest.raises(FileNotFoundError):
        read_bounded(tmp_path / "missing", 100)
