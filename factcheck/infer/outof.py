"""A count taken out of a stated whole: "18,000 of the 48,000 candidates", «۳ ماه از ۱۲ ماه».

"A of the B <noun>" (also "A out of B", "A of its B", "61 of the council's 100 seats") and
«A از B» say that A is some of B: a ``part_of`` rule, so that a part larger than its whole is
flagged.  When a share restates the pair right after it ("…, or 37.5 percent") the share's
``percent_of`` rule (:mod:`factcheck.infer.percent_of`) already holds both figures and nothing
more is proposed here; the ``parts`` pattern proposes these rules.  Persian «از» is also "than"
(«۲۰ هزار نفر از ۱۵ هزار نفر سال قبل بیشتر است») and "from" («۲۰۰ نفر از ۱۵ شهرک»): a
comparative after the whole in its clause, or a whole that is the older end of a change, gives
no rule, and the two Persian figures must count one thing as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..kinds.part_of import PartOfRule
from . import Proposal
from .doc import Cue, Doc, Figure
from .resolve import unify, unify_part
from .totals import comparison_figures

#: Between the part and its whole: "of the", "out of", "of its", "of the council's", "of the past".
_BETWEEN = {
    "en": re.compile(r"^\s*(?P<of>out of|of)\s+(?:(?:the|its|their|all the)\s+)?(?:[a-z]+(?:'s|s')\s+)?"
                     r"(?:(?:past|last|previous|first)\s+)?$"),
    "fa": re.compile(r"^\s*(?P<of>از)\s+(?:(?:مجموع|کل|میان|بین)\s+)?$"),
}
#: After the whole, in its clause: a comparison, not a part («… از ۱۵ هزار نفر سال قبل بیشتر»).
_COMPARATIVE = re.compile(r"^[^.,;:،؛]{0,40}?(?<!\w)(بیشتر|کمتر|بیش|کم|فراتر|عبور|بالاتر|پایین\s*تر|افزون|more|less|"
                          r"fewer|higher|lower)(?!\w)")


def _counted(f: Figure) -> bool:
    """A count of things, or of spans of time ("3 of the 12 months": a duration, not a rate)."""
    return f.is_count or (not f.thing and f.per_time == 1)


def _share_next(doc: Doc, whole: Figure) -> bool:
    """A share or fraction is the next figure of the sentence: its rule holds the pair."""
    nxt = [g for g in doc.in_sentence(whole.sentence) if g.start >= whole.end]
    return bool(nxt) and (nxt[0].is_percent or nxt[0].is_ratio)


def out_of(doc: Doc) -> Iterator[Proposal]:
    """``part_of`` for each "A of the B" / «A از B» pair of counts of one thing (part of the
    ``parts`` pattern, :mod:`factcheck.infer.parts`)."""
    between = _BETWEEN.get(doc.lang)
    if between is None:
        return
    older = comparison_figures(doc)
    for si in range(len(doc.sentences)):
        figs = doc.in_sentence(si)
        for part, whole in pairwise(figs):
            if not _counted(whole) or not (_counted(part) or part.is_bare) or part.value is None:
                continue
            m = between.match(doc.between(part, whole))
            if m is None or _share_next(doc, whole) or _COMPARATIVE.match(doc.norm[whole.end:whole.end + 60]):
                continue
            if part.id in older or whole.id in older:
                continue  # «از ۱۲۰ هزار به ۱۵۰ هزار»: the older end of a change is no whole
            # «از» is also "from": «۲۰۰ نفر از ۱۵ شهرک» takes no people out of townships, so a
            # Persian pair must count one thing as written (English "of the" is partitive)
            retype = unify_part(doc, part, whole) if doc.lang == "en" else unify(doc, [part, whole])
            if retype is None:
                continue
            at = part.end + m.start("of")
            cue = Cue(doc.text[at:part.end + m.end("of")], at, part.end + m.end("of"))
            yield Proposal(PartOfRule(id="r", kind="part_of", part=part.id, whole=whole.id, confidence=0.85,
                                      evidence=doc.evidence([cue], "the first figure is some of the second")),
                           retype)
