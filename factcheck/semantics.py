"""What a claim means as a set of numbers: the interval implied by rounding and hedges.

The rules are documented in docs/semantics.md.  In short, a figure written with a
rounding unit ``p`` (``precision``) stands for ``[v - p/2, v + p/2]``; a hedge then widens
that interval asymmetrically by relative tolerances that a :class:`Policy` holds per hedge
and per language.  All results are exact :class:`fractions.Fraction` values, with
``±math.inf`` for an unbounded end.
"""

from __future__ import annotations

import functools
import math
from decimal import Context, Decimal, Inexact
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .model import Claim, Hedge
from .numbers import implied_precision, lowest_terms
from .units import canonical, is_count

__all__ = ["Bound", "Policy", "Tolerance", "canonical_interval", "claim_interval", "float_interval",
           "integer_hull", "stated_interval", "whole_figure"]

Bound = Fraction | float  # float only for ±inf
INF = math.inf


class Tolerance(BaseModel):
    """Relative widening below and above the written value; ``None`` means unbounded."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    below: Decimal | None = Field(default=Decimal(0), ge=0)
    above: Decimal | None = Field(default=Decimal(0), ge=0)


def _default_tolerances() -> dict[Hedge, Tolerance]:
    t = Tolerance
    return {
        Hedge.exact: t(below=Decimal(0), above=Decimal(0)),
        Hedge.about: t(below=Decimal("0.1"), above=Decimal("0.1")),
        Hedge.nearly: t(below=Decimal("0.1"), above=Decimal(0)),
        Hedge.more_than: t(below=Decimal(0), above=None),
        Hedge.at_least: t(below=Decimal(0), above=None),
        Hedge.less_than: t(below=None, above=Decimal(0)),
        Hedge.at_most: t(below=None, above=Decimal(0)),
        Hedge.range: t(below=Decimal(0), above=Decimal(0)),
    }


_DEFAULT_TOLERANCES = _default_tolerances()


def _default_calendars() -> dict[str, Literal["gregorian", "persian", "any"]]:
    return {"fa": "persian", "en": "gregorian"}


class Policy(BaseModel):
    """Tolerances per hedge (and per language) and the rounding policy."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rounding: Literal["significant", "last-digit"] = "significant"
    tolerances: dict[Hedge, Tolerance] = Field(default_factory=_default_tolerances)
    languages: dict[str, dict[Hedge, Tolerance]] = Field(default_factory=dict)
    calendars: dict[str, Literal["gregorian", "persian", "any"]] = Field(default_factory=_default_calendars)
    #: Read a figure counting discrete things (:func:`factcheck.units.is_count`) as a whole
    #: number: its interval shrinks to the integers in it.  Off by default: it changes the
    #: verdicts of exact small counts (docs/semantics.md).
    integer_counts: bool = False

    def tolerance(self, hedge: Hedge, lang: str | None) -> Tolerance:
        if lang is not None:
            per = self.languages.get(lang)
            if per is not None and hedge in per:
                return per[hedge]
        t = self.tolerances.get(hedge)
        return t if t is not None else _DEFAULT_TOLERANCES[hedge]

    def calendar(self, lang: str | None) -> Literal["gregorian", "persian", "any"]:
        return self.calendars.get(lang or "", "any")


DEFAULT_POLICY = Policy()


# Wide enough that the few operations on a figure's digits are exact for any figure a text
# states (Decimal's default context keeps 28 digits, and would round longer ones).
_WIDE = Context(prec=80)


def _half(claim: Claim, value: Decimal, policy: Policy) -> Fraction:
    """Half the rounding unit: explicit ``precision``, else implied by the digits as written.

    With a scale word ("680 thousand") the digits before the scale word decide: 680 read
    under the policy, times 1000.
    """
    return Fraction(_half_decimal(claim, value, policy))  # exact: a Decimal is a rational


def _half_decimal(claim: Claim, value: Decimal, policy: Policy) -> Decimal:
    """:func:`_half` as a Decimal (exact for every figure short of 80 digits)."""
    if claim.precision is not None:
        return _WIDE.divide(claim.precision, 2)
    if claim.scale is not None:
        digits = _WIDE.divide(value, claim.scale)
        if _WIDE.remainder(value, claim.scale) == 0:
            digits = _WIDE.normalize(digits)
        return _WIDE.divide(_WIDE.multiply(implied_precision(_plain(digits), policy.rounding), claim.scale), 2)
    return _WIDE.divide(implied_precision(value, policy.rounding), 2)


def _plain(d: Decimal) -> Decimal:
    """``6.8E+2`` -> ``680``: normalize() may produce exponents that hide trailing zeros."""
    return _WIDE.quantize(d, Decimal(1)) if d == d.to_integral_value() else d


def claim_interval(
    claim: Claim, policy: Policy = DEFAULT_POLICY, lang: str | None = None, count: bool = False
) -> tuple[Bound, Bound]:
    """The interval of true values a claim admits, in the claim's own unit.

    ``count`` says the claim's unit counts discrete things (the caller knows the unit's
    canonical form: :func:`factcheck.units.is_count`); under ``policy.integer_counts`` the
    interval of a :func:`whole_figure` is then its :func:`integer_hull`.
    :func:`stated_interval` decides it itself.

    >>> from factcheck.model import Claim
    >>> claim_interval(Claim(id="a", value="126"))
    (Fraction(251, 2), Fraction(253, 2))
    >>> claim_interval(Claim(id="a", value="3000", hedge="more_than"))
    (Fraction(3000, 1), inf)
    >>> lo, hi = claim_interval(Claim(id="a", value="680000", hedge="nearly"))
    >>> float(lo), float(hi)
    (607000.0, 680000.0)
    """
    if count and policy.integer_counts and whole_figure(claim):
        return integer_hull(*claim_interval(claim, policy, lang))
    value = claim.value
    if value is None:
        return (-INF if claim.signed else _ZERO), INF
    if claim.hedge is not Hedge.range and value.is_finite():
        try:
            return _decimal_interval(claim, value, policy, lang)
        except Inexact:  # a figure of more than 80 digits: exactly, in Fractions
            pass
    return _fraction_interval(claim, policy, lang)


_ZERO = Fraction(0)


def whole_figure(claim: Claim) -> bool:
    """Whether the figure is written as a whole number (a range: both ends); an unstated
    one has nothing to narrow.  Under ``policy.integer_counts`` only these are read as
    whole counts: "1.5 people" is an average or an estimate of a count (an ``average``
    rule's mean has its total's unit), not a count that must be 1 or 2."""
    v, m = claim.value, claim.value_max
    return (v is None or v == v.to_integral_value()) and (m is None or m == m.to_integral_value())


def integer_hull(lo: Bound, hi: Bound) -> tuple[Bound, Bound]:
    """The smallest interval holding every integer of ``[lo, hi]``: ceil and floor.

    An unbounded end stays unbounded.  A whole stated value lies in its own interval, so
    its hull is never empty (only :func:`whole_figure` figures are narrowed).

    >>> integer_hull(Fraction(25, 2), Fraction(27, 2))
    (Fraction(13, 1), Fraction(13, 1))
    """
    return (lo if lo.__class__ is float else Fraction(math.ceil(lo)),
            hi if hi.__class__ is float else Fraction(math.floor(hi)))


def stated_interval(claim: Claim, policy: Policy = DEFAULT_POLICY, lang: str | None = None) -> tuple[Bound, Bound]:
    """:func:`claim_interval`, asking the claim's unit whether it is a count (only when
    ``policy.integer_counts`` is on: otherwise the unit is not looked at)."""
    count = policy.integer_counts and is_count(canonical(claim.unit))
    return claim_interval(claim, policy, lang, count)


#: Decimal arithmetic that raises rather than round: then its results are exact.
_EXACT = Context(prec=80, traps=[Inexact])


def _decimal_interval(claim: Claim, value: Decimal, policy: Policy, lang: str | None) -> tuple[Bound, Bound]:
    """:func:`claim_interval` (not for ranges) computed in Decimal, exactly, each bound
    converted to a Fraction once: a few operations in C instead of several on Fractions.
    Raises :class:`decimal.Inexact` where a result would need more than 80 digits.
    A property test holds it to :func:`_fraction_interval`."""
    tol = policy.tolerance(claim.hedge, lang or claim.lang)
    ex = _EXACT
    lo, hi = _written_bounds(claim, value, policy, ex)
    av = value.copy_abs()  # abs() would round to the default context's 28 digits
    below, above = tol.below, tol.above
    flo: Bound
    if below is None:
        flo = -INF if claim.signed else _ZERO
    else:
        if below:
            lo = ex.subtract(lo, ex.multiply(below, av))
        # (as_integer_ratio() is in lowest terms, with a positive denominator)
        flo = lowest_terms(*lo.as_integer_ratio()) if claim.signed or lo >= 0 else _ZERO
    if above is None:
        return flo, INF
    if above:
        hi = ex.add(hi, ex.multiply(above, av))
    return flo, lowest_terms(*hi.as_integer_ratio())


def _written_bounds(claim: Claim, value: Decimal, policy: Policy, ctx: Context) -> tuple[Decimal, Decimal]:
    """The bounds a figure stands for before its hedge's tolerance (not for ranges)."""
    hedge = claim.hedge
    if hedge is Hedge.exact or hedge is Hedge.about or hedge is Hedge.nearly:
        h = _half_decimal(claim, value, policy)
        return ctx.subtract(value, h), (value if hedge is Hedge.nearly else ctx.add(value, h))
    return value, value  # more_than, at_least, less_than, at_most: the written value is the bound


def _fraction_interval(claim: Claim, policy: Policy, lang: str | None) -> tuple[Bound, Bound]:
    """:func:`claim_interval` in Fractions: any figure, any hedge."""
    floor: Bound = -INF if claim.signed else Fraction(0)
    if claim.value is None:
        return floor, INF
    v = Fraction(*claim.value.as_integer_ratio())  # two ints: Fraction's fast path
    tol = policy.tolerance(claim.hedge, lang or claim.lang)
    h = _half(claim, claim.value, policy)
    hedge = claim.hedge
    av = abs(v)
    lo: Bound
    hi: Bound
    if hedge is Hedge.range:
        assert claim.value_max is not None
        vmax = Fraction(claim.value_max)
        lo = v - h
        hi = vmax + _half(claim, claim.value_max, policy)
    elif hedge in (Hedge.exact, Hedge.about, Hedge.nearly):
        lo = v - h
        hi = v + h
        if hedge is Hedge.nearly:
            hi = v  # "nearly X": at or below X, whatever the rounding
    elif hedge in (Hedge.more_than, Hedge.at_least):
        lo = v
        hi = v
    else:  # less_than, at_most
        lo = v
        hi = v
    # (A zero tolerance, the usual case, leaves the bound as it is.)
    if tol.below is None:
        lo = -INF
    elif tol.below:
        lo = lo - _fraction(tol.below) * av
    if tol.above is None:
        hi = INF
    elif tol.above:
        hi = hi + _fraction(tol.above) * av
    if lo < floor:
        lo = floor
    return lo, hi


_nextafter = math.nextafter


def float_interval(
    claim: Claim, policy: Policy = DEFAULT_POLICY, lang: str | None = None, count: bool = False
) -> tuple[float, float]:
    """:func:`claim_interval` as floats rounded outward, computed without Fractions.

    The result always contains the exact interval (a property test checks it), so it can
    screen rules before the exact arithmetic confirms anything.  Bounds are computed in
    :class:`~decimal.Decimal` (C, and exact here) and each converted once, one ulp outward;
    about ten times cheaper than the exact interval.

    >>> from factcheck.model import Claim
    >>> float_interval(Claim(id="a", value="126"))
    (125.49999999999999, 126.50000000000001)
    """
    if count and policy.integer_counts and whole_figure(claim):
        return float_integer_hull(*float_interval(claim, policy, lang))
    value = claim.value
    if value is None:
        return (-INF if claim.signed else 0.0), INF
    hedge = claim.hedge
    if hedge is Hedge.range or not value.is_finite():
        xlo, xhi = claim_interval(claim, policy, lang)
        return _float_lo(xlo), _float_hi(xhi)
    tol = policy.tolerance(hedge, lang or claim.lang)
    lo, hi = _written_bounds(claim, value, policy, _WIDE)
    av = value.copy_abs()  # exact; abs() would round to the default context's 28 digits
    below, above = tol.below, tol.above
    flo = -INF if below is None else _float_lo(_WIDE.subtract(lo, _WIDE.multiply(below, av)) if below else lo)
    fhi = INF if above is None else _float_hi(_WIDE.add(hi, _WIDE.multiply(above, av)) if above else hi)
    floor = -INF if claim.signed else 0.0
    return (floor if flo < floor else flo), fhi


def float_integer_hull(lo: float, hi: float) -> tuple[float, float]:
    """:func:`integer_hull` of a float interval: it contains the exact hull whenever the
    float interval contains the exact interval (ceil and floor are monotone, and exact on
    floats)."""
    return (lo if lo == -INF else float(math.ceil(lo)), hi if hi == INF else float(math.floor(hi)))


def _float_lo(x: Bound | Decimal) -> float:
    """A float no larger than ``x``: nearest, then one ulp down (covers any rounding)."""
    f = float(x)
    return f if f == -INF else _nextafter(f, -INF)


def _float_hi(x: Bound | Decimal) -> float:
    f = float(x)
    return f if f == INF else _nextafter(f, INF)


@functools.lru_cache(maxsize=256)
def _fraction(d: Decimal) -> Fraction:
    """Tolerances repeat: convert each once."""
    return Fraction(d)


def canonical_interval(
    claim: Claim, policy: Policy = DEFAULT_POLICY, lang: str | None = None
) -> tuple[Bound, Bound]:
    """:func:`stated_interval` converted to the canonical base unit, exactly."""
    lo, hi = stated_interval(claim, policy, lang)
    c = canonical(claim.unit)
    return scale(lo, hi, c.lo, c.hi)


def scale(lo: Bound, hi: Bound, flo: Fraction, fhi: Fraction) -> tuple[Bound, Bound]:
    """Multiply ``[lo, hi]`` by a positive factor interval ``[flo, fhi]``."""
    if flo == fhi:  # an exact factor (most units): no need to try all four corners
        if flo == 1:
            return lo, hi
        return (lo if _isinf(lo) else lo * flo), (hi if _isinf(hi) else hi * flo)

    def m(a: Bound, b: Fraction) -> Bound:
        return a if _isinf(a) else a * b

    cands = [m(lo, flo), m(lo, fhi), m(hi, flo), m(hi, fhi)]
    return min(cands), max(cands)


def _isinf(x: Bound) -> bool:
    """An unbounded end (only floats are: comparing a Fraction with a float is slow)."""
    return isinstance(x, float) and (x == INF or x == -INF)
