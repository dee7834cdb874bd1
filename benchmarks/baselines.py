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

The products in rate, percent_of and percent_change rules are written as two linear
inequalities (``lo·x <= z <= hi·x``): exact here because the multiplier (a duration, a
share, a change) is used by no other rule in these graphs and every figure is >= 0.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from factcheck.files import ClaimSet
from factcheck.periods import duration_days
from factcheck.semantics import DEFAULT_POLICY, Policy, stated_interval
from factcheck.units import canonical

__all__ = ["ENGINES", "Verdicts", "components", "run_highs", "run_pint", "run_z3"]

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
                scale = max(scale, abs(float(a)) * max(abs(col_lo[j]), min(abs(col_hi[j]), 1e300)))
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
    h.passModel(lp)
    h.run()
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


ENGINES = {"pint": run_pint, "z3": run_z3, "highs": run_highs}
