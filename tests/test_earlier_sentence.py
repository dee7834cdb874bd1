"""The older figure of a change given by a sentence opening on the earlier time, and two
extraction slips that hid such pairs.

"Police arrested 4,250 thieves …, 18 percent more than in the same period last year. Last
year 3,600 thieves had been arrested": the second sentence gives the older figure.  In it,
"year 3,600" was read as a year (a number after "year"), and in Persian «فرمانده انتظامی استان
گفت: … ۴ هزار و ۲۵۰ سارق» counted provinces (the noun before the speaker's colon).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from infer_helpers import figures, verdicts

from factcheck.findings import Status

EN = ("Police arrested 4,250 thieves in the first nine months, 18 percent more than in the same period last "
      "year. Last year 3,600 thieves had been arrested in that period.\n")
FA = ("فرمانده انتظامی استان گفت: در ۹ ماه گذشته ۴ هزار و ۲۵۰ سارق دستگیر شدند که این رقم نسبت به مدت مشابه "
      "سال قبل ۱۸ درصد افزایش داشته است. سال قبل در همین مدت ۳ هزار و ۶۰۰ سارق دستگیر شده بودند.\n")


def _changes(text: str, lang: str) -> list[Status]:
    return verdicts(text, lang, "percent_change")


@pytest.mark.parametrize(("text", "lang", "old", "wrong"), [
    (EN, "en", "3,600", "3,000"),
    (FA, "fa", "۳ هزار و ۶۰۰", "۳ هزار"),
])
def test_a_sentence_opening_on_the_earlier_time_gives_the_older_figure(text: str, lang: str, old: str,
                                                                         wrong: str) -> None:
    assert _changes(text, lang) == [Status.consistent]
    assert _changes(text.replace(old, wrong), lang) == [Status.inconsistent]


def test_no_pair_when_the_sentence_before_names_no_earlier_time() -> None:
    text = EN.replace(", 18 percent more than in the same period last year", ", up 18 percent")
    assert _changes(text, "en") == []


def _units(text: str, lang: str) -> dict[str, tuple[Decimal | None, str]]:
    return {quote: (value, unit) for quote, value, unit in figures(text, lang)}


def test_the_noun_before_a_speakers_colon_is_not_counted() -> None:
    got = _units(FA, "fa")
    assert got["۴ هزار و ۲۵۰ سارق"][1] == got["۳ هزار و ۶۰۰ سارق"][1] != "province"


@pytest.mark.parametrize(("text", "quote"), [
    ("Last year 3,600 thieves had been arrested.", "3,600 thieves"),
    ("Last year 360 thieves were held.", "360 thieves"),
])
def test_a_count_after_last_year_is_no_year(text: str, quote: str) -> None:
    assert quote in _units(text, "en")


@pytest.mark.parametrize("text", ["In fiscal year 2024 sales rose.", "The year 1999 was hot."])
def test_a_year_after_year_is_still_a_year(text: str) -> None:
    assert _units(text, "en") == {}


@pytest.mark.parametrize(("text", "lang", "change", "wrong"), [
    ("بودجه شهرداری برای سال آینده ۸ هزار میلیارد تومان پیش‌بینی شده که نسبت به بودجه امسال یعنی ۹ هزار و ۶۰۰ "
     "میلیارد تومان، ۱۷ درصد کاهش دارد.\n", "fa", "۱۷ درصد", "۲۷ درصد"),
    ("The budget for next year is $12 billion, compared with this year's $9.6 billion, an increase of 25 "
     "percent.\n", "en", "25 percent", "35 percent"),
])
def test_a_figure_compared_with_is_the_older_not_a_part(text: str, lang: str, change: str, wrong: str) -> None:
    # «نسبت به … یعنی X» names what the figure is compared with; read as a part of it, 9,600 of
    # 8,000 was a false alarm
    assert verdicts(text, lang, "part_of") == []
    assert verdicts(text, lang, "percent_change") == [Status.consistent]
    assert verdicts(text.replace(change, wrong), lang, "percent_change") == [Status.inconsistent]
