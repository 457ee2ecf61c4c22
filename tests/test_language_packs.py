"""Language packs: every language has every part, and a new language is a new folder, not new code."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cybertrack import lang
from cybertrack.extract.cues import cues
from cybertrack.extract.lexicons import lexicons
from cybertrack.lang import with_contractions

PACKAGE = Path(lang.__file__).resolve().parents[1]


def test_the_six_news_languages_have_packs():
    assert set(lang.LANGUAGES) >= {"en", "fr", "nl", "de", "it", "es"}


def test_every_pack_has_every_part():
    assert lang.missing_parts() == []


@pytest.mark.parametrize("language", lang.LANGUAGES)
def test_every_pack_has_every_topic(language):
    assert lang.topics(language) == lang.topics("en")


def test_a_topic_is_read_section_first_language_last():
    assert "rançongiciel" in lexicons()["attack_types"]["ransomware"]["fr"]
    assert lexicons()["denial"]["de"] == lang.pack("de", "claims")["denial"]
    # the language-independent part stays beside the packs
    assert lang.topic("institutions")["portfolios"]["interior"]["sector"] == "government"


def _copy_of_the_package(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(PACKAGE, root / "cybertrack", ignore=shutil.ignore_patterns("__pycache__", "static"))
    return root


def _run(root: Path, code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=root, env={"PYTHONPATH": str(root)},
                          capture_output=True, text=True, timeout=120)


def test_a_seventh_language_is_a_new_folder(tmp_path):
    root = _copy_of_the_package(tmp_path)
    shutil.copytree(root / "cybertrack" / "lang" / "en", root / "cybertrack" / "lang" / "pt")
    claims = root / "cybertrack" / "lang" / "pt" / "claims.toml"
    claims.write_text(claims.read_text("utf-8").replace('denial = [', 'denial = [\n  "nega ter participado", '),
                      encoding="utf-8")
    done = _run(root, "\n".join([
        "from cybertrack.lang import LANGUAGES, missing_parts",
        "from cybertrack.extract.cues import cues",
        "assert 'pt' in LANGUAGES, LANGUAGES",
        "assert missing_parts() == [], missing_parts()",
        "found = cues().find_all('O governo nega ter participado no ataque.')",
        "assert [m.text for m in found['denial']] == ['nega ter participado'], found['denial']",
    ]))
    assert done.returncode == 0, done.stderr


def test_a_pack_missing_a_part_is_reported(tmp_path):
    root = _copy_of_the_package(tmp_path)
    roles = root / "cybertrack" / "lang" / "nl" / "roles.toml"
    text = roles.read_text("utf-8")
    start = text.index("began = ")
    roles.write_text(text[:start] + text[text.index("\n", text.index("]", start)) + 1:], encoding="utf-8")
    (root / "cybertrack" / "lang" / "it" / "attack.toml").unlink()
    done = _run(root, "from cybertrack.lang import missing_parts\nprint('\\n'.join(missing_parts()))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["it: no attack.toml", "nl: roles.toml has no began"]


def test_a_split_verb_is_a_cue_only_with_its_particle_in_the_clause():
    """ "wies … zurück" in the German pack: the verb counts where its particle follows in the same clause, and the
    match is the verb, so what it names right after still reads as its object."""
    found = cues().find_all("Die Botschaft wies die Vorwürfe entschieden zurück.")["denial"]
    assert [m.text for m in found] == ["wies"]
    assert cues().find_all("Er wies auf die Lücke hin. Zurück blieb der Schaden.")["denial"] == []
    blamed = cues().find_all("Die Regierung macht Russland für den Angriff verantwortlich.")["attribution"]
    assert "macht" in [m.text for m in blamed]


@pytest.mark.parametrize(
    ("sentence", "kind", "cue"),
    [
        # "sponsorizzato da" in the pack: Italian fuses the preposition with the article after it
        ("Il gruppo Korvan, sponsorizzato dallo Stato, ha colpito Lutrex.", "agency_link", "sponsorizzato dallo"),
        ("Il gruppo Korvan è legato all'intelligence di Veldmark.", "agency_link", "legato all'"),
        # "im Auftrag" is listed whole; "unterstützt von" fuses into "unterstützt vom"
        ("Die Gruppe Korvan wird unterstützt vom Geheimdienst.", "agency_link", "unterstützt vom"),
        ("Le groupe Korvan, lié aux services de Veldmark, a frappé Lutrex.", "agency_link", "lié aux"),
        # before a vowel Italian writes "a" as "ad"
        ("Un attacco informatico ad Antares Logistica ha bloccato i server.", "victim_before",
         "attacco informatico ad"),
    ],
)
def test_a_cue_that_ends_with_a_preposition_matches_its_fused_forms(sentence: str, kind: str, cue: str) -> None:
    assert cue in [m.text for m in cues().find_all(sentence)[kind]]


def test_fused_forms_come_from_the_pack_and_only_where_the_phrase_ends_with_the_preposition() -> None:
    phrases = with_contractions("it", ["con sede in", "in", "attacco contro"])
    assert "con sede nella" in phrases and "con sede nell'" in phrases
    assert "nella" not in phrases  # a bare preposition is no phrase to fuse
    assert not any(p.startswith("attacco contro ") for p in phrases)
    assert with_contractions("en", ["based in"]) == ["based in"]
