"""Inference patterns on hand-placed claims: what each pattern relates, and how confidently.

These tests build claims directly (no extraction), so they pin down inference alone; the
end-to-end articles are in test_infer_articles.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from infer_helpers import check, claims

from factcheck.evaluate import CONFIDENT, evaluate
from factcheck.files import ClaimSet
from factcheck.findings import Severity, Status
from factcheck.infer import guess_lang, infer, load_all


def test_registry_finds_every_pattern_module():
    assert set(load_all()) == {"change", "compare", "count", "multiple", "parts", "percent_of", "rate", "repeat",
                               "shares"}


def test_guess_lang():
    assert guess_lang("۴۰۰ هزار نفر در ۶ ماه") == "fa"
    assert guess_lang("400 thousand people in 6 months") == "en"


# -- rate ---------------------------------------------------------------------------------
SEED = ("روزانه در استان قم ۸۲۲ نفر از کلانتریها خدمات میگیرند افزود: در کنار آنها در هر یک از واحدهای "
        "راهور و اماکن و… روزانه بیش از ۲ هزار نفر خدمات میگیرند و مجموعاً در ۶ ماهه گذشته ۴۰۰ هزار نفر "
        "خدمات گرفتهاند.")


def test_rate_sums_per_unit_rates_over_a_persian_half_year():
    cs = claims(SEED, ("۸۲۲ نفر", 822, "person / day"),
                ("روزانه بیش از ۲ هزار نفر", 2000, "person / day", "more_than", {"scale": 1000}),
                ("۴۰۰ هزار نفر", 400000, "person", "exact", {"scale": 1000}))
    got, ev = check(SEED, cs, "fa", ["rate"])
    (rule,) = got.rules
    assert rule.kind == "rate" and rule.total == "c3" and rule.duration == "6 month"
    assert [(t.claim, t.times) for t in rule.rate] == [("c1", 1), ("c2", 2)]
    assert rule.confidence >= CONFIDENT
    assert "«مجموعا»" in rule.evidence and "«در هر یک از»" in rule.evidence
    (f,) = ev.findings
    assert f.status is Status.inconsistent and f.code == "FC111" and f.severity is Severity.error
    assert "179–186 days" in f.arithmetic  # Persian calendar: the first six months have 31 days


def test_rate_restated_per_hour_holds():
    t = "The line takes more than 3,000 calls a day, that is 126 an hour."
    cs = claims(t, ("more than 3,000 calls a day", 3000, "call / day", "more_than"),
                ("126 an hour", 126, "call / hour"))
    got, ev = check(t, cs, "en", ["rate"])
    assert [(r.total, [x.claim for x in r.rate]) for r in got.rules] == [("c1", ["c2"])]
    assert ev.findings[0].status is Status.consistent


def test_rate_in_another_clause_without_a_total_word_is_not_related():
    t = "More than 4,000 people were injured in the last 6 months; there are 15 fights a day."
    cs = claims(t, ("More than 4,000 people", 4000, "person", "more_than"), ("15 fights a day", 15, "person / day"))
    got, _ = check(t, cs, "en", ["rate"])
    assert got.rules == []


# -- parts --------------------------------------------------------------------------------
def test_of_which_gives_a_sum_with_a_remainder():
    t = "The line received 41,549 calls, of which 26,908 were questions and 17,000 led to a dispatch."
    cs = claims(t, ("41,549 calls", 41549, "call"), ("26,908", 26908, "call"), ("17,000", 17000, "call"))
    got, ev = check(t, cs, "en", ["parts"])
    (r,) = got.rules
    assert (r.kind, r.whole, [p.claim for p in r.parts], r.remainder) == ("sum", "c1", ["c2", "c3"], True)
    assert "«of which» at 1:33" in r.evidence
    assert ev.findings[0].code == "FC101"


def test_persian_that_clause_with_women_and_men_is_exhaustive():
    t = "۲۲ هزار و ۸۵۴ نفر مراجعه کرده‌اند که ۶ هزار و ۹۴۹ نفر زن و ۱۵ هزار و ۹۰۵ نفر مرد بوده‌اند."
    cs = claims(t, ("۲۲ هزار و ۸۵۴ نفر", 22854, "person"), ("۶ هزار و ۹۴۹ نفر", 6949, "person"),
                ("۱۵ هزار و ۹۰۵ نفر", 15905, "person"))
    got, ev = check(t, cs, "fa", ["parts"])
    (r,) = got.rules
    assert r.kind == "sum" and not r.remainder
    assert ev.findings[0].status is Status.consistent


def test_total_after_parts_and_across_sentences_with_people_counted_as_doses():
    t = ("تا کنون ۱۶ میلیون و ۷۱۷ هزار نفر دُز اول را دریافت کرده‌اند.\n"
         "همچنین ۵ میلیون و ۸۳۰ هزار نفر دُز دوم را تزریق کرده‌اند.\n"
         "به این ترتیب مجموع واکسن‌های تزریق‌شده به ۲۰ میلیون و ۵۰۰ هزار دُز رسیده است.")
    cs = claims(t, ("۱۶ میلیون و ۷۱۷ هزار نفر", 16717000, "person"), ("۵ میلیون و ۸۳۰ هزار نفر", 5830000, "person"),
                ("۲۰ میلیون و ۵۰۰ هزار دُز", 20500000, "dose"))
    got, ev = check(t, cs, "fa", ["parts"])
    (r,) = got.rules
    assert r.kind == "sum" and r.whole == "c3" and not r.remainder
    assert {c.id: c.unit for c in got.claims} == {"c1": "dose", "c2": "dose", "c3": "dose"}
    assert ev.findings[0].code == "FC101"


def test_a_larger_total_with_other_provinces_is_not_a_part():
    t = ("۶۳۰ هزار خودرو شماره گذاری شده است؛ از این بین ۳۱۰ هزار موتورسیکلت است و با خودروهای استانهای "
         "دیگر ۷۰۰ هزار خودرو در قم تردد دارند.")
    cs = claims(t, ("۶۳۰ هزار خودرو", 630000, "car"), ("۳۱۰ هزار موتورسیکلت", 310000, "motorcycle"),
                ("۷۰۰ هزار خودرو", 700000, "car"))
    got, _ = check(t, cs, "fa", ["parts"])
    assert [(r.kind, r.whole, r.part) for r in got.rules] == [("part_of", "c1", "c2")]


def test_people_and_vehicles_are_never_added():
    t = "Police counted 900 vehicles, of which 500 people and 300 cars."
    cs = claims(t, ("900 vehicles", 900, "vehicle"), ("500 people", 500, "person"), ("300 cars", 300, "car"))
    got, _ = check(t, cs, "en", ["parts"])
    assert all("c2" not in [p.claim for p in getattr(r, "parts", [])] for r in got.rules)


# -- shares, percent_of, change, repeat, count, compare ----------------------------------------
def test_shares_with_an_unnamed_rest_add_to_at_most_100():
    t = "۴۲ درصد تماس‌ها به پیشگیری و ۷۰ درصد به رانندگی مربوط بوده و بقیه به سایر موضوعات."
    cs = claims(t, ("۴۲ درصد", 42, "percent"), ("۷۰ درصد", 70, "percent"))
    got, ev = check(t, cs, "fa", ["shares"])
    (r,) = got.rules
    assert r.kind == "percent_total" and not r.exhaustive
    assert ev.findings[0].code == "FC122"


def test_shares_of_different_months_are_not_added():
    t = "Electric cars took a 67% share of the market in September and 54% of the market so far this year."
    cs = claims(t, ("67%", 67, "percent"), ("54%", 54, "percent"))
    got, _ = check(t, cs, "en", ["shares"])
    assert got.rules == []


def test_out_of_with_a_share():
    t = "On election night, 349,891 ballots were cast out of 570,995 eligible voters, a turnout of 61.11 percent."
    cs = claims(t, ("349,891 ballots", 349891, "vote"), ("570,995 eligible voters", 570995, "person"),
                ("61.11 percent", Decimal("61.11"), "percent"))
    got, ev = check(t, cs, "en", ["percent_of"])
    (r,) = got.rules
    assert (r.share, r.part, r.whole) == ("c3", "c1", "c2")
    assert ev.findings[0].code == "FC121"


def test_change_reads_direction_from_the_words():
    t = "Robberies fell 10% from 1,200 to 1,080."
    cs = claims(t, ("10%", 10, "percent"), ("1,200", 1200, "offence"), ("1,080", 1080, "offence"))
    got, ev = check(t, cs, "en", ["change"])
    (r,) = got.rules
    assert (r.old, r.new, r.change, r.direction) == ("c2", "c3", "c1", "decrease")
    assert ev.findings[0].status is Status.consistent


def test_more_than_doubled_in_another_sentence_links_by_subject():
    t = ("The number of drugs offences has more than doubled in the last year.\n"
         "Recorded drugs offences numbered 89 in 2011 and jumped to 137 in 2012.")
    cs = claims(t, ("89", 89, "offence"), ("137", 137, "offence"))
    got, ev = check(t, cs, "en", ["change"])
    (r,) = got.rules
    assert r.factor is not None and r.confidence >= CONFIDENT
    added = [c for c in got.claims if c.id == r.factor]
    assert added and added[0].hedge.value == "more_than"
    assert ev.findings[0].code == "FC131"


def test_headline_rounding_of_the_body_is_a_repeat():
    t = "More than 41 thousand calls in a day\nThe line received 39,549 calls on Monday and 12,000 calls on Sunday."
    cs = claims(t, ("More than 41 thousand calls", 41000, "call", "more_than", {"scale": 1000}),
                ("39,549 calls", 39549, "call"), ("12,000 calls", 12000, "call"))
    got, ev = check(t, cs, "en", ["repeat"])
    assert [r.claims for r in got.rules] == [["c1", "c2"]]
    assert ev.findings[0].code == "FC151"


def test_count_against_a_list_reads_and_inside_items():
    t = "The plan has three aims: law and order, health, and schools."
    cs = claims(t, ("three aims", 3, "item"))
    got, ev = check(t, cs, "en", ["count"])
    (r,) = got.rules
    assert r.items == ["law and order", "health", "and schools"] or len(r.items) == 3
    assert ev.findings[0].status is Status.consistent


def test_open_list_with_etc_gives_no_count():
    t = "پلیس ۵ رکن دارد: نظم، امنیت و…"
    cs = claims(t, ("۵ رکن", 5, "pillar"))
    got, _ = check(t, cs, "fa", ["count"])
    assert got.rules == []


def test_comparison_in_words():
    t = "Loudoun grew 11.6 percent, higher than the 12.1 percent of Forsyth."
    cs = claims(t, ("11.6 percent", Decimal("11.6"), "percent"), ("12.1 percent", Decimal("12.1"), "percent"))
    got, ev = check(t, cs, "en", ["compare"])
    (r,) = got.rules
    assert (r.a, r.op, r.b) == ("c1", ">", "c2")
    assert ev.findings[0].code == "FC171"


@pytest.mark.parametrize("conf", [0.6, 0.7])
def test_low_confidence_rules_only_give_possible_findings(conf):
    t = "The line received 41,549 calls, of which 26,908 were questions and 17,000 led to a dispatch."
    cs = claims(t, ("41,549 calls", 41549, "call"), ("26,908", 26908, "call"), ("17,000", 17000, "call"))
    got = infer(t, cs, "en", only=["parts"])
    s = ClaimSet()
    for c in got.claims:
        s.claims[c.id] = c
    for r in got.rules:
        s.rules[r.id] = r.model_copy(update={"confidence": conf})
    (f,) = evaluate(s).findings
    assert f.status is Status.inconsistent and f.possible and f.severity is Severity.warning


def test_a_share_against_its_target_is_not_added_to_it():
    t = "74 percent were seen within four hours, against a target of 95 percent."
    cs = claims(t, ("74 percent", 74, "percent"), ("95 percent", 95, "percent"))
    got, _ = check(t, cs, "en", ["shares"])
    assert got.rules == []


def test_new_before_old_down_from():
    t = "Some 5.8 million people were unemployed, down 12.5% from 6.2 million a year ago."
    cs = claims(t, ("5.8 million people", 5800000, "person"), ("12.5%", Decimal("12.5"), "percent"),
                ("6.2 million", 6200000, "person"))
    got, ev = check(t, cs, "en", ["change"])
    (r,) = got.rules
    assert (r.old, r.new, r.direction) == ("c3", "c1", "decrease")
    assert ev.findings[0].code == "FC131"  # 6.2 million less 12.5% is at most 5.48 million


def test_sentence_opening_of_these_divides_the_previous_total():
    t = ("امسال ۵۱۲ هزار و ۳۰۰ نفر ثبت‌نام کرده‌اند.\n"
         "از این تعداد ۳۸۰ هزار نفر در گروه تجربی و ۱۹۵ هزار نفر در گروه انسانی ثبت‌نام کرده‌اند.")
    cs = claims(t, ("۵۱۲ هزار و ۳۰۰ نفر", 512300, "person"), ("۳۸۰ هزار نفر", 380000, "person"),
                ("۱۹۵ هزار نفر", 195000, "person"))
    got, ev = check(t, cs, "fa", ["parts"])
    (r,) = got.rules
    assert (r.kind, r.whole, r.remainder) == ("sum", "c1", True)
    assert "«از این تعداد» at 2:1" in r.evidence
    assert ev.findings[0].code == "FC101"


def test_the_first_six_months_of_a_persian_year_last_186_days():
    t = "در ۶ ماه نخست امسال روزانه ۱۰۱۰ نفر خدمات گرفتند و مجموعاً ۱۸۰ هزار و ۵۰۰ نفر خدمت گرفتند."
    cs = claims(t, ("روزانه ۱۰۱۰ نفر", 1010, "person / day"), ("۱۸۰ هزار و ۵۰۰ نفر", 180500, "person"))
    got, ev = check(t, cs, "fa", ["rate"])
    (r,) = got.rules
    assert r.duration == "186 day"
    # 1,005 a day for 186 days is at least 186,930; over any 179 days it could be 179,895
    (f,) = ev.findings
    assert f.code == "FC111" and "186 days" in f.arithmetic


def test_one_every_two_seconds_is_a_rate():
    t = "Someone dies on the roads every 2 seconds, or 83,200 a day."
    cs = claims(t, ("2 seconds", 2, "second"), ("83,200 a day", 83200, "1 / day"))
    got, ev = check(t, cs, "en", ["rate"])
    (r,) = got.rules
    added = {c.id: c for c in got.claims}[r.rate[0].claim]
    assert added.source.quote == "every 2 seconds" and added.hedge.value == "range"
    # one every 1.5 to 2.5 seconds is 34,560 to 57,600 a day
    assert ev.findings[0].code == "FC112"
