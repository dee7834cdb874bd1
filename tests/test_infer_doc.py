"""The inference document's shared views: computed once per document, equal to computing
them afresh (figures per sentence, sentence of an offset, the same text with other claims,
the old → new pairs every pattern reads)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.extract import extract
from factcheck.infer import infer
from factcheck.infer.doc import Doc
from factcheck.infer.pairs import all_pairs, pairs, than_changes, when_pairs
from factcheck.strategies import Article, articles

#: Old → new pairs of all three shapes, and a breakdown of them (parts and percent_of read the pairs too).
TEXT = ("Thefts rose from 1,200 to 1,500 last year: burglaries from 400 to 520, car thefts from 300 "
        "to 330 and shoplifting from 500 to 650, or 43 percent of the total. The budget is $4.2 billion, "
        "8 percent more than this year's $3.9 billion. Calls reached 410,000, up from last year, when the "
        "service logged 366,000.")


def _doc(text: str, lang: str) -> Doc:
    return Doc(text, extract(text, lang=lang), lang)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_cached_views_equal_computing_them_afresh(a: Article):
    doc = _doc(a.text, a.lang)
    n = len(doc.sentences)
    for i in range(-1, n + 1):
        assert doc.in_sentence(i) == [f for f in doc.figures if f.sentence == i]
    for pos in range(0, len(a.text), 7):
        assert doc.sentence_of(pos) == max(i for i, (s, _) in enumerate(doc.sentences) if s <= pos or i == 0)
    for f in doc.figures:
        assert f.value == (None if f.claim.value is None else Fraction(f.claim.value))
    again = doc.with_claims(doc.claims)
    fresh = Doc(a.text, doc.claims, a.lang)
    assert (again.norm, again.sentences, again.figures) == (fresh.norm, fresh.sentences, fresh.figures)
    assert all_pairs(doc) == (*pairs(doc), *when_pairs(doc), *(t.pair for t in than_changes(doc)))


def test_a_view_is_computed_once_per_document():
    doc = _doc(TEXT, "en")
    calls: list[Doc] = []

    def count(d: Doc) -> int:
        calls.append(d)
        return len(d.figures)

    assert doc.once(count) == doc.once(count) == len(doc.figures)
    assert calls == [doc]
    other = doc.with_claims(doc.claims[:2])
    assert other.once(count) == 2 and calls == [doc, other]
    assert pairs(doc) is pairs(doc) and len(pairs(doc)) == 4
    assert len(when_pairs(doc)) == 1 and len(than_changes(doc)) == 1


def test_inference_computes_each_kind_of_pair_once(monkeypatch):
    """The change, parts and percent_of patterns all read the pairs; they are found once."""
    import factcheck.infer.pairs as mod

    counts: dict[str, int] = {}
    for name in ("_pairs", "_when_pairs", "_than_changes"):
        real = getattr(mod, name)

        def counted(doc: Doc, real=real, name=name):
            counts[name] = counts.get(name, 0) + 1
            return real(doc)

        monkeypatch.setattr(mod, name, counted)
    out = infer(TEXT, extract(TEXT, lang="en"), "en")
    assert {r.kind for r in out.rules} >= {"sum", "percent_change"}
    assert counts == {"_pairs": 1, "_when_pairs": 1, "_than_changes": 1}
