"""The vectorised screen changes which rules are checked one by one, never a verdict."""

from __future__ import annotations

import json
import sys
from fractions import Fraction

import numpy as np
import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.evaluate as evaluate_mod
from factcheck.files import _check_references, load_text
from factcheck.flat import FlatProblem, sweep
from factcheck.strategies import GeneratedDocument, consistent_documents, inconsistent_documents

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate


def _findings(text: str, flat_min: int, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    monkeypatch.setattr(evaluate_mod, "FLAT_MIN", flat_min)
    cs = load_text(text, "graph.json")
    _check_references(cs)
    ev = evaluate_mod.evaluate(cs)
    return [f.field_values() for f in ev.findings]


@pytest.mark.parametrize(("claims", "seed", "rate"), [(400, 1, 0.3), (700, 2, 1.0), (1500, 3, 0.02)])
def test_screened_verdicts_equal_sequential(claims: int, seed: int, rate: float,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    g = generate(claims, seed=seed, rate=rate)
    text = json.dumps(g.data)
    sequential = _findings(text, 10**9, monkeypatch)
    screened = _findings(text, 1, monkeypatch)
    assert screened == sequential
    bad = {f["rules"][0].split(".")[0] for f in screened if f["status"] == "inconsistent"}
    assert bad == {p.rstrip(".") for p in g.planted}


@settings(max_examples=60, deadline=None)
@given(st.one_of(consistent_documents(max_size=5), inconsistent_documents(max_size=4)))
def test_screened_verdicts_equal_sequential_on_every_kind(doc: GeneratedDocument) -> None:
    # Every kind, hedge, unit, calendar and digit script the strategies write: the screen
    # (claims read as columns, rules compiled in floats) must change no finding.
    cs = doc.claimset()
    saved = evaluate_mod.FLAT_MIN
    try:
        evaluate_mod.FLAT_MIN = 10**9
        sequential = [f.field_values() for f in evaluate_mod.evaluate(cs).findings]
        evaluate_mod.FLAT_MIN = 1
        screened = [f.field_values() for f in evaluate_mod.evaluate(cs).findings]
    finally:
        evaluate_mod.FLAT_MIN = saved
    assert screened == sequential


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(1, 40),
                          st.integers(0, 3)), min_size=1, max_size=12),
       st.lists(st.integers(-50, 50), min_size=6, max_size=6))
def test_sweep_never_removes_a_solution(rows: list[tuple[int, int, int, int]], point: list[int]) -> None:
    # Constraints a*x_i - x_j in [value - slack, value + slack], built around a known point:
    # the point must stay inside every domain, and no domain may become empty.
    t_con, t_var, coef, c_lo, c_hi = [], [], [], [], []
    for ci, (i, j, a, slack) in enumerate(rows):
        value = a * point[i] - point[j]
        t_con += [ci, ci]
        t_var += [i, j]
        coef += [float(Fraction(a, 7)), -1.0]
        exact = Fraction(a, 7) * point[i] - point[j]
        c_lo.append(float(exact) - slack - 1e-9 * abs(value) - 1e-9)
        c_hi.append(float(exact) + slack + 1e-9 * abs(value) + 1e-9)
    lo = np.array([p - 100.0 for p in point])
    hi = np.array([p + 100.0 for p in point])
    z = np.zeros(0, dtype=np.int64)
    alo = np.nextafter(np.array(coef), -np.inf)
    ahi = np.nextafter(np.array(coef), np.inf)
    prob = FlatProblem(lo, hi, np.array(t_con), np.array(t_var), alo, ahi, np.array(c_lo),
                       np.array(c_hi), z, z, z)
    res = sweep(prob)
    assert not res.bad_con.any()
    assert (res.lo <= np.array(point)).all() and (np.array(point) <= res.hi).all()


def test_sweep_finds_a_chain_conflict() -> None:
    # x0 = x1, x1 = x2, x2 = x0 + 5 with every x in [0, 10]: empty after a few sweeps.
    t_con = np.array([0, 0, 1, 1, 2, 2])
    t_var = np.array([0, 1, 1, 2, 2, 0])
    a = np.array([1.0, -1.0, 1.0, -1.0, 1.0, -1.0])
    z = np.zeros(0, dtype=np.int64)
    prob = FlatProblem(np.zeros(3), np.full(3, 10.0), t_con, t_var, a, a,
                       np.array([0.0, 0.0, 5.0]), np.array([0.0, 0.0, 5.0]), z, z, z)
    res = sweep(prob)
    assert res.bad_var.any()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.integers(0, 12), min_size=1, max_size=4), min_size=0, max_size=14))
def test_connected_groups_rules_as_the_networkx_graph_does(refs: list[list[int]]) -> None:
    from factcheck.files import ClaimSet
    from factcheck.graph import components
    from factcheck.kinds.repeat import RepeatRule
    from factcheck.model import Claim
    from factcheck.screen import connected

    cs = ClaimSet()
    for i in range(13):
        cs.claims[f"c{i}"] = Claim(id=f"c{i}", value=1)
    for j, ids in enumerate(refs):
        claims = [f"c{i}" for i in ids] + [f"c{ids[0]}"]
        cs.rules[f"r{j}"] = RepeatRule(id=f"r{j}", kind="repeat", claims=claims)
    rules = list(cs.rules)
    assert connected(rules, lambda r: cs.rules[r].claims) == components(cs, rules)  # type: ignore[attr-defined]
