"""MISP: one event per incident, made with `pymisp`, in the shape MISP's REST search returns.

Actors become galaxy tags (`misp-galaxy:threat-actor="APT31"`, the cluster the knowledge base
took them from), CVEs `vulnerability` attributes, the articles `link` attributes, and each claim a
`text` attribute whose comment says who claims it. Event uuids are UUIDv5 of the incident id, so a
re-export updates the same events.
"""

from __future__ import annotations

import json
import uuid
from typing import TextIO

from pymisp import MISPEvent

from cybertrack.export.json_export import target_names
from cybertrack.export.stix_export import NAMESPACE
from cybertrack.links import web_url

THREAT_LEVEL_UNDEFINED = 4
ANALYSIS_COMPLETED = 2


def build_misp(export: dict) -> dict:
    documents = {d["id"]: d for d in export["documents"]}
    return {"response": [json.loads(_event(i, documents).to_json()) for i in export["incidents"]]}


def _event(incident: dict, documents: dict[str, dict]) -> MISPEvent:
    event = MISPEvent()
    event.uuid = str(uuid.uuid5(NAMESPACE, f"misp-event:{incident['id']}"))
    event.info = incident["title"]
    event.threat_level_id = THREAT_LEVEL_UNDEFINED
    event.analysis = ANALYSIS_COMPLETED
    published = [documents[d]["published"] for d in incident["documents"] if documents.get(d, {}).get("published")]
    when = incident["first_seen"] or min(published, default=None)
    if when:
        event.set_date(f"{when}-01-01"[:10] if len(when) == 4 else f"{when}-01"[:10])
    for actor in incident["actors"]:
        event.add_tag(f'misp-galaxy:threat-actor="{actor["name"]}"')
    for state in incident["states"]:
        event.add_tag(f'cybertrack:attributed-state="{state}"')
    for kind in incident["types"]:
        event.add_tag(f'cybertrack:type="{kind}"')
    for cve in incident["vulnerabilities"]:
        event.add_attribute("vulnerability", cve, category="External analysis")
    for document_id in incident["documents"]:
        document = documents.get(document_id, {})
        if url := web_url(document.get("url")):  # MISP shows a link attribute as a link: http(s) only
            event.add_attribute("link", url, category="External analysis", comment=document.get("title") or document_id)
    for victim in incident["victims"]:
        event.add_attribute("target-org", victim["name"], category="Targeting data",
                            comment=f"country: {victim.get('country') or 'unknown'}")
    for claim in incident["claims"]:
        hedge = ", hedged" if claim["hedged"] else ""
        event.add_attribute("text", claim["evidence"], category="Attribution", to_ids=False,
                            comment=f"{claim['claimant']} {claim['stance']} {', '.join(target_names(claim))}{hedge}"
                                    f" ({claim['document']})")
    for attribute in event.attributes:
        attribute.uuid = str(uuid.uuid5(NAMESPACE, f"misp-attribute:{incident['id']}|{attribute.type}|"
                                                   f"{attribute.value}|{getattr(attribute, 'comment', '')}"))
    return event


def write_misp(export: dict, out: TextIO) -> None:
    json.dump(build_misp(export), out, indent=2, ensure_ascii=False)
    out.write("\n")
