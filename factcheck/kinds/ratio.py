"""``ratio``: one figure is a stated fraction or multiple of another ("a third of")."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC141", "ratio.mismatch", "A stated ratio ('a third of', '1/24th') does not match the figures.",
         "ratio",
         consistent_example="21,903 of 66,611 registrations, about a third",
         inconsistent_example="21,903 of 66,611 registrations, a half",
         summary_fa="نسبتِ گفته‌شده («یک‌سوم»، «یک بیست‌وچهارم») با رقم‌ها جور نیست."),
)
register(*CODES)


class RatioRule(RuleBase):
    kind: Literal["ratio"]
    numerator: str = Field(pattern=ID_PATTERN)
    denominator: str = Field(pattern=ID_PATTERN)
    ratio: str = Field(pattern=ID_PATTERN, description="a dimensionless claim, e.g. 1/3")


class Ratio(RuleKind):
    name = "ratio"
    model = RatioRule
    codes = CODES
    summary = "numerator = ratio × denominator"

    def claim_ids(self, rule: RatioRule) -> list[str]:
        return [rule.numerator, rule.denominator, rule.ratio]

    def check_units(self, rule: RatioRule, b: Builder) -> str | None:
        if b.dims(rule.ratio):
            return f"ratio {rule.id}: the ratio '{rule.ratio}' must be dimensionless"
        return self.same_dims(b, [rule.numerator, rule.denominator], f"ratio {rule.id}")

    def compile(self, rule: RatioRule, b: Builder) -> None:
        b.mul(b.claim(rule.numerator), b.claim(rule.ratio), b.claim(rule.denominator))

    def explain(self, rule: RatioRule, ex: Explainer) -> Explanation:
        formula = f"{ex.written(rule.numerator)} / {ex.written(rule.denominator)}"
        exp = self.target_vs(ex, rule.ratio, formula, "FC141", "FC141",
                             "ratio does not match", "ratio does not match")
        text = "نسبتِ گفته‌شده با رقم‌ها جور درنمی‌آید"
        return self.target_vs_fa(
            exp, ex, rule.ratio, f"{_fa.written(ex, rule.numerator)} ÷ {_fa.written(ex, rule.denominator)}",
            text, text)


register_kind(Ratio())
