"""Noise removal: keep every sentence of the story, drop everything the page added.

The cleaner works on paragraphs (lines) and the sentences inside them, and
copies every kept sentence verbatim, so each character of the clean text maps
back to the raw text through an ``OffsetMap``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from cybertrack.annotate.sentences import sentence_spans
from cybertrack.clean.boilerplate import (
    LEAD_MAX_WORDS,
    boilerplate_reason,
    is_story_sentence,
    is_title_case_headline,
    opens_link_list,
)
from cybertrack.clean.duplicates import repeated_sentences
from cybertrack.clean.inline import furniture_inside
from cybertrack.clean.tail import OFF_TOPIC, Block, glued_tail_start, lead_text
from cybertrack.embeddings import SentenceEncoder
from cybertrack.model import CleanText, OffsetMap, Removal, Span

LINK_LIST_MAX_WORDS = 20
SUMMARY_MAX_WORDS = 30  # the one sentence a list of links gives under a headline
HEADLINE_MIN_WORDS = 3  # shorter lines at the end of a page are names and labels, not headlines
TRAILING_LIST_MIN_HEADLINES = 2
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "»", "“", "’")  # German closes a quote with “: „Wir zahlen nicht.“
_OPENING_QUOTES = " \"„“«‘'"
_FULL_STOP_AT_END = re.compile(r"\.[\s\"”»’'“)]*$")
# A caption is the sentence above its photo credit; a longer paragraph is story that happens to end in one.
CAPTION_MAX_SENTENCES = 3
CAPTION_MAX_WORDS = 60
# A page's furniture comes in blocks of short lines (labels, names, headlines): a line this short, in a run of at
# least ``BLOCK_MIN_LINES`` short lines of which this share is furniture already, is furniture too. At the top or the
# bottom of the page, where furniture gathers, a third is enough; between paragraphs of the story, half.
SHORT_LINE_MAX_WORDS = 6
TITLE_SEARCH_PARAGRAPHS = 6  # the page's title, when its text repeats it, is among its first lines
BLOCK_MIN_LINES = 3
EDGE_BLOCK_SHARE = 1 / 3
INNER_BLOCK_SHARE = 1 / 2


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    dropped: str | None = None
    glued: bool = False  # the rest of a sentence that furniture was cut from: joined without a space


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


def _mark_furniture(paragraphs: list[_Paragraph], off_topic: Callable[[str], bool]) -> None:
    """Drop furniture sentences and the furniture glued inside story sentences, the headlines listed under an
    "Also read:" lead-in with the one-line summaries between them, and whole paragraphs that furniture opens (a teaser
    and its headline) or closes (a caption and its photo credit)."""
    in_link_list = False
    for n, paragraph in enumerate(paragraphs):
        text = " ".join(s.text for s in paragraph.sentences)
        words = len(text.split())
        if in_link_list and (_listed_headline(text) or _listed_summary(paragraphs, n, text, off_topic)):
            _drop_all(paragraph, "teaser")
            continue
        listing, in_link_list = in_link_list, False
        for s in paragraph.sentences:
            s.dropped = boilerplate_reason(s.text)
            in_link_list = opens_link_list(s.text, s.dropped)
        # A listed teaser too long to be a bare headline ("Date Blurb… more...") does not end the list.
        in_link_list = in_link_list or (listing and all(s.dropped == "teaser" for s in paragraph.sentences))
        _cut_inline_furniture(paragraph)
        first, last = paragraph.sentences[0], paragraph.sentences[-1]
        if first.dropped == "teaser" and words <= LEAD_MAX_WORDS and \
                not any(is_story_sentence(s.text) for s in paragraph.sentences[1:]):
            _drop_all(paragraph, "teaser")  # "Read also: Headline? Rest of the headline!"
        elif last.dropped == "caption" and len(paragraph.sentences) <= CAPTION_MAX_SENTENCES and \
                words <= CAPTION_MAX_WORDS:
            # the sentence right before the credit is its caption; one before that is the story, glued on in a dump
            # ("... reported no problems. A check-in desk at the airport. Photo: X")
            for s in paragraph.sentences[-2:]:
                s.dropped = s.dropped or "caption"


def _listed_headline(text: str) -> bool:
    """A short line that ends without a full stop: a headline in a list of links. A quote the story resumes with
    ends with its full stop inside the quotation marks ("She said: “We will not pay.”")."""
    return len(text.split()) <= LINK_LIST_MAX_WORDS and not _FULL_STOP_AT_END.search(text)


def _listed_summary(paragraphs: list[_Paragraph], n: int, text: str, off_topic: Callable[[str], bool]) -> bool:
    """ "Veldmark: hackers steal bank data / Police advise changing passwords. / Next headline": one short sentence
    between two listed headlines, or after the last one, summarises the story linked above it when its meaning is far
    from the article's lead; the story resuming after the list goes on with longer paragraphs, about its subject."""
    following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
    follows_a_headline = following is None or _listed_headline(" ".join(s.text for s in following.sentences))
    return len(paragraphs[n].sentences) == 1 and len(text.split()) <= SUMMARY_MAX_WORDS and follows_a_headline \
        and off_topic(text)


def _mark_trailing_headlines(paragraphs: list[_Paragraph], off_topic: Callable[[str], bool]) -> None:
    """ "Kettleby man jailed for selling stolen bank logins / Brindle library to reopen after roof repairs" at the end
    of the page, after the story: a run of listed headlines (`_listed_headline`), with the one-line summaries under
    them, lists other stories even where no "Read more" opens the list, when each line's meaning is far from the
    lead. A story does not end with two lines like those; a list of steps or of affected products that ends one is
    about the story, close to its lead, and stays."""
    kept = [p for p in paragraphs if p.kept]
    run: list[_Paragraph] = []
    for paragraph in reversed(kept[1:]):
        text = _kept_text(paragraph)
        headline = _listed_headline(text) and len(text.split()) >= HEADLINE_MIN_WORDS
        summary = len(paragraph.kept) == 1 and len(text.split()) <= SUMMARY_MAX_WORDS and _is_sentence(text)
        if not (headline or (summary and (not run or _listed_headline(_kept_text(run[-1]))))):
            break
        run.append(paragraph)
    while run and not _listed_headline(_kept_text(run[-1])):
        run.pop()  # the run opens with a headline: a summary before the first one is the story's last sentence
    headlines = sum(_listed_headline(_kept_text(p)) for p in run)
    if headlines >= TRAILING_LIST_MIN_HEADLINES and all(off_topic(_kept_text(p)) for p in run):
        for paragraph in run:
            _drop_all(paragraph, "teaser")


def _kept_text(paragraph: _Paragraph) -> str:
    """What is left of a paragraph so far: its sentences not yet dropped."""
    return " ".join(s.text for s in paragraph.kept)


def _mark_headlines(paragraphs: list[_Paragraph], title: str | None) -> None:
    """A line of its own in title case ("Korvan Hackers Targeted Veldmark Water Utilities: Report") other than the
    page's title is the headline of another story linked from this one (`boilerplate.is_title_case_headline`)."""
    for n, paragraph in enumerate(paragraphs):
        kept = paragraph.kept
        text = " ".join(s.text for s in kept)
        if n and len(kept) == len(paragraph.sentences) and text.strip() != (title or "").strip() \
                and is_title_case_headline(text):
            _drop_all(paragraph, "teaser")


def _drop_all(paragraph: _Paragraph, reason: str) -> None:
    for s in paragraph.sentences:
        s.dropped = s.dropped or reason


def _cut_inline_furniture(paragraph: _Paragraph) -> None:
    """Split kept sentences around the furniture glued inside them (a wire's sign-off, a stock ticker)."""
    pieces: list[_Sentence] = []
    for n, s in enumerate(paragraph.sentences):
        cuts = furniture_inside(s.text, ends_paragraph=n == len(paragraph.sentences) - 1) if not s.dropped else []
        at, glued = 0, False
        for start, end, reason in cuts:
            pieces += _piece(s, at, start, glued=glued)
            pieces.append(_Sentence(s.start + start, s.start + end, s.text[start:end], reason))
            at, glued = end, True
        pieces += _piece(s, at, len(s.text), glued=glued) if cuts else [s]
    paragraph.sentences = pieces


def _piece(s: _Sentence, start: int, end: int, glued: bool) -> list[_Sentence]:
    """The story left of ``s`` between two cuts, if any."""
    text = s.text[start:end]
    if not text.strip():
        return []
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return [_Sentence(s.start + start + lead, s.start + start + lead + len(text), text, glued=glued and not lead)]


def _mark_furniture_blocks(paragraphs: list[_Paragraph], title: str | None) -> None:
    """ "See more with the / Kettleby Threat / Platform. / Learn more. / Jane Doe": the short lines
    between furniture lines are furniture too (a product name, an author's name, a headline). A run of short lines
    (``SHORT_LINE_MAX_WORDS`` words at most, sentence or not) with enough furniture in it is dropped whole, except a
    full sentence and the page's title."""
    runs: list[list[_Paragraph]] = [[]]
    for paragraph in paragraphs:
        if _words(paragraph) <= SHORT_LINE_MAX_WORDS:
            runs[-1].append(paragraph)
        elif runs[-1]:
            runs.append([])
    for run in runs:
        edge = bool(run) and (run[0] is paragraphs[0] or run[-1] is paragraphs[-1])
        furniture = sum(not p.kept for p in run)
        if len(run) < BLOCK_MIN_LINES or furniture < len(run) * (EDGE_BLOCK_SHARE if edge else INNER_BLOCK_SHARE):
            continue
        for paragraph in run:
            text = _kept_text(paragraph)
            if paragraph.kept and text.strip() != (title or "").strip() and not _is_sentence(text):
                _drop_all(paragraph, "furniture block")


def _mark_labels_above_the_title(paragraphs: list[_Paragraph], title: str | None) -> None:
    """ "Cybersecurity", "Featured Politique" on a line above the page's title: what stands above an article's title
    is the site's section label or breadcrumb, not the story; only short lines that are no sentence go."""
    top = paragraphs[:TITLE_SEARCH_PARAGRAPHS]
    at = next((n for n, p in enumerate(top) if title and _kept_text(p).strip() == title.strip()),
              None)
    for paragraph in top[:at or 0]:
        text = _kept_text(paragraph)
        if paragraph.kept and _words(paragraph) <= SHORT_LINE_MAX_WORDS and not _is_sentence(text):
            _drop_all(paragraph, "section label")


def _words(paragraph: _Paragraph) -> int:
    return sum(len(s.text.split()) for s in paragraph.sentences)


def _is_sentence(text: str) -> bool:
    """A short sentence of the story ("Nobody was hurt.") rather than a label or a name."""
    return len(text.split()) >= 3 and text.rstrip().endswith(_SENTENCE_ENDS) \
        and text.lstrip(_OPENING_QUOTES)[:1].isupper()


def _far_from_the_lead(paragraphs: list[_Paragraph], title: str | None,
                       encoder: SentenceEncoder) -> Callable[[str], bool]:
    """Whether a text's meaning is far from the article's lead (its title and first paragraphs kept so far), in any
    language; the lead is embedded only when first asked, as most pages list no summaries."""

    @functools.cache
    def lead_vector() -> np.ndarray:
        kept = [_kept_text(p) for p in paragraphs if p.kept]
        return encoder.embed([lead_text(title, kept)])[0]

    return lambda text: float(encoder.embed([text])[0] @ lead_vector()) < OFF_TOPIC


def _mark_glued_tail(paragraphs: list[_Paragraph], title: str | None, encoder: SentenceEncoder) -> None:
    blocks = [Block(_kept_text(p), furniture=not p.kept) for p in paragraphs]
    for paragraph in paragraphs[glued_tail_start(blocks, encoder, title):]:
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
            if n and not s.glued:
                parts.append(" ")
                length += 1
            spans.append(Span(length, s.start, s.end - s.start))
            parts.append(raw[s.start:s.end])
            length += s.end - s.start
    return CleanText("".join(parts), OffsetMap(tuple(spans)), tuple(removed))


def clean(raw: str, title: str | None, encoder: SentenceEncoder) -> CleanText:
    """The story of ``raw`` without page noise, with a map back to ``raw``. The ``encoder`` tells a story's last
    paragraphs from the teasers of other stories glued after it (`tail`)."""
    paragraphs = _paragraphs(raw)
    off_topic = _far_from_the_lead(paragraphs, title, encoder)
    _mark_furniture(paragraphs, off_topic)
    _mark_trailing_headlines(paragraphs, off_topic)
    _mark_headlines(paragraphs, title)
    _mark_labels_above_the_title(paragraphs, title)
    _mark_furniture_blocks(paragraphs, title)
    _mark_glued_tail(paragraphs, title, encoder)
    _mark_repeats(paragraphs)
    return _assemble(raw, paragraphs)
