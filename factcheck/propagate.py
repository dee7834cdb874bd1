"""Interval constraint propagation over two primitives: linear sums and products.

Every rule kind compiles to these (see :mod:`factcheck.kinds`).  Each variable has a
domain ``[lo, hi]``; propagation narrows domains with each constraint's projections
(HC4-style revise) until nothing changes, and reports the first constraint that empties a
domain.  Narrowing only ever removes values that cannot satisfy a constraint, so an empty
domain proves the constraints cannot all hold.

Two number modes share the code.  ``fast`` uses floats with every bound rounded outward
(one ulp, via :func:`math.nextafter`), so no float error can make an interval too narrow;
``exact`` uses rationals and is used to confirm every inconsistency before it is
reported.  Unbounded ends are ``±math.inf`` in both modes.

Exact mode computes with ``gmpy2.mpq`` (GMP rationals, about fifteen times faster than
:class:`fractions.Fraction` per operation) when gmpy2 is installed, and with Fractions
otherwise; inputs and results are Fractions either way, and both give the same results
(a property test compares them).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from .numbers import lowest_terms

__all__ = ["INF", "Linear", "Mul", "Num", "OneLinear", "Problem", "Trace", "bounds_alone", "conv_hi", "conv_lo",
           "fails", "propagate"]

try:  # the fast rational type for exact mode; Fraction when gmpy2 is not installed
    from gmpy2 import mpfr as _MPFR  # what mpq op ±inf gives; only ever an infinity here
    from gmpy2 import mpq as _MPQ
except ImportError:  # pragma: no cover - gmpy2 is a dependency; the fallback is tested
    _MPQ = None
    _MPFR = None

Num = float | Fraction
INF = math.inf
_NINF = -math.inf
_INFS = (INF, _NINF)
#: How many prepared sets of constraints a Problem keeps (see Problem.plan).
_PLANS_KEPT = 16
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
        self._exact_linear: dict[int, tuple[object, tuple[Num, ...], Num, Num]] = {}
        # Recently propagated sets of constraints, prepared (see _Plan): explaining one
        # conflict propagates the same constraints again and again with one claim freed.
        self._plans: dict[tuple[Any, ...], _Plan] = {}
        # Each constraint as the loops read it, in floats and exactly (see _Row), and the
        # exact bounds of variables in the backend's type: made once, whatever sets of
        # constraints they are then propagated in (searching chains makes many).
        self._rows: tuple[dict[int, _Row], dict[int, _Row]] = ({}, {})
        self._qbounds: dict[int, tuple[Num, Num]] = {}
        self._conv: dict[int, tuple[Any, ...]] = {}
        self._backend: object = _MPQ

    def exact_linear(self, ci: int) -> tuple[tuple[Num, ...], Num, Num]:
        """Coefficients and bounds of linear constraint ``ci`` in the exact backend's type
        (``gmpy2.mpq`` when installed), converted once per backend."""
        e = self._exact_linear.get(ci)
        if e is None or e[0] is not _MPQ:
            c = self.constraints[ci]
            assert isinstance(c, Linear)
            conv = self._converted
            e = self._exact_linear[ci] = (_MPQ, tuple([conv(a)[2] for a in c.coefs]), conv(c.lo)[2], conv(c.hi)[2])
        return e[1], e[2], e[3]

    def _converted(self, x: Num) -> tuple[Any, ...]:
        """``(x, float, exact, backend, sign of the float, sign of the exact)``: ``x`` as a
        float and in the exact backend's type, converted once per number object (the
        kinds compile most coefficients and bounds from a few shared constants: ONE,
        MINUS_ONE, ZERO).  The entry holds ``x``, so its id is not reused."""
        hit = self._conv.get(id(x))
        if hit is None or hit[0] is not x or hit[3] is not _MPQ:
            q = _rational(x)
            try:
                f: float | None = float(x)
            except OverflowError:  # beyond float range: only exact rows may read it
                f = None
            hit = self._conv[id(x)] = (x, f, q, _MPQ, None if f is None else _sign(f), _sign(q))
        return hit

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
            conv = self._converted
            f = self._float_linear[ci] = (tuple([conv(a)[1] for a in c.coefs]), conv(c.lo)[1], conv(c.hi)[1])
        return f

    def var(self, lo: Num = -INF, hi: Num = INF) -> int:
        self.lo.append(lo)
        self.hi.append(hi)
        # conv_lo and conv_hi, inline for the two types a bound has here (explaining
        # conflicts makes a variable per claim of every flagged rule).
        x: Any = lo
        cls = x.__class__
        self.flo.append(x if cls is float else _down(x.numerator, x.denominator) if cls is Fraction else conv_lo(x))
        x = hi
        cls = x.__class__
        self.fhi.append(x if cls is float else _up(x.numerator, x.denominator) if cls is Fraction else conv_hi(x))
        return len(self.lo) - 1

    def add(self, c: Constraint) -> None:
        self.constraints.append(c)

    def plan(self, only: Sequence[int] | None, exact: bool) -> _Plan:
        """The constraints ``only`` (all when None) prepared for propagation, kept for the
        next few calls with the same constraints."""
        if exact:
            self.sync_backend()
        key = (exact, tuple(only)) if only is not None else (exact, None, len(self.constraints))
        plans = self._plans
        p = plans.get(key)
        if p is None:
            if len(plans) >= _PLANS_KEPT:
                del plans[next(iter(plans))]
            idx = list(range(len(self.constraints))) if only is None else list(only)
            p = plans[key] = _Plan(self, idx, exact)
        return p

    def sync_backend(self) -> None:
        """Drop what was made with another exact backend (tests switch it)."""
        if self._backend is not _MPQ:
            self._rows = (self._rows[0], {})
            self._qbounds = {}
            self._plans.clear()
            self._backend = _MPQ

    def row(self, ci: int, exact: bool) -> _Row:
        """Constraint ``ci`` as the propagation loops read it (see _Row), made once per mode."""
        rows = self._rows[exact]
        r = rows.get(ci)
        if r is None:
            c = self.constraints[ci]
            if isinstance(c, Linear):
                # The numbers as exact_linear() or float_linear() gives them, with their signs.
                conv = self._converted
                k = 2 if exact else 1
                ents = [conv(a) for a in c.coefs]
                if not exact:
                    for e in [*ents, conv(c.lo), conv(c.hi)]:
                        if e[1] is None:
                            float(e[0])  # raises OverflowError, as converting it always did
                coefs = tuple([e[k] for e in ents])
                signs = tuple([e[k + 3] for e in ents])
                plain = not any([a.__class__ is float for a in coefs])
                c_lo = conv(c.lo)[k]
                c_hi = conv(c.hi)[k]
                r = (True, coefs, c.vars, c_lo, c_hi, c, plain, signs,
                     c_lo.__class__ is float and c_lo in _INFS, c_hi.__class__ is float and c_hi in _INFS)
            else:
                r = (False, c.z, c.x, c.y, c, (c.z, c.x, c.y))
            rows[ci] = r
        return r

    def exact_bounds(self, v: int) -> tuple[Num, Num]:
        """The bounds of variable ``v`` in the exact backend's type, converted once."""
        b = self._qbounds.get(v)
        if b is None:
            b = self._qbounds[v] = (_rational(self.lo[v]), _rational(self.hi[v]))
        return b


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
        return _down(x.numerator, x.denominator)

    def conv_hi(self, x: Num) -> Num:
        if self.exact:
            return _rational(x)
        if isinstance(x, float):
            return x
        return _up(x.numerator, x.denominator)

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


def _sign(a: Any) -> int:
    """1, 0 or -1: the sign of a coefficient, as the loops read it."""
    return 1 if a > 0 else (0 if a == 0 else -1)


def _down(n: int, d: int) -> float:
    """The largest float no larger than ``n / d`` (``d > 0``)."""
    # int / int is correctly rounded; compare the float back exactly in integers.
    f = n / d
    p, q = f.as_integer_ratio()
    return f if p * d <= n * q else _nextafter(f, -INF)


def _up(n: int, d: int) -> float:
    """The smallest float no smaller than ``n / d`` (``d > 0``)."""
    f = n / d
    p, q = f.as_integer_ratio()
    return f if p * d >= n * q else _nextafter(f, INF)


def _isinf(x: Num) -> bool:
    # Only floats are infinite here; comparing a Fraction with a float is slow (it goes
    # through the numbers ABCs), so test the type first.
    return x.__class__ is float and (x == INF or x == -INF)


_GRID_BITS = 96
_GRID = 1 << _GRID_BITS
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
    if cls is _MPFR:
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
    if _MPQ is None or x.__class__ is float:
        return x
    return _MPQ(x)  # type: ignore[no-any-return]


def _fraction(x: Num) -> Num:
    """A result back as a Fraction (or float infinity, or int), whatever the backend."""
    if x.__class__ is _MPQ:
        r: Any = x
        return lowest_terms(int(r.numerator), int(r.denominator))  # mpq is in lowest terms
    return x


_FAST = _Ops(False)
_EXACT = _Ops(True)


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


@dataclass
class Result:
    """Outcome of propagation: final domains, and the constraint that failed if any."""

    lo: Mapping[int, Num]  # final domains of the variables the propagated constraints touch
    hi: Mapping[int, Num]
    failed: Constraint | None
    empty_var: int | None


@dataclass
class Trace:
    """What one float propagation did, for a caller that replays it (see below).

    A run over constraints S that ends in a failure or a fixpoint, with ``steps``
    revisions, replays exactly over any S' that keeps the order of S and drops only
    constraints outside ``stored`` (those that never narrowed a bound: each of their
    revisions changed nothing and queued nothing), if ``steps`` is within the step limit
    of S'.  The S' run makes the same revisions minus the dropped ones and ends the same
    way — with the same failing constraint, which is in ``stored``.

    It replays more widely too: over any such S' that drops constraints that stored
    bounds only of variables no constraint of S' has (``wrote``), and keeps the failing
    constraint (``last``) if S failed.  The constraints of S' then read and write only
    variables that the dropped ones never changed, and are queued in the same order (a
    queue of S' is the queue of S without the dropped constraints: what the dropped ones
    queue is dropped too), so S' makes the revisions S made of its constraints, with the
    same bounds, up to the same failure or to the same fixpoint on its variables.
    """

    #: Constraints that stored a bound (even one too small to queue others), and the one
    #: that failed.
    stored: set[int] = field(default_factory=set)
    #: The variables each constraint stored a bound of (the failing one's may be partial).
    wrote: dict[int, set[int]] = field(default_factory=dict)
    steps: int = 0
    #: The run ended at a fixpoint or a failure met while propagating (not at the step
    #: limit, not at an empty starting domain): only then can it be replayed.
    replayable: bool = False
    last: int = -1  # the constraint being revised


def propagate(
    problem: Problem,
    *,
    exact: bool = False,
    only: Sequence[int] | None = None,
    domains: dict[int, tuple[Num, Num]] | None = None,
    max_steps: int | None = None,
    trace: Trace | None = None,
) -> Result:
    """Narrow every domain until a fixpoint, or until one becomes empty.

    ``only`` restricts propagation to those constraint indices; ``domains`` overrides
    the starting domain of some variables (used to free one claim and ask what it would
    have to be).  Termination is guaranteed by ``max_steps`` and by ignoring narrowings
    smaller than a relative 1e-12 (loops such as ``x = 1.0001 * y`` otherwise creep).
    Exact results are Fractions (or ints, or float infinities) whatever the backend.
    ``trace``, in floats, records what the run did (see :class:`Trace`).
    """
    res = problem.plan(only, exact).run(domains, max_steps, trace)
    if exact and _MPQ is not None:
        # Converted as they are read: most callers only ask whether propagation failed.
        res.lo = _AsFractions(res.lo)
        res.hi = _AsFractions(res.hi)
    return res


def fails(problem: Problem, only: Sequence[int], domains: dict[int, tuple[Num, Num]] | None = None,
          exact: bool = False) -> bool:
    """Whether :func:`propagate` over ``only`` fails: the same run, with nothing of its
    result kept but that (explaining a conflict asks it thousands of times)."""
    return problem.plan(only, exact).run(domains, None).failed is not None


def bounds_alone(problem: Problem, only: Sequence[int], v: int,
                 domain: tuple[Num, Num]) -> tuple[Num, Num] | None:
    """The bounds of ``v`` (as Fractions) after exact :func:`propagate` over ``only`` with
    ``v`` starting at ``domain``, or None if that run fails: what a claim would have to be."""
    res = problem.plan(only, True).run({v: domain}, None)
    if res.failed is not None:
        return None
    return _fraction(res.lo[v]), _fraction(res.hi[v])


class _AsFractions(Mapping[int, Num]):
    """Final bounds in the exact backend's type, read as Fractions."""

    __slots__ = ("_raw",)

    def __init__(self, raw: Mapping[int, Num]) -> None:
        self._raw = raw

    def __getitem__(self, v: int) -> Num:
        return _fraction(self._raw[v])

    def __iter__(self) -> Iterator[int]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)



def _propagate(problem: Problem, exact: bool, only: Sequence[int] | None,
               domains: dict[int, tuple[Num, Num]] | None, max_steps: int | None) -> Result:
    """:func:`propagate`, with exact results in the backend's type."""
    return problem.plan(only, exact).run(domains, max_steps)


class OneLinear:
    """Exact propagation of one linear constraint, with any of its variables freed, in
    closed form: what :func:`propagate` (exact) gives, without propagating.

    Explaining a rule that fails on its own asks, for each of its claims, what the claim
    would have to be (the constraints propagated with it freed), and which claims conflict
    (propagated with some freed).  Most rules are one linear constraint, and there each
    answer follows from the terms' bounds, computed once:

    - propagating one constraint revises it once (nothing else watches its variables);
    - the run fails if and only if the sum of the terms' intervals misses ``[lo, hi]``:
      narrowing is sound, so a run over a box with a solution never fails; over one with
      none, narrowing only raises the sum's lower bound and lowers its upper one, so the
      last check of the revise fails if nothing failed before;
    - a variable's new bounds in that revise are those computed from every other term's
      starting bounds.  The revise reads the other terms as narrowed so far, in a box that
      still holds every solution: the bound it computes lies between the one from the
      starting box and the projection of the solutions, and for one linear constraint the
      two are equal (or the bound from the starting box does not narrow the variable, and
      then neither does the other).  Both are coarsened and intersected alike.

    It holds for constraints with every variable once and proper intervals (no starting
    bound ``lo > hi``, no lower bound ``+inf``, no upper bound ``-inf``, rational
    coefficients); :meth:`make` returns None for any other.  A property test holds it to
    :func:`propagate` (tests/test_one_linear.py).
    """

    __slots__ = ("_at", "_c_hi", "_c_lo", "_coefs", "_free", "_hi_inf", "_lo_inf", "_pinned", "_signs", "_total",
                 "_vars")

    def __init__(self, problem: Problem, ci: int, free: Mapping[int, tuple[Num, Num]],
                 bounds: Sequence[tuple[Num, Num]] | None = None) -> None:
        row = problem.row(ci, True)
        _, coefs, vs, c_lo, c_hi, _c, _plain, signs, c_lo_inf, c_hi_inf = row
        self._coefs: tuple[Any, ...] = coefs
        self._signs: tuple[int, ...] = signs
        self._vars: tuple[int, ...] = vs
        self._c_lo, self._c_hi, self._lo_inf, self._hi_inf = c_lo, c_hi, c_lo_inf, c_hi_inf
        self._at = {v: j for j, v in enumerate(vs)}
        # Each term's bounds (a·x over the variable's domain), pinned and freed, and the
        # sums of the pinned ones (finite parts, and whether any is infinite).
        if bounds is None:
            bounds = [problem.exact_bounds(v) for v in vs]
        self._pinned = pinned = [_terms(a, sg, lo, hi) for a, sg, (lo, hi) in zip(coefs, signs, bounds, strict=True)]
        tl: Any = 0
        th: Any = 0
        nl = nh = 0
        for pl, ph in pinned:
            if pl.__class__ is float:
                nl += 1
            else:
                tl += pl
            if ph.__class__ is float:
                nh += 1
            else:
                th += ph
        self._total = (tl, nl, th, nh)
        self._free: dict[int, tuple[Any, Any, Any, Any]] = {}
        for v, (a, b) in free.items():
            j = self._at[v]
            qa = a if a.__class__ is float else _rational(a)
            qb = b if b.__class__ is float else _rational(b)
            self._free[v] = (qa, qb, *_terms(coefs[j], signs[j], qa, qb))

    @classmethod
    def make(cls, problem: Problem, cons: Sequence[int], free: Mapping[int, tuple[Num, Num]]) -> OneLinear | None:
        """The closed form of ``cons`` if it is one linear constraint it applies to (see
        above), ``free`` giving the domain of each variable that may be freed."""
        if len(cons) != 1:
            return None
        problem.sync_backend()
        c = problem.constraints[cons[0]]
        if not isinstance(c, Linear):
            return None
        vs = set(c.vars)
        if len(vs) != len(c.vars) or not vs.issuperset(free):
            return None
        row = problem.row(cons[0], True)
        if not row[6] or _improper(row[3], row[4]):  # float coefficients; lo > hi
            return None
        bounds = [problem.exact_bounds(v) for v in c.vars]
        if any(_improper(lo, hi) for lo, hi in bounds) or any(_improper(*d) for d in free.values()):
            return None
        return cls(problem, cons[0], free, bounds)

    def fails(self, freed: Collection[int]) -> bool:
        """Whether propagating exactly, with the variables ``freed`` at their free domains,
        fails."""
        tl, th = self._sums(freed, -1)
        return (tl.__class__ is not float and tl > self._c_hi) or (th.__class__ is not float and th < self._c_lo)

    def alone(self, v: int) -> tuple[Num, Num] | None:
        """The bounds of ``v`` after propagating exactly with only ``v`` freed (as
        :func:`propagate` returns them), or None if that run fails."""
        if self.fails((v,)):
            return None
        free_lo, free_hi = self._free[v][:2]
        j = self._at[v]
        sg = self._signs[j]
        if not sg:  # a zero coefficient: the revise leaves the variable as it is
            return _fraction(free_lo), _fraction(free_hi)
        a = self._coefs[j]
        rl, rh = self._sums((), j)
        # As the revise computes them: a·x_j in [c_lo - rest_hi, c_hi - rest_lo].
        slo: Any = _NINF if self._lo_inf or rh.__class__ is float else self._c_lo - rh
        shi: Any = INF if self._hi_inf or rl.__class__ is float else self._c_hi - rl
        if sg < 0:
            slo, shi = shi, slo
        nlo = _NINF if slo.__class__ is float else (slo / a if slo else 0)
        nhi = INF if shi.__class__ is float else (shi / a if shi else 0)
        lo = {v: free_lo}
        hi = {v: free_hi}
        _narrow_q(lo, hi, v, nlo, nhi)
        return _fraction(lo[v]), _fraction(hi[v])

    def _sums(self, freed: Collection[int], skip: int) -> tuple[Num, Num]:
        """The sum of the terms' lower bounds and of their upper ones, with ``freed`` free
        and term ``skip`` left out: ``-inf`` (``inf``) if any is, else exact (the pinned
        sums with the terms that differ taken out and put in: exact, in any order)."""
        tl, nl, th, nh = self._total
        pinned, at, free = self._pinned, self._at, self._free
        for j, put in [(at[v], True) for v in freed] + ([(skip, False)] if skip >= 0 else []):
            if j == skip and put:
                continue  # left out, not freed
            pl, ph = pinned[j]
            if pl.__class__ is float:
                nl -= 1
            else:
                tl -= pl
            if ph.__class__ is float:
                nh -= 1
            else:
                th -= ph
            if put:
                fl, fh = free[self._vars[j]][2:]
                if fl.__class__ is float:
                    nl += 1
                else:
                    tl += fl
                if fh.__class__ is float:
                    nh += 1
                else:
                    th += fh
        return (_NINF if nl else tl), (INF if nh else th)


def _terms(a: Any, sg: int, lo: Any, hi: Any) -> tuple[Any, Any]:
    """The bounds of ``a·x`` for ``x`` in ``[lo, hi]``, as the exact revise makes them (a
    rational ``a``; only infinities are floats)."""
    x, y = (lo, hi) if sg >= 0 else (hi, lo)
    return ((a * x if a and x else 0) if x.__class__ is not float else _mul(a, x),
            (a * y if a and y else 0) if y.__class__ is not float else _mul(a, y))


def _improper(lo: Num, hi: Num) -> bool:
    """Empty, with an end at the wrong infinity (where a sum of bounds could be NaN), or
    with a finite float end (exact mode computes with it in floats)."""
    # Only a float can be infinite: a float end is proper only as the right infinity,
    # and comparing a rational with a float is slow.
    if lo.__class__ is float and lo != _NINF:
        return True
    if hi.__class__ is float and hi != INF:
        return True
    return bool(lo > hi)


# A constraint as the loops read it.  A Linear is (True, coefs, vars, lo, hi, constraint,
# plain, signs, lo_inf, hi_inf): its numbers in the mode's type, ``plain`` when no
# coefficient is a float (always, in exact mode, for constraints the kinds make), the sign
# of each coefficient (1, 0, -1) and whether each bound is infinite.  A Mul is
# (False, z, x, y, constraint, (z, x, y)).
_Row = tuple[Any, ...]


class _Plan:
    """A set of constraints prepared once for propagation in one number mode.

    Which constraints watch each variable, each constraint's numbers converted, and the
    starting domains of the variables they touch: what every propagation of the same
    constraints would otherwise redo (explaining a conflict propagates the same rule once
    per claim, with that claim freed).  :meth:`run` copies the domains and propagates.
    """

    __slots__ = ("cons", "empty", "exact", "hi", "idx", "limit", "lo", "rows", "watch")

    def __init__(self, problem: Problem, idx: list[int], exact: bool) -> None:
        rows = problem._rows[exact]
        row = problem.row
        watch: dict[int, list[int]] = {}
        for ci in idx:
            r = rows.get(ci) or row(ci, exact)
            for v in r[2] if r[0] else r[5]:
                w = watch.get(v)
                if w is None:
                    watch[v] = [ci]
                elif ci not in w:  # a constraint is queued once however often it names v
                    w.append(ci)
        self.cons = problem.constraints
        self.exact = exact
        self.idx = idx
        self.rows = rows  # the problem's: every constraint of idx is in it
        self.watch = watch
        # Domains only of the variables these constraints touch: the work is proportional
        # to the constraints propagated, not to the whole problem.
        lo: dict[int, Num] = {}
        hi: dict[int, Num] = {}
        empty = None
        if exact:
            qb = problem._qbounds
            for v in watch:
                a, b = qb.get(v) or problem.exact_bounds(v)
                lo[v] = a
                hi[v] = b
                if empty is None and a > b:
                    empty = v
        else:
            flo, fhi = problem.flo, problem.fhi
            for v in watch:
                a = lo[v] = flo[v]
                b = hi[v] = fhi[v]
                if empty is None and a > b:
                    empty = v
        self.lo = lo
        self.hi = hi
        self.empty = empty  # the first variable, in watch order, whose domain is empty
        self.limit = 200 * max(1, len(idx)) + 1000

    def _first_empty(self, lo: dict[int, Num], hi: dict[int, Num]) -> int | None:
        for v in self.watch:
            if lo[v] > hi[v]:
                return v
        return None

    def run(self, domains: dict[int, tuple[Num, Num]] | None, max_steps: int | None,
            trace: Trace | None = None) -> Result:
        """Propagate from the starting domains, some of them overridden by ``domains``."""
        lo = self.lo.copy()
        hi = self.hi.copy()
        empty = self.empty
        if domains:
            conv_l, conv_h = (_rational, _rational) if self.exact else (conv_lo, conv_hi)
            watch = self.watch
            for v, (a, b) in domains.items():
                # Floats (infinities, in practice) are already in both modes' type.
                a = a if a.__class__ is float else conv_l(a)
                b = b if b.__class__ is float else conv_h(b)
                lo[v] = a
                hi[v] = b
                if a > b and v in watch:
                    empty = -1
            if empty is not None:  # the first empty variable in the watch order
                empty = self._first_empty(lo, hi)
        if empty is not None:
            return Result(lo, hi, self.cons[self.watch[empty][0]], empty)
        limit = max_steps if max_steps is not None else self.limit
        if self.exact:
            return _loop_exact(self, lo, hi, limit)
        res = _loop_float(self, lo, hi, limit, trace)
        if trace is not None and res.failed is not None:
            trace.stored.add(trace.last)
            trace.replayable = True
        return res




# The two loops below are the same HC4 propagation, specialised per number mode so that
# the hot path makes few calls per arithmetic operation.  They must give exactly what the
# generic helpers above give (same operations, same order, same rounding, same types): a
# property test compares them with a frozen copy of the generic loop
# (tests/test_propagate_reference.py).
#
# In a linear revise, the bounds of "every term but j" are folds over the terms in order,
# skipping j; the folds of terms 0..j-1 are shared between all j (a running prefix), so
# each j only folds the terms after it — the same additions, in the same order, as
# folding the whole list each time.  A narrowing is queued for the constraints watching
# the variable as it happens, which is the order the generic loop queues them in.


def _loop_float(plan: _Plan, lo: dict[int, Any], hi: dict[int, Any], limit: int,
                trace: Trace | None = None) -> Result:
    """Floats, every bound rounded outward: ``dn(x)`` is ``nextafter(x, -inf)`` except for
    ``inf`` (which stays), ``up`` the mirror image."""
    rows = plan.rows
    watch = plan.watch
    nx = _nextafter
    queue = deque(plan.idx)
    queued = set(plan.idx)
    steps = 0
    while queue:
        steps += 1
        if steps > limit:
            break
        ci = queue.popleft()
        queued.discard(ci)
        if trace is not None:
            trace.steps = steps
            trace.last = ci
        row = rows[ci]
        if row[0]:
            _, coefs, vs, c_lo, c_hi, c, _plain, signs, c_lo_inf, c_hi_inf = row
            n = len(vs)
            tl: list[Any] = []
            th: list[Any] = []
            for j in range(n):
                a = coefs[j]
                v = vs[j]
                sg = signs[j]
                if sg > 0:
                    p = a * lo[v]
                    q = a * hi[v]
                elif sg:
                    p = a * hi[v]
                    q = a * lo[v]
                else:  # 0 · inf is 0 here
                    p = q = 0.0
                tl.append(p if p == INF else nx(p, _NINF))
                th.append(q if q == _NINF else nx(q, INF))
            pl: Any = 0  # folds of tl[:j] and th[:j]
            ph: Any = 0
            for j in range(n):
                sg = signs[j]
                if sg:
                    a = coefs[j]
                    rl = pl
                    rh = ph
                    for k in range(j + 1, n):
                        s = rl + tl[k]
                        rl = s if s == INF else nx(s, _NINF)
                        s = rh + th[k]
                        rh = s if s == _NINF else nx(s, INF)
                    # a*x_j in [c_lo - rest_hi, c_hi - rest_lo]
                    if c_lo_inf or rh in _INFS:
                        slo = _NINF
                    else:
                        s = c_lo - rh
                        slo = s if s == INF else nx(s, _NINF)
                    if c_hi_inf or rl in _INFS:
                        shi = INF
                    else:
                        s = c_hi - rl
                        shi = s if s == _NINF else nx(s, INF)
                    if sg < 0:
                        slo, shi = shi, slo
                    if slo in _INFS:
                        nlo = _NINF
                    else:
                        s = slo / a
                        nlo = s if s == INF else nx(s, _NINF)
                    if shi in _INFS:
                        nhi = INF
                    else:
                        s = shi / a
                        nhi = s if s == _NINF else nx(s, INF)
                    v = vs[j]
                    ol = lo[v]
                    oh = hi[v]
                    changed = False
                    if nlo > ol:
                        lo[v] = nlo
                        changed = _noticeable_f(ol, nlo, oh)
                        if trace is not None:
                            _wrote(trace, ci, v)
                    else:
                        nlo = ol
                    if nhi < oh:
                        hi[v] = nhi
                        changed = changed or _noticeable_f(oh, nhi, ol)
                        if trace is not None:
                            _wrote(trace, ci, v)
                    else:
                        nhi = oh
                    if nlo > nhi:
                        return Result(lo, hi, c, v)
                    if changed:
                        for cj in watch[v]:
                            if cj != ci and cj not in queued:
                                queue.append(cj)
                                queued.add(cj)
                        if sg > 0:
                            p = a * nlo
                            q = a * nhi
                        else:
                            p = a * nhi
                            q = a * nlo
                        tl[j] = p if p == INF else nx(p, _NINF)
                        th[j] = q if q == _NINF else nx(q, INF)
                s = pl + tl[j]
                pl = s if s == INF else nx(s, _NINF)
                s = ph + th[j]
                ph = s if s == _NINF else nx(s, INF)
            # A sum that cannot reach [c_lo, c_hi] at all (e.g. no variables) is a failure.
            if sum(tl) > c_hi or sum(th) < c_lo:
                return Result(lo, hi, c, vs[0] if vs else None)
        else:
            _, z, x, y, c, _zxy = row
            if trace is not None:
                before = [lo[z], hi[z], lo[x], hi[x], lo[y], hi[y]]
            # z = x·y, then x = z/y and y = z/x, each from the domains as they are then.
            lx = lo[x]
            hx = hi[x]
            ly = lo[y]
            hy = hi[y]
            m1 = lx * ly if lx and ly else 0  # 0 · inf is 0 here
            m2 = lx * hy if lx and hy else 0
            m3 = hx * ly if hx and ly else 0
            m4 = hx * hy if hx and hy else 0
            s = min(m1, m2, m3, m4)
            t = max(m1, m2, m3, m4)
            # (whether a narrowing is noticeable matters only to other constraints watching)
            r = _narrow_f(lo, hi, z, s if s == INF else nx(s, _NINF), t if t == _NINF else nx(t, INF),
                          len(watch[z]) > 1)
            if r is None:
                return Result(lo, hi, c, z)
            if r:
                _enqueue(watch[z], ci, queue, queued)
            for u, w in ((x, y), (y, x)):
                wl = lo[w]
                wh = hi[w]
                if wl <= 0 <= wh:  # the quotient is unbounded
                    continue
                s, t = _fquot(lo[z], hi[z], wl, wh)
                r = _narrow_f(lo, hi, u, s, t, len(watch[u]) > 1)
                if r is None:
                    return Result(lo, hi, c, u)
                if r:
                    _enqueue(watch[u], ci, queue, queued)
            if trace is not None:
                for k, u in enumerate((z, x, y)):
                    if before[2 * k] != lo[u] or before[2 * k + 1] != hi[u]:
                        _wrote(trace, ci, u)
    if trace is not None:
        trace.replayable = not queue  # a fixpoint, not the step limit
    return Result(lo, hi, None, None)


def _wrote(trace: Trace, ci: int, v: int) -> None:
    """Record that constraint ``ci`` stored a bound of variable ``v``."""
    trace.stored.add(ci)
    w = trace.wrote.get(ci)
    if w is None:
        trace.wrote[ci] = {v}
    else:
        w.add(v)


def _fquot(alo: Any, ahi: Any, blo: Any, bhi: Any) -> tuple[Any, Any]:
    """``[a] / [b]`` in floats, rounded outward, ``b`` not containing zero (as _idiv)."""
    if blo in _INFS or bhi in _INFS:
        q = _idiv(_FAST, alo, ahi, blo, bhi)
        assert q is not None
        return q
    # _div with a finite divisor: 0 when the dividend is 0, else the plain quotient.
    d1 = alo / blo if alo else 0
    d2 = alo / bhi if alo else 0
    d3 = ahi / blo if ahi else 0
    d4 = ahi / bhi if ahi else 0
    s = min(d1, d2, d3, d4)
    t = max(d1, d2, d3, d4)
    return (s if s == INF else _nextafter(s, _NINF)), (t if t == _NINF else _nextafter(t, INF))


def _enqueue(cs: list[int], ci: int, queue: deque[int], queued: set[int]) -> None:
    for cj in cs:
        if cj != ci and cj not in queued:
            queue.append(cj)
            queued.add(cj)


def _narrow_f(lo: dict[int, Any], hi: dict[int, Any], v: int, a: Any, b: Any, tell: bool = True) -> bool | None:
    """Intersect; True if the domain shrank noticeably, None if it became empty.  With
    ``tell`` false, False in place of True (no one would be told: nothing is measured)."""
    ol = lo[v]
    oh = hi[v]
    changed = False
    if a > ol:
        lo[v] = a
        changed = tell and _noticeable_f(ol, a, oh)
    if b < oh:
        hi[v] = b
        changed = changed or (tell and _noticeable_f(oh, b, ol))
    if lo[v] > hi[v]:
        return None
    return changed


def _noticeable_f(old: float, new: float, other: float) -> bool:
    """:func:`_noticeable` for floats."""
    if old in _INFS:
        return True
    scale = max(abs(old), abs(new), 1e-300)
    if other not in _INFS:
        scale = max(scale, abs(other))
    return abs(old - new) > 1e-12 * scale


def _loop_exact(plan: _Plan, lo: dict[int, Any], hi: dict[int, Any], limit: int) -> Result:
    """Rationals (``mpq`` or Fraction) and float infinities, with no rounding but
    :func:`_coarse` on every stored bound; sums that may hold infinities as :func:`_total`
    makes them.  Products and quotients of rationals are made directly, anything with a
    float in it by the generic :func:`_mul` and :func:`_div`."""
    rows = plan.rows
    watch = plan.watch
    mpq = _MPQ
    queue = deque(plan.idx)
    queued = set(plan.idx)
    steps = 0
    while queue:
        steps += 1
        if steps > limit:
            break
        ci = queue.popleft()
        queued.discard(ci)
        row = rows[ci]
        if row[0]:
            _, coefs, vs, c_lo, c_hi, c, plain, signs, c_lo_inf, c_hi_inf = row
            n = len(vs)
            tl: list[Any] = []
            th: list[Any] = []
            for j in range(n):
                a = coefs[j]
                v = vs[j]
                x, y = (lo[v], hi[v]) if signs[j] >= 0 else (hi[v], lo[v])
                tl.append((a * x if a and x else 0) if plain and x.__class__ is not float else _mul(a, x))
                th.append((a * y if a and y else 0) if plain and y.__class__ is not float else _mul(a, y))
            # Running folds of tl[:j] and th[:j] as _total makes them: whether +inf and
            # -inf were seen, and the sum of the rest.
            lpos = lneg = hpos = hneg = False
            lfin: Any = 0
            hfin: Any = 0
            for j in range(n):
                sg = signs[j]
                if sg:
                    a = coefs[j]
                    pos, neg, fin = lpos, lneg, lfin
                    for k in range(j + 1, n):
                        t = tl[k]
                        if t.__class__ is float:
                            if t == INF:
                                pos = True
                                continue
                            if t == _NINF:
                                neg = True
                                continue
                        fin += t
                    rl = (math.nan if pos and neg else (INF if pos else _NINF)) if pos or neg else fin
                    pos, neg, fin = hpos, hneg, hfin
                    for k in range(j + 1, n):
                        t = th[k]
                        if t.__class__ is float:
                            if t == INF:
                                pos = True
                                continue
                            if t == _NINF:
                                neg = True
                                continue
                        fin += t
                    rh = (math.nan if pos and neg else (INF if pos else _NINF)) if pos or neg else fin
                    # a*x_j in [c_lo - rest_hi, c_hi - rest_lo]
                    slo: Any = _NINF if c_lo_inf or (rh.__class__ is float and rh in _INFS) else c_lo - rh
                    shi: Any = INF if c_hi_inf or (rl.__class__ is float and rl in _INFS) else c_hi - rl
                    if sg < 0:
                        slo, shi = shi, slo
                    nlo: Any
                    nhi: Any
                    if slo.__class__ is float and slo in _INFS:
                        nlo = _NINF
                    elif plain:
                        nlo = slo / a if slo else 0  # _div by a rational: 0 stays 0
                    else:
                        nlo = _div(slo, a)
                    if shi.__class__ is float and shi in _INFS:
                        nhi = INF
                    elif plain:
                        nhi = shi / a if shi else 0
                    else:
                        nhi = _div(shi, a)
                    v = vs[j]
                    # _narrow_q, inline: coarsen (see there), intersect.
                    if not (nlo.__class__ is mpq and nlo.denominator.bit_length() <= _GRID_BITS
                            and nlo.numerator.bit_length() < _CAP_BITS):
                        nlo = _coarse(nlo, floor=True)
                    if not (nhi.__class__ is mpq and nhi.denominator.bit_length() <= _GRID_BITS
                            and nhi.numerator.bit_length() < _CAP_BITS):
                        nhi = _coarse(nhi, floor=False)
                    ol = lo[v]
                    oh = hi[v]
                    changed = False
                    if nlo > ol:
                        lo[v] = nlo
                        changed = _noticeable(ol, nlo, oh)
                    else:
                        nlo = ol
                    if nhi < oh:
                        hi[v] = nhi
                        changed = changed or _noticeable(oh, nhi, ol)
                    else:
                        nhi = oh
                    if nlo > nhi:
                        return Result(lo, hi, c, v)
                    if changed:
                        for cj in watch[v]:
                            if cj != ci and cj not in queued:
                                queue.append(cj)
                                queued.add(cj)
                        x, y = (lo[v], hi[v]) if sg > 0 else (hi[v], lo[v])
                        tl[j] = (a * x if a and x else 0) if plain and x.__class__ is not float else _mul(a, x)
                        th[j] = (a * y if a and y else 0) if plain and y.__class__ is not float else _mul(a, y)
                t = tl[j]
                if t.__class__ is float and t in _INFS:
                    if t == INF:
                        lpos = True
                    else:
                        lneg = True
                else:
                    lfin += t
                t = th[j]
                if t.__class__ is float and t in _INFS:
                    if t == INF:
                        hpos = True
                    else:
                        hneg = True
                else:
                    hfin += t
            # The folds now hold the whole sums, _total(tl) and _total(th).
            total_lo = (math.nan if lpos and lneg else (INF if lpos else _NINF)) if lpos or lneg else lfin
            total_hi = (math.nan if hpos and hneg else (INF if hpos else _NINF)) if hpos or hneg else hfin
            if total_lo > c_hi or total_hi < c_lo:
                return Result(lo, hi, c, vs[0] if vs else None)
        else:
            _, z, x, y, c, _zxy = row
            lx = lo[x]
            hx = hi[x]
            ly = lo[y]
            hy = hi[y]
            if float in (lx.__class__, hx.__class__, ly.__class__, hy.__class__):
                s, t = _imul(_EXACT, lx, hx, ly, hy)
            else:
                m1 = lx * ly if lx and ly else 0
                m2 = lx * hy if lx and hy else 0
                m3 = hx * ly if hx and ly else 0
                m4 = hx * hy if hx and hy else 0
                s = min(m1, m2, m3, m4)
                t = max(m1, m2, m3, m4)
            r = _narrow_q(lo, hi, z, s, t, len(watch[z]) > 1)  # (see _loop_float)
            if r is None:
                return Result(lo, hi, c, z)
            if r:
                _enqueue(watch[z], ci, queue, queued)
            for u, w in ((x, y), (y, x)):
                wl = lo[w]
                wh = hi[w]
                if wl <= 0 <= wh:  # the quotient is unbounded
                    continue
                al = lo[z]
                ah = hi[z]
                if float in (al.__class__, ah.__class__, wl.__class__, wh.__class__):
                    q = _idiv(_EXACT, al, ah, wl, wh)
                    assert q is not None
                    s, t = q
                else:
                    d1 = al / wl if al else 0
                    d2 = al / wh if al else 0
                    d3 = ah / wl if ah else 0
                    d4 = ah / wh if ah else 0
                    s = min(d1, d2, d3, d4)
                    t = max(d1, d2, d3, d4)
                r = _narrow_q(lo, hi, u, s, t, len(watch[u]) > 1)
                if r is None:
                    return Result(lo, hi, c, u)
                if r:
                    _enqueue(watch[u], ci, queue, queued)
    return Result(lo, hi, None, None)


def _narrow_q(lo: dict[int, Any], hi: dict[int, Any], v: int, a: Any, b: Any, tell: bool = True) -> bool | None:
    """:func:`_narrow_f` for exact bounds, which are coarsened as they are stored."""
    # _coarse keeps a rational whose denominator is below the grid (at most 96 bits) and
    # whose numerator has fewer than 1000 bits (so at most 1000 more than its denominator).
    mpq = _MPQ
    if not (a.__class__ is mpq and a.denominator.bit_length() <= _GRID_BITS and a.numerator.bit_length() < _CAP_BITS):
        a = _coarse(a, floor=True)
    if not (b.__class__ is mpq and b.denominator.bit_length() <= _GRID_BITS and b.numerator.bit_length() < _CAP_BITS):
        b = _coarse(b, floor=False)
    ol = lo[v]
    oh = hi[v]
    changed = False
    if a > ol:
        lo[v] = a
        changed = tell and _noticeable(ol, a, oh)
    if b < oh:
        hi[v] = b
        changed = changed or (tell and _noticeable(oh, b, ol))
    if lo[v] > hi[v]:
        return None
    return changed


def _noticeable(old: Num, new: Num, other: Num) -> bool:
    if old.__class__ is float and old in _INFS:
        return True
    try:
        # The same float conversions as always, each made once.
        fo = float(old)
        fn = float(new)
        scale = max(abs(fo), abs(fn), 1e-300)
        if not (other.__class__ is float and other in _INFS):
            scale = max(scale, abs(float(other)))
        return abs(fo - fn) > 1e-12 * scale
    except OverflowError:  # an exact bound beyond float range (loops of products grow)
        return old != new
