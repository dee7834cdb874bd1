"""``percentage_points``: the difference of two percentages, in points."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import MINUS_ONE, ONE, ZERO, Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC132", "percentage-points.mismatch",
         "A change stated in percentage points does not match the two percentages.",
         "percentage_points",
         consistent_example="from 42 percent to 49 percent, up 7 points",
         inconsistent_example="from 42 percent to 49 percent, up 9 points",
         summary_fa="تغییری که به واحد درصد گفته شده با دو درصدِ گفته‌شده جور نیست."),
)
register(*CODES)


class PercentagePointsRule(RuleBase):
    kind: Literal["percentage_points"]
    old: str = Field(pattern=ID_PATTERN)
    new: str = Field(pattern=ID_PATTERN)
    change: str = Field(pattern=ID_PATTERN)
    direction: Literal["increase", "decrease"] = "increase"


class PercentagePoints(RuleKind):
    name = "percentage_points"
    model = PercentagePointsRule
    codes = CODES
    summary = "new - old = change (all in percent / percentage points)"

    def claim_ids(self, rule: PercentagePointsRule) -> list[str]:
        return [rule.old, rule.new, rule.change]

    def check_units(self, rule: PercentagePointsRule, b: Builder) -> str | None:
        for c in self.claim_ids(rule):
            if b.dims(c):
                return f"percentage_points {rule.id}: '{c}' must be a percentage"
        return None

    def compile(self, rule: PercentagePointsRule, b: Builder) -> None:
        neg_sign = MINUS_ONE if rule.direction == "increase" else ONE  # new - old - sign·change = 0
        b.linear([(ONE, b.claim(rule.new)), (MINUS_ONE, b.claim(rule.old)),
                  (neg_sign, b.claim(rule.change))], ZERO, ZERO)

    def explain(self, rule: PercentagePointsRule, ex: Explainer) -> Explanation:
        op = "+" if rule.direction == "increase" else "-"
        formula = f"{ex.written(rule.old)} {op} {ex.written(rule.change)}"
        exp = self.target_vs(ex, rule.new, formula, "FC132", "FC132",
                             "points do not match", "points do not match")
        formula_fa = f"{_fa.written(ex, rule.old)} {op} {_fa.written(ex, rule.change)}"
        text = "تغییرِ گفته‌شده به واحد درصد با دو درصد جور درنمی‌آید"
        return self.target_vs_fa(exp, ex, rule.new, formula_fa, text, text)


register_kind(PercentagePoints())
