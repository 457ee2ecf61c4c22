"""HTML pages to article text and metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import set_date_params

from cybertrack.ingest.deep_html import flatten
from cybertrack.ingest.errors import IngestError

# libxml2's HTML parser stops at the element nested 256 levels deep and drops the rest of the page, silently.
LIBXML2_MAX_DEPTH = 255
DEEP_PAGE_NOTE = (f"the page is nested deeper than {LIBXML2_MAX_DEPTH} levels, more than the HTML parser reads; "
                  "it was read with the tags of its middle levels dropped and their text kept")


@dataclass(frozen=True)
class ExtractedPage:
    text: str
    title: str | None
    published: str | None
    author: str | None
    note: str | None = None


def extract_article(html: str, url: str | None = None) -> ExtractedPage:
    """The main text of a page without menus, comments and footers.

    The date comes from the page's markup (meta tags, <time>, dated URLs), not from htmldate's extensive search of
    the free text: that search runs dateparser over every string and took four fifths of the page's time, and the
    article's own dateline is read later by the date annotator anyway.

    A page nested deeper than libxml2 reads would lose its text from the deep element on: it is rewritten shallower
    (see ``deep_html``) and read again, and the document says so in its note.
    """
    note = None
    try:
        tree = trafilatura.load_html(html)
        if tree is not None and _too_deep(tree):
            tree, note = trafilatura.load_html(flatten(html)), DEEP_PAGE_NOTE
        result = trafilatura.bare_extraction(tree if tree is not None else html, url=url, include_comments=False,
                                             with_metadata=True,
                                             date_extraction_params=set_date_params(extensive=False))
    except Exception as e:  # trafilatura and the parsers raise many kinds on broken markup
        raise IngestError(f"could not parse the HTML: {e}") from None
    text = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not text:
        raise IngestError("no article text found in the HTML page" + (f" ({note})" if note else ""))
    return ExtractedPage(
        text=text,
        title=getattr(result, "title", None) or None,
        published=getattr(result, "date", None) or None,
        author=getattr(result, "author", None) or None,
        note=note,
    )


def _too_deep(tree: HtmlElement) -> bool:
    """Whether the parse reached libxml2's limit: then it stopped there (a page exactly at the limit counts too)."""
    return bool(tree.getroottree().xpath("/*" * (LIBXML2_MAX_DEPTH + 1)))


def fragment_to_text(fragment: str) -> str:
    """Text of a small HTML fragment (a feed item's summary), paragraphs kept apart."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:
        return ""
    for el in root.iter("p", "br", "li", "div", "h1", "h2", "h3", "h4"):
        el.tail = "\n" + (el.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines() if line.strip())
