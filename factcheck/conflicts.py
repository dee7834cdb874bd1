"""Conflicts made precise and explained: smallest conflicting claims and rules.

The evaluator (:mod:`factcheck.evaluate`) hands over rules whose constraints fail in
floats.  Here they are confirmed exactly, reduced by deletion to a smallest set of claims
(or, for chains, of rules) that conflict by themselves, and explained with what each claim
would have to be for the rest to hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from fractions import Fraction
from typing import Any, TypeVar

from . import persian
from .builders import Compiler
from .findings import Finding, Severity, Status
from .kinds.base import Explanation, RuleKind
from .model import RuleBase
from .numbers import format_number
from .propagate import Linear, OneLinear, Trace, bounds_alone, fails, propagate
from .semantics import Bound, scale
from .verdict import CONFIDENT, describe, finding, str_needed

__all__ = ["MAX_CHAINS", "chains", "explain", "minimal_claims"]

INF = float("inf")
#: The lowest value of an unsigned claim set free (an int: propagation converts it fastest),
#: and the same as float propagation reads it (already a float: nothing to convert).
_FLOOR = 0
_FLOAT_FLOOR = 0.0


class _Explainer:
    def __init__(self, comp: Compiler, needed: dict[str, tuple[Bound, Bound] | None]) -> None:
        self.comp = comp
        self._needed = needed
        self._written: dict[str, str] = {}  # messages name a claim several times, in two languages

    def written(self, cid: str) -> str:
        w = self._written.get(cid)
        if w is None:
            w = self._written[cid] = describe(self.comp.cs.claims[cid])
        return w

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



def _to_claim_unit(comp: Compiler, cid: str, lo: Bound, hi: Bound) -> tuple[Bound, Bound]:
    inv = comp.inverse_factors(comp.cs.claims[cid].unit)
    if inv is None:  # the claim's unit is canonical already (counts, people)
        return _frac(lo), _frac(hi)
    return scale(_frac(lo), _frac(hi), *inv)  # divided by the unit's factors, inverted once per unit


def _frac(x: Any) -> Bound:
    if isinstance(x, float) and x not in (INF, -INF):
        return Fraction(x)
    return x  # type: ignore[no-any-return]



def _needed(comp: Compiler, claims: _Claims) -> dict[str, tuple[Bound, Bound] | None]:
    """For each claim: what it would have to be for the constraints to hold (the others at
    their stated values), in its own unit."""
    out: dict[str, tuple[Bound, Bound] | None] = {}
    for cid in claims.ids:
        n = claims.alone(cid)
        out[cid] = None if n is None else _to_claim_unit(comp, cid, *n)
    return out


class _Claims:
    """The claims of one conflict (a rule's, or a chain's) over its constraints: what each
    would have to be with the others at their stated values, and whether a set of them,
    pinned to their stated values with the rest freed, makes the constraints fail.

    Explaining the conflict asks both about the same few claims; each exact question is
    answered once, in closed form where the constraints are one linear constraint
    (:class:`factcheck.propagate.OneLinear`); there the deletion asks only exact
    questions (:func:`minimal_claims`).  Float questions are always propagated: an exact
    answer cannot stand for one, since float propagation reads a constraint's
    coefficients and bounds rounded to the nearest float and may fail, or hold, where
    exact propagation does not.
    """

    def __init__(self, comp: Compiler, cons: list[int], claim_ids: Iterable[str]) -> None:
        self.comp = comp
        self.cons = cons
        self.ids = list(dict.fromkeys(claim_ids))
        claims, var = comp.cs.claims, comp.vars
        # Freed, a claim takes any value its sign allows.
        self.free: dict[str, tuple[Bound, Bound]] = {
            cid: (-INF if claims[cid].signed else _FLOOR, INF) for cid in self.ids}
        self._alone: dict[str, tuple[Bound, Bound] | None] = {}
        self._linear = OneLinear.make(comp.problem, cons, {var[cid]: self.free[cid] for cid in self.ids})

    @property
    def linear(self) -> bool:
        """Whether the constraints are one linear constraint answered in closed form."""
        return self._linear is not None

    def alone(self, cid: str) -> tuple[Bound, Bound] | None:
        """The bounds of ``cid``'s variable (exact, in the problem's units) with only it
        freed, or None if the constraints fail even so."""
        if cid in self._alone:
            return self._alone[cid]
        v = self.comp.vars[cid]
        if self._linear is not None:
            n = self._linear.alone(v)
        else:
            n = bounds_alone(self.comp.problem, self.cons, v, self.free[cid])
        self._alone[cid] = n
        return n

    def fails(self, pinned: list[str], exact: bool) -> bool:
        """Whether the constraints fail with ``pinned`` at their stated values and every
        other claim freed, propagated in floats or exactly."""
        freed = [cid for cid in self.ids if cid not in pinned]
        var = self.comp.vars
        if exact:
            if self._linear is not None:
                return self._linear.fails([var[cid] for cid in freed])
            if len(freed) == 1:  # the run that gives what the claim would have to be
                return self.alone(freed[0]) is None
        free = self.free
        if not exact:  # the floor in floats: what propagation would convert it to (0.0)
            domains = {var[cid]: (_FLOAT_FLOOR, INF) if free[cid][0] is _FLOOR else free[cid] for cid in freed}
        else:
            domains = {var[cid]: free[cid] for cid in freed}
        return fails(self.comp.problem, self.cons, domains, exact)


def explain(comp: Compiler, rid: str, rule: RuleBase, kind: RuleKind, cons: list[int],
             ids: tuple[str, ...], fid: str = "") -> Finding | None:
    """The finding (with id ``fid``) of a rule whose constraints ``cons`` fail in floats on
    their own, or None if they hold in exact arithmetic (the float conflict was rounding
    alone)."""
    claims = _Claims(comp, cons, ids)
    conflict = minimal_claims(claims, exact=True)
    if conflict is None:
        return None
    needed = _needed(comp, claims)
    try:
        exp = kind.explain(rule, _Explainer(comp, needed))
    except Exception as exc:  # explanation must never hide a verdict
        exp = Explanation(kind.codes[0].code, f"{kind.name} {rid} cannot hold", str(exc))
    return finding(rid, rule, kind, Status.inconsistent, exp.code, exp.message, exp.arithmetic,
                   claims=ids, needed=str_needed(needed), fid=fid, message_fa=exp.message_fa, conflict=conflict,
                   arithmetic_fa=exp.arithmetic_fa)


def minimal_claims(claims: _Claims, *, exact: bool = False) -> tuple[str, ...] | None:
    """A smallest set of the claims whose stated values alone make their constraints fail,
    or None if the constraints hold in exact arithmetic (they must fail in floats).

    Deletion: free each claim in turn (any value its sign allows); if the constraints still
    fail without it, it is not needed.  The claims left pinned conflict by themselves.

    With ``exact``, or where the constraints are one linear constraint, the deletion asks
    exact questions only, after one exact check of the whole: freeing one claim is the
    question :meth:`_Claims.alone` answers (and caches for what each claim would have to
    be), and one linear constraint answers every question in closed form, so a float pass
    would only add a guess.  Otherwise (chains, with many constraints, where an exact
    propagation costs about twice a float one) the deletion runs in floats first
    (:func:`_deletion`).
    """
    if exact or claims.linear:
        if not claims.fails(claims.ids, True):
            return None
        return tuple(_delete(claims.ids, claims.fails, exact=True))
    core = _deletion(claims.ids, claims.fails)
    return None if core is None else tuple(core)


_T = TypeVar("_T")


def _deletion(items: list[_T], fails: Callable[[list[_T], bool], bool]) -> list[_T] | None:
    """A minimal subset of ``items`` that fails exactly, by deletion; None if ``items``
    themselves hold in exact arithmetic (``items`` must fail in floats).

    ``fails(subset, exact)`` propagates in floats or exactly.  Deletion runs in floats
    first.  Float propagation rounds every bound it computes outward, but reads each
    constraint's coefficients and constant bounds as their nearest floats
    (``Problem.float_linear``), so what fails in floats nearly always fails exactly, and
    no float answer is trusted alone.  One exact check then proves that what is left
    still fails — and so that all of ``items`` fail, since a subset is a relaxation — with
    no separate confirmation of the whole.  Only if float rounding misled the pass (a
    conflict within an ulp) is the whole checked, and the deletion repeated, in exact
    arithmetic.
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


def chains(comp: Compiler, rules: list[str], ids_of: Callable[[str], tuple[str, ...]],
            verdicts: dict[str, Finding]) -> list[Finding]:
    """Find conflicts visible only through several rules; return one finding per conflict.

    Each pass finds a smallest conflicting set of rules by deletion.  Other conflicts may
    share rules with it ({A, B} and {B, C}): setting aside each of its rules in turn and
    looking again finds those, so that no rule of a conflict is left "consistent".  Then
    the rules of every set found are set aside and the rest is searched again.
    """
    out: list[Finding] = []
    seen: list[frozenset[str]] = []
    fails = _RuleSets(comp).fails

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
            out.append(_chainfinding(comp, core, ids_of, verdicts))
        used = set().union(*cores)
        active = [r for r in active if r not in used]
    return out


class _RuleSets:
    """Whether sets of rules fail together, answered without propagating when a float run
    already made answers it: the last failing float run (or the last that held), over a
    superset of the rules, in which the rules left out never narrowed anything, or only
    variables that none of the rules kept has (:class:`factcheck.propagate.Trace`).

    Deletion asks about the current smallest set minus one rule at a time, and a conflict
    is usually found before most rules of a component are revised at all, or by rules
    that narrow nothing, or only their own figures: those questions are answered by the
    run that found the set.  Once a conflict is found, the component is searched again
    without each of its rules, then without all of them: the last of those runs that held
    answers for the search without all of them.
    """

    def __init__(self, comp: Compiler) -> None:
        self.comp = comp
        self._last: tuple[list[int], Trace] | None = None  # constraints, trace of the run
        self._held: tuple[list[int], Trace] | None = None  # the same, of the last run that held

    def fails(self, subset: list[str], exact: bool) -> bool:
        rule_cons = self.comp.rule_cons
        tcons = [ci for x in subset for ci in rule_cons[x]]
        if not tcons:
            return False
        problem = self.comp.problem
        if exact:
            return fails(problem, tcons, exact=True)
        last = self._last
        if (last is not None and len(tcons) < len(last[0]) and last[1].last in set(tcons)
                and self._replays(last[0], last[1], tcons)):
            self._last = (tcons, last[1])
            return True
        held = self._held
        if held is not None and len(tcons) < len(held[0]) and self._replays(held[0], held[1], tcons):
            return False
        trace = Trace()
        if propagate(problem, only=tcons, trace=trace).failed is None:
            if trace.replayable:
                self._held = (tcons, trace)
            return False
        if trace.replayable:
            self._last = (tcons, trace)
        return True

    def _replays(self, cons: list[int], trace: Trace, tcons: list[int]) -> bool:
        """Whether a run over ``tcons`` makes the revisions of its constraints that the
        traced run over ``cons`` made, and ends as that run did."""
        kept = set(tcons)
        return (trace.steps <= 200 * len(tcons) + 1000  # within the smaller set's step limit
                and [ci for ci in cons if ci in kept] == tcons
                and self._apart(tcons, [trace.wrote[ci] for ci in cons if ci not in kept and ci in trace.wrote]))

    def _apart(self, cons: list[int], wrote: list[set[int]]) -> bool:
        """Whether no constraint of ``cons`` has any variable of ``wrote``."""
        if not wrote:
            return True
        written = set().union(*wrote)
        constraints = self.comp.problem.constraints
        for ci in cons:
            c = constraints[ci]
            if not written.isdisjoint(c.vars if isinstance(c, Linear) else (c.z, c.x, c.y)):
                return False
        return True


def _chainfinding(comp: Compiler, core: list[str], ids_of: Callable[[str], tuple[str, ...]],
                   verdicts: dict[str, Finding]) -> Finding:
    """The finding of one chain conflict (FC001); its rules are marked as part of it."""
    ccons = [ci for r in core for ci in comp.rule_cons[r]]
    claim_ids = list(dict.fromkeys(cid for r in core for cid in ids_of(r)))
    claims = _Claims(comp, ccons, claim_ids)
    needed = _needed(comp, claims)
    parts = []
    parts_fa = []
    for cid in claim_ids:
        lo, hi = comp.stated[cid]
        n = needed[cid]
        stated, stated_fa = persian.intervals(lo, hi)
        want, want_fa = (None, None) if n is None else persian.intervals(*n)
        c = comp.cs.claims[cid]
        written = describe(c)
        parts.append(f"{cid} = {written} (stated {stated}; the other rules need {want or 'no value'})")
        parts_fa.append(persian.chain_claim(cid, written, c.unit, stated_fa, want_fa))
    msg = f"rules {', '.join(core)} cannot all hold together"
    conf = min(comp.cs.rules[r].confidence for r in core)
    # The core fails exactly, so its claims do too (None cannot come back).
    f = finding(None, None, None, Status.inconsistent, "FC001", msg, "; ".join(parts),
                rules=core, claims=claim_ids, needed=str_needed(needed), kind_name="chain",
                message_fa=persian.chain(core), conflict=minimal_claims(claims) or tuple(claim_ids),
                arithmetic_fa="؛ ".join(parts_fa))
    if conf < CONFIDENT:
        f = replace(f, severity=Severity.warning, possible=True, confidence=conf)
    for r in core:
        v = verdicts[r]  # read once: the evaluator may make a rule's finding as it is read
        if v.code == "FC001":  # already part of a conflict found before
            continue
        verdicts[r] = replace(v, status=Status.inconsistent, code="FC001",
                              name="chain.inconsistent", severity=f.severity,
                              message=f"part of a conflict: {msg}", possible=f.possible,
                              message_fa=persian.part_of_chain(f.message_fa))
    return f

