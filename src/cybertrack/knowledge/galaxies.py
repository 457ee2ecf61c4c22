"""Read MISP galaxy clusters straight from the files the `pymispgalaxies` package ships.

The package's own `Clusters()` parses every galaxy (over a hundred files, about a second);
the knowledge base needs eight of them, so it reads just those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Cluster:
    """One galaxy entry: its name, synonyms, metadata and links to other entries."""

    galaxy: str
    uuid: str
    value: str
    synonyms: tuple[str, ...]
    meta: dict
    related: tuple[dict, ...]
    description: str


def load_galaxy(name: str) -> list[Cluster]:
    path = resources.files("pymispgalaxies") / "data" / "misp-galaxy" / "clusters" / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    clusters = []
    for value in data.get("values", []):
        meta = value.get("meta") or {}
        clusters.append(
            Cluster(
                galaxy=name,
                uuid=value.get("uuid", ""),
                value=value["value"],
                synonyms=tuple(str(s) for s in meta.get("synonyms") or ()),
                meta=meta,
                related=tuple(value.get("related") or ()),
                description=value.get("description") or "",
            )
        )
    return clusters


def galaxy_version(name: str) -> int:
    path = resources.files("pymispgalaxies") / "data" / "misp-galaxy" / "clusters" / f"{name}.json"
    return int(json.loads(path.read_text(encoding="utf-8")).get("version", 0))
