"""Vectorised claim intervals (:mod:`factcheck.claimcols`) contain the exact ones, tightly.

The screen of large problems reads every claim through :func:`claim_columns`; a column
narrower than the exact interval could clear a rule that cannot hold.  Each claim's
column is compared with :func:`factcheck.semantics.canonical_interval`, in every unit,
hedge, rounding policy and sign, with figures up to 10^20 and down to 10^-6.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pydantic
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from factcheck.claimcols import claim_columns
from factcheck.model import Claim, Hedge
from factcheck.semantics import Policy, Tolerance, canonical_interval, claim_interval
from factcheck.units import canonical, is_count

decimals = st.decimals(min_value=-10**20, max_value=10**20, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=Decimal("1e-6"), max_value=10**9, allow_nan=False,
                       allow_infinity=False).filter(lambda d: d > 0)
UNITS = ["dimensionless", "person", "call / day", "call / hour", "percent", "kilometer",
         "month", "case / month", "toman / year"]


@st.composite
def claims(draw: st.DrawFn, k: int) -> Claim:
    hedge = draw(st.sampled_from(list(Hedge)))
    value = draw(st.one_of(st.none(), decimals)) if hedge is not Hedge.range else draw(decimals)
    fields: dict[str, object] = {"id": f"c{k}", "value": value, "hedge": hedge,
                                 "signed": draw(st.booleans()), "unit": draw(st.sampled_from(UNITS))}
    if hedge is Hedge.range:
        fields["value_max"] = value + abs(draw(decimals))  # type: ignore[operator]
    if draw(st.booleans()):
        fields["precision"] = draw(positive)
    elif draw(st.integers(0, 4)) == 0:
        fields["scale"] = draw(st.sampled_from([Decimal(1000), Decimal(10**6)]))
    try:
        return Claim(**fields)  # type: ignore[arg-type]
    except pydantic.ValidationError:
        assume(False)
        raise


tolerance = st.one_of(st.none(), st.decimals(min_value=0, max_value=2, places=3))


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Rounding, tolerances, and counts read as whole numbers or not (Policy.integer_counts)."""
    rounding = draw(st.sampled_from(["significant", "last-digit"]))
    counts = draw(st.booleans())
    if draw(st.booleans()):
        return Policy(rounding=rounding, integer_counts=counts)
    hedge = draw(st.sampled_from(list(Hedge)))
    tol = Tolerance(below=draw(tolerance), above=draw(tolerance))
    if draw(st.booleans()):
        return Policy(rounding=rounding, tolerances={hedge: tol}, integer_counts=counts)
    return Policy(rounding=rounding, languages={"fa": {hedge: tol}}, integer_counts=counts)


def _columns(cs: list[Claim], policy: Policy, lang: str | None = None):  # type: ignore[no-untyped-def]
    return claim_columns({c.id: c for c in cs}, policy, lambda cid: lang, canonical)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=6).flatmap(
    lambda ks: st.tuples(*(claims(i) for i in range(len(ks))))), policies(),
    st.sampled_from([None, "fa", "en"]))
@example((Claim(id="c0", value=Decimal("0.1"), hedge="about", unit="call / hour"),), Policy(), None)
@example((Claim(id="c0", value=Decimal("-3000"), signed=True, unit="case / month"),), Policy(), None)
# A rounding unit far larger than the figure, with no upper bound: tightness is relative to
# the half unit, not to the figure (the test once measured it against the figure alone).
@example((Claim(id="c0", value=Decimal("7.4410354372236675442E-8"), unit="call / day", hedge="about",
                precision=Decimal("0.000197738252182909310929133945"), signed=True),),
         Policy(rounding="last-digit", tolerances={Hedge.about: Tolerance(below=Decimal("0.488"), above=None)}),
         None)
def test_columns_contain_the_exact_intervals(cs: tuple[Claim, ...], policy: Policy,
                                             lang: str | None) -> None:
    cols = _columns(list(cs), policy, lang)
    assert list(cols.index) == [c.id for c in cs]
    for k, c in enumerate(cs):
        lo, hi = canonical_interval(c, policy, lang)
        flo, fhi = float(cols.lo[k]), float(cols.hi[k])
        whole = policy.integer_counts and is_count(canonical(c.unit))
        own_lo, own_hi = claim_interval(c, policy, lang, whole)
        if own_lo > own_hi and not whole:  # a negative figure for an unsigned quantity: empty either way
            assert flo > fhi
            continue
        assert (flo == -math.inf) if lo == -math.inf else Fraction(flo) <= lo, (c, lo, flo)
        assert (fhi == math.inf) if hi == math.inf else Fraction(fhi) >= hi, (c, hi, fhi)
        # ... and only a few ulps wider (each bound within 2^-47 of the figure's scale), so
        # the screen still sees every real conflict.
        # (Not for whole counts: a bound an ulp either side of an integer moves a whole unit.)
        if c.value is not None and c.hedge is not Hedge.range and lo not in (-math.inf, math.inf) and not whole:
            # The magnitudes the bound is computed from: the figure and how far the bound
            # lies from it (half unit and tolerance), as the slack in claimcols is.
            u = canonical(c.unit)
            scale = (abs(Fraction(c.value)) + abs(own_lo - Fraction(c.value))) * u.hi
            assert Fraction(flo) >= lo - scale * Fraction(1, 2**47) - Fraction(1, 10**300)


def test_a_claim_of_each_path_reads_as_the_exact_interval_says() -> None:
    cs = [Claim(id="a", value=Decimal(126), unit="call / hour"),
          Claim(id="b", value=Decimal(3000), hedge="more_than"),
          Claim(id="c", value=Decimal(680000), hedge="nearly", scale=Decimal(1000)),
          Claim(id="d")]
    cols = _columns(cs, Policy())
    assert cols.lo[0] < 125.5 / 3600 < cols.lo[0] * (1 + 2**-40)
    assert cols.hi[0] > 126.5 / 3600 > cols.hi[0] * (1 - 2**-40)
    assert cols.lo[1] <= 3000 <= cols.lo[1] + 1e-9 and cols.hi[1] == math.inf
    assert 607000 - 1e-6 < cols.lo[2] <= 607000 and 680000 <= cols.hi[2] < 680000 + 1e-6
    assert (cols.lo[3], cols.hi[3]) == (0.0, math.inf)


def test_a_figure_with_more_decimals_than_the_table_reads_its_digits() -> None:
    # 70 decimals: beyond the table of half units, the Decimal reading takes over (it
    # once raised IndexError and stopped the evaluation).
    cs = [Claim(id="a", value=Decimal("0." + "1" * 70)), Claim(id="b", value=Decimal("0." + "0" * 55 + "3" * 15))]
    for policy in (Policy(), Policy(rounding="last-digit")):
        cols = _columns(cs, policy)
        for k, c in enumerate(cs):
            lo, hi = claim_interval(c, policy)
            assert Fraction(float(cols.lo[k])) <= lo < hi <= Fraction(float(cols.hi[k]))
            assert float(cols.hi[k]) - float(cols.lo[k]) <= float(c.value) * 2**-40  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=0, max_size=8).flatmap(
    lambda ks: st.tuples(*(claims(i) for i in range(len(ks))))), policies(),
    st.sampled_from([None, "fa", "en"]))
def test_columns_are_those_of_the_claim_by_claim_reading(cs: tuple[Claim, ...], policy: Policy,
                                                          lang: str | None) -> None:
    # The columns are read in bulk; a frozen copy of the reading as it was, one claim at a
    # time (tests/claimcols_reference.py), must give the same columns, bit for bit.
    import claimcols_reference
    import numpy as np

    table = {c.id: c for c in cs}
    got = claim_columns(table, policy, lambda cid: lang, canonical)
    want = claimcols_reference.claim_columns(table, policy, lambda cid: lang, canonical)
    assert got.index == want.index and list(got.index) == list(want.index)
    assert got.dims_table == want.dims_table
    for name in ("lo", "hi", "dims_no", "unstated"):
        a, b = getattr(got, name), getattr(want, name)
        assert a.dtype == b.dtype and np.array_equal(a, b), name
    assert np.array_equal(np.signbit(got.lo), np.signbit(want.lo))
    assert np.array_equal(np.signbit(got.hi), np.signbit(want.hi))
