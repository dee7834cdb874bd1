"""``numbers.lowest_terms`` makes the same Fraction as ``Fraction(n, d)``.

Explaining conflicts builds thousands of Fractions from ratios already in lowest terms
(``Decimal.as_integer_ratio()``, gmpy2's ``mpq``) without finding their gcd again; the
result must be indistinguishable from one the constructor makes.
"""

from __future__ import annotations

import math
import pickle
from decimal import Decimal
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from factcheck.numbers import lowest_terms


@given(st.integers(), st.integers(min_value=1))
def test_same_fraction_as_the_constructor(n: int, d: int) -> None:
    g = math.gcd(n, d)
    want = Fraction(n, d)
    got = lowest_terms(n // g, d // g)
    assert got.__class__ is Fraction
    assert (got.numerator, got.denominator) == (want.numerator, want.denominator)
    assert got == want and hash(got) == hash(want) and repr(got) == repr(want) and str(got) == str(want)
    assert got + 1 == want + 1 and got * got == want * want and float(got) == float(want)
    assert pickle.loads(pickle.dumps(got)) == want


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_from_decimal_ratio(x: Decimal) -> None:
    assert lowest_terms(*x.as_integer_ratio()) == Fraction(x)
