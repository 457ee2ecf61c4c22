"""The knowledge base: aliases lead to one actor, ambiguous and common names are never matched, `kb` commands."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cybertrack.cli import main
from cybertrack.knowledge.actors import Actor, alias_key
from cybertrack.knowledge.base import Entry, KnowledgeBase, knowledge_base
from cybertrack.knowledge.common_words import stop_list


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return knowledge_base()


def actors_named(kb: KnowledgeBase, name: str) -> list[str]:
    return sorted(entry.name for entry in kb.lookup(name) if isinstance(entry, Actor))


def found(kb: KnowledgeBase, text: str, kind: str | None = None) -> list[tuple[str, Entry]]:
    """(matched text, entry) for every match, each checked to sit at its offsets in ``text``."""
    pairs = []
    for match in kb.find(text):
        assert text[match.start:match.end] == match.text
        pairs += [(match.text, entry) for entry in match.values
                  if isinstance(entry, Entry) and (kind is None or entry.kind == kind)]
    return pairs


@pytest.mark.parametrize("alias", ["ZIRCONIUM", "Judgment Panda", "Violet Typhoon", "APT 31", "apt-31", "G0128"])
def test_aliases_look_up_one_actor(kb: KnowledgeBase, alias: str) -> None:
    assert actors_named(kb, alias) == ["APT31"]


def test_an_actor_known_only_by_a_microsoft_code_is_shown_by_its_att_ck_name(kb: KnowledgeBase) -> None:
    """The threat-actor galaxy names the Akira gang "Storm-1567"; ATT&CK names it Akira, as analysts do. The code
    stays an alias, and an actor whose galaxy name is no such code keeps it."""
    assert actors_named(kb, "Storm-1567") == ["Akira"]
    assert "Storm-1567" in kb.actors["Akira"].aliases and "Storm-1567" not in kb.actors
    assert actors_named(kb, "Forest Blizzard") == ["APT28"] and kb.actors["Volt Typhoon"].name == "Volt Typhoon"


def test_actor_country_comes_from_the_galaxy(kb: KnowledgeBase) -> None:
    apt31 = kb.actors["APT31"]
    assert apt31.country == "CN"
    assert {"ZIRCONIUM", "Violet Typhoon"} <= apt31.aliases
    assert "threat-actor" in apt31.galaxies


@pytest.mark.parametrize("sentence, surface", [
    ("Belgium blamed APT 31 for the intrusion into its ministries.", "APT 31"),
    ("Belgium blamed the Advanced Persistent Threat 31 group for the intrusion.", "Advanced Persistent Threat 31"),
    ("Microsoft tracks the group as ZIRCONIUM, and now as Violet Typhoon.", "ZIRCONIUM"),
    ("Microsoft tracks the group as ZIRCONIUM, and now as Violet Typhoon.", "Violet Typhoon"),
    ("Security firms called it APT-31 in their reports.", "APT-31"),
])
def test_spellings_of_the_actor_are_found_in_text(kb: KnowledgeBase, sentence: str, surface: str) -> None:
    assert (surface, Entry("actor", "APT31")) in found(kb, sentence, "actor")


def test_an_alias_shared_by_two_actors_is_ambiguous_and_never_matched(kb: KnowledgeBase) -> None:
    """ "Grizzly Steppe" is APT28's and APT29's, and neither lists the other among its names."""
    assert {"APT28", "APT29"} <= set(kb.ambiguous_aliases[alias_key("Grizzly Steppe")])
    assert found(kb, "Officials blamed Grizzly Steppe for the breach.", "actor") == []
    assert found(kb, "Officials blamed APT29 for the breach.", "actor") == [("APT29", Entry("actor", "APT29"))]


def test_an_alias_shared_with_a_cluster_the_group_lists_is_the_groups(kb: KnowledgeBase) -> None:
    """The galaxies give "Nobelium" and "Midnight Blizzard" to APT29 and to UNC2452, which APT29 lists among its
    names: they are APT29's. UNC2452 is still its own name."""
    assert alias_key("Nobelium") not in kb.ambiguous_aliases
    assert found(kb, "Officials blamed NOBELIUM for the breach.", "actor") == [("NOBELIUM", Entry("actor", "APT29"))]
    assert found(kb, "Officials blamed Midnight Blizzard.", "actor") == [("Midnight Blizzard", Entry("actor", "APT29"))]
    assert found(kb, "Officials blamed UNC2452.", "actor") == [("UNC2452", Entry("actor", "UNC2452"))]


def test_no_ambiguous_alias_is_matched_as_a_whole(kb: KnowledgeBase) -> None:
    assert len(kb.ambiguous_aliases) >= 10
    checked = 0
    for actor in kb.actors.values():
        for alias in actor.aliases:
            if alias_key(alias) not in kb.ambiguous_aliases:
                continue
            checked += 1
            hits = [text for text, _ in found(kb, f"Researchers blamed {alias} for the attack.", "actor")]
            assert alias not in hits, f"ambiguous alias {alias!r} (of {kb.ambiguous_aliases[alias_key(alias)]}) matched"
    assert checked >= len(kb.ambiguous_aliases)


def test_common_words_are_not_matched(kb: KnowledgeBase) -> None:
    assert kb.rejected["Equation"].startswith("common word")
    assert "agent" in stop_list()
    text = "The Agent solved the Equation before the deadline."
    assert found(kb, text) == []
    assert found(kb, "The Equation Group wrote the implant.", "actor") == [
        ("Equation Group", Entry("actor", "Equation Group"))]


def test_a_family_the_catalogue_writes_in_lower_case_is_found_capitalised_unless_it_is_a_word(
        kb: KnowledgeBase) -> None:
    """The ransomware galaxy lists "rhysida", "gwisin" and "medusa" in lower case. News capitalises them. A coined
    name is matched capitalised too. A word is not: "Medusa" and "Orca" name a myth and a firm far more often."""
    assert {"Rhysida", "Gwisin", "medusa", "orca"} <= set(kb.software)
    assert kb.software["Rhysida"].aliases == {"rhysida"}
    assert found(kb, "The Rhysida ransomware hit the school, then Gwisin hit the port.") == [
        ("Rhysida", Entry("malware", "Rhysida")), ("Gwisin", Entry("malware", "Gwisin"))]
    assert found(kb, "Medusa and Orca Security looked at the attack.") == []


def test_a_name_with_inner_capitals_is_found_as_the_news_writes_it_unless_that_is_a_word(kb: KnowledgeBase) -> None:
    """The catalogues write "WannaCry", "LockBit" and "NotPetya"; much of the news writes "Wannacry", "Lockbit",
    "Notpetya". "LandSlide" so written is a landslide, and "BlueSky" a social network."""
    matched = found(kb, "Wannacry spread fast, Notpetya wiped disks and Lockbit leaked the files.")
    assert {("Wannacry", "WannaCry"), ("Notpetya", "NotPetya"), ("Lockbit", "LockBit")} <= {
        (text, entry.key) for text, entry in matched}
    assert {entry.kind for _, entry in matched} == {"malware"}
    assert found(kb, "A Landslide cut the road; the Bluesky post warned drivers.") == []


def test_stop_listed_names_are_not_matched(kb: KnowledgeBase) -> None:
    stop_listed = {name for name in kb.rejected if name.lower() in stop_list()}
    assert {"telegram", "Unknown"} <= stop_listed
    assert found(kb, "An unknown attacker sent the files over Telegram, said Unknown.") == []


def test_an_agency_acronym_the_news_gives_another_body_is_no_agency(kb: KnowledgeBase) -> None:
    """The galaxy lists Saudi Arabia's NCSC and gives "DOJ" to Argentina; the news means the centres of many states
    and the US Department of Justice. An agency's own acronym is still one ("GRU", "AIVD")."""
    assert [m.text for m in kb.find_agencies("The NCSC and the DOJ said the GRU and the AIVD were involved.")] == [
        "GRU", "AIVD"]


@pytest.mark.parametrize(("text", "agency"), [
    ("PST", "PST"), ("Norwegian Police Security Service", "PST"), ("Norway's Police Security Service", "PST"),
    ("the Russian Federal Security Service", "FSB"),
    ("Police Security Service", None),  # any state's department could be called so
    ("Russian Police Security Service", None), ("PST and the GRU", None),
])
def test_an_agency_is_named_by_its_acronym_or_by_its_description_beside_its_country(
        kb: KnowledgeBase, text: str, agency: str | None) -> None:
    """The galaxy's names made of everyday words are no names to find in a text, but beside their country they name
    the one agency, so that two reports calling it differently are one party."""
    assert kb.agency_named(text) == agency


def test_no_rejected_name_is_matched_as_actor_or_software(kb: KnowledgeBase) -> None:
    assert len(kb.rejected) > 100
    for name in kb.rejected:
        hits = [(text, entry) for text, entry in found(kb, f"They wrote about {name} yesterday.")
                if text == name and entry.kind in {"actor", "malware", "tool"}]
        assert hits == [], f"rejected name {name!r} ({kb.rejected[name]}) matched"


def test_a_rejected_name_can_still_be_a_country(kb: KnowledgeBase) -> None:
    """"Russian" is stop-listed as an actor, but remains the adjective of Russia."""
    assert "Russian" in kb.rejected
    assert found(kb, "A Russian group was blamed.") == [("Russian", Entry("country", "RU", "adjective"))]


def test_country_names_follow_case(kb: KnowledgeBase) -> None:
    assert found(kb, "We ate roast turkey for dinner.", "country") == []
    assert found(kb, "Officials in Turkey confirmed the attack.", "country") == [
        ("Turkey", Entry("country", "TR", "name"))]


def test_lookup_of_a_named_vulnerability(kb: KnowledgeBase) -> None:
    [log4shell] = [e for e in kb.lookup("Log4Shell") if isinstance(e, dict) and "vulnerability" in e]
    assert log4shell["cves"] == ["CVE-2021-44228"]
    assert any(isinstance(e, dict) and e.get("vulnerability") == "Log4Shell" for e in kb.lookup("CVE-2021-44228"))


def test_lookup_of_an_unknown_name_is_empty(kb: KnowledgeBase) -> None:
    assert kb.lookup("Qwzrtx Flubbergrape") == []


def test_stats_are_plausible(kb: KnowledgeBase) -> None:
    stats = kb.stats()
    assert stats["actors"] > 800
    assert stats["actors with a country"] <= stats["actors"]
    assert stats["actor aliases"] > stats["actors"]
    assert stats["named vulnerabilities"] >= 40
    assert stats["techniques"] > 1000
    assert stats["ambiguous aliases (never matched)"] == len(kb.ambiguous_aliases) > 0
    assert stats["countries"] >= 190
    assert all(isinstance(v, int) and v >= 0 for v in stats.values())


# -- the `kb` commands ----------------------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_kb_stats() -> None:
    result = run("kb", "stats")
    assert result.exit_code == 0, result.output
    assert "actors" in result.stdout
    assert "named vulnerabilities" in result.stdout


def test_cli_kb_lookup_actor() -> None:
    result = run("kb", "lookup", "ZIRCONIUM")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("actor APT31 ")
    assert "CN" in result.stdout.splitlines()[0]
    assert "Violet Typhoon" in result.stdout


def test_cli_kb_lookup_vulnerability() -> None:
    result = run("kb", "lookup", "Log4Shell")
    assert result.exit_code == 0, result.output
    assert "CVE-2021-44228" in result.stdout


def test_cli_kb_lookup_unknown_name_fails_clearly() -> None:
    result = run("kb", "lookup", "Qwzrtx Flubbergrape")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "nothing known as 'Qwzrtx Flubbergrape'" in result.stderr


def test_an_attack_technique_named_in_text_is_the_enterprise_one(kb: KnowledgeBase) -> None:
    found = [m for m in kb.find("The files were hit by Data Encrypted for Impact, the report says.")
             if any(e.kind == "technique" for e in m.values)]
    assert [[e.key for e in m.values] for m in found] == [["T1486"]]  # not also the Mobile matrix's T1471


def test_a_sub_technique_name_alone_names_the_thing_not_the_technique(kb: KnowledgeBase) -> None:
    # "Social Media" is T1593.001 and "Multi-Factor Authentication" T1556.006 only after their parents' names
    text = "The council posted an update on social media and urged staff to turn on multi-factor authentication."
    assert not [m for m in kb.find(text) if any(e.kind == "technique" for e in m.values)]
