"""Comparisons stated in words: "higher than", "exceeds", «بیشتر از», "more than 10 times".

Two figures of one unit in one sentence with a comparative between them ("A, higher than
B", «A ... بیشتر از B») give ``a > b``; a multiple between them ("13.6 percent, more than
10 times the country's 1.2 percent", «A ... ۴۰ برابر B») gives ``a >= k × b`` with the
multiple's own hedge.  "Lower", "fewer", «کمتر» give ``a < b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds.compare import CompareRule
from . import Proposal, pattern
from .doc import Cue, Doc, Figure

_MORE = re.compile(r"\b(higher than|more than|greater than|larger than|bigger than|exceeds?|exceeded|exceeding|"
                   r"above|outnumber(s|ed)?)\b|(?<!\w)(بیشتر از|بالاتر از|فراتر از|افزون بر)(?!\w)")
_LESS = re.compile(r"\b(lower than|less than|fewer than|smaller than|below)\b|"
                   r"(?<!\w)(کمتر از|پایین تر از|کم تر از)(?!\w)")
_TIMES_UNITS = ("times",)


def _same(a: Figure, b: Figure) -> bool:
    return (a.dims == b.dims and a.is_percent == b.is_percent and not (a.is_bare or a.is_ratio)
            and not (b.is_bare or b.is_ratio))


@pattern("compare")
def find(doc: Doc) -> Iterator[Proposal]:
    for si in range(len(doc.sentences)):
        figs = doc.in_sentence(si)
        for i, a in enumerate(figs):
            for j in range(i + 1, min(i + 3, len(figs))):
                b = figs[j]
                mid = figs[i + 1:j]
                gap_lo, gap_hi = a.end, b.start
                if len(doc.norm[gap_lo:gap_hi]) > 90:
                    continue
                if len(mid) == 1 and mid[0].claim.unit in _TIMES_UNITS and _same(a, b):
                    k = mid[0]
                    cue = Cue(doc.quote(k), k.start, k.end)
                    yield Proposal(CompareRule(id="r", kind="compare", a=a.id, op=">=", b=b.id, factor_claim=k.id,
                                               confidence=0.8,
                                               evidence=doc.evidence([cue], "the first figure is said to be this "
                                                                     "multiple of the second")))
                    continue
                if mid or not _same(a, b):
                    continue
                for pat, op in ((_MORE, ">"), (_LESS, "<")):
                    c = doc.find(pat, gap_lo, gap_hi)
                    # a hedge belongs to the next figure ("more than 2,000"), not a comparison
                    if c is None or c.end >= b.start - 1 or doc.norm[c.end:b.start].strip() == "":
                        continue
                    yield Proposal(CompareRule(id="r", kind="compare", a=a.id, op=op, b=b.id,
                                               confidence=0.8,
                                               evidence=doc.evidence([c], "the words compare the two figures")))
                    break
