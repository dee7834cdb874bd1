"""Compiling rules to constraints: the exact compiler and the float screener.

Both implement :class:`factcheck.kinds.Builder`, the interface kinds compile through.
:class:`Compiler` builds one exact :class:`factcheck.propagate.Problem`, rule by rule, on
demand; :class:`Screener` records every rule of a large problem as flat float columns for
the vectorised screen (:mod:`factcheck.screen`).  Both read claims, units and periods the
same way (:class:`BuilderBase`).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from .claimcols import claim_columns
from .files import ClaimSet
from .flatcols import FlatColumns
from .kinds import REGISTRY
from .model import Claim
from .periods import Calendar, days_between, duration_days
from .propagate import Linear, Mul, Problem
from .semantics import Bound, Policy, claim_interval, scale
from .units import Canonical, canonical, is_count

__all__ = ["BuilderBase", "Compiler", "Screener", "claim_lang"]

INF = math.inf
_SECONDS_PER_DAY = Fraction(86400)
_UNSET = object()


class BuilderBase:
    """What the exact compiler and the float screener share: claims, units and periods."""

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        self.cs = cs
        self.policy = policy
        self.vars: dict[str, int] = {}
        self._periods: dict[tuple[str, str | None], tuple[Fraction, Fraction] | None] = {}
        self._units: dict[str, Canonical] = {}
        self._seconds: dict[tuple[Fraction, Fraction], tuple[Fraction, Fraction]] = {}
        self._seconds_of: dict[int, tuple[tuple[Fraction, Fraction], tuple[Fraction, Fraction]]] = {}
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
        d = self._periods.get(key, _UNSET)
        if d is _UNSET:
            d = self._periods[key] = self._period_days(cid, override)
        return d  # type: ignore[return-value]

    def _period_days(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None:
        # The calendar of the claim's language matters only for a duration in months or
        # years that names no calendar of its own: looked up only then.
        claims = self.cs.claims
        if override is not None:
            if override in claims:
                oc = claims[override]
                u = canonical(oc.unit)
                lo, hi = claim_interval(oc, self.policy, self.lang(override),
                                        self.policy.integer_counts and is_count(u))
                slo, shi = scale(lo, hi, u.lo, u.hi)
                if slo in (INF, -INF) or shi in (INF, -INF):
                    return None
                return Fraction(slo) / _SECONDS_PER_DAY, Fraction(shi) / _SECONDS_PER_DAY
            return duration_days(override, self.policy.calendar(self.lang(cid)))
        p = claims[cid].period
        if p is None:
            return None
        if p.duration:
            return duration_days(p.duration, p.calendar or self.policy.calendar(self.lang(cid)))
        if p.start and p.end:
            d = days_between(p.start, p.end)
            return d, d
        return None

    def period_seconds(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None:
        d = self.period_days(cid, override)
        return None if d is None else self._in_seconds(d)

    def periods_seconds(self, cids: list[str], overrides: list[str | None]) -> list[tuple[Fraction, Fraction] | None]:
        """:meth:`period_seconds` of many claims (a rate's totals, column-wise).  Most are
        a claim's own period given as a duration: read here from the claim directly."""
        claims, docs = self.cs.claims, self.cs.documents
        calendars: dict[str | None, Calendar] = {}
        out: list[tuple[Fraction, Fraction] | None] = []
        for cid, override in zip(cids, overrides, strict=True):
            if override is None:
                c = claims[cid]
                p = c.period
                if p is None:
                    out.append(None)
                    continue
                if p.duration:
                    cal = p.calendar
                    if not cal:
                        # With no documents, a claim's language is its own.
                        lang = c.lang or (_lang_of(self.cs, c) if docs else None)
                        cal = calendars.get(lang)
                        if cal is None:
                            cal = calendars[lang] = self.policy.calendar(lang)
                    out.append(self._in_seconds(duration_days(p.duration, cal)))
                    continue
            out.append(self.period_seconds(cid, override))
        return out

    def _in_seconds(self, d: tuple[Fraction, Fraction]) -> tuple[Fraction, Fraction]:
        # Periods repeat (six months, a year): the same pair of Fractions each time lets
        # later stages cache their conversions by identity.  Durations come back as the
        # same pair of days (cached), found by identity before hashing Fractions.
        hit = self._seconds_of.get(id(d))
        if hit is not None and hit[0] is d:
            return hit[1]
        s = self._seconds.get(d)
        if s is None:
            s = self._seconds[d] = (d[0] * _SECONDS_PER_DAY, d[1] * _SECONDS_PER_DAY)
        self._seconds_of[id(d)] = (d, s)  # the entry keeps d alive: its id is not reused
        return s


class Compiler(BuilderBase):
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
        self._factors: dict[str, tuple[Fraction, Fraction, Fraction | None, bool]] = {}
        self._inverse: dict[str, tuple[Fraction, Fraction] | None] = {}

    def inverse_factors(self, unit: str) -> tuple[Fraction, Fraction] | None:
        """What multiplies a value in canonical units back into ``unit``: the reciprocals
        of its factor interval, swapped (dividing by ``[flo, fhi]`` is multiplying by
        ``[1/fhi, 1/flo]``), made once per unit; None when ``unit`` is canonical."""
        if unit in self._inverse:
            return self._inverse[unit]
        u = self.unit(unit)
        inv = None if u.lo == 1 and u.hi == 1 else (1 / u.hi, 1 / u.lo)
        self._inverse[unit] = inv
        return inv

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
            f = self._factors.get(c.unit)
            if f is None:
                u = self.unit(c.unit)
                f = self._factors[c.unit] = (u.lo, u.hi, u.lo if u.lo == u.hi else None,
                                             self.policy.integer_counts and is_count(u))
            flo, fhi, exact, count = f
            lo, hi = claim_interval(c, self.policy, _lang_of(self.cs, c), count)  # claim_lang, c read once
            self.stated[cid] = (lo, hi)
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
        coefs, vs = zip(*terms, strict=True) if terms else ((), ())
        self._push(Linear(coefs, vs, lo, hi))

    def mul(self, z: int, x: int, y: int) -> None:
        self._push(Mul(z, x, y))


class Screener(BuilderBase):
    """Implements :class:`factcheck.kinds.Builder` in floats only, into flat columns.

    Every rule of a large problem is compiled here once: claim intervals as floats rounded
    outward (:mod:`factcheck.claimcols`), constraints as columns for the
    vectorised screen (:mod:`factcheck.screen`).  No Fraction and no constraint object is
    made per rule; the exact :class:`Compiler` sees only the rules the screen flags.
    """

    def __init__(self, cs: ClaimSet, policy: Policy) -> None:
        super().__init__(cs, policy)
        # Claim k is variable k; every claim's interval is computed at once, as columns.
        self.cols = claim_columns(cs.claims, policy, self.lang, self.unit, cs.claim_tables)
        self._n = len(cs.claims)
        # The question every rule compiled one by one asks of its claims, answered by the
        # dictionary directly.
        self.claim = self.cols.index.__getitem__  # type: ignore[method-assign, assignment]
        # Constants and auxiliary variables, numbered from the last claim on: those of
        # rules compiled one by one in ``flo``/``fhi``, blocks of them from kinds that
        # compile many rules at once in between (segments, in variable order).
        self.flo = array("d")
        self.fhi = array("d")
        self._segments: list[tuple[Any, Any]] = []
        self._next = self._n
        self.flat = FlatColumns()
        self._rule_no = -1

    def claim(self, cid: str) -> int:
        return self.cols.index[cid]  # replaced by the dictionary's own lookup in __init__

    def const(self, lo: Bound, hi: Bound) -> int:
        self.flo.append(self.flat.low(lo))
        self.fhi.append(self.flat.high(hi))
        self._next += 1
        return self._next - 1

    def aux(self) -> int:
        self.flo.append(-INF)
        self.fhi.append(INF)
        self._next += 1
        return self._next - 1

    def new_vars(self, lo: Any, hi: Any) -> Any:
        """``len(lo)`` new variables with these float bounds (numpy arrays)."""
        import numpy as np

        self._close_segment()
        self._segments.append((lo, hi))
        first = self._next
        self._next += len(lo)
        return np.arange(first, self._next, dtype=np.int64)

    def _close_segment(self) -> None:
        if self.flo:
            self._segments.append((self.flo, self.fhi))
            self.flo = array("d")
            self.fhi = array("d")

    def bounds(self) -> tuple[Any, Any]:
        """Every variable's float bounds: the claims' columns, then the rest."""
        import numpy as np

        self._close_segment()
        los = [self.cols.lo] + [np.asarray(lo, dtype=float) for lo, _ in self._segments]
        his = [self.cols.hi] + [np.asarray(hi, dtype=float) for _, hi in self._segments]
        return np.concatenate(los), np.concatenate(his)

    def set_rule(self, rule_no: int) -> None:
        """The next constraints recorded one by one belong to rule number ``rule_no`` (its
        place in the claim set's rules); the evaluator calls it before each rule."""
        self._rule_no = rule_no

    def start_rule(self, rid: str) -> None:
        pass  # rules are numbered by set_rule()

    def linear(self, terms: list[tuple[Fraction, int]], lo: Bound, hi: Bound) -> None:
        self.flat.terms(self._rule_no, terms, lo, hi)

    def mul(self, z: int, x: int, y: int) -> None:
        self.flat.mul(self._rule_no, z, x, y)


def claim_lang(cs: ClaimSet, cid: str) -> str | None:
    """A claim's language: its own, its document's, or the only document's."""
    return _lang_of(cs, cs.claims[cid])


def _lang_of(cs: ClaimSet, c: Claim) -> str | None:
    if c.lang:
        return c.lang
    if c.source and c.source.document and c.source.document in cs.documents:
        return cs.documents[c.source.document].lang
    if len(cs.documents) == 1:
        return next(iter(cs.documents.values())).lang
    return None


