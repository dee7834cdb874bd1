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
             kind_name: str | None = None, fid: str = "", message_fa: str = "",
             conflict: tuple[str, ...] = (), arithmetic_fa: str = "") -> Finding:
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
        evidence=rule.evidence if rule is not None else None, message_fa=message_fa, conflict=conflict,
        arithmetic_fa=arithmetic_fa,
    )



def str_needed(n: dict[str, tuple[Bound, Bound] | None]) -> dict[str, tuple[str, str] | None]:
    def s(x: Bound) -> str:
        if x.__class__ is Fraction:  # nearly always: no copy, no comparison with a float
            return exact_str(x)
        if x == INF:
            return "inf"
        if x == -INF:
            return "-inf"
        return exact_str(Fraction(x))

    return {k: (None if v is None else (s(v[0]), s(v[1]))) for k, v in n.items()}


def exact_str(x: Fraction) -> str:
    """Decimal string if finite, else 'p/q' (exact numbers are strings in reports)."""
    n, den = x.numerator, x.denominator
    if den == 1:
        return str(n)
    twos = (den & -den).bit_length() - 1  # the factors 2 of den, at once
    d = den >> twos
    fives = 0
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return f"{n}/{den}"
    # n / den has exactly k decimals, the last one not 0: its digits are n·10^k/den.
    k = max(twos, fives)
    digits = str(abs(n) * 2 ** (k - twos) * 5 ** (k - fives))
    if len(digits) <= _DECIMAL_DIGITS:
        digits = digits.rjust(k + 1, "0")
        return f"{'-' if n < 0 else ''}{digits[:-k]}.{digits[-k:]}"
    # Longer than the 200 significant digits a decimal context carries: rounded as
    # Decimal rounds it (no figure comes near).
    from decimal import Decimal, localcontext

    with localcontext() as ctx:
        ctx.prec = _DECIMAL_DIGITS
        return format(Decimal(n) / Decimal(den), "f")


#: Significant digits of exact decimals in reports (beyond, Decimal rounds them).
_DECIMAL_DIGITS = 200


