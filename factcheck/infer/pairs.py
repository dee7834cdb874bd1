"""Old and new values of one quantity: "from A to B", «از A به B», "A ... jumped to B".

Shared by the change and breakdown patterns.  A pair is two figures of one sentence with
the words of a change between them; which is old and which new is read from the words,
never from the values.  Two more shapes name the older figure after the newer one:

* :func:`than_changes`: "$4.2 billion, 8 percent more than this year's $3.9 billion",
  «۴٫۲ میلیارد دلار، ۸ درصد بیشتر از ۳٫۹ میلیارد دلارِ امسال» (the change sits between), also
  with the newer figure in the sentence before: "… rose to 5,400. That was 12 percent more than
  last year's 4,820", «… به ۵ هزار و ۴۰۰ رسید. این رقم ۱۲ درصد بیشتر از … است» (:func:`said_before`);
* :func:`when_pairs`: "410,000, up from last year, when the service logged 366,000",
  «۴۲ هزار میلیارد تومان … که نسبت به بودجه امسال که ۳۶ هزار میلیارد تومان بود».

Each is computed once per document (:meth:`Doc.once`) however many patterns ask, and
returned as a tuple, since every pattern shares it; :func:`all_pairs` is the three together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .doc import Cue, Doc, Figure
from .resolve import unify

__all__ = ["Pair", "ThanChange", "all_pairs", "pairs", "said_before", "than_changes", "when_pairs"]

_FROM = re.compile(r"(\bfrom|(?<!\w)از)\s*$")
_TO = re.compile(r"^\s*(\w+\s+){0,3}?(to|به)\s*$")
_BACK_FROM = re.compile(r"^(?:[^.;:]|\.\d)*?(\b(?:up|down|rising|falling|increasing|decreasing)\b"
                        r"(?:[^.;:]|\.\d){0,25}?)?\b(from)\s*$")
_TO_BEFORE = re.compile(r"\bto\s*$")
_CHANGE_TO = re.compile(
    r"\b(rose|rising|risen|increased|increasing|grew|jumped|climbed|fell|dropped|declined|decreased|"
    r"went up|went down|up|down|soared|surged|slipped|plunged)\b[^.;:]{0,40}?\bto\s*$")
_FA_CHANGE_TO = re.compile(r"(?<!\w)به\s*$")
_FA_CHANGE_VERB = re.compile(r"(?<!\w)(رسید|رسیده|افزایش|کاهش|رشد|افت)")


@dataclass(frozen=True)
class Pair:
    old: Figure
    new: Figure
    cue: Cue


def pairs(doc: Doc) -> tuple[Pair, ...]:
    """Every old → new pair the words state, in text order."""
    return doc.once(_pairs)


def all_pairs(doc: Doc) -> tuple[Pair, ...]:
    """The pairs of :func:`pairs`, then :func:`when_pairs`, then those of :func:`than_changes`."""
    return doc.once(_all_pairs)


def _all_pairs(doc: Doc) -> tuple[Pair, ...]:
    # a newer figure a sentence back ("That was 12 percent more than …") keeps its own sentence's
    # breakdowns: only pairs inside one sentence are read column by column
    within = (t.pair for t in than_changes(doc) if t.pair.new.sentence == t.change.sentence)
    return (*pairs(doc), *when_pairs(doc), *within)


def _pairs(doc: Doc) -> tuple[Pair, ...]:
    out: list[Pair] = []
    used: set[str] = set()
    figs = doc.figures
    for i, b in enumerate(figs):
        if i == 0 or b.id in used:
            continue
        a = figs[i - 1]
        if a.is_percent and not b.is_percent and i >= 2:
            a = figs[i - 2]  # "5.8 million, down 10% from 6.2 million": the change sits between
        if a.sentence != b.sentence or a.id in used or a.is_percent != b.is_percent:
            continue
        if a.per_time != b.per_time:
            continue
        gap = doc.between(a, b)
        pre = doc.norm[max(doc.sentences[a.sentence][0], a.start - 12):a.start]
        m_from = _FROM.search(pre)
        if m_from and _TO.match(gap) and len(gap) < 40:
            out.append(Pair(a, b, Cue(doc.text[a.start - len(pre) + m_from.start():a.start].strip(),
                                      a.start - len(pre) + m_from.start(), a.start)))
            used.update((a.id, b.id))
            continue
        # "fell to 4.2 percent in March from 4.5 percent", "5.8 million, down from 6.2 million"
        back = _BACK_FROM.match(gap)
        if back is not None and len(gap) < 50 and (back.group(1) or _TO_BEFORE.search(pre)):
            out.append(Pair(b, a, Cue(doc.text[a.end + back.start(2):a.end + back.end(2)], a.end + back.start(2),
                                      a.end + back.end(2))))
            used.update((a.id, b.id))
            continue
        m = _CHANGE_TO.search(gap)
        if m and len(gap) < 90 and doc.lang == "en":
            out.append(Pair(a, b, Cue(doc.text[a.end + m.start():a.end + m.end()], a.end + m.start(),
                                      a.end + m.end())))
            used.update((a.id, b.id))
            continue
        if doc.lang == "fa" and m_from and _FA_CHANGE_TO.search(gap) and len(gap) < 40:
            after = doc.after(b, 30)
            if _FA_CHANGE_VERB.search(after) or _FA_CHANGE_VERB.search(gap):
                out.append(Pair(a, b, Cue(doc.text[a.start - len(pre) + m_from.start():a.start].strip(),
                                          a.start - len(pre) + m_from.start(), a.start)))
                used.update((a.id, b.id))
    return tuple(out)


#: A comparative right after a change figure, then a few words naming the base ("this year's").
_THAN = {
    "en": re.compile(r"^\s*(?P<d>(?:more|higher|greater|larger|bigger|less|lower|smaller|fewer) than|above|below)"
                     r"\s+(?:(?:[^\W\d]+(?:'s|s')?|\()\s*){0,4}?$"),
    "fa": re.compile(r"^\s*(?P<d>بیشتر از|بیش تر از|بیش از|بالاتر از|فراتر از|افزون بر|کمتر از|کم تر از|"
                     r"پایین تر از|پایینتر از)\s+(?:(?:[^\W\d]+|\()\s*){0,4}?$"),
}
_THAN_UP = re.compile(r"^(more|higher|greater|larger|bigger|above|بیشتر|بیش|بالاتر|فراتر|افزون)\b")
#: Between the newer figure and the change: a short stretch of one clause ("for next year, ").
_TO_CHANGE = re.compile(r"^[^;:؛]{0,45}$")
#: An earlier time, then the older figure in a clause of its own: "up from last year, when ...",
#: «نسبت به بودجه امسال که ... بود».
_WHEN = {
    "en": re.compile(r",?\s*(?:(?:up|down|rising|falling|increasing|decreasing)\s+)?"
                     r"(?:from|on|compared with|compared to|against)\s+(?:the same \w+ )?"
                     r"(?:last \w+|the (?:previous|prior|preceding) \w+|a \w+ (?:earlier|ago|before)|"
                     r"(?:in )?(?:19|20)\d\d),?\s+when\b"),
    "fa": re.compile(r"(?<!\w)(?:نسبت به|در مقایسه با)\s+(?:[^\W\d]+\s+){0,4}?که(?!\w)"),
}


@dataclass(frozen=True)
class ThanChange:
    """A change stated against its base: the change figure, the old → new pair, the direction."""

    change: Figure
    pair: Pair
    direction: str
    #: lower when the newer figure is in the sentence before
    confidence: float = 0.85


def than_changes(doc: Doc) -> tuple[ThanChange, ...]:
    """"N, P percent more than (this year's) O": P is the change from O to N."""
    return doc.once(_than_changes)


def _than_changes(doc: Doc) -> tuple[ThanChange, ...]:
    pat = _THAN.get(doc.lang)
    out: list[ThanChange] = []
    if pat is None:
        return ()
    figs = doc.figures
    for i in range(1, len(figs) - 1):
        new, p, old = figs[i - 1], figs[i], figs[i + 1]
        if not (p.is_percent or p.is_ratio) or p.claim.unit == "percentage_point":
            continue
        if old.is_percent or p.sentence != old.sentence:
            continue
        m = pat.match(doc.between(p, old))
        if m is None:
            continue
        if new.sentence != p.sentence:
            # "X rose to 5,400 this year. That was 12 percent more than last year's 4,820"
            back = said_before(doc, p, old)
            if back is None:
                continue
            new = back
        elif new.is_percent or not _TO_CHANGE.match(doc.between(new, p)):
            continue
        word = m.group("d")
        cue = Cue(doc.text[p.end + m.start("d"):p.end + m.end("d")], p.end + m.start("d"), p.end + m.end("d"))
        out.append(ThanChange(p, Pair(old, new, cue), "increase" if _THAN_UP.match(word) else "decrease",
                              0.85 if new.sentence == p.sentence else 0.8))
    return tuple(out)


#: A sentence opening on the figure the one before gave: "That was …", "This is …", «این رقم …».
_ANAPHOR = re.compile(r"^\W*(?:that|this|it|the (?:figure|number|total|tally))\s+(?:was|is|represents|represented|"
                      r"marks|marked|means|meant)\s+(?:up\s+|down\s+)?$|"
                      r"^\W*(?:این|که این) (?:رقم|آمار|تعداد|میزان|شمار)(?:\s+[^\W\d]+){0,2}?\s*$")


#: The same opening with anything after it: "That is up 12 percent from 4,820 last year".
_ANAPHOR_OPENING = re.compile(r"\W*(?:that|this|it|the (?:figure|number|total|tally))\s+(?:was|is|represents|"
                              r"represented|marks|marked|means|meant)\b")


def said_before(doc: Doc, at: Figure, old: Figure, *, opening_only: bool = False) -> Figure | None:
    """The newer figure a sentence opening on "That was" / «این رقم» points back to.

    The sentence must open with the words right before ``at`` (with ``opening_only``, just open
    with "That was", "This is" …); the figure is the one figure of ``old``'s thing in the sentence
    before (older ends of its changes left out), else none.
    """
    if at.sentence == 0:
        return None
    lo = doc.sentences[at.sentence][0]
    opens = _ANAPHOR_OPENING.match(doc.norm, lo) if opening_only else _ANAPHOR.match(doc.norm[lo:at.start])
    if opens is None:
        return None
    olds = {q.old.id for q in pairs(doc)}
    prev = [g for g in doc.in_sentence(at.sentence - 1) if g.is_count and g.id not in olds
            and (g.thing == old.thing or (old.is_bare and g.value is not None))
            and unify(doc, [g, old]) is not None]
    return prev[0] if len(prev) == 1 else None


def when_pairs(doc: Doc) -> tuple[Pair, ...]:
    """"N, up from last year, when ... O": O is the older value of N's quantity."""
    return doc.once(_when_pairs)


def _when_pairs(doc: Doc) -> tuple[Pair, ...]:
    pat = _WHEN.get(doc.lang)
    out: list[Pair] = []
    if pat is None:
        return ()
    for si, (s, e) in enumerate(doc.sentences):
        sent = [f for f in doc.in_sentence(si) if not f.is_percent]
        for m in pat.finditer(doc.norm, s, e):
            before = [f for f in sent if f.end <= m.start() and m.start() - f.end <= 60]
            after = [f for f in sent if f.start >= m.end() and f.start - m.end() <= 60]
            if before and after:
                cue = Cue(doc.text[m.start():m.end()].strip(" ,"), m.start(), m.end())
                out.append(Pair(after[0], before[-1], cue))
    return tuple(out)
