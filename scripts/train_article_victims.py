"""Train the article-level victim model (see cybertrack/extract/article_victims.py).

Usage:
    python scripts/train_article_victims.py [--out FILE]

It reads the two training sets and never a measuring set (casie-dev, multilingual-dev, the seeds). The candidates and
their mention features are those of `train_role_model.py` (the sentences the pipeline searches for victims, read as
the pipeline reads them, labelled by casie-train's Victim arguments and gold and multilingual-train's gold); here they
are gathered per article and name: a name is a victim of its article when any of its mentions is labelled one.

The cross-validation has 5 folds (an article, or all reports of one incident in every language, stays in one fold)
and is repeated on 5 splits. The regularisation is the strongest whose mean log-loss lies within one standard error of
the best, as for the role model, and the threshold the middle of those whose victim F1, averaged over the splits,
lies within one standard error of the best. Chosen by the best F1 alone, both moved with any small change to the
candidates (the F1 of every strength lay within 0.003), and the victims of whole incidents with them. The weights are
then fitted on every name and written with what they were fitted on (file names, sha256, counts), the cross-validated
figures per set and language, and, on the same names, the figures of the sentence-level decision they replace. The
same data and the same shipped model give the same file: a refit keeps the shipped model's regularisation and
threshold until they fall more than two standard errors behind the best (`reporting.Incumbent`).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from train_role_model import (
    CASIE,
    L2_GRID,
    MULTILINGUAL,
    THRESHOLDS,
    Labelled,
    casie_candidates,
    columns,
    decide,
    file_record,
    log_loss,
    multilingual_candidates,
    rules_fire,
    write_model,
)

from cybertrack.extract.article_victims import entity_feature_names, entity_features, is_named
from cybertrack.extract.reporting import Incumbent, fit, logistic, one_standard_error, out_of_fold, plateau_middle
from cybertrack.extract.roles import _model as role_model

OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "article_victims.json"
FOLDS, REPEATS = 5, 5  # the cross-validation is repeated on as many splits (seeds 0, 1, ...)


@dataclass
class Names:
    """The distinct names of each article of one training set: features, labels, languages, fold groups, and what
    the sentence-level decision made of them."""

    labelled: Labelled
    x: np.ndarray
    y: np.ndarray
    languages: list[str]
    groups: list[str]
    articles: np.ndarray  # one number per article
    named: np.ndarray  # a name, not a sector noun ("universities"): the model alone never takes those
    one_organisation: np.ndarray  # a name, a department or a state's one parliament: cast, it rules the model out
    sentence_level: np.ndarray


def gather(data: Labelled) -> Names:
    """One row per (article, name) from the mention rows of `train_role_model.py`."""
    model = role_model()
    probability = logistic(data.x[:, columns(model.groups)], model.weights, model.bias)
    taken = decide(probability, rules_fire(data), {"with_rule": model.with_rule, "alone": model.alone})
    articles: dict[str, list[int]] = {}
    for i, (article, _) in enumerate(data.names):
        if not data.other_attack[i]:  # as `frames.own_attack_mentions`: the model never reads these mentions
            articles.setdefault(article, []).append(i)
    rows, labels, languages, groups, numbers, named, one_organisation, sentence_level = [], [], [], [], [], [], [], []
    for number, positions in enumerate(articles.values()):
        keys = [data.names[i][1] for i in positions]
        distinct, table = entity_features(data.x[positions], keys)
        rows.append(table)
        named += [is_named(key) for key in distinct]
        for key in distinct:
            mine = [i for i in positions if data.names[i][1] == key]
            labels.append(float(data.y[mine].max()))
            one_organisation.append(any(data.one_organisation[i] for i in mine))
            sentence_level.append(bool(taken[mine].any()))
        languages += [data.languages[positions[0]]] * len(distinct)
        groups += [data.groups[positions[0]]] * len(distinct)
        numbers += [number] * len(distinct)
    return Names(data, np.vstack(rows), np.asarray(labels), languages, groups, np.asarray(numbers),
                 np.asarray(named), np.asarray(one_organisation), np.asarray(sentence_level))


@dataclass(frozen=True)
class Pooled:
    """What the pipeline's decision reads besides the model, for the names of all training sets together."""

    sentence_level: np.ndarray
    articles: np.ndarray  # one number per article, distinct across the sets
    named: np.ndarray
    one_organisation: np.ndarray
    sets: np.ndarray  # which training set each name is from (its index)

    @classmethod
    def of(cls, sets: list[Names]) -> Pooled:
        offsets = np.cumsum([0] + [int(s.articles.max()) + 1 for s in sets])
        return cls(np.concatenate([s.sentence_level for s in sets]),
                   np.concatenate([s.articles + offset for s, offset in zip(sets, offsets, strict=False)]),
                   np.concatenate([s.named for s in sets]), np.concatenate([s.one_organisation for s in sets]),
                   np.concatenate([np.full(len(s.y), index) for index, s in enumerate(sets)]))

    def macro_f1(self, predicted: np.ndarray, y: np.ndarray) -> float:
        """The victim F1 of each training set, averaged: casie-train has ten times the names of multilingual-train,
        and pooled, English news alone would choose the cut the six languages are read with."""
        return float(np.mean([figures(predicted[self.sets == index], y[self.sets == index])["f1"]
                              for index in np.unique(self.sets)]))


def decide_fallback(probability: np.ndarray, threshold: float, pooled: Pooled) -> np.ndarray:
    """As the pipeline decides (`frames._victims`): the sentence-level victims of an article, or, when the sentences
    cast no single organisation, the names the article model judges victims."""
    cast = pooled.articles[pooled.sentence_level & pooled.one_organisation]
    without = ~np.isin(pooled.articles, np.unique(cast))
    return pooled.sentence_level | (without & pooled.named & (probability >= threshold))


def figures(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = int((predicted & (y == 1)).sum())
    precision, recall = tp / max(1, int(predicted.sum())), tp / max(1, int((y == 1).sum()))
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def choose_threshold(probabilities: list[np.ndarray], y: np.ndarray, pooled: Pooled,
                     incumbent: float | None) -> tuple[float, float]:
    """The middle of the plateau (`plateau_middle`) of the pipeline's decision's F1 (the mean of the training sets'
    own, `macro_f1`) over the repeats, and its mean F1. The curve has two tops a hair apart, and the best of them
    flipped with any small change to the candidates, and the victims of whole incidents with it."""
    scores = {t: [pooled.macro_f1(decide_fallback(p, t, pooled), y) for p in probabilities] for t in THRESHOLDS}
    threshold = plateau_middle(scores, incumbent, counted=int((y == 1).sum()))
    return threshold, round(float(np.mean(scores[threshold])), 4)


def by_language(predicted: np.ndarray, names: Names) -> dict:
    table = {}
    for language in sorted(set(names.languages)):
        mine = np.asarray(names.languages) == language
        table[language] = {"names": int(mine.sum()), "victims": int(names.y[mine].sum()),
                           "model": figures(predicted[mine], names.y[mine]),
                           "sentence_level": figures(names.sentence_level[mine], names.y[mine])}
    return table


@dataclass(frozen=True)
class _Tried:
    """One regularisation strength's cross-validation: its threshold and mean F1, the out-of-fold probabilities of the
    first split, and the log-loss of every split."""

    f1: float
    threshold: float
    first_split: np.ndarray
    log_losses: list[float]


def cross_validate(sets: list[Names], incumbent: Incumbent) -> dict:
    x = np.vstack([s.x for s in sets])
    y = np.concatenate([s.y for s in sets])
    folds = [f"{s.labelled.name}/{group}" for s in sets for group in s.groups]
    pooled = Pooled.of(sets)
    tried = {}
    for l2 in L2_GRID:
        probabilities = [out_of_fold(x, y, l2, folds, FOLDS, seed) for seed in range(REPEATS)]
        threshold, f1 = choose_threshold(probabilities, y, pooled, incumbent.threshold)
        tried[l2] = _Tried(f1, threshold, probabilities[0], [log_loss(p, y) for p in probabilities])
    l2 = one_standard_error({value: found.log_losses for value, found in tried.items()}, incumbent.l2)
    threshold, probability = tried[l2].threshold, tried[l2].first_split
    predicted = decide_fallback(probability, threshold, pooled)
    per_set = np.split(predicted, np.cumsum([len(s.y) for s in sets])[:-1])
    return {
        "folds": FOLDS, "repeats": REPEATS, "l2": l2, "threshold": threshold,
        "tried": {str(k): {"log_loss": round(float(np.mean(v.log_losses)), 4), "f1": v.f1, "threshold": v.threshold}
                  for k, v in tried.items()},
        "model": figures(predicted, y), "sentence_level": figures(pooled.sentence_level, y),
        "model_alone": figures(probability >= threshold, y),
        "by_set": {s.labelled.name: {"model": figures(p, s.y), "sentence_level": figures(s.sentence_level, s.y),
                                     "by_language": by_language(p, s)}
                   for p, s in zip(per_set, sets, strict=True)},
        "note": "victims per article over the names the pipeline finds as candidates, decided as the pipeline does "
                "(model: the sentence-level victims, or the model's named ones when the sentences cast no named one; "
                "model_alone: the model's alone); out-of-fold figures of the first split (an "
                "article, or all reports of one incident, stay in one fold), with l2 and threshold chosen by the "
                "mean F1 of all the splits, so a little optimistic. sentence_level: the sentence-level role model's "
                "decision, with weights fitted on these same articles (optimistic too)",
    }


def train(sets: list[Names], incumbent: Incumbent) -> dict:
    validation = cross_validate(sets, incumbent)
    weights, bias = fit(np.vstack([s.x for s in sets]), np.concatenate([s.y for s in sets]), validation["l2"])
    return {
        "about": "Logistic regression deciding whether a name an article mentions is a victim of the attack it "
                 "reports, from the role features of all its mentions; fitted by scripts/train_article_victims.py",
        "fitted_on": [{"name": s.labelled.name, "files": [file_record(path) for path in s.labelled.files],
                       "names": len(s.y), "victims": int(s.y.sum())} for s in sets],
        "cross_validation": validation, "threshold": validation["threshold"],
        "threshold_chosen_by": "the middle of the thresholds whose victim F1, averaged over 5 repeats of the 5-fold "
                               "cross-validation on the training names, lies within one standard error of the "
                               "best (or the shipped model's, until it falls two standard errors behind); no "
                               "measuring set (casie-dev, multilingual-dev, seeds) was read",
        "features": entity_feature_names(),
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    sets = [gather(casie_candidates(*CASIE)), gather(multilingual_candidates(*MULTILINGUAL))]
    model = train(sets, Incumbent.shipped(OUT))
    write_model(model, args.out)


if __name__ == "__main__":
    main()
