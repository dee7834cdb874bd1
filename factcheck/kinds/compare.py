"""``compare``: an order stated in words ("higher than", "exceeds", "more than 40 times")."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, ExactNumber, RuleBase
from ..numbers import format_number
from . import _fa
from . import register as register_kind
from .base import INF, NEG_INF, ONE, ZERO, Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC171", "compare.order-violated",
         "A comparison stated in words does not hold for the figures.", "compare",
         consistent_example="13.6 percent, more than 10 times the national 1.2 percent",
         inconsistent_example="9.6 percent, more than 10 times the national 1.2 percent",
         summary_fa="مقایسه‌ای که در متن آمده با رقم‌ها جور درنمی‌آید."),
)
register(*CODES)

_OPS = {">": "greater than", ">=": "at least", "<": "less than", "<=": "at most"}
#: The same in Persian, and the word that stands for "equal to" when no factor is given.
_OPS_FA = {">": ("بیشتر از", ""), ">=": ("دست‌کم", "برابر با "), "<": ("کمتر از", ""),
           "<=": ("حداکثر", "برابر با ")}


class CompareRule(RuleBase):
    kind: Literal["compare"]
    a: str = Field(pattern=ID_PATTERN)
    op: Literal[">", ">=", "<", "<="] = ">="
    b: str = Field(pattern=ID_PATTERN)
    factor: ExactNumber | None = Field(default=None, description="a OP factor × b")
    factor_claim: str | None = Field(default=None, pattern=ID_PATTERN,
                                     description="or: a claim holding the factor ('10 times')")


class Compare(RuleKind):
    name = "compare"
    model = CompareRule
    codes = CODES
    summary = "a > b, a >= b, ... optionally a >= k × b"

    def claim_ids(self, rule: CompareRule) -> list[str]:
        ids = [rule.a, rule.b]
        if rule.factor_claim:
            ids.append(rule.factor_claim)
        return ids

    def check_units(self, rule: CompareRule, b: Builder) -> str | None:
        if rule.factor_claim and b.dims(rule.factor_claim):
            return f"compare {rule.id}: the factor '{rule.factor_claim}' must be dimensionless"
        return self.same_dims(b, [rule.a, rule.b], f"compare {rule.id}")

    def compile(self, rule: CompareRule, b: Builder) -> None:
        # Strict and non-strict comparisons compile alike: intervals are closed, and a
        # relation that only fails at one boundary point is not provably violated.
        bv = b.claim(rule.b)
        if rule.factor_claim:
            kb = b.aux()
            b.mul(kb, b.claim(rule.factor_claim), bv)
            bv = kb
        k = Fraction(rule.factor) if rule.factor is not None else ONE
        terms = [(ONE, b.claim(rule.a)), (-k, bv)]
        if rule.op in (">", ">="):
            b.linear(terms, ZERO, INF)
        else:
            b.linear(terms, NEG_INF, ZERO)

    def explain(self, rule: CompareRule, ex: Explainer) -> Explanation:
        k = ""
        if rule.factor is not None:
            k = f"{format_number(rule.factor)} × "
        elif rule.factor_claim:
            k = f"{ex.written(rule.factor_claim)} × "
        a_lo, a_hi = ex.stated(rule.a)
        text = f"{ex.written(rule.a)} is said to be {_OPS[rule.op]} {k}{ex.written(rule.b)}"
        arith = (f"{ex.written(rule.a)} ∈ [{format_number(a_lo)}, {format_number(a_hi)}] "
                 f"is not {rule.op} {k}{ex.written(rule.b)}")
        op_fa, equal = _OPS_FA[rule.op]
        if rule.factor is not None:
            k_fa = f"{_fa.number(rule.factor)} برابرِ "
        elif rule.factor_claim:
            k_fa = f"{_fa.written(ex, rule.factor_claim)} برابرِ "
        else:
            k_fa = equal
        said_fa = f"{op_fa} {k_fa}{_fa.written(ex, rule.b)}"
        a_fa = _fa.written(ex, rule.a)
        fa = f"در متن آمده که {a_fa} {said_fa} است، اما رقم‌ها چنین چیزی را ناممکن می‌کنند"
        arith_fa = f"{a_fa} ∈ [{_fa.number(a_lo)}، {_fa.number(a_hi)}] {said_fa} نیست"
        return Explanation("FC171", text + ", which the figures rule out", arith, fa, arith_fa)


register_kind(Compare())
