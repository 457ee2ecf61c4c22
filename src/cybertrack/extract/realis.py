"""Does a sentence tell of an attack that happened, or of attacks in general?

"This kind of ransomware, first seen in 2019, locks files and asks for payment" uses the words of an attack report
and carries a date, yet the date is the malware's, not the incident's. CASIE marks every
attack event with its realis: Actual (it happened), Generic (attacks of a kind) or Other (a possible, planned or
denied one). A logistic regression over the multilingual sentence embedding tells the actual ones from the rest; it
is fitted by `scripts/train_realis.py` on casie-train's sentences that hold an attack trigger, never on a set the
project is measured on, and `data/realis.json` records what it was fitted on, the cross-validated figures and the
cut. The embedding is multilingual, so the English training carries over to the other languages.

Dating asks it (`extract.incident_dates`): a sentence judged generic dates no attack. So does the making of frames
(`extract.frames`): a frame all of whose attack sentences are generic is no incident. The cut keeps the
cross-validated share of actual sentences the training script names, so that an attack's own date is rarely lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

import numpy as np

from cybertrack.embeddings import Embedder
from cybertrack.extract.facts import SentenceFacts
from cybertrack.extract.reporting import logistic
from cybertrack.tables import table


@dataclass(frozen=True)
class RealisModel:
    """Weights over a sentence's embedding, and the probability below which the sentence tells of no actual attack."""

    weights: np.ndarray
    bias: float
    threshold: float

    def actual(self, vectors: np.ndarray) -> np.ndarray:
        """The probability that each embedded sentence tells of an attack that happened."""
        return logistic(vectors, self.weights, self.bias)


@table
def realis_model() -> RealisModel:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "realis.json").read_text("utf-8"))
    return RealisModel(np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"]))


def generic_sentences(sentences: list[SentenceFacts], encoder: Embedder) -> set[int]:
    """The indexes of ``sentences`` that tell of attacks in general, not of one that happened (one embedding batch)."""
    if not sentences:
        return set()
    model = realis_model()
    actual = model.actual(encoder.embed([s.text for s in sentences]))
    return {s.index for s, p in zip(sentences, actual, strict=True) if p < model.threshold}
