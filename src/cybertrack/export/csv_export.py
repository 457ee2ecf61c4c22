"""CSV: one row per incident, lists joined with "; ", for spreadsheets and quick counts."""

from __future__ import annotations

import csv
from typing import TextIO

COLUMNS = ("id", "title", "first_seen", "discovered", "disclosed", "types", "victims", "victim_countries", "actors",
           "states", "vulnerabilities", "techniques", "malware", "claims", "documents")


def _row(incident: dict) -> dict[str, str]:
    def joined(values) -> str:
        return "; ".join(str(v) for v in values if v)

    return {
        "id": incident["id"], "title": incident["title"], "first_seen": incident["first_seen"] or "",
        "discovered": incident["discovered"] or "", "disclosed": incident["disclosed"] or "",
        "types": joined(incident["types"]), "victims": joined(v["name"] for v in incident["victims"]),
        "victim_countries": joined(dict.fromkeys(v.get("country") for v in incident["victims"])),
        "actors": joined(a["name"] for a in incident["actors"]), "states": joined(incident["states"]),
        "vulnerabilities": joined(incident["vulnerabilities"]), "techniques": joined(incident["techniques"]),
        "malware": joined(incident["malware"]),
        "claims": joined(f"{c['claimant']} {c['stance']} {', '.join(c['attributed_to'])}" for c in incident["claims"]),
        "documents": joined(incident["documents"]),
    }


def write_csv(export: dict, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for incident in export["incidents"]:
        writer.writerow(_row(incident))
