"""Persian wording of findings: numbers, intervals, units, hedges and claims in Persian.

Every rule kind explains a violation twice, in English and in Persian
(:attr:`factcheck.kinds.base.Explanation.message_fa`); the Persian sentences are built
from the same numbers with these helpers, so that both say exactly the same thing.
Numbers are written in Persian digits with the Persian thousands separator «٬» and
decimal separator «٫» (:func:`factcheck._wording.digits`); a reporter showing the message
for an article written in ASCII digits turns them back with :func:`in_script`.

The kinds see a claim only through the explainer's English rendering of it (``written``:
hedge, number, unit, as :func:`factcheck.evaluate.describe` writes it) and its unit;
:func:`claim` reads that rendering back and says it in Persian.
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

from ._wording import HEDGE_WORDS
from .numbers import ENGLISH_INTERVAL, IntervalWords, format_number, normalize_digits, say_interval

__all__ = [
    "DIGITS", "UNDETERMINED", "chain", "chain_claim", "claim", "digits", "has_persian", "in_script", "interval",
    "intervals", "invalid", "number", "part_of_chain", "period", "unit", "unused_suppression", "uses_ascii_digits",
]

Bound = Fraction | float

#: ASCII digits and separators to Persian ones, as :func:`factcheck._wording.digits` writes
#: them (a table: findings are explained by the thousand on large inconsistent documents).
_TO_PERSIAN = str.maketrans("0123456789,.", "۰۱۲۳۴۵۶۷۸۹٬٫")


def digits(text: str) -> str:
    """ASCII digits and separators in Persian ones: ``41,549.5`` -> «۴۱٬۵۴۹٫۵»."""
    return text.translate(_TO_PERSIAN)

#: Persian (and Arabic-Indic) digits, to tell a figure's script.
DIGITS = re.compile(r"[۰-۹٠-٩]")
_ASCII_DIGIT = re.compile(r"[0-9]")
_PERSIAN_LETTER = re.compile(r"[\u0600-\u06FF]")

#: Units as a Persian newspaper names them (a counted thing takes its counting word).
#: A unit missing here keeps its English name, which a reader still understands.
_UNITS: dict[str, str] = {
    "person": "نفر", "people": "نفر", "patient": "بیمار", "student": "دانش‌آموز", "call": "تماس",
    "car": "خودرو", "motorcycle": "موتورسیکلت", "vehicle": "وسیله نقلیه", "case": "مورد",
    "dose": "دوز", "vote": "رأی", "service": "خدمت", "incident": "حادثه", "death": "فوتی",
    "birth": "تولد", "country": "کشور", "county": "شهرستان", "province": "استان", "city": "شهر",
    "village": "روستا", "household": "خانوار", "job": "شغل", "file": "پرونده", "permit": "جواز",
    "mission": "مأموریت", "visit": "ویزیت", "operation": "عمل", "member": "عضو", "sortie": "سورتی",
    "flight": "پرواز", "trip": "سفر", "school": "مدرسه", "hospital": "بیمارستان", "bed": "تخت", "company": "شرکت",
    "pillar": "رکن", "item": "قلم", "accident": "تصادف", "offence": "جرم", "dollar": "دلار",
    "rial": "ریال", "toman": "تومان", "euro": "یورو", "tonne": "تن", "kilogram": "کیلوگرم",
    "kilometer": "کیلومتر", "meter": "متر", "seat": "کرسی", "home": "واحد مسکونی",
    "registration": "ثبت‌نام", "arrest": "دستگیری", "test": "آزمایش", "complaint": "شکایت",
    "application": "درخواست", "admission": "بستری", "percent": "درصد", "third": "سوم",
    "half": "دوم", "fourth": "چهارم", "fifth": "پنجم", "tenth": "دهم", "hundredth": "صدم",
    "second": "ثانیه", "minute": "دقیقه", "hour": "ساعت", "day": "روز", "week": "هفته",
    "month": "ماه", "year": "سال", "century": "قرن", "quarter_year": "فصل", "times": "برابر",
    "percentage_point": "واحد درصد", "ballot": "برگه رأی",
}
_HEDGES = sorted(((HEDGE_WORDS["en"][h], HEDGE_WORDS["fa"][h]) for h in HEDGE_WORDS["en"] if h != "exact"),
                 key=lambda p: -len(p[0]))
_NUMBER = r"-?[0-9][0-9,]*(?:\.[0-9]+)?"
_WRITTEN = re.compile(rf"({_NUMBER})(?:–({_NUMBER}))?(.*)", re.S)
_UNSTATED = re.compile(r"\[(.+): unstated\]")
_PERIOD = re.compile(r"(.*) \((?:(.+) days|(length unknown))\)", re.S)
_LAST = re.compile(rf"(?:the )?(?:last|past|previous) ({_NUMBER}) ([a-z_]+?)s?", re.I)
_DATES = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2}) to ([0-9]{4}-[0-9]{2}-[0-9]{2})")
_DURATION = re.compile(rf"({_NUMBER}) ([a-z_]+?)s?", re.I)


def number(x: object) -> str:
    """A number as :func:`format_number` writes it, in Persian digits and separators.

    >>> number(Fraction(1726097, 2))
    '۸۶۳٬۰۴۸٫۵'
    """
    text = format_number(x)
    if text.startswith("-"):
        text = "−" + text[1:]  # the minus sign that keeps its place in right-to-left text
    return digits(text)


def interval(lo: Bound, hi: Bound) -> str:
    """``[lo, hi]`` in Persian words: a point, a range, or a one-sided bound.

    >>> interval(Fraction(10), float("inf"))
    'دست\u200cکم ۱۰'
    """
    return say_interval(lo, hi, _INTERVAL, number)


_INTERVAL = IntervalWords("هر مقداری", "دست‌کم {}", "حداکثر {}", "{} تا {}")


def intervals(lo: Bound, hi: Bound) -> tuple[str, str]:
    """``[lo, hi]`` said in English (:func:`factcheck.kinds.base.fmt_iv`) and in Persian
    (:func:`interval`), each bound formatted once for both (a chain finding says each of
    its claims' intervals in both languages)."""
    texts: dict[Bound, str] = {}

    def english(x: Bound) -> str:
        t = texts.get(x)
        if t is None:
            t = texts[x] = format_number(x)
        return t

    def persian(x: Bound) -> str:
        t = english(x)
        return "−" + digits(t[1:]) if t.startswith("-") else digits(t)

    return say_interval(lo, hi, ENGLISH_INTERVAL, english), say_interval(lo, hi, _INTERVAL, persian)


@functools.lru_cache(maxsize=1024)  # a few units, named in every explanation
def unit(u: str) -> str:
    """A pint unit in Persian words: ``person / day`` -> «نفر در روز»; ``""`` if dimensionless.

    >>> unit("person / day")
    'نفر در روز'
    """
    u = u.strip()
    if u in ("", "dimensionless"):
        return ""
    if " / " in u:
        head, _, per = u.partition(" / ")
        return f"{unit(head)} در {unit(per)}".strip()
    return _UNITS.get(u, u)


def claim(written: str, u: str) -> str:
    """A claim as :func:`factcheck.evaluate.describe` wrote it in English, said in Persian.

    The hedge, the number (or range) and the unit are read back from the English text;
    text that is not in that form is returned as it is.

    >>> claim("more than 2,000 person/day", "person / day")
    'بیش از ۲٬۰۰۰ نفر در روز'
    """
    m = _UNSTATED.fullmatch(written) if written.startswith("[") else None
    if m:
        return f"[{m.group(1)}: ذکر نشده]"
    hedge = ""
    rest = written
    for en, fa in _HEDGES:
        if rest.startswith(en):
            hedge, rest = fa, rest[len(en):]
            break
    m = _WRITTEN.fullmatch(rest)
    if not m:
        return written
    num = digits(m.group(1))
    if m.group(2):
        num = f"{num} تا {digits(m.group(2))}"
    name = unit(u)
    return f"{hedge}{num} {name}" if name else f"{hedge}{num}"


def period(text: str) -> str:
    """The explainer's period (``the last 6 months (179–186 days)``) in Persian.

    A period written in the article keeps its words; an English duration ('6 month',
    'the last 6 months') is said in Persian.

    >>> period("the last 6 months (179–186 days)")
    '۶ ماه گذشته (۱۷۹ تا ۱۸۶ روز)'
    """
    m = _PERIOD.fullmatch(text)
    label, days, unknown = (m.group(1), m.group(2), m.group(3)) if m else (text, None, None)
    if label == "the period":
        label = "دوره"
    elif d := _DATES.fullmatch(label):
        label = f"{digits(d.group(1))} تا {digits(d.group(2))}"
    elif (d := _LAST.fullmatch(label)) and d.group(2).lower() in _UNITS:
        label = f"{digits(d.group(1))} {_UNITS[d.group(2).lower()]} گذشته"
    elif (d := _DURATION.fullmatch(label)) and d.group(2).lower() in _UNITS:
        label = f"{digits(d.group(1))} {_UNITS[d.group(2).lower()]}"
    if unknown:
        return f"{label} (با طولی نامعلوم)"
    if days:
        lo, _, hi = days.partition("–")
        span = digits(lo) + (f" تا {digits(hi)}" if hi else "")
        return f"{label} ({span} روز)"
    return label


def has_persian(text: str) -> bool:
    """True if ``text`` has Persian (Arabic-script) letters in it."""
    return _PERSIAN_LETTER.search(text) is not None


def uses_ascii_digits(quotes: list[str]) -> bool:
    """True if the figures were written in ASCII digits only (none in Persian digits)."""
    return any(_ASCII_DIGIT.search(q) for q in quotes) and not any(DIGITS.search(q) for q in quotes)


def in_script(text: str, ascii_digits: bool) -> str:
    """A Persian message with its digits as the article wrote them.

    >>> in_script("دست\u200cکم ۸۶۳٬۰۴۸٫۵", True)
    'دست\u200cکم 863,048.5'
    """
    return normalize_digits(text).replace("−", "-") if ascii_digits else text


# -- the evaluator's own messages (findings no single rule kind explains) -------------

#: FC002: a rule that cannot be checked.
UNDETERMINED = "رقمی که این رابطه لازم دارد ذکر نشده یا کران ندارد"


def invalid(problem: str) -> str:
    """FC003: the rule cannot be checked; ``problem`` names the claims and units (in English,
    as the rule file writes them)."""
    return f"این رابطه را نمی‌توان بررسی کرد: {problem}"


def chain(rules: list[str]) -> str:
    """FC001: rules that hold one by one but not together."""
    return f"قاعده‌های {'، '.join(rules)} با هم برقرار نمی‌شوند"


def unused_suppression(code: str, scope: str, target: str, reason: str) -> str:
    """FC004: an ``ignore`` (on a claim or a rule, or a comment in an article) that
    silences nothing."""
    where = {"claim": f"ادعای «{target}»", "rule": f"قاعدهٔ «{target}»"}.get(scope, target)
    return (f"چشم‌پوشیِ بی‌مورد: در {where} یافتهٔ {code} نیست که نادیده گرفته شود "
            f"(دلیلِ نوشته‌شده: {reason})")


def chain_claim(cid: str, written: str, u: str, stated: str, needed: str | None) -> str:
    """One claim of FC001's arithmetic: what it states and what the other rules need, the
    intervals already said in Persian (:func:`intervals`).

    >>> chain_claim("a", "about 12 call", "call", "۱۱٫۵ تا ۱۲٫۵", None)
    'a = حدود ۱۲ تماس (گفته‌شده ۱۱٫۵ تا ۱۲٫۵؛ قاعده‌های دیگر با هیچ مقداری برقرار نمی‌شوند)'
    """
    want = ("قاعده‌های دیگر با هیچ مقداری برقرار نمی‌شوند" if needed is None
            else f"قاعده‌های دیگر {needed} لازم دارند")
    return f"{cid} = {claim(written, u)} (گفته‌شده {stated}؛ {want})"


def part_of_chain(chain_message: str) -> str:
    """A rule's own finding when it is part of a chain conflict."""
    return f"بخشی از یک تناقض: {chain_message}"
