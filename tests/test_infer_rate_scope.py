"""A rate's scope against a total: a rate of part of the period (the final days, the peak) is no
average of the total; a rate of people restates a total of patients, students … when the text says so."""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Status


def _rates(text: str, lang: str) -> list[Status]:
    """The status of every rate relation inferred between a total and a rate."""
    cs = claimset_from_article(text, "scope.txt", lang)
    return [f.status for f in evaluate(cs).findings if f.kind == "rate"]


# Each total is far below rate × period: related as an average it would be an error.
SUB_PERIODS = [
    ("The agency logged 20,000 calls last month, with 3,000 calls a day in the final days.", "en"),
    ("The agency logged 20,000 calls last month, with 3,000 calls a day at the peak.", "en"),
    ("The agency logged 20,000 calls last month; at its height it took 3,000 calls a day.", "en"),
    ("The agency logged 20,000 calls last month, and 3,000 calls a day on the busiest day.", "en"),
    ("The agency logged 20,000 calls last month, peaking at 3,000 calls a day.", "en"),
    ("The agency logged 20,000 calls last month, with 3,000 calls a day in recent days.", "en"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و در روزهای پایانی روزانه ۳ هزار تماس ثبت می‌شد.", "fa"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و در روزهای اخیر روزانه ۳ هزار تماس ثبت می‌شود.", "fa"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و در اوج روزانه ۳ هزار تماس ثبت می‌شد.", "fa"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و در شلوغ‌ترین روزها روزانه ۳ هزار تماس ثبت می‌شد.", "fa"),
    ("The agency logged 200,000 calls last year, with 3,000 calls a day in recent months.", "en"),
    ("در سال گذشته ۲۰۰ هزار تماس ثبت شد و در ماه‌های اخیر روزانه ۳ هزار تماس ثبت می‌شود.", "fa"),
    ("در سال گذشته ۲۰۰ هزار تماس ثبت شد و در اواخر سال روزانه ۳ هزار تماس ثبت می‌شد.", "fa"),
    ("The agency logged 20,000 calls last month, at one point 3,000 calls a day.", "en"),
    ("The agency logged 20,000 calls last month, with a record of 3,000 calls a day.", "en"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد که در پیک روزانه به ۳ هزار تماس رسید.", "fa"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و حداکثر روزانه ۳ هزار تماس ثبت شد.", "fa"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد و شمار تماس‌ها تا روزانه ۳ هزار تماس هم رسید.", "fa"),
]


@pytest.mark.parametrize(("text", "lang"), SUB_PERIODS)
def test_a_rate_of_part_of_the_period_is_set_against_no_total(text: str, lang: str) -> None:
    assert _rates(text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("The agency logged 20,000 calls last month, or 3,000 calls a day.", "en"),
    ("در ماه گذشته ۲۰ هزار تماس ثبت شد، یعنی روزانه ۳ هزار تماس.", "fa"),
])
def test_the_same_rate_without_a_sub_period_is_still_checked(text: str, lang: str) -> None:
    assert _rates(text, lang) == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang", "status"), [
    ("The hospital admitted 126,000 patients in the past six months, an average of 700 people a day.", "en",
     Status.consistent),
    ("The hospital admitted 126,000 patients in the past six months, that is 900 people a day.", "en",
     Status.inconsistent),
    ("در ۶ ماه گذشته ۱۲۶ هزار بیمار پذیرش شدند؛ یعنی به طور میانگین روزانه ۷۰۰ نفر.", "fa", Status.consistent),
    ("در ۶ ماه گذشته ۱۲۶ هزار بیمار پذیرش شدند؛ یعنی به طور میانگین روزانه ۹۰۰ نفر.", "fa", Status.inconsistent),
    ("در ماه گذشته ۳۶ هزار دانش‌آموز ثبت‌نام کردند، به طور میانگین روزانه ۲ هزار نفر.", "fa", Status.inconsistent),
    # kinds of person extraction counts as people, named differently from the rate's people
    ("The shrine received 126,000 pilgrims in the past six months, an average of 900 people a day.", "en",
     Status.inconsistent),
    ("The airport handled 126,000 passengers in the past six months, or 700 people a day.", "en",
     Status.consistent),
    ("در ۶ ماه گذشته ۱۲۶ هزار زائر وارد شهر شدند؛ یعنی به طور میانگین روزانه ۹۰۰ نفر.", "fa", Status.inconsistent),
    ("در ۶ ماه گذشته ۱۲۶ هزار مراجعه‌کننده داشتیم که به طور میانگین روزانه ۷۰۰ نفر می‌شود.", "fa",
     Status.consistent),
])
def test_people_a_day_restate_a_total_of_a_kind_of_person(text: str, lang: str, status: Status) -> None:
    assert _rates(text, lang) == [status]


@pytest.mark.parametrize(("text", "lang"), [
    ("The hospital admitted 126,000 patients in the past six months, and 900 people a day were discharged.", "en"),
    ("در ۶ ماه گذشته ۱۲۶ هزار بیمار پذیرش شدند و روزانه ۹۰۰ نفر مرخص می‌شوند.", "fa"),
    ("در ۶ ماه گذشته ۱۲۶ هزار بیمار پذیرش شدند؛ یعنی ۲ هزار تخت و روزانه ۹۰۰ نفر.", "fa"),
    ("The shrine received 126,000 pilgrims in the past six months, and 900 people a day were turned away.", "en"),
    ("در ۶ ماه گذشته ۱۲۶ هزار زائر وارد شهر شدند و روزانه ۹۰۰ نفر بازگشتند.", "fa"),
    ("The shrine received 126,000 pilgrims in the past six months, while 900 people a day are now waiting.", "en"),
])
def test_people_a_day_with_nothing_tying_them_to_the_total_relate_nothing(text: str, lang: str) -> None:
    assert _rates(text, lang) == []
