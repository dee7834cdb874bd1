"""articles(): generated prose in Persian and English, and extraction and inference on it.

The rendering is tested on its own; extraction (factcheck.extract) must read back every
figure with its value, hedge and unit; when the inference stage (factcheck.articles) is
installed, truthful articles must check clean end to end and planted errors must be found.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from factcheck.model import Claim
from factcheck.strategies import ARTICLE_KINDS, Article, articles
from factcheck.testing import assert_consistent
from factcheck.units import canonical

LANGS = st.sampled_from(["fa", "en"])
PERSIAN_LETTERS = re.compile("[\u0600-\u06FF]")
LATIN_LETTERS = re.compile("[A-Za-z]")


def same_unit(a: str, b: str) -> bool:
    ca, cb = canonical(a), canonical(b)
    return (ca.dims, ca.lo, ca.hi) == (cb.dims, cb.lo, cb.hi)


@settings(max_examples=100, deadline=None)
@given(LANGS.flatmap(lambda lang: articles(lang=lang)))
def test_every_figure_has_its_words_in_the_text(article: Article) -> None:
    note(article.text)
    spans = sorted(e.span for e in article.expected)
    for (_s, e), (s2, _e2) in itertools.pairwise(spans):
        assert e <= s2, "figures overlap"
    for exp in article.expected:
        s, e = exp.span
        assert article.text[s:e] == exp.quote
        assert exp.claim.source is not None and exp.claim.source.span is not None
        assert exp.claim.source.span <= exp.span  # the claim points at its first mention
    # Each rule's claims are figures of the text.
    ids = {e.claim.id for e in article.expected}
    from factcheck.kinds import get

    for r in article.relations:
        assert set(get(r.kind).claim_ids(r)) <= ids


@settings(max_examples=60, deadline=None)
@given(articles(lang="en"))
def test_english_articles_are_written_in_english(article: Article) -> None:
    assert not PERSIAN_LETTERS.search(article.text), article.text


@settings(max_examples=60, deadline=None)
@given(articles(lang="fa"))
def test_persian_articles_are_written_in_persian(article: Article) -> None:
    # Persian prose; digits may be Persian or ASCII, as in the seed article.
    assert not LATIN_LETTERS.search(article.text), article.text


@settings(max_examples=80, deadline=None)
@given(LANGS.flatmap(lambda lang: articles(lang=lang)))
def test_the_claims_behind_a_truthful_article_are_consistent(article: Article) -> None:
    assert article.planted is None
    assert_consistent(article.document)


@settings(max_examples=80, deadline=None)
@given(LANGS.flatmap(lambda lang: articles(lang=lang, errors=["wrong_total", "share_mismatch",
                                                                "misconverted_rate"])))
def test_the_claims_behind_a_planted_article_hold_the_error(article: Article) -> None:
    assert article.planted is not None
    s, e = next(x.span for x in article.expected if x.claim.id == article.planted.claim)
    note(article.text)
    note(f"planted: {article.text[s:e]!r}: {article.planted.description}")
    assert article.planted.matches(article.document.check())


def test_articles_reject_bad_arguments() -> None:
    with pytest.raises(InvalidArgument):
        articles(lang="de")
    with pytest.raises(InvalidArgument):
        articles(kinds=["ratio"])  # not rendered as prose
    with pytest.raises(InvalidArgument):
        articles(errors=["transposition"])
    with pytest.raises(InvalidArgument):
        articles(kinds=["sum"], errors=["share_mismatch"])
    assert "sum" in ARTICLE_KINDS


# -- extraction on generated articles --------------------------------------------------------

def extracted(article: Article) -> list[Claim]:
    import factcheck

    return factcheck.extract(article.text, lang=article.lang)


def read_back(article: Article) -> list[tuple[str, str, str, str]]:
    """Every expected figure that extraction does not read with its value, hedge and unit."""
    got = extracted(article)
    missing = []
    for exp in article.expected:
        s, e = exp.span
        ok = any(c.source is not None and c.source.span is not None
                 and c.source.span[0] < e and s < c.source.span[1]
                 and c.value == exp.claim.value and c.hedge is exp.claim.hedge
                 and same_unit(c.unit, exp.claim.unit) for c in got)
        if not ok:
            missing.append((exp.quote, str(exp.claim.value), exp.claim.hedge.value, exp.claim.unit))
    return missing


@settings(max_examples=150, deadline=None)
@given(LANGS.flatmap(lambda lang: articles(lang=lang, kinds=list(ARTICLE_KINDS))))
def test_extraction_reads_every_generated_figure(article: Article) -> None:
    pytest.importorskip("factcheck.extract", reason="the extraction stage is not on this branch")
    note(article.text)
    assert read_back(article) == []



# -- end to end: extraction, inference, evaluation ------------------------------------------

def _inference() -> None:
    pytest.importorskip("factcheck.articles", reason="the inference stage (factcheck.articles) is not "
                        "on this branch")


@settings(max_examples=60, deadline=None)
@given(article=LANGS.flatmap(lambda lang: articles(lang=lang, kinds=list(ARTICLE_KINDS), max_size=1)))
def test_truthful_articles_check_clean_end_to_end(article: Article, tmp_path_factory: pytest.TempPathFactory) -> None:
    # Every kind of fact, in both languages: no known false alarm is excluded any more (the
    # last one, «این سهم از ۷۲ درصد به ۴۳ درصد رسید» read as two shares of one whole, is
    # fixed, and tests/articles/rate_times.fa.txt keeps it fixed).  Articles of several facts
    # meet more cross-sentence heuristics; benchmarks/generated_articles.py measures those.
    _inference()
    path: Path = article.write(tmp_path_factory.mktemp("article"))
    note(article.text)
    assert_consistent(path)


# Inference does not yet relate every planted pattern (benchmarks/generated_articles.py measures
# share and rate plants per language); totals that their parts exceed must always be found.
@settings(max_examples=40, deadline=None)
@given(article=LANGS.flatmap(lambda lang: articles(lang=lang, errors=["wrong_total"])))
def test_planted_errors_in_articles_are_found_end_to_end(article: Article,
                                                          tmp_path_factory: pytest.TempPathFactory) -> None:
    _inference()
    import factcheck

    assert article.planted is not None
    path: Path = article.write(tmp_path_factory.mktemp("article"))
    spans = [x.span for x in article.expected if x.claim.id == article.planted.claim]
    note(article.text)
    note(f"planted: {[article.text[s:e] for s, e in spans]}: {article.planted.description}")
    report = factcheck.check(path)
    hits = []
    for f in report.inconsistent():
        for cid in f.claims:
            c = report.claims[cid]
            span = c.source.span if c.source else None
            if span is not None and any(span[0] < e and s < span[1] for s, e in spans):
                hits.append(f)
    assert hits, [(f.code, f.message) for f in report.findings]
