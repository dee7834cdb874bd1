"""``Policy.integer_counts``: counts of discrete things read as whole numbers.

With the option on, a claim whose unit is a count (:func:`factcheck.units.is_count`) has
as interval the integer hull of the one it would have had; every path that reads a
claim's interval (exact, float, columns, the benchmark's baselines) agrees.  With the
option off nothing changes.
"""

from __future__ import annotations

import math
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pydantic
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import factcheck.evaluate as evaluate_mod
from factcheck.claimcols import claim_columns
from factcheck.evaluate import FLAT_MIN, evaluate
from factcheck.files import load_text
from factcheck.findings import Status
from factcheck.model import Claim, Hedge
from factcheck.semantics import (
    Policy,
    Tolerance,
    canonical_interval,
    claim_interval,
    float_interval,
    integer_hull,
    stated_interval,
    whole_figure,
)
from factcheck.units import CURRENCIES, canonical, is_count

ROOT = Path(__file__).resolve().parent.parent
ON = Policy(integer_counts=True)
OFF = Policy()

COUNTS = ["person", "people", "call", "vehicle", "car", "accident", "injury", "death", "trip"]
NOT_COUNTS = ["person / day", "call / hour", "percent", "dimensionless", "day", "month", "year",
              "hour", "kilometer", "kilogram", "rial", "toman", "usd", "eur", "gbp", "dozen",
              "case / month", "toman / year"]

# Whole figures (the ones narrowed) as often as any others.
values = st.one_of(st.integers(-10**9, 10**9).map(Decimal),
                   st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False))
positive = st.decimals(min_value=Decimal("1e-4"), max_value=10**4, allow_nan=False,
                       allow_infinity=False).filter(lambda d: d > 0)
tolerance = st.one_of(st.none(), st.decimals(min_value=0, max_value=2, places=3))


@st.composite
def count_claims(draw: st.DrawFn, units: list[str] = COUNTS) -> tuple[Claim, Policy]:
    """Any figure, hedge, rounding unit and tolerance, in a counting unit."""
    hedge = draw(st.sampled_from(list(Hedge)))
    value = draw(values)
    fields: dict[str, object] = {"id": "c", "value": value, "hedge": hedge, "unit": draw(st.sampled_from(units)),
                                 "signed": draw(st.booleans())}
    if hedge is Hedge.range:
        fields["value_max"] = value + abs(draw(values))
    if draw(st.booleans()):
        fields["precision"] = draw(positive)
    elif draw(st.booleans()):
        fields["scale"] = draw(st.sampled_from([Decimal(1000), Decimal(10**6)]))
    try:
        claim = Claim(**fields)  # type: ignore[arg-type]
    except pydantic.ValidationError:
        assume(False)
        raise
    tol = Tolerance(below=draw(tolerance), above=draw(tolerance))
    policy = Policy(rounding=draw(st.sampled_from(["significant", "last-digit"])),
                    tolerances={hedge: tol}, integer_counts=True)
    return claim, policy


def _integers_in(lo: Fraction | float, hi: Fraction | float, around: Fraction) -> set[int]:
    """The integers of ``[lo, hi]`` near ``around`` (a window wide enough for the test)."""
    mid = math.floor(around)
    return {n for n in range(mid - 50, mid + 51) if lo <= n <= hi}


@settings(max_examples=300, deadline=None)
@given(count_claims())
@example((Claim(id="c", value=Decimal(13), unit="person"), ON))
@example((Claim(id="c", value=Decimal("2.3"), unit="person"), ON))
def test_the_hull_holds_every_integer_of_the_interval_and_nothing_else(arg: tuple[Claim, Policy]) -> None:
    claim, policy = arg
    lo, hi = claim_interval(claim, policy)
    nlo, nhi = claim_interval(claim, policy, count=True)
    if not whole_figure(claim):  # "2.3 people": an average or an estimate, never narrowed
        assert (nlo, nhi) == stated_interval(claim, policy) == (lo, hi)
        assert float_interval(claim, policy, count=True) == float_interval(claim, policy)
        return
    assert (nlo, nhi) == stated_interval(claim, policy) == integer_hull(lo, hi)
    for old, new, side in ((lo, nlo, math.ceil), (hi, nhi, math.floor)):
        if isinstance(old, float):  # unbounded stays unbounded
            assert new == old
        else:
            assert new == side(old) and Fraction(new).denominator == 1
    if lo <= hi and claim.value is not None:
        around = Fraction(claim.value)
        assert _integers_in(nlo, nhi, around) == _integers_in(lo, hi, around)
    if claim.value is not None and claim.value == claim.value.to_integral_value() and lo <= claim.value <= hi:
        assert nlo <= claim.value <= nhi  # a whole stated value: never empty


@settings(max_examples=300, deadline=None)
@given(count_claims())
def test_the_float_interval_of_a_count_contains_its_hull(arg: tuple[Claim, Policy]) -> None:
    claim, policy = arg
    lo, hi = claim_interval(claim, policy, count=True)
    flo, fhi = float_interval(claim, policy, count=True)
    assert (flo == -math.inf) if lo == -math.inf else Fraction(flo) <= lo
    assert (fhi == math.inf) if hi == math.inf else Fraction(fhi) >= hi
    cols = claim_columns({"c": claim}, policy, lambda cid: None, canonical)
    clo, chi = canonical_interval(claim, policy)
    assert (cols.lo[0] == -math.inf) if clo == -math.inf else Fraction(float(cols.lo[0])) <= clo
    assert (cols.hi[0] == math.inf) if chi == math.inf else Fraction(float(cols.hi[0])) >= chi


@settings(max_examples=200, deadline=None)
@given(count_claims(COUNTS + NOT_COUNTS))
def test_off_nothing_changes(arg: tuple[Claim, Policy]) -> None:
    claim, on = arg
    off = on.model_copy(update={"integer_counts": False})
    base = claim_interval(claim, off)
    assert claim_interval(claim, off, count=True) == base == stated_interval(claim, off)
    assert float_interval(claim, off, count=True) == float_interval(claim, off)


@settings(max_examples=200, deadline=None)
@given(count_claims(NOT_COUNTS))
def test_rates_percentages_durations_and_money_are_never_narrowed(arg: tuple[Claim, Policy]) -> None:
    claim, on = arg
    off = on.model_copy(update={"integer_counts": False})
    assert stated_interval(claim, on) == claim_interval(claim, off)
    assert canonical_interval(claim, on) == canonical_interval(claim, off)
    a = claim_columns({"c": claim}, on, lambda cid: None, canonical)
    b = claim_columns({"c": claim}, off, lambda cid: None, canonical)
    assert (a.lo[0], a.hi[0]) == (b.lo[0], b.hi[0])


def test_which_units_are_counts() -> None:
    assert all(is_count(canonical(u)) for u in COUNTS)
    assert not any(is_count(canonical(u)) for u in NOT_COUNTS)
    assert {d for u in ("rial", "usd", "eur", "gbp") for d, _ in canonical(u).dims} == CURRENCIES


def test_an_exact_count_reads_as_itself() -> None:
    assert stated_interval(Claim(id="a", value=Decimal(13), unit="person"), ON) == (13, 13)
    assert stated_interval(Claim(id="a", value=Decimal(13), unit="person"), OFF) == (Fraction(25, 2), Fraction(27, 2))
    # "about 13": 11.2 .. 14.8 -> 12 .. 14; "more than 13": 13 .. inf, unbounded above
    assert stated_interval(Claim(id="a", value=Decimal(13), unit="person", hedge="about"), ON) == (12, 14)
    assert stated_interval(Claim(id="a", value=Decimal(13), unit="person", hedge="more_than"), ON) == (13, math.inf)
    # a rate of people is not a count
    assert stated_interval(Claim(id="a", value=Decimal(13), unit="person / day"), ON) == (Fraction(25, 2),
                                                                                         Fraction(27, 2))


_EXAMPLE = """
claims:
  - {id: killed, value: 5, unit: person}
  - {id: injured, value: 3, unit: person}
  - {id: total, value: 9, unit: person}
rules:
  - {id: r1, kind: sum, whole: total, parts: [killed, injured]}
"""


def test_five_and_three_are_not_nine_people_through_the_cli(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "deaths.yaml").write_text(_EXAMPLE.lstrip(), encoding="utf-8")
    off = run_cli("check", "deaths.yaml", cwd=tmp_path)
    assert off.returncode == 0, off.stdout + off.stderr
    assert "1 consistent" in off.stdout
    (tmp_path / "factcheck.toml").write_text("integer-counts = true\n", encoding="utf-8")
    on = run_cli("check", "deaths.yaml", cwd=tmp_path)
    assert on.returncode == 1, on.stdout + on.stderr
    assert "deaths.yaml:6:5" in on.stdout and "FC102" in on.stdout
    shown = run_cli("config", cwd=tmp_path)
    assert "integer-counts = true  # factcheck.toml:1" in shown.stdout
    (tmp_path / "factcheck.toml").write_text('integer-counts = "yes"\n', encoding="utf-8")
    bad = run_cli("check", "deaths.yaml", cwd=tmp_path)
    assert bad.returncode == 2 and "factcheck.toml:1:" in bad.stderr and "integer-counts" in bad.stderr
    assert "Traceback" not in bad.stderr


_AVERAGE = """
claims:
  - {id: people, value: 3, unit: person}
  - {id: mean, value: 1.5, unit: person}
  - {id: wrong, value: 2, unit: person}
rules:
  - {id: fine, kind: average, mean: mean, total: people, n: 2}
  - {id: too_high, kind: average, mean: wrong, total: people, n: 2}
"""


@pytest.mark.parametrize("flat_min", [1, 10**9])  # the screen's columns and the exact path
def test_an_average_of_counts_is_not_a_count(flat_min: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # 3 people in 2 households: 1.5 people each.  The mean carries the total's unit, but a
    # figure written with decimals is not read as a whole count; a whole one still is.
    monkeypatch.setattr(evaluate_mod, "FLAT_MIN", flat_min)
    status = {f.rule: f.status for f in evaluate_mod.evaluate(load_text(_AVERAGE.lstrip(), "a.yaml"), ON).findings}
    assert status == {"fine": Status.consistent, "too_high": Status.inconsistent}
    assert stated_interval(Claim(id="m", value=Decimal("1.5"), unit="person"), ON) == (Fraction(29, 20),
                                                                                     Fraction(31, 20))


def _many(groups: int) -> str:
    """``groups`` copies of the example, every second one off by one."""
    claims, rules = [], []
    for g in range(groups):
        total = 9 if g % 2 else 8
        claims += [f"  - {{id: k{g}, value: 5, unit: person}}", f"  - {{id: i{g}, value: 3, unit: person}}",
                   f"  - {{id: t{g}, value: {total}, unit: person}}"]
        rules.append(f"  - {{id: r{g}, kind: sum, whole: t{g}, parts: [k{g}, i{g}]}}")
    return "claims:\n" + "\n".join(claims) + "\nrules:\n" + "\n".join(rules) + "\n"


@pytest.mark.parametrize("groups", [4, FLAT_MIN + 2])
def test_the_exact_path_and_the_screen_agree(groups: int) -> None:
    """Few rules take the exact compiler only; many are screened in float columns first."""
    cs = load_text(textwrap.dedent(_many(groups)))
    for policy, expect in ((OFF, set()), (ON, {f"r{g}" for g in range(1, groups, 2)})):
        ev = evaluate(cs, policy)
        assert {f.rule for f in ev.findings if f.status is Status.inconsistent} == expect
        assert ev.intervals["t1"] == stated_interval(cs.claims["t1"], policy)


def test_the_baselines_read_the_same_intervals() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import baselines

    cs = load_text(_many(6))
    for policy in (OFF, ON):
        ev = evaluate(cs, policy)
        ours = {f.rule for f in ev.findings if f.status is Status.inconsistent}
        for name, run in baselines.ENGINES.items():
            try:
                got = run(cs, policy)
            except ImportError:
                continue  # an optional engine not installed
            assert set(got.local) == ours, name
