"""Rates against totals: "822 a day ... 400 thousand in six months", "3,000 a day, that is 126 an hour".

Inside one sentence, a total over a period (its ``period``, or a period written next to
it: "in the last 6 months", «در ۶ ماه گذشته», "first half") is set against the rates of the
same counted thing, summed when the words add them ("alongside", "in total", «مجموعاً»),
each multiplied by how many places it is given for ("at each of the units A and B",
«در هر یک از واحدهای الف و ب»).  Two rates of one thing per different time units are the
same flow restated ("that is", «یعنی», «که هر ساعت»).  Across two sentences: rates and their
total in the next when both name the same activity, and a total restated as a rate by the
next sentence ("That is an average of 232 a day", «یعنی روزانه ...»).  Periods are calendar-aware: the
evaluator reads "6 month" with the article's calendar (Persian months 1–6 have 31 days).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from ..kinds.base import Term
from ..kinds.rate import RateRule
from ..model import Claim, Hedge, Source
from ..numbers import implied_precision
from ..units import canonical
from . import Proposal, pattern
from .cues import NUMBER_WORD, TOTAL, number_word, period_near, split_list
from .doc import Cue, Doc, Figure, normalise

_EACH = re.compile(
    rf"\b(at|in|for|by)? ?each of (the|its|their)? ?(?P<n>\d+|{NUMBER_WORD})?\b|"
    r"(?<!\w)(در )?(هر یک|هریک|هر کدام|هرکدام) از(?!\w)")
_EACH_TAG = "each"
_EACH_OF = re.compile(r"\beach of (the|its|their)\s*$|(?<!\w)(هر یک از|هریک از|هر کدام از)\s*$")
#: The same flow said again in another time unit.
_RESTATE = re.compile(r",\s*or\b|\b(that is|i\.e\.|which works out to|which is|or about|or roughly|equivalent to|"
                      r"meaning)\b|(?<!\w)(یعنی|که|معادل|برابر با)(?!\w)|^\s*[,،-]+\s*$")
_SAME = re.compile(r"\b(that is|i\.e\.|which works out to|equivalent to|in other words)\b|"
                   r"(?<!\w)(یعنی|معادل|برابر با|به عبارت دیگر)(?!\w)")
#: Words inside the list of places that are not places (rate and hedge words).
_NOT_ITEMS = re.compile(r"(?<!\w)(روزانه|هر روز|در روز|بیش از|بالغ بر|حدود|نزدیک به|daily|a day|more than|over|"
                        r"about|nearly|almost)(?!\w)|(?<!\w)(نیز|هم|also)(?!\w)")


def _times(doc: Doc, r: Figure) -> tuple[int | None, Cue | None]:
    """How many places a per-place rate is given for: 2 for 'at each of the units A and B'.

    The phrase may come before the rate («در هر یک از واحدهای الف و ب روزانه ...») or after
    it ("1,500 a day at each of its two branches").
    """
    s, e = doc.sentences[r.sentence]
    prev_fig = max((f.end for f in doc.in_sentence(r.sentence) if f.end <= r.start), default=s)
    next_fig = min((f.start for f in doc.in_sentence(r.sentence) if f.start >= r.end
                    and not _is_each_count(doc, f)), default=e)
    tagged = r.claim.subject is not None and _EACH_TAG in r.claim.subject.tags
    cue, items_end = None, r.start
    for c in doc.find_all(_EACH, max(s, prev_fig), r.start):
        cue = c
    if cue is None:
        after = doc.find(_EACH, r.end, min(next_fig, r.end + 40))
        # "822 a day, and each of the units serves 2,000 a day": the phrase is the next rate's.
        if after is not None and next_fig == e:
            cue, items_end = after, next_fig
    if cue is None:
        return (1, None) if not tagged else (None, None)
    m = _EACH.match(doc.norm, cue.start)
    if m is not None and m.group("n"):
        return number_word(m.group("n")), cue
    words = _NOT_ITEMS.sub(" ", doc.norm[cue.end:items_end])
    words = re.split(r"[;؛:.]", words)[0]
    items, _etc = split_list(words)
    if len(items) >= 2:
        return len(items), cue
    return None, cue


def _is_each_count(doc: Doc, f: Figure) -> bool:
    """The "two" of "at each of its two branches" counts places; it is not a rate."""
    m = _EACH_OF.search(doc.norm, max(0, f.start - 25), f.start)
    return m is not None


def _rate_terms_for(t: Figure, rates: list[Figure], classifier: bool) -> tuple[list[Figure], dict[str, str]]:
    """Rates of the total's counted thing; with ``classifier``, «نفر»/people may take the other's unit."""
    same = [r for r in rates if r.thing == t.thing]
    if same or not classifier:
        return same, {}
    person = (("[person]", 1),)
    if t.thing == person:
        others = {r.thing for r in rates}
        if len(others) == 1:
            unit = rates[0].claim.unit.split("/")[0].strip()
            return list(rates), {t.id: unit}
    return [], {}


#: Words a rate may be written with that name no counted thing: "an average of 10,000 a day",
#: «روزانه به طور میانگین ۱۰ هزار».
_RATE_ONLY_WORDS = frozenset((
    "a", "an", "day", "days", "per", "every", "each", "daily", "hour", "hourly", "week", "weekly", "month",
    "monthly", "year", "yearly", "annually", "thousand", "million", "billion", "hundred", "about", "more", "than",
    "over", "nearly", "almost", "some", "around", "roughly", "less", "at", "least", "most", "up", "to", "just",
    "under", "approximately", "روزانه", "هر", "روز", "در", "ساعتی", "ساعت", "هفتگی", "ماهانه", "سالانه", "هزار",
    "میلیون", "میلیارد", "صد", "حدود", "بیش", "از", "نزدیک", "به", "تقریبا", "کمتر", "حداقل", "حداکثر", "روزی",
    "طور", "میانگین", "متوسط", "بالغ", "بر", "و"))


def _nounless_rate(doc: Doc, t: Figure, rates: list[Figure]) -> tuple[list[Figure], dict[str, str]]:
    """A rate written with no noun beside a total counts what the total counts: "1.2 million calls in the
    first six months, an average of 10,000 a day" (extraction may have given it some other noun)."""
    for r in rates:
        words = re.findall(r"[^\W\d_]+", doc.norm[r.start:r.end])
        if any(w not in _RATE_ONLY_WORDS for w in words) or not _appositive(doc, r, t):
            continue
        per = r.claim.unit.rpartition("/")[2].strip()
        return [r], {r.id: f"{t.claim.unit} / {per}"}
    return [], {}


def _time_factor(f: Figure) -> float:
    c = canonical(f.claim.unit)
    return float(c.lo)


@pattern("rate")
def find(doc: Doc) -> Iterator[Proposal]:
    for si in range(len(doc.sentences)):
        figs = doc.in_sentence(si)
        yield from _restated_next(doc, si, figs)
        rates = [f for f in figs if f.per_time == -1 and f.value is not None and not _is_each_count(doc, f)]
        if not rates:
            continue
        totals = [f for f in figs if f.per_time == 0 and f.thing and not f.is_percent and f.value is not None]
        for t in totals:
            if _compared(doc, t):
                continue
            tcue = doc.find(TOTAL, max(doc.sentences[si][0], t.start - 60), t.end)
            same, retype = _rate_terms_for(t, rates, classifier=tcue is not None)
            if not same:
                same, retype = _nounless_rate(doc, t, rates)
            # people named two ways ("126,000 pilgrims ..., an average of 900 people a day") are one
            # count when the words between say so
            tied = t.thing == _PERSON and all(_tied(doc, t, r) for r in same)
            if not same:
                same, retype = _person_kind(doc, t, rates)
                tied = bool(same)
            if not same or any(_sub_period(doc, r, t) for r in same):
                continue
            dur, pcue = _duration(doc, t)
            if dur is None:
                continue
            terms: list[Term] = []
            cues: list[Cue | None] = [pcue]
            unsure = False
            for r in same:
                n, ecue = _times(doc, r)
                if n is None:
                    n, unsure = 1, True
                terms.append(Term(claim=r.id, times=n))
                cues.append(ecue)
            restated = len(same) > 1 and any(_RESTATE.search(doc.between(a, b)) for a, b in itertools.pairwise(same))
            if restated:
                terms = terms[:1]
            if tcue is None and not tied and not all((_close(doc, r, t) or _appositive(doc, r, t)) and _same_noun(r, t)
                                        and _same_act(doc, r, t) for r in same):
                # a rate and a total in different clauses, or counting differently named things
                # (people injured, fights a day), with nothing saying one sums the other
                continue
            apart = _times_apart(doc, t, same, pcue)
            if apart == "skip":
                continue
            conf = 0.85 if tcue is not None else 0.75
            if unsure or apart == "unsure":
                conf = min(conf, 0.6)
            quoted = {r.id: doc.quote(r) for r in same}
            why = (f"«{doc.quote(t)}» over {dur} is the total of "
                   + " + ".join(f"{x.times} × «{quoted[x.claim]}»" if x.times != 1 else f"«{quoted[x.claim]}»"
                                for x in terms))
            yield Proposal(RateRule(id="r", kind="rate", total=t.id, rate=terms,
                                    duration=None if t.claim.period and t.claim.period.duration == dur else dur,
                                    confidence=conf, evidence=doc.evidence([tcue, *cues], why)), retype)
        yield from _across(doc, si, figs)
        yield from _every(doc, figs, rates)
        # The same flow restated per another time unit.
        for i, b in enumerate(rates):
            for a in {rates[0].id: rates[0], **({rates[i - 1].id: rates[i - 1]} if i else {})}.values():
                if a is b or a.thing != b.thing or _sub_period(doc, a, b) != _sub_period(doc, b, a):
                    continue
                big, small = (a, b) if _time_factor(a) < _time_factor(b) else (b, a)
                gap = doc.between(a, b)
                cue = doc.find(_RESTATE, a.end, b.start)
                if _time_factor(a) == _time_factor(b):
                    # the same unit twice is the same flow only when the words say so ("that is")
                    cue = doc.find(_SAME, a.end, b.start)
                    if cue is None:
                        continue
                    big, small = a, b
                conf = 0.85 if cue is not None or len(gap) < 12 else 0.7
                yield Proposal(RateRule(id="r", kind="rate", total=big.id, rate=[Term(claim=small.id)],
                                        confidence=conf,
                                        evidence=doc.evidence([cue], "the same flow is given per "
                                                              "two different time units")))


_EVERY = re.compile(r"\b(every|each)\s*$|(?<!\w)هر\s*$")
_TIME_DIMS = (("[time]", 1),)


def _every(doc: Doc, figs: list[Figure], rates: list[Figure]) -> Iterator[Proposal]:
    """"A death every 2 seconds, or 43,200 a day": one thing per stated interval is a rate."""
    things = {r.thing for r in rates}
    if len(things) != 1:
        return
    for d in figs:
        if d.dims != _TIME_DIMS or d.value is None or d.value <= 0:
            continue
        m = _EVERY.search(doc.norm, max(0, d.start - 8), d.start)
        if m is None:
            continue
        partner = min(rates, key=lambda r: abs(r.start - d.start))
        thing = partner.claim.unit.split("/")[0].strip() or "1"
        unit = f"{thing} / {d.claim.unit}"
        try:
            canonical(unit)
        except Exception:
            continue
        # One every n units, n as written: between 1/(n + h) and 1/(n - h) a unit.
        if d.claim.value is None:
            continue
        n = d.claim.value
        h = Decimal(implied_precision(n)) / 2
        with localcontext() as ctx:  # six digits, rounded outward: the range only widens
            ctx.prec = 6
            ctx.rounding = ROUND_FLOOR
            lo = Decimal(1) / (n + h)
            ctx.rounding = ROUND_CEILING
            hi = Decimal(1) / (n - h) if n > h else None
        start = m.start()
        quote = doc.text[start:d.end]
        claim = Claim(id=f"{doc.prefix}every_{start}", value=lo,
                      value_max=hi, hedge=Hedge.range if hi is not None else Hedge.at_least, unit=unit,
                      precision=Decimal("1e-12"), written=quote, lang=doc.lang,
                      source=Source(span=(start, d.end), quote=quote))
        a, b = (partner, d) if partner.start < d.start else (d, partner)
        cue = doc.find(_RESTATE, a.end, b.start)
        yield Proposal(RateRule(id="r", kind="rate", total=partner.id, rate=[Term(claim=claim.id)],
                                confidence=0.8 if cue is not None else 0.7,
                                evidence=doc.evidence([Cue(quote, start, d.end), cue],
                                                      f"one every {d.claim.written or n} {d.claim.unit} is the "
                                                      "same flow as the rate")), added=[claim])


def _across(doc: Doc, si: int, figs: list[Figure]) -> Iterator[Proposal]:
    """Rates in one sentence, their total over a period in the next: "... serve 822 people a day ...
    He put the number of people served in the last six months at 400,000."

    Only when the total's sentence has no rate of its own, the two sentences are in one
    paragraph, and they share a word besides the counted noun ("serve" / "served").
    """
    if si + 1 >= len(doc.sentences) or "\n\n" in doc.text[doc.sentences[si][1] - 1:doc.sentences[si + 1][0] + 1]:
        return
    rates = [f for f in figs if f.per_time == -1 and f.value is not None and not _is_each_count(doc, f)]
    if not rates or any(f.per_time == 0 and f.thing in {r.thing for r in rates} for f in figs):
        return
    nxt = doc.in_sentence(si + 1)
    if any(f.per_time == -1 for f in nxt):
        return
    for t in nxt:
        if t.per_time != 0 or not t.thing or t.is_percent or t.value is None or _compared(doc, t):
            continue
        same = [r for r in rates if r.thing == t.thing]
        dur, pcue = _duration(doc, t)
        if not same or dur is None or any(_sub_period(doc, r, t) for r in same):
            continue
        shared = _stems(doc, si, same) & _stems(doc, si + 1, [t])
        if not shared:
            continue
        terms = [Term(claim=r.id, times=_times(doc, r)[0] or 1) for r in same]
        unsure = any(_times(doc, r)[0] is None for r in same)
        quoted = " + ".join(f"{x.times} × «{doc.quote(doc.by_id[x.claim])}»" if x.times != 1
                            else f"«{doc.quote(doc.by_id[x.claim])}»" for x in terms)
        why = (f"«{doc.quote(t)}» over {dur} in the next sentence is the total of {quoted} "
               f"(both say «{sorted(shared)[0]}…»)")
        yield Proposal(RateRule(id="r", kind="rate", total=t.id, rate=terms,
                                duration=None if t.claim.period and t.claim.period.duration == dur else dur,
                                confidence=0.6 if unsure else 0.8,
                                evidence=doc.evidence([pcue, *(_times(doc, r)[1] for r in same)], why)))


#: A sentence that restates the one before as a rate: "That is an average of about 232 a day."
_THAT_IS = re.compile(r"^\W*(?:that is|this is|that works out (?:at|to)|that means|which means)\b|"
                      r"^\W*(?:یعنی|به عبارت دیگر|به این ترتیب)(?!\w)")


def _restated_next(doc: Doc, si: int, figs: list[Figure]) -> Iterator[Proposal]:
    """A total over a period, and the next sentence opens by restating it as a rate: "... to
    84,600 offences in the year to March. That is an average of about 232 offences a day."

    Only when the next sentence has no total of its own and this one one total of the thing.
    """
    if si + 1 >= len(doc.sentences):
        return
    lo, hi = doc.sentences[si + 1]
    cue = _THAT_IS.match(doc.norm[lo:hi])
    nxt = doc.in_sentence(si + 1)
    if cue is None or any(f.per_time == 0 and f.thing for f in nxt):
        return
    for r in nxt:
        if r.per_time != -1 or r.value is None or _is_each_count(doc, r):
            continue
        totals = [t for t in figs if t.per_time == 0 and t.thing == r.thing and not t.is_percent
                  and t.value is not None and not _compared(doc, t)]
        if len(totals) != 1 or any(f.per_time == -1 and f.thing == r.thing for f in figs):
            continue
        t = totals[0]
        dur, pcue = _duration(doc, t)
        if dur is None or _sub_period(doc, r, t):
            continue
        n, ecue = _times(doc, r)
        that = Cue(doc.text[lo + cue.start():lo + cue.end()].strip(), lo + cue.start(), lo + cue.end())
        yield Proposal(RateRule(id="r", kind="rate", total=t.id, rate=[Term(claim=r.id, times=n or 1)],
                                duration=None if t.claim.period and t.claim.period.duration == dur else dur,
                                confidence=0.6 if n is None else 0.8,
                                evidence=doc.evidence([pcue, that, ecue], f"«{doc.quote(t)}» over {dur} is "
                                                      f"restated in the next sentence as «{doc.quote(r)}»")))


_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset(("that", "this", "with", "from", "have", "were", "their", "there", "which", "said", "told",
                     "also", "than", "more", "about", "over", "last", "year", "years", "month", "months", "days",
                     "روزانه", "گذشته", "اعلام", "همچنین"))


def _stems(doc: Doc, si: int, figs: list[Figure]) -> set[str]:
    """Word stems of a sentence (first five letters), without the figures' own nouns."""
    s, e = doc.sentences[si]
    own = {w[:5] for f in figs for w in _WORD.findall(doc.norm[f.start:f.end])}
    return {w[:5] for w in _WORD.findall(doc.norm[s:e]) if w not in _COMMON} - own


#: A figure set against another ("compared with 45,142 in the same period last year", "up from 800"):
#: the figure of another time, whatever period words stand near it.
_COMPARED = re.compile(r"\b(compared (with|to)|as against|against|versus|vs\.?|than|up from|down from|from)\s*$|"
                       r"(?<!\w)(نسبت به|در مقایسه با|در قیاس با|در برابر)\s*$")


def _compared(doc: Doc, t: Figure) -> bool:
    return _COMPARED.search(doc.norm, max(0, t.start - 25), t.start) is not None


#: Words that set two clauses against each other: "..., while last year ...", «در حالی که».
_CONTRAST = re.compile(r"\b(while|whereas|but|although|though|however|yet)\b|"
                       r"(?<!\w)(در حالی که|درحالی که|در حالیکه|درحالیکه|حال آنکه|اما|ولی|با این حال)(?!\w)")
#: "this figure was 800 last year", «این رقم ۸۰۰ تماس بود»: the total is the rate's measure at another time.
_BACK = re.compile(r"\b(the|this|that) (figure|number|rate|count) (was|stood at|had been|of)?\s*$|"
                   r"(?<!\w)(این رقم|این عدد|این آمار|این میزان|این تعداد)(?!\w)[^\d]{0,20}$")
#: A period with no end: "since 2020", "so far", «تاکنون».
_OPEN = re.compile(r"\b(since|so far|to date|year to date)\b|(?<!\w)(تاکنون|تا کنون|از ابتدای|از آغاز)(?!\w)")
#: The present, against a total over a past period: "now 900 a day", «اکنون روزانه ۹۰۰».
_NOW = re.compile(r"\b(now|currently|today|nowadays|this (month|week|year))\b|"
                  r"(?<!\w)(اکنون|هم اکنون|در حال حاضر|حالا|امروز|امروزه|این ماه|این هفته)(?!\w)")


def _times_apart(doc: Doc, t: Figure, rates: list[Figure], pcue: Cue | None) -> str | None:
    """Whether the words put a total and its rates at different times.

    ``skip`` when they say so outright (a contrast word between them, "this figure was ..."
    before the total, a period with no end for the total, a period that is the rate's own:
    "30,000 claims since 2020, about 20 a day in the past month"); ``unsure`` when the rate
    is the present's ("now 900 calls a day") and the total is over a past period.
    """
    s, e = doc.sentences[t.sentence]
    if doc.find(_BACK, max(s, t.start - 35), t.start) is not None:
        return "skip"
    for r in rates:
        a, b = (r, t) if r.start < t.start else (t, r)
        if doc.find(_CONTRAST, a.end, b.start) is not None:
            return "skip"
        own = pcue is not None and t.start < r.start and pcue.start >= r.end
        if own and pcue is not None and pcue.start - r.end < abs(pcue.start - t.end) \
                and not any(r.end <= f.start < pcue.start for f in doc.figures):
            return "skip"
    open_ = doc.find(_OPEN, max(s, t.start - 40), min(e, t.end + 25))
    if open_ is not None and (pcue is None or abs(open_.start - t.start) < abs(pcue.start - t.start)):
        return "skip"
    for r in rates:
        lo, hi = (t.end, min(e, r.end + 20)) if r.start > t.start else (max(s, r.start - 30), t.start)
        now = doc.find(_NOW, lo, hi)
        if now is not None and (pcue is None or not pcue.start <= now.start <= pcue.end + 15):
            return "unsure"
    return None


_PERSON = (("[person]", 1),)
#: Where a sentence splits into clauses: "..., and 50 people a day are injured", «... و روزانه ...».
_CLAUSE = re.compile(r"[,،;؛:]|(?<!\w)(and|but|while|whereas|و|اما|ولی)(?!\w)")
_WORD3 = re.compile(r"[^\W\d_]{3,}")
#: Words that say nothing of what was done: function words, time and rate words.
_NOT_ACTS = frozenset((
    "the", "and", "are", "were", "was", "has", "have", "had", "been", "this", "that", "with", "for", "last", "past",
    "year", "month", "week", "day", "days", "daily", "every", "each", "people", "persons", "now", "who", "which",
    "from", "over", "about", "more", "than", "they", "their", "its", "also", "said", "average",
    "است", "بود", "شد", "شده", "شدند", "می", "را", "در", "به", "که", "از", "این", "آن", "هر", "روز", "روزانه",
    "نفر", "سال", "ماه", "هفته", "گذشته", "قبل", "اکنون", "نیز", "هم", "برای", "طی", "طول", "امسال", "کرد",
    "کردند", "کند", "کنند", "دارد", "داشت", "بیش", "حدود", "نزدیک", "کمتر", "حداقل", "حداکثر", "میانگین"))


def _clause(doc: Doc, f: Figure) -> tuple[int, int]:
    """The clause a figure stands in: between the nearest splits around it (outside figures)."""
    s, e = doc.sentences[f.sentence]
    inside = [(g.start, g.end) for g in doc.in_sentence(f.sentence)]

    def free(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in inside)
    lo = max((m.end() for m in _CLAUSE.finditer(doc.norm, s, f.start) if free(m)), default=s)
    hi = min((m.start() for m in _CLAUSE.finditer(doc.norm, f.end, e) if free(m)), default=e)
    return lo, hi


def _acts(doc: Doc, f: Figure, span: tuple[int, int]) -> set[str]:
    words = _WORD3.findall(doc.norm[span[0]:f.start] + " " + doc.norm[f.end:span[1]])
    return {w[:4] for w in words if w not in _NOT_ACTS}


def _same_act(doc: Doc, r: Figure, t: Figure) -> bool:
    """People counted in two clauses are the same people only when both clauses say the same thing of them.

    «نفر» / "people" counts whatever the verb says: "200 people were killed last year, and 50
    people a day are injured" relates nothing, while "officials record 822 people a day and have
    recorded 400,000 in the past six months" does.  A rate standing alone beside the total ("...,
    an average of 300 a day") restates it.
    """
    if t.thing != _PERSON:
        return True
    rc, tc = _clause(doc, r), _clause(doc, t)
    if rc == tc:
        return True
    ra, ta = _acts(doc, r, rc), _acts(doc, t, tc)
    if not ra - {w[:4] for w in _APPOSITIVE_WORDS}:
        return True
    return bool(ra & ta)


def _same_noun(a: Figure, b: Figure) -> bool:
    """Both figures name the thing they count with the same words (when both name it)."""
    na = a.claim.subject.text if a.claim.subject else None
    nb = b.claim.subject.text if b.claim.subject else None
    if not na or not nb:
        return True
    return normalise(na).split()[-1:] == normalise(nb).split()[-1:]


def _appositive(doc: Doc, r: Figure, t: Figure) -> bool:
    """"X over six months; about 3 a day": the rate stands alone after the total's clause."""
    if r.start < t.start:
        return False
    s, e = doc.sentences[r.sentence]
    lo = max((m.end() for m in re.finditer(r"[;؛:,،]", doc.norm[s:r.start])), default=-1)
    if lo < 0:
        return False
    words = re.findall(r"[^\W\d_]{2,}", doc.norm[s + lo:r.start] + " " + doc.norm[r.end:e])
    return (not [w for w in words if w not in _APPOSITIVE_WORDS]
            and not any(f.start > t.end and f.end <= r.start and f.dims != _TIME_DIMS for f in doc.figures))


#: Words that may stand next to a restated rate: "; or about 3 a day", «؛ یعنی روزانه حدود ۳».
_APPOSITIVE_WORDS = frozenset(("or", "about", "roughly", "nearly", "some", "around", "that", "is", "ie",
                               "an", "average", "averaging", "on", "of", "approximately", "almost", "just",
                               "یعنی", "یا", "حدود", "تقریبا", "حدودا", "به", "طور", "بطور", "میانگین",
                               "متوسط", "معادل", "که", "است", "بود", "نزدیک",
                               # the rate's own words when extraction leaves them out of its span
                               "a", "day", "per", "every", "each", "daily", "روزانه", "هر", "روز"))


def _close(doc: Doc, r: Figure, t: Figure) -> bool:
    """A rate and a total in one clause, nothing else between them."""
    a, b = (r, t) if r.start < t.start else (t, r)
    return not re.search(r"[;؛:]", doc.between(a, b))


def _duration(doc: Doc, t: Figure) -> tuple[str | None, Cue | None]:
    p = t.claim.period
    if p is not None and p.duration:
        return _year_to_date(doc, p.duration, p.text or ""), None
    got = period_near(doc, t)
    if got is None:
        return None, None
    return _year_to_date(doc, got[0], doc.norm[got[1].start:got[1].end + 15]), got[1]


#: "the first six months", «۶ ماه نخست», «یازده ماهه امسال»: months counted from the start of the year.
_FROM_NEW_YEAR = re.compile(r"(نخست|اول|ابتدای|امسال|سال جاری)")


def _year_to_date(doc: Doc, duration: str, words: str) -> str:
    """The first N months of a Persian year have an exact length: months 1–6 have 31 days, 7–11 have 30.

    "Six months" is 179 to 186 days in general, but «۶ ماه نخست امسال» is exactly 186.
    """
    n_text, _, unit = duration.partition(" ")
    if doc.lang != "fa" or unit != "month" or not n_text.isdigit() or not 1 <= int(n_text) <= 11:
        return duration
    if not _FROM_NEW_YEAR.search(normalise(words)):
        return duration
    n = int(n_text)
    return f"{31 * min(n, 6) + 30 * max(0, n - 6)} day"


#: Words that give a rate a time of its own inside a longer period: the final days, the peak,
#: the busiest day.  Such a rate is no average over the period: 30,000 claims a day "in the final
#: days" of a week that saw 210,000 says nothing of the other days, so it is set against no total
#: (not even as a bound: the other days may have seen none, or more).
_SUB_PERIOD = re.compile(
    r"\b(final|last|closing|opening|first|early|earliest|latter|recent|past) (few |several )?"
    r"(days|weeks|months|hours)\b|"
    r"\b(the|its|their) (peak|height)\b|\bpeak(ed|ing|s)?\b|"
    r"\b(busiest|worst|heaviest|quietest|slowest|record) (day|days|week|weeks|hour|hours)\b|"
    r"\b(on|at) (some|certain|many|most|several|other|busy|peak) (days|times|hours)\b|\bat times\b|"
    r"\b(by|toward|towards|at|near) the (end|start|beginning|close)\b|\brecently\b|\blately\b|"
    r"\b(at|on) (one|some|a single) (point|day|stage)\b|\b(highest|maximum|record|top) (daily|single day)\b|"
    r"\ba (high|record|peak) of\b|"
    # (the text is read normalised: a zero-width non-joiner is a space there)
    r"(?<!\w)(روزهای|هفته های|ماه های|ساعات|ساعت های) ?(پایانی|آخر|آخرین|اخیر|گذشته|نخست|اول|ابتدایی|"
    r"آغازین|اوج|پیک|شلوغ)(?!\w)|"
    r"(?<!\w)(روز|هفته|ماه|ساعت) ?(پایانی|آخر|آخرین|نخست|اول|ابتدایی|آغازین|اوج|پیک)(?!\w)|"
    r"(?<!\w)(اوج|در پیک|پیک شیوع|اوج گیری|شلوغ ترین|پر ?تردد ?ترین|پر ?کار ?ترین|بدترین|پر ?مراجعه ?ترین|"
    r"برخی روزها|بعضی روزها|گاهی|اواخر|اوایل|اخیرا|اخیراً|در پایان|در انتهای|در ابتدای|"
    # «حداکثر روزانه», «بیشترین تعداد روزانه»: the highest day; «تا روزانه ... هم رسید»: rose as far as
    r"حداکثر روزانه|بیشترین|بالاترین|رکورد|تا روزانه|تا روزی)(?!\w)")


def _sub_period(doc: Doc, r: Figure, t: Figure) -> bool:
    """The rate is said of a part of the total's period: its own clause names one ("with 30,000 a
    day in the final days", «در روزهای پایانی روزانه ۳۰ هزار», "900 a day at the peak", «در اوج»).

    Words in the total's clause are the total's ("At its peak last month the ward took 9,000
    patients, or 300 a day" is one period); when the two share a clause, the words must stand
    nearer the rate.
    """
    lo, hi = _clause(doc, r)
    shared = r.sentence == t.sentence and lo <= t.start < hi

    def dist(f: Figure, m: re.Match[str]) -> int:
        return max(f.start - m.end(), m.start() - f.end, 0)
    for m in _SUB_PERIOD.finditer(doc.norm, lo, hi):
        if shared and dist(t, m) < dist(r, m):
            continue
        if any(f.start <= m.start() < f.end for f in doc.in_sentence(r.sentence) if f is not r):
            continue
        if _COUNTED.search(doc.norm, max(0, m.start() - 15), m.start()):
            continue  # «۶ ماه نخست», "the first 6 months": a counted period, the total's own or checked as such
        return True
    return False


#: A number just before a period word: «۶ ماه نخست», "first 6" (then the period is counted).
_COUNTED = re.compile(rf"(\d|(?<!\w)({NUMBER_WORD}))\s*$")


#: Counts of a kind of person: a rate of people (نفر) may count them when the text ties the two.
_PERSON_KINDS = frozenset(("patient", "student", "member"))
#: Words that say the rate restates the total: "that is", "an average of", «یعنی», «به طور میانگین».
_TIE = re.compile(r"\b(that is|i\.e\.|in other words|an average of|on average|averaging|meaning|or)\b|"
                  r"(?<!\w)(یعنی|به طور میانگین|بطور میانگین|به طور متوسط|بطور متوسط|به عبارت دیگر|معادل|"
                  r"میانگین)(?!\w)")


def _person_kind(doc: Doc, t: Figure, rates: list[Figure]) -> tuple[list[Figure], dict[str, str]]:
    """A rate of people restating a total of patients, students, pilgrims …: «۱۲۶ هزار بیمار پذیرش
    شدند؛ یعنی به طور میانگین روزانه ۷۰۰ نفر», "126,000 patients, an average of 700 people a day".

    Only when words between the two say the one is the other (``_TIE``) and no other figure but a
    period stands between them: "126,000 patients ..., and 700 people a day were discharged"
    relates nothing.
    """
    tunit = t.claim.unit.split("/")[0].strip()
    if len(t.thing) != 1 or tunit not in _PERSON_KINDS:
        return [], {}
    for r in rates:
        if r.thing != _PERSON or not _tied(doc, t, r):
            continue
        per = r.claim.unit.rpartition("/")[2].strip()
        return [r], {r.id: f"{tunit} / {per}"}
    return [], {}


def _tied(doc: Doc, t: Figure, r: Figure) -> bool:
    """Words between a total and a rate say the rate restates it, no contrast word and no other
    figure but a period between them."""
    a, b = (t, r) if t.start < r.start else (r, t)
    if doc.find(_TIE, a.end, b.start) is None or doc.find(_CONTRAST, a.end, b.start) is not None:
        return False
    return not any(a.end <= f.start and f.end <= b.start and f.dims != _TIME_DIMS for f in doc.figures)
