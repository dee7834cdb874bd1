"""Round trips against independent number-to-words generators (test-only dependencies).

num2fawords renders Persian cardinals and ordinals (with the یکصد spelling; we also rewrite it
to the plain صد spelling), num2words English ones.  Every number in 0 .. 10**12 written out
inside a sentence must extract back to exactly that number.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract, mentions

num2fawords = pytest.importorskip("num2fawords", reason="num2fawords is a test dependency (pip install -e '.[test]')")
num2words = pytest.importorskip("num2words", reason="num2words is a test dependency (pip install -e '.[test]')")

NUMBERS = st.integers(min_value=0, max_value=10**12)


def _plain_sad(words: str) -> str:
    """The other common spelling: «صد» for «یکصد» (num2fawords writes یکصد)."""
    return words.replace("یکصد", "صد")


def _only(found: list, kinds: tuple[str, ...]) -> list:
    return [m for m in found if m.kind in kinds]


@settings(max_examples=200, deadline=None)
@given(n=NUMBERS, sad=st.booleans())
@example(n=680000, sad=False).via("issue: «ششصد و هشتاد هزار» is not 80,600")
@example(n=10**12, sad=False)
@example(n=0, sad=False)
@example(n=100, sad=True)
def test_persian_cardinals(n: int, sad: bool) -> None:
    words = num2fawords.words(n)
    if sad:
        words = _plain_sad(words)
    text = f"در این گزارش {words} نفر ثبت شده است."
    claims = extract(text, "fa")
    assert [c.value for c in claims] == [Decimal(n)], words
    assert claims[0].unit == "person"
    s, e = claims[0].source.span
    assert text[s:e] == claims[0].source.quote and words in claims[0].source.quote


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12), sad=st.booleans(), mode=st.sampled_from(["م", "مین"]))
@example(n=161, sad=False, mode="مین").via("issue: «یکصد و شصت و یکمین» is not 61")
def test_persian_ordinals(n: int, sad: bool, mode: str) -> None:
    words = num2fawords.ordinal_words(n)
    if mode == "مین":
        words = words + "ین"
    if sad:
        words = _plain_sad(words)
    text = f"در {words} نشست شورا سخن گفت."
    found = _only(mentions(text, "fa"), ("ordinal",))
    assert [m.value for m in found] == [Decimal(n)], words
    assert extract(text, "fa") == []  # ranks are not claims


@settings(max_examples=200, deadline=None)
@given(n=NUMBERS)
@example(n=630000)
@example(n=10**12)
@example(n=0)
def test_english_cardinals(n: int) -> None:
    words = num2words.num2words(n)
    text = f"Officials said {words} people were counted."
    claims = extract(text, "en")
    assert [c.value for c in claims] == [Decimal(n)], words
    assert claims[0].unit == "person"


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12))
def test_english_ordinals(n: int) -> None:
    words = num2words.num2words(n, to="ordinal")
    text = f"It was the {words} session of the council."
    found = _only(mentions(text, "en"), ("ordinal",))
    assert [m.value for m in found] == [Decimal(n)], words
    assert extract(text, "en") == []


@settings(max_examples=200, deadline=None)
@given(n=NUMBERS, script=st.sampled_from(["ascii", "persian", "arabic"]), grouped=st.booleans())
def test_digits_in_every_script(n: int, script: str, grouped: bool) -> None:
    digits = f"{n:,}" if grouped else str(n)
    table = {"ascii": "0123456789", "persian": "۰۱۲۳۴۵۶۷۸۹", "arabic": "٠١٢٣٤٥٦٧٨٩"}[script]
    sep = {"ascii": ",", "persian": "٬", "arabic": "٬"}[script]
    written = "".join(table[int(ch)] if ch.isdigit() else sep for ch in digits)
    text = f"گزارش: {written} نفر ثبت شد."
    claims = extract(text, "fa")
    assert [c.value for c in claims] == [Decimal(n)], written
