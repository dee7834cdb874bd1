"""Screening large problems: which rules and components need the one-by-one check.

The evaluator (:mod:`factcheck.evaluate`) checks each rule on its own and then each
connected component as a whole, with the sequential propagation of
:mod:`factcheck.propagate`.  On a problem of thousands of rules almost all of those checks
pass.  This module runs both checks for every rule at once on flat arrays
(:mod:`factcheck.flat`) and returns only the rules and components that the vectorised pass
could not clear; the evaluator then runs its usual checks on just those, so verdicts are
unchanged.

For the local check each rule gets private copies of its variables, so all rules are
checked alone in one pass.  The joint pass resumes from there instead of starting over:
each variable starts from the intersection of its private copies' final domains (every
one a sound narrowing, so their intersection is too), and only the rules whose copies that
intersection narrowed further, or that the local pass flagged, are revised in its first
sweep — every other rule is already at its fixpoint there.

Its input, :class:`factcheck.flatcols.FlatColumns`, is filled while rules compile.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterable, Sequence
from itertools import chain
from typing import Any, TypeVar

from .flatcols import FlatColumns

__all__ = ["Screen", "connected", "screen"]

Array = Any  # numpy arrays (numpy is imported only when a problem is screened)
H = TypeVar("H", bound=Hashable)


class Screen:
    """The outcome of screening: rules whose local check must run, and the joint pass.

    ``cols.arrays()`` may also hold ``i_rule`` and ``i_claim``: one entry per reference of
    a rule to a claim, the rule's number (its position in ``rule_ids``) and a number naming
    the claim.  :meth:`suspect_components` then groups rules from those integers instead of
    reading every rule's claim ids.
    """

    def __init__(self, cols: FlatColumns, flo: Sequence[float], fhi: Sequence[float],
                 rule_ids: list[str], valid: Collection[str]) -> None:
        import numpy as np

        self._np = np
        self.rule_ids = rule_ids
        self._index: dict[str, int] | None = None
        self.flo = np.asarray(flo, dtype=float)
        self.fhi = np.asarray(fhi, dtype=float)
        a = cols.arrays()
        self.c_lo, self.c_hi, self.c_rule = a["c_lo"], a["c_hi"], a["c_rule"]
        self.t_con, self.t_var, self.t_alo, self.t_ahi = a["t_con"], a["t_var"], a["t_alo"], a["t_ahi"]
        if len(self.t_con) > 1 and not (self.t_con[1:] >= self.t_con[:-1]).all():
            # The sweep reads each constraint's terms as one range.
            o = np.argsort(self.t_con, kind="stable")
            self.t_con, self.t_var, self.t_alo, self.t_ahi = (
                self.t_con[o], self.t_var[o], self.t_alo[o], self.t_ahi[o])
        # Constraints as the terms name them (those without terms are not in t_con).
        self.c_terms = np.bincount(self.t_con, minlength=len(self.c_rule))
        self.m_z, self.m_x, self.m_y, self.m_rule = a["m_z"], a["m_x"], a["m_y"], a["m_rule"]
        self._incidence = (a["i_rule"], a["i_claim"]) if "i_rule" in a and "i_claim" in a else None
        mask = self._valid = self._mask(valid)
        flagged, self._local = self._private_pass(mask)
        self._flagged = np.zeros(len(rule_ids), dtype=bool)
        self._flagged[flagged] = True
        #: The numbers (positions in ``rule_ids``) of the rules the local pass flagged, in
        #: order: the evaluator checks them alone without looking up any rule's name.
        self.local_suspect_numbers: list[int] = flagged.tolist()

    def _no(self) -> dict[str, int]:
        """Each rule's number (built once, when first needed)."""
        if self._index is None:
            self._index = dict(zip(self.rule_ids, range(len(self.rule_ids)), strict=True))
        return self._index

    def _mask(self, rules: Collection[str]) -> Array:
        np = self._np
        n = len(self.rule_ids)
        if isinstance(rules, list) and rules == self.rule_ids:  # every rule (the usual case)
            return np.ones(n, dtype=bool)
        m = np.zeros(n, dtype=bool)
        no = self._no()
        m[np.fromiter(map(no.__getitem__, rules), dtype=np.int64, count=len(rules))] = True
        return m

    @property
    def local_suspects(self) -> set[str]:
        """The names of the rules the local pass flagged."""
        ids = self.rule_ids
        return {ids[i] for i in self.local_suspect_numbers}

    def _select(self, rule_mask: Array) -> tuple[Array, Array, Array, Array, Array]:
        """The linear constraints (with terms), terms and products of the masked rules:
        constraint numbers kept, the terms' constraints renumbered from 0, the terms kept,
        the products kept, and the rules flagged for a constraint without terms."""
        np = self._np
        keep_c = rule_mask[self.c_rule]
        empty = self.c_rule[keep_c & (self.c_terms == 0)]
        keep_m = np.flatnonzero(rule_mask[self.m_rule])
        if keep_c.all():  # every constraint (the usual case for the local pass)
            keep_t = np.arange(len(self.t_con))
            t_con = self.t_con
        else:
            keep_t = np.flatnonzero(keep_c[self.t_con])
            t_con = self.t_con[keep_t]
        # Terms are sorted by constraint: renumber the constraints that have any, in order.
        first = np.r_[True, t_con[1:] != t_con[:-1]] if len(t_con) else np.zeros(0, dtype=bool)
        con_ids = t_con[first]
        return con_ids, np.cumsum(first) - 1, keep_t, keep_m, empty

    def _private_pass(self, rule_mask: Array) -> tuple[Array, dict[str, Array]]:
        """Sweep every masked rule alone, each with private copies of its variables.

        Returns the rule numbers flagged, and what the joint pass resumes from: each copy's
        variable, rule and final domain, and whether it still moved in the last sweep.
        """
        from .flat import FlatProblem, sweep

        np = self._np
        con_ids, t_con, keep_t, keep_m, empty = self._select(rule_mask)
        t_var, m_rule = self.t_var[keep_t], self.m_rule[keep_m]
        nt, nm = len(t_var), len(m_rule)
        nv = len(self.flo)
        t_rule = self.c_rule[con_ids][t_con]
        # One copy per (rule, variable): a stable sort of the keys is nearly linear here,
        # since each rule's occurrences come together.
        keys = np.concatenate([t_rule * nv + t_var, m_rule * nv + self.m_z[keep_m],
                               m_rule * nv + self.m_x[keep_m], m_rule * nv + self.m_y[keep_m]])
        order = np.argsort(keys, kind="stable")
        sk = keys[order]
        first = np.r_[True, sk[1:] != sk[:-1]] if len(sk) else np.zeros(0, dtype=bool)
        copy_of = np.empty(len(keys), dtype=np.int64)
        copy_of[order] = np.cumsum(first) - 1
        uniq = sk[first]
        base, c_rule = uniq % nv, uniq // nv
        prob = FlatProblem(self.flo[base], self.fhi[base], t_con, copy_of[:nt], self.t_alo[keep_t],
                           self.t_ahi[keep_t], self.c_lo[con_ids], self.c_hi[con_ids],
                           copy_of[nt:nt + nm], copy_of[nt + nm:nt + 2 * nm], copy_of[nt + 2 * nm:])
        res = sweep(prob)
        flagged = np.unique(np.concatenate([empty, c_rule[res.bad_var], self.c_rule[con_ids[res.bad_con]]]))
        return flagged, {"base": base, "rule": c_rule, "lo": res.lo, "hi": res.hi, "moved": res.moved}

    def _joint_pass(self, rule_mask: Array) -> Array:
        """Sweep the masked rules together (sharing claim variables), resuming from the
        local pass; return the rule numbers flagged."""
        from .flat import FlatProblem, sweep

        np = self._np
        con_ids, t_con, keep_t, keep_m, empty = self._select(rule_mask)
        t_var, m_rule = self.t_var[keep_t], self.m_rule[keep_m]
        mz, mx, my = self.m_z[keep_m], self.m_x[keep_m], self.m_y[keep_m]
        # Start from the intersection of the private copies of the rules that the local
        # pass cleared (each copy's domain holds every solution of its rule alone, so of
        # all rules together).
        loc = self._local
        base, c_rule = loc["base"], loc["rule"]
        use = rule_mask[c_rule] & ~self._flagged[c_rule]
        lo, hi = self.flo.copy(), self.fhi.copy()
        np.maximum.at(lo, base[use], loc["lo"][use])
        np.minimum.at(hi, base[use], loc["hi"][use])
        # A cleared rule is at its fixpoint unless it still moved in the last local sweep,
        # or another rule narrowed one of its variables further.
        narrowed = use & (loc["moved"] | (loc["lo"] != lo[base]) | (loc["hi"] != hi[base]))
        stale = self._flagged | ~self._valid  # a rule not screened alone starts cold
        stale[c_rule[narrowed]] = True
        rules_of_con = self.c_rule[con_ids]
        todo = (np.flatnonzero(stale[rules_of_con]), np.flatnonzero(stale[m_rule]))
        prob = FlatProblem(self.flo, self.fhi, t_con, t_var, self.t_alo[keep_t], self.t_ahi[keep_t],
                           self.c_lo[con_ids], self.c_hi[con_ids], mz, mx, my)
        res = sweep(prob, start=(lo, hi), todo=todo)
        bad = res.bad_var
        return np.unique(np.concatenate([empty, rules_of_con[t_con[bad[t_var]]], rules_of_con[res.bad_con],
                                         m_rule[bad[mz] | bad[my] | bad[mx]]]))

    def suspect_components(self, good: list[str], claim_ids: Callable[[str], Iterable[str]],
                           numbers: list[int] | None = None) -> list[list[str]]:
        """Connected components (as :func:`factcheck.graph.components` groups them) of
        ``good`` rules that the joint pass could not clear.  ``numbers``, if given, are the
        good rules' numbers (positions in ``rule_ids``), in the same order."""
        return [[good[i] for i in g] for g in self.suspect_groups(good, claim_ids, numbers)]

    def suspect_groups(self, good: list[str], claim_ids: Callable[[str], Iterable[str]],
                       numbers: list[int] | None = None) -> list[list[int]]:
        """:meth:`suspect_components`, each rule given by its position in ``good``."""
        if not good:
            return []
        np = self._np
        if numbers is not None:
            good_no = np.asarray(numbers, dtype=np.int64)
        else:
            no = self._no()
            good_no = np.fromiter(map(no.__getitem__, good), dtype=np.int64, count=len(good))
        mask = np.zeros(len(self.rule_ids), dtype=bool)
        mask[good_no] = True
        seeds = self._joint_pass(mask)
        if not len(seeds):
            return []
        # Rules by their position in ``good``, which orders the components.
        pos = np.full(len(self.rule_ids), -1, dtype=np.int64)
        pos[good_no] = np.arange(len(good))
        if self._incidence is not None:
            i_rule, i_claim = self._incidence
            ref_rule = pos[i_rule]
            keep = ref_rule >= 0
            ref_rule, ref_claim = ref_rule[keep], i_claim[keep]
        else:
            ref_rule, ref_claim = _incidence(good, claim_ids)
        return seed_components(len(good), ref_rule, ref_claim, np.sort(pos[seeds]))


def _incidence(rules: list[str], claim_ids: Callable[[str], Iterable[str]]) -> tuple[Array, Array]:
    """Each reference of a rule to a claim: the rule's position in ``rules`` and a number
    naming the claim (the position of its last reference)."""
    import numpy as np

    refs: list[Any] = list(map(claim_ids, rules))
    try:
        counts = np.fromiter(map(len, refs), dtype=np.int64, count=len(refs))
    except TypeError:  # iterators, not sequences
        refs = list(map(tuple, refs))
        counts = np.fromiter(map(len, refs), dtype=np.int64, count=len(refs))
    flat = list(chain.from_iterable(refs))
    last = dict(zip(flat, range(len(flat)), strict=True))
    claims = np.fromiter(map(last.__getitem__, flat), dtype=np.int64, count=len(flat))
    return np.repeat(np.arange(len(rules)), counts), claims


#: Levels of the vectorised search before it hands over to a plain walk (long chains).
_LEVELS = 48


def seed_components(n_rules: int, ref_rule: Array, ref_claim: Array, seeds: Array, *,
                    levels: int = _LEVELS) -> list[list[int]]:
    """:func:`connected` on rule numbers ``0 .. n_rules - 1`` that refer to claims as the
    pairs ``(ref_rule[k], ref_claim[k])`` say, limited to the groups of ``seeds``.

    Only the seeds' components are visited: a breadth-first search over the incidence
    sorted with numpy (one level per step for all seeds at once), then the few rules
    reached are grouped exactly as :func:`connected` groups them.  After ``levels`` steps
    (a long chain) one plain walk over the whole incidence finishes the job.
    """
    import numpy as np

    by_rule = np.argsort(ref_rule, kind="stable")
    r_claim = ref_claim[by_rule]
    r_start = np.searchsorted(ref_rule[by_rule], np.arange(n_rules + 1))
    by_claim = np.argsort(r_claim, kind="stable")
    sc = r_claim[by_claim]
    new_claim = np.r_[True, sc[1:] != sc[:-1]] if len(sc) else np.zeros(0, dtype=bool)
    group = np.empty(len(sc), dtype=np.int64)  # each reference's claim, numbered 0 .. n - 1
    group[by_claim] = np.cumsum(new_claim) - 1
    g_start = np.r_[np.flatnonzero(new_claim), len(sc)]
    g_rules = ref_rule[by_rule][by_claim]  # the rules of claim g: g_rules[g_start[g]:g_start[g + 1]]

    def ranges(starts: Array, ends: Array) -> Array:
        lens = ends - starts
        total = int(lens.sum())
        cum = np.cumsum(lens)
        return np.repeat(starts - (cum - lens), lens) + np.arange(total)

    seen_rule = np.zeros(n_rules, dtype=bool)
    seen_claim = np.zeros(len(g_start) - 1, dtype=bool)
    frontier = np.unique(seeds)
    seen_rule[frontier] = True
    for _ in range(levels):
        if not len(frontier):
            break
        gs = np.unique(group[ranges(r_start[frontier], r_start[frontier + 1])])
        gs = gs[~seen_claim[gs]]
        seen_claim[gs] = True
        rs = np.unique(g_rules[ranges(g_start[gs], g_start[gs + 1])])
        frontier = rs[~seen_rule[rs]]
        seen_rule[frontier] = True
    reached = np.flatnonzero(seen_rule)
    if len(frontier):  # a long chain: finish with one plain walk over the whole incidence
        reached = np.arange(n_rules)
    rs_list = reached.tolist()
    starts, ends = r_start[reached].tolist(), r_start[reached + 1].tolist()
    claims = group.tolist() if len(frontier) else None
    refs: dict[int, list[int]] = {}
    for r, s, e in zip(rs_list, starts, ends, strict=True):
        refs[r] = claims[s:e] if claims is not None else group[s:e].tolist()
    return connected(rs_list, refs.__getitem__, seeds.tolist())


def connected(rules: list[H], claim_ids: Callable[[H], Iterable[Hashable]],
              seeds: Iterable[H] | None = None) -> list[list[H]]:
    """Rules grouped by the claims they share, exactly as :func:`factcheck.graph.components`
    groups them (groups of >= 2 rules, each in input order, ordered by their first rule),
    limited to the groups that contain a seed.  Plain Python: no graph library to import.
    """
    by_claim: dict[Hashable, list[H]] = {}
    refs: dict[H, tuple[Hashable, ...]] = {}
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
    seen: set[H] = set()
    out: list[list[H]] = []
    for seed in start:
        if seed in seen:
            continue
        group: list[H] = []
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
