"""The JSON export that analysts' scripts and the evaluation scorers read (see shared/eval/README.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TextIO

from sqlalchemy import Connection

from cybertrack.knowledge.base import knowledge_base
from cybertrack.model import ARTICLE_CLAIMANT
from cybertrack.store import DocumentStore
from cybertrack.store.documents import documents_by_source, iter_documents, near_duplicates_of
from cybertrack.store.incidents import incidents_by_id, iter_incidents


def build_export(store: DocumentStore) -> dict:
    """The whole export as plain data, read before anything is written (a failed read leaves no half file)."""
    return store.read(read_export)


def read_export(connection: Connection) -> dict:
    """The export as ``connection`` sees the database: inside a transaction, with what it has written so far."""
    export = stream_export(connection, texts=True)
    return {"documents": export["documents"], "incidents": list(export["incidents"])}


def stream_export(connection: Connection, texts: bool) -> dict:
    """The export for one pass over its incidents, read from ``connection`` as they are iterated; without ``texts``
    the documents' text is None. The TAXII collection, built again at every ingest, reads it so: one incident at a
    time, and no article text."""
    documents = list(iter_exported_documents(connection, texts))
    copies: dict[str, list[str]] = {}
    for document in documents:
        if document["duplicate_of"]:
            copies.setdefault(document["duplicate_of"], []).append(document["id"])
    incidents = (_incident(incident, copies) for incident in iter_incidents(connection))
    return {"documents": documents, "incidents": incidents}


def iter_exported_documents(connection: Connection, texts: bool) -> Iterator[dict]:
    """Every document as the export writes it, oldest first; without ``texts`` its text is None."""
    return (_document(row, texts) for row in iter_documents(connection, texts))


def _document(row: dict, texts: bool) -> dict:
    return {
        "id": row["source_id"],
        "url": row["url"],
        "title": row["title"],
        "language": row["language"],
        "published": row["published"],
        "author": row["author"],
        "text": row["clean_text"] if texts else None,
        "vulnerabilities": json.loads(row["vulnerabilities"] or "[]"),
        "duplicate_of": row["duplicate_of"],
    }


def exported_incidents(connection: Connection, ids: list[str]) -> list[dict]:
    """Those incidents as the export writes them, in the order of ``ids`` (an unknown id is left out): what one page
    of the web or the API shows, read without the rest of the export."""
    stored = incidents_by_id(connection, ids)
    copies = near_duplicates_of(connection, [d for incident in stored.values() for d in incident["documents"]])
    return [_incident(stored[i], copies) for i in ids if i in stored]


def exported_documents(connection: Connection, source_ids: list[str], texts: bool) -> dict[str, dict]:
    """Those documents as the export writes them, by id; an unknown id is left out."""
    return {source_id: _document(row, texts)
            for source_id, row in documents_by_source(connection, source_ids, texts).items()}


def _incident(incident: dict, copies: dict[str, list[str]]) -> dict:
    """The README's incident shape: actors with their aliases and the knowledge base's country, kept apart from the
    states the claims name; victims, the kinds of victims named by a sector noun alone (``victim_groups``) and actors
    each with the reports that name them; claims with their evidence sentence; documents including near-duplicate
    copies.
    What the article itself asserts, with nobody named as saying it, is listed as ``assertions``, not as claims."""
    actors = [{**described_actor(name), "reports": incident.get("actor_reports", {}).get(name, [])}
              for name in incident["actors"]]
    reports = incident.get("victim_reports", {})
    victims = [{**victim, "reports": reports.get(victim["key"], [])} for victim in incident["victims"]]
    groups = [{**group, "reports": reports.get(group["key"], [])} for group in incident.get("victim_groups", [])]
    claims = [_claim(c) for c in incident["claims"] if c["claimant"] != ARTICLE_CLAIMANT]
    assertions = [_claim(c) for c in incident["claims"] if c["claimant"] == ARTICLE_CLAIMANT]
    documents = [d for doc in incident["documents"] for d in (doc, *copies.get(doc, []))]
    return {
        "id": incident["id"], "title": incident["title"], "summary": incident["summary"],
        "types": incident["types"], "documents": documents,
        "first_seen": incident["first_seen"], "discovered": incident["discovered"], "disclosed": incident["disclosed"],
        "first_seen_estimated": incident.get("first_seen_estimated", False),
        "victims": victims, "victim_groups": groups, "actors": actors, "states": incident["states"],
        "vulnerabilities": incident["vulnerabilities"], "products": incident["products"],
        "malware": incident["malware"], "techniques": incident["techniques"], "claims": claims,
        "assertions": assertions, "links": incident.get("links", []),
        "conflicts": [{"kind": conflict["kind"], "claims": [_claim(c) for c in conflict["claims"]]}
                      for conflict in incident["conflicts"]],
    }


def described_actor(name: str) -> dict:
    """An actor as the export names it: its aliases and country from the knowledge base (none if it is not there)."""
    actor = knowledge_base().actor(name)
    return {"name": name, "aliases": sorted(actor.aliases - {name}) if actor else [],
            "country": actor.country if actor else None, "country_source": "knowledge base"}


def claim_target(name: str) -> dict:
    """Whom a claim names, as the export writes it: a state by its ISO code, or an actor with its aliases from the
    knowledge base, so that a reader who knows the group as "Black Basta" finds it in a claim naming "BlackBasta"."""
    if len(name) == 2:
        return {"name": name, "kind": "state"}
    return {"name": name, "kind": "actor", "aliases": described_actor(name)["aliases"]}


def target_names(claim: dict) -> list[str]:
    """The names of whom an exported claim names (``claim_target``), in its order."""
    return [target["name"] for target in claim["attributed_to"]]


def _claim(claim: dict) -> dict:
    evidence = claim["evidence"]
    return {"claimant": claim["claimant"], "claimant_kind": claim.get("claimant_kind"),
            "claimant_role": claim.get("role", ""), "claimant_organisation": claim.get("organisation", ""),
            "stance": claim["stance"],
            "attributed_to": [claim_target(name) for name in claim["attributed_to"]], "certainty": claim["certainty"],
            "hedged": claim["hedged"],
            "certainty_cue": claim.get("certainty_cue", ""), "cue": claim.get("cue", ""), "date": claim["date"],
            "document": evidence["document"], "evidence": evidence["sentence"],
            "offsets": [evidence["start"], evidence["end"]], "reported_in": claim.get("reported_in", [])}


def write_json(export: dict, out: TextIO) -> None:
    json.dump(export, out, ensure_ascii=False, indent=2)
    out.write("\n")
