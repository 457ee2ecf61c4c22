"""`cybertrack serve`: web pages, a JSON API and TAXII 2.1 over one database.

Pages are server-rendered Jinja2 templates with autoescaping on: everything that comes from an
article is untrusted, so a page text holding `<script>` or a `javascript:` link shows as text.
The API and TAXII read the same plain data the exports write. Every response carries the security
headers of `cybertrack.web.security`; the API docs use the vendored Swagger UI, so nothing loads from
another host.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import threading
from importlib import resources
from itertools import pairwise
from pathlib import Path

from fastapi import FastAPI, Form, Header, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from sqlalchemy import Connection

from cybertrack import __version__
from cybertrack.explain import explained
from cybertrack.export.json_export import exported_documents, exported_incidents
from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.knowledge.base import Entry, knowledge_base
from cybertrack.links import is_web_url
from cybertrack.model import SourceItem
from cybertrack.pipeline import Pipeline
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore, StoreError
from cybertrack.store.search import documents_matching
from cybertrack.web.queries import (
    IncidentFilter,
    actors,
    described_documents,
    find_incidents,
    incidents_of_actor,
    overview,
)
from cybertrack.web.security import SecurityHeaders
from cybertrack.web.taxii import taxii_router

PACKAGE = Path(str(resources.files("cybertrack.web")))
# how long a client should wait when the database is busy: about a lock's or a pool's wait
RETRY_AFTER_SECONDS = 5
SEARCH_DOCUMENTS = 100  # articles a search lists, best first
REPORTS_SHOWN = 100  # reports (and reasons they joined) an incident page lists; the API has them all
HIGHLIGHT = re.compile(r"([0-9]{1,9})-([0-9]{1,9})")  # ASCII digits only: str.isdigit() also takes "²"

log = logging.getLogger(__name__)


class IngestRequest(BaseModel):
    """An article to add: a URL to fetch, or pasted text (with an optional title)."""

    url: str | None = None
    text: str | None = None
    title: str | None = None


def create_app(db: str | None, ingest_token: str | None = None, allow_private_addresses: bool = False) -> FastAPI:
    """The app over one database. Ingesting from the web is off unless ``ingest_token`` is given; then every
    ingest request must carry it (``Authorization: Bearer TOKEN``, or the form's token field). URLs to ingest
    are fetched from public addresses only, unless ``allow_private_addresses``."""
    store = DocumentStore(Database(db))
    # The pages name actors by the knowledge base: loaded here, before the first request, so that requests arriving
    # together at start do not each wait for it (it was a page's 3 s at the 99th percentile under 8 clients)
    knowledge_base()
    app = FastAPI(title="cybertrack", version=__version__, docs_url=None, redoc_url=None,
                  description="Cyber incidents extracted from news, each fact citing its sentence.")
    app.state.store = store
    app.add_middleware(SecurityHeaders)
    templates = Jinja2Templates(directory=str(PACKAGE / "templates"))
    templates.env.tests["web_url"] = is_web_url
    templates.env.filters["explained"] = explained
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    app.include_router(taxii_router(store))

    @app.exception_handler(StoreError)
    async def database_unavailable(_request: Request, error: StoreError) -> JSONResponse:
        """A busy, locked or unreachable database (a full connection pool too) is the server's passing trouble:
        503 with when to retry. The error names the database, a path or a URL with its password: the log gets
        it, the client does not."""
        log.warning("answering 503: %s", error)
        return JSONResponse({"detail": "the database is busy or unavailable; try again shortly"}, status_code=503,
                            headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    def find_incident(connection: Connection, incident_id: str) -> dict:
        found = exported_incidents(connection, [incident_id])
        if not found:
            raise HTTPException(404, f"no incident {incident_id}")
        return found[0]

    def filters(country: str | None, actor: str | None, state: str | None, type: str | None, since: str | None,
                until: str | None, q: str | None, sort: str, order: str, page: int) -> IncidentFilter:
        return IncidentFilter(country or None, actor or None, state or None, type or None, since or None,
                              until or None, q or None, sort, order != "asc", page)

    # -- pages ---------------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def incident_list(request: Request, country: str = "", actor: str = "", state: str = "", type: str = "",
                      since: str = "", until: str = "", q: str = "", sort: str = "first_seen", order: str = "desc",
                      page: int = 1):
        chosen = filters(country, actor, state, type, since, until, q, sort, order, page)
        with store.reading() as connection:
            found = find_incidents(connection, chosen)
            app.state.overview = shown = overview(connection, app.state.overview)
        return templates.TemplateResponse(request, "incidents.html", {
            "page": found, "facets": shown.facets, "timeline": shown.timeline, "graph": shown.graph,
            "chosen": chosen, "ingest": app.state.ingest_enabled})

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, incident_id: str):
        with store.reading() as connection:
            incident = find_incident(connection, incident_id)
            documents = exported_documents(connection, incident["documents"][:REPORTS_SHOWN], texts=False)
        return templates.TemplateResponse(request, "incident.html", {
            "incident": incident, "documents": documents, "shown": REPORTS_SHOWN})

    @app.get("/actors/{name}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, name: str):
        incidents = store.read(lambda connection: incidents_of_actor(connection, name))
        known = knowledge_base().actor(name)
        if not incidents and known is None:
            raise HTTPException(404, f"no actor {name}")
        claimed = sorted({s for i in incidents for s in i["states"]})
        return templates.TemplateResponse(request, "actor.html", {
            "name": name, "actor": known, "incidents": incidents,
            "claimed_states": claimed})

    @app.get("/documents/{document_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, document_id: str, highlight: str = ""):
        document = store.read(lambda c: exported_documents(c, [document_id], texts=True)).get(document_id)
        if document is None:
            raise HTTPException(404, f"no document {document_id}")
        return templates.TemplateResponse(request, "document.html", {
            "document": document, "segments": _segments(document["text"], _span(highlight))})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return templates.TemplateResponse(request, "docs.html", {"title": app.title, "openapi_url": app.openapi_url})

    # -- ingest (off unless a token is set) -----------------------------------------------------------------------
    def ingest(request: IngestRequest, token: str | None) -> dict:
        if ingest_token is None:
            raise HTTPException(403, "ingesting from the web is off; start the server with --allow-ingest")
        # bytes: compare_digest refuses str holding anything but ASCII
        if not token or not secrets.compare_digest(token.encode(), ingest_token.encode()):
            raise HTTPException(401, "a valid ingest token is required", headers={"WWW-Authenticate": "Bearer"})
        if request.url:
            if not is_web_url(request.url):  # a path, a folder or file:// would publish the server's own files
                raise HTTPException(422, "the web ingest takes http:// or https:// URLs only, or pasted text")
            items = iter_items([request.url], SourceOptions(allow_private_addresses=allow_private_addresses))
        elif request.text and request.text.strip():
            source_id = "pasted:" + hashlib.sha256(request.text.encode()).hexdigest()[:16]
            items = iter([SourceItem(source_id=source_id, origin="web", text=request.text, title=request.title)])
        else:
            raise HTTPException(422, "give a url or some text")
        summary = run_ingest(items, store, _pipeline(app))
        if summary.fatal:
            raise StoreError(summary.fatal)
        return {"ingested": summary.ingested + summary.updated, "already_present": summary.present,
                "near_duplicates": [d for d, _ in summary.duplicates],
                "failed": [{"source": e.source_id, "reason": e.reason} for e in summary.failed],
                "incidents": summary.incidents}

    @app.post("/api/ingest", tags=["api"], summary="Ingest a URL or pasted text (needs --allow-ingest and the token)")
    def api_ingest(body: IngestRequest, authorization: str = Header("")):
        return ingest(body, _bearer(authorization))

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def form_ingest(request: Request, url: str = Form(""), text: str = Form(""), title: str = Form(""),
                    token: str = Form("")):
        result = ingest(IngestRequest(url=url or None, text=text or None, title=title or None), token or None)
        return templates.TemplateResponse(request, "ingested.html", {"result": result})

    app.state.ingest_enabled = ingest_token is not None
    app.state.overview = None  # the list page's facets, timeline and graph, until the incidents are written again
    app.state.pipeline, app.state.pipeline_lock = None, threading.Lock()

    # -- JSON API ------------------------------------------------------------------------------------------------
    @app.get("/api/incidents", tags=["api"],
             summary="Incidents, filtered, sorted and paged: each as a listing (/api/incidents/ID has all of it)")
    def api_incidents(country: str = "", actor: str = "", state: str = "", type: str = "", since: str = "",
                      until: str = "", q: str = "", sort: str = "first_seen", order: str = "desc",
                      page: int = Query(1, ge=1)):
        chosen = filters(country, actor, state, type, since, until, q, sort, order, page)
        found = store.read(lambda connection: find_incidents(connection, chosen))
        return {"total": found.total, "page": found.page, "pages": found.pages, "incidents": found.items}

    @app.get("/api/incidents/{incident_id}", tags=["api"], summary="One incident with its claims and evidence")
    def api_incident(incident_id: str):
        return store.read(lambda connection: find_incident(connection, incident_id))

    @app.get("/api/actors", tags=["api"], summary="Actors seen in incidents, with their incident counts")
    def api_actors():
        return {"actors": store.read(actors)}

    @app.get("/api/documents", tags=["api"], summary="Stored documents, without their text")
    def api_documents():
        return {"documents": store.read(described_documents)}

    @app.get("/api/search", tags=["api"],
             summary=f"Full-text search: the first page of matching incidents, and up to {SEARCH_DOCUMENTS} articles")
    def api_search(q: str = Query(..., min_length=2)):
        with store.reading() as connection:
            return {"incidents": find_incidents(connection, IncidentFilter(q=q, page=1)).items,
                    "documents": documents_matching(connection, q, SEARCH_DOCUMENTS)}

    return app


def _pipeline(app: FastAPI) -> Pipeline:
    """One pipeline per server, loaded on the first ingest (its models take seconds to load). Requests that arrive
    together wait for that one load instead of each loading the models."""
    with app.state.pipeline_lock:
        if app.state.pipeline is None:
            pipeline = Pipeline()
            pipeline.load()
            app.state.pipeline = pipeline
    return app.state.pipeline


def _bearer(authorization: str) -> str | None:
    """The token of ``Authorization: Bearer TOKEN`` (the scheme in any case); no token for any other form."""
    scheme, _, token = authorization.partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


def _span(highlight: str) -> tuple[int, int] | None:
    """The cited sentence's ``START-END`` character offsets; anything else is the client's error."""
    if not highlight:
        return None
    found = HIGHLIGHT.fullmatch(highlight)
    if found is None or int(found[1]) > int(found[2]):
        raise HTTPException(422, "highlight must be START-END, two character offsets with START <= END")
    return int(found[1]), int(found[2])


def _segments(text: str, highlight: tuple[int, int] | None) -> list[tuple[bool, list[tuple[str, str]]]]:
    """The clean text as (is the cited sentence, pieces) parts; pieces are (kind, text), every recognised name
    marked with its kind and the rest "text"."""
    cuts = [0, len(text)] if highlight is None else [0, *sorted({max(0, min(c, len(text))) for c in highlight}),
                                                       len(text)]
    parts = []
    for start, end in pairwise(cuts):
        if end > start:
            parts.append((highlight is not None and (start, end) == (max(0, highlight[0]), min(highlight[1],
                          len(text))), _mentions(text, start, end)))
    return parts


def _mentions(text: str, start: int, end: int) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    position = start
    for match in knowledge_base().find(text[start:end]):
        kinds = {v.kind for v in match.values if isinstance(v, Entry)}
        kind = next((k for k in ("actor", "malware", "country", "producer", "technique") if k in kinds), None)
        if kind is None:
            continue
        if start + match.start > position:
            pieces.append(("text", text[position:start + match.start]))
        pieces.append((kind, match.text))
        position = start + match.end
    if position < end:
        pieces.append(("text", text[position:end]))
    return pieces
