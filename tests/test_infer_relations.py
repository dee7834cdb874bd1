"""Relations whose second figure is named after the first, or elsewhere in the paragraph.

"8 percent more than this year's $3.9 billion", "up from last year, when ... 366,000",
"$1.6 billion, or 38 percent of the total", a remainder stated in the next sentence, and
"61 of 100 seats, nearly two thirds" — each in English and Persian, on hand-placed claims
(inference alone), with the near misses that must relate nothing.  The end-to-end articles
are tests/articles/relations*.txt.
"""

from __future__ import annotations

import pytest
from infer_helpers import check, claims

from factcheck.evaluate import CONFIDENT
from factcheck.extract import extract
from factcheck.findings import Status
from factcheck.model import Hedge


# -- a change with its base after "than" -------------------------------------------------------
@pytest.mark.parametrize(("text", "specs", "lang", "direction"), [
    ("The council approved a budget of $4.2 billion for next year, 8 percent more than this year's $3.9 billion.",
     (("$4.2 billion", 4.2e9, "dollar"), ("8 percent", 8, "percent"), ("$3.9 billion", 3.9e9, "dollar")),
     "en", "increase"),
    ("Sales reached 3,680 cars, 8 percent lower than the 4,000 cars of last year.",
     (("3,680 cars", 3680, "car"), ("8 percent", 8, "percent"), ("4,000 cars", 4000, "car")), "en", "decrease"),
    ("شورا بودجه ۴٫۲ میلیارد دلاری را تصویب کرد، ۸ درصد بیشتر از ۳٫۹ میلیارد دلارِ امسال.",
     (("۴٫۲ میلیارد دلار", 4.2e9, "dollar"), ("۸ درصد", 8, "percent"), ("۳٫۹ میلیارد دلار", 3.9e9, "dollar")),
     "fa", "increase"),
    ("فروش به ۳۶۸۰ خودرو رسید، ۸ درصد کمتر از ۴۰۰۰ خودروی پارسال.",
     (("۳۶۸۰ خودرو", 3680, "car"), ("۸ درصد", 8, "percent"), ("۴۰۰۰ خودرو", 4000, "car")), "fa", "decrease"),
])
def test_change_against_a_base_after_than(text, specs, lang, direction):
    got, ev = check(text, claims(text, *specs), lang, ["change"])
    (r,) = got.rules
    assert (r.kind, r.old, r.new, r.change, r.direction) == ("percent_change", "c3", "c1", "c2", direction)
    assert r.confidence >= CONFIDENT
    assert ev.findings[0].status is Status.consistent


def test_than_between_figures_of_different_things_relates_nothing():
    t = "The fund has $4.2 billion, 8 percent more than the 3,900 teachers it pays."
    cs = claims(t, ("$4.2 billion", 4.2e9, "dollar"), ("8 percent", 8, "percent"), ("3,900 teachers", 3900, "person"))
    got, _ = check(t, cs, "en", ["change"])
    assert got.rules == []


@pytest.mark.parametrize(("text", "lang"), [
    ("It cost 8 percent more than $3.9 billion.", "en"),
    ("هزینه ۸ درصد بیشتر از ۳٫۹ میلیارد دلار بود.", "fa"),
])
def test_a_comparative_after_a_percentage_is_no_hedge(text, lang):
    base = [c for c in extract(text, lang=lang) if c.unit == "dollar"]
    assert [c.hedge for c in base] == [Hedge.exact]


@pytest.mark.parametrize(("text", "lang"), [("It cost more than $3.9 billion.", "en"),
                                            ("هزینه بیشتر از ۳٫۹ میلیارد دلار بود.", "fa")])
def test_more_than_before_a_figure_still_hedges_it(text, lang):
    (c,) = [c for c in extract(text, lang=lang) if c.unit == "dollar"]
    assert c.hedge is Hedge.more_than


# -- a change with its base after "when" / «نسبت به ... که» ---------------------------------------
def test_change_against_a_base_after_when():
    t = "Calls to the helpline rose 12 percent to 410,000, up from last year, when the service logged 366,000 of them."
    cs = claims(t, ("12 percent", 12, "percent"), ("410,000", 410000, "call"), ("366,000", 366000, "call"))
    got, ev = check(t, cs, "en", ["change", "parts"])
    (r,) = got.rules  # "366,000 of them" is the older count, not a part of 410,000
    assert (r.kind, r.old, r.new, r.change) == ("percent_change", "c3", "c2", "c1")
    assert "«up from last year, when»" in r.evidence
    assert ev.findings[0].status is Status.consistent


def test_persian_change_against_a_base_in_a_that_clause():
    t = "تماس‌ها ۱۲ درصد افزایش یافت و به ۴۱۰ هزار تماس رسید، نسبت به سال گذشته که ۳۶۶ هزار تماس ثبت شده بود."
    cs = claims(t, ("۱۲ درصد", 12, "percent"), ("۴۱۰ هزار تماس", 410000, "call"), ("۳۶۶ هزار تماس", 366000, "call"))
    got, _ = check(t, cs, "fa", ["change"])
    (r,) = got.rules
    assert (r.old, r.new, r.change) == ("c3", "c2", "c1")


def test_when_without_an_older_figure_relates_nothing():
    t = "Calls rose 12 percent to 410,000, up from last year, when prices were lower."
    cs = claims(t, ("12 percent", 12, "percent"), ("410,000", 410000, "call"))
    got, _ = check(t, cs, "en", ["change"])
    assert got.rules == []


# -- a share of "the total" stated before ------------------------------------------------------
@pytest.mark.parametrize(("text", "specs", "lang"), [
    ("The budget is $4.2 billion, 8 percent more than this year's $3.9 billion. "
     "Education receives $1.6 billion, or 38 percent of the total.",
     (("$4.2 billion", 4.2e9, "dollar"), ("8 percent", 8, "percent"), ("$3.9 billion", 3.9e9, "dollar"),
      ("$1.6 billion", 1.6e9, "dollar"), ("38 percent", 38, "percent")), "en"),
    ("بودجه ۴٫۲ میلیارد دلار است، ۸ درصد بیشتر از ۳٫۹ میلیارد دلارِ امسال. "
     "آموزش ۱٫۶ میلیارد دلار، یعنی ۳۸ درصدِ کل را می‌گیرد.",
     (("۴٫۲ میلیارد دلار", 4.2e9, "dollar"), ("۸ درصد", 8, "percent"), ("۳٫۹ میلیارد دلار", 3.9e9, "dollar"),
      ("۱٫۶ میلیارد دلار", 1.6e9, "dollar"), ("۳۸ درصد", 38, "percent")), "fa"),
])
def test_share_of_the_total_stated_before_skips_the_older_figure(text, specs, lang):
    got, ev = check(text, claims(text, *specs), lang, ["percent_of"])
    (r,) = got.rules
    assert (r.share, r.part, r.whole) == ("c5", "c4", "c1")
    assert r.confidence >= CONFIDENT
    assert ev.findings[0].status is Status.consistent


def test_share_of_the_total_with_two_candidate_totals_relates_nothing():
    t = ("The city spends $4.2 billion and the state $6 billion. "
         "Education receives $1.6 billion, or 38 percent of the total.")
    cs = claims(t, ("$4.2 billion", 4.2e9, "dollar"), ("$6 billion", 6e9, "dollar"),
                ("$1.6 billion", 1.6e9, "dollar"), ("38 percent", 38, "percent"))
    got, _ = check(t, cs, "en", ["percent_of"])
    assert got.rules == []


# -- a remainder in the next sentence -------------------------------------------------------------
@pytest.mark.parametrize(("text", "lang"), [
    ("Of the $900 million, $450 million goes to buses and $250 million to roads. The rest, $200 million, "
     "pays for cycle lanes.", "en"),
    ("از ۹۰۰ میلیون دلار، ۴۵۰ میلیون دلار به اتوبوس‌ها و ۲۵۰ میلیون دلار به جاده‌ها می‌رسد. "
     "بقیه یعنی ۲۰۰ میلیون دلار صرف دوچرخه می‌شود.", "fa"),
    ("از ۹۰۰ میلیون دلار، ۴۵۰ میلیون دلار به اتوبوس‌ها و ۲۵۰ میلیون دلار به جاده‌ها می‌رسد. "
     "باقی‌مانده، ۲۰۰ میلیون دلار، صرف دوچرخه می‌شود.", "fa"),
])
def test_remainder_in_the_next_sentence_closes_the_sum(text, lang):
    dollars = ("900", "450", "250", "200")
    quotes = [next(q for q in (f"${d} million", f"{_fa(d)} میلیون دلار") if q in text) for d in dollars]
    cs = claims(text, *((q, int(d) * 10**6, "dollar") for q, d in zip(quotes, dollars, strict=True)))
    got, ev = check(text, cs, lang, ["parts"])
    (r,) = got.rules
    assert (r.kind, r.whole, [p.claim for p in r.parts], r.remainder) == ("sum", "c1", ["c2", "c3", "c4"], False)
    assert ev.findings[0].status is Status.consistent


def test_a_next_sentence_without_a_remainder_word_leaves_the_sum_open():
    t = "Of the $900 million, $450 million goes to buses and $250 million to roads. A further $200 million is borrowed."
    cs = claims(t, ("$900 million", 9e8, "dollar"), ("$450 million", 4.5e8, "dollar"),
                ("$250 million", 2.5e8, "dollar"), ("$200 million", 2e8, "dollar"))
    got, _ = check(t, cs, "en", ["parts"])
    (r,) = got.rules
    assert ([p.claim for p in r.parts], r.remainder) == (["c2", "c3"], True)


def _fa(digits: str) -> str:
    return digits.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


# -- a fraction word restating "A of B" -----------------------------------------------------------
@pytest.mark.parametrize(("text", "specs", "lang"), [
    ("The party took 61 of the council's 100 seats, nearly two thirds.",
     (("61", 61, "dimensionless"), ("100 seats", 100, "seat"), ("nearly two thirds", 2, "third", "nearly")), "en"),
    ("It won 24 of 32 rural seats, three quarters of them.",
     (("24", 24, "dimensionless"), ("32 rural seats", 32, "seat"), ("three quarters", 3, "fourth")), "en"),
    ("حزب ۲۴ کرسی از ۳۲ کرسی روستایی، یعنی سه چهارم آن‌ها را برد.",
     (("۲۴ کرسی", 24, "seat"), ("۳۲ کرسی", 32, "seat"), ("سه چهارم", 3, "fourth")), "fa"),
    ("حزب ۲۰ کرسی از ۴۰ کرسی شهری، یعنی نیمی از آن‌ها را برد.",
     (("۲۰ کرسی", 20, "seat"), ("۴۰ کرسی", 40, "seat"), ("نیمی", 1, "half")), "fa"),
])
def test_fraction_word_restates_a_of_b(text, specs, lang):
    got, ev = check(text, claims(text, *specs), lang, ["percent_of"])
    (r,) = got.rules
    assert (r.share, r.part, r.whole) == ("c3", "c1", "c2")
    assert ev.findings[0].status is Status.consistent


def test_a_of_b_without_the_share_right_after_relates_nothing():
    t = "The party took 61 of the council's 100 seats after a campaign in which two thirds of voters took part."
    cs = claims(t, ("61", 61, "dimensionless"), ("100 seats", 100, "seat"), ("two thirds", 2, "third"))
    got, _ = check(t, cs, "en", ["percent_of"])
    assert got.rules == []
