"""Shares written "one in four", and a share restating its count after "or".

"Nearly one in four families, or 13,000, had young children": the share is a fourth (as
"a fourth" is), and the count after it, between commas, is the part it gives of the families
stated before.  Without the period guard "2 in 10 days" would become two tenths.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from infer_helpers import figures, verdicts

from factcheck.findings import Status


@pytest.mark.parametrize(("text", "quote", "value", "unit"), [
    ("Nearly one in four families had young children.", "Nearly one in four", 1, "fourth"),
    ("One in every 5 voters was under 30.", "One in every 5", 1, "fifth"),
    ("Two in three adults agreed.", "Two in three", 2, "third"),
    ("1 in 10 drivers was over the limit.", "1 in 10", 1, "tenth"),
])
def test_one_in_four_is_a_share(text: str, quote: str, value: int, unit: str) -> None:
    assert (quote, Decimal(value), unit) in figures(text, "en")


@pytest.mark.parametrize("text", [
    "It rained 2 in 10 days.",  # a count of days, not two tenths
    "Three in 2024 were fined.",  # a year
    "Five in three districts were hurt.",  # more than the whole: not a share
    "One in seven was late.",  # no fraction word for sevenths: not read as one
])
def test_not_a_share(text: str) -> None:
    assert all(u not in ("tenth", "third", "fourth", "fifth", "seventh") for _q, _v, u in figures(text, "en"))


def _verdicts(text: str) -> list[tuple[str, Status]]:
    return sorted((kind, s) for kind in ("part_of", "percent_of") for s in verdicts(text, "en", kind))


@pytest.mark.parametrize(("share", "wrong"), [
    ("About 25 percent of them", "About 35 percent of them"),
    ("Nearly one in four families", "Nearly one in three families"),
])
def test_a_share_then_its_count_after_or(share: str, wrong: str) -> None:
    text = f"The food bank served 52,000 families last year. {share}, or 13,000, had young children.\n"
    assert _verdicts(text) == [("part_of", Status.consistent), ("percent_of", Status.consistent)]
    assert ("percent_of", Status.inconsistent) in _verdicts(text.replace(share, wrong))


def test_a_change_then_a_count_after_or_is_no_share() -> None:
    text = "The food bank served 52,000 families last year. Sales rose 25 percent, or 13,000, this year.\n"
    assert [k for k, _s in _verdicts(text) if k == "percent_of"] == []


@pytest.mark.parametrize("text", [
    "Children under five accounted for 62 percent of the cases.",
    "People over 65 make up 18 percent of the population.",
    "The vaccine is for those aged 12 to 15.",
])
def test_an_age_is_not_a_count(text: str) -> None:
    assert [q for q, _v, _u in figures(text, "en") if "percent" not in q] == []


@pytest.mark.parametrize(("text", "quote"), [
    ("Over 65 people were hurt.", "Over 65 people"),  # a hedged count, not an age
    ("Drivers under 25 caused 1,200 crashes.", "1,200 crashes"),
])
def test_counts_near_age_words_are_still_read(text: str, quote: str) -> None:
    assert quote in [q for q, _v, _u in figures(text, "en")]


def test_a_share_of_a_named_group_then_its_count() -> None:
    # "under five" is an age; "about 770" restates 62 percent of the 1,240 cases
    text = ("The ministry reported 1,240 new measles cases in the first quarter. Children under five accounted "
            "for 62 percent of the cases, or about 770.\n")
    assert verdicts(text, "en", "percent_of") == [Status.consistent]
    assert verdicts(text.replace("62 percent", "72 percent"), "en", "percent_of") == [Status.inconsistent]
