"""The propagation loop as it was before it was specialised per number mode (commit 168249f).

A frozen copy, kept only so that ``tests/test_propagate_reference.py`` can check that the
faster loops of :mod:`factcheck.propagate` give exactly the same results — every bound,
its type, the failing constraint and variable — on random problems.  Not used by the
engine.  The exact backend is read from :mod:`factcheck.propagate` at call time, so that
tests switching it there switch it here too.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import factcheck.propagate as prop
from factcheck.propagate import INF, Linear, Num, Problem, Result

_nextafter = math.nextafter


class _Ops:
    """Arithmetic with directed rounding: ``dn``/``up`` round a result outward."""

    __slots__ = ("exact",)

    def __init__(self, exact: bool) -> None:
        self.exact = exact

    def conv_lo(self, x: Num) -> Num:
        if self.exact:
            return _rational(x)
        if isinstance(x, float):
            return x
        # int / int is correctly rounded; compare the float back exactly in integers.
        n, d = x.numerator, x.denominator
        f = n / d
        p, q = f.as_integer_ratio()
        return f if p * d <= n * q else _nextafter(f, -INF)

    def conv_hi(self, x: Num) -> Num:
        if self.exact:
            return _rational(x)
        if isinstance(x, float):
            return x
        n, d = x.numerator, x.denominator
        f = n / d
        p, q = f.as_integer_ratio()
        return f if p * d >= n * q else _nextafter(f, INF)

    # Exact results are not rounded as they are computed: only a bound that is stored
    # is coarsened (see _coarse, called by narrow), which is all that keeps numbers small.
    def dn(self, x: Num) -> Num:
        if self.exact or _isinf(x):
            return x
        return _nextafter(x, -INF)

    def up(self, x: Num) -> Num:
        if self.exact or _isinf(x):
            return x
        return _nextafter(x, INF)


def _isinf(x: Num) -> bool:
    # Only floats are infinite here; comparing a Fraction with a float is slow (it goes
    # through the numbers ABCs), so test the type first.
    return x.__class__ is float and (x == INF or x == -INF)


_GRID = 1 << 96
#: Exact bounds are kept within 2**1000 in magnitude (see _coarse), below float range.
_CAP_BITS = 1000
_CAP = 1 << _CAP_BITS


def _coarse(x: Num, *, floor: bool) -> Num:
    """Round a rational outward to a multiple of 2**-96 once its denominator grows past that.

    Exact mode would otherwise let denominators grow without bound in loops of products
    (each narrowing multiplies them), turning a fixpoint into a crawl through huge
    integers.  Rounding outward keeps every interval a superset of the exact one, so a
    conflict found is still a proof; 2**-96 is far below any figure's rounding.

    Every exact bound passes through here before it is stored.  It turns an ``mpfr``
    infinity (what gmpy2 gives for a rational combined with ``±inf``, which the arithmetic
    helpers avoid) back into a float infinity, and widens a bound beyond ``2**1000`` in
    magnitude outward (a lower bound to ``2**1000`` or ``-inf``, an upper one to ``inf``
    or ``-2**1000``): loops of products square their bounds on every pass and would
    otherwise never reach a fixpoint.  No figure a text states comes near.
    """
    cls: Any = x.__class__
    if cls is float:
        return x
    if cls is prop._MPFR:
        return float(x)
    r: Any = x  # a Fraction, an mpq or an int
    n, d = r.numerator, r.denominator
    if n.bit_length() - d.bit_length() > _CAP_BITS:
        # Beyond 2**1000 in magnitude (loops of products square their bounds on every
        # pass): widen to the cap or to infinity, outward, so that the fixpoint is reached.
        if n > 0:
            return cls(_CAP) if floor else INF
        return -INF if floor else cls(-_CAP)
    if d <= _GRID:
        return x
    n *= _GRID
    q = n // d if floor else -(-n // d)
    return cls(q, _GRID)  # type: ignore[no-any-return]


def _rational(x: Num) -> Num:
    """A bound in the exact backend's type (infinities stay floats)."""
    if prop._MPQ is None or x.__class__ is float:
        return x
    return prop._MPQ(x)  # type: ignore[no-any-return]


def _fraction(x: Num) -> Num:
    """A result back as a Fraction (or float infinity, or int), whatever the backend."""
    if x.__class__ is prop._MPQ:
        r: Any = x
        return Fraction(int(r.numerator), int(r.denominator))
    return x


_FAST = _Ops(False)
_EXACT = _Ops(True)


def _mul(a: Num, b: Num) -> Num:
    # 0 * inf is 0 here: a bound of zero times an unbounded factor stays zero.
    if a == 0 or b == 0:
        return 0
    # A rational times an infinity, by sign: Python would convert the rational to a float
    # first, which overflows for one beyond float range.
    if a.__class__ is not b.__class__ and (_isinf(a) or _isinf(b)):
        return INF if (a > 0) == (b > 0) else -INF
    return a * b


def _div(a: Num, b: Num) -> Num:
    if a == 0:
        return 0
    if _isinf(b):
        return 0 if not _isinf(a) else (INF if (a > 0) == (b > 0) else -INF)
    if _isinf(a) and b.__class__ is not float:  # as in _mul: no float conversion
        return INF if (a > 0) == (b > 0) else -INF
    return a / b


def _total(xs: Sequence[Num]) -> Num:
    """An exact sum that may hold infinities, without converting a rational to a float
    (which overflows beyond float range).  ``inf + -inf`` is NaN, as in floats: no bound."""
    pos = neg = False
    finite: Num = 0
    for x in xs:
        if x.__class__ is float:
            if x == INF:
                pos = True
                continue
            if x == -INF:
                neg = True
                continue
        finite += x
    if pos or neg:
        return math.nan if pos and neg else (INF if pos else -INF)
    return finite


def _imul(ops: _Ops, alo: Num, ahi: Num, blo: Num, bhi: Num) -> tuple[Num, Num]:
    ps = (_mul(alo, blo), _mul(alo, bhi), _mul(ahi, blo), _mul(ahi, bhi))
    return ops.dn(min(ps)), ops.up(max(ps))


def _idiv(ops: _Ops, alo: Num, ahi: Num, blo: Num, bhi: Num) -> tuple[Num, Num] | None:
    """``[a] / [b]``; None when ``b`` contains zero (the quotient is then unbounded)."""
    if blo <= 0 <= bhi:
        return None
    ps = (_div(alo, blo), _div(alo, bhi), _div(ahi, blo), _div(ahi, bhi))
    return ops.dn(min(ps)), ops.up(max(ps))


def _propagate(problem: Problem, exact: bool, only: Sequence[int] | None,
               domains: dict[int, tuple[Num, Num]] | None, max_steps: int | None) -> Result:
    """:func:`propagate`, with exact results in the backend's type."""
    ops = _EXACT if exact else _FAST
    cons = problem.constraints
    idx = list(range(len(cons))) if only is None else list(only)
    watch: dict[int, list[int]] = {}
    for ci in idx:
        c = cons[ci]
        vs = c.vars if isinstance(c, Linear) else (c.z, c.x, c.y)
        for v in vs:
            watch.setdefault(v, []).append(ci)
    # Domains only of the variables these constraints touch: the work is proportional to
    # the constraints propagated, not to the whole problem.
    src_lo, src_hi = (problem.lo, problem.hi) if exact else (problem.flo, problem.fhi)
    if exact and prop._MPQ is not None:
        lo: dict[int, Num] = {v: _rational(src_lo[v]) for v in watch}
        hi: dict[int, Num] = {v: _rational(src_hi[v]) for v in watch}
    else:
        lo = {v: src_lo[v] for v in watch}
        hi = {v: src_hi[v] for v in watch}
    if domains:
        for v, (a, b) in domains.items():
            lo[v], hi[v] = ops.conv_lo(a), ops.conv_hi(b)
    for v in watch:
        if lo[v] > hi[v]:
            return Result(lo, hi, cons[watch[v][0]], v)
    queue = deque(idx)
    queued = set(idx)
    steps = 0
    limit = max_steps if max_steps is not None else 200 * max(1, len(idx)) + 1000

    def narrow(v: int, a: Num, b: Num) -> bool | None:
        """Intersect; True if the domain shrank noticeably, None if it became empty."""
        if exact:
            a = _coarse(a, floor=True)
            b = _coarse(b, floor=False)
        changed = False
        ol, oh = lo[v], hi[v]
        if a > ol:
            lo[v] = a
            changed = changed or _noticeable(ol, a, oh)
        if b < oh:
            hi[v] = b
            changed = changed or _noticeable(oh, b, ol)
        if lo[v] > hi[v]:
            return None
        return changed

    while queue:
        steps += 1
        if steps > limit:
            break
        ci = queue.popleft()
        queued.discard(ci)
        c = cons[ci]
        touched: list[int] = []
        if isinstance(c, Linear):
            n = len(c.vars)
            coefs: tuple[Num, ...]
            c_lo: Num
            c_hi: Num
            if exact:
                coefs, c_lo, c_hi = problem.exact_linear(ci)
            else:
                coefs, c_lo, c_hi = problem.float_linear(ci)
            # Bounds of each term a_i * x_i, then of the whole sum.
            tl: list[Num] = []
            th: list[Num] = []
            for j in range(n):
                a, v = coefs[j], c.vars[j]
                if a >= 0:
                    tl.append(ops.dn(_mul(a, lo[v])))
                    th.append(ops.up(_mul(a, hi[v])))
                else:
                    tl.append(ops.dn(_mul(a, hi[v])))
                    th.append(ops.up(_mul(a, lo[v])))
            for j in range(n):
                a, v = coefs[j], c.vars[j]
                if a == 0:
                    continue
                # rest = sum of the other terms; a*x_j in [c_lo - rest_hi, c_hi - rest_lo]
                rl: Num = 0
                rh: Num = 0
                if exact:
                    rl = ops.dn(_total(tl[:j] + tl[j + 1:]))
                    rh = ops.up(_total(th[:j] + th[j + 1:]))
                else:
                    for k in range(n):
                        if k != j:
                            rl = ops.dn(rl + tl[k])
                            rh = ops.up(rh + th[k])
                slo = ops.dn(c_lo - rh) if not (_isinf(c_lo) or _isinf(rh)) else -INF
                shi = ops.up(c_hi - rl) if not (_isinf(c_hi) or _isinf(rl)) else INF
                if a > 0:
                    nlo = ops.dn(_div(slo, a)) if not _isinf(slo) else -INF
                    nhi = ops.up(_div(shi, a)) if not _isinf(shi) else INF
                else:
                    nlo = ops.dn(_div(shi, a)) if not _isinf(shi) else -INF
                    nhi = ops.up(_div(slo, a)) if not _isinf(slo) else INF
                r = narrow(v, nlo, nhi)
                if r is None:
                    return Result(lo, hi, c, v)
                if r:
                    touched.append(v)
                    if a >= 0:
                        tl[j] = ops.dn(_mul(a, lo[v]))
                        th[j] = ops.up(_mul(a, hi[v]))
                    else:
                        tl[j] = ops.dn(_mul(a, hi[v]))
                        th[j] = ops.up(_mul(a, lo[v]))
            # A sum that cannot reach [c_lo, c_hi] at all (e.g. no variables) is a failure.
            total_lo = _total(tl) if exact else sum(tl)
            total_hi = _total(th) if exact else sum(th)
            if total_lo > c_hi or total_hi < c_lo:
                return Result(lo, hi, c, c.vars[0] if c.vars else None)
        else:
            z, x, y = c.z, c.x, c.y
            a, b = _imul(ops, lo[x], hi[x], lo[y], hi[y])
            r = narrow(z, a, b)
            if r is None:
                return Result(lo, hi, c, z)
            if r:
                touched.append(z)
            q = _idiv(ops, lo[z], hi[z], lo[y], hi[y])
            if q is not None:
                r = narrow(x, *q)
                if r is None:
                    return Result(lo, hi, c, x)
                if r:
                    touched.append(x)
            q = _idiv(ops, lo[z], hi[z], lo[x], hi[x])
            if q is not None:
                r = narrow(y, *q)
                if r is None:
                    return Result(lo, hi, c, y)
                if r:
                    touched.append(y)
        for v in touched:
            for cj in watch.get(v, ()):
                if cj != ci and cj not in queued:
                    queue.append(cj)
                    queued.add(cj)
    return Result(lo, hi, None, None)


def _noticeable(old: Num, new: Num, other: Num) -> bool:
    if _isinf(old):
        return True
    try:
        scale = max(abs(float(old)), abs(float(new)), 1e-300)
        if not _isinf(other):
            scale = max(scale, abs(float(other)))
        return abs(float(old) - float(new)) > 1e-12 * scale
    except OverflowError:  # an exact bound beyond float range (loops of products grow)
        return old != new
