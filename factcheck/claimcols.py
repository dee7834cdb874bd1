"""Every claim's float interval in canonical units, computed as columns in one pass.

Large problems are screened in floats before anything is confirmed exactly
(:mod:`factcheck.screen`).  :func:`factcheck.semantics.float_interval` gives one claim's
interval through :class:`~decimal.Decimal` arithmetic, a few microseconds each; here one
Python pass reads what the arithmetic needs from each claim (value, rounding unit, hedge,
unit) and numpy does the arithmetic for all claims at once.

Soundness does not rest on the arithmetic being exact.  Each input is the nearest float to
an exact number and each operation adds at most half an ulp of its result, so the float
bound differs from the exact one by less than ``2**-51`` times the sum of the magnitudes
involved (value, half unit, tolerance width).  Every bound is moved outward by ``2**-50``
times that sum, then by one more ulp: the result always contains the exact interval (a
property test checks it against :func:`factcheck.semantics.claim_interval`).  Claims the
fast reading does not cover (ranges, scale words, figures beyond float range) take
:func:`~factcheck.semantics.float_interval`, which is sound on its own.  Under
``Policy.integer_counts`` the bounds of counts are then rounded inward to whole numbers.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any

from .claimtable import (
    HALF_TENS,
    HEDGE_MASK,
    HEDGES,
    LAST_DIFFERS,
    LAST_MASK,
    LAST_SHIFT,
    SIGNED,
    SLOW,
    UNIT_SHIFT,
    UNSTATED,
    ClaimTable,
    Reader,
    described,
)
from .model import Claim, Hedge
from .propagate import conv_hi, conv_lo
from .semantics import Policy, float_interval, whole_figure
from .units import Canonical, is_count

__all__ = ["ClaimColumns", "claim_columns"]

INF = math.inf
#: Relative slack covering every float rounding on the way (see the module docstring).
_SLACK = 2.0 ** -50


class ClaimColumns:
    """Claim ``k`` of the claim set is variable ``k``: its float bounds and its dimensions."""

    def __init__(self, index: dict[str, int], lo: Any, hi: Any,
                 dims_no: Any, unstated: Any, dims_table: list[tuple[tuple[str, int], ...]]) -> None:
        #: Claim id -> variable number (claim order).
        self.index = index
        #: Lower and upper bounds in canonical base units (numpy float arrays).
        self.lo = lo
        self.hi = hi
        #: Each claim's dimensions as a number (equal numbers, equal dimensions).
        self.dims_no = dims_no
        #: The dimensions each number of ``dims_no`` stands for.
        self.dims_table = dims_table
        #: True for each claim that states no value.
        self.unstated = unstated


def claim_columns(claims: Mapping[str, Claim], policy: Policy, lang_of: Callable[[str], str | None],
                  unit_of: Callable[[str], Canonical],
                  tables: tuple[ClaimTable, ...] | None = None) -> ClaimColumns:
    """Float intervals, in canonical units and rounded outward, of every claim in ``claims``.

    ``lang_of`` gives a claim's language (tolerances may differ per language);
    ``unit_of`` its unit's canonical form (asked once per distinct unit).  ``tables``, the
    claims as read while they were loaded (``ClaimSet.claim_tables``), are used if they
    describe exactly these claim objects in this order; otherwise the claims are read
    here, in one pass, the same way.
    """
    import numpy as np

    n = len(claims)
    # Straight from the keys: a copy of the claims' table with its values replaced would
    # touch every claim object twice more (a reference added, then dropped), and they are
    # far apart in memory.
    index = dict(zip(claims, range(n), strict=True))
    got = described(tables, claims)
    if got is None:
        # Everything is done with a claim while its objects are in the cache (they are far
        # apart in memory: a second pass over the figures would fetch each one again).
        reader = Reader(keep_claims=False)
        deque(map(reader.add, claims.values()), 0)
        got = reader.columns()
    x, h, codes, units = got
    if policy.rounding != "significant":
        # Where the digits read differently under "last-digit" rounding (whole numbers
        # ending in zeros): the half unit is in the code.
        h = np.where(codes & LAST_DIFFERS, np.array(HALF_TENS)[(codes >> LAST_SHIFT) & LAST_MASK], h)
    hn = codes & HEDGE_MASK
    unit_no = codes >> UNIT_SHIFT
    canon = [unit_of(u) for u in units]
    # Claims the vectorised reading does not cover (their variables), read through
    # float_interval once the others are: all of them when tolerances depend on the
    # language.
    slow = range(n) if policy.languages else np.flatnonzero(codes & SLOW).tolist()

    # Per hedge: how the half unit widens each side (±h, or nothing for a bound such as
    # "more than"), and the tolerance below and above (NaN: unbounded).
    tols = [policy.tolerance(hd, None) for hd in HEDGES]
    h_lo = np.array([1.0 if hd in (Hedge.exact, Hedge.about, Hedge.nearly) else 0.0 for hd in HEDGES])
    h_hi = np.array([1.0 if hd in (Hedge.exact, Hedge.about) else 0.0 for hd in HEDGES])
    below = np.array([math.nan if t.below is None else conv_hi(Fraction(t.below)) for t in tols])
    above = np.array([math.nan if t.above is None else conv_hi(Fraction(t.above)) for t in tols])
    av = np.abs(x)
    b, a = below[hn], above[hn]
    wb = np.nan_to_num(b, nan=0.0) * av
    wa = np.nan_to_num(a, nan=0.0) * av
    hb, ha = h * h_lo[hn], h * h_hi[hn]
    lo = x - hb - wb
    hi = x + ha + wa
    lo -= (av + hb + wb) * _SLACK
    hi += (av + ha + wa) * _SLACK
    lo = np.nextafter(lo, -INF)
    hi = np.nextafter(hi, INF)
    lo[np.isnan(b)] = -INF
    hi[np.isnan(a)] = INF
    floor = np.where(codes & SIGNED, -INF, 0.0)
    lo = np.maximum(lo, floor)
    if slow:
        ids = list(claims)
        for k in slow:
            lo[k], hi[k] = float_interval(claims[ids[k]], policy, lang_of(ids[k]))
    if policy.integer_counts:
        # Counts read as whole numbers, in their own unit (factor 1, so also in base
        # units): ceil and floor are monotone and exact on floats, so the float hull
        # contains the exact one (semantics.integer_hull) as the interval did.
        counted = np.array([is_count(cu) for cu in canon] or [False])[unit_no]
        counted &= np.fromiter(map(whole_figure, claims.values()), dtype=bool, count=n)
        lo = np.where(counted, np.ceil(lo), lo)
        hi = np.where(counted, np.floor(hi), hi)
    # Units: multiply by each unit's factor interval, rounded outward (factors are > 0).
    factors = [(conv_lo(cu.lo), conv_hi(cu.hi)) for cu in canon]
    if any(f != (1.0, 1.0) for f in factors):
        un = unit_no
        flo = np.array([f[0] for f in factors])[un]
        fhi = np.array([f[1] for f in factors])[un]
        scaled = (flo != 1.0) | (fhi != 1.0)
        # Factors are finite and > 0: no 0 · inf, and the sign of a bound stays.
        slo = np.where(lo < 0, lo * fhi, lo * flo)
        shi = np.where(hi < 0, hi * flo, hi * fhi)
        out = scaled & np.isfinite(slo) & (slo != 0)
        slo[out] = np.nextafter(slo[out], -INF)
        out = scaled & np.isfinite(shi) & (shi != 0)
        shi[out] = np.nextafter(shi[out], INF)
        lo = np.where(scaled, slo, lo)
        hi = np.where(scaled, shi, hi)
    dims_ids: dict[tuple[tuple[str, int], ...], int] = {}
    unit_dims = np.array([dims_ids.setdefault(cu.dims, len(dims_ids)) for cu in canon] or [0], dtype=np.int64)
    dims_no = unit_dims[unit_no]
    return ClaimColumns(index, lo, hi, dims_no, (codes & UNSTATED) != 0, list(dims_ids))
