"""A rate compared with a month's, given in the next sentence, and a month's name before a
percentage (which is no date).

"Annual inflation fell to 3.2 percent in November, down 0.5 percentage points from October.
The October rate was 3.9 percent": the points are the change from the October rate to the
November one.  In Persian the month's name stands right before the rate («نرخ تورم مهرماه ۳۴
درصد»); the number after a month's name was read as a day of a date, and the rate was lost.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from infer_helpers import figures, verdicts

from factcheck.findings import Status

EN = ("Annual inflation fell to 3.2 percent in November, down 0.5 percentage points from October. "
      "The October rate was 3.7 percent.\n")
FA = ("نرخ تورم سالانه در آبان‌ماه به ۳۲ درصد رسید که نسبت به مهرماه ۲ واحد درصد کاهش نشان می‌دهد. "
      "نرخ تورم مهرماه ۳۴ درصد اعلام شده بود.\n")


def _points(text: str, lang: str) -> list[Status]:
    return verdicts(text, lang, "percentage_points")


@pytest.mark.parametrize(("text", "lang", "old", "wrong"), [
    (EN, "en", "3.7 percent", "3.9 percent"),
    (FA, "fa", "۳۴ درصد", "۳۶ درصد"),
])
def test_points_from_the_month_the_next_sentence_gives(text: str, lang: str, old: str, wrong: str) -> None:
    assert _points(text, lang) == [Status.consistent]
    assert _points(text.replace(old, wrong), lang) == [Status.inconsistent]


def test_no_pair_without_the_compared_month() -> None:
    # the next sentence gives September's rate, not October's
    assert _points(EN.replace("The October rate", "The September rate"), "en") == []


def test_a_percentage_after_a_month_is_no_date() -> None:
    assert ("۳۴ درصد", Decimal(34), "percent") in figures("نرخ تورم مهرماه ۳۴ درصد اعلام شده بود.", "fa")
    assert ("3 percent", Decimal(3), "percent") in figures("The October 3 percent rise was the largest.", "en")


@pytest.mark.parametrize(("text", "lang"), [
    ("On October 15 2,000 people marched.", "en"),
    ("در مهرماه ۱۴۰۲ هزار نفر راهپیمایی کردند.", "fa"),
])
def test_a_day_or_year_after_a_month_is_still_a_date(text: str, lang: str) -> None:
    assert all(v not in (Decimal(15), Decimal(1402)) for _q, v, _u in figures(text, lang))
