"""Multiples said of two counts: "twice as many men as women", «تعداد مردان دو برابر زنان بود».

The two counts are in the sentence, each written with the noun the words name ("9,240 men and
4,620 women, twice as many men as women", «۹ هزار و ۲۴۰ مرد و ۴ هزار و ۶۲۰ زن … تعداد مردان
دو برابر زنان بود»), and the multiple is a figure of its own (extraction reads "twice" as 2
times, «دو برابر» as 2 times, "half" as a half): the first count is that multiple of the
second (``ratio``).  Nothing is inferred unless exactly one count of the sentence carries each
noun, or when the words compare with a time rather than a thing ("twice as many as last year").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds.ratio import RatioRule
from . import Proposal, pattern
from .doc import Cue, Doc, Figure
from .resolve import unify
from .totals import noun_stem, written_with

#: "twice as many men as women", "three times as many cars as bikes", "half as much money as":
#: right after the multiple.
_AS_MANY = re.compile(r"\s*as (?:many|much) (?P<a>[a-z]{3,}) as (?:the |there were |were )?(?P<b>[a-z]{3,})\b")
#: «تعداد مردان دو برابر زنان»: the first noun right before the multiple, the second right after.
_BEFORE_FA = re.compile(r"(?<!\w)(?P<a>[^\W\d]{2,})\s*$")
_AFTER_FA = re.compile(r"\s*(?:تعداد\s+)?(?P<b>[^\W\d]{2,})")
#: Units of a multiple: "twice", "three times", «دو برابر», "half", "a third".
_MULTIPLES = frozenset({"times", "half", "third", "fourth", "quarter_share", "fifth", "tenth"})


def _named(doc: Doc, figs: list[Figure], noun: str) -> list[Figure]:
    stem = noun_stem(noun)
    return [f for f in figs if written_with(doc, f, stem, reach=1)]  # the noun in the figure's quote


def _nouns(doc: Doc, k: Figure) -> tuple[str, str, int] | None:
    """The two nouns the multiple ``k`` relates, and where the words end."""
    if doc.lang == "fa":
        lo = max(doc.sentences[k.sentence][0], k.start - 30)
        before = _BEFORE_FA.search(doc.norm, lo, k.start)
        after = _AFTER_FA.match(doc.norm, k.end)
        if before is None or after is None:
            return None
        return before.group("a"), after.group("b"), after.end()
    m = _AS_MANY.match(doc.norm, k.end)
    return None if m is None else (m.group("a"), m.group("b"), m.end())


@pattern("multiple")
def find(doc: Doc) -> Iterator[Proposal]:
    for k in doc.figures:
        if k.claim.unit not in _MULTIPLES or k.value is None:
            continue
        nouns = _nouns(doc, k)
        if nouns is None:
            continue
        counts = [f for f in doc.in_sentence(k.sentence) if f is not k and f.is_count and f.value is not None]
        a, b = _named(doc, counts, nouns[0]), _named(doc, counts, nouns[1])
        if len(a) != 1 or len(b) != 1 or a[0] is b[0]:
            continue
        retype = unify(doc, [a[0], b[0]], classifier=True)  # men and women: both people
        if retype is None:
            continue
        cue = Cue(doc.text[k.start:nouns[2]], k.start, nouns[2])
        yield Proposal(RatioRule(id="r", kind="ratio", numerator=a[0].id, denominator=b[0].id, ratio=k.id,
                                 confidence=0.8,
                                 evidence=doc.evidence([cue], "the words say the first count is this multiple of "
                                                       "the second")), retype)
