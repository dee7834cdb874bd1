"""The one shared pint registry and exact conversion of units to canonical base units.

pint is the language of units and of conversion factors; the evaluator never does
arithmetic through pint objects.  Each claim's unit is converted once, here, to an exact
factor (a :class:`fractions.Fraction`, or an interval of them for calendar units such as
months whose length in days varies) times a canonical base unit.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from importlib import resources
from typing import Any

from .errors import UnitError

__all__ = ["CALENDAR_UNITS", "CURRENCIES", "Canonical", "canonical", "dimension_label", "is_count", "registry"]

#: Units whose length depends on the calendar: (shortest, longest) in days.  A year has 365
#: or 366 days, a month 28 to 31 (29 to 31 in the Persian calendar, within this bound too).
CALENDAR_UNITS: dict[str, tuple[Fraction, Fraction]] = {
    "month": (Fraction(28), Fraction(31)),
    "year": (Fraction(365), Fraction(366)),
}
_SECONDS_PER_DAY = Fraction(86400)
#: The newsroom file's base dimensions that are money, not counts (newsroom_units.txt).
CURRENCIES = frozenset({"[rial]", "[usd]", "[eur]", "[gbp]"})


def _newsroom_text() -> str:
    return resources.files("factcheck").joinpath("newsroom_units.txt").read_text("utf-8")


@functools.lru_cache(maxsize=1)
def registry() -> Any:
    """Return the process-wide :class:`pint.UnitRegistry`, built once.

    Exact ``Fraction`` magnitudes keep conversion factors such as 1/24 exact.
    """
    import pint

    ureg: Any = pint.UnitRegistry(non_int_type=Fraction, autoconvert_offset_to_baseunit=False)
    defs = _newsroom_text()
    # pint keeps its own definition when a name is defined again, and it ships a "fifth"
    # (a fifth of a gallon): drop pint's entries for the names the newsroom file defines so
    # that "a fifth" is 1/5, not a volume.
    for line in defs.splitlines():
        name = line.split("#", 1)[0].split("=", 1)[0].strip()
        if name and "=" in line:
            for table in getattr(ureg._units, "maps", [ureg._units]):
                table.pop(name, None)
    ureg.load_definitions(defs.splitlines())
    if hasattr(ureg, "_build_cache"):  # conversions cached while pint's own entries stood
        ureg._build_cache()
    return ureg


class Canonical:
    """A unit reduced to ``factor * base`` where factor is an exact interval.

    ``lo == hi`` for ordinary units; calendar units (month, year) widen the factor.
    ``dims`` is pint's dimensionality as a frozen, sorted tuple, comparable with ``==``.
    """

    __slots__ = ("base", "dims", "hi", "lo", "unit")

    def __init__(
        self, unit: str, lo: Fraction, hi: Fraction, dims: tuple[tuple[str, int], ...], base: str
    ) -> None:
        self.unit = unit
        self.lo = lo
        self.hi = hi
        self.dims = dims
        self.base = base

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def __repr__(self) -> str:
        return f"Canonical({self.unit!r}, {self.lo}..{self.hi} {self.base})"


@functools.lru_cache(maxsize=4096)
def canonical(unit: str) -> Canonical:
    """Reduce a unit string to an exact factor interval times its base unit.

    >>> c = canonical("call / hour")
    >>> c.lo == c.hi == Fraction(1, 3600)
    True
    >>> canonical("month").lo, canonical("month").hi
    (Fraction(2419200, 1), Fraction(2678400, 1))
    """
    from . import unitcache

    # Units seen in an earlier run come from a small file: no pint registry to build.
    hit = unitcache.get(unit)
    if hit is not None:
        return Canonical(unit, *hit)
    c = _canonical(unit)
    unitcache.put(unit, c.lo, c.hi, c.dims, c.base)
    return c


def _canonical(unit: str) -> Canonical:
    import pint

    ureg = registry()
    text = unit.strip() or "dimensionless"
    try:
        parsed = ureg.parse_units(text)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
        raise UnitError(f"unknown unit (got {unit!r})") from exc
    except Exception as exc:  # pint raises assorted errors on garbage such as "**"
        raise UnitError(f"cannot parse unit (got {unit!r}): {exc}") from exc
    lo = hi = Fraction(1)
    rest = ureg.Unit("dimensionless")
    for name, power in parsed._units.items():
        if name in CALENDAR_UNITS:
            dlo, dhi = CALENDAR_UNITS[name]
            a, b = dlo * _SECONDS_PER_DAY, dhi * _SECONDS_PER_DAY
            if power > 0:
                lo, hi = lo * a**power, hi * b**power
            else:
                lo, hi = lo * b**power, hi * a**power
            rest = rest * ureg.Unit("second") ** power
        else:
            rest = rest * ureg.Unit(name) ** power
    base_q = ureg.Quantity(Fraction(1), rest).to_base_units()
    factor = Fraction(base_q.magnitude)
    dims = tuple(sorted((str(k), int(v)) for k, v in base_q.dimensionality.items()))
    return Canonical(unit, lo * factor, hi * factor, dims, _unit_text(base_q.units))


def _unit_text(units: Any) -> str:
    """A base unit as text; pint's own formatter fails on the registry's Fraction exponents."""
    num = [n if p == 1 else f"{n} ** {p}" for n, p in sorted(units._units.items()) if p > 0]
    den = [n if p == -1 else f"{n} ** {-p}" for n, p in sorted(units._units.items()) if p < 0]
    text = " * ".join(num) or "1"
    if den:
        text += " / " + " / ".join(den)
    return "dimensionless" if text == "1" else text


@functools.lru_cache(maxsize=1)
def _counted_dimensions() -> frozenset[str]:
    """The base dimensions newsroom_units.txt defines (``person = [person]``), less money."""
    defined = re.findall(r"^[^#=]*=\s*(\[\w+\])", _newsroom_text(), flags=re.MULTILINE)
    return frozenset(defined) - CURRENCIES


def is_count(c: Canonical) -> bool:
    """True if a figure in this unit counts discrete things, so its true value is a whole number.

    A count is exactly one newsroom base dimension to the power 1 with factor exactly 1:
    ``person``, ``call``, ``accident``.  Everything else can take fractional values and
    is never read as whole: a rate (``person / day``), a unit with a factor other than 1
    (its whole numbers of things are not whole numbers of the unit), a percentage or
    ratio (dimensionless), a physical quantity (pint's own dimensions such as ``[time]``,
    ``[length]``, ``[mass]``: a duration of 2.5 days is a duration) and money (``[rial]``,
    ``[usd]``, ...: amounts are averaged, converted and written in fractions of a unit).
    Only dimensions the newsroom file defines count, so a unit pint adds later is not
    narrowed by accident.  Used by ``Policy.integer_counts`` (docs/semantics.md).

    >>> is_count(canonical("person")), is_count(canonical("person / day"))
    (True, False)
    >>> is_count(canonical("rial")), is_count(canonical("day")), is_count(canonical("percent"))
    (False, False, False)
    """
    dims = c.dims
    return (len(dims) == 1 and dims[0][1] == 1 and c.lo == 1 and c.hi == 1
            and dims[0][0] in _counted_dimensions())


def dimension_label(dims: tuple[tuple[str, int], ...]) -> str:
    """Readable dimensionality, e.g. ``[call] / [time]``."""
    if not dims:
        return "dimensionless"
    num = " * ".join(k if v == 1 else f"{k}**{v}" for k, v in dims if v > 0)
    den = " * ".join(k if v == -1 else f"{k}**{-v}" for k, v in dims if v < 0)
    if den:
        return f"{num or '1'} / {den}"
    return num
