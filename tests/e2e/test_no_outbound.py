"""The server never calls another host, whatever a client sends (issue 27).

The site is served (``serve.py``, as ``make run`` and every process behind nginx) with every outbound HTTP(S)
request sent through a proxy on this machine that holds each connection without answering and counts it. Then
WebSocket handshakes arrive with an Origin in another letter case than the Host, none, ``null`` and another
site's. Streamlit 1.67 checks an Origin that is not the Host by asking checkip.amazonaws.com for the machine's
address, synchronously: 5 such handshakes stalled /_stcore/health for 8.45 s, and longer where that host is slow
or blocked, as it may be in mainland China. Here no connection leaves, and health answers within 0.5 s.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.e2e.streamlit_server import free_port, streamlit_process

HANDSHAKE = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
             "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}


class HoldingProxy:
    """A proxy that accepts every connection, counts it and never answers (a host that is slow or blocked)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.connections = 0
        self._held: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            self.connections += 1
            self._held.append(connection)

    @contextmanager
    def running(self) -> Iterator[HoldingProxy]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join(2)
            for connection in self._held:
                connection.close()
            self._listener.close()


def handshake(port: int, host: str, origin: str | None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {**HANDSHAKE, "Host": host}
    if origin is not None:
        headers["Origin"] = origin
    connection.request("GET", "/_stcore/stream", headers=headers)
    status = connection.getresponse().status
    connection.close()
    return status


def health_seconds(port: int) -> float:
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/_stcore/health")
    assert connection.getresponse().read() == b"ok"
    connection.close()
    return time.perf_counter() - start


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[int, HoldingProxy]]:
    with HoldingProxy().running() as proxy:
        address = f"http://127.0.0.1:{proxy.port}"
        env = {"HTTP_PROXY": address, "HTTPS_PROXY": address, "http_proxy": address, "https_proxy": address,
               "NO_PROXY": "", "no_proxy": ""}
        with streamlit_process(timeout=90, env=env, address="0.0.0.0") as server:  # noqa: S104 - as make run binds
            yield int(server.url.rsplit(":", 1)[1]), proxy


ORIGINS = {
    "the Host in other letter case": ("evil.example", "http://EVIL.example"),
    "the site's own host in capitals": ("LOCALHOST:{port}", "http://localhost:{port}"),
    "no Origin": ("127.0.0.1:{port}", None),
    "null": ("127.0.0.1:{port}", "null"),
    "another site": ("127.0.0.1:{port}", "https://evil.example"),
}


@pytest.mark.parametrize(("host", "origin"), ORIGINS.values(), ids=ORIGINS.keys())
def test_no_handshake_makes_the_server_call_another_host_or_stall(served, host, origin):
    port, proxy = served
    threads = [threading.Thread(target=handshake, args=(port, host.format(port=port),
                                                        None if origin is None else origin.format(port=port)))
               for _ in range(5)]
    for thread in threads:
        thread.start()
    took = health_seconds(port)
    for thread in threads:
        thread.join(60)
    assert proxy.connections == 0, "the server called another host"
    assert took < 0.5 + 1.0, f"health took {took:.2f} s"  # 0.5 s, and a second for a busy machine's scheduler
    assert health_seconds(port) < 1.5
