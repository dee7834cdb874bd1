"""Findings made when read: the lazy sequence reads as the eager list, in any order, and
what looks only at problems (suppressions, severities, baselines) makes none of the rest."""

from __future__ import annotations

import json
import pickle
import sys
from collections import Counter
from dataclasses import replace

import pytest
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck.evaluate as evaluate_mod
from factcheck import baseline
from factcheck.config import Config, apply_codes
from factcheck.files import load_text
from factcheck.findinglist import Findings
from factcheck.findings import Finding, Severity, Status
from factcheck.kinds import REGISTRY
from factcheck.report import Report
from factcheck.suppress import apply as apply_suppressions

sys.path.insert(0, str(ROOT / "benchmarks"))
from synth import generate

STATUSES = list(Status)


def _made(i: int) -> Finding:
    return Finding(id=f"f{i + 1}", status=Status.consistent, severity=Severity.none, kind="sum",
                   rule=f"r{i}", rules=(f"r{i}",), claims=(f"c{i}",))


def _given(i: int, status: Status) -> Finding:
    return replace(_made(i), status=status, code=None if status is Status.consistent else "FC101")


@st.composite
def sequences(draw: st.DrawFn) -> tuple[list[Finding | None], list[Finding]]:
    """Slots (None: made when read) and the list an eager evaluator would have given."""
    statuses = draw(st.lists(st.none() | st.sampled_from(STATUSES), max_size=12))
    slots = [None if s is None else _given(i, s) for i, s in enumerate(statuses)]
    return slots, [f if f is not None else _made(i) for i, f in enumerate(slots)]


# Reads: an index (negative too), a slice, a pass of iteration, a reversed pass.
reads = st.lists(st.tuples(st.sampled_from(["index", "slice", "iter", "reversed"]),
                           st.integers(-14, 14), st.integers(-14, 14)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(seq=sequences(), order=reads)
def test_reading_in_any_order_gives_the_eager_list(seq: tuple[list[Finding | None], list[Finding]],
                                                    order: list[tuple[str, int, int]]) -> None:
    slots, eager = seq
    lazy = Findings(slots, _made)
    for how, a, b in order:
        if how == "index":
            if -len(eager) <= a < len(eager):
                assert lazy[a] == eager[a]
            else:
                with pytest.raises(IndexError):
                    lazy[a]
        elif how == "slice":
            assert lazy[a:b] == eager[a:b]
        elif how == "iter":
            assert list(lazy) == eager
        else:
            assert list(reversed(lazy)) == eager[::-1]
    assert len(lazy) == len(eager) and lazy == eager and eager == lazy
    # Once made, a finding is kept: reading it again gives the same object.
    assert all(lazy[i] is lazy[i] for i in range(len(eager)))


@settings(max_examples=200, deadline=None)
@given(seq=sequences())
def test_problems_are_the_eager_filter_and_make_nothing(seq: tuple[list[Finding | None], list[Finding]]) -> None:
    slots, eager = seq
    lazy = Findings(slots, _made)
    want = [(i, f) for i, f in enumerate(eager) if f.status is not Status.consistent]
    assert lazy.problems() == want
    assert lazy.made_items() == [(i, f) for i, f in enumerate(slots) if f is not None]


@settings(max_examples=200, deadline=None)
@given(seq=sequences(), data=st.data())
def test_replaced_is_the_eager_list_changed(seq: tuple[list[Finding | None], list[Finding]],
                                            data: st.DataObject) -> None:
    slots, eager = seq
    lazy = Findings(slots, _made)
    changes = data.draw(st.dictionaries(st.integers(0, len(eager) - 1), st.sampled_from(STATUSES),
                                        max_size=4)) if eager else {}
    added = data.draw(st.lists(st.sampled_from(STATUSES), max_size=3))
    change_to = {i: _given(i, s) for i, s in changes.items()}
    extra = [_given(len(eager) + k, s) for k, s in enumerate(added)]
    new = lazy.replaced(change_to, extra)
    # Unchanged slots stay unmade, and the original is untouched.
    assert len(new.made_items()) == len(lazy.made_items()) + len(extra) + len(
        [i for i in change_to if slots[i] is None])
    want = [change_to.get(i, f) for i, f in enumerate(eager)] + extra
    assert new == want and lazy == eager


@settings(max_examples=100, deadline=None)
@given(seq=sequences())
def test_pickling_carries_the_findings(seq: tuple[list[Finding | None], list[Finding]]) -> None:
    slots, eager = seq
    back = pickle.loads(pickle.dumps(Findings(slots, _made)))
    assert back.made_items() == list(enumerate(eager)) and back == eager


def test_a_different_list_is_not_equal() -> None:
    lazy = Findings([None, None], _made)
    assert lazy != [_made(0)] and lazy != [_made(0), _made(0)] and lazy != "f1"
    assert lazy + [_made(5)] == [_made(0), _made(1), _made(5)]  # noqa: RUF005  # Findings + list
    assert [_made(5)] + lazy == [_made(5), _made(0), _made(1)]  # noqa: RUF005  # list + Findings


# -- the evaluator ---------------------------------------------------------------------
def _graph(claims: int, rate: float, seed: int = 5) -> str:
    return json.dumps(generate(claims, seed=seed, rate=rate).data)


@pytest.mark.parametrize("flat_min", [1, 10**9])  # screened and sequential
def test_an_evaluation_makes_only_the_findings_that_are_not_consistent(
        flat_min: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluate_mod, "FLAT_MIN", flat_min)
    cs = load_text(_graph(1500, 0.1), "graph.json")
    findings = evaluate_mod.evaluate(cs).findings
    made = findings.made_items()
    assert made and all(f.status is not Status.consistent for _, f in made)
    assert len(made) < len(cs.rules) // 2  # most rules of the graph hold
    # Read, each consistent finding is its rule's: its id, claims, confidence, evidence.
    rules = list(cs.rules.items())
    for i, f in enumerate(findings):
        if f.status is Status.consistent:
            rid, rule = rules[i]
            assert (f.id, f.rule, f.rules, f.kind, f.severity, f.code) == (
                f"f{i + 1}", rid, (rid,), rule.kind, Severity.none, None)
            assert f.claims == tuple(REGISTRY[rule.kind].claim_ids(rule))
            assert (f.confidence, f.evidence) == (rule.confidence, rule.evidence)


def test_evaluation_keeps_any_sequence_given_as_findings() -> None:
    cs = load_text(_graph(200, 0.5), "graph.json")
    ev = evaluate_mod.evaluate(cs)
    eager = list(ev.findings)
    ev.findings = eager  # type: ignore[assignment]
    assert isinstance(ev.findings, Findings) and ev.findings == eager
    again = replace(ev, findings=eager[:3])
    assert isinstance(again.findings, Findings) and list(again.findings) == eager[:3]


def _both(text: str) -> tuple[Report, Report]:
    """A report whose consistent findings are unmade, and one with all of them made."""
    lazy = Report(evaluate_mod.evaluate(load_text(text, "graph.json")))
    eager = Report(evaluate_mod.evaluate(load_text(text, "graph.json")))
    list(eager.findings)
    return lazy, eager


def test_severities_suppressions_and_baselines_change_only_problems() -> None:
    text = _graph(1500, 0.2)
    data = json.loads(text)
    # Suppress the first rule's code wherever it fails: some findings are suppressed, and
    # the suppression of a rule that holds is reported unused (FC004).
    lazy0, _ = _both(text)
    first = lazy0.problems()[0]
    holds = next(f.rule for f in lazy0.findings if f.status is Status.consistent)
    by_id = {r["id"]: r for r in data["rules"]}
    by_id[first.rule]["ignore"] = [{"code": first.code, "reason": "known"}]
    by_id[holds]["ignore"] = [{"code": "FC101", "reason": "never fires"}]
    lazy, eager = _both(json.dumps(data))
    n_problems = len(lazy.findings.problems())
    unused = apply_suppressions(lazy)
    assert [s.target for s in unused] == [holds]
    assert [s.target for s in apply_suppressions(eager)] == [holds]
    cfg = Config(severity={"FC101": Severity.warning}, disable=("FC002",))
    apply_codes(lazy, cfg)
    apply_codes(eager, cfg)
    accepted = baseline.Baseline("b.json", Counter(baseline.fingerprint(f, lazy.claims)
                                                   for f in lazy.problems()[:3]))
    assert baseline.apply(lazy, accepted) == baseline.apply(eager, accepted)
    # Nothing above made a consistent finding: only problems and the unused suppression.
    assert len(lazy.findings.made_items()) == n_problems + 1
    assert lazy.findings == eager.findings
    got = Counter((f.status, f.severity, f.suppression) for f in lazy.findings)
    assert got[(Status.inconsistent, Severity.error, "known")] >= 1
    assert got[(Status.inconsistent, Severity.warning, None)] + got[(Status.inconsistent, Severity.warning,
                                                                     "baseline")] >= 1
    assert sum(n for (_, _, why), n in got.items() if why == "baseline") == 3


@settings(max_examples=200, deadline=None)
@given(seq=sequences(), suppressed=st.sets(st.integers(0, 11)))
def test_counts_are_the_eager_count_of_unsuppressed_findings(
        seq: tuple[list[Finding | None], list[Finding]], suppressed: set[int]) -> None:
    slots, eager = seq
    # Only findings that are not consistent can be suppressed (suppress.apply).
    slots = [replace(f, suppressed=True) if f is not None and i in suppressed
             and f.status is not Status.consistent else f for i, f in enumerate(slots)]
    eager = [f if f is not None else _made(i) for i, f in enumerate(slots)]
    lazy = Findings(slots, _made)
    want = {s.value: sum(1 for f in eager if f.status is s and not f.suppressed) for s in Status}
    assert lazy.counts() == want
    assert lazy.made_items() == [(i, f) for i, f in enumerate(slots) if f is not None]


@pytest.mark.parametrize("fmt", ["text", "sarif", "github", "jsonl", "junit"])
def test_reporters_of_problems_make_no_consistent_finding(fmt: str) -> None:
    from factcheck.reporters import Options, get

    lazy, eager = _both(_graph(1500, 0.1))
    n_problems = len(lazy.findings.problems())
    for shown in (Options(), Options(show_all=True)):
        assert get(fmt)(lazy, shown) == get(fmt)(eager, shown)
        if not shown.show_all and fmt != "junit":  # JUnit lists every rule as a test case
            assert len(lazy.findings.made_items()) == n_problems
    assert lazy.summary() == eager.summary() == eager.to_dict()["summary"]
