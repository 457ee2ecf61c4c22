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
LEAD_CHARS = 3000  # far more than the words the embedding reads; spares splitting a whole long article


def lead(title: str | None, text: str) -> str:
    """The headline and the opening sentences: where news says what happened."""
    opening = " ".join(text[s:e] for s, e in sentence_spans(text, 0, min(len(text), LEAD_CHARS))[:LEAD_SENTENCES])
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


def fit(x: np.ndarray, y: np.ndarray, l2: float = 0.1, steps: int = 500, rate: float = 5.0) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by gradient descent (a few hundred articles: no library needed)."""
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        weights -= rate * (x.T @ (p - y) + l2 * weights) / len(y)
        bias -= rate / 10 * float(np.mean(p - y))
    return weights, bias


def cross_validated(x: np.ndarray, y: np.ndarray, threshold: float, folds: int = 5) -> np.ndarray:
    """Each article's prediction from a model that never saw it: honest figures on the training set."""
    order = np.random.default_rng(0).permutation(len(y))
    predicted = np.zeros(len(y), dtype=bool)
    for fold in np.array_split(order, folds):
        train = np.setdiff1d(order, fold)
        weights, bias = fit(x[train], y[train])
        predicted[fold] = 1.0 / (1.0 + np.exp(-(x[fold] @ weights + bias))) >= threshold
    return predicted
