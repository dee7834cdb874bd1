"""Claims as columns, read as they were at commit 823b81b.

A frozen copy of :func:`factcheck.claimcols.claim_columns` (its index a copy of the claims'
table, claims outside the vectorised reading read inside its one pass), kept only so that
``tests/test_claimcols.py`` can check that the current reading gives the same columns,
bit for bit.  Not used by the engine.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import Any

from factcheck.claimcols import ClaimColumns
from factcheck.model import Claim, Hedge
from factcheck.propagate import conv_hi, conv_lo
from factcheck.semantics import Policy, float_interval, whole_figure
from factcheck.units import Canonical, is_count

__all__ = ["claim_columns"]

INF = math.inf
#: Relative slack covering every float rounding on the way (see the module docstring).
_SLACK = 2.0 ** -50
#: Figures beyond this magnitude take the Decimal path (products could overflow).
_BIG = 1e250
_HEDGES = tuple(Hedge)
_HEDGE_NO = {h: i for i, h in enumerate(_HEDGES)}
_RANGE = Hedge.range
# Half a unit of the last digit written: 0.5 · 10^-d after d decimals, 0.5 · 10^z for a
# whole number ending in z zeros (as _implied_half computes them, so equal floats).  A
# figure's str() shows its digits without exponent up to 10^-6 and ~28 digits.
_HALF_DECIMALS = [0.5 * 10.0 ** -d for d in range(64)]
_HALF_TENS = [0.5 * 10.0 ** z for z in range(64)]
#: What a claim's interval is computed from, read in one call.
_FIELDS = attrgetter("value", "unit", "hedge", "signed", "scale", "precision")
_EXACT = Hedge.exact


def _implied_half(value: Decimal, significant: bool) -> float:
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


def claim_columns(claims: dict[str, Claim], policy: Policy, lang_of: Callable[[str], str | None],
                  unit_of: Callable[[str], Canonical]) -> ClaimColumns:
    """Float intervals, in canonical units and rounded outward, of every claim in ``claims``.

    ``lang_of`` gives a claim's language (tolerances may differ per language);
    ``unit_of`` its unit's canonical form (asked once per distinct unit).
    """
    import numpy as np

    n = len(claims)
    ids = list(claims)
    # A copy of the claims' table with its values replaced: cheaper than a new table (no
    # growing, no hashing).
    index: dict[str, Any] = dict(claims)
    index.update(zip(ids, range(n), strict=True))
    val = array("d", bytes(8 * n))
    half = array("d", bytes(8 * n))
    hedge_no = array("b", bytes(n))
    unit_no = array("q", bytes(8 * n))
    signed = array("b", bytes(n))
    unstated = array("b", bytes(n))
    # Claims the vectorised reading does not cover: (variable, lo, hi) in their own unit.
    slow: list[tuple[int, float, float]] = []
    unit_ids: dict[str, int] = {}
    canon: list[Canonical] = []  # by unit number
    significant = policy.rounding == "significant"
    per_lang = bool(policy.languages)
    hedges = _HEDGE_NO
    halves: dict[Decimal, float] = {}
    # One C-level call reads every field a claim's interval needs.
    for k, (v, u, hedge, sign, scale, p) in enumerate(map(_FIELDS, claims.values())):
        no = unit_ids.get(u)
        if no is None:
            no = unit_ids[u] = len(unit_ids)
            canon.append(unit_of(u))
        unit_no[k] = no
        if sign:
            signed[k] = 1
        if v is None:
            unstated[k] = 1
        if v is None or hedge is _RANGE or scale is not None or per_lang:
            slow.append((k, *float_interval(claims[ids[k]], policy, lang_of(ids[k]))))
            continue
        # float() of a Decimal parses its text: a figure read for its digits is made into
        # text once.  Figures are finite (validated); beyond float range float() is inf.
        text = None if p is not None else str(v)
        fv = float(v) if text is None else float(text)
        if not -_BIG < fv < _BIG:
            slow.append((k, *float_interval(claims[ids[k]], policy, lang_of(ids[k]))))
            continue
        val[k] = fv
        if text is None:
            # Rounding units repeat (1, 0.1, 1000): each converted once (equal Decimals,
            # equal floats).
            hp = halves.get(p)
            if hp is None:
                hp = halves[p] = 0.5 * float(p)
            half[k] = hp
        else:
            # The digits as written, read from the figure's text: cheaper than as_tuple().
            dot = text.find(".")
            if "E" in text or len(text) - dot > len(_HALF_DECIMALS):
                half[k] = _implied_half(v, significant)
            elif dot >= 0:
                half[k] = _HALF_DECIMALS[len(text) - dot - 1]
            elif significant:
                zeros = len(text) - len(text.rstrip("0"))
                half[k] = 0.5 if zeros == len(text.lstrip("-")) else _HALF_TENS[zeros]
            else:
                half[k] = 0.5
        if hedge is not _EXACT:
            hedge_no[k] = hedges[hedge]

    x = np.frombuffer(val, dtype=float)
    h = np.frombuffer(half, dtype=float)
    hn = np.frombuffer(hedge_no, dtype=np.int8)
    # Per hedge: how the half unit widens each side (±h, or nothing for a bound such as
    # "more than"), and the tolerance below and above (NaN: unbounded).
    tols = [policy.tolerance(hd, None) for hd in _HEDGES]
    h_lo = np.array([1.0 if hd in (Hedge.exact, Hedge.about, Hedge.nearly) else 0.0 for hd in _HEDGES])
    h_hi = np.array([1.0 if hd in (Hedge.exact, Hedge.about) else 0.0 for hd in _HEDGES])
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
    floor = np.where(np.frombuffer(signed, dtype=np.int8) == 1, -INF, 0.0)
    lo = np.maximum(lo, floor)
    for k, slo, shi in slow:
        lo[k] = slo
        hi[k] = shi
    if policy.integer_counts:
        # Counts read as whole numbers, in their own unit (factor 1, so also in base
        # units): ceil and floor are monotone and exact on floats, so the float hull
        # contains the exact one (semantics.integer_hull) as the interval did.
        counted = np.array([is_count(cu) for cu in canon] or [False])[np.frombuffer(unit_no, dtype=np.int64)]
        # (since the sixth session: figures written as whole numbers only)
        counted &= np.array([whole_figure(c) for c in claims.values()] or [False])
        lo = np.where(counted, np.ceil(lo), lo)
        hi = np.where(counted, np.floor(hi), hi)
    # Units: multiply by each unit's factor interval, rounded outward (factors are > 0).
    factors = [(conv_lo(cu.lo), conv_hi(cu.hi)) for cu in canon]
    if any(f != (1.0, 1.0) for f in factors):
        un = np.frombuffer(unit_no, dtype=np.int64)
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
    dims_no = unit_dims[np.frombuffer(unit_no, dtype=np.int64)]
    return ClaimColumns(index, lo, hi, dims_no, np.frombuffer(unstated, dtype=np.int8).astype(bool),
                        list(dims_ids))
