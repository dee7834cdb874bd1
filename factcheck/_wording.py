"""How figures are written in Persian and English: digit scripts, number words, scale words.

The generators in :mod:`factcheck.strategies` render figures the way reporters write them
with these functions.  They are an independent implementation of what extraction reads,
so a generated article is an oracle for the extractor rather than a copy of it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

__all__ = [
    "SCALES",
    "SCRIPTS",
    "Script",
    "digits",
    "number_words",
    "written_number",
]

Script = Literal["ascii", "persian", "arabic"]
SCRIPTS: tuple[Script, ...] = ("ascii", "persian", "arabic")

_ZERO = {"ascii": ord("0"), "persian": ord("۰"), "arabic": ord("٠")}
#: Separators per script: (thousands, decimal point).  Persian text uses the Arabic
#: thousands separator U+066C and the decimal separator U+066B.
_SEPARATORS = {"ascii": (",", "."), "persian": ("٬", "٫"), "arabic": ("٬", "٫")}

#: Scale words by language, largest first: (multiplier, word).
SCALES: dict[str, tuple[tuple[int, str], ...]] = {
    "en": ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")),
    "fa": ((10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار")),
}


def digits(text: str, script: Script) -> str:
    """Rewrite the ASCII digits and separators of ``text`` in another digit script.

    >>> digits("41,549.5", "persian")
    '۴۱٬۵۴۹٫۵'
    """
    if script == "ascii":
        return text
    zero = _ZERO[script]
    thousands, point = _SEPARATORS[script]
    out = []
    for ch in text:
        if "0" <= ch <= "9":
            out.append(chr(zero + ord(ch) - ord("0")))
        elif ch == ",":
            out.append(thousands)
        elif ch == ".":
            out.append(point)
        else:
            out.append(ch)
    return "".join(out)


def _plain(value: Decimal, grouping: bool) -> str:
    """``value`` as written in ASCII, keeping its decimal places, optionally grouped."""
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return f"{int(value):,}" if grouping else str(int(value))
    s = f"{value:,f}" if grouping else f"{value:f}"
    return s


def written_number(value: Decimal, *, lang: str, script: Script = "ascii", scale: int | None = None,
                   grouping: bool = True) -> str:
    """A figure as a reporter writes it: digits in a script, an optional scale word.

    >>> written_number(Decimal(680000), lang="fa", script="persian", scale=1000)
    '۶۸۰ هزار'
    >>> written_number(Decimal("2500000"), lang="en", scale=10**6)
    '2.5 million'
    >>> written_number(Decimal(41549), lang="en")
    '41,549'
    """
    if scale is not None:
        word = dict(SCALES[lang])[scale]
        head = (value / scale).normalize()
        if head == head.to_integral_value():
            head = head.quantize(Decimal(1))
        return f"{digits(_plain(head, grouping), script)} {word}"
    return digits(_plain(value, grouping), script)


_EN_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_FA_ONES = [
    "صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده",
    "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده",
]
_FA_TENS = ["_", "_", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_FA_HUNDREDS = ["_", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]


def _en_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(f"{_EN_ONES[n // 100]} hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_EN_TENS[n // 10] + (f"-{_EN_ONES[n % 10]}" if n % 10 else ""))
    elif n or not parts:
        parts.append(_EN_ONES[n])
    return " ".join(parts)


def _fa_below_1000(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(_FA_HUNDREDS[n // 100])
        n %= 100
    if n >= 20:
        parts.append(_FA_TENS[n // 10])
        n %= 10
    if n or not parts:
        parts.append(_FA_ONES[n])
    return " و ".join(parts)


def number_words(n: int, lang: str) -> str:
    """A whole number in words, as a newspaper spells it.

    >>> number_words(680000, "fa")
    'ششصد و هشتاد هزار'
    >>> number_words(2_041_549, "en")
    'two million forty-one thousand five hundred and forty-nine'
    """
    if n < 0:
        raise ValueError(f"number_words needs n >= 0 (got {n!r})")
    below = _fa_below_1000 if lang == "fa" else _en_below_1000
    if n < 1000:
        return below(n)
    chunks: list[str] = []
    rest = n
    for mult, word in SCALES["fa" if lang == "fa" else "en"]:
        if rest >= mult:
            head = rest // mult
            # Persian says «هزار», not «یک هزار», for one thousand (but «یک میلیون»).
            chunks.append(word if lang == "fa" and head == 1 and mult == 1000 else f"{below(head)} {word}")
            rest %= mult
    if rest:
        chunks.append(below(rest))
    return (" و " if lang == "fa" else " ").join(chunks)


#: Nouns for counted things: (English plural, Persian).
NOUNS: dict[str, tuple[str, str]] = {
    "person": ("people", "نفر"), "call": ("calls", "تماس"), "vehicle": ("vehicles", "وسیله نقلیه"),
    "offence": ("offences", "جرم"), "dose": ("doses", "دوز"), "vote": ("votes", "رأی"),
    "patient": ("patients", "بیمار"), "accident": ("accidents", "تصادف"), "death": ("deaths", "فوتی"),
    "household": ("households", "خانوار"), "student": ("students", "دانش‌آموز"),
}
#: Hedge words as a reporter writes them, by language; keys are :class:`factcheck.model.Hedge` values.
HEDGE_WORDS: dict[str, dict[str, str]] = {
    "en": {"exact": "", "about": "about ", "nearly": "nearly ", "more_than": "more than ",
           "at_least": "at least ", "less_than": "less than ", "at_most": "at most "},
    "fa": {"exact": "", "about": "حدود ", "nearly": "نزدیک به ", "more_than": "بیش از ",
           "at_least": "حداقل ", "less_than": "کمتر از ", "at_most": "حداکثر "},
}


def mixed_number(value: int, script: Script) -> str:
    """The Persian mixed form of a number above a thousand: «۴۱ هزار و ۵۴۹».

    >>> mixed_number(41549, "persian")
    '۴۱ هزار و ۵۴۹'
    """
    head, rest = divmod(value, 1000)
    text = f"{digits(f'{head:,}', script)} هزار"
    return f"{text} و {digits(str(rest), script)}" if rest else text
