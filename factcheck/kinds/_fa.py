"""Persian wording the kinds share: their claims, terms, units and periods in Persian.

Each kind's ``explain`` writes its message twice; these helpers give the Persian side
the same pieces :func:`factcheck.kinds.base.term_text` and the explainer give the English
side (see :mod:`factcheck.persian` for how figures are said in Persian).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import persian
from ..persian import number

if TYPE_CHECKING:  # base imports this module: the names are only needed for types
    from .base import Explainer, Term

__all__ = ["number", "period", "term", "unit", "written"]


def written(ex: Explainer, cid: str) -> str:
    """The claim as the article states it, in Persian: «بیش از ۲٬۰۰۰ نفر در روز»."""
    return persian.claim(ex.written(cid), ex.unit(cid))


def term(ex: Explainer, t: Term) -> str:
    """A claim with its multiplier: «۲ × بیش از ۲٬۰۰۰ نفر در روز»."""
    w = written(ex, t.claim)
    return w if t.times == 1 else f"{number(t.times)} × {w}"


def unit(ex: Explainer, cid: str) -> str:
    """The claim's unit in Persian, with a leading space; empty if it has none."""
    name = persian.unit(ex.unit(cid))
    return f" {name}" if name else ""


def period(ex: Explainer, cid: str, override: str | None) -> str:
    """The period a total covers, in Persian: «۶ ماه گذشته (۱۷۹ تا ۱۸۶ روز)»."""
    return persian.period(ex.period_text(cid, override))
