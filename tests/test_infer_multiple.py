"""Multiples said of two counts in words: "twice as many men as women", «تعداد مردان دو برابر زنان»
(a ``ratio`` rule)."""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from infer_helpers import verdicts

from factcheck.findings import Status


@pytest.mark.parametrize(("text", "wrong"), [
    ("The clinic saw 9,240 men and 4,620 women, twice as many men as women.\n", ("4,620", "3,080")),
    ("۹ هزار و ۲۴۰ مرد و ۴ هزار و ۶۲۰ زن به درمانگاه مراجعه کردند؛ تعداد مردان دو برابر زنان بود.\n",
     ("۴ هزار و ۶۲۰", "۳ هزار و ۸۰")),
    ("The city has 91,500 cars and 30,500 motorcycles, three times as many cars as motorcycles.\n",
     ("30,500", "20,500")),
    ("The clinic saw 4,620 men and 9,240 women, half as many men as women.\n", ("4,620", "3,080")),
])
def test_a_multiple_of_two_named_counts(text: str, wrong: tuple[str, str]) -> None:
    lang = "en" if text.isascii() else "fa"
    assert verdicts(text, lang, "ratio") == [Status.consistent]
    assert verdicts(text.replace(*wrong), lang, "ratio") == [Status.inconsistent]


@pytest.mark.parametrize("text", [
    # compared with a time, not with a thing the sentence counts
    "The clinic saw 9,240 patients this year, twice as many as last year.\n",
    # the second noun names no count of the sentence
    "The clinic saw 9,240 men, twice as many men as women.\n",
    # two counts of the first noun: which one is meant is not said
    "The clinic saw 9,240 men in May and 7,000 men in June, twice as many men as women.\n",
])
def test_no_multiple_without_two_named_counts(text: str) -> None:
    assert verdicts(text, "en", "ratio") == []
