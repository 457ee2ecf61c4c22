"""TAXII 2.1 (read-only): one API root, one collection holding the STIX export of every incident.

Threat-intelligence platforms poll it: discovery at `/taxii2/`, the API root at `/taxii2/cybertrack/`,
and the objects with `limit`/`next` paging and `added_after`. An object's "date added" is its
`modified` time, so `added_after` returns what changed since a platform's last poll.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from cybertrack.export.json_export import build_export
from cybertrack.export.stix_export import NAMESPACE, build_stix
from cybertrack.store import DocumentStore

TAXII = "application/taxii+json;version=2.1"
STIX = "application/stix+json;version=2.1"
ROOT = "cybertrack"
COLLECTION_ID = str(uuid.uuid5(NAMESPACE, "taxii-collection:incidents"))
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


class TaxiiResponse(JSONResponse):
    media_type = TAXII


def _collection() -> dict:
    return {"id": COLLECTION_ID, "title": "cybertrack incidents",
            "description": "Every incident with its actors, victims, vulnerabilities, techniques, claims and reports.",
            "can_read": True, "can_write": False, "media_types": [STIX]}


def _added(obj: dict) -> str:
    return obj.get("modified") or obj.get("created") or "2000-01-01T00:00:00.000Z"


def _timestamp(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise HTTPException(400, f"added_after is not a timestamp: {value}") from None


def taxii_router(store: DocumentStore) -> APIRouter:
    router = APIRouter(prefix="/taxii2", tags=["taxii"], default_response_class=TaxiiResponse)

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

    @router.get(f"/{ROOT}/collections/{{collection_id}}/objects/", summary="The collection's objects, paged")
    def objects(collection_id: str, limit: int = DEFAULT_LIMIT, next: str = "", added_after: str = ""):
        _check(collection_id)
        found = sorted(json.loads(build_stix(build_export(store)).serialize())["objects"],
                       key=lambda o: (_added(o), o["id"]))
        if added_after:
            after = _timestamp(added_after)
            found = [o for o in found if _timestamp(_added(o)) > after]
        start = int(next) if next.isdigit() else 0
        size = max(1, min(limit, MAX_LIMIT))
        page = found[start:start + size]
        more = start + size < len(found)
        envelope = {"more": more, "objects": page, **({"next": str(start + size)} if more else {})}
        headers = {}
        if page:
            headers = {"X-TAXII-Date-Added-First": _added(page[0]), "X-TAXII-Date-Added-Last": _added(page[-1])}
        return TaxiiResponse(envelope, headers=headers)

    return router


def _check(collection_id: str) -> None:
    if collection_id != COLLECTION_ID:
        raise HTTPException(404, f"no collection {collection_id}")
