"""Train the role model that decides which candidate names are victims (see cybertrack/extract/roles.py).

Usage:
    python scripts/train_role_model.py [--out FILE] [--without GROUP]... [--ablation]
    python scripts/train_role_model.py --measure ARTICLES GOLD [--weights FILE]

Training reads the two training sets and never a measuring set (casie-dev, multilingual-dev, the seeds). Each
article's candidates are those of the sentences the pipeline searches for victims, read as the pipeline reads them:
- casie-train (../shared/corpus/casie-train, gold ../shared/eval/casie_train_gold.jsonl): a candidate is a victim when
  it overlaps a Victim argument of an actual event in annotations.jsonl (CASIE marks the victim in one mention per
  event), or when its name is one of the article's gold victims by the scorers' own rule (score_seeds.names_match).
  A candidate on a machine CASIE marks as hit (a Victim of type System, Device or Software: "MongoDB", "servers")
  and no gold victim is left out: it teaches nothing about victims (see ``MACHINES``);
- multilingual-train (../shared/corpus/multilingual-train, gold ../shared/eval/multilingual_train_gold.json): the
  cleaned text of each document the gold speaks about; a candidate is a victim when its name matches one of the
  victims of the incident the document reports.

A candidate is a victim when a hand-written cue rule casts it and the model keeps it, or when the model alone is
sure of it (two thresholds). The 5-fold cross-validation (an article, or an incident's reports in all languages, stays
in one fold) is repeated on 5 splits: the regularisation is the strongest whose mean log-loss lies within one
standard error of the best, and both thresholds those with the highest per-article victim F1 averaged over the
splits (a victim counts once per article, as the scorers count it); with the model as a veto only, its one threshold
is the middle of that F1's plateau. The weights are then fitted on all candidates
and written to src/cybertrack/extract/data/role_model.json with what they were fitted on (file names, sha256, counts),
the cross-validated figures per set and language, and the hand rules' figures on the same candidates. The same data
and the same shipped model give the same file: a refit keeps the shipped model's regularisation and veto threshold
until they fall more than two standard errors behind the best (`reporting.Incumbent`).

``--without GROUP`` leaves a feature group out; ``--ablation`` prints the cross-validated figures with each group
left out in turn (and writes nothing). ``--measure`` prints the model's candidate-level figures on a labelled set
and fits nothing: the held-out figure on a measuring set, never used to choose anything.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib.util
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cybertrack.annotate.dates import Reference
from cybertrack.clean import clean
from cybertrack.extract.context_victims import context_window, written_as_name
from cybertrack.extract.frames import article_country, document_facts, one_organisation, reporting_nearby
from cybertrack.extract.reporting import Incumbent, fit, logistic, one_standard_error, out_of_fold, plateau_middle
from cybertrack.extract.roles import FEATURE_GROUPS, RULES, feature_names, features
from cybertrack.extract.victims import candidates, victim_of_another_attack
from cybertrack.pipeline import title_from_text
from cybertrack.resources import Resources

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS, EVAL = SHARED / "corpus", SHARED / "eval"
CASIE = (CORPUS / "casie-train" / "articles.jsonl", EVAL / "casie_train_gold.jsonl")
MULTILINGUAL = (CORPUS / "multilingual-train" / "articles.jsonl", EVAL / "multilingual_train_gold.json")
OUT = Path(__file__).resolve().parent.parent / "src" / "cybertrack" / "extract" / "data" / "role_model.json"
FOLDS, REPEATS = 5, 5  # the cross-validation is repeated on as many splits (seeds 0, 1, ...)
L2_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = [round(0.05 + 0.01 * i, 2) for i in range(91)]
NEVER = 1.01  # a threshold no probability reaches
RESOURCES = Resources()
ACTUAL = "Actual"
# CASIE's Victim arguments also mark the machines an attack hit ("MongoDB", "servers", "Windows PCs"). Its gold lists
# no machine as a victim, the multilingual gold neither, yet the seeds count the servers a campaign broke into as its
# victim: the label of a machine is a convention the sets disagree on, so candidates on machines are not trained on.
# Trained on as victims (as before), they taught the model that products are victims; as non-victims, it learned to
# drop the servers of a mass-exploitation campaign from the incident it opens.
MACHINES = frozenset({"System", "Device", "Software"})


@dataclass
class Labelled:
    """Candidates of one training set: their features (all groups), labels, languages, cross-validation groups, and
    the (article, victim key) each stands for: an article's export lists a victim once however often it is named;
    and whether each names one organisation (a name, a department, a state's one parliament) or only a sector."""

    name: str
    files: list[Path]
    x: np.ndarray
    y: np.ndarray
    languages: list[str]
    groups: list[str]
    names: list[tuple[str, str]]
    one_organisation: list[bool]
    other_attack: list[bool]  # a mention of another attack's victim (`victims.victim_of_another_attack`)
    attack_sentence: list[bool]  # the candidate's sentence reports an attack
    capitalised: list[bool]  # written with a capital letter (`context_victims.written_as_name`)
    windows: list[str]  # each name with the words around it (`context_victims.context_window`)


def _names_match() -> Callable[[str, list[str]], bool]:
    """The scorers' own rule for "this exported name is that gold victim"."""
    spec = importlib.util.spec_from_file_location("score_seeds", EVAL / "score_seeds.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.names_match


@dataclass
class _Builder:
    rows: list[np.ndarray] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)
    one_organisation: list[bool] = field(default_factory=list)
    other_attack: list[bool] = field(default_factory=list)
    attack_sentence: list[bool] = field(default_factory=list)
    capitalised: list[bool] = field(default_factory=list)
    windows: list[str] = field(default_factory=list)

    def add(self, article: str, text: str, language: str, published: str | None, group: str,
            label: Callable[[int, int, str], bool | None]) -> None:
        """The candidates of the sentences the pipeline searches for victims; ``label(start, end, name)`` says
        whether the candidate at these offsets of ``text`` is a victim, or None to leave it out of the training."""
        facts = document_facts(text, language, Reference.parse(published), RESOURCES)
        country = article_country(facts)
        for sentence in facts:
            found = candidates(sentence) if reporting_nearby(facts, sentence.index) else []
            if not found:
                continue
            labels = [label(sentence.start + c.start, sentence.start + c.end, c.victim.name) for c in found]
            kept = [i for i, known in enumerate(labels) if known is not None]
            if not kept:
                continue
            self.rows.append(features(sentence, found)[kept])
            self.y += [float(labels[i]) for i in kept]
            self.languages += [language] * len(kept)
            self.groups += [group] * len(kept)
            self.names += [(article, found[i].victim.key) for i in kept]
            self.one_organisation += [one_organisation(found[i], country) for i in kept]
            self.other_attack += [victim_of_another_attack(sentence, found[i]) for i in kept]
            self.attack_sentence += [sentence.is_attack] * len(kept)
            self.capitalised += [written_as_name(sentence, found[i]) for i in kept]
            self.windows += [context_window(sentence, found[i]) for i in kept]

    def labelled(self, name: str, files: list[Path]) -> Labelled:
        return Labelled(name, files, np.vstack(self.rows), np.asarray(self.y), self.languages, self.groups, self.names,
                        self.one_organisation, self.other_attack, self.attack_sentence, self.capitalised, self.windows)


def casie_candidates(articles: Path, gold_file: Path) -> Labelled:
    """A candidate is a victim when it overlaps a Victim argument of an actual event, or its name is one of the
    article's gold victims (CASIE annotates the victim in one mention per event, the gold lists it per article); one
    on a machine CASIE marks as hit is left out unless the gold names it (``MACHINES``)."""
    annotations = articles.parent / "annotations.jsonl"
    names_match = _names_match()
    victims: dict[str, list[tuple[int, int]]] = {}
    machines: dict[str, list[tuple[int, int]]] = {}
    for line in annotations.read_text("utf-8").splitlines():
        row = json.loads(line)
        for event in row["events"]:
            for argument in event["arguments"]:
                if argument["role"] != "Victim":
                    continue
                span = (argument["start"], argument["end"])
                if argument["type"] in MACHINES:
                    machines.setdefault(row["id"], []).append(span)
                elif event["realis"] == ACTUAL:
                    victims.setdefault(row["id"], []).append(span)
    gold = {row["id"]: row["victims"] for row in map(json.loads, gold_file.read_text("utf-8").splitlines())}

    def label(article: str, start: int, end: int, name: str) -> bool | None:
        def overlaps(spans: list[tuple[int, int]]) -> bool:
            return any(start < b and a < end for a, b in spans)

        names = gold.get(article, [])
        if names and names_match(name, names):
            return True
        if overlaps(machines.get(article, [])):
            return None
        return overlaps(victims.get(article, []))

    found = _Builder()
    for line in articles.read_text("utf-8").splitlines():
        article = json.loads(line)
        found.add(article["id"], article["text"], "en", article.get("published"), article["id"],
                  functools.partial(label, article["id"]))
    return found.labelled("casie-train", [articles, annotations, gold_file])


def multilingual_candidates(articles: Path, gold_file: Path) -> Labelled:
    """The cleaned text of each document the gold speaks about; a candidate is a victim when its name matches one
    of the victims of the incident the document reports. The reports of one incident form one fold group."""
    gold = json.loads(gold_file.read_text("utf-8"))
    names_match = _names_match()
    wanted: dict[str, tuple[str, list[str]]] = {}
    for entry in gold.get("must_not_be_incidents", []):
        for document in entry["documents"]:
            wanted[document] = (document, [])
    for incident in gold["incidents"]:
        names = [name for victim in incident["victims"] for name in victim["names"]]
        for document in incident["documents"] + incident.get("optional_documents", []):
            wanted.setdefault(document, (incident["key"], []))[1].extend(names)
    found = _Builder()
    for line in articles.read_text("utf-8").splitlines():
        article = json.loads(line)
        if article["id"] not in wanted:
            continue
        group, names = wanted[article["id"]]
        title = article.get("title") or title_from_text(article["text"])
        text = clean(article["text"], title, RESOURCES.encoder).text
        found.add(article["id"], text, article["language"], article.get("published"), group,
                  lambda s, e, name, names=names: bool(names) and names_match(name, names))
    return found.labelled("multilingual-train", [articles, gold_file])


def labelled_set(articles: Path, gold: Path) -> Labelled:
    return casie_candidates(articles, gold) if gold.suffix == ".jsonl" else multilingual_candidates(articles, gold)


def rules_fire(data: Labelled) -> np.ndarray:
    """Where the hand-written cue rules cast a candidate as a victim."""
    everything = feature_names()
    return data.x[:, [everything.index(f"cues:{name}") for name in RULES]].max(axis=1) > 0


def columns(groups: tuple[str, ...]) -> np.ndarray:
    everything = feature_names()
    return np.asarray([everything.index(name) for name in feature_names(groups)])


def decide(probability: np.ndarray, rules: np.ndarray, thresholds: dict[str, float]) -> np.ndarray:
    """The role model's decision (as `roles.victims_in` makes it): a candidate a rule casts and the model keeps, or
    one the model alone is sure of."""
    return (rules & (probability >= thresholds["with_rule"])) | (probability >= thresholds["alone"])


def figures(predicted: np.ndarray, y: np.ndarray) -> dict[str, float]:
    tp = int((predicted & (y == 1)).sum())
    precision, recall = tp / max(1, predicted.sum()), tp / max(1, (y == 1).sum())
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(float(precision), 3), "recall": round(float(recall), 3), "f1": round(float(f1), 3)}


def victim_ids(names: list[tuple[str, ...]]) -> np.ndarray:
    """One number per distinct (article, victim key): the victims an export lists."""
    ids = {name: i for i, name in enumerate(dict.fromkeys(names))}
    return np.asarray([ids[name] for name in names], dtype=np.int64)


def article_figures(predicted: np.ndarray, y: np.ndarray, ids: np.ndarray) -> dict[str, float]:
    """Victims per article, as the export lists them and the scorers count them: a victim counts once however often
    the article names it, and is found when any of its mentions is taken. ``ids`` come from `victim_ids`."""
    taken, gold = np.unique(ids[predicted]), np.unique(ids[y == 1])
    tp = int(np.isin(taken, gold).sum())
    precision, recall = tp / max(1, len(taken)), tp / max(1, len(gold))
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def log_loss(probability: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(probability, 1e-9, 1 - 1e-9)
    return round(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 4)


def choose_thresholds(probabilities: list[np.ndarray], rules: np.ndarray, y: np.ndarray, ids: np.ndarray,
                      veto_only: bool, incumbent: float | None) -> tuple[dict[str, float], float]:
    """The pair of cuts with the highest per-article victim F1, averaged over the repeated cross-validations'
    probabilities, and that F1. Each victim taken opens an incident, so victims are scored once per article, as the
    scorers do. On a tie the lowest cut with a rule and the highest cut alone win: the hand rules stay the default.
    One split's curve is jagged: with it, one more name matched in the training articles moved the cut from 0.16 to
    0.23; the mean over several splits moves far less."""
    if veto_only:  # one cut: the middle of its plateau, which one more name matched does not move
        scores = {t: [article_figures(decide(p, rules, {"with_rule": t, "alone": NEVER}), y, ids)["f1"]
                      for p in probabilities] for t in THRESHOLDS}
        with_rule = plateau_middle(scores, incumbent, counted=len(np.unique(ids[y == 1])))
        return {"with_rule": with_rule, "alone": NEVER}, round(float(np.mean(scores[with_rule])), 3)
    best, best_f1 = {"with_rule": THRESHOLDS[0], "alone": NEVER}, -1.0
    for alone in [NEVER, *reversed(THRESHOLDS)]:
        for with_rule in (t for t in THRESHOLDS if t <= alone):
            cuts = {"with_rule": with_rule, "alone": alone}
            f1 = round(float(np.mean([article_figures(decide(p, rules, cuts), y, ids)["f1"]
                                      for p in probabilities])), 3)
            if f1 > best_f1:
                best, best_f1 = cuts, f1
    return best, best_f1


def write_model(model: dict, out: Path) -> None:
    """Print what a fitted model says of itself (its figures, not its weights) and write it to ``out``."""
    print(json.dumps({key: value for key, value in model.items() if not key.endswith("weights") and key != "bias"},
                     indent=1))
    out.write_text(json.dumps(model) + "\n", encoding="utf-8")
    print(f"wrote {out}")


def file_record(path: Path) -> dict[str, str]:
    name = str(path.resolve().relative_to(SHARED)) if path.resolve().is_relative_to(SHARED) else path.name
    return {"file": name, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def set_figures(predicted: np.ndarray, data: Labelled) -> dict:
    """Per-article and per-candidate figures of one set, with a line per language."""
    table, ids = {}, victim_ids(data.names)
    for language in sorted(set(data.languages)):
        mine = np.asarray(data.languages) == language
        table[language] = {"candidates": int(mine.sum()), "victim_mentions": int(data.y[mine].sum()),
                           "per_article": article_figures(predicted[mine], data.y[mine], ids[mine]),
                           "per_candidate": figures(predicted[mine], data.y[mine])}
    rules = rules_fire(data)
    return {"per_article": article_figures(predicted, data.y, ids),
            "per_candidate": figures(predicted, data.y),
            "hand_rules_per_article": article_figures(rules, data.y, ids), "by_language": table}


def cross_validate(sets: list[Labelled], groups: tuple[str, ...], veto_only: bool, incumbent: Incumbent) -> dict:
    """The l2 and the thresholds with the best cross-validated per-article F1, and the out-of-fold figures, for the
    features of ``groups``."""
    x = np.vstack([data.x for data in sets])[:, columns(groups)]
    y = np.concatenate([data.y for data in sets])
    rules = np.concatenate([rules_fire(data) for data in sets])
    folds = [f"{data.name}/{group}" for data in sets for group in data.groups]
    ids = victim_ids([(data.name, *name) for data in sets for name in data.names])
    probabilities = {l2: [out_of_fold(x, y, l2, folds, FOLDS, seed) for seed in range(REPEATS)] for l2 in L2_GRID}
    losses = {l2: [log_loss(p, y) for p in found] for l2, found in probabilities.items()}
    l2 = one_standard_error(losses, incumbent.l2)
    thresholds, f1 = choose_thresholds(probabilities[l2], rules, y, ids, veto_only, incumbent.threshold)
    probability = probabilities[l2][0]
    predicted = decide(probability, rules, thresholds)
    per_set = np.split(predicted, np.cumsum([len(data.y) for data in sets])[:-1])
    return {
        "folds": FOLDS, "repeats": REPEATS, "l2": l2, "thresholds": thresholds, "mean_per_article_f1": f1,
        "tried": {str(k): {"log_loss": round(float(np.mean(v)), 4),
                           "standard_error": round(float(np.std(v) / np.sqrt(len(v))), 4)} for k, v in losses.items()},
        "per_article": article_figures(predicted, y, ids), "per_candidate": figures(predicted, y),
        "hand_rules_per_article": article_figures(rules, y, ids),
        "by_set": {data.name: set_figures(p, data) for p, data in zip(per_set, sets, strict=True)},
        "note": "out-of-fold figures of the first split (an article, or all reports of one incident, stay in one "
                "fold); the l2 (the strongest within one standard error of the best mean log-loss) and the thresholds "
                "(the best per-article F1 averaged over the splits) were chosen on these folds, so they lean a little "
                "optimistic. hand_rules_per_article: the cue rules alone on the same candidates",
    }


def train(sets: list[Labelled], groups: tuple[str, ...], veto_only: bool, incumbent: Incumbent) -> dict:
    validation = cross_validate(sets, groups, veto_only, incumbent)
    x = np.vstack([data.x for data in sets])[:, columns(groups)]
    y = np.concatenate([data.y for data in sets])
    weights, bias = fit(x, y, validation["l2"])
    return {
        "about": "Logistic regression deciding whether a candidate name is a victim of the attack its sentence "
                 "reports; fitted by scripts/train_role_model.py",
        "fitted_on": [{"name": data.name, "files": [file_record(path) for path in data.files],
                       "candidates": len(data.y), "victim_mentions": int(data.y.sum())} for data in sets],
        "cross_validation": validation,
        "thresholds": validation["thresholds"], "veto_only": veto_only,
        "thresholds_chosen_by": ("the middle of the plateau (within one standard error of the best; or the shipped "
                                  "model's, until it falls two standard errors behind)" if veto_only
                                 else "the highest") + " per-article victim F1 of the 5-fold cross-validated "
                                "probabilities on the training candidates; no measuring set (casie-dev, "
                                "multilingual-dev, seeds) was read",
        "groups": list(groups), "features": feature_names(groups),
        "bias": round(float(bias), 6), "weights": [round(float(w), 6) for w in weights],
    }


def measure(articles: Path, gold: Path, weights_file: Path) -> None:
    """Per-article and per-candidate figures of a weights file on a labelled set; nothing is chosen from them."""
    model = json.loads(weights_file.read_text("utf-8"))
    data = labelled_set(articles, gold)
    probability = logistic(data.x[:, columns(tuple(model["groups"]))], np.asarray(model["weights"]), model["bias"])
    print(json.dumps(set_figures(decide(probability, rules_fire(data), model["thresholds"]), data)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    parser.add_argument("--without", action="append", default=[], choices=list(FEATURE_GROUPS),
                        help="leave a feature group out (repeatable)")
    parser.add_argument("--veto-only", action="store_true",
                        help="the model only vetoes what the cue rules cast; it never takes a candidate alone")
    parser.add_argument("--ablation", action="store_true", help="cross-validate with each group left out in turn")
    parser.add_argument("--measure", type=Path, nargs=2, metavar=("ARTICLES", "GOLD"),
                        help="score the model on a labelled set (a CASIE gold .jsonl or a seeds-format gold .json)")
    parser.add_argument("--weights", type=Path, default=OUT, help="the weights file --measure scores")
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure, args.weights)
        return
    sets = [casie_candidates(*CASIE), multilingual_candidates(*MULTILINGUAL)]
    groups = tuple(group for group in FEATURE_GROUPS if group not in args.without)
    incumbent = Incumbent.shipped(OUT)
    if args.ablation:
        for left_out in (None, *groups):
            validation = cross_validate(sets, tuple(group for group in groups if group != left_out), args.veto_only,
                                        incumbent)
            print(json.dumps({"without": left_out, "per_article": validation["per_article"],
                              "thresholds": validation["thresholds"], "l2": validation["l2"],
                              "by_set": {name: {language: row["per_article"]["f1"]
                                                for language, row in found["by_language"].items()}
                                         for name, found in validation["by_set"].items()}}), flush=True)
        return
    model = train(sets, groups, args.veto_only, incumbent)
    write_model(model, args.out)


if __name__ == "__main__":
    main()
