"""The benchmark's reference propagations (``python``, ``numpy``: benchmarks/baselines.py)
find planted conflicts and clear consistent figures, with factcheck's verdicts."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType
from typing import Any

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.evaluate import evaluate
from factcheck.files import ClaimSet, load_text

ENGINES = ("python", "numpy")


def _module(name: str) -> ModuleType:
    if name not in sys.modules:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        mod = importlib.util.module_from_spec(spec)
        sys.modules[name] = mod  # dataclasses look their module up there
        spec.loader.exec_module(mod)
    return sys.modules[name]


B = _module("baselines")


def _cs(claims: list[dict[str, Any]], rules: list[dict[str, Any]]) -> ClaimSet:
    return load_text(json.dumps({"claims": claims, "rules": rules}), "graph.json")


def _c(cid: str, value: float | str, unit: str = "person", **kw: Any) -> dict[str, Any]:
    return {"id": cid, "value": value, "unit": unit, "precision": 1, **kw}


def _sum(rid: str, whole: str, *parts: str) -> dict[str, Any]:
    return {"id": rid, "kind": "sum", "whole": whole, "parts": list(parts)}


def _article(p: str, total: int, headline: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """10 + 20 = ``total``, restated as "about ``headline``" (a chain: sum, then repeat)."""
    claims = [_c(f"{p}a", 10), _c(f"{p}b", 20), _c(f"{p}t", total, hedge="about"),
              _c(f"{p}h", headline, hedge="about")]
    return claims, [_sum(f"{p}s", f"{p}t", f"{p}a", f"{p}b"),
                    {"id": f"{p}r", "kind": "repeat", "claims": [f"{p}t", f"{p}h"]}]


def _graph(*articles: tuple[list[dict[str, Any]], list[dict[str, Any]]]) -> ClaimSet:
    return _cs([c for a in articles for c in a[0]], [r for a in articles for r in a[1]])


CASES: dict[str, tuple[ClaimSet, set[str], set[str]]] = {
    # parts 10 + 20 exceed a total of 25: the sum fails alone
    "sum-exceeds-total": (_cs([_c("a", 10), _c("b", 20), _c("t", 25)], [_sum("s", "t", "a", "b")]), {"s"}, {"s"}),
    # each rule holds alone (29-31 meets about 30, about 30 meets about 36), not both
    "chain-through-two-rules": (_graph(_article("", 30, 36)), set(), {"s"}),
    "consistent": (_graph(_article("", 30, 30)), set(), set()),
    # three articles at once: one consistent, one failing alone, one a chain
    "one-of-each": (_graph(_article("x.", 30, 30), _article("y.", 25, 25), _article("z.", 30, 36)),
                    {"y.s"}, {"y.s", "z.s"}),
    # 30 is 75% of 40, not 50%: a rule of two rows with fractional coefficients
    "share": (_cs([{"id": "s", "value": 50, "unit": "percent"}, _c("p", 30), _c("w", 40)],
                  [{"id": "q", "kind": "percent_of", "share": "s", "part": "p", "whole": "w"}]), {"q"}, {"q"}),
    # "more than 5" is unbounded above; the sum bounds it to 7.5 - 12.5, the part_of to 6.5
    "unbounded-chain": (_cs([_c("a", 10), _c("x", 5, hedge="more_than"), _c("t", 20, hedge="about"), _c("w", 6)],
                            [_sum("s", "t", "a", "x"), {"id": "p", "kind": "part_of", "part": "x", "whole": "w"}]),
                        set(), {"s"}),
    "unbounded-consistent": (_cs([_c("a", 10), _c("x", 5, hedge="more_than"), _c("t", 20, hedge="about"),
                                  _c("w", 12)],
                                 [_sum("s", "t", "a", "x"), {"id": "p", "kind": "part_of", "part": "x", "whole": "w"}]),
                             set(), set()),
    # about 50 (45-55) meets 46 and 54, which do not meet: no row of the repeat fails alone
    "repeat-of-three": (_cs([_c("c1", 50, hedge="about"), _c("c2", 46), _c("c3", 54)],
                            [{"id": "r", "kind": "repeat", "claims": ["c1", "c2", "c3"]}]), {"r"}, {"r"}),
}


def _factcheck(cs: ClaimSet) -> Any:
    run = _module("run")
    return run.factcheck_verdicts(cs, evaluate(cs))


# z3 and HiGHS (the `bench` extra, installed with `test`) answer the same cases: HiGHS once
# rejected every model with an unbounded figure ("more than 5") and crashed.
@pytest.mark.parametrize("engine", [*ENGINES, "z3", "highs"])
@pytest.mark.parametrize("case", CASES)
def test_engine_finds_planted_conflicts_and_clears_consistent_figures(engine: str, case: str) -> None:
    cs, local, bad = CASES[case]
    expected = B.Verdicts(frozenset(local), frozenset(bad))
    assert _factcheck(cs) == expected
    assert B.ENGINES[engine](cs) == expected


def test_a_repeat_of_three_is_not_decided_by_its_rows() -> None:
    # ... so both engines propagate it alone (the numpy engine on private variables)
    cs = CASES["repeat-of-three"][0]
    assert B.float_rows(cs).decided == [False]
    assert B.build_numpy(cs).private is not None
    assert B.float_rows(CASES["share"][0]).decided == [True]


@pytest.mark.parametrize("engine", ENGINES)
def test_figures_meeting_exactly_at_a_boundary_are_not_flagged(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # 0.1 + 0.2 - 0.3 is 5.6e-17 in floats, not 0: only the outward widening clears it
    rows = B.FloatRows(rules=["s"], rule_comp=[0], comp_key=["s"], rule_start=[0, 1], decided=[True],
                       var_lo=[0.1, 0.2, 0.3], var_hi=[0.1, 0.2, 0.3],
                       row_terms=[[(1.0, 0), (1.0, 1), (-1.0, 2)]], row_lo=[0.0], row_hi=[0.0])
    build, propagate = {"python": (B._py_problem, B.propagate_python),
                        "numpy": (B._np_problem, B.propagate_numpy)}[engine]
    assert propagate(build(rows)) == B.Verdicts(frozenset(), frozenset())
    monkeypatch.setattr(B, "TOL", 0.0)
    assert propagate(build(rows)) == B.Verdicts(frozenset({"s"}), frozenset({"s"}))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10**6), claims=st.sampled_from([50, 150, 400]), rate=st.sampled_from([0.05, 0.3]))
def test_engines_agree_with_factcheck_on_synthetic_graphs(seed: int, claims: int, rate: float) -> None:
    g = _module("synth").generate(claims, seed=seed, rate=rate)
    cs = load_text(json.dumps(g.data), "graph.json")
    truth = _factcheck(cs)
    assert truth.components  # something is planted
    for engine in ENGINES:
        assert B.ENGINES[engine](cs) == truth, engine


HEDGES = ("exact", "about", "more_than", "less_than", "at_least", "at_most", "nearly")


@st.composite
def tree_graphs(draw: st.DrawFn) -> ClaimSet:
    """Sums, part_of and repeats, each joined to the graph by one figure only (no loops,
    where interval propagation decides exactly what holds), figures of every hedge."""
    claims = [_c("c0", draw(st.integers(1, 200)), hedge=draw(st.sampled_from(HEDGES)))]
    rules: list[dict[str, Any]] = []
    for r in range(draw(st.integers(1, 6))):
        joint = draw(st.sampled_from([c["id"] for c in claims]))
        kind = draw(st.sampled_from(["sum", "part_of", "repeat"]))
        fresh = []
        for _ in range(draw(st.integers(2, 3)) if kind == "sum" else 1):
            fresh.append(f"c{len(claims)}")
            claims.append(_c(fresh[-1], draw(st.integers(1, 200)), hedge=draw(st.sampled_from(HEDGES))))
        if kind == "sum":
            # the figure joining the graph is the whole or one of the parts
            ids = [joint, *fresh]
            k = draw(st.integers(0, len(ids) - 1))
            rules.append(_sum(f"r{r}", ids[k], *(ids[:k] + ids[k + 1:])))
        elif kind == "part_of":
            pair = draw(st.permutations([joint, fresh[0]]))
            rules.append({"id": f"r{r}", "kind": "part_of", "part": pair[0], "whole": pair[1]})
        else:
            rules.append({"id": f"r{r}", "kind": "repeat", "claims": [joint, fresh[0]]})
    return _cs(claims, rules)


@settings(max_examples=60, deadline=None)
@given(cs=tree_graphs())
def test_engines_agree_with_factcheck_on_graphs_without_loops(cs: ClaimSet) -> None:
    # unbounded figures (more than, at least) take the numpy engine's general sweep
    truth = _factcheck(cs)
    for engine in ENGINES:
        assert B.ENGINES[engine](cs) == truth, engine
