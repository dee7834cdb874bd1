"""Screening large problems: which rules and components need the one-by-one check.

The evaluator (:mod:`factcheck.evaluate`) checks each rule on its own and then each
connected component as a whole, with the sequential propagation of
:mod:`factcheck.propagate`.  On a problem of thousands of rules almost all of those checks
pass.  This module runs both checks for every rule at once on flat arrays
(:mod:`factcheck.flat`) and returns only the rules and components that the vectorised pass
could not clear; the evaluator then runs its usual checks on just those, so verdicts are
unchanged.  For the local check each rule gets private copies of its variables, so all
rules are checked alone in one pass.

Its input, :class:`factcheck.flatcols.FlatColumns`, is filled while rules compile.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

from .flatcols import FlatColumns

__all__ = ["Screen", "connected", "screen"]


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

