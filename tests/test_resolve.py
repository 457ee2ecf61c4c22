"""Resolving frames into incidents, with frames built by hand (invented victims and sentences)."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from cybertrack.explain import explained
from cybertrack.extract.frames import extract_frames
from cybertrack.model import Certainty, Claim, ClaimantKind, Evidence, Frame, Incident, Stance, Victim
from cybertrack.resolve import LINK_REPORTS, resolve
from tests.conftest import RESOURCES

INTERIOR_EN = Victim("Interior Ministry", "BE/ministry:interior", "BE", "government")
INTERIOR_IT = Victim("ministero degli interni", "BE/ministry:interior", "BE", "government")
INTERIOR_OPEN = Victim("ministère de l'Intérieur", "?/ministry:interior", None, "government")
INTERIOR_NL = Victim("Dutch Interior Ministry", "NL/ministry:interior", "NL", "government")
WATER = Victim("Ostrava water utility", "CZ/utility:water:ostrava", "CZ", "utilities")

SENTENCES = {
    "en": "Hackers broke into the Belgian Interior Ministry's mail servers and stayed there for two years.",
    "it": "Gli hacker sono entrati nei server di posta del ministero degli interni belga e vi rimasero due anni.",
    "fr": "Des pirates ont pénétré les serveurs de messagerie du ministère de l'Intérieur pendant deux ans.",
    "nl": "Hackers broke into the Dutch Interior Ministry's mail servers and stayed there for two years.",
    "water": "A ransomware gang encrypted the billing servers of the Ostrava water utility on Sunday.",
}


def frame(document: str, sentence: str, victims: list[Victim], start: int = 0, **fields) -> Frame:
    evidence = [Evidence(document, start, start + len(sentence), sentence)]
    return Frame(document=document, victims=victims, evidence=evidence, **fields)


def membership(incidents: list[Incident]) -> set[frozenset[str]]:
    return {frozenset(incident.documents) for incident in incidents}


def english() -> Frame:
    return frame("en.txt", SENTENCES["en"], [INTERIOR_EN], types=["espionage"])


def italian() -> Frame:
    return frame("it.txt", SENTENCES["it"], [INTERIOR_IT], types=["espionage"])


def test_nothing_to_resolve() -> None:
    assert resolve([]) == []


def test_same_victim_in_two_languages_is_one_incident() -> None:
    incidents = resolve([english(), italian()])
    assert len(incidents) == 1
    [incident] = incidents
    assert sorted(incident.documents) == ["en.txt", "it.txt"]
    assert [v.key for v in incident.victims] == ["BE/ministry:interior"]
    assert incident.types == ["espionage"]
    assert len(incident.frames) == 2


def test_a_victim_with_its_country_open_joins_and_the_known_country_is_kept() -> None:
    french = frame("fr.txt", SENTENCES["fr"], [INTERIOR_OPEN], types=["espionage"])
    [incident] = resolve([french, english()])
    assert sorted(incident.documents) == ["en.txt", "fr.txt"]
    assert [(v.key, v.country) for v in incident.victims] == [("BE/ministry:interior", "BE")]


def test_other_victims_stay_apart() -> None:
    dutch = frame("nl.txt", SENTENCES["nl"], [INTERIOR_NL], types=["espionage"])
    water = frame("water.txt", SENTENCES["water"], [WATER], types=["ransomware"])
    incidents = resolve([english(), dutch, water, italian()])
    assert membership(incidents) == {frozenset({"en.txt", "it.txt"}), frozenset({"nl.txt"}), frozenset({"water.txt"})}


def test_frames_of_one_document_are_never_merged() -> None:
    first = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], types=["espionage"])
    second = frame("en.txt", "A second intrusion hit the Interior Ministry's mail servers in March.", [INTERIOR_EN],
                   start=200, types=["espionage"])
    incidents = resolve([first, second])
    assert len(incidents) == 2
    assert [i.documents for i in incidents] == [["en.txt"], ["en.txt"]]


def test_frames_of_one_document_stay_apart_even_when_another_report_matches_both() -> None:
    first = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], types=["espionage"])
    second = frame("en.txt", "A second intrusion hit the Interior Ministry's mail servers in March.", [INTERIOR_EN],
                   start=200, types=["espionage"])
    incidents = resolve([first, second, italian()])
    assert len(incidents) == 2
    assert sorted(len(i.frames) for i in incidents) == [1, 2]
    assert all(len({f.document for f in i.frames}) == len(i.frames) for i in incidents)


def test_contradicting_dates_stay_apart() -> None:
    old = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], first_seen="2019")
    new = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], first_seen="2021-12")
    incidents = resolve([old, new])
    assert membership(incidents) == {frozenset({"en.txt"}), frozenset({"it.txt"})}
    assert sorted(i.first_seen for i in incidents) == ["2019", "2021-12"]


def test_an_intrusion_dated_by_its_start_and_by_a_later_step_is_one_incident() -> None:
    """One report says the intruders were inside from May, disclosed in February; the other says only that they were
    found in January. The months apart are the intrusion's length, not two attacks; a date after its disclosure is
    another attack."""
    started = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], first_seen="2023-05", disclosed="2024-02-13")
    found = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], first_seen="2024-01", disclosed="2024-02-15")
    for reports in ([started, found], [found, started]):
        [incident] = resolve(reports)
        assert sorted(incident.documents) == ["en.txt", "it.txt"]
        assert incident.first_seen == "2023-05"
    a_week_ago = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], first_seen="2024-02-16", disclosed="2024-02-23")
    assert len(resolve([started, a_week_ago])) == 1  # "a week ago": a few days past the disclosure, in its month
    later = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], first_seen="2024-06", disclosed="2024-06-20")
    assert len(resolve([started, later])) == 2


def test_compatible_dates_merge_and_keep_the_earliest_told_most_precisely() -> None:
    """ "2019" and "April 2019" are one time told at two precisions."""
    year = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], first_seen="2019")
    month = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], first_seen="2019-04")
    [incident] = resolve([year, month])
    assert sorted(incident.documents) == ["en.txt", "it.txt"]
    assert incident.first_seen == "2019-04"


def test_frames_sharing_a_cve_merge() -> None:
    one = frame("one.txt", "Attackers exploited CVE-2031-0001 in Fablon Gateway appliances to steal files.", [],
                vulnerabilities=["CVE-2031-0001"], types=["exploitation"])
    two = frame("two.txt", "Criminals abused the Fablon Gateway flaw CVE-2031-0001 to take data from its customers.",
                [], vulnerabilities=["CVE-2031-0001"], types=["exploitation"])
    other = frame("three.txt", "Criminals abused the Fablon Gateway flaw CVE-2031-0002 to take data from customers.",
                  [], vulnerabilities=["CVE-2031-0002"], types=["exploitation"])
    incidents = resolve([one, two, other])
    assert membership(incidents) == {frozenset({"one.txt", "two.txt"}), frozenset({"three.txt"})}
    merged = next(i for i in incidents if len(i.documents) == 2)
    assert merged.vulnerabilities == ["CVE-2031-0001"]


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        # one organisation, named shorter where its country is not given: it takes the country of its full name
        ((("Kettleby Pictures Entertainment", "US"), ("Kettleby Pictures", None)), ["US", "US"]),
        # other organisations keep what their own reports say
        ((("Kettleby Pictures Entertainment", "US"), ("Brindle Freight", None)), ["US", None]),
        # names of one organisation that disagree on its country give the countryless one neither
        ((("Kettleby Pictures Entertainment", "US"), ("Kettleby Pictures UK", "GB"), ("Kettleby Pictures", None)),
         ["US", "GB", None]),
    ],
)
def test_a_victim_takes_the_country_the_incident_gives_its_other_names(
        names: tuple[tuple[str, str | None], ...], expected: list[str | None]) -> None:
    frames = [frame(f"{i}.txt", f"Attackers exploited CVE-2031-0001 to steal the files of {name}.",
                    [Victim(name, f"org:{name.lower()}", country)], vulnerabilities=["CVE-2031-0001"])
              for i, (name, country) in enumerate(names)]
    [incident] = resolve(frames)
    assert [(v.name, v.country) for v in incident.victims] == [(name, code) for (name, _), code in
                                                                 zip(names, expected, strict=True)]


def mixed_frames() -> list[Frame]:
    return [
        english(),
        italian(),
        frame("nl.txt", SENTENCES["nl"], [INTERIOR_NL], types=["espionage"]),
        frame("water.txt", SENTENCES["water"], [WATER], types=["ransomware"]),
        frame("water.txt", "The same gang also hit the Interior Ministry's mail servers.", [INTERIOR_EN], start=90),
    ]


def test_resolving_again_gives_the_same_incidents() -> None:
    first = resolve(mixed_frames())
    again = resolve(mixed_frames())
    assert [(i.id, i.documents) for i in first] == [(i.id, i.documents) for i in again]


def test_membership_does_not_depend_on_the_order_of_documents() -> None:
    by_document: dict[str, list[Frame]] = {}
    for f in mixed_frames():
        by_document.setdefault(f.document, []).append(f)
    expected = membership(resolve(mixed_frames()))
    assert expected == {frozenset({"en.txt", "it.txt", "water.txt"}), frozenset({"nl.txt"}), frozenset({"water.txt"})}
    for order in itertools.permutations(sorted(by_document)):
        frames = [f for document in order for f in by_document[document]]
        assert membership(resolve(frames)) == expected, order


def test_incident_ids_are_unique() -> None:
    victims = [INTERIOR_EN, WATER]
    same_opening = [frame("en.txt", SENTENCES["en"], victims), frame("en.txt", SENTENCES["en"], victims)]
    incidents = resolve([*mixed_frames(), *same_opening])
    ids = [i.id for i in incidents]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("inc-") for i in ids)


def claim(claimant: str, stance: str, *targets: str, document: str = "en.txt") -> Claim:
    sentence = f"{claimant} spoke about the attack on the Interior Ministry."
    return Claim(claimant, Stance(stance), targets, certainty=Certainty.CONFIRMED, date=None,
                 evidence=Evidence(document, 0, len(sentence), sentence))


def test_states_come_only_from_attributions() -> None:
    accused = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], actors=["APT31"],
                    claims=[claim("Belgian government", "attributes", "APT31", "CN"),
                            claim("Chinese embassy", "denies", "CN")])
    denied = frame("it.txt", SENTENCES["it"], [INTERIOR_IT],
                   claims=[claim("Iranian embassy", "denies", "IR", document="it.txt")])
    [incident] = resolve([accused, denied])
    assert incident.states == ["CN"]
    assert [(c.claimant, c.stance) for c in incident.claims] == [
        ("Belgian government", "attributes"), ("Chinese embassy", "denies"), ("Iranian embassy", "denies")]
    assert incident.actors == ["APT31"]


def test_reports_that_blame_different_states_are_two_attacks() -> None:
    """One victim, blamed on Russia by one report and on China by the other, each without a doubt: two attacks (a
    parliament breached in two years), not one incident with two culprits. A report that shares the blamed state
    joins, however the culprit is told."""
    russia = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], claims=[claim("Belgian government", "attributes", "RU")])
    china = frame("it.txt", SENTENCES["it"], [INTERIOR_IT],
                  claims=[claim("Belgian government", "attributes", "CN", document="it.txt")])
    assert membership(resolve([russia, china])) == {frozenset({"en.txt"}), frozenset({"it.txt"})}
    agreeing = frame("it.txt", SENTENCES["it"], [INTERIOR_IT],
                     claims=[claim("Belgian government", "attributes", "APT28", "RU", document="it.txt")])
    assert membership(resolve([russia, agreeing])) == {frozenset({"en.txt", "it.txt"})}


def test_a_denial_alone_names_no_state() -> None:
    denied = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], claims=[claim("Chinese embassy", "denies", "CN")])
    [incident] = resolve([denied])
    assert incident.states == []
    assert len(incident.claims) == 1


def test_one_party_making_one_claim_in_two_reports_is_one_claim():
    """A state and its ministry attributing the same attack in two articles: the government's one claim."""
    from cybertrack.model import Claim, Evidence, Frame, Victim
    from cybertrack.resolve import resolve

    victim = Victim("Veldmark Ministry of Interior", "VM/ministry:interior", "VM", "government")

    def frame(document: str, claimant: str) -> Frame:
        evidence = Evidence(document, 0, 40, "Veldmark blamed APT29 for the intrusion.")
        claim = Claim(claimant, Stance.ATTRIBUTES, ("APT29",), Certainty.CONFIRMED, None, evidence, speaks_for="VM")
        return Frame(document=document, victims=[victim], claims=[claim], evidence=[evidence])

    incidents = resolve([frame("a.txt", "Veldmark"), frame("b.txt", "Veldmark Ministry of Foreign Affairs"),
                         frame("c.txt", "Veldmark")])
    assert len(incidents) == 1
    assert [c.claimant for c in incidents[0].claims] == ["Veldmark"]
    # every report that found the claim is kept with it: each of them, in whatever language, found it
    [kept] = incidents[0].claims
    assert {kept.evidence.document, *kept.reported_in} == {"a.txt", "b.txt", "c.txt"}
    assert kept.evidence.document not in kept.reported_in


@pytest.mark.parametrize("first", ["United States", "White House"])
def test_of_one_state_s_claim_the_wording_that_names_who_speaks_for_it_is_kept(first: str) -> None:
    """The same attribution by "the United States" in one report and "the White House" in another is the US
    government's one claim; the seat of government says who spoke, the country's name does not, in either order."""
    victim = Victim("Veldmark Ministry of Interior", "VM/ministry:interior", "VM", "government")

    def frame(document: str, claimant: str) -> Frame:
        evidence = Evidence(document, 0, 40, f"The {claimant} blamed APT29 for the intrusion.")
        claim = Claim(claimant, Stance.ATTRIBUTES, ("RU",), Certainty.CONFIRMED, None, evidence, speaks_for="US",
                      claimant_kind=ClaimantKind.STATE)
        return Frame(document=document, victims=[victim], claims=[claim], evidence=[evidence])

    second = "White House" if first == "United States" else "United States"
    [incident] = resolve([frame("a.txt", first), frame("b.txt", second)])
    assert [c.claimant for c in incident.claims] == ["White House"]


def test_a_victim_in_the_news_for_years_costs_a_bounded_number_of_comparisons(monkeypatch) -> None:
    """Each report is compared with the most recent incidents of its victim only, so resolution stays linear."""
    import numpy as np

    import cybertrack.resolve as resolution

    calls = 0
    score = resolution._rule_score

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return score(*args, **kwargs)

    monkeypatch.setattr(resolution, "_rule_score", counted)
    reports = 400
    frames = [frame(f"{n:04d}.txt", SENTENCES["water"], [WATER], first_seen=f"{1000 + n}-01-01")
              for n in range(reports)]  # a year apart each: none is the same incident
    vectors = [np.eye(512, dtype=np.float32)[n % 512] for n in range(reports)]
    incidents = resolve(frames, vectors)
    assert len(incidents) == reports
    assert calls <= reports * resolution.CANDIDATES_PER_KEY * 2  # two keys: the victim, and it with the country open
    late = frame("9999.txt", SENTENCES["water"], [WATER], first_seen=f"{1000 + reports - 1}-01-01")
    assert len(resolve([*frames, late], [*vectors, vectors[-1]])) == reports  # it joins the latest, still in reach


def test_frames_that_can_meet_no_other_get_no_embedding() -> None:
    from cybertrack.same_incident import frame_vectors

    keyless = frame("x.txt", "Officials said systems were restored after the incident.", [])
    vectors = frame_vectors([keyless, english()], RESOURCES.encoder)
    assert vectors[0] is None and vectors[1] is not None and vectors[1].shape == (1024,)  # sentences, then lead
    incidents = resolve([keyless, english(), italian()], [None, vectors[1], None])
    assert membership(incidents) == {frozenset({"x.txt"}), frozenset({"en.txt", "it.txt"})}


def test_victims_named_by_a_sector_noun_only_do_not_join_two_reports() -> None:
    """"Banks in Qatar" in two articles are rarely the same banks; the Belgian parliament is one parliament."""
    banks = Victim("Qatari banks", "QA/finance:banks", "QA", "finance", generic=True)
    first = frame("a.txt", "Hackers drained accounts at Qatari banks in a week of fraud.", [banks])
    second = frame("b.txt", "A phishing wave hit customers of Qatari banks this spring.", [banks])
    assert membership(resolve([first, second])) == {frozenset({"a.txt"}), frozenset({"b.txt"})}
    parliament = Victim("Belgian parliament", "BE/government:parliament", "BE", "government")
    first = frame("a.txt", "A DDoS attack took the Belgian parliament's website offline.", [parliament])
    second = frame("b.txt", "The Belgian parliament was knocked offline by a flood of traffic.", [parliament])
    assert membership(resolve([first, second])) == {frozenset({"a.txt", "b.txt"})}


def test_a_sector_noun_is_generic_and_a_state_body_is_not() -> None:
    from cybertrack.extract.frames import document_facts
    from cybertrack.extract.victims import candidates

    sentence = "Hackers attacked banks in Qatar and the Qatari parliament."
    [facts] = document_facts(sentence, "en", "2024-01-01", RESOURCES)
    generic = {c.victim.key: c.victim.generic for c in candidates(facts)}
    assert any(key.endswith(":banks") and is_generic for key, is_generic in generic.items())
    assert any(key.endswith(":parliament") and not is_generic for key, is_generic in generic.items())


def test_an_attacker_noun_at_the_start_of_a_sentence_is_no_victim() -> None:
    from cybertrack.extract.frames import document_facts
    from cybertrack.extract.victims import candidates

    [facts] = document_facts("Cybercriminals stole the records of the Lakeside Clinic.", "en", "2024-01-01", RESOURCES)
    assert [c.victim.name for c in candidates(facts)] == ["Lakeside Clinic"]


def test_a_join_keeps_what_the_reports_shared() -> None:
    [incident] = resolve([english(), italian()])
    [link] = incident.links
    assert link.document == "it.txt" and link.joined == ("en.txt",)
    assert link.by == "rules" and link.victims == ("BE/ministry:interior",) and link.probability is None
    assert -1.0 <= link.similarity <= 1.0
    assert resolve([english()])[0].links == []


def test_links_name_a_bounded_number_of_reports_and_count_the_rest() -> None:
    """Each link names the incident's first reports only: an incident of many reports does not store, in every one
    of its links, every report before it."""
    reports = [frame(f"report-{n:02d}.txt", SENTENCES["en"], [INTERIOR_EN], types=["espionage"]) for n in range(12)]
    [incident] = resolve(reports)
    assert len(incident.links) == 11
    assert max(len(link.joined) for link in incident.links) == LINK_REPORTS
    assert sorted(link.incident_reports for link in incident.links) == list(range(1, 12))
    last = max(incident.links, key=lambda link: link.incident_reports)
    assert explained(dataclasses.asdict(last)).startswith(
        f"{last.document} joined {', '.join(last.joined)} and {11 - LINK_REPORTS} more by rules")


def test_an_incident_knows_which_report_named_each_victim_and_actor() -> None:
    spoken = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], actors=["APT29"])
    [incident] = resolve([spoken, italian()])
    assert incident.victim_reports == {"BE/ministry:interior": ["en.txt", "it.txt"]}
    assert incident.actor_reports == {"APT29": ["en.txt"]}  # the Italian report never names it


def test_an_actor_spelt_two_ways_is_one_actor_by_the_catalogue_s_name() -> None:
    """One report writes "DarkSide" as it found it, the other the catalogue's "Darkside": one actor, both reports."""
    found = frame("en.txt", SENTENCES["en"], [INTERIOR_EN], actors=["DarkSide"])
    catalogued = frame("it.txt", SENTENCES["it"], [INTERIOR_IT], actors=["Darkside"])
    [incident] = resolve([found, catalogued])
    assert incident.actors == ["Darkside"]
    assert incident.actor_reports == {"Darkside": ["en.txt", "it.txt"]}


def test_a_state_body_of_no_known_country_joins_no_two_reports() -> None:
    """ "The parliament" in two articles that never say whose is nobody in particular; "the Belgian parliament" is one
    parliament, and its two reports are one incident."""
    from cybertrack.extract.frames import extract_frames

    def reports(body: str) -> list[Frame]:
        return [*extract_frames("a.txt", f"Ransomware hit {body} on Monday, encrypting its servers, officials said.",
                                "en", "2024-03-05", RESOURCES),
                *extract_frames("b.txt", f"A cyberattack on {body} paralysed its email system on Tuesday, the speaker "
                                "said.", "en", "2024-03-07", RESOURCES)]

    unknown, belgian = reports("the parliament"), reports("the Belgian parliament")
    assert all(v.generic for f in unknown for v in f.victims if v.key.endswith("parliament"))
    assert len(resolve(unknown, resources=RESOURCES)) == 2
    assert len(resolve(belgian, resources=RESOURCES)) == 1


def test_two_reports_of_fresh_news_published_years_apart_are_two_attacks() -> None:
    """Neither report dates the attack in its text; each tells it in its lead, as fresh news, so each is dated by its
    publication month (an estimate). Two years apart, they are two attacks on the one utility, not one incident,
    though they name it alike; a month apart they are one."""
    def fresh(document: str, month: str) -> Frame:
        return frame(document, SENTENCES["water"], [WATER], types=["ransomware"], first_seen=month,
                     first_seen_estimated=True, disclosed=month)

    assert membership(resolve([fresh("a.txt", "2021-03"), fresh("b.txt", "2023-05")])) == {
        frozenset({"a.txt"}), frozenset({"b.txt"})}
    assert membership(resolve([fresh("a.txt", "2023-04"), fresh("b.txt", "2023-05")])) == {
        frozenset({"a.txt", "b.txt"})}


def test_a_report_with_no_date_at_all_is_news_only_of_its_own_year() -> None:
    """A round-up's later paragraph names the utility with no date of its own (no first_seen, not even an estimate):
    published two years after the attack's reports, it is news of another attack, and stays apart; published a
    month after, it joins them."""
    def dated(document: str, month: str) -> Frame:
        return frame(document, SENTENCES["water"], [WATER], types=["ransomware"], first_seen=month, disclosed=month)

    def undated(document: str, published: str) -> Frame:
        return frame(document, SENTENCES["water"], [WATER], types=["ransomware"], disclosed=published)

    assert membership(resolve([dated("a.txt", "2021-03"), undated("b.txt", "2023-05-20")])) == {
        frozenset({"a.txt"}), frozenset({"b.txt"})}
    assert membership(resolve([dated("a.txt", "2023-04"), undated("b.txt", "2023-05-20")])) == {
        frozenset({"a.txt", "b.txt"})}


def test_an_incident_begins_in_the_month_two_of_its_reports_agree_on() -> None:
    """Three reports of one attack on the utility: two date it to June, one mixes in another attack's May. The month
    two reports agree on wins over the single earlier date; with no two agreeing, the earliest date stands."""
    def dated(document: str, when: str) -> Frame:
        return frame(document, SENTENCES["water"], [WATER], types=["ransomware"], first_seen=when)

    [incident] = resolve([dated("a.txt", "2017-05"), dated("b.txt", "2017-06-27"), dated("c.txt", "2017-06")])
    assert incident.first_seen == "2017-06-27"
    [incident] = resolve([dated("a.txt", "2017-05"), dated("b.txt", "2017-06-27")])
    assert incident.first_seen == "2017-05"


def test_reports_dated_only_by_when_an_announcement_was_made_do_not_outvote_the_start() -> None:
    """One report says the intrusion ran "from mid-March"; two others are dated only by the Tuesday the ministry
    announced who did it (first seen the day it was disclosed): they agree on the announcement, not on the start."""
    def dated(document: str, when: str, disclosed: str) -> Frame:
        return frame(document, SENTENCES["water"], [WATER], types=["espionage"], first_seen=when, disclosed=disclosed)

    [incident] = resolve([dated("a.txt", "2024-03", "2024-06-06"), dated("b.txt", "2024-06-04", "2024-06-04"),
                          dated("c.txt", "2024-06-04", "2024-06-04")])
    assert incident.first_seen == "2024-03"


PROVIDER = Victim("Korvan IT", "org:korvan it", "DE", None)
TOWN = Victim("Stadtverwaltung Lutrecht", "org:lutrecht", "DE", "government")


def test_a_report_about_whom_another_report_says_was_hit_joins_it_when_the_actor_is_the_same() -> None:
    """The provider's report, and a report whose victim is one of its client towns but whose article is about the
    provider (named most), by the same gang: one incident. Without the shared actor, two reports naming different
    victims stay apart, whatever their articles name."""
    provider = frame("provider.txt", "Die Hackergruppe Akira griff den IT-Dienstleister Korvan IT an.", [PROVIDER],
                     actors=["Akira"], names={"org:korvan it": 0.5})
    town = frame("town.txt", "Auch die Stadtverwaltung Lutrecht ist von dem Angriff auf Korvan IT betroffen.", [TOWN],
                 actors=["Akira"], names={"org:korvan it": 0.4, "org:lutrecht": 0.2})
    assert membership(resolve([provider, town])) == {frozenset({"provider.txt", "town.txt"})}
    assert membership(resolve([town, provider])) == {frozenset({"provider.txt", "town.txt"})}
    strangers = [dataclasses.replace(provider, actors=[]), dataclasses.replace(town, actors=[])]
    assert membership(resolve(strangers)) == {frozenset({"provider.txt"}), frozenset({"town.txt"})}


def test_a_group_claiming_its_attack_in_two_spellings_is_one_claim() -> None:
    """ "CLoP" in one report and "Cl0p" in another both claim the attack for the catalogue's Clop: one party."""
    from cybertrack.model import Claim, Evidence

    def report(document: str, claimant: str) -> Frame:
        evidence = Evidence(document, 0, 40, f"{claimant} claimed the attack on Korvan IT.")
        claim = Claim(claimant, Stance.CLAIMS_RESPONSIBILITY, ("Clop",), Certainty.CONFIRMED, None, evidence)
        return Frame(document=document, victims=[PROVIDER], claims=[claim], evidence=[evidence])

    [incident] = resolve([report("nl.txt", "CLoP"), report("it.txt", "Cl0p")])
    [kept] = incident.claims
    assert {kept.evidence.document, *kept.reported_in} == {"nl.txt", "it.txt"}


def test_an_agency_named_by_its_acronym_and_by_its_description_is_one_party() -> None:
    """One report has the Norwegian Police Security Service blame APT28, the next has PST say so: one claim, the
    catalogue's PST either way. The Norwegian foreign minister saying the same is another party."""
    from cybertrack.model import Claim, ClaimantKind, Evidence

    def report(document: str, claimant: str) -> Frame:
        evidence = Evidence(document, 0, 40, f"{claimant} blamed APT28 for the breach at Korvan IT.")
        claim = Claim(claimant, Stance.ATTRIBUTES, ("APT28",), Certainty.CONFIRMED, None, evidence,
                      claimant_kind=ClaimantKind.INSTITUTION)
        return Frame(document=document, victims=[PROVIDER], claims=[claim], evidence=[evidence])

    [incident] = resolve([report("a.txt", "Norwegian Police Security Service"), report("b.txt", "PST"),
                          report("c.txt", "Norwegian foreign minister")])
    assert [c.claimant for c in incident.claims] == ["Norwegian Police Security Service", "Norwegian foreign minister"]
    assert set(incident.claims[0].reported_in) == {"b.txt"}


def test_what_a_round_up_names_most_speaks_only_for_the_report_it_opens_with() -> None:
    """A round-up of one gang's attacks opens with the car maker and names it most; its report on a region is not
    about the car maker. A report of the car maker's attack by the same gang is not joined to the region's incident
    for what the round-up names most, but it is to the incident of a report the round-up opens with."""
    import numpy as np

    from cybertrack.embeddings import EMBEDDING_SIZE
    from cybertrack.resolve import SAME_VICTIM, Member, _Cluster, _rule_score

    gang = {"actors": ["RansomEXX"], "names": {"org:korvan motors": 0.5, "org:brindle": 0.2}}
    region = frame("roundup.txt", "Lo stesso gruppo aveva colpito la Regione Brindle.", [
        Victim("Regione Brindle", "org:brindle", "IT", "government")], **gang)
    later = frame("motors.txt", "RansomEXX claimed the attack on Korvan Motors.", [
        Victim("Korvan Motors", "org:korvan motors", "IT", None)], actors=["RansomEXX"])
    vector = np.zeros(2 * EMBEDDING_SIZE, dtype=np.float32)
    for opens, joined in ((False, False), (True, True)):
        cluster = _Cluster()
        cluster.add(region, vector, Member(None, 0, opens))
        assert (_rule_score(later, vector, cluster) >= SAME_VICTIM) is joined


def test_a_claimant_told_by_role_alone_who_echoes_a_named_party_folds_into_its_claim() -> None:
    """ "The minister said Korvan was behind it" beside the Veldmark government's attribution to Korvan is that
    government told again: one claim. Said of another culprit, or with a state it speaks for ("les autorités
    britanniques"), it is its own claim."""
    from cybertrack.model import Claim, ClaimantKind, Evidence

    def report(document: str, *claims: tuple[str, str, str | None]) -> Frame:
        evidence = Evidence(document, 0, 40, "The Veldmark water board was hacked.")
        made = [Claim(claimant, Stance.ATTRIBUTES, (target,), Certainty.CONFIRMED, None, evidence,
                      speaks_for=speaks_for, claimant_kind=ClaimantKind.PERSON if claimant.islower()
                      else ClaimantKind.INSTITUTION)
                for claimant, target, speaks_for in claims]
        victim = Victim("Veldmark Water Board", "org:veldmark water board", "VM", None)
        return Frame(document=document, victims=[victim], claims=made, evidence=[evidence])

    [incident] = resolve([report("a.txt", ("minister", "KV", None)),
                          report("b.txt", ("Veldmark government", "KV", "VM"), ("an expert", "RU", None))])
    assert [(c.claimant, c.attributed_to) for c in incident.claims] == [("Veldmark government", ("KV",)),
                                                                         ("an expert", ("RU",))]
    [named, _] = incident.claims
    assert {named.evidence.document, *named.reported_in} == {"a.txt", "b.txt"}
    [incident] = resolve([report("a.txt", ("autorités britanniques", "KV", "GB")),
                          report("b.txt", ("Veldmark government", "KV", "VM"))])
    assert len(incident.claims) == 2


CREW_CLAIMS = {
    "en": "A hacktivist group calling itself Korvan Cyber Army claimed DDoS attacks on the website of the Norvale "
          "parliament.",
    "fr": "Le groupe de hackers Korvan Cyber Army a revendiqué l'attaque contre le site du Sénat de Lutrèche.",
    "it": "Il collettivo Korvan Cyber Army ha rivendicato l'attacco DDoS ai siti del governo italiano.",
    "nl": "De hackersgroep Korvan Cyber Army eiste de DDoS-aanval op Nederlandse banken op.",
}


def _crew_reports(texts: dict[str, str]) -> list[Frame]:
    return [frame for language, text in texts.items()
            for frame in extract_frames(f"doc-{language}", text, language, "2024-05-10", RESOURCES)]


def test_a_crew_no_catalogue_knows_joins_no_reports_by_its_name_alone() -> None:
    """A hacktivist crew claims a new target every day in the same words: reports in four languages, one day, one
    crew, four targets, are four incidents; its name is all they share."""
    frames = _crew_reports(CREW_CLAIMS)
    assert len(frames) == 4
    assert len(resolve(frames, resources=RESOURCES)) == 4


def test_a_crew_s_reports_on_one_target_are_one_incident() -> None:
    """The same crew and the same target, told in two languages, are still one incident."""
    frames = _crew_reports({
        "en": "The hacktivist group Korvan Cyber Army claimed DDoS attacks on the website of the Dutch bank "
              "Lutrex Bank.",
        "nl": "De hackersgroep Korvan Cyber Army eiste de DDoS-aanval op de website van Lutrex Bank op.",
    })
    assert len(resolve(frames, resources=RESOURCES)) == 1


def test_the_date_of_a_report_that_names_nobody_hit_only_bounds_the_attack() -> None:
    """A report naming nobody hit tells of an attack's aftermath, such as who is blamed for an outbreak months later:
    its date says the attack had begun by then, so it may join the outbreak's incident of May. A report naming its
    own victim with the same date tells of another attack, and so does one dated before the incident or years after
    it."""
    import numpy as np

    from cybertrack.embeddings import EMBEDDING_SIZE
    from cybertrack.resolve import Member, _Cluster, _dates_agree

    vector = np.zeros(2 * EMBEDDING_SIZE, dtype=np.float32)
    cluster = _Cluster()
    cluster.add(frame("outbreak.txt", SENTENCES["water"], [WATER], malware=["Korvlock"], first_seen="2017-05"),
                vector, Member(None, 0, True))
    blamed = "Officials blamed the Korvlock outbreak on North Korean hackers."
    assert _dates_agree(frame("blame.txt", blamed, [], malware=["Korvlock"], first_seen="2017-10"), cluster)
    assert not _dates_agree(frame("other.txt", SENTENCES["water"], [WATER], first_seen="2017-10"), cluster)
    assert not _dates_agree(frame("early.txt", blamed, [], malware=["Korvlock"], first_seen="2017-02"), cluster)
    assert not _dates_agree(frame("late.txt", blamed, [], malware=["Korvlock"], first_seen="2021-10"), cluster)


def test_one_state_s_claim_naming_its_group_in_one_report_and_only_the_state_in_another_is_one_claim() -> None:
    """ "The United States blamed Korvania" in one report, "de Amerikaanse regering" blaming the Korvan Group and
    Korvania in another: the US government's one claim, kept in the wording that names more; a claim by another state
    stays its own."""
    victim = Victim("Veldmark Ministry of Interior", "VM/ministry:interior", "VM", "government")

    def frame(document: str, claimant: str, speaks_for: str, *targets: str) -> Frame:
        evidence = Evidence(document, 0, 40, f"{claimant} blamed the intrusion on {', '.join(targets)}.")
        claim = Claim(claimant, Stance.ATTRIBUTES, targets, Certainty.CONFIRMED, None, evidence, speaks_for=speaks_for)
        return Frame(document=document, victims=[victim], claims=[claim], evidence=[evidence])

    [incident] = resolve([frame("a.txt", "United States", "US", "KV"),
                          frame("b.txt", "Amerikaanse regering", "US", "Korvan Group", "KV"),
                          frame("c.txt", "Gobierno británico", "GB", "KV")])
    assert [(c.claimant, c.attributed_to) for c in incident.claims] == [
        ("Amerikaanse regering", ("Korvan Group", "KV")), ("Gobierno británico", ("KV",))]


def test_one_actor_s_attacks_on_two_named_victims_told_alike_stay_two_incidents() -> None:
    """Two descriptions, in two languages, of one catalogued group's breaches of two power distributors of one
    country read alike to the encoder and the same-incident model; each names whom it hit, and neither is the
    other: two incidents, not one that carries both victims."""
    texts = {
        "en.txt": ("en", "Sandworm, the GRU unit, breached the network of Lindqvar Power, a Ukrainian electricity "
                         "distributor, in November 2022, cutting power to thousands of homes."),
        "fr.txt": ("fr", "En novembre 2022, le groupe Sandworm, lié au GRU, a piraté le réseau de Veldmark Énergie, "
                         "un distributeur d'électricité ukrainien, privant des milliers de foyers de courant."),
    }
    frames = [found for document, (language, text) in texts.items()
              for found in extract_frames(document, text, language, "2022-12-01", RESOURCES)]
    assert [[v.name for v in f.victims] for f in frames] == [["Lindqvar Power"], ["Veldmark Énergie"]]
    assert membership(resolve(frames, resources=RESOURCES)) == {frozenset({"en.txt"}), frozenset({"fr.txt"})}


def test_a_victim_s_name_misspelled_by_a_letter_is_no_other_victim() -> None:
    """ "Kettelby Pipeline" in one report of Kettleby Pipeline's attack names the same victim: the veto on reports
    that name only other victims does not part them; two names of two organisations do."""
    import numpy as np

    from cybertrack.embeddings import EMBEDDING_SIZE
    from cybertrack.resolve import Member, _Cluster, _names_only_other_victims

    told = frame("en.txt", "DarkSide shut down Kettleby Pipeline.",
                 [Victim("Kettleby Pipeline", "org:kettleby pipeline", "US", "energy")], actors=["DarkSide"])
    cluster = _Cluster()
    cluster.add(told, np.zeros(2 * EMBEDDING_SIZE, dtype=np.float32), Member(None, 0, True))
    for name, other in (("Kettelby Pipeline", False), ("Brindle Fuel Lines", True)):
        again = frame("de.txt", f"DarkSide legte die {name} lahm.",
                      [Victim(name, f"org:{name.casefold()}", "US", "energy")], actors=["DarkSide"])
        assert _names_only_other_victims(again, cluster) is other
