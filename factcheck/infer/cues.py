"""Words that several patterns share: periods, number words, lists, totals, complements.

Every expression here runs on :func:`factcheck.infer.doc.normalise`\\ d text (lower case,
one spelling per Persian letter, ASCII digits, zero-width non-joiners as spaces), so the
spellings below are the normalised ones.
"""

from __future__ import annotations

import re

from .doc import Cue, Doc, Figure

__all__ = [
    "COMPLEMENT",
    "OF_TOTAL",
    "TIME_WORD",
    "TOTAL",
    "each_times",
    "number_word",
    "period_near",
    "split_list",
]

# Persian words are written with \b, which Python's re applies to Unicode letters too.
_EN_NUM = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
}
_FA_NUM = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8,
    "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "پانزده": 15, "هجده": 18, "بیست": 20,
    "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "صد": 100,
}
NUMBER_WORD = "|".join(sorted((*_EN_NUM, *_FA_NUM), key=len, reverse=True))


def number_word(w: str) -> int | None:
    """A small whole number written in digits or in an English or Persian word."""
    w = w.strip()
    if w.isdigit():
        return int(w)
    return _EN_NUM.get(w, _FA_NUM.get(w))


_EN_PERIOD_UNITS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year",
                    "hour": "hour", "minute": "minute"}
_FA_PERIOD_UNITS = {"روز": "day", "روزه": "day", "هفته": "week", "ماه": "month", "ماهه": "month",
                    "سال": "year", "ساله": "year", "ساعت": "hour", "دقیقه": "minute", "فصل": "quarter"}
_PERIOD_EN = re.compile(
    rf"\b(?P<n>\d+|{NUMBER_WORD})[ -](?P<u>day|week|month|quarter|year|hour|minute)s?\b")
_PERIOD_FA = re.compile(
    rf"(?<!\w)(?P<n>\d+|{NUMBER_WORD})\s*(?P<u>روزه|روز|هفته|ماهه|ماه|ساله|سال|ساعت|دقیقه|فصل)(?!\w)")
_HALF_FA = re.compile(r"نیمه (نخست|اول|دوم)")
_HALF_EN = re.compile(r"\b(first|second) half\b")

#: Periods written without a number: "over the past year", "last month", "in 2023", «سال گذشته»,
#: «پارسال», «در سال ۱۴۰۲», «فصل بهار».  Each reads as one unit of its kind ("last year" is a year long,
#: whichever year it is); "a year ago" and «سال پیش» are points in time, not periods, and are left out.
_WORDY_PERIODS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    # "in the same period last year" is the period already named, a year earlier: not a year long
    (re.compile(r"(?<!period )(?<!time )(?<!months )(?<!weeks )(?<!quarters )(?<!quarter )(?<!half )"
                r"\b(?:past|last|previous|preceding|latest|prior) (?P<u>year|month|week|quarter|fortnight|decade|"
                r"day|twelve months)\b(?! ago\b)"), None),
    (re.compile(r"\b(?:first|second|third|fourth|final|last) quarter\b"), "1 quarter"),
    (re.compile(r"\b(?:fiscal|financial|calendar|academic) year\b"), "1 year"),
    (re.compile(r"\b(?:in|during|throughout|for|over) (?:the year |all of |fiscal )?(?:19|20)\d\d(?:[/-]\d\d)?\b"
                r"(?![/-]| ?(?:to|and|until|-)\b)"), "1 year"),
    # "in the year to March", "over the year" (the year already named): twelve months
    (re.compile(r"\b(?:in|over|during) the (?:year|twelve months|12 months) (?:to|ending|ended) [a-z]+\b"), "1 year"),
    (re.compile(r"\b(?:over|during|throughout) the (?:whole |entire )?year\b"
                r"(?! (?:to|ending|ended|before|earlier|ago|after)\b)"), "1 year"),
    (re.compile(r"\byesterday\b"), "1 day"),
    (re.compile(r"(?<!مشابه )(?<!مدت )(?<!زمان )(?<!\w)(?P<u>سال|ماه|هفته) (?:گذشته|قبل|منتهی)(?!\w)"), None),
    (re.compile(r"(?<!\w)پارسال(?!\w)"), "1 year"),
    (re.compile(r"(?<!\w)دیروز(?!\w)"), "1 day"),
    (re.compile(r"(?<!\w)(?:در|طی|طول) (?:سال )?(?:13|14|19|20)\d\d(?!\w)(?! ?(?:تا|-)(?!\w))"), "1 year"),
    # Persian seasons: months 1-6 have 31 days, 7-11 have 30, the twelfth 29 or 30.
    (re.compile(r"(?<!\w)(?:فصل )?(?:بهار|تابستان)(?= (?:امسال|گذشته|سال)(?!\w))|(?<!\w)فصل (?:بهار|تابستان)(?!\w)"),
     "93 day"),
    (re.compile(r"(?<!\w)(?:فصل )?پاییز(?= (?:امسال|گذشته|سال)(?!\w))|(?<!\w)فصل پاییز(?!\w)"), "90 day"),
    (re.compile(r"(?<!\w)(?:فصل )?زمستان(?= (?:امسال|گذشته|سال)(?!\w))|(?<!\w)فصل زمستان(?!\w)"), "1 quarter"),
)
_EN_MONTH_DAYS = {"january": 31, "march": 31, "april": 30, "may": 31, "june": 30, "july": 31, "august": 31,
                  "september": 30, "october": 31, "november": 30, "december": 31}
_FA_MONTH_DAYS = {"فروردین": 31, "اردیبهشت": 31, "خرداد": 31, "تیر": 31, "مرداد": 31, "شهریور": 31, "مهر": 30,
                  "آبان": 30, "آذر": 30, "دی": 30, "بهمن": 30}
# "in March", "during March 2023", «در فروردین ماه», «طی مهر ماه امسال»: a named month is that month's length
# (February and «اسفند», 28-29 and 29-30 days, read as any month).  «تیر», «مهر», «دی» are also
# ordinary words: Persian months need «ماه» after them unless the name is unambiguous.  A day of the
# month comes after an English month ("March 15") and before a Persian one («۱۵ مهر»): neither is a period.
_WORDY_PERIODS = (*_WORDY_PERIODS,
                  *((re.compile(rf"\b(?:in|during|throughout|for|over|of) {m}\b(?! \d{{1,2}}\b)"), f"{d} day")
                    for m, d in _EN_MONTH_DAYS.items()),
                  (re.compile(r"\b(?:in|during|throughout|for|over|of) february\b(?! \d{1,2}\b)"), "1 month"),
                  *((re.compile(rf"(?<!\w)(?:در|طی|طول) {m}{'' if m not in ('تیر', 'مهر', 'دی') else ' ماه'}"
                                r"(?!\w)"), f"{d} day") for m, d in _FA_MONTH_DAYS.items()),
                  (re.compile(r"(?<!\w)(?:در|طی|طول) اسفند(?!\w)"), "1 month"))
_WORDY_UNITS = {"year": "1 year", "month": "1 month", "week": "1 week", "quarter": "1 quarter", "day": "1 day",
                "fortnight": "2 week", "decade": "10 year", "twelve months": "12 month",
                "سال": "1 year", "ماه": "1 month", "هفته": "1 week"}
#: A number (or number word) right before a wordy match: «۶ ماه گذشته» is six months, not one.
_NUMBER_BEFORE = re.compile(rf"(?:\d|(?<!\w)(?:{NUMBER_WORD}))\s*$")


def period_near(doc: Doc, f: Figure, *, window: int = 60) -> tuple[str, Cue] | None:
    """The period a total covers, read from the words around it ('6 month', 'first half')."""
    s, e = doc.sentences[f.sentence]
    lo, hi = max(s, f.start - window), min(e, f.end + window)
    best: tuple[int, str, Cue] | None = None
    pats = ((_PERIOD_FA, _FA_PERIOD_UNITS), (_PERIOD_EN, _EN_PERIOD_UNITS))
    for pat, units in pats:
        for m in pat.finditer(doc.norm, lo, hi):
            if any(g.start <= m.start() < g.end for g in doc.in_sentence(f.sentence)):
                continue  # inside a figure ("15-month", "170 a day") is not this total's period
            n = number_word(m.group("n"))
            if n is None or n == 0:
                continue
            unit = units[m.group("u")]
            dist = min(abs(m.start() - f.end), abs(f.start - m.end()))
            if best is None or dist < best[0]:
                best = (dist, f"{n} {unit}", Cue(doc.text[m.start():m.end()], m.start(), m.end()))
    halves: tuple[tuple[re.Pattern[str], str | None], ...] = ((_HALF_FA, "6 month"), (_HALF_EN, "6 month"))
    for pat, fixed in (*halves, *_WORDY_PERIODS):
        for m in pat.finditer(doc.norm, lo, hi):
            if _NUMBER_BEFORE.search(doc.norm, max(0, m.start() - 12), m.start()):
                continue
            if any(g.start <= m.start() < g.end for g in doc.in_sentence(f.sentence)):
                continue
            duration = fixed or _WORDY_UNITS[m.group("u")]
            dist = min(abs(m.start() - f.end), abs(f.start - m.end()))
            if best is None or dist < best[0]:
                best = (dist, duration, Cue(doc.text[m.start():m.end()], m.start(), m.end()))
    return None if best is None else (best[1], best[2])


#: A figure stated as the total of others.
TOTAL = re.compile(
    r"\b(in total|in all|altogether|combined|a total of|overall total|total of|the total|totalled|totaled|"
    r"totalling|totaling|sum of|(?:'s|s') total|total (?:to|at))\b|"
    r"(?<!\w)(در مجموع|مجموعا|مجموع|جمعا|در کل|شمار کل|تعداد کل|کل)(?!\w)")

#: Right after a share, the whole it is of, named but not given: "38 percent of the total", «۳۸ درصدِ کل»,
#: "3 percent of all admissions" (``noun``), «۲٫۶ درصد کل بستری‌ها» (``noun_fa``).
OF_TOTAL = re.compile(
    r"^[\s\u064b-\u065f]*(?:of\s+(?:the\s+)?(?:total|whole|overall)\b(?!\s*(?:of\b|[\d$€£]))|"
    # "of all admissions": the whole is named by its noun, and nothing narrows it before the clause ends
    r"of\s+all\s+(?P<noun>[a-z]{3,}(?:\s+[a-z]{3,})?)\b(?=\s*(?:[.,;:)]|$))|"
    r"(?:از\s+)?(?:کل|مجموع)(?!\w)(?!\s*(?:\d|از(?!\w)))(?:\s+(?P<noun_fa>[^\W\d]{3,}))?)")

#: Words placing figures at a particular time: a month, "this year", "last year", «امسال», «سال ۱۴۰۲».  Shares
#: or counts written with different ones are of different wholes ("6.7% in September and 5.4% so far this year").
TIME_WORD = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                       r"december|so far|this year|last year|in 19\d\d|in 20\d\d|previous|earlier)\b|"
                       r"(?<!\w)(امسال|پارسال|سال گذشته|سال قبل|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|"
                       r"آذر|دی|بهمن|اسفند|سال \d{2,4})(?!\w)")

#: Words naming the rest of a whole: an unstated part, or a part that completes the whole.
COMPLEMENT = re.compile(
    r"\b(the rest|the remainder|remaining|others?|without)\b|"
    r"(?<!\w)(بقیه|مابقی|باقی|سایر|دیگر|بدون)(?!\w)")

#: Pairs of words that split a whole in two with nothing left over.
BINARY = (
    (re.compile(r"(?<!\w)زن(ان)?(?!\w)"), re.compile(r"(?<!\w)مرد(ان)?(?!\w)")),
    (re.compile(r"(?<!\w)دختر(ان)?(?!\w)"), re.compile(r"(?<!\w)پسر(ان)?(?!\w)")),
    (re.compile(r"(?<!\w)شهری(?!\w)"), re.compile(r"(?<!\w)روستایی(?!\w)")),
    (re.compile(r"\b(women|female|girls)\b"), re.compile(r"\b(men|male|boys)\b")),
    (re.compile(r"\burban\b"), re.compile(r"\brural\b")),
    (re.compile(r"(?<!\w)پایتخت(?!\w)"), re.compile(r"(?<!\w)(استان ها|استانها|شهرستان ها)(?!\w)")),
    (re.compile(r"\bthe capital\b"), re.compile(r"\bthe provinces\b")),
)

_LIST_SEP = re.compile(r"\s*(?:,|،|;|؛|\band\b|\bor\b|(?<!\w)و(?!\w)|(?<!\w)یا(?!\w))\s*")
_ETC = re.compile(r"(\.\.\.|…|\betc\.?|و غیره|و \.\.\.|و…)")


def split_list(words: str) -> tuple[list[str], bool]:
    """Items of an enumeration ('a, b, c and d'), and whether it ends in 'etc.'."""
    etc = bool(_ETC.search(words))
    words = _ETC.sub(" ", words)
    items = [w.strip(" .:()«»\"'") for w in _LIST_SEP.split(words)]
    return [w for w in items if w], etc


_EACH_IN = re.compile(r"\s*(\w+\s+)?each (in|at|for|from|of)\b|\s*(\w+\s+)?(هر کدام|هرکدام|هر یک) (در|از|به)?")


def each_times(doc: Doc, f: Figure) -> int | None:
    """How many a per-item figure stands for: 3 for "one each in Virginia, Kentucky and Florida"."""
    m = _EACH_IN.match(doc.norm, f.end - (4 if doc.norm[f.start:f.end].endswith("each") else 0),
                       doc.sentences[f.sentence][1])
    if m is None:
        return None
    nxt = min((g.start for g in doc.figures if g.start >= m.end()), default=doc.sentences[f.sentence][1])
    names, _etc = split_list(doc.norm[m.end():min(nxt, doc.sentences[f.sentence][1])])
    return len(names) if len(names) >= 1 else None
