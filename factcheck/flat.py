"""Interval propagation over flat numpy arrays: a sound, vectorised first pass.

The same two primitives as :mod:`factcheck.propagate` (linear sums and products) are
stored column-wise, and every constraint is revised at once per sweep (Jacobi style, where
:func:`factcheck.propagate.propagate` revises one constraint at a time).  It is used as a
*filter* on large problems: whatever it cannot settle — a domain that becomes empty, a
constraint whose terms cannot reach its bounds, a value that is still narrowing after
``max_sweeps`` — is flagged, and only the flagged rules and components go through the
sequential propagation and exact confirmation.  Verdicts are therefore those of the
sequential evaluator; this module decides only which rules need it.

Soundness: every product and quotient is rounded outward by one ulp (``np.nextafter``),
and each sum is widened by a bound on the rounding error of floating-point summation
(``(k + 2) · 2⁻⁵² · Σ|terms|`` for ``k`` terms, above the classical ``γₖ₋₁`` bound), so a
domain is only ever narrowed by values that cannot satisfy a constraint.  ``0 · ∞`` is 0,
as in :mod:`factcheck.propagate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["FlatProblem", "sweep"]

Array = Any  # numpy arrays; numpy's own stubs are too loose to add much here
_EPS = 2.0**-52
_TINY = 5e-324
INF = np.inf


@dataclass
class FlatProblem:
    """Constraints column-wise.

    Linear constraint ``c``: ``c_lo[c] <= Σ a·x <= c_hi[c]`` over the terms ``t`` with
    ``t_con[t] == c`` (terms sorted by constraint, every constraint with >= 1 term); a
    coefficient is the interval ``[t_alo, t_ahi]`` (a point when it is exact in floats).
    Product ``m``: ``m_z = m_x · m_y``.
    """

    lo: Array
    hi: Array
    t_con: Array
    t_var: Array
    t_alo: Array
    t_ahi: Array
    c_lo: Array
    c_hi: Array
    m_z: Array
    m_x: Array
    m_y: Array


@dataclass
class SweepResult:
    """Final domains, and what the sweeps could not settle."""

    lo: Array
    hi: Array
    bad_var: Array  # bool per variable: empty, not a number, or still narrowing
    bad_con: Array  # bool per linear constraint: its terms cannot reach its bounds
    moved: Array  # bool per variable: narrowed (by any amount) in the last sweep


def _down(x: Array) -> Array:
    return np.nextafter(x, -INF)


def _up(x: Array) -> Array:
    return np.nextafter(x, INF)


def _mul(a: Array, b: Array) -> Array:
    # Overflow gives ±inf, which the outward rounding turns into the largest float.
    with np.errstate(invalid="ignore", over="ignore"):
        p = a * b
    return np.where((a == 0) | (b == 0), 0.0, p)


def _imul(alo: Array, ahi: Array, blo: Array, bhi: Array) -> tuple[Array, Array]:
    p1, p2, p3, p4 = _mul(alo, blo), _mul(alo, bhi), _mul(ahi, blo), _mul(ahi, bhi)
    lo = np.minimum(np.minimum(p1, p2), np.minimum(p3, p4))
    hi = np.maximum(np.maximum(p1, p2), np.maximum(p3, p4))
    return _down(lo), _up(hi)


def _div(a: Array, b: Array) -> Array:
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        q = a / b
    both_inf = np.isinf(a) & np.isinf(b)
    q = np.where(both_inf, np.where((a > 0) == (b > 0), INF, -INF), q)
    return np.where(a == 0, 0.0, q)


def _idiv(alo: Array, ahi: Array, blo: Array, bhi: Array) -> tuple[Array, Array, Array]:
    """``[a] / [b]`` and a mask of where it is defined (``b`` does not contain zero)."""
    ok = ~((blo <= 0) & (bhi >= 0))
    p1, p2, p3, p4 = _div(alo, blo), _div(alo, bhi), _div(ahi, blo), _div(ahi, bhi)
    lo = np.minimum(np.minimum(p1, p2), np.minimum(p3, p4))
    hi = np.maximum(np.maximum(p1, p2), np.maximum(p3, p4))
    return _down(lo), _up(hi), ok


class _Linear:
    """The linear constraints' static structure, and one Jacobi revision of some of them.

    Domains are kept as one array ``U = [lo, -hi]`` of lower bounds, so that every
    narrowing is a maximum.  Terms whose coefficient is exactly ``±1`` (sums and
    differences: nearly all of them) need no arithmetic to bound ``a·x``: its lower bound
    and negated upper bound are two entries of ``U`` (``lo`` and ``-hi`` of ``x``, swapped
    when ``a = -1``), and the projection back onto ``x`` is exact.  Other terms go through
    interval products and quotients rounded outward.  Sums over each constraint's terms are
    accumulated with ``np.bincount`` (any order of summation has the same error bound).
    """

    def __init__(self, p: FlatProblem, nv: int) -> None:
        self.p = p
        self.nv = nv
        t_con = p.t_con
        self.starts = np.flatnonzero(np.r_[True, t_con[1:] != t_con[:-1]])
        self.counts = np.diff(np.r_[self.starts, len(t_con)])
        alo, ahi = p.t_alo, p.t_ahi
        unit = (alo == ahi) & (np.abs(alo) == 1.0)
        neg = unit & (alo < 0)
        # Where a·x's lower bound and negated upper bound are read from, and narrowed into.
        self.il = p.t_var + nv * neg
        self.ih = p.t_var + nv * ~neg
        # Terms whose coefficient is not ±1; None when there are none (the usual case).
        self.general: Array | None = None if unit.all() else ~unit
        self.t_clo = p.c_lo[t_con]
        self.t_nchi = -p.c_hi[t_con]

    def revise(self, u: Array, dead: Array, new_u: Array, bad_con: Array, todo: Array | None) -> None:
        """Revise the constraints ``todo`` (all when None) against the domains ``u``:
        narrow ``new_u`` and mark in ``bad_con`` those whose terms cannot reach their
        bounds."""
        p, nv = self.p, self.nv
        if todo is None:
            sel: Any = slice(None)
            counts, t_loc, cons = self.counts, p.t_con, slice(None)
        else:
            # The terms of the constraints in ``todo``, as one block (terms are sorted by
            # constraint, so each constraint's terms are one range).
            counts = self.counts[todo]
            ends = np.cumsum(counts)
            sel = np.repeat(self.starts[todo] - (ends - counts), counts) + np.arange(ends[-1])
            t_loc = np.repeat(np.arange(len(todo)), counts)
            cons = todo
        n = len(counts)
        il, ih, t_var = self.il[sel], self.ih[sel], p.t_var[sel]
        tl = u[il]  # a·x >= tl
        nth = u[ih]  # -a·x >= nth
        g = None if self.general is None else np.flatnonzero(self.general[sel])
        if g is not None and len(g):
            alo, ahi, xg = p.t_alo[sel][g], p.t_ahi[sel][g], t_var[g]
            tl[g], th = _imul(alo, ahi, u[xg], -u[nv + xg])
            nth[g] = -th
        fin_l = np.isfinite(tl)
        fin_h = np.isfinite(nth)
        all_l, all_h = fin_l.all(), fin_h.all()
        tl_f = tl if all_l else np.where(fin_l, tl, 0.0)
        nth_f = nth if all_h else np.where(fin_h, nth, 0.0)
        s_lo = np.bincount(t_loc, weights=tl_f, minlength=n)
        s_nhi = np.bincount(t_loc, weights=nth_f, minlength=n)
        k = counts + 2.0
        margin = k * _EPS * np.bincount(t_loc, weights=np.abs(tl_f) + np.abs(nth_f), minlength=n) + k * _TINY
        # The sum's lower bound and negated upper bound, when all its terms are bounded.
        b_lo = s_lo - margin
        b_nhi = s_nhi - margin
        # How many terms of each constraint are unbounded below / above.
        inf_l = None if all_l else np.bincount(t_loc[~fin_l], minlength=n)
        inf_h = None if all_h else np.bincount(t_loc[~fin_h], minlength=n)
        sum_lo = b_lo if inf_l is None else np.where(inf_l > 0, -INF, b_lo)
        sum_nhi = b_nhi if inf_h is None else np.where(inf_h > 0, -INF, b_nhi)
        # Whole sum out of reach of [c_lo, c_hi]: the constraint fails on its own.
        bad_con[cons] |= (sum_lo > p.c_hi[cons]) | (sum_nhi > -p.c_lo[cons])
        # The other terms of each term's constraint: rest >= rest_lo, -rest >= nrest_hi.
        rest_lo = b_lo[t_loc] - tl_f
        if inf_l is not None:
            rest_lo = np.where(inf_l[t_loc] > ~fin_l, -INF, rest_lo)
        nrest_hi = b_nhi[t_loc] - nth_f
        if inf_h is not None:
            nrest_hi = np.where(inf_h[t_loc] > ~fin_h, -INF, nrest_hi)
        # a·x >= c_lo - rest_hi and -a·x >= rest_lo - c_hi (a bound that is not a number,
        # only from an infinite constraint bound, empties the domain: flagged).
        # (A sum beyond float range overflows to an infinity: rounded outward, or flagged.)
        with np.errstate(invalid="ignore", over="ignore"):
            qlo = _down(self.t_clo[sel] + nrest_hi)
            nqhi = _down(self.t_nchi[sel] + rest_lo)
        dead_t = dead[t_var]
        use: Any = None
        if dead_t.any():
            con_dead = np.zeros(n, dtype=bool)
            con_dead[t_loc[dead_t]] = True
            use = ~con_dead[t_loc]
        if g is not None and len(g):
            # x from a·x; terms whose coefficient may be zero never narrow their variable.
            qg_lo, qg_hi, ok = _idiv(qlo[g], -nqhi[g], alo, ahi)
            qlo[g], nqhi[g] = qg_lo, -qg_hi
            if use is None:
                use = np.ones(len(tl), dtype=bool)
            use[g] &= ok
        if use is not None:
            qlo = np.where(use, qlo, -INF)  # -inf narrows nothing
            nqhi = np.where(use, nqhi, -INF)
        # A maximum over each target's narrowings, scattered in C (numpy >= 1.25 runs
        # ufunc.at on plain indices without a Python-level loop; it once cost more than
        # sorting the targets into groups and reducing each group).
        np.maximum.at(new_u, il, qlo)
        np.maximum.at(new_u, ih, nqhi)


def _revise_products(p: FlatProblem, u: Array, nv: int, dead: Array, new_u: Array,
                     todo: Array | None) -> None:
    """One Jacobi revision of the products ``todo`` (all when None), domains as in
    :class:`_Linear`."""
    if todo is None:
        z, x, y = p.m_z, p.m_x, p.m_y
    else:
        z, x, y = p.m_z[todo], p.m_x[todo], p.m_y[todo]
    lz, hz, lx, hx, ly, hy = u[z], -u[nv + z], u[x], -u[nv + x], u[y], -u[nv + y]
    alive = ~(dead[z] | dead[x] | dead[y])
    a, b = _imul(lx, hx, ly, hy)
    np.maximum.at(new_u, z[alive], a[alive])
    np.maximum.at(new_u, nv + z[alive], -b[alive])
    for tgt, ol, oh in ((x, ly, hy), (y, lx, hx)):
        qlo, qhi, ok = _idiv(lz, hz, ol, oh)
        ok &= alive
        np.maximum.at(new_u, tgt[ok], qlo[ok])
        np.maximum.at(new_u, nv + tgt[ok], -qhi[ok])


def sweep(p: FlatProblem, *, max_sweeps: int = 64, start: tuple[Array, Array] | None = None,
          todo: tuple[Array, Array] | None = None) -> SweepResult:
    """Revise every constraint per sweep until nothing narrows noticeably, or give up.

    A narrowing smaller than a relative 1e-12 does not count (as in the sequential
    propagation); a variable still narrowing noticeably after ``max_sweeps`` is flagged.

    After the first sweep only the constraints with a variable that moved (by any amount)
    are revised again: the others would compute exactly what they computed last time,
    which is already applied, so the result is that of revising everything every sweep.

    ``start`` (domains within ``p.lo``/``p.hi``, narrowed from them soundly) and ``todo``
    (the linear constraints and products to revise first) resume from an earlier
    propagation: every constraint left out of ``todo`` must be at its fixpoint on ``start``
    (revising it would narrow nothing).  Nearly empty domains are judged against ``p.lo``
    and ``p.hi``.
    """
    lo0, hi0 = (p.lo, p.hi) if start is None else start
    nv = len(lo0)
    u = np.concatenate([np.asarray(lo0, dtype=float), -np.asarray(hi0, dtype=float)])
    bad_con = np.zeros(len(p.c_lo), dtype=bool)
    lin = _Linear(p, nv) if len(p.t_con) else None
    # None: every constraint
    con_todo: Array | None = None if todo is None else np.asarray(todo[0], dtype=np.int64)
    mul_todo: Array | None = None if todo is None else np.asarray(todo[1], dtype=np.int64)
    # A variable whose domain became empty is frozen, with every constraint on it: its
    # component is flagged anyway, and what flows out of an empty domain means nothing.
    dead = ~(u[:nv] <= -u[nv:])
    with np.errstate(invalid="ignore", over="ignore"):
        u, moved, changed = _fixpoint(p, u, nv, lin, dead, bad_con, con_todo, mul_todo, max_sweeps)
    lo, hi = u[:nv], -u[nv:]
    # Nearly empty domains are flagged too, so that a conflict within float noise of the
    # sequential propagation's own tolerance is always decided by it.
    with np.errstate(invalid="ignore"):
        tight = (hi - lo) <= 1e-9 * np.maximum(np.abs(lo), np.abs(hi))
    bad_var = dead | changed | (tight & (p.lo != p.hi))
    last = np.zeros(nv, dtype=bool)
    last[moved] = True
    return SweepResult(lo, hi, bad_var, bad_con, last)


def _fixpoint(p: FlatProblem, u: Array, nv: int, lin: _Linear | None, dead: Array, bad_con: Array,
              con_todo: Array | None, mul_todo: Array | None, max_sweeps: int) -> tuple[Array, Array, Array]:
    """Sweep until nothing narrows noticeably (``dead`` and ``bad_con`` are updated in
    place): the final domains, the variables that moved in the last sweep, and those still
    changing noticeably."""
    has_mul = len(p.m_z) > 0
    moved = np.zeros(0, dtype=np.int64)
    changed = np.zeros(nv, dtype=bool)
    for _ in range(max_sweeps):
        new_u = u.copy()
        if lin is not None and (con_todo is None or len(con_todo)):
            lin.revise(u, dead, new_u, bad_con, con_todo)
        if has_mul and (mul_todo is None or len(mul_todo)):
            _revise_products(p, u, nv, dead, new_u, mul_todo)
        dead |= ~(new_u[:nv] <= -new_u[nv:])  # also where a bound is not a number
        moved = np.flatnonzero((new_u[:nv] != u[:nv]) | (new_u[nv:] != u[nv:]))  # NaN: moved
        ol, oh, nl, nh = u[moved], -u[nv + moved], new_u[moved], -new_u[nv + moved]
        changed = np.zeros(nv, dtype=bool)
        changed[moved[(_noticeable(ol, nl, oh) | _noticeable(oh, nh, ol)) & ~dead[moved]]] = True
        u = new_u
        if not changed.any():
            break
        mark = np.zeros(nv, dtype=bool)
        mark[moved] = True
        if lin is not None:
            # Terms are sorted by constraint: their constraints come out sorted, so
            # dropping repeats needs no sort (np.unique would sort them again).
            touched = p.t_con[mark[p.t_var]]
            con_todo = touched[np.r_[True, touched[1:] != touched[:-1]]] if len(touched) else touched
        if has_mul:
            mul_todo = np.flatnonzero(mark[p.m_z] | mark[p.m_x] | mark[p.m_y])
    return u, moved, changed


def _noticeable(old: Array, new: Array, other: Array) -> Array:
    with np.errstate(invalid="ignore"):
        scale: Array = np.maximum(np.maximum(np.abs(old), np.abs(new)), 1e-300)
        scale = np.where(np.isfinite(other), np.maximum(scale, np.abs(other)), scale)
        diff = np.abs(old - new)
        return np.where(np.isinf(old), new != old, diff > 1e-12 * scale)
