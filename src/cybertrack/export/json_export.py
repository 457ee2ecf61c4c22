"""The JSON export that analysts' scripts and the evaluation scorers read (see shared/eval/README.md)."""

from __future__ import annotations

import json
from typing import TextIO

from cybertrack.store import DocumentStore


def export_json(store: DocumentStore, out: TextIO) -> dict[str, int]:
    docs = [
        {
            "id": row["source_id"],
            "url": row["url"],
            "title": row["title"],
            "language": row["language"],
            "published": row["published"],
            "author": row["author"],
            "text": row["clean_text"],
            "vulnerabilities": [],
            "duplicate_of": row["duplicate_of"],
        }
        for row in store.all_documents()
    ]
    json.dump({"documents": docs, "incidents": []}, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return {"documents": len(docs), "incidents": 0}
