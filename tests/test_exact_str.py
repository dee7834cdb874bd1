"""Exact numbers in reports are written as before: decimals by integer arithmetic.

:func:`factcheck.verdict.exact_str` writes a rational whose denominator divides a power of
ten as a decimal, and any other as ``p/q``.  It used to divide in a 200-digit decimal
context; it now shifts the numerator by integer arithmetic, which is faster and must give
the same text for every rational (a finding's "needed" intervals and a report's stated
intervals are these strings).
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.verdict import exact_str, str_needed


def _by_decimal(x: Fraction) -> str:
    """What exact_str gave before (commit 168249f)."""
    if x.denominator == 1:
        return str(x.numerator)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        with localcontext() as ctx:
            ctx.prec = 200
            return format(Decimal(x.numerator) / Decimal(x.denominator), "f")
    return f"{x.numerator}/{x.denominator}"


numerators = st.one_of(st.integers(-10**7, 10**7), st.integers(-10**260, 10**260))
denominators = st.builds(lambda a, b, c: 2**a * 5**b * c, st.integers(0, 120), st.integers(0, 120),
                         st.sampled_from([1, 1, 1, 3, 7, 9]))


@settings(max_examples=1000, deadline=None)
@given(numerators, denominators)
def test_the_same_text_as_dividing_in_decimal(n: int, d: int) -> None:
    x = Fraction(n, d)
    assert exact_str(x) == _by_decimal(x)


def test_examples() -> None:
    assert exact_str(Fraction(1, 8)) == "0.125"
    assert exact_str(Fraction(-5, 2)) == "-2.5"
    assert exact_str(Fraction(263, 1000)) == "0.263"
    assert exact_str(Fraction(1, 3)) == "1/3"
    assert exact_str(Fraction(-7)) == "-7"
    assert str_needed({"a": (Fraction(-1, 4), float("inf")), "b": None, "c": (float("-inf"), 3)}) == {
        "a": ("-0.25", "inf"), "b": None, "c": ("-inf", "3")}


def test_decimals_around_two_hundred_digits_are_rounded_as_decimal_rounds_them() -> None:
    for digits in range(195, 206):
        for n in (10**digits + 1, -(10**digits) - 7, 3 * 10**digits + 5):
            x = Fraction(n, 2**7 * 5**3)
            assert exact_str(x) == _by_decimal(x), digits
