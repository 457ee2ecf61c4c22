"""Invisible characters, odd spaces and look-alike letters do not hide names; the evidence keeps them as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybertrack.annotate.normalise import normalise
from cybertrack.knowledge.base import knowledge_base

HIDDEN_SPELLINGS = {
    "zero-width space": "AP\u200bT28",
    "soft hyphen": "APT\u00ad28",
    "non-breaking space": "Fancy\u00a0Bear",
    "Cyrillic look-alike": "\u0410PT28",  # its first letter is the Cyrillic A
}


def _article(name: str) -> dict:
    return {"id": "hidden", "published": "2024-05-10", "text": (
        "Hackers broke into the network of the Veldmark Water Authority on Monday and encrypted its billing servers. "
        f"The Ministry of the Interior attributed the cyberattack to {name}, a group linked to Russian military "
        "intelligence. The authority restored its systems from backups.")}


@pytest.mark.parametrize("name", HIDDEN_SPELLINGS.values(), ids=HIDDEN_SPELLINGS.keys())
def test_a_hidden_spelling_still_names_the_actor_and_the_evidence_keeps_it(cli, tmp_path: Path, name: str) -> None:
    source = tmp_path / "article.jsonl"
    source.write_text(json.dumps(_article(name)) + "\n", encoding="utf-8")
    assert cli("ingest", str(source), "-q").exit_code == 0
    export = cli.export()
    [incident] = export["incidents"]
    assert [actor["name"] for actor in incident["actors"]] == ["APT28"]
    [claim] = incident["claims"]
    assert "APT28" in [target["name"] for target in claim["attributed_to"]]
    assert name in claim["evidence"]  # the sentence as written, invisible characters and all
    start, end = claim["offsets"]
    assert export["documents"][0]["text"][start:end] == claim["evidence"]


def test_a_name_found_through_invisible_characters_spans_them_in_the_text() -> None:
    text = "Officials blamed AP\u200bT28 and Fancy\u00a0Bear."
    found = [(m.text, m.start, m.end, {v.key for v in m.values}) for m in knowledge_base().find(text)]
    assert found == [("AP\u200bT28", 17, 23, {"APT28"}), ("Fancy\u00a0Bear", 28, 38, {"APT28"})]


def test_look_alike_letters_are_made_latin_only_in_words_that_mix_scripts() -> None:
    assert normalise("\u0410PT28 hit the ministry").text == "APT28 hit the ministry"
    russian_and_greek = "Хакеры атаковали министерство в Москве. Οι χάκερ επιτέθηκαν στην Αθήνα."
    assert normalise(russian_and_greek).text == russian_and_greek
