"""Compiling many rules of one kind at once, into the float columns the screen reads.

On a large problem every rule is compiled in floats for the vectorised screen
(:mod:`factcheck.screen`).  One by one, through :meth:`factcheck.kinds.RuleKind.compile`,
that costs a few microseconds of Python per rule; a kind with
:meth:`~factcheck.kinds.RuleKind.compile_columns` compiles all its rules in a handful of
numpy operations instead, through a :class:`Batch` (the :class:`factcheck.kinds.Columns`
interface).  Rules the screen flags are compiled again, exactly and one by one, so a batch
only decides which rules need that.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import numpy as np

from .kinds.base import RuleKind
from .propagate import conv_hi, conv_lo

if TYPE_CHECKING:
    from .builders import Screener

__all__ = ["Batch", "Compiled", "compile_kind", "pick"]

INF = float("inf")


class Batch:
    """One kind's rules, compiled together (see :class:`factcheck.kinds.Columns`).

    Constraints are staged and handed to the screener's columns only by :meth:`commit`,
    so a kind that fails half-way leaves nothing behind.
    """

    def __init__(self, screener: Screener, rule_nos: Any, var: Any, starts: Any, lengths: Any,
                 shapes: list[Any]) -> None:
        self._s = screener
        self.rule_nos = rule_nos
        # The variables of every rule's claim_ids, one after the other; row i's start.
        self._var = var
        self._starts = starts
        self.lengths = lengths
        self.shapes = shapes
        n = len(rule_nos)
        self.rows = np.arange(n, dtype=np.int64)
        self._lin_seq = np.zeros(n, dtype=np.int64)
        self._mul_seq = np.zeros(n, dtype=np.int64)
        self._lin: list[tuple[Any, Any, float, float, list[tuple[Any, Any, Any]]]] = []
        self._mul: list[tuple[Any, Any, Any, Any, Any]] = []
        self._coefs: dict[Fraction, tuple[float, float]] = {}
        self._periods: dict[int, tuple[float, float, object]] = {}  # by id() of a period
        #: Rows undetermined for a reason of the kind's own (not an unstated claim).
        self.undetermined_rows = np.zeros(n, dtype=bool)

    # -- Columns -------------------------------------------------------------------------
    def at(self, position: int, rows: Any = None) -> Any:
        """The variable of the claim at ``position`` in each row's claim ids (all rows, or
        ``rows``)."""
        starts = self._starts if rows is None else self._starts[np.asarray(rows, dtype=np.int64)]
        return self._var[starts + position]

    def coef(self, x: Fraction) -> tuple[float, float]:
        """``x`` rounded down and up to floats."""
        f = self._coefs.get(x)
        if f is None:
            f = self._coefs[x] = (conv_lo(x), conv_hi(x))
        return f

    def consts(self, lo: Any, hi: Any, n: int) -> Any:
        """``n`` new variables with these (outward-rounded) float bounds."""
        return self._s.new_vars(np.broadcast_to(np.asarray(lo, dtype=float), n),
                                np.broadcast_to(np.asarray(hi, dtype=float), n))

    def auxes(self, n: int) -> Any:
        """``n`` new unbounded variables."""
        return self.consts(-INF, INF, n)

    def linear(self, rows: Any, terms: list[tuple[Any, Any, Any]], lo: float, hi: float) -> None:
        """For each of ``rows``: ``lo <= Σ a·x <= hi`` over ``terms`` (``(a_lo, a_hi, var)``,
        each an array with one value per row of ``rows``, or one value for all)."""
        rows = np.asarray(rows, dtype=np.int64)
        seq = self._lin_seq[rows]
        self._lin_seq[rows] += 1
        self._lin.append((rows, seq, lo, hi, terms))

    def mul(self, rows: Any, z: Any, x: Any, y: Any) -> None:
        """For each of ``rows``: ``z = x · y`` (arrays with one variable per row of ``rows``)."""
        rows = np.asarray(rows, dtype=np.int64)
        seq = self._mul_seq[rows]
        self._mul_seq[rows] += 1
        self._mul.append((rows, seq, z, x, y))

    def period_seconds(self, cids: list[str], overrides: list[str | None]) -> tuple[Any, Any]:
        """Each row's period in seconds, rounded outward; NaN where it is unknown."""
        pairs = self._s.periods_seconds(cids, overrides)
        # The builder hands out one pair per distinct period: convert each pair once (the
        # entry keeps the pair alive, so its id is not reused).
        cache = self._periods
        for s in dict(zip(map(id, pairs), pairs, strict=True)).values():
            if id(s) not in cache:
                cache[id(s)] = (np.nan, np.nan, s) if s is None else (conv_lo(s[0]), conv_hi(s[1]), s)
        rows = pick(cache, list(map(id, pairs)))
        n = len(rows)
        return (np.fromiter(map(itemgetter(0), rows), dtype=float, count=n),
                np.fromiter(map(itemgetter(1), rows), dtype=float, count=n))

    def dims_at(self, position: int) -> tuple[Any, list[tuple[tuple[str, int], ...]]]:
        """The dimensions of the claim at ``position`` in every row, as numbers, and the
        dimensions each number stands for."""
        return self._s.cols.dims_no[self.at(position)], self._s.cols.dims_table

    def undetermined(self, rows: Any) -> None:
        self.undetermined_rows[np.asarray(rows, dtype=np.int64)] = True

    # -- handing over ----------------------------------------------------------------------
    def commit(self) -> None:
        """Give every staged constraint to the screener's columns."""
        flat = self._s.flat
        for rows, seq, lo, hi, terms in self._lin:
            flat.linear_block(self.rule_nos[rows], seq, lo, hi, terms)
        for rows, seq, z, x, y in self._mul:
            flat.mul_block(self.rule_nos[rows], seq, z, x, y)


class Compiled:
    """What compiling one kind's rules together found, row by row."""

    def __init__(self, ids: list[tuple[str, ...]], problems: dict[int, str], undetermined: Any,
                 one_by_one: list[int]) -> None:
        #: Each rule's claims (``kind.claim_ids``), in the batch's order.
        self.ids = ids
        #: Rows whose units cannot match, with the kind's message (invalid rules).
        self.problems = problems
        #: True for rows that are undetermined: an unstated claim, or the kind's own reason.
        self.undetermined = undetermined
        #: Rows the batch could not take (a claim the kind rejects, a failing compile):
        #: the evaluator compiles them one by one, as it does other kinds' rules.
        self.one_by_one = one_by_one


def compile_kind(screener: Screener, kind: RuleKind, rules: list[Any], rule_nos: list[int]) -> Compiled:
    """Compile ``rules`` of ``kind`` (numbered ``rule_nos`` in the claim set) into the
    screener's columns, with their units checked by dimensions, column-wise."""
    try:
        ids, shapes = kind.read_columns(rules)
        cols = screener.cols
        flat_ids = list(chain.from_iterable(ids))
        var = np.array(pick(cols.index, flat_ids), dtype=np.int64).reshape(len(flat_ids))
    except Exception:  # a rule the kind rejects, an unknown claim: each rule says which
        return Compiled([], {}, np.zeros(0, dtype=bool), list(range(len(rules))))
    n = len(rules)
    lengths = np.fromiter(map(len, ids), dtype=np.int64, count=n)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    problems = _unit_problems(screener, kind, rules, var, lengths, starts)
    unstated = np.zeros(n, dtype=bool)
    if cols.unstated.any():
        per_claim = cols.unstated[var].astype(np.int64)
        unstated = np.add.reduceat(per_claim, starts) > 0 if len(per_claim) else unstated
    ok = np.ones(n, dtype=bool)
    ok[list(problems)] = False
    rows = np.flatnonzero(ok)
    numbers = np.asarray(rule_nos, dtype=np.int64)
    if shapes is None:  # a kind that reads no shape gets None in every row, as documented
        shapes = [None] * n
    if len(rows) < n:
        kept = rows.tolist()
        rules = [rules[i] for i in kept]
        shapes = [shapes[i] for i in kept]
    batch = Batch(screener, numbers[rows], var, starts[rows], lengths[rows], shapes)
    try:
        kind.compile_columns(rules, batch)
    except Exception:  # compiled one by one, the failing rule is reported as it would be
        return Compiled(ids, problems, unstated, rows.tolist())
    batch.commit()
    screener.flat.refers_block(np.repeat(numbers, lengths), var)
    undetermined = unstated.copy()
    undetermined[rows] |= batch.undetermined_rows
    return Compiled(ids, problems, undetermined, [])


def pick(items: Any, keys: list[Any]) -> tuple[Any, ...]:
    """``items[k]`` for every ``k`` of ``keys`` (one C-level call; KeyError for a missing one)."""
    if len(keys) == 1:
        return (items[keys[0]],)
    return itemgetter(*keys)(items) if keys else ()


def _unit_problems(screener: Screener, kind: RuleKind, rules: list[Any], var: Any, lengths: Any,
                   starts: Any) -> dict[int, str]:
    """Rows whose units cannot match, with the kind's message.  The check depends only on
    the claims' dimensions (``units_by_dims``): it runs once per distinct combination."""
    dims_no = screener.cols.dims_no[var]
    base = len(screener.cols.dims_table) or 1  # dimension numbers are below it
    problems: dict[int, str] = {}
    for length in np.unique(lengths).tolist():
        sel = np.flatnonzero(lengths == length)
        combos = dims_no[starts[sel][:, None] + np.arange(length)]
        if base ** length < 2 ** 62:  # each combination as one number: a flat unique
            combos = combos @ (base ** np.arange(length, dtype=np.int64))
        _, first, inverse = np.unique(combos, axis=0 if combos.ndim > 1 else None, return_index=True,
                                      return_inverse=True)
        for j, row in enumerate(sel[first].tolist()):
            if _problem(kind, rules[row], screener) is None:
                continue
            # The combination fails: every rule with it gets its own message (it names the rule).
            for r in sel[inverse.reshape(-1) == j].tolist():
                problem = _problem(kind, rules[r], screener)
                if problem is not None:
                    problems[r] = problem
    return problems


def _problem(kind: RuleKind, rule: Any, screener: Screener) -> str | None:
    try:
        return kind.check_units(rule, screener)
    except Exception as exc:  # a kind's own validation error is reported as invalid
        return f"{rule.kind} {rule.id}: {exc}"
