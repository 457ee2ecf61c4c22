"""Train the "does this article report an attack?" classifier (see cybertrack/extract/reporting.py).

Usage:  python scripts/train_report_classifier.py ARTICLES.jsonl GOLD.jsonl [--end-to-end SCORER]

ARTICLES.jsonl has one article per line (id, title, text); GOLD.jsonl has, per id, the
article's annotated ``attack_types`` (an empty list: no attack reported). The CASIE
development set in ../shared/corpus/casie-dev and ../shared/eval is such a pair. Prints
5-fold cross-validated precision and recall, then writes the weights fitted on all
articles to src/cybertrack/extract/data/report_classifier.json. With ``--end-to-end
../shared/eval/score_casie.py`` it then runs the whole pipeline on the articles with the
cross-validated decisions in place of the trained ones, and scores the export: the honest
end-to-end figure, where no article is judged by a model that saw it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from cybertrack.clean import clean
from cybertrack.embeddings import embed
from cybertrack.export.json_export import build_export, write_json
from cybertrack.extract.reporting import cross_validated, fit, lead
from cybertrack.ingest import iter_items
from cybertrack.pipeline import Pipeline
from cybertrack.runner import run_ingest
from cybertrack.store import Database, DocumentStore

THRESHOLD = 0.4
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "report_classifier.json"


def figures(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = int((predicted & (y == 1)).sum())
    precision, recall = tp / max(1, predicted.sum()), tp / max(1, (y == 1).sum())
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(float(precision), 3), "recall": round(float(recall), 3), "f1": round(float(f1), 3)}


def leads_and_labels(articles: Path, gold_path: Path) -> tuple[list[str], list[str], np.ndarray]:
    """Article ids, their leads (from the cleaned text, as the pipeline sees it) and 1/0 labels."""
    gold = {json.loads(line)["id"]: json.loads(line) for line in gold_path.read_text("utf-8").splitlines()}
    ids, leads, labels = [], [], []
    for line in articles.read_text("utf-8").splitlines():
        article = json.loads(line)
        if article["id"] in gold:
            ids.append(article["id"])
            leads.append(lead(article.get("title"), clean(article["text"], article.get("title")).text))
            labels.append(1.0 if gold[article["id"]]["attack_types"] else 0.0)
    return ids, leads, np.asarray(labels)


def score_end_to_end(articles: Path, gold: Path, scorer: Path, decisions: dict[str, bool]) -> None:
    def gate(title: str | None, text: str) -> bool:
        return bool(decisions.get(lead(title, text), True))

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
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--end-to-end", type=Path, metavar="SCORER", help="score_casie.py, to score a full run")
    args = parser.parse_args()
    _, leads, y = leads_and_labels(args.articles, args.gold)
    x = embed(leads).astype(np.float64)
    cv = figures(cross_validated(x, y, THRESHOLD), y)
    print(f"{len(y)} articles, {int(y.sum())} report an attack; 5-fold cross-validation: {cv}")
    weights, bias = fit(x, y)
    if args.end_to_end:
        predicted = cross_validated(x, y, THRESHOLD)
        score_end_to_end(args.articles, args.gold, args.end_to_end, dict(zip(leads, predicted, strict=True)))
    OUT.write_text(json.dumps({
        "about": "Logistic regression over the USE-multilingual embedding of an article's lead; "
                 "trained by scripts/train_report_classifier.py",
        "trained_on": args.articles.name, "articles": len(y), "cross_validation": cv,
        "threshold": THRESHOLD, "bias": bias, "weights": [round(float(w), 6) for w in weights],
    }) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
