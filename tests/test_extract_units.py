"""Which noun a figure counts: the noun after it, the noun after "of the", past an aside.

Reporters write counts as "N <plural noun>", "N of the <noun>", "N of the M <noun>" and
"N (P percent) of the <noun>"; a figure followed by words that are not what it counts
("25,000 a day", "in 2019 girls' enrolment", money, percentages) keeps its reading.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import mentions
from factcheck.extract.base import Mention
from factcheck.extract.en import _NOUNS_1


def _at(text: str, written: str, lang: str = "en") -> Mention:
    """The mention whose figure is ``written`` (the first one)."""
    for m in mentions(text, lang):
        if text[m.fig_start:m.fig_end] == written:
            return m
    raise AssertionError(f"no figure {written!r} in {[text[m.fig_start:m.fig_end] for m in mentions(text, lang)]}")


@pytest.mark.parametrize(("text", "written", "unit", "noun"), [
    ("Some 25,000 girls sat the exams this year.", "25,000", "person", "girls"),
    ("About 300 nurses walked out on Monday.", "300", "person", "nurses"),
    ("Police questioned 14 suspects and 3 teenagers.", "14", "person", "suspects"),
    ("Police questioned 14 suspects and 3 teenagers.", "3", "person", "teenagers"),
    ("The strike left 1.2 million pensioners without payments.", "1.2 million", "person", "pensioners"),
])
def test_a_plural_noun_after_the_figure_is_what_it_counts(text: str, written: str, unit: str, noun: str) -> None:
    m = _at(text, written)
    assert (m.unit, m.noun) == (unit, noun)
    assert text[m.start:m.end].endswith(noun)  # the quote carries the noun


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("Girls did better: 22,000 of the 25,000 girls passed.", "22,000", "person"),
    ("It was 19,280 of 23,000 boys, or 83.8 percent.", "19,280", "person"),
    ("A total of 2,400 students sat the exams. 1,200 of the girls, or 40 percent, passed.", "1,200", "person"),
    ("The winning party took 61 of the council's 100 seats, nearly two thirds.", "61", "seat"),
    ("Across 300 schools, 18,000 of the candidates passed.", "18,000", "person"),
])
def test_a_partitive_names_what_the_figure_counts(text: str, written: str, unit: str) -> None:
    m = _at(text, written)
    assert m.unit == unit
    assert "partitive" in m.tags
    assert text[m.start:m.end] == written  # "of the ..." stays out of the quote


@pytest.mark.parametrize("text", [
    "Across 300 schools, 18,000 (37.5 percent) of the candidates passed.",
    "Across 300 schools, 18,000 (37.5%) of the candidates passed.",
    "Across 300 schools, 18,000 [37.5%] of the candidates passed.",
    "Across 300 schools, 18,000 — 37.5 percent — of the candidates passed.",
    "Across 300 schools, 18,000 – 37.5% – of the candidates passed.",
    "Across 300 schools, 18,000, or 37.5 percent, of the candidates passed.",
    "Across 300 schools, 18,000, about 37.5 percent, of the candidates passed.",
])
def test_an_aside_between_the_figure_and_its_partitive(text: str) -> None:
    # "schools" earlier in the sentence is not what 18,000 counts: the candidates are
    m = _at(text, "18,000")
    assert (m.unit, m.noun_key) == ("person", "candidate")
    assert "unit_from_context" not in m.tags and "unit_inherited" not in m.tags
    share = _at(text, "37.5")
    assert share.unit == "percent"
    assert text[m.start:m.end] == "18,000"  # the aside is the share's quote, not the count's


def test_an_unknown_plural_after_a_partitive_is_a_guess() -> None:
    text = "The bank shut 14 of its 20 branches last year."
    m = _at(text, "14")
    assert (m.unit, m.noun_key) == ("item", "branch")
    assert {"partitive", "unit_guess"} <= set(m.tags)
    # both figures count the same unknown thing, so they can be compared
    assert _at(text, "20").unit == "item"


@pytest.mark.parametrize(("text", "written", "kind", "unit"), [
    # a rate with no noun stays a bare rate
    ("The clinic sees 25,000 a day.", "25,000", "quantity", "1 / day"),
    # a year before a noun after "in": the year, not a count of girls or women
    ("In 2019 girls' enrolment rose by a third.", "2019", "year", "dimensionless"),
    ("In 2019 women voted in greater numbers.", "2019", "year", "dimensionless"),
    ("By 2030 teachers will retire in greater numbers.", "2030", "year", "dimensionless"),
    # a possessive qualifies the next noun: "2,019 girls' results" does not count girls
    ("The 2,019 girls' results improved.", "2,019", "quantity", "dimensionless"),
    # money and shares keep their units before a partitive and before an aside
    ("It spent $25,000 (about 3 percent) of the budget on girls.", "$25,000", "quantity", "dollar"),
    ("Nearly 40 percent (12,000) of the candidates were girls.", "40", "quantity", "percent"),
    ("About 40 percent of the 25,000 girls passed.", "40", "quantity", "percent"),
    # an aside with no figure in it is not skipped, and a partitive must follow the aside
    ("There were 3 (perhaps more) of the boats.", "3", "quantity", "dimensionless"),
    ("Across 300 schools, 18,000 (37.5 percent) passed.", "18,000", "quantity", "school"),
    # a range is read before any aside: "5-7 of the 10 schools"
    ("Between 5-7 of the 10 schools closed.", "5-7", "quantity", "school"),
    # a pronoun that looks plural stands for a noun said before
    ("Two died and 3 others were hurt.", "3", "quantity", "dimensionless"),
    # time words after a partitive are not counted things
    ("Prices fell in 3 of the months.", "3", "quantity", "dimensionless"),
])
def test_what_must_not_change(text: str, written: str, kind: str, unit: str) -> None:
    m = _at(text, written)
    assert (m.kind, m.unit) == (kind, unit)


@pytest.mark.parametrize(("text", "written", "unit"), [
    ("۵ هزار مورد از این حوادث در جاده رخ داد.", "۵ هزار", "incident"),
    ("۵ هزار مورد از این حادثه‌ها در جاده رخ داد.", "۵ هزار", "incident"),
    # a partitive beats the figure before it: these are incidents, not calls
    ("از ۱۲ هزار تماس، ۵ هزار مورد از این حوادث ترافیکی بود.", "۵ هزار", "incident"),
    ("۱۲ هزار نفر در حوادث کشته شدند و ۵ هزار مورد از این حوادث در جاده رخ داد.", "۵ هزار", "incident"),
    ("۳۰۰ مورد از جرائم ثبت‌شده سرقت بود.", "۳۰۰", "offence"),
    ("۲۰ نفر از مصدومین به بیمارستان منتقل شدند.", "۲۰", "person"),
    # a classifier with no partitive still counts what the figure before it counts
    ("روزانه بیش از ۳ هزار تماس گرفته شد که هر ساعت ۱۲۶ مورد بود.", "۱۲۶", "call / hour"),
    # ... unless that was people: «مورد» counts cases
    ("بیش از ۴ هزار نفر مراجعه کردند و روزانه ۱۵ مورد گزارش شد.", "۱۵", "case / day"),
])
def test_persian_classifier_with_a_partitive(text: str, written: str, unit: str) -> None:
    assert _at(text, written, "fa").unit == unit


_PLURALS = sorted({w + "s" for w, u in _NOUNS_1.items()
                   if not w.endswith(("s", "y", "x", "ch", "sh")) and w + "s" not in _NOUNS_1 and u != "percent"})
_ASIDES = ["({p} percent)", "({p}%)", "— {p} percent —", ", or {p} percent,", ", about {p}%,"]


@settings(max_examples=150, deadline=None)
@given(noun=st.sampled_from(_PLURALS), aside=st.sampled_from(_ASIDES),
       n=st.integers(min_value=2, max_value=90_000), p=st.integers(min_value=1, max_value=99))
def test_an_aside_does_not_change_what_a_partitive_says(noun: str, aside: str, n: int, p: int) -> None:
    figure = f"{n:,}"
    plain = f"Across the region, {figure} of the {noun} were counted."
    with_aside = f"Across the region, {figure} {aside.format(p=p)} of the {noun} were counted."
    a, b = _at(plain, figure), _at(with_aside, figure)
    assert (b.kind, b.unit, b.noun_key) == (a.kind, a.unit, a.noun_key)
    assert with_aside[b.start:b.end] == plain[a.start:a.end]


@pytest.mark.parametrize(("text", "written", "unit", "lang"), [
    ("In 3 of the 12 months sales fell.", "3", "month", "en"),
    ("Sales fell in 3 of the 12 months.", "3", "month", "en"),
    ("In three of the past twelve months sales fell.", "three", "month", "en"),
    ("It rained on 3 of the 12 days.", "3", "day", "en"),
    ("Sales rose in 4 of the 10 years to 2020.", "4", "year", "en"),
    ("در ۳ ماه از ۱۲ ماه فروش کاهش یافت.", "۳", "month", "fa"),
    ("فروش در ۳ ماه از ۱۲ ماه گذشته کاهش یافت.", "۳", "month", "fa"),
])
def test_a_count_out_of_a_numbered_span_of_time_counts_that_time(text: str, written: str, unit: str,
                                                                  lang: str) -> None:
    # the noun after "of the 12" names what 3 counts, not "sales" after it or before it
    m = _at(text, written, lang)
    assert (m.kind, m.unit) == ("duration", unit)
    assert "period" not in m.tags and m.period_of is None  # a count of months, not the period of the sentence
    assert text[m.start:m.end] == written or lang == "fa"


@pytest.mark.parametrize(("text", "written", "kind", "unit"), [
    # no number: no stated total of months to count out of (as before)
    ("Prices fell in 3 of the months.", "3", "quantity", "dimensionless"),
    # a possessive: the months qualify the reports
    ("Prices fell in 3 of the 12 months' reports.", "3", "quantity", "dimensionless"),
    # a year after "of the" is not a total of spans of time
    ("Sales rose in 4 of the 2019 shops.", "4", "quantity", "item"),
    ("In 3 of the 12 districts, 40 percent of homes flooded.", "3", "quantity", "district"),
])
def test_a_partitive_that_is_not_a_span_of_time_keeps_its_reading(text: str, written: str, kind: str,
                                                                   unit: str) -> None:
    m = _at(text, written)
    assert (m.kind, m.unit) == (kind, unit)


@pytest.mark.parametrize("noun", ["دختر", "پسر"])
def test_persian_girls_and_boys_are_people(noun: str) -> None:
    # as "girls" and "boys" are in English: a count of them can be a share of a count of people
    assert _at(f"۲۵ هزار {noun} در امتحانات شرکت کردند.", "۲۵ هزار", "fa").unit == "person"
