"""The specialised propagation loops give exactly what the generic loop gave.

:mod:`factcheck.propagate` propagates floats and rationals in two loops written for speed
(no call per arithmetic operation, shared prefix sums, constraints prepared once per set).
Findings must not change by a single character, so these properties compare them with a
frozen copy of the generic loop (``tests/propagate_reference.py``) on random problems:
every final bound with its type (and, for floats, its sign of zero), the failing
constraint and the emptied variable — in floats and exactly, with both rational backends,
infinite and empty domains, zero and repeated coefficients, repeated constraints,
overridden domains and step limits.

The trace of a float run (which constraints narrowed something, and which variables) lets
the search for chain conflicts answer "do these rules still fail without that one?"
without propagating; the laws it relies on are checked here too.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from fractions import Fraction
from typing import Any

import propagate_reference as reference
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.propagate as prop
from factcheck.propagate import Linear, Mul, Problem, Trace, propagate

small = st.builds(Fraction, st.integers(-10**6, 10**6), st.integers(1, 997))
wide = st.builds(Fraction, st.integers(-10**30, 10**30), st.integers(1, 10**12))
bounds = st.one_of(small, small, wide, st.just(Fraction(0)), st.just(math.inf), st.just(-math.inf),
                   st.floats(-1e6, 1e6, allow_nan=False))
coefs = st.one_of(st.builds(Fraction, st.integers(-90, 90), st.integers(1, 9)),  # zero included
                  st.sampled_from([Fraction(86400), Fraction(1, 100), Fraction(-1), Fraction(1)]),
                  st.floats(-50, 50, allow_nan=False))


@st.composite
def problems(draw: st.DrawFn) -> tuple[Problem, dict[str, Any]]:
    """Random sums and products, and how to propagate them (only, domains, max_steps)."""
    p = Problem()
    n = draw(st.integers(1, 8))
    for _ in range(n):
        a, b = draw(bounds), draw(bounds)
        if draw(st.integers(0, 9)):  # mostly well-formed, sometimes empty to start with
            a, b = min(a, b), max(a, b)
        p.var(a, b)
    for _ in range(draw(st.integers(0, 8))):
        if draw(st.integers(0, 2)):
            # repeated variables allowed: x + x, and sums with no variables at all
            vs = draw(st.lists(st.integers(0, n - 1), min_size=0, max_size=6))
            lo, hi = draw(bounds), draw(st.one_of(bounds, st.just(math.inf)))
            if draw(st.booleans()):
                lo = hi = draw(small)
            p.add(Linear(tuple(draw(coefs) for _ in vs), tuple(vs), min(lo, hi), max(lo, hi)))
        else:
            p.add(Mul(*(draw(st.integers(0, n - 1)) for _ in range(3))))
    how: dict[str, Any] = {}
    if p.constraints and draw(st.booleans()):
        how["only"] = draw(st.lists(st.integers(0, len(p.constraints) - 1), max_size=10))
    if draw(st.booleans()):
        how["domains"] = {draw(st.integers(0, n - 1)): (draw(st.sampled_from([Fraction(0), -math.inf, Fraction(5)])),
                                                         draw(st.sampled_from([math.inf, Fraction(3)])))
                          for _ in range(draw(st.integers(1, 2)))}
    if draw(st.integers(0, 4)) == 0:
        how["max_steps"] = draw(st.integers(0, 12))
    return p, how


@st.composite
def tight_problems(draw: st.DrawFn) -> tuple[Problem, dict[str, Any]]:
    """Sums whose stated figures agree to within a hair, or by a hair fail to: where a
    narrowing is decided by the last bits of a bound (sums of 3-7 terms, as kinds make)."""
    p = Problem()
    n = draw(st.integers(3, 7))
    values = [draw(st.builds(Fraction, st.integers(-10**9, 10**9), st.sampled_from([1, 2, 10, 1000, 3, 7])))
              for _ in range(n)]
    halfwidths = st.sampled_from([Fraction(0), Fraction(1, 10**15), Fraction(1, 2), Fraction(5), Fraction(1, 3)])
    vs = []
    for x in values:
        below, above = draw(halfwidths), draw(halfwidths)
        vs.append(p.var(x - below, x + above))
    for _ in range(draw(st.integers(1, 3))):
        idx = draw(st.lists(st.sampled_from(range(n)), min_size=3, max_size=7))
        kinds = [Fraction(1), Fraction(-1), Fraction(3, 2), Fraction(-86400), Fraction(1, 100)]
        coefs = tuple(draw(st.sampled_from(kinds)) for _ in idx)
        total = sum((a * values[i] for a, i in zip(coefs, idx, strict=True)), Fraction(0))
        off = st.sampled_from([Fraction(0), Fraction(1, 10**15), Fraction(-1, 10**15), Fraction(1, 2), Fraction(-7)])
        lo, hi = total + draw(off), total + draw(off)
        if draw(st.integers(0, 3)):  # mostly in order; otherwise the sum cannot hold
            lo, hi = min(lo, hi), max(lo, hi)
        p.add(Linear(coefs, tuple(vs[i] for i in idx), lo, hi))
    how: dict[str, Any] = {}
    if draw(st.booleans()):
        how["domains"] = {vs[draw(st.integers(0, n - 1))]: (Fraction(0), math.inf)}
    return p, how


def _same(x: Any, y: Any) -> bool:
    if type(x) is not type(y):
        return False
    if isinstance(x, float):
        return (math.isnan(x) and math.isnan(y)) or (x == y and math.copysign(1, x) == math.copysign(1, y))
    return bool(x == y)


def _check(problem: Problem, how: dict[str, Any], exact: bool) -> None:
    args = (how.get("only"), how.get("domains"), how.get("max_steps"))
    want = reference._propagate(problem, exact, *args)
    for _ in range(2):  # the second run reuses the prepared constraints
        got = prop._propagate(problem, exact, *args)
        assert got.failed is want.failed
        assert got.empty_var == want.empty_var
        for g, w in ((got.lo, want.lo), (got.hi, want.hi)):
            assert list(g) == list(w)
            bad = {v: (g[v], w[v]) for v in w if not _same(g[v], w[v])}
            assert not bad, bad


@settings(max_examples=400, deadline=None)
@given(problems(), st.booleans())
def test_same_results_as_the_generic_loop(arg: tuple[Problem, dict[str, Any]], exact: bool) -> None:
    _check(*arg, exact)


@settings(max_examples=300, deadline=None)
@given(tight_problems(), st.booleans())
def test_same_results_on_sums_decided_by_a_hair(arg: tuple[Problem, dict[str, Any]], exact: bool) -> None:
    _check(*arg, exact)


@settings(max_examples=150, deadline=None)
@given(problems())
def test_same_results_with_fractions_as_the_exact_backend(arg: tuple[Problem, dict[str, Any]]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(prop, "_MPQ", None)
        _check(*arg, True)


def test_a_problem_grown_after_propagating_is_propagated_whole() -> None:
    # Prepared constraints are kept per set: a constraint added later must still be seen
    # by a propagation of all constraints.
    p = Problem()
    x = p.var(Fraction(0), Fraction(10))
    y = p.var(Fraction(0), Fraction(10))
    p.add(Linear((Fraction(1), Fraction(-1)), (x, y), Fraction(0), Fraction(0)))
    for exact in (False, True):
        assert propagate(p, exact=exact).failed is None
    p.add(Linear((Fraction(1), Fraction(1)), (x, y), Fraction(30), Fraction(40)))
    for exact in (False, True):
        assert propagate(p, exact=exact).failed is p.constraints[1]


def _traced(arg: tuple[Problem, dict[str, Any]]) -> tuple[Problem, list[int], Any, Trace, Any]:
    """A random problem propagated in floats with a trace: the problem, the constraints
    and domains it was propagated with, the trace and the result."""
    problem, how = arg
    only = how.get("only", list(range(len(problem.constraints))))
    domains = how.get("domains")
    trace = Trace()
    return problem, only, domains, trace, propagate(problem, only=only, domains=domains, trace=trace)


@settings(max_examples=300, deadline=None)
@given(problems(), st.data())
def test_a_traced_run_replays_without_the_constraints_that_narrowed_nothing(
        arg: tuple[Problem, dict[str, Any]], data: st.DataObject) -> None:
    problem, only, domains, trace, res = _traced(arg)
    if res.failed is not None:
        failed = next(i for i, c in enumerate(problem.constraints) if c is res.failed)
        assert failed in trace.stored or not trace.replayable
    idle = sorted(set(only) - trace.stored)
    drop = set(data.draw(st.lists(st.sampled_from(idle), unique=True))) if idle else set()
    fewer = [ci for ci in only if ci not in drop]
    if not trace.replayable or trace.steps > 200 * max(1, len(fewer)) + 1000:
        return
    again = propagate(problem, only=fewer, domains=domains)
    assert again.failed is res.failed
    assert again.empty_var == res.empty_var
    if res.failed is None:  # the same fixpoint, on the variables still constrained
        for v in again.lo:
            assert _same(again.lo[v], res.lo[v]) and _same(again.hi[v], res.hi[v])


@settings(max_examples=1000, deadline=None)
@given(problems(), st.data())
def test_a_traced_run_replays_without_constraints_that_wrote_only_variables_left_out(
        arg: tuple[Problem, dict[str, Any]], data: st.DataObject) -> None:
    problem, only, domains, trace, res = _traced(arg)
    if not trace.replayable:
        return

    def vars_of(ci: int) -> set[int]:
        c = problem.constraints[ci]
        return set(c.vars) if isinstance(c, Linear) else {c.z, c.x, c.y}
    # Drop some constraints, then every constraint with a variable they wrote, and so on.
    # (Mostly constraints that wrote something: those that did not are the law above.)
    pool = sorted(set(trace.wrote) - {trace.last}) or sorted(set(only))
    if not pool:
        return
    drop = set(data.draw(st.lists(st.sampled_from(pool), unique=True, min_size=1)))
    while True:
        written = set().union(*(trace.wrote.get(ci, set()) for ci in drop))
        more = {ci for ci in only if ci not in drop and vars_of(ci) & written}
        if not more:
            break
        drop |= more
    fewer = [ci for ci in only if ci not in drop]
    if (res.failed is not None and trace.last in drop) or trace.steps > 200 * max(1, len(fewer)) + 1000:
        return
    again = propagate(problem, only=fewer, domains=domains)
    assert again.failed is res.failed
    assert again.empty_var == res.empty_var
    if res.failed is None:  # the same fixpoint, on the variables still constrained
        for v in set().union(*map(vars_of, fewer)):
            assert _same(again.lo[v], res.lo[v]) and _same(again.hi[v], res.hi[v])


def test_every_propagation_of_an_evaluation_gives_the_generic_loops_results() -> None:
    # The replay benchmark, at a small size: a synthetic graph with planted conflicts is
    # evaluated, and each of its propagations (checks, deletions, explanations, chains)
    # is run again by both loops and compared.
    bench = ROOT / "benchmarks" / "propagate_replay.py"
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.run([sys.executable, str(bench), "--claims", "3000", "--repeat", "1", "--check"],
                          capture_output=True, text=True, timeout=600, env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "the same results from both loops" in proc.stdout
