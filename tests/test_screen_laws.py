"""Laws of the vectorised screen: it clears nothing the sequential propagation fails on,
its sweeps keep every solution, and its components are those of the plain-Python walk."""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.flat import FlatProblem, sweep
from factcheck.flatcols import FlatColumns
from factcheck.propagate import INF, Linear, Mul, Problem, conv_hi, conv_lo, propagate
from factcheck.screen import Screen, connected, seed_components

# Coefficients as the kinds write them: ±1 (sums), shares and factors that floats cannot
# hold exactly (coefficient intervals), and exact ones other than ±1.
COEFS = [Fraction(1), Fraction(-1), Fraction(1, 3), Fraction(-7, 100), Fraction(5, 2), Fraction(-1, 1024)]


@st.composite
def problems(draw: st.DrawFn) -> tuple[Problem, FlatColumns, list[list[int]], list[list[int]]]:
    """Random claims and rules compiled both ways: a :class:`Problem` for the sequential
    propagation and :class:`FlatColumns` for the screen, with each rule's constraints and
    claims."""
    n_claims = draw(st.integers(2, 7))
    p = Problem()
    for _ in range(n_claims):
        centre = Fraction(draw(st.integers(-10, 10)))
        width = Fraction(draw(st.sampled_from([0, 1, 5, 30])), draw(st.sampled_from([1, 2, 10])))
        lo = -INF if draw(st.integers(0, 9)) == 0 else centre - width
        hi = INF if draw(st.integers(0, 9)) == 0 else centre + width
        p.var(lo, hi)
    cols = FlatColumns()
    cons: list[list[int]] = []
    claims: list[list[int]] = []
    claim = st.integers(0, n_claims - 1)
    for r in range(draw(st.integers(1, 9))):
        mine: list[int] = []
        used: list[int] = []

        def linear(terms: list[tuple[Fraction, int]], lo: Fraction | float, hi: Fraction | float,
                   r: int = r, mine: list[int] = mine) -> None:
            mine.append(len(p.constraints))
            p.add(Linear(tuple(a for a, _ in terms), tuple(v for _, v in terms), lo, hi, r))
            cols.terms(r, terms, lo, hi)

        if draw(st.booleans()):  # a sum: lo <= Σ a·x <= hi
            vs = draw(st.lists(claim, min_size=1, max_size=4, unique=True))
            terms = [(draw(st.sampled_from(COEFS)), v) for v in vs]
            used += vs
            value = Fraction(draw(st.integers(-15, 15)))
            slack = Fraction(draw(st.sampled_from([0, 0, 1, 7])), 2)
            linear(terms, value - slack, value + slack)
        else:  # a rate: w = x · y, through an auxiliary variable z = x · y, z - w = 0
            x, y, w = draw(claim), draw(claim), draw(claim)
            used += [x, y, w]
            z = p.var()
            mine.append(len(p.constraints))
            p.add(Mul(z, x, y, r))
            cols.mul(r, z, x, y)
            linear([(Fraction(1), z), (Fraction(-1), w)], Fraction(0), Fraction(0))
        cons.append(mine)
        claims.append(sorted(set(used)))
    return p, cols, cons, claims


def _screen(p: Problem, cols: FlatColumns, n_rules: int) -> Screen:
    rule_ids = [f"r{i}" for i in range(n_rules)]
    return Screen(cols, p.flo, p.fhi, rule_ids, list(rule_ids))


@settings(max_examples=300, deadline=None)
@given(problems())
def test_the_screen_clears_nothing_the_sequential_check_fails_on(
        case: tuple[Problem, FlatColumns, list[list[int]], list[list[int]]]) -> None:
    p, cols, cons, claims = case
    s = _screen(p, cols, len(cons))
    good = []
    for r, mine in enumerate(cons):
        if propagate(p, only=mine).failed is not None:
            assert f"r{r}" in s.local_suspects
        else:
            good.append(f"r{r}")
    claims_of = {f"r{r}": [f"c{v}" for v in vs] for r, vs in enumerate(claims)}
    suspects = s.suspect_components(good, claims_of.__getitem__)
    for comp in connected(good, claims_of.__getitem__):
        together = [ci for r in comp for ci in cons[int(r[1:])]]
        if propagate(p, only=together).failed is not None:
            assert comp in suspects
    # Whatever it flags is a component, grouped as the plain walk groups them.
    assert all(comp in connected(good, claims_of.__getitem__) for comp in suspects)


def test_a_conflict_through_three_rules_is_found() -> None:
    # x = y, y = z, z = x + 5 with x, y, z in [0, 10]: each rule holds alone and the local
    # pass narrows only z and x (by the third rule); the joint pass must still revise the
    # first two rules, whose copies of x and z the others narrowed.
    p = Problem()
    for _ in range(3):
        p.var(Fraction(0), Fraction(10))
    cols = FlatColumns()
    rows = [((Fraction(1), 0), (Fraction(-1), 1), 0), ((Fraction(1), 1), (Fraction(-1), 2), 0),
            ((Fraction(1), 2), (Fraction(-1), 0), 5)]
    for r, (a, b, value) in enumerate(rows):
        p.add(Linear((a[0], b[0]), (a[1], b[1]), Fraction(value), Fraction(value), r))
        cols.terms(r, [a, b], Fraction(value), Fraction(value))
    s = _screen(p, cols, 3)
    assert not s.local_suspects
    claims_of = {"r0": ["x", "y"], "r1": ["y", "z"], "r2": ["z", "x"]}
    assert propagate(p).failed is not None
    assert s.suspect_components(["r0", "r1", "r2"], claims_of.__getitem__) == [["r0", "r1", "r2"]]


@st.composite
def solved(draw: st.DrawFn) -> tuple[FlatProblem, list[Fraction]]:
    """Constraints of every coefficient type and products, built around a known solution."""
    n = draw(st.integers(2, 6))
    point = [Fraction(draw(st.integers(-30, 30)), draw(st.sampled_from([1, 4]))) for _ in range(n)]
    lo = [float(conv_lo(x - draw(st.sampled_from([0, 1, 50])))) for x in point]
    hi = [float(conv_hi(x + draw(st.sampled_from([0, 1, 50])))) for x in point]
    t_con: list[int] = []
    t_var: list[int] = []
    alo: list[float] = []
    ahi: list[float] = []
    c_lo: list[float] = []
    c_hi: list[float] = []
    for c in range(draw(st.integers(0, 6))):
        vs = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4, unique=True))
        coefs = [draw(st.sampled_from(COEFS)) for _ in vs]
        value = sum((a * point[v] for a, v in zip(coefs, vs, strict=True)), Fraction(0))
        slack = Fraction(draw(st.sampled_from([0, 1])), 3)
        for a, v in zip(coefs, vs, strict=True):
            t_con.append(c)
            t_var.append(v)
            alo.append(conv_lo(a))
            ahi.append(conv_hi(a))
        c_lo.append(conv_lo(value - slack))
        c_hi.append(conv_hi(value + slack))
    mz: list[int] = []
    mx: list[int] = []
    my: list[int] = []
    for _ in range(draw(st.integers(0, 3))):
        x, y = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        point.append(point[x] * point[y])
        lo.append(-INF if draw(st.booleans()) else conv_lo(point[-1]))
        hi.append(INF if draw(st.booleans()) else conv_hi(point[-1]))
        mz.append(len(point) - 1)
        mx.append(x)
        my.append(y)

    def ints(xs: list[int]) -> np.ndarray:
        return np.array(xs, dtype=np.int64)

    prob = FlatProblem(np.array(lo), np.array(hi), ints(t_con), ints(t_var), np.array(alo), np.array(ahi),
                       np.array(c_lo), np.array(c_hi), ints(mz), ints(mx), ints(my))
    return prob, point


@settings(max_examples=300, deadline=None)
@given(solved())
def test_a_sweep_keeps_every_solution(case: tuple[FlatProblem, list[Fraction]]) -> None:
    prob, point = case
    res = sweep(prob)
    assert not res.bad_con.any()
    for v, x in enumerate(point):
        assert Fraction(res.lo[v]) <= x <= Fraction(res.hi[v])
    # Resuming from its own result, with everything to revise, keeps the solution too.
    again = sweep(prob, start=(res.lo, res.hi),
                  todo=(np.arange(len(prob.c_lo)), np.arange(len(prob.m_z))))
    assert not again.bad_con.any()
    for v, x in enumerate(point):
        assert Fraction(again.lo[v]) <= x <= Fraction(again.hi[v])


@pytest.mark.parametrize("levels", [1, 48])
@settings(max_examples=150, deadline=None)
@given(refs=st.lists(st.lists(st.integers(0, 15), max_size=4), min_size=1, max_size=25),
       seeds=st.sets(st.integers(0, 24)))
def test_seed_components_group_as_connected(levels: int, refs: list[list[int]], seeds: set[int]) -> None:
    # levels=1 hands long chains over to the plain walk after one step of the search.
    n = len(refs)
    seeds = {s for s in seeds if s < n}
    ref_rule = np.repeat(np.arange(n), [len(r) for r in refs])
    # Claims numbered sparsely and rules' references out of order: only equality counts.
    ref_claim = np.array([1000 * c + 7 for r in refs for c in r], dtype=np.int64)
    order = np.random.default_rng(len(refs)).permutation(len(ref_rule))
    got = seed_components(n, ref_rule[order], ref_claim[order], np.array(sorted(seeds), dtype=np.int64),
                          levels=levels)
    assert got == connected(list(range(n)), refs.__getitem__, seeds)
