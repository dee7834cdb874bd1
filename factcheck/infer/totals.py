"""The total a figure refers back to when the words name it but do not repeat it.

"Containers made up 21 million tonnes, or 40 percent of the total", «… که حدود ۲٫۶ درصد کل
بستری‌هاست», "18,000 of the candidates, or 37.5 percent", "The remaining 12,690 offences":
each is taken from a whole stated earlier in the article.  :func:`stated_total` finds it —
the one value of that thing stated before, in the paragraph or, if none, earlier — leaving
out figures the words put elsewhere:

* the older figure of a change or comparison ("up from 11,900 the year before", "in the same
  period last year", «نسبت به مدت مشابه سال گذشته که …», «این آمار در سال قبل … بود»);
* a figure of a shorter period inside the main one ("In January alone", «در فروردین ماه»)
  when the figure that refers back names no period of its own, or of another period when it does;
* parts of a breakdown (a part is not "the total"), given by the caller.

When the figures left still disagree, the one a total word introduces ("A total of 48,000",
«در مجموع») is the total, at a lower confidence; otherwise nothing is inferred: a wrong
whole would be a false alarm, a missing one is only a miss.  A whole named by a noun ("of
all admissions", "of the candidates") is not taken when another earlier figure is written with
that noun: "1,200 of the girls" after "3,000 girls" is a share of the girls, not of the total.

A share in brackets right after a count, with no whole named at all ("… 48,000 candidates sat the
exam; 18,000 (37.5 percent) passed"), is of the count of that thing just before it, in the same
sentence or the one before (:func:`nearest_total`) — only when nothing there gives another reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from ..errors import FactcheckError
from ..periods import duration_days
from ..units import CURRENCIES
from .cues import BINARY, TIME_WORD, TOTAL, period_near
from .doc import Cue, Doc, Figure
from .pairs import all_pairs, than_changes
from .resolve import unify

__all__ = ["Total", "comparison_figures", "counted_as", "group_before", "group_noun", "group_total", "nearest_total",
           "noun_stem", "of_them_figures", "part_figures", "stated_total", "written_with"]

_PARAGRAPH = re.compile(r"\n\s*\n")
#: Words placing a figure at the earlier time it is compared with.
_COMPARISON = re.compile(
    r"\b(same (?:period|time|month|quarter) (?:last|a) year|a year (?:earlier|before)|the (?:year|month) before|"
    r"the previous (?:year|month)|the prior year|last year's|(?:in|during) the previous year)\b|"
    r"(?<!\w)(مدت مشابه|سال قبل|ماه قبل|سال پیش|دوره مشابه)(?!\w)")
#: A total word right before a figure, in its clause: "A total of 48,000", «در مجموع ۴۸ هزار».
_TOTAL_BEFORE = re.compile(rf"(?:{TOTAL.pattern})[^\d,;:،؛.]{{0,12}}$")


@dataclass(frozen=True)
class Total:
    """The whole a figure refers back to, how sure the choice is, and the words that decided it."""

    figure: Figure
    confidence: float
    cue: Cue | None = None


def comparison_figures(doc: Doc) -> frozenset[str]:
    """Figures the words place at an earlier time to compare with: older ends of changes and
    figures written with "in the same period last year" / «مدت مشابه» in their own stretch."""
    return doc.once(_comparison_figures)


def _comparison_figures(doc: Doc) -> frozenset[str]:
    out = {p.old.id for p in all_pairs(doc)} | {t.pair.old.id for t in than_changes(doc)}
    for f in doc.figures:
        s, e = doc.sentences[f.sentence]
        prev_end = max((g.end for g in doc.in_sentence(f.sentence) if g.end <= f.start), default=s)
        # the stretch before the figure back to the one before it, and a few words after it
        if doc.find(_COMPARISON, prev_end, f.start) or doc.find(_COMPARISON, f.end, min(e, f.end + 25)):
            out.add(f.id)
    return frozenset(out)


#: Right after a figure, words making it a part of the next figure or of a group named before.
_PART_OF_NEXT = re.compile(r"^\s*(?:[^\W\d]+\s+){0,2}?(?:of|out of|از)\s+(?:the\s+|all\s+)?$")
_PART_OF_THEM = re.compile(r"^\s*(?:[^\W\d]+\s+)?(?:of them|of these|of those|of whom|از آن ها|از آنها|از آنان|"
                           r"از این تعداد)(?!\w)")


def part_figures(doc: Doc) -> frozenset[str]:
    """Figures the words make a part of another: "22,000 of the 25,000 girls", "41,280 of them"."""
    return doc.once(_part_figures)


def of_them_figures(doc: Doc) -> frozenset[str]:
    """The figures of :func:`part_figures` that are parts of something named before ("41,280 of them")."""
    return doc.once(_of_them_figures)


def _of_them_figures(doc: Doc) -> frozenset[str]:
    return frozenset(f.id for f in doc.figures if _PART_OF_THEM.match(doc.norm[f.end:f.end + 30]))


def _part_figures(doc: Doc) -> frozenset[str]:
    out = set(of_them_figures(doc))
    for f in doc.figures:
        nxt = doc.figures[f.index + 1] if f.index + 1 < len(doc.figures) else None
        if (nxt is not None and nxt.sentence == f.sentence and not nxt.is_percent
                and _PART_OF_NEXT.match(doc.between(f, nxt)) is not None):
            out.add(f.id)
    return frozenset(out)


def _days(doc: Doc, f: Figure) -> Fraction | None:
    """How long the period a count is given for is, in days (the middle of its range), if the words say."""
    known = doc.once(_days_known)
    if f.id not in known:
        known[f.id] = _read_days(doc, f)
    return known[f.id]


def _days_known(doc: Doc) -> dict[str, Fraction | None]:
    """The periods of :func:`_days` read so far (each figure's read once per document)."""
    return {}


def _read_days(doc: Doc, f: Figure) -> Fraction | None:
    p = f.claim.period
    duration = p.duration if p is not None and p.duration else None
    if duration is None:
        got = period_near(doc, f, window=40)
        duration = got[0] if got is not None else None
    if duration is None:
        return None
    try:
        lo, hi = duration_days(duration)
    except FactcheckError:
        return None
    return (lo + hi) / 2


def noun_stem(noun: str) -> str:
    """The word an English noun is matched by: its last word, without a plural s ("hospital stays" by
    "stay"); a Persian one as written (its parts are one word, «شرکت کنندگان»), without its plural
    ending («داوطلبان» by «داوطلب», «شرکت کنندگان» by «شرکت کنند», which «شرکت کننده» starts with).
    The stem is matched as the start of a word."""
    if not noun.isascii():
        for ending in _FA_PLURALS:
            if noun.endswith(ending) and len(noun) - len(ending) >= 2:  # «زنان» by «زن»
                return noun[:-len(ending)]
        return noun
    word = noun.split()[-1]
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


#: Persian plural endings, longest first («های» before «ها»; «گان» before «ان»).
_FA_PLURALS = (" های", " ها", "های", "ها", "گان", "ان")


def _named_elsewhere(doc: Doc, noun: str, whole: Figure, pool: list[Figure]) -> bool:
    """Another figure of ``pool`` is written with ``noun`` and the whole is not ("3,000 girls" and
    "5,000 students" before "1,200 of the girls"): the noun names that other figure's group."""
    stem = noun_stem(noun)
    return (any(written_with(doc, g, stem) for g in pool if g.value != whole.value)
            and not any(written_with(doc, g, stem) for g in pool if g.value == whole.value))


def written_with(doc: Doc, g: Figure, stem: str, reach: int = 25) -> bool:
    """Whether ``g`` is written with the noun of ``stem`` (:func:`noun_stem`): a word starting with
    it in the figure or the ``reach`` characters after it, within its sentence."""
    words = doc.norm[g.start:min(g.end + reach, doc.sentences[g.sentence][1])]
    return re.search(rf"(?<!\w){re.escape(stem)}", words) is not None


def stated_total(doc: Doc, part: Figure, *, before: int | None = None, exclude: Iterable[str] = (),
                 noun: str | None = None, classifier: bool = False) -> Total | None:
    """The one total of ``part``'s thing stated before ``before`` (default: before ``part``).

    ``exclude``: figures that cannot be the total (parts of breakdowns); ``noun``: the word the
    text names the whole by, if any ("of all admissions", «کل بستری‌ها»).
    """
    limit = part.start if before is None else before
    skip = set(exclude) | comparison_figures(doc) | part_figures(doc)
    # every earlier count of that thing, parts and older figures too: the noun may name any of them
    pool = [g for g in doc.figures if g.end <= limit and g.value is not None and g.is_count
            and unify(doc, [part, g], classifier=classifier) is not None]
    earlier = [g for g in pool if g.id not in skip]
    if not earlier:
        return None
    # a figure of a shorter period inside the main one is not the total of the main period
    own = _days(doc, part)
    days = {g.id: _days(doc, g) for g in earlier}
    if own is not None:
        earlier = [g for g in earlier if days[g.id] is None or days[g.id] == own]
    else:
        longest = max((d for d in days.values() if d is not None), default=None)
        earlier = [g for g in earlier if days[g.id] is None or days[g.id] == longest]
    para = max((p.end() for p in _PARAGRAPH.finditer(doc.norm, 0, part.start)), default=0)
    candidates = [g for g in earlier if g.start >= para] or earlier
    if not candidates:
        return None
    confidence, cue = 0.8, None
    if len({g.value for g in candidates}) != 1:
        marked = [g for g in candidates if _total_word(doc, g) is not None]
        if len({g.value for g in marked}) != 1:
            return None
        candidates, confidence, cue = marked, 0.75, _total_word(doc, marked[-1])
    whole = candidates[-1]
    if noun and _named_elsewhere(doc, noun, whole, pool):
        return None
    return Total(whole, confidence, cue)


def _total_word(doc: Doc, g: Figure) -> Cue | None:
    lo = max((f.end for f in doc.in_sentence(g.sentence) if f.end <= g.start), default=doc.sentences[g.sentence][0])
    m = _TOTAL_BEFORE.search(doc.norm, max(lo, g.start - 30), g.start)
    if m is None:
        return None
    return Cue(doc.text[m.start():m.end()].strip(), m.start(), m.end())


#: "of the candidates", «از متقاضیان» right after a count: the group it is a part of, named by one noun.
_GROUP = {
    # "of the new jobs": a word saying the group is the one just counted stands before its noun
    "en": re.compile(r"\s*of\s+(?:all\s+)?the\s+(?:(?:new|additional|extra)\s+)?(?P<n>[a-z]{3,})\b"
                     r"(?!\s+(?:of|in|from|at|who|with)\b)"),
    # a Persian noun may be written in two parts («شرکت‌کنندگان» is «شرکت کنندگان» once normalised)
    "fa": re.compile(r"\s*از\s+(?:میان\s+|بین\s+)?(?P<n>[^\W\d]{3,}(?:\s+(?:کنندگان|گان|ها|های))?)"
                     r"(?=\s*[,،()]|\s+(?:یعنی|معادل|را)(?!\w))"),
}
#: After a share, the close of its bracket or a comma before "of the candidates".
_AFTER_SHARE = re.compile(r"\s*[)\]]?\s*[,،]?")
#: Not a group's noun: pronouns, and the whole itself ("of the total" is read by ``OF_TOTAL``).
_PRONOUNS = frozenset({"them", "these", "those", "total", "whole", "آنها", "آنان", "اینها", "ایشان", "کل", "مجموع"})
#: Groups that are a part of those counted, not all of them: "1,200 of the girls" is no share of the students.
_SUBGROUP = re.compile(r"\b(children|adults|minors|elderly)\b|(?<!\w)(کودکان|بزرگسالان|سالمندان)(?!\w)")


def group_noun(doc: Doc, f: Figure, *, share: Figure | None = None) -> str | None:
    """The noun of "18,000 of the candidates" / «۱۸ هزار نفر از داوطلبان» right after ``f``, or
    after the share that follows it ("18,000 (37.5 percent) of the candidates"), if any."""
    pat = _GROUP.get(doc.lang)
    at = f.end
    if share is not None:
        closed = _AFTER_SHARE.match(doc.norm, share.end)
        at = closed.end() if closed is not None else share.end
        if "(" in doc.norm[f.end:share.start] and ")" not in doc.norm[share.end:at]:
            return None  # "18,000 (2 percent of the population)": the share's own "of", inside its bracket
    m = pat.match(doc.norm, at) if pat is not None else None
    if m is None or m.group("n") in _PRONOUNS:
        return None
    return m.group("n")


#: "Of the candidates, 18,000 …", «از داوطلبان، ۱۸ هزار نفر …»: the group named first, opening the
#: sentence (or a clause after ";" / ":") with nothing but a comma between it and the count.
_GROUP_FIRST = {
    "en": re.compile(r"(?:.*[;:])?\s*(?:of|among)\s+(?:all\s+)?the\s+(?P<n>[a-z]{3,})\s*,\s*"),
    "fa": re.compile(r"(?:.*[;:؛])?\s*(?:از\s+(?:میان\s+|بین\s+)?|در\s+میان\s+)"
                     r"(?P<n>[^\W\d]{3,}(?:\s+(?:کنندگان|گان|ها|های))?)\s*[,،]\s*"),
}


def group_before(doc: Doc, f: Figure) -> tuple[str, int] | None:
    """The noun of a group named before ``f`` ("Of the candidates, 18,000 passed") and where it is."""
    pat = _GROUP_FIRST.get(doc.lang)
    lo = doc.sentences[f.sentence][0]
    m = pat.fullmatch(doc.norm, lo, f.start) if pat is not None else None
    if m is None or m.group("n") in _PRONOUNS:
        return None
    return m.group("n"), m.start("n")


def group_total(doc: Doc, part: Figure, noun: str, *, exclude: Iterable[str] = ()) -> Total | None:
    """The total "18,000 of the candidates" is a part of: the group of that noun, as stated before.

    A group that is only some of those counted (women, girls, urban, children) is not their total,
    and nothing is inferred.  The choice is an error-grade reading (0.8) when the whole is written
    with the same noun, 0.75 when a total word introduces it ("A total of 48,000 students sat the
    exams … 18,000 of the candidates"), and only a possible one (0.65) otherwise.
    """
    if _SUBGROUP.search(noun) or any(a.search(noun) or b.search(noun) for a, b in BINARY):
        return None
    total = stated_total(doc, part, exclude=exclude, noun=noun, classifier=True)
    if total is None:
        return None
    stem = noun_stem(noun)
    named = any(g.value == total.figure.value and written_with(doc, g, stem)
                for g in doc.figures if g.end <= part.start)
    if named:
        return Total(total.figure, min(total.confidence, 0.8), total.cue)
    cue = _total_word(doc, total.figure)
    if cue is not None:
        return Total(total.figure, 0.75, cue)
    return Total(total.figure, 0.65, total.cue)


#: Nouns that count without saying what: "600 cases", «۶۰۰ مورد» (and people, «نفر», below).
_GENERIC = frozenset({"cases", "case", "instances", "instance", "مورد", "فقره", "عدد"})
_CLASSIFIERS = _GENERIC | {"people", "persons", "person", "نفر"}
#: Between a whole and a count set against it, not taken out of it: "In the north 20,000 sat the exam, while
#: in the south 9,000 (45 percent) passed", «در حالی که», «در مقایسه».
_CONTRAST = re.compile(r"\b(while|whereas|in contrast|by contrast|meanwhile|compared with|compared to|versus|vs|"
                       r"elsewhere|on the other hand)\b|(?<!\w)(در حالی که|در حالیکه|در مقابل|در مقایسه|"
                       r"از سوی دیگر|از طرف دیگر|همچنین|نسبت به)(?!\w)")
#: Where a clause opens inside a sentence: the time words of the part's own clause place it.
_CLAUSE_OPEN = re.compile(r"[;:؛,،]")


def _noun_word(doc: Doc, f: Figure) -> str | None:
    """The last word of the noun written with ``f``, normalised ("candidates", «نفر»), if any."""
    subj = f.claim.subject.text if f.claim.subject is not None else None
    words = re.findall(r"[^\W\d_]{2,}", doc.norm[f.start:f.end] if not subj else subj.lower())
    return words[-1] if words else None


def _times(doc: Doc, lo: int, hi: int) -> set[str]:
    return {c.words.strip().lower() for c in doc.find_all(TIME_WORD, lo, hi)}


def counted_as(doc: Doc, part: Figure, whole: Figure) -> dict[str, str] | None:
    """The retyping that makes ``part`` count what ``whole`` counts when the words make it some of it
    (:func:`factcheck.infer.resolve.unify` with «نفر» as a classifier), also for a part counted by a
    generic noun ("600 cases", «۶۰۰ مورد از آن‌ها») that extraction did not tie to the whole's noun."""
    retype = unify(doc, [part, whole], classifier=True)
    if retype is None and not part.is_bare and part.per_time == 0 and whole.per_time == 0 \
            and _noun_word(doc, part) in _GENERIC:
        retype = {part.id: whole.claim.unit}
    return retype


def nearest_total(doc: Doc, part: Figure, *, before: int, skip: Iterable[str] = (),
                  exclude: Iterable[str] = ()) -> Total | None:
    """The whole a share attached to ``part`` is of when the words name none: "Some 48,000 candidates
    sat the exam; 18,000 (37.5 percent) passed", «… ۴۸ هزار نفر بودند و ۱۸ هزار نفر (۳۷٫۵ درصد) …».

    It is the count of ``part``'s thing stated just before (before ``before``), in the same sentence or
    the one before it, within the paragraph.  The words must leave no other reading, or nothing is
    inferred: figures there that disagree (a subgroup, "20,000 of them girls", or the total of another
    year), a number with no noun that might be the whole, a whole that is itself a part of another
    figure, a count of another thing when ``part`` has no noun of its own, a part named by a noun of
    its own that is not the whole's ("18,000 girls (45 percent)" is a share of the girls), or a time
    word in the part's clause the whole's sentence does not have ("In January, 600 (25 percent)"), a
    contrast between them ("while", «در حالی که»), or money ("$1.6 billion (12 percent)" is most often a
    share of a budget the words do not give).  ``skip``: figures that carry a share of their own — one
    there may be what the share is of ("1,200 (2.5 percent) were hospitalised. Of them, 300 (25 percent)
    died"); ``exclude``: parts of breakdowns.
    """
    older = comparison_figures(doc)
    if part.id in older or part.value is None:
        return None
    lo = doc.sentences[max(part.sentence - 1, 0)][0]
    lo = max([lo, *(p.end() for p in _PARAGRAPH.finditer(doc.norm, lo, part.start))])  # within the paragraph
    if any(k in CURRENCIES for k, _ in part.thing):
        return None  # "$1.6 billion (12 percent)" is most often a share of a budget the words do not give
    siblings = set(skip)
    generic = _noun_word(doc, part) in _GENERIC and not part.is_bare
    found: list[Figure] = []
    for g in (*doc.in_sentence(part.sentence - 1), *doc.in_sentence(part.sentence)):
        if g.start < lo or g.end > before or g.id == part.id or g.id in older:
            continue
        if g.is_percent or g.is_ratio or g.per_time != 0 or g.value is None or not (g.is_count or g.is_bare):
            continue  # shares, rates and durations are not the whole of a count
        if g.id in siblings or g.is_bare:
            # "1,200 (2.5 percent) were hospitalised. Of them, 300 (25 percent) died": a count with a share
            # of its own may be the whole "of them" points to; "This year 48,000 sat it": so may a bare number
            return None
        if part.is_bare or generic or unify(doc, [part, g], classifier=True) is not None:
            found.append(g)
    if not found or len({g.thing for g in found}) != 1 or len({g.value for g in found}) != 1:
        return None
    whole = found[-1]
    if any(k in CURRENCIES for k, _ in whole.thing):
        return None
    parts = part_figures(doc) | set(exclude)
    if any(g.id in parts for g in found):
        return None  # the share may be of the larger figure or of the part
    if counted_as(doc, part, whole) is None:
        return None
    noun, named = _noun_word(doc, part), _noun_word(doc, whole)
    if not part.is_bare and noun is not None and noun not in _CLASSIFIERS and (
            named is None or noun_stem(noun) != noun_stem(named)):
        return None
    words = doc.norm[part.start:part.end]
    if _SUBGROUP.search(words) or any(a.search(words) or b.search(words) for a, b in BINARY):
        return None
    # the part's words: its sentence up to it or, with the whole in that sentence, from the first clause
    # break or comma after the whole ("2,400 accidents last year, and in 2020, 600 (25 percent)")
    s0 = doc.sentences[part.sentence][0]
    w0, w1 = doc.sentences[whole.sentence]
    if whole.sentence == part.sentence:
        brk = _CLAUSE_OPEN.search(doc.norm, whole.end, part.start)
        s0 = w1 = brk.end() if brk is not None else part.start
    if _times(doc, s0, part.start) - _times(doc, w0, w1) or doc.find(_CONTRAST, whole.end, part.start):
        return None
    own, theirs = _days(doc, part), _days(doc, whole)
    if own is not None and theirs is not None and own != theirs:
        return None
    return Total(whole, 0.75)
