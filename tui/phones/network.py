"""Where the participant server listens: the laptop's address on the local network, found
without the internet, and a port."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import sys

LOOPBACK = "127.0.0.1"
PREFERRED_PORT = 8765
"""Tried first: four digits are quicker to type from the wall than a random port's five."""
HOTSPOTS = ("10.42.0.0/24", "192.168.137.0/24", "192.168.2.0/24")
"""The networks a laptop's own hotspot makes (Linux NetworkManager, Windows, macOS sharing):
when the laptop is one, the room is on it, whatever other network the laptop is on."""
REUSE_ADDRESS = os.name == "posix" and sys.platform != "cygwin"
"""Where asyncio's listeners set SO_REUSEADDR (on Windows it would let two servers share a
port, so neither asyncio nor the probe sets it there)."""
_ROUTE_PROBES = ("10.255.255.254", "192.168.255.254", "172.31.255.254")
"""Addresses in the private ranges, for the network the laptop would use by default."""


def local_address() -> str:
    """The laptop's address on its local network (its own hotspot's first), or 127.0.0.1 when
    it has none. "Connecting" a UDP socket sends nothing: it only asks the system which of the
    laptop's addresses it would use to reach an address."""
    for hotspot in HOTSPOTS:
        network = ipaddress.ip_network(hotspot)
        address = _route_to(str(network.broadcast_address - 1))
        if address is not None and ipaddress.ip_address(address) in network:
            return address
    for probe in _ROUTE_PROBES:
        address = _route_to(probe)
        if address is not None:
            return address
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            address = str(info[4][0])
            if _reachable(address):
                return address
    return LOOPBACK


def _route_to(target: str) -> str | None:
    """The laptop's own address on the way to `target`, if others could reach it there."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.connect((target, 9))
        address = str(udp.getsockname()[0])
        return address if _reachable(address) else None
    return None


def _reachable(address: str) -> bool:
    """Whether other devices could reach `address` (not loopback, not unset)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def valid_host(text: str) -> bool:
    """An IP address to listen on (a name would need a lookup the room's phones cannot do)."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def bind_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on `host`:`port` (None: it can). The probe binds as the
    server's own listener does — with SO_REUSEADDR where asyncio sets it (POSIX) — so the
    connections of a console that just crashed, still closing (TIME_WAIT), do not refuse a
    port the server could listen on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            if REUSE_ADDRESS:
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as error:
        return error.strerror or str(error)
    return None


def url_host(host: str) -> str:
    """`host` as written in a URL (an IPv6 address in brackets)."""
    return f"[{host}]" if ":" in host else host
