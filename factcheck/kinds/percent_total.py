"""``percent_total``: shares of one whole add to at most 100 percent (exactly, if exhaustive)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..codes import Code, register
from ..model import RuleBase
from ..numbers import format_number
from . import _fa
from . import register as register_kind
from .base import NEG_INF, ONE, Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC122", "percent-total.shares-exceed-100",
         "Shares of one whole add up to more than 100 percent.", "percent_total",
         consistent_example="42 percent prevention, 49 percent traffic, the rest other topics",
         inconsistent_example="62 percent prevention, 49 percent traffic",
         summary_fa="سهم‌های یک کل روی هم از ۱۰۰ درصد بیشتر می‌شوند."),
    Code("FC123", "percent-total.shares-short-of-100",
         "Shares said to cover the whole add up to less than 100 percent.", "percent_total",
         consistent_example="52 percent yes, 48 percent no (exhaustive)",
         inconsistent_example="52 percent yes, 38 percent no (exhaustive)",
         summary_fa="سهم‌هایی که گفته شده همهٔ کل‌اند، روی هم به ۱۰۰ درصد نمی‌رسند."),
)
register(*CODES)


class PercentTotalRule(RuleBase):
    kind: Literal["percent_total"]
    shares: list[str] = Field(min_length=1)
    exhaustive: bool = Field(default=False, description="true if the shares cover the whole")


class PercentTotal(RuleKind):
    name = "percent_total"
    model = PercentTotalRule
    codes = CODES
    summary = "sum of shares <= 100% (= 100% when exhaustive)"

    def claim_ids(self, rule: PercentTotalRule) -> list[str]:
        return list(rule.shares)

    def check_units(self, rule: PercentTotalRule, b: Builder) -> str | None:
        for c in rule.shares:
            if b.dims(c):
                return f"percent_total {rule.id}: '{c}' must be a percentage"
        return None

    def compile(self, rule: PercentTotalRule, b: Builder) -> None:
        lo = ONE if rule.exhaustive else NEG_INF
        b.linear([(ONE, b.claim(c)) for c in rule.shares], lo, ONE)

    def explain(self, rule: PercentTotalRule, ex: Explainer) -> Explanation:
        formula = " + ".join(ex.written(c) for c in rule.shares)
        los = [ex.stated(c)[0] for c in rule.shares]
        his = [ex.stated(c)[1] for c in rule.shares]
        # stated() is in each claim's own unit; shares are percent unless written as fractions
        scale = [100 if ex.unit(c) in ("dimensionless", "") else 1 for c in rule.shares]
        lo = sum(a * s for a, s in zip(los, scale, strict=True))
        hi = sum(a * s for a, s in zip(his, scale, strict=True))
        formula_fa = " + ".join(_fa.written(ex, c) for c in rule.shares)
        whole_fa = f"{_fa.number(100)} درصد"
        if lo > 100:
            lo_fa = f"{_fa.number(lo)} درصد"
            return Explanation("FC122", f"shares exceed 100%: {formula} is at least {format_number(lo)}%",
                               f"{formula} ≥ {format_number(lo)}% > 100%",
                               f"جمعِ سهم‌ها از {whole_fa} بیشتر است: {formula_fa} دست‌کم {lo_fa} می‌شود",
                               f"{formula_fa} ≥ {lo_fa} > {whole_fa}")
        hi_fa = f"{_fa.number(hi)} درصد"
        return Explanation("FC123",
                           f"shares said to cover the whole fall short: {formula} is at most "
                           f"{format_number(hi)}%", f"{formula} ≤ {format_number(hi)}% < 100%",
                           f"سهم‌هایی که گفته شده همهٔ کل را می‌سازند به آن نمی‌رسند: {formula_fa} "
                           f"حداکثر {hi_fa} می‌شود", f"{formula_fa} ≤ {hi_fa} < {whole_fa}")


register_kind(PercentTotal())
