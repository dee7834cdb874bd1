"""``sum``: a whole equals the sum of its parts, optionally with an unstated remainder."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..codes import Code, register
from ..model import ID_PATTERN, RuleBase
from . import _fa
from . import register as register_kind
from .base import INF, MINUS_ONE, ONE, ZERO, Builder, Columns, Explainer, Explanation, RuleKind, Term, minus, term_text

CODES = (
    Code("FC101", "sum.parts-exceed-total", "The stated parts add up to more than the stated total.",
         "sum",
         consistent_example="630 thousand cars + about 50 thousand motorcycles; nearly 680 thousand vehicles",
         inconsistent_example="26,908 calls + 17 thousand calls; 41,549 calls in all",
         summary_fa="جمعِ بخش‌های گفته‌شده از کلِ گفته‌شده بیشتر است."),
    Code("FC102", "sum.parts-short-of-total",
         "The stated parts add up to less than the stated total, and the text says they are all of it.",
         "sum",
         consistent_example="28 + 61 offences; 89 offences in all",
         inconsistent_example="28 + 51 offences; 89 offences in all",
         summary_fa="جمعِ بخش‌های گفته‌شده از کلِ گفته‌شده کمتر است، در حالی که متن می‌گوید همهٔ آن همین‌هاست."),
)
register(*CODES)


class SumRule(RuleBase):
    kind: Literal["sum"]
    whole: str = Field(pattern=ID_PATTERN)
    parts: list[Term] = Field(min_length=1)
    remainder: bool = Field(
        default=False, description="true if an unstated part ('the rest', 'other') may add to it"
    )


class Sum(RuleKind):
    name = "sum"
    model = SumRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "whole = part + part + ... (+ an unstated remainder >= 0 when remainder: true)"

    def claim_ids(self, rule: SumRule) -> list[str]:
        return [rule.whole, *(t.claim for t in rule.parts)]

    def check_units(self, rule: SumRule, b: Builder) -> str | None:
        return self.same_dims(b, self.claim_ids(rule), f"sum {rule.id}")

    def compile(self, rule: SumRule, b: Builder) -> None:
        terms = [(ONE, b.claim(rule.whole))]
        terms += [(minus(t.times), b.claim(t.claim)) for t in rule.parts]
        if rule.remainder:
            terms.append((MINUS_ONE, b.const(ZERO, INF)))
        b.linear(terms, ZERO, ZERO)

    columns = True

    def read_columns(self, rules: list[SumRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        # Shape: the remainder flag, then each part's multiplier.
        ids: list[tuple[str, ...]] = []
        shapes: list[Any] = []
        for r in rules:
            row: list[str] = [r.whole]
            shape: list[Any] = [r.remainder]
            for t in r.parts:
                row.append(t.claim)
                shape.append(t.times)
            ids.append(tuple(row))
            shapes.append(tuple(shape))
        return ids, shapes

    def compile_columns(self, rules: list[SumRule], b: Columns) -> None:
        # Rules with the same multipliers and remainder flag share one block.
        groups: dict[tuple[Any, ...], list[int]] = {}
        for i, shape in enumerate(b.shapes):
            groups.setdefault(shape, []).append(i)
        for (remainder, *times), rows in groups.items():
            terms = [(1.0, 1.0, b.at(0, rows))]  # claim_ids: the whole, then the parts
            for j, t in enumerate(times):
                lo, hi = b.coef(minus(t))
                terms.append((lo, hi, b.at(1 + j, rows)))
            if remainder:
                terms.append((-1.0, -1.0, b.consts(0.0, INF, len(rows))))
            b.linear(rows, terms, 0.0, 0.0)

    def explain(self, rule: SumRule, ex: Explainer) -> Explanation:
        formula = " + ".join(term_text(ex, t) for t in rule.parts)
        if rule.remainder:
            formula += " + the rest"
        exp = self.target_vs(ex, rule.whole, formula, "FC101", "FC102",
                             "parts exceed the total", "parts fall short of the total")
        formula_fa = " + ".join(_fa.term(ex, t) for t in rule.parts)
        if rule.remainder:
            formula_fa += " + بقیه"
        return self.target_vs_fa(
            exp, ex, rule.whole, formula_fa, "جمعِ بخش‌ها از کل بیشتر است", "جمعِ بخش‌ها به کل نمی‌رسد")


register_kind(Sum())
