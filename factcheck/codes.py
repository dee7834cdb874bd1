"""The catalogue of finding codes: permanent codes, readable names, summaries, examples.

Codes never change meaning; a renamed code keeps its old name or number as an alias.
Rule-kind modules register their codes here when imported (see :mod:`factcheck.kinds`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["CATALOGUE", "Code", "lookup", "register"]


@dataclass(frozen=True)
class Code:
    """One finding code."""

    code: str
    name: str
    summary: str
    kind: str
    severity: str = "error"
    consistent_example: str = ""
    inconsistent_example: str = ""
    aliases: tuple[str, ...] = field(default=())
    #: The summary in Persian, for Persian pages and reports (every code has one: tested).
    summary_fa: str = ""


CATALOGUE: dict[str, Code] = {}
_ALIASES: dict[str, str] = {}


def register(*codes: Code) -> None:
    for c in codes:
        if c.code in CATALOGUE and CATALOGUE[c.code] != c:
            raise ValueError(f"duplicate finding code {c.code!r}")
        CATALOGUE[c.code] = c
        for a in (c.name, *c.aliases):
            _ALIASES[a] = c.code


def lookup(code_or_alias: str) -> Code:
    """Find a code by its number, its name or an alias."""
    from . import kinds

    kinds.load_all()
    key = _ALIASES.get(code_or_alias, code_or_alias)
    try:
        return CATALOGUE[key]
    except KeyError:
        raise KeyError(f"unknown finding code {code_or_alias!r}") from None


register(
    Code(
        "FC001",
        "chain.inconsistent",
        "Rules that each hold on their own cannot all hold together.",
        "chain",
        consistent_example="a = b + c, b = 2 × d, with a = 10, c = 4, d = 3",
        inconsistent_example="a = b + c, b = 2 × d, with a = 10, c = 4, d = 5 (b would be 6 and 10)",
        summary_fa="قاعده‌هایی که هر یک به‌تنهایی برقرارند، با هم برقرار نمی‌شوند.",
    ),
    Code(
        "FC002",
        "rule.undetermined",
        "A rule cannot be checked: a figure it needs is unstated or unbounded.",
        "any",
        severity="info",
        consistent_example="(every figure stated)",
        inconsistent_example="a sum whose total is unstated",
        summary_fa="این رابطه را نمی‌توان سنجید: رقمی که لازم دارد ذکر نشده یا کران ندارد.",
    ),
    Code(
        "FC003",
        "rule.invalid-units",
        "A rule relates figures whose units cannot match (e.g. people and vehicles).",
        "any",
        consistent_example="630 thousand cars + 50 thousand motorcycles = 680 thousand vehicles",
        inconsistent_example="822 people + 50 thousand motorcycles = 680 thousand vehicles",
        summary_fa="این رابطه رقم‌هایی را به هم ربط می‌دهد که یکاهایشان با هم جور نیست (مثلاً نفر و خودرو).",
    ),
    Code(
        "FC004",
        "suppression.unused",
        "A suppression (`ignore` on a claim or rule, or an article comment) matches no finding.",
        "suppression",
        severity="warning",
        consistent_example="ignore: [{code: FC111, reason: ...}] on a rule that reports FC111",
        inconsistent_example="ignore: [{code: FC111, reason: ...}] on a rule that holds",
        summary_fa="این چشم‌پوشی (ignore روی ادعا یا قاعده، یا یادداشتی در متن) با هیچ یافته‌ای جور نیست.",
    ),
)
