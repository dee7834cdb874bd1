"""Constraints recorded as plain columns while rules compile, for the vectorised screen.

Recording needs no numpy (a stripped install still compiles rules); :meth:`FlatColumns.arrays`
turns everything into numpy columns at once when a problem is large enough to screen
(:mod:`factcheck.screen`).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain
from typing import Any

from .propagate import conv_hi, conv_lo

__all__ = ["FlatColumns"]


class FlatColumns:
    """Constraints as plain columns, recorded as rules compile (rule numbers in file order).

    Recording keeps each constraint as the compiler gave it, one append per constraint;
    :meth:`arrays` turns them all into numpy columns at once, converting each distinct
    coefficient to floats once.
    """

    def __init__(self) -> None:
        self._linear: list[tuple[int, list[tuple[Fraction, int]], Fraction | float, Fraction | float]] = []
        self._mul: list[tuple[int, int, int, int]] = []
        self._conv: dict[int, tuple[float, float, Fraction | float]] = {}

    def _floats(self, x: Fraction | float) -> tuple[float, float, Fraction | float]:
        """``x`` rounded down and up to floats.  Kinds share their constants (ZERO, ONE,
        MINUS_ONE, ...), so values are cached by identity: hashing a Fraction costs more
        than converting it."""
        f = self._conv.get(id(x))
        if f is None or f[2] is not x:  # the entry keeps x alive, so its id is not reused
            f = self._conv[id(x)] = (conv_lo(x), conv_hi(x), x)
        return f

    def low(self, x: Fraction | float) -> float:
        """A bound as a float no larger than it."""
        return self._floats(x)[0]

    def high(self, x: Fraction | float) -> float:
        """A bound as a float no smaller than it."""
        return self._floats(x)[1]

    def terms(self, rule_no: int, terms: list[tuple[Fraction, int]], lo: Fraction | float,
              hi: Fraction | float) -> None:
        """``lo <= Σ a·x <= hi`` for the ``(a, x)`` in ``terms`` (kept, not copied)."""
        self._linear.append((rule_no, terms, lo, hi))

    def mul(self, rule_no: int, z: int, x: int, y: int) -> None:
        """``z = x · y``."""
        self._mul.append((rule_no, z, x, y))

    def arrays(self) -> dict[str, Any]:
        """Every recorded constraint as numpy columns: linear constraints (``c_*``), their
        terms (``t_*``, ``t_con`` the constraint of each) and products (``m_*``)."""
        import numpy as np

        # Built with C-level iteration (zip, map, chain): tens of thousands of rules.
        lin = self._linear
        c_rule, terms, c_lo, c_hi = zip(*lin, strict=True) if lin else ((), (), (), ())
        c_terms = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        flat = list(chain.from_iterable(terms))
        coefs, t_var = zip(*flat, strict=True) if flat else ((), ())
        # Coefficients and bounds repeat (shared constants): convert each object once.
        for x in {id(a): a for a in (*coefs, *c_lo, *c_hi)}.values():
            self._floats(x)
        conv = self._conv
        lows = {k: f[0] for k, f in conv.items()}
        highs = {k: f[1] for k, f in conv.items()}

        def column(values: tuple[Any, ...], table: dict[int, float]) -> Any:
            return np.fromiter(map(table.__getitem__, map(id, values)), dtype=float, count=len(values))

        mul = np.array(self._mul, dtype=np.int64).reshape(-1, 4)
        return {
            "c_rule": np.array(c_rule, dtype=np.int64), "c_terms": c_terms,
            "c_lo": column(c_lo, lows), "c_hi": column(c_hi, highs),
            "t_con": np.repeat(np.arange(len(terms), dtype=np.int64), c_terms),
            "t_var": np.array(t_var, dtype=np.int64),
            "t_alo": column(coefs, lows), "t_ahi": column(coefs, highs),
            "m_rule": mul[:, 0].copy(), "m_z": mul[:, 1].copy(), "m_x": mul[:, 2].copy(),
            "m_y": mul[:, 3].copy(),
        }
