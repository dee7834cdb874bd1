"""Repeated figures: a headline or lead against the body, digits against words.

"More than 41 thousand calls" in the headline and "41,549 calls" in the body are one
figure said twice; so are «حدود 20 درصد» and «حدود ۲۰ درصد», or «۷ نفر» and «هفت نفر».
A headline or lead figure is paired with a body figure of the same thing only when the
lead's is the rounder of the two (a hedge, a scale word, or fewer significant digits: a
headline rounds, it does not invent) and the body's lies within two of the lead's
rounding units of it.  A figure written in words is paired with the same value in digits.
One candidate alone is a confident repeat; several make it a possible one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from ..kinds.repeat import RepeatRule
from ..numbers import implied_precision
from . import Proposal, pattern
from .doc import Doc, Figure
from .percent_of import _is_share
from .resolve import unify

_DIGIT = re.compile(r"\d")


def _eligible(doc: Doc, f: Figure) -> bool:
    if f.value is None or f.value == 0 or f.is_bare or f.is_ratio:
        return False
    return not (f.is_percent and not _is_share(doc, f))


def _unit_of_rounding(f: Figure) -> Fraction:
    c = f.claim
    assert c.value is not None
    if c.precision is not None:
        return Fraction(c.precision)
    if c.scale is not None:
        digits = c.value / c.scale
        return Fraction(implied_precision(digits.normalize() if digits == digits.to_integral_value()
                                          else digits)) * Fraction(c.scale)
    return Fraction(implied_precision(Decimal(c.value)))


def _restates(lead: Figure, body: Figure) -> bool:
    """The lead's figure is a rounding (or hedged form) of the body's."""
    assert lead.value is not None and body.value is not None
    if lead.value == body.value and lead.claim.hedge is body.claim.hedge:
        return True  # said again the same way ("about 20 percent" in the lead and the body)
    unit, body_unit = _unit_of_rounding(lead), _unit_of_rounding(body)
    if unit < body_unit:
        return False  # a lead never states a figure more finely than the body it sums up
    rounder = unit > body_unit or (lead.claim.hedge.value != "exact" and body.claim.hedge.value == "exact")
    near = abs(lead.value - body.value) <= min(2 * unit, max(abs(lead.value), abs(body.value)) / 4)
    return rounder and near


def _lead_end(doc: Doc) -> int:
    """Where the lead ends: the first blank line if it comes early, else after a title line."""
    blank = doc.text.find("\n\n")
    if 0 < blank < 0.4 * len(doc.text):
        return blank
    first = doc.sentence_text(0)
    if first.endswith("\n") and not first.rstrip().endswith((".", "!", "?", "؟")):
        return doc.sentences[0][1]
    return 0


@pattern("repeat")
def find(doc: Doc) -> Iterator[Proposal]:
    figs = [f for f in doc.figures if _eligible(doc, f)]
    lead_end = _lead_end(doc)
    seen: set[frozenset[str]] = set()
    for a in figs:
        if a.start >= lead_end:
            break
        cands = [b for b in figs if b.start >= lead_end and b.is_percent == a.is_percent
                 and unify(doc, [a, b], classifier=True) is not None and _restates(a, b)]
        if not cands:
            continue
        va = a.value
        assert va is not None
        best = min(cands, key=lambda b: abs(Fraction(b.value or 0) - va))
        seen.add(frozenset((a.id, best.id)))
        conf = 0.8 if len(cands) == 1 else 0.6
        where = "headline" if a.sentence == 0 and doc.sentence_text(0).endswith("\n") else "lead"
        yield Proposal(RepeatRule(id="r", kind="repeat", claims=[a.id, best.id], confidence=conf,
                                  evidence=f"«{doc.quote(a)}» at {doc.where(a.start)} in the {where} restates "
                                           f"«{doc.quote(best)}» at {doc.where(best.start)}"),
                       unify(doc, [a, best], classifier=True) or {})
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
