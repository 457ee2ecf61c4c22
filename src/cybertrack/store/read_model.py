"""The read side: what the web pages and the API filter, count, sort and search incidents by, kept in indexed tables.

The incidents are stored as JSON (`store.incidents`), which is what a page shows of one incident but no way to find
one among a hundred thousand. So each incident is also written as rows: a facet row per value it can be filtered or
counted by, its search text, and its share of the actor→victim graph. They are written in the transaction that
writes the incidents, from the same plain data, so they never disagree with them.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, tuple_

from cybertrack.knowledge.base import knowledge_base
from cybertrack.model import ARTICLE_CLAIMANT
from cybertrack.store.batches import in_batches
from cybertrack.store.schema import actor_victim_edges, incident_facets, incident_search
from cybertrack.store.search import refresh_incident_search

LISTED_NAMES = 10  # victims and actors a list shows of one incident


class Facet(enum.StrEnum):
    """What an incident is filtered and counted by on the list page."""

    COUNTRY = "country"  # a victim's country, ISO alpha-2
    ACTOR = "actor"  # an actor's name, as the incident lists it
    ACTOR_NAME = "actor_name"  # an actor's name or alias, case-folded: what the actor filter matches
    STATE = "state"  # a state the claims name, ISO alpha-2
    TYPE = "type"  # a kind of attack


@dataclass(frozen=True)
class IncidentRows:
    """One incident's rows on the read side."""

    facets: list[tuple[Facet, str]]
    search_text: str
    edges: list[tuple[str, str]]  # (actor, victim) pairs


def incident_rows(incident: dict) -> IncidentRows:
    """The read side's rows of one incident, from its stored plain data (`store.incidents.incident_data`)."""
    kb = knowledge_base()
    actors: list[str] = incident["actors"]
    aliases = {alias for name in actors if (known := kb.actor(name)) for alias in known.aliases}
    victims = [victim["name"] for victim in incident["victims"]]
    facets = [(Facet.COUNTRY, country) for country in _unique(v.get("country") for v in incident["victims"])]
    facets += [(Facet.ACTOR, name) for name in _unique(actors)]
    facets += [(Facet.ACTOR_NAME, name) for name in _unique(n.casefold() for n in (*actors, *sorted(aliases)))]
    facets += [(Facet.STATE, state) for state in _unique(incident["states"])]
    facets += [(Facet.TYPE, kind) for kind in _unique(incident["types"])]
    words = [incident["title"], incident["summary"], *victims, *actors, *sorted(aliases)]
    edges = [(actor, victim) for actor in _unique(actors) for victim in _unique(victims)]
    return IncidentRows(facets, " ".join(w for w in words if w), edges)


def listing(incident: dict) -> dict:
    """What a list of incidents shows of one (the list page, ``/api/incidents``, search): its dates, kinds, first
    victims and actors, the states claimed, and how many reports and claims it has. An incident told by a thousand
    reports lists as briefly as one told by one; `/api/incidents/ID` gives all of it."""
    victims = incident["victims"]
    return {
        "id": incident["id"], "title": incident["title"], "summary": incident["summary"],
        "first_seen": incident["first_seen"], "first_seen_estimated": incident.get("first_seen_estimated", False),
        "types": incident["types"],
        "victims": [{"name": v["name"], "country": v.get("country"), "sector": v.get("sector")}
                    for v in victims[:LISTED_NAMES]],
        "actors": [{"name": name} for name in incident["actors"][:LISTED_NAMES]],
        "states": incident["states"], "reports": len(incident["documents"]), "victim_count": len(victims),
        "actor_count": len(incident["actors"]),
        "claim_count": sum(claim["claimant"] != ARTICLE_CLAIMANT for claim in incident["claims"]),
    }


def replace_read_side(connection: Connection, incidents: Iterable[dict]) -> None:
    """Write the read side of every incident anew: the incidents are replaced as a whole, and so is it."""
    connection.execute(delete(incident_facets))
    connection.execute(delete(incident_search))
    connection.execute(delete(actor_victim_edges))
    edges = _insert_rows(connection, incidents)
    edge_rows = [{"actor": actor, "victim": victim, "incidents": n} for (actor, victim), n in edges.items()]
    if edge_rows:
        connection.execute(insert(actor_victim_edges), edge_rows)
    refresh_incident_search(connection)


def update_read_side(connection: Connection, before: list[dict], after: list[dict]) -> None:
    """Write the read side of the incidents ``after`` in place of that of the incidents ``before`` (as they were
    stored): what one resolution changed. The actor → victim counts move by the difference."""
    gone = sorted({incident["id"] for incident in before} | {incident["id"] for incident in after})
    for batch in in_batches(gone):
        connection.execute(delete(incident_facets).where(incident_facets.c.incident_id.in_(batch)))
        connection.execute(delete(incident_search).where(incident_search.c.incident_id.in_(batch)))
    moved = _insert_rows(connection, after)
    moved.subtract(edge for incident in before for edge in incident_rows(incident).edges)
    pairs = sorted(pair for pair, change in moved.items() if change)
    for batch in in_batches(pairs):
        where = tuple_(actor_victim_edges.c.actor, actor_victim_edges.c.victim).in_(batch)
        counts = Counter({(row.actor, row.victim): row.incidents for row in connection.execute(
            select(actor_victim_edges.c.actor, actor_victim_edges.c.victim, actor_victim_edges.c.incidents)
            .where(where))})
        connection.execute(delete(actor_victim_edges).where(where))
        rows = [{"actor": actor, "victim": victim, "incidents": counts[actor, victim] + moved[actor, victim]}
                for actor, victim in batch if counts[actor, victim] + moved[actor, victim] > 0]
        if rows:
            connection.execute(insert(actor_victim_edges), rows)
    refresh_incident_search(connection)


def _insert_rows(connection: Connection, incidents: Iterable[dict]) -> Counter:
    """Insert the facet and search rows of the incidents; returns how many of them each actor → victim pair has."""
    facets, texts, edges = [], [], Counter()
    for incident in incidents:
        rows = incident_rows(incident)
        facets += [{"incident_id": incident["id"], "facet": facet, "value": value} for facet, value in rows.facets]
        texts.append({"incident_id": incident["id"], "body": rows.search_text})
        edges.update(rows.edges)
    for table, values in ((incident_facets, facets), (incident_search, texts)):
        if values:
            connection.execute(insert(table), values)
    return edges


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))
