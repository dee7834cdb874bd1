"""Relations whose figures sit in different sentences, found after the field test missed them.

A rest that closes a breakdown stated sentences before, a share of "all admissions" when
earlier totals disagree, a change whose newer figure is in the sentence before, and a group's
count with its share ("18,000 of the candidates, or 37.5 percent") — each in both languages,
and each with the readings that must give no rule at all (a wrong whole would be a false alarm).
"""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Status
from factcheck.kinds import get


def _rules(text: str, lang: str) -> list[tuple[str, float, Status, list[str]]]:
    """(kind, confidence, verdict, quotes of its claims) for every inferred rule."""
    cs = claimset_from_article(text, "t.txt", lang)
    status = {f.rule: f.status for f in evaluate(cs).findings}
    quote = {cid: c.source.quote if c.source and c.source.quote else cid for cid, c in cs.claims.items()}
    return [(r.kind, r.confidence, status[r.id], [quote[i] for i in get(r.kind).claim_ids(r)])
            for r in cs.rules.values() if r.id in status]


def _of(text: str, lang: str, kind: str) -> list[tuple[float, Status, list[str]]]:
    return [(c, s, q) for k, c, s, q in _rules(text, lang) if k == kind]


# -- a rest closing a breakdown whose whole was stated sentences before --------------------------

REST = [
    ("Police recorded 84,600 offences in the year to March.\n\nThefts made up 71,910 offences. The remaining "
     "12,690 offences, 15 percent, were drug cases.\n", "en", "12,690", "22,690"),
    ("پلیس در سال گذشته ۸۴ هزار و ۶۰۰ جرم ثبت کرد.\n\nسرقت‌ها ۷۱ هزار و ۹۱۰ جرم را تشکیل می‌دادند. "
     "۱۲ هزار و ۶۹۰ جرم باقی‌مانده، یعنی ۱۵ درصد، مربوط به مواد مخدر بود.\n", "fa", "۱۲ هزار و ۶۹۰", "۲۲ هزار و ۶۹۰"),
    ("پلیس در سال گذشته ۸۴ هزار و ۶۰۰ جرم ثبت کرد.\n\nسهم سرقت‌ها ۷۱ هزار و ۹۱۰ جرم بود. "
     "مابقی، یعنی ۱۲ هزار و ۶۹۰ جرم (۱۵ درصد)، مربوط به مواد مخدر بود.\n", "fa", "۱۲ هزار و ۶۹۰", "۲۲ هزار و ۶۹۰"),
]


@pytest.mark.parametrize(("text", "lang", "rest", "wrong"), REST)
def test_a_rest_closes_the_total_stated_before(text: str, lang: str, rest: str, wrong: str) -> None:
    sums = _of(text, lang, "sum")
    assert [(c, s) for c, s, _q in sums] == [(0.75, Status.consistent)]
    assert any(rest in q for q in sums[0][2])
    assert [s for _c, s, _q in _of(text, lang, "percent_of")] == [Status.consistent]
    bad = text.replace(rest, wrong)
    assert [s for _c, s, _q in _of(bad, lang, "sum")] == [Status.inconsistent]
    assert [s for _c, s, _q in _of(bad, lang, "percent_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang", "rest", "wrong"), [
    ("Donations totalled $4.8 million, of which $3.1 million came from individuals and $1.2 million from "
     "companies. Government grants made up the remaining $0.5 million.\n", "en", "$0.5 million", "$0.9 million"),
    ("کمک‌های مردمی در سال گذشته به ۴ میلیارد و ۸۰۰ میلیون تومان رسید که ۳ میلیارد و ۱۰۰ میلیون تومان آن از "
     "سوی افراد و یک میلیارد و ۲۰۰ میلیون تومان از سوی شرکت‌ها پرداخت شد. کمک‌های دولتی هم مابقی، یعنی ۵۰۰ "
     "میلیون تومان را تأمین کرد.\n", "fa", "۵۰۰ میلیون", "۹۰۰ میلیون"),
])
def test_a_rest_named_inside_the_next_sentence_closes_the_breakdown(text: str, lang: str, rest: str,
                                                                    wrong: str) -> None:
    sums = _of(text, lang, "sum")
    assert [s for _c, s, _q in sums] == [Status.consistent] and len(sums[0][2]) == 4
    assert [s for _c, s, _q in _of(text.replace(rest, wrong), lang, "sum")] == [Status.inconsistent]


@pytest.mark.parametrize("text", [
    # the first figure is itself a part ("accounted for"): the whole is not stated
    "Violent crime accounted for 31,302 offences, while theft made up 40,608. The remaining 12,690 were drug cases.\n",
    # the rest is of the girls, not of all the students
    "A total of 48,000 students sat the exams. 22,000 of the 25,000 girls passed. The remaining 3,000 failed.\n",
    # nothing states the figure before as a part
    "The hospital has 300 beds. The new wing added 80 beds this year. The remaining 40 beds open next year.\n",
])
def test_a_rest_with_no_stated_whole_or_parts_gives_no_sum(text: str) -> None:
    assert _of(text, "en", "sum") == []


@pytest.mark.parametrize(("second", "shares"), [
    # a bare rest takes the unit of the parts, and its share is of the whole
    ("False alarms made up 5,616 incidents, while fires accounted for 3,744. The remaining 3,120, or 25 percent, "
     "were road collisions.", 1),
    # "of them" on the first part after the whole points at that whole
    ("False alarms made up 5,616 of them and fires 3,744, and the remaining 3,120 were road collisions.", 0),
])
def test_a_rest_in_other_words(second: str, shares: int) -> None:
    text = f"The service attended 12,480 incidents in 2024. {second}\n"
    assert [s for _c, s, _q in _of(text, "en", "sum")] == [Status.consistent]
    assert [s for _c, s, _q in _of(text, "en", "percent_of")] == [Status.consistent] * shares
    assert [s for _c, s, _q in _of(text.replace("3,120", "3,520"), "en", "sum")] == [Status.inconsistent]


def test_a_whole_said_first_in_the_sentence_before_the_rest() -> None:
    text = "Police recorded 84,600 offences, and thefts made up 71,910. The remaining 12,690 were drug cases.\n"
    assert [s for _c, s, _q in _of(text, "en", "sum")] == [Status.consistent]
    assert [s for _c, s, _q in _of(text.replace("12,690", "22,690"), "en", "sum")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang", "rest", "wrong"), [
    ("Of the 2,415 complaints received in 2025, 1,512 concerned delays and 603 concerned fares; the remaining 300 "
     "were about staff.\n", "en", "300", "200"),
    ("Of the 2,415 complaints, 1,512 concerned delays, 603 concerned fares, and the remaining 300 related to "
     "staff conduct.\n", "en", "300", "200"),
    ("از ۲ هزار و ۴۱۵ شکایتی که سال گذشته ثبت شد، هزار و ۵۱۲ مورد درباره تأخیر و ۶۰۳ مورد درباره کرایه بود و "
     "۳۰۰ مورد باقی‌مانده به رفتار کارکنان مربوط می‌شد.\n", "fa", "۳۰۰ مورد", "۲۰۰ مورد"),
])
def test_a_rest_in_the_same_sentence_closes_the_breakdown(text: str, lang: str, rest: str, wrong: str) -> None:
    # Without the rest's words the parts may leave a remainder, and 1,512 + 603 + 200 falls
    # short of 2,415 without any contradiction: only the closed sum catches it.
    sums = _of(text, lang, "sum")
    assert [s for _c, s, _q in sums] == [Status.consistent]
    assert len(sums[0][2]) == 4 and any(rest.split()[0] in q for q in sums[0][2])
    assert [s for _c, s, _q in _of(text.replace(rest, wrong), lang, "sum")] == [Status.inconsistent]


def test_a_remaining_figure_of_another_thing_does_not_close_the_breakdown() -> None:
    text = ("Of the 2,415 complaints received in 2025, 1,512 concerned delays and 603 concerned fares; the remaining "
            "200 kilometres of track will be renewed next year.\n")
    assert [s for _c, s, _q in _of(text, "en", "sum")] == [Status.consistent]


# -- counts taken out of a group named by its noun, with no share and no rest -----------------------

@pytest.mark.parametrize(("text", "lang", "part", "wrong"), [
    ("The economy added 212,000 jobs in the first quarter. Manufacturing accounted for 138,000 of the jobs.\n",
     "en", "138,000", "238,000"),
    ("A total of 48,000 students sat the exams. 18,000 of the students passed.\n", "en", "18,000", "58,000"),
    ("امسال ۴۸ هزار داوطلب در آزمون شرکت کردند. ۱۸ هزار نفر از داوطلبان را زنان تشکیل می‌دادند.\n",
     "fa", "۱۸ هزار", "۵۸ هزار"),
])
def test_a_count_of_a_named_group_is_a_part_of_its_total(text: str, lang: str, part: str, wrong: str) -> None:
    got = _of(text, lang, "part_of")
    # the total was written with the group's noun (plural or not): an error-grade reading
    assert [(c, s) for c, s, _q in got] == [(0.8, Status.consistent)]
    assert any(part in q for q in got[0][2])
    assert [s for _c, s, _q in _of(text.replace(part, wrong), lang, "part_of")] == [Status.inconsistent]


def test_counts_of_a_named_group_listed_together_are_parts_of_its_total() -> None:
    text = ("The economy added 212,000 jobs in the first quarter. Manufacturing accounted for 138,000 of the new "
            "jobs and construction for 45,000.\n")
    sums = _of(text, "en", "sum")
    assert [(c, s) for c, s, _q in sums] == [(0.8, Status.consistent)]
    assert len(sums[0][2]) == 3  # the total and both parts; an unstated rest may add to them
    assert [s for _c, s, _q in _of(text.replace("45,000", "95,000"), "en", "sum")] == [Status.inconsistent]


@pytest.mark.parametrize("text", [
    # the girls are some of the students, whose number of girls is not given
    "A total of 2,400 students sat the exams. 1,900 of the girls passed.\n",
    # the figure before it counts something else: no group of that thing was stated
    "The council spent $4 million on roads. 18,000 of the residents signed a petition.\n",
])
def test_a_count_of_another_group_is_no_part(text: str) -> None:
    assert _of(text, "en", "part_of") == [] and _of(text, "en", "sum") == []


# -- counts named as parts of "the total", with their shares and the rest ---------------------------

HOSPITAL_EN = ("There were 18,400 admissions to the hospital in 2024, 6 percent more than the 17,300 in 2023. "
               "Emergency admissions made up 11,200 of the total, or 61 percent, while planned surgery accounted "
               "for 4,900, or 27 percent. The remaining 2,300 were maternity cases.\n")
HOSPITAL_FA = ("بیمارستان در سال گذشته ۱۸ هزار و ۴۰۰ بیمار پذیرش کرد. ۱۱ هزار و ۲۰۰ بیمار از کل، یعنی ۶۱ درصد، از "
               "طریق اورژانس پذیرش شدند و سهم جراحی‌های برنامه‌ریزی‌شده ۴ هزار و ۹۰۰ بیمار، یعنی ۲۷ درصد بود. "
               "مابقی، یعنی ۲ هزار و ۳۰۰ بیمار، در بخش زایمان بستری شدند.\n")


@pytest.mark.parametrize(("text", "lang", "rest", "wrong", "share", "wrong_share"), [
    (HOSPITAL_EN, "en", "2,300", "2,800", "27 percent", "37 percent"),
    (HOSPITAL_FA, "fa", "۲ هزار و ۳۰۰", "۲ هزار و ۸۰۰", "۲۷ درصد", "۳۷ درصد"),
])
def test_parts_of_the_total_with_shares_and_a_rest(text: str, lang: str, rest: str, wrong: str, share: str,
                                                   wrong_share: str) -> None:
    sums = _of(text, lang, "sum")
    assert [s for _c, s, _q in sums] == [Status.consistent]
    assert len(sums[0][2]) == 4  # the total, two parts and the rest: closed
    # each share is of the total, not of the parts together
    assert [s for _c, s, _q in _of(text, lang, "percent_of")] == [Status.consistent] * 2
    assert [s for _c, s, _q in _of(text.replace(rest, wrong), lang, "sum")] == [Status.inconsistent]
    assert sorted(s.value for _c, s, _q in _of(text.replace(share, wrong_share), lang, "percent_of")) == [
        "consistent", "inconsistent"]


@pytest.mark.parametrize(("text", "kind"), [
    ("There were 18,400 admissions to the hospital in 2024. Emergency admissions made up 11,200 of the total, or "
     "61 percent.\n", "percent_of"),
    ("There were 18,400 admissions to the hospital in 2024. Emergency admissions made up 11,200 of the total.\n",
     "part_of"),
])
def test_a_count_of_the_total_with_no_rest(text: str, kind: str) -> None:
    assert [s for _c, s, _q in _of(text, "en", kind)] == [Status.consistent]
    wrong = text.replace("61 percent", "71 percent") if kind == "percent_of" else text.replace("11,200", "19,200")
    assert [s for _c, s, _q in _of(wrong, "en", kind)] == [Status.inconsistent]


def test_a_rest_does_not_close_a_breakdown_that_left_a_part_out() -> None:
    # «۴ هزار و ۹۰۰» has no word making it a part, so the breakdown does not take it; the rest
    # then cannot close the sum of 11,200 and 2,300 against 18,400 (it was a false alarm)
    text = HOSPITAL_FA.replace("و سهم جراحی‌های برنامه‌ریزی‌شده ۴ هزار و ۹۰۰ بیمار، یعنی ۲۷ درصد بود",
                               "و جراحی‌های برنامه‌ریزی‌شده ۴ هزار و ۹۰۰ بیمار را پذیرفتند")
    assert [s for _k, _c, s, _q in _rules(text, "fa") if s is Status.inconsistent] == []


def test_a_count_of_the_total_is_no_whole_of_the_figures_after_it() -> None:
    # «۱۱ هزار و ۲۰۰ بیمار از کل، یعنی …»: «از کل» makes the figure before it a part; it was read
    # as the whole of the figures after it
    got = _of(HOSPITAL_FA, "fa", "sum")
    assert all("۱۱ هزار و ۲۰۰" not in q[0] for _c, _s, q in got)


def test_a_count_of_the_total_of_another_thing_is_no_part() -> None:
    assert _rules("The city has 2.1 million residents. Buses made up 4,000 of the total.\n", "en") == []


# -- total words after the total ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "There are 630,000 registered cars and about 50,000 unregistered motorcycles in the city, nearly 680,000 "
    "vehicles in all.\n",
    "The city has 630,000 registered cars and about 50,000 unregistered motorcycles: nearly 680,000 in total.\n",
    "Police arrested 1,240 men and 310 women last year, 1,550 people altogether.\n",
])
def test_total_words_after_the_total(text: str) -> None:
    sums = _of(text, "en", "sum")
    assert [(c, s) for c, s, _q in sums] == [(0.85, Status.consistent)]
    assert len(sums[0][2]) == 3
    wrong = text.replace("680,000", "600,000").replace("1,550", "1,450")
    assert [s for _c, s, _q in _of(wrong, "en", "sum")] == [Status.inconsistent]


@pytest.mark.parametrize("text", [
    # "in all of its stores" is no total
    "The chain hired 300 cashiers and 200 guards, and 150 in all of its stores were promoted.\n",
    # the total words close a clause of their own
    "The chain hired 300 cashiers and 200 guards. Sales rose 40 percent in total.\n",
])
def test_total_words_after_another_figure_give_no_sum(text: str) -> None:
    assert _of(text, "en", "sum") == []


# -- a share of a named total, among totals that disagree ----------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("The hospitals admitted 182,000 patients in 2024. In the same period last year 171,000 patients were admitted. "
     "In January alone, 17,500 patients were admitted. Intensive care took in 5,460 patients over the year, about 3 "
     "percent of all admissions.\n", "en"),
    ("در شش ماهه نخست امسال ۴۶۵ هزار بیمار بستری شدند. این رقم نسبت به مدت مشابه سال گذشته که ۴۲۰ هزار بیمار بود "
     "افزایش یافت. در فروردین ماه ۶۲ هزار بیمار بستری شدند. بخش‌های ویژه در این مدت ۱۲ هزار بیمار را پذیرفتند "
     "که حدود ۲٫۶ درصد کل بستری‌هاست.\n", "fa"),
])
def test_a_share_of_all_is_of_the_main_total_not_last_years_or_one_months(text: str, lang: str) -> None:
    got = _of(text, lang, "percent_of")
    assert [(c, s) for c, s, _q in got] == [(0.8, Status.consistent)]
    assert any("182,000" in q or "۴۶۵ هزار" in q for q in got[0][2])
    bad = text.replace("about 3 percent", "about 4 percent").replace("۲٫۶ درصد", "۳٫۶ درصد")
    assert [s for _c, s, _q in _of(bad, lang, "percent_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("share", "lang"), [
    ("Intensive care took in 5,460 patients, which was about 3 percent of all admissions.", "en"),
    ("Intensive care took in 5,460 patients, representing 3 percent of all hospital stays.", "en"),
    ("Intensive care took in 5,460 patients (3 percent of all admissions).", "en"),
    ("بخش‌های ویژه ۵ هزار و ۴۶۰ بیمار را پذیرفتند که ۳ درصد از کل پذیرش‌ها را تشکیل می‌دهد.", "fa"),
    ("بخش‌های ویژه ۵ هزار و ۴۶۰ بیمار، معادل ۳ درصد کل پذیرش‌ها را پذیرفتند.", "fa"),
])
def test_a_share_of_all_in_other_words(share: str, lang: str) -> None:
    lead = ("The hospitals admitted 182,000 patients in 2024, up from 171,000 in 2023." if lang == "en" else
            "بیمارستان‌ها در سال ۱۴۰۲ بیش از ۱۸۲ هزار بیمار را پذیرش کردند. این آمار در سال قبل ۱۷۱ هزار بیمار بود.")
    text = f"{lead}\n\n{share}\n"
    assert [s for _c, s, _q in _of(text, lang, "percent_of")] == [Status.consistent]
    bad = text.replace("3 percent", "4 percent").replace("۳ درصد", "۴ درصد")
    assert [s for _c, s, _q in _of(bad, lang, "percent_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang"), [
    # two totals of one time and no word to choose: no rule
    ("The hospitals admitted 182,000 patients in the north and 95,000 in the south. Intensive care took in 5,460 "
     "patients, about 3 percent of all admissions.\n", "en"),
    ("بیمارستان‌های شمال ۱۸۲ هزار بیمار و بیمارستان‌های جنوب ۹۵ هزار بیمار پذیرش کردند. بخش‌های ویژه ۵ هزار و "
     "۴۶۰ بیمار را پذیرفتند که حدود ۳ درصد کل پذیرش‌هاست.\n", "fa"),
    # a month's figure against another of no period: which is "all admissions" is not said
    ("In March the hospital admitted 5,000 patients. Emergency departments saw 9,000 patients. Intensive care "
     "took 150 patients, 3 percent of all admissions.\n", "en"),
])
def test_a_share_of_all_among_totals_that_disagree_gives_no_rule(text: str, lang: str) -> None:
    assert _of(text, lang, "percent_of") == []


# -- a change whose newer figure is in the sentence before -----------------------------------------

@pytest.mark.parametrize(("text", "lang", "change", "wrong"), [
    ("Applications rose to 5,400 this year. That was 12 percent more than last year's 4,820.\n", "en",
     "12 percent", "15 percent"),
    ("Grants fell to $3.1 million. This was 9 percent less than the $3.4 million paid in 2023.\n", "en",
     "9 percent", "14 percent"),
    ("مبلغ کمک‌ها به ۳۱۰ میلیارد تومان کاهش یافت. این میزان ۹ درصد کمتر از ۳۴۰ میلیارد تومان سال قبل بود.\n", "fa",
     "۹ درصد", "۱۴ درصد"),
])
def test_a_change_said_of_the_figure_before(text: str, lang: str, change: str, wrong: str) -> None:
    assert [(c, s) for c, s, _q in _of(text, lang, "percent_change")] == [(0.8, Status.consistent)]
    assert [s for _c, s, _q in _of(text.replace(change, wrong), lang, "percent_change")] == [Status.inconsistent]


@pytest.mark.parametrize("second", [
    "That is up 12 percent from 4,820 last year.",
    "This is an increase of 12 percent on last year's 4,820.",
    "The figure was 12 percent higher than the 4,820 recorded a year earlier.",
    "That represents a 12 percent rise on last year's 4,820.",
    "That was 12 percent more than last year, when 4,820 were filed.",
])
def test_a_change_said_of_the_figure_before_in_other_words(second: str) -> None:
    text = f"Applications for housing aid rose to 5,400 this year. {second}\n"
    assert [(c, s) for c, s, _q in _of(text, "en", "percent_change")] == [(0.8, Status.consistent)]
    bad = text.replace("12 percent", "20 percent")
    assert [s for _c, s, _q in _of(bad, "en", "percent_change")] == [Status.inconsistent]


@pytest.mark.parametrize("text", [
    "Applications rose to 5,400 applications and 3,100 applications were approved. That was 12 percent more "
    "than last year's 4,820.\n",
    "Applications rose to 5,400 and grants to 3,100. That was 12 percent more than last year's 4,820.\n",
])
def test_a_change_with_two_figures_it_may_be_said_of_gives_no_rule(text: str) -> None:
    assert _of(text, "en", "percent_change") == []


# -- a group's count and its share of the total stated before ------------------------------------

@pytest.mark.parametrize(("text", "lang", "share", "wrong"), [
    ("A total of 48,000 students sat the exams this summer.\n\nCity schools entered 18,000 of the candidates, "
     "or 37.5 percent.\n", "en", "37.5 percent", "47.5 percent"),
    ("امسال در مجموع ۴۸ هزار دانش‌آموز در امتحانات شرکت کردند.\n\nمدارس شهری ۱۸ هزار نفر از داوطلبان، یعنی "
     "۳۷٫۵ درصد را معرفی کردند.\n", "fa", "۳۷٫۵ درصد", "۴۷٫۵ درصد"),
])
def test_a_groups_share_is_of_the_total_stated_before(text: str, lang: str, share: str, wrong: str) -> None:
    assert [(c, s) for c, s, _q in _of(text, lang, "percent_of")] == [(0.75, Status.consistent)]
    assert [s for _c, s, _q in _of(text.replace(share, wrong), lang, "percent_of")] == [Status.inconsistent]


def test_a_groups_share_before_its_noun() -> None:
    text = ("امسال در مجموع ۴۸ هزار دانش‌آموز در امتحانات شرکت کردند.\n\nمدارس شهری ۱۸ هزار نفر (۳۷٫۵ درصد) "
            "از داوطلبان را معرفی کردند.\n")
    assert [(c, s) for c, s, _q in _of(text, "fa", "percent_of")] == [(0.75, Status.consistent)]
    assert [s for _c, s, _q in _of(text.replace("۳۷٫۵", "۴۷٫۵"), "fa", "percent_of")] == [Status.inconsistent]


def test_a_groups_share_of_a_whole_named_otherwise_is_only_possible() -> None:
    # «شرکت‌کنندگان» is not written with the ۴۸ هزار and no total word introduces it: a possible finding at most
    text = ("امسال ۴۸ هزار دانش‌آموز در امتحانات شرکت کردند.\n\n۱۸ هزار نفر از شرکت‌کنندگان، یعنی ۳۷٫۵ درصد، "
            "از مدارس شهری بودند.\n")
    assert [c for c, _s, _q in _of(text, "fa", "percent_of")] == [0.65]


@pytest.mark.parametrize(("text", "lang"), [
    # girls are some of the students: their share is of the girls, whose number is not given
    ("۲ هزار و ۴۰۰ دانش‌آموز و ۳۰۰ معلم در طرح شرکت کردند. ۱۲۰۰ نفر از دختران، یعنی ۴۰ درصد، قبول شدند.\n", "fa"),
    ("A total of 2,400 students sat the exams. 1,200 of the girls, or 40 percent, passed.\n", "en"),
    # the noun names another figure than the total: "3,000 girls"
    ("A total of 5,000 pupils sat the exams. There were 3,000 entrants. 1,200 of the entrants, or 40 percent, "
     "passed.\n", "en"),
])
def test_a_share_of_a_subgroup_is_not_of_the_total(text: str, lang: str) -> None:
    assert [s for _c, s, _q in _of(text, lang, "percent_of") if s is Status.inconsistent] == []


# -- a count out of a stated total, with its share restated a clause on ------------------------

@pytest.mark.parametrize(("text", "lang", "share", "wrong"), [
    ("22,000 of the 25,000 girls who sat the exams this year passed, or 88 percent.\n", "en",
     "88 percent", "70 percent"),
    ("A total of 48,000 students sat the exams. 22,000 of the 25,000 girls enrolled at state schools, or 88 "
     "percent, passed.\n", "en", "88 percent", "70 percent"),
    ("۲۲ هزار نفر از ۲۵ هزار دختر، یعنی ۸۸ درصد، قبول شدند.\n", "fa", "۸۸ درصد", "۷۰ درصد"),
    ("امسال در مجموع ۴۸ هزار دانش‌آموز در امتحانات شرکت کردند. ۲۲ هزار نفر از ۲۵ هزار دختر ثبت‌نام‌کرده در "
     "مدارس دولتی، یعنی ۸۸ درصد، قبول شدند.\n", "fa", "۸۸ درصد", "۷۰ درصد"),
    # «نفر» out of a whole whose noun is not known: the whole counts people too
    ("۲۲ هزار نفر از ۲۵ هزار کارآموز، یعنی ۸۸ درصد، قبول شدند.\n", "fa", "۸۸ درصد", "۷۰ درصد"),
])
def test_a_share_of_a_count_out_of_a_stated_total(text: str, lang: str, share: str, wrong: str) -> None:
    got = _of(text, lang, "percent_of")
    assert [(c, s) for c, s, _q in got] == [(0.85, Status.consistent)]
    assert any("25,000" in q or "۲۵ هزار" in q for q in got[0][2])  # the whole is the group, not all students
    assert [s for _c, s, _q in _of(text.replace(share, wrong), lang, "percent_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang"), [
    # no "or" to say the share restates the count a clause on
    ("22,000 of the 25,000 girls enrolled at state schools, 88 percent.\n", "en"),
    # the share is of something else
    ("22,000 of the 25,000 girls enrolled at state schools, or 88 percent of the boys.\n", "en"),
    # people are not cars
    ("۲۲ هزار نفر از ۲۵ هزار خودرو، یعنی ۸۸ درصد، قبول شدند.\n", "fa"),
])
def test_a_share_that_does_not_restate_the_count_gives_no_rule(text: str, lang: str) -> None:
    assert _of(text, lang, "percent_of") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("Sales fell in 3 of the 12 months.\n", "en"),
    ("In 3 of the 12 months sales fell by 4 percent.\n", "en"),
    ("در ۳ ماه از ۱۲ ماه فروش کاهش یافت.\n", "fa"),
])
def test_a_count_of_months_out_of_twelve_gives_no_false_alarm(text: str, lang: str) -> None:
    # months are counted, not sales: nothing to check against the sales, and nothing flagged
    assert [k for k, _c, s, _q in _rules(text, lang) if s is not Status.consistent] == []


# -- the group named before its count: "Of the candidates, 18,000 passed, or 37.5 percent" ----------

_TOTAL_EN = "A total of 48,000 students sat the exams this summer.\n\n"
_TOTAL_FA = "امسال در مجموع ۴۸ هزار دانش‌آموز در امتحانات شرکت کردند.\n\n"


@pytest.mark.parametrize(("text", "lang", "share", "wrong"), [
    (_TOTAL_EN + "Of the candidates, 18,000 passed, or 37.5 percent.\n", "en", "37.5", "47.5"),
    (_TOTAL_EN + "Among the candidates, 18,000 (37.5 percent) passed.\n", "en", "37.5", "47.5"),
    (_TOTAL_EN + "Of the candidates, 18,000, or 37.5 percent, passed.\n", "en", "37.5", "47.5"),
    (_TOTAL_FA + "از داوطلبان، ۱۸ هزار نفر قبول شدند، یعنی ۳۷٫۵ درصد.\n", "fa", "۳۷٫۵", "۴۷٫۵"),
    (_TOTAL_FA + "از میان داوطلبان، ۱۸ هزار نفر یعنی ۳۷٫۵ درصد قبول شدند.\n", "fa", "۳۷٫۵", "۴۷٫۵"),
])
def test_a_group_named_before_its_count_is_of_the_total_stated_before(text: str, lang: str, share: str,
                                                                       wrong: str) -> None:
    got = _of(text, lang, "percent_of")
    assert [(c, s) for c, s, _q in got] == [(0.75, Status.consistent)]
    assert any("48,000" in q or "۴۸ هزار" in q for q in got[0][2])
    assert [s for _c, s, _q in _of(text.replace(share, wrong), lang, "percent_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang"), [
    # a subgroup: the share is of the girls, whose number is not given
    (_TOTAL_EN + "Of the girls, 18,000 passed, or 37.5 percent.\n", "en"),
    (_TOTAL_FA + "از دختران، ۱۸ هزار نفر قبول شدند، یعنی ۳۷٫۵ درصد.\n", "fa"),
    # the group is more than one noun: not only "the candidates"
    (_TOTAL_EN + "Of the candidates in the city, 18,000 passed, or 37.5 percent.\n", "en"),
    # no total stated, or two that disagree
    ("Of the candidates, 18,000 passed, or 37.5 percent.\n", "en"),
    ("The north entered 25,000 candidates and the south 23,000 candidates.\n\nOf the candidates, 18,000 passed, "
     "or 37.5 percent.\n", "en"),
    # the share is of something else, or not a restatement of the count
    (_TOTAL_EN + "Of the candidates, 18,000 passed, or 37.5 percent of the boys.\n", "en"),
    (_TOTAL_EN + "Of the candidates, 18,000 passed, while 37.5 percent failed.\n", "en"),
])
def test_a_group_named_before_with_no_known_total_gives_no_rule(text: str, lang: str) -> None:
    assert _of(text, lang, "percent_of") == []


# -- a count out of a stated whole: "18,000 of the 48,000 candidates" --------------------------------

@pytest.mark.parametrize(("text", "lang", "part", "wrong"), [
    ("Across 300 schools, 18,000 of the 48,000 candidates passed.\n", "en", "18,000", "58,000"),
    ("The winning party took 61 of the council's 100 seats.\n", "en", "61", "161"),
    ("Sales fell in 3 of the 12 months.\n", "en", "3 of", "15 of"),
    ("In 3 of the past 12 months sales fell.\n", "en", "3 of", "15 of"),
    ("۱۸ هزار نفر از ۴۸ هزار داوطلب قبول شدند.\n", "fa", "۱۸ هزار", "۵۸ هزار"),
    ("در ۳ ماه از ۱۲ ماه فروش کاهش یافت.\n", "fa", "۳ ماه", "۱۵ ماه"),
])
def test_a_count_out_of_a_stated_whole_is_a_part_of_it(text: str, lang: str, part: str, wrong: str) -> None:
    assert [(c, s) for c, s, _q in _of(text, lang, "part_of")] == [(0.85, Status.consistent)]
    assert [s for _c, s, _q in _of(text.replace(part, wrong), lang, "part_of")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang"), [
    # «از» as "than": a comparison, not a part
    ("امسال ۲۰ هزار نفر از ۱۵ هزار نفر سال قبل بیشتر بود.\n", "fa"),
    # a share right after the pair holds both: one rule, not two
    ("22,000 of the 25,000 girls passed, or 88 percent.\n", "en"),
    ("۲۲ هزار نفر از ۲۵ هزار دختر، یعنی ۸۸ درصد، قبول شدند.\n", "fa"),
    # things of different kinds
    ("۵ نفر از ۲۰ استان کشور در این مسابقه شرکت کردند.\n", "fa"),
    # «از» as "from": people from townships (an unknown noun) or from households are no part of them
    ("۲۰۰ نفر از ۱۵ شهرک در این طرح شرکت کردند.\n", "fa"),
    ("۳۰۰ نفر از ۲۰ خانوار آسیب دیدند.\n", "fa"),
    # «از» of a change: last year's figure is no whole
    ("فروش به ۱۵۰ هزار دستگاه از ۱۲۰ هزار دستگاه در سال قبل رسید.\n", "fa"),
    ("Thieves took 30 of the 12 cars' wheels.\n", "en"),
])
def test_no_part_of_where_the_words_do_not_take_one_out_of_the_other(text: str, lang: str) -> None:
    assert _of(text, lang, "part_of") == []


@pytest.mark.parametrize(("text", "lang", "part", "wrong"), [
    ("رئیس سازمان آتش‌نشانی گفت: در شش ماه نخست امسال آتش‌نشانان به ۸ هزار و ۴۰۰ حادثه اعزام شدند. از این تعداد، "
     "۲ هزار و ۵۰۰ مورد آتش‌سوزی و ۵ هزار و ۹۰۰ مورد امداد و نجات بوده است.\n", "fa", "۲ هزار و ۵۰۰", "۳ هزار و ۱۰۰"),
    ("Firefighters attended 8,400 incidents in the first half of the year. Of these, 2,500 cases were fires and "
     "5,900 cases were rescues.\n", "en", "2,500", "3,100"),
])
def test_of_these_takes_counts_by_a_generic_noun(text: str, lang: str, part: str, wrong: str) -> None:
    # «مورد» / "cases" count what "of these" points back to: the incidents, not the six months
    sums = _of(text, lang, "sum")
    assert [s for _c, s, _q in sums] == [Status.consistent] and len(sums[0][2]) == 3
    assert [s for _c, s, _q in _of(text.replace(part, wrong), lang, "sum")] == [Status.inconsistent]


@pytest.mark.parametrize(("text", "lang", "sums_found"), [
    ("در سال جاری ۱۲۰ کیلومتر از راه‌های روستایی استان آسفالت شد که ۸۵ کیلومتر آن در شهرستان‌های شمالی و ۳۵ "
     "کیلومتر در شهرستان‌های جنوبی بوده است.\n\nوی همچنین گفت: طول کل راه‌های روستایی استان ۳ هزار و ۲۰۰ "
     "کیلومتر است.\n", "fa", 1),
    ("This year 120 km of rural roads were paved, 85 km in the north and 35 km in the south.\n\nThe total "
     "length of rural roads in the province is 3,200 km.\n", "en", 0),
])
def test_all_of_a_larger_whole_is_not_the_sum_of_the_sentences_before(text: str, lang: str, sums_found: int) -> None:
    # «طول کل راه‌های روستایی», "the total length of rural roads": all the province's roads, not
    # the sum of the kilometres of the sentence before (120 + 85 + 35 against 3,200 was a false alarm)
    sums = _of(text, lang, "sum")
    assert [s for _c, s, _q in sums] == [Status.consistent] * sums_found
    assert not any("۳ هزار و ۲۰۰" in q or "3,200" in q for _c, _s, qs in sums for q in qs)


@pytest.mark.parametrize("text", [
    # the figures of the sentence before are an average bill and its rise, not parts of the total
    "Council tax will rise by 4.99 per cent, taking the average Band D bill to £2,171, up £103 on this year. In "
    "total, the council expects to raise £412 million.\n",
    # total words after the figure sum its own sentence only
    "Council tax will rise by 4.99 per cent, taking the average Band D bill to £2,171, up £103 on this year. The "
    "council expects to raise £412 million in total.\n",
])
def test_a_change_or_an_average_before_is_no_part_of_a_total(text: str) -> None:
    assert _of(text, "en", "sum") == []
