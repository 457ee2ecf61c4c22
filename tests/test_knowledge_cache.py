"""The knowledge base is built once and then read from the cache; a bad cache costs a rebuild, never a failure."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from cybertrack.knowledge import cache
from cybertrack.knowledge.base import KnowledgeBase, knowledge_base


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CYBERTRACK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_build_is_stored_and_then_read_instead_of_built(folder: Path) -> None:
    builds: list[int] = []

    def build() -> dict:
        builds.append(1)
        return {"answer": 42}

    assert cache.load_or_build(build) == {"answer": 42}
    assert cache.load_or_build(build) == {"answer": 42}
    assert len(builds) == 1
    assert [p.name for p in folder.iterdir()] == [f"knowledge-{cache.build_key()}.pickle"]


def test_the_cached_knowledge_base_finds_what_a_fresh_build_finds(folder: Path) -> None:
    text = "ZIRCONIUM used PlugX against the ministry in France, exploiting Log4Shell (T1190)."
    cached = cache.load_or_build(KnowledgeBase)
    assert (folder / f"knowledge-{cache.build_key()}.pickle").exists()
    reloaded = cache.load_or_build(lambda: pytest.fail("the cache was not read"))
    fresh = knowledge_base()
    assert [m.values for m in reloaded.find(text)] == [m.values for m in fresh.find(text)]
    assert [m.values for m in cached.find(text)] == [m.values for m in fresh.find(text)]
    assert any(e.key == "APT31" for m in reloaded.find(text) for e in m.values if hasattr(e, "key"))


def test_a_corrupt_cache_is_rebuilt_with_a_warning(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder.mkdir()
    (folder / f"knowledge-{cache.build_key()}.pickle").write_bytes(b"not a pickle")
    (folder / "knowledge-0000000000000000.pickle").write_bytes(b"an older build")
    with caplog.at_level(logging.WARNING):
        assert cache.load_or_build(lambda: [1, 2]) == [1, 2]
    assert "ignoring the knowledge cache" in caplog.text
    assert cache.load_or_build(lambda: pytest.fail("not rebuilt over the corrupt file")) == [1, 2]
    assert len(list(folder.iterdir())) == 1  # the older build was cleared away


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CYBERTRACK_CACHE_DIR", str(blocker / "cache"))  # a folder can't be made inside a file
    with caplog.at_level(logging.WARNING):
        assert cache.load_or_build(lambda: "built") == "built"
    assert "could not write the knowledge cache" in caplog.text


def test_the_key_changes_with_the_data_it_depends_on(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.build_key()
    monkeypatch.setattr(cache, "DATA_PACKAGES", (*cache.DATA_PACKAGES, "pytest"))
    assert cache.build_key() != before


def test_the_key_changes_with_the_language_packs_the_build_reads(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Country names take their genitives from the packs (``grammar.name_genitive``): a cache kept across an edit of
    a pack would serve the old forms."""
    package = Path(cache.__file__).parent.parent
    copy = tmp_path / "cybertrack"
    shutil.copytree(package / "knowledge", copy / "knowledge")
    shutil.copytree(package / "lang", copy / "lang")
    monkeypatch.setattr(cache, "__file__", str(copy / "knowledge" / "cache.py"))
    before = cache.build_key()
    grammar = copy / "lang" / "de" / "grammar.toml"
    grammar.write_text(grammar.read_text("utf-8").replace('name_genitive = "s"', 'name_genitive = ""'), "utf-8")
    assert cache.build_key() != before


def test_tables_of_different_names_are_kept_apart(folder: Path) -> None:
    """The common words and the knowledge base share the cache folder; storing one must not drop the other."""
    assert cache.load_or_build(lambda: {"kind": "knowledge"}) == {"kind": "knowledge"}
    assert cache.load_or_build(lambda: {"kind": "words"}, "common-words") == {"kind": "words"}
    assert cache.load_or_build(lambda: pytest.fail("the knowledge table was dropped")) == {"kind": "knowledge"}
    assert sorted(p.name.split("-")[0] for p in folder.iterdir()) == ["common", "knowledge"]
