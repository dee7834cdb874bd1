"""Shares of one whole add up to at most 100 percent, or exactly 100 when the words close it.

"42 percent of calls were about prevention and 49 percent about traffic, and the rest
about other matters": two or more percentages in one sentence, listed together, none a
change ("rose 9 percent") and none tied to a different time ("6.7% in September and 5.4%
so far this year" are shares of two different wholes).  A remainder with its own figure
("the rest, 9 percent", «بقیه ۹ درصد») or a complementary pair (women / men) closes the
whole: the shares must then add to 100.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds.percent_total import PercentTotalRule
from . import Proposal, pattern
from .cues import BINARY, COMPLEMENT, TIME_WORD
from .doc import Doc, Figure
from .percent_of import _is_share

_CONTRAST = re.compile(r"\b(target|goal|against|compared|versus|vs|up from|down from|than|average)\b|"
                       r"(?<!\w)(هدف|نسبت به|در مقایسه|میانگین|بیش از|کمتر از)(?!\w)")
_JOIN = re.compile(r"^[^.;؛:]{0,80}$")
#: "from 40 percent to 70 percent", «از ۴۰ درصد به ۷۰ درصد», "between 40 and 70 percent": one share at two
#: times, or a range — never two shares of one whole.
_FROM = re.compile(r"\b(from|between)\s*$|(?<!\w)(از|بین|میان)\s*$")
_TO = re.compile(r"^\s*(to|and|-|–)\s*$|^\s*(به|تا|و)\s*$")


def _groups(doc: Doc) -> Iterator[list[Figure]]:
    for si in range(len(doc.sentences)):
        shares = [f for f in doc.in_sentence(si) if f.is_percent and _is_share(doc, f)]
        group: list[Figure] = []
        for i, f in enumerate(shares):
            if i and _old_new(doc, shares[i - 1], f):
                continue
            if i + 1 < len(shares) and _old_new(doc, f, shares[i + 1]):
                continue
            if group and not _JOIN.match(doc.between(group[-1], f)):
                if len(group) >= 2:
                    yield group
                group = []
            group.append(f)
        if len(group) >= 2:
            yield group


def _old_new(doc: Doc, a: Figure, b: Figure) -> bool:
    """``a`` and ``b`` are the two ends of "from a to b" (or of a range)."""
    lo = max(doc.sentences[a.sentence][0], a.start - 12)
    return bool(_TO.match(doc.between(a, b))) and _FROM.search(doc.norm, lo, a.start) is not None


@pattern("shares")
def find(doc: Doc) -> Iterator[Proposal]:
    for group in _groups(doc):
        lo = doc.sentences[group[0].sentence][0]
        hi = doc.sentences[group[0].sentence][1]
        if doc.find(TIME_WORD, max(lo, group[0].start - 40), min(hi, group[-1].end + 30)) is not None:
            continue
        if doc.find(_CONTRAST, group[0].end, group[-1].start) is not None:
            continue  # "74 percent, against a target of 95 percent" compares, it does not split
        closing = None
        for f in group:
            c = doc.find(COMPLEMENT, max(lo, f.start - 15), f.start)
            if c is not None:
                closing = c
        pair = None
        if len(group) == 2:
            for a, b in BINARY:
                ca, cb = doc.find(a, max(lo, group[0].start - 25), hi), doc.find(b, max(lo, group[0].start - 25), hi)
                if ca is not None and cb is not None:
                    pair = ca
        exhaustive = closing is not None or pair is not None
        rest = doc.find(COMPLEMENT, group[-1].end, hi)
        why = ("the shares and the rest make up the whole" if exhaustive
               else "shares of one whole" + (f", with «{rest.words}» for what is left" if rest else ""))
        yield Proposal(PercentTotalRule(id="r", kind="percent_total", shares=[f.id for f in group],
                                        exhaustive=exhaustive, confidence=0.8 if exhaustive or rest else 0.7,
                                        evidence=doc.evidence([closing or pair or rest], why)))
