"""STIX 2.1: the incidents, their actors, victims, vulnerabilities, techniques and claims, as one bundle.

Built from the same plain data as the JSON export, with the `stix2` library. Every id is a
UUIDv5 of what the object is (an actor's name, a CVE, a claim's evidence), so exporting twice,
or from two databases holding the same articles, gives the same ids and an importing platform
(OpenCTI, MISP) updates objects instead of duplicating them. Claims and denials are `note`
objects: who says it (`authors`), what they say (`abstract`), the evidence sentence (`content`)
and the article it comes from.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import TextIO

import stix2

from cybertrack import __version__
from cybertrack.knowledge.base import knowledge_base
from cybertrack.links import web_url

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


def stable_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


def _when(value: str | None) -> datetime:
    """The ISO date (or year, or month) ``value`` starts with; anything else, such as a publication date a JSON Lines
    source wrote as "March 5, 2024", counts as undated: the collection is refreshed at each ingest, and one article's
    date must not stop it."""
    found = ISO_DATE.match(value or "")
    try:
        return datetime(int(found[1]), int(found[2] or 1), int(found[3] or 1), tzinfo=UTC) if found else UNDATED
    except ValueError:  # "2024-02-30"
        return UNDATED


class _Bundle:
    """Collects objects once each, by id, as their JSON: a `stix2` object takes several times the memory of its text,
    and the TAXII collection is rebuilt from all of them at every ingest."""

    def __init__(self) -> None:
        self.objects: dict[str, str] = {}
        self.author = stix2.Identity(id=stable_id("identity", "cybertrack"), name="cybertrack",
                                     identity_class="system", created=UNDATED, modified=UNDATED,
                                     description=f"cybertrack {__version__}: incidents extracted from news articles")
        self.add(self.author)

    def add(self, obj: object) -> str:
        stix_id: str = obj.id  # type: ignore[attr-defined]
        if stix_id not in self.objects:
            self.objects[stix_id] = obj.serialize()  # type: ignore[attr-defined]
        return stix_id

    def relate(self, source: str, kind: str, target: str, when: datetime) -> None:
        self.add(stix2.Relationship(id=stable_id("relationship", f"{source}|{kind}|{target}"), source_ref=source,
                                    relationship_type=kind, target_ref=target, created=when, modified=when,
                                    created_by_ref=self.author.id, allow_custom=True))


def build_stix(export: dict) -> dict:
    """A bundle of the whole export (see `build_export`), as plain data."""
    objects = stix_objects(export)
    return {"type": "bundle", "id": stable_id("bundle", "|".join(objects)),
            "objects": [json.loads(text) for text in objects.values()]}


def stix_objects(export: dict) -> dict[str, str]:
    """The JSON of every STIX object of the export by id, in the order of their ids."""
    documents = {d["id"]: d for d in export["documents"]}
    bundle = _Bundle()
    reports: dict[str, list[str]] = {}
    for incident in export["incidents"]:
        incident_id = _incident(bundle, incident, documents)
        for document in incident["documents"]:
            reports.setdefault(document, []).append(incident_id)
    for document_id, refs in sorted(reports.items()):
        document = documents.get(document_id, {"id": document_id})
        published = _when(document.get("published"))
        bundle.add(stix2.Report(
            id=stable_id("report", document_id), name=document.get("title") or document_id, published=published,
            created=published, modified=published, object_refs=sorted(set(refs)), report_types=["threat-report"],
            created_by_ref=bundle.author.id, external_references=[_source(document)], lang=document.get("language"),
            allow_custom=True))
    return {stix_id: bundle.objects[stix_id] for stix_id in sorted(bundle.objects)}


def _source(document: dict) -> dict:
    """The article as an external reference; its URL only if it is http(s) (a platform would make it a link)."""
    reference = {"source_name": "article", "external_id": document["id"]}
    if url := web_url(document.get("url")):
        reference["url"] = url
    return reference


def _incident(bundle: _Bundle, incident: dict, documents: dict[str, dict]) -> str:
    dates = [documents[d].get("published") for d in incident["documents"] if d in documents]
    when = min((_when(d) for d in dates if d), default=UNDATED)
    incident_id = bundle.add(stix2.Incident(
        id=stable_id("incident", incident["id"]), name=incident["title"], description=incident["summary"],
        created=when, modified=when, created_by_ref=bundle.author.id,
        external_references=[_source(documents.get(d, {"id": d})) for d in incident["documents"]],
        x_cybertrack_types=incident["types"], x_cybertrack_first_seen=incident["first_seen"],
        x_cybertrack_discovered=incident["discovered"], x_cybertrack_states=incident["states"],
        allow_custom=True))
    for victim in incident["victims"]:
        _victim(bundle, incident_id, victim, when)
    for actor in incident["actors"]:
        actor_id = bundle.add(stix2.IntrusionSet(
            id=stable_id("intrusion-set", actor["name"]), name=actor["name"], aliases=actor["aliases"] or None,
            created=UNDATED, modified=UNDATED, created_by_ref=bundle.author.id))
        bundle.relate(incident_id, "attributed-to", actor_id, when)
    for cve in incident["vulnerabilities"]:
        vulnerability = bundle.add(stix2.Vulnerability(
            id=stable_id("vulnerability", cve), name=cve, created=UNDATED, modified=UNDATED,
            external_references=[{"source_name": "cve", "external_id": cve}]))
        bundle.relate(incident_id, "exploits", vulnerability, when)
    for technique in incident["techniques"]:
        bundle.relate(incident_id, "uses", _attack_pattern(bundle, technique), when)
    for name in incident["malware"]:
        malware = bundle.add(stix2.Malware(id=stable_id("malware", name), name=name, is_family=True,
                                           created=UNDATED, modified=UNDATED))
        bundle.relate(incident_id, "uses", malware, when)
    for claim in incident["claims"] + incident.get("assertions", []):
        _claim(bundle, incident_id, claim, documents)
    return incident_id


def _victim(bundle: _Bundle, incident_id: str, victim: dict, when: datetime) -> None:
    sector = SECTORS.get(victim.get("sector") or "")
    identity = bundle.add(stix2.Identity(
        id=stable_id("identity", victim["key"]), name=victim["name"], identity_class="organization",
        sectors=[sector] if sector else None, created=UNDATED, modified=UNDATED, created_by_ref=bundle.author.id))
    bundle.relate(incident_id, "targets", identity, when)
    if victim.get("country"):
        location = bundle.add(stix2.Location(id=stable_id("location", victim["country"]), country=victim["country"],
                                             name=victim["country"], created=UNDATED, modified=UNDATED))
        bundle.relate(identity, "located-at", location, when)


def _attack_pattern(bundle: _Bundle, technique_id: str) -> str:
    known = knowledge_base().techniques.get(technique_id)
    return bundle.add(stix2.AttackPattern(
        id=stable_id("attack-pattern", technique_id), name=known.name if known else technique_id,
        created=UNDATED, modified=UNDATED,
        external_references=[{"source_name": "mitre-attack", "external_id": technique_id,
                              "url": f"https://attack.mitre.org/techniques/{technique_id.replace('.', '/')}/"}]))


def _claim(bundle: _Bundle, incident_id: str, claim: dict, documents: dict[str, dict]) -> None:
    targets = [stable_id("intrusion-set", t) for t in claim["attributed_to"] if len(t) > 2]
    verb = "attributes the incident to" if claim["stance"] == "attributes" else "denies responsibility of"
    abstract = f"{claim['claimant']} {verb} {', '.join(claim['attributed_to'])}"
    when = _when(claim["date"])
    evidence = f"{claim['document']}#{claim['offsets'][0]}-{claim['offsets'][1]}"
    bundle.add(stix2.Note(
        id=stable_id("note", f"{incident_id}|{evidence}|{claim['claimant']}|{claim['stance']}"),
        abstract=abstract + (" (hedged)" if claim["hedged"] else ""), content=claim["evidence"],
        authors=[claim["claimant"]], object_refs=[incident_id, *(t for t in targets if t in bundle.objects)],
        created=when, modified=when, created_by_ref=bundle.author.id,
        external_references=[{**_source(documents.get(claim["document"], {"id": claim["document"]})),
                              "description": f"characters {claim['offsets'][0]}-{claim['offsets'][1]}"}],
        x_cybertrack_stance=claim["stance"], x_cybertrack_attributed_to=claim["attributed_to"],
        x_cybertrack_hedged=claim["hedged"], allow_custom=True))


def write_stix(export: dict, out: TextIO) -> None:
    out.write(json.dumps(build_stix(export), indent=2, ensure_ascii=False))
    out.write("\n")
