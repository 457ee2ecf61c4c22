"""Does a name name a technology or a party? A learned veto on victims.

A victim cue takes a product as readily as a company ("attacks on MongoDB", "attacks on Equifax"), and the role
model reads the words around a name, not the name. CASIE annotates every argument of its events with the kind of
thing it names: software, a device, a system, malware, or an organisation, a person, a place. A logistic
regression over the multilingual embedding of the name alone learns the difference from those names and from
multilingual-train's victims (`scripts/train_name_kinds.py`); `data/name_kinds.json` holds the weights, the sha256
of what they were fitted on, and a threshold chosen so that its technology verdicts are right at least 95 % of the
time out of fold: a verdict drops a victim, so it must rarely be wrong. The knowledge base's list of technologies
(`victims.is_technology`) knows the famous platforms by name; this knows others by how they are named
("Elasticsearch", "Oracle WebLogic", "Exchange servers"), and takes "Stadtwerke Korvan" for a party.
"""

from __future__ import annotations

import json
from importlib import resources

import numpy as np

from cybertrack.embeddings import Embedder
from cybertrack.extract.reporting import ThresholdedModel
from cybertrack.tables import table


@table
def _model() -> ThresholdedModel:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "name_kinds.json").read_text("utf-8"))
    return ThresholdedModel.from_data(data)


def technologies(names: list[str], encoder: Embedder) -> set[str]:
    """The names the model takes for a technology's (all of one article's at once: one embedding batch)."""
    unique = list(dict.fromkeys(names))
    if not unique:
        return set()
    model = _model()
    probability = model.probabilities(encoder.embed(unique).astype(np.float64))
    return {name for name, p in zip(unique, probability, strict=True) if p >= model.threshold}
