"""``count``: a stated count against the items the text enumerates ("five pillars: a, b, ...")."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field, model_validator

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import ONE, ZERO, Builder, Explainer, Explanation, RuleKind, Term, minus, term_text

CODES = (
    Code("FC161", "count.list-length-mismatch",
         "A stated count differs from the number of items listed.", "count",
         consistent_example="five pillars: order, security, calm, discipline and values",
         inconsistent_example="five pillars: order, security, calm and discipline",
         summary_fa="تعدادِ گفته‌شده با شمار موردهای فهرست‌شده فرق دارد."),
)
register(*CODES)


class CountRule(RuleBase):
    kind: Literal["count"]
    claim: str = Field(pattern=ID_PATTERN, description="the stated count")
    items: list[str] | None = Field(default=None, description="the enumerated items")
    parts: list[Term] | None = Field(
        default=None, description="or: counts that make up the stated count ('three in Texas')"
    )

    @model_validator(mode="after")
    def _one_of(self) -> CountRule:
        if (self.items is None) == (self.parts is None):
            raise ValueError("give exactly one of 'items' (a list) or 'parts' (claims)")
        return self


class Count(RuleKind):
    name = "count"
    model = CountRule
    codes = CODES
    summary = "stated count = number of listed items (or the sum of listed counts)"

    def claim_ids(self, rule: CountRule) -> list[str]:
        return [rule.claim, *(t.claim for t in rule.parts or ())]

    def compile(self, rule: CountRule, b: Builder) -> None:
        c = b.claim(rule.claim)
        if rule.items is not None:
            n = Fraction(len(rule.items))
            b.linear([(ONE, c)], n, n)
        else:
            terms = [(ONE, c)] + [(minus(t.times), b.claim(t.claim)) for t in rule.parts or ()]
            b.linear(terms, ZERO, ZERO)

    def explain(self, rule: CountRule, ex: Explainer) -> Explanation:
        if rule.items is not None:
            formula = f"{len(rule.items)} listed ({', '.join(rule.items)})"
        else:
            formula = " + ".join(term_text(ex, t) for t in rule.parts or ())
        exp = self.target_vs(ex, rule.claim, formula, "FC161", "FC161",
                             "count differs from the list", "count differs from the list")
        if rule.items is not None:
            formula_fa = f"{_fa.number(len(rule.items))} موردِ فهرست‌شده ({'، '.join(rule.items)})"
        else:
            formula_fa = " + ".join(_fa.term(ex, t) for t in rule.parts or ())
        text = "شمارِ گفته‌شده با فهرست جور نیست"
        return self.target_vs_fa(exp, ex, rule.claim, formula_fa, text, text)


register_kind(Count())
