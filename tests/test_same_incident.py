"""The same-incident model: what two reports share, how the resolver weighs it, and where its weights come from.

The reports are written here (invented victims and sentences); the model is the shipped one."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from cybertrack.blocking import block_keys
from cybertrack.extract.article_names import article_names
from cybertrack.extract.frames import document_facts
from cybertrack.model import Evidence, Frame, Victim
from cybertrack.resolve import SHARED_VICTIM_LIKENESS, resolve
from cybertrack.same_incident import (
    LEAD,
    PAIR_FEATURES,
    SENTENCES,
    anchored,
    frame_vectors,
    name_likeness,
    opens_article,
    pair_features,
    report_vector,
    same_incident_model,
)
from tests.conftest import RESOURCES
from tests.fitted_models import assert_fitted_on_the_training_sets, assert_training_again_gives

# One invented attack told in English and Italian, and a different story about the same company.
HARBOUR_EN = ("Hackers encrypted the servers of Kettleby Shipping, the Rotterdam freight firm, halting its port "
              "terminals for three days.")
HARBOUR_IT = ("Un attacco ransomware ha cifrato i server di Kettleby Shipping, l'azienda di trasporti di Rotterdam, "
              "bloccando i terminal portuali per tre giorni.")
IN_PASSING = ("Una banda di ransomware ha bloccato i sistemi di fatturazione dell'azienda idrica di Lisbona; come nel "
              "caso Kettleby Shipping dell'anno scorso, tutto è iniziato con un'e-mail di phishing.")
PORT_LEAD_EN = "Rotterdam freight firm Kettleby Shipping hit by ransomware. Port terminals halted for three days."
PORT_LEAD_IT = "Ransomware contro Kettleby Shipping a Rotterdam: terminal portuali fermi per tre giorni."
NAMES = {"org:kettleby shipping": 0.6, "org:rotterdam": 0.4}


def report(document: str, sentence: str, names: dict[str, float], victims: list[Victim] | None = None,
           language: str = "en", **fields) -> Frame:
    evidence = [Evidence(document, 0, len(sentence), sentence)]
    return Frame(document=document, victims=victims or [], evidence=evidence, names=dict(names), language=language,
                 **fields)


def vectors_of(*reports: Frame) -> list[np.ndarray]:
    """Each report's vector, its one sentence standing for its article's lead too."""
    return [report_vector(v) for v in RESOURCES.encoder.embed([r.evidence[0].sentence for r in reports])]


def test_an_article_s_names_are_weighed_by_how_often_it_names_them() -> None:
    text = ("Hackers broke into Kettleby Shipping on Monday. Kettleby Shipping said its terminals were down. "
            "A spokesperson for Kettleby Shipping told Reuters the attack was contained.")
    names = article_names(document_facts(text, "en", "2024-03-01", RESOURCES))
    assert next(iter(names)) == "org:kettleby shipping"
    assert names["org:kettleby shipping"] > 0.5 > names.get("org:reuters", 0.0)
    assert abs(sum(names.values()) - 1.0) < 1e-3  # shares, rounded to four places


def test_pair_features_say_what_two_reports_share() -> None:
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    a = report("a.txt", HARBOUR_EN, NAMES, [victim], actors=["Mirefang"], vulnerabilities=["CVE-2024-0001"])
    b = report("b.txt", HARBOUR_IT, {"org:kettleby shipping": 0.5, "org:hamburg": 0.5}, [victim], "it",
               actors=["Mirefang"])
    sentences = RESOURCES.encoder.embed([HARBOUR_EN, HARBOUR_IT, PORT_LEAD_EN, PORT_LEAD_IT])
    vector_a, vector_b = report_vector(sentences[0], sentences[2]), report_vector(sentences[1], sentences[3])
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert features["same_victim"] == 1.0 and features["other_victims"] == 0.0
    assert features["victim_name_likeness"] == 1.0
    assert features["same_actor"] == 1.0 and features["same_cve"] == 0.0
    assert features["shared_names"] == 1 / 3 and features["names_weight"] == 0.5
    assert features["sentence_similarity"] == pytest.approx(float(sentences[0] @ sentences[1]), abs=1e-6)
    assert features["lead_similarity"] == pytest.approx(float(sentences[2] @ sentences[3]), abs=1e-6)
    assert features["sentence_similarity"] > 0.5  # the same story in two languages reads alike


def test_reports_naming_different_victims_say_so() -> None:
    a = report("a.txt", HARBOUR_EN, NAMES, [Victim("Kettleby Shipping", "org:kettleby shipping")])
    b = report("b.txt", IN_PASSING, NAMES, [Victim("Lisbon water utility", "org:lisbon water utility")], "it")
    vector_a, vector_b = vectors_of(a, b)
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert features["same_victim"] == 0.0 and features["other_victims"] == 1.0
    assert features["victim_name_likeness"] < 0.1


def test_reports_naming_different_actors_say_so() -> None:
    a = report("a.txt", HARBOUR_EN, NAMES, actors=["Mirefang"])
    b = report("b.txt", HARBOUR_IT, NAMES, language="it", actors=["Palehook"])
    anonymous = report("c.txt", HARBOUR_IT, NAMES, language="it")
    vector_a, vector_b, vector_c = vectors_of(a, b, anonymous)
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert features["same_actor"] == 0.0 and features["other_actors"] == 1.0
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, anonymous, vector_c), strict=True))
    assert features["other_actors"] == 0.0  # one report that names nobody contradicts nothing


def test_one_story_told_of_two_different_actors_in_two_languages_is_two_incidents() -> None:
    """Two thefts of cryptocurrency told in English and Spanish a month apart, with no victim named, read alike
    enough to be joined; each names another actor, and they are two incidents."""
    english = report("a.txt", "Mirefang stole cryptocurrency worth 90 million dollars from a trading platform in "
                     "Veldmark.", {}, actors=["Mirefang"], types=["data-theft"], first_seen="2024-03")
    spanish = report("b.txt", "Los piratas de Palehook robaron criptomonedas por valor de 40 millones de dólares a una "
                     "empresa de Korvan.", {}, language="es", actors=["Palehook"], types=["data-theft"],
                     first_seen="2024-04")
    assert len(resolve([english, spanish], vectors_of(english, spanish))) == 2


def test_one_actor_s_operations_against_victims_in_two_countries_are_two_incidents() -> None:
    """The same group, the same month, the same wording in two languages, but each report names another victim in
    another country and they share no CVE or malware: two operations."""
    english = report("a.txt", "APT41 broke into the networks of Lutrecht Freight, a shipping firm in Norway, and stole "
                     "route data and customer contracts.", {"org:lutrecht freight": 1.0},
                     [Victim("Lutrecht Freight", "org:lutrecht freight", "NO")], actors=["APT41"],
                     types=["espionage"], first_seen="2024-03")
    spanish = report("b.txt", "APT41 se infiltró en las redes de Korvan Logística, una naviera de México, y robó datos "
                     "de rutas y contratos de clientes.", {"org:korvan logistica": 1.0},
                     [Victim("Korvan Logística", "org:korvan logistica", "MX")], language="es", actors=["APT41"],
                     types=["espionage"], first_seen="2024-03")
    assert len(resolve([english, spanish], vectors_of(english, spanish))) == 2
    outbreak = report("c.txt", spanish.evidence[0].sentence, {"org:korvan logistica": 1.0}, spanish.victims,
                      language="es", actors=["APT41"], malware=["Gloomcrypt"], types=["espionage"],
                      first_seen="2024-03")
    english.malware.append("Gloomcrypt")
    assert len(resolve([english, outbreak], vectors_of(english, outbreak))) == 1  # one outbreak's malware


def test_a_gang_s_own_ransomware_against_victims_in_two_countries_is_two_incidents() -> None:
    """The gang and its ransomware bear one name ("LockBit" is both): a gang hits a victim a day, in the same words,
    and the name it shares with its malware makes no outbreak of two of its attacks."""
    french = report("a.txt", "Le groupe Brindle a chiffré les serveurs de la commune de Varennes-sur-Lorve avec son "
                    "rançongiciel et exige une rançon.", {"org:commune de varennes sur lorve": 1.0},
                    [Victim("commune de Varennes-sur-Lorve", "org:commune de varennes sur lorve", "FR")], "fr",
                    actors=["Brindle"], malware=["Brindle"], types=["ransomware"], first_seen="2024-03")
    italian = report("b.txt", "Il gruppo Brindle ha cifrato i server del comune di Valdorra con il suo ransomware e "
                     "chiede un riscatto.", {"org:comune di valdorra": 1.0},
                     [Victim("comune di Valdorra", "org:comune di valdorra", "IT")], "it", actors=["Brindle"],
                     malware=["Brindle"], types=["ransomware"], first_seen="2024-03")
    assert len(resolve([french, italian], vectors_of(french, italian))) == 2


def test_two_crews_attacks_on_two_victims_of_one_country_are_two_incidents() -> None:
    """Two gangs' attacks on two German victims in one week read alike in any language, and both articles name the
    agency that helps; who did it and whom it hit both differ, so nothing says they are one."""
    german = report("a.txt", "Die Ransomware-Gruppe Brindle hat die Server der Stadtverwaltung Kornfeld verschlüsselt; "
                    "das BSI unterstützt die Stadt.", {"org:stadtverwaltung kornfeld": 0.6, "org:bsi": 0.4},
                    [Victim("Stadtverwaltung Kornfeld", "org:stadtverwaltung kornfeld", "DE")], "de",
                    actors=["Brindle"], types=["ransomware"], first_seen="2024-03")
    english = report("b.txt", "The ransomware group Halvorn encrypted the servers of the city of Kornholm; the BSI "
                     "is helping the city.", {"org:city of kornholm": 0.6, "org:bsi": 0.4},
                     [Victim("city of Kornholm", "org:city of kornholm", "DE")], actors=["Halvorn"],
                     types=["ransomware"], first_seen="2024-03")
    assert len(resolve([german, english], vectors_of(german, english))) == 2


def test_one_crew_s_attacks_on_two_towns_too_small_for_the_gazetteer_are_two_incidents() -> None:
    """A gang hits a town hall a week, in the same words; a town's name crosses languages unchanged, so two reports
    that name other towns tell of two attacks, though neither town's country is known."""
    french = report("a.txt", "Le groupe Brindle a chiffré les serveurs de la commune de Varennes-sur-Lorve avec son "
                    "rançongiciel et exige une rançon.", {"org:varennes sur lorve": 1.0},
                    [Victim("commune de Varennes-sur-Lorve", "org:varennes sur lorve", None, "government")], "fr",
                    actors=["Brindle"], malware=["Brindle"], types=["ransomware"], first_seen="2024-03")
    dutch = report("b.txt", "De groep Brindle heeft de servers van de gemeente Wolderhove versleuteld met haar "
                   "ransomware en eist losgeld.", {"org:wolderhove": 1.0},
                   [Victim("gemeente Wolderhove", "org:wolderhove", None, "government")], "nl", actors=["Brindle"],
                   malware=["Brindle"], types=["ransomware"], first_seen="2024-03")
    assert len(resolve([french, dutch], vectors_of(french, dutch))) == 2


def test_an_outbreak_told_without_a_common_victim_shares_its_malware_country_type_and_month() -> None:
    """Reports of one outbreak in two languages may cast no victim alike; what they share besides is said."""
    a = report("a.txt", HARBOUR_EN, {"NL/ministry:health": 0.5}, malware=["Gloomcrypt"], types=["ransomware"],
               first_seen="2024-03-02")
    b = report("b.txt", HARBOUR_IT, {}, [Victim("ospedale", "NL/healthcare:ospedale", "NL", "healthcare", True)], "it",
               malware=["Gloomcrypt"], types=["ransomware", "other"], first_seen="2024-04")
    vector_a, vector_b = vectors_of(a, b)
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert features["same_malware"] == features["same_country"] == features["same_type"] == 1.0
    assert features["close_dates"] == 1.0
    assert "malware:Gloomcrypt" in block_keys(a) & block_keys(b)


def test_reports_sharing_only_other_or_nothing_do_not_say_they_share() -> None:
    a = report("a.txt", HARBOUR_EN, {}, types=["other"], first_seen="2024-01", malware=["Gloomcrypt"])
    b = report("b.txt", HARBOUR_IT, {}, language="it", types=["other"], first_seen="2024-06", malware=["Palecrypt"])
    undated = report("c.txt", HARBOUR_IT, {}, language="it")
    vector_a, vector_b, vector_c = vectors_of(a, b, undated)
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert features["same_malware"] == features["same_country"] == features["same_type"] == 0.0
    assert features["close_dates"] == 0.0  # five months apart
    assert dict(zip(PAIR_FEATURES, pair_features(a, vector_a, undated, vector_c), strict=True))["close_dates"] == 0.0


def test_reports_published_years_apart_say_so_even_undated() -> None:
    """One company attacked in 2019 and again in 2023: neither report dates the attack, their publication does."""
    earlier = report("a.txt", HARBOUR_EN, NAMES, disclosed="2019-09-24")
    later = report("b.txt", HARBOUR_IT, NAMES, language="it", disclosed="2023-05")
    soon = report("c.txt", HARBOUR_IT, NAMES, language="it", disclosed="2019-10")
    unknown = report("d.txt", HARBOUR_IT, NAMES, language="it")
    vectors = vectors_of(earlier, later, soon, unknown)

    def years(other: Frame, vector: np.ndarray) -> float:
        features = dict(zip(PAIR_FEATURES, pair_features(earlier, vectors[0], other, vector), strict=True))
        return features["years_between_reports"]

    assert years(later, vectors[1]) == 1.0  # three years and more are all "far apart"
    assert years(soon, vectors[2]) == pytest.approx(1 / 36)  # a month
    assert years(unknown, vectors[3]) == 0.0


def test_a_name_spelt_another_way_in_another_language_is_alike() -> None:
    assert name_likeness("Regione Lazio", "Lazio Region") > 0.5
    assert name_likeness("Regione Lazio", "Region Latium") > 0.25 > name_likeness("Regione Lazio", "Ferrari")


def test_only_the_frame_an_article_opens_with_is_judged_by_its_lead() -> None:
    first = report("a.txt", HARBOUR_EN, NAMES)
    later = Frame(document="a.txt", evidence=[Evidence("a.txt", 400, 400 + len(IN_PASSING), IN_PASSING)])
    assert opens_article(first, [first, later]) and not opens_article(later, [first, later])
    lead = RESOURCES.encoder.embed([PORT_LEAD_EN])[0]
    vectors = frame_vectors([first, later], RESOURCES.encoder, lead)
    assert np.array_equal(vectors[0][LEAD], lead)
    assert vectors[1] is None  # no key at all: compared with nothing


def test_reports_dated_in_adjacent_months_meet_in_the_index() -> None:
    august = report("a.txt", HARBOUR_EN, {}, first_seen="2021-08-01")
    september = report("b.txt", HARBOUR_IT, {}, language="it", first_seen="2021-09")
    december = report("c.txt", HARBOUR_IT, {}, language="it", first_seen="2021-12-30")
    assert block_keys(august) & block_keys(september)
    assert not block_keys(august) & block_keys(december)
    assert "month:2022-01" in block_keys(december)


def test_two_languages_naming_the_same_company_are_one_incident_without_a_victim_in_either() -> None:
    """Neither report cast a victim in a sentence, but both keep naming the company and read alike."""
    english, italian = report("en.txt", HARBOUR_EN, NAMES), report("it.txt", HARBOUR_IT, NAMES, language="it")
    [incident] = resolve([english, italian], vectors_of(english, italian))
    assert sorted(incident.documents) == ["en.txt", "it.txt"]
    [link] = incident.links  # and it says so, with the names both share and the model's probability
    assert link.by == "same-incident model" and link.names == ("org:kettleby shipping", "org:rotterdam")
    assert link.probability >= same_incident_model().threshold


def test_a_report_joins_an_incident_told_in_its_own_language_too_by_the_reports_in_the_others() -> None:
    """An incident already told in English and Italian takes a second Italian report: the model weighs it against
    the English report only (it judges pairs across languages), and the rules found nothing for the Italian pair."""
    english = report("en.txt", HARBOUR_EN, NAMES)
    italian = report("it.txt", HARBOUR_IT, NAMES, language="it")
    again = report("it2.txt", HARBOUR_IT.replace("tre giorni", "72 ore"), NAMES, language="it")
    [incident] = resolve([english, italian, again], vectors_of(english, italian, again))
    assert sorted(incident.documents) == ["en.txt", "it.txt", "it2.txt"]
    assert {link.by for link in incident.links} == {"same-incident model"}


def test_an_incident_split_by_the_order_reports_came_in_is_joined_again() -> None:
    """The Italian report comes after a weak English one it does not match, and before the English report that
    tells its story: it starts an incident of its own, the two English reports join by their victim and their gang
    (they read too far apart to join by their victim alone), and the second round joins the two incidents, since on
    average the Italian report matches theirs."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    weak = ("Kettleby Shipping said on Friday in Hamburg that its freight volumes rose by a tenth this quarter, and "
            "that a breach earlier this year cost it a week of business.")
    # the company is a fifth of what it names: a report about Hamburg's trade, read alone nothing like the Italian one
    first = report("a_en.txt", weak, {"org:kettleby shipping": 0.2, "org:hamburg": 0.8}, [victim], actors=["Mirefang"])
    italian = report("b_it.txt", HARBOUR_IT, NAMES, language="it")
    english = report("c_en.txt", HARBOUR_EN, NAMES, [victim], actors=["Mirefang"])
    vectors = vectors_of(first, italian, english)
    model = same_incident_model()
    [alone] = model.probability(np.asarray([pair_features(first, vectors[0], italian, vectors[1])]))
    assert alone < model.threshold  # so the Italian report could not join the first English one on its own
    [incident] = resolve([first, italian, english], vectors)
    assert sorted(incident.documents) == ["a_en.txt", "b_it.txt", "c_en.txt"]
    assert any(link.document == "b_it.txt" and link.by == "same-incident model" for link in incident.links)


@pytest.mark.parametrize("single", ["a_it.txt", "z_it.txt"])
def test_a_single_report_joins_the_incident_it_matches_whether_it_came_first_or_last(single: str) -> None:
    """An Italian report that names no victim, and an incident whose Italian and English reports name Kettleby
    Shipping. Come last, the Italian report joins the incident in the first round, weighed against its English
    report; come first, it is alone when they arrive, and the second round weighs it the same way (one pair across
    languages is enough there for an incident of a single report). The order decides nothing."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    alone = report(single, HARBOUR_IT, NAMES, language="it")
    italian = report("b_it.txt", HARBOUR_IT.replace("tre giorni", "72 ore"), NAMES, [victim], "it")
    english = report("c_en.txt", HARBOUR_EN, NAMES, [victim])
    [incident] = resolve([alone, italian, english], vectors_of(alone, italian, english))
    assert sorted(incident.documents) == sorted([single, "b_it.txt", "c_en.txt"])
    assert "same-incident model" in {link.by for link in incident.links}  # the rules could not join it


@pytest.mark.parametrize(("actors", "incidents"), [([], 2), (["Mirefang"], 1)])
def test_a_victim_alone_joins_only_reports_that_read_alike(actors: list[str], incidents: int) -> None:
    """A report on the quarter's freight figures that recalls a hack in a clause shares the company with the report
    of the hack, and little else: on the training sets, reports that share nothing but a victim and read this far
    apart were separate stories (a brand named in passing). With the gang named in both, they are one incident."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    figures = report("a.txt", "Kettleby Shipping said on Friday that its quarterly freight volumes rose by a tenth, "
                     "and that a breach earlier this year cost it a week.", NAMES, [victim], actors=actors)
    hack = report("b.txt", HARBOUR_EN, NAMES, [victim], actors=actors)
    vectors = vectors_of(figures, hack)
    assert float(vectors[0][SENTENCES] @ vectors[1][SENTENCES]) < SHARED_VICTIM_LIKENESS
    assert len(resolve([figures, hack], vectors)) == incidents


def test_incidents_naming_different_victims_are_not_joined_in_the_second_round() -> None:
    """As above, but the Italian report names whom it hit, and that is another company: the two incidents share a
    story's words and no victim, so they stay two."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    weak = ("Kettleby Shipping said on Friday that its quarterly freight volumes rose, and that a breach earlier "
            "this year cost it a week.")
    first = report("a_en.txt", weak, {"org:kettleby shipping": 1.0}, [victim], actors=["Mirefang"])
    italian = report("b_it.txt", HARBOUR_IT, NAMES, [Victim("Porto di Lutrecht", "org:porto di lutrecht")], "it")
    english = report("c_en.txt", HARBOUR_EN, NAMES, [victim], actors=["Mirefang"])
    incidents = resolve([first, italian, english], vectors_of(first, italian, english))
    assert sorted(sorted(i.documents) for i in incidents) == [["a_en.txt", "c_en.txt"], ["b_it.txt"]]


def test_within_one_language_the_model_never_merges_reports_that_name_no_victim() -> None:
    """Two reports in one language that share no victim: the rules decide there, and they find none."""
    first, second = report("a.txt", HARBOUR_EN, NAMES), report("b.txt", HARBOUR_EN.replace("three", "two"), NAMES)
    assert len(resolve([first, second], vectors_of(first, second))) == 2


def test_a_report_naming_nobody_joins_the_incident_of_the_victim_its_article_is_about_in_its_own_language() -> None:
    """A second English article about the Kettleby attack whose sentences cast no victim: no rule can join it, yet the
    name its article comes back to most is the victim the first report names, so the model weighs the pair."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    first = report("a.txt", HARBOUR_EN, NAMES, [victim])
    second = report("b.txt", HARBOUR_EN.replace("three days", "72 hours"), NAMES)
    [incident] = resolve([first, second], vectors_of(first, second))
    assert sorted(incident.documents) == ["a.txt", "b.txt"]
    assert [link.by for link in incident.links] == ["same-incident model"]


def test_a_report_naming_nobody_whose_article_is_about_another_name_stays_apart_in_its_own_language() -> None:
    """The same second article, but it comes back to Rotterdam more than to the company: it is not about the victim,
    and nothing joins it."""
    victim = Victim("Kettleby Shipping", "org:kettleby shipping")
    first = report("a.txt", HARBOUR_EN, NAMES, [victim])
    second = report("b.txt", HARBOUR_EN.replace("three days", "72 hours"),
                    {"org:kettleby shipping": 0.3, "org:rotterdam": 0.7})
    assert len(resolve([first, second], vectors_of(first, second))) == 2


def test_a_report_that_names_the_company_in_passing_stays_apart() -> None:
    attack = report("en.txt", HARBOUR_EN, NAMES)
    names = {"org:lisbon water utility": 0.8, "org:kettleby shipping": 0.2}
    water = report("water.txt", IN_PASSING, names, language="it")
    assert len(resolve([attack, water], vectors_of(attack, water))) == 2


def test_two_reports_naming_nobody_whose_articles_are_about_different_names_stay_apart() -> None:
    """Word for word the same attack, in two languages, but neither report names a victim, actor or CVE, and one
    article keeps coming back to Kettleby Shipping, the other to a Lisbon utility: nothing but wording ties them."""
    english = report("en.txt", HARBOUR_EN, NAMES)
    italian = report("it.txt", HARBOUR_IT, {"org:lisbon water utility": 0.8, "org:kettleby shipping": 0.2},
                     language="it")
    assert len(resolve([english, italian], vectors_of(english, italian))) == 2
    same_story = report("it2.txt", HARBOUR_IT, {"org:kettleby shipping": 0.7, "org:rotterdam": 0.3}, language="it")
    assert len(resolve([english, same_story], vectors_of(english, same_story))) == 1  # about the same name: joined


def test_reports_that_read_alike_but_are_dated_years_apart_stay_apart() -> None:
    """Two attacks on one company: the model's likeness never outweighs contradicting dates."""
    english = report("en.txt", HARBOUR_EN, NAMES, first_seen="2019-05")
    italian = report("it.txt", HARBOUR_IT, NAMES, language="it", first_seen="2023-02")
    assert len(resolve([english, italian], vectors_of(english, italian))) == 2


def test_the_model_file_says_what_it_was_fitted_on() -> None:
    model = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    assert_fitted_on_the_training_sets(model, ("multilingual-train",))  # pairs across languages: see its script
    assert model["features"] == list(PAIR_FEATURES)
    assert model["threshold"] == same_incident_model().threshold
    validation = model["cross_validation"]
    pairs = validation["pairs"]
    assert min(pairs["precision"], pairs["recall"]) > 0.6  # the threshold was chosen by F1: neither is given up
    assert np.isclose(model["threshold"], validation["threshold"])


def test_training_again_gives_the_shipped_same_incident_model(tmp_path: Path) -> None:
    model = json.loads((resources.files("cybertrack") / "data" / "same_incident.json").read_text("utf-8"))
    assert_training_again_gives(model, "train_same_incident.py", (), ("cross_validation", "threshold"),
                                tmp_path / "same_incident.json")


def test_reports_sharing_nothing_but_their_wording_are_two_incidents() -> None:
    """Two ransomware stories in two languages the same week, each about a town that the other does not name, with
    no victim cast in one: alike in every word but the names, they share no anchor (`same_incident.anchored`) and
    are two incidents, however alike they read."""
    english = report("a.txt", "Ransomware encrypted the servers of a town hall in the north of Veldmark, halting "
                     "its services for a week.", {"org:brindle": 1.0}, types=["ransomware"], first_seen="2024-03")
    dutch = report("b.txt", "Ransomware versleutelde de servers van het stadhuis van Norvale, waardoor de "
                   "dienstverlening een week stillag.", {"org:norvale": 1.0},
                   [Victim("stadhuis van Norvale", "org:norvale", None)], language="nl", types=["ransomware"],
                   first_seen="2024-03")
    vectors = vectors_of(english, dutch)
    features = np.asarray([pair_features(english, vectors[0], dutch, vectors[1])])
    assert not anchored(features)[0]
    assert len(resolve([english, dutch], vectors)) == 2


def test_an_actor_spelt_another_way_is_the_same_actor() -> None:
    a = report("a.txt", HARBOUR_EN, {}, actors=["Darkside"])
    b = report("b.txt", HARBOUR_IT, {}, language="it", actors=["DarkSide"])
    vector_a, vector_b = vectors_of(a, b)
    features = dict(zip(PAIR_FEATURES, pair_features(a, vector_a, b, vector_b), strict=True))
    assert (features["same_actor"], features["other_actors"]) == (1.0, 0.0)
