"""Stated counts against what the text lists: "five pillars: a, b, c, d and e", «پنج کشور».

A small whole count followed by a colon, "namely", "including"-free enumerators such as
"are", «یعنی», «عبارتند از», and then a list ("a, b, c and d") is a ``count`` rule over
the items (a trailing "etc." / «و…» makes the list open, and no rule is made).  Items
that each carry a figure of one unit ("dairy with 81 million dollars, cement with 27
million dollars, ...") are counted by those figures.  A count broken down into counts
("nine of the ten: three in Texas, three in Georgia and one each in Virginia, Kentucky
and Florida") is a ``count`` rule over its parts, "one each in A, B and C" counting three.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds.base import Term
from ..kinds.count import CountRule
from . import Proposal, pattern
from .cues import each_times, split_list
from .doc import Cue, Doc, Figure

_INTRO = re.compile(r"[^.;؛:\d]{0,40}?(:|\bnamely\b|(?<!\w)(یعنی|عبارتند از|عبارت اند از|شامل)(?!\w))")
_OF_THE = re.compile(r"\s*of (the|all|its|their)\s*$")
MAX_COUNT = 20


def _small_count(f: Figure) -> bool:
    v = f.value
    return (v is not None and v.denominator == 1 and 2 <= v <= MAX_COUNT and not f.is_percent
            and f.per_time == 0 and f.claim.hedge.value == "exact")


@pattern("count")
def find(doc: Doc) -> Iterator[Proposal]:
    for f in doc.figures:
        if not _small_count(f):
            continue
        s_end = doc.sentences[f.sentence][1]
        m = _INTRO.match(doc.norm, f.end, s_end)
        if m is None:
            continue
        cue = Cue(doc.text[m.start(1):m.end(1)], m.start(1), m.end(1))
        # "Nine of the 10 counties ...: three in Texas, ..." counts the nine.
        before = [g for g in doc.in_sentence(f.sentence) if g.end <= f.start]
        if before and _OF_THE.match(doc.between(before[-1], f)) and _small_count(before[-1]):
            f = before[-1]
        later = [g for g in doc.in_sentence(f.sentence) if g.start >= m.end()]
        if later:
            yield from _with_figures(doc, f, cue, later)
            continue
        words = doc.norm[m.end():s_end]
        items, etc = split_list(words)
        if etc or len(items) < 2 or any(len(i.split()) > 6 for i in items):
            continue
        # "and" may join words inside one item ("law and order"): if splitting on commas alone
        # gives the stated count, that reading stands.
        by_comma = [i.strip(" .") for i in re.split(r"[,،]", words) if i.strip(" .")]
        if f.value == len(by_comma):
            items = by_comma
        yield Proposal(CountRule(id="r", kind="count", claim=f.id, items=[_orig(doc, m.end(), s_end, i) for i in items],
                                 confidence=0.8,
                                 evidence=doc.evidence([cue], f"the list after it names {len(items)}")))


def _orig(doc: Doc, lo: int, hi: int, item: str) -> str:
    """The item as written in the article (the list was split on normalised text)."""
    at = doc.norm.find(item, lo, hi)
    return doc.text[at:at + len(item)] if at >= 0 else item


def _with_figures(doc: Doc, f: Figure, cue: Cue, later: list[Figure]) -> Iterator[Proposal]:
    first = later[0]
    run = [g for g in later if g.claim.unit == first.claim.unit]
    # Items that carry a figure each, all in one unit: count the figures up to the first of another unit.
    items: list[Figure] = []
    for g in later:
        if g.claim.unit != first.claim.unit:
            break
        items.append(g)
    if first.dims == f.dims or (first.is_bare and f.is_bare):
        # A count broken into counts: "three in Texas, three in Georgia and one each in A, B and C".
        terms: list[Term] = []
        for g in run:
            terms.append(Term(claim=g.id, times=each_times(doc, g) or 1))
        if len(terms) >= 2:
            yield Proposal(CountRule(id="r", kind="count", claim=f.id, parts=terms, confidence=0.8,
                                     evidence=doc.evidence([cue], "the counts after it make it up")))
        return
    if len(items) >= 2 and not first.is_bare:
        yield Proposal(CountRule(id="r", kind="count", claim=f.id, items=[doc.quote(g) for g in items],
                                 confidence=0.6,
                                 evidence=doc.evidence([cue], f"{len(items)} items follow, each with a figure")))
