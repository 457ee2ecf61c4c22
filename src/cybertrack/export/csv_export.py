"""CSV: one row per incident, lists joined with "; ", for spreadsheets and quick counts.

Titles, victims and claimants come from articles: a cell such as `=HYPERLINK(...)` would run as a
formula when the file is opened in a spreadsheet, so every cell starting like a formula gets a
leading `'` (OWASP's advice against CSV injection), which spreadsheets show as text.
"""

from __future__ import annotations

import csv
from typing import TextIO

from cybertrack.export.json_export import target_names

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("id", "title", "first_seen", "discovered", "disclosed", "types", "victims", "victim_countries",
           "victim_groups", "actors", "states", "vulnerabilities", "techniques", "malware", "claims", "documents")


def _row(incident: dict) -> dict[str, str]:
    def joined(values) -> str:
        return "; ".join(str(v) for v in values if v)

    return {
        "id": incident["id"], "title": incident["title"], "first_seen": incident["first_seen"] or "",
        "discovered": incident["discovered"] or "", "disclosed": incident["disclosed"] or "",
        "types": joined(incident["types"]), "victims": joined(v["name"] for v in incident["victims"]),
        "victim_countries": joined(dict.fromkeys(v.get("country") for v in incident["victims"])),
        "victim_groups": joined(v["name"] for v in incident["victim_groups"]),
        "actors": joined(a["name"] for a in incident["actors"]), "states": joined(incident["states"]),
        "vulnerabilities": joined(incident["vulnerabilities"]), "techniques": joined(incident["techniques"]),
        "malware": joined(incident["malware"]),
        "claims": joined(f"{c['claimant']} {c['stance']} {', '.join(target_names(c))}" for c in incident["claims"]),
        "documents": joined(incident["documents"]),
    }


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write_csv(export: dict, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for incident in export["incidents"]:
        writer.writerow({column: _inert(cell) for column, cell in _row(incident).items()})
