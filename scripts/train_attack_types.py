"""Train the model that decides which proposed attack types a frame bears out (see cybertrack/extract/attack_types.py).

Usage:
    python scripts/train_attack_types.py [--out FILE]

Every frame the pipeline makes from a training article proposes the types its attack sentences name; a proposal
of ransomware, data breach or phishing is right when the article's gold lists that type. The model reads the
multilingual embedding of the first sentence naming the type and the features named in FEATURES. The gold is
casie-train's (../shared/eval/casie_train_gold.jsonl: the types of its actual attack events) and
multilingual-train's (the types of the incident an article reports, mapped as ../shared/eval/score_casie.py maps
them); no measuring set (casie-dev, multilingual-dev, the seeds) is read. The 5-fold cross-validation (an
incident's reports stay in one fold) is repeated on 5 splits: the regularisation is the strongest within one
standard error of the best mean log-loss, the threshold the middle of the plateau of the articles' type F1 (as the
CASIE scorer counts them) averaged over the splits (its top flipped between 0.3 and 0.4 with one proposal more or
less, and the type F1 of the sets scored with it by 0.01); the weights are fitted on all proposals
and written with what they were fitted on (file names and sha256) and the cross-validated figures, per language.
The same data and the same shipped model give the same file: a refit keeps the shipped model's regularisation and
threshold until they fall more than two standard errors behind the best (`reporting.Incumbent`).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from train_report_classifier import THRESHOLDS, file_record, log_loss

from cybertrack.annotate.dates import Reference
from cybertrack.annotate.reference_date import reference_date
from cybertrack.clean import clean
from cybertrack.extract.attack_types import FEATURES, Proposal, proposal_vectors, proposed_types
from cybertrack.extract.frames import document_facts, extract, typing_sentences
from cybertrack.extract.reporting import Incumbent, fit, one_standard_error, out_of_fold, plateau_middle
from cybertrack.pipeline import title_from_text
from cybertrack.resources import Resources

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"
sys.path.insert(0, str(EVAL))
from score_casie import TYPE_MAP  # noqa: E402  (the scorer's own mapping of type names to CASIE's)

CASIE = (CORPUS / "casie-train" / "articles.jsonl", EVAL / "casie_train_gold.jsonl")
MULTILINGUAL = (CORPUS / "multilingual-train" / "articles.jsonl", EVAL / "multilingual_train_gold.json")
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "attack_types.json"
JUDGED = ("ransomware", "data-breach", "phishing")
RESOURCES = Resources()
FOLDS, REPEATS = 5, 5  # the cross-validation is repeated on as many splits (seeds 0, 1, ...)
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)


@dataclass
class Labelled:
    """A frame's type proposal with whether the gold bears it out, its incident (for the folds) and article."""

    proposal: Proposal
    right: bool
    group: str
    article: str
    kind: str
    language: str


def proposals(articles: Path, gold_types: dict[str, tuple[str, set[str]]]) -> list[Labelled]:
    """The type proposals of every frame of the labelled articles; ``gold_types``: article id -> (group, types)."""
    found = []
    for article in map(json.loads, articles.read_text("utf-8").splitlines()):
        if article["id"] not in gold_types:
            continue
        group, wanted = gold_types[article["id"]]
        language = article.get("language", "en")
        title = article.get("title") or title_from_text(article["text"])
        cleaned = clean(article["text"], title, RESOURCES.encoder)
        reference = Reference.parse(article.get("published"))
        if reference is None:
            inferred = reference_date(cleaned.text, language)
            reference = Reference(inferred, guessed=True) if inferred else None
        facts = {f.start: f for f in document_facts(cleaned.text, language, reference, RESOURCES)}
        extraction = extract(article["id"], cleaned.text, language, article.get("published"), RESOURCES)
        for frame in extraction.frames:
            sentences = typing_sentences([facts[e.start] for e in frame.evidence if e.start in facts],
                                         extraction.dating.background)
            for kind, proposal in proposed_types(sentences, frame.victims).items():
                if kind in JUDGED:
                    found.append(Labelled(proposal, TYPE_MAP[kind] in wanted, group, article["id"], kind, language))
    return found


def casie_gold(gold: Path) -> dict[str, tuple[str, set[str]]]:
    rows = [json.loads(line) for line in gold.read_text("utf-8").splitlines() if line.strip()]
    return {row["id"]: (row["id"], set(row["attack_types"])) for row in rows}


def multilingual_gold(gold: Path) -> dict[str, tuple[str, set[str]]]:
    data = json.loads(gold.read_text("utf-8"))
    found = {doc: (doc, set()) for entry in data.get("must_not_be_incidents", []) for doc in entry["documents"]}
    for incident in data["incidents"]:
        types = {TYPE_MAP[t.lower()] for t in incident["types"] if t.lower() in TYPE_MAP}
        for doc in incident["documents"]:
            found[doc] = (incident["key"], types)
    return found


def article_f1(rows: list[Labelled], keep: np.ndarray, gold: dict[str, set[str]]) -> dict[str, float]:
    """The CASIE scorer's type figure over the articles: each article's kept types against its gold types."""
    kept: dict[str, set[str]] = {}
    for row, ok in zip(rows, keep, strict=True):
        kept.setdefault(row.article, set())
        if ok:
            kept[row.article].add(TYPE_MAP[row.kind])
    tp = sum(len(kept.get(a, set()) & types) for a, types in gold.items())
    predicted = sum(len(types) for types in kept.values())
    relevant = sum(len(types) for types in gold.values())
    precision, recall = tp / max(1, predicted), tp / max(1, relevant)
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / max(precision + recall, 1e-9), 3)}


def train(sets: dict[str, tuple[list[Labelled], dict[str, set[str]]]], sources: list[Path],
          incumbent: Incumbent) -> dict:
    rows = [row for found, _ in sets.values() for row in found]
    gold = {article: types for _, by_article in sets.values() for article, types in by_article.items()}
    x = proposal_vectors([row.proposal for row in rows], RESOURCES.encoder)
    y = np.asarray([float(row.right) for row in rows])
    groups = [row.group for row in rows]
    probabilities = {l2: [out_of_fold(x, y, l2, groups, FOLDS, seed) for seed in range(REPEATS)] for l2 in L2_GRID}
    losses = {l2: [log_loss(p, y) for p in found] for l2, found in probabilities.items()}
    l2 = one_standard_error(losses, incumbent.l2)
    threshold = plateau_middle({t: [article_f1(rows, p >= t, gold)["f1"] for p in probabilities[l2]]
                                for t in THRESHOLDS}, incumbent.threshold, counted=sum(map(len, gold.values())))
    probability = probabilities[l2][0]
    weights, bias = fit(x, y, l2)
    by_set, offset = {}, 0
    for name, (found, by_article) in sets.items():
        mine = np.zeros(len(rows), bool)
        mine[offset:offset + len(found)] = True
        offset += len(found)
        languages = sorted({row.language for row in found})
        by_set[name] = {
            "keeping_every_proposal": article_f1(found, np.ones(len(found), bool), by_article),
            "cross_validated": article_f1(found, probability[mine] >= threshold, by_article),
            **({"by_language": {language: article_f1(
                [r for r in found if r.language == language],
                np.asarray([p >= threshold for r, p in zip(found, probability[mine], strict=True)
                            if r.language == language]),
                {a: t for a, t in by_article.items() if any(r.article == a and r.language == language for r in found)})
                for language in languages}} if len(languages) > 1 else {}),
        }
    return {
        "about": "Logistic regression over the USE-multilingual embedding of the first sentence naming a type a "
                 "frame's attack sentences propose, then the features in FEATURES (see "
                 "cybertrack/extract/attack_types.py); fitted by scripts/train_attack_types.py",
        "features": list(FEATURES), "types": list(JUDGED),
        "fitted_on": [file_record(path) for path in sources],
        "proposals": {name: {"all": len(found), "right": sum(r.right for r in found)}
                      for name, (found, _) in sets.items()},
        "cross_validation": {
            "folds": FOLDS, "repeats": REPEATS,
            "log_loss_by_l2": {str(k): round(float(np.mean(v)), 4) for k, v in losses.items()}, "l2": l2,
            "threshold": threshold, "by_set": by_set,
            "note": "out-of-fold figures of the first split on the training articles (an incident's reports stay "
                    "in one fold), as the CASIE scorer counts types; articles whose frames propose nothing are left "
                    "out. l2: the strongest within one standard error of the best mean log-loss over the splits; "
                    "threshold: the middle of the plateau of the type F1 averaged over the splits",
        },
        "threshold": threshold,
        "threshold_chosen_by": "the middle of the thresholds whose type F1 of the 5-fold cross-validated "
                               "probabilities on the training articles, averaged over 5 splits, lies within one "
                               "standard error of the best (or the shipped model's, until it falls two standard "
                               "errors behind); no measuring set (casie-dev, multilingual-dev, seeds) was read",
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    args = parser.parse_args()
    sets = {}
    for name, (articles, _), labels in (("casie-train", CASIE, casie_gold(CASIE[1])),
                                                 ("multilingual-train", MULTILINGUAL,
                                                  multilingual_gold(MULTILINGUAL[1]))):
        found = proposals(articles, labels)
        proposed = {row.article for row in found}
        sets[name] = (found, {a: types for a, (_, types) in labels.items() if a in proposed})
    model = train(sets, [*CASIE, *MULTILINGUAL], Incumbent.shipped(OUT))
    print(json.dumps({key: value for key, value in model.items() if key not in ("weights", "bias")}, indent=1))
    print(json.dumps(dict(zip(FEATURES, model["weights"][-len(FEATURES):], strict=True)), indent=1))
    args.out.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
