"""Bad input: each bad item gets a one-line error naming it, the batch goes on, the exit code says so."""

from __future__ import annotations

import json
import resource
from pathlib import Path

from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.model import ItemError, SourceItem

STORY = ("The regional water authority of Eastmoor said on Tuesday that attackers had encrypted its billing "
         "servers. The authority restored the systems from backups and informed the data protection office.")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def errors_by_id(items) -> dict[str, str]:
    return {i.source_id: i.reason for i in items if isinstance(i, ItemError)}


def make_bad_folder(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(PNG)
    (folder / "latin1.txt").write_bytes("Le ministère a été attaqué.".encode("latin-1"))
    (folder / "nothing.html").write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav>"
                                         "</body></html>", encoding="utf-8")
    (folder / "big.txt").write_bytes(b"word " * (11 * 1024 * 1024 // 5))
    (folder / "feed.rss").write_text("this is not xml at all {", encoding="utf-8")


def test_each_bad_file_gets_its_own_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_bad_folder(folder)
    items = list(iter_items([str(folder)], SourceOptions(max_bytes=10 * 1024 * 1024)))
    errors = errors_by_id(items)
    assert errors["empty.txt"] == "file is empty"
    assert "binary content (PNG image)" in errors["picture.txt"]
    assert "invalid UTF-8 at byte" in errors["latin1.txt"]
    assert "over the 10.0 MB cap" in errors["big.txt"]
    assert "not an RSS/Atom feed" in errors["feed.rss"]
    assert [i.source_id for i in items if isinstance(i, SourceItem)] == ["good.txt", "nothing.html"]


def test_cli_reports_every_failure_and_stores_the_rest(cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    make_bad_folder(folder)
    result = cli("ingest", str(folder), "--max-bytes", str(10 * 1024 * 1024), "-q")
    assert result.exit_code == 1
    assert "ingested 1," in result.output and "failed 6" in result.output
    for name in ("empty.txt", "picture.txt", "latin1.txt", "nothing.html", "big.txt", "feed.rss"):
        lines = [line for line in result.output.splitlines() if f"failed: {name}:" in line]
        assert len(lines) == 1, f"{name} needs exactly one error line"
    assert "no article text found in the HTML page" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == ["good.txt"]


def test_fifty_megabyte_file_is_refused_without_reading_it(cli, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = cli("ingest", str(big), "-q")
    assert result.exit_code == 1
    assert "failed: huge.txt: file is 50.0 MB, over the 20.0 MB cap" in result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 40 * 1024  # KB on Linux


def test_malformed_jsonl_line_is_reported_and_the_others_go_in(cli, tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"id": "a-1", "url": "https://example.org/a", "title": "A", "published": "2024-03-01",
                    "text": STORY}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "c-3", "html": f"<html><body><article><p>{STORY}</p><p>{STORY.upper()}</p>"
                                        "</article></body></html>"}),
        json.dumps({"id": "d-4", "title": "no text"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("ingest", str(path), "-q")
    assert result.exit_code == 1
    assert "failed: batch.jsonl:2: malformed JSON line" in result.output
    assert "failed: d-4: no 'text' or 'html' in the line" in result.output
    assert "failed: batch.jsonl:5: a JSONL line must be an object" in result.output
    docs = {d["id"]: d for d in cli.export()["documents"]}
    assert set(docs) == {"a-1", "c-3"}
    assert docs["a-1"]["published"] == "2024-03-01" and docs["a-1"]["title"] == "A"


def test_missing_source_is_an_error_not_a_crash(cli) -> None:
    result = cli("ingest", "/no/such/place", "-q")
    assert result.exit_code == 1
    assert "failed: /no/such/place: no such file, folder or URL" in result.output


def write_small_files(folder: Path, first: int, count: int) -> None:
    """Routine notices, no attack: what is measured is the streaming, not the final resolution of the incidents
    (which holds every stored frame, so its memory grows with the attack reports stored)."""
    for n in range(first, first + count):
        sub = folder / f"d{n // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:05d}.txt").write_text(f"Notice {n}: the Eastmoor port authority published timetable "
                                          f"number {n} for its booking portal.", encoding="utf-8")


def test_ten_thousand_small_files_stream_with_flat_memory(cli, tmp_path: Path) -> None:
    """Models load once; after that, memory must not grow with the number of files."""
    write_small_files(tmp_path / "warm-up", 0, 1000)
    assert "ingested 1000," in cli("ingest", str(tmp_path / "warm-up"), "-q").output
    write_small_files(tmp_path / "many", 1000, 10000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = cli("ingest", str(tmp_path / "many"), "--batch-size", "500", "-q")
    assert result.exit_code == 0, result.output[-500:]
    assert "ingested 10000," in result.output
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 30, f"memory grew by {grown_mb:.0f} MB while ingesting 10,000 files"
