"""A change word belongs to the pair of figures in its own clause.

"The number of polling stations doubled to 9,000 from 4,200, while the number of observers
tripled to 1,500": the tripling is of the observers, whose earlier number is not given.  Read
as a change of the stations it was a false alarm (4,200 × 3 is not 9,000) — in both languages.
"""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from infer_helpers import verdicts

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Status


def _changes(text: str, lang: str) -> list[tuple[Status, str]]:
    """(verdict, the change's words) of every percent_change rule inferred."""
    cs = claimset_from_article(text, "t.txt", lang)
    status = {f.rule: f.status for f in evaluate(cs).findings}
    out = []
    for r in cs.rules.values():
        if r.kind == "percent_change":
            change = cs.claims[r.change or r.factor or ""]
            out.append((status[r.id], change.source.quote if change.source and change.source.quote else ""))
    return out


CASES = [
    ("The number of polling stations doubled to 9,000 from 4,200 in the last election, while the number of "
     "observers tripled to 1,500.\n", "en", "4,200", "3,200", "doubled"),
    ("تعداد شعب اخذ رأی از ۴ هزار و ۲۰۰ شعبه در انتخابات قبل به ۹ هزار شعبه رسید و دو برابر شد، در حالی که "
     "تعداد ناظران سه برابر شد و به هزار و ۵۰۰ نفر رسید.\n", "fa", "۴ هزار و ۲۰۰", "۳ هزار و ۲۰۰", "دو برابر"),
]


@pytest.mark.parametrize(("text", "lang", "old", "wrong", "word"), CASES)
def test_a_change_in_another_clause_is_not_given_the_pair(text: str, lang: str, old: str, wrong: str,
                                                          word: str) -> None:
    assert _changes(text, lang) == [(Status.consistent, word)]
    # the clause's own change still checks its pair
    assert _changes(text.replace(old, wrong), lang) == [(Status.inconsistent, word)]


def test_two_changes_of_one_pair_in_one_clause_are_both_checked() -> None:
    text = "Sales rose 114 percent to 9,000 from 4,200, more than doubling.\n"
    got = _changes(text, "en")
    assert sorted(s.value for s, _w in got) == ["consistent", "consistent"]
    bad = _changes(text.replace("114 percent", "164 percent"), "en")
    assert sorted(s.value for s, _w in bad) == ["consistent", "inconsistent"]


@pytest.mark.parametrize(("text", "lang", "points", "wrong"), [
    # a rise of a rate that is good to be high
    ("Crews reached 71 percent of urgent calls within eight minutes, compared with 64 percent in 2023, an "
     "improvement of 7 percentage points.\n", "en", "7 percentage", "9 percentage"),
    # a fall of a rate that is good to be low
    ("The death rate fell to 2.1 percent from 2.8 percent, an improvement of 0.7 percentage points.\n", "en",
     "0.7 percentage", "0.9 percentage"),
    ("نرخ رسیدن به موقع آمبولانس‌ها امسال به ۷۱ درصد رسید که نسبت به سال گذشته که ۶۴ درصد بود، ۷ واحد درصد بهبود "
     "داشته است.\n", "fa", "۷ واحد", "۹ واحد"),
])
def test_an_improvement_takes_its_direction_from_the_pair(text: str, lang: str, points: str, wrong: str) -> None:
    assert verdicts(text, lang, "percentage_points") == [Status.consistent]
    assert verdicts(text.replace(points, wrong), lang, "percentage_points") == [Status.inconsistent]


def test_a_change_to_a_level_of_its_own_is_not_given_another_pair() -> None:
    # the fall is of the imports, whose earlier level is not given; the deficit's pair is left alone
    text = ("Imports fell 3% to $30.1 billion, leaving a trade deficit of $1.7 billion, compared with a deficit "
            "of $5.8 billion a year earlier.\n")
    assert verdicts(text, "en", "percent_change") == []
    # a change whose level is the pair's newer figure is still checked
    ok = "Exports rose 12.5% to $28.4 billion, up from $25.2 billion a year earlier.\n"
    assert verdicts(ok, "en", "percent_change") == [Status.consistent]
    assert verdicts(ok.replace("12.5%", "22.5%"), "en", "percent_change") == [Status.inconsistent]
