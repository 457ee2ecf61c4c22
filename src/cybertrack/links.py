"""Which addresses cybertrack passes on: only http(s) ones.

An article's URL is untrusted text. A `javascript:`, `data:` or `file:` address made into a link by
a page, a threat-intelligence platform or a spreadsheet runs script or reads local files, so the
pages link, the exports (STIX, MISP, and TAXII which serves the STIX objects) carry, and the web
ingest fetches only what passes `is_web_url`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

WEB_SCHEMES = ("http://", "https://")


def is_web_url(text: str | None) -> bool:
    """An absolute http(s) URL with a host, as written: no leading space, no other scheme, no `http:alert(1)`."""
    if not text or not text.startswith(WEB_SCHEMES):
        return False
    try:
        return bool(urlsplit(text).hostname)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False


def web_url(text: str | None) -> str | None:
    """The address if it is an http(s) URL, else nothing."""
    return text if is_web_url(text) else None
