"""The float screen's claim intervals always contain the exact ones, and stay tight.

Large problems are screened with :func:`factcheck.semantics.float_interval` before any
exact arithmetic: a float interval narrower than the exact one could clear a rule that
cannot hold, so containment is the law that keeps the screen sound.
"""

from __future__ import annotations

import math
from dataclasses import asdict, replace
from dataclasses import fields as dataclass_fields
from decimal import Decimal
from fractions import Fraction

import pydantic
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from factcheck.findings import Finding, Severity, Status
from factcheck.model import Claim, Hedge
from factcheck.semantics import Policy, Tolerance, claim_interval, float_interval

decimals = st.decimals(min_value=-10**20, max_value=10**20, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=Decimal("1e-6"), max_value=10**9, allow_nan=False,
                       allow_infinity=False).filter(lambda d: d > 0)
tolerance = st.one_of(st.none(), st.decimals(min_value=0, max_value=2, places=3))


@st.composite
def claims_and_policies(draw: st.DrawFn) -> tuple[Claim, Policy, str | None]:
    hedge = draw(st.sampled_from(list(Hedge)))
    value = draw(decimals)
    fields: dict[str, object] = {"id": "c", "value": value, "hedge": hedge,
                                 "signed": draw(st.booleans())}
    if hedge is Hedge.range:
        fields["value_max"] = value + abs(draw(decimals))
    if draw(st.booleans()):
        fields["precision"] = draw(positive)
    elif draw(st.booleans()):
        fields["scale"] = draw(st.sampled_from([Decimal(1000), Decimal(10**6), Decimal("1E+9")]))
    try:
        claim = Claim(**fields)  # type: ignore[arg-type]
    except pydantic.ValidationError:
        assume(False)
    lang = draw(st.sampled_from([None, "fa", "en"]))
    tol = Tolerance(below=draw(tolerance), above=draw(tolerance))
    policy = Policy(rounding=draw(st.sampled_from(["significant", "last-digit"])),
                    languages={"fa": {hedge: tol}})
    return claim, policy, lang


_LONG = Decimal("1525878906249999.9999999999995031868608063480")


@settings(max_examples=400, deadline=None)
@given(claims_and_policies())
# Longer than Decimal's default 28 digits, with a scale word: both paths must read the same
# digits (they once differed, the exact one rounding to 28 digits).
@example((Claim(id="c", value=_LONG, scale=Decimal(1000)), Policy(), None))
@example((Claim(id="c", value=-_LONG, scale=Decimal(1000), signed=True), Policy(), None))
def test_float_interval_contains_the_exact_interval(arg: tuple[Claim, Policy, str | None]) -> None:
    claim, policy, lang = arg
    lo, hi = claim_interval(claim, policy, lang)
    flo, fhi = float_interval(claim, policy, lang)
    assert isinstance(flo, float) and isinstance(fhi, float)
    assert (flo == -math.inf) if lo == -math.inf else (lo == math.inf or Fraction(flo) <= lo)
    assert (fhi == math.inf) if hi == math.inf else (hi == -math.inf or Fraction(fhi) >= hi)
    # ... and only a few ulps wider, so the screen still sees every real conflict.
    for exact, approx in ((lo, flo), (hi, fhi)):
        if exact not in (math.inf, -math.inf):
            assert abs(Fraction(approx) - exact) <= abs(Fraction(exact)) * Fraction(1, 2**50) + Fraction(1, 10**300)


def test_float_interval_of_an_unstated_figure_is_its_sign_range() -> None:
    assert float_interval(Claim(id="c")) == (0.0, math.inf)
    assert float_interval(Claim(id="c", signed=True)) == (-math.inf, math.inf)


def test_quick_findings_equal_dataclass_findings() -> None:
    fields = {"id": "f1", "status": Status.consistent, "severity": Severity.none, "kind": "sum",
              "rule": "r", "rules": ("r",), "claims": ("a", "b"), "confidence": 0.5}
    slow, fast = Finding(**fields), Finding.quick(**fields)  # type: ignore[arg-type]
    assert fast == slow and fast.__dict__ == slow.__dict__
    assert fast.needed is not Finding.quick(**fields).needed  # a fresh dict each time
    # evolve is dataclasses.replace, made the same quick way; ``needed`` is never shared.
    full = Finding.quick(**fields, needed={"a": ("1", "2")}, message="m")  # type: ignore[arg-type]
    changed = full.evolve(id="f2", claims=("c",), confidence=1.0)
    assert changed.__dict__ == replace(full, id="f2", claims=("c",), confidence=1.0).__dict__
    assert changed.needed == full.needed and changed.needed is not full.needed
    assert full.id == "f1" and full.claims == ("a", "b")  # the original is untouched
    # for_rule is evolve for the fields that differ between rules.
    other = full.for_rule("f9", "r9", ("x",), 0.25, "quote")
    assert other.__dict__ == replace(full, id="f9", rule="r9", rules=("r9",), claims=("x",),
                                     confidence=0.25, evidence="quote").__dict__
    assert other.needed is not full.needed and full.rule == "r"
    for bad in (lambda: Finding.quick(nonsense=1), lambda: full.evolve(nonsense=1)):
        try:
            bad()
        except TypeError as exc:
            assert "nonsense" in str(exc)
        else:
            raise AssertionError("unknown field accepted")
    try:
        Finding.quick(nonsense=1)
    except TypeError as exc:
        assert "nonsense" in str(exc)
    else:
        raise AssertionError("unknown field accepted")


_FIELD_VALUES = {
    "code": st.sampled_from([None, "FC101"]), "name": st.sampled_from([None, "sum.parts-exceed-total"]),
    "message": st.sampled_from(["", "parts exceed the total"]), "arithmetic": st.sampled_from(["", "1 + 2 > 2"]),
    "conflict": st.sampled_from([(), ("a",)]), "confidence": st.sampled_from([1.0, 0.5]),
    "possible": st.booleans(), "evidence": st.sampled_from([None, "quote"]), "suppressed": st.booleans(),
    "suppression": st.sampled_from([None, "baseline"]), "where": st.sampled_from([None, ("a.md", 1, 2)]),
    "message_fa": st.sampled_from(["", "جمع"]),
}


@given(st.fixed_dictionaries({}, optional=_FIELD_VALUES))  # type: ignore[arg-type]
def test_sparse_findings_read_as_the_full_ones(extra: dict[str, object]) -> None:
    import pickle

    full = Finding.quick(id="f1", status=Status.consistent, severity=Severity.none, kind="sum", rule="r",
                         rules=("r",), claims=("a", "b"), **extra)
    sparse = full.sparse()
    assert sparse.field_values() == full.field_values() and sparse == full and repr(sparse) == repr(full)
    # Only fields that differ from their defaults are kept in the instance.
    assert len(sparse.__dict__) <= len(full.__dict__)
    assert all(k in sparse.__dict__ for k, v in extra.items() if v != _DEFAULT_OF[k])
    assert pickle.loads(pickle.dumps(sparse)).field_values() == full.field_values()
    assert asdict(sparse) == asdict(full)
    assert replace(sparse, id="f2").field_values() == replace(full, id="f2").field_values()
    assert sparse.evolve(message="x").field_values() == full.evolve(message="x").field_values()
    a, b = (f.for_rule("f9", "r9", ("x",), 0.25, None) for f in (full, sparse))
    assert a.field_values() == b.field_values() and a.needed is not b.needed


_DEFAULT_OF = {f.name: f.default for f in dataclass_fields(Finding)}
