"""``expr``: a general relation written in a small, safe expression language.

``expr: "calls_daily >= calls_hourly * '24 hour/day'"`` — claim ids, numbers, quoted
quantities with units (``'6 month'``), ``+ - * /``, parentheses and one comparison
(``== <= >= < >``).  The text is parsed with :mod:`ast` and only those node types are
accepted; nothing is ever evaluated by Python.  Claim ids that are not Python identifiers
are written ``c("my-id")``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from pydantic import Field, field_validator

from ..codes import Code, register
from ..model import RuleBase
from ..numbers import format_number
from . import _fa
from . import register as register_kind
from .base import MINUS_ONE, ONE, ZERO, Builder, Explainer, Explanation, RuleKind

CODES = (
    Code("FC191", "expr.violated", "A relation written as an expression does not hold.", "expr",
         consistent_example="calls_daily >= calls_hourly * '24 hour/day' with 3,000 and 126",
         inconsistent_example="calls_daily >= calls_hourly * '24 hour/day' with 3,000 and 100",
         summary_fa="رابطه‌ای که به‌صورت عبارت نوشته شده برقرار نیست."),
)
register(*CODES)

_CMP = {ast.Eq: "==", ast.LtE: "<=", ast.GtE: ">=", ast.Lt: "<", ast.Gt: ">"}
_QTY = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?(?:/\d+)?)\s*(.*)$")
MAX_EXPR_LENGTH = 2000
_ALLOWED: tuple[type[ast.AST], ...] = (
    ast.Expression, ast.Compare, ast.BinOp, ast.UnaryOp, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.USub, ast.UAdd, ast.Call, *_CMP,
)


class ExprError(ValueError):
    pass


def parse(text: str) -> tuple[ast.expr, str, ast.expr]:
    """Parse ``lhs OP rhs``; raise :class:`ExprError` naming what is not allowed."""
    if len(text) > MAX_EXPR_LENGTH:
        raise ExprError(f"expression longer than {MAX_EXPR_LENGTH} characters")
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"syntax error at column {exc.offset}: {text!r}") from None
    body = tree.body
    if not isinstance(body, ast.Compare) or len(body.ops) != 1 or type(body.ops[0]) not in _CMP:
        raise ExprError("an expression must be one comparison, e.g. 'a + b == c'")
    for node in ast.walk(tree):
        ok = isinstance(node, _ALLOWED)
        if not ok:
            raise ExprError(f"{type(node).__name__} is not allowed in an expression")
        if isinstance(node, ast.Call) and not (
            isinstance(node.func, ast.Name) and node.func.id == "c" and len(node.args) == 1
            and not node.keywords and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            raise ExprError("the only call allowed is c(\"claim-id\")")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float | str):
            raise ExprError(f"constant {node.value!r} is not allowed")
    return body.left, _CMP[type(body.ops[0])], body.comparators[0]


def names(node: ast.AST) -> list[str]:
    out: list[str] = []
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and n.id != "c":
            out.append(n.id)
        elif isinstance(n, ast.Call):
            arg = n.args[0]
            assert isinstance(arg, ast.Constant)
            out.append(str(arg.value))
    return list(dict.fromkeys(out))


class ExprRule(RuleBase):
    kind: Literal["expr"]
    expr: str = Field(description="one comparison over claim ids, numbers and quoted quantities")

    @field_validator("expr")
    @classmethod
    def _parses(cls, v: str) -> str:
        parse(v)
        return v

    def claim_ids(self) -> list[str]:
        lhs, _, rhs = parse(self.expr)
        return names(lhs) + [n for n in names(rhs) if n not in names(lhs)]


@dataclass
class _Val:
    var: int
    dims: tuple[tuple[str, int], ...]


def _dims_mul(a: tuple[tuple[str, int], ...], b: tuple[tuple[str, int], ...], sign: int) -> tuple[tuple[str, int], ...]:
    d = dict(a)
    for k, v in b:
        d[k] = d.get(k, 0) + sign * v
    return tuple(sorted((k, v) for k, v in d.items() if v))


class Expr(RuleKind):
    name = "expr"
    model = ExprRule
    codes = CODES
    summary = "any comparison of arithmetic over claims, numbers and quantities with units"

    def claim_ids(self, rule: ExprRule) -> list[str]:
        return rule.claim_ids()

    def _build(self, node: ast.expr, b: Builder) -> _Val:
        from ..units import canonical

        if isinstance(node, ast.Name):
            return _Val(b.claim(node.id), b.dims(node.id))
        if isinstance(node, ast.Call):
            arg = node.args[0]
            assert isinstance(arg, ast.Constant)
            cid = str(arg.value)
            return _Val(b.claim(cid), b.dims(cid))
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                m = _QTY.match(node.value)
                if not m:
                    raise ExprError(f"cannot read quantity {node.value!r}")
                num = Fraction(m.group(1))
                c = canonical(m.group(2) or "dimensionless")
                lo, hi = sorted((num * c.lo, num * c.hi))
                return _Val(b.const(lo, hi), c.dims)
            v = Fraction(str(node.value))
            return _Val(b.const(v, v), ())
        if isinstance(node, ast.UnaryOp):
            inner = self._build(node.operand, b)
            if isinstance(node.op, ast.UAdd):
                return inner
            out = b.aux()
            b.linear([(ONE, out), (ONE, inner.var)], ZERO, ZERO)
            return _Val(out, inner.dims)
        if isinstance(node, ast.BinOp):
            left = self._build(node.left, b)
            right = self._build(node.right, b)
            out = b.aux()
            if isinstance(node.op, ast.Add | ast.Sub):
                if left.dims != right.dims:
                    raise ExprError("cannot add or subtract quantities of different dimensions")
                s = ONE if isinstance(node.op, ast.Add) else MINUS_ONE
                b.linear([(ONE, out), (MINUS_ONE, left.var), (-s, right.var)],
                         ZERO, ZERO)
                return _Val(out, left.dims)
            if isinstance(node.op, ast.Mult):
                b.mul(out, left.var, right.var)
                return _Val(out, _dims_mul(left.dims, right.dims, 1))
            b.mul(left.var, out, right.var)  # out = left / right
            return _Val(out, _dims_mul(left.dims, right.dims, -1))
        raise ExprError(f"{type(node).__name__} is not allowed")

    def check_units(self, rule: ExprRule, b: Builder) -> str | None:
        try:
            self.compile(rule, _DryRun(b))
        except ExprError as exc:
            return f"expr {rule.id}: {exc}"
        return None

    def compile(self, rule: ExprRule, b: Builder) -> None:
        lhs, op, rhs = parse(rule.expr)
        left = self._build(lhs, b)
        right = self._build(rhs, b)
        if left.dims != right.dims:
            raise ExprError("the two sides of the comparison have different dimensions")
        terms = [(ONE, left.var), (MINUS_ONE, right.var)]
        inf = float("inf")
        bounds: dict[str, tuple[Fraction | float, Fraction | float]] = {
            "==": (ZERO, ZERO), "<=": (-inf, ZERO), "<": (-inf, ZERO),
            ">=": (ZERO, inf), ">": (ZERO, inf)}
        b.linear(terms, *bounds[op])

    def explain(self, rule: ExprRule, ex: Explainer) -> Explanation:
        parts = ", ".join(
            f"{cid} = {ex.written(cid)} ({format_number(ex.stated(cid)[0])} to "
            f"{format_number(ex.stated(cid)[1])})" for cid in rule.claim_ids()
        )
        parts_fa = "، ".join(
            f"{cid} = {_fa.written(ex, cid)} ({_fa.number(ex.stated(cid)[0])} تا "
            f"{_fa.number(ex.stated(cid)[1])})" for cid in rule.claim_ids()
        )
        return Explanation("FC191", f"{rule.expr} cannot hold", f"{rule.expr} is false for {parts}",
                           f"رابطهٔ {rule.expr} با این رقم‌ها برقرار نمی‌شود",
                           f"رابطهٔ {rule.expr} برای {parts_fa} برقرار نیست")


class _DryRun:
    """A builder that records nothing, to check dimensions before compiling for real."""

    def __init__(self, b: Builder) -> None:
        self._b = b
        self._n = 0

    def claim(self, cid: str) -> int:
        return 0

    def model(self, cid: str):  # type: ignore[no-untyped-def]
        return self._b.model(cid)

    def dims(self, cid: str) -> tuple[tuple[str, int], ...]:
        return self._b.dims(cid)

    def any_unstated(self, ids: Iterable[str]) -> bool:
        return self._b.any_unstated(ids)

    def const(self, lo: Fraction | float, hi: Fraction | float) -> int:
        return 0

    def aux(self) -> int:
        return 0

    def linear(self, terms: object, lo: Fraction | float, hi: Fraction | float) -> None:
        return None

    def mul(self, z: int, x: int, y: int) -> None:
        return None

    def period_seconds(self, cid: str, override: str | None) -> None:
        return None


register_kind(Expr())
