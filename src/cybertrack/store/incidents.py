"""Frames and incidents in the database, as JSON of the model's dataclasses.

Frames are written with their document, in the same transaction; incidents are rebuilt from all frames by the
resolver at the end of each ingest (see `cybertrack.resolution`), so the stored incidents reflect every stored
article; their read side (`read_model`) and the TAXII collection (`collection`) are written from them in the same
transaction.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

import numpy as np
from sqlalchemy import Connection, bindparam, delete, insert, select

from cybertrack.model import Certainty, Claim, ClaimantKind, Evidence, Frame, Incident, Stance, Victim
from cybertrack.store.batches import in_batches
from cybertrack.store.read_model import listing, replace_read_side, update_read_side
from cybertrack.store.schema import claims, documents, frames, incident_documents, incidents


def frame_to_json(frame: Frame) -> str:
    return json.dumps(dataclasses.asdict(frame), ensure_ascii=False)


def frame_from_json(text: str) -> Frame:
    data = json.loads(text)
    data["victims"] = [Victim(**v) for v in data["victims"]]
    data["evidence"] = [Evidence(**e) for e in data["evidence"]]
    data["claims"] = [claim_from_json(c) for c in data["claims"]]
    return Frame(**data)


def claim_from_json(data: dict) -> Claim:
    """A stored claim; one stored before claims had a certainty was "hedged" or not, read as possible or confirmed."""
    fields = dict(data)
    hedged = fields.pop("hedged", False)
    fields["certainty"] = Certainty(fields.get("certainty") or (Certainty.POSSIBLE if hedged else Certainty.CONFIRMED))
    fields["stance"] = Stance(fields["stance"])
    fields["claimant_kind"] = ClaimantKind(fields.get("claimant_kind") or ClaimantKind.INSTITUTION)
    fields["attributed_to"] = tuple(fields["attributed_to"])
    fields["about"] = tuple(fields.get("about", ()))
    fields["reported_in"] = tuple(fields.get("reported_in", ()))
    fields["evidence"] = Evidence(**fields["evidence"])
    return Claim(**fields)


_FORGET_FRAMES = delete(frames).where(frames.c.document_id == bindparam("document_id"))
_INSERT_FRAMES = insert(frames)


def replace_frames(connection: Connection, document_id: int, found: tuple[Frame, ...],
                   vectors: tuple[np.ndarray, ...] = ()) -> None:
    connection.execute(_FORGET_FRAMES, {"document_id": document_id})
    if found:
        stored = list(vectors) if len(vectors) == len(found) else [None] * len(found)
        connection.execute(_INSERT_FRAMES, [
            {"document_id": document_id, "position": i, "payload": frame_to_json(f),
             "vector": np.asarray(v, dtype=np.float32).tobytes() if v is not None else None}
            for i, (f, v) in enumerate(zip(found, stored, strict=True))])


def replace_incidents(connection: Connection, resolved: list[Incident]) -> None:
    """Replace every stored incident, its document links, its claims and its read side (`store.read_model`) with
    ``resolved``."""
    connection.execute(delete(claims))
    connection.execute(delete(incident_documents))
    connection.execute(delete(incidents))
    replace_read_side(connection, _insert_incidents(connection, resolved))


def update_incidents(connection: Connection, changed: list[Incident], gone: list[str]) -> None:
    """Store ``changed`` in place of the stored incidents of the same ids (or beside them, when new) and remove the
    incidents ``gone``, with their document links, claims and read side: what one resolution changed, leaving every
    other incident as it is."""
    removed = [incident.id for incident in changed] + gone
    before = incidents_by_id(connection, removed)
    for batch in in_batches(removed):
        for table, column in ((claims, claims.c.incident_id), (incident_documents, incident_documents.c.incident_id),
                              (incidents, incidents.c.id)):
            connection.execute(delete(table).where(column.in_(batch)))
    update_read_side(connection, list(before.values()), _insert_incidents(connection, changed))


def _insert_incidents(connection: Connection, resolved: list[Incident]) -> list[dict]:
    """Insert the incidents, their document links and their claims; returns their plain data."""
    named = sorted({d for incident in resolved for d in incident.documents}
                   | {claim.evidence.document for incident in resolved for claim in incident.claims})
    ids: dict[str, int] = {}
    for batch in in_batches(named):
        ids.update(connection.execute(select(documents.c.source_id, documents.c.id)
                                      .where(documents.c.source_id.in_(batch))).all())
    data = [incident_data(incident) for incident in resolved]
    # Each table in one statement for all incidents: building a statement per incident cost more than writing it.
    rows = [incident_row(item) for item in data]
    links = [{"incident_id": incident.id, "document_id": ids[d]}
             for incident in resolved for d in incident.documents if d in ids]
    claim_rows = [_claim_row(incident.id, claim, ids)
                  for incident in resolved for claim in incident.claims if claim.evidence.document in ids]
    for table, values in ((incidents, rows), (incident_documents, links), (claims, claim_rows)):
        if values:
            connection.execute(insert(table), values)
    return data


def incident_row(data: dict) -> dict:
    """The ``incidents`` row of an incident's plain data (`incident_data`)."""
    return {"id": data["id"], "title": data["title"], "first_seen": data["first_seen"],
            "payload": json.dumps(data, ensure_ascii=False), **listed_columns(data)}


def listed_columns(data: dict) -> dict:
    """What lists sort an incident by and show of it (`read_model.listing`), in its row beside the payload."""
    return {"reports": len(data["documents"]), "sort_title": data["title"].casefold(),
            "listing": json.dumps(listing(data), ensure_ascii=False)}


def _claim_row(incident_id: str, claim: Claim, ids: dict[str, int]) -> dict:
    return {"incident_id": incident_id, "claimant": claim.claimant, "stance": claim.stance,
            "attributed_to": json.dumps(list(claim.attributed_to)), "hedged": claim.hedged,
            "certainty": claim.certainty, "date": claim.date,
            "document_id": ids[claim.evidence.document], "sentence_start": claim.evidence.start,
            "sentence_end": claim.evidence.end, "sentence": claim.evidence.sentence}


def incident_data(incident: Incident) -> dict:
    """The incident as stored: plain data, without its frames."""
    data = dataclasses.asdict(dataclasses.replace(incident, frames=[]))  # not a deep copy of frames only to drop them
    del data["frames"]
    return data


_PAYLOADS = select(incidents.c.id, incidents.c.payload).where(incidents.c.id.in_(bindparam("ids", expanding=True)))


def all_incidents(connection: Connection) -> list[dict]:
    """Every incident as plain data, in a stable order (earliest first, undated last)."""
    return list(iter_incidents(connection))


def iter_incidents(connection: Connection, batch: int = 500) -> Iterator[dict]:
    """`all_incidents` one at a time, holding only the ids and dates of the others (the export and the TAXII
    collection, refreshed at every ingest, read them all)."""
    order = sorted(connection.execute(select(incidents.c.id, incidents.c.first_seen)).all(),
                   key=lambda row: (row.first_seen is None, row.first_seen or "", row.id))
    for start in range(0, len(order), batch):
        ids = [row.id for row in order[start:start + batch]]
        found = dict(connection.execute(_PAYLOADS, {"ids": ids}).all())
        for incident_id in ids:
            yield incident_from_json(found[incident_id])


def incidents_by_id(connection: Connection, ids: list[str]) -> dict[str, dict]:
    """The stored incidents of those ids, as `incident_from_json` reads them; an unknown id is left out."""
    return {incident_id: incident_from_json(payload)
            for incident_id, payload in connection.execute(_PAYLOADS, {"ids": ids}).all()}


def incident_from_json(text: str) -> dict:
    """A stored incident as plain data, each claim with its certainty and whether that is hedged (older rows held
    only the latter)."""
    data = json.loads(text)
    data.setdefault("conflicts", [])
    for claim in data["claims"] + [c for conflict in data["conflicts"] for c in conflict["claims"]]:
        claim.setdefault("certainty", Certainty.POSSIBLE if claim.get("hedged") else Certainty.CONFIRMED)
        claim["hedged"] = claim["certainty"] != Certainty.CONFIRMED
    return data
