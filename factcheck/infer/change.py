"""Changes between two figures: "rose 17% from 1,682 to 1,975", «۴.۶ درصد افزایش», "more than doubled".

A change is a percentage (or a factor word: doubled, tripled, halved, «دو برابر»), its
direction read from the words (rose, fell, «افزایش», «کاهش»; "a change of" takes the
direction of the change verb of the pair), and an old → new pair:

* in the same sentence: "from A to B", «از A به B», "A ... jumped to B", nearest first;
* a figure "compared with B in the same period last year" / «این آمار در مدت مشابه سال
  گذشته B بود» (the new figure is the one just before, or — for "this figure", «این آمار»
  — the first of the previous sentence);
* "N, P percent more than (this year's) O" / «N، P درصد بیشتر از O» (the change between its
  two figures), and "N, up from last year, when ... O" / «N … نسبت به سال گذشته که O بود»
  (see :mod:`factcheck.infer.pairs`);
* "... a pass rate of 86 percent. The pass rate was up 3 points from 83 percent" / «نرخ
  قبولی ...»: a sentence that opens by naming a rate again compares it with its earlier level;
* a factor or change in a sentence without figures ("the number of drugs offences has
  more than doubled") takes the nearest pair in the next sentences that names the same
  thing (two shared words).

A change given in percentage points between two percentages is a ``percentage_points`` rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from ..kinds.percent_change import PercentChangeRule
from ..kinds.percentage_points import PercentagePointsRule
from ..model import Claim, Hedge, Source
from . import Proposal, pattern
from .doc import Cue, Doc, Figure
from .pairs import Pair, pairs, said_before, than_changes, when_pairs
from .resolve import unify

# "made up" / "makes up" states a share, not a rise
_UP = re.compile(r"\b(rose|rise|risen|rising|increased?|increasing|(?<!made )(?<!make )(?<!makes )up|grew|growth|grown|"
                 r"jumped|climbed|higher|"
                 r"gained?|soared|surged|more)\b|(?<!\w)(افزایش|رشد|بیشتر|بالاتر|فزونی)(?!\w)")
_DOWN = re.compile(r"\b(fell|fall|fallen|falling|dropped|drop|declined?|decreased?|decreasing|down|lower|fewer|"
                   r"less|slipped|plunged|shrank|cut)\b|(?<!\w)(کاهش|کمتر|افت|پایین تر|کم شد)(?!\w)")
#: A change whose words give no direction: the pair's values do ("an improvement of 7 percentage
#: points" is a rise of a response rate and a fall of a death rate alike).
_CHANGE_OF = re.compile(r"\b(a change of|changed by|change of|an? (?:improvement|deterioration|swing) of|"
                        r"improved by|worsened by)\b|(?<!\w)(تغییر|بهبود)(?!\w)")
_FACTOR = re.compile(
    r"\b(?P<h>more than |over |nearly |almost |about )?(?P<w>doubled|doubling|double|tripled|trebled|triple|"
    r"quadrupled|halved|twice|three times|four times)\b|"
    r"(?<!\w)(?P<hf>بیش از |بیشتر از |نزدیک به |حدود )?(?P<wf>دو برابر|دوبرابر|سه برابر|چهار برابر|نصف|دو چندان)(?!\w)")
_FACTOR_VALUE = {"doubled": 2, "doubling": 2, "double": 2, "twice": 2, "tripled": 3, "trebled": 3, "triple": 3,
                 "three times": 3, "quadrupled": 4, "four times": 4, "halved": 2,
                 "دو برابر": 2, "دوبرابر": 2, "سه برابر": 3, "چهار برابر": 4, "نصف": 2, "دو چندان": 2}
_HALF = ("halved", "نصف")
_HEDGE = {"more than ": Hedge.more_than, "over ": Hedge.more_than, "nearly ": Hedge.nearly,
          "almost ": Hedge.nearly, "about ": Hedge.about, "بیش از ": Hedge.more_than,
          "بیشتر از ": Hedge.more_than, "نزدیک به ": Hedge.nearly, "حدود ": Hedge.about}
#: Between a change word and a pair that another change word took: a clause of its own ("doubled to
#: 9,000 from 4,200, while the number of observers tripled to 1,500").
_OTHER_CLAUSE = re.compile(r"\b(while|whereas|but|meanwhile)\b|[;؛]|(?<!\w)(در حالی که|در حالیکه|اما|ولی)(?!\w)")
_POINTS = re.compile(r"\b(percentage )?points?\b|(?<!\w)واحد درصد")
#: Before the figure a change is compared with, within its clause: "compared with", «نسبت به»,
#: and (``_COMPARED`` only) "against", "from".  ``_COMPARED_WITH`` has the words that only
#: compare (not "from", which also places and sources): the figure after them is what the one
#: before is compared with, whatever its time.
_COMPARE_FA = r"|(?<!\w)(نسبت به|در مقایسه با)[^.؛]{0,30}$"
_COMPARED = re.compile(r"\b(compared with|compared to|against|from)\b[^.;]{0,30}$" + _COMPARE_FA)
_COMPARED_WITH = re.compile(r"\b(compared with|compared to)\b[^.;]{0,30}$" + _COMPARE_FA)
_EARLIER = re.compile(r"\b(last year|a year earlier|the previous year|the same period last year|in 20\d\d)\b|"
                      r"(?<!\w)(سال گذشته|پارسال|سال قبل|مدت مشابه)(?!\w)")
_THIS_FIGURE = re.compile(r"\b(this figure|the figure|this number|that figure)\b|(?<!\w)(این آمار|این رقم|این تعداد|"
                          r"این میزان|این شمار)(?!\w)")
#: A sentence that opens by naming a rate again: "The pass rate was up 3 points from 83 percent".
_RATE_SUBJECT = re.compile(
    r"^\W*(?:the|this|that|its)\s+(?P<np>(?:[a-z]+\s+){0,2}?(?:rate|share|proportion|turnout))\b|"
    r"^\W*(?P<npf>(?:نرخ|سهم|میزان مشارکت)(?:\s+[^\W\d]+)?)(?!\w)")
_STOP_WORDS = ("the a an of in and to from by for on at with was were is are has have had this that its it as "
               "than more over last year number و در به از که را با این آن است بود شد برای تا هم نیز یک سال")
_STOP = frozenset(_STOP_WORDS.split())


def _direction(doc: Doc, f: Figure) -> tuple[str | None, Cue | None]:
    """Increase or decrease, from the words right around a change figure."""
    lo = max(doc.sentences[f.sentence][0], f.start - 30)
    hi = min(doc.sentences[f.sentence][1], f.end + 25)
    best: tuple[int, str, Cue] | None = None
    for pat, d in ((_UP, "increase"), (_DOWN, "decrease")):
        for c in doc.find_all(pat, lo, hi):
            # "less than" in «کمتر از ۱۹ خانوار، معادل ۴.۶ درصد» hedges the other figure; it is no change word
            if any(g.start <= c.start < g.end for g in doc.in_sentence(f.sentence)):
                continue
            dist = c.start - f.end if c.start >= f.end else f.start - c.end
            if best is None or dist < best[0]:
                best = (dist, d, c)
    if best is not None:
        return best[1], best[2]
    return None, doc.find(_CHANGE_OF, lo, hi)


def _content(doc: Doc, si: int) -> set[str]:
    words = re.findall(r"[^\W\d_]{3,}", doc.norm[slice(*doc.sentences[si])])
    return {w for w in words if w not in _STOP}


def _factors(doc: Doc) -> Iterator[tuple[Figure, Cue, str]]:
    """Factor words as figures ("more than doubled" is a factor above 2), synthesised if needed."""
    for m in _FACTOR.finditer(doc.norm):
        word = m.group("w") or m.group("wf")
        hedge_w = m.group("h") or m.group("hf") or ""
        cue = Cue(doc.text[m.start():m.end()], m.start(), m.end())
        covered = [f for f in doc.figures if f.start <= m.start("w" if m.group("w") else "wf") < f.end]
        if covered:
            if covered[0].is_bare or covered[0].is_ratio:
                yield covered[0], cue, ("decrease" if word in _HALF else "increase")
            continue
        # "Doubled" read loosely (about 2, give or take a tenth); "more than doubled" strictly above 2.
        claim = Claim(id=f"{doc.prefix}factor_{m.start()}", value=Decimal(_FACTOR_VALUE[word]), unit="times",
                      hedge=_HEDGE.get(hedge_w, Hedge.about), precision=Decimal("0.1"),
                      written=doc.text[m.start():m.end()], lang=doc.lang,
                      source=Source(span=(m.start(), m.end()), quote=doc.text[m.start():m.end()]))
        fig = Figure(claim, m.start(), m.end(), doc.sentence_of(m.start()), (), -1)
        yield fig, cue, ("decrease" if word in _HALF else "increase")


def _nearest_pair(doc: Doc, ps: Sequence[Pair], f: Figure) -> Pair | None:
    same = [p for p in ps if p.old.sentence == f.sentence and p.old.is_percent == p.new.is_percent]
    if not same:
        return None

    def dist(p: Pair) -> int:
        lo, hi = min(p.old.start, p.cue.start), p.new.end
        return 0 if lo <= f.start < hi else min(abs(f.start - hi), abs(lo - f.end))

    return min(same, key=dist)


def _compared_pairs(doc: Doc) -> Iterator[tuple[Pair, float]]:
    """Old → new from "X ... compared with Y last year" and «این آمار ... سال گذشته Y بود»."""
    for f in doc.figures:
        if f.is_percent and f.claim.unit != "percentage_point":
            month = _month_compared_before(doc, f)
            if month is not None:
                yield month, 0.75
                continue
        # an earlier time, or the comparison right before the figure («نسبت به بودجه امسال یعنی X»)
        if not (f.is_count or f.is_percent or f.is_bare) or not (_EARLIER.search(
                doc.after(f, 40) + " " + doc.before(f, 40)) or (not f.is_bare and _COMPARED_WITH.search(
                doc.norm, max(doc.sentences[f.sentence][0], f.start - 45), f.start))):
            continue
        if f.is_bare:
            # "Applications rose to 5,400. That is up 12 percent from 4,820 last year."
            if not any(g.is_count for g in doc.in_sentence(f.sentence) if g.start < f.start):
                yield from _said_before(doc, f)
            continue
        # A percentage is compared with an earlier percentage («… ۷۱ درصد … نسبت به سال گذشته
        # که ۶۴ درصد بود»), a count with an earlier count; figures of other kinds in between
        # (the "eight minutes" of "within eight minutes in 71 percent of cases") are skipped.
        # A change in points ("up 3 percentage points from 83 percent") is not a level compared.
        if f.claim.unit == "percentage_point":
            continue
        earlier = [g for g in doc.in_sentence(f.sentence) if g.start < f.start and g.claim.unit != "percentage_point"
                   and (g.is_percent if f.is_percent else g.is_count)]
        comp = _COMPARED.search(doc.norm, max(doc.sentences[f.sentence][0], f.start - 45), f.start)
        if earlier and comp and unify(doc, [earlier[-1], f]) is not None:
            end = comp.start() + len(comp.group(0).split()[0]) + (len(comp.group(0).split()[1]) + 1
                                                                   if len(comp.group(0).split()) > 1 else 0)
            yield Pair(f, earlier[-1], Cue(doc.text[comp.start():end], comp.start(), end)), 0.8
            continue
        ana = doc.find(_THIS_FIGURE, doc.sentences[f.sentence][0], f.start)
        if ana is not None and f.sentence > 0 and not earlier:
            prev = [g for g in doc.in_sentence(f.sentence - 1) if g.is_count and unify(doc, [g, f]) is not None]
            if prev:
                yield Pair(f, prev[0], ana), 0.8
        elif f.is_percent and f.sentence > 0 and not earlier:
            named = _named_rate(doc, f)
            if named is not None:
                yield Pair(f, *named), 0.75
        elif f.is_count and not earlier:
            yield from _said_before(doc, f)
            yield from _earlier_opening(doc, f)


#: A sentence opening on the earlier time its figure is of: "Last year, …", «سال قبل در همین مدت …».
_EARLIER_OPENING = re.compile(r"^\W*(?:in\s+)?(?:last year|a year earlier|a year ago|the previous year|the same "
                              r"period last year)\b|^\W*(?:در\s+)?(?:سال گذشته|سال قبل|پارسال|مدت مشابه سال "
                              r"(?:گذشته|قبل))(?!\w)")


def _earlier_opening(doc: Doc, f: Figure) -> Iterator[tuple[Pair, float]]:
    """"… 4,250 thieves were arrested, 18 percent more than in the same period last year.
    Last year 3,600 had been arrested": a sentence opening on the earlier time the sentence
    before compared with gives the older figure; the newer is the one figure of that thing
    there (that sentence must name the earlier time too)."""
    if f.sentence == 0 or _EARLIER_OPENING.match(doc.norm[doc.sentences[f.sentence][0]:f.start]) is None:
        return
    lo, hi = doc.sentences[f.sentence - 1]
    if _EARLIER.search(doc.norm, lo, hi) is None:
        return
    olds = {q.old.id for q in pairs(doc)}
    new = [g for g in doc.in_sentence(f.sentence - 1) if (g.is_count or g.is_bare) and g.value is not None
           and g.id not in olds and unify(doc, [g, f]) is not None]
    if len(new) == 1 and new[0].value != f.value:
        s = doc.sentences[f.sentence][0]
        words = doc.norm[s:f.start]
        yield Pair(f, new[0], Cue(doc.text[s:f.start].strip(), s + len(words) - len(words.lstrip()), f.start)), 0.75


#: A month, by which a sentence compares a rate with the one a later sentence gives.
_MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b|"
                    r"(?<!\w)(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند)(?:\s?ماه)?(?!\w)")
#: "compared with October", "from October", «نسبت به مهرماه»: the month the newer rate is compared with.
_COMPARED_MONTH = re.compile(r"\b(?:compared with|compared to|from|than)\s+(?:in\s+)?(?P<m>[a-z]+)\b|"
                             r"(?<!\w)(?:نسبت به|در مقایسه با)\s+(?P<mf>[^\W\d]+(?:\s?ماه)?)")


def _month_compared_before(doc: Doc, f: Figure) -> Pair | None:
    """"Inflation fell to 3.2 percent, 0.5 points down on October. The October rate was 3.7
    percent", «… به ۳۲ درصد رسید که نسبت به مهرماه ۱٫۵ واحد درصد کاهش … نرخ تورم مهرماه ۳۴ درصد»:
    the one percentage of the sentence before, which compares itself with a month, is newer than
    ``f``, the one percentage of its own sentence, written after that month's name."""
    if f.sentence == 0 or any(g.is_percent and g is not f and g.claim.unit != "percentage_point"
                              for g in doc.in_sentence(f.sentence)):
        return None
    lo, hi = doc.sentences[f.sentence - 1]
    compared = [m for m in _COMPARED_MONTH.finditer(doc.norm, lo, hi)
                if _MONTH.fullmatch(_month_word(m.group("m") or m.group("mf")))]
    new = [g for g in doc.in_sentence(f.sentence - 1) if g.is_percent and g.claim.unit != "percentage_point"]
    if len(compared) != 1 or len(new) != 1 or unify(doc, [new[0], f]) is None:
        return None
    month = _month_word(compared[0].group("m") or compared[0].group("mf"))
    at = doc.norm.find(month, doc.sentences[f.sentence][0], f.start)
    if at < 0:
        return None
    return Pair(f, new[0], Cue(doc.text[at:at + len(month)], at, at + len(month)))


def _month_word(words: str) -> str:
    """A month's name without «ماه» ("مهرماه" and "مهر ماه" are «مهر»)."""
    return re.sub(r"\s?ماه$", "", words)


def _said_before(doc: Doc, f: Figure) -> Iterator[tuple[Pair, float]]:
    """The older figure in a sentence opening on "That was", "This is": the newer is the one before."""
    new = said_before(doc, f, f, opening_only=True)
    if new is not None:
        lo = doc.sentences[f.sentence][0]
        words = doc.text[lo:f.start]
        yield Pair(f, new, Cue(words.strip(), lo + len(words) - len(words.lstrip()), f.start)), 0.8


def _named_rate(doc: Doc, f: Figure) -> tuple[Figure, Cue] | None:
    """"... a pass rate of 86 percent. The pass rate was up 3 points from 83 percent": the
    sentence names the rate the previous one gave, which is the new side of the pair."""
    lo = doc.sentences[f.sentence][0]
    m = _RATE_SUBJECT.match(doc.norm[lo:f.start])
    if m is None:
        return None
    np = m.group("np") or m.group("npf")
    given = [g for g in doc.in_sentence(f.sentence - 1)
             if g.is_percent and np in doc.before(g, 30) and unify(doc, [g, f]) is not None]
    if len(given) != 1:
        return None
    at = lo + m.start("np" if m.group("np") else "npf")
    return given[0], Cue(doc.text[at:at + len(np)], at, at + len(np))


@pattern("change")
def find(doc: Doc) -> Iterator[Proposal]:
    ps = pairs(doc)
    compared = [*((p, 0.8) for p in when_pairs(doc)), *_compared_pairs(doc)]
    than = {t.change.id: t for t in than_changes(doc)}
    changes: list[tuple[Figure, Cue | None, str | None, bool]] = []
    for f in doc.figures:
        if f.is_percent:
            d, dc = _direction(doc, f)
            if dc is not None:
                changes.append((f, dc, d, False))
    for fig, fcue, d in _factors(doc):
        changes.append((fig, fcue, d, True))
    used: set[str] = set()
    taken: set[tuple[str, str]] = set()  # pairs a change word was given, by their figures' ids
    for f, cue, direction, is_factor in changes:
        if f.id in than:
            # "8 percent more than this year's $3.9 billion": the words name both figures and the direction
            t = than[f.id]
            retype = unify(doc, [t.pair.old, t.pair.new])
            if retype is not None and f.id not in used:
                used.add(f.id)
                yield _change(doc, f, t.pair, t.direction, is_factor, t.confidence, [t.pair.cue], retype)
            continue
        pair = _nearest_pair(doc, ps, f)
        if pair is not None and f.id in (pair.old.id, pair.new.id):
            continue  # «از ۲.۹ درصد به ۰.۹ درصد رسید که ۲ واحد درصد کاهش»: an end of the pair is not its change
        conf = 0.85
        if pair is not None and pair.old.is_percent and not is_factor:
            if _POINTS.search(doc.norm[f.start:f.end + 20]):
                yield _points(doc, pair, f, cue, direction)
            continue
        if pair is None:
            near = [(p, c) for p, c in compared if p.old.sentence in (f.sentence, f.sentence + 1)
                    and p.new.id != f.id and p.old.id != f.id]
            if near:
                pair, conf = near[0][0], near[0][1] if near[0][0].old.sentence == f.sentence else 0.75
            if pair is not None and pair.old.is_percent:
                # Two percentages compared: only a figure in percentage points relates them
                # («۷ واحد درصد افزایش»); the percentages themselves, and a percent change
                # of a percentage, are left alone (as for "from A% to B%" above).
                if not is_factor and f.claim.unit == "percentage_point":
                    yield _points(doc, pair, f, cue, direction)
                continue
        if (pair is None and not doc.in_sentence(f.sentence)) or (pair is None and is_factor):
            pair, conf = _pair_by_subject(doc, ps, f)
        if pair is None or f.id in used or _elsewhere(doc, pair, f, taken) or _own_target(doc, f, pair):
            continue
        old, new = pair.old, pair.new
        retype = unify(doc, [old, new])
        if retype is None:
            continue
        if direction is None:
            direction = _pair_direction(doc, pair) or (
                "increase" if (old.value or 0) <= (new.value or 0) else "decrease")
        used.add(f.id)
        taken.add((old.id, new.id))
        yield _change(doc, f, pair, direction, is_factor, conf, [cue, pair.cue], retype)


#: Between a change and the level it brought the figure to: "fell 3% to", «۳ درصد کاهش به».
_TO_LEVEL = re.compile(r"^\s*(?:[^\W\d]+\s+)?(?:to|به)\s*$")


def _own_target(doc: Doc, f: Figure, pair: Pair) -> bool:
    """The change names the level it brought its own figure to, outside ``pair``: "Imports fell
    3% to $30.1 billion, leaving a deficit of $1.7 billion, compared with $5.8 billion" (the
    fall is of the imports, whose earlier level is not given, not of the deficit)."""
    nxt = doc.figures[f.index + 1] if f.index + 1 < len(doc.figures) else None
    return (nxt is not None and nxt.sentence == f.sentence and nxt.id not in (pair.old.id, pair.new.id)
            and _TO_LEVEL.match(doc.between(f, nxt)) is not None)


def _elsewhere(doc: Doc, pair: Pair, f: Figure, taken: set[tuple[str, str]]) -> bool:
    """``pair`` has a change already and ``f`` is in another clause: "… doubled to 9,000 from
    4,200, while the number of observers tripled to 1,500" (the tripling is not of that pair).
    Two changes of one pair in one clause ("more than doubled, up 114%") are both kept."""
    if (pair.old.id, pair.new.id) not in taken:
        return False
    lo, hi = min(pair.old.start, pair.new.start), max(pair.old.end, pair.new.end)
    between = doc.norm[hi:f.start] if f.start >= hi else doc.norm[f.end:lo]
    return _OTHER_CLAUSE.search(between) is not None


def _change(doc: Doc, f: Figure, pair: Pair, direction: str, is_factor: bool, conf: float,
            cues: list[Cue | None], retype: dict[str, str]) -> Proposal:
    why = f"a {'factor' if is_factor else 'percentage'} {direction} from the first figure to the second"
    rule = PercentChangeRule(
        id="r", kind="percent_change", old=pair.old.id, new=pair.new.id, direction=direction,
        change=None if is_factor else f.id, factor=f.id if is_factor else None, confidence=conf,
        evidence=doc.evidence(cues, why))
    return Proposal(rule, retype, [f.claim] if f.id not in doc.by_id else [])


def _pair_direction(doc: Doc, pair: Pair) -> str | None:
    gap = doc.norm[pair.old.start:pair.new.end]
    if _UP.search(gap) or _UP.search(pair.cue.words.lower()):
        return "increase"
    if _DOWN.search(gap):
        return "decrease"
    return None


def _pair_by_subject(doc: Doc, ps: Sequence[Pair], f: Figure) -> tuple[Pair | None, float]:
    mine = _content(doc, f.sentence)
    best: tuple[int, Pair] | None = None
    for p in ps:
        if p.old.is_percent or abs(p.old.sentence - f.sentence) > 2:
            continue
        shared = len(mine & _content(doc, p.old.sentence))
        dist = abs(p.old.sentence - f.sentence)
        if shared and (best is None or (shared, -dist) > (best[0], 0)):
            best = (shared, p)
    if best is None:
        return None, 0.0
    return best[1], 0.8 if best[0] >= 2 else 0.6


def _points(doc: Doc, pair: Pair, f: Figure, cue: Cue | None, direction: str | None) -> Proposal:
    d = direction or ("increase" if (pair.old.value or 0) <= (pair.new.value or 0) else "decrease")
    return Proposal(PercentagePointsRule(
        id="r", kind="percentage_points", old=pair.old.id, new=pair.new.id, change=f.id,
        direction=d,
        confidence=0.85, evidence=doc.evidence([cue, pair.cue], "a change in percentage points between "
                                               "two percentages")))
