"""Train the model that finds victims by the words around them (see cybertrack/extract/context_victims.py).

Usage:
    python scripts/train_context_victims.py [--out FILE]

The candidates and labels are those of `train_role_model.py` (casie-train's Victim arguments and gold victims,
multilingual-train's gold victims; never a measuring set), every candidate of the sentences the pipeline searches
for victims. The model reads the role model's hand features and the multilingual embedding of the words around the
name. The 5-fold cross-validation (an article, or an incident's reports in all languages, stays in one fold) is
repeated on 5 splits: the regularisation is the strongest within one standard error of the best mean log-loss. The
pipeline asks the model only about articles the role model (the shipped one, as a veto on the cue rules) gives no
victim, and only about the names written as such in their attack sentences; the threshold is the middle of the
plateau of the per-article victim F1 of all training articles when the model's victims are added to those
articles, averaged over the splits. The weights are fitted on all candidates and written with what they were fitted
on and the cross-validated figures, per set. The same data and the same shipped model give the same file: a refit
keeps the shipped model's regularisation and threshold until they fall more than two standard errors behind the best
(`reporting.Incumbent`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from train_role_model import (
    CASIE,
    FOLDS,
    L2_GRID,
    MULTILINGUAL,
    REPEATS,
    RESOURCES,
    THRESHOLDS,
    Labelled,
    article_figures,
    casie_candidates,
    columns,
    decide,
    file_record,
    log_loss,
    multilingual_candidates,
    rules_fire,
    victim_ids,
    write_model,
)

from cybertrack.extract.context_victims import CONTEXT_CHARS
from cybertrack.extract.reporting import Incumbent, fit, logistic, one_standard_error, out_of_fold, plateau_middle
from cybertrack.extract.roles import _model as role_model
from cybertrack.extract.roles import feature_names

OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "context_victims.json"


def with_role_model(data: Labelled) -> np.ndarray:
    """The candidates the shipped role model casts (its veto on the cue rules)."""
    model = role_model()
    probability = logistic(data.x[:, columns(model.groups)], model.weights, model.bias)
    return decide(probability, rules_fire(data), {"with_rule": model.with_rule, "alone": model.alone})


def asked(data: Labelled, cast: np.ndarray) -> np.ndarray:
    """The candidates the pipeline asks the model about: names written as such, in attack sentences of articles the
    role model casts no victim in, and not another attack's victims."""
    articles_with_victims = {name[0] for name, taken in zip(data.names, cast, strict=True) if taken}
    return np.asarray([data.attack_sentence[i] and data.capitalised[i] and not data.other_attack[i]
                       and data.names[i][0] not in articles_with_victims for i in range(len(data.y))])


def train(sets: list[Labelled], incumbent: Incumbent) -> dict:
    groups = role_model().groups
    windows = RESOURCES.encoder.embed([window for data in sets for window in data.windows]).astype(np.float64)
    x = np.hstack([np.vstack([data.x[:, columns(groups)] for data in sets]), windows])
    y = np.concatenate([data.y for data in sets])
    folds = [f"{data.name}/{group}" for data in sets for group in data.groups]
    ids = victim_ids([(data.name, *name) for data in sets for name in data.names])
    cast = np.concatenate([with_role_model(data) for data in sets])
    open_to = np.concatenate([asked(data, taken) for data, taken in zip(sets, np.split(
        cast, np.cumsum([len(data.y) for data in sets])[:-1]), strict=True)])
    probabilities = {l2: [out_of_fold(x, y, l2, folds, FOLDS, seed) for seed in range(REPEATS)] for l2 in L2_GRID}
    losses = {l2: [log_loss(p, y) for p in found] for l2, found in probabilities.items()}
    l2 = one_standard_error(losses, incumbent.l2)

    def taken(probability: np.ndarray, threshold: float) -> np.ndarray:
        return cast | (open_to & (probability >= threshold))

    threshold = plateau_middle({t: [article_figures(taken(p, t), y, ids)["f1"] for p in probabilities[l2]]
                                for t in THRESHOLDS}, incumbent.threshold, counted=len(np.unique(ids[y == 1])))
    first = probabilities[l2][0]
    bounds = np.cumsum([0, *[len(data.y) for data in sets]])
    by_set = {data.name: {"role_model_alone": article_figures(cast[a:b], y[a:b], ids[a:b]),
                          "with_context_victims": article_figures(taken(first, threshold)[a:b], y[a:b], ids[a:b]),
                          "asked": int(open_to[a:b].sum())}
              for data, a, b in zip(sets, bounds[:-1], bounds[1:], strict=True)}
    weights, bias = fit(x, y, l2)
    hand = len(feature_names(groups))
    return {
        "about": "Logistic regression over the role model's hand features and the USE-multilingual embedding of a "
                 "name with the words around it: is it a victim? Asked only where the role model finds none; "
                 "fitted by scripts/train_context_victims.py",
        "fitted_on": [{"name": data.name, "files": [file_record(path) for path in data.files],
                       "candidates": len(data.y), "victim_mentions": int(data.y.sum())} for data in sets],
        "cross_validation": {
            "folds": FOLDS, "repeats": REPEATS, "l2": l2,
            "log_loss_by_l2": {str(k): round(float(np.mean(v)), 4) for k, v in losses.items()},
            "per_article_by_set": by_set,
            "note": "out-of-fold figures of the first split (an article, or all reports of one incident, stay in "
                    "one fold), per article as the scorers count victims: the role model's victims alone, and with "
                    "this model's added where the role model finds none",
        },
        "threshold": threshold,
        "threshold_chosen_by": "the middle of the plateau (within one standard error of the best; or the shipped "
                               "model's, until it falls two standard errors behind) of the training "
                               "articles' victim F1 with this model's victims added where the role model finds none, "
                               "averaged over the splits; no measuring set (casie-dev, multilingual-dev, seeds) was "
                               "read",
        "groups": list(groups), "features": feature_names(groups), "context_chars": CONTEXT_CHARS,
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights[:hand]],
        "context_weights": [round(float(w), 6) for w in weights[hand:]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    write_model(train([casie_candidates(*CASIE), multilingual_candidates(*MULTILINGUAL)], Incumbent.shipped(OUT)),
                args.out)


if __name__ == "__main__":
    main()
