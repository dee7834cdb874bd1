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

    Two ways in.  Rules compiled one by one record each constraint as the compiler gave
    it, one append per constraint (:meth:`terms`, :meth:`mul`).  Kinds that compile many
    rules at once (:mod:`factcheck.colbuild`) add numpy blocks of constraints with the
    same number of terms (:meth:`linear_block`, :meth:`mul_block`), each row with its
    rule number and its place among that rule's constraints.  :meth:`arrays` turns
    everything into numpy columns at once, converting each distinct coefficient to floats
    once, with constraints ordered by rule and, within a rule, as it added them.
    """

    def __init__(self) -> None:
        self._linear: list[tuple[int, list[tuple[Fraction, int]], Fraction | float, Fraction | float]] = []
        self._mul: list[tuple[int, int, int, int]] = []
        self._conv: dict[int, tuple[float, float, Fraction | float]] = {}
        # Blocks: (rule numbers, order within the rule, c_lo, c_hi, [(a_lo, a_hi, var)...])
        self._lin_blocks: list[tuple[Any, Any, Any, Any, list[tuple[Any, Any, Any]]]] = []
        self._mul_blocks: list[tuple[Any, Any, Any, Any, Any]] = []
        # Which claims each rule refers to (its claim_ids), as (rule number, variable):
        # the screen groups rules into components by them without reading ids as strings.
        # A compiler that records them records them for every rule it compiles.
        self._refs: list[tuple[int, int]] = []
        self._ref_blocks: list[tuple[Any, Any]] = []
        self._refs_used = False
        self._refs_complete = True

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

    def linear_block(self, rule_nos: Any, seq: Any, c_lo: Any, c_hi: Any,
                     terms: list[tuple[Any, Any, Any]]) -> None:
        """One constraint per row: ``c_lo <= Σ a·x <= c_hi`` over ``terms``, each term a
        coefficient interval ``[a_lo, a_hi]`` and a variable (arrays, or floats for all
        rows).  ``seq`` orders a rule's constraints (any increasing numbers)."""
        self._lin_blocks.append((rule_nos, seq, c_lo, c_hi, terms))

    def mul_block(self, rule_nos: Any, seq: Any, z: Any, x: Any, y: Any) -> None:
        """``z = x · y``, one per row."""
        self._mul_blocks.append((rule_nos, seq, z, x, y))

    def refers(self, rule_no: int, variables: list[int] | None) -> None:
        """Rule ``rule_no`` refers to the claims of these variables (None: to a claim that
        has none; the incidence is then left out of :meth:`arrays`)."""
        self._refs_used = True
        if variables is None:
            self._refs_complete = False
        else:
            self._refs.extend((rule_no, v) for v in variables)

    def refers_block(self, rule_nos: Any, variables: Any) -> None:
        """As :meth:`refers` for many rules: parallel arrays, one entry per reference."""
        self._refs_used = True
        self._ref_blocks.append((rule_nos, variables))

    def arrays(self) -> dict[str, Any]:
        """Every recorded constraint as numpy columns: linear constraints (``c_*``), their
        terms (``t_*``, ``t_con`` the constraint of each) and products (``m_*``); and,
        when the compiler recorded every rule's claims, the references of rules to
        claims (``i_rule``, ``i_claim``: rule number and variable of each)."""
        import numpy as np

        a = self._recorded()
        if self._lin_blocks or self._mul_blocks:
            a = _with_blocks(a, self._lin_blocks, self._mul_blocks)
        if self._refs_used and self._refs_complete:
            pairs = np.array(self._refs, dtype=np.int64).reshape(-1, 2)
            a["i_rule"] = np.concatenate([pairs[:, 0], *(r for r, _ in self._ref_blocks)]).astype(np.int64)
            a["i_claim"] = np.concatenate([pairs[:, 1], *(v for _, v in self._ref_blocks)]).astype(np.int64)
        return a

    def _recorded(self) -> dict[str, Any]:
        """The constraints recorded one by one, as columns (``seq``: their order)."""
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
            "c_seq": np.arange(len(terms), dtype=np.int64), "m_seq": np.arange(len(mul), dtype=np.int64),
        }


def _with_blocks(a: dict[str, Any], lin_blocks: list[tuple[Any, Any, Any, Any, list[tuple[Any, Any, Any]]]],
                 mul_blocks: list[tuple[Any, Any, Any, Any, Any]]) -> dict[str, Any]:
    """``a`` (columns of constraints recorded one by one) with the blocks added, every
    constraint ordered by rule, then by its order within the rule."""
    import numpy as np

    c_rule, c_seq, c_lo, c_hi, c_terms = [a["c_rule"]], [a["c_seq"]], [a["c_lo"]], [a["c_hi"]], [a["c_terms"]]
    t_var, t_alo, t_ahi = [a["t_var"]], [a["t_alo"]], [a["t_ahi"]]
    for rule_nos, seq, lo, hi, terms in lin_blocks:
        n, k = len(rule_nos), len(terms)
        c_rule.append(rule_nos)
        c_seq.append(np.broadcast_to(seq, n))
        c_lo.append(np.broadcast_to(np.asarray(lo, dtype=float), n))
        c_hi.append(np.broadcast_to(np.asarray(hi, dtype=float), n))
        c_terms.append(np.full(n, k, dtype=np.int64))
        # Terms row by row: (n, k) matrices read in row order.
        t_var.append(np.stack([np.broadcast_to(v, n) for _, _, v in terms], axis=1).ravel())
        t_alo.append(np.stack([np.broadcast_to(np.asarray(x, dtype=float), n) for x, _, _ in terms], axis=1).ravel())
        t_ahi.append(np.stack([np.broadcast_to(np.asarray(x, dtype=float), n) for _, x, _ in terms], axis=1).ravel())
    rule = np.concatenate(c_rule).astype(np.int64, copy=False)
    counts = np.concatenate(c_terms)
    order = np.lexsort((np.concatenate(c_seq), rule))
    counts_sorted = counts[order]
    # Each constraint's terms move with it: the terms of constraint i start at starts[i].
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    new_starts = np.concatenate([[0], np.cumsum(counts_sorted)[:-1]]).astype(np.int64)
    t_order = np.repeat(starts[order] - new_starts, counts_sorted) + np.arange(int(counts.sum()), dtype=np.int64)
    m_rule, m_seq, mz, mx, my = [a["m_rule"]], [a["m_seq"]], [a["m_z"]], [a["m_x"]], [a["m_y"]]
    for rule_nos, seq, z, x, y in mul_blocks:
        n = len(rule_nos)
        m_rule.append(rule_nos)
        m_seq.append(np.broadcast_to(seq, n))
        mz.append(np.broadcast_to(z, n))
        mx.append(np.broadcast_to(x, n))
        my.append(np.broadcast_to(y, n))
    mrule = np.concatenate(m_rule).astype(np.int64, copy=False)
    m_order = np.lexsort((np.concatenate(m_seq), mrule))
    return {
        "c_rule": rule[order], "c_terms": counts_sorted,
        "c_lo": np.concatenate(c_lo)[order], "c_hi": np.concatenate(c_hi)[order],
        "t_con": np.repeat(np.arange(len(order), dtype=np.int64), counts_sorted),
        "t_var": np.concatenate(t_var).astype(np.int64, copy=False)[t_order],
        "t_alo": np.concatenate(t_alo)[t_order], "t_ahi": np.concatenate(t_ahi)[t_order],
        "m_rule": mrule[m_order],
        "m_z": np.concatenate(mz).astype(np.int64, copy=False)[m_order],
        "m_x": np.concatenate(mx).astype(np.int64, copy=False)[m_order],
        "m_y": np.concatenate(my).astype(np.int64, copy=False)[m_order],
        "c_seq": np.concatenate(c_seq)[order], "m_seq": np.concatenate(m_seq)[m_order],
    }
