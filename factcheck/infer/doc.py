"""The article as inference sees it: text, sentences, and each extracted figure in place.

Inference patterns read the words around figures (cue words, lists, clause breaks), so
this module gives them one view of an article: a normalised copy of the text of the same
length (Persian letter variants unified, zero-width non-joiners as spaces, lower case,
ASCII digits) in which regular expressions find cues, sentence boundaries, and one
:class:`Figure` per claim with its canonical dimensions.  Positions are always offsets
into the text inference was given; :meth:`Doc.where` turns them into ``line:col``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from typing import Any, TypeVar, cast

from ..errors import UnitError
from ..model import Claim, Hedge
from ..numbers import normalize_digits
from ..units import canonical

__all__ = ["Cue", "Doc", "Figure", "normalise"]

Dims = tuple[tuple[str, int], ...]
T = TypeVar("T")

_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "\u200c": " ", "\u200f": " ", "\u200e": " ", "ى": "ی",
                          "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "\u00a0": " ", "’": "'"})


def normalise(text: str) -> str:
    """A same-length copy of ``text`` for matching cues: one spelling per letter, lower case."""
    t = normalize_digits(text).translate(_LETTERS)
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in t)


# A sentence ends at . ! ? ؟ followed by space or end (not "3.6", not "U.S."), or at a line break.
_SENT_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])[.!?؟](?=\s|$)|\n")


@dataclass(frozen=True)
class Cue:
    """Words in the text that state a relation, and where they are."""

    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    """One claim in its place in the text.

    What is read off the claim (value, dimensions, kind of figure) is computed on first use
    and kept: patterns ask it of every figure many times over.
    """

    claim: Claim
    start: int
    end: int
    sentence: int
    dims: Dims
    index: int = 0

    @property
    def id(self) -> str:
        return self.claim.id

    @cached_property
    def value(self) -> Fraction | None:
        return None if self.claim.value is None else Fraction(self.claim.value)

    @cached_property
    def per_time(self) -> int:
        """The power of time in the unit: -1 for a rate such as ``person / day``."""
        return dict(self.dims).get("[time]", 0)

    @cached_property
    def thing(self) -> Dims:
        """The counted dimensions without time: ``person`` for ``person / day``."""
        return tuple((k, v) for k, v in self.dims if k != "[time]")

    @cached_property
    def is_percent(self) -> bool:
        return self.claim.unit.replace(" ", "") in ("percent", "percentage_point", "pp", "%")

    @cached_property
    def is_count(self) -> bool:
        """A count of some thing (not a rate, not a bare number, not a percentage)."""
        return bool(self.thing) and self.per_time == 0

    @cached_property
    def is_bare(self) -> bool:
        """A number with no unit at all ("from 688 to 671"): it counts whatever its context counts."""
        return self.claim.unit.strip() in ("", "dimensionless", "1")

    @cached_property
    def is_ratio(self) -> bool:
        """A fraction or multiple written as a word: a third, doubled, 10 times."""
        return not self.dims and not self.is_percent and not self.is_bare

    @property
    def unbounded_above(self) -> bool:
        return self.claim.hedge in (Hedge.more_than, Hedge.at_least)


@dataclass
class Doc:
    """An article: its text, its sentences and its figures in text order."""

    text: str
    claims: list[Claim]
    lang: str
    norm: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    #: offset -> "line:col" in the file the text came from (default: in ``text`` itself)
    locate: Callable[[int], str] | None = None
    #: put before the ids of claims inference adds ("doubled" as a factor), like extraction's ids
    prefix: str = ""

    #: Views several patterns derive from the document (see :meth:`once`), by how they are computed.
    _memo: dict[Callable[[Doc], Any], Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # A document with other claims (:meth:`with_claims`) shares the text's views.
        if not self.norm:
            self.norm = normalise(self.text)
        if not self.sentences:
            self.sentences = _sentences(self.text)
        starts = self._starts
        placed: list[tuple[int, int, Claim]] = []
        for c in self.claims:
            if c.source is None or c.source.span is None:
                continue
            s, e = c.source.span
            if e > len(self.text):
                continue
            placed.append((s, e, c))
        placed.sort(key=lambda t: (t[0], t[1]))
        for i, (s, e, c) in enumerate(placed):
            self.figures.append(Figure(c, s, e, _bisect(starts, s), _dims(c.unit), i))

    def with_claims(self, claims: list[Claim], *, locate: Callable[[int], str] | None = None,
                    prefix: str = "") -> Doc:
        """The same text with other claims: the normalised text and sentences are not recomputed."""
        return Doc(self.text, claims, self.lang, self.norm, self.sentences, locate=locate, prefix=prefix)

    def once(self, compute: Callable[[Doc], T]) -> T:
        """``compute(self)``, computed once per document and shared.

        For what several patterns need alike (the old → new pairs of
        :mod:`factcheck.infer.pairs`); the result is shared, so callers must not change it.
        """
        try:
            return cast(T, self._memo[compute])
        except KeyError:
            got = self._memo[compute] = compute(self)
            return got

    # -- positions -----------------------------------------------------------------------
    def where(self, pos: int) -> str:
        """``line:col`` (1-based, code points) of an offset."""
        if self.locate is not None:
            return self.locate(pos)
        line = self.text.count("\n", 0, pos) + 1
        col = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        return f"{line}:{col}"

    def quote(self, f: Figure) -> str:
        return self.text[f.start:f.end]

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> int:
        return _bisect(self._starts, pos)

    def sentence_text(self, i: int) -> str:
        s, e = self.sentences[i]
        return self.text[s:e]

    def in_sentence(self, i: int) -> list[Figure]:
        """The figures of sentence ``i`` in text order (none for a sentence out of range)."""
        by = self._by_sentence
        return list(by[i]) if 0 <= i < len(by) else []

    @cached_property
    def _by_sentence(self) -> list[tuple[Figure, ...]]:
        by: list[list[Figure]] = [[] for _ in self.sentences]
        for f in self.figures:
            by[f.sentence].append(f)
        return [tuple(fs) for fs in by]

    @cached_property
    def by_id(self) -> dict[str, Figure]:
        return {f.id: f for f in self.figures}

    # -- cue words -----------------------------------------------------------------------
    def find(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Cue | None:
        """The first match of ``pattern`` in the normalised text between two offsets."""
        m = pattern.search(self.norm, start, len(self.norm) if end is None else end)
        return None if m is None else Cue(self.text[m.start():m.end()], m.start(), m.end())

    def find_all(self, pattern: re.Pattern[str], start: int = 0, end: int | None = None) -> Iterator[Cue]:
        for m in pattern.finditer(self.norm, start, len(self.norm) if end is None else end):
            yield Cue(self.text[m.start():m.end()], m.start(), m.end())

    def between(self, a: Figure, b: Figure) -> str:
        """The normalised words between two figures (empty if they overlap)."""
        return self.norm[a.end:b.start] if a.end <= b.start else ""

    def before(self, f: Figure, chars: int = 80, *, sentence: bool = True) -> str:
        lo = max(0, f.start - chars)
        if sentence:
            lo = max(lo, self.sentences[f.sentence][0])
        return self.norm[lo:f.start]

    def after(self, f: Figure, chars: int = 80, *, sentence: bool = True) -> str:
        hi = f.end + chars
        if sentence:
            hi = min(hi, self.sentences[f.sentence][1])
        return self.norm[f.end:hi]

    def evidence(self, cues: Iterable[Cue | None], why: str) -> str:
        """``«of which» at 3:33; <why>``: the words that state a relation, and where."""
        parts = list(dict.fromkeys(f"«{c.words.strip()}» at {self.where(c.start)}" for c in cues if c is not None))
        return "; ".join([*parts, why]) if parts else why


def _bisect(starts: list[int], pos: int) -> int:
    import bisect

    return max(0, bisect.bisect_right(starts, pos) - 1)


def _dims(unit: str) -> Dims:
    try:
        return canonical(unit).dims
    except UnitError:
        return ()


def _sentences(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            out.append((start, end))
        start = end
    if text[start:].strip() or not out:
        out.append((start, len(text)))
    return out


def value_of(d: Decimal | None) -> Fraction | None:
    return None if d is None else Fraction(d)
