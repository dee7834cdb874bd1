"""Repeated figures: a headline or lead against the body, digits against words.

"More than 41 thousand calls" in the headline and "41,549 calls" in the body are one
figure said twice; so are «حدود 20 درصد» and «حدود ۲۰ درصد», or «۷ نفر» and «هفت نفر».
A headline or lead figure is paired with a body figure of the same thing only when the
lead's is the rounder of the two (a hedge, a scale word, or fewer significant digits: a
headline rounds, it does not invent) and the body's lies within two of the lead's
rounding units of it.  A figure written in words is paired with the same value, with the
same hedge, in digits.  One candidate alone is a confident repeat; several make it a
possible one.

Being near in value is not evidence of being the same quantity, and a false repeat is an
error on a truthful article, so a pair also needs the words to agree:

* a body figure that says a lead figure again word for word restates that one, not another;
* the older figure of a change ("from 62 percent to 80", «از دو هزار رأی به ...», "up from
  last year, when ...") is a past value, which a lead or body figure of now does not restate
  (the newer one may be: "$4.2bn budget" over "$4.2 billion, 8 percent more than ...");
* a percentage has no noun of its own, so the lead's words about it ("concerned
  prevention") must all be in the words about the body's ("concerned traffic" is another
  share of the same calls);
* two figures placed in different years ("in 2019", «در سال ۱۴۰۰») are different figures;
* nor are two said of different members of a split («در پایتخت» / «در استان‌ها», "women" /
  "men", "in the north" / "in the south"), or one of a member and one of the whole: "more
  than 100 votes in the capital" is restated neither by "90 votes in the provinces" nor by
  "fewer than 80 votes were counted".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from ..kinds.repeat import RepeatRule
from ..numbers import implied_precision
from . import Proposal, pattern
from .change import _STOP
from .cues import BINARY
from .doc import Doc, Figure
from .pairs import all_pairs
from .percent_of import _is_share
from .resolve import unify

_DIGIT = re.compile(r"\d")
#: Where the words about one figure stop: a clause break.
_CLAUSE_BREAK = re.compile(r"[,;:،؛()]|\s(?:and|but|while|whereas|و|اما|ولی)\s")
#: Words that say how a figure is hedged or what it counts in, not what it is about.
_NOT_SUBJECT = frozenset((
    "most", "least", "nearly", "about", "almost", "around", "under", "roughly", "some", "just", "less", "fewer",
    "percent", "percentage", "points", "equal", "equivalent", "share",
    "بیش", "کمتر", "حداکثر", "حداقل", "حدود", "نزدیک", "تقریبا", "درصد", "واحد", "معادل", "سهم", "کل"))
#: Places that split a whole, as BINARY does for two: a figure of one is not a figure of another.
_COMPASS = tuple(re.compile(p) for p in (
    r"\b(?:the )?north(?:ern)?\b|(?<!\w)شمال(?!\w)", r"\b(?:the )?south(?:ern)?\b|(?<!\w)جنوب(?!\w)",
    r"\b(?:the )?east(?:ern)?\b|(?<!\w)شرق(?!\w)", r"\b(?:the )?west(?:ern)?\b|(?<!\w)غرب(?!\w)"))
_SPLITS: tuple[tuple[re.Pattern[str], ...], ...] = (*BINARY, _COMPASS)
_YEAR = re.compile(r"(?<![\d.,٫])(?:19\d\d|20\d\d|13\d\d|14\d\d)(?![\d.,٫])")


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


def _clause(doc: Doc, f: Figure) -> tuple[int, int]:
    """The stretch of ``f``'s sentence that is about ``f``: to the clause breaks or the next figures."""
    s, e = doc.sentences[f.sentence]
    for g in doc.in_sentence(f.sentence):
        if g.end <= f.start:
            s = max(s, g.end)
        elif g.start >= f.end:
            e = min(e, g.start)
    breaks = [m for m in _CLAUSE_BREAK.finditer(doc.norm, s, e)]
    s = max([s, *(m.end() for m in breaks if m.end() <= f.start)])
    e = min([e, *(m.start() for m in breaks if m.start() >= f.end)])
    return s, e


def _about(doc: Doc, f: Figure) -> set[str]:
    """The content words of ``f``'s clause, outside the figure itself."""
    s, e = _clause(doc, f)
    text = doc.norm[s:f.start] + " " + doc.norm[f.end:e]
    return {w for w in re.findall(r"[^\W\d_]{3,}", text) if w not in _STOP and w not in _NOT_SUBJECT}


def _years(doc: Doc, f: Figure) -> set[str]:
    """The years named in ``f``'s sentence (a year often opens it: "In 2023, the line took ...")."""
    return set(_YEAR.findall(doc.norm, *doc.sentences[f.sentence]))


def _members(doc: Doc, f: Figure, split: tuple[re.Pattern[str], ...]) -> set[int]:
    """Which members of ``split`` ``f``'s clause names."""
    s, e = _clause(doc, f)
    return {i for i, p in enumerate(split) if p.search(doc.norm, s, e)}


def _apart(doc: Doc, a: Figure, b: Figure) -> bool:
    """``a`` and ``b`` are said of different parts of a split (the capital, the provinces, the whole)."""
    return _memberships(doc, a) != _memberships(doc, b)


def _memberships(doc: Doc, f: Figure) -> tuple[frozenset[int], ...]:
    """:func:`_members` of every split for ``f``, read once per figure (lead and body figures are
    compared pairwise, so a long article would otherwise read each clause again for every pair)."""
    known = doc.once(_memberships_known)
    got = known.get(f.id)
    if got is None:
        got = known[f.id] = tuple(frozenset(_members(doc, f, split)) for split in _SPLITS)
    return got


def _memberships_known(doc: Doc) -> dict[str, tuple[frozenset[int], ...]]:
    return {}


def _older(doc: Doc) -> frozenset[str]:
    """Figures that are the older value of a change the words state (once per document)."""
    return doc.once(_older_ids)


def _older_ids(doc: Doc) -> frozenset[str]:
    return frozenset(p.old.id for p in all_pairs(doc))


def _same_quantity(doc: Doc, a: Figure, b: Figure) -> bool:
    """Whether the words give reason to read ``a`` and ``b`` as one quantity (see the module doc)."""
    if a.id in _older(doc) or b.id in _older(doc):
        return False
    ya, yb = _years(doc, a), _years(doc, b)
    if (ya and yb and not ya & yb) or _apart(doc, a, b):
        return False
    if a.is_percent:
        wa, wb = _about(doc, a), _about(doc, b)
        return bool(wa) and wa <= wb
    return True


def _said_in_lead(b: Figure, lead: list[Figure], a: Figure) -> bool:
    """``b`` says again, word for word, a lead figure other than ``a``: it restates that one.

    "more than twenty people, of which ... nearly 17 people in the provinces" in the lead and
    "Of nearly 17 people, ..." in the body: the body's 17 is the lead's 17, not its twenty.
    """
    return any(g is not a and g.value == b.value and g.claim.hedge is b.claim.hedge and g.claim.unit == b.claim.unit
               for g in lead)


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
    lead = [f for f in figs if f.start < lead_end]
    for a in lead:
        cands = [b for b in figs if b.start >= lead_end and b.is_percent == a.is_percent
                 and unify(doc, [a, b], classifier=True) is not None and _restates(a, b)
                 and _same_quantity(doc, a, b) and not _said_in_lead(b, lead, a)]
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
    # Digits against words: the same value, once in digits and once in words.  Only
    # figures of one value and unit can pair: grouped first, so that a long article is
    # not compared pair by pair (thousands of figures, millions of Fraction comparisons).
    same: dict[tuple[object, str], list[int]] = {}
    for i, f in enumerate(figs):
        same.setdefault((f.value, f.claim.unit), []).append(i)
    for i, a in enumerate(figs):
        group = same[(a.value, a.claim.unit)]
        for j in group[bisect_right(group, i):]:  # the figures after a, in order
            b = figs[j]
            if b.sentence == a.sentence:
                continue
            if a.claim.hedge is not b.claim.hedge or not _same_quantity(doc, a, b):
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
