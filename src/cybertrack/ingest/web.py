"""Fetching pages over HTTP with one deadline, a size cap, a redirect limit, an egress policy and a clear user
agent."""

from __future__ import annotations

from dataclasses import dataclass

import httpcore
import httpx

from cybertrack import USER_AGENT
from cybertrack.ingest.egress import EgressPolicy
from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.network import GuardedBackend
from cybertrack.ingest.reading import human_size

MAX_REDIRECTS = 5
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5"


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content_type: str
    body: bytes
    charset: str | None = None


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport over the guarded network backend. httpx takes no network backend, so the connection
    pool it builds is replaced by the same kind of pool over ours."""

    def __init__(self, backend: GuardedBackend):
        ssl_context = httpx.create_ssl_context()
        super().__init__(verify=ssl_context)
        self._pool = httpcore.ConnectionPool(ssl_context=ssl_context, keepalive_expiry=5.0, network_backend=backend)


class Fetcher:
    """One HTTP client reused for a whole run (connection pooling, same settings everywhere).

    ``timeout`` bounds each whole fetch, redirects included. Proxy settings and ``.netrc`` from the environment
    are not used: a proxy would make the connections, out of reach of the egress policy, and a hostile server
    must never be sent the user's credentials.
    """

    def __init__(self, timeout: float, max_bytes: int, policy: EgressPolicy):
        self.max_bytes = max_bytes
        self.timeout = timeout
        self._backend = GuardedBackend(policy)
        self._client = httpx.Client(
            transport=_GuardedTransport(self._backend),
            trust_env=False,
            timeout=timeout,
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> FetchedPage:
        """The page at ``url``; an ``IngestError`` saying why not (``EgressRefused`` for a forbidden address)."""
        try:
            with self._backend.deadline(self.timeout), self._client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise IngestError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.max_bytes:
                    raise IngestError(f"page is {human_size(declared)}, over the {human_size(self.max_bytes)} cap")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise IngestError(f"page is over the {human_size(self.max_bytes)} cap")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                final_url = str(response.url)
                charset = response.charset_encoding
        except httpx.TooManyRedirects:
            raise IngestError(f"more than {MAX_REDIRECTS} redirects (a redirect loop?)") from None
        except httpx.TimeoutException:
            raise IngestError(f"timed out after {self.timeout:g}s") from None
        except httpx.InvalidURL as e:
            raise IngestError(f"invalid URL: {e}") from None
        except httpx.HTTPError as e:
            raise IngestError(f"cannot fetch: {e.__class__.__name__}: {e}") from None
        body = b"".join(chunks)
        if not body.strip():
            raise IngestError("empty response")
        return FetchedPage(url=final_url, content_type=content_type, body=body, charset=charset)
