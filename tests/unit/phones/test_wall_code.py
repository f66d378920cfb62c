"""The wall's QR code as text rows decodes to the address (checked with a real decoder), the
laptop's address is found without sending anything, and a phone that sends too fast waits."""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from tui.phones import network
from tui.phones.limits import RateLimit
from tui.phones.qr import QUIET_ZONE, fitting_scale, qr_modules, qr_rows, qr_size

URL = "http://192.168.100.123:8765/k7m2x9qa"


def pixels_of(rows: list[str]) -> list[list[bool]]:
    """The half-block rows back as pixels (True: dark), two per character cell."""
    pixels = []
    for row in rows:
        pixels.append([c in "█▀" for c in row])
        pixels.append([c in "█▄" for c in row])
    return pixels


def write_png(path: Path, pixels: list[list[bool]], zoom: int = 6) -> None:
    raw = b""
    for row in pixels:
        line = b"".join((b"\x00" if dark else b"\xff") * zoom for dark in row)
        raw += (b"\x00" + line) * zoom

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", len(pixels[0]) * zoom, len(pixels) * zoom, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_the_rows_draw_every_module_square_with_a_light_quiet_zone(scale):
    modules = qr_modules(URL)
    size = qr_size(URL)
    rows = qr_rows(URL, scale)
    assert all(len(row) == size * scale for row in rows)
    assert len(rows) == -(-size * scale // 2)
    pixels = pixels_of(rows)[: size * scale]
    expected = [[m for m in row for _ in range(scale)] for row in modules for _ in range(scale)]
    assert pixels == expected
    edge = QUIET_ZONE * scale
    assert not any(any(row) for row in pixels[:edge]), "light above the code"
    assert not any(any(row[:edge]) or any(row[-edge:]) for row in pixels), "light at the sides"


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="zbarimg (Debian zbar-tools) is missing")
@pytest.mark.parametrize("url", [URL, "http://10.0.0.5:54321/abcdefgh", "http://127.0.0.1:8765/x"])
def test_a_phone_can_read_the_wall_code(tmp_path, url):
    image = tmp_path / "wall.png"
    write_png(image, pixels_of(qr_rows(url, 1)))
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", str(image)], capture_output=True, text=True, check=False
    )
    assert decoded.stdout.strip() == url


def test_the_code_grows_to_the_room_it_has():
    assert fitting_scale(33, 80, 20) == 1
    assert fitting_scale(33, 100, 40) == 2
    assert fitting_scale(33, 100, 50) == 3
    assert fitting_scale(33, 10, 5) == 1, "never smaller than one cell per module"


class FakeUdp:
    """A socket that reports the address a real one would choose for each target."""

    routes: dict[str, str] = {}
    default = "192.168.1.23"

    def __init__(self, *args: object) -> None:
        self.target = ""

    def __enter__(self) -> FakeUdp:
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def connect(self, target: tuple[str, int]) -> None:
        if self.default == "none" and target[0] not in self.routes:
            raise OSError("network is unreachable")
        self.target = target[0]

    def getsockname(self) -> tuple[str, int]:
        return (self.routes.get(self.target, self.default), 50000)


def test_the_laptop_s_network_address_is_found_without_sending(monkeypatch):
    monkeypatch.setattr(socket, "socket", FakeUdp)
    assert network.local_address() == "192.168.1.23"
    monkeypatch.setattr(FakeUdp, "routes", {"10.42.0.254": "10.42.0.1"})
    assert network.local_address() == "10.42.0.1", "the laptop's own hotspot comes first"
    monkeypatch.setattr(FakeUdp, "routes", {})
    monkeypatch.setattr(FakeUdp, "default", "127.0.1.1")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a: [])
    assert network.local_address() == network.LOOPBACK
    monkeypatch.setattr(FakeUdp, "default", "none")
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a: [(0, 0, 0, "", ("10.20.30.40", 0))])
    assert network.local_address() == "10.20.30.40", "no route: the host's own addresses"


def test_only_an_ip_address_is_a_host_and_a_taken_port_is_reported():
    assert network.valid_host("127.0.0.1") and network.valid_host("::1")
    assert not network.valid_host("localhost") and not network.valid_host("1.2.3")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert network.bind_problem("127.0.0.1", port) is not None
    assert network.bind_problem("127.0.0.1", 0) is None
    assert network.url_host("::1") == "[::1]"


def test_a_phone_may_tap_quickly_but_not_endlessly():
    now = [0.0]
    limit = RateLimit(3, 1.0, now=lambda: now[0])
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b"), "each phone has its own"
    now[0] += 1.0
    assert limit.allow("a") and not limit.allow("a")


def test_a_port_whose_last_connections_are_still_closing_is_free_again():
    """V9: after a crash with phones connected the port holds connections in TIME_WAIT; the
    real listener (SO_REUSEADDR) can listen there, so the pre-check must not refuse it."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    phone = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # the server side closes first: its end waits in TIME_WAIT
    phone.close()
    server.close()
    with socket.socket() as plain:  # what the old pre-check did
        try:
            plain.bind(("127.0.0.1", port))
            plain_refused = False
        except OSError:
            plain_refused = True
    if not plain_refused:
        pytest.skip("this system frees the port at once: nothing to show")
    assert network.bind_problem("127.0.0.1", port) is None
    with socket.socket() as listener:  # and the real listener indeed can
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", port))


def test_cookies_go_a_few_to_an_address_from_a_pool_sized_to_the_room_that_refills():
    from tui.phones.cookies import (
        ADDRESS_REFILL_SECONDS,
        COOKIES_PER_ADDRESS,
        POOL_REFILL_SECONDS,
        CookiePool,
        pool_size,
    )

    now = [0.0]
    pool = CookiePool(20, now=lambda: now[0])
    assert pool.size == pool_size(20) == 40
    taken = [pool.take("10.0.0.66") for _ in range(50)]
    assert sum(taken) == COOKIES_PER_ADDRESS, "one device gets its share, not the room's"
    assert pool.take("10.0.0.2"), "a phone arriving after it still gets in"
    room = [pool.take(f"10.0.1.{n}") for n in range(100)]
    assert sum(room) == pool.size - COOKIES_PER_ADDRESS - 1, "the pool is sized to the room"
    assert not pool.take("10.0.2.1"), "spent for now"
    now[0] += POOL_REFILL_SECONDS / pool.size * 1.01
    assert pool.take("10.0.2.1"), "the pool fills up again: a late phone gets in"
    now[0] += ADDRESS_REFILL_SECONDS * 1.01
    assert pool.take("10.0.0.66"), "a device whose browser lost its cookie gets back in"
    assert not pool.take("10.0.0.66")
