"""Multiples said of two counts: "twice as many men as women", "half as many cars as bikes".

The two counts are in the sentence, each written with the noun the words name ("9,000 men and
4,500 women, twice as many men as women"), and the multiple is a figure of its own (extraction
reads "twice" as 2 times, "three times" as 3 times): the first count is that multiple of the
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

#: "twice as many men as women", "three times as many cars as bikes", "half as much money as".
_AS_MANY = re.compile(r"\bas (?:many|much) (?P<a>[a-z]{3,}) as (?:the |there were |were )?(?P<b>[a-z]{3,})\b")


#: Units of a multiple: "twice", "three times", "half", "a third".
_MULTIPLES = frozenset({"times", "half", "third", "fourth", "quarter_share", "fifth", "tenth"})


def _stem(noun: str) -> str:
    """The start an English noun is matched by ("women" by "wom", "bikes" by "bike")."""
    if noun.endswith("men"):
        return noun[:-2]  # men, women: "man", "woman" share "m"/"wom"
    return noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun


def _named(doc: Doc, figs: list[Figure], noun: str) -> list[Figure]:
    stem = _stem(noun)
    return [f for f in figs if re.search(rf"\b{re.escape(stem)}", doc.norm[f.start:f.end + 1])]


@pattern("multiple")
def find(doc: Doc) -> Iterator[Proposal]:
    for m in _AS_MANY.finditer(doc.norm):
        si = doc.sentence_of(m.start())
        figs = doc.in_sentence(si)
        # the multiple: the figure in "times" right before "as many"
        k = next((f for f in figs if f.claim.unit in _MULTIPLES and 0 <= m.start() - f.end <= 2), None)
        if k is None or k.value is None:
            continue
        counts = [f for f in figs if f is not k and f.is_count and f.value is not None]
        a, b = _named(doc, counts, m.group("a")), _named(doc, counts, m.group("b"))
        if len(a) != 1 or len(b) != 1 or a[0] is b[0]:
            continue
        retype = unify(doc, [a[0], b[0]], classifier=True)  # men and women: both people
        if retype is None:
            continue
        cue = Cue(doc.text[k.start:m.end()], k.start, m.end())
        yield Proposal(RatioRule(id="r", kind="ratio", numerator=a[0].id, denominator=b[0].id, ratio=k.id,
                                 confidence=0.8,
                                 evidence=doc.evidence([cue], "the words say the first count is this multiple of "
                                                       "the second")), retype)
