"""Text normalisation for extraction, with an exact map back to the original offsets.

Extraction works on a normalised copy of the text: Persian and Arabic-Indic digits become
ASCII, Arabic Yeh/Kaf become Persian ones, Arabic decimal and thousands separators become
``.`` and ``,``.  Those replacements are one character for one character, so offsets do
not move.  Characters that only decorate text — kashida (tatweel), bidi marks and embeddings,
harakat (short-vowel marks such as the damma in «دُز»), zero-width space, soft hyphen, BOM —
are *deleted*; :class:`Prepared` keeps the runs that were deleted and maps every offset of the
normalised text back to the original in ``O(log runs)``.  Everything here is linear in the
length of the input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

__all__ = ["Prepared", "prepare"]

_ONE_TO_ONE = str.maketrans({
    **{chr(0x06F0 + i): str(i) for i in range(10)},   # Persian digits
    **{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic digits
    "٫": ".", "٬": ",", "٪": "%",
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\r": " ",
    "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-",
    "’": "'", "‘": "'",
    "\u200d": "\u200c",  # a zero-width joiner between Persian letters acts like a ZWNJ here
})

#: Deleted before extraction: kashida, bidi controls, harakat, superscript alef, ZWSP, soft hyphen, BOM.
_DELETE = re.compile("[\u0640\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u064b-\u065f\u0670\u00ad\ufeff]+")


@dataclass
class Prepared:
    """The normalised text and the deleted runs needed to map offsets back."""

    original: str
    norm: str
    #: normalised offset at which each deleted run sat, and total deleted length up to it
    _at: list[int] = field(default_factory=list)
    _cum: list[int] = field(default_factory=lambda: [0])

    def orig(self, i: int) -> int:
        """Original offset of the character at normalised offset ``i``."""
        if not self._at:
            return i
        return i + self._cum[bisect_right(self._at, i)]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised ``[start, end)`` (never swallowing deleted tails)."""
        if end <= start:
            s = self.orig(start)
            return s, s
        return self.orig(start), self.orig(end - 1) + 1


def prepare(text: str) -> Prepared:
    """Normalise ``text`` for extraction.

    >>> p = prepare("۴۱ هـزار")
    >>> p.norm
    '41 هزار'
    >>> p.original[p.orig(3):p.orig_span(3, 7)[1]]
    'هـزار'
    """
    t = text.translate(_ONE_TO_ONE)
    first = _DELETE.search(t)
    if first is None:
        return Prepared(text, t)
    at: list[int] = []
    cum = [0]
    parts: list[str] = []
    last = 0
    removed = 0
    for m in _DELETE.finditer(t, first.start()):
        parts.append(t[last:m.start()])
        at.append(m.start() - removed)
        removed += m.end() - m.start()
        cum.append(removed)
        last = m.end()
    parts.append(t[last:])
    return Prepared(text, "".join(parts), at, cum)
