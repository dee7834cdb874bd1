"""``repeat``: the same figure stated more than once (headline and body, digits and words)."""

from __future__ import annotations

from operator import attrgetter
from typing import Any, Literal

from pydantic import Field

from ..codes import Code, register
from ..model import RuleBase
from . import _fa
from . import register as register_kind
from .base import MINUS_ONE, ONE, ZERO, Builder, Columns, Explainer, Explanation, RuleKind

CODES = (
    Code("FC151", "repeat.figures-differ",
         "The same figure is stated twice with values that cannot both be right.", "repeat",
         consistent_example="about 20 percent (lead); about ۲۰ percent (body)",
         inconsistent_example="more than 41 thousand calls (lead); 39,549 calls (body)",
         summary_fa="یک رقم دو بار با مقدارهایی آمده که هر دو نمی‌توانند درست باشند."),
)
register(*CODES)


_CLAIMS = attrgetter("claims")  # claim_ids, for many rules at once


class RepeatRule(RuleBase):
    kind: Literal["repeat"]
    claims: list[str] = Field(min_length=2)


class Repeat(RuleKind):
    name = "repeat"
    model = RepeatRule
    codes = CODES
    units_by_dims = True  # check_units compares the dimensions of claim_ids(rule) only
    summary = "every listed claim states the same quantity"

    def claim_ids(self, rule: RepeatRule) -> list[str]:
        return list(rule.claims)

    def check_units(self, rule: RepeatRule, b: Builder) -> str | None:
        return self.same_dims(b, rule.claims, f"repeat {rule.id}")

    def compile(self, rule: RepeatRule, b: Builder) -> None:
        first = b.claim(rule.claims[0])
        for other in rule.claims[1:]:
            b.linear([(ONE, first), (MINUS_ONE, b.claim(other))], ZERO, ZERO)

    columns = True

    def read_columns(self, rules: list[RepeatRule]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        return list(map(tuple, map(_CLAIMS, rules))), None

    def compile_columns(self, rules: list[RepeatRule], b: Columns) -> None:
        sizes = b.lengths  # claim_ids: the claims, in order
        # The k-th repetition of every rule that has one, in the order compile() adds them.
        for k in range(1, int(sizes.max())):
            rows = (sizes > k).nonzero()[0]
            b.linear(rows, [(1.0, 1.0, b.at(0, rows)), (-1.0, -1.0, b.at(k, rows))], 0.0, 0.0)

    def explain(self, rule: RepeatRule, ex: Explainer) -> Explanation:
        first = rule.claims[0]
        target = rule.claims[-1]
        # Name the pair that disagrees, if any single pair does.
        for a in rule.claims:
            for c in rule.claims:
                alo, _ahi = ex.stated(a)
                _clo, chi = ex.stated(c)
                if alo > chi:
                    first, target = a, c
        exp = self.target_vs(ex, target, ex.written(first), "FC151", "FC151",
                             "repeated figure differs", "repeated figure differs")
        text = "رقمی که دو بار آمده یکسان نیست"
        return self.target_vs_fa(exp, ex, target, _fa.written(ex, first), text, text)


register_kind(Repeat())
