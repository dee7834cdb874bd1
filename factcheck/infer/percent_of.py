"""Percentages of a whole: "A out of B, X percent", «A ... از آن‌ها، معادل X درصد کل», "A (X%)".

The share is a percentage (or a fraction word: a third, two thirds, «دو سوم», «نیمی از»)
that is not a change.  Its part is the figure it is attached to (in brackets, after a comma,
«معادل», "or"), or the first of an "A out of B" pair before it ("61 of 100 seats, nearly
two thirds": a plain "of" / «از» only with the share right after); its whole is the "out
of" figure, the whole the part is broken down from (see :mod:`factcheck.infer.parts`), or
— for "$1.6 billion, or 38 percent of the total" / «یعنی ۳۸ درصدِ کل» — the one figure of
that thing stated before it in the paragraph (or, if none, earlier in the article), also
"3 percent of all admissions" and «… را پذیرفتند که حدود ۲٫۶ درصد کل بستری‌هاست»; a group's count
and its share ("18,000 of the candidates, or 37.5 percent") is of the group's total stated before
(:mod:`factcheck.infer.totals` chooses the whole, or none); a later
bare share of that sentence ("while theft made up 40,608 (48 percent)") is of the same total.
A share in brackets (or after "or" / «یعنی») right after a count whose whole the words do not name
("Some 48,000 candidates sat the exam; 18,000 (37.5 percent) passed", "37.5 percent (18,000)") is of
the count of that thing just before it, when that one is clear
(:func:`factcheck.infer.totals.nearest_total`), and the count is some of it.
A share that names one part of a breakdown («سهم مرکز استان ۴۰ درصد بود», "the share of city
schools was 37.5 percent") is of that part's whole.  When every part
of a breakdown carries its own share ("509 thousand women (about 59 percent) and 351
thousand men (about 41 percent)"), the shares are of the parts together, whatever the
stated total says; the total is then checked by the sum alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..kinds.expr import ExprRule
from ..kinds.part_of import PartOfRule
from ..kinds.percent_of import PercentOfRule
from ..units import canonical
from . import Proposal, pattern
from .change import _direction
from .cues import OF_TOTAL
from .doc import Cue, Doc, Figure
from .parts import breakdowns
from .resolve import unify, unify_part
from .totals import Total, counted_as, group_before, group_noun, group_total, nearest_total, stated_total

_FRACTIONS = ("third", "half", "fourth", "fifth", "tenth", "quarter_share")
#: Units of a plain share: a percentage, or a fraction word ("(a third)", «(یک‌سوم)»).
_PLAIN_SHARES = frozenset(("percent", *_FRACTIONS))
_OUT_OF = re.compile(r"^\s*([^\W\d]+\s+){0,4}?(out of|of a total of|of all|from a total of|"
                     r"از مجموع|از کل|از میان|از بین)\s*$")
_OF_B_A = re.compile(r"\b(of|out of)\s*$|(?<!\w)(از مجموع|از کل|از میان|از بین)\s*$")
_APPOSITIVE = re.compile(r"^\s*((از آن ها|از آنها|از آنان|of them|of whom)\s*)?([^\W\d]+\s*){0,4}?"
                         r"([(\[,،—-]|\bor\b|\bfor a\b|i\.e\.|\bwhich is\b|معادل|یعنی|برابر با|برابر)[^.;؛]{0,35}$")
#: "61 of the council's 100 seats": a plain "of" between a part and its whole ...
_OF_PLAIN = re.compile(r"^\s*(?:[^\W\d]+\s+)??(?P<of>of|از)\s+(?:the\s+)?(?:[^\W\d]+(?:'s|s')?\s+){0,2}?$")
#: ... counts only with the share right after the whole: ", nearly two thirds", «شورا، یعنی سه چهارم»,
#: or restating it a clause on: "the 25,000 girls who sat the exams this year, or 88 percent".
_SHARE_NEXT = re.compile(r"^(?:(?:\s*[^\W\d]+){0,2}?\s*[,،(—–-]\s*(?:or|i\.e\.|that is|یعنی|معادل|برابر با)?|"
                         r"(?:\s*[^\W\d]+){3,7}?\s*[,،]\s*(?:or|i\.e\.|that is|یعنی|معادل|برابر با))\s*$")
#: "half of the city's capacity" after "2 of 5 hospitals" is a share of something else.
_SHARE_OF_WORD = re.compile(r"^\s*(?:of|از)\s+(?:the\s+)?(?P<w>[^\W\d]+)")
_SHARE_OF_THEM = frozenset({"them", "these", "those", "it", "آن", "آنها", "آن ها", "اینها", "کل", "total"})


#: A share named by what it is of, right before it: «سهم مرکز استان ۴۰ درصد بود», "the city's share was 40%".
_NAMED_SHARE = re.compile(r"(?<!\w)سهم\s+(?P<fa>(?:[^\W\d]+\s+){1,3}?)(?:(?:بود|برابر با|به|معادل)\s+)?$|"
                          r"\b(?P<en>(?:[a-z]+\s+){1,2}?)(?:'s|s') share\s+(?:was|is|stood at|of|reached)\s+$|"
                          r"\bthe share of (?P<en2>(?:[a-z]+\s+){1,3}?)(?:was|is|stood at|reached)\s+$")
_NAME_STOP = frozenset({"the", "a", "of", "از", "در", "این", "آن"})


def _named_part(doc: Doc, s: Figure, parts_of: dict[str, tuple[Figure, list[Figure], Cue]]) -> Proposal | None:
    """«... ۱۸۶ هزار نفر در بیمارستان‌های مرکز استان و ۲۷۹ هزار نفر ...؛ به این ترتیب سهم مرکز استان
    ۴۰ درصد بود»: the share names the one part of a breakdown whose words say the same."""
    m = _NAMED_SHARE.search(doc.before(s, 60))
    if m is None:
        return None
    name = [w for w in (m.group("fa") or m.group("en") or m.group("en2") or "").split() if w not in _NAME_STOP]
    if not name:
        return None
    phrase = " ".join(name)
    hits = []
    for pid, (whole, _siblings, _cue) in parts_of.items():
        p = doc.by_id[pid]
        if not s.sentence - 1 <= p.sentence <= s.sentence or p.start > s.start:
            continue
        nxt = min([g.start for g in doc.figures if g.start > p.end] + [s.start])
        words = re.split(r"[.;؛]", doc.norm[p.end:nxt], maxsplit=1)[0]
        if phrase in words:
            hits.append((p, whole))
    if len(hits) != 1:
        return None
    part, whole = hits[0]
    retype = unify(doc, [part, whole], classifier=True)
    if retype is None:
        return None
    at = doc.norm.rindex(phrase, 0, s.start)
    return Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=part.id, whole=whole.id,
                                  confidence=0.75,
                                  evidence=doc.evidence([Cue(doc.text[at:at + len(phrase)], at, at + len(phrase))],
                                                        "the share names the part of the whole it is of")), retype)


def _is_share(doc: Doc, f: Figure) -> bool:
    if f.claim.unit.replace(" ", "") in _FRACTIONS:
        return True
    if not f.is_percent:
        return False
    return _direction(doc, f)[1] is None


def _shares(doc: Doc) -> Iterator[Figure]:
    for f in doc.figures:
        if _is_share(doc, f):
            yield f


def _part_before(doc: Doc, p: Figure, *, bare: bool = False) -> Figure | None:
    """The count a share is attached to: "21,903 (32.9%)", «۲ هزار تماس از آن‌ها، معادل ۳.۶ درصد»
    (with ``bare``, also a number with no noun: "18,000, or 37.5 percent, of the candidates")."""
    prev = [f for f in doc.in_sentence(p.sentence) if f.end <= p.start and (f.is_count or (bare and f.is_bare))]
    if not prev:
        return None
    a = prev[-1]
    gap = doc.between(a, p)
    if len(gap) > 45 or not (_APPOSITIVE.match(gap) or gap.strip() in ("", "(")):
        return None
    if any(g.start > a.end and g.end <= p.start for g in doc.in_sentence(p.sentence)):
        return None
    return a


@pattern("percent_of")
def find(doc: Doc) -> Iterator[Proposal]:
    parts_of: dict[str, tuple[Figure, list[Figure], Cue]] = {}
    #: parts of a breakdown whose whole was stated sentences before: each share is of that whole
    across: set[str] = set()
    for bd in breakdowns(doc):
        for p in bd.parts:
            parts_of.setdefault(p.id, (bd.whole, bd.parts, bd.cue))
            if bd.across and parts_of[p.id][0] is bd.whole:
                across.add(p.id)
    attached: dict[str, Figure] = {}
    for s in _shares(doc):
        a = _part_before(doc, s)
        if a is not None:
            attached[a.id] = s
    done: set[str] = set()
    #: the whole a share of a sentence was found to be "of the total" of
    sentence_total: dict[int, Figure] = {}
    for s in _shares(doc):
        if s.id in done:
            continue
        sent = doc.in_sentence(s.sentence)
        counts = [f for f in sent if f.is_count and f.end <= s.start]
        # "A out of B ..., X percent"
        for i in range(len(counts) - 1):
            a, b = counts[i], counts[i + 1]
            m = _OUT_OF.match(doc.between(a, b))
            if m is None:
                continue
            retype = unify_part(doc, a, b)
            if retype is None:
                continue
            cue = Cue(doc.text[a.end + m.start(2):a.end + m.end(2)], a.end + m.start(2), a.end + m.end(2))
            done.add(s.id)
            yield Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=a.id, whole=b.id,
                                         confidence=0.85,
                                         evidence=doc.evidence([cue], "the share is the first figure out of "
                                                               "the second")), retype)
            break
        if s.id in done:
            continue
        plain = _of_plain(doc, s)
        if plain is not None:
            done.add(s.id)
            yield plain
            continue
        part = _part_before(doc, s) or _part_before_that(doc, s) or _bare_of_group(doc, s)
        bare = _part_before(doc, s, bare=True) if part is None else None
        if bare is not None and bare.id in across:
            part = bare  # "The remaining 3,120, or 25 percent": a bare rest closing a breakdown across sentences
        if part is None and (grouped := _group_then_count(doc, s, parts_of)) is not None:
            done.add(s.id)
            yield grouped
            continue
        if part is None:
            named = _named_part(doc, s, parts_of)
            # "… 48,000 candidates sat the exam; 18,000 (37.5 percent) passed", "37.5 percent (18,000)"
            found = [named] if named is not None else [] if s.sentence in sentence_total else \
                _of_nearest(doc, s, bare or _part_after(doc, s), parts_of)
            if found:
                done.add(s.id)
                yield from found
            continue
        if part.id not in parts_of:
            of_total = _of_stated_total(doc, s, part, parts_of) or _of_group(doc, s, part, parts_of)
            if of_total is not None:
                done.add(s.id)
                if isinstance(of_total.rule, PercentOfRule):
                    sentence_total[s.sentence] = doc.by_id[of_total.rule.whole]
                yield of_total
            elif s.sentence in sentence_total:
                same = _of_same_total(doc, s, part, sentence_total[s.sentence])
                if same is not None:
                    done.add(s.id)
                    yield same
            elif near := _of_nearest(doc, s, part, parts_of):
                done.add(s.id)
                rule = near[0].rule
                if isinstance(rule, PercentOfRule) and not _may_make_a_whole(doc, s.sentence):
                    # the later shares the counts of the sentence carry are of the same total
                    sentence_total[s.sentence] = doc.by_id[rule.whole]
                yield from near
            continue
        if part.id in parts_of:
            whole, siblings, cue = parts_of[part.id]
            if part.id in across:
                # "… 84,600 offences. Violent crime accounted for 31,302 … The remaining 12,690
                # offences, 15 percent": each share is of the whole stated before, as the words say
                retype = unify(doc, [part, whole], classifier=True)
                if retype is not None:
                    done.add(s.id)
                    yield Proposal(PercentOfRule(
                        id="r", kind="percent_of", share=s.id, part=part.id, whole=whole.id, confidence=0.75,
                        evidence=doc.evidence([cue], "the share is given for a part of the whole stated "
                                              "before it")), retype)
                continue
            if len(siblings) >= 2 and all(x.id in attached for x in siblings):
                done.update(attached[x.id].id for x in siblings)
                total = " + ".join(f'c("{x.id}")' for x in siblings)
                for x in siblings:
                    retype = unify(doc, siblings)
                    if retype is None:
                        break
                    expr = f'c("{x.id}") == c("{attached[x.id].id}") * ({total})'
                    yield Proposal(ExprRule(
                        id="r", kind="expr", expr=expr, confidence=0.8,
                        evidence=doc.evidence([cue], "every part carries its share, so each share is of the "
                                              "parts together")), retype)
                continue
            retype = unify(doc, [part, whole], classifier=True)
            if retype is not None:
                done.add(s.id)
                yield Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=part.id, whole=whole.id,
                                             confidence=0.8,
                                             evidence=doc.evidence([cue], "the share is given for a part of "
                                                                   "the whole before it")), retype)


def _of_plain(doc: Doc, s: Figure) -> Proposal | None:
    """"61 of the council's 100 seats, nearly two thirds", «۶۱ کرسی از ۱۰۰ کرسی شورا، نزدیک به دو سوم»."""
    if s.index < 2:
        return None
    a, b = doc.figures[s.index - 2], doc.figures[s.index - 1]
    if not (a.sentence == b.sentence == s.sentence) or a.is_percent or b.is_percent or not b.is_count:
        return None
    if not (a.is_count or a.is_bare) or _SHARE_NEXT.match(doc.between(b, s)) is None:
        return None
    of = _SHARE_OF_WORD.match(doc.after(s, 40))
    if of is not None and of.group("w") not in _SHARE_OF_THEM and of.group("w") not in doc.norm[b.start:b.end]:
        return None
    m = _OF_PLAIN.match(doc.between(a, b))
    retype = unify_part(doc, a, b) if m is not None else None
    if m is None or retype is None:
        return None
    cue = Cue(doc.text[a.end + m.start("of"):a.end + m.end("of")], a.end + m.start("of"), a.end + m.end("of"))
    return Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=a.id, whole=b.id, confidence=0.85,
                                  evidence=doc.evidence([cue], "the share right after restates the first figure "
                                                        "out of the second")), retype)


def _of_same_total(doc: Doc, s: Figure, part: Figure, whole: Figure) -> Proposal | None:
    """"31,302, or 37 percent of the total, while theft made up 40,608 (48 percent)": the later
    bare share of the sentence is of the same total, unless the words name another whole."""
    if _SHARE_OF_WORD.match(doc.after(s, 40)) is not None or part.start < whole.end:
        return None
    retype = unify(doc, [part, whole])
    if retype is None:
        return None
    cue = Cue(doc.text[s.start:s.end], s.start, s.end)
    return Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=part.id, whole=whole.id,
                                  confidence=0.75,
                                  evidence=doc.evidence([cue], "a later share in the sentence of a share of the "
                                                        "total is of the same total")), retype)


def _of_stated_total(doc: Doc, s: Figure, part: Figure, parts_of: dict[str, Any]) -> Proposal | None:
    """"$1.6 billion, or 38 percent of the total", «… که حدود ۲٫۶ درصد کل بستری‌هاست»: the total is the
    one figure of that thing stated before (see :func:`factcheck.infer.totals.stated_total`).

    Figures an earlier time gave (the old side of a change), of a shorter period inside the main
    one, and parts are not the total; when the figures left disagree on the value, the total is
    not known and nothing is inferred.
    """
    m = OF_TOTAL.match(doc.norm[s.end:s.end + 40])
    if m is None:
        return None
    total = stated_total(doc, part, exclude=parts_of, noun=m.group("noun") or m.group("noun_fa"), classifier=True)
    if total is None:
        return None
    cue = Cue(doc.text[s.end + m.start():s.end + m.end()].strip(), s.end + m.start(), s.end + m.end())
    return _share_of(doc, s, part, total, cue, "the share is of the total stated before, the only figure of "
                     "that thing")


#: Between a group's count and its share: "of the candidates, or", «از متقاضیان، یعنی».
_GROUP_SHARE = re.compile(r"^[^,،(—–]*(?:,|،|\(|—|–)\s*(?:or|i\.e\.|that is|which is|یعنی|معادل|برابر با)?\s*\(?\s*$")
#: Only a word saying the share restates the count: «۱۸ هزار نفر یعنی ۳۷٫۵ درصد».
_CONNECTOR = re.compile(r"^\s*(?:or|i\.e\.|that is|which is|یعنی|معادل|برابر با)\s*$")


def _of_group(doc: Doc, s: Figure, part: Figure, parts_of: dict[str, Any]) -> Proposal | None:
    """"City schools entered 18,000 of the candidates, or 37.5 percent": the group is the total of its
    people stated before (see :func:`factcheck.infer.totals.group_total`)."""
    noun = group_noun(doc, part)
    at = -1
    if noun is None or not _GROUP_SHARE.match(doc.between(part, s)):
        # "18,000 (37.5 percent) of the candidates", «۱۸ هزار نفر (۳۷٫۵ درصد) از داوطلبان»
        noun = group_noun(doc, part, share=s)
    if noun is None and (_GROUP_SHARE.match(doc.between(part, s)) or _CONNECTOR.match(doc.between(part, s))) \
            and not _SHARE_OF_WORD.match(doc.after(s, 40)):
        # "Of the candidates, 18,000 passed, or 37.5 percent": the group is named first (and the
        # share is not "of" something else)
        first = group_before(doc, part)
        if first is not None:
            noun, at = first
    if noun is None:
        return None
    total = group_total(doc, part, noun, exclude=parts_of)
    if total is None:
        return None
    if at < 0:
        at = doc.norm.index(noun, part.end)  # the group's noun, after the count or after its share
    cue = Cue(doc.text[at:at + len(noun)], at, at + len(noun))
    return _share_of(doc, s, part, total, cue, "the share is of the group the words name, stated before as "
                     "the only figure of that thing")


def _group_then_count(doc: Doc, s: Figure, parts_of: dict[str, Any]) -> Proposal | None:
    """"Children under five accounted for 62 percent of the cases, or about 770": the share names
    its group right after it and restates its count after "or"; the group is the total of that
    thing stated before (:func:`factcheck.infer.totals.group_total`)."""
    part = _part_after(doc, s)
    noun = group_noun(doc, s) if part is not None else None
    if part is None or noun is None:
        return None
    total = group_total(doc, part, noun, exclude=parts_of)
    if total is None:
        return None
    at = doc.norm.index(noun, s.end)
    return _share_of(doc, s, part, total, Cue(doc.text[at:at + len(noun)], at, at + len(noun)),
                     "the share is of the group the words name, stated before as the only figure of that thing")


def _share_of(doc: Doc, s: Figure, part: Figure, total: Total, cue: Cue, why: str) -> Proposal | None:
    """``s`` is ``part``'s share of ``total`` (found earlier in the text), if the two figures
    can be given one unit; the rule carries the total's confidence and both cues."""
    retype = unify(doc, [part, total.figure], classifier=True)
    if retype is None:
        return None
    return Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=part.id, whole=total.figure.id,
                                  confidence=total.confidence, evidence=doc.evidence([cue, total.cue], why)),
                    retype)


#: «… ۱۲ هزار بیمار را پذیرفتند که حدود ۲٫۶ درصد کل بستری‌هاست», "…, which was 3 percent of all admissions":
#: a clause on the count that gives its share of a named total.
_THAT_SHARE = re.compile(r"^\s*(?:[^\W\d]+\s+){0,4}?(?:که|which (?:is|was|represents|represented|made up|"
                         r"accounts for|accounted for)|representing|accounting for)\s*$")


def _bare_of_group(doc: Doc, s: Figure) -> Figure | None:
    """A number with no noun whose share and group follow: "entered 18,000, or 37.5 percent, of the
    candidates", "18,000 (37.5 percent) of the candidates" (it counts the group's people)."""
    part = _part_before(doc, s, bare=True)
    if part is None or not part.is_bare or part.value is None:
        return None
    return part if group_noun(doc, part) is not None or group_noun(doc, part, share=s) is not None else None


def _part_before_that(doc: Doc, s: Figure) -> Figure | None:
    """The count a share of "the total" is said of in a relative clause right after it."""
    if OF_TOTAL.match(doc.norm[s.end:s.end + 40]) is None:
        return None
    prev = [f for f in doc.in_sentence(s.sentence) if f.end <= s.start]
    if not prev or not prev[-1].is_count:
        return None
    return prev[-1] if _THAT_SHARE.match(doc.between(prev[-1], s)) else None


#: Right after a share attached to a count, its bracket or clause closes ("18,000 (37.5 percent) passed",
#: "18,000, or 37.5 percent, passed", «۱۸ هزار نفر (۳۷٫۵ درصد) قبول شدند»), perhaps after "of them" or
#: "of the total" («درصدِ آنان»); "(25 percent of them fatal)", "(2 percent of the population)" or
#: «۲ درصد جمعیت» give the share of something else.
_SHARE_CLOSES = re.compile(r"[\s\u064b-\u065f]*(?:(?:of\s+|از\s+)?(?:them|these|those|the\s+total|the\s+whole|"
                           r"آنان|آنها|آن ها|آن|کل|مجموع)(?!\w)\s*)?(?:[)\],،.;؛:!?]|$)")
#: After the bracket a share closed, "of the girls" / «از داوطلبان» names the group it is of (read elsewhere).
_OF_AFTER = re.compile(r"\s*[)\]]?\s*[,،]?\s*(?:of|out of|among|از|در میان)\s")
#: Between a count and its share, a group it is taken from ("of the girls", «از دختران»), not "of them".
_OF_GROUP = re.compile(r"(?<!\w)(?:of|out of|among|از|میان|بین)\s+(?!(?:them|these|those|whom|آنان|آنها|آن ها|آن|این)"
                       r"(?!\w))[^\W\d]")
#: "37.5 percent (18,000) passed": the count in brackets right after its share.
_IN_BRACKETS = re.compile(r"^\s*[(\[]\s*$")
#: Between a share and the count it restates: "25 percent of them, or 13,000", «۲۵ درصد آنان، یعنی ۱۳ هزار».
_OR_BETWEEN = re.compile(r"^(?:\s*(?:of\s+)?(?:them|these|those|all|the\s+[a-z]+|all\s+[a-z]+|آنان|آنها|آن ها)|"
                         r"\s*[a-z]{3,})?\s*([,،])\s*(?:or|یعنی)\s*$")  # "one in four families, or 13,000"
#: The count the share restates ends its clause: a comma or the end of the sentence.
_COMMA_CLOSE = re.compile(r"\s*[,،.;؛]")
_CLOSE = re.compile(r"\s*[)\]]")


def _part_after(doc: Doc, s: Figure) -> Figure | None:
    """The count a share gives in brackets after it: "37.5 percent (18,000)", «۳۷٫۵ درصد (۱۸ هزار نفر)»,
    or restates after "or" between commas: "About 25 percent of them, or 13,000, had …"."""
    nxt = doc.figures[s.index + 1] if s.index + 1 < len(doc.figures) else None
    if nxt is None or nxt.sentence != s.sentence or not (nxt.is_count or nxt.is_bare) or nxt.value is None:
        return None
    between = doc.between(s, nxt)
    if _IN_BRACKETS.match(between):
        return nxt if _CLOSE.match(doc.norm, nxt.end) else None
    # the share's own words end at the comma ("of them", "of the families", "families")
    if _OR_BETWEEN.match(between) is None or not _COMMA_CLOSE.match(doc.norm, nxt.end):
        return None
    return nxt


def _may_make_a_whole(doc: Doc, sentence: int) -> bool:
    """Whether the shares the counts of a sentence carry may add up to all of something:
    "$960 million, or 40 percent, and transport $480 million, or 20 percent" cannot (60 percent
    at most), so each is of a total stated before, not of the parts together."""
    total = 0.0
    for s in _shares(doc):
        if s.sentence != sentence or (_part_before(doc, s, bare=True) is None and _part_after(doc, s) is None):
            continue
        per = canonical(s.claim.unit)  # a percent is 1/100, a third 1/3 (the unit registry's factors)
        if s.claim.value is None or s.claim.hedge.value not in ("exact", "about", "nearly"):
            return True  # a share that cannot be added up: as before
        total += float(s.claim.value) * float(per.lo)
    return total >= 0.8


def _with_shares(doc: Doc) -> frozenset[str]:
    """Counts that carry a share of their own, in brackets or after "or" / «یعنی», before or after them."""
    out = set()
    for s in _shares(doc):
        for f in (_part_before(doc, s, bare=True), _part_after(doc, s)):
            if f is not None:
                out.add(f.id)
    return frozenset(out)


def _of_nearest(doc: Doc, s: Figure, part: Figure | None, parts_of: dict[str, Any]) -> list[Proposal]:
    """A share in brackets or after "or" / «یعنی» on a count whose whole the words do not name: it is of
    the count of that thing just before (:func:`factcheck.infer.totals.nearest_total`), and the count is
    some of it.  "Police recorded 2,400 accidents last year; 600 of them (25 percent) were fatal."

    Only a plain share (a percentage or a fraction word, not a change, not percentage points) whose
    bracket or clause closes right after it counts; with the count after the share, nothing but the bracket may hold it.
    """
    if part is None or s.claim.unit.replace(" ", "") not in _PLAIN_SHARES or part.is_percent:
        return []
    first, last = (part, s) if part.end <= s.start else (s, part)
    # the count after its share closes its bracket, or its clause after ", or" (see _part_after)
    closed = (_SHARE_CLOSES if last is s else _CLOSE if "(" in doc.between(first, last) or "[" in
              doc.between(first, last) else _COMMA_CLOSE).match(doc.norm, last.end, last.end + 30)
    if closed is None or _OF_AFTER.match(doc.norm, closed.end(), closed.end() + 20):
        return []  # "(25 percent of them fatal)", "18,000 (37.5 percent) of the girls": of something else
    if _OF_GROUP.search(doc.between(first, last)) or group_before(doc, part) is not None \
            or group_noun(doc, part) is not None:
        return []  # "1,200 of the girls, or 40 percent", "Of the girls, 1,200 (40 percent)": of that group
    siblings = doc.once(_with_shares) - {part.id}
    if any(g.id in siblings for g in doc.in_sentence(part.sentence)) and _may_make_a_whole(doc, part.sentence):
        # "509,000 (59 percent) were women and 351,000 (41 percent) men": when every part carries its
        # share the shares may be of the parts together, not of a total stated before (see ``find``)
        return []
    total = nearest_total(doc, part, before=first.start, skip=siblings, exclude=parts_of)
    if total is None:
        return []
    whole = total.figure
    retype = counted_as(doc, part, whole)
    if retype is None:
        return []
    cue = Cue(doc.text[first.start:last.end], first.start, last.end)
    ev = doc.evidence([cue], "the share given with the count is of the one count of that thing stated just "
                             "before it")
    return [Proposal(PercentOfRule(id="r", kind="percent_of", share=s.id, part=part.id, whole=whole.id,
                                   confidence=total.confidence, evidence=ev), retype),
            Proposal(PartOfRule(id="r", kind="part_of", part=part.id, whole=whole.id, confidence=total.confidence,
                                evidence=ev), retype)]
