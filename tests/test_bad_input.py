"""Bad input: each bad item gets a one-line error naming it, the batch goes on, the exit code says so."""

from __future__ import annotations

import json
import os
import resource
import threading
import tracemalloc
from pathlib import Path

from cybertrack.ingest import SourceOptions, iter_items
from cybertrack.model import ItemError, SourceItem

STORY = ("The regional water authority of Eastmoor said on Tuesday that attackers had encrypted its billing "
         "servers. The authority restored the systems from backups and informed the data protection office.")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def errors_by_name(items) -> dict[str, str]:
    return {Path(i.source_id).name: i.reason for i in items if isinstance(i, ItemError)}


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
    errors = errors_by_name(items)
    assert errors["empty.txt"] == "file is empty"
    assert "binary content (PNG image)" in errors["picture.txt"]
    assert "invalid UTF-8 at byte" in errors["latin1.txt"]
    assert "over the 10.0 MB cap" in errors["big.txt"]
    assert "not an RSS/Atom feed" in errors["feed.rss"]
    assert [i.source_id for i in items if isinstance(i, SourceItem)] == [str(folder / "good.txt"),
                                                                         str(folder / "nothing.html")]


def test_cli_reports_every_failure_and_stores_the_rest(store_cli, tmp_path: Path) -> None:
    cli = store_cli
    folder = tmp_path / "in"
    make_bad_folder(folder)
    result = cli("ingest", str(folder), "--max-bytes", str(10 * 1024 * 1024), "-q")
    assert result.exit_code == 1
    assert "ingested 1," in result.output and "failed 6" in result.output
    for name in ("empty.txt", "picture.txt", "latin1.txt", "nothing.html", "big.txt", "feed.rss"):
        lines = [line for line in result.output.splitlines() if f"failed: {folder / name}:" in line]
        assert len(lines) == 1, f"{name} needs exactly one error line"
    assert "no article text found in the HTML page" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == [str(folder / "good.txt")]


def test_fifty_megabyte_file_is_refused_without_reading_it(cli, tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = cli("ingest", str(big), "-q")
    assert result.exit_code == 1
    assert f"failed: {big}: file is 50.0 MB, over the 20.0 MB cap" in result.output
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 40 * 1024  # KB on Linux


def test_malformed_jsonl_line_is_reported_and_the_others_go_in(store_cli, tmp_path: Path) -> None:
    cli = store_cli
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
    assert f"failed: {path}:2: malformed JSON line" in result.output
    assert f"failed: {path}:4: no 'text' or 'html' in the line" in result.output
    assert f"failed: {path}:5: a JSONL line must be an object" in result.output
    docs = {d["id"]: d for d in cli.export()["documents"]}
    assert set(docs) == {f"{path}/a-1", f"{path}/c-3"}
    assert docs[f"{path}/a-1"]["published"] == "2024-03-01" and docs[f"{path}/a-1"]["title"] == "A"


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


# --- one JSONL line at a time: types, storable text, and a line too long to hold ---------------------------

def test_jsonl_fields_of_a_wrong_type_or_unstorable_text_fail_their_line_only(store_cli, tmp_path: Path) -> None:
    """A list, an object or a string UTF-8 cannot hold fails its own line, never the batch or the run."""
    cli = store_cli
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps({"id": "good", "text": STORY}),
        json.dumps({"id": "lone-\ud800", "text": STORY}),
        json.dumps({"id": "u", "url": "https://example.org/\udc00", "text": STORY}),
        json.dumps({"id": "authors", "author": ["A. Writer", "B. Writer"], "text": STORY}),
        json.dumps({"id": "urls", "url": ["https://example.org/a"], "text": STORY}),
        json.dumps({"id": "title", "title": {"en": "Title"}, "text": STORY}),
        json.dumps({"id": "nul", "text": STORY + "\u0000"}),
        json.dumps({"id": 42, "url": "javascript:alert(1)", "text": STORY.replace("Tuesday", "Monday")}),
        '{"id": "digits", "published": ' + "9" * 5000 + ', "text": "x"}',
        "[" * 100_000,
        json.dumps({"id": "last", "text": STORY.replace("Tuesday", "Friday").replace("water", "gas")}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = cli("ingest", str(path), "--batch-size", "100", "-q")
    assert result.exit_code == 1, result.output
    for lineno, reason in [
        (2, "field 'id' contains a lone surrogate (U+D800) at character 5, which cannot be stored"),
        (3, "field 'url' contains a lone surrogate (U+DC00)"),
        (4, "field 'author' must be a string, not a list"),
        (5, "field 'url' must be a string, not a list"),
        (6, "field 'title' must be a string, not an object"),
        (7, "field 'text' contains a NUL character"),
        (9, "malformed JSON line: a number with too many digits"),
        (10, "malformed JSON line: nested too deeply"),
    ]:
        assert f"failed: {path}:{lineno}: {reason}" in result.output
    assert "failed 8" in result.output
    assert f"note: {path}/42: its url 'javascript:alert(1)' is not an http(s) address and was dropped" \
        in result.output
    docs = {Path(d["id"]).name: d for d in cli.export()["documents"]}
    assert set(docs) == {"good", "42", "last"} and docs["42"]["url"] is None


def test_an_over_long_jsonl_line_is_skipped_without_holding_it(tmp_path: Path) -> None:
    """The cap bounds memory: a line many times over it is read past in chunks, and the next lines go in."""
    cap = 64 * 1024
    path = tmp_path / "dump.jsonl"
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"id": "before", "text": STORY}) + "\n")
        out.write(json.dumps({"id": "huge", "text": "word " * (4 * 1024 * 1024 // 5)}) + "\n")
        out.write(json.dumps({"id": "after", "text": STORY}) + "\n")
    tracemalloc.start()
    try:
        items = list(iter_items([str(path)], SourceOptions(max_bytes=cap)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"reading held {peak / 1024:.0f} KB for a 4 MB line over a 64 KB cap"
    assert [Path(i.source_id).name for i in items if isinstance(i, SourceItem)] == ["before", "after"]
    (error,) = [i for i in items if isinstance(i, ItemError)]
    assert error.source_id == f"{path}:2" and error.reason == "line is 4.0 MB, over the 64.0 KB cap (see --max-bytes)"


def test_fifos_and_devices_are_skipped_without_being_opened(tmp_path: Path) -> None:
    """Opening a FIFO blocks until someone writes to it: a FIFO named .jsonl once hung the run forever."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    fifo = folder / "stream.jsonl"
    os.mkfifo(fifo)
    found: list = []
    reader = threading.Thread(target=lambda: found.extend(iter_items([str(folder), str(fifo), "/dev/null"])),
                              daemon=True)
    reader.start()
    reader.join(timeout=30)
    try:
        assert not reader.is_alive(), "reading the sources hung on the FIFO"
    finally:
        if reader.is_alive():  # let the stuck reader go: a writer that closes at once gives it an empty stream
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(timeout=30)
    assert [i.source_id for i in found if isinstance(i, SourceItem)] == [str(folder / "good.txt")]
    assert [(e.source_id, e.reason) for e in found if isinstance(e, ItemError)] == [
        (str(fifo), "not a regular file (a FIFO); skipped"),
        (str(fifo), "not a regular file (a FIFO); skipped"),
        ("/dev/null", "not a regular file (a character device); skipped"),
    ]
