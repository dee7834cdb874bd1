"""The engine's laws, over generated worlds from :mod:`factcheck.strategies`.

- soundness: claims from a true world, hedged truthfully and rounded as written, never
  yield an inconsistency (nor an invalid rule);
- sensitivity: one planted error beyond its tolerance always yields the expected finding,
  every inconsistent finding involves the planted figure, and restoring it clears them;
- invariance: restating claims in other units, or their digits in other scripts, changes
  no verdict;
- order independence: shuffling claims and rules changes no verdict.

The simpler core-law tests are in test_laws.py.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import yaml
from hypothesis import given, note, settings
from hypothesis import strategies as st

from factcheck.files import _check_references, load_text
from factcheck.findings import Status
from factcheck.model import Claim, Hedge
from factcheck.pipeline import check_claimset
from factcheck.semantics import canonical_interval, claim_interval
from factcheck.strategies import (
    GeneratedDocument,
    InconsistentDocument,
    consistent_documents,
    inconsistent_documents,
)
from factcheck.testing import assert_consistent

DOCS = st.one_of(consistent_documents(), inconsistent_documents())


def verdicts(report: Any) -> set[tuple[str, ...]]:
    """Every verdict as (rule(s), status, code): what must not change under restatement."""
    return {(f.rule or "+".join(sorted(f.rules)), f.status.value, f.code or "") for f in report.findings}


# -- soundness ----------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(consistent_documents())
def test_true_worlds_written_truthfully_are_consistent(doc: GeneratedDocument) -> None:
    note(doc.to_yaml())
    for c in doc.claims:  # the generator's own promise: each claim admits its true value
        lo, hi = claim_interval(c)
        assert lo <= doc.truth[c.id] <= hi, c
    report = doc.check()
    assert_consistent(report)
    assert not [f for f in report.findings if f.status is Status.invalid]


@settings(max_examples=50, deadline=None)
@given(consistent_documents(lang="fa", kinds=["rate"], min_size=2))
def test_persian_calendar_periods_are_sound(doc: GeneratedDocument) -> None:
    # The first six Persian months have 31 days each: runs of them are longer than any
    # Gregorian run, and a truthful Persian total must not be flagged.
    assert_consistent(doc.check())


# -- sensitivity --------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(inconsistent_documents())
def test_a_planted_error_is_always_found(doc: InconsistentDocument) -> None:
    note(doc.to_yaml())
    note(repr(doc.planted))
    report = doc.check()
    assert doc.planted.matches(report), [(f.rule, f.code, f.message) for f in report.findings]
    chains = [f for f in report.inconsistent() if f.kind == "chain"]
    for f in report.inconsistent():
        if f.kind != "chain" and f.code == "FC001":
            # A rule that is only part of a chain conflict names its own claims; the chain
            # it belongs to must involve the planted figure.
            assert any(f.rule in c.rules and doc.planted.claim in c.claims for c in chains), f
        else:
            assert doc.planted.claim in f.claims, f


@settings(max_examples=100, deadline=None)
@given(inconsistent_documents())
def test_restoring_the_planted_figure_clears_every_finding(doc: InconsistentDocument) -> None:
    assert doc.original is not None
    assert_consistent(doc.with_claims([doc.original]).check())


# -- invariance ---------------------------------------------------------------------------

#: Restatements that keep a figure's meaning exactly: (unit as written, new unit, factor by
#: which the written value is multiplied).  Only terminating factors, so values stay decimals.
def restate(unit: str) -> tuple[str, Fraction] | None:
    if unit in ("percent", "percentage_point"):
        return "dimensionless", Fraction(1, 100)
    if unit == "times":
        return "percent", Fraction(100)
    if " / " in unit:
        thing, per = unit.split(" / ")
        if per == "hour":
            return f"{thing} / day", Fraction(24)
        if per == "day":
            return f"{thing} / week", Fraction(7)
        return f"kilo{thing} / {per}", Fraction(1, 1000)
    if unit in ("half", "third", "fourth", "tenth"):
        return None
    return f"kilo{unit}", Fraction(1, 1000)


def restated(c: Claim) -> Claim | None:
    """The same figure in another unit, with its rounding made explicit."""
    if c.value is None or c.hedge is Hedge.range:
        return None
    got = restate(c.unit)
    if got is None:
        return None
    unit, k = got
    # The half-width of the rounding, read back from the exact reading of the figure.
    hi = claim_interval(c.model_copy(update={"hedge": Hedge.exact}))[1]
    half = Fraction(hi) - Fraction(c.value)
    def dec(x: Fraction) -> Decimal:
        d = Decimal(x.numerator) / Decimal(x.denominator)
        assert Fraction(d) == x, x
        return d
    return c.model_copy(update={"value": dec(Fraction(c.value) * k), "unit": unit, "scale": None,
                                "precision": dec(2 * half * k), "written": None})


@settings(max_examples=150, deadline=None)
@given(DOCS, st.data())
def test_restating_claims_in_other_units_changes_no_verdict(doc: GeneratedDocument, data: st.DataObject) -> None:
    candidates = [c for c in doc.claims if restated(c) is not None]
    if not candidates:
        return
    chosen = data.draw(st.lists(st.sampled_from(candidates), min_size=1, unique_by=lambda c: c.id))
    moved = [m for m in (restated(c) for c in chosen) if m is not None]
    for old, new in zip(chosen, moved, strict=True):  # the meaning is exactly the same
        assert canonical_interval(old) == canonical_interval(new), (old, new)
    note(repr(moved))
    assert verdicts(doc.with_claims(moved).check()) == verdicts(doc.check())


_SCRIPTS = {"persian": str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫"),
            "arabic": str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")}


@settings(max_examples=100, deadline=None)
@given(DOCS, st.sampled_from(sorted(_SCRIPTS)))
def test_digit_scripts_in_claim_files_change_no_verdict(doc: GeneratedDocument, script: str) -> None:
    data = doc.to_data()
    for c in data["claims"]:
        for key in ("value", "value_max", "precision", "scale"):
            if key in c:
                c[key] = str(c[key]).translate(_SCRIPTS[script])
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    note(text)
    cs = load_text(text, "restated.yaml")
    _check_references(cs)
    assert verdicts(check_claimset(cs)) == verdicts(doc.check())


# -- order independence -------------------------------------------------------------------

@settings(max_examples=150, deadline=None)
@given(DOCS, st.randoms(use_true_random=False))
def test_shuffling_claims_and_rules_changes_no_verdict(doc: GeneratedDocument, rnd: Any) -> None:
    claims, rules = list(doc.claims), list(doc.rules)
    rnd.shuffle(claims)
    rnd.shuffle(rules)
    shuffled = GeneratedDocument(doc.lang, tuple(claims), tuple(rules), doc.truth, doc.kinds)
    assert verdicts(shuffled.check()) == verdicts(doc.check())


def test_restate_covers_every_generated_unit_kind() -> None:
    # Guards the invariance law against silently restating nothing.
    assert restate("person") == ("kiloperson", Fraction(1, 1000))
    assert restate("call / hour") == ("call / day", Fraction(24))
    assert restate("percent") == ("dimensionless", Fraction(1, 100))
    assert math.isclose(float(restate("times")[1]), 100)  # type: ignore[index]
