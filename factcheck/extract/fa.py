"""Persian: number words (صد and یکصد spellings, ordinals in -م/-مین), glued forms, hedges, nouns.

All keys are in the normalised script of :mod:`factcheck.extract.normalize` (Persian Yeh and
Kaf, no harakat, ``رأی`` -> ``رای``), so Arabic-keyboard spellings and vowel marks match too.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..model import Hedge
from .base import Language, Phrase
from .normalize import _ONE_TO_ONE as _FOLD  # the letters extraction folds before reading

__all__ = ["Persian"]

ZWNJ = "\u200c"

_CARD = {
    "صفر": 0,
    "یک": 1,
    "دو": 2,
    "سه": 3,
    "چهار": 4,
    "پنج": 5,
    "شش": 6,
    "شیش": 6,
    "هفت": 7,
    "هشت": 8,
    "نه": 9,
    "ده": 10,
    "یازده": 11,
    "دوازده": 12,
    "سیزده": 13,
    "چهارده": 14,
    "پانزده": 15,
    "پونزده": 15,
    "شانزده": 16,
    "هفده": 17,
    "هیفده": 17,
    "هجده": 18,
    "هیجده": 18,
    "نوزده": 19,
    "بیست": 20,
    "سی": 30,
    "چهل": 40,
    "پنجاه": 50,
    "شصت": 60,
    "هفتاد": 70,
    "هشتاد": 80,
    "نود": 90,
    "صد": 100,
    "یکصد": 100,
    "یک" + ZWNJ + "صد": 100,
    "دویست": 200,
    "سیصد": 300,
    "سی" + ZWNJ + "صد": 300,
    "چهارصد": 400,
    "چهار" + ZWNJ + "صد": 400,
    "پانصد": 500,
    "پونصد": 500,
    "ششصد": 600,
    "شش" + ZWNJ + "صد": 600,
    "هفتصد": 700,
    "هفت" + ZWNJ + "صد": 700,
    "هشتصد": 800,
    "هشت" + ZWNJ + "صد": 800,
    "نهصد": 900,
    "نه" + ZWNJ + "صد": 900,
}
_SCALES = {
    "هزار": 10**3,
    "میلیون": 10**6,
    "ملیون": 10**6,
    "میلیارد": 10**9,
    "ملیارد": 10**9,
    "بیلیون": 10**12,
    "تریلیون": 10**12,
    "هزارمیلیارد": 10**12,
}


def _ordinal_forms(word: str) -> list[str]:
    special = {
        "یک": ["یکم", "یکمین", "اول", "اولین", "نخست", "نخستین"],
        "سه": ["سوم", "سومین"],
        "سی": ["سیم", "سیمین", "سی" + ZWNJ + "ام", "سی" + ZWNJ + "امین", "سی‌ام"],
    }
    if word in special:
        return special[word]
    forms = [word + "م", word + "مین"]
    if word.endswith(("ی", "ه")) or word.endswith("و"):
        forms += [word + ZWNJ + "ام", word + ZWNJ + "امین", word + "ام", word + "امین"]
    return forms


_ORD: dict[str, int] = {}
for _w, _v in _CARD.items():
    if _v == 0 or _w in ("صد", "یکصد", "یک" + ZWNJ + "صد"):
        continue
    for _f in _ordinal_forms(_w):
        _ORD.setdefault(_f, _v)
_ORD_SCALES: dict[str, int] = {}
for _w, _v in {"صد": 100, "یکصد": 100, **_SCALES}.items():
    for _f in (_w + "م", _w + "مین"):
        _ORD_SCALES[_f] = _v

_H = Hedge
_HEDGES_BEFORE: dict[Phrase, Hedge] = {
    ("حدود",): _H.about,
    ("در", "حدود"): _H.about,
    ("حدودا",): _H.about,
    ("تقریبا",): _H.about,
    ("نزدیک", "به"): _H.nearly,
    ("نزدیک",): _H.nearly,
    ("قریب", "به"): _H.nearly,
    ("قریب",): _H.nearly,
    ("بیش", "از"): _H.more_than,
    ("بیش" + ZWNJ + "از",): _H.more_than,
    ("بیشتر", "از"): _H.more_than,
    ("بیش" + ZWNJ + "تر", "از"): _H.more_than,
    ("افزون", "بر"): _H.more_than,
    ("بالغ", "بر"): _H.at_least,
    ("بالای",): _H.more_than,
    ("بالاتر", "از"): _H.more_than,
    ("متجاوز", "از"): _H.more_than,
    ("فراتر", "از"): _H.more_than,
    ("کمی", "بیش", "از"): _H.more_than,
    ("اندکی", "بیش", "از"): _H.more_than,
    ("کمی", "بیشتر", "از"): _H.more_than,
    ("کمتر", "از"): _H.less_than,
    ("کم" + ZWNJ + "تر", "از"): _H.less_than,
    ("زیر",): _H.less_than,
    ("کمی", "کمتر", "از"): _H.less_than,
    ("حداقل",): _H.at_least,
    ("دست" + ZWNJ + "کم",): _H.at_least,
    ("دستکم",): _H.at_least,
    ("دست", "کم"): _H.at_least,
    ("حداکثر",): _H.at_most,
    ("حدودی",): _H.about,
    ("بالغ", "بر", "حدود"): _H.about,
}
_HEDGES_AFTER: dict[Phrase, Hedge] = {
    ("و", "اندی"): _H.more_than,
    ("به", "بالا"): _H.at_least,
    ("و", "بیشتر"): _H.at_least,
    ("یا", "بیشتر"): _H.at_least,
    ("و", "خرده" + ZWNJ + "ای"): _H.more_than,
}

_TIME = {
    "ثانیه": "second",
    "دقیقه": "minute",
    "ساعت": "hour",
    "روز": "day",
    "شبانه" + ZWNJ + "روز": "day",
    "هفته": "week",
    "ماه": "month",
    "ماهه": "month",
    "سال": "year",
    "ساله": "year",
    "قرن": "century",
    "فصل": "quarter_year",
}
_PER = {
    "ثانیه": "second",
    "دقیقه": "minute",
    "ساعت": "hour",
    "روز": "day",
    "هفته": "week",
    "ماه": "month",
    "سال": "year",
    "شبانه" + ZWNJ + "روز": "day",
}
_RATE_AFTER: dict[tuple[str, ...], str] = {}
_RATE_BEFORE: dict[tuple[str, ...], str] = {}
for _w, _u in _PER.items():
    _RATE_AFTER[("در", _w)] = _u
    _RATE_AFTER[("در", "هر", _w)] = _u
    _RATE_AFTER[("هر", _w)] = _u
    _RATE_BEFORE[("هر", _w)] = _u
    _RATE_BEFORE[("در", "هر", _w)] = _u
for _w, _u in {
    "روزانه": "day",
    "هفتگی": "week",
    "ماهانه": "month",
    "ماهیانه": "month",
    "سالانه": "year",
    "سالیانه": "year",
    "ساعتی": "hour",
}.items():
    _RATE_AFTER[(_w,)] = _u
    _RATE_BEFORE[(_w,)] = _u
# «روزی ۱۰۰۰ خودرو», «سالی ۲ میلیون نفر»: the spoken "a day" / "a year", only before the number
# («روزی» after one is "one day", «ماهی» is also "fish")
_RATE_BEFORE[("روزی",)] = "day"
_RATE_BEFORE[("سالی",)] = "year"
_RATE_BEFORE[("هفته" + ZWNJ + "ای",)] = "week"
# "در روز گذشته" is "in the past day", not "per day"
for _w in ("روز", "ماه", "سال", "هفته"):
    _RATE_AFTER.pop(("هر", _w), None)

_NOUNS_1 = {
    "نفر": "person",
    "شخص": "person",
    "فرد": "person",
    "زن": "person",
    "مرد": "person",
    "دختر": "person",
    "پسر": "person",
    "کودک": "person",
    "نوزاد": "person",
    "دانش" + ZWNJ + "آموز": "student",
    "دانشجو": "student",
    "مصدوم": "person",
    "مجروح": "person",
    "داوطلب": "person",
    "زائر": "person",
    "مسافر": "person",
    "کارمند": "person",
    "کارگر": "person",
    "معتاد": "person",
    "متهم": "person",
    "زندانی": "person",
    "پذیرفته" + ZWNJ + "شده": "person",
    "شهروند": "person",
    "نیرو": "person",
    "مامور": "person",
    "مراجع": "person",
    "مراجعه" + ZWNJ + "کننده": "person",
    "بیمار": "patient",
    "تماس": "call",
    "خودرو": "car",
    "اتومبیل": "car",
    "ماشین": "car",
    "موتورسیکلت": "motorcycle",
    "موتور": "motorcycle",
    "مورد": "case",
    "فقره": "case",
    "دوز": "dose",
    "دز": "dose",
    "رای": "vote",
    "خدمت": "service",
    "خدمات": "service",
    "حادثه": "incident",
    "فوتی": "death",
    "کشته": "death",
    "متوفی": "death",
    "تولد": "birth",
    "کشور": "country",
    "شهرستان": "county",
    "استان": "province",
    "شهر": "city",
    "روستا": "village",
    "خانوار": "household",
    "خانواده": "household",
    "شغل": "job",
    "پرونده": "file",
    "جواز": "permit",
    "ماموریت": "mission",
    "ویزیت": "visit",
    "عمل": "operation",
    "عضو": "member",
    "سورتی": "sortie",
    "پرواز": "flight",
    "سفر": "trip",
    "مدرسه": "school",
    "بیمارستان": "hospital",
    "تخت": "bed", "آمبولانس": "vehicle", "اتوبوس": "vehicle", "کامیون": "vehicle",
    "شرکت": "company",
    "رکن": "pillar",
    "قلم": "item", "دستگاه": "item", "عدد": "item",
    "کالا": "item",
    "تصادف": "accident",
    "جرم": "offence",
    "سرقت": "offence",
    "دلار": "dollar",
    "ریال": "rial",
    "تومان": "toman",
    "یورو": "euro",
    "تن": "tonne",
    "کیلوگرم": "kilogram",
    "کیلو": "kilogram",
    "کیلومتر": "kilometer",
    "متر": "meter",
    "صندلی": "seat",
    "کرسی": "seat",
    "واحد" + ZWNJ + "مسکونی": "home",
    "منزل": "home",
    "ثبت" + ZWNJ + "نام": "registration",
    "پلاک": "registration",
    "دستگیری": "arrest",
    "آزمایش": "test",
    "تست": "test",
    "نزاع": "incident",
    "درگیری": "incident",
    "شکایت": "complaint",
    "درخواست": "application",
    "بستری": "admission",
}
# The text is read with Arabic Yeh / Hamza-Yeh folded to Persian Yeh («زائر» reads «زایر»):
# every noun is also known in that spelling.
_NOUNS_1.update({k.translate(_FOLD): v for k, v in list(_NOUNS_1.items())})
# Arabic broken plurals and -ین plurals news writes, each read as its singular
# («۵ هزار مورد از این حوادث» counts incidents like «... از این حادثه‌ها»).
_BROKEN = {
    "حوادث": "حادثه",
    "موارد": "مورد",
    "جرائم": "جرم",
    "جرایم": "جرم",
    "افراد": "فرد",
    "اشخاص": "شخص",
    "مدارس": "مدرسه",
    "مشاغل": "شغل",
    "اعضا": "عضو",
    "اعضای": "عضو",
    "مراجعین": "مراجع",
    "مصدومین": "مصدوم",
    "مجروحین": "مجروح",
    "متهمین": "متهم",
    "زائرین": "زائر",
    "مسافرین": "مسافر",
    "داوطلبین": "داوطلب",
    "متوفیان": "متوفی",
}
_BROKEN.update({k.translate(_FOLD): v.translate(_FOLD) for k, v in list(_BROKEN.items())})

_NOUNS_N: dict[Phrase, str] = {
    ("وسیله", "نقلیه"): "vehicle",
    ("وسایل", "نقلیه"): "vehicle",
    ("جواز", "دفن"): "permit",
    ("عمل", "جراحی"): "operation",
    ("سورتی", "پرواز"): "sortie",
    ("فرصت", "شغلی"): "job",
    ("واحد", "مسکونی"): "home",
    ("پذیرفته", "شده"): "person",
    ("ثبت", "نام"): "registration",
    ("دستگاه", "خودرو"): "car",
    ("دستگاه", "موتورسیکلت"): "motorcycle",
    ("میلیارد", "ریال"): "rial",
}
_FRACTIONS: dict[str, str] = {
    "دوم": "half",
    "سوم": "third",
    "چهارم": "fourth",
    "پنجم": "fifth",
    "ششم": "sixth",
    "هشتم": "eighth",
    "دهم": "tenth",
    "دوازدهم": "twelfth",
    "صدم": "hundredth",
    "نیم": "half",
    "نصف": "half",
    "ربع": "fourth",
    "نیمی": "half",
}
_PLURAL = ("های", "ها", "هایی", "ان", "ات", "گان")
_PRONOUN = ("شان", "ش", "مان", "تان", "ی")


class Persian(Language):
    """Persian (Farsi) as written in Iranian news: Persian, Arabic-Indic or ASCII digits."""

    code: ClassVar[str] = "fa"
    name: ClassVar[str] = "Persian"
    cardinals: ClassVar[dict[str, int]] = _CARD
    hundreds: ClassVar[frozenset[str]] = frozenset({"صد"})
    scales: ClassVar[dict[str, int]] = _SCALES
    compound_scales: ClassVar[frozenset[str]] = frozenset({"میلیون", "ملیون", "میلیارد", "ملیارد"})
    ordinals: ClassVar[dict[str, int]] = _ORD
    ordinal_scales: ClassVar[dict[str, int]] = _ORD_SCALES
    conj: ClassVar[frozenset[str]] = frozenset({"و"})
    hedges_before: ClassVar[dict[Phrase, Hedge]] = _HEDGES_BEFORE
    hedges_after: ClassVar[dict[Phrase, Hedge]] = _HEDGES_AFTER
    percent_after: ClassVar[dict[Phrase, str]] = {
        ("درصد",): "percent",
        ("درصدی",): "percent",  # «افزایش ۲۰ درصدی»: a twenty-percent rise
        ("در", "صد"): "percent",
        ("واحد", "درصد"): "percentage_point",
        ("%",): "percent",
    }
    fractions: ClassVar[dict[str, str]] = _FRACTIONS
    multipliers_after: ClassVar[frozenset[str]] = frozenset({"برابر"})
    multiplier_words: ClassVar[dict[str, Decimal]] = {"نصف": Decimal("0.5")}
    time_units: ClassVar[dict[str, str]] = _TIME
    rate_after: ClassVar[dict[Phrase, str]] = _RATE_AFTER
    rate_before: ClassVar[dict[Phrase, str]] = _RATE_BEFORE
    period_cues_before: ClassVar[frozenset[str]] = frozenset({"طی", "ظرف", "مدت", "عرض", "طول"})
    period_cues_after: ClassVar[frozenset[str]] = frozenset(
        {
            "گذشته",
            "اخیر",
            "نخست",
            "اول",
            "امسال",
            "ابتدای",
            "منتهی",
            "پیش",
            "قبل",
            "آینده",
            "سال" + ZWNJ + "جاری",
            "جاری",
        }
    )
    months: ClassVar[frozenset[str]] = frozenset(
        {
            "فروردین",
            "اردیبهشت",
            "خرداد",
            "تیر",
            "مرداد",
            "امرداد",
            "شهریور",
            "مهر",
            "آبان",
            "آذر",
            "دی",
            "بهمن",
            "اسفند",
            "ژانویه",
            "فوریه",
            "مارس",
            "آوریل",
            "مه",
            "می",
            "ژوئن",
            "ژوئیه",
            "جولای",
            "اوت",
            "آگوست",
            "سپتامبر",
            "اکتبر",
            "نوامبر",
            "دسامبر",
            "محرم",
            "رمضان",
            "شوال",
        }
    )
    label_before: ClassVar[frozenset[str]] = frozenset(
        {
            "نفر",
            "رتبه",
            "جایگاه",
            "ردیف",
            "شماره",
            "مرحله",
            "دوره",
            "جلسه",
            "نشست",
            "اصل",
            "ماده",
            "بند",
            "تبصره",
            "صفحه",
            "کد",
            "پلاک",
            "منطقه",
            "ناحیه",
            "کلانتری",
            "فاز",
            "بلوک",
            "خیابان",
            "کوچه",
            "اتاق",
            "سالن",
            "سکو",
            "قسمت",
            "ساعت",
            "مرکز",
            "سامانه",
            "خط",
            "تلفن",
            "گروه",
            "سطح",
            "درجه",
            "پایه",
            "کلاس",
            "مجلس",
            "دولت",
            "قطعه",
            "بخش",
            "اتوبان",
            "آزادراه",
            "جاده",
            "کیلومتر",
            "پاسگاه",
            "واحد",
            "لیگ",
        }
    )
    year_before: ClassVar[frozenset[str]] = frozenset(
        {"سال", "سالهای", "سال" + ZWNJ + "های", "سالِ", "دهه", "پارسال"}
    )
    phone_numbers: ClassVar[frozenset[int]] = frozenset(
        {110, 112, 115, 118, 120, 123, 125, 129, 137, 141, 147, 197, 1480, 1490, 1540}
    )
    phone_cues: ClassVar[frozenset[str]] = frozenset(
        {
            "شماره",
            "مرکز",
            "سامانه",
            "خط",
            "با",
            "تلفن",
            "فوریت" + ZWNJ + "های",
            "فوریتهای",
            "پلیس",
            "اورژانس",
            "ارتباطات",
        }
    )
    nouns: ClassVar[dict[Phrase, str]] = {**{(k,): v for k, v in _NOUNS_1.items()}, **_NOUNS_N}
    generic_nouns: ClassVar[frozenset[str]] = frozenset({"مورد", "فقره", "دستگاه", "عدد"})
    #: people are counted with «نفر»; «مورد»/«فقره» count cases and events, even next to people
    classifier_keeps_own: ClassVar[frozenset[str]] = frozenset({"person"})
    each_after: ClassVar[frozenset[str]] = frozenset({"هرکدام", "هر" + ZWNJ + "کدام"})
    each_before: ClassVar[frozenset[Phrase]] = frozenset(
        {("هر", "یک", "از"), ("هر", "کدام", "از"), ("هرکدام", "از"), ("به", "ازای", "هر")}
    )
    stop: ClassVar[frozenset[str]] = frozenset(
        {
            "از",
            "به",
            "با",
            "در",
            "که",
            "و",
            "را",
            "تا",
            "بر",
            "برای",
            "این",
            "آن",
            "هم",
            "نیز",
            "است",
            "بود",
            "شد",
            "شده",
            "های",
            "ها",
            "یا",
            "اما",
            "ولی",
            "هر",
            "بین",
            "میان",
        }
    )
    partitive: ClassVar[frozenset[str]] = frozenset({"از"})
    range_between: ClassVar[frozenset[str]] = frozenset({"بین", "میان"})
    range_join: ClassVar[frozenset[str]] = frozenset({"تا"})
    change_from: ClassVar[frozenset[str]] = frozenset({"به"})
    weak_words: ClassVar[frozenset[str]] = frozenset({"یک", "نه", "ده", "صد"})
    # «گفت:», «افزود:», «اظهار کرد:», «اظهار داشت:», «گفته است:», «می‌گوید:»
    speech_verbs: ClassVar[frozenset[str]] = frozenset({"گفت", "افزود", "کرد", "داشت", "است", "نوشت", "گوید",
                                                        "افزاید", "کند", "شد"})

    def key(self, word: str) -> str:
        return word.strip(ZWNJ)

    def split(self, word: str) -> list[str] | None:
        if len(word) < 3:
            return None
        if ZWNJ in word:
            # «یک‌سوم», «دو‌سوم», «سی‌ودو»: number words joined by a ZWNJ
            head, _, rest = word.partition(ZWNJ)
            if head in _CARD and (rest in _CARD or rest in _ORD or rest in _FRACTIONS or rest in _SCALES):
                return [head + ZWNJ, rest]
        if word[-1] == "و" and (word[:-1] in _CARD or word[:-1] in _SCALES):
            return [word[:-1], "و"]
        for sc in ("هزار", "میلیون", "میلیارد"):
            if word.startswith(sc) and len(word) > len(sc):
                rest = word[len(sc) :]
                if rest == "و" or self._noun_stem(rest) is not None:
                    return [sc, rest]
        if word not in _NOUNS_1:
            for suf in _PRONOUN:
                if word.endswith(suf) and word[: -len(suf)] in _NOUNS_1 and len(word) > len(suf) + 1:
                    return [word[: -len(suf)], suf]
        return None

    @staticmethod
    def _noun_stem(word: str) -> str | None:
        if word in _NOUNS_1:
            return word
        w = word.replace(ZWNJ, "")
        if w in _NOUNS_1:
            return w
        if w in _BROKEN:
            return _BROKEN[w]
        for suf in _PLURAL:
            if w.endswith(suf) and w[: -len(suf)] in _NOUNS_1:
                return w[: -len(suf)]
        return None

    def lemma(self, word: str) -> str:
        return self._noun_stem(word) or word

    def detect_score(self, text: str) -> float:
        arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
        return arabic / max(1, len(text))
