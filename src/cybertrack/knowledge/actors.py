"""Threat actors and their aliases, merged only where the MISP galaxies link them.

The `threat-actor` galaxy is the backbone: one actor per cluster, with its synonyms and
the country the galaxy gives (kept as `country`, apart from what articles claim). The
MITRE ATT&CK intrusion sets and Microsoft's activity groups add names: a cluster from
those galaxies joins a threat actor when the galaxies link the two (a `similar`
relation) or when its name is exactly one threat actor's name or synonym. A name shared
by two actors is ambiguous: it is listed, and never matched, so two actors are never
merged through one generic alias.

An actor keeps the threat-actor galaxy's name, except where that name is one of Microsoft's codes ("Storm-1567",
"Pink Sandstorm") and ATT&CK names the same group otherwise: analysts know the gang as "Akira", and the code stays
an alias.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from cybertrack.knowledge.galaxies import Cluster, load_galaxy

SECONDARY_GALAXIES = ("mitre-intrusion-set", "microsoft-activity-group")
_MITRE_SUFFIX = re.compile(r"\s+-\s+(G\d{4})$")
# Microsoft's names for activity groups: an unattributed cluster's number, or a weather word after a family name
_MICROSOFT_NAME = re.compile(r"(?:Storm|DEV)-\d{3,4}|\w+ (?:Typhoon|Blizzard|Sandstorm|Sleet|Tempest|Hail|Dust|Flood"
                             r"|Cyclone|Tsunami)")


@dataclass
class Actor:
    name: str
    aliases: set[str] = field(default_factory=set)
    country: str | None = None
    galaxies: set[str] = field(default_factory=set)
    mitre_id: str | None = None
    description: str = ""
    attack_name: str | None = None  # the name ATT&CK gives the group, when it has one
    # a state agency's names made of everyday words ("Police Security Service"): its name only beside its country
    described_as: set[str] = field(default_factory=set)


def alias_key(name: str) -> str:
    """Spelling-insensitive key: "APT 31", "apt31" and "APT-31" are one name."""
    return re.sub(r"[\s\-_.]+", "", name).casefold()


def _names_of(cluster: Cluster) -> tuple[str, set[str], str | None]:
    """The cluster's own name (without a MITRE "- G0128" suffix), its synonyms, its MITRE id."""
    mitre = _MITRE_SUFFIX.search(cluster.value)
    name = _MITRE_SUFFIX.sub("", cluster.value).strip()
    external = cluster.meta.get("external_id")
    mitre_id = mitre.group(1) if mitre else (external if isinstance(external, str) else None)
    names = {name, *cluster.synonyms}
    if mitre_id:
        names.add(mitre_id)
    return name, {n.strip() for n in names if n and n.strip()}, mitre_id


def load_actors() -> tuple[dict[str, Actor], dict[str, tuple[str, ...]]]:
    """All actors by canonical name, and the ambiguous aliases with the actors that share them."""
    actors: dict[str, Actor] = {}
    by_uuid: dict[str, str] = {}
    for cluster in load_galaxy("threat-actor"):
        name, names, mitre_id = _names_of(cluster)
        if name in actors:
            actors[name].aliases |= names
            continue
        country = cluster.meta.get("country")
        actors[name] = Actor(
            name=name,
            aliases=names,
            country=country if isinstance(country, str) and len(country) == 2 else None,
            galaxies={cluster.galaxy},
            mitre_id=mitre_id,
            description=cluster.description,
        )
        by_uuid[cluster.uuid] = name
    backlinks = _similar_links(by_uuid)
    owners_by_key: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for alias in actor.aliases:
            owners_by_key[alias_key(alias)].add(actor.name)
    for galaxy in SECONDARY_GALAXIES:
        for cluster in load_galaxy(galaxy):
            _attach(cluster, actors, by_uuid, backlinks, owners_by_key)
    actors = _by_known_names(actors)
    _shared_aliases_to_their_group(actors)
    return actors, _ambiguous_aliases(actors)


def _shared_aliases_to_their_group(actors: dict[str, Actor]) -> None:
    """An alias two actors share is the one's whose names list all the others: the galaxies keep UNC2452 (the
    SolarWinds intruders) as a cluster of its own and as one of APT29's names, and give both "Nobelium" and
    "Midnight Blizzard"; those are APT29's. Where no one actor's names list the others ("Grizzly Steppe", APT28's and
    APT29's), or several do, the alias stays ambiguous (`_ambiguous_aliases`)."""
    for key, names in _ambiguous_aliases(actors).items():
        listed = {name: {alias_key(alias) for alias in actors[name].aliases} for name in names}
        groups = [name for name in names if {alias_key(other) for other in names if other != name} <= listed[name]]
        if len(groups) == 1:
            for other in set(names) - {groups[0]}:
                actors[other].aliases = {alias for alias in actors[other].aliases if alias_key(alias) != key}


def _by_known_names(actors: dict[str, Actor]) -> dict[str, Actor]:
    """The actors by the name they are shown with: ATT&CK's name for one the threat-actor galaxy knows only by a
    Microsoft code, unless another actor already bears that name."""
    shown: dict[str, Actor] = {}
    for actor in actors.values():
        known = actor.attack_name
        if known and known != actor.name and _MICROSOFT_NAME.fullmatch(actor.name) and known not in actors:
            actor.name = known
        shown[actor.name] = actor
    return shown


def _similar_links(by_uuid: dict[str, str]) -> dict[str, set[str]]:
    """uuid of any cluster -> threat actors whose `similar` relations point at it."""
    links: dict[str, set[str]] = defaultdict(set)
    for cluster in load_galaxy("threat-actor"):
        for relation in cluster.related:
            if relation.get("type") == "similar" and cluster.uuid in by_uuid:
                links[relation.get("dest-uuid", "")].add(by_uuid[cluster.uuid])
    return links


def _attach(
    cluster: Cluster,
    actors: dict[str, Actor],
    by_uuid: dict[str, str],
    backlinks: dict[str, set[str]],
    owners_by_key: dict[str, set[str]],
) -> None:
    """Add a secondary galaxy's cluster to the one threat actor it is linked to, or keep it as its own actor."""
    name, names, mitre_id = _names_of(cluster)
    targets = set(backlinks.get(cluster.uuid, ()))
    targets |= {by_uuid[r["dest-uuid"]] for r in cluster.related
                if r.get("type") == "similar" and r.get("dest-uuid") in by_uuid}
    if not targets:
        targets = set(owners_by_key.get(alias_key(name), ()))
    if len(targets) == 1:
        actor = actors[targets.pop()]
        actor.aliases |= names
        actor.galaxies.add(cluster.galaxy)
        actor.mitre_id = actor.mitre_id or mitre_id
        if cluster.galaxy == "mitre-intrusion-set":
            actor.attack_name = actor.attack_name or name
    elif not targets and name not in actors:
        actors[name] = Actor(name=name, aliases=names, galaxies={cluster.galaxy}, mitre_id=mitre_id,
                             description=cluster.description)


def _ambiguous_aliases(actors: dict[str, Actor]) -> dict[str, tuple[str, ...]]:
    """Aliases that two actors share. An actor's own name is never ambiguous: it wins over synonyms."""
    own_names = {alias_key(actor.name) for actor in actors.values()}
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors.values():
        for alias in actor.aliases:
            owners[alias_key(alias)].add(actor.name)
    return {key: tuple(sorted(names)) for key, names in owners.items() if len(names) > 1 and key not in own_names}
