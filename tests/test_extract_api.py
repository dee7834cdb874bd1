"""Extraction through the Python API: values, units, hedges, spans, and what is not a claim."""

from __future__ import annotations

from decimal import Decimal

import pytest

import factcheck
from factcheck.extract import extract, mentions


def one(text: str, lang: str | None = None):
    claims = extract(text, lang)
    assert len(claims) == 1, [(c.value, c.source.quote) for c in claims]
    return claims[0]


@pytest.mark.parametrize(("text", "value"), [
    ("۴۱هزارو ۵۴۹ تماس", "41549"),
    ("7هزار و 98 نفر", "7098"),
    ("۶ میلیون ۸ هزار خانوار", "6008000"),
    ("یک میلیون و ۵۳ هزار نفر", "1053000"),
    ("سه هزار و ۸۴۵ ویزیت", "3845"),
    ("ششصد و هشتاد هزار خودرو", "680000"),
    ("هزار و ۱۴۹ عمل جراحی", "1149"),
    ("۲۲ میلیون و ۷ هزار و ۵۱۴ دُز", "22007514"),
    ("۱۵۶۵۳۷۰ رأی", "1565370"),
    ("٤٢٫٥ درصد", "42.5"),
    ("۴۲/۲۳ درصد", "42.23"),
    ("۱٬۲۳۴ نفر", "1234"),
])
def test_persian_values(text: str, value: str) -> None:
    c = one(text, "fa")
    assert c.value == Decimal(value)
    s, e = c.source.span
    assert text[s:e] == c.source.quote


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("three thousand people", "3000", "person"),
    ("1.2 million people", "1200000", "person"),
    ("630k vehicles", "630000", "vehicle"),
    ("$4bn", "4000000000", "dollar"),
    ("a dozen cars", "12", "car"),
    ("1,42,524 votes", "142524", "vote"),
    ("twenty-one thousand, three hundred and five calls", "21305", "call"),
])
def test_english_values(text: str, value: str, unit: str) -> None:
    c = one(text, "en")
    assert (c.value, c.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(("text", "hedge"), [
    ("حدود ۲۰ درصد", "about"), ("نزدیک به ۶۸۰ هزار وسیله نقلیه", "nearly"), ("بیش از ۴ هزار نفر", "more_than"),
    ("کمتر از ۵۰ نفر", "less_than"), ("حداقل ۳ نفر", "at_least"), ("حداکثر ۳ نفر", "at_most"),
    ("قریب به ۱۰ هزار نفر", "nearly"), ("افزون بر ۱۰۰ نفر", "more_than"),
])
def test_persian_hedges(text: str, hedge: str) -> None:
    c = one(text, "fa")
    assert c.hedge.value == hedge
    assert c.source.quote == text


@pytest.mark.parametrize(("text", "hedge"), [
    ("about 20 percent", "about"), ("nearly 680,000 vehicles", "nearly"), ("more than 2,000 people", "more_than"),
    ("fewer than 50 people", "less_than"), ("at least 3 people", "at_least"), ("up to 3 people", "at_most"),
    ("almost 10,000", "nearly"), ("roughly 1 death", "about"), ("over 184%", "more_than"),
])
def test_english_hedges(text: str, hedge: str) -> None:
    assert one(text, "en").hedge.value == hedge


def test_rates_periods_and_each() -> None:
    text = ("در هر یک از واحدها روزانه بیش از ۲ هزار نفر خدمات می‌گیرند و در ۶ ماه گذشته ۴۰۰ هزار نفر "
            "خدمات گرفته‌اند. روزانه بیش از ۳ هزار تماس گرفته می‌شود، یعنی هر ساعت ۱۲۶ مورد.")
    cs = extract(text)
    by_value = {c.value: c for c in cs}
    assert by_value[Decimal(2000)].unit == "person / day"
    assert "each" in by_value[Decimal(2000)].subject.tags
    assert by_value[Decimal(400000)].period.duration == "6 month"
    assert by_value[Decimal(126)].unit == "call / hour"
    assert by_value[Decimal(3000)].unit == "call / day"


def test_fractions_multipliers_ranges() -> None:
    assert (one("یک سوم تماس‌ها", "fa").value, one("یک سوم تماس‌ها", "fa").unit) == (1, "third")
    assert one("سه چهارم", "fa").unit == "fourth"
    c = one("a third of sales", "en")
    assert (c.value, c.unit) == (1, "third")
    c = one("more than doubled", "en")
    assert (c.value, c.unit, c.hedge.value) == (2, "times", "more_than")
    c = one("between 5 and 7 million people", "en")
    assert (c.value, c.value_max, c.hedge.value) == (5000000, 7000000, "range")
    c = one("۵ تا ۷ هزار نفر", "fa")
    assert (c.value, c.value_max) == (5000, 7000)
    cs = extract("offences rose from 28 to 41", "en")
    assert [c.value for c in cs] == [28, 41]


@pytest.mark.parametrize(("text", "lang", "values"), [
    # "to" after a scaled figure, then a smaller number: where it went, not a range
    ("The fund paid $2 million to 4,000 families.", "en", [2000000, 4000]),
    ("۲ میلیون دلار تا ۵۰۰ خانوار رسید", "fa", [2000000, 500]),
])
def test_a_smaller_number_after_to_is_not_the_top_of_a_range(text: str, lang: str, values: list[int]) -> None:
    cs = extract(text, lang)
    assert [c.value for c in cs] == values
    assert all(c.value_max is None for c in cs)


@pytest.mark.parametrize(("text", "kind"), [
    ("با شماره ۱۱۰ تماس بگیرید", "phone"),
    ("Call 911 now", "phone"),
    ("Call 311 (free) for help", "phone"),  # a bracket after a phone line, but no share in it
    ("در سال ۱۴۰۲ چیزی", "year"),
    ("in 2012/13", "year"),
    ("تاریخ 1402/03/20 بود", "date"),
    ("در ۲۹ اسفند ۱۴۰۱ بود", "date"),
    ("on April 1, 2000 it", "date"),
    ("در یکصد و شصت و یکمین نشست", "ordinal"),
    ("ranked second", "ordinal"),
    ("the 21st session", "ordinal"),
    ("جایگاه ۲۸ کشور را دارد", "label"),
    ("the COVID-19 pandemic", "code"),
])
def test_not_claims(text: str, kind: str) -> None:
    assert extract(text) == []
    assert kind in [m.kind for m in mentions(text)]


def test_top_level_api_delegates() -> None:
    cs = factcheck.extract("۴۰۰ هزار نفر")
    assert [c.id for c in cs] == ["c1"] and cs[0].lang == "fa"


def test_ids_in_text_order_and_mixed_languages() -> None:
    text = "۴۰۰ هزار نفر\nAbout 1.2 million people, up 5%.\n"
    cs = extract(text)
    assert [c.id for c in cs] == ["c1", "c2", "c3"]
    assert [c.lang for c in cs] == ["fa", "en", "en"]
    assert [c.source.span[0] for c in cs] == sorted(c.source.span[0] for c in cs)


def test_a_year_after_a_figure_is_its_period() -> None:
    cs = extract("offences numbered 89 in 2011/12 and 137 in 2012/13; 19,327 in 2021", "en")
    assert [(c.value, c.period.text, c.period.duration) for c in cs] == [
        (89, "2011/12", "1 year"), (137, "2012/13", "1 year"), (19327, "2021", "1 year")]
    [c] = extract("۵۰ هزار نفر در سال ۱۴۰۲ ثبت شد", "fa")
    assert (c.unit, c.period.text) == ("person", "۱۴۰۲")  # "in the year 1402", not "per year"
    [c] = extract("۵۰ هزار نفر در سال ثبت می‌شود", "fa")
    assert c.unit == "person / year"
    [c] = extract("بیش از ۴۱ هزار تماس در روز گذشته", "fa")
    assert c.unit == "call"  # "in the past day"


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("حدود یک‌سوم مردم", "fa", [("1", "third", "about")]),
    ("نیمی از کارمندان", "fa", [("1", "half", "exact")]),
    ("seized 1.5kg of cocaine", "en", [("1.5", "kilogram", "exact")]),
    ("۱۲۰ هکتار جنگل", "fa", [("120", "item", "exact")]),  # 120 is also a phone number
    ("۲۵ کیلومتر از جاده و ۱۲۰ هکتار جنگل", "fa", [("25", "kilometer", "exact"), ("120", "item", "exact")]),
    ("The company employs 3,400 staff", "en", [("3400", "person", "exact")]),
    # 110 is the police line, but not before «درصد»: a share (found by a generated article)
    ("با ۱۱۰ درصد افزایش", "fa", [("110", "percent", "exact")]),
    # «درصدی» is the adjective: «افزایش ۲۰ درصدی» is a twenty-percent rise
    ("افزایش ۲۰ درصدی تصادفات", "fa", [("20", "percent", "exact")]),
    # 311 is a city's phone line, but not with its share in brackets (found by a generated article)
    ("The city had 5,227 candidates; 311 (10.9 percent) passed.", "en",
     [("5227", "person", "exact"), ("311", "dimensionless", "exact"), ("10.9", "percent", "exact")]),
    ("از ۲۲۰۰ تصادف، ۱۱۰ (۵ درصد) فوتی بود.", "fa",
     [("2200", "accident", "exact"), ("110", "accident", "exact"), ("5", "percent", "exact")]),
    # a phone line's number before the language's partitive word counts a part of a whole
    ("911 of the 12,000 accidents were fatal.", "en",
     [("911", "accident", "exact"), ("12000", "accident", "exact")]),
    ("۱۱۰ از ۲۰۰۰ نفر قبول شدند.", "fa", [("110", "person", "exact"), ("2000", "person", "exact")]),
    ("Call 911 for help.", "en", []),
    # "quarter" is a share after an article, not a period or a place
    ("600 of them (a quarter) were fatal.", "en", [("600", "dimensionless", "exact"), ("1", "fourth", "exact")]),
    ("Sales fell by about a quarter.", "en", [("1", "fourth", "about")]),
    ("three quarters of the 400 seats", "en", [("3", "fourth", "exact"), ("400", "seat", "exact")]),
    ("Prices rose in the last quarter and in a quarter of an hour.", "en", []),
    # a hedge before "a <fraction>" hedges it; a period's word may stand before the hedge
    ("More than a quarter of the 400 seats", "en", [("1", "fourth", "more_than"), ("400", "seat", "exact")]),
    ("less than a third of voters came", "en", [("1", "third", "less_than")]),
    ("It was over in less than a quarter.", "en", []),
    ("Sales per quarter reached 400 units in the French Quarter.", "en", [("400", "item", "exact")]),
    # counted as in Persian («پنج رکن»), not as a bare 5
    ("The plan rests on five pillars", "en", [("5", "pillar", "exact")]),
])
def test_regressions_from_review(text: str, lang: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(str(c.value), c.unit, c.hedge.value) for c in extract(text, lang)] == expected


@pytest.mark.parametrize(("text", "value", "unit"), [
    # a classifier with the thing counted after it
    ("وی گفت: بیش از ۴ هزارنفر مجروح شده‌اند. روزانه ۱۵ مورد نزاع و درگیری داریم", 15, "incident / day"),
    # a bare classifier next to people still counts cases, not persons
    ("بیش از ۴ هزار نفر مجروح شدند و روزانه ۱۵ مورد داریم", 15, "case / day"),
    ("۲۰ نفر آمدند و ۱۲ فقره ثبت شد", 12, "case"),
])
def test_classifier_counts_cases_not_people(text: str, value: int, unit: str) -> None:
    last = extract(text, "fa")[-1]
    assert (last.value, last.unit) == (value, unit)


def test_classifier_still_takes_the_unit_of_events() -> None:
    # «۱۲۶ مورد» after calls are calls: only people are kept apart
    got = extract("روزانه بیش از ۳ هزار تماس و هر ساعت ۱۲۶ مورد", "fa")
    assert [c.unit for c in got] == ["call / day", "call / hour"]


@pytest.mark.parametrize(("text", "lang", "value", "unit"), [
    ("800 patients a day at its main site and 1,500 patients a day at each of its two branches.", "en", 2, "item"),
    ("Each of the 5 schools received 10 computers.", "en", 5, "school"),
    ("در هر یک از ۵ مدرسه ۱۰ رایانه داده شد", "fa", 5, "school"),
])
def test_figure_after_each_of_counts_the_set(text: str, lang: str, value: int, unit: str) -> None:
    # the figure right after "each of (its)" is how many things "each" ranges over: not a
    # per-item amount, not a rate, and not what an earlier figure counts
    (m,) = [m for m in mentions(text, lang) if m.kind == "quantity" and m.value == value]
    assert (m.unit, m.each, m.per) == (unit, False, None)


def test_per_item_figure_after_each_still_is_each() -> None:
    # "each" a few words before the figure still makes it a per-item amount
    got = [m for m in mentions("The clinic has 2 branches and each of them sees 10 cases", "en")
           if m.kind == "quantity"]
    assert [(str(m.value), m.each) for m in got] == [("2", False), ("10", True)]


@pytest.mark.parametrize(("text", "value", "scale"), [
    ("بودجه ۴۲ هزار میلیارد تومان است.", 42 * 10**12, 10**12),
    ("بودجه چهل و دو هزار میلیارد تومان است.", 42 * 10**12, 10**12),
    ("بدهی ۲ میلیون و ۵۰۰ هزار میلیارد ریال است.", 25 * 10**14, 10**12),
    ("بودجه ۴۲ هزار میلیارد و ۵۰۰ میلیارد تومان است.", 425 * 10**11, 10**9),
    ("It cost a thousand million dollars.", 10**9, 10**9),
    ("The plan costs 42 thousand billion rials.", 42 * 10**12, 10**12),
])
def test_a_scale_word_right_after_another_multiplies_it(text: str, value: int, scale: int) -> None:
    # «هزار میلیارد تومان» (a thousand billion) is how Persian budgets are written.
    (c,) = factcheck.extract(text)
    assert c.value == value and c.scale == scale
    assert c.source is not None and c.source.quote is not None and c.source.quote.split()[-1] in text


@pytest.mark.parametrize(("text", "value"), [
    ("بودجه ۱۲ هزار و ۶۰۰ میلیارد تومان است.", 12_600 * 10**9),
    ("بودجه هزار و ۶۰۰ میلیارد تومان است.", 1_600 * 10**9),
    ("بودجه دوازده هزار و ششصد میلیارد تومان است.", 12_600 * 10**9),
    ("درآمد ۲ هزار و ۵۰۰ میلیون ریال بود.", 2_500 * 10**6),
])
def test_a_thousands_compound_counts_the_larger_scale_after_it(text: str, value: int) -> None:
    # «۱۲ هزار و ۶۰۰ میلیارد تومان» is 12,600 billion: the whole compound counts billions.
    (c,) = factcheck.extract(text)
    assert c.value == value and c.scale is not None and c.scale >= 10**6


def test_descending_scale_words_still_add() -> None:
    assert [c.value for c in factcheck.extract("یک میلیون و ۵۳ هزار نفر و ۶ میلیون ۸ هزار خودرو")] == [
        1_053_000, 6_008_000]
    # A scale word after a comma belongs to another phrase.
    assert next(c.value for c in factcheck.extract("بیش از ۳ هزار، میلیون‌ها نفر")) == 3000
