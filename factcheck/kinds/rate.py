"""``rate``: a total equals a rate (or a sum of rates) times the period it covers."""

from __future__ import annotations

from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import Any, Literal

from pydantic import Field, field_validator

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import INF, MINUS_ONE, ONE, ZERO, Builder, Columns, Explainer, Explanation, RuleKind, Term, minus, term_text

CODES = (
    Code("FC111", "rate.total-below-rate",
         "A total over a period is smaller than its stated rate times the period's length.",
         "rate",
         consistent_example="more than 3,000 calls a day; 126 calls an hour",
         inconsistent_example="822 people a day + 2 × more than 2,000 a day; 400 thousand in 6 months",
         summary_fa="مجموعِ یک دوره از نرخِ گفته‌شده ضرب در طول دوره کمتر است."),
    Code("FC112", "rate.total-above-rate",
         "A total over a period is larger than its stated rate times the period's length.",
         "rate",
         consistent_example="65 million deaths a year; 178,000 a day",
         inconsistent_example="65 million deaths a year; 150,000 a day",
         summary_fa="مجموعِ یک دوره از نرخِ گفته‌شده ضرب در طول دوره بیشتر است."),
)
register(*CODES)

_FIELDS = attrgetter("total", "rate", "duration")  # read_columns' fields
_TERM = attrgetter("claim", "times")


class RateRule(RuleBase):
    kind: Literal["rate"]
    total: str = Field(pattern=ID_PATTERN)
    rate: list[Term] = Field(min_length=1)
    duration: str | None = Field(
        default=None,
        description="the period's length ('6 month') or the id of a claim stating it; "
        "default: the total's period, or the unit of the total if it is itself a rate",
    )

    @field_validator("rate", mode="before")
    @classmethod
    def _one(cls, v: object) -> object:
        return [v] if isinstance(v, str | dict) else v


class Rate(RuleKind):
    name = "rate"
    model = RateRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "total = (rate + rate + ...) × duration, with calendar-aware durations"

    def claim_ids(self, rule: RateRule) -> list[str]:
        ids = [rule.total, *(t.claim for t in rule.rate)]
        return ids

    def check_units(self, rule: RateRule, b: Builder) -> str | None:
        rates = [t.claim for t in rule.rate]
        bad = self.same_dims(b, rates, f"rate {rule.id}")
        if bad:
            return bad
        td = dict(b.dims(rule.total))
        rd = dict(b.dims(rates[0]))
        if self._same_time(rule, b):
            # Both totals and rates per the same time unit (126 an hour vs 3,000 a day):
            # the "duration" is the conversion between their units, handled by the factors.
            if td != rd:
                return (f"rate {rule.id}: '{rule.total}' ({b.model(rule.total).unit}) and "
                        f"'{rates[0]}' ({b.model(rates[0]).unit}) have different dimensions")
            return None
        rd["[time]"] = rd.get("[time]", 0) + 1
        rd = {k: v for k, v in rd.items() if v}
        if rd != td:
            return (f"rate {rule.id}: a rate in {b.model(rates[0]).unit!r} times a duration "
                    f"cannot give a total in {b.model(rule.total).unit!r}")
        return None

    def compile(self, rule: RateRule, b: Builder) -> None:
        rvar = b.aux()
        terms = [(ONE, rvar)]
        terms += [(minus(t.times), b.claim(t.claim)) for t in rule.rate]
        b.linear(terms, ZERO, ZERO)
        total = b.claim(rule.total)
        if self._same_time(rule, b):
            b.linear([(ONE, total), (MINUS_ONE, rvar)], ZERO, ZERO)
            return
        secs = b.period_seconds(rule.total, rule.duration)
        # An unknown period leaves the duration unbounded: the rule is then undetermined.
        dvar = b.const(ZERO, INF) if secs is None else b.const(*secs)
        b.mul(total, rvar, dvar)

    columns = True

    def read_columns(self, rules: list[RateRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        # Shape: the rates' multipliers, the total and the duration.
        ids: list[tuple[str, ...]] = []
        shapes: list[Any] = []
        for total, rate, duration in map(_FIELDS, rules):
            if len(rate) == 1:  # one rate (nearly all): no lists to build
                claim, times = _TERM(rate[0])
                ids.append((total, claim))
                shapes.append(((times,), total, duration))
                continue
            row: list[str] = [total]
            multipliers: list[Decimal] = []
            for claim, times in map(_TERM, rate):
                row.append(claim)
                multipliers.append(times)
            ids.append(tuple(row))
            shapes.append((tuple(multipliers), total, duration))
        return ids, shapes

    def compile_columns(self, rules: list[RateRule], b: Columns) -> None:
        import numpy as np  # only large problems compile column-wise

        rvar = b.auxes(len(rules))
        shapes: list[Any] = b.shapes
        multipliers = list(map(itemgetter(0), shapes))
        groups: dict[tuple[Decimal, ...], Any] = {}
        if len(dict.fromkeys(multipliers)) == 1:  # every rule alike (the usual case)
            groups[multipliers[0]] = b.rows
        else:
            for i, times in enumerate(multipliers):
                groups.setdefault(times, []).append(i)
        for times, rows in groups.items():
            terms = [(1.0, 1.0, rvar[rows])]
            for j, t in enumerate(times):
                lo, hi = b.coef(minus(t))
                terms.append((lo, hi, b.at(1 + j, rows)))  # claim_ids: the total, then the rates
            b.linear(rows, terms, 0.0, 0.0)
        total = b.at(0)
        # _same_time for every row at once: the power of time in the total's dimensions
        # and in the first rate's.
        total_dims, table = b.dims_at(0)
        rate_dims, _ = b.dims_at(1)
        power = np.array([_time_power(d) for d in table] or [0])
        same = power[total_dims] == power[rate_dims]
        rows = np.flatnonzero(same)
        if len(rows):
            b.linear(rows, [(1.0, 1.0, total[rows]), (-1.0, -1.0, rvar[rows])], 0.0, 0.0)
        rows = np.flatnonzero(~same)
        if len(rows):
            over = shapes if len(rows) == len(shapes) else [shapes[i] for i in rows.tolist()]
            lo, hi = b.period_seconds(list(map(itemgetter(1), over)), list(map(itemgetter(2), over)))
            # An unknown period leaves the duration unbounded: the rule is then undetermined.
            unknown = np.isnan(lo)
            b.undetermined(rows[unknown])
            dvar = b.consts(np.where(unknown, 0.0, lo), np.where(unknown, INF, hi), len(rows))
            b.mul(rows, total[rows], rvar[rows], dvar)

    def undetermined(self, rule: RateRule, b: Builder) -> bool:
        # Beyond unstated figures: a total over a period whose length is unknown.
        if super().undetermined(rule, b):
            return True
        return not self._same_time(rule, b) and b.period_seconds(rule.total, rule.duration) is None

    @staticmethod
    def _same_time(rule: RateRule, b: Builder | Explainer) -> bool:
        """Total and rate per the same time unit (126 an hour vs 3,000 a day): no period needed."""
        return _time_power(b.dims(rule.total)) == _time_power(b.dims(rule.rate[0].claim))

    def explain(self, rule: RateRule, ex: Explainer) -> Explanation:
        same = self._same_time(rule, ex)
        formula = _formula([term_text(ex, t) for t in rule.rate],
                           f"in {ex.unit(rule.total)}" if same
                           else f"× {ex.period_text(rule.total, rule.duration)}")
        # "up" means rate × period needs a larger total than the one stated.
        exp = self.target_vs(ex, rule.total, formula, "FC111", "FC112",
                             "total falls short of rate × period", "total exceeds rate × period")
        formula_fa = _formula([_fa.term(ex, t) for t in rule.rate],
                              f"بر حسبِ{_fa.unit(ex, rule.total)}" if same
                              else f"× {_fa.period(ex, rule.total, rule.duration)}")
        return self.target_vs_fa(
            exp, ex, rule.total, formula_fa, "مجموع از نرخ × طول دوره کمتر است",
            "مجموع از نرخ × طول دوره بیشتر است")


def _formula(rates: list[str], then: str) -> str:
    """``(a + b) × period``: the rates (in parentheses if several), then the period or unit."""
    inner = " + ".join(rates)
    return f"({inner}) {then}" if len(rates) > 1 else f"{inner} {then}"


def _time_power(dims: tuple[tuple[str, int], ...]) -> int:
    return dict(dims).get("[time]", 0)


register_kind(Rate())
