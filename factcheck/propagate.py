"""Interval constraint propagation over two primitives: linear sums and products.

Every rule kind compiles to these (see :mod:`factcheck.kinds`).  Each variable has a
domain ``[lo, hi]``; propagation narrows domains with each constraint's projections
(HC4-style revise) until nothing changes, and reports the first constraint that empties a
domain.  Narrowing only ever removes values that cannot satisfy a constraint, so an empty
domain proves the constraints cannot all hold.

Two number modes share the code.  ``fast`` uses floats with every bound rounded outward
(one ulp, via :func:`math.nextafter`), so no float error can make an interval too narrow;
``exact`` uses :class:`fractions.Fraction` and is used to confirm every inconsistency
before it is reported.  Unbounded ends are ``±math.inf`` in both modes.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["INF", "Linear", "Mul", "Num", "Problem", "conv_hi", "conv_lo", "propagate"]

Num = float | Fraction
INF = math.inf
_nextafter = math.nextafter


@dataclass(frozen=True, slots=True)
class Linear:
    """``lo <= sum(coef * var) <= hi``."""

    coefs: tuple[Fraction, ...]
    vars: tuple[int, ...]
    lo: Num
    hi: Num
    tag: int = -1  # index of the rule this constraint came from


@dataclass(frozen=True, slots=True)
class Mul:
    """``z = x * y``."""

    z: int
    x: int
    y: int
    tag: int = -1


Constraint = Linear | Mul


class Problem:
    """Variables with interval domains and the constraints over them."""

    def __init__(self) -> None:
        self.lo: list[Num] = []
        self.hi: list[Num] = []
        # The same bounds as floats rounded outward, converted once: propagation in floats
        # then never converts a Fraction again.
        self.flo: list[float] = []
        self.fhi: list[float] = []
        self.constraints: list[Constraint] = []
        self._float_linear: dict[int, tuple[tuple[float, ...], float, float]] = {}

    def float_linear(self, ci: int) -> tuple[tuple[float, ...], float, float]:
        """Coefficients and bounds of linear constraint ``ci`` as floats, converted once.

        Fast mode would otherwise convert the same Fractions on every revise (mixed
        Fraction-float arithmetic converts the Fraction to the nearest float first, so the
        results are the same, only slower).
        """
        f = self._float_linear.get(ci)
        if f is None:
            c = self.constraints[ci]
            assert isinstance(c, Linear)
            f = self._float_linear[ci] = (tuple(float(a) for a in c.coefs), float(c.lo), float(c.hi))
        return f

    def var(self, lo: Num = -INF, hi: Num = INF) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        self.flo.append(conv_lo(lo))
        self.fhi.append(conv_hi(hi))
        return len(self.lo) - 1

    def add(self, c: Constraint) -> None:
        self.constraints.append(c)


class _Ops:
    """Arithmetic with directed rounding: ``dn``/``up`` round a result outward."""

    __slots__ = ("exact",)

    def __init__(self, exact: bool) -> None:
        self.exact = exact

    def conv_lo(self, x: Num) -> Num:
        if self.exact or isinstance(x, float):
            return x
        # int / int is correctly rounded; compare the float back exactly in integers.
        n, d = x.numerator, x.denominator
        f = n / d
        p, q = f.as_integer_ratio()
        return f if p * d <= n * q else _nextafter(f, -INF)

    def conv_hi(self, x: Num) -> Num:
        if self.exact or isinstance(x, float):
            return x
        n, d = x.numerator, x.denominator
        f = n / d
        p, q = f.as_integer_ratio()
        return f if p * d >= n * q else _nextafter(f, INF)

    def dn(self, x: Num) -> Num:
        if _isinf(x):
            return x
        if self.exact:
            return _coarse(x, floor=True)
        return _nextafter(x, -INF)

    def up(self, x: Num) -> Num:
        if _isinf(x):
            return x
        if self.exact:
            return _coarse(x, floor=False)
        return _nextafter(x, INF)


def _isinf(x: Num) -> bool:
    # Only floats are infinite here; comparing a Fraction with a float is slow (it goes
    # through the numbers ABCs), so test the type first.
    return x.__class__ is float and (x == INF or x == -INF)


_GRID = 1 << 96


def _coarse(x: Num, *, floor: bool) -> Num:
    """Round a rational outward to a multiple of 2**-96 once its denominator grows past that.

    Exact mode would otherwise let denominators grow without bound in loops of products
    (each narrowing multiplies them), turning a fixpoint into a crawl through huge
    integers.  Rounding outward keeps every interval a superset of the exact one, so a
    conflict found is still a proof; 2**-96 is far below any figure's rounding.
    """
    if not isinstance(x, Fraction) or x.denominator <= _GRID:
        return x
    n = x.numerator * _GRID
    q = n // x.denominator if floor else -(-n // x.denominator)
    return Fraction(q, _GRID)


_FAST = _Ops(False)


def conv_lo(x: Num) -> float:
    """A lower bound as a float no larger than it (one conversion, rounded down)."""
    return _FAST.conv_lo(x)  # type: ignore[return-value]


def conv_hi(x: Num) -> float:
    """An upper bound as a float no smaller than it (rounded up)."""
    return _FAST.conv_hi(x)  # type: ignore[return-value]


def _mul(a: Num, b: Num) -> Num:
    # 0 * inf is 0 here: a bound of zero times an unbounded factor stays zero.
    if a == 0 or b == 0:
        return 0
    return a * b


def _div(a: Num, b: Num) -> Num:
    if a == 0:
        return 0
    if _isinf(b):
        return 0 if not _isinf(a) else (INF if (a > 0) == (b > 0) else -INF)
    return a / b


def _imul(ops: _Ops, alo: Num, ahi: Num, blo: Num, bhi: Num) -> tuple[Num, Num]:
    ps = (_mul(alo, blo), _mul(alo, bhi), _mul(ahi, blo), _mul(ahi, bhi))
    return ops.dn(min(ps)), ops.up(max(ps))


def _idiv(ops: _Ops, alo: Num, ahi: Num, blo: Num, bhi: Num) -> tuple[Num, Num] | None:
    """``[a] / [b]``; None when ``b`` contains zero (the quotient is then unbounded)."""
    if blo <= 0 <= bhi:
        return None
    ps = (_div(alo, blo), _div(alo, bhi), _div(ahi, blo), _div(ahi, bhi))
    return ops.dn(min(ps)), ops.up(max(ps))


@dataclass
class Result:
    """Outcome of propagation: final domains, and the constraint that failed if any."""

    lo: dict[int, Num]  # final domains of the variables the propagated constraints touch
    hi: dict[int, Num]
    failed: Constraint | None
    empty_var: int | None


def propagate(
    problem: Problem,
    *,
    exact: bool = False,
    only: Sequence[int] | None = None,
    domains: dict[int, tuple[Num, Num]] | None = None,
    max_steps: int | None = None,
) -> Result:
    """Narrow every domain until a fixpoint, or until one becomes empty.

    ``only`` restricts propagation to those constraint indices; ``domains`` overrides
    the starting domain of some variables (used to free one claim and ask what it would
    have to be).  Termination is guaranteed by ``max_steps`` and by ignoring narrowings
    smaller than a relative 1e-12 (loops such as ``x = 1.0001 * y`` otherwise creep).
    """
    ops = _Ops(exact)
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
    lo: dict[int, Num] = {v: src_lo[v] for v in watch}
    hi: dict[int, Num] = {v: src_hi[v] for v in watch}
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
                coefs, c_lo, c_hi = c.coefs, c.lo, c.hi
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
            total_lo = sum(tl) if tl else 0
            total_hi = sum(th) if th else 0
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
    scale = max(abs(float(old)), abs(float(new)), 1e-300)
    if not _isinf(other):
        scale = max(scale, abs(float(other)))
    return abs(float(old) - float(new)) > 1e-12 * scale
