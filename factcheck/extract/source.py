"""Articles as files: plain text, Markdown or HTML turned into text, with offsets back to the file.

Extraction reads the *plain text* of an article; claims must point into the *original* file.
:class:`Source` holds both and maps a plain-text span to the original one, so that spans,
quotes and line/column numbers refer to what the editor has open.  Markdown keeps its text
where it is (markup characters become spaces, so offsets do not move); HTML drops tags,
comments, scripts and styles, decodes entities, and breaks lines at block elements.
Everything is linear in the size of the file.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Source", "from_file", "from_text"]

_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MD_SUFFIXES = (".md", ".markdown")
# Every pattern stops at the next "<" or is a plain search, so scanning stays linear even for
# unclosed tags, comments and scripts (an unclosed one runs to the end of the file).
_HTML_TOKEN = re.compile(
    r"<!--|<(script|style)\b[^<>]*>|<(/?)([A-Za-z][A-Za-z0-9]*)\b[^<>]*>|<[!?][^<>]*>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
    re.I,
)
_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
_BLOCK = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
                    "table", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
                    "figcaption", "dt", "dd", "main", "aside", "nav"})
# Markdown markup that is not text: emphasis, headings, list bullets, link targets, images.
_MD_LINK_TARGET = re.compile(r"\]\([^()\n]*\)")
_MD_MARKS = re.compile(r"(?m)^[ \t]{0,3}(?:#{1,6}|>|[-*+]|[0-9]{1,9}[.)])(?=[ \t])|[*_`]{1,3}|!?\[|\]")


@dataclass
class Source:
    """The original text, the plain text extraction reads, and the map between them."""

    original: str
    text: str
    kind: str = "text"
    #: plain-text offsets where a mapped segment starts, and the original offset it starts at
    _plain: list[int] = field(default_factory=list)
    _orig: list[int] = field(default_factory=list)

    def orig(self, i: int) -> int:
        """Original offset of plain-text offset ``i``."""
        if not self._plain:
            return i
        k = bisect_right(self._plain, i) - 1
        if k < 0:
            return i
        return self._orig[k] + (i - self._plain[k])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a plain-text span."""
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.orig(start), self.orig(end - 1) + 1


def from_text(text: str, kind: str = "text") -> Source:
    """Plain text of ``text`` read as ``kind`` (``text``, ``markdown`` or ``html``).

    >>> s = from_text("<p>about <b>400</b>&nbsp;thousand</p>", "html")
    >>> s.text.strip()
    'about 400\\xa0thousand'
    >>> a, b = s.span(s.text.index("400"), s.text.index("400") + 3)
    >>> s.original[a:b]
    '400'
    """
    if kind == "html":
        return _html(text)
    if kind == "markdown":
        return _markdown(text)
    return Source(text, text)


def from_file(path: str | Path, text: str) -> Source:
    """:func:`from_text` with the kind chosen by the file's suffix."""
    suffix = Path(path).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return from_text(text, "html")
    if suffix in _MD_SUFFIXES:
        return from_text(text, "markdown")
    return from_text(text, "text")


def _markdown(text: str) -> Source:
    def blank(m: re.Match[str]) -> str:
        return " " * (m.end() - m.start())

    plain = _MD_MARKS.sub(blank, _MD_LINK_TARGET.sub(blank, text))
    return Source(text, plain, "markdown")


def _html(text: str) -> Source:
    parts: list[str] = []
    plain_at: list[int] = []
    orig_at: list[int] = []
    n = 0  # length of plain text so far
    last = 0

    def keep(s: int, e: int) -> None:
        nonlocal n
        if e > s:
            plain_at.append(n)
            orig_at.append(s)
            parts.append(text[s:e])
            n += e - s

    def put(piece: str, at: int) -> None:
        # every character of an inserted piece maps to the original offset ``at``
        nonlocal n
        for ch in piece:
            plain_at.append(n)
            orig_at.append(at)
            parts.append(ch)
            n += 1

    pos = 0
    while True:
        m = _HTML_TOKEN.search(text, pos)
        if m is None:
            break
        keep(last, m.start())
        tok = m.group()
        end = m.end()
        if tok == "<!--":
            close = text.find("-->", end)
            end = len(text) if close < 0 else close + 3
        elif m.group(1):
            close_m = _END[m.group(1).lower()].search(text, end)
            end = len(text) if close_m is None else close_m.end()
        elif tok.startswith("&"):
            put(html.unescape(tok), m.start())
        elif m.group(3) and m.group(3).lower() in _BLOCK:
            put("\n", m.start())
        last = pos = end
    keep(last, len(text))
    return Source(text, "".join(parts), "html", plain_at, orig_at)
