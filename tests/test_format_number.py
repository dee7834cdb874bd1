"""``format_number`` writes whole numbers of every type the way it writes the rest."""

from __future__ import annotations

import math
import random
from decimal import Decimal
from fractions import Fraction

from hypothesis import example, given
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


def _reference(x: object, places: int = 6) -> str:
    """format_number as it was before its fast paths by class (a frozen copy)."""
    if isinstance(x, float):
        if x != x:
            return "nan"
        if x in (float("inf"), float("-inf")):
            return "∞" if x > 0 else "-∞"
        if x.is_integer():
            return f"{int(x):,}"
        x = Fraction(x)
    if isinstance(x, Fraction):
        if x.denominator == 1:
            return f"{x.numerator:,}"
        else:
            d = Decimal(x.numerator) / Decimal(x.denominator)
            x = d.quantize(Decimal(1).scaleb(-places)) if abs(d) < Decimal(10) ** 15 else d
    if isinstance(x, Decimal | int):
        d = Decimal(x)
        if d == d.to_integral_value():
            return f"{int(d):,}"
        s = f"{d:,f}".rstrip("0").rstrip(".")
        return s
    return str(x)


numbers = st.one_of(
    st.builds(Fraction, st.integers(-10**20, 10**20), st.integers(1, 10**9)),
    st.builds(Fraction, st.integers(-10**40, 10**40), st.sampled_from([2, 3, 7, 10**6, 2**70, 3**40])),
    st.decimals(min_value=-10**30, max_value=10**30, allow_nan=False), st.just(Decimal("NaN")),
    st.floats(allow_nan=True), st.integers(-10**25, 10**25), st.text(max_size=3))


@given(numbers, st.sampled_from([6, 6, 0, 2, 9]))
@example(Fraction(10**16, 3), 6)  # past 10**15: not rounded to places
@example(Fraction(-3 * 10**17 + 1, 7), 6)
@example(Fraction(-(10**15) + 1, 3), 6)
@example(Fraction(1, 3), 0)
def test_every_number_reads_as_before_the_fast_paths(x: object, places: int) -> None:
    assert format_number(x, places) == _reference(x, places)


@given(st.lists(st.one_of(st.fractions(max_denominator=10**9), st.decimals(allow_nan=False, allow_infinity=False)),
                min_size=1, max_size=80), st.randoms(use_true_random=False))
def test_numbers_remembered_by_identity_read_as_when_first_written(xs: list[Fraction | Decimal],
                                                                  rnd: random.Random) -> None:
    """format_number remembers the last numbers it wrote, by identity: asking again, in any
    order, among other numbers (equal ones too), gives the text written the first time."""
    first = [format_number(x) for x in xs]
    again = [*range(len(xs))] * 2
    rnd.shuffle(again)
    for i in again:
        x = xs[i]
        twin = Decimal(str(x)) if isinstance(x, Decimal) else Fraction(x.numerator, x.denominator)
        assert format_number(x) == first[i] == format_number(twin)
        assert format_number(x, 2) == format_number(twin, 2)
