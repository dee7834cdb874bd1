"""``percent_of``: a share equals a part divided by its whole."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import Builder, Columns, Explainer, Explanation, RuleKind

CODES = (
    Code("FC121", "percent-of.share-mismatch",
         "A stated percentage does not match the part divided by the whole.", "percent_of",
         consistent_example="21,903 of 66,611 registrations, 32.9 percent",
         inconsistent_example="349,891 ballots of 570,995 eligible voters, 61.11 percent",
         summary_fa="درصدِ گفته‌شده با تقسیم بخش بر کل جور نیست."),
)
register(*CODES)


_IDS = attrgetter("share", "part", "whole")  # claim_ids, for many rules at once


class PercentOfRule(RuleBase):
    kind: Literal["percent_of"]
    share: str = Field(pattern=ID_PATTERN, description="the percentage (or fraction) claim")
    part: str = Field(pattern=ID_PATTERN)
    whole: str = Field(pattern=ID_PATTERN)


class PercentOf(RuleKind):
    name = "percent_of"
    model = PercentOfRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "part = share × whole (share in percent or as a fraction)"

    def claim_ids(self, rule: PercentOfRule) -> list[str]:
        return [rule.share, rule.part, rule.whole]

    def check_units(self, rule: PercentOfRule, b: Builder) -> str | None:
        if b.dims(rule.share):
            return f"percent_of {rule.id}: the share '{rule.share}' must be dimensionless (percent)"
        return self.same_dims(b, [rule.part, rule.whole], f"percent_of {rule.id}")

    def compile(self, rule: PercentOfRule, b: Builder) -> None:
        b.mul(b.claim(rule.part), b.claim(rule.share), b.claim(rule.whole))

    columns = True

    def read_columns(self, rules: list[PercentOfRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        return list(map(_IDS, rules)), None

    def compile_columns(self, rules: list[PercentOfRule], b: Columns) -> None:
        b.mul(b.rows, b.at(1), b.at(0), b.at(2))  # claim_ids: share, part, whole

    def explain(self, rule: PercentOfRule, ex: Explainer) -> Explanation:
        formula = f"{ex.written(rule.part)} / {ex.written(rule.whole)}"
        exp = self.target_vs(ex, rule.share, formula, "FC121", "FC121",
                             "share does not match", "share does not match")
        text = "سهمِ گفته‌شده با بخش و کل جور درنمی‌آید"
        return self.target_vs_fa(
            exp, ex, rule.share, f"{_fa.written(ex, rule.part)} ÷ {_fa.written(ex, rule.whole)}", text, text)


register_kind(PercentOf())
