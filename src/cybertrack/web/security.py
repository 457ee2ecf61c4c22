"""The headers every response carries, pages, API, TAXII and static files alike.

Article text is untrusted, and the pages are built so that nothing but this server's own script
files runs: JSON data travels in `<script type="application/json">` blocks, never inline code. The
content security policy holds the browser to that should a page ever let markup through, and keeps
the pages out of other sites' frames; `nosniff` stops a browser from reading a JSON answer holding
article text as HTML; the referrer policy keeps this server's addresses (a search, an incident) from
the sites that links lead to.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "img-src 'self' data:",  # Swagger UI's stylesheet draws its icons as data: SVG
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware adding `HEADERS` to every HTTP response, error answers included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)
