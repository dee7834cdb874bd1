"""What :mod:`factcheck.claimcols` reads of each claim, read while a file is loaded.

An evaluation of a large claim set computes every claim's float interval as columns
(:func:`factcheck.claimcols.claim_columns`).  Reading the fields that takes out of 10^5
pydantic claims costs more in cache misses than in Python: the claims are spread over
about 125 MB of heap and are cold when an evaluation starts.  While a file is loaded each
claim is hot, just validated; :class:`Reader` reads it then, into a :class:`ClaimTable`.

A table is independent of the policy: for every claim, its figure as a float, half its
rounding unit under both rounding policies, and a code packing its unit's number, its
hedge's number and three flags (signed, unstated, read by the slow path).  Claims the
vectorised reading does not cover (unstated, ranges, scale words, figures beyond
``1e250``) are only flagged, as ``claim_columns`` reads them itself.

A table holds its claim objects, and is used only for a claims table holding exactly
those objects in that order (:func:`described`: claims are frozen models, so the same
objects have the same fields); anything else — claims added, replaced, removed or
reordered after loading, claim sets built by hand — is read from the claims as before.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from itertools import chain
from operator import attrgetter, is_, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from .model import CLAIM_READER, Hedge

_T = TypeVar("_T")

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .model import Claim

__all__ = ["HEDGES", "ClaimTable", "Reader", "described", "given", "implied_half", "reading"]

#: Hedges by number (``Hedge.exact`` is 0).
HEDGES = tuple(Hedge)
_HEDGE_NO = {h: i for i, h in enumerate(HEDGES)}
_RANGE = Hedge.range
#: Figures beyond this magnitude take the Decimal path (products could overflow).
BIG = 1e250
# Half a unit of the last digit written: 0.5 · 10^-d after d decimals, 0.5 · 10^z for a
# whole number ending in z zeros (as implied_half computes them, so equal floats).  A
# figure's str() shows its digits without exponent up to 10^-6 and ~28 digits.
HALF_DECIMALS = [0.5 * 10.0 ** -d for d in range(64)]
HALF_TENS = [0.5 * 10.0 ** z for z in range(309)]
_MAX_TENS = len(HALF_TENS) - 1
#: What a claim's interval is computed from, read in one call.
FIELDS = attrgetter("value", "unit", "hedge", "signed", "scale", "precision")
_DICT_FIELDS = itemgetter("value", "unit", "hedge", "signed", "scale", "precision", "id")

# A claim's code packs, from the lowest bit: its hedge's number (3 bits), three flags,
# whether half its rounding unit under "last-digit" rounding differs from that under
# "significant" rounding (then it is HALF_TENS[e], e in the next 9 bits), its unit's number.
HEDGE_MASK = 7
SIGNED = 1 << 3
UNSTATED = 1 << 4
SLOW = 1 << 5
LAST_DIFFERS = 1 << 6
LAST_SHIFT = 7
UNIT_SHIFT = 16
LAST_MASK = (1 << (UNIT_SHIFT - LAST_SHIFT)) - 1


def implied_half(value: Decimal, significant: bool) -> float:
    """Half the rounding unit implied by the digits of ``value`` (within an ulp).

    The same reading as :func:`factcheck.numbers.implied_precision`: a fraction's last digit,
    or for a whole number its last nonzero digit ("significant") or its units digit.
    """
    _sign, digits, exp = value.as_tuple()
    if exp < 0 or not significant or not any(digits):  # type: ignore[operator]
        return 0.5 * 10.0 ** exp  # type: ignore[operator]
    trailing = 0
    for d in reversed(digits):
        if d:
            break
        trailing += 1
    return 0.5 * 10.0 ** (exp + trailing)  # type: ignore[operator]


class ClaimTable:
    """The claims of one loaded file, in order, as :func:`claim_columns` reads them.

    Row ``k`` describes ``claims[k]``: ``values[k]`` is its figure as a float and
    ``halves[k]`` half its rounding unit under ``significant`` rounding (zeros for claims
    read by the slow path); ``codes[k]`` packs its unit's number in ``units`` (numbered in
    order of first use), its hedge's number, flags and the half unit under ``last-digit``
    rounding where that differs.
    """

    __slots__ = ("claims", "codes", "halves", "units", "values")

    def __init__(self, claims: list[Claim], values: array[float], halves: array[float], codes: array[int],
                 units: list[str]) -> None:
        self.claims = claims
        self.values = values
        self.halves = halves
        self.codes = codes
        self.units = units

    def __len__(self) -> int:
        return len(self.claims)


class Reader:
    """Reads each claim given to :meth:`add` into a table (as validation makes them).

    ``keep_claims``: the table holds the claims read, and their ids are kept (:attr:`ids`), so
    that it can describe them (:meth:`table`); without, it only gives their columns
    (:meth:`columns`, for claims read when they are evaluated).
    """

    def __init__(self, keep_claims: bool = True) -> None:
        claims: list[Claim] = []
        values: array[float] = array("d")
        halves: array[float] = array("d")
        codes: array[int] = array("q")
        units: list[str] = []
        self._table = ClaimTable(claims, values, halves, codes, units)
        #: Each claim's id, in order (loading files the claims by them).
        self.ids: list[str] = []
        unit_ids: dict[str, int] = {}
        half_of: dict[Decimal, float] = {}
        keeping, keep, name = keep_claims, claims.append, self.ids.append
        value, half, code = values.append, halves.append, codes.append
        fields, hedges, exact, rng, big = _DICT_FIELDS, _HEDGE_NO, Hedge.exact, _RANGE, BIG
        half_decimals, half_tens, long_text = HALF_DECIMALS, HALF_TENS, len(HALF_DECIMALS)

        # One closure over locals: this runs for every claim of every file loaded, and
        # costs loading what it saves evaluating (docs/performance.md, step 23).
        def add(c: Claim) -> None:
            v, u, hedge, sign, scale, p, ident = fields(c.__dict__)
            if keeping:
                keep(c)
                name(ident)
            flags = unit_ids.get(u)  # the unit's number, in place in the code
            if flags is None:
                flags = unit_ids[u] = len(units) << UNIT_SHIFT
                units.append(u)
            if sign:
                flags |= SIGNED
            if v is None or scale is not None or hedge is rng:
                value(0.0)
                half(0.0)
                code(flags | SLOW | UNSTATED if v is None else flags | SLOW)
                return
            if p is not None:  # a rounding unit given: the common case of generated files
                fv = float(v)
                if -big < fv < big:
                    hp = half_of.get(p)
                    if hp is None:
                        hp = half_of[p] = 0.5 * float(p)
                    value(fv)
                    half(hp)
                    code(flags if hedge is exact else flags | hedges[hedge])
                    return
            # The same steps as claim_columns took from the claims (equal floats): float()
            # of a Decimal parses its text, so a figure read for its digits is made into
            # text once.
            text = None if p is not None else str(v)
            fv = float(v) if text is None else float(text)
            if not -big < fv < big:
                value(0.0)
                half(0.0)
                code(flags | SLOW)
                return
            if hedge is not exact:
                flags |= hedges[hedge]
            if text is None:
                hp = half_of.get(p)
                if hp is None:
                    hp = half_of[p] = 0.5 * float(p)
            elif "E" in text or len(text) >= long_text:
                _sign, _digits, exp = v.as_tuple()
                if exp > _MAX_TENS:  # zero written as 0E+400: its unit is no float
                    value(0.0)
                    half(0.0)
                    code(flags & ~HEDGE_MASK | SLOW)
                    return
                hp = implied_half(v, True)
                if exp >= 0:  # whole: "last-digit" reads the units digit
                    flags |= LAST_DIFFERS | exp << LAST_SHIFT
            elif "." in text:
                hp = half_decimals[len(text) - text.index(".") - 1]
            else:
                zeros = len(text) - len(text.rstrip("0"))
                if zeros == len(text.lstrip("-")):
                    hp = 0.5
                else:
                    hp = half_tens[zeros]
                    flags |= LAST_DIFFERS
            value(fv)
            half(hp)
            code(flags)

        self.add = add

    def table(self, claims: Sequence[Claim]) -> ClaimTable | None:
        """The table, if it read exactly ``claims`` (the same objects, in order)."""
        t = self._table
        mine = t.claims
        if len(mine) != len(t.values) or len(mine) != len(claims) or not all(map(is_, mine, claims)):
            return None
        return t

    def columns(self) -> Any:
        """``(values, halves, codes, units)`` of the claims read so far (see :func:`described`)."""
        return _arrays((self._table,))


@contextmanager
def reading() -> Iterator[Reader]:
    """Every claim validated in this context (thread or task) is read by the reader."""
    reader = Reader()
    with given(CLAIM_READER, reader.add):
        yield reader


@contextmanager
def given(hook: ContextVar[Callable[[_T], None] | None], read: Callable[[_T], None]) -> Iterator[None]:
    """``read`` set as the validators' ``hook`` (``model.CLAIM_READER``, ``RULE_READER``)
    within this context (thread or task), and unset after it, whatever happens."""
    token = hook.set(read)
    try:
        yield
    finally:
        hook.reset(token)


def joined(mine: tuple[ClaimTable, ...] | None, n_mine: int, theirs: tuple[ClaimTable, ...] | None,
           n_theirs: int) -> tuple[ClaimTable, ...] | None:
    """The tables of two claim sets merged (``ClaimSet.add``): None unless both describe
    as many claims as each set holds (which :func:`described` then checks claim by claim)."""
    if mine is None or theirs is None:
        return None
    if sum(map(len, mine)) != n_mine or sum(map(len, theirs)) != n_theirs:
        return None
    return mine + theirs


def described(tables: tuple[ClaimTable, ...] | None, claims: Mapping[str, Claim]) -> Any:
    """``(values, halves, codes, units)`` of ``claims`` (numpy arrays, and a list of unit
    texts) if ``tables`` describe exactly these claim objects in this order; else None.

    With several tables (files merged), unit numbers are renumbered in order of first use
    across all of them, as reading the claims in order would number them.
    """
    if tables is None or sum(map(len, tables)) != len(claims):
        return None
    # A C-level pass over pointers: no claim's fields are read.
    objs: Iterable[Claim] = tables[0].claims if len(tables) == 1 else chain.from_iterable(t.claims for t in tables)
    if not all(map(is_, claims.values(), objs)):
        return None
    return _arrays(tables)


def _arrays(tables: tuple[ClaimTable, ...]) -> Any:
    import numpy as np

    if len(tables) == 1:
        t = tables[0]
        return (np.frombuffer(t.values, dtype=float), np.frombuffer(t.halves, dtype=float),
                np.frombuffer(t.codes, dtype=np.int64), list(t.units))
    units: dict[str, int] = {}
    values, halves, codes = [], [], []
    for t in tables:
        renumber = np.array([units.setdefault(u, len(units)) for u in t.units] or [0], dtype=np.int64)
        c = np.frombuffer(t.codes, dtype=np.int64)
        codes.append((renumber[c >> UNIT_SHIFT] << UNIT_SHIFT) | (c & ((1 << UNIT_SHIFT) - 1)))
        values.append(np.frombuffer(t.values, dtype=float))
        halves.append(np.frombuffer(t.halves, dtype=float))
    return np.concatenate(values or [np.zeros(0)]), np.concatenate(halves or [np.zeros(0)]), \
        np.concatenate(codes or [np.zeros(0, dtype=np.int64)]), list(units)
