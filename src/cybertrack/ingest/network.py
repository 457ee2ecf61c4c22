"""The network under the HTTP client: it connects only where the egress policy allows, and holds each request
to one deadline.

Both live here, below httpx, because that is the only place that sees every connection and every read. The
policy is checked on the addresses a host resolves to, and the socket is opened to the very address that was
checked (no second lookup a DNS server could answer differently), for the first request and for every redirect.
The deadline bounds the whole exchange: a server that sends one header byte a second never lets a single read
time out, so per-read timeouts alone would let it hold a fetch for as long as it likes. (Resolving a name is
left to the system resolver and its own timeouts.)
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from ipaddress import ip_address
from ssl import SSLContext

import httpcore

from cybertrack.ingest.egress import EgressPolicy, EgressRefused, refused_message


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's own synchronous sockets, opened only to allowed addresses and read within the deadline."""

    def __init__(self, policy: EgressPolicy):
        self.policy = policy
        self._sockets = httpcore.SyncBackend()
        self._local = threading.local()  # the deadline of the request this thread is making

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Every connect, TLS handshake, read and write in this block ends ``seconds`` from now at the latest."""
        self._local.deadline = time.monotonic() + seconds
        try:
            yield
        finally:
            self._local.deadline = None

    def within(self, timeout: float | None, expired: type[httpcore.TimeoutException]) -> float | None:
        """The timeout for one network operation: the given one, cut to what is left before the deadline."""
        deadline = getattr(self._local, "deadline", None)
        if deadline is None:
            return timeout
        left = deadline - time.monotonic()
        if left <= 0:
            raise expired("the request's deadline has passed")
        return left if timeout is None else min(timeout, left)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> httpcore.NetworkStream:
        reason = self.policy.name_refusal(host)
        if reason:
            raise EgressRefused(refused_message(host, None, reason))
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as e:
            raise httpcore.ConnectError(f"cannot resolve {host}: {e}") from e
        refusals = {address: self.policy.refusal(address)
                    for address in (ip_address(sockaddr[0]) for *_, sockaddr in found)}
        allowed = [address for address, reason in refusals.items() if reason is None]
        if not allowed:
            address, reason = next(iter(refusals.items()))
            raise EgressRefused(refused_message(host, address, str(reason)))
        for address in allowed[:-1]:  # the next address when one refuses the connection, as browsers do
            with suppress(httpcore.ConnectError):
                return self._connect(str(address), port, timeout, local_address, socket_options)
        return self._connect(str(allowed[-1]), port, timeout, local_address, socket_options)

    def _connect(self, address: str, port: int, timeout: float | None, local_address: str | None,
                 socket_options: Iterable[httpcore.SOCKET_OPTION] | None) -> httpcore.NetworkStream:
        timeout = self.within(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._sockets.connect_tcp(address, port, timeout, local_address, socket_options), self)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation is cut short at the deadline of the request using it."""

    def __init__(self, stream: httpcore.NetworkStream, backend: GuardedBackend):
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, self._backend.within(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.within(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        secured = self._stream.start_tls(ssl_context, server_hostname,
                                         self._backend.within(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(secured, self._backend)

    def get_extra_info(self, info: str) -> object:
        return self._stream.get_extra_info(info)
