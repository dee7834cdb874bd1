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


def _down(x: Array) -> Array:
    return np.nextafter(x, -INF)


def _up(x: Array) -> Array:
    return np.nextafter(x, INF)


def _mul(a: Array, b: Array) -> Array:
    with np.errstate(invalid="ignore"):
        p = a * b
    return np.where((a == 0) | (b == 0), 0.0, p)


def _imul(alo: Array, ahi: Array, blo: Array, bhi: Array) -> tuple[Array, Array]:
    p1, p2, p3, p4 = _mul(alo, blo), _mul(alo, bhi), _mul(ahi, blo), _mul(ahi, bhi)
    lo = np.minimum(np.minimum(p1, p2), np.minimum(p3, p4))
    hi = np.maximum(np.maximum(p1, p2), np.maximum(p3, p4))
    return _down(lo), _up(hi)


def _div(a: Array, b: Array) -> Array:
    with np.errstate(invalid="ignore", divide="ignore"):
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


def _segment_sum(values: Array, starts: Array) -> Array:
    return np.add.reduceat(values, starts) if len(values) else np.zeros(0)


def sweep(p: FlatProblem, *, max_sweeps: int = 64) -> SweepResult:
    """Revise every constraint per sweep until nothing narrows noticeably, or give up.

    A narrowing smaller than a relative 1e-12 does not count (as in the sequential
    propagation); a variable still narrowing noticeably after ``max_sweeps`` is flagged.
    """
    lo = p.lo.astype(float).copy()
    hi = p.hi.astype(float).copy()
    nv = len(lo)
    nc = len(p.c_lo)
    bad_con = np.zeros(nc, dtype=bool)
    changed = np.zeros(nv, dtype=bool)
    t_con, t_var, alo, ahi = p.t_con, p.t_var, p.t_alo, p.t_ahi
    if len(t_con):
        starts = np.flatnonzero(np.r_[True, t_con[1:] != t_con[:-1]])
        counts = np.diff(np.r_[starts, len(t_con)])
        # Terms whose coefficient may be zero never narrow their variable.
        active = ~((alo <= 0) & (ahi >= 0))
        k = counts.astype(float)
    # A variable whose domain became empty is frozen, with every constraint on it: its
    # component is flagged anyway, and what flows out of an empty domain means nothing.
    dead = ~(lo <= hi)
    for _ in range(max_sweeps):
        new_lo = lo.copy()
        new_hi = hi.copy()
        if len(t_con):
            con_dead = np.logical_or.reduceat(dead[t_var], starts)
            tl, th = _imul(alo, ahi, lo[t_var], hi[t_var])
            fin_l = np.isfinite(tl)
            fin_h = np.isfinite(th)
            tl_f = np.where(fin_l, tl, 0.0)
            th_f = np.where(fin_h, th, 0.0)
            s_lo = _segment_sum(tl_f, starts)
            s_hi = _segment_sum(th_f, starts)
            margin = (k + 2) * _EPS * (_segment_sum(np.abs(tl_f), starts)
                                       + _segment_sum(np.abs(th_f), starts)) + (k + 2) * _TINY
            inf_l = _segment_sum((~fin_l).astype(float), starts)
            inf_h = _segment_sum((~fin_h).astype(float), starts)
            # Whole sum out of reach of [c_lo, c_hi]: the constraint fails on its own.
            sum_lo = np.where(inf_l > 0, -INF, s_lo - margin)
            sum_hi = np.where(inf_h > 0, INF, s_hi + margin)
            bad_con |= (sum_lo > p.c_hi) | (sum_hi < p.c_lo)
            # The other terms of each term's constraint.
            own_l = (~fin_l).astype(float)
            own_h = (~fin_h).astype(float)
            m_t = margin[t_con]
            rest_lo = np.where(inf_l[t_con] - own_l > 0, -INF, s_lo[t_con] - tl_f - m_t)
            rest_hi = np.where(inf_h[t_con] - own_h > 0, INF, s_hi[t_con] - th_f + m_t)
            clo, chi = p.c_lo[t_con], p.c_hi[t_con]
            with np.errstate(invalid="ignore"):
                slo = np.where(np.isneginf(clo) | np.isposinf(rest_hi), -INF, _down(clo - rest_hi))
                shi = np.where(np.isposinf(chi) | np.isneginf(rest_lo), INF, _up(chi - rest_lo))
            qlo, qhi, ok = _idiv(slo, shi, alo, ahi)
            use = active & ok & ~con_dead[t_con]
            np.maximum.at(new_lo, t_var[use], qlo[use])
            np.minimum.at(new_hi, t_var[use], qhi[use])
        if len(p.m_z):
            z, x, y = p.m_z, p.m_x, p.m_y
            alive = ~(dead[z] | dead[x] | dead[y])
            a, b = _imul(lo[x], hi[x], lo[y], hi[y])
            np.maximum.at(new_lo, z[alive], a[alive])
            np.minimum.at(new_hi, z[alive], b[alive])
            for tgt, other in ((x, y), (y, x)):
                qlo, qhi, ok = _idiv(lo[z], hi[z], lo[other], hi[other])
                ok &= alive
                np.maximum.at(new_lo, tgt[ok], qlo[ok])
                np.minimum.at(new_hi, tgt[ok], qhi[ok])
        dead |= ~(new_lo <= new_hi)  # also where a bound is not a number
        changed = (_noticeable(lo, new_lo, hi) | _noticeable(hi, new_hi, lo)) & ~dead
        lo, hi = new_lo, new_hi
        if not changed.any():
            break
    # Nearly empty domains are flagged too, so that a conflict within float noise of the
    # sequential propagation's own tolerance is always decided by it.
    with np.errstate(invalid="ignore"):
        tight = (hi - lo) <= 1e-9 * np.maximum(np.abs(lo), np.abs(hi))
    bad_var = dead | changed | (tight & (p.lo != p.hi))
    return SweepResult(lo, hi, bad_var, bad_con)


def _noticeable(old: Array, new: Array, other: Array) -> Array:
    with np.errstate(invalid="ignore"):
        scale: Array = np.maximum(np.maximum(np.abs(old), np.abs(new)), 1e-300)
        scale = np.where(np.isfinite(other), np.maximum(scale, np.abs(other)), scale)
        diff = np.abs(old - new)
        return np.where(np.isinf(old), new != old, diff > 1e-12 * scale)
