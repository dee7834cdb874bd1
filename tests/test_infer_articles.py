"""Every inference pattern, end to end on our own articles in both languages (tests/articles/).

Each article is checked with no rules written (extraction, inference, evaluation), and
``tests/articles/expected.yaml`` says which relations must be errors, which must be
inferred and hold, and that nothing else may be an error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Finding, Severity, Status

ARTICLES = Path(__file__).parent / "articles"
EXPECTED: dict[str, dict[str, list[dict[str, Any]]]] = yaml.safe_load((ARTICLES / "expected.yaml").read_text("utf-8"))


def _covers(f: Finding, spans: dict[str, tuple[int, int]], text: str, quotes: list[str]) -> bool:
    """Every quote lies on one of the finding's figures."""
    for q in quotes:
        at = text.index(q)
        if not any(cid in spans and spans[cid][0] < at + len(q) and at < spans[cid][1] for cid in f.claims):
            return False
    return True


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article(name: str) -> None:
    text = (ARTICLES / name).read_text("utf-8")
    lang = name.split(".")[-2]
    cs = claimset_from_article(text, str(ARTICLES / name), lang)
    ev = evaluate(cs)
    spans = {cid: c.source.span for cid, c in cs.claims.items() if c.source and c.source.span}
    errors = [f for f in ev.findings if f.status is Status.inconsistent and f.severity is Severity.error]
    expected = EXPECTED[name]
    explained: set[str] = set()
    for rel in expected.get("inconsistent", []):
        hits = [f for f in errors if f.kind == rel["kind"] and _covers(f, spans, text, rel["quotes"])]
        assert hits, f"{name}: expected an error for {rel}; errors: {[f.message for f in errors]}"
        explained.update(f.id for f in hits)
    for rel in expected.get("consistent", []):
        hits = [f for f in ev.findings if f.kind == rel["kind"] and _covers(f, spans, text, rel["quotes"])]
        assert any(f.status is Status.consistent for f in hits), f"{name}: expected {rel} inferred and holding"
    extra = [f.message for f in errors if f.id not in explained and f.kind != "chain"]
    assert not extra, f"{name}: unexpected errors {extra}"


def test_every_pattern_has_articles_in_both_languages() -> None:
    from factcheck.infer import load_all

    names = set(load_all())
    for pattern in names:
        for lang in ("en", "fa"):
            assert f"{pattern}.{lang}.txt" in EXPECTED, f"no {lang} test article for pattern {pattern!r}"
