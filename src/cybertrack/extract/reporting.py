"""Does this article report an attack that happened, or is it about risks, patches and advice?

News about vulnerabilities, surveys and how-to pieces use the same words as attack
reports ("attackers could exploit", "ransomware demands rose"), so the words alone
over-report. A logistic regression over the multilingual sentence embedding of the
article's lead (headline and opening sentences) makes the call. It is trained by
`scripts/train_report_classifier.py` on the CASIE development articles, labelled by
whether their annotations contain an attack event; the weights and the training
figures (cross-validated) are in `data/report_classifier.json`. The embedding is
multilingual, so the English training carries over to the other languages.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

import numpy as np

from cybertrack.annotate.sentences import sentence_spans
from cybertrack.embeddings import embed

LEAD_SENTENCES = 3


def lead(title: str | None, text: str) -> str:
    """The headline and the opening sentences: where news says what happened."""
    opening = " ".join(text[s:e] for s, e in sentence_spans(text)[:LEAD_SENTENCES])
    return f"{title}. {opening}" if title and not text.startswith(title) else opening


@functools.cache
def _model() -> tuple[np.ndarray, float, float]:
    data = json.loads((resources.files("cybertrack.extract") / "data" / "report_classifier.json").read_text("utf-8"))
    return np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), float(data["threshold"])


def attack_probability(title: str | None, text: str) -> float:
    weights, bias, _ = _model()
    vector = embed([lead(title, text)])[0]
    return float(1.0 / (1.0 + np.exp(-(vector @ weights + bias))))


def reports_attack(title: str | None, text: str) -> bool:
    return attack_probability(title, text) >= _model()[2]
