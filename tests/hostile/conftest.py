"""The hostile servers as fixtures: an intranet service holding a secret (IPv4 and IPv6 loopback), a web server
standing in for a public one (on 127.0.0.2, since no public host is reachable from a test), and a server that
trickles and stalls."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.hostile.servers import (
    HostileServer,
    public_page,
    redirect_to_query,
    secret_page,
    slow_hops,
    trickle_headers,
)

STAND_IN_HOST = "127.0.0.2"


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


IPV6 = _ipv6_loopback()


@pytest.fixture(scope="module")
def intranet() -> Iterator[HostileServer]:
    """An internal service on 127.0.0.1 whose /secret must never be read unless intranet sources are open."""
    with HostileServer("127.0.0.1", {"/secret": secret_page}) as server:
        yield server


@pytest.fixture(scope="module")
def intranet6() -> Iterator[HostileServer]:
    if not IPV6:
        pytest.skip("this machine has no IPv6 loopback")
    with HostileServer("::1", {"/secret": secret_page}) as server:
        yield server


@pytest.fixture(scope="module")
def stand_in() -> Iterator[HostileServer]:
    """The "public" site: a page, and an open redirect to wherever ``?to=`` points."""
    with HostileServer(STAND_IN_HOST, {"/page": public_page, "/redirect": redirect_to_query}) as server:
        yield server


@pytest.fixture(scope="module")
def staller() -> Iterator[HostileServer]:
    with HostileServer("127.0.0.1", {"/trickle-headers": trickle_headers, "/hops": slow_hops,
                                     "/page": public_page}) as server:
        yield server
