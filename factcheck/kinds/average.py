"""``average``: a mean equals a total divided by a count."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field, model_validator

from ..codes import Code, register
from ..model import ID_PATTERN, ExactNumber, RuleBase
from ..numbers import format_number
from . import _fa
from . import register as register_kind
from .base import Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC181", "average.mismatch", "A stated average does not match the total divided by the count.",
         "average",
         consistent_example="1,200 patients over 12 hospitals, 100 each on average",
         inconsistent_example="1,200 patients over 12 hospitals, 150 each on average",
         summary_fa="میانگینِ گفته‌شده با تقسیم مجموع بر تعداد جور نیست."),
)
register(*CODES)


class AverageRule(RuleBase):
    kind: Literal["average"]
    mean: str = Field(pattern=ID_PATTERN)
    total: str = Field(pattern=ID_PATTERN)
    count: str | None = Field(default=None, pattern=ID_PATTERN, description="a claim with the count")
    n: ExactNumber | None = Field(default=None, gt=0, description="or: the count as a number")

    @model_validator(mode="after")
    def _one_of(self) -> AverageRule:
        if (self.count is None) == (self.n is None):
            raise ValueError("give exactly one of 'count' (a claim) or 'n' (a number)")
        return self


class Average(RuleKind):
    name = "average"
    model = AverageRule
    codes = CODES
    summary = "total = mean × count"

    def claim_ids(self, rule: AverageRule) -> list[str]:
        return [rule.mean, rule.total] + ([rule.count] if rule.count else [])

    def compile(self, rule: AverageRule, b: Builder) -> None:
        if rule.count is not None:
            nv = b.claim(rule.count)
        else:
            assert rule.n is not None
            nv = b.const(Fraction(rule.n), Fraction(rule.n))
        b.mul(b.claim(rule.total), b.claim(rule.mean), nv)

    def check_units(self, rule: AverageRule, b: Builder) -> str | None:
        # mean × count must have the total's dimensions; the count is of the same kind
        # (12 hospitals) so only the dimensionless-n case can be checked strictly.
        if rule.n is not None and b.dims(rule.mean) != b.dims(rule.total):
            return (f"average {rule.id}: mean '{rule.mean}' ({b.model(rule.mean).unit}) and "
                    f"total '{rule.total}' ({b.model(rule.total).unit}) differ in units")
        return None

    def explain(self, rule: AverageRule, ex: Explainer) -> Explanation:
        n = ex.written(rule.count) if rule.count else format_number(rule.n)
        formula = f"{ex.written(rule.total)} / {n}"
        exp = self.target_vs(ex, rule.mean, formula, "FC181", "FC181",
                             "average does not match", "average does not match")
        n_fa = _fa.written(ex, rule.count) if rule.count else _fa.number(rule.n)
        text = "میانگین با مجموع تقسیم بر تعداد جور درنمی‌آید"
        return self.target_vs_fa(
            exp, ex, rule.mean, f"{_fa.written(ex, rule.total)} ÷ {n_fa}", text, text)


register_kind(Average())
