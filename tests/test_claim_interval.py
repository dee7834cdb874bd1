"""A claim's exact interval computed in Decimal equals the one computed in Fractions.

:func:`factcheck.semantics.claim_interval` computes the bounds of most claims with a few
exact Decimal operations (an 80-digit context that raises rather than round), falling back
to Fraction arithmetic for ranges, non-finite values and figures too long for the
context.  Findings print these bounds exactly, so the two must agree to the last digit,
with the same types, on every hedge, sign, rounding policy, tolerance, precision and scale.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given, settings
from test_float_interval import claims_and_policies

from factcheck.model import Claim, Hedge
from factcheck.semantics import Policy, Tolerance, _fraction_interval, claim_interval

_LONG = Decimal("1525878906249999.9999999999995031868608063480")
_HUNDRED = Decimal("9" * 60 + "." + "7" * 41)  # 101 digits: past the 80-digit context
_TIGHT = Policy(tolerances={h: Tolerance(below=Decimal("0.0001"), above=Decimal("0.0003")) for h in Hedge})


@settings(max_examples=600, deadline=None)
@given(claims_and_policies())
@example((Claim(id="c", value=_LONG, scale=Decimal(1000)), Policy(), None))
@example((Claim(id="c", value=-_HUNDRED, hedge="about", signed=True), _TIGHT, None))
@example((Claim(id="c", value=_HUNDRED, hedge="nearly"), _TIGHT, "en"))
@example((Claim(id="c", value=Decimal("-0.5"), hedge="about"), Policy(), None))  # clipped at zero
def test_decimal_interval_equals_fraction_interval(arg: tuple[Claim, Policy, str | None]) -> None:
    claim, policy, lang = arg
    got = claim_interval(claim, policy, lang)
    want = _fraction_interval(claim, policy, lang)
    assert got == want
    assert [x.__class__ for x in got] == [x.__class__ for x in want]
    # (the Decimal path makes its Fractions from ratios in lowest terms, without a gcd)
    assert [(x.numerator, x.denominator, hash(x)) for x in got if x.__class__ is Fraction] == [
        (x.numerator, x.denominator, hash(x)) for x in want if x.__class__ is Fraction]


def test_unstated_and_unsigned_bounds() -> None:
    assert claim_interval(Claim(id="c")) == (Fraction(0), float("inf"))
    assert claim_interval(Claim(id="c", value="5", hedge="less_than")) == (Fraction(0), Fraction(5))
    assert claim_interval(Claim(id="c", value="-5", hedge="less_than", signed=True))[0] == float("-inf")
