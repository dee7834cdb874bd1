"""Whole articles: our own test articles against reviewed expectations, and the bundled example."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from factcheck.extract import extract, mentions
from factcheck.units import canonical

DATA = Path(__file__).parent / "data" / "extract"
ARTICLES = sorted(DATA.glob("*.txt"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_article_matches_reviewed_expectation(path: Path) -> None:
    text = path.read_text("utf-8")
    expected = yaml.safe_load(path.with_name(path.name.split(".")[0] + ".expected.yaml").read_text("utf-8"))
    got = []
    for c in extract(text):
        d = {"value": str(c.value), "unit": c.unit, "hedge": c.hedge.value, "quote": c.source.quote}
        if c.value_max is not None:
            d["value_max"] = str(c.value_max)
        if c.period is not None:
            d["period"] = c.period.duration
        got.append(d)
        s, e = c.source.span
        assert text[s:e] == c.source.quote
    assert got == expected["claims"]
    skipped = [[m.kind, text[m.start:m.end]] for m in mentions(text) if m.kind not in ("quantity", "duration")]
    assert skipped == expected["not_claims"]


def test_bundled_example_figures_are_all_found() -> None:
    """Every figure of the hand-written claims/qom-police.yaml is extracted with its value and unit."""
    text = (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8")
    hand = yaml.safe_load((ROOT / "claims" / "qom-police.yaml").read_text("utf-8"))["claims"]
    found = extract(text)
    for h in hand:
        s, e = h["source"]["span"]
        near = [c for c in found if c.source.span[0] < e and s < c.source.span[1]]
        value = Decimal(str(h["value"]).translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
        assert any(c.value == value and _compatible(c.unit, h["unit"]) for c in near), \
            (h["id"], [(c.value, c.unit) for c in near])
    quotes = [c.source.quote for c in found]
    assert not any("۱۱۰" in q for q in quotes)  # the police number
    assert not any("یکمین" in q for q in quotes)  # the 161st session


def _compatible(ours: str, theirs: str) -> bool:
    """Same dimension (a car is a vehicle); the hand file's generic "case" accepts any count."""
    if theirs.split(" /")[0] == "case":
        return ours.split(" /")[1:] == theirs.split(" /")[1:]
    return canonical(ours).dims == canonical(theirs).dims
