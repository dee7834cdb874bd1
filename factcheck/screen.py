"""Screening large problems: which rules and components need the one-by-one check.

The evaluator (:mod:`factcheck.evaluate`) checks each rule on its own and then each
connected component as a whole, with the sequential propagation of
:mod:`factcheck.propagate`.  On a problem of thousands of rules almost all of those checks
pass.  This module runs both checks for every rule at once on flat arrays
(:mod:`factcheck.flat`) and returns only the rules and components that the vectorised pass
could not clear; the evaluator then runs its usual checks on just those, so verdicts are
unchanged.  For the local check each rule gets private copies of its variables, so all
rules are checked alone in one pass.

:class:`FlatColumns` is filled while rules compile and needs no numpy; numpy is imported
only when a problem is large enough to screen.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from fractions import Fraction
from itertools import chain
from typing import Any

from .propagate import conv_hi, conv_lo

__all__ = ["FlatColumns", "Screen", "connected", "screen"]


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


class Screen:
    """The outcome of screening: rules whose local check must run, and the joint pass."""

    def __init__(self, cols: FlatColumns, flo: Sequence[float], fhi: Sequence[float],
                 rule_ids: list[str], valid: Collection[str]) -> None:
        import numpy as np

        self._np = np
        self.rule_ids = rule_ids
        self._no = {r: i for i, r in enumerate(rule_ids)}
        self.flo = np.asarray(flo, dtype=float)
        self.fhi = np.asarray(fhi, dtype=float)
        a = cols.arrays()
        self.t_con, self.t_var, self.t_alo, self.t_ahi = a["t_con"], a["t_var"], a["t_alo"], a["t_ahi"]
        self.c_lo, self.c_hi, self.c_rule, self.c_terms = a["c_lo"], a["c_hi"], a["c_rule"], a["c_terms"]
        self.m_z, self.m_x, self.m_y, self.m_rule = a["m_z"], a["m_x"], a["m_y"], a["m_rule"]
        self.local_suspects = self._names(self._pass(self._mask(valid), private=True))

    def _mask(self, rules: Collection[str]) -> Any:
        np = self._np
        n = len(self.rule_ids)
        if 2 * len(rules) < n:
            m = np.zeros(n, dtype=bool)
            m[[self._no[r] for r in rules]] = True
        else:  # nearly every rule (the usual case): mark the few left out
            m = np.ones(n, dtype=bool)
            m[[self._no[r] for r in set(self.rule_ids).difference(rules)]] = False
        return m

    def _names(self, rule_nos: Any) -> set[str]:
        return {self.rule_ids[i] for i in rule_nos.tolist()}

    def _pass(self, rule_mask: Any, *, private: bool) -> Any:
        """Sweep the constraints of the masked rules; return the rule numbers flagged.

        ``private`` gives each rule its own copy of every variable (each rule alone);
        otherwise rules share claim variables (rules together).
        """
        from .flat import FlatProblem, sweep

        np = self._np
        keep_c = rule_mask[self.c_rule] if len(self.c_rule) else np.zeros(0, dtype=bool)
        keep_t = keep_c[self.t_con] if len(self.t_con) else np.zeros(0, dtype=bool)
        keep_m = rule_mask[self.m_rule] if len(self.m_rule) else np.zeros(0, dtype=bool)
        # A linear constraint without terms is left to the sequential check.
        flagged = [self.c_rule[keep_c & (self.c_terms == 0)]]
        con_ids, t_con = np.unique(self.t_con[keep_t], return_inverse=True)
        t_var, m_rule = self.t_var[keep_t], self.m_rule[keep_m]
        mz, mx, my = self.m_z[keep_m], self.m_x[keep_m], self.m_y[keep_m]
        nt, nm = len(t_var), len(mz)
        if private:
            nv = len(self.flo)
            t_rule = self.c_rule[con_ids][t_con]
            keys = np.concatenate([t_rule * nv + t_var, m_rule * nv + mz, m_rule * nv + mx,
                                   m_rule * nv + my])
            uniq, inv = np.unique(keys, return_inverse=True)
            base = uniq % nv
            lo, hi = self.flo[base], self.fhi[base]
            t_var = inv[:nt]
            mz, mx, my = inv[nt:nt + nm], inv[nt + nm:nt + 2 * nm], inv[nt + 2 * nm:]
        else:
            lo, hi = self.flo, self.fhi
        prob = FlatProblem(lo, hi, t_con, t_var, self.t_alo[keep_t], self.t_ahi[keep_t],
                           self.c_lo[con_ids], self.c_hi[con_ids], mz, mx, my)
        res = sweep(prob)
        rules_of_con = self.c_rule[con_ids]
        bad = res.bad_var
        flagged.append(rules_of_con[t_con[bad[t_var]]])
        flagged.append(rules_of_con[res.bad_con])
        flagged.append(m_rule[bad[mz] | bad[mx] | bad[my]])
        return np.unique(np.concatenate(flagged))

    def suspect_components(self, good: list[str], claim_ids: Callable[[str], Iterable[str]]) -> list[list[str]]:
        """Connected components (as :func:`factcheck.graph.components` groups them) of
        ``good`` rules that the joint pass could not clear."""
        seeds = self._names(self._pass(self._mask(good), private=False)) if good else set()
        if not seeds:
            return []
        return connected(good, claim_ids, seeds)


def connected(rules: list[str], claim_ids: Callable[[str], Iterable[str]],
              seeds: Iterable[str] | None = None) -> list[list[str]]:
    """Rules grouped by the claims they share, exactly as :func:`factcheck.graph.components`
    groups them (groups of >= 2 rules, each in input order, ordered by their first rule),
    limited to the groups that contain a seed.  Plain Python: no graph library to import.
    """
    by_claim: dict[str, list[str]] = {}
    refs: dict[str, tuple[str, ...]] = {}
    get = by_claim.get
    for r in rules:
        ids = refs[r] = tuple(claim_ids(r))  # no copy when it is a tuple already
        for cid in ids:
            rs = get(cid)
            if rs is None:
                by_claim[cid] = [r]
            else:
                rs.append(r)
    order = {r: i for i, r in enumerate(rules)}
    start = rules if seeds is None else sorted(set(seeds) & set(order), key=order.__getitem__)
    seen: set[str] = set()
    out: list[list[str]] = []
    for seed in start:
        if seed in seen:
            continue
        group: list[str] = []
        stack = [seed]
        seen.add(seed)
        while stack:
            r = stack.pop()
            group.append(r)
            for cid in refs[r]:
                for r2 in by_claim[cid]:
                    if r2 not in seen:
                        seen.add(r2)
                        stack.append(r2)
        if len(group) >= 2:
            out.append(sorted(group, key=order.__getitem__))
    out.sort(key=lambda rs: order[rs[0]])
    return out


def screen(cols: FlatColumns, flo: Sequence[float], fhi: Sequence[float], rule_ids: list[str],
           valid: Collection[str]) -> Screen:
    """Screen every valid rule on its own (see :class:`Screen`)."""
    return Screen(cols, flo, fhi, rule_ids, valid)

