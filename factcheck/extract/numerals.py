"""Digits as written: grouping, decimals and the rounding place of a number-word sum.

Shared by every language: these read ASCII digits only, because extraction runs on text
that :mod:`factcheck.extract.normalize` has already mapped to ASCII digits.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["parse_grouped", "place"]

_WESTERN = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_INDIAN = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}")


def parse_grouped(text: str, *, decimal_comma: bool = False) -> Decimal | None:
    """Read ``8,362``, ``1,42,524``, ``3.6`` or ``1,234.5``; None if the grouping is not a number.

    >>> parse_grouped("1,42,524"), parse_grouped("12,400.5"), parse_grouped("1.2.3")
    (Decimal('142524'), Decimal('12400.5'), None)
    >>> parse_grouped("42,23", decimal_comma=True)
    Decimal('42.23')
    """
    intpart, dot, frac = text.partition(".")
    if dot and ("." in frac or "," in frac or not frac):
        return None
    if "," in intpart:
        if not (_WESTERN.fullmatch(intpart) or _INDIAN.fullmatch(intpart)):
            if decimal_comma and not dot and intpart.count(",") == 1:
                a, b = intpart.split(",")
                return Decimal(f"{a}.{b}")
            return None
        intpart = intpart.replace(",", "")
    return Decimal(intpart + (f".{frac}" if dot else ""))


def place(n: Decimal) -> Decimal:
    """Value of the lowest non-zero decimal place of a whole number (20 -> 10, 120 -> 10, 7 -> 1)."""
    if n == 0:
        return Decimal(10) ** 30
    p = Decimal(1)
    while n % (p * 10) == 0:
        p *= 10
    return p
