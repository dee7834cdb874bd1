"""What a user would reach for instead of factcheck, run on the same rule graphs.

Every engine answers the same two questions, which are what factcheck's verdicts say:

- which rules cannot hold on their own (against the stated intervals of their claims);
- which connected components cannot hold as a whole.

All engines read the claims through factcheck's own semantics (hedges and rounding,
:func:`factcheck.semantics.stated_interval` under the policy given, as factcheck's own
compiler reads them), and unit factors through pint once per unit
(:func:`factcheck.units.canonical`), so that what is compared is the checking.

- ``pint``: interval propagation (the same HC4 revise-until-fixpoint) where every
  operation is done on :class:`pint.Quantity` values, claims in their own units.
- ``z3``: one solver per component with exact rational bounds, then one check per rule
  of a component found unsatisfiable.
- ``highs``: one elastic LP over all components (minimise the total violation; a
  component is infeasible where its violation is positive), then the same for the rules
  of infeasible components, each with private copies of its variables.
- ``python`` and ``numpy``: the two reference propagations the issue quotes (plain-Python
  and numpy-vectorised float interval propagation over the same rows as z3 and HiGHS;
  see the section below). Each is two functions, building the rows
  (:func:`build_python`, :func:`build_numpy`) and propagating them
  (:func:`propagate_python`, :func:`propagate_numpy`), timed apart (:data:`TWO_PHASE`).

The products in rate, percent_of and percent_change rules are written as two linear
inequalities (``lo·x <= z <= hi·x``): exact here because the multiplier (a duration, a
share, a change) is used by no other rule in these graphs and every figure is >= 0.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck.files import ClaimSet
from factcheck.periods import duration_days
from factcheck.semantics import DEFAULT_POLICY, Policy, stated_interval
from factcheck.units import canonical

__all__ = ["ENGINES", "TWO_PHASE", "FloatRows", "Verdicts", "build_numpy", "build_python", "components",
           "float_rows", "propagate_numpy", "propagate_python", "run_highs", "run_numpy", "run_pint",
           "run_python", "run_z3"]

INF = float("inf")


@dataclass(frozen=True)
class Verdicts:
    """Rules that fail alone, and components (named by their first rule) that fail."""

    local: frozenset[str]
    components: frozenset[str]


@dataclass
class Row:
    """``lo <= Σ coef · claim <= hi`` in canonical (base) units."""

    rule: str
    terms: list[tuple[Fraction, str]]
    lo: Fraction | float
    hi: Fraction | float


def components(cs: ClaimSet) -> dict[str, str]:
    """Rule id -> the first rule (in file order) of its connected component (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for rid, rule in cs.rules.items():
        parent.setdefault(rid, rid)
        for cid in _claims_of(rule):
            key = "claim:" + cid
            parent.setdefault(key, key)
            a, b = find(rid), find(key)
            if a != b:
                parent[b] = a
    first: dict[str, str] = {}
    out = {}
    for rid in cs.rules:
        root = find(rid)
        out[rid] = first.setdefault(root, rid)
    return out


def _claims_of(rule: Any) -> list[str]:
    k = rule.kind
    if k == "sum":
        return [rule.whole, *(t.claim for t in rule.parts)]
    if k == "rate":
        return [rule.total, *(t.claim for t in rule.rate)]
    if k == "percent_of":
        return [rule.share, rule.part, rule.whole]
    if k == "percent_change":
        return [rule.old, rule.new, rule.change]
    if k == "repeat":
        return list(rule.claims)
    if k == "part_of":
        return [rule.part, rule.whole]
    raise ValueError(f"the baselines do not model rule kind {k!r}")


class _Front:
    """Claim intervals in base units, computed once each (shared by the z3 and HiGHS rows)."""

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        self.cs = cs
        self.policy = policy
        self._iv: dict[str, tuple[Fraction | float, Fraction | float]] = {}

    def interval(self, cid: str) -> tuple[Fraction | float, Fraction | float]:
        iv = self._iv.get(cid)
        if iv is None:
            c = self.cs.claims[cid]
            lo, hi = stated_interval(c, self.policy)
            u = canonical(c.unit)
            f = u.lo  # the graphs use no calendar units in claims
            iv = self._iv[cid] = (lo * f if lo not in (INF, -INF) else lo, hi * f if hi not in (INF, -INF) else hi)
        return iv

    def rows(self, rid: str) -> list[Row]:
        rule: Any = self.cs.rules[rid]
        k = rule.kind
        one = Fraction(1)
        if k == "sum":
            terms = [(one, rule.whole)] + [(-Fraction(t.times), t.claim) for t in rule.parts]
            return [Row(rid, terms, Fraction(0), INF if rule.remainder else Fraction(0))]
        if k == "part_of":
            return [Row(rid, [(one, rule.part), (-one, rule.whole)], -INF, Fraction(0))]
        if k == "repeat":
            first = rule.claims[0]
            return [Row(rid, [(one, first), (-one, c)], Fraction(0), Fraction(0)) for c in rule.claims[1:]]
        if k == "rate":
            c = self.cs.claims[rule.total]
            assert c.period is not None and c.period.duration is not None
            dlo, dhi = duration_days(c.period.duration)
            dlo, dhi = dlo * 86400, dhi * 86400
            rates = [(Fraction(t.times), t.claim) for t in rule.rate]
            return [Row(rid, [(one, rule.total)] + [(-dlo * a, x) for a, x in rates], Fraction(0), INF),
                    Row(rid, [(one, rule.total)] + [(-dhi * a, x) for a, x in rates], -INF, Fraction(0))]
        if k == "percent_of":
            slo, shi = self.interval(rule.share)
            return [Row(rid, [(one, rule.part), (-slo, rule.whole)], Fraction(0), INF),  # type: ignore[operator]
                    Row(rid, [(one, rule.part), (-shi, rule.whole)], -INF, Fraction(0))]  # type: ignore[operator]
        if k == "percent_change":
            clo, chi = self.interval(rule.change)
            glo, ghi = (1 + clo, 1 + chi) if rule.direction == "increase" else (1 - chi, 1 - clo)
            return [Row(rid, [(one, rule.new), (-glo, rule.old)], Fraction(0), INF),
                    Row(rid, [(one, rule.new), (-ghi, rule.old)], -INF, Fraction(0))]
        raise ValueError(f"the baselines do not model rule kind {k!r}")


def _groups(cs: ClaimSet) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for rid, key in components(cs).items():
        out.setdefault(key, []).append(rid)
    return out


# -- z3 ------------------------------------------------------------------------------------

def run_z3(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Verdicts:
    import z3

    front = _Front(cs, policy)
    local: set[str] = set()
    bad: set[str] = set()

    def solver(rules: Iterable[str]) -> Any:
        s = z3.Solver()
        xs: dict[str, Any] = {}
        for rid in rules:
            for row in front.rows(rid):
                for _a, cid in row.terms:
                    if cid not in xs:
                        x = xs[cid] = z3.Real(cid)
                        lo, hi = front.interval(cid)
                        if lo != -INF:
                            s.add(x >= _q(z3, lo))
                        if hi != INF:
                            s.add(x <= _q(z3, hi))
                expr = z3.Sum([_q(z3, a) * xs[cid] for a, cid in row.terms])
                if row.lo != -INF:
                    s.add(expr >= _q(z3, row.lo))
                if row.hi != INF:
                    s.add(expr <= _q(z3, row.hi))
        return s

    for key, rules in _groups(cs).items():
        if solver(rules).check() == z3.unsat:
            bad.add(key)
            local.update(r for r in rules if solver([r]).check() == z3.unsat)
    return Verdicts(frozenset(local), frozenset(bad))


def _q(z3: Any, x: Fraction | float) -> Any:
    f = Fraction(x)
    return z3.RealVal(f"{f.numerator}/{f.denominator}")


# -- HiGHS ---------------------------------------------------------------------------------

def run_highs(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Verdicts:
    import highspy  # noqa: F401  (fail early if missing)

    front = _Front(cs, policy)
    groups = _groups(cs)
    comp_of = {r: k for k, rs in groups.items() for r in rs}
    # All components at once: which are infeasible.
    viol = _elastic(front, list(cs.rules), private=False)
    bad = {comp_of[r] for r, v in viol.items() if v}
    # Rules of infeasible components, each alone (private variables): which fail alone.
    suspects = [r for k in sorted(bad) for r in groups[k]]
    local = {r for r, v in _elastic(front, suspects, private=True).items() if v} if suspects else set()
    return Verdicts(frozenset(local), frozenset(bad))


def _elastic(front: _Front, rules: list[str], *, private: bool) -> dict[str, bool]:
    """Minimise Σ violation of the rules' rows under hard claim bounds; per rule: violated?"""
    import highspy
    import numpy as np

    col: dict[tuple[str, str], int] = {}
    col_lo: list[float] = []
    col_hi: list[float] = []
    starts: list[int] = [0]
    index: list[int] = []
    value: list[float] = []
    row_lo: list[float] = []
    row_hi: list[float] = []
    row_rule: list[str] = []
    for rid in rules:
        for row in front.rows(rid):
            scale = 1.0
            for a, cid in row.terms:
                key = (rid if private else "", cid)
                j = col.get(key)
                if j is None:
                    j = col[key] = len(col_lo)
                    lo, hi = front.interval(cid)
                    col_lo.append(float(lo))
                    col_hi.append(float(hi))
                index.append(j)
                value.append(float(a))
                # an unbounded end ("more than 60") says nothing of the row's size: a coefficient
                # of 1e300 made HiGHS reject the whole model
                ends_j = [abs(e) for e in (col_lo[j], col_hi[j]) if e not in (INF, -INF)]
                scale = max(scale, abs(float(a)) * max(ends_j, default=1.0))
            # Elastic: + s_plus - s_minus, both >= 0, each costing 1 per unit of the row's scale.
            for sign in (1.0, -1.0):
                index.append(len(col_lo))
                value.append(sign * scale)
                col_lo.append(0.0)
                col_hi.append(highspy.kHighsInf)
            starts.append(len(index))
            row_lo.append(float(row.lo) if row.lo != -INF else -highspy.kHighsInf)
            row_hi.append(float(row.hi) if row.hi != INF else highspy.kHighsInf)
            row_rule.append(rid)
    n = len(col_lo)
    cost = np.zeros(n)
    # The two slack columns of a row are the last two entries of the row.
    ends = np.array(starts[1:], dtype=int)
    idx = np.array(index, dtype=int)
    plus, minus = idx[ends - 2], idx[ends - 1]
    cost[plus] = cost[minus] = 1.0
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    lp = highspy.HighsLp()
    lp.num_col_ = n
    lp.num_row_ = len(row_lo)
    lp.col_cost_ = cost
    lp.col_lower_ = np.array(col_lo)
    lp.col_upper_ = np.array(col_hi)
    lp.row_lower_ = np.array(row_lo)
    lp.row_upper_ = np.array(row_hi)
    lp.a_matrix_.format_ = highspy.MatrixFormat.kRowwise
    lp.a_matrix_.start_ = np.array(starts)
    lp.a_matrix_.index_ = np.array(index)
    lp.a_matrix_.value_ = np.array(value)
    if h.passModel(lp) != highspy.HighsStatus.kOk or h.run() != highspy.HighsStatus.kOk \
            or h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        raise RuntimeError(f"HiGHS did not solve the elastic LP: {h.modelStatusToString(h.getModelStatus())}")
    x = np.array(h.getSolution().col_value)
    violated = (x[plus] + x[minus]) > 1e-7  # in units of each row's scale; plants are >= 1e-2
    out: dict[str, bool] = dict.fromkeys(rules, False)
    for r in np.flatnonzero(violated).tolist():
        out[row_rule[r]] = True
    return out


# -- pint ----------------------------------------------------------------------------------

def run_pint(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Verdicts:
    """HC4 propagation with every bound a pint Quantity in the claim's own unit."""
    from factcheck.units import registry

    ureg = registry()
    Q = ureg.Quantity
    dom0: dict[str, tuple[Any, Any]] = {}
    for cid, c in cs.claims.items():
        lo, hi = stated_interval(c, policy)
        dom0[cid] = (Q(float(lo), c.unit), Q(float(hi), c.unit))
    rows_of: dict[str, list[list[tuple[Any, str]] | Any]] = {}
    for rid in cs.rules:
        rows_of[rid] = _pint_rows(cs, rid, Q, policy)
    groups = _groups(cs)
    local = {rid for rid in cs.rules if not _pint_propagate(rows_of[rid], dict(dom0))}
    bad: set[str] = set()
    for key, rules in groups.items():
        if any(r in local for r in rules):
            bad.add(key)
            continue
        rows = [row for r in rules for row in rows_of[r]]
        if len(rules) > 1 and not _pint_propagate(rows, dom0.copy()):
            bad.add(key)
    return Verdicts(frozenset(local), frozenset(bad))


def _pint_rows(cs: ClaimSet, rid: str, Q: Any, policy: Policy) -> list[Any]:
    """Rows ``(terms, lo, hi)`` with pint coefficients; bounds are quantities of the row."""
    rule: Any = cs.rules[rid]
    k = rule.kind
    one = Q(1, "dimensionless")

    def unit(cid: str) -> str:
        return cs.claims[cid].unit

    def zero(cid: str) -> Any:
        return Q(0.0, unit(cid))

    inf_lo = -INF
    inf_hi = INF
    if k == "sum":
        terms = [(one, rule.whole)] + [(-float(t.times) * one, t.claim) for t in rule.parts]
        return [(terms, zero(rule.whole), Q(inf_hi, unit(rule.whole)) if rule.remainder else zero(rule.whole))]
    if k == "part_of":
        return [([(one, rule.part), (-one, rule.whole)], Q(inf_lo, unit(rule.part)), zero(rule.part))]
    if k == "repeat":
        first = rule.claims[0]
        return [([(one, first), (-one, c)], zero(first), zero(first)) for c in rule.claims[1:]]
    if k == "rate":
        c = cs.claims[rule.total]
        assert c.period is not None and c.period.duration is not None
        dlo, dhi = duration_days(c.period.duration)
        lo_d, hi_d = Q(float(dlo), "day"), Q(float(dhi), "day")
        rates = [(float(t.times), t.claim) for t in rule.rate]
        return [([(one, rule.total)] + [(-a * lo_d, x) for a, x in rates], zero(rule.total),
                 Q(inf_hi, unit(rule.total))),
                ([(one, rule.total)] + [(-a * hi_d, x) for a, x in rates], Q(inf_lo, unit(rule.total)),
                 zero(rule.total))]
    if k == "percent_of":
        s = cs.claims[rule.share]
        slo, shi = stated_interval(s, policy)
        qlo, qhi = Q(float(slo), s.unit), Q(float(shi), s.unit)
        return [([(one, rule.part), (-qlo, rule.whole)], zero(rule.part), Q(inf_hi, unit(rule.part))),
                ([(one, rule.part), (-qhi, rule.whole)], Q(inf_lo, unit(rule.part)), zero(rule.part))]
    if k == "percent_change":
        ch = cs.claims[rule.change]
        clo, chi = stated_interval(ch, policy)
        qlo, qhi = Q(float(clo), ch.unit).to("dimensionless"), Q(float(chi), ch.unit).to("dimensionless")
        glo, ghi = (one + qlo, one + qhi) if rule.direction == "increase" else (one - qhi, one - qlo)
        return [([(one, rule.new), (-glo, rule.old)], zero(rule.new), Q(inf_hi, unit(rule.new))),
                ([(one, rule.new), (-ghi, rule.old)], Q(inf_lo, unit(rule.new)), zero(rule.new))]
    raise ValueError(f"the baselines do not model rule kind {k!r}")


def _pint_propagate(rows: list[Any], dom: dict[str, tuple[Any, Any]], max_rounds: int = 50) -> bool:
    """Revise every row until nothing narrows; False if a domain becomes empty."""
    for _ in range(max_rounds):
        changed = False
        for terms, rlo, rhi in rows:
            tl, th = [], []
            for a, cid in terms:
                lo, hi = dom[cid]
                p, q = a * lo, a * hi
                tl.append(min(p, q))
                th.append(max(p, q))
            for j, (a, cid) in enumerate(terms):
                rest_lo = sum((tl[i] for i in range(len(terms)) if i != j), start=0 * tl[j])
                rest_hi = sum((th[i] for i in range(len(terms)) if i != j), start=0 * th[j])
                lo_j, hi_j = rlo - rest_hi, rhi - rest_lo
                n1, n2 = lo_j / a, hi_j / a
                nlo, nhi = (min(n1, n2), max(n1, n2))
                lo, hi = dom[cid]
                nlo, nhi = nlo.to(lo.units), nhi.to(lo.units)
                new_lo = nlo if nlo > lo else lo
                new_hi = nhi if nhi < hi else hi
                tol = 1e-9 * max(abs(new_lo.magnitude), abs(new_hi.magnitude), 1.0)
                if new_lo.magnitude > new_hi.magnitude + tol:
                    return False
                if (new_lo.magnitude - lo.magnitude > tol) or (hi.magnitude - new_hi.magnitude > tol):
                    changed = True
                    dom[cid] = (new_lo, new_hi)
                    p, q = a * new_lo, a * new_hi
                    tl[j], th[j] = min(p, q), max(p, q)
        if not changed:
            return True
    return True


# -- float interval propagation: the reference engines -----------------------------
#
# Both engines propagate the same rows as z3 and HiGHS, in floats.  They are timed in two
# parts (``benchmarks/run.py``): *building* the rows from the claim set through
# factcheck's semantics (:func:`build_python`, :func:`build_numpy`), and *propagating*
# them to the verdicts (:func:`propagate_python`, :func:`propagate_numpy`) — the latter is
# the floor the issue quotes.
#
# Domains are kept as one list ``U = [lo_0, ..., lo_n-1, -hi_0, ..., -hi_n-1]`` of lower
# bounds, so that every narrowing is a maximum and a term ``a·x`` needs no branch on the
# sign of ``a``: its lower bound is ``|a|·U[il]`` and its negated upper bound ``|a|·U[ih]``,
# where ``il, ih`` are ``x``'s two slots, swapped when ``a < 0``.
#
# Soundness: every bound a row yields is widened outward by ``TOL`` times (at least) the
# magnitude of what was summed to get it (``Σ |a|·max(|lo|, |hi|)`` over the row's finite
# terms, plus its finite bounds), far above the rounding error of float sums (about ``k · 2⁻⁵³`` of that
# magnitude for ``k`` terms), so figures that meet exactly at a boundary are never found
# apart; a planted conflict is at least 1% of its figures.  A narrowing counts as a
# change (and wakes the rows of its variable) only when it exceeds ``TOL`` times the
# variable's stated magnitude (its greatest finite bound).

#: Relative widening of every computed bound, and the least narrowing that counts.
TOL = 1e-9
#: Sweeps over all rows (numpy), or revisions per row of a propagation (python), before
#: giving up; a propagation that gives up has found no conflict.
MAX_SWEEPS = 50


@dataclass
class FloatRows:
    """Every rule's rows in floats, over one variable per claim (what both engines read).

    Row ``r``: ``row_lo[r] <= Σ a·x <= row_hi[r]`` over ``row_terms[r]`` = ``[(a, x), ...]``;
    the rows of rule ``i`` are ``rule_start[i]:rule_start[i + 1]``.
    """

    rules: list[str]
    rule_comp: list[int]  # component number of each rule
    comp_key: list[str]  # component number -> its first rule (the name in Verdicts)
    rule_start: list[int]
    # per rule: True when checking each of its rows against the stated intervals decides
    # whether it holds alone (see :func:`_decided_by_rows`)
    decided: list[bool]
    var_lo: list[float]
    var_hi: list[float]
    row_terms: list[list[tuple[float, int]]]
    row_lo: list[float]
    row_hi: list[float]


def float_rows(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> FloatRows:
    """The rows of z3 and HiGHS (:class:`_Front`), with every number rounded to a float."""
    front = _Front(cs, policy)
    comp = components(cs)
    comp_no: dict[str, int] = {}
    var: dict[str, int] = {}
    out = FloatRows([], [], [], [0], [], [], [], [], [], [])
    for rid in cs.rules:
        key = comp[rid]
        c = comp_no.get(key)
        if c is None:
            c = comp_no[key] = len(out.comp_key)
            out.comp_key.append(key)
        out.rules.append(rid)
        out.rule_comp.append(c)
        for row in front.rows(rid):
            terms: list[tuple[float, int]] = []
            for a, cid in row.terms:
                if not a:
                    continue  # 0·x bounds nothing (and 0·∞ would be undefined)
                j = var.get(cid)
                if j is None:
                    j = var[cid] = len(out.var_lo)
                    lo, hi = front.interval(cid)
                    out.var_lo.append(float(lo))
                    out.var_hi.append(float(hi))
                terms.append((float(a), j))
            out.row_terms.append(terms)
            out.row_lo.append(float(row.lo))
            out.row_hi.append(float(row.hi))
        out.rule_start.append(len(out.row_terms))
        out.decided.append(_decided_by_rows(cs.rules[rid], front))
    return out


def _decided_by_rows(rule: Any, front: _Front) -> bool:
    """Whether a rule holds alone exactly when each of its rows does, on its own, against
    the stated intervals — so that no propagation is needed to judge it alone.

    True for a rule of one row.  True for a *bracket* ``c1·X <= z <= c2·X`` (rate: ``X``
    the rates times their multipliers, ``c`` the period's days; percent_of: ``X`` the
    whole, ``c`` the share; percent_change: ``X`` the old figure, ``c`` one plus or minus
    the change) when ``X >= 0`` over the stated intervals: the values ``c1·X .. c2·X``
    for ``X`` in its interval then form one interval, from the least ``c1·X`` to the
    greatest ``c2·X``, and ``z``'s interval meets it exactly when the lower row can hold
    (``z``'s greatest value reaches the least ``c1·X``) and the upper one can.  False for a
    repeat of three figures or more: ``[0, 10]`` meets both ``[0, 1]`` and ``[9, 10]``,
    which do not meet.
    """
    k = rule.kind
    if k in ("sum", "part_of") or (k == "repeat" and len(rule.claims) <= 2):
        return True
    # (z must not be one of the figures of X: a figure twice in a row is not an interval sum)
    if k == "rate":
        return all(t.times >= 0 and t.claim != rule.total and front.interval(t.claim)[0] >= 0 for t in rule.rate)
    if k == "percent_of":
        return rule.part != rule.whole and front.interval(rule.whole)[0] >= 0
    if k == "percent_change":
        return rule.new != rule.old and front.interval(rule.old)[0] >= 0
    return False


def _finite_abs(*xs: float) -> float:
    return sum(abs(x) for x in xs if x not in (INF, -INF))


# -- python: plain floats and lists, a worklist of rows --------------------------------------

@dataclass
class PyProblem:
    """:class:`FloatRows` laid out for :func:`propagate_python`."""

    rows: FloatRows
    u0: list[float]  # [lo..., -hi...] of every variable
    thr: list[float]  # per slot: the least narrowing that counts
    # per row: ((|a|, 1/|a|, il, ih) per term, lo, -hi, magnitude of its finite bounds)
    prow: list[tuple[list[tuple[float, float, int, int]], float, float, float]]
    slot_rows: list[list[int]]  # per slot: the rows that read it


def build_python(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> PyProblem:
    return _py_problem(float_rows(cs, policy))


def _py_problem(fr: FloatRows) -> PyProblem:
    nv = len(fr.var_lo)
    u0 = fr.var_lo + [-h for h in fr.var_hi]
    thr = [TOL * max(abs(lo) if lo != -INF else 0.0, abs(hi) if hi != INF else 0.0)
           for lo, hi in zip(fr.var_lo, fr.var_hi, strict=True)] * 2
    var_rows: list[list[int]] = [[] for _ in range(nv)]
    prow = []
    for r, (terms, lo, hi) in enumerate(zip(fr.row_terms, fr.row_lo, fr.row_hi, strict=True)):
        pt = []
        for a, x in terms:
            il, ih = (x, nv + x) if a > 0 else (nv + x, x)
            pt.append((abs(a), 1.0 / abs(a), il, ih))
            if not var_rows[x] or var_rows[x][-1] != r:
                var_rows[x].append(r)
        prow.append((pt, lo, -hi, _finite_abs(lo, hi)))
    return PyProblem(fr, u0, thr, prow, var_rows + var_rows)


def _py_sums(terms: list[tuple[float, float, int, int]], u: list[float]
             ) -> tuple[float, float, int, int, float, list[float], list[float]]:
    """A row's sums: the finite parts of its lower bound and of its negated upper bound,
    how many of its terms are unbounded below and above, the magnitude of the finite
    terms, and each term's two bounds."""
    s_l = s_h = mag = 0.0
    inf_l = inf_h = 0
    tls = []
    nths = []
    for absa, _inva, il, ih in terms:
        tl = absa * u[il]
        nth = absa * u[ih]
        tls.append(tl)
        nths.append(nth)
        if tl == -INF:
            inf_l += 1
        else:
            s_l += tl
            mag += abs(tl)
        if nth == -INF:
            inf_h += 1
        else:
            s_h += nth
            mag += abs(nth)
    return s_l, s_h, inf_l, inf_h, mag, tls, nths


def _py_row_holds(row: tuple[list[tuple[float, float, int, int]], float, float, float], u: list[float]) -> bool:
    """Whether the row's interval sum reaches its bounds (widened outward)."""
    terms, rlo, nrhi, rmag = row
    s_l, s_h, inf_l, inf_h, mag, _, _ = _py_sums(terms, u)
    slack = TOL * (mag + rmag)
    return not ((not inf_l and s_l - slack > -nrhi) or (not inf_h and s_h - slack > -rlo))


def _py_revise(row: tuple[list[tuple[float, float, int, int]], float, float, float], u: list[float],
               thr: list[float], changed: list[int]) -> bool:
    """Narrow ``u`` by one row (HC4-revise); False if the row cannot hold.  Slots narrowed
    by more than their threshold are appended to ``changed``."""
    terms, rlo, nrhi, rmag = row
    s_l, s_h, inf_l, inf_h, mag, tls, nths = _py_sums(terms, u)
    slack = TOL * (mag + rmag)
    # The row's sum is at least s_l and at most -s_h: out of reach of [rlo, rhi]?
    if (not inf_l and s_l - slack > -nrhi) or (not inf_h and s_h - slack > -rlo):
        return False
    for j, (_absa, inva, il, ih) in enumerate(terms):
        # a·x >= rlo - (the other terms' upper bound); -a·x >= (their lower bound) - rhi
        if (rlo != -INF and not _py_narrow(rlo, s_h, nths[j], inf_h, slack, inva, il, ih, u, thr, changed)) or (
                nrhi != -INF and not _py_narrow(nrhi, s_l, tls[j], inf_l, slack, inva, ih, il, u, thr, changed)):
            return False
    return True


def _py_narrow(bound: float, total: float, own: float, n_inf: int, slack: float, inva: float, slot: int,
               other: int, u: list[float], thr: list[float], changed: list[int]) -> bool:
    """``u[slot] >= (bound + the other terms' part of total - slack) / |a|`` (unless an
    other term is unbounded); False if the domain becomes empty."""
    unbounded = own == -INF
    if n_inf - unbounded:
        return True
    cand = (bound + total - (0.0 if unbounded else own) - slack) * inva
    if cand - u[slot] > thr[slot]:
        u[slot] = cand
        changed.append(slot)
        return cand + u[other] <= 0.0
    return True


def _py_propagate(p: PyProblem, rows: list[int] | range, u: list[float]) -> bool:
    """Revise ``rows`` (and every row whose variables narrow) until nothing narrows by
    more than its threshold, or every row has been revised ``MAX_SWEEPS`` times on
    average; False if a row cannot hold or a domain becomes empty."""
    queue = deque(rows)
    queued = set(rows)
    budget = MAX_SWEEPS * len(queued)
    prow, thr, slot_rows = p.prow, p.thr, p.slot_rows
    changed: list[int] = []
    while queue and budget:
        budget -= 1
        r = queue.popleft()
        queued.discard(r)
        if not _py_revise(prow[r], u, thr, changed):
            return False
        if changed:
            for s in changed:
                for r2 in slot_rows[s]:
                    if r2 != r and r2 not in queued:
                        queued.add(r2)
                        queue.append(r2)
            changed.clear()
    return True


def _py_rounds(p: PyProblem, rows: range, u: list[float]) -> bool:
    """Revise the few rows of one rule in turn until none narrows (a rule alone: the
    worklist would wake other rules' rows through shared variables)."""
    changed: list[int] = []
    for _ in range(MAX_SWEEPS):
        for r in rows:
            if not _py_revise(p.prow[r], u, p.thr, changed):
                return False
        if not changed:
            return True
        changed.clear()
    return True


def propagate_python(p: PyProblem) -> Verdicts:
    """Each rule alone (its rows checked against the stated intervals where that decides it,
    :func:`_decided_by_rows`, else propagated on its own), then each component without
    such a rule as a whole."""
    fr = p.rows
    u = list(p.u0)
    starts = fr.rule_start
    local: set[str] = set()
    bad: set[int] = set()
    by_comp: dict[int, list[int]] = {}
    for i, rid in enumerate(fr.rules):
        rows = range(starts[i], starts[i + 1])
        by_comp.setdefault(fr.rule_comp[i], []).append(i)
        if fr.decided[i]:
            ok = all(_py_row_holds(p.prow[r], u) for r in rows)
        else:
            ok = _py_rounds(p, rows, u)
            # put back what the rule narrowed
            for s in {s for r in rows for t in p.prow[r][0] for s in t[2:]}:
                u[s] = p.u0[s]
        if not ok:
            local.add(rid)
            bad.add(fr.rule_comp[i])
    for c, rules in by_comp.items():
        if c in bad or len(rules) == 1:
            continue
        # Components share no variable: each is propagated in place on the same domains.
        if not _py_propagate(p, [r for i in rules for r in range(starts[i], starts[i + 1])], u):
            bad.add(c)
    return Verdicts(frozenset(local), frozenset(fr.comp_key[c] for c in bad))


def run_python(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Verdicts:
    """Plain-Python float interval propagation (HC4 over a worklist of rows)."""
    return propagate_python(build_python(cs, policy))


# -- numpy: every row at once, Jacobi sweeps ------------------------------------------------

@dataclass
class _Sweeps:
    """Rows over variables as flat arrays, one entry per term, with the groups (rules or
    components) whose failure is asked; built once, swept by :func:`_sweep`."""

    nv: int
    u0: Any  # [lo..., -hi...] per variable
    thr: Any  # per slot: the least narrowing that counts
    # Per term, in the order of :data:`_TERM_FIELDS`: the slot of a·x's lower bound (which
    # is the slot of x that a lower bound on a·x narrows), the slot of -a·x's lower bound,
    # |a|, 1/|a|, the row, and the row's lower and negated upper bound, widened by the
    # row's slack when it is static.
    terms: tuple[Any, ...]
    t_var: Any
    r_lo: Any
    r_hi: Any
    rmag: Any  # per row: magnitude of its finite bounds
    # per row: TOL · the greatest magnitude of its sum over the stated intervals, which
    # bounds every later one (domains only narrow); None if a domain is unbounded, and
    # then computed in each sweep from the current domains
    slack: Any
    row_group: Any
    slot_group: Any
    ngroups: int
    var_rows: tuple[Any, Any]  # CSR: per variable, the rows it is a term of


def _sweeps(fr: FloatRows, rows: list[int], row_group: list[int], ngroups: int, *, private: bool) -> _Sweeps:
    """``rows`` of ``fr`` as a :class:`_Sweeps`; with ``private``, each group gets its own
    copy of its variables (rules alone)."""
    import numpy as np

    slot: dict[tuple[int, int], int] = {}
    lo: list[float] = []
    hi: list[float] = []
    var_group: list[int] = []
    t_var: list[int] = []
    t_a: list[float] = []
    t_row: list[int] = []
    for k, (r, g) in enumerate(zip(rows, row_group, strict=True)):
        for a, x in fr.row_terms[r]:
            key = (g if private else -1, x)
            j = slot.get(key)
            if j is None:
                j = slot[key] = len(lo)
                lo.append(fr.var_lo[x])
                hi.append(fr.var_hi[x])
                var_group.append(g)
            t_var.append(j)
            t_a.append(a)
            t_row.append(k)
    nv, nrows = len(lo), len(rows)
    a = np.array(t_a)
    tv = np.array(t_var, dtype=np.intp)
    tr = np.array(t_row, dtype=np.intp)
    neg = a < 0
    absa = np.abs(a)
    vlo, vhi = np.array(lo), np.array(hi)
    r_lo = np.array([fr.row_lo[r] for r in rows])
    r_hi = np.array([fr.row_hi[r] for r in rows])
    rmag = np.where(np.isfinite(r_lo), np.abs(r_lo), 0.0) + np.where(np.isfinite(r_hi), np.abs(r_hi), 0.0)
    vmag = np.maximum(np.abs(vlo), np.abs(vhi))
    slack = None
    t_lo, t_nhi = r_lo[tr], -r_hi[tr]
    if np.isfinite(vmag).all():
        slack = TOL * (np.bincount(tr, absa * vmag[tv], nrows) + rmag)
        t_lo, t_nhi = t_lo - slack[tr], t_nhi - slack[tr]
    by_var = np.argsort(tv, kind="stable")
    var_ptr = np.r_[0, np.cumsum(np.bincount(tv, minlength=nv))]
    thr = TOL * np.maximum(np.where(np.isfinite(vlo), np.abs(vlo), 0.0), np.where(np.isfinite(vhi), np.abs(vhi), 0.0))
    return _Sweeps(nv, np.concatenate([vlo, -vhi]), np.tile(thr, 2),
                   (tv + nv * neg, tv + nv * ~neg, absa, 1.0 / absa, tr, t_lo, t_nhi), tv, r_lo, r_hi, rmag,
                   slack, np.array(row_group, dtype=np.intp), np.tile(np.array(var_group, dtype=np.intp), 2),
                   ngroups, (var_ptr, tr[by_var]))


def _sweep(sy: _Sweeps) -> tuple[Any, Any]:
    """Jacobi HC4 sweeps until no slot narrows by more than its threshold (outside failed
    groups), or ``MAX_SWEEPS``: (failed groups, rows whose stated intervals already miss
    their bounds).  The first sweep revises every row; each later one only the rows with
    a term on a variable the previous sweep narrowed (a worklist, vectorised)."""
    import numpy as np

    u = sy.u0
    nv, nrows = sy.nv, len(sy.r_lo)
    failed = np.zeros(sy.ngroups, dtype=bool)
    terms = sy.terms
    active = None  # rows revised in this sweep (None: all)
    bad0 = None
    if sy.slack is not None:
        r_hi_s, r_nlo_s = sy.r_hi + sy.slack, -sy.r_lo + sy.slack
    for _ in range(MAX_SWEEPS):
        il, ih, absa, inva, tr, t_lo, t_nhi = terms
        tl = absa * u[il]  # a·x >= tl
        nth = absa * u[ih]  # -a·x >= nth
        if sy.slack is not None:
            s_l = np.bincount(tr, tl, nrows)  # (faster than np.add.reduceat here)
            s_h = np.bincount(tr, nth, nrows)
            bad = (s_l > r_hi_s) | (s_h > r_nlo_s)
            # a·x >= lo - (the other terms' upper bound); -a·x >= (their lower bound) - hi
            cand_l = (t_lo + (s_h[tr] - nth)) * inva
            cand_h = (t_nhi + (s_l[tr] - tl)) * inva
        else:
            bad, cand_l, cand_h = _general_revise(sy, terms, tl, nth)
        if active is None:
            bad0 = bad
        else:
            bad &= active  # rows not revised have no sums
        if bad.any():
            failed[sy.row_group[bad]] = True
        # (np.maximum.at is a C loop since numpy 1.25, faster here than sorting the
        # candidates by slot once and reducing them with np.maximum.reduceat)
        new = u.copy()
        np.maximum.at(new, il, cand_l)
        np.maximum.at(new, ih, cand_h)
        empty = new[:nv] + new[nv:] > 0.0
        if empty.any():
            failed[sy.slot_group[:nv][empty]] = True
        with np.errstate(invalid="ignore"):  # -inf - -inf: a bound unbounded still
            moved = new - u > sy.thr
        u = new
        if failed.any():
            moved &= ~failed[sy.slot_group]
        moved_var = moved[:nv] | moved[nv:]
        if not moved_var.any():
            break
        active = np.zeros(nrows, dtype=bool)
        ptr, rows_of = sy.var_rows
        vs = np.flatnonzero(moved_var)
        counts = ptr[vs + 1] - ptr[vs]
        ends = np.cumsum(counts)
        active[rows_of[np.repeat(ptr[vs] - ends + counts, counts) + np.arange(ends[-1])]] = True
        sel = np.flatnonzero(active[sy.terms[4]])
        terms = tuple(x[sel] for x in sy.terms)
    return failed, bad0


def _general_revise(sy: _Sweeps, terms: tuple[Any, ...], tl: Any, nth: Any) -> tuple[Any, Any, Any]:
    """One sweep's row checks and candidates where some domain is unbounded: sums count
    their infinite terms, and the widening is computed from the finite ones."""
    import numpy as np

    _il, _ih, _absa, inva, tr, t_lo, t_nhi = terms
    nrows = len(sy.r_lo)
    fl, fh = np.isfinite(tl), np.isfinite(nth)
    tlf, nthf = np.where(fl, tl, 0.0), np.where(fh, nth, 0.0)
    s_l = np.bincount(tr, tlf, nrows)
    s_h = np.bincount(tr, nthf, nrows)
    inf_l = np.bincount(tr[~fl], minlength=nrows)
    inf_h = np.bincount(tr[~fh], minlength=nrows)
    slack = TOL * (np.bincount(tr, np.abs(tlf) + np.abs(nthf), nrows) + sy.rmag)
    bad = ((inf_l == 0) & (s_l - slack > sy.r_hi)) | ((inf_h == 0) & (s_h - slack > -sy.r_lo))
    rest_nh = np.where(inf_h[tr] - ~fh > 0, -INF, s_h[tr] - nthf)
    rest_l = np.where(inf_l[tr] - ~fl > 0, -INF, s_l[tr] - tlf)
    return bad, (t_lo - slack[tr] + rest_nh) * inva, (t_nhi - slack[tr] + rest_l) * inva


@dataclass
class NpProblem:
    """:class:`FloatRows` as arrays for :func:`propagate_numpy`."""

    rows: FloatRows
    shared: _Sweeps  # every row, one variable per claim, groups = components
    row_rule: Any  # per row of ``shared``: its rule
    # rules that their rows' checks do not decide, each on its own variables (groups =
    # those rules); None when there are none, as in the synthetic graphs
    private: _Sweeps | None
    private_rules: list[int]


def build_numpy(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> NpProblem:
    return _np_problem(float_rows(cs, policy))


def _np_problem(fr: FloatRows) -> NpProblem:
    import numpy as np

    n = len(fr.rules)
    row_rule = [i for i in range(n) for _ in range(fr.rule_start[i], fr.rule_start[i + 1])]
    shared = _sweeps(fr, list(range(len(fr.row_terms))), [fr.rule_comp[i] for i in row_rule],
                     len(fr.comp_key), private=False)
    multi = [i for i in range(n) if not fr.decided[i]]
    rows = [r for i in multi for r in range(fr.rule_start[i], fr.rule_start[i + 1])]
    groups = [g for g, i in enumerate(multi) for _ in range(fr.rule_start[i], fr.rule_start[i + 1])]
    private = _sweeps(fr, rows, groups, len(multi), private=True) if multi else None
    return NpProblem(fr, shared, np.array(row_rule, dtype=np.intp), private, multi)


def propagate_numpy(p: NpProblem) -> Verdicts:
    """Components: sweeps over all rows at once.  Rules alone: the first sweep's row checks
    (against the stated intervals, before any narrowing) decide every rule that
    :func:`_decided_by_rows` says they decide; the others are swept on private copies of
    their variables."""
    import numpy as np

    fr = p.rows
    failed, bad0 = _sweep(p.shared)
    local = set(np.unique(p.row_rule[bad0]).tolist())
    if p.private is not None:
        pf, _ = _sweep(p.private)
        local.update(p.private_rules[g] for g in np.flatnonzero(pf).tolist())
    return Verdicts(frozenset(fr.rules[i] for i in local),
                    frozenset(fr.comp_key[c] for c in np.flatnonzero(failed).tolist()))


def run_numpy(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Verdicts:
    """numpy-vectorised float interval propagation (Jacobi HC4 sweeps over flat arrays)."""
    return propagate_numpy(build_numpy(cs, policy))


#: Engines timed in two parts: building their rows, then propagating them (the floor).
TWO_PHASE: dict[str, tuple[Callable[[ClaimSet], Any], Callable[[Any], Verdicts]]] = {
    "python": (build_python, propagate_python),
    "numpy": (build_numpy, propagate_numpy),
}

ENGINES = {"pint": run_pint, "z3": run_z3, "highs": run_highs, "python": run_python, "numpy": run_numpy}
