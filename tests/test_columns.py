"""Kinds that compile many rules at once give the screen exactly what compiling one by one does.

On a large problem, a kind with ``compile_columns`` compiles all its rules in a few numpy
operations (:mod:`factcheck.colbuild`).  For random rules of every such kind — varied
multipliers, remainders, repetitions, directions, rates per the same time unit or over
periods known and unknown, units that do not match, unstated figures — the constraints,
the bounds of the variables they introduce, the invalid rules and the undetermined ones
must equal those of :meth:`~factcheck.kinds.RuleKind.compile` through the float screener,
rule by rule.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import factcheck.evaluate as evaluate_mod
from factcheck.builders import Screener
from factcheck.colbuild import compile_kind
from factcheck.files import load_text
from factcheck.kinds import REGISTRY, load_all
from factcheck.semantics import DEFAULT_POLICY

load_all()
COLUMN_KINDS = sorted(name for name, kind in REGISTRY.items() if kind.columns)

# A pool of claims: counts, money, daily and hourly rates, shares, periods known or not.
CLAIMS: list[dict[str, Any]] = [
    {"id": "n1", "value": 41549, "unit": "call"},
    {"id": "n2", "value": 26908, "unit": "call", "hedge": "about"},
    {"id": "n3", "value": 17000, "unit": "call", "hedge": "more_than"},
    {"id": "n4", "value": 400000, "unit": "call", "period": {"duration": "6 month"}},
    {"id": "n5", "value": 3000, "unit": "call", "period": {"start": "2024-01-01", "end": "2024-06-30"}},
    {"id": "n6", "value": None, "unit": "call"},
    {"id": "d1", "value": 822, "unit": "call / day"},
    {"id": "d2", "value": 126, "unit": "call / hour", "hedge": "nearly"},
    {"id": "p1", "value": 12.5, "unit": "percent"},
    {"id": "p2", "value": 2, "unit": "dimensionless"},
    {"id": "m1", "value": 3.9, "unit": "dollar", "scale": 9},
    {"id": "m2", "value": 1.6, "unit": "dollar", "scale": 9, "hedge": "about"},
]
IDS = [c["id"] for c in CLAIMS]
TIMES = st.sampled_from([1, 1, 1, 2, 12, 0.5])
claim_id = st.sampled_from(IDS)


@st.composite
def rules(draw: st.DrawFn) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(COLUMN_KINDS))
        r: dict[str, Any] = {"id": f"r{i}", "kind": kind}
        if kind == "sum":
            r.update(whole=draw(claim_id), remainder=draw(st.booleans()),
                     parts=[{"claim": draw(claim_id), "times": draw(TIMES)}
                            for _ in range(draw(st.integers(1, 4)))])
        elif kind == "rate":
            # Mostly totals and rates whose units fit, so that periods matter.
            totals = st.sampled_from(["n1", "n4", "n5", "n6", "d1"]) | claim_id
            rates = st.sampled_from(["d1", "d2"]) | claim_id
            r.update(total=draw(totals), rate=[{"claim": draw(rates), "times": draw(TIMES)}
                                               for _ in range(draw(st.integers(1, 3)))])
            r["duration"] = draw(st.sampled_from([None, None, "6 month", "2 week", "n5"]))
        elif kind == "part_of":
            r.update(part=draw(claim_id), whole=draw(claim_id))
        elif kind == "repeat":
            r.update(claims=draw(st.lists(claim_id, min_size=2, max_size=4)))
        elif kind == "percent_of":
            r.update(share=draw(claim_id), part=draw(claim_id), whole=draw(claim_id))
        elif kind == "percent_change":
            r.update(old=draw(claim_id), new=draw(claim_id),
                     direction=draw(st.sampled_from(["increase", "decrease"])))
            r[draw(st.sampled_from(["change", "factor"]))] = draw(claim_id)
        else:  # a kind added later: its test must be added here
            raise AssertionError(f"no rule strategy for {kind}")
        out.append(r)
    return out


def _one_by_one(sc: Screener) -> tuple[dict[int, str], set[int]]:
    problems: dict[int, str] = {}
    undetermined: set[int] = set()
    for no, rule in enumerate(sc.cs.rules.values()):
        kind = REGISTRY[rule.kind]
        problem = kind.check_units(rule, sc)
        if problem is not None:
            problems[no] = problem
            continue
        sc.set_rule(no)
        kind.compile(rule, sc)
        if kind.undetermined(rule, sc):
            undetermined.add(no)
    return problems, undetermined


def _together(sc: Screener) -> tuple[dict[int, str], set[int]]:
    problems: dict[int, str] = {}
    undetermined: set[int] = set()
    by_kind: dict[str, list[int]] = {}
    rules = list(sc.cs.rules.values())
    for no, rule in enumerate(rules):
        by_kind.setdefault(rule.kind, []).append(no)
    for name, nos in by_kind.items():
        done = compile_kind(sc, REGISTRY[name], [rules[no] for no in nos], nos)
        assert done.one_by_one == []
        problems.update({nos[row]: p for row, p in done.problems.items()})
        undetermined.update(nos[row] for row in np.flatnonzero(done.undetermined).tolist()
                            if row not in done.problems)
    return problems, undetermined


def _canonical(sc: Screener) -> dict[int, Any]:
    """Each rule's constraints, with the variables it introduced named by first use and
    given by their bounds (numbering differs between the two ways of compiling)."""
    a = sc.flat.arrays()
    lo, hi = sc.bounds()
    n_claims = len(sc.cs.claims)
    out: dict[int, Any] = {}
    names: dict[int, dict[int, int]] = {}

    def name(rule: int, v: int) -> Any:
        if v < n_claims:
            return ("claim", v)
        local = names.setdefault(rule, {})
        return ("new", local.setdefault(v, len(local)), lo[v], hi[v])

    t_start = np.concatenate([[0], np.cumsum(a["c_terms"])]).astype(int)
    for c, rule in enumerate(a["c_rule"].tolist()):
        terms = tuple((a["t_alo"][t], a["t_ahi"][t], name(rule, int(a["t_var"][t])))
                      for t in range(t_start[c], t_start[c + 1]))
        out.setdefault(rule, []).append(("linear", terms, a["c_lo"][c], a["c_hi"][c]))
    for m, rule in enumerate(a["m_rule"].tolist()):
        out.setdefault(rule, []).append(("mul", *(name(rule, int(a[k][m])) for k in ("m_z", "m_x", "m_y"))))
    return out


@settings(max_examples=150, deadline=None)
@given(rules())
def test_columns_compile_as_one_by_one(rs: list[dict[str, Any]]) -> None:
    cs = load_text(json.dumps({"claims": CLAIMS, "rules": rs}), "rules.json")
    single, together = Screener(cs, DEFAULT_POLICY), Screener(cs, DEFAULT_POLICY)
    assert _one_by_one(single) == _together(together)
    assert _canonical(single) == _canonical(together)


def test_every_column_kind_is_tested() -> None:
    """The strategy above raises for a kind it does not know; this names the known ones."""
    assert set(COLUMN_KINDS) <= {"sum", "rate", "part_of", "repeat", "percent_of", "percent_change"}
    assert all(REGISTRY[k].units_by_dims for k in COLUMN_KINDS)


def _findings(cs: Any, flat_min: int, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    monkeypatch.setattr(evaluate_mod, "FLAT_MIN", flat_min)
    return [f.field_values() for f in evaluate_mod.evaluate(cs).findings]


def _chain_of_parts(extra: list[dict[str, Any]]) -> Any:
    claims = [{"id": f"c{i}", "value": 100 - i // 2} for i in range(60)]
    rules = [{"id": f"r{i}", "kind": "part_of", "part": f"c{i + 1}", "whole": f"c{i}"} for i in range(59)]
    rules += [{"id": f"s{i}", "kind": "sum", "whole": f"c{i}", "parts": [f"c{i + 1}"], "remainder": True}
              for i in range(0, 58, 2)]
    return load_text(json.dumps({"claims": claims, "rules": rules + extra}), "rules.json")


def test_a_rule_naming_an_unknown_claim_is_invalid_as_without_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    # The batch cannot read the rule's claims: its kind's rules are compiled one by one.
    cs = _chain_of_parts([{"id": "bad", "kind": "sum", "whole": "c0", "parts": ["nowhere"]},
                          {"id": "over", "kind": "sum", "whole": "c0", "parts": ["c1", "c2"]}])
    screened = _findings(cs, 1, monkeypatch)
    assert screened == _findings(cs, 10**9, monkeypatch)
    status = {f["rule"]: f["status"].value for f in screened if f["rule"]}
    assert status["bad"] == "invalid" and status["over"] == "inconsistent"


def test_a_failing_column_compile_falls_back_to_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    cs = _chain_of_parts([{"id": "over", "kind": "sum", "whole": "c0", "parts": ["c1", "c2"]}])
    sequential = _findings(cs, 10**9, monkeypatch)

    def broken(self: Any, rules: list[Any], b: Any) -> None:
        b.linear(b.rows, [(1.0, 1.0, b.at(0))], 0.0, 0.0)  # staged, then never committed
        raise ValueError("not today")

    monkeypatch.setattr(type(REGISTRY["sum"]), "compile_columns", broken)
    assert _findings(cs, 1, monkeypatch) == sequential


def test_the_recorded_references_are_each_rules_claim_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    # Batches and rules compiled one by one record which claims each rule names; the screen
    # groups rules into components by these numbers instead of the ids' strings.
    cs = _chain_of_parts([{"id": "pp", "kind": "percentage_points", "old": "c3", "new": "c4", "change": "c5"},
                          {"id": "bad", "kind": "sum", "whole": "c0", "parts": ["nowhere"]}])
    seen: dict[str, Any] = {}
    real = evaluate_mod._screen

    def spy(screener: Screener, valid: list[str]) -> Any:
        seen["arrays"], seen["valid"] = screener.flat.arrays(), valid
        return real(screener, valid)

    monkeypatch.setattr(evaluate_mod, "_screen", spy)
    monkeypatch.setattr(evaluate_mod, "FLAT_MIN", 1)
    evaluate_mod.evaluate(cs)
    a, rule_ids, index = seen["arrays"], list(cs.rules), {c: k for k, c in enumerate(cs.claims)}
    recorded = sorted(zip(a["i_rule"].tolist(), a["i_claim"].tolist(), strict=True))
    valid = set(seen["valid"])
    assert "pp" in valid and "bad" not in valid and len(valid) == len(rule_ids) - 1
    expected = sorted((no, index[cid]) for no, rid in enumerate(rule_ids) if rid in valid
                      for cid in REGISTRY[cs.rules[rid].kind].claim_ids(cs.rules[rid]))
    assert [p for p in recorded if rule_ids[p[0]] in valid] == expected


@settings(max_examples=100, deadline=None)
@given(rules())
def test_read_columns_reads_each_rules_claim_ids(rs: list[dict[str, Any]]) -> None:
    # Kinds read the claim ids of many rules in one pass; they must be claim_ids, rule by
    # rule, with one shape per rule when the kind reads shapes.
    cs = load_text(json.dumps({"claims": CLAIMS, "rules": rs}), "rules.json")
    by_kind: dict[str, list[Any]] = {}
    for rule in cs.rules.values():
        by_kind.setdefault(rule.kind, []).append(rule)
    for name, group in by_kind.items():
        kind = REGISTRY[name]
        ids, shapes = kind.read_columns(group)
        assert ids == [tuple(kind.claim_ids(r)) for r in group]
        assert shapes is None or len(shapes) == len(group)
        no_ids, no_shapes = kind.read_columns([])
        assert no_ids == [] and no_shapes in (None, [])


def test_the_default_read_columns_asks_claim_ids() -> None:
    cs = _chain_of_parts([{"id": "pp", "kind": "percentage_points", "old": "c3", "new": "c4", "change": "c5"}])
    rule = cs.rules["pp"]
    assert REGISTRY["percentage_points"].read_columns([rule]) == ([("c3", "c4", "c5")], None)


@settings(max_examples=50, deadline=None)
@given(rules())
def test_the_evaluator_reads_each_rules_kind(rs: list[dict[str, Any]]) -> None:
    # On a large problem a rule's kind is read from its model class, not its field.
    cs = load_text(json.dumps({"claims": CLAIMS, "rules": rs}), "rules.json")
    flat_min = evaluate_mod.FLAT_MIN
    evaluate_mod.FLAT_MIN = 1  # a large problem, as far as the evaluator knows
    try:
        run = evaluate_mod._Run(cs, DEFAULT_POLICY)
    finally:
        evaluate_mod.FLAT_MIN = flat_min
    assert run.screener is not None
    assert run.kinds == [r.kind for r in cs.rules.values()]


# Claims with periods of every form, in languages with different calendars.
PERIOD_CLAIMS: list[dict[str, Any]] = [
    {"id": "q1", "value": 400, "unit": "call", "period": {"duration": "6 month"}},
    {"id": "q2", "value": 400, "unit": "call", "period": {"duration": "1 year"}, "lang": "fa"},
    {"id": "q3", "value": 400, "unit": "call", "period": {"duration": "2 month", "calendar": "gregorian"},
     "source": {"document": "fa_doc"}},
    {"id": "q4", "value": 400, "unit": "call", "period": {"duration": "3 month"}, "source": {"document": "fa_doc"}},
    {"id": "q5", "value": 400, "unit": "call", "period": {"start": "2024-01-01", "end": "2024-03-31"}},
    {"id": "q6", "value": 400, "unit": "call"},
    {"id": "q7", "value": 14, "unit": "day", "hedge": "about"},
    {"id": "q8", "value": 400, "unit": "call", "period": {"duration": "3 month"}, "source": {"document": "en_doc"}},
    {"id": "q9", "value": 400, "unit": "call", "period": {"duration": "5 month"}, "lang": "en"},
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([c["id"] for c in PERIOD_CLAIMS]),
                          st.sampled_from([None, None, "6 month", "2 week", "q7", "q6"])), max_size=12),
       st.integers(0, 2))
@example([(c["id"], None) for c in PERIOD_CLAIMS], 0)
@example([(c["id"], None) for c in PERIOD_CLAIMS], 1)
@example([(c["id"], None) for c in PERIOD_CLAIMS], 2)
def test_periods_seconds_is_period_seconds_claim_by_claim(pairs: list[tuple[str, str | None]], n_docs: int) -> None:
    # Rates compiled column-wise read their periods in bulk; each must be what a rule
    # compiled alone reads (same calendar from the claim, its document or the only one).
    docs = [{"id": "fa_doc", "lang": "fa"}, {"id": "en_doc", "lang": "en"}][:n_docs]
    cs = load_text(json.dumps({"documents": docs, "claims": PERIOD_CLAIMS}), "periods.json")
    cids, overrides = [c for c, _ in pairs], [o for _, o in pairs]
    alone = Screener(cs, DEFAULT_POLICY)
    assert Screener(cs, DEFAULT_POLICY).periods_seconds(cids, overrides) == [
        alone.period_seconds(c, o) for c, o in pairs]


def test_long_rules_find_their_unit_combinations_row_wise() -> None:
    # A combination of dimensions too long to be one number (dimensions ** length beyond
    # int64) is compared row by row: the same invalid and undetermined rules as alone.
    long = [{"id": f"r{i}", "kind": "repeat", "claims": [IDS[(i + j) % 4] for j in range(40)]} for i in range(3)]
    long.append({"id": "mixed", "kind": "repeat", "claims": IDS * 3})
    cs = load_text(json.dumps({"claims": CLAIMS, "rules": long}), "rules.json")
    single, together = Screener(cs, DEFAULT_POLICY), Screener(cs, DEFAULT_POLICY)
    assert len(together.cols.dims_table) ** 40 >= 2 ** 62
    alone = _one_by_one(single)
    assert alone == _together(together)
    assert 3 in alone[0]  # the mixed rule's units cannot match
    assert _canonical(single) == _canonical(together)
