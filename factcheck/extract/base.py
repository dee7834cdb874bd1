"""The language interface and the per-mention record every language produces.

A language is one module in :mod:`factcheck.extract` defining a subclass of
:class:`Language` (its lexicon as data, plus a few hooks for what its script glues
together) and registering it with :func:`factcheck.extract.register`.  The shared scanner
in :mod:`factcheck.extract.engine` does the rest, so a third language is one new file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from ..model import Hedge

__all__ = ["KINDS", "Language", "Mention"]

#: What a numeric mention is.  Only ``quantity`` and ``duration`` become claims.
KINDS = ("quantity", "duration", "ordinal", "year", "date", "time", "phone", "code", "label", "age")

Phrase = tuple[str, ...]


@dataclass(slots=True)
class Mention:
    """Everything the extractor read about one figure (see docs/extraction.md).

    Offsets are code points of the *original* text.  ``start``/``end`` cover the whole
    quote (hedge, figure, counted noun, rate words); ``fig_start``/``fig_end`` only the figure.
    """

    kind: str
    value: Decimal
    start: int
    end: int
    fig_start: int
    fig_end: int
    lang: str
    value_max: Decimal | None = None
    unit: str = "dimensionless"
    #: the counted thing's unit without any rate (``call`` for ``call / day``)
    count_unit: str | None = None
    #: the time unit of a rate (``day`` for ``call / day``)
    per: str | None = None
    hedge: Hedge = Hedge.exact
    scale: Decimal | None = None
    precision: Decimal | None = None
    #: the counted noun phrase as written, and the lexicon entry it matched (normalised)
    noun: str | None = None
    noun_key: str | None = None
    #: true for figures given per item: "one each", "2 thousand a day at each unit"
    each: bool = False
    #: the words that decided hedge, unit, rate, period or kind, as written (normalised)
    cues: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    #: for a duration that bounds the sentence's totals ("in the last 6 months"): "6 month"
    period_of: str | None = None
    #: set on other figures of the same sentence: (duration, text as written)
    period: tuple[str, str] | None = None
    #: index of the sentence (paragraph breaks and full stops) the figure sits in
    sentence: int = 0
    #: where the noun of ``unit_from_context`` was found (original offset)
    context_at: int | None = None


class Language:
    """Lexicon and hooks of one language; all keys are normalised (see normalize.py), lower case."""

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    #: words that are numbers by themselves: "seven", "هفت", "یکصد"
    cardinals: ClassVar[dict[str, int]] = {}
    #: "hundred", "صد": multiply a preceding 1..99
    hundreds: ClassVar[frozenset[str]] = frozenset()
    #: "thousand", "هزار", ...
    scales: ClassVar[dict[str, int]] = {}
    #: scales a whole "thousands" number may count in: «۱۲ هزار و ۶۰۰ میلیارد تومان» is
    #: 12,600 billion, not 12,000 and then 600 billion
    compound_scales: ClassVar[frozenset[str]] = frozenset()
    #: "sixty-first" -> "first" = 1, "یکمین" = 1 ...; scale ordinals ("thousandth") in ordinal_scales
    ordinals: ClassVar[dict[str, int]] = {}
    ordinal_scales: ClassVar[dict[str, int]] = {}
    conj: ClassVar[frozenset[str]] = frozenset()
    hedges_before: ClassVar[dict[Phrase, Hedge]] = {}
    hedges_after: ClassVar[dict[Phrase, Hedge]] = {}
    percent_after: ClassVar[dict[Phrase, str]] = {}
    #: denominators written as words after a cardinal: "third" -> unit "third"
    fractions: ClassVar[dict[str, str]] = {}
    #: "times", "برابر"
    multipliers_after: ClassVar[frozenset[str]] = frozenset()
    #: words that are multiples by themselves: "doubled" -> 2
    multiplier_words: ClassVar[dict[str, Decimal]] = {}
    time_units: ClassVar[dict[str, str]] = {}
    rate_after: ClassVar[dict[Phrase, str]] = {}
    rate_before: ClassVar[dict[Phrase, str]] = {}
    period_cues_before: ClassVar[frozenset[str]] = frozenset()
    period_cues_after: ClassVar[frozenset[str]] = frozenset()
    #: period cues after the duration that belong to its quote ("period", "گذشته"); None: all of them
    period_words: ClassVar[frozenset[str] | None] = None
    months: ClassVar[frozenset[str]] = frozenset()
    #: nouns after which a bare number is a label or rank ("Article 5", "جایگاه ۲۸")
    label_before: ClassVar[frozenset[str]] = frozenset()
    #: words right before a number that make it a year ("سال ۹۵")
    year_before: ClassVar[frozenset[str]] = frozenset()
    #: words after which a year-like number is a year even before a noun ("in 2019 women voted")
    year_prepositions: ClassVar[frozenset[str]] = frozenset()
    phone_numbers: ClassVar[frozenset[int]] = frozenset()
    phone_cues: ClassVar[frozenset[str]] = frozenset()
    #: counted nouns (one or more words) -> pint unit
    nouns: ClassVar[dict[Phrase, str]] = {}
    #: classifiers that take the unit of the thing counted nearby ("مورد", "cases")
    generic_nouns: ClassVar[frozenset[str]] = frozenset()
    #: units a classifier never takes over from an earlier figure (it keeps its own, "case")
    classifier_keeps_own: ClassVar[frozenset[str]] = frozenset()
    #: words after a figure that mean "for each one" ("each", "apiece")
    each_after: ClassVar[frozenset[str]] = frozenset()
    each_before: ClassVar[frozenset[Phrase]] = frozenset()
    #: words that end a noun phrase (prepositions, verbs, pronouns)
    stop: ClassVar[frozenset[str]] = frozenset()
    #: "a", "an": stand for one before a scale, dozen or fraction word
    articles: ClassVar[frozenset[str]] = frozenset()
    partitive: ClassVar[frozenset[str]] = frozenset()
    #: words opening an aside between commas that a figure may carry before its partitive:
    #: "18,000, or 37.5 percent, of the candidates" (brackets and dashes need no word)
    aside_words: ClassVar[frozenset[str]] = frozenset()
    range_between: ClassVar[frozenset[str]] = frozenset()
    range_join: ClassVar[frozenset[str]] = frozenset()
    #: words before "X <join> Y" that make it a change, two figures, not a range
    change_from: ClassVar[frozenset[str]] = frozenset()
    #: number words that are also ordinary words and count only next to a noun or scale
    weak_words: ClassVar[frozenset[str]] = frozenset()
    #: fraction words that also name a period or a place ("quarter"): a share only after a
    #: number or an article, and not as a period ("in a quarter", "a quarter of an hour")
    period_fractions: ClassVar[frozenset[str]] = frozenset()
    #: The word between a count and the number it is a share of ("one in four"), and one that
    #: may come before that number ("one in every four").
    share_in: ClassVar[frozenset[str]] = frozenset()
    share_every: ClassVar[frozenset[str]] = frozenset()
    #: Verbs that open reported speech before a colon ("said:", «گفت:»): a counted noun is not
    #: looked for before them.
    speech_verbs: ClassVar[frozenset[str]] = frozenset()
    #: An age, not a count: a number after ``age_before`` ("aged 65"), or after ``age_bounds``
    #: right after one of ``age_nouns`` ("children under five", "people over 65").
    age_before: ClassVar[frozenset[str]] = frozenset()
    age_bounds: ClassVar[frozenset[str]] = frozenset()
    age_nouns: ClassVar[frozenset[str]] = frozenset()
    #: words before "a <period fraction>" that make it a period: "in a quarter", "per quarter"
    period_before: ClassVar[frozenset[str]] = frozenset()
    #: how many following words a noun phrase may span before its head noun
    noun_reach: ClassVar[int] = 1
    #: the head of a compound is its last noun ("car registrations"), not its first
    head_last: ClassVar[bool] = False
    case_insensitive: ClassVar[bool] = False
    #: an unknown word that :meth:`plausible_noun` accepts right after a figure names what it
    #: counts, rather than a known noun earlier in the sentence ("at each of its two branches")
    trust_guess: ClassVar[bool] = False
    #: unit symbols glued to digits ("1.5kg"); ``digit_suffix`` returns ("unit", 0) for them
    glued_units: ClassVar[dict[str, str]] = {}

    def key(self, word: str) -> str:
        """Lexicon key of a word as it appears in the text."""
        return word.lower() if self.case_insensitive else word

    def split(self, word: str) -> list[str] | None:
        """Pieces of a word the script glues together (``هزارو`` -> ``هزار``, ``و``), or None."""
        return None

    def lemma(self, word: str) -> str:
        """The singular form used to look nouns up (``calls`` -> ``call``)."""
        return word

    def plausible_noun(self, word: str) -> bool:
        """Whether an unknown word right after a figure may be what it counts (not a verb)."""
        return True

    def digit_suffix(self, suffix: str) -> tuple[str, int] | None:
        """Letters glued to digits: ``("scale", 1000)`` for ``k``, ``("ordinal", 0)`` for ``th``."""
        return None

    def detect_score(self, text: str) -> float:  # pragma: no cover - every language overrides
        raise NotImplementedError
