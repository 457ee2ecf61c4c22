"""Train the realis model: does a sentence tell of an attack that happened? (see cybertrack/extract/realis.py).

Usage:
    python scripts/train_realis.py [--out FILE]

Training reads casie-train only (../shared/corpus/casie-train: articles.jsonl and annotations.jsonl), never a
measuring set. Each article is split into sentences as the pipeline splits it (`extract.frames.document_facts`);
a sentence holding the trigger of an Attack event is labelled by the event's realis: Actual, or not (Generic, Other).
Sentences without an attack trigger are left out: dating asks the model only about sentences that report an attack.

A 5-fold cross-validation, where an article's sentences stay in one fold, chooses the L2 strength (the strongest whose
mean log-loss lies within one standard error of the best) and the cut: the highest whose cross-validated probabilities
keep ``KEEP_ACTUAL`` of the actual sentences, since a cut that drops an attack's own sentence loses its date, while
one that keeps a generic sentence only keeps the date dating had before. The weights are then fitted on every
sentence and written to src/cybertrack/extract/data/realis.json with what they were fitted on (file names, sha256,
counts) and the cross-validated figures. The same data gives the same file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
from train_report_classifier import auc, log_loss
from train_role_model import SHARED, file_record, write_model

from cybertrack.extract.frames import document_facts
from cybertrack.extract.reporting import fit, one_standard_error, out_of_fold
from cybertrack.resources import Resources

ARTICLES = SHARED / "corpus" / "casie-train" / "articles.jsonl"
ANNOTATIONS = SHARED / "corpus" / "casie-train" / "annotations.jsonl"
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "realis.json"
FOLDS = 5
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = [round(0.01 * i, 2) for i in range(1, 96)]
KEEP_ACTUAL = 0.95  # the share of actual attack sentences the cut keeps, cross-validated
RESOURCES = Resources()


def labelled_sentences() -> tuple[list[str], np.ndarray, list[str]]:
    """The texts of casie-train's sentences with an attack trigger, whether one of their attacks is Actual, and the
    article each comes from."""
    events = {}
    for line in ANNOTATIONS.read_text("utf-8").splitlines():
        annotation = json.loads(line)
        events[annotation["id"]] = [e for e in annotation["events"] if e["type"] == "Attack"]
    texts, actual, articles = [], [], []
    for line in ARTICLES.read_text("utf-8").splitlines():
        article = json.loads(line)
        attacks = events.get(article["id"], [])
        if not attacks:
            continue
        for sentence in document_facts(article["text"], "en", article.get("published"), RESOURCES):
            realis = [e["realis"] for e in attacks if sentence.start <= e["trigger"]["start"] < sentence.end]
            if realis:
                texts.append(sentence.text)
                actual.append(float("Actual" in realis))
                articles.append(article["id"])
    return texts, np.asarray(actual), articles


def train() -> dict:
    texts, y, articles = labelled_sentences()
    x = RESOURCES.encoder.embed(texts).astype(np.float64)
    tried = {l2: out_of_fold(x, y, l2, articles, FOLDS) for l2 in L2_GRID}
    losses = {}
    for l2, probability in tried.items():  # the log-loss of each fold, for the standard error
        folds = np.array_split(np.random.default_rng(0).permutation(sorted(set(articles))), FOLDS)
        losses[l2] = [log_loss(probability[held], y[held]) for part in folds if (held := np.isin(articles, part)).any()]
    l2 = one_standard_error(losses)
    probability = tried[l2]
    actual = y == 1
    threshold = max(t for t in THRESHOLDS if (probability[actual] >= t).mean() >= KEEP_ACTUAL)
    weights, bias = fit(x, y, l2)
    return {
        "about": "Logistic regression over the USE-multilingual embedding of a sentence reporting an attack: does it "
                 "tell of one that happened (CASIE realis Actual), or of attacks in general (Generic, Other)? "
                 "Fitted by scripts/train_realis.py",
        "fitted_on": [{"name": "casie-train", "files": [file_record(ARTICLES), file_record(ANNOTATIONS)],
                       "sentences": len(y), "actual": int(y.sum())}],
        "cross_validation": {
            "folds": FOLDS, "l2": l2, "threshold": threshold,
            "log_loss_by_l2": {str(k): round(float(np.mean(v)), 5) for k, v in losses.items()},
            "auc": round(auc(probability, y), 4),
            "actual_kept": round(float((probability[actual] >= threshold).mean()), 4),
            "generic_set_aside": round(float((probability[~actual] < threshold).mean()), 4),
            "note": "out-of-fold figures on the training sentences (an article's sentences stay in one fold)",
        },
        "threshold": threshold,
        "threshold_chosen_by": f"the highest cut whose 5-fold cross-validated probabilities keep {KEEP_ACTUAL:.0%} of "
                               "the actual attack sentences of casie-train; no measuring set (casie-dev, "
                               "multilingual-dev, seeds) was read",
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    write_model(train(), parser.parse_args().out)


if __name__ == "__main__":
    main()
