"""The flat sweep gives exactly what it gave before its scatter was rewritten.

:mod:`factcheck.flat` once reduced each variable's narrowings by sorting the targets into
groups (``np.maximum.reduceat``) whenever a revision touched many constraints; it now
scatters them with ``np.maximum.at``.  A maximum does not depend on the order of its
operands, so every domain, flag and "moved" mark must be bit for bit those of the frozen
copy in ``tests/flat_reference.py``, on problems that hold, fail, overflow or meet
unbounded and empty domains, swept from scratch and resumed from a start with a list of
constraints to revise.  (A domain that is not a number is compared as such, whatever the
sign bit numpy's reductions gave it: it is flagged empty either way.)
"""

from __future__ import annotations

from fractions import Fraction

import flat_reference as ref
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import flat
from factcheck.propagate import conv_hi, conv_lo

COEFS = [Fraction(1), Fraction(-1), Fraction(1, 3), Fraction(-7, 100), Fraction(5, 2), Fraction(-1, 1024)]
BOUNDS = [-np.inf, -1e308, -50.0, -3.0, -0.5, 0.0, 0.25, 1.0, 7.0, 40.0, 1e308, np.inf]


@st.composite
def cases(draw: st.DrawFn) -> tuple[dict[str, np.ndarray], tuple[np.ndarray, np.ndarray] | None,
                                    tuple[np.ndarray, np.ndarray] | None]:
    n = draw(st.integers(1, 8))
    lo = np.array([draw(st.sampled_from(BOUNDS)) for _ in range(n)])
    hi = np.array([draw(st.sampled_from(BOUNDS)) for _ in range(n)])
    t_con: list[int] = []
    t_var: list[int] = []
    alo: list[float] = []
    ahi: list[float] = []
    c_lo: list[float] = []
    c_hi: list[float] = []
    for c in range(draw(st.integers(0, 8))):
        for v in draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4)):  # repeats allowed
            a = draw(st.sampled_from(COEFS))
            t_con.append(c)
            t_var.append(v)
            alo.append(conv_lo(a))
            ahi.append(conv_hi(a))
        lo_c = draw(st.sampled_from(BOUNDS))
        c_lo.append(lo_c)
        c_hi.append(max(lo_c, draw(st.sampled_from(BOUNDS))))
    n_mul = draw(st.integers(0, 4))
    mul = [[draw(st.integers(0, n - 1)) for _ in range(3)] for _ in range(n_mul)]

    def ints(xs: list[int]) -> np.ndarray:
        return np.array(xs, dtype=np.int64)

    fields = {"lo": lo, "hi": hi, "t_con": ints(t_con), "t_var": ints(t_var), "t_alo": np.array(alo),
              "t_ahi": np.array(ahi), "c_lo": np.array(c_lo), "c_hi": np.array(c_hi),
              "m_z": ints([m[0] for m in mul]), "m_x": ints([m[1] for m in mul]), "m_y": ints([m[2] for m in mul])}
    start = todo = None
    if draw(st.booleans()):  # resumed: narrower start domains, some constraints to revise
        start = (np.maximum(lo, draw(st.sampled_from(BOUNDS))), np.minimum(hi, draw(st.sampled_from(BOUNDS))))
        n_con = len(c_lo)
        todo = (ints(sorted(draw(st.sets(st.integers(0, max(n_con - 1, 0)), max_size=n_con)))),
                ints(sorted(draw(st.sets(st.integers(0, max(n_mul - 1, 0)), max_size=n_mul)))))
    return fields, start, todo


@settings(max_examples=400, deadline=None)
@given(cases(), st.sampled_from([1, 2, 64]))
def test_the_sweep_is_the_frozen_sweep(case: tuple[dict[str, np.ndarray], tuple[np.ndarray, np.ndarray] | None,
                                                   tuple[np.ndarray, np.ndarray] | None],
                                       max_sweeps: int) -> None:
    fields, start, todo = case
    got = flat.sweep(flat.FlatProblem(**fields), max_sweeps=max_sweeps, start=start, todo=todo)
    want = ref.sweep(ref.FlatProblem(**fields), max_sweeps=max_sweeps, start=start, todo=todo)
    for name in ("lo", "hi", "bad_var", "bad_con", "moved"):
        a, b = getattr(got, name), getattr(want, name)
        assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True), name
        if a.dtype == float:  # -0.0 and 0.0 compare equal: their signs must match too
            # (not a NaN's sign: numpy's reductions may give either, and a NaN domain is
            # flagged empty whatever its sign)
            num = ~np.isnan(a)
            assert np.array_equal(np.signbit(a[num]), np.signbit(b[num])), name
