"""HTML pages (postings saved from a browser): visible text as lines, headings and list items kept.

Scripts, styles, navigation and hidden elements (``hidden``, ``aria-hidden``, ``display:none``,
``visibility:hidden``, ``font-size:0``, ``opacity:0``) are dropped; block elements start new
lines; table cells of one row share a line, separated by " | ". Pages with more elements than
``Limits.max_html_elements`` are refused before they are parsed.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, CData, MarkupResemblesLocatorWarning, NavigableString, Tag

from skillgap.documents.errors import DocumentError
from skillgap.documents.limits import Deadline, Limits
from skillgap.documents.model import Block, BlockKind, Extracted

_DROPPED = frozenset((
    "script", "style", "nav", "noscript", "template", "svg", "head", "iframe", "object",
    "embed", "canvas", "select", "option", "button", "form", "input", "textarea",
))  # fmt: skip
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_BLOCKS = frozenset((
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "blockquote", "pre", "hr", "address",
    "figure", "figcaption", "details", "summary", "fieldset", "center", "body", "html",
    "caption",
))  # fmt: skip
_CELLS = frozenset(("td", "th"))
_TAG_PATTERN = re.compile(
    r"<(?:html|head|body|div|p|ul|ol|li|h[1-6]|table|span|br|a)\b[^>]*>", re.IGNORECASE
)
_WHITESPACE = re.compile(r"\s+")
_ELEMENT = re.compile(r"<[A-Za-z]")
_HIDDEN_STYLE = re.compile(
    r"display:none|visibility:hidden|(?:font-size|opacity):0*\.?0*(?:px|pt|em|rem|%)?(?:;|!|$)"
)
_CHECK_EVERY = 10_000  # nodes walked between deadline checks


def looks_like_html(text: str, *, html_name: bool = False) -> bool:
    """Whether decoded ``text`` is an HTML page rather than text that mentions a tag.

    ``html_name``: the file is named .html/.htm, so a single tag is evidence enough.
    """
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    tags = len(_TAG_PATTERN.findall(text[:65536]))
    return tags >= 1 if html_name else head.startswith("<") and tags >= 3


@dataclass
class _Open:
    """A block element being walked: its kind and whether it has produced a line yet."""

    kind: BlockKind
    emitted: bool = False
    cells: int = 0


@dataclass
class _Walker:
    blocks: list[Block] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    pre_depth: int = 0

    def flush(self) -> None:
        text = "".join(self.buffer).strip()
        self.buffer.clear()
        if not text:
            return
        kind: BlockKind = "paragraph"
        for entry in reversed(self.stack):
            if entry.kind != "paragraph":
                if not entry.emitted:
                    kind = entry.kind
                    entry.emitted = True
                break
        self.blocks.append(Block(kind, text))

    def add_text(self, text: str) -> None:
        self.buffer.append(text if self.pre_depth else _WHITESPACE.sub(" ", text))


class _Close:
    """Marker pushed on the walk stack to run an element's closing step."""

    def __init__(self, tag: Tag) -> None:
        self.tag = tag


def read_html(text: str, limits: Limits, deadline: Deadline) -> Extracted:
    """Visible text of an HTML page, one block per line-producing element."""
    elements = sum(1 for _ in _ELEMENT.finditer(text))
    if elements > limits.max_html_elements:
        raise DocumentError(
            f"the HTML page has {elements:,} elements (limit {limits.max_html_elements:,}); "
            "save the posting's text instead"
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "lxml")
    deadline.check()
    walker = _Walker()
    todo: list[object] = [soup]
    steps = 0
    while todo:  # an explicit stack: deeply nested pages must not hit the recursion limit
        steps += 1
        if steps % _CHECK_EVERY == 0:
            deadline.check()
        node = todo.pop()
        if isinstance(node, _Close):
            _close(walker, node.tag)
        elif isinstance(node, Tag):
            if _is_hidden(node):
                continue
            _open(walker, node)
            todo.append(_Close(node))
            todo.extend(reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            walker.add_text(str(node))
    walker.flush()
    return Extracted(blocks=tuple(walker.blocks), links=tuple(walker.links))


def _is_hidden(tag: Tag) -> bool:
    if tag.name in _DROPPED or tag.has_attr("hidden"):
        return True
    if str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(tag.get("style", "")).replace(" ", "").lower()
    return _HIDDEN_STYLE.search(style) is not None


def _open(walker: _Walker, tag: Tag) -> None:
    name = tag.name
    if name == "a":
        href = str(tag.get("href", "")).strip()
        if href.lower().startswith(("http://", "https://")):
            walker.links.append(href)
    if name == "br":
        walker.flush()
    elif name in _CELLS:
        row = walker.stack[-1] if walker.stack and walker.stack[-1].kind == "row" else None
        if row is not None:
            if row.cells:
                walker.add_text(" | ")
            row.cells += 1
    elif (kind := _block_kind(name)) is not None:
        walker.flush()
        walker.stack.append(_Open(kind))
        if name == "pre":
            walker.pre_depth += 1


def _close(walker: _Walker, tag: Tag) -> None:
    name = tag.name
    if _block_kind(name) is not None:
        walker.flush()
        walker.stack.pop()
        if name == "pre":
            walker.pre_depth -= 1


def _block_kind(name: str) -> BlockKind | None:
    """The kind of line an element starts, or None for inline elements."""
    if name in _HEADINGS:
        return "heading"
    if name in ("li", "tr"):
        return "bullet" if name == "li" else "row"
    return "paragraph" if name in _BLOCKS else None
