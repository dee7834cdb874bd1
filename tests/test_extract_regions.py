"""The scanner tokenises only around digits and number words: that must never lose a figure.

The candidate search is a trie of each language's number words; the tokeniser still decides
what is a figure.  Scanning with gaps skipped must give exactly the mentions of scanning
everything, whatever lies between the figures.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_adversarial import FRAGMENTS

from factcheck.extract import languages, mentions
from factcheck.extract.engine import _GAP, _STEP, Scanner
from factcheck.extract.normalize import prepare

# Prose without a digit or number word, longer than the gap the scanner skips.
FILLER = {
    "en": "The council met again and talked at length about the roads. " * ((_GAP + _STEP) // 50),
    "fa": "شورا دوباره جلسه گذاشت و درباره جاده‌ها گفتگو کرد. " * ((_GAP + _STEP) // 40),
}


def _scan(text: str, lang: str, skip_gaps: bool) -> list[tuple[object, ...]]:
    scanner = Scanner(languages()[lang], skip_gaps=skip_gaps)
    return [dataclasses.astuple(m) for m in scanner.scan(prepare(text))]


def test_every_number_word_is_a_candidate() -> None:
    for code, lang in languages().items():
        scanner = Scanner(lang)
        for word in scanner._numwords:
            for written in {word, word.upper() if lang.case_insensitive else word}:
                assert scanner._cand_re.fullmatch(written), (code, written)
                m = scanner._cand_re.search(f"({written} ")
                assert m is not None and m.start() == 1, (code, written)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(["FILLER", "FILLER\n"])), max_size=30),
       st.sampled_from(["fa", "en"]))
def test_skipping_gaps_changes_nothing(parts: list[str], lang: str) -> None:
    text = "".join(FILLER[lang] + p[6:] if p.startswith("FILLER") else p for p in parts)
    assert _scan(text, lang, skip_gaps=True) == _scan(text, lang, skip_gaps=False)


def test_figures_far_apart() -> None:
    text = "About 400 people came. " + FILLER["en"] * 20 + "Nearly 3,000 cars a day " + FILLER["en"] + "twelve"
    regions = list(Scanner(languages()["en"])._regions(text, 0, len(text)))
    assert len(regions) == 3 and sum(e - s for s, e in regions) < len(text) / 4  # the filler is skipped
    got = [(m.value, m.unit, m.hedge.value) for m in mentions(text, "en") if m.kind == "quantity"]
    assert [(str(v), u, h) for v, u, h in got] == [("400", "person", "about"), ("3000", "car / day", "nearly"),
                                                   ("12", "dimensionless", "exact")]
    fa = "حدود ۴۰۰ نفر آمدند. " + FILLER["fa"] * 20 + "روزانه بیش از سه هزار تماس"
    got = [(m.value, m.unit, m.hedge.value) for m in mentions(fa, "fa") if m.kind == "quantity"]
    assert [(str(v), u, h) for v, u, h in got] == [("400", "person", "about"), ("3000", "call / day", "more_than")]
