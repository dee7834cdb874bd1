"""``part_of``: a part cannot exceed the whole it belongs to."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import MINUS_ONE, NEG_INF, ONE, ZERO, Builder, Columns, Explainer, Explanation, RuleKind

CODES = (
    Code("FC103", "part-of.part-exceeds-whole", "A figure said to be part of another is larger than it.",
         "part_of",
         consistent_example="of 630 thousand vehicles, 310 thousand motorcycles",
         inconsistent_example="of 630 thousand vehicles, 710 thousand motorcycles",
         summary_fa="رقمی که بخشی از رقم دیگر خوانده شده، از آن بزرگ‌تر است."),
)
register(*CODES)


_IDS = attrgetter("part", "whole")  # claim_ids, for many rules at once


class PartOfRule(RuleBase):
    kind: Literal["part_of"]
    part: str = Field(pattern=ID_PATTERN)
    whole: str = Field(pattern=ID_PATTERN)


class PartOf(RuleKind):
    name = "part_of"
    model = PartOfRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "part <= whole"

    def claim_ids(self, rule: PartOfRule) -> list[str]:
        return [rule.part, rule.whole]

    def check_units(self, rule: PartOfRule, b: Builder) -> str | None:
        return self.same_dims(b, self.claim_ids(rule), f"part_of {rule.id}")

    def compile(self, rule: PartOfRule, b: Builder) -> None:
        b.linear([(ONE, b.claim(rule.part)), (MINUS_ONE, b.claim(rule.whole))],
                 NEG_INF, ZERO)

    columns = True

    def read_columns(self, rules: list[PartOfRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        return list(map(_IDS, rules)), None

    def compile_columns(self, rules: list[PartOfRule], b: Columns) -> None:
        b.linear(b.rows, [(1.0, 1.0, b.at(0)), (-1.0, -1.0, b.at(1))], NEG_INF, 0.0)  # part, whole

    def explain(self, rule: PartOfRule, ex: Explainer) -> Explanation:
        exp = self.target_vs(ex, rule.whole, f"the part {ex.written(rule.part)}", "FC103", "FC103",
                             "part exceeds whole", "part exceeds whole")
        text = "بخش از کل بیشتر است"
        return self.target_vs_fa(
            exp, ex, rule.whole, f"بخشِ {_fa.written(ex, rule.part)}", text, text)


register_kind(PartOf())
