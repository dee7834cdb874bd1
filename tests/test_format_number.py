"""``format_number`` writes whole numbers of every type the way it writes the rest."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import format_number


def _general(x: Fraction) -> str:
    """The general path: through Decimal (exact for whole numbers), grouped by thousands."""
    d = Decimal(x.numerator) if x.denominator == 1 else Decimal(x.numerator) / Decimal(x.denominator)
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d:,f}".rstrip("0").rstrip(".")


@given(st.integers(min_value=-10**30, max_value=10**30))
def test_whole_numbers_of_every_type_read_the_same(n: int) -> None:
    expected = _general(Fraction(n))
    assert format_number(n) == format_number(Decimal(n)) == format_number(Fraction(n)) == expected
    if abs(n) < 2**53:
        assert format_number(float(n)) == expected


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_that_are_whole_read_as_their_exact_value(x: float) -> None:
    if x.is_integer():
        assert format_number(x) == _general(Fraction(x))
    else:
        assert format_number(x) == format_number(Fraction(x))


def test_special_values() -> None:
    assert format_number(math.inf) == "∞" and format_number(-math.inf) == "-∞"
    assert format_number(math.nan) == "nan" and format_number(-0.0) == "0"
    assert format_number(Fraction(1, 3)) == "0.333333" and format_number(2.5) == "2.5"
