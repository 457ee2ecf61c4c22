"""The same-incident model: what two reports share, how the resolver weighs it, and where its weights come from.

The reports are written here (invented victims and sentences); the model is the shipped one."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np

from cybertrack.embeddings import embed
from cybertrack.extract.article_names import article_names
from cybertrack.extract.frames import document_facts
from cybertrack.model import Evidence, Frame, Victim
from cybertrack.resolve import resolve
from cybertrack.same_incident import PAIR_FEATURES, pair_features, same_incident_model
from tests.fitted_models import assert_fitted_on_the_training_sets, assert_training_again_gives

# One invented attack told in English and Italian, and a different story about the same company.
HARBOUR_EN = ("Hackers encrypted the servers of Kettleby Shipping, the Rotterdam freight firm, halting its port "
              "terminals for three days.")
HARBOUR_IT = ("Un attacco ransomware ha cifrato i server di Kettleby Shipping, l'azienda di trasporti di Rotterdam, "
              "bloccando i terminal portuali per tre giorni.")
IN_PASSING = ("A ransomware gang shut down the billing systems of the Lisbon water utility; like the Kettleby Shipping "
              "case last year, it began with a phishing e-mail.")
NAMES = {"org:kettleby shipping": 0.6, "org:rotterdam": 0.4}


def report(document: str, sentence: str, names: dict[str, float], victims: list[Victim] | None = None,
           **fields) -> Frame:
    evidence = [Evidence(document, 0, len(sentence), sentence)]
    return Frame(document=document, victims=victims or [], evidence=evidence, names=dict(names), **fields)


def test_an_article_s_names_are_weighed_by_how_often_it_names_them() -> None:
    text = ("Hackers broke into Kettleby Shipping on Monday. Kettleby Shipping said its terminals were down. "
            "A spokesperson for Kettleby Shipping told Reuters the attack was contained.")
    names = article_names(document_facts(text, "en", "2024-03-01"))
    assert next(iter(names)) == "org:kettleby shipping"
    assert names["org:kettleby shipping"] > 0.5 > names.get("org:reuters", 0.0)
    assert abs(sum(names.values()) - 1.0) < 1e-3  # shares, rounded to four places


def test_pair_features_say_what_two_reports_share() -> None:
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    a = report("a.txt", HARBOUR_EN, NAMES, [victim], actors=["Mirefang"], vulnerabilities=["CVE-2024-0001"])
    b = report("b.txt", HARBOUR_IT, {"org:kettleby shipping": 0.5, "org:hamburg": 0.5}, [victim], actors=["Mirefang"])
    vectors = embed([HARBOUR_EN, HARBOUR_IT])
    features = dict(zip(PAIR_FEATURES, pair_features(a, vectors[0], b, vectors[1]), strict=True))
    assert features["same_victim"] == 1.0 and features["same_actor"] == 1.0 and features["same_cve"] == 0.0
    assert features["shared_names"] == 1 / 3 and features["names_weight"] == 0.5
    assert features["similarity"] > 0.5  # the same story in two languages reads alike


def test_two_languages_naming_the_same_company_are_one_incident_without_a_victim_in_either() -> None:
    """Neither report cast a victim in a sentence, but both keep naming the company and read alike."""
    english, italian = report("en.txt", HARBOUR_EN, NAMES), report("it.txt", HARBOUR_IT, NAMES)
    [incident] = resolve([english, italian])
    assert sorted(incident.documents) == ["en.txt", "it.txt"]


def test_a_report_that_names_the_company_in_passing_stays_apart() -> None:
    attack = report("en.txt", HARBOUR_EN, NAMES)
    water = report("water.txt", IN_PASSING, {"org:lisbon water utility": 0.8, "org:kettleby shipping": 0.2})
    assert len(resolve([attack, water])) == 2


def test_reports_that_read_alike_but_are_dated_years_apart_stay_apart() -> None:
    """Two attacks on one company: the model's likeness never outweighs contradicting dates."""
    english = report("en.txt", HARBOUR_EN, NAMES, first_seen="2019-05")
    italian = report("it.txt", HARBOUR_IT, NAMES, first_seen="2023-02")
    assert len(resolve([english, italian])) == 2


def test_the_model_file_says_what_it_was_fitted_on() -> None:
    model = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    assert_fitted_on_the_training_sets(model)
    assert model["features"] == list(PAIR_FEATURES)
    assert model["threshold"] == same_incident_model().threshold
    validation = model["cross_validation"]
    assert validation["across_languages"]["precision"] >= 0.9  # what the model is for: reports in two languages
    assert np.isclose(model["threshold"], validation["threshold"])


def test_training_again_gives_the_shipped_same_incident_model(tmp_path: Path) -> None:
    model = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    assert_training_again_gives(model, "train_same_incident.py", (), ("cross_validation", "threshold"),
                                tmp_path / "same_incident.json")
