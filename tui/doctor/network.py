"""The two servers oplaeg starts: the browser room view on this laptop (loopback) and the
phones' page on the room's network."""

from __future__ import annotations

import importlib.util
import ipaddress
import socket

from sessions.i18n import t
from tui.doctor.finding import Finding, fail, ok, warn
from tui.phones.network import HOTSPOTS, LOOPBACK, PREFERRED_PORT, bind_problem, url_host


def check_browser(host: str = LOOPBACK, port: int = 0) -> Finding:
    """`oplaeg projector --browser` can serve: textual-serve is installed, and a server on
    loopback can listen and be reached."""
    name = "doctor.name.browser"
    if importlib.util.find_spec("textual_serve") is None:
        return fail(name, t("doctor.browser_missing"), t("doctor.browser_missing_fix"))
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
            server.bind((host, port))
            server.listen(1)
            bound = server.getsockname()[1]
            with socket.create_connection((host, bound), timeout=2.0):
                pass
    except OSError as error:
        reason = error.strerror or str(error)
        found = t("doctor.browser_no_server", host=host, port=port or "", reason=reason)
        return fail(name, found, t("doctor.browser_fix"))
    return ok(name, t("doctor.browser_ok", host=host))


def check_network(address: str) -> Finding:
    """The address the phones would be given: on a network they can reach, the laptop's own
    hotspot named as such."""
    name = "doctor.name.network"
    if address == LOOPBACK:
        return fail(name, t("doctor.network_none"), t("doctor.network_fix"))
    ip = ipaddress.ip_address(address)
    hotspot = any(ip in ipaddress.ip_network(network) for network in HOTSPOTS)
    url = f"http://{url_host(address)}:{PREFERRED_PORT}"
    key = "doctor.network_hotspot" if hotspot else "doctor.network_found"
    return ok(name, t(key, address=address, url=url))


def check_port(address: str, port: int = PREFERRED_PORT) -> Finding:
    """The phones' port is free on that address (else oplaeg takes another, longer to type)."""
    name = "doctor.name.port"
    problem = bind_problem(address, port)
    if problem is None:
        return ok(name, t("doctor.port_free", port=port, address=address))
    if bind_problem(address, 0) is not None:
        found = t("doctor.port_none", address=address, reason=problem)
        return fail(name, found, t("doctor.port_none_fix"))
    return warn(name, t("doctor.port_taken", port=port, reason=problem), t("doctor.port_taken_fix"))
