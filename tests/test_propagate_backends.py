"""Exact propagation gives the same answers with gmpy2's rationals as with Fractions.

:mod:`factcheck.propagate` confirms every conflict in exact arithmetic, with
``gmpy2.mpq`` when it is installed (much faster) and :class:`fractions.Fraction`
otherwise.  The two backends must agree on everything a caller sees: whether and where
propagation fails, and every final bound — including unbounded ends, loops of products
whose denominators are coarsened, and domains overridden to free a claim.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.propagate as prop
from factcheck.propagate import Linear, Mul, Problem, propagate

pytest.importorskip("gmpy2")

fractions = st.builds(Fraction, st.integers(-10**7, 10**7), st.integers(1, 997))
bounds = st.one_of(fractions, fractions, st.just(math.inf), st.just(-math.inf))


@st.composite
def problems(draw: st.DrawFn) -> tuple[Problem, dict[int, tuple[Any, Any]]]:
    """Random sums and products over random, possibly unbounded or empty-making domains."""
    p = Problem()
    n = draw(st.integers(2, 7))
    for _ in range(n):
        a, b = draw(bounds), draw(bounds)
        if draw(st.booleans()) and a != b:
            a, b = min(a, b), max(a, b)
        p.var(min(a, b), max(a, b))
    for _ in range(draw(st.integers(1, 8))):
        if draw(st.booleans()):
            idx = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4, unique=True))
            coefs = tuple(draw(st.builds(Fraction, st.integers(-60, 60).filter(bool), st.integers(1, 9)))
                          for _ in idx)
            lo, hi = sorted((draw(fractions), draw(st.one_of(fractions, st.just(math.inf)))))
            p.add(Linear(coefs, tuple(idx), lo, hi))
        else:
            z, x, y = (draw(st.integers(0, n - 1)) for _ in range(3))
            p.add(Mul(z, x, y))
    domains = {}
    if draw(st.booleans()):
        v = draw(st.integers(0, n - 1))
        domains[v] = (draw(st.one_of(st.just(Fraction(0)), st.just(-math.inf))), math.inf)
    return p, domains


def _run(problem: Problem, domains: dict[int, tuple[Any, Any]], backend: Any,
         monkeypatch: pytest.MonkeyPatch) -> tuple[Any, ...]:
    monkeypatch.setattr(prop, "_MPQ", backend)
    res = propagate(problem, exact=True, domains=domains or None)
    for x in (*res.lo.values(), *res.hi.values()):
        assert isinstance(x, Fraction | int) or x in (math.inf, -math.inf), type(x)
    return res.failed, res.empty_var, res.lo, res.hi


@settings(max_examples=300, deadline=None)
@given(problems())
def test_gmpy2_and_fraction_backends_agree(arg: tuple[Problem, dict[int, tuple[Any, Any]]]) -> None:
    problem, domains = arg
    with pytest.MonkeyPatch.context() as mp:
        fast = _run(problem, domains, prop._MPQ, mp)
        slow = _run(problem, domains, None, mp)
    assert fast == slow


def test_a_loop_of_products_is_coarsened_the_same_way() -> None:
    # x = 1.0001·y and y = x·(1 + tiny): denominators grow each narrowing until the 2^-96
    # grid takes over; both backends must land on the same bounds.
    p = Problem()
    x = p.var(Fraction(1), Fraction(3))
    y = p.var(Fraction(1), Fraction(3))
    k = p.var(Fraction(10001, 10000), Fraction(10001, 10000))
    p.add(Mul(x, y, k))
    p.add(Linear((Fraction(1), Fraction(-1)), (x, y), Fraction(0), Fraction(1, 7)))
    with pytest.MonkeyPatch.context() as mp:
        fast = _run(p, {}, prop._MPQ, mp)
        slow = _run(p, {}, None, mp)
    assert fast == slow
    assert fast[0] is None and any(v.denominator > 1 for v in fast[2].values() if isinstance(v, Fraction))


def test_a_loop_that_squares_its_bounds_reaches_a_fixpoint() -> None:
    # x0 = x1², x1 = x1·x0 with x1 <= -2: every pass squares the bounds (4, 8, 64, 512, ...),
    # so exact bounds would grow without end; past 2^1000 they are widened outward and
    # propagation stops, in both backends, without claiming a conflict it cannot prove.
    p = Problem()
    x0 = p.var(-math.inf, math.inf)
    x1 = p.var(-math.inf, Fraction(-2))
    p.add(Mul(x0, x1, x1))
    p.add(Mul(x1, x1, x0))
    with pytest.MonkeyPatch.context() as mp:
        fast = _run(p, {}, prop._MPQ, mp)
        slow = _run(p, {}, None, mp)
    assert fast == slow
    assert fast[0] is None
    assert fast[2][x0] >= 2**999 and fast[3][x1] <= -(2**999)
