"""Train the "does this article report an attack?" classifier (see cybertrack/extract/reporting.py).

Usage:
    python scripts/train_report_classifier.py [--train ARTICLES GOLD]... [--out FILE] [--end-to-end]
    python scripts/train_report_classifier.py --measure ARTICLES GOLD [--weights FILE]

Training reads CASIE's training set by default (../shared/corpus/casie-train/articles.jsonl with
../shared/eval/casie_train_gold.jsonl) and never a measuring set (casie-dev, multilingual-dev, the seeds). A gold
in JSONL is CASIE's: an article reports an attack when it lists an attack type. A gold in JSON is the seeds'
format: an incident's documents report an attack, the distractors listed in ``must_not_be_incidents`` do not,
and the reports of one incident form a group that cross-validation never splits. The script chooses the
regularisation with the lowest 5-fold cross-validated log-loss, then the threshold with the highest
cross-validated F1, fits the weights on all the articles and writes them to
src/cybertrack/extract/data/report_classifier.json with what they were fitted on (file names, sha256, article
counts), the cross-validated figures and how the threshold was chosen. The same data gives the same file. Unless
it is trained on, the multilingual training set (../shared/corpus/multilingual-train) is scored with the weights
and the figures, per language, are recorded too: the English training must carry over to the other languages.
Adding it to the training (``--train`` twice) was measured and did not help (see the README).

``--measure`` scores the classifier in a weights file (the shipped one by default) on a labelled set and fits
nothing: the held-out figure on a measuring set, never used to choose anything.

``--end-to-end`` also runs the whole pipeline on each training set with the cross-validated decisions in place of
the trained ones, and scores the export with the set's scorer in ../shared/eval: the end-to-end figure where no
article is judged by a model that saw it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cybertrack.clean import clean
from cybertrack.export.json_export import build_export, write_json
from cybertrack.extract.reporting import LEAD_SENTENCES, fit, lead, logistic, out_of_fold
from cybertrack.ingest import iter_items
from cybertrack.pipeline import Pipeline, title_from_text
from cybertrack.resources import Resources
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"
TRAIN = (CORPUS / "casie-train" / "articles.jsonl", EVAL / "casie_train_gold.jsonl")
CHECK = (CORPUS / "multilingual-train" / "articles.jsonl", EVAL / "multilingual_train_gold.json")
RESOURCES = Resources()
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "report_classifier.json"
FOLDS, SEED = 5, 0
L2_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(91)]


@dataclass(frozen=True)
class Labelled:
    """A labelled set as the gate sees it: each article's lead, language, group and whether it reports an attack."""

    articles: Path
    gold: Path
    leads: list[str]
    languages: list[str]
    groups: list[str]
    y: np.ndarray


def labels(gold: Path) -> dict[str, tuple[bool, str]]:
    """Per article id: does it report an attack, and its group (the incident it reports, else itself)? Articles the
    gold says neither about are left out."""
    if gold.suffix == ".jsonl":
        rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
        return {row["id"]: (bool(row["attack_types"]), row["id"]) for row in rows}
    data = json.loads(gold.read_text("utf-8"))
    distractors = {doc: (False, doc) for entry in data.get("must_not_be_incidents", []) for doc in entry["documents"]}
    # an incident's document whose page noise is listed as a trap still reports that incident
    reports = {doc: (True, incident["key"]) for incident in data["incidents"] for doc in incident["documents"]}
    return distractors | reports


def labelled_leads(articles: Path, gold: Path) -> Labelled:
    """The leads the pipeline's gate reads: the title as the pipeline takes it, the opening of the cleaned text."""
    wanted = labels(gold)
    leads, languages, groups, y = [], [], [], []
    for line in articles.read_text("utf-8").splitlines():
        article = json.loads(line) if line.strip() else {}
        if article.get("id") in wanted:
            title = article.get("title") or title_from_text(article["text"])
            leads.append(lead(title, clean(article["text"], title, RESOURCES.encoder).text))
            languages.append(article.get("language", "en"))
            reports, group = wanted[article["id"]]
            groups.append(group)
            y.append(1.0 if reports else 0.0)
    return Labelled(articles, gold, leads, languages, groups, np.asarray(y))


def auc(probability: np.ndarray, y: np.ndarray) -> float:
    """The chance that an attack report scores above an article that is not one (ties count half)."""
    positive, negative = probability[y == 1], probability[y == 0]
    above = (positive[:, None] > negative[None, :]).sum() + 0.5 * (positive[:, None] == negative[None, :]).sum()
    return round(float(above / max(1, len(positive) * len(negative))), 3)


def figures(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = int((predicted & (y == 1)).sum())
    precision, recall = tp / max(1, predicted.sum()), tp / max(1, (y == 1).sum())
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(float(precision), 3), "recall": round(float(recall), 3), "f1": round(float(f1), 3)}


def log_loss(probability: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(probability, 1e-9, 1 - 1e-9)
    return round(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 4)


def choose_threshold(probability: np.ndarray, y: np.ndarray) -> float:
    """The cut with the highest F1 over cross-validated probabilities (the lowest such cut on a tie)."""
    scores = [figures(probability >= t, y)["f1"] for t in THRESHOLDS]
    return THRESHOLDS[int(np.argmax(scores))]


def file_record(path: Path) -> dict[str, str]:
    """A file's name (relative to ../shared) and its sha256: what the weights were fitted on, checkable later."""
    name = str(path.resolve().relative_to(SHARED)) if path.resolve().is_relative_to(SHARED) else path.name
    return {"file": name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def per_language(probability: np.ndarray, data: Labelled, threshold: float) -> dict[str, dict[str, int]]:
    """How many attack reports the gate lets through and how many other articles it stops, language by language."""
    found = probability >= threshold
    table = {}
    for language in sorted(set(data.languages)):
        mine = np.asarray(data.languages) == language
        reports, others = mine & (data.y == 1), mine & (data.y == 0)
        table[language] = {"attack_reports": int(reports.sum()), "let_through": int((found & reports).sum()),
                           "other_articles": int(others.sum()), "stopped": int((~found & others).sum())}
    return table


def set_figures(probability: np.ndarray, data: Labelled, threshold: float) -> dict:
    """One training set's cross-validated figures, with a line per language when it has several."""
    found = {"articles": file_record(data.articles)["file"], "auc": auc(probability, data.y),
             **figures(probability >= threshold, data.y)}
    return found | ({"by_language": per_language(probability, data, threshold)} if len(set(data.languages)) > 1
                    else {})


def train(sets: list[Labelled], check: Labelled | None) -> tuple[dict, list[np.ndarray]]:
    """The weights file's content, and each training set's cross-validated probabilities. ``check`` is a labelled
    set the weights are not fitted on, scored with them: does the English training carry over to other languages?"""
    x = np.vstack([RESOURCES.encoder.embed(data.leads) for data in sets]).astype(np.float64)
    y = np.concatenate([data.y for data in sets])
    groups = [group for data in sets for group in data.groups]
    losses = {l2: log_loss(out_of_fold(x, y, l2, groups, FOLDS, SEED), y) for l2 in L2_GRID}
    l2 = min(L2_GRID, key=lambda value: losses[value])
    probability = out_of_fold(x, y, l2, groups, FOLDS, SEED)
    threshold = choose_threshold(probability, y)
    weights, bias = fit(x, y, l2)
    per_set = np.split(probability, np.cumsum([len(data.y) for data in sets])[:-1])
    model = {
        "about": "Logistic regression over the USE-multilingual embedding of an article's lead (headline and "
                 f"{LEAD_SENTENCES} opening sentences); fitted by scripts/train_report_classifier.py",
        "fitted_on": [{"articles": file_record(data.articles), "gold": file_record(data.gold),
                       "labelled_articles": len(data.y), "reporting_an_attack": int(data.y.sum())} for data in sets],
        "cross_validation": {
            "folds": FOLDS, "seed": SEED, "log_loss_by_l2": {str(k): v for k, v in losses.items()}, "l2": l2,
            "auc": auc(probability, y), "threshold": threshold, **figures(probability >= threshold, y),
            "by_set": [set_figures(p, data, threshold) for p, data in zip(per_set, sets, strict=True)],
            "note": "out-of-fold figures on the training articles (the reports of one incident stay in one fold); "
                    "the l2 and the threshold were chosen on these same folds, so they lean a little optimistic",
        },
        "threshold": threshold,
        "threshold_chosen_by": "the highest F1 of the 5-fold cross-validated probabilities on the training "
                               "articles; no measuring set (casie-dev, multilingual-dev, seeds) was read",
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }
    if check is not None:
        check_probability = logistic(RESOURCES.encoder.embed(check.leads).astype(np.float64), weights, bias)
        model["checked_on"] = set_figures(check_probability, check, threshold) | {"note": "not fitted on"}
    return model, per_set


def measure(articles: Path, gold: Path, weights_file: Path) -> None:
    """The classifier's figures on a labelled set it was not fitted on; nothing is chosen from them."""
    model = json.loads(weights_file.read_text("utf-8"))
    data = labelled_leads(articles, gold)
    vectors = RESOURCES.encoder.embed(data.leads).astype(np.float64)
    probability = logistic(vectors, np.asarray(model["weights"]), model["bias"])
    print(f"{articles}: {len(data.y)} articles, {int(data.y.sum())} report an attack")
    print(json.dumps(set_figures(probability, data, model["threshold"])))


def score_end_to_end(data: Labelled, gate: Callable[[str | None, str], bool]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = DocumentStore(Database(str(Path(folder) / "crossval.db")))
        run_ingest(iter_items([str(data.articles)]), store, Pipeline(RESOURCES, gate))
        export = Path(folder) / "export.json"
        with export.open("w", encoding="utf-8") as out:
            write_json(build_export(store), out)
        casie = data.gold.suffix == ".jsonl"
        scorer = EVAL / ("score_casie.py" if casie else "score_seeds.py")
        print(f"{data.articles}, end to end, with cross-validated attack decisions:", flush=True)
        subprocess.run([sys.executable, str(scorer), str(export), *([] if casie else ["--gold"]), str(data.gold)],
                       check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, nargs=2, action="append", metavar=("ARTICLES", "GOLD"),
                        help="a training set (repeatable; default: casie-train)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    parser.add_argument("--end-to-end", action="store_true", help="score full runs with cross-validated decisions")
    parser.add_argument("--measure", type=Path, nargs=2, metavar=("ARTICLES", "GOLD"),
                        help="score the classifier on a labelled set; fit nothing")
    parser.add_argument("--weights", type=Path, default=OUT, help="the weights file --measure scores")
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure, args.weights)
        return
    sources = [tuple(pair) for pair in args.train] if args.train else [TRAIN]
    check = None if any(gold.resolve() == CHECK[1].resolve() for _, gold in sources) else labelled_leads(*CHECK)
    sets = [labelled_leads(articles, gold) for articles, gold in sources]
    model, per_set = train(sets, check)
    print(json.dumps({key: value for key, value in model.items() if key not in ("weights", "bias")}, indent=1))
    if args.end_to_end:
        for data, probability in zip(sets, per_set, strict=True):
            decisions = dict(zip(data.leads, probability >= model["threshold"], strict=True))
            score_end_to_end(data, lambda title, text, known=decisions: bool(known.get(lead(title, text), True)))
    args.out.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
