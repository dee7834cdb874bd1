"""How a verdict is written: the finding of a rule, and claims and numbers as text."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from .codes import CATALOGUE
from .findings import Finding, Severity, Status
from .kinds.base import RuleKind
from .model import Claim, Hedge, RuleBase
from .numbers import format_number
from .semantics import Bound

__all__ = ["CONFIDENT", "describe", "exact_str", "finding", "str_needed"]

INF = float("inf")
#: Rules below this confidence can only produce "possible" findings (severity warning).
CONFIDENT = 0.75


_HEDGE_WORDS = {
    Hedge.exact: "", Hedge.about: "about ", Hedge.nearly: "nearly ", Hedge.more_than: "more than ",
    Hedge.at_least: "at least ", Hedge.less_than: "less than ", Hedge.at_most: "at most ",
    Hedge.range: "",
}


def describe(c: Claim) -> str:
    """A claim as a reader would say it: hedge, number, unit (or its words as written)."""
    if c.value is None:
        return f"[{c.id}: unstated]"
    num = format_number(c.value)
    if c.hedge is Hedge.range and c.value_max is not None:
        num = f"{num}–{format_number(c.value_max)}"
    unit = "" if c.unit in ("dimensionless", "") else " " + c.unit.replace(" / ", "/")
    if c.unit == "percent":
        unit = "%"
    return f"{_HEDGE_WORDS[c.hedge]}{num}{unit}"



def finding(rid: str | None, rule: RuleBase | None, kind: RuleKind | None, status: Status,
             code: str | None, message: str, arithmetic: str, *, rules: Iterable[str] = (),
             claims: Iterable[str] = (), needed: dict[str, tuple[str, str] | None] | None = None,
             kind_name: str | None = None, fid: str = "", message_fa: str = "") -> Finding:
    conf = rule.confidence if rule is not None else 1.0
    possible = status is Status.inconsistent and conf < CONFIDENT
    if status is Status.inconsistent:
        sev = Severity.warning if possible else Severity.error
    elif status is Status.invalid:
        sev = Severity.error
    elif status is Status.undetermined:
        sev = Severity.info
    else:
        sev = Severity.none
    cat = CATALOGUE.get(code) if code else None
    claim_ids = tuple(claims) or (tuple(kind.claim_ids(rule)) if kind and rule else ())
    # Finding.quick: a large evaluation makes one finding per rule (see its docstring).
    return Finding.quick(
        id=fid, status=status, severity=sev,
        kind=kind_name or (kind.name if kind else "chain"), rule=rid,
        rules=tuple(rules) or ((rid,) if rid else ()), claims=claim_ids,
        code=code, name=cat.name if cat else None, message=message, arithmetic=arithmetic,
        needed=needed or {}, confidence=conf, possible=possible,
        evidence=rule.evidence if rule is not None else None, message_fa=message_fa,
    )



def str_needed(n: dict[str, tuple[Bound, Bound] | None]) -> dict[str, tuple[str, str] | None]:
    def s(x: Bound) -> str:
        if x == INF:
            return "inf"
        if x == -INF:
            return "-inf"
        return exact_str(Fraction(x))

    return {k: (None if v is None else (s(v[0]), s(v[1]))) for k, v in n.items()}


def exact_str(x: Fraction) -> str:
    """Decimal string if finite, else 'p/q' (exact numbers are strings in reports)."""
    if x.denominator == 1:
        return str(x.numerator)
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d == 1:
        from decimal import Decimal, localcontext

        with localcontext() as ctx:
            ctx.prec = 200
            return format(Decimal(x.numerator) / Decimal(x.denominator), "f")
    return f"{x.numerator}/{x.denominator}"


