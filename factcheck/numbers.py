"""Digits and decimal figures as written: script normalisation and implied precision."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

__all__ = ["ENGLISH_INTERVAL", "IntervalWords", "format_number", "implied_precision", "lowest_terms",
           "normalize_digits", "say_interval"]

_DIGITS = str.maketrans(
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٫٬",
    "01234567890123456789.,",
)


_new = object.__new__


def lowest_terms(n: int, d: int) -> Fraction:
    """``Fraction(n, d)`` for a ratio already in lowest terms with ``d > 0`` (what
    ``as_integer_ratio()`` gives, and gmpy2's ``mpq``), made without finding their gcd
    again: explaining conflicts makes thousands (a property test holds it to Fraction)."""
    f = _new(Fraction)
    f._numerator = n  # type: ignore[attr-defined]  # Fraction's own slots, as its arithmetic sets them
    f._denominator = d  # type: ignore[attr-defined]
    return f


def normalize_digits(text: str) -> str:
    """Map Persian and Arabic-Indic digits and separators to ASCII.

    >>> normalize_digits("۴۲٫۵")
    '42.5'
    """
    return text.translate(_DIGITS)


def implied_precision(value: Decimal, policy: str = "significant") -> Decimal:
    """The rounding unit implied by how ``value`` is written.

    ``53.9`` has precision 0.1 under every policy.  For whole numbers the policy decides:
    ``last-digit`` (XBRL's reading) takes the units digit as exact, so ``3000`` means
    2999.5 to 3000.5; ``significant`` (the default) takes trailing zeros as rounding, so
    ``3000`` means 2500 to 3500 and ``680000`` (``680 thousand``) 675000 to 685000.

    >>> implied_precision(Decimal("53.9"))
    Decimal('0.1')
    >>> implied_precision(Decimal("680000"))
    Decimal('1E+4')
    >>> implied_precision(Decimal("680000"), "last-digit")
    Decimal('1')
    """
    _sign, digits, exp = value.as_tuple()
    assert isinstance(exp, int)
    if exp < 0:
        return Decimal((0, (1,), exp))
    if policy == "last-digit" or value == 0:
        return Decimal((0, (1,), exp))
    trailing = 0
    for d in reversed(digits):
        if d != 0:
            break
        trailing += 1
    return Decimal((0, (1,), exp + trailing))


def format_number(x: object, places: int = 6) -> str:
    """Human-readable number with thousands separators and no float noise.

    >>> format_number(Decimal("872782"))
    '872,782'
    >>> format_number(1/3)
    '0.333333'
    """
    # Explanations of thousands of conflicts format tens of thousands of numbers, nearly
    # all Fractions and Decimals: those are told apart by their class (isinstance against
    # Fraction goes through the numbers ABCs), and take the same steps as below.  A finding
    # writes each of its numbers twice, in English and in Persian: the last few written
    # are remembered by identity (each entry holds its number, so its id is not reused).
    if places == 6:
        hit = _RECENT.get(id(x))
        if hit is not None and hit[0] is x:
            return hit[1]
    cls = x.__class__
    text: str
    if cls is Fraction:
        f: Fraction = x  # type: ignore[assignment]
        text = f"{f.numerator:,}" if f.denominator == 1 else _decimal_text(_rounded(f, places))
    elif cls is Decimal:
        text = _decimal_text(x)  # type: ignore[arg-type]
    else:
        return _format_general(x, places)
    if places == 6:
        if len(_RECENT) >= _RECENT_KEPT:
            _RECENT.clear()
        _RECENT[id(x)] = (x, text)
    return text


#: Numbers written lately, by id (see format_number), and how many are kept.
_RECENT: dict[int, tuple[object, str]] = {}
_RECENT_KEPT = 32


def _format_general(x: object, places: int) -> str:
    """:func:`format_number` for any type."""
    # Whole numbers first, as the general path below would write them: explanations of
    # thousands of conflicts format tens of thousands of bounds.
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
            x = _rounded(x, places)
    if isinstance(x, Decimal | int):
        return _decimal_text(Decimal(x))
    return str(x)


#: 10**15 and the quantum of each number of places, made once.
_BIG = Decimal(10) ** 15
_QUANTA: dict[int, Decimal] = {}


def _rounded(x: Fraction, places: int) -> Decimal:
    """A fraction that is not whole, as a Decimal rounded to ``places`` (below 10**15)."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    if abs(d) >= _BIG:
        return d
    q = _QUANTA.get(places)
    if q is None:
        q = _QUANTA[places] = Decimal(1).scaleb(-places)
    return d.quantize(q)


def _decimal_text(d: Decimal) -> str:
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d:,f}".rstrip("0").rstrip(".")


class IntervalWords(NamedTuple):
    """How a language says an interval that is not a point (``{}``: a number)."""

    any_value: str
    at_least: str
    at_most: str
    between: str


ENGLISH_INTERVAL = IntervalWords("any value", "at least {}", "at most {}", "{} to {}")


def say_interval(lo: Fraction | float, hi: Fraction | float, words: IntervalWords,
                 number: Callable[[Fraction | float], str]) -> str:
    """``[lo, hi]`` as text: a point, a range, or a one-sided bound, in ``words``, each
    bound written by ``number``.

    >>> say_interval(Fraction(5, 2), float("inf"), ENGLISH_INTERVAL, format_number)
    'at least 2.5'
    """
    inf = float("inf")
    if lo == hi:
        return number(lo)
    if hi == inf and lo == -inf:
        return words.any_value
    if hi == inf:
        return words.at_least.format(number(lo))
    if lo == -inf:
        return words.at_most.format(number(hi))
    return words.between.format(number(lo), number(hi))
