"""Regressions in unit conversion found by the generated-document laws."""

from __future__ import annotations

from fractions import Fraction

import pytest

from factcheck.units import canonical


@pytest.mark.parametrize(("unit", "factor", "base"), [
    ("person / km**2", Fraction(1, 10**6), "person / meter ** 2"),
    ("liter", Fraction(1, 1000), "meter ** 3"),
    ("call / hour", Fraction(1, 3600), "call / second"),
    ("percent", Fraction(1, 100), "dimensionless"),
])
def test_units_with_powers_other_than_one_convert_instead_of_crashing(unit, factor, base):
    # pint's formatter raised TypeError on the registry's Fraction exponents (m**2, liter).
    c = canonical(unit)
    assert (c.lo, c.hi) == (factor, factor)
    assert c.base == base


@pytest.mark.parametrize(("unit", "factor"), [("fifth", Fraction(1, 5)), ("fifths", Fraction(1, 5)),
                                              ("third", Fraction(1, 3)), ("pp", Fraction(1, 100))])
def test_newsroom_fractions_are_not_shadowed_by_pint(unit, factor):
    # pint ships "fifth" = a fifth of a gallon, and kept it over the newsroom "a fifth" (1/5),
    # so "a fifth of 500 calls" related calls to cubic metres.
    c = canonical(unit)
    assert (c.lo, c.hi, c.dims) == (factor, factor, ())
