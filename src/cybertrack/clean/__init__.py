"""Noise removal: keep every sentence of the story, drop everything the page added.

The cleaner works on paragraphs (lines) and the sentences inside them, and
copies every kept sentence verbatim, so each character of the clean text maps
back to the raw text through an ``OffsetMap``.
"""

from __future__ import annotations

from dataclasses import dataclass

from cybertrack.annotate.sentences import sentence_spans
from cybertrack.clean.boilerplate import boilerplate_reason, opens_link_list
from cybertrack.clean.duplicates import repeated_sentences
from cybertrack.clean.tail import Block, glued_tail_start
from cybertrack.model import CleanText, OffsetMap, Removal, Span

LINK_LIST_MAX_WORDS = 20


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    dropped: str | None = None


@dataclass
class _Paragraph:
    start: int
    end: int
    sentences: list[_Sentence]

    @property
    def kept(self) -> list[_Sentence]:
        return [s for s in self.sentences if s.dropped is None]


def _paragraphs(raw: str) -> list[_Paragraph]:
    paragraphs, offset = [], 0
    for line in raw.splitlines(keepends=True):
        start = offset + len(line) - len(line.lstrip())
        end = offset + len(line.rstrip())
        offset += len(line)
        if end > start:
            sentences = [_Sentence(a, b, raw[a:b]) for a, b in sentence_spans(raw, start, end)]
            paragraphs.append(_Paragraph(start, end, sentences))
    return paragraphs


def _mark_furniture(paragraphs: list[_Paragraph]) -> None:
    """Drop furniture sentences, and the headlines listed under an "Also read:" lead-in."""
    in_link_list = False
    for paragraph in paragraphs:
        text = " ".join(s.text for s in paragraph.sentences)
        if in_link_list and len(text.split()) <= LINK_LIST_MAX_WORDS and not text.rstrip().endswith("."):
            for s in paragraph.sentences:
                s.dropped = "teaser"
            continue
        in_link_list = False
        for s in paragraph.sentences:
            s.dropped = boilerplate_reason(s.text)
            in_link_list = opens_link_list(s.text, s.dropped)


def _mark_glued_tail(paragraphs: list[_Paragraph], title: str | None) -> None:
    blocks = [Block(" ".join(s.text for s in p.kept), furniture=not p.kept) for p in paragraphs]
    for paragraph in paragraphs[glued_tail_start(blocks, title):]:
        for s in paragraph.kept:
            s.dropped = "glued story"


def _mark_repeats(paragraphs: list[_Paragraph]) -> None:
    kept = [s for p in paragraphs for s in p.kept]
    for i in repeated_sentences([s.text for s in kept]):
        kept[i].dropped = "repeated sentence"


def _assemble(raw: str, paragraphs: list[_Paragraph]) -> CleanText:
    parts: list[str] = []
    spans: list[Span] = []
    removed: list[Removal] = []
    length = 0
    for paragraph in paragraphs:
        kept = paragraph.kept
        removed += [Removal(s.start, s.end, s.dropped) for s in paragraph.sentences if s.dropped]
        if not kept:
            continue
        if parts:
            parts.append("\n")
            length += 1
        for n, s in enumerate(kept):
            if n:
                parts.append(" ")
                length += 1
            spans.append(Span(length, s.start, s.end - s.start))
            parts.append(raw[s.start:s.end])
            length += s.end - s.start
    return CleanText("".join(parts), OffsetMap(tuple(spans)), tuple(removed))


def clean(raw: str, title: str | None = None) -> CleanText:
    """The story of ``raw`` without page noise, with a map back to ``raw``."""
    paragraphs = _paragraphs(raw)
    _mark_furniture(paragraphs)
    _mark_glued_tail(paragraphs, title)
    _mark_repeats(paragraphs)
    return _assemble(raw, paragraphs)
