"""Evaluation: compile rules to interval constraints, propagate, and give every rule a verdict.

Steps, per connected component of the rule graph (:mod:`factcheck.graph`):

1. each rule whose units cannot match is ``invalid``;
2. each rule is checked on its own against the stated intervals of its claims; one that
   cannot hold is ``inconsistent`` (confirmed in exact arithmetic before it is reported);
3. the rules that hold one by one are propagated together, so that a conflict visible only
   through a chain of rules is found; a smallest set of rules that conflict is then
   extracted by deletion and reported once (code FC001);
4. the rest are ``consistent``, or ``undetermined`` when a figure they need is unstated.

The hot loop works on plain floats with outward rounding (:mod:`factcheck.propagate`);
pint is used once per distinct unit (:mod:`factcheck.units`).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, TypeVar

from . import persian
from .claimcols import claim_columns
from .codes import CATALOGUE
from .files import ClaimSet
from .findings import Finding, Severity, Status
from .gcpause import paused
from .kinds import REGISTRY, load_all
from .kinds.base import Explanation, RuleKind, fmt_iv
from .model import Claim, Hedge, RuleBase
from .numbers import format_number
from .periods import days_between, duration_days
from .propagate import Linear, Mul, Problem, propagate
from .screen import FlatColumns, Screen, connected
from .semantics import DEFAULT_POLICY, Bound, Policy, claim_interval, scale, unscale
from .units import Canonical, canonical

__all__ = ["Evaluation", "evaluate"]

INF = math.inf
_SECONDS_PER_DAY = Fraction(86400)
#: Rules below this confidence can only produce "possible" findings (severity warning).
CONFIDENT = 0.75
#: From this many rules on, a vectorised pass screens rules first (numpy is imported).
FLAT_MIN = 1000


@dataclass
class Evaluation:
    """The result: stated intervals of claims and one finding per rule (or chain)."""

    claims: ClaimSet
    #: Each claim's stated interval in its own unit (exact; computed when first read).
    intervals: Mapping[str, tuple[Bound, Bound]]
    findings: list[Finding] = field(default_factory=list)

    @property
    def inconsistent(self) -> list[Finding]:
        return [f for f in self.findings if f.status is Status.inconsistent and not f.suppressed]


class _Builder:
    """What the exact compiler and the float screener share: claims, units and periods."""

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        self.cs = cs
        self.policy = policy
        self.vars: dict[str, int] = {}
        self._periods: dict[tuple[str, str | None], tuple[Fraction, Fraction] | None] = {}
        self._units: dict[str, Canonical] = {}
        self._seconds: dict[tuple[Fraction, Fraction], tuple[Fraction, Fraction]] = {}
        self._unstated: set[str] | None = None

    def lang(self, cid: str) -> str | None:
        return claim_lang(self.cs, cid)

    def model(self, cid: str) -> Claim:
        return self.cs.claims[cid]

    def any_unstated(self, ids: Iterable[str]) -> bool:
        """True if any of these claims states no value (asked of every rule)."""
        unstated = self._unstated
        if unstated is None:
            unstated = self._unstated = {cid for cid, c in self.cs.claims.items() if c.value is None}
        return bool(unstated) and not unstated.isdisjoint(ids)

    def unit(self, unit: str) -> Canonical:
        """:func:`factcheck.units.canonical`, asked once per distinct unit string."""
        u = self._units.get(unit)
        if u is None:
            u = self._units[unit] = canonical(unit)
        return u

    def dims(self, cid: str) -> tuple[tuple[str, int], ...]:
        return self.unit(self.cs.claims[cid].unit).dims

    def period_days(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None:
        key = (cid, override)
        if key not in self._periods:
            self._periods[key] = self._period_days(cid, override)
        return self._periods[key]

    def _period_days(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None:
        cal = self.policy.calendar(self.lang(cid))
        if override is not None:
            if override in self.cs.claims:
                oc = self.cs.claims[override]
                lo, hi = claim_interval(oc, self.policy, self.lang(override))
                u = canonical(oc.unit)
                slo, shi = scale(lo, hi, u.lo, u.hi)
                if slo in (INF, -INF) or shi in (INF, -INF):
                    return None
                return Fraction(slo) / _SECONDS_PER_DAY, Fraction(shi) / _SECONDS_PER_DAY
            return duration_days(override, cal)
        p = self.cs.claims[cid].period
        if p is None:
            return None
        if p.calendar:
            cal = p.calendar
        if p.duration:
            return duration_days(p.duration, cal)
        if p.start and p.end:
            d = days_between(p.start, p.end)
            return d, d
        return None

    def period_seconds(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None:
        d = self.period_days(cid, override)
        if d is None:
            return None
        # Periods repeat (six months, a year): the same pair of Fractions each time lets
        # later stages cache their conversions by identity.
        s = self._seconds.get(d)
        if s is None:
            s = self._seconds[d] = (d[0] * _SECONDS_PER_DAY, d[1] * _SECONDS_PER_DAY)
        return s


class _Compiler(_Builder):
    """Implements :class:`factcheck.kinds.Builder` over one exact :class:`Problem`.

    Rules are compiled on demand (:meth:`rule`): all of them on small problems, only those
    the screen flags on large ones.
    """

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        super().__init__(cs, policy)
        self.problem = Problem()
        self.var_claim: dict[int, str] = {}
        self.stated: dict[str, tuple[Bound, Bound]] = {}
        self.rule_cons: dict[str, list[int]] = {}
        self._current: str | None = None
        self._factors: dict[str, tuple[Fraction, Fraction, Fraction | None]] = {}

    def rule(self, rid: str) -> list[int]:
        """Compile one rule (once) and return the indices of its constraints."""
        cons = self.rule_cons.get(rid)
        if cons is None:
            rule = self.cs.rules[rid]
            self.start_rule(rid)
            REGISTRY[rule.kind].compile(rule, self)
            cons = self.rule_cons[rid]
        return cons

    # -- Builder ---------------------------------------------------------------------
    def claim(self, cid: str) -> int:
        v = self.vars.get(cid)
        if v is None:
            c = self.cs.claims[cid]
            lo, hi = claim_interval(c, self.policy, self.lang(cid))
            self.stated[cid] = (lo, hi)
            f = self._factors.get(c.unit)
            if f is None:
                u = self.unit(c.unit)
                f = self._factors[c.unit] = (u.lo, u.hi, u.lo if u.lo == u.hi else None)
            flo, fhi, exact = f
            clo: Bound
            chi: Bound
            if exact is None:  # a calendar unit: an interval of factors
                clo, chi = scale(lo, hi, flo, fhi)
            elif exact == 1:
                clo, chi = lo, hi
            else:  # as scale() would, without trying all four corners (exact > 0)
                clo = lo if lo.__class__ is float else lo * exact
                chi = hi if hi.__class__ is float else hi * exact
            v = self.problem.var(clo, chi)
            self.vars[cid] = v
            self.var_claim[v] = cid
        return v

    def const(self, lo: Bound, hi: Bound) -> int:
        return self.problem.var(lo, hi)

    def aux(self) -> int:
        return self.problem.var(-INF, INF)

    def start_rule(self, rid: str) -> None:
        self.rule_cons[rid] = []
        self._current = rid

    def _push(self, c: Linear | Mul) -> None:
        assert self._current is not None
        self.rule_cons[self._current].append(len(self.problem.constraints))
        self.problem.add(c)

    def linear(self, terms: list[tuple[Fraction, int]], lo: Bound, hi: Bound) -> None:
        self._push(Linear(tuple(a for a, _ in terms), tuple(v for _, v in terms), lo, hi))

    def mul(self, z: int, x: int, y: int) -> None:
        self._push(Mul(z, x, y))


class _Screener(_Builder):
    """Implements :class:`factcheck.kinds.Builder` in floats only, into flat columns.

    Every rule of a large problem is compiled here once: claim intervals as floats rounded
    outward (:mod:`factcheck.claimcols`), constraints as columns for the
    vectorised screen (:mod:`factcheck.screen`).  No Fraction and no constraint object is
    made per rule; the exact :class:`_Compiler` sees only the rules the screen flags.
    """

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        super().__init__(cs, policy)
        # Claim k is variable k; every claim's interval is computed at once, as columns.
        self.cols = claim_columns(cs.claims, policy, self.lang, self.unit)
        self._n = len(cs.claims)
        # The two questions every rule asks of its claims, answered by dictionaries directly.
        self.claim = self.cols.index.__getitem__  # type: ignore[method-assign, assignment]
        self.dims = self.cols.dims.__getitem__  # type: ignore[method-assign, assignment]
        # Constants and auxiliary variables, numbered from the last claim on.
        self.flo = array("d")
        self.fhi = array("d")
        self.flat = FlatColumns()
        self._rule_no = -1

    def claim(self, cid: str) -> int:
        return self.cols.index[cid]  # replaced by the dictionary's own lookup in __init__

    def const(self, lo: Bound, hi: Bound) -> int:
        self.flo.append(self.flat.low(lo))
        self.fhi.append(self.flat.high(hi))
        return self._n + len(self.flo) - 1

    def aux(self) -> int:
        self.flo.append(-INF)
        self.fhi.append(INF)
        return self._n + len(self.flo) - 1

    def bounds(self) -> tuple[Any, Any]:
        """Every variable's float bounds: the claims' columns, then the rest."""
        import numpy as np

        return (np.concatenate([self.cols.lo, np.frombuffer(self.flo, dtype=float)]),
                np.concatenate([self.cols.hi, np.frombuffer(self.fhi, dtype=float)]))

    def start_rule(self, rid: str) -> None:
        self._rule_no += 1

    def linear(self, terms: list[tuple[Fraction, int]], lo: Bound, hi: Bound) -> None:
        self.flat.terms(self._rule_no, terms, lo, hi)

    def mul(self, z: int, x: int, y: int) -> None:
        self.flat.mul(self._rule_no, z, x, y)


def claim_lang(cs: ClaimSet, cid: str) -> str | None:
    """A claim's language: its own, its document's, or the only document's."""
    c = cs.claims[cid]
    if c.lang:
        return c.lang
    if c.source and c.source.document and c.source.document in cs.documents:
        return cs.documents[c.source.document].lang
    if len(cs.documents) == 1:
        return next(iter(cs.documents.values())).lang
    return None


class _Intervals(Mapping[str, tuple[Bound, Bound]]):
    """Every claim's stated interval, computed exactly when first asked for."""

    def __init__(self, cs: ClaimSet, policy: Policy, known: dict[str, tuple[Bound, Bound]]) -> None:
        self._cs = cs
        self._policy = policy
        self._known = known

    def __getitem__(self, cid: str) -> tuple[Bound, Bound]:
        iv = self._known.get(cid)
        if iv is None:
            iv = self._known[cid] = claim_interval(self._cs.claims[cid], self._policy,
                                                   claim_lang(self._cs, cid))
        return iv

    def __iter__(self) -> Iterator[str]:
        return iter(self._cs.claims)

    def __len__(self) -> int:
        return len(self._cs.claims)


class _Explainer:
    def __init__(self, comp: _Compiler, needed: dict[str, tuple[Bound, Bound] | None]) -> None:
        self.comp = comp
        self._needed = needed

    def written(self, cid: str) -> str:
        return describe(self.comp.cs.claims[cid])

    def stated(self, cid: str) -> tuple[Bound, Bound]:
        self.comp.claim(cid)
        return self.comp.stated[cid]

    def needed(self, cid: str) -> tuple[Bound, Bound] | None:
        return self._needed.get(cid)

    def unit(self, cid: str) -> str:
        return self.comp.cs.claims[cid].unit

    def dims(self, cid: str) -> tuple[tuple[str, int], ...]:
        return self.comp.dims(cid)

    def period_text(self, cid: str, override: str | None) -> str:
        d = self.comp.period_days(cid, override)
        label = override
        if label is None:
            p = self.comp.cs.claims[cid].period
            label = (p.text or p.duration or f"{p.start} to {p.end}") if p else "the period"
        if d is None:
            return f"{label} (length unknown)"
        days = format_number(d[0]) if d[0] == d[1] else f"{format_number(d[0])}–{format_number(d[1])}"
        return f"{label} ({days} days)"


_HEDGE_WORDS = {
    Hedge.exact: "", Hedge.about: "about ", Hedge.nearly: "nearly ", Hedge.more_than: "more than ",
    Hedge.at_least: "at least ", Hedge.less_than: "less than ", Hedge.at_most: "at most ",
    Hedge.range: "",
}


def describe(c: Claim) -> str:
    """A claim as a reader would say it: hedge, number, unit (or its words as written)."""
    if c.value is None:
        return f"[{c.id}: unstated]"
    num = format_number(c.value)
    if c.hedge is Hedge.range and c.value_max is not None:
        num = f"{num}–{format_number(c.value_max)}"
    unit = "" if c.unit in ("dimensionless", "") else " " + c.unit.replace(" / ", "/")
    if c.unit == "percent":
        unit = "%"
    return f"{_HEDGE_WORDS[c.hedge]}{num}{unit}"


def _to_claim_unit(comp: _Compiler, cid: str, lo: Bound, hi: Bound) -> tuple[Bound, Bound]:
    u = canonical(comp.cs.claims[cid].unit)
    return unscale(_frac(lo), _frac(hi), u.lo, u.hi)


def _frac(x: Any) -> Bound:
    if isinstance(x, float) and x not in (INF, -INF):
        return Fraction(x)
    return x  # type: ignore[no-any-return]


def evaluate(cs: ClaimSet, policy: Policy = DEFAULT_POLICY) -> Evaluation:
    """Give every rule in ``cs`` a verdict.

    >>> from factcheck.files import load_text
    >>> cs = load_text('''
    ... claims:
    ...   - {id: total, value: 41549, unit: call}
    ...   - {id: a, value: 26908, unit: call}
    ...   - {id: b, value: 17000, unit: call}
    ... rules:
    ...   - {id: r1, kind: sum, whole: total, parts: [a, b]}
    ... ''')
    >>> [(f.rule, f.status.value, f.code) for f in evaluate(cs).findings]
    [('r1', 'inconsistent', 'FC101')]
    """
    # The evaluator allocates many small objects that all stay alive until it returns;
    # the cyclic collector would scan them again and again for nothing.
    with paused():
        return _evaluate(cs, policy)


def _evaluate(cs: ClaimSet, policy: Policy) -> Evaluation:
    reg = load_all()
    comp = _Compiler(cs, policy)
    # Large problems compile every rule in floats for a vectorised screen, and only what
    # the screen flags exactly; small ones compile everything exactly (same verdicts).
    screener = _Screener(cs, policy) if len(cs.rules) >= FLAT_MIN and _has_numpy() else None
    builder: _Compiler | _Screener = comp if screener is None else screener
    verdicts: dict[str, Finding] = {}
    valid: list[str] = []
    fid = {rid: f"f{i + 1}" for i, rid in enumerate(cs.rules)}
    claim_ids: dict[str, tuple[str, ...]] = {}
    # (kind, dimensions of its claims) already found to match, for kinds whose unit check
    # depends on nothing else: most rules then skip the check.
    units_ok: set[tuple[str, tuple[tuple[tuple[str, int], ...], ...]]] = set()
    dims = builder.dims
    for rid, rule in cs.rules.items():
        kind = reg[rule.kind]
        builder.start_rule(rid)
        try:
            ids = claim_ids[rid] = tuple(kind.claim_ids(rule))
            if kind.units_by_dims:
                key = (kind.name, tuple(map(dims, ids)))
                problem = None if key in units_ok else kind.check_units(rule, builder)
                if problem is None:
                    units_ok.add(key)
            else:
                problem = kind.check_units(rule, builder)
        except Exception as exc:  # a kind's own validation error is reported as invalid
            problem = f"{rule.kind} {rid}: {exc}"
        if problem is None:
            try:
                kind.compile(rule, builder)
            except ValueError as exc:
                problem = f"{rule.kind} {rid}: {exc}"
        if problem is not None:
            verdicts[rid] = _finding(rid, rule, kind, Status.invalid, "FC003", problem, problem,
                                     fid=fid[rid], message_fa=persian.invalid(problem))
            continue
        valid.append(rid)

    flat = _screen(screener, valid) if screener is not None else None

    ids_of = claim_ids.__getitem__  # every valid rule's claims were listed above

    local_bad: set[str] = set()
    # Most rules hold: each of their findings is its kind's consistent finding with the
    # rule's own id, claims, confidence and evidence.
    consistent: dict[str, Finding] = {}
    for rid in valid:
        rule = cs.rules[rid]
        kind = reg[rule.kind]
        if flat is None or rid in flat.local_suspects:
            cons = comp.rule(rid)
            if propagate(comp.problem, only=cons).failed is not None:
                # The smallest conflicting claims, confirmed exactly (None: the float
                # conflict was rounding alone, and the rule holds).
                conflict = _minimal_claims(comp, cons, ids_of(rid))
                if conflict is not None:
                    local_bad.add(rid)
                    verdicts[rid] = _explain(comp, rid, rule, kind, cons, ids_of(rid), conflict)
                    continue
        if kind.undetermined(rule, builder):
            verdicts[rid] = _finding(rid, rule, kind, Status.undetermined, "FC002",
                                     "a figure this rule needs is unstated or unbounded", "", fid=fid[rid],
                                     message_fa=persian.UNDETERMINED)
        else:
            base = consistent.get(kind.name)
            if base is None:
                base = consistent[kind.name] = _finding(None, None, kind, Status.consistent, None, "", "")
            verdicts[rid] = base.evolve(id=fid[rid], rule=rid, rules=(rid,), claims=ids_of(rid),
                                        confidence=rule.confidence, evidence=rule.evidence)

    chain_findings: list[Finding] = []
    good = [r for r in valid if r not in local_bad]
    groups = connected(good, ids_of) if flat is None else flat.suspect_components(good, ids_of)
    for comp_rules in groups:
        for r in comp_rules:
            comp.rule(r)
        chain_findings.extend(_chains(comp, comp_rules, ids_of, verdicts))

    ordered = [verdicts[rid] for rid in cs.rules] + chain_findings
    return Evaluation(cs, _Intervals(cs, policy, comp.stated),
                      [_renumber(f, i + 1) for i, f in enumerate(ordered)])


def _has_numpy() -> bool:
    """numpy is a dependency, but a stripped install still works: every rule is then
    compiled and checked exactly, with the same verdicts."""
    try:
        import numpy  # noqa: F401
    except ImportError:
        return False
    return True


def _screen(screener: _Screener, valid: list[str]) -> Screen:
    """Screen all rules at once."""
    from .screen import screen

    flo, fhi = screener.bounds()
    return screen(screener.flat, flo, fhi, list(screener.cs.rules), valid)


def _renumber(f: Finding, n: int) -> Finding:
    want = f"f{n}"
    if f.id == want:  # most findings are made with their final id
        return f

    return replace(f, id=want)


def _finding(rid: str | None, rule: RuleBase | None, kind: RuleKind | None, status: Status,
             code: str | None, message: str, arithmetic: str, *, rules: Iterable[str] = (),
             claims: Iterable[str] = (), needed: dict[str, tuple[str, str] | None] | None = None,
             kind_name: str | None = None, fid: str = "", message_fa: str = "") -> Finding:
    conf = rule.confidence if rule is not None else 1.0
    possible = status is Status.inconsistent and conf < CONFIDENT
    if status is Status.inconsistent:
        sev = Severity.warning if possible else Severity.error
    elif status is Status.invalid:
        sev = Severity.error
    elif status is Status.undetermined:
        sev = Severity.info
    else:
        sev = Severity.none
    cat = CATALOGUE.get(code) if code else None
    claim_ids = tuple(claims) or (tuple(kind.claim_ids(rule)) if kind and rule else ())
    # Finding.quick: a large evaluation makes one finding per rule (see its docstring).
    return Finding.quick(
        id=fid, status=status, severity=sev,
        kind=kind_name or (kind.name if kind else "chain"), rule=rid,
        rules=tuple(rules) or ((rid,) if rid else ()), claims=claim_ids,
        code=code, name=cat.name if cat else None, message=message, arithmetic=arithmetic,
        needed=needed or {}, confidence=conf, possible=possible,
        evidence=rule.evidence if rule is not None else None, message_fa=message_fa,
    )


def _needed(comp: _Compiler, cons: list[int], claim_ids: Iterable[str]) -> dict[str, tuple[Bound, Bound] | None]:
    """For each claim: what it would have to be for the given constraints to hold."""
    out: dict[str, tuple[Bound, Bound] | None] = {}
    for cid in claim_ids:
        v = comp.vars[cid]
        floor: Bound = -INF if comp.cs.claims[cid].signed else Fraction(0)
        res = propagate(comp.problem, only=cons, domains={v: (floor, INF)}, exact=True)
        if res.failed is not None:
            out[cid] = None
        else:
            out[cid] = _to_claim_unit(comp, cid, res.lo[v], res.hi[v])
    return out


def _str_needed(n: dict[str, tuple[Bound, Bound] | None]) -> dict[str, tuple[str, str] | None]:
    def s(x: Bound) -> str:
        if x == INF:
            return "inf"
        if x == -INF:
            return "-inf"
        return _exact_str(Fraction(x))

    return {k: (None if v is None else (s(v[0]), s(v[1]))) for k, v in n.items()}


def _exact_str(x: Fraction) -> str:
    """Decimal string if finite, else 'p/q' (exact numbers are strings in reports)."""
    if x.denominator == 1:
        return str(x.numerator)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        from decimal import Decimal, localcontext

        with localcontext() as ctx:
            ctx.prec = 200
            return format(Decimal(x.numerator) / Decimal(x.denominator), "f")
    return f"{x.numerator}/{x.denominator}"


def _explain(comp: _Compiler, rid: str, rule: RuleBase, kind: RuleKind, cons: list[int],
             ids: tuple[str, ...], conflict: tuple[str, ...]) -> Finding:
    needed = _needed(comp, cons, ids)
    try:
        exp = kind.explain(rule, _Explainer(comp, needed))
    except Exception as exc:  # explanation must never hide a verdict
        exp = Explanation(kind.codes[0].code, f"{kind.name} {rid} cannot hold", str(exc))
    f = _finding(rid, rule, kind, Status.inconsistent, exp.code, exp.message, exp.arithmetic,
                 claims=ids, needed=_str_needed(needed), message_fa=exp.message_fa)
    return f.evolve(conflict=conflict)


def _minimal_claims(comp: _Compiler, cons: list[int], claim_ids: Iterable[str]) -> tuple[str, ...] | None:
    """A smallest set of the claims whose stated values alone make ``cons`` fail, or None
    if ``cons`` holds in exact arithmetic (they must fail in floats).

    Deletion: free each claim in turn (any value its sign allows); if the constraints still
    fail without it, it is not needed.  The claims left pinned conflict by themselves.
    """
    ids = list(dict.fromkeys(claim_ids))
    free: dict[str, tuple[Bound, Bound]] = {
        cid: (-INF if comp.cs.claims[cid].signed else Fraction(0), INF) for cid in ids}

    def fails(pinned: list[str], exact: bool) -> bool:
        domains: dict[int, tuple[Bound, Bound]] = {comp.vars[cid]: free[cid] for cid in ids if cid not in pinned}
        return propagate(comp.problem, only=cons, domains=domains, exact=exact).failed is not None

    core = _deletion(ids, fails)
    return None if core is None else tuple(core)


_T = TypeVar("_T")


def _deletion(items: list[_T], fails: Callable[[list[_T], bool], bool]) -> list[_T] | None:
    """A minimal subset of ``items`` that fails exactly, by deletion; None if ``items``
    themselves hold in exact arithmetic (``items`` must fail in floats).

    ``fails(subset, exact)`` propagates in floats or exactly.  Deletion runs in floats
    first: floats are rounded outward, so a float propagation that holds proves the exact
    one holds, and every item the float pass keeps is needed.  One exact check then proves
    that what is left still fails — and so that all of ``items`` fail, since a subset is a
    relaxation — with no separate confirmation of the whole.  Only if float rounding misled
    the pass (a conflict within an ulp) is the whole checked, and the deletion repeated, in
    exact arithmetic.
    """
    core = _delete(items, fails, exact=False)
    if fails(core, True):
        return core
    if not fails(items, True):
        return None
    return _delete(items, fails, exact=True)


def _delete(items: list[_T], fails: Callable[[list[_T], bool], bool], *, exact: bool) -> list[_T]:
    core = list(items)
    for x in items:
        trial = [y for y in core if y != x]
        if fails(trial, exact):
            core = trial
    return core


#: At most this many chain conflicts are reported per connected component.
MAX_CHAINS = 10


def _chains(comp: _Compiler, rules: list[str], ids_of: Callable[[str], tuple[str, ...]],
            verdicts: dict[str, Finding]) -> list[Finding]:
    """Find conflicts visible only through several rules; return one finding per conflict.

    Each pass finds a smallest conflicting set of rules by deletion.  Other conflicts may
    share rules with it ({A, B} and {B, C}): setting aside each of its rules in turn and
    looking again finds those, so that no rule of a conflict is left "consistent".  Then
    the rules of every set found are set aside and the rest is searched again.
    """
    out: list[Finding] = []
    seen: list[frozenset[str]] = []

    def fails(subset: list[str], exact: bool) -> bool:
        tcons = [ci for x in subset for ci in comp.rule_cons[x]]
        return bool(tcons) and propagate(comp.problem, only=tcons, exact=exact).failed is not None

    def core_of(candidates: list[str]) -> list[str] | None:
        if not fails(candidates, False):
            return None
        core = _deletion(candidates, fails)  # None: the float conflict was rounding alone
        if core is None or frozenset(core) in seen:
            return None
        seen.append(frozenset(core))
        return core

    active = list(rules)
    while len(out) < MAX_CHAINS:
        first = core_of(active)
        if first is None:
            break
        cores = [first]
        for x in first:
            if len(out) + len(cores) >= MAX_CHAINS:
                break
            other = core_of([r for r in active if r != x])
            if other is not None:
                cores.append(other)
        for core in cores:
            out.append(_chain_finding(comp, core, ids_of, verdicts))
        used = set().union(*cores)
        active = [r for r in active if r not in used]
    return out


def _chain_finding(comp: _Compiler, core: list[str], ids_of: Callable[[str], tuple[str, ...]],
                   verdicts: dict[str, Finding]) -> Finding:
    """The finding of one chain conflict (FC001); its rules are marked as part of it."""
    ccons = [ci for r in core for ci in comp.rule_cons[r]]
    claim_ids = list(dict.fromkeys(cid for r in core for cid in ids_of(r)))
    needed = _needed(comp, ccons, claim_ids)
    parts = []
    for cid in claim_ids:
        lo, hi = comp.stated[cid]
        n = needed[cid]
        want = "no value" if n is None else fmt_iv(*n)
        parts.append(f"{cid} = {describe(comp.cs.claims[cid])} (stated {fmt_iv(lo, hi)}; "
                     f"the other rules need {want})")
    msg = f"rules {', '.join(core)} cannot all hold together"
    conf = min(comp.cs.rules[r].confidence for r in core)
    f = _finding(None, None, None, Status.inconsistent, "FC001", msg, "; ".join(parts),
                 rules=core, claims=claim_ids, needed=_str_needed(needed), kind_name="chain",
                 message_fa=persian.chain(core))
    # The core fails exactly, so its claims do too (None cannot come back).
    f = f.evolve(conflict=_minimal_claims(comp, ccons, claim_ids) or tuple(claim_ids))
    if conf < CONFIDENT:
        f = replace(f, severity=Severity.warning, possible=True, confidence=conf)
    for r in core:
        if verdicts[r].code == "FC001":  # already part of a conflict found before
            continue
        verdicts[r] = replace(verdicts[r], status=Status.inconsistent, code="FC001",
                              name="chain.inconsistent", severity=f.severity,
                              message=f"part of a conflict: {msg}", possible=f.possible,
                              message_fa=persian.part_of_chain(f.message_fa))
    return f
