"""Countries in six languages: names, adjectives and capitals are found; common words and first names are not."""

from __future__ import annotations

import time

import pytest

from cybertrack.knowledge.countries import LANGUAGES, CountryForm, capital_of, country_forms, country_name
from cybertrack.knowledge.matcher import PhraseMatcher


@pytest.fixture(scope="module")
def matcher() -> PhraseMatcher:
    m = PhraseMatcher()
    for form in country_forms():
        m.add(form.text, form.code, case_sensitive=form.case_sensitive)
    return m


def codes(m: PhraseMatcher, text: str) -> list[object]:
    """The countries found, in order; one form can be registered in several languages for the same country."""
    return [value for match in m.find(text) for value in dict.fromkeys(match.values)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Belgium said the attack on its ports had been contained.",
        "La Belgique a confirmé l'attaque contre ses ports.",
        "België bevestigde de aanval op de havens.",
        "Belgien bestätigte den Angriff auf die Häfen.",
        "Il Belgio ha confermato l'attacco ai porti.",
        "Bélgica confirmó el ataque contra sus puertos.",
    ],
)
def test_country_names_in_every_language(matcher: PhraseMatcher, sentence: str) -> None:
    assert codes(matcher, sentence) == ["BE"]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Researchers blamed a Chinese espionage group.", "CN"),
        ("Les chercheurs accusent un groupe chinois.", "CN"),
        ("Les autorités chinoises ont démenti.", "CN"),
        ("Onderzoekers wijzen naar een Chinese spionagegroep.", "CN"),
        ("Een Chinees bedrijf werd getroffen.", "CN"),
        ("Forscher vermuten eine chinesische Spionagegruppe.", "CN"),
        ("Chinesische Hacker stecken wohl dahinter.", "CN"),
        ("I ricercatori accusano un gruppo cinese.", "CN"),
        ("Los investigadores culpan a un grupo chino.", "CN"),
        ("Des pirates russes ont revendiqué l'attaque.", "RU"),
        ("Ein russischer Geheimdienst steckt dahinter.", "RU"),
        ("Un gruppo russo ha rivendicato l'attacco.", "RU"),
        ("Un grupo ruso reivindicó el ataque.", "RU"),
        ("Russian hackers claimed the attack.", "RU"),
        ("Russische hackers eisten de aanval op.", "RU"),
        ("North Korean operators stole the funds.", "KP"),
        ("Des pirates nord-coréens ont volé les fonds.", "KP"),
        # German has an older adjective for Estonia beside "estnisch"
        ("Unbekannte legten die Websites der estländischen Regierung lahm.", "EE"),
    ],
)
def test_adjectives_and_their_inflections(matcher: PhraseMatcher, sentence: str, code: str) -> None:
    assert codes(matcher, sentence) == [code]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Espionage campaign targeting Mongolian government officials.", ["MN"]),
        ("Thousands of Bangladeshis lost access to their accounts.", ["BD"]),
        ("A Peruvian bank and a Kuwaiti airline were breached.", ["PE", "KW"]),
        ("The Sri Lankan telecom regulator was hacked.", ["LK"]),
        ("A ministry in Saint-Denis on Réunion was hacked by French hackers.", ["FR"]),
    ],
)
def test_english_demonyms_of_every_country(matcher: PhraseMatcher, sentence: str, expected: list[str]) -> None:
    """The countries the table gives no English adjective have countryinfo's; a territory does not take its
    sovereign's ("French" stays France's, not Réunion's)."""
    assert codes(matcher, sentence) == expected


def test_demonyms_never_add_a_form_the_table_leaves_out() -> None:
    texts = {form.text for form in country_forms()}
    assert "Korean" not in texts and "Dominican" not in texts and "Congolese" not in texts


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        ("Beijing denied any involvement.", "CN"),
        ("Pékin a démenti toute implication.", "CN"),
        ("Peking ontkende elke betrokkenheid.", "CN"),
        ("Peking wies die Vorwürfe zurück.", "CN"),
        ("Pechino ha smentito ogni coinvolgimento.", "CN"),
        ("Pekín negó cualquier implicación.", "CN"),
        ("Officials in Brussels met on Monday.", "BE"),
        ("Les responsables se sont réunis à Bruxelles.", "BE"),
        ("De ambtenaren kwamen samen in Brussel.", "BE"),
        ("Moskau bestreitet die Vorwürfe.", "RU"),
        ("Teherán negó los hechos.", "IR"),
        ("The Kremlin denied the accusations.", "RU"),
        ("Le Kremlin dément les accusations.", "RU"),
        ("Der Kreml weist die Vorwürfe zurück.", "RU"),
        ("Il Cremlino respinge le accuse.", "RU"),
    ],
)
def test_capitals_and_seats_of_government(matcher: PhraseMatcher, sentence: str, code: str) -> None:
    assert codes(matcher, sentence) == [code]


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S. Treasury issued sanctions.",
        "The United States issued sanctions.",
        "Agencies in the US issued an advisory.",
        "Les États-Unis ont imposé des sanctions.",
        "De VS legden sancties op.",
        "Die USA verhängten Sanktionen.",
        "Gli Stati Uniti hanno imposto sanzioni.",
        "EE. UU. impuso sanciones.",
    ],
)
def test_short_forms_of_the_united_states(matcher: PhraseMatcher, sentence: str) -> None:
    assert codes(matcher, sentence) == ["US"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Officials in Turkey and the UK shared indicators.", ["TR", "GB"]),
        ("Un gruppo nordcoreano e uno iraniano sono stati identificati.", ["KP", "IR"]),
        ("Police in Northern Ireland investigated the breach.", ["GB"]),
    ],
)
def test_several_countries_and_longest_match(matcher: PhraseMatcher, sentence: str, expected: list[str]) -> None:
    assert codes(matcher, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He ate a turkey sandwich at his desk.",
        "The cabinet was full of fine china.",
        "Chad said the backups were intact.",
        "Let us know if the patch works for you.",
        "Die Angreifer kamen mit gestohlenen Zugangsdaten in die Systeme.",
        "Dan werd de server opnieuw opgestart.",
        "Jordan and Victoria restored the servers from tape.",
        "The malicious VS Code extension was removed from the marketplace.",
        "Anthony Albanese spoke about the breach.",
        "The Indiana hospital restored its systems.",
    ],
)
def test_no_false_hits(matcher: PhraseMatcher, sentence: str) -> None:
    assert codes(matcher, sentence) == []


@pytest.mark.parametrize(("sentence", "code"), [
    ("Nach dem Angriff auf die Stadtverwaltung im Westen Frankreichs wurden Daten veröffentlicht.", "FR"),
    ("Russlands Regierung wies die Vorwürfe zurück.", "RU"),
])
def test_german_names_in_the_genitive(matcher: PhraseMatcher, sentence: str, code: str) -> None:
    """German writes a country's name with "-s" in the genitive ("im Westen Frankreichs"); a name that ends in a
    sibilant takes none ("Belarus" stays as it is)."""
    assert codes(matcher, sentence) == [code]
    assert "Belaruss" not in {form.text for form in country_forms()}


def test_forms_cover_every_language_and_kind() -> None:
    forms = country_forms()
    assert {form.language for form in forms} == set(LANGUAGES)
    assert {form.kind for form in forms} == {"name", "adjective", "capital"}
    assert CountryForm("Washington", "US", "capital", "en", True) in forms


def test_case_rules() -> None:
    for form in country_forms():
        assert form.case_sensitive or not any(char.isupper() for char in form.text)
        assert len(form.text) >= 3 or form.text in {"US", "UK"}
        if not form.case_sensitive:
            assert sum(char.isalpha() for char in form.text) >= 4


def test_no_form_is_shared_by_two_countries() -> None:
    owners: dict[str, set[str]] = {}
    for form in country_forms():
        owners.setdefault(form.text.lower(), set()).add(form.code)
    assert {text: codes for text, codes in owners.items() if len(codes) > 1} == {}
    assert "congo" not in owners


def test_country_name_and_capital() -> None:
    assert country_name("BE", "it") == "Belgio"
    assert [country_name("BE", lang) for lang in LANGUAGES] == [
        "Belgium",
        "Belgique",
        "België",
        "Belgien",
        "Belgio",
        "Bélgica",
    ]
    assert capital_of("BE") == "Brussels"
    assert capital_of("US") == "Washington"
    assert capital_of("ZZ") is None


def test_forms_load_quickly() -> None:
    country_forms.cache_clear()
    started = time.perf_counter()
    country_forms()
    assert time.perf_counter() - started < 1.5
