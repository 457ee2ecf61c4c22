"""Train the "does this article report an attack?" classifier (see cybertrack/extract/reporting.py).

Usage:  python scripts/train_report_classifier.py ARTICLES.jsonl GOLD.jsonl

ARTICLES.jsonl has one article per line (id, title, text); GOLD.jsonl has, per id, the
article's annotated ``attack_types`` (an empty list: no attack reported). The CASIE
development set in ../shared/corpus/casie-dev and ../shared/eval is such a pair. Prints
5-fold cross-validated precision and recall, then writes the weights fitted on all
articles to src/cybertrack/extract/data/report_classifier.json.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from cybertrack.clean import clean
from cybertrack.embeddings import embed
from cybertrack.extract.reporting import lead

L2 = 0.1
STEPS = 500
RATE = 5.0
THRESHOLD = 0.4
FOLDS = 5
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "report_classifier.json"


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by gradient descent: small data, no library needed."""
    weights, bias = np.zeros(x.shape[1]), 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        weights -= RATE * (x.T @ (p - y) + L2 * weights) / len(y)
        bias -= RATE / 10 * float(np.mean(p - y))
    return weights, bias


def cross_validate(x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    order = np.random.default_rng(0).permutation(len(y))
    predicted = np.zeros(len(y), dtype=bool)
    for fold in np.array_split(order, FOLDS):
        train = np.setdiff1d(order, fold)
        weights, bias = fit(x[train], y[train])
        predicted[fold] = 1.0 / (1.0 + np.exp(-(x[fold] @ weights + bias))) >= THRESHOLD
    tp = int((predicted & (y == 1)).sum())
    precision, recall = tp / max(1, predicted.sum()), tp / max(1, (y == 1).sum())
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(float(precision), 3), "recall": round(float(recall), 3), "f1": round(float(f1), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    args = parser.parse_args()
    gold = {json.loads(line)["id"]: json.loads(line) for line in args.gold.read_text("utf-8").splitlines()}
    leads, labels = [], []
    for line in args.articles.read_text("utf-8").splitlines():
        article = json.loads(line)
        if article["id"] in gold:
            leads.append(lead(article.get("title"), clean(article["text"], article.get("title")).text))
            labels.append(1.0 if gold[article["id"]]["attack_types"] else 0.0)
    x, y = embed(leads).astype(np.float64), np.asarray(labels)
    figures = cross_validate(x, y)
    print(f"{len(y)} articles, {int(y.sum())} report an attack; {FOLDS}-fold cross-validation: {figures}")
    weights, bias = fit(x, y)
    OUT.write_text(json.dumps({
        "about": "Logistic regression over the USE-multilingual embedding of an article's lead; "
                 "trained by scripts/train_report_classifier.py",
        "trained_on": args.articles.name, "articles": len(y), "cross_validation": figures,
        "threshold": THRESHOLD, "bias": bias, "weights": [round(float(w), 6) for w in weights],
    }) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
