"""Building claims by hand for inference tests: a quote, its value and unit, placed in the text."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.evaluate import Evaluation, evaluate
from factcheck.files import ClaimSet
from factcheck.findings import Status
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


def figures(text: str, lang: str) -> list[tuple[str, Decimal | None, str]]:
    """What extraction reads in ``text``: (quote, value, unit) of every claim, in order."""
    from factcheck.extract import extract

    res = extract(text, lang)
    found = res.claims if hasattr(res, "claims") else res
    return [(c.source.quote if c.source and c.source.quote else "", c.value, c.unit) for c in found]


def verdicts(text: str, lang: str, kind: str) -> list[Status]:
    """The verdicts of the rules of ``kind`` inferred from the article ``text``, in rule order."""
    from factcheck.articles import claimset_from_article

    cs = claimset_from_article(text, "t.txt", lang)
    return [f.status for f in evaluate(cs).findings if f.kind == kind]
