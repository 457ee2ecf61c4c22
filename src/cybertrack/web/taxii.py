"""TAXII 2.1 (read-only): one API root, one collection holding the STIX export of every incident.

Threat-intelligence platforms poll it: discovery at `/taxii2/`, the API root at `/taxii2/cybertrack/`, and the
objects and their manifest with `limit`/`next` paging and `added_after`. Both read the collection table, kept with
the incidents (see `cybertrack.store.collection`): an object's date added is when the collection gained it in its
present form, so `added_after` the last date a platform saw returns what is new to it, however old the article.
`next` is a cursor over that order, not an offset, so paging while an ingest adds objects skips and repeats nothing.
A bad parameter is answered 400 with TAXII's error message.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from cybertrack.export.stix_export import NAMESPACE
from cybertrack.store import DocumentStore
from cybertrack.store.collection import Page, Position, read_page

TAXII = "application/taxii+json;version=2.1"
STIX = "application/stix+json;version=2.1"
ROOT = "cybertrack"
COLLECTION_ID = str(uuid.uuid5(NAMESPACE, "taxii-collection:incidents"))
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# RFC 3339, which TAXII's timestamps follow: a date, a time and a time zone (Z or an offset)
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", re.ASCII | re.IGNORECASE)
# a page's end: microseconds since 1970 of its last date added, and that object's seq
CURSOR = re.compile(r"(\d{1,18})\.(\d{1,18})", re.ASCII)


class TaxiiResponse(JSONResponse):
    media_type = TAXII


class TaxiiError(Exception):
    """A request TAXII refuses, answered with its status and TAXII's error message."""

    def __init__(self, status: int, title: str, description: str):
        super().__init__(description)
        self.status, self.title, self.description = status, title, description


class TaxiiRoute(APIRoute):
    """Answers a `TaxiiError` in TAXII's error envelope, which TAXII clients show, instead of FastAPI's."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handle(request)
            except TaxiiError as e:
                return TaxiiResponse({"title": e.title, "description": e.description, "http_status": str(e.status)},
                                     status_code=e.status)

        return answer


def _collection() -> dict:
    return {"id": COLLECTION_ID, "title": "cybertrack incidents",
            "description": "Every incident with its actors, victims, vulnerabilities, techniques, claims and reports.",
            "can_read": True, "can_write": False, "media_types": [STIX]}


def taxii_router(store: DocumentStore) -> APIRouter:
    router = APIRouter(prefix="/taxii2", tags=["taxii"], default_response_class=TaxiiResponse, route_class=TaxiiRoute)

    @router.get("/", summary="TAXII discovery")
    def discovery(request: Request):
        root = str(request.url_for("api_root"))
        return {"title": "cybertrack", "description": "Cyber incidents extracted from news articles",
                "default": root, "api_roots": [root]}

    @router.get(f"/{ROOT}/", name="api_root", summary="The API root")
    def api_root():
        return {"title": "cybertrack incidents", "versions": [TAXII], "max_content_length": 100 * 1024 * 1024}

    @router.get(f"/{ROOT}/collections/", summary="The collections")
    def collections():
        return {"collections": [_collection()]}

    @router.get(f"/{ROOT}/collections/{{collection_id}}/", summary="One collection")
    def collection(collection_id: str):
        _check(collection_id)
        return _collection()

    def page(collection_id: str, limit: str, next: str, added_after: str) -> Page:
        _check(collection_id)
        size, after, resume = _limit(limit), _added_after(added_after), _resume_after(next)
        return store.read(lambda connection: read_page(connection, size, after, resume))

    @router.get(f"/{ROOT}/collections/{{collection_id}}/objects/",
                summary="The collection's objects, in the order they were added, paged")
    def objects(collection_id: str, limit: str = "", next: str = "", added_after: str = ""):
        found = page(collection_id, limit, next, added_after)
        return _envelope(found, [json.loads(entry.payload) for entry in found.entries])

    @router.get(f"/{ROOT}/collections/{{collection_id}}/manifest/",
                summary="The date added and version of the collection's objects, paged like the objects")
    def manifest(collection_id: str, limit: str = "", next: str = "", added_after: str = ""):
        found = page(collection_id, limit, next, added_after)
        return _envelope(found, [
            {"id": entry.stix_id, "date_added": timestamp(entry.position.date_added),
             "version": json.loads(entry.payload)["modified"], "media_type": STIX}
            for entry in found.entries])

    return router


def _envelope(page: Page, items: list[dict]) -> TaxiiResponse:
    envelope: dict = {"more": page.more, "objects": items}
    headers = {}
    if page.entries:
        if page.more:
            envelope["next"] = _cursor(page.entries[-1].position)
        headers = {"X-TAXII-Date-Added-First": timestamp(page.entries[0].position.date_added),
                   "X-TAXII-Date-Added-Last": timestamp(page.entries[-1].position.date_added)}
    return TaxiiResponse(envelope, headers=headers)


def timestamp(value: datetime) -> str:
    """TAXII's timestamp: UTC, with microseconds and a Z."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _check(collection_id: str) -> None:
    if collection_id != COLLECTION_ID:
        raise TaxiiError(404, "No such collection", f"this server has no collection {_quoted(collection_id)}")


def _limit(value: str) -> int:
    if not value:
        return DEFAULT_LIMIT
    digits = value.lstrip("0")
    if not value.isascii() or not value.isdigit() or not digits:
        raise TaxiiError(400, "Bad limit", f"limit must be a whole number above 0, not {_quoted(value)}")
    return min(int(digits), MAX_LIMIT) if len(digits) <= len(str(MAX_LIMIT)) else MAX_LIMIT


def _added_after(value: str) -> datetime | None:
    if not value:
        return None
    try:
        if TIMESTAMP.fullmatch(value):
            return datetime.fromisoformat(value.upper()).astimezone(UTC)
    except (ValueError, OverflowError):
        pass
    raise TaxiiError(400, "Bad added_after", "added_after must be a timestamp with a time zone, such as "
                     f"2024-05-01T00:00:00Z or 2024-05-01T02:00:00+02:00, not {_quoted(value)}")


def _cursor(position: Position) -> str:
    return f"{(position.date_added - EPOCH) // timedelta(microseconds=1)}.{position.seq}"


def _resume_after(value: str) -> Position | None:
    if not value:
        return None
    found = CURSOR.fullmatch(value)
    try:
        if found:
            return Position(EPOCH + timedelta(microseconds=int(found[1])), int(found[2]))
    except OverflowError:
        pass
    raise TaxiiError(400, "Bad next", f"next must be the value a previous page gave, not {_quoted(value)}")


def _quoted(value: str) -> str:
    """A client's value in an error message, cut short: it may be anything, of any length."""
    return json.dumps(value if len(value) <= 60 else value[:60] + "…", ensure_ascii=False)
