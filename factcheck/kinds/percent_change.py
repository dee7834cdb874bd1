"""``percent_change``: a stated change between an old and a new figure.

The change is a percentage (``rose 39%``: new = old × (1 + 0.39)) or a factor
(``doubled``: new = 2 × old); ``direction: decrease`` reads the stated change as a fall.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal

from pydantic import Field, model_validator

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import MINUS_ONE, ONE, ZERO, Builder, Columns, Explainer, Explanation, RuleKind

CODES = (
    Code("FC131", "percent-change.mismatch",
         "A stated percentage change or factor does not match the old and new figures.",
         "percent_change",
         consistent_example="from 89 to 137, a change of 53.9 percent",
         inconsistent_example="more than doubled, from 89 to 137",
         summary_fa="درصد یا ضریبِ تغییرِ گفته‌شده با رقم‌های پیشین و تازه جور نیست."),
)
register(*CODES)


_FIELDS = attrgetter("old", "new", "change", "factor", "direction")  # read_columns' fields


class PercentChangeRule(RuleBase):
    kind: Literal["percent_change"]
    old: str = Field(pattern=ID_PATTERN)
    new: str = Field(pattern=ID_PATTERN)
    change: str | None = Field(default=None, pattern=ID_PATTERN, description="a percentage claim")
    factor: str | None = Field(default=None, pattern=ID_PATTERN,
                               description="a 'times' claim, e.g. 2 for 'doubled'")
    direction: Literal["increase", "decrease"] = "increase"

    @model_validator(mode="after")
    def _one_of(self) -> PercentChangeRule:
        if (self.change is None) == (self.factor is None):
            raise ValueError("give exactly one of 'change' (percent) or 'factor' (times)")
        return self


class PercentChange(RuleKind):
    name = "percent_change"
    model = PercentChangeRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "new = old × (1 ± change) or new = factor × old"

    def claim_ids(self, rule: PercentChangeRule) -> list[str]:
        return [rule.old, rule.new, rule.change or rule.factor or ""]

    def check_units(self, rule: PercentChangeRule, b: Builder) -> str | None:
        c = rule.change or rule.factor
        assert c is not None
        if b.dims(c):
            return f"percent_change {rule.id}: the change '{c}' must be dimensionless"
        return self.same_dims(b, [rule.old, rule.new], f"percent_change {rule.id}")

    def compile(self, rule: PercentChangeRule, b: Builder) -> None:
        g = b.aux()
        if rule.change is not None:
            # g = 1 + sign * change, written g - sign * change = 1 (shared constants: no new
            # Fraction per rule)
            neg_sign = MINUS_ONE if rule.direction == "increase" else ONE
            b.linear([(ONE, g), (neg_sign, b.claim(rule.change))], ONE, ONE)
        else:
            assert rule.factor is not None
            f = b.claim(rule.factor)
            if rule.direction == "increase":
                b.linear([(ONE, g), (MINUS_ONE, f)], ZERO, ZERO)
            else:  # "halved": new = old / factor
                b.mul(b.const(ONE, ONE), g, f)
        b.mul(b.claim(rule.new), b.claim(rule.old), g)

    columns = True

    def read_columns(self, rules: list[PercentChangeRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        # Shape: one number, 2 for a change (not a factor) plus 1 for an increase.
        ids: list[tuple[str, ...]] = []
        shapes: list[int] = []
        for old, new, change, factor, direction in map(_FIELDS, rules):
            ids.append((old, new, change or factor or ""))
            shapes.append(2 * (change is not None) + (direction == "increase"))
        return ids, shapes

    def compile_columns(self, rules: list[PercentChangeRule], b: Columns) -> None:
        import numpy as np  # only large problems compile column-wise

        # claim_ids: old, new, then the change or the factor.
        g = b.auxes(len(rules))
        shape = np.fromiter(b.shapes, dtype=np.int64, count=len(rules))
        change = np.flatnonzero(shape >= 2)
        if len(change):
            neg_sign = np.where(shape[change] == 3, -1.0, 1.0)  # an increase: g = 1 + change
            b.linear(change, [(1.0, 1.0, g[change]), (neg_sign, neg_sign, b.at(2, change))], 1.0, 1.0)
        up = np.flatnonzero(shape == 1)  # a factor, increasing
        if len(up):
            b.linear(up, [(1.0, 1.0, g[up]), (-1.0, -1.0, b.at(2, up))], 0.0, 0.0)
        down = np.flatnonzero(shape == 0)  # a factor, decreasing
        if len(down):
            b.mul(down, b.consts(1.0, 1.0, len(down)), g[down], b.at(2, down))
        b.mul(b.rows, b.at(1), b.at(0), g)

    def explain(self, rule: PercentChangeRule, ex: Explainer) -> Explanation:
        c = rule.change or rule.factor
        assert c is not None
        if rule.factor is not None:
            op = "÷" if rule.direction == "decrease" else "×"
            formula = f"{ex.written(rule.old)} {op} {ex.written(c)}"
        else:
            word = "fall" if rule.direction == "decrease" else "rise"
            formula = f"{ex.written(rule.old)} with a {word} of {ex.written(c)}"
        exp = self.target_vs(ex, rule.new, formula, "FC131", "FC131",
                             "change does not match", "change does not match")
        if rule.factor is not None:
            formula_fa = f"{_fa.written(ex, rule.old)} {op} {_fa.written(ex, c)}"
        else:
            word = "کاهشِ" if rule.direction == "decrease" else "افزایشِ"
            formula_fa = f"{_fa.written(ex, rule.old)} با {word} {_fa.written(ex, c)}"
        text = "تغییرِ گفته‌شده با دو رقم جور درنمی‌آید"
        return self.target_vs_fa(exp, ex, rule.new, formula_fa, text, text)


register_kind(PercentChange())
