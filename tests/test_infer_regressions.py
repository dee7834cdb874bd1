"""Regressions found by checking generated articles end to end (factcheck.strategies.articles)."""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Status


def _bad(text: str, lang: str) -> list[str]:
    cs = claimset_from_article(text, "generated.txt", lang)
    return [f.message for f in evaluate(cs).findings if f.status is Status.inconsistent]


def test_the_rest_with_no_figure_leaves_the_sum_open():
    text = "۲۰۰۰ تصادف ثبت شد که از این تعداد ۵۰۰ تصادف در پایتخت و ۵۰۰ تصادف در استان‌ها و بقیه در سایر مناطق بود.\n"
    assert _bad(text, "fa") == []


def test_a_lead_figure_finer_than_the_body_is_not_its_repeat():
    text = ("از بیش از دویست تصادف، نزدیک به ۱۸۰ تصادف در پایتخت بودند.\n\n"
            "بیش از ۲۰۰ تصادف ثبت شد که از این تعداد ۱۰۰ تصادف در پایتخت و ۱۰۰ تصادف در استان‌ها بود.\n")
    assert _bad(text, "fa") == []


def test_small_rates_far_apart_are_not_repeats():
    text = ("روزانه ۳ تصادف، یعنی ساعتی ۰٫۱ تصادف.\n\nروزانه حدود ۰٫۱ تصادف، یعنی ساعتی ۰٫۰۰۴ تصادف.\n\n"
            "از ۲ تصادف، ۱ تصادف در پایتخت بودند.\n")
    assert _bad(text, "fa") == []


def test_a_rate_restating_a_total_after_a_semicolon():
    assert _bad("در ۱ روز گذشته ۱ تصادف خدمت گرفتند؛ ساعتی ۱ تصادف.\n", "fa")


def test_the_same_time_unit_restated_with_that_is():
    assert _bad("روزانه ۱ تصادف، یعنی روزانه ۰٫۰۴ تصادف.\n", "fa")
    assert _bad("روزانه ۱ تصادف، یعنی روزانه ۱ تصادف.\n", "fa") == []


def test_a_different_years_figure_is_not_a_restatement():
    text = "More than 41 thousand calls in 2024\n\nIn 2023 the line took 39,549 calls.\n"
    assert _bad(text, "en") == []
    # the same body with no year of its own is read as the headline's restatement, and contradicts it
    assert _bad(text.replace("In 2023 the", "The"), "en")
    fa = "ثبت بیش از ۲۴ هزار مأموریت در سال ۱۴۰۲\n\nدر سال ۱۴۰۱ اورژانس ۲۲ هزار و ۹۱۷ مأموریت ثبت کرد.\n"
    assert _bad(fa, "fa") == []
    assert _bad(fa.replace("در سال ۱۴۰۱ ", ""), "fa")


def test_a_lead_figure_of_one_place_is_restated_only_by_that_place():
    en = "More than 41 thousand calls in the capital\n\nThe line in the capital received 39,549 calls.\n"
    assert _bad(en, "en")
    assert _bad(en.replace("in the capital received", "in the provinces received"), "en") == []
    fa = "ثبت بیش از ۲۴ هزار مأموریت در پایتخت\n\nاورژانس در پایتخت ۲۲ هزار و ۹۱۷ مأموریت ثبت کرد.\n"
    assert _bad(fa, "fa")
    assert _bad(fa.replace("در پایتخت ۲۲", "در استان‌ها ۲۲"), "fa") == []
