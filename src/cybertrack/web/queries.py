"""Reading incidents for the web pages and the API: filters, facets, sorting, pages and search, in SQL.

Every answer is a few queries on the read side's indexed tables (`store.read_model`, `store.search`): the page's
incidents are chosen in the database, and only their listings (`read_model.listing`) are read. Nothing here reads
every incident, nor the whole of any, so a page costs the same on a hundred incidents and on a hundred thousand.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, func, select

from cybertrack.export.json_export import described_actor, iter_exported_documents
from cybertrack.store.read_model import Facet
from cybertrack.store.resolution_state import incidents_version
from cybertrack.store.schema import actor_victim_edges, incident_facets, incidents
from cybertrack.store.search import incidents_matching

PAGE_SIZE = 25
FACET_VALUES = 50  # per facet on the list page: a person picks from a list this long, not from thousands
GRAPH_EDGES = 100  # the strongest actor→victim edges drawn on the list page
SORTS = {"first_seen": incidents.c.first_seen, "title": incidents.c.sort_title, "reports": incidents.c.reports}
LISTED_FACETS = (Facet.COUNTRY, Facet.ACTOR, Facet.STATE, Facet.TYPE)


@dataclass(frozen=True)
class IncidentFilter:
    country: str | None = None  # victim country, ISO alpha-2
    actor: str | None = None  # a name or alias, in any case
    state: str | None = None  # sponsor state per the claims
    type: str | None = None
    since: str | None = None  # first seen on or after (ISO prefix)
    until: str | None = None
    q: str | None = None  # words of the title, summary, victims, actors
    sort: str = "first_seen"
    descending: bool = True
    page: int = 1


@dataclass(frozen=True)
class Overview:
    """What the list page shows of all the incidents, whatever the filter: the facets, the timeline, the graph."""

    incidents_version: int
    facets: dict[str, dict[str, int]]
    timeline: list[dict]
    graph: list[dict]


@dataclass(frozen=True)
class Page:
    items: list[dict]
    total: int
    page: int
    pages: int


def find_incidents(connection: Connection, chosen: IncidentFilter) -> Page:
    """The page of incidents the filter chooses, sorted, and how many it chooses in all."""
    conditions = _conditions(connection, chosen)
    total = connection.execute(select(func.count()).select_from(incidents).where(*conditions)).scalar_one()
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, chosen.page), pages)
    key = SORTS.get(chosen.sort, SORTS["first_seen"])
    # undated (or unsorted) incidents last when the newest come first, first when the oldest do
    order = key.desc().nulls_last() if chosen.descending else key.asc().nulls_first()
    found = connection.execute(select(incidents.c.listing).where(*conditions).order_by(order, incidents.c.id)
                               .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)).scalars()
    return Page([json.loads(item) for item in found], total, page, pages)


def _conditions(connection: Connection, chosen: IncidentFilter) -> list[ColumnElement[bool]]:
    conditions = [incidents.c.id.in_(select(incident_facets.c.incident_id)
                                     .where(incident_facets.c.facet == facet, incident_facets.c.value == value))
                  for facet, value in ((Facet.COUNTRY, chosen.country and chosen.country.upper()),
                                       (Facet.ACTOR_NAME, chosen.actor and chosen.actor.casefold()),
                                       (Facet.STATE, chosen.state and chosen.state.upper()),
                                       (Facet.TYPE, chosen.type)) if value]
    if chosen.since:
        conditions.append(incidents.c.first_seen >= chosen.since)
    if chosen.until:  # "2021" takes every date of 2021
        conditions.append(func.substr(incidents.c.first_seen, 1, len(chosen.until)) <= chosen.until)
    if chosen.q:
        conditions.append(incidents.c.id.in_(incidents_matching(connection, chosen.q)))
    return conditions


def incidents_of_actor(connection: Connection, name: str) -> list[dict]:
    """The listings of the incidents an actor took part in, oldest first (undated first)."""
    found = connection.execute(
        select(incidents.c.listing).join(incident_facets, incident_facets.c.incident_id == incidents.c.id)
        .where(incident_facets.c.facet == Facet.ACTOR, incident_facets.c.value == name)
        .order_by(incidents.c.first_seen.asc().nulls_first(), incidents.c.id)).scalars()
    return [json.loads(item) for item in found]


def overview(connection: Connection, known: Overview | None = None) -> Overview:
    """The list page's overview; ``known`` is given back as it is while the incidents have not been written since it
    was made (the overview changes only with them)."""
    version = incidents_version(connection)
    if known is not None and known.incidents_version == version:
        return known
    return Overview(version, facet_counts(connection), timeline(connection), graph(connection))


def facet_counts(connection: Connection) -> dict[str, dict[str, int]]:
    """How many incidents per victim country, actor, state and type, the most frequent ``FACET_VALUES`` of each:
    the list page's facets."""
    found = connection.execute(
        select(incident_facets.c.facet, incident_facets.c.value, func.count().label("n"))
        .where(incident_facets.c.facet.in_(LISTED_FACETS))
        .group_by(incident_facets.c.facet, incident_facets.c.value))
    facets: dict[str, list[tuple[str, int]]] = {facet.value: [] for facet in LISTED_FACETS}
    for row in found:
        facets[row.facet].append((row.value, row.n))
    return {facet: dict(sorted(values, key=lambda kv: (-kv[1], kv[0]))[:FACET_VALUES])
            for facet, values in facets.items()}


def timeline(connection: Connection) -> list[dict]:
    """Incidents first seen per year."""
    year = func.substr(incidents.c.first_seen, 1, 4)
    found = connection.execute(select(year.label("year"), func.count().label("n"))
                               .where(incidents.c.first_seen.is_not(None)).group_by(year).order_by(year))
    return [{"year": row.year, "count": row.n} for row in found]


def graph(connection: Connection) -> list[dict]:
    """The ``GRAPH_EDGES`` actor→victim edges seen in the most incidents, by actor and victim."""
    table = actor_victim_edges
    found = connection.execute(select(table.c.actor, table.c.victim, table.c.incidents)
                               .order_by(table.c.incidents.desc(), table.c.actor, table.c.victim).limit(GRAPH_EDGES))
    return sorted(({"actor": row.actor, "victim": row.victim, "incidents": row.incidents} for row in found),
                  key=lambda edge: (edge["actor"], edge["victim"]))


def described_documents(connection: Connection) -> list[dict]:
    """Every stored article as the export describes it, without its text."""
    return [{key: value for key, value in document.items() if key != "text"}
            for document in iter_exported_documents(connection, texts=False)]


def actors(connection: Connection) -> list[dict]:
    """Every actor seen in an incident, with the knowledge base's aliases and country and its incidents' ids; the
    most active first."""
    found = connection.execute(select(incident_facets.c.value, incident_facets.c.incident_id)
                               .where(incident_facets.c.facet == Facet.ACTOR)
                               .order_by(incident_facets.c.value, incident_facets.c.incident_id))
    ids: dict[str, list[str]] = {}
    for row in found:
        ids.setdefault(row.value, []).append(row.incident_id)
    listed = [{**described_actor(name), "incidents": incident_ids} for name, incident_ids in ids.items()]
    return sorted(listed, key=lambda a: (-len(a["incidents"]), a["name"]))
