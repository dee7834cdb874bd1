"""Building claims by hand for inference tests: a quote, its value and unit, placed in the text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.evaluate import Evaluation, evaluate
from factcheck.files import ClaimSet
from factcheck.infer import Inference, infer
from factcheck.model import Claim, Document, Source


def claims(text: str, *specs: tuple[Any, ...]) -> list[Claim]:
    """``(quote, value, unit[, hedge[, extra dict]])`` -> claims with spans; repeated quotes go left to right."""
    out: list[Claim] = []
    taken: dict[str, int] = {}
    for i, spec in enumerate(specs):
        quote, value, unit = spec[0], spec[1], spec[2]
        hedge = spec[3] if len(spec) > 3 else "exact"
        extra = spec[4] if len(spec) > 4 else {}
        s = text.index(quote, taken.get(quote, 0))
        taken[quote] = s + 1
        out.append(Claim(id=f"c{i + 1}", value=Decimal(str(value)) if value is not None else None, unit=unit,
                         hedge=hedge, source=Source(span=(s, s + len(quote)), quote=quote), **extra))
    return out


def check(text: str, cs: list[Claim], lang: str, only: list[str] | None = None) -> tuple[Inference, Evaluation]:
    """Infer relations between hand-placed claims (only the named patterns) and evaluate them."""
    got = infer(text, cs, lang, only=only)
    s = ClaimSet()
    s.documents["d"] = Document(id="d", lang=lang)
    for c in got.claims:
        s.claims[c.id] = c
    for r in got.rules:
        s.rules[r.id] = r
    return got, evaluate(s)
