"""Train the same-incident model the resolver reads (see cybertrack/same_incident.py).

Usage:
    python scripts/train_same_incident.py [--out FILE]

It reads the two training sets and never a measuring set (casie-dev, multilingual-dev, the seeds). Every article is
run through the pipeline as `cybertrack ingest` runs it, and every pair of frames from two articles that the resolver
would compare (they share a block key: a victim, CVE, actor or name) is labelled:
- multilingual-train: one incident when the gold puts both articles in one incident, two when it puts them in none
  together (an article the gold lists only as optional for an incident is left out of that incident's pairs);
- casie-train: two incidents, since its articles are separate stories, except where both articles' gold names a common
  victim, attacker or CVE: the corpus tells some stories twice (Apple's extortion, Macron's campaign leaks), so such a
  pair is left out rather than labelled.

The model is fitted on every pair, but the resolver asks it only about reports in different languages (within one
language the rules on shared victims decide: see `resolve._score`). So the threshold is the lowest whose pairs across
languages are right 90 % of the time, and the regularisation the one whose threshold then finds the most of them, on
5-fold cross-validated probabilities where all reports of one incident, in every language, stay in one fold. The
weights are then fitted on every pair and written with what they were fitted on (file names, sha256, pair counts) and
the cross-validated figures, within and across languages. The same data gives the same file.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from train_role_model import CASIE, MULTILINGUAL, file_record, write_model

from cybertrack.extract.reporting import fit, logistic
from cybertrack.ingest.errors import IngestError
from cybertrack.ingest.sources import iter_items
from cybertrack.model import Frame, ItemError
from cybertrack.pipeline import Pipeline
from cybertrack.resolve import block_keys
from cybertrack.same_incident import PAIR_FEATURES, pair_features

OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "data" / "same_incident.json"
FOLDS, SEED = 5, 0
L2_GRID = (0.01, 0.1, 1.0, 10.0)
PRECISION = 0.9  # a false merge spreads one report's actors and victims to another that never named them
THRESHOLDS = [round(0.01 + 0.01 * i, 2) for i in range(95)]


@dataclass
class Report:
    article: str
    language: str
    frame: Frame
    vector: np.ndarray


@dataclass
class Pairs:
    """The labelled frame pairs of one training set."""

    name: str
    files: list[Path]
    x: list[list[float]] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    folds: list[tuple[int, int]] = field(default_factory=list)  # the fold of each report of the pair
    across: list[bool] = field(default_factory=list)  # the two reports are in different languages


def reports(articles: Path) -> list[Report]:
    """The frames of every article, with the vectors the pipeline stores for them (frames without any are never
    compared by the resolver, so they make no pair)."""
    pipeline, found = Pipeline(article_budget=None), []
    for item in iter_items([str(articles)]):
        if isinstance(item, ItemError):
            continue
        try:
            document = pipeline.process(item)
        except IngestError:
            continue
        article = document.source_id.rsplit("/", 1)[-1]
        for frame, vector in zip(document.frames, document.frame_vectors, strict=True):
            if vector is not None:
                found.append(Report(article, document.language, frame, vector))
    return found


def fold_of(group: str) -> int:
    """A fixed fold per group (an incident, or an article of none), whatever order the articles come in."""
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % FOLDS


def pairs_of(name: str, files: list[Path], found: list[Report], incidents: dict[str, set[str]],
             unsure: dict[str, set[str]]) -> Pairs:
    """Every pair of reports from two articles that share a block key. ``incidents``: article -> the gold incidents
    it reports (none for casie-train, whose stories are all separate); ``unsure``: what may make an article one story
    with another although the gold does not say so (an incident it is optional for; a gold name or CVE of casie-train):
    a pair that shares one and no gold incident is left out."""
    pairs = Pairs(name, files)
    keys = [block_keys(r.frame) for r in found]
    group = {r.article: min(incidents.get(r.article) or {r.article}) for r in found}
    for i, a in enumerate(found):
        for j in range(i + 1, len(found)):
            b = found[j]
            if a.article == b.article or not keys[i] & keys[j]:
                continue
            same = incidents.get(a.article, set()) & incidents.get(b.article, set())
            maybe = (incidents.get(a.article, set()) | unsure.get(a.article, set())) & \
                    (incidents.get(b.article, set()) | unsure.get(b.article, set()))
            if maybe and not same:
                continue
            pairs.x.append(pair_features(a.frame, a.vector, b.frame, b.vector))
            pairs.y.append(float(bool(same)))
            pairs.folds.append((fold_of(group[a.article]), fold_of(group[b.article])))
            pairs.across.append(a.language != b.language)
    return pairs


def casie_overlaps(gold_path: Path) -> dict[str, set[str]]:
    """Each casie-train article's gold victims, attackers and CVEs, normalised: two articles sharing one may tell
    one story."""
    def normal(name: str) -> str:
        return "".join(ch for ch in name.casefold() if ch.isalnum())

    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    return {row["id"]: {normal(n) for n in row["victims"] + row["attackers"] + row["cves"]} - {""} for row in rows}


def multilingual_labels(gold_path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    gold = json.loads(gold_path.read_text("utf-8"))
    incidents: dict[str, set[str]] = {}
    optional: dict[str, set[str]] = {}
    for incident in gold["incidents"]:
        for article in incident["documents"]:
            incidents.setdefault(article, set()).add(incident["key"])
        for article in incident.get("optional_documents", []):
            optional.setdefault(article, set()).add(incident["key"])
    return incidents, optional


def figures(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = float((predicted & (y == 1)).sum())
    precision = tp / predicted.sum() if predicted.sum() else 1.0
    recall = tp / (y == 1).sum() if (y == 1).sum() else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "pairs": len(y), "same": int((y == 1).sum()), "made": int(predicted.sum())}


def out_of_fold(x: np.ndarray, y: np.ndarray, folds: np.ndarray, l2: float) -> np.ndarray:
    """Each pair scored by a model fitted on the pairs with neither of its reports in the fold of its first report
    (its lower fold): the model never saw either report, nor any report of their incidents."""
    probability = np.zeros(len(y))
    first = folds.min(axis=1)
    for fold in range(FOLDS):
        held = first == fold
        training = (folds[:, 0] != fold) & (folds[:, 1] != fold)
        probability[held] = logistic(x[held], *fit(x[training], y[training], l2))
    return probability


def _threshold(probability: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold whose pairs are right at least ``PRECISION`` of the time (the highest recall that keeps
    false merges rare); the highest threshold when none is."""
    precise = [t for t in THRESHOLDS if figures(probability >= t, y)["precision"] >= PRECISION]
    return min(precise, default=THRESHOLDS[-1])


def train(sets: list[Pairs]) -> dict:
    x = np.asarray([row for s in sets for row in s.x], dtype=np.float64)
    y = np.asarray([label for s in sets for label in s.y])
    folds = np.asarray([fold for s in sets for fold in s.folds])
    across = np.asarray([value for s in sets for value in s.across])
    tried = {}
    for l2 in L2_GRID:
        probability = out_of_fold(x, y, folds, l2)
        threshold = _threshold(probability[across], y[across])
        tried[l2] = (figures(probability[across] >= threshold, y[across])["recall"], threshold, probability)
    l2 = max(L2_GRID, key=lambda value: tried[value][0])
    _, threshold, probability = tried[l2]
    made = probability >= threshold
    sizes = np.cumsum([len(s.y) for s in sets])[:-1]
    validation = {
        "folds": FOLDS, "l2": l2, "threshold": threshold,
        "tried": {str(k): {"recall_across_languages": v[0], "threshold": v[1]} for k, v in tried.items()},
        "all": figures(made, y),
        "within_language": figures(made[~across], y[~across]),
        "across_languages": figures(made[across], y[across]),
        "by_set": {s.name: figures(m, t)
                   for s, m, t in zip(sets, np.split(made, sizes), np.split(y, sizes), strict=True)},
        "note": "pairs of reports (frames of two articles sharing a block key); out-of-fold figures, with l2 and "
                "threshold chosen on these folds, so a little optimistic; casie-train's 'same' pairs the gold cannot "
                "tell are left out, yet some of its stories are still told twice (counted as false merges here); "
                "the resolver takes the mean probability over an incident's recent reports, not one pair's",
    }
    weights, bias = fit(x, y, l2)
    return {
        "about": "Logistic regression deciding whether two reports tell one incident, from what they share; fitted by "
                 "scripts/train_same_incident.py",
        "fitted_on": [{"name": s.name, "files": [file_record(path) for path in s.files], "pairs": len(s.y),
                       "same_incident": int(sum(s.y))} for s in sets],
        "cross_validation": validation, "threshold": threshold,
        "threshold_chosen_by": "the lowest threshold with a precision of at least 0.9 over the pairs across "
                               "languages (the only ones the resolver asks about), on the 5-fold cross-validated "
                               "probabilities of the training pairs; no measuring set (casie-dev, multilingual-dev, "
                               "seeds) was read",
        "features": list(PAIR_FEATURES),
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    incidents, optional = multilingual_labels(MULTILINGUAL[1])
    sets = [pairs_of("casie-train", list(CASIE), reports(CASIE[0]), {}, casie_overlaps(CASIE[1])),
            pairs_of("multilingual-train", list(MULTILINGUAL), reports(MULTILINGUAL[0]), incidents, optional)]
    model = train(sets)
    write_model(model, args.out)


if __name__ == "__main__":
    main()
