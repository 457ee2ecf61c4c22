"""Train the "does this article report an attack?" classifier (see cybertrack/extract/reporting.py).

Usage:
    python scripts/train_report_classifier.py [ARTICLES GOLD] [--out FILE] [--end-to-end SCORER]
    python scripts/train_report_classifier.py --measure ARTICLES GOLD [--weights FILE]

Training reads the CASIE training set by default (../shared/corpus/casie-train/articles.jsonl with
../shared/eval/casie_train_gold.jsonl): an article reports an attack when its gold lists an attack type. It
never reads a measuring set (casie-dev, multilingual-dev, the seeds). It chooses the regularisation with the
lowest 5-fold cross-validated log-loss, then the threshold with the highest cross-validated F1, fits the
weights on all the articles and writes them to src/cybertrack/extract/data/report_classifier.json with what
they were fitted on (file names, sha256, article counts), the cross-validated figures and how the threshold was
chosen. The same data gives the same file. It also checks the classifier on the multilingual training articles,
which it does not fit on: the English training must carry over to the other languages.

``--measure`` scores the classifier in a weights file (the shipped one by default) on a labelled set and fits
nothing: the held-out figure on a measuring set, never used to choose anything. A gold in JSONL is CASIE's; a
gold in JSON is the seeds' format, where an incident's documents report an attack and the distractors listed in
``must_not_be_incidents`` do not.

``--end-to-end ../shared/eval/score_casie.py`` also runs the whole pipeline on the training articles with the
cross-validated decisions in place of the trained ones, and scores the export: the end-to-end figure where no
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
from cybertrack.embeddings import embed
from cybertrack.export.json_export import build_export, write_json
from cybertrack.extract.reporting import LEAD_SENTENCES, fit, lead, logistic, out_of_fold
from cybertrack.ingest import iter_items
from cybertrack.pipeline import Pipeline, title_from_text
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore

SHARED = Path(__file__).resolve().parents[2] / "shared"
TRAIN = (SHARED / "corpus" / "casie-train" / "articles.jsonl", SHARED / "eval" / "casie_train_gold.jsonl")
CHECK = (SHARED / "corpus" / "multilingual-train" / "articles.jsonl", SHARED / "eval" / "multilingual_train_gold.json")
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "report_classifier.json"
FOLDS, SEED = 5, 0
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(91)]


@dataclass(frozen=True)
class Labelled:
    """A labelled set as the gate sees it: each article's lead, language and whether it reports an attack."""

    ids: list[str]
    leads: list[str]
    languages: list[str]
    y: np.ndarray


def labels(gold: Path) -> dict[str, bool]:
    """Per article id, does it report an attack? Articles the gold says neither about are left out."""
    if gold.suffix == ".jsonl":
        rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
        return {row["id"]: bool(row["attack_types"]) for row in rows}
    data = json.loads(gold.read_text("utf-8"))
    distractors = {doc: False for entry in data.get("must_not_be_incidents", []) for doc in entry["documents"]}
    # an incident's document whose page noise is listed as a trap still reports that incident
    return distractors | {doc: True for incident in data["incidents"] for doc in incident["documents"]}


def labelled_leads(articles: Path, gold: Path) -> Labelled:
    """The leads the pipeline's gate reads: the title as the pipeline takes it, the opening of the cleaned text."""
    wanted = labels(gold)
    ids, leads, languages, y = [], [], [], []
    for line in articles.read_text("utf-8").splitlines():
        article = json.loads(line) if line.strip() else {}
        if article.get("id") in wanted:
            title = article.get("title") or title_from_text(article["text"])
            ids.append(article["id"])
            leads.append(lead(title, clean(article["text"], title).text))
            languages.append(article.get("language", "en"))
            y.append(1.0 if wanted[article["id"]] else 0.0)
    return Labelled(ids, leads, languages, np.asarray(y))


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


def train(articles: Path, gold: Path) -> tuple[dict, Labelled, np.ndarray]:
    """The weights file's content, the training set and its cross-validated probabilities."""
    data = labelled_leads(articles, gold)
    x = embed(data.leads).astype(np.float64)
    losses = {l2: log_loss(out_of_fold(x, data.y, l2, FOLDS, SEED), data.y) for l2 in L2_GRID}
    l2 = min(L2_GRID, key=lambda value: losses[value])
    probability = out_of_fold(x, data.y, l2, FOLDS, SEED)
    threshold = choose_threshold(probability, data.y)
    weights, bias = fit(x, data.y, l2)
    check = labelled_leads(*CHECK)
    check_probability = logistic(embed(check.leads).astype(np.float64), weights, bias)
    model = {
        "about": "Logistic regression over the USE-multilingual embedding of an article's lead (headline and "
                 f"{LEAD_SENTENCES} opening sentences); fitted by scripts/train_report_classifier.py",
        "fitted_on": {"articles": file_record(articles), "gold": file_record(gold), "labelled_articles": len(data.y),
                      "reporting_an_attack": int(data.y.sum())},
        "cross_validation": {
            "folds": FOLDS, "seed": SEED, "log_loss_by_l2": {str(k): v for k, v in losses.items()}, "l2": l2,
            "auc": auc(probability, data.y), "threshold": threshold, **figures(probability >= threshold, data.y),
            "note": "out-of-fold figures on the training articles; the l2 and the threshold were chosen on these "
                    "same folds, so they lean a little optimistic",
        },
        "threshold": threshold,
        "threshold_chosen_by": "the highest F1 of the 5-fold cross-validated probabilities on the training "
                               "articles; no measuring set (casie-dev, multilingual-dev, seeds) was read",
        "checked_on": {"articles": file_record(CHECK[0]), "gold": file_record(CHECK[1]),
                       "auc": auc(check_probability, check.y), **figures(check_probability >= threshold, check.y),
                       "by_language": per_language(check_probability, check, threshold),
                       "note": "not fitted on: does the English training carry over to other languages?"},
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }
    return model, data, probability


def measure(articles: Path, gold: Path, weights_file: Path) -> None:
    """The classifier's figures on a labelled set it was not fitted on; nothing is chosen from them."""
    model = json.loads(weights_file.read_text("utf-8"))
    data = labelled_leads(articles, gold)
    probability = logistic(embed(data.leads).astype(np.float64), np.asarray(model["weights"]), model["bias"])
    print(f"{articles}: {len(data.y)} articles, {int(data.y.sum())} report an attack; fitted on "
          f"{model.get('fitted_on', {}).get('articles', {}).get('file', model.get('trained_on'))}")
    print(f"AUC {auc(probability, data.y)}; at the threshold {model['threshold']}: "
          f"{figures(probability >= model['threshold'], data.y)}")
    if len(set(data.languages)) > 1:
        print(json.dumps(per_language(probability, data, model["threshold"])))


def score_end_to_end(articles: Path, gold: Path, scorer: Path, gate: Callable[[str | None, str], bool]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = DocumentStore(Database(str(Path(folder) / "crossval.db")))
        run_ingest(iter_items([str(articles)]), store, Pipeline(attack_gate=gate))
        export = Path(folder) / "export.json"
        with export.open("w", encoding="utf-8") as out:
            write_json(build_export(store), out)
        print("end to end, with cross-validated attack decisions:")
        subprocess.run([sys.executable, str(scorer), str(export), str(gold)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, nargs="?", default=TRAIN[0])
    parser.add_argument("gold", type=Path, nargs="?", default=TRAIN[1])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    parser.add_argument("--end-to-end", type=Path, metavar="SCORER", help="score_casie.py, to score a full run")
    parser.add_argument("--measure", action="store_true", help="score the classifier on ARTICLES GOLD; fit nothing")
    parser.add_argument("--weights", type=Path, default=OUT, help="the weights file --measure scores")
    args = parser.parse_args()
    if args.measure:
        measure(args.articles, args.gold, args.weights)
        return
    model, data, probability = train(args.articles, args.gold)
    print(json.dumps({key: model[key] for key in ("fitted_on", "cross_validation", "checked_on")}, indent=1))
    if args.end_to_end:
        decisions = dict(zip(data.leads, probability >= model["threshold"], strict=True))
        score_end_to_end(args.articles, args.gold, args.end_to_end,
                         lambda title, text: bool(decisions.get(lead(title, text), True)))
    args.out.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
