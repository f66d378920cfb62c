"""V3: the participant server's bounds, on loopback. The red team held 1,100 slow connections at
the usual 1,024 open files and every phone timed out: no cap, no time limit on a request's head
or body, idle connections kept for an hour. Here: a head that does not arrive in time closes its
connection, a body that never ends is answered 408, past the cap the device holding the most
connections loses them and a phone still gets in, and the console hears of it."""

from __future__ import annotations

import asyncio
import time

import aiohttp

from sessions.phones.service import JoinService
from tests.unit.phones.conftest import go_to
from tui.phones.server import JoinServer


async def started(session, *, limit: int = 64, head_seconds: float = 10.0):
    go_to(session, "scale")
    service = JoinService(session)
    shed: list[int] = []
    service.listen(shed=shed.append)
    server = JoinServer(service, "127.0.0.1")
    server.limit, server.head_seconds = limit, head_seconds
    await server.start()
    return server, shed


async def half_a_head(port: int, address: str = "127.0.0.2"):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(address, 0))
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    await writer.drain()
    return reader, writer


async def test_a_request_head_that_does_not_arrive_in_time_closes_its_connection(session):
    server, _ = await started(session, head_seconds=0.3)
    try:
        begin = time.monotonic()
        reader, writer = await half_a_head(server.port)
        assert await asyncio.wait_for(reader.read(), 5) == b"", "closed by the server"
        assert 0.2 < time.monotonic() - begin < 3
        writer.close()
    finally:
        await server.stop()


async def test_a_body_that_never_ends_is_answered_in_time(session, monkeypatch):
    monkeypatch.setattr("tui.phones.server.BODY_SECONDS", 0.3)
    server, _ = await started(session)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        head = (
            f"POST /{server.service.token}/answer HTTP/1.1\r\nHost: x\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "Transfer-Encoding: chunked\r\n\r\n4\r\nkind\r\n"
        )
        writer.write(head.encode())
        await writer.drain()
        answer = await asyncio.wait_for(reader.readline(), 5)
        assert b" 408 " in answer
        writer.close()
    finally:
        await server.stop()


async def test_past_the_cap_the_device_holding_most_loses_and_a_phone_gets_in(session):
    server, shed = await started(session, limit=8)
    try:
        held = [await half_a_head(server.port) for _ in range(20)]
        await asyncio.sleep(0.1)
        assert len(server.guard.open) <= 8
        jar = aiohttp.CookieJar(unsafe=True)
        connector = aiohttp.TCPConnector(local_addr=("127.0.0.3", 0))
        timeout = aiohttp.ClientTimeout(total=5)
        async with (
            aiohttp.ClientSession(cookie_jar=jar, connector=connector, timeout=timeout) as phone,
            phone.get(server.url) as response,
        ):
            assert response.status == 200, "the phone is served"
        assert shed and shed[-1] >= 12, "the console hears of every connection shed"
        for _, writer in held:
            writer.close()
    finally:
        await server.stop()


async def test_an_idle_connection_is_not_kept_for_an_hour(session):
    from tui.phones.guard import KEEPALIVE_SECONDS

    server, _ = await started(session)
    try:
        assert KEEPALIVE_SECONDS <= 10
        runner = server._runner
        assert runner is not None and runner.server is not None
        handler = runner.server()
        assert handler._keepalive_timeout == KEEPALIVE_SECONDS
    finally:
        await server.stop()


async def test_a_burst_of_requests_takes_turns_with_the_console():
    """#28: 300 phones at once held the loop for the length of 300 requests and the countdown's
    seconds came 1.2–1.4 s apart. Requests now go a few per pass of the loop; whatever else is
    ready (a tick, a key) runs in between."""
    from tui.phones.turns import Turns

    turns = Turns(per_pass=3)
    order: list[str] = []

    async def request(number: int) -> None:
        await turns.wait()
        order.append(f"r{number}")

    tasks = [asyncio.ensure_future(request(n)) for n in range(12)]
    loop = asyncio.get_running_loop()

    def tick() -> None:
        order.append("tick")
        if len(order) < 16:
            loop.call_soon(tick)  # the console: something ready in every pass

    loop.call_soon(tick)
    await asyncio.gather(*tasks)
    runs, longest = 0, 0
    for item in order:
        runs = 0 if item == "tick" else runs + 1
        longest = max(longest, runs)
    assert order.count("tick") >= 4
    assert longest <= 3, order
    assert [i for i in order if i != "tick"] == [f"r{n}" for n in range(12)], "first come first"
