"""Parts and wholes: "X, of which A and B", «X که A ... و B», "A and B, in total X".

Three shapes, each read only inside one sentence unless a word such as «مجموع» / "in all"
points back further:

* **whole, then parts**, after a partitive cue ("of which", "including", «از این بین»,
  «از این تعداد», «شامل», «که ... -شان»), or after ``;`` / ``:`` when two or more parts
  count the same thing;
* **parts, then the total** ("in total", «در مجموع», «مجموعاً», «شمار کل»);
* **a breakdown of changes**: "fell from 688 to 671: with injury from 301 to 318, without
  injury from 387 to 357" gives one sum per column.

A rest ("The remaining 12,690 offences", «۸۴۰ نفر باقی‌مانده») closes a breakdown ending just
before it, or — with none — the figures stated as parts in its sentence and the one before
against the total stated earlier (:mod:`factcheck.infer.totals`).

Parts may leave a remainder unless the words close the whole (the rest, other, non-,
without, women and men, urban and rural): then the rule is an exact ``sum``.  One part
alone gives ``part_of``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..kinds.base import Term
from ..kinds.part_of import PartOfRule
from ..kinds.sum import SumRule
from . import Proposal, pattern
from .cues import BINARY, COMPLEMENT, OF_TOTAL, TOTAL, each_times
from .doc import Cue, Doc, Figure, normalise
from .outof import out_of
from .pairs import all_pairs, pairs
from .resolve import unify
from .totals import comparison_figures, counted_as, group_noun, group_total, of_them_figures, part_figures, stated_total

__all__ = ["Breakdown", "breakdowns"]

_PARTITIVE = re.compile(
    r"\b(of which|of whom|of these|of them|of those|among them|among these|including|comprising|"
    r"consisting of|made up of|broken down into|split into|divided into|namely)\b|"
    r"(?<!\w)(از این بین|از این میان|از این تعداد|از این شمار|از این رقم|از آن ها|از آنها|از آنان|"
    r"از این ها|از اینها|از این موارد|از کل|شامل|از جمله|که از آن|یعنی)(?!\w)")
#: «X … که A … و B»; not «در حالی که» ("while"), which sets what follows against X.
_THAT_FA = re.compile(r"(?<!\w)(?<!حالی )که(?!\w)")
#: Partitive cues that may also restate the figure before them ("namely", «یعنی»).
_RESTATES = re.compile(r"\bnamely\b|(?<!\w)یعنی(?!\w)")
_CLAUSE = re.compile(r"[;؛:]")
_OF_THEM_AFTER = re.compile(r"^\s*(\S+\s+)?(از آن ها|از آنها|از آنان|of them|of these|of whom)(?!\w)")
_OPENS = re.compile(r"[;؛:,]|\b(and|while|whereas)\b|(?<!\w)که(?!\w)")
_NON = re.compile(r"\b(non-|non )(\w+)|(?<!\w)(غیر ?)(\w+)")
_OF_OPENING = re.compile(r"(^|[,;:،؛]\s*|^\s*)\b(of|out of|of all)( the| all| its)?\s*$|"
                         r"(^|[,;:،؛]\s*|^\s*)(?<!\w)(از مجموع|از کل|از میان|از این|از)\s*$")
_OPENING_PARTITIVE = re.compile(r"^\W*(?:\w+[\s:]+){0,3}?(of these|of them|of those|among them|of this (?:sum|amount)|"
                                r"از این تعداد|از این بین|از این میان|از این شمار|از این رقم|از آن ها|از آنها|"
                                r"از این ها|از این مبلغ)\b")
_INCLUDING = re.compile(r"\b(including|among them|among these|such as)\b|(?<!\w)(از جمله|شامل)(?!\w)")
_OF_THE = re.compile(r"^\s*of (the|all|its|their)\s*$")
_CLITIC = re.compile(r"^\S*(شان|ایشان)(?!\w)")
#: A figure introduced like this is a larger total, not a part ("with cars from other provinces, 700").
_AGGREGATE = re.compile(r"\b(plus|together with|along with|including other|in addition)\b|"
                        r"(?<!\w)(با [^،,]{0,40}دیگر|به علاوه|علاوه بر)(?!\w)")
#: Right before a total word that opens a partitive: "of the total", «از مجموع».
_OF_TOTAL_OPENING = re.compile(r"(?:^|[\s,;:،؛])(?:out of|of|از)\s*(?:the\s+)?$", re.IGNORECASE)
#: A figure from another time is compared, not broken down.
_OTHER_TIME = re.compile(r"\b(last year|previous|a year earlier|compared with|compared to|than)\b|"
                         r"(?<!\w)(سال گذشته|پارسال|سال قبل|مدت مشابه|نسبت به)(?!\w)")


class Breakdown:
    """A whole and the parts the words divide it into."""

    def __init__(self, whole: Figure, parts: list[Figure], cue: Cue, confidence: float,
                 exhaustive: bool, retype: dict[str, str], why: str, *, open_: bool = False,
                 across: bool = False) -> None:
        self.whole, self.parts, self.cue = whole, parts, cue
        self.confidence, self.exhaustive, self.retype, self.why = confidence, exhaustive, retype, why
        #: the words leave room for more parts: "including", "the rest elsewhere"
        self.open = open_
        #: the whole was stated before the parts, which the words tie to it only by a rest or by
        #: naming it ("of the total", "of the students"): a share given with a part is of that whole
        self.across = across


#: What :func:`_closes` returns when the words name an unstated rest.
_REST = Cue("", -1, -1)


def on_part(doc: Doc, cue: Cue, parts: list[Figure]) -> bool:
    """The word names one of the stated parts ("those without injury ... 387", «سایر ... ۹۵ مورد»).

    "The rest" with no figure of its own is an unstated remainder: it leaves the sum open.
    """
    prev = max((f for f in doc.figures if f.end <= cue.start), key=lambda f: f.end, default=None)
    if prev is not None and prev in parts and not doc.norm[prev.end:cue.start].strip():
        return True  # "and 3 others"
    nxt = min((f for f in doc.figures if f.end > cue.start), key=lambda f: f.start, default=None)
    if nxt is None or nxt not in parts:
        return False
    return nxt.start <= cue.start or nxt.start - cue.end <= 30


def _closes(doc: Doc, whole: Figure, parts: list[Figure]) -> Cue | None:
    """Words that say the parts cover the whole: 'the rest', 'other', or a pair like women/men."""
    # Only words on the parts themselves count ("those without injury", «سایر موارد»), not an
    # "other" further on in the sentence.
    lo = max(doc.sentences[parts[0].sentence][0], parts[0].start - 20)
    hi = min(doc.sentences[parts[-1].sentence][1], parts[-1].end + 20)
    for c in doc.find_all(COMPLEMENT, lo, hi + 20):
        if on_part(doc, c, parts):
            return c
        if c.start >= parts[-1].end:
            return _REST  # "... and the rest elsewhere": an unstated part, so the sum stays open
    for m in _NON.finditer(doc.norm, lo, hi):
        # "traffic and non-traffic", «ترافیکی و غیرترافیکی»: the word also stands alone nearby.
        word = m.group(2) or m.group(4)
        rest = doc.norm[lo:m.start()] + " " + doc.norm[m.end():hi]
        if re.search(rf"(?<![\w-]){re.escape(word)}(?!\w)", rest):
            return Cue(doc.text[m.start():m.end()], m.start(), m.end())
    for a, b in BINARY:
        ca, cb = doc.find(a, lo - 20, hi), doc.find(b, lo - 20, hi)
        if ca is not None and cb is not None and len(parts) == 2:
            return Cue(f"{ca.words} … {cb.words}", ca.start, cb.end)
    return None


def _counts(doc: Doc, figs: list[Figure]) -> list[Figure]:
    return [f for f in figs if f.per_time == 0 and not f.is_percent and not f.is_ratio and f.value is not None]


def breakdowns(doc: Doc) -> tuple[Breakdown, ...]:
    """Every whole-then-parts and parts-then-total structure in the article (computed once per
    document: the parts and percent_of patterns both read them)."""
    return doc.once(_breakdowns)


def _breakdowns(doc: Doc) -> tuple[Breakdown, ...]:
    found = [*_whole_then_parts(doc), *_parts_then_total(doc), *_of_whole_part(doc), *_of_these_opening(doc)]
    found += _group_parts(doc, found)
    found = _with_remainder(doc, found)
    found += _rest_of_stated(doc, found)
    return tuple(found)


def _group_parts(doc: Doc, found: list[Breakdown]) -> Iterator[Breakdown]:
    """"The economy added 212,000 jobs … Manufacturing accounted for 138,000 of the new jobs and
    construction for 95,000": counts taken out of a group named by its noun ("of the jobs",
    «از داوطلبان را») or named as a part of the total ("11,200 of the total", «از کل») are parts
    of that group's (the thing's) total stated before, with room for more; counts of later
    clauses of the sentence that words make parts join them (:func:`_clause_parts`).

    The total is :func:`factcheck.infer.totals.group_total`'s (none for a group that is only some
    of those counted, "of the girls"), or for "of the total" the one total of that thing stated
    before (:func:`factcheck.infer.totals.stated_total`), with its confidence: a possible reading
    unless the total was written with the same noun or a total word.  Counts already in a
    breakdown, or with a share right after them or their noun (the ``percent_of`` pattern reads
    those), are left alone.
    """
    taken = {f.id for b in found for f in (b.whole, *b.parts)}
    for f in _counts(doc, doc.figures):
        if f.id in taken or _share_after(doc, f):
            continue
        of_total = _OF_THE_TOTAL.match(doc.norm, f.end)
        noun = None if of_total is not None else group_noun(doc, f)
        if of_total is not None:
            # "made up 11,200 of the total": the one total stated before
            total = stated_total(doc, f, exclude=taken, classifier=True)
            named_end = of_total.end()
        elif noun is not None:
            total = group_total(doc, f, noun, exclude=taken)
            named_end = doc.norm.index(noun, f.end) + len(noun)
            after = doc.figures[f.index + 1] if f.index + 1 < len(doc.figures) else None
            if after is not None and after.is_percent and after.sentence == f.sentence \
                    and len(doc.norm[named_end:after.start]) <= 12:
                continue  # "18,000 of the candidates, or 37.5 percent": the share's pattern reads it
        else:
            continue
        if total is None or total.figure.id in taken or total.figure.value == f.value:
            continue
        whole = total.figure
        retype = unify(doc, [whole, f], classifier=True)
        if retype is None:
            continue
        nxt = [g for g in _counts(doc, doc.in_sentence(f.sentence)) if g.start > f.end and g.id not in taken]
        parts = [f, *_more_parts(doc, whole, f, nxt)]
        parts += _clause_parts(doc, whole, parts, nxt)
        retype = unify(doc, [whole, *parts], classifier=True) or retype
        taken.update(p.id for p in parts)
        yield Breakdown(whole, parts, Cue(doc.text[f.end:named_end].strip(), f.end, named_end),
                        total.confidence, False, retype,
                        "the figure is taken out of the total stated before" if len(parts) == 1 else
                        "the figures are taken out of the total stated before, the first named as its part",
                        across=True)


#: Right after a count, the whole it is taken out of, named as the total: "11,200 of the total".
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the\s+)?(?:total|overall total)\b(?!\s*(?:of\b|[\d$€£]))|"
                           r"\s+از\s+(?:کل|مجموع)(?!\w)(?!\s*(?:\d|از(?!\w)))")


def _clause_parts(doc: Doc, whole: Figure, parts: list[Figure], nxt: list[Figure]) -> list[Figure]:
    """Counts of later clauses of the sentence each stated as a part in words of their own:
    "… accounted for 11,200 of the total, or 61 percent, while planned surgery accounted for 4,900"."""
    out: list[Figure] = []
    prev = parts[-1]
    for p in nxt:
        if p.start <= prev.end:
            continue
        lo = max([prev.end, *(g.end for g in doc.in_sentence(p.sentence) if prev.end <= g.start and g.end <= p.start)])
        lead = doc.norm[lo:p.start]
        words = _PART_WORDS.search(lead)
        # the part words on this figure: "accounted for 4,900", «سهم جراحی‌های برنامه‌ریزی‌شده ۴ هزار»
        if (words is None or words.end() < len(lead.rstrip()) - 40
                or TOTAL.search(lead) or _OTHER_TIME.search(lead + doc.after(p, 25))
                or unify(doc, [whole, *parts, *out, p], classifier=True) is None):
            break
        out.append(p)
        prev = p
    return out


#: A sentence opening on the rest of a whole: "The remaining $1 billion ...", «مابقی، یعنی ۱ میلیارد دلار».
_REMAINDER_OPENS = {
    "en": re.compile(r"^\W*(?:the\s+)?(?:remaining|rest|remainder)\b(?:\s+of\s+(?:it|them|the \w+))?[\s,:—-]*$"),
    "fa": re.compile(r"^\W*(?:مابقی|بقیه|باقی مانده|باقیمانده|باقی)(?!\w)(?:\s*(?:آن|آن ها|یعنی|که|هم|نیز))*"
                     r"[\s,،:—-]*(?:یعنی)?\s*$"),
}


def _with_remainder(doc: Doc, found: list[Breakdown]) -> list[Breakdown]:
    """The sentence after a breakdown states the rest of its whole: the rest is a part and closes it.

    "Of the $4.2 billion, $1.6 billion goes to schools and $1.6 billion to roads. The remaining
    $1 billion pays for salaries" (or "Salaries take the remaining $1 billion"): the three parts
    make up the whole exactly.  Only the breakdown ending last in the sentence before takes the
    rest, and only an open one.
    """
    found = _with_clause_remainder(doc, found)
    pat = _REMAINDER_OPENS.get(doc.lang)
    if pat is None:
        return found
    for si in range(1, len(doc.sentences)):
        figs = doc.in_sentence(si)
        if not figs:
            continue
        # the sentence opens on the rest, or its first figure is named the rest ("Government
        # grants made up the remaining $0.9 million")
        opens = pat.match(doc.norm[doc.sentences[si][0]:figs[0].start]) is not None
        named = None if opens else _rest_cue(doc, figs[0])
        if not opens and named is None:
            continue
        rest = figs[0]
        ending = [b for b in found if b.parts[-1].sentence == si - 1 and b.whole.sentence <= si - 1
                  and not b.exhaustive and not b.open]
        if not ending:
            continue
        bd = max(ending, key=lambda b: b.parts[-1].end)
        retype = unify(doc, [bd.whole, *bd.parts, rest], classifier=True)
        # a bare rest ("The remaining 2,300 were …") counts what the whole counts
        if retype is None or _skipped(doc, bd, rest):
            continue
        s = doc.sentences[si][0] if named is None else named.start
        words = doc.text[s:rest.start].strip(" ,،:—-") if named is None else named.words
        found[found.index(bd)] = _closed(doc, bd, [*bd.parts, rest], retype, words, s)
    return found


def _closed(doc: Doc, bd: Breakdown, parts: list[Figure], retype: dict[str, str], words: str, at: int) -> Breakdown:
    """``bd`` with ``parts``, closed (no unstated rest) by the words stating the rest at ``at``."""
    return Breakdown(bd.whole, parts, bd.cue, bd.confidence, True, retype,
                     bd.why + f"; «{words}» at {doc.where(at)} states the rest")


def _skipped(doc: Doc, bd: Breakdown, rest: Figure) -> bool:
    """A count of the breakdown's thing lies between its last part and the rest: a part the
    breakdown did not take, so the rest cannot close it (the sum would leave that part out)."""
    return any(bd.parts[-1].end <= g.start and g.end <= rest.start and unify(doc, [bd.whole, g], classifier=True)
               is not None for g in _counts(doc, doc.figures))


def _with_clause_remainder(doc: Doc, found: list[Breakdown]) -> list[Breakdown]:
    """The figure right after a breakdown's last part, in the same sentence, is stated as the
    rest: it is a part and closes the breakdown.

    "Of the 2,415 complaints, 1,512 concerned delays and 603 fares; the remaining 300 were
    about staff", «از ۲ هزار و ۴۱۵ شکایت، هزار و ۵۱۲ مورد ... و ۳۰۰ مورد باقی‌مانده ...»: the
    three parts make up the whole, with no unstated remainder.  Only an open breakdown takes it, and only a figure
    the words name as the rest right at it (:func:`_rest_cue`).
    """
    for i, bd in enumerate(found):
        if not bd.exhaustive and not bd.open:
            closed = _closed_by_rest(doc, bd)
            if closed is not None:
                found[i] = closed
    return found


def _closed_by_rest(doc: Doc, bd: Breakdown) -> Breakdown | None:
    """``bd`` closed by a rest at its last part or right after it in the sentence, if any."""
    last = bd.parts[-1]
    cue = _rest_cue(doc, last) if len(bd.parts) > 1 else None
    parts, retype = bd.parts, bd.retype  # the breakdown took the rest as its last part already
    if cue is None:
        rest = doc.figures[last.index + 1] if last.index + 1 < len(doc.figures) else None
        if (rest is None or rest.sentence != last.sentence or rest.id == bd.whole.id
                or not _counts(doc, [rest])):
            return None
        cue = _rest_cue(doc, rest)
        parts = [*bd.parts, rest]
        # a bare rest counts what the parts right before it count
        types = unify(doc, [bd.whole, *parts], classifier=True) if cue is not None else None
        if cue is None or types is None:
            return None
        retype = types
    return _closed(doc, bd, parts, retype, cue.words, cue.start)


#: A figure stated as the rest of a whole: "The remaining 12,690 offences", "and the remaining 30,000",
#: «مابقی، یعنی ۳ هزار و ۱۲۰ حادثه»; in Persian also after it: «۸۴۰ نفر باقی‌مانده».
_REST_BEFORE = {
    "en": re.compile(r"(?:\bthe\s+(?:rest|remainder)|\b(?:the\s+)?remaining)(?:\s+of\s+(?:it|them|the\s+[a-z]+))?"
                     r"[\s,:—-]*(?:was|were|is|are)?\s*$"),
    "fa": re.compile(r"(?<!\w)(?:مابقی|بقیه|باقی مانده|باقیمانده)(?:\s+[^\W\d]+){0,2}?[\s,،:—-]*(?:یعنی)?\s*$"),
}
_REST_AFTER = {"fa": re.compile(r"\s*(?:باقی مانده|باقیمانده)(?!\w)")}
#: Words stating figures as parts of a whole: "accounted for", "made up", "of the applicants",
#: «را تشکیل می‌دادند», «سهم», «از متقاضیان».
_PART_WORDS = re.compile(r"\b(accounted for|accounts? for|made up|makes? up|comprised?|represented|"
                         r"of the [a-z]+)\b|(?<!\w)(تشکیل|سهم|مربوط به|اختصاص|"
                         r"از (?:میان |بین )?[^\W\d]{3,}(?:ان|ها)(?!\w))")


def _rest_cue(doc: Doc, f: Figure) -> Cue | None:
    """Words stating ``f`` as the rest of a whole, right before it in its clause (or after it)."""
    lo = max([doc.sentences[f.sentence][0], *(g.end for g in doc.in_sentence(f.sentence) if g.end <= f.start)])
    before = _REST_BEFORE.get(doc.lang)
    m = before.search(doc.norm, max(lo, f.start - 50), f.start) if before is not None else None
    if m is not None and m.end() == f.start:
        return Cue(doc.text[m.start():m.end()].strip(" ,،:—-"), m.start(), m.end())
    after = _REST_AFTER.get(doc.lang)
    m = after.match(doc.norm, f.end) if after is not None else None
    return None if m is None else Cue(doc.text[m.start():m.end()].strip(), m.start(), m.end())


def _rest_of_stated(doc: Doc, found: list[Breakdown]) -> Iterator[Breakdown]:
    """"… 84,600 offences were recorded. Thefts made up 71,910. The remaining 12,690 offences …":
    the rest, with the parts stated just before it, makes up the total stated earlier.

    The parts are the figures of that thing in the rest's sentence and the one before it (in its
    paragraph), older figures of a comparison left out; the words must state them as parts
    ("accounted for", "made up", "of the candidates", «تشکیل», «سهم») or give each its share.
    The whole is the one total of that thing stated before them
    (:func:`factcheck.infer.totals.stated_total`).  Nothing is inferred when a figure there is
    itself a part of another (the rest may be of that one), the whole is said again among them, or
    a breakdown already has the rest.
    """
    taken = {f.id for b in found for f in (b.whole, *b.parts)}
    in_parts = {p.id for b in found for p in b.parts}
    older = comparison_figures(doc)
    sub, of_them = part_figures(doc), of_them_figures(doc)
    paras = [m.end() for m in re.finditer(r"\n\s*\n", doc.norm)]
    for rest in _counts(doc, doc.figures):
        if rest.id in taken:
            continue
        cue = _rest_cue(doc, rest)
        if cue is None:
            continue
        si = rest.sentence
        para = max((p for p in paras if p <= rest.start), default=0)
        first = si - 1 if si > 0 and doc.sentences[si - 1][0] >= para else si
        span = [g for g in doc.figures if first <= g.sentence <= si and g.end <= rest.start]
        # a bare rest ("the remaining 12,690 were …") counts what the figure before it counts
        ref = rest if not rest.is_bare else next((g for g in reversed(_counts(doc, span)) if not g.is_bare), None)
        if ref is None:
            continue
        same = [g for g in _counts(doc, span) if g.id not in older
                and unify(doc, [ref, g], classifier=True) is not None]
        # a part of another figure there ("22,000 of the 25,000 girls") may be what the rest is of;
        # "5,616 of them" is a part of the whole only as the first part after it (checked below)
        if not same or any((g.id in sub and g.id not in of_them) or g.id in in_parts for g in same):
            continue
        # "1,560 of the applicants …, and the remaining 840": the rest of that group
        noun = next((n for g in same if (n := group_noun(doc, g)) is not None), None)
        total = (group_total(doc, same[0], noun, exclude=in_parts) if noun is not None
                 else stated_total(doc, same[0], before=same[0].start, exclude=in_parts, classifier=True))
        if total is not None and total.figure.value != same[0].value:
            whole, parts, conf = total.figure, same, min(total.confidence, 0.75)
        else:
            # "Police recorded 84,600 offences, and thefts made up 71,910. The remaining …": the first
            # figure there is the whole (said again, or for the first time) unless the words make it a part
            whole, parts, conf = same[0], same[1:], 0.75
            head_lo = max([doc.sentences[whole.sentence][0],
                           *(g.end for g in doc.in_sentence(whole.sentence) if g.end <= whole.start)])
            if not parts or doc.find(_PART_WORDS, head_lo, whole.start) or _share_after(doc, whole):
                continue
        if any(g.id in of_them for g in parts[1:]) or whole.id in of_them:
            continue
        lo = max(doc.sentences[first][0], whole.end if whole.sentence >= first else 0)
        if not (doc.find(_PART_WORDS, lo, rest.start) or all(_share_after(doc, g) for g in parts)):
            continue
        if any(g.value == whole.value for g in parts):
            continue
        retype = unify(doc, [whole, *parts, rest], classifier=True)
        if retype is None:
            continue
        yield Breakdown(whole, [*parts, rest], cue, conf, True, retype,
                        "the rest and the parts stated before it make up the total stated earlier",
                        across=True)


def _share_after(doc: Doc, f: Figure) -> bool:
    """A percentage right after a count: "31,302 offences, or 37 percent", "40,608 (48 percent)"."""
    nxt = doc.figures[f.index + 1] if f.index + 1 < len(doc.figures) else None
    return nxt is not None and nxt.is_percent and nxt.sentence == f.sentence and len(doc.between(f, nxt)) <= 12


def _of_these_opening(doc: Doc) -> Iterator[Breakdown]:
    """A sentence opening with «از این تعداد» / "Of these, ..." breaks down the previous sentence's total."""
    for si in range(1, len(doc.sentences)):
        s, _e = doc.sentences[si]
        figs = _counts(doc, doc.in_sentence(si))
        if len(figs) < 1:
            continue
        m = _OPENING_PARTITIVE.match(doc.norm[s:figs[0].start])
        if m is None:
            continue
        # a duration ("in the first six months") is no whole of counts
        prev = [f for f in _counts(doc, doc.in_sentence(si - 1)) if not f.is_bare and f.thing]
        if not prev:
            continue
        whole = prev[0]
        # «از این تعداد، ۳ هزار مورد …»: "of these" makes a count by a generic noun count the whole's thing
        generic = {p.id: t for p in figs if not p.is_bare and (t := counted_as(doc, p, whole)) is not None}
        parts = [p for p in figs if p.id in generic]
        retype = unify(doc, [whole, *parts], classifier=True)
        if retype is None and parts:
            retype = {k: v for t in generic.values() for k, v in t.items()}
            if len(set(retype.values())) > 1:
                retype = None
        if not parts or retype is None:
            continue
        cue = Cue(doc.text[s + m.start(1):s + m.end(1)], s + m.start(1), s + m.end(1))
        closing = _closes(doc, whole, parts) if len(parts) >= 2 else None
        yield Breakdown(whole, parts, cue, 0.8, closing not in (None, _REST), retype,
                        "the sentence divides the total of the one before", open_=closing is _REST)


def _of_whole_part(doc: Doc) -> Iterator[Breakdown]:
    """"Of the 66,611 registrations, 21,903 were in September"; «از ۶۳۰ هزار خودرو، ۳۱۰ هزار ...»."""
    for si in range(len(doc.sentences)):
        figs = _counts(doc, doc.in_sentence(si))
        for wi, whole in enumerate(figs[:-1]):
            lo = figs[wi - 1].end if wi else doc.sentences[si][0]
            at = max(lo, whole.start - 25)
            m = _OF_OPENING.search(doc.norm[at:whole.start])
            if m is None or (wi and at == lo and not re.search(r"[,;:،؛]", doc.norm[lo:whole.start])):
                continue  # "24 of 32 seats": the figure before takes its share of this one, it is no part
            g = 2 if m.group(2) else 5
            part = figs[wi + 1]
            gap = doc.between(whole, part)
            if not re.search(r"[,،]", gap) or re.search(r"[;؛:.]", gap) or len(gap) > 80:
                continue
            retype = unify(doc, [whole, part], classifier=True)
            if retype is None:
                continue
            parts = [part, *_more_parts(doc, whole, part, figs[wi + 2:])]
            retype = unify(doc, [whole, *parts], classifier=True) or retype
            cue = Cue(doc.text[at + m.start(g):at + m.end(g)], at + m.start(g), at + m.end(g))
            yield Breakdown(whole, parts, cue, 0.85, False,
                            retype, "the first figure is the whole the next one is taken from" if len(parts) == 1
                            else "the first figure is the whole the next ones are taken from")


def _on_share(doc: Doc, cue: Cue, whole: Figure, nxt: Figure) -> bool:
    """The partitive words follow a share or fraction between the two figures ("three quarters of them")."""
    return any(whole.end <= g.start and g.end <= cue.start and not doc.norm[g.end:cue.start].strip()
               and (g.is_percent or g.is_ratio) for g in doc.in_sentence(whole.sentence) if g.end <= nxt.start)


#: Between two parts of one list: "and", a comma, «و»; the list ends at anything longer or a clause break.
_LIST_ON = re.compile(r"^[^;:؛.]{0,60}$")


def _more_parts(doc: Doc, whole: Figure, first: Figure, rest: list[Figure]) -> list[Figure]:
    """The parts listed after the first: "Of the $4.2 billion, $1.6 billion ... and $1.6 billion ..."."""
    out: list[Figure] = []
    prev = first
    for p in rest:
        # words on a share in between ("«یعنی ۳۸ درصدِ کل»", ", or 38 percent of the total") are the share's
        lo = max([prev.end, *(g.end for g in doc.in_sentence(p.sentence) if prev.end <= g.start and g.end <= p.start)])
        lead = doc.norm[lo:p.start]
        if lo > prev.end and (of := OF_TOTAL.match(lead)) is not None:
            lead = lead[of.end():]
        if (not _LIST_ON.match(doc.between(prev, p)) or _PARTITIVE.search(lead) or _AGGREGATE.search(lead)
                or TOTAL.search(lead) or _OTHER_TIME.search(lead + doc.after(p, 25))
                or (p.is_bare and not whole.is_bare) or unify(doc, [whole, first, *out, p], classifier=True) is None):
            break
        out.append(p)
        prev = p
    return out


def _backref(doc: Doc, f: Figure) -> Cue | None:
    """"of them" / «از آن‌ها» right after a figure: it is a part of something named before."""
    m = _OF_THEM_AFTER.match(doc.norm[f.end:f.end + 30])
    if m is None:
        return None
    return Cue(doc.text[f.end + m.start(2):f.end + m.end(2)], f.end + m.start(2), f.end + m.end(2))


def _whole_then_parts(doc: Doc) -> Iterator[Breakdown]:
    # Figures in old → new pairs are broken down column by column (see _from_to).
    paired = {f.id for p in all_pairs(doc) for f in (p.old, p.new)}
    for si in range(len(doc.sentences)):
        figs = [f for f in _counts(doc, doc.in_sentence(si)) if f.id not in paired]
        for wi, whole in enumerate(figs[:-1]):
            if _backref(doc, whole) is not None:
                continue  # "93,158 of them ..." is itself a part
            nxt = figs[wi + 1]
            gap_lo, gap_hi = whole.end, nxt.start
            cue = doc.find(_PARTITIVE, gap_lo, gap_hi)
            if cue is not None and _on_share(doc, cue, whole, nxt):
                continue  # "24 of 32 seats, three quarters of them, and 20 ...": "of them" is the share's
            if _OF_THE_TOTAL.match(doc.norm, whole.end):
                continue  # «۱۱ هزار بیمار از کل، یعنی ۶۱ درصد»: a part of the total, not a whole
            if cue is not None and _OTHER_TIME.search(doc.norm[whole.end:cue.start]):
                # «۱۲ هزار میلیارد … نسبت به بودجه امسال یعنی ۹ هزار و ۶۰۰ میلیارد»: "that is"
                # names what the figure is compared with, not a part of it
                continue
            if cue is not None and _RESTATES.search(cue.words) and any(
                    cue.end <= g.start < nxt.start for g in doc.in_sentence(si)):
                # «۱۸ هزار میلیارد تومان یعنی حدود ۴۳ درصد به …، ۱۵ هزار میلیارد …»: "that is"
                # restates the figure (here as a share); the figures after are its siblings.
                continue
            conf = 0.85
            # "of them" or «-شان» on the part points back to a whole only across a clause break
            # ("X calls were made; 2,000 of them", «X نفر ... که Y نفرشان»), not along a list.
            opens = doc.find(_OPENS, gap_lo, gap_hi)
            if cue is None and opens is not None:
                cue = _backref(doc, nxt)
                if cue is None and _CLITIC.match(doc.norm[nxt.end:nxt.end + 12]):
                    cue = opens
            kind = "partitive"
            if cue is None:
                cue = doc.find(_THAT_FA, gap_lo, gap_hi) if doc.lang == "fa" else None
                kind = "that"
                conf = 0.8
            if cue is None:
                cue = doc.find(_CLAUSE, gap_lo, gap_hi)
                kind = "clause"
                conf = 0.8
            if cue is None:
                continue
            # "Nine of the 10 counties ...: three in Texas, ..." breaks down the nine, not the ten.
            subset = figs[wi - 1] if wi and _OF_THE.match(doc.between(figs[wi - 1], whole)) else None
            parts: list[Figure] = []
            for p in figs[wi + 1:]:
                after_prev = parts[-1].end if parts else cue.end
                back = _backref(doc, parts[-1]) if parts else None
                lead = doc.norm[(back.end if back else after_prev):p.start]
                # A later figure that restarts the clause, or is another total, is not a part.
                if parts and (_PARTITIVE.search(lead) or (kind == "that" and _CLAUSE.search(lead))):
                    break
                if _AGGREGATE.search(lead) or TOTAL.search(lead) or _OTHER_TIME.search(lead + doc.after(p, 25)):
                    break
                if p.is_bare and not whole.is_bare:
                    continue
                parts.append(p)
            top = subset or whole
            parts = [p for p in parts if unify(doc, [top, p], classifier=True) is not None]
            if not parts:
                continue
            retype = unify(doc, [top, *parts], classifier=True)
            if retype is None:
                continue
            if kind == "clause" and (len(parts) < 2 or any(p.is_bare for p in parts)):
                continue
            if kind == "that" and len(parts) < 2:
                conf = 0.6
            closing = _closes(doc, top, parts) if len(parts) >= 2 else None
            rest = closing is _REST or bool(_INCLUDING.search(cue.words.lower()))
            if closing is _REST:
                closing = None
            if subset is not None:
                of = Cue(doc.text[subset.end:whole.start], subset.end, whole.start)
                yield Breakdown(whole, [subset], of, 0.85, False, retype, "the first figure is some of the second")
            yield Breakdown(top, parts, cue, conf, closing is not None, retype,
                            "the words divide the first figure into the ones after"
                            + (f" («{closing.words}» closes it)" if closing else ""), open_=rest)


def _parts_then_total(doc: Doc) -> Iterator[Breakdown]:
    for si in range(len(doc.sentences)):
        sent = doc.in_sentence(si)
        figs = _counts(doc, sent)
        for wi, whole in enumerate(figs):
            lo = figs[wi - 1].end if wi else doc.sentences[si][0]
            cue = doc.find(TOTAL, max(lo, whole.start - 60), whole.start) or _total_after(doc, whole, sent)
            if cue is None or _share_of_total(doc, cue):
                continue
            before = [p for p in figs[:wi] if not p.is_bare or whole.is_bare]
            conf = 0.85
            if (not before and _OF_TOTAL_OPENING.search(doc.norm[lo:cue.start])
                    and any(g.start > whole.end for g in figs)):
                # «از مجموع ۴۶۵ هزار بیمار، ۱۸۶ هزار ...», "Of the total 465,000, ...": the whole
                # of the figures after it, not the total of earlier sentences
                continue
            if not before and not [g for g in sent if g.start < whole.start]:
                if cue.start > whole.start or _ALL_ONLY.fullmatch(cue.words.strip()):
                    # "£412 million in total": words after the figure sum its own sentence only
                    # «طول کل راه‌های روستایی استان ۳ هزار کیلومتر است», "The total length of rural
                    # roads is 3,200 km": all the roads, a larger whole, not the sum of the figures
                    # of the sentences before
                    continue
                # "Thus the total ... reached X": the parts are in the sentences just before, and
                # count the same thing — by unit, or by naming the total's noun («دُز اول», «دُز دوم»).
                noun = _noun(doc, whole)
                near = _counts(doc, [g for g in doc.figures if si - 2 <= g.sentence < si])
                before = [p for p in near if not p.is_bare and not _NOT_A_PART.search(doc.before(p, 14)) and (
                    p.thing == whole.thing or (noun and noun in _letters(doc.norm[slice(*doc.sentences[p.sentence])])))]
                conf = 0.75
            parts = [p for p in before if unify(doc, [whole, p], classifier=True) is not None]
            if len(parts) < 2:
                continue
            retype = unify(doc, [whole, *parts], classifier=True)
            if retype is None:
                continue
            yield Breakdown(whole, parts, cue, conf, True, retype,
                            "the figure is stated as the total of the ones before it")


#: Right before a figure, words making it a change or an average, never a part of a total: "the
#: average bill to £2,171, up £103", «به طور میانگین ۴۶ مأموریت», «۲۰۰ نفر افزایش».
_NOT_A_PART = re.compile(r"\b(up|down|rise of|rose|fell|increase of|decrease of|average|averaged|per)\b[^.;,]{0,8}$|"
                         r"(?<!\w)(افزایش|کاهش|میانگین|متوسط)(?!\w)[^.،؛]{0,8}$")

#: Total words that may name a larger whole by its own noun ("all", "the total length of the
#: province's roads"): they sum the figures of their own sentence, never those before.
_ALL_ONLY = re.compile(r"کل|the total", re.IGNORECASE)

#: Total words written after the figure: "nearly 680,000 vehicles in all", "400,000 were recorded in
#: total", "1,200 altogether"; a few words may come between (the noun, a verb).
_TOTAL_AFTER = {"en": re.compile(r"(?:\s+[a-z]+){0,3}?\s+(in total|in all|altogether|combined)\b"
                                 r"(?!\s+(?:of|the|its|their|his|her)\b)")}  # "in all of its offices"


def _total_after(doc: Doc, whole: Figure, sent: list[Figure]) -> Cue | None:
    """Total words right after ``whole``, before the next figure of its sentence."""
    pat = _TOTAL_AFTER.get(doc.lang)
    if pat is None:
        return None
    hi = min((g.start for g in sent if g.start >= whole.end), default=doc.sentences[whole.sentence][1])
    m = pat.match(doc.norm, whole.end, hi)
    return None if m is None else Cue(doc.text[m.start(1):m.end(1)], m.start(1), m.end(1))


#: Between a share and "the total" it is a share of: "38 percent of the total", «۳۸ درصدِ کل».
_SHARE_OF = re.compile(r"^[\s\u064b-\u065f]*(of|از)?\s*$")


def _share_of_total(doc: Doc, cue: Cue) -> bool:
    """The total word completes a share before it ("38 percent of the total"); it sums nothing."""
    return any(g.end <= cue.start and (g.is_percent or g.is_ratio) and _SHARE_OF.match(doc.norm[g.end:cue.start])
               for g in doc.in_sentence(doc.sentence_of(cue.start)))


def _noun(doc: Doc, f: Figure) -> str | None:
    """The counted noun written with a figure, normalised: «دُز» in «۲۲ میلیون ... دُز»."""
    subj = f.claim.subject.text if f.claim.subject and f.claim.subject.text else None
    words = re.findall(r"[^\W\d_]{2,}", _letters(normalise(subj) if subj else doc.norm[f.start:f.end]))
    return words[-1] if words else None


_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


def _letters(text: str) -> str:
    """Without short-vowel marks and kashida: «دُز» and «دز» are one word."""
    return _MARKS.sub("", text)


def _from_to(doc: Doc) -> Iterator[Proposal]:
    ps = pairs(doc)
    by_sentence: dict[int, list[int]] = {}
    for i, p in enumerate(ps):
        by_sentence.setdefault(p.old.sentence, []).append(i)
    for idx in by_sentence.values():
        if len(idx) < 3:
            continue
        head, rest = ps[idx[0]], [ps[i] for i in idx[1:]]
        cue = doc.find(re.compile(r"[:;؛]|\bwith\b|\bof which\b|\bincluding\b|(?<!\w)شامل(?!\w)|(?<!\w)که(?!\w)"),
                       head.new.end, rest[0].old.start)
        if cue is None:
            continue
        cols = [f for p in rest for f in (p.old, p.new)]
        closing = next((c for c in doc.find_all(COMPLEMENT, rest[0].cue.start - 40, rest[-1].new.end)
                        if on_part(doc, c, cols)), None)
        for col in ("old", "new"):
            whole: Figure = getattr(head, col)
            parts: list[Figure] = [getattr(p, col) for p in rest]
            retype = unify(doc, [whole, *parts])
            if retype is None:
                continue
            why = (f"the {col} figures of the sub-categories after the first change make it up"
                   + (f" («{closing.words}» closes it)" if closing else ""))
            yield Proposal(SumRule(id="r", kind="sum", whole=whole.id, parts=[p.id for p in parts],
                                   remainder=closing is None, confidence=0.8,
                                   evidence=doc.evidence([cue, closing], why)), retype)


@pattern("parts")
def find(doc: Doc) -> Iterator[Proposal]:
    for b in breakdowns(doc):
        ev = doc.evidence([b.cue], b.why)
        if len(b.parts) == 1:
            yield Proposal(PartOfRule(id="r", kind="part_of", part=b.parts[0].id, whole=b.whole.id,
                                      confidence=b.confidence, evidence=ev), b.retype)
        else:
            terms = [Term(claim=p.id, times=each_times(doc, p) or 1) for p in b.parts]
            yield Proposal(SumRule(id="r", kind="sum", whole=b.whole.id, parts=terms,
                                   remainder=not b.exhaustive, confidence=b.confidence, evidence=ev), b.retype)
    yield from _from_to(doc)
    held = {(b.whole.id, p.id) for b in breakdowns(doc) for p in b.parts}
    for prop in out_of(doc):  # "18,000 of the 48,000 candidates", unless a breakdown holds the pair
        if isinstance(prop.rule, PartOfRule) and (prop.rule.whole, prop.rule.part) not in held:
            yield prop
