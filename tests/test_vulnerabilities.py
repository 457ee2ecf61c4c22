"""Named vulnerabilities and CVE ids on invented sentences in en, fr, nl, de, it, es.

Every sentence here was written for these tests (fictional organisations); none is taken from a real page.
"""

from __future__ import annotations

import re

import pytest

from cybertrack.knowledge.matcher import fold
from cybertrack.knowledge.vulnerabilities import (
    NamedVulnerability,
    VulnerabilityMention,
    find_vulnerabilities,
    named_vulnerabilities,
)

WELL_FORMED_CVE = re.compile(r"^CVE-\d{4}-\d{4,7}$")


def cves(text: str) -> list[str]:
    return [cve for mention in find_vulnerabilities(text) for cve in mention.cves]


def first_cves(text: str) -> list[str]:
    return [mention.cves[0] for mention in find_vulnerabilities(text)]


def names(text: str) -> list[str | None]:
    return [mention.name for mention in find_vulnerabilities(text)]


# --------------------------------------------------------------------------------------------
# Aliases and product cues, by language
# --------------------------------------------------------------------------------------------

RESOLVED = [
    # en
    ("Attackers exploited the Log4Shell flaw to reach the Brenmoor council's servers.", "CVE-2021-44228"),
    ("The intruders got in through ProxyLogon on an unpatched mail server.", "CVE-2021-26855"),
    ("Staff were told that a Log4j vulnerability had been found in the billing portal.", "CVE-2021-44228"),
    ("The gang stole files from the Kestrel Bank through the MOVEit zero-day.", "CVE-2023-34362"),
    # fr
    ("Les pirates ont utilisé la faille Log4j pour pénétrer dans le réseau de la mairie.", "CVE-2021-44228"),
    ("La vulnérabilité PrintNightmare touche tous les serveurs d'impression de Valmont.", "CVE-2021-34527"),
    ("Une brèche dans MOVEit a exposé les données des clients de la mutuelle.", "CVE-2023-34362"),
    # nl
    ("De aanvallers misbruikten het ProxyLogon-lek in de mailserver van de gemeente.", "CVE-2021-26855"),
    ("Het beveiligingslek in Log4j werd binnen een dag door criminelen gebruikt.", "CVE-2021-44228"),
    ("Volgens de onderzoekers is Zerologon de gevaarlijkste kwetsbaarheid van het jaar.", "CVE-2020-1472"),
    # de
    ("Die Angreifer nutzten die Log4j-Lücke in der Software des Versorgers aus.", "CVE-2021-44228"),
    ("Die Schwachstelle Citrix Bleed wurde in Hallstadt massenhaft ausgenutzt.", "CVE-2023-4966"),
    ("Das BSI warnte vor der Sicherheitslücke PrintNightmare im Druckdienst.", "CVE-2021-34527"),
    # it
    ("Gli hacker hanno sfruttato la vulnerabilità Zerologon nei controller di dominio.", "CVE-2020-1472"),
    ("La falla in Log4j ha messo a rischio i sistemi dell'ospedale di Montevasco.", "CVE-2021-44228"),
    ("Il gruppo è entrato sfruttando EternalBlue nella rete della provincia.", "CVE-2017-0144"),
    # es
    ("Los atacantes aprovecharon la vulnerabilidad PrintNightmare en la red del ayuntamiento.", "CVE-2021-34527"),
    ("El fallo de Log4j afectó a los servidores de la universidad de Sierra Clara.", "CVE-2021-44228"),
    ("La brecha Follina se usó para instalar malware en los equipos de la empresa.", "CVE-2022-30190"),
]


@pytest.mark.parametrize(("sentence", "cve"), RESOLVED)
def test_names_resolve_to_their_cve(sentence: str, cve: str) -> None:
    assert first_cves(sentence) == [cve]


def test_proxylogon_lists_its_chain_starting_with_the_ssrf() -> None:
    (mention,) = find_vulnerabilities("The ProxyLogon chain was used against the Harwick mail servers.")
    assert mention == VulnerabilityMention(4, 14, "ProxyLogon", mention.cves, "ProxyLogon")
    assert mention.cves[0] == "CVE-2021-26855"
    assert set(mention.cves) == {"CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065"}


@pytest.mark.parametrize("spelling", ["Zerologon", "ZeroLogon", "ZEROLOGON", "zerologon"])
def test_aliases_ignore_case(spelling: str) -> None:
    assert first_cves(f"The {spelling} attack hit the domain controller.") == ["CVE-2020-1472"]


def test_longest_alias_wins() -> None:
    assert first_cves("Thousands of gateways are still open to CitrixBleed 2 this week.") == ["CVE-2025-5777"]
    assert first_cves("Thousands of gateways are still open to Citrix Bleed 2 this week.") == ["CVE-2025-5777"]
    assert first_cves("Thousands of gateways are still open to Citrix Bleed this week.") == ["CVE-2023-4966"]


# --------------------------------------------------------------------------------------------
# Cues need a vulnerability word in the same sentence
# --------------------------------------------------------------------------------------------

WITHOUT_VULNERABILITY_WORD = [
    "We use Log4j for logging in every service.",
    "Nous utilisons Log4j depuis des années pour nos journaux.",
    "Het team gebruikt Log4j al jaren voor de logbestanden.",
    "Die Firma setzt seit Jahren auf Log4j und MOVEit.",
    "L'azienda usa MOVEit per scambiare file con i fornitori.",
    "La empresa utiliza MOVEit para enviar archivos a sus socios.",
    "Investors fear the spectre of a market meltdown and a long downfall.",
]


@pytest.mark.parametrize("sentence", WITHOUT_VULNERABILITY_WORD)
def test_cue_without_vulnerability_word_gives_nothing(sentence: str) -> None:
    assert find_vulnerabilities(sentence) == []


def test_vulnerability_names_that_are_ordinary_words_need_context() -> None:
    assert names("The Meltdown and Spectre flaws affect most processors.") == ["Meltdown", "Spectre"]
    assert cves("Le spectre d'une nouvelle attaque inquiète la banque.") == []


def test_words_in_capitals_only_count_in_capitals() -> None:
    assert first_cves("The POODLE attack broke SSL 3.0.") == ["CVE-2014-3566"]
    assert find_vulnerabilities("A poodle bit the postman near the data centre.") == []
    assert find_vulnerabilities("Fans freak out when the servers drown in traffic.") == []


# --------------------------------------------------------------------------------------------
# CVE ids
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "CVE-2021-44228",
        "cve-2021-44228",
        "CVE 2021-44228",
        "CVE\u00a02021-44228",
        "CVE-2021\u201344228",
        "CVE\u20132021\u201344228",
        "CVE\u20112021\u201144228",
    ],
)
def test_cve_spellings_are_normalised(spelling: str) -> None:
    (mention,) = find_vulnerabilities(f"Patch {spelling} now, the agency said.")
    assert mention == VulnerabilityMention(6, 6 + len(spelling), spelling, ("CVE-2021-44228",), None)


def test_cve_number_lengths() -> None:
    assert cves("Fixed: CVE-2021-1675 and CVE-2017-1000251.") == ["CVE-2021-1675", "CVE-2017-1000251"]
    assert cves("Not ids: CVE-2021-123 or CVE-2021-12345678.") == []


def test_bare_cve_and_name_in_one_sentence_are_sorted() -> None:
    found = find_vulnerabilities("CVE-2023-4966, known as Citrix Bleed, and Log4Shell (CVE-2021-44228) were exploited.")
    assert [(m.name, m.cves[0]) for m in found] == [
        (None, "CVE-2023-4966"),
        ("Citrix Bleed", "CVE-2023-4966"),
        ("Log4Shell", "CVE-2021-44228"),
        (None, "CVE-2021-44228"),
    ]


def test_repeated_name_gives_one_mention_per_place() -> None:
    found = find_vulnerabilities("Heartbleed, Heartbleed everywhere: the bug is back.")
    assert [(m.start, m.end) for m in found] == [(0, 10), (12, 22)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ProxyLogons team won the football match.",
        "XCVE-2021-44228 is a part number, not an id.",
        "The Heartbleeding hearts club met on Friday.",
        "Our product Log4jx has a flaw in its installer.",
        "The bug was in SuperMOVEit, a different tool.",
    ],
)
def test_no_hit_inside_other_words(sentence: str) -> None:
    assert find_vulnerabilities(sentence) == []


# --------------------------------------------------------------------------------------------
# The data file
# --------------------------------------------------------------------------------------------


def test_data_is_loaded_once() -> None:
    assert named_vulnerabilities() is named_vulnerabilities()
    assert all(isinstance(v, NamedVulnerability) for v in named_vulnerabilities())


def test_enough_entries() -> None:
    assert len(named_vulnerabilities()) >= 40


@pytest.mark.parametrize("vulnerability", named_vulnerabilities(), ids=lambda v: v.name)
def test_entry_is_well_formed(vulnerability: NamedVulnerability) -> None:
    assert vulnerability.reference.startswith("https://")
    assert vulnerability.cves and all(WELL_FORMED_CVE.match(cve) for cve in vulnerability.cves)
    assert len(set(vulnerability.cves)) == len(vulnerability.cves)
    assert vulnerability.aliases or vulnerability.product_cues
    assert vulnerability.product


def test_names_are_unique() -> None:
    all_names = [v.name for v in named_vulnerabilities()]
    assert len(all_names) == len(set(all_names))


def test_no_alias_or_cue_is_shared_by_two_entries() -> None:
    owner: dict[str, str] = {}
    for vulnerability in named_vulnerabilities():
        for phrase in vulnerability.aliases + vulnerability.product_cues:
            key = fold(" ".join(phrase.split()))
            assert owner.setdefault(key, vulnerability.name) == vulnerability.name, phrase


def test_every_alias_finds_its_own_entry() -> None:
    for vulnerability in named_vulnerabilities():
        for alias in vulnerability.aliases:
            assert names(f"Reports about {alias} keep coming.") == [vulnerability.name], alias
