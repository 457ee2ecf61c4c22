"""Every source has an identity of its own: two articles never overwrite each other because their names match."""

from __future__ import annotations

import json
from pathlib import Path

from cybertrack.ingest import iter_items
from cybertrack.model import ItemError, SourceItem

WATER = ("Hackers encrypted the billing servers of the Eastmoor water authority on Tuesday, the authority said. "
         "It restored the systems from backups and informed the data protection office.")
PORT = ("A ransomware attack halted the booking portal of the Westhaven port authority on Friday, a spokeswoman "
        "said. Ships were cleared by hand while the portal was rebuilt.")
RAIL = ("Attackers wiped the timetable servers of the Northvale regional railway on Sunday, the operator said. "
        "Trains ran on printed schedules until Monday evening.")


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_same_file_name_in_two_folders_is_two_documents(store_cli, tmp_path: Path) -> None:
    cli = store_cli
    for site, story in (("siteA", WATER), ("siteB", PORT)):
        (tmp_path / site).mkdir()
        (tmp_path / site / "index.txt").write_text(story, encoding="utf-8")
    assert "ingested 1, updated 0," in cli("ingest", str(tmp_path / "siteA"), "-q").output
    second = cli("ingest", str(tmp_path / "siteB" / "index.txt"), "-q")
    assert "ingested 1, updated 0," in second.output, second.output
    docs = {d["id"]: d["text"] for d in cli.export()["documents"]}
    assert docs == {str(tmp_path / "siteA" / "index.txt"): WATER, str(tmp_path / "siteB" / "index.txt"): PORT}


def test_a_file_is_the_same_document_from_any_working_folder(store_cli, tmp_path: Path, monkeypatch) -> None:
    cli = store_cli
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "water.txt").write_text(WATER, encoding="utf-8")
    cli("ingest", str(tmp_path / "news"), "-q")
    monkeypatch.chdir(tmp_path / "news")
    again = cli("ingest", "water.txt", "-q")
    assert "ingested 0, updated 0, already present 1," in again.output, again.output


def test_jsonl_lines_are_named_by_their_file_and_id(tmp_path: Path) -> None:
    """The same ids in two files are two articles; the scorers' key, the id's last segment, is still the line id."""
    first = write_jsonl(tmp_path / "first.jsonl", [{"id": "a-1", "text": WATER}, {"id": 7, "text": PORT}])
    second = write_jsonl(tmp_path / "second.jsonl", [
        {"id": "a-1", "text": RAIL},
        {"url": "https://news.example/port", "text": PORT},
        {"text": WATER},
    ])
    items = list(iter_items([str(first), str(second)]))
    assert all(isinstance(i, SourceItem) for i in items), items
    assert [i.source_id for i in items] == [f"{first}/a-1", f"{first}/7", f"{second}/a-1",
                                            "https://news.example/port", f"{second}:3"]
    assert [Path(i.source_id).name for i in items[:3]] == ["a-1", "7", "a-1"]


def test_a_repeated_id_in_one_jsonl_is_reported_and_the_first_line_kept(store_cli, tmp_path: Path) -> None:
    cli = store_cli
    path = write_jsonl(tmp_path / "batch.jsonl", [
        {"id": "a-1", "text": WATER},
        {"id": "b-2", "text": PORT},
        {"id": "a-1", "text": RAIL},
        {"url": "https://news.example/rail", "text": RAIL},
        {"url": "https://news.example/rail", "text": WATER},
    ])
    result = cli("ingest", str(path), "-q")
    assert result.exit_code == 1, result.output
    assert "ingested 3, updated 0," in result.output and "failed 2" in result.output
    assert f"failed: {path}:3: id 'a-1' is also on line 1, which is kept" in result.output
    assert f"failed: {path}:5: url 'https://news.example/rail' is also on line 4, which is kept" in result.output
    docs = {d["id"]: d["text"] for d in cli.export()["documents"]}
    assert docs == {f"{path}/a-1": WATER, f"{path}/b-2": PORT, "https://news.example/rail": RAIL}


def test_documents_listing_shows_the_tail_of_long_ids(store_cli, tmp_path: Path) -> None:
    cli = store_cli
    folder = tmp_path / "a-folder-with-a-rather-long-name-to-push-the-id-over-forty-characters"
    folder.mkdir()
    path = write_jsonl(folder / "batch.jsonl", [{"id": "water-42", "title": "Water", "text": WATER}])
    assert cli("ingest", str(path), "-q").exit_code == 0
    listing = cli("documents")
    assert listing.exit_code == 0
    (line,) = listing.stdout.splitlines()
    assert "…" in line and "batch.jsonl/water-42" in line and "Water" in line


def test_unreadable_items_are_named_by_their_full_path(tmp_path: Path) -> None:
    (tmp_path / "siteA").mkdir()
    (tmp_path / "siteA" / "index.txt").write_bytes(b"")
    (item,) = iter_items([str(tmp_path / "siteA")])
    assert isinstance(item, ItemError) and item.source_id == str(tmp_path / "siteA" / "index.txt")
