"""Pages nested deeper than libxml2 reads, rewritten shallow enough for it.

libxml2's HTML parser stops at the element nested 256 levels deep and drops the rest of the page without a word.
Such pages exist: wrappers generated around wrappers, or a ``<font>`` opened for each paragraph and never closed.
The standard library's ``html.parser`` only tokenizes, so it has no depth limit. With it the page is rewritten
keeping the tags of the outermost and the innermost levels, where the layout that tells the article from the page
furniture is (body, navigation and footer above; article, headings and paragraphs below), and dropping the tags
of the levels in between, whose text is kept.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

KEPT_OUTER_LEVELS = 100
KEPT_INNER_LEVELS = 100  # together well within libxml2's 255, and far more than any page's layout needs

_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
_BLOCKS = frozenset({"address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
                     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p",
                     "pre", "section", "table", "td", "th", "tr", "ul"})


def flatten(html: str) -> str:
    """``html`` with the tags of its middle levels dropped (a dropped block's end becomes a line break).

    No element keeps its tags unless it is among the outer levels or holds few levels itself, so no chain of kept
    elements is deeper than the two bounds together.
    """
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return "".join(reader.rewritten())


@dataclass(slots=True)
class _Element:
    tag: str
    start: str  # the start tag as written, attributes and all
    level: int  # 1 for the outermost
    height: int = 1  # levels it holds, itself included

    @property
    def kept(self) -> bool:
        return self.level <= KEPT_OUTER_LEVELS or self.height <= KEPT_INNER_LEVELS


class _Reader(HTMLParser):
    """Reads the whole page first, since whether an element keeps its tags depends on how deep its content goes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[_Element] = []
        self.events: list[tuple[str, int, str]] = []  # (kind, element, text): open, close, text, code, markup
        self.stack: list[int] = []
        self.open_tags: Counter[str] = Counter()

    def handle_decl(self, decl: str) -> None:
        self.events.append(("markup", -1, f"<!{decl}>"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.get_starttag_text() or f"<{tag}>"
        if tag in _VOID:
            self.events.append(("markup", -1, start))
            return
        self.elements.append(_Element(tag, start, level=len(self.stack) + 1))
        self.stack.append(len(self.elements) - 1)
        self.open_tags[tag] += 1
        self.events.append(("open", self.stack[-1], ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("markup", -1, self.get_starttag_text() or f"<{tag}>"))

    def handle_endtag(self, tag: str) -> None:
        if self.open_tags[tag]:
            while self._close() != tag:  # an end tag closes the elements left open inside it, as browsers do
                pass

    def handle_data(self, data: str) -> None:
        inside = self.stack[-1] if self.stack else -1
        if inside >= 0 and self.elements[inside].tag in self.CDATA_CONTENT_ELEMENTS:
            self.events.append(("code", inside, data))  # a script's or style's content, not unescaped
        else:
            self.events.append(("text", -1, escape(data, quote=False)))

    def close(self) -> None:
        super().close()
        while self.stack:
            self._close()

    def _close(self) -> str:
        index = self.stack.pop()
        element = self.elements[index]
        self.open_tags[element.tag] -= 1
        if self.stack:
            parent = self.elements[self.stack[-1]]
            parent.height = max(parent.height, element.height + 1)
        self.events.append(("close", index, ""))
        return element.tag

    def rewritten(self) -> Iterator[str]:
        text_since_break = False  # a thousand dropped ends in a row make one line break, not a thousand
        for kind, index, text in self.events:
            element = self.elements[index] if index >= 0 else None
            if element is None:
                text_since_break = text_since_break or kind == "text"
                yield text
            elif kind == "open" and element.kept:
                yield element.start
            elif kind == "close" and element.kept:
                yield f"</{element.tag}>"
            elif kind == "close" and element.tag in _BLOCKS and text_since_break:
                text_since_break = False
                yield "<br>"
            elif kind == "code" and element.kept:
                yield text
