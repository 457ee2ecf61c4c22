"""STIX 2.1: the incidents, their actors, victims, vulnerabilities, techniques and claims, as one bundle.

Built from the same plain data as the JSON export. Every id is a UUIDv5 of what the object is (an actor's name, a CVE,
a claim's evidence), so exporting twice, or from two databases holding the same articles, gives the same ids and an
importing platform (OpenCTI, MISP) updates objects instead of duplicating them. Claims and denials are `note`
objects: who says it (`authors`), what they say (`abstract`), the evidence sentence (`content`) and the article it
comes from.

The objects are written as JSON directly, in the form the `stix2` library gives them (the spec's properties in the
spec's order, custom ones after them in alphabetical order, empty ones left out): the TAXII collection is brought up
to date from them at every ingest, and making them through `stix2` took longer than resolving the incidents. The
tests parse every object with `stix2` and run the STIX validator on the bundle.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import uuid
from datetime import UTC, datetime
from typing import TextIO

from cybertrack import __version__
from cybertrack.export.json_export import target_names
from cybertrack.knowledge.base import knowledge_base
from cybertrack.links import web_url
from cybertrack.model import Stance

NAMESPACE = uuid.UUID("2b1f4d8e-6c1a-5e0b-9a43-1f7a2c6d3e55")
# Objects carry the date of the earliest article behind them; without any, this fixed date keeps exports identical.
UNDATED = datetime(2000, 1, 1, tzinfo=UTC)
ISO_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?!\d)", re.ASCII)
# STIX industry-sector vocabulary for the sectors cybertrack gives victims
SECTORS = {
    "government": "government", "defense": "defense", "education": "education", "healthcare": "healthcare",
    "finance": "financial-services", "energy": "energy", "telecommunications": "telecommunications",
    "transport": "transportation", "retail": "retail", "technology": "technology", "media": "entertainment",
    "manufacturing": "manufacturing", "legal": "commercial", "hospitality": "hospitality-leisure",
    "ngo": "non-profit", "research": "education",
}


@functools.lru_cache(maxsize=262144)
def stable_id(kind: str, key: str) -> str:
    """The object's id, the same in every export (a UUIDv5 of its kind and key). Memoised: the TAXII collection is
    refreshed at every ingest and names each actor, victim and report again."""
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


AUTHOR = stable_id("identity", "cybertrack")


def _when(value: str | None) -> datetime:
    """The ISO date (or year, or month) ``value`` starts with; anything else, such as a publication date a JSON Lines
    source wrote as "March 5, 2024", counts as undated: the collection is refreshed at each ingest, and one article's
    date must not stop it."""
    found = ISO_DATE.match(value or "")
    try:
        return datetime(int(found[1]), int(found[2] or 1), int(found[3] or 1), tzinfo=UTC) if found else UNDATED
    except ValueError:  # "2024-02-30"
        return UNDATED


def stix_time(value: datetime) -> str:
    """A STIX ``created``/``modified`` timestamp: UTC, with milliseconds as `stix2` writes them, or microseconds."""
    precision = "milliseconds" if value.microsecond % 1000 == 0 else "microseconds"
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(timespec=precision) + "Z"


def _serialized(kind: str, stix_id: str, **properties: object) -> str:
    """The object's JSON: the properties as given (in the spec's order), then the custom ``x_`` ones sorted; a
    property that is None or an empty list is left out, as STIX wants."""
    spec = {name: value for name, value in properties.items() if not name.startswith("x_") and value not in (None, [])}
    custom = {name: properties[name] for name in sorted(properties)
              if name.startswith("x_") and properties[name] not in (None, [])}
    return json.dumps({"type": kind, "spec_version": "2.1", "id": stix_id, **spec, **custom})


def _reference(source_name: str, external_id: str, url: str | None = None, description: str | None = None) -> dict:
    """An external reference, its properties in the spec's order."""
    reference = {"source_name": source_name}
    if description is not None:
        reference["description"] = description
    if url is not None:
        reference["url"] = url
    reference["external_id"] = external_id
    return reference


class StixBuilder:
    """The export's objects, made incident by incident, in the incidents' order, each once (the first incident to
    name a victim gives its identity). What several incidents share (victims, places, actors, vulnerabilities,
    techniques, malware, the articles' reports) is made for every incident by `share`; what only the incident has (its
    `incident` object, its relationships and its notes) by `own`, on request: the TAXII collection asks only for the
    incidents whose `share` fingerprint changed since it last held them."""

    def __init__(self, documents: list[dict]) -> None:
        self.documents = {d["id"]: d for d in documents}
        self.shared: dict[str, str] = {AUTHOR: _serialized(
            "identity", AUTHOR, created=stix_time(UNDATED), modified=stix_time(UNDATED), name="cybertrack",
            description=f"cybertrack {__version__}: incidents extracted from news articles", identity_class="system")}
        self._reports: dict[str, list[str]] = {}

    def share(self, incident: dict) -> str:
        """Make the shared objects ``incident`` refers to; returns the fingerprint of everything its own objects are
        made of: the incident, its articles' dates and addresses, the actors its claims name that have an
        intrusion set so far, and the release (whose code makes them)."""
        incident_id = stable_id("incident", incident["id"])
        for document in incident["documents"]:
            self._reports.setdefault(document, []).append(incident_id)
        when = self._date(incident)
        for victim in incident["victims"]:
            self._victim(victim, when, "organization")
        for group in incident.get("victim_groups", []):
            self._victim(group, when, "class")  # STIX's class of entities: "all hospitals"
        for actor in incident["actors"]:
            actor_id = stable_id("intrusion-set", actor["name"])
            if actor_id not in self.shared:
                self.shared[actor_id] = _serialized(
                    "intrusion-set", actor_id, created_by_ref=AUTHOR, created=stix_time(UNDATED),
                    modified=stix_time(UNDATED), name=actor["name"], aliases=actor["aliases"])
        for cve in incident["vulnerabilities"]:
            cve_id = stable_id("vulnerability", cve)
            if cve_id not in self.shared:
                self.shared[cve_id] = _serialized(
                    "vulnerability", cve_id, created=stix_time(UNDATED), modified=stix_time(UNDATED), name=cve,
                    external_references=[_reference("cve", cve)])
        for technique in incident["techniques"]:
            self._attack_pattern(technique)
        for name in incident["malware"]:
            malware_id = stable_id("malware", name)
            if malware_id not in self.shared:
                self.shared[malware_id] = _serialized(
                    "malware", malware_id, created=stix_time(UNDATED), modified=stix_time(UNDATED), name=name,
                    is_family=True)
        cited = [*incident["documents"], *(claim["document"] for claim in _claims(incident))]
        named = sorted({target for claim in _claims(incident) for target in self._named_actors(claim)})
        made_of = [__version__, incident, {d: self._document(d) for d in cited}, named]
        return hashlib.sha256(json.dumps(made_of, sort_keys=True).encode()).hexdigest()

    def own(self, incident: dict) -> dict[str, str]:
        """The objects only ``incident`` has: itself, its relationships and its notes (after `share` of it)."""
        objects: dict[str, str] = {}
        incident_id = stable_id("incident", incident["id"])
        when = self._date(incident)
        objects[incident_id] = _serialized(
            "incident", incident_id, created_by_ref=AUTHOR, created=stix_time(when), modified=stix_time(when),
            name=incident["title"], description=incident["summary"],
            external_references=[self._source(d) for d in incident["documents"]],
            x_cybertrack_types=incident["types"], x_cybertrack_first_seen=incident["first_seen"],
            x_cybertrack_discovered=incident["discovered"], x_cybertrack_states=incident["states"])
        targets = [("targets", stable_id("identity", victim["key"]))
                   for victim in incident["victims"] + incident.get("victim_groups", [])]
        targets += [("attributed-to", stable_id("intrusion-set", actor["name"])) for actor in incident["actors"]]
        targets += [("exploits", stable_id("vulnerability", cve)) for cve in incident["vulnerabilities"]]
        targets += [("uses", stable_id("attack-pattern", technique)) for technique in incident["techniques"]]
        targets += [("uses", stable_id("malware", name)) for name in incident["malware"]]
        for kind, target in targets:
            _relate(objects, incident_id, kind, target, when)
        for claim in _claims(incident):
            self._note(objects, incident_id, claim)
        return objects

    def reports(self) -> dict[str, str]:
        """One report per article, listing the incidents it reports (after `share` of every incident)."""
        objects: dict[str, str] = {}
        for document_id, refs in sorted(self._reports.items()):
            document = self.documents.get(document_id, {"id": document_id})
            published = _when(document.get("published"))
            report_id = stable_id("report", document_id)
            objects[report_id] = _serialized(
                "report", report_id, created_by_ref=AUTHOR, created=stix_time(published),
                modified=stix_time(published), name=document.get("title") or document_id,
                report_types=["threat-report"], published=f"{published:%Y-%m-%dT%H:%M:%S}Z",
                object_refs=sorted(set(refs)), lang=document.get("language"),
                external_references=[self._source(document_id)])
        return objects

    def _date(self, incident: dict) -> datetime:
        """The date of the incident's earliest dated article."""
        dates = [self.documents[d].get("published") for d in incident["documents"] if d in self.documents]
        return min((_when(d) for d in dates if d), default=UNDATED)

    def _document(self, document_id: str) -> dict:
        """What the objects take from an article: its address and date."""
        document = self.documents.get(document_id, {})
        return {"url": document.get("url"), "published": document.get("published")}

    def _source(self, document_id: str, description: str | None = None) -> dict:
        """The article as an external reference; its URL only if it is http(s) (a platform would make it a link)."""
        url = web_url(self.documents.get(document_id, {}).get("url"))
        return _reference("article", document_id, url=url or None, description=description)

    def _victim(self, victim: dict, when: datetime, identity_class: str) -> None:
        identity = stable_id("identity", victim["key"])
        sector = SECTORS.get(victim.get("sector") or "")
        if identity not in self.shared:
            self.shared[identity] = _serialized(
                "identity", identity, created_by_ref=AUTHOR, created=stix_time(UNDATED), modified=stix_time(UNDATED),
                name=victim["name"], identity_class=identity_class, sectors=[sector] if sector else None)
        if victim.get("country"):
            location = stable_id("location", victim["country"])
            if location not in self.shared:
                self.shared[location] = _serialized(
                    "location", location, created=stix_time(UNDATED), modified=stix_time(UNDATED),
                    name=victim["country"], country=victim["country"])
            _relate(self.shared, identity, "located-at", location, when)

    def _attack_pattern(self, technique_id: str) -> None:
        pattern = stable_id("attack-pattern", technique_id)
        if pattern not in self.shared:
            known = knowledge_base().techniques.get(technique_id)
            page = f"https://attack.mitre.org/techniques/{technique_id.replace('.', '/')}/"
            self.shared[pattern] = _serialized(
                "attack-pattern", pattern, created=stix_time(UNDATED), modified=stix_time(UNDATED),
                name=known.name if known else technique_id,
                external_references=[_reference("mitre-attack", technique_id, url=page)])

    def _named_actors(self, claim: dict) -> list[str]:
        """The intrusion sets made so far among the actors ``claim`` names (countries have none)."""
        targets = [stable_id("intrusion-set", t["name"]) for t in claim["attributed_to"] if t["kind"] == "actor"]
        return [target for target in targets if target in self.shared]

    def _note(self, objects: dict[str, str], incident_id: str, claim: dict) -> None:
        abstract = f"{claim['claimant']} {_VERBS[claim['stance']]} {', '.join(target_names(claim))}"
        when = _when(claim["date"])
        start, end = claim["offsets"]
        note = stable_id("note", f"{incident_id}|{claim['document']}#{start}-{end}|{claim['claimant']}|"
                                 f"{claim['stance']}")
        if note not in objects:
            objects[note] = _serialized(
                "note", note, created_by_ref=AUTHOR, created=stix_time(when), modified=stix_time(when),
                abstract=abstract + (f" ({claim['certainty']})" if claim["hedged"] else ""), content=claim["evidence"],
                authors=[claim["claimant"]], object_refs=[incident_id, *self._named_actors(claim)],
                external_references=[self._source(claim["document"], description=f"characters {start}-{end}")],
                x_cybertrack_stance=claim["stance"], x_cybertrack_attributed_to=target_names(claim),
                x_cybertrack_hedged=claim["hedged"], x_cybertrack_certainty=claim["certainty"])


# a note's abstract, per stance: "NCSC attributes the incident to APT28"
_VERBS = {Stance.ATTRIBUTES: "attributes the incident to", Stance.CLAIMS_RESPONSIBILITY: "claims the incident as",
          Stance.DENIES: "denies the responsibility of", Stance.DISPUTES: "disputes the responsibility of",
          Stance.UNCONFIRMED: "does not confirm the responsibility of"}


def _claims(incident: dict) -> list[dict]:
    return incident["claims"] + incident.get("assertions", [])


def _relate(objects: dict[str, str], source: str, kind: str, target: str, when: datetime) -> None:
    relationship = stable_id("relationship", f"{source}|{kind}|{target}")
    if relationship not in objects:
        objects[relationship] = _serialized(
            "relationship", relationship, created_by_ref=AUTHOR, created=stix_time(when), modified=stix_time(when),
            relationship_type=kind, source_ref=source, target_ref=target)


def build_stix(export: dict) -> dict:
    """A bundle of the whole export (see `build_export`), as plain data."""
    objects = stix_objects(export)
    return {"type": "bundle", "id": stable_id("bundle", "|".join(objects)),
            "objects": [json.loads(text) for text in objects.values()]}


def stix_objects(export: dict) -> dict[str, str]:
    """The JSON of every STIX object of the export by id, in the order of their ids."""
    builder = StixBuilder(export["documents"])
    objects: dict[str, str] = {}
    for incident in export["incidents"]:
        builder.share(incident)
        objects.update(builder.own(incident))
    objects.update(builder.shared)
    objects.update(builder.reports())
    return {stix_id: objects[stix_id] for stix_id in sorted(objects)}


def write_stix(export: dict, out: TextIO) -> None:
    out.write(json.dumps(build_stix(export), indent=2, ensure_ascii=False))
    out.write("\n")
