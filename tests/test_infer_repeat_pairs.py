"""The digits-against-words pairing of ``infer/repeat.py`` groups figures by value and unit
first; it must propose exactly the pairs, in the order, that comparing every pair gives."""

from __future__ import annotations

import pytest
from conftest import ROOT

from factcheck.extract import extract
from factcheck.infer import guess_lang
from factcheck.infer.doc import Doc
from factcheck.infer.repeat import _DIGIT, _eligible, _same_quantity, find
from factcheck.infer.resolve import resolve_units

ARTICLES = sorted((ROOT / "tests" / "articles").glob("*.txt"))
# Digits and words for one value, several times, in separate sentences, among other figures.
WORDS = ("The agency counted 12 new cases on Monday. Twelve new cases is the most since May. "
         "A further 12 cases came on Tuesday, against three cases last week.\n\n"
         "Officials said twelve cases had been confirmed, and 3 cases were pending. 12 cases, "
         "they said, is twelve cases too many.")
WORDS_FA = ("در روز دوشنبه ۱۲ مورد تازه ثبت شد. دوازده مورد تازه بیشترین رقم از اردیبهشت است. "
            "روز سه‌شنبه ۱۲ مورد دیگر ثبت شد.\n\nمسئولان گفتند دوازده مورد تأیید شده است.")


def _doc(text: str) -> Doc:
    lang = guess_lang(text)
    first = Doc(text, extract(text, lang=lang), lang)
    return first.with_claims(resolve_units(first))


def _pairwise(doc: Doc) -> list[tuple[str, str]]:
    """The pairing as it was written before grouping: every pair, compared."""
    figs = [f for f in doc.figures if _eligible(doc, f)]
    out = []
    for i, a in enumerate(figs):
        for b in figs[i + 1:]:
            if b.sentence == a.sentence or a.value != b.value or a.claim.unit != b.claim.unit:
                continue
            if a.claim.hedge is not b.claim.hedge or not _same_quantity(doc, a, b):
                continue
            if bool(_DIGIT.search(doc.norm[a.start:a.end])) == bool(_DIGIT.search(doc.norm[b.start:b.end])):
                continue
            out.append((a.id, b.id))
    return out


@pytest.mark.parametrize("text", [*(p.read_text("utf-8") for p in ARTICLES), WORDS, WORDS_FA,
                                  "\n\n".join(p.read_text("utf-8") for p in ARTICLES)],
                         ids=[*(p.name for p in ARTICLES), "words", "words_fa", "all"])
def test_grouped_pairs_are_the_pairwise_ones(text: str) -> None:
    doc = _doc(text)
    proposals = list(find(doc))
    words = [p for p in proposals if "in digits and in words" in (p.rule.evidence or "")]
    # Pairs the lead's restatements took first are not proposed twice.
    lead = {frozenset(p.rule.claims) for p in proposals if p not in words}
    assert [tuple(p.rule.claims) for p in words] == [pair for pair in _pairwise(doc)
                                                     if frozenset(pair) not in lead]


def test_the_example_has_digit_word_pairs() -> None:
    # The fixture above exercises the pairing at all (a test that saw no pair proves nothing).
    assert len(_pairwise(_doc(WORDS))) >= 2 and _pairwise(_doc(WORDS)) == [
        tuple(p.rule.claims) for p in find(_doc(WORDS)) if "in digits and in words" in (p.rule.evidence or "")]
