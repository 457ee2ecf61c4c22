"""Hostile HTTP servers for the tests: real sockets on loopback, each in its own thread.

One small server class takes a table of routes, so every test states what its server does in a few lines:
serve an internal secret, redirect wherever the query says, trickle header bytes, or stall every redirect hop.
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# What an intranet service would hand out: it must never end up in the database unless intranet sources are open.
SECRET_MARKER = "KESTREL-ORCHID-4417"
SECRET_TITLE = "Internal runbook: recovering the billing cluster after the ransomware attack"
SECRET_PARAGRAPHS = [
    "After the ransomware attack on the billing cluster last March, engineers restored the servers from the "
    f"offline backups, and the vault passphrase {SECRET_MARKER} unlocks the recovery keys kept by the on-call team.",
    "The attackers had entered through an unpatched VPN appliance, encrypted the invoicing database and demanded "
    "a ransom that the company refused to pay, according to the incident report filed with the regulator.",
    "Every administrator account was reset, the VPN appliance was replaced and multi-factor authentication is now "
    "required for all remote access to the billing network.",
]
PUBLIC_TITLE = "Ransomware gang leaks data stolen from the Harwick ferry operator"
PUBLIC_PARAGRAPHS = [
    "The Harwick ferry operator confirmed on Friday that a ransomware gang published booking records stolen "
    "during an intrusion into its reservation system earlier this month.",
    "The company said passport numbers of about twelve thousand passengers were among the leaked files and that "
    "it had informed the data protection authority and the police.",
    "Sailings were not disrupted, but the online booking site stayed offline for four days while the servers were "
    "rebuilt from clean backups.",
]

TRICKLE_SECONDS = 8.0  # how long a trickling server keeps a request going
TRICKLE_INTERVAL = 0.2  # one header byte this often: far quicker than any per-read timeout
HOP_SECONDS = 0.8  # each hop of a slow redirect chain answers after this long


def article(title: str, paragraphs: list[str]) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><main><article><h1>{title}</h1>\n{body}\n</article></main></body></html>").encode()


class Handler(BaseHTTPRequestHandler):
    server: HostileServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    @property
    def query(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send(302, b"moved", "text/plain", {"Location": location})

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        with self.server.lock:
            self.server.requests.append(self.path)
        route = self.server.routes.get(path)
        if route is None:
            self.send(404, b"not found", "text/plain")
        else:
            route(self)


Route = Callable[[Handler], None]


class HostileServer(ThreadingHTTPServer):
    """An HTTP server on ``host`` (an IPv4 or IPv6 address) that answers each path with its route."""

    daemon_threads = True  # a handler still trickling must never hold up the test run
    block_on_close = False

    def __init__(self, host: str, routes: dict[str, Route]):
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__((host, 0), Handler)
        self.routes = routes
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def server_bind(self) -> None:
        # HTTPServer would look up the host's name, a reverse DNS query that may hang where there is no network
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/", host: str | None = None) -> str:
        """This server's URL for ``path``, optionally spelling the host another way (``0x7f000001``)."""
        host = host or self.server_address[0]
        return f"http://{f'[{host}]' if ':' in host else host}:{self.port}{path}"

    def handle_error(self, request, client_address) -> None:
        pass  # the client hanging up on a trickle or a refusal is what these servers are for

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=2)


# --- routes -----------------------------------------------------------------------------------------------------

def secret_page(handler: Handler) -> None:
    handler.send(200, article(SECRET_TITLE, SECRET_PARAGRAPHS))


def public_page(handler: Handler) -> None:
    handler.send(200, article(PUBLIC_TITLE, PUBLIC_PARAGRAPHS))


def redirect_to_query(handler: Handler) -> None:
    """Redirect to whatever ``?to=`` says, as an open redirect on a real site would."""
    handler.redirect(handler.query["to"])


def trickle_headers(handler: Handler) -> None:
    """Send one header byte every TRICKLE_INTERVAL for TRICKLE_SECONDS, then a whole valid page: no single read
    ever waits long, so only a deadline for the whole request stops it."""
    out = handler.wfile
    out.write(b"HTTP/1.1 200 OK\r\nX-Trickle: ")
    until = time.monotonic() + TRICKLE_SECONDS
    while time.monotonic() < until and not handler.server.stopping.wait(TRICKLE_INTERVAL):
        out.write(b"z")
    body = article(PUBLIC_TITLE, PUBLIC_PARAGRAPHS)
    out.write(b"\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
              % (len(body), body))
    handler.close_connection = True


def slow_hops(handler: Handler) -> None:
    """``/hops?n=N``: wait HOP_SECONDS, then redirect to ``n=N-1``; ``n=0`` is the page. Each hop is well within
    a per-request timeout, the chain is not."""
    n = int(handler.query["n"])
    if handler.server.stopping.wait(HOP_SECONDS):
        return
    if n > 0:
        handler.redirect(f"/hops?n={n - 1}")
    else:
        public_page(handler)
