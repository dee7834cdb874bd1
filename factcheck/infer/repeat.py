"""Repeated figures: a headline or lead against the body, digits against words.

"More than 41 thousand calls" in the headline and "41,549 calls" in the body are one
figure said twice; so are «حدود 20 درصد» and «حدود ۲۰ درصد», or «۷ نفر» and «هفت نفر».
A figure in the first two sentences is paired with the body figure of the same unit
closest to it, if that is within a sixth of it (a headline rounds, it does not invent);
a figure written in words is paired with the same value written in digits.  One such
candidate alone is a confident repeat; several make it a possible one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from ..kinds.repeat import RepeatRule
from . import Proposal, pattern
from .doc import Doc, Figure
from .percent_of import _is_share

_DIGIT = re.compile(r"\d")
#: How far a lead's rounded figure may sit from the body's exact one and still be its repeat.
NEAR = Fraction(1, 6)


def _eligible(doc: Doc, f: Figure) -> bool:
    if f.value is None or f.value == 0 or f.is_bare:
        return False
    return not (f.is_percent and not _is_share(doc, f))


def _near(a: Figure, b: Figure) -> bool:
    va, vb = a.value, b.value
    assert va is not None and vb is not None
    return abs(va - vb) <= NEAR * max(abs(va), abs(vb))


def _lead_end(doc: Doc) -> int:
    """Where the lead ends: the first blank line if it comes early, else after two sentences."""
    blank = doc.text.find("\n\n")
    if 0 < blank < 0.4 * len(doc.text):
        return blank
    return doc.sentences[min(1, len(doc.sentences) - 1)][1]


@pattern("repeat")
def find(doc: Doc) -> Iterator[Proposal]:
    figs = [f for f in doc.figures if _eligible(doc, f)]
    lead_end = _lead_end(doc)
    seen: set[frozenset[str]] = set()
    for a in figs:
        if a.start >= lead_end:
            break
        cands = [b for b in figs if b.sentence > a.sentence and b.start >= lead_end and b.dims == a.dims
                 and b.claim.unit == a.claim.unit and _near(a, b)]
        if not cands:
            continue
        assert a.value is not None
        va = a.value
        best = min(cands, key=lambda b: abs(Fraction(b.value or 0) - va))
        key = frozenset((a.id, best.id))
        seen.add(key)
        conf = 0.8 if len(cands) == 1 else 0.6
        where = "headline" if a.sentence == 0 and "\n" in doc.sentence_text(0)[-1:] else "lead"
        yield Proposal(RepeatRule(id="r", kind="repeat", claims=[a.id, best.id], confidence=conf,
                                  evidence=f"«{doc.quote(a)}» at {doc.where(a.start)} in the {where} restates "
                                           f"«{doc.quote(best)}» at {doc.where(best.start)}"))
    # Digits against words: the same value, once in digits and once in words.
    for i, a in enumerate(figs):
        for b in figs[i + 1:]:
            if b.sentence == a.sentence or a.value != b.value or a.claim.unit != b.claim.unit:
                continue
            if bool(_DIGIT.search(doc.norm[a.start:a.end])) == bool(_DIGIT.search(doc.norm[b.start:b.end])):
                continue
            key = frozenset((a.id, b.id))
            if key in seen:
                continue
            seen.add(key)
            yield Proposal(RepeatRule(id="r", kind="repeat", claims=[a.id, b.id], confidence=0.6,
                                      evidence=f"«{doc.quote(a)}» at {doc.where(a.start)} and «{doc.quote(b)}» at "
                                               f"{doc.where(b.start)}: the same figure in digits and in words"))
