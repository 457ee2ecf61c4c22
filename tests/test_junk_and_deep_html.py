"""What is not an article, or hides one: junk of a few characters is refused with a reason, and a page nested
deeper than the HTML parser reads is read anyway, with a note."""

from __future__ import annotations

from pathlib import Path

from cybertrack.clean.minimum import too_short
from cybertrack.ingest.html import DEEP_PAGE_NOTE, extract_article

STORY = ("The regional water authority of Eastmoor said on Tuesday that attackers had encrypted its billing "
         "servers. The authority restored the systems from backups and informed the data protection office.")


def test_junk_of_a_few_characters_is_refused_with_a_reason(cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    for name, junk in (("x.txt", "x"), ("hello.txt", "hello"), ("test.txt", "test 123"), ("dots.txt", "........"),
                       ("two.txt", "Hello world")):
        (folder / name).write_text(junk, encoding="utf-8")
    result = cli("ingest", str(folder), "-q")
    assert result.exit_code == 1, result.output
    assert "ingested 1," in result.output and "failed 5" in result.output
    assert f"failed: {folder / 'x.txt'}: too short to be an article: 1 of the 10 letters or digits and 1 of the 3 " \
           "words an article needs at least" in result.output
    for name in ("hello.txt", "test.txt", "dots.txt", "two.txt"):
        assert f"failed: {folder / name}: too short to be an article" in result.output
    assert [d["id"] for d in cli.export()["documents"]] == [str(folder / "story.txt")]


def test_too_short_counts_words_of_scripts_written_without_spaces() -> None:
    assert too_short("Ransomware hits Eastmoor") is None
    assert too_short("勒索软件攻击了东沼水务局的计费服务器") is None  # one sentence, no spaces
    assert too_short("hello") is not None and too_short("Hello world") is not None


def nested_page(depth: int) -> str:
    paragraphs = "".join(f"<p>{sentence.rstrip('.')}.</p>" for sentence in STORY.split(". "))
    return ("<html><head><title>Eastmoor water authority hit</title></head><body>"
            "<nav><a href='/'>Home</a> | <a href='/weather'>Weather</a></nav>"
            + "<div>" * depth + f"<article><h1>Eastmoor water authority hit</h1>{paragraphs}</article>"
            + "</div>" * depth + "<footer>Copyright 2031 Eastmoor Courier. All rights reserved.</footer></body></html>")


def test_html_nested_deeper_than_the_parser_reads_is_recovered_and_noted(cli, tmp_path: Path) -> None:
    """libxml2 stops at 256 levels and drops the rest of the page; the page is read anyway and the user told."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep.html").write_text(nested_page(300), encoding="utf-8")
    (folder / "deeper.html").write_text(nested_page(5000).replace("Eastmoor", "Westhaven"), encoding="utf-8")
    result = cli("ingest", str(folder), "-q")
    assert result.exit_code == 0, result.output
    for name in ("deep.html", "deeper.html"):
        assert f"note: {folder / name}: the page is nested deeper than 255 levels" in result.output
    for doc in cli.export()["documents"]:
        assert "informed the data protection office" in doc["text"]
        assert "All rights reserved" not in doc["text"] and "Weather" not in doc["text"]


def test_a_tag_left_open_on_every_paragraph_loses_no_paragraph() -> None:
    html = ("<html><head><title>Eastmoor</title></head><body>"
            + "".join(f"<font face='Arial'><p>Paragraph {n} of the report on the attack on the Eastmoor water "
                      "authority.</p>" for n in range(400)) + "</body></html>")
    page = extract_article(html)
    assert [n for n in range(400) if f"Paragraph {n} of the report" not in page.text] == []
    assert page.note == DEEP_PAGE_NOTE


def test_html_within_the_parser_depth_has_no_note() -> None:
    page = extract_article(nested_page(200))
    assert page.note is None and "informed the data protection office" in page.text
