"""English: number words, hedges, counted nouns, rates and periods as news reports write them."""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

from ..model import Hedge
from .base import Language, Phrase

__all__ = ["English"]

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORD_ONES = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORD_TENS = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}

_H = Hedge
_HEDGES_BEFORE: dict[Phrase, Hedge] = {
    ("about",): _H.about,
    ("around",): _H.about,
    ("roughly",): _H.about,
    ("approximately",): _H.about,
    ("approx",): _H.about,
    ("some",): _H.about,
    ("an", "estimated"): _H.about,
    ("estimated",): _H.about,
    ("nearly",): _H.nearly,
    ("almost",): _H.nearly,
    ("close", "to"): _H.nearly,
    ("just", "under"): _H.nearly,
    ("just", "shy", "of"): _H.nearly,
    ("more", "than"): _H.more_than,
    ("over",): _H.more_than,
    ("just", "over"): _H.more_than,
    ("above",): _H.more_than,
    ("in", "excess", "of"): _H.more_than,
    ("upwards", "of"): _H.more_than,
    ("upward", "of"): _H.more_than,
    ("at", "least"): _H.at_least,
    ("no", "fewer", "than"): _H.at_least,
    ("no", "less", "than"): _H.at_least,
    ("a", "minimum", "of"): _H.at_least,
    ("fewer", "than"): _H.less_than,
    ("less", "than"): _H.less_than,
    ("under",): _H.less_than,
    ("below",): _H.less_than,
    ("up", "to"): _H.at_most,
    ("at", "most"): _H.at_most,
    ("as", "many", "as"): _H.at_most,
    ("as", "much", "as"): _H.at_most,
    ("no", "more", "than"): _H.at_most,
    ("a", "maximum", "of"): _H.at_most,
    ("more", "than", "a"): _H.more_than,
    ("nearly", "a"): _H.nearly,
    ("almost", "a"): _H.nearly,
    ("about", "a"): _H.about,
    ("around", "a"): _H.about,
}
_HEDGES_AFTER: dict[Phrase, Hedge] = {
    ("or", "more"): _H.at_least,
    ("or", "so"): _H.about,
    ("and", "over"): _H.at_least,
    ("plus",): _H.more_than,
    ("or", "less"): _H.at_most,
    ("or", "fewer"): _H.at_most,
}

_TIME = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "fortnight": "fortnight",
    "month": "month",
    "year": "year",
    "quarter": "quarter_year",
}
_PER = {
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}
_RATE_AFTER: dict[tuple[str, ...], str] = {}
for _w, _u in _PER.items():
    for _lead in ("a", "an", "per", "each", "every"):
        _RATE_AFTER[(_lead, _w)] = _u
_RATE_AFTER.update(
    {
        ("daily",): "day",
        ("weekly",): "week",
        ("monthly",): "month",
        ("annually",): "year",
        ("yearly",): "year",
        ("hourly",): "hour",
        ("per", "annum"): "year",
        ("a", "year"): "year",
    }
)
_RATE_BEFORE = {
    ("daily",): "day",
    ("every", "day"): "day",
    ("each", "day"): "day",
    ("per", "day"): "day",
    ("every", "hour"): "hour",
    ("each", "hour"): "hour",
    ("every", "minute"): "minute",
    ("each", "year"): "year",
    ("every", "year"): "year",
    ("annually",): "year",
    ("each", "week"): "week",
    ("every", "week"): "week",
    ("each", "month"): "month",
    ("every", "month"): "month",
    ("a", "day"): "day",
}

# Counted nouns.  Each unit must exist in factcheck/newsroom_units.txt.
_NOUNS_1 = {
    "person": "person",
    "people": "person",
    "individual": "person",
    "resident": "person",
    "inhabitant": "person",
    "adult": "person",
    "child": "person",
    "children": "person",
    "man": "person",
    "men": "person",
    "woman": "person",
    "women": "person",
    "worker": "person",
    "employee": "person",
    "voter": "person",
    "citizen": "person",
    "visitor": "person",
    "tourist": "person",
    "migrant": "person",
    "refugee": "person",
    "victim": "person",
    "officer": "person",
    "passenger": "person",
    "soldier": "person",
    "pupil": "student",
    "student": "student",
    "patient": "patient",
    "call": "call",
    "vehicle": "vehicle",
    "car": "car",
    "motorcycle": "motorcycle",
    "motorbike": "motorcycle",
    "case": "case",
    "offence": "offence",
    "offense": "offence",
    "crime": "offence",
    "theft": "offence",
    "burglary": "offence",
    "burglaries": "offence",
    "robbery": "offence",
    "robberies": "offence",
    "assault": "offence",
    "dose": "dose",
    "vaccination": "dose",
    "vote": "vote",
    "ballot": "vote",
    "item": "item",
    "service": "service",
    "incident": "incident",
    "death": "death",
    "fatality": "death",
    "fatalities": "death",
    "birth": "birth",
    "county": "county",
    "counties": "county",
    "country": "country",
    "countries": "country",
    "household": "household",
    "job": "job",
    "file": "file",
    "registration": "registration",
    "export": "export",
    "accident": "accident",
    "crash": "accident",
    "injury": "injury",
    "injuries": "injury",
    "session": "session",
    "visit": "visit",
    "mission": "mission",
    "operation": "operation",
    "surgery": "operation",
    "surgeries": "operation",
    "permit": "permit",
    "member": "member",
    "seat": "seat",
    "pillar": "pillar",  # "five pillars" of a plan
    "school": "school",
    "hospital": "hospital",
    "bed": "bed",
    "home": "home",
    "house": "home",
    "dwelling": "home",
    "flight": "flight",
    "company": "company",
    "companies": "company",
    "business": "company",
    "businesses": "company",
    "village": "village",
    "city": "city",
    "cities": "city",
    "province": "province",
    "district": "district",
    "tonne": "tonne",
    "ton": "tonne",
    "kilogram": "kilogram",
    "kg": "kilogram",
    "kilometre": "kilometer",
    "kilometer": "kilometer",
    "km": "kilometer",
    "mile": "mile",
    "metre": "meter",
    "meter": "meter",
    "dollar": "dollar",
    "euro": "euro",
    "pound": "pound_sterling",
    "rial": "rial",
    "toman": "toman",
    "arrest": "arrest",
    "sale": "sale",
    "unit": "item",
    "sortie": "sortie",
    "route": "route",
    "journey": "trip",
    "trip": "trip",
    "ride": "trip",
    "bus": "vehicle",
    "buses": "vehicle",
    "train": "vehicle",
    "truck": "vehicle",
    "lorry": "vehicle",
    "lorries": "vehicle",
    "test": "test",
    "infection": "case",
    "admission": "admission",
    "complaint": "complaint",
    "application": "application",
    "applicant": "person",
    "staff": "person",
    # kinds of person news counts by the day ("8,000 pilgrims a day", "2 million commuters")
    "pilgrim": "person",
    "commuter": "person",
    "traveller": "person",
    "traveler": "person",
    "attendee": "person",
    "spectator": "person",
    "participant": "person",
    "worshipper": "person",
    "protester": "person",
    "american": "person",
    "briton": "person",
    "candidate": "person",
    "user": "person",
    "customer": "person",
    # people named by age, sex or trade: "25,000 girls", "300 nurses"
    "girl": "person",
    "boy": "person",
    "teenager": "person",
    "youth": "person",
    "infant": "person",
    "baby": "person",
    "babies": "person",
    "toddler": "person",
    "pensioner": "person",
    "retiree": "person",
    "teacher": "person",
    "doctor": "person",
    "physician": "person",
    "surgeon": "person",
    "nurse": "person",
    "midwife": "person",
    "midwives": "person",
    "paramedic": "person",
    "firefighter": "person",
    "farmer": "person",
    "miner": "person",
    "journalist": "person",
    "civilian": "person",
    "pedestrian": "person",
    "cyclist": "person",
    "motorist": "person",
    "prisoner": "person",
    "inmate": "person",
    "detainee": "person",
    "suspect": "person",
    "volunteer": "person",
    "graduate": "person",
    "entrant": "person",
    "recruit": "person",
    "troop": "person",
    "delegate": "person",
    "supporter": "person",
}
#: words that look like plural nouns but stand for one named earlier
_PLURAL_PRONOUNS = frozenset({"others", "ones", "themselves", "ourselves", "yourselves", "theirs", "yours", "ours"})
_NOUNS_N: dict[Phrase, str] = {
    ("per", "cent"): "percent",
}


class English(Language):
    """English as written in news reports (British and American spellings)."""

    code: ClassVar[str] = "en"
    name: ClassVar[str] = "English"
    case_insensitive: ClassVar[bool] = True
    cardinals: ClassVar[dict[str, int]] = {**{w: i for i, w in enumerate(_ONES)}, **_TENS, "dozen": 12}
    hundreds: ClassVar[frozenset[str]] = frozenset({"hundred"})
    scales: ClassVar[dict[str, int]] = _SCALES
    ordinals: ClassVar[dict[str, int]] = {**{w: i for i, w in enumerate(_ORD_ONES) if i}, **_ORD_TENS}
    ordinal_scales: ClassVar[dict[str, int]] = {
        "hundredth": 100,
        "thousandth": 10**3,
        "millionth": 10**6,
        "billionth": 10**9,
        "trillionth": 10**12,
    }
    conj: ClassVar[frozenset[str]] = frozenset({"and"})
    hedges_before: ClassVar[dict[Phrase, Hedge]] = _HEDGES_BEFORE
    hedges_after: ClassVar[dict[Phrase, Hedge]] = _HEDGES_AFTER
    percent_after: ClassVar[dict[Phrase, str]] = {
        ("percent",): "percent",
        ("per", "cent"): "percent",
        ("pc",): "percent",
        ("percentage", "points"): "percentage_point",
        ("percentage", "point"): "percentage_point",
        ("points",): "percentage_point",
        ("pp",): "percentage_point",
    }
    fractions: ClassVar[dict[str, str]] = {
        "half": "half",
        "halves": "half",
        "third": "third",
        "thirds": "third",
        "quarter": "fourth",
        "quarters": "fourth",
        "fourth": "fourth",
        "fourths": "fourth",
        "fifth": "fifth",
        "fifths": "fifth",
        "sixth": "sixth",
        "sixths": "sixth",
        "eighth": "eighth",
        "eighths": "eighth",
        "tenth": "tenth",
        "tenths": "tenth",
        "24th": "twenty_fourth",
        "/24": "twenty_fourth",
        "/2": "half",
        "/3": "third",
        "/4": "fourth",
        "/5": "fifth",
        "/6": "sixth",
        "/8": "eighth",
        "/10": "tenth",
        "/12": "twelfth",
        "twelfth": "twelfth",
        "twelfths": "twelfth",
        "hundredth": "hundredth",
        "hundredths": "hundredth",
        "/100": "hundredth",
    }
    multipliers_after: ClassVar[frozenset[str]] = frozenset({"times", "fold"})
    multiplier_words: ClassVar[dict[str, Decimal]] = {
        "twice": Decimal(2),
        "doubled": Decimal(2),
        "double": Decimal(2),
        "tripled": Decimal(3),
        "trebled": Decimal(3),
        "triple": Decimal(3),
        "quadrupled": Decimal(4),
        "halved": Decimal("0.5"),
        "twofold": Decimal(2),
        "threefold": Decimal(3),
    }
    time_units: ClassVar[dict[str, str]] = _TIME
    rate_after: ClassVar[dict[Phrase, str]] = _RATE_AFTER
    rate_before: ClassVar[dict[Phrase, str]] = _RATE_BEFORE
    period_cues_before: ClassVar[frozenset[str]] = frozenset(
        {"last", "past", "first", "previous", "recent", "next", "same", "the", "latest", "over"}
    )
    period_cues_after: ClassVar[frozenset[str]] = frozenset(
        {"period", "ago", "earlier", "before", "to", "through", "ending", "since", "running"}
    )
    period_words: ClassVar[frozenset[str] | None] = frozenset({"period", "ago"})
    months: ClassVar[frozenset[str]] = frozenset(
        {
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        }
    )
    label_before: ClassVar[frozenset[str]] = frozenset(
        {
            "no",
            "number",
            "article",
            "section",
            "chapter",
            "page",
            "room",
            "route",
            "highway",
            "interstate",
            "flight",
            "version",
            "grade",
            "level",
            "round",
            "stage",
            "phase",
            "season",
            "episode",
            "rank",
            "ranked",
            "ranking",
            "position",
            "platform",
            "gate",
            "line",
            "bus",
            "channel",
            "clause",
            "paragraph",
            "item",
            "step",
            "question",
            "table",
            "figure",
            "district",
            "ward",
            "block",
            "unit",
            "apartment",
            "suite",
            "floor",
            "zone",
            "area",
            "code",
            "id",
            "model",
            "type",
            "class",
            "category",
            "tier",
            "world",
            "war",
            "covid",
            "top",
        }
    )
    year_before: ClassVar[frozenset[str]] = frozenset({"year", "fy", "class", "vintage"})
    year_prepositions: ClassVar[frozenset[str]] = frozenset(
        {"in", "since", "until", "till", "by", "during", "before", "after", "throughout"}
    )
    phone_numbers: ClassVar[frozenset[int]] = frozenset({911, 999, 112, 111, 101, 988, 311})
    phone_cues: ClassVar[frozenset[str]] = frozenset(
        {"call", "dial", "dialled", "dialed", "ring", "number", "hotline", "line", "on", "to"}
    )
    nouns: ClassVar[dict[Phrase, str]] = {**{(k,): v for k, v in _NOUNS_1.items()}, **_NOUNS_N}
    generic_nouns: ClassVar[frozenset[str]] = frozenset({"case", "item"})
    each_after: ClassVar[frozenset[str]] = frozenset({"each", "apiece"})
    each_before: ClassVar[frozenset[Phrase]] = frozenset({("each", "of"), ("at", "each")})
    stop: ClassVar[frozenset[str]] = frozenset(
        {
            "of",
            "in",
            "on",
            "at",
            "to",
            "for",
            "from",
            "with",
            "by",
            "and",
            "or",
            "but",
            "the",
            "a",
            "an",
            "is",
            "are",
            "was",
            "were",
            "be",
            "been",
            "has",
            "have",
            "had",
            "that",
            "which",
            "who",
            "this",
            "these",
            "those",
            "than",
            "as",
            "per",
            "each",
            "every",
            "it",
            "its",
            "their",
            "his",
            "her",
            "they",
            "we",
            "he",
            "she",
            "more",
            "less",
            "so",
            "far",
            "up",
            "down",
            "into",
            "over",
            "under",
            "between",
            "among",
            "about",
            "after",
            "before",
            "during",
            "since",
            "while",
            "across",
            "around",
            "will",
            "would",
            "could",
            "can",
            "may",
            "not",
            "no",
            "all",
            "out",
            "off",
            "last",
            "next",
            "year",
            "years",
            "times",
        }
    )
    articles: ClassVar[frozenset[str]] = frozenset({"a", "an"})
    partitive: ClassVar[frozenset[str]] = frozenset({"of"})
    aside_words: ClassVar[frozenset[str]] = frozenset(
        {"or", "about", "some", "roughly", "nearly", "almost", "around", "approximately", "just"}
    )
    range_between: ClassVar[frozenset[str]] = frozenset({"between"})
    range_join: ClassVar[frozenset[str]] = frozenset({"to"})
    change_from: ClassVar[frozenset[str]] = frozenset({"from"})
    weak_words: ClassVar[frozenset[str]] = frozenset({"one", "zero"})
    period_fractions: ClassVar[frozenset[str]] = frozenset({"quarter", "quarters"})
    share_in: ClassVar[frozenset[str]] = frozenset({"in"})
    speech_verbs: ClassVar[frozenset[str]] = frozenset({"said", "says", "added", "told", "stated", "announced"})
    share_every: ClassVar[frozenset[str]] = frozenset({"every"})
    age_before: ClassVar[frozenset[str]] = frozenset({"aged", "ages", "age"})
    age_bounds: ClassVar[frozenset[str]] = frozenset({"under", "over", "above", "below"})
    age_nouns: ClassVar[frozenset[str]] = frozenset(
        {"children", "child", "people", "adults", "those", "men", "women", "residents", "patients", "voters",
         "drivers", "pupils", "students", "workers", "girls", "boys", "infants", "babies", "teenagers", "anyone",
         "everyone", "persons", "citizens", "employees", "kids", "youngsters", "pensioners"})
    period_before: ClassVar[frozenset[str]] = frozenset(
        {"in", "per", "each", "every", "within", "during", "for", "after", "before"})
    noun_reach: ClassVar[int] = 4
    head_last: ClassVar[bool] = True
    trust_guess: ClassVar[bool] = True  # plausible_noun only accepts plural-looking words
    glued_units: ClassVar[dict[str, str]] = {
        "kg": "kilogram",
        "km": "kilometer",
        "cm": "centimeter",
        "mm": "millimeter",
        "mg": "milligram",
        "g": "gram",
        "t": "tonne",
    }

    def lemma(self, word: str) -> str:
        if word in _NOUNS_1:
            return word
        if word.endswith("ies") and len(word) > 4:
            return word[:-3] + "y"
        if word.endswith(("ches", "shes", "sses", "xes")):
            return word[:-2]
        if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
            return word[:-1]
        return word

    def plausible_noun(self, word: str) -> bool:
        # English verbs follow figures as often as nouns do ("17,000 led to", "5 died");
        # an unknown plural noun is the safe guess ("331 million Americans").
        # Pronouns that look plural ("3 others", "the 2 ones") stand for a noun said before.
        return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) \
            and word not in _PLURAL_PRONOUNS and "'" not in word and "’" not in word

    def digit_suffix(self, suffix: str) -> tuple[str, int] | None:
        if suffix in ("k",):
            return ("scale", 10**3)
        if suffix in ("m", "mn", "mln"):
            return ("scale", 10**6)
        if suffix in ("bn", "b", "bln"):
            return ("scale", 10**9)
        if suffix in ("tn", "trn"):
            return ("scale", 10**12)
        if suffix in ("st", "nd", "rd", "th"):
            return ("ordinal", 0)
        if suffix == "s":
            return ("decade", 0)
        if suffix in self.glued_units:
            return ("unit", 0)
        return None

    def detect_score(self, text: str) -> float:
        latin = sum(1 for c in text if "a" <= c.lower() <= "z")
        return latin / max(1, len(text))
