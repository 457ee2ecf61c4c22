"""Reading incidents for the web pages and the API: filters, sorting, pages.

The store hands back every incident as plain data (the JSON export's shape); filtering here keeps
the web layer a thin view over the same data the exports write.
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_SIZE = 25
SORTS = {"first_seen": lambda i: (i["first_seen"] or ""), "title": lambda i: i["title"].casefold(),
         "reports": lambda i: len(i["documents"])}


@dataclass(frozen=True)
class IncidentFilter:
    country: str | None = None  # victim country, ISO alpha-2
    actor: str | None = None
    state: str | None = None  # sponsor state per the claims
    type: str | None = None
    since: str | None = None  # first seen on or after (ISO prefix)
    until: str | None = None
    q: str | None = None  # free text in title, summary, victims, actors
    sort: str = "first_seen"
    descending: bool = True
    page: int = 1

    def matches(self, incident: dict) -> bool:
        if self.country and self.country.upper() not in {v.get("country") for v in incident["victims"]}:
            return False
        if self.actor and self.actor.casefold() not in {_folded(a) for a in _actor_names(incident)}:
            return False
        if self.state and self.state.upper() not in incident["states"]:
            return False
        if self.type and self.type not in incident["types"]:
            return False
        first_seen = incident["first_seen"] or ""
        if self.since and (not first_seen or first_seen < self.since):
            return False
        if self.until and (not first_seen or first_seen[:len(self.until)] > self.until):
            return False
        return not self.q or self.q.casefold() in _searchable(incident)


def _folded(text: str) -> str:
    return text.casefold()


def _actor_names(incident: dict) -> list[str]:
    return [name for actor in incident["actors"] for name in (actor["name"], *actor.get("aliases", []))]


def _searchable(incident: dict) -> str:
    parts = [incident["title"], incident["summary"], *(v["name"] for v in incident["victims"]),
             *_actor_names(incident)]
    return " ".join(parts).casefold()


@dataclass(frozen=True)
class Page:
    items: list[dict]
    total: int
    page: int
    pages: int


def select(incidents: list[dict], chosen: IncidentFilter) -> Page:
    found = [i for i in incidents if chosen.matches(i)]
    key = SORTS.get(chosen.sort, SORTS["first_seen"])
    found.sort(key=key, reverse=chosen.descending)
    pages = max(1, -(-len(found) // PAGE_SIZE))
    page = min(max(1, chosen.page), pages)
    return Page(found[(page - 1) * PAGE_SIZE:page * PAGE_SIZE], len(found), page, pages)


def counts(incidents: list[dict]) -> dict[str, dict[str, int]]:
    """How many incidents per victim country, actor, state and type: the list page's facets."""
    facets: dict[str, dict[str, int]] = {"country": {}, "actor": {}, "state": {}, "type": {}}
    for incident in incidents:
        for key, values in (("country", {v.get("country") for v in incident["victims"]}),
                            ("actor", {a["name"] for a in incident["actors"]}),
                            ("state", set(incident["states"])), ("type", set(incident["types"]))):
            for value in values - {None}:
                facets[key][value] = facets[key].get(value, 0) + 1
    return {k: dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))) for k, v in facets.items()}
