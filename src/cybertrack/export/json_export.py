"""The JSON export that analysts' scripts and the evaluation scorers read (see shared/eval/README.md)."""

from __future__ import annotations

import json
from typing import TextIO

from cybertrack.store import DocumentStore


def build_export(store: DocumentStore) -> dict:
    """The whole export as plain data, read before anything is written (a failed read leaves no half file)."""
    documents = [
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
    return {"documents": documents, "incidents": []}


def write_json(export: dict, out: TextIO) -> None:
    json.dump(export, out, ensure_ascii=False, indent=2)
    out.write("\n")
