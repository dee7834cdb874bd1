"""A share written right after its count, in brackets or after "or" / «یعنی», of a whole the words do not name.

"Some 48,000 candidates sat the exam; 18,000 (37.5 percent) passed": the share is of the one count of
that thing stated just before, and the count is some of it (``percent_of`` and ``part_of``).  Each
form in both languages, in a consistent version (the rules are inferred and hold) and an impossible one
(flagged as an error); and the readings that must give no rule — a subgroup, a change, percentage
points, a share of something else, another time, another thing, a whole that is not clear.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import CONFIDENT, evaluate
from factcheck.findings import Status
from factcheck.kinds import get
from factcheck.numbers import normalize_digits


def _rules(text: str, lang: str) -> list[tuple[str, float, Status, list[str]]]:
    """(kind, confidence, verdict, values of its claims as written) for every inferred rule."""
    cs = claimset_from_article(text, "t.txt", lang)
    status = {f.rule: f.status for f in evaluate(cs).findings}
    value = {cid: str(c.value) for cid, c in cs.claims.items()}
    return [(r.kind, r.confidence, status[r.id], [value[i] for i in get(r.kind).claim_ids(r)])
            for r in cs.rules.values() if r.id in status]


def _bad(text: str, lang: str) -> list[tuple[str, float, Status, list[str]]]:
    return [r for r in _rules(text, lang) if r[2] is Status.inconsistent]


def _fa(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


# (template, lang, whole, part): {share} is filled with the true share or an impossible one
FORMS = [
    ("Some 48,000 candidates sat the exam; 18,000 ({share} percent) passed.\n", "en", "48000", "18000"),
    ("The city has 48,000 candidates. 18,000 ({share} percent) passed the exam.\n", "en", "48000", "18000"),
    ("Some 48,000 candidates sat the exam; 18,000 ({share}%) passed.\n", "en", "48000", "18000"),
    ("Some 48,000 candidates sat the exam; {share} percent (18,000) passed.\n", "en", "48000", "18000"),
    ("Some 48,000 candidates sat the exam; 18,000, or {share} percent of the total, passed.\n", "en", "48000",
     "18000"),
    ("Police recorded 2,400 accidents last year; 900 of them ({share} percent) were fatal.\n", "en", "2400", "900"),
    ("Police recorded 2,400 accidents last year. Of them, 900 ({share} percent) were fatal.\n", "en", "2400", "900"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و ۱۸ هزار نفر ({share} درصد) قبول شدند.\n", "fa", "48000", "18000"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند. ۱۸ هزار نفر ({share} درصد) قبول شدند.\n", "fa", "48000", "18000"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و {share} درصد (۱۸ هزار نفر) قبول شدند.\n", "fa", "48000", "18000"),
    ("پلیس پارسال ۲۴۰۰ تصادف ثبت کرد؛ ۹۰۰ مورد از آن‌ها ({share} درصد) فوتی بود.\n", "fa", "2400", "900"),
    ("Police recorded 2,400 accidents last year, but only 900 ({share} percent) were fatal.\n", "en", "2400", "900"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و ۱۸ هزار نفر از آنان ({share} درصد) قبول شدند.\n", "fa", "48000",
     "18000"),
]


@pytest.mark.parametrize(("template", "lang", "whole", "part"), FORMS)
def test_a_share_after_its_count_is_of_the_count_stated_before(template: str, lang: str, whole: str,
                                                              part: str) -> None:
    share = f"{float(Fraction(int(part), int(whole)) * 100):g}"
    text = template.format(share=_fa(share) if lang == "fa" else share)
    got = _rules(text, lang)
    assert ("percent_of", [share, part, whole]) in [(k, q) for k, _c, _s, q in got]
    assert ("part_of", [part, whole]) in [(k, q) for k, _c, _s, q in got]
    assert _bad(text, lang) == []


@pytest.mark.parametrize(("template", "lang", "whole", "part"), FORMS)
def test_an_impossible_share_after_its_count_is_an_error(template: str, lang: str, whole: str, part: str) -> None:
    share = f"{float(Fraction(int(part), int(whole)) * 100) + 10:g}"
    text = template.format(share=_fa(share) if lang == "fa" else share)
    bad = _bad(text, lang)
    assert [(k, q) for k, _c, _s, q in bad] == [("percent_of", [share, part, whole])]
    assert bad[0][1] >= CONFIDENT  # the words state it: an error, not a possible finding


# Each must give no finding at all: on the old code and on this one.
QUIET = [
    # a subgroup stated in between: the share may be of the girls
    ("Some 48,000 candidates sat the exam, 20,000 of them girls. 18,000 (45 percent) passed.\n", "en"),
    ("Some 48,000 candidates sat the exam; 18,000 girls (45 percent) passed.\n", "en"),
    ("Some 48,000 candidates sat the exam; 9,000 (45 percent) of the girls passed.\n", "en"),
    ("Some 48,000 candidates sat the exam. Of the girls, 9,000 (45 percent) passed.\n", "en"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و ۱۸ هزار دختر (۴۵ درصد) قبول شدند.\n", "fa"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند. ۹ هزار نفر از دختران (۴۵ درصد) قبول شدند.\n", "fa"),
    # a change, percentage points, a share "more than" something
    ("Sales reached 2,400 cars last year. Exports rose 12 percent (to 500).\n", "en"),
    ("Police recorded 2,400 accidents; fatal ones numbered 600 (up 5 percent).\n", "en"),
    ("Police recorded 2,400 accidents; fatal ones numbered 600 (up 5 percentage points).\n", "en"),
    ("Police recorded 2,400 accidents; 600 (35 percent more than last year) were fatal.\n", "en"),
    ("پلیس ۲۴۰۰ تصادف ثبت کرد؛ ۶۰۰ مورد (۳۵ درصد بیشتر از پارسال) فوتی بود.\n", "fa"),
    ("پلیس ۲۴۰۰ تصادف ثبت کرد؛ ۶۰۰ مورد (۳ واحد درصد) فوتی بود.\n", "fa"),
    # a share of something the words name
    ("Police recorded 2,400 accidents, and 600 (25 percent of them fatal) were in the capital.\n", "en"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و ۱۸ هزار نفر (۲ درصد جمعیت شهر) قبول شدند.\n", "fa"),
    ("Some 48,000 candidates sat the exam; 18,000 (2 percent of the population) passed.\n", "en"),
    # another time
    ("Police recorded 2,400 accidents last year. In January, 600 (35 percent) were fatal.\n", "en"),
    ("Some 48,000 candidates sat the exam; in 2020, 18,000 (45 percent) passed.\n", "en"),
    ("Last year 40,000 candidates sat the exam. This year 48,000 sat it, and 18,000 (37.5 percent) passed.\n", "en"),
    ("Police recorded 2,400 accidents, up from 2,000 the year before; 600 (29 percent) were fatal.\n", "en"),
    ("پلیس پارسال ۲۴۰۰ تصادف ثبت کرد. در فروردین ۶۰۰ مورد (۳۵ درصد) فوتی بود.\n", "fa"),
    ("Police recorded 2,400 accidents last year, and in 2020, 600 (35 percent) were fatal.\n", "en"),
    # a contrast: the count is set against the whole, not taken out of it
    ("In the north 20,000 candidates sat the exam, while in the south 9,000 (23 percent) passed.\n", "en"),
    ("در شمال ۲۰ هزار داوطلب در آزمون شرکت کردند، در حالی که در جنوب ۹ هزار نفر (۲۳ درصد) قبول شدند.\n", "fa"),
    # a count with a share of its own stands between: "of them" may point to it
    ("The virus infected 48,000 people; 1,200 (2.5 percent) were hospitalised. Of them, 300 (35 percent) died.\n",
     "en"),
    # money: a bracketed share is most often of a budget the words do not give
    ("The city spent $4.2 billion on roads; schools got $1.6 billion (12 percent).\n", "en"),
    # another thing, or more than one thing the number might count
    ("Police recorded 2,400 accidents in 12 provinces; 600 (35 percent) were fatal.\n", "en"),
    ("Police recorded 2,400 accidents and 1,000 injuries; 600 (35 percent) were fatal.\n", "en"),
    ("The fund paid $2 million to 4,000 families; 600 (35 percent) lived in the north.\n", "en"),
    ("پلیس ۲۴۰۰ تصادف ثبت کرد و ۶۰۰ خودرو (۳۵ درصد) توقیف شد.\n", "fa"),
    # every part with its share: the shares may be of the parts together, not of the total before
    ("Some 900,000 people voted; 509,000 (59 percent) were women and 351,000 (41 percent) men.\n", "en"),
]


@pytest.mark.parametrize(("text", "lang"), QUIET)
def test_a_share_whose_whole_is_not_clear_gives_no_finding(text: str, lang: str) -> None:
    assert _bad(text, lang) == []


def test_a_share_after_a_count_in_another_sentence_far_back_gives_no_rule() -> None:
    text = ("Some 48,000 candidates sat the exam.\n\nResults came in June. Officials were pleased. "
            "18,000 (45 percent) passed.\n")
    assert [k for k, *_ in _rules(text, "en") if k in ("percent_of", "part_of")] == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(whole=st.integers(200, 90_000), frac=st.fractions(Fraction(1, 20), Fraction(19, 20)),
       lang=st.sampled_from(["en", "fa"]), off=st.sampled_from([0, 0, 5, -5]))
def test_a_bracketed_share_is_checked_against_the_count_before(whole: int, frac: Fraction, lang: str,
                                                               off: int) -> None:
    """Law: the share in brackets after a count holds exactly when it is the count over the one before
    (the share written to one decimal place, as news does, and off by five points or not at all; no
    figure ending in 0, so that none is read as rounded more coarsely)."""
    part = int(whole * frac)
    share = round(float(Fraction(part, whole) * 100) + off, 1)
    assume(part % 10 and whole % 10 and round(share * 10) % 10 and 0 < share < 100)
    if lang == "en":
        text = f"The city had {whole:,} candidates; {part:,} ({share:g} percent) passed.\n"
    else:
        text = _fa(f"داوطلبان این آزمون {whole} نفر بودند و {part} نفر ({share:g} درصد) قبول شدند.\n")
    bad = _bad(text, lang)
    assert bool(bad) == (off != 0), normalize_digits(text)


# A share written as a fraction word in brackets: (template, lang, whole, true part, impossible part)
FRACTION_FORMS = [
    ("The city has 48,000 candidates. {part} (a third) passed the exam.\n", "en", "48000", "16,000", "24,000"),
    ("Police recorded 2,400 accidents last year; {part} of them (half) were fatal.\n", "en", "2400", "1,200",
     "1,800"),
    ("Police recorded 2,400 accidents last year; {part} of them (a quarter) were fatal.\n", "en", "2400", "600",
     "1,200"),
    ("داوطلبان این آزمون ۴۸ هزار نفر بودند و {part} نفر (یک‌سوم) قبول شدند.\n", "fa", "48000", "۱۶ هزار",
     "۲۴ هزار"),
    ("پلیس پارسال ۲۴۰۰ تصادف ثبت کرد؛ {part} مورد از آن‌ها (نیمی) فوتی بود.\n", "fa", "2400", "۱۲۰۰", "۱۸۰۰"),
]


def _whole_number(written: str) -> str:
    text = normalize_digits(written).replace(",", "")
    return str(int(text.split()[0]) * (1000 if "هزار" in text else 1))


@pytest.mark.parametrize(("template", "lang", "whole", "part", "wrong"), FRACTION_FORMS)
def test_a_fraction_word_in_brackets_is_a_share_of_the_count_before(template: str, lang: str, whole: str,
                                                                   part: str, wrong: str) -> None:
    got = _rules(template.format(part=part), lang)
    # percent_of's claims are (share, part, whole), part_of's (part, whole)
    kinds = {(k, tuple(q[1:] if k == "percent_of" else q)) for k, _c, s, q in got if s is Status.consistent}
    assert ("percent_of", (_whole_number(part), whole)) in kinds
    assert ("part_of", (_whole_number(part), whole)) in kinds
    assert _bad(template.format(part=part), lang) == []
    bad = _bad(template.format(part=wrong), lang)
    assert [(k, q[1:]) for k, _c, _s, q in bad] == [("percent_of", [_whole_number(wrong), whole])]
