"""One linear constraint propagated with claims freed, in closed form, gives what
propagating it gives.

Explaining a rule that fails on its own frees each of its claims in turn (what would it
have to be?) and sets of them (which claims conflict?).  For a rule that is one linear
constraint, :class:`factcheck.propagate.OneLinear` answers without propagating; these
properties hold it to :func:`factcheck.propagate.propagate` in exact arithmetic, with both
rational backends, on random constraints: signed and unsigned freed domains, unbounded
ends, zero coefficients, one-sided constraints, and denominators large enough to be
coarsened.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.propagate as prop
from factcheck.propagate import Linear, OneLinear, Problem, propagate

INF = math.inf
small = st.builds(Fraction, st.integers(-10**6, 10**6), st.integers(1, 997))
#: Denominators past 2**96: exact propagation coarsens such bounds as it stores them.
huge = st.builds(Fraction, st.integers(-10**40, 10**40), st.sampled_from([3**70, 7**40 * 2, 10**30 + 1]))
finite = st.one_of(small, small, huge, st.just(Fraction(0)))
coefs = st.one_of(st.builds(Fraction, st.integers(-90, 90), st.integers(1, 9)),  # zero included
                  st.sampled_from([Fraction(1), Fraction(-1), Fraction(86400), Fraction(-1, 100)]),
                  st.builds(Fraction, st.integers(-10**20, 10**20).filter(bool), st.just(3**70)))


@st.composite
def rules(draw: st.DrawFn) -> tuple[Problem, int, dict[int, tuple[Any, Any]]]:
    """One linear constraint over claims (and constants) with their stated intervals, and
    the domain each claim takes when freed."""
    p = Problem()
    n = draw(st.integers(1, 6))
    for _ in range(n):
        lo = draw(st.one_of(finite, st.just(-INF)))
        hi = draw(st.one_of(finite, st.just(INF)))
        if lo > hi:
            lo, hi = hi, lo
            lo = -INF if lo == INF else lo
            hi = INF if hi == -INF else hi
        p.var(lo, hi)
    p.var(Fraction(0), INF)  # a variable outside the constraint
    order = draw(st.permutations(range(n)))
    vs = order[:draw(st.integers(1, n))]
    kind = draw(st.sampled_from(["eq", "le", "ge", "band", "point"]))
    a, b = sorted((draw(finite), draw(finite)))
    lo, hi = {"eq": (Fraction(0), Fraction(0)), "le": (-INF, Fraction(0)), "ge": (Fraction(0), INF),
              "band": (a, b), "point": (a, a)}[kind]
    p.add(Linear(tuple(draw(coefs) for _ in vs), tuple(vs), lo, hi))
    claims = draw(st.lists(st.sampled_from(vs), unique=True, min_size=1))
    free = {v: draw(st.sampled_from([(0, INF), (-INF, INF), (Fraction(0), INF)])) for v in claims}
    return p, 0, free


def _check(p: Problem, ci: int, free: dict[int, tuple[Any, Any]]) -> None:
    ol = OneLinear.make(p, [ci], free)
    assert ol is not None  # proper intervals, rational coefficients, each variable once
    for k in range(len(free) + 1):
        for freed in itertools.combinations(free, k):
            domains = {v: free[v] for v in freed}
            res = propagate(p, only=[ci], domains=domains, exact=True)
            assert ol.fails(freed) == (res.failed is not None), freed
    for v in free:
        res = propagate(p, only=[ci], domains={v: free[v]}, exact=True)
        want = None if res.failed is not None else (res.lo[v], res.hi[v])
        got = ol.alone(v)
        assert got == want
        if got is not None and want is not None:  # and the same types (int, Fraction, float)
            assert [x.__class__ for x in got] == [x.__class__ for x in want]


@settings(max_examples=400, deadline=None)
@given(rules())
def test_closed_form_gives_what_exact_propagation_gives(arg: tuple[Problem, int, dict[int, Any]]) -> None:
    _check(*arg)


@settings(max_examples=150, deadline=None)
@given(rules())
def test_closed_form_with_fractions_as_the_exact_backend(arg: tuple[Problem, int, dict[int, Any]]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prop, "_MPQ", None)
        _check(*arg)


@st.composite
def touching(draw: st.DrawFn) -> tuple[Problem, int, dict[int, tuple[Any, Any]]]:
    """Sums that hold only at one end of their claims' intervals, or by a hair fail to:
    large and small magnitudes, coefficients that floats cannot hold (1/3, 3/2)."""
    p = Problem()
    n = draw(st.integers(2, 7))
    mags = st.sampled_from([1, 10**3, 10**9, 10**15, 10**16, 3 * 10**17])
    widths = st.sampled_from([Fraction(0), Fraction(1, 2), Fraction(1, 3), Fraction(1, 10**15), Fraction(5)])
    ivs = []
    for _ in range(n):
        x = Fraction(draw(st.integers(-10**6, 10**6)) * draw(mags), draw(st.sampled_from([1, 2, 3, 7, 1000])))
        ivs.append((x - draw(widths), x + draw(widths)))
        p.var(*ivs[-1])
    a = tuple(draw(st.sampled_from([Fraction(1), Fraction(-1), Fraction(3, 2), Fraction(-86400), Fraction(-1, 3)]))
              for _ in ivs)
    low = sum((c * (lo if c > 0 else hi) for c, (lo, hi) in zip(a, ivs, strict=True)), Fraction(0))
    high = sum((c * (hi if c > 0 else lo) for c, (lo, hi) in zip(a, ivs, strict=True)), Fraction(0))
    hair = draw(st.sampled_from([Fraction(0), Fraction(1, 10**18), Fraction(-1, 10**18)]))
    bounds = draw(st.sampled_from([(-INF, low + hair), (high + hair, INF), (low + hair, low + hair)]))
    p.add(Linear(a, tuple(range(n)), *bounds))
    free = {v: (0, INF) for v in draw(st.lists(st.integers(0, n - 1), unique=True, min_size=1, max_size=3))}
    return p, 0, free


@settings(max_examples=300, deadline=None)
@given(touching())
def test_closed_form_on_sums_decided_by_a_hair(arg: tuple[Problem, int, dict[int, Any]]) -> None:
    _check(*arg)


def test_not_made_where_it_does_not_hold() -> None:
    p = Problem()
    x, y = p.var(Fraction(1), Fraction(2)), p.var(Fraction(0), INF)
    p.add(Linear((Fraction(1), Fraction(1)), (x, x), Fraction(0), Fraction(3)))  # x twice
    p.add(Linear((Fraction(1), Fraction(-1)), (x, y), Fraction(0), Fraction(0)))
    assert OneLinear.make(p, [0], {x: (0, INF)}) is None
    assert OneLinear.make(p, [0, 1], {x: (0, INF)}) is None  # two constraints
    assert OneLinear.make(p, [1], {x: (0, INF)}) is not None
    z = p.var(INF, INF)  # a lower bound at +inf: sums of bounds could be NaN
    p.add(Linear((Fraction(1), Fraction(-1)), (x, z), Fraction(0), Fraction(0)))
    assert OneLinear.make(p, [2], {x: (0, INF)}) is None
    w = p.var(1.5, 2.5)  # finite float bounds
    p.add(Linear((Fraction(1), Fraction(-1)), (x, w), Fraction(0), Fraction(0)))
    assert OneLinear.make(p, [3], {x: (0, INF)}) is None
