"""Hypothesis strategies for figures, claims and documents whose truth is known.

Each document strategy first draws a *true world* (counts, rates over calendar periods,
shares, changes), then writes claims about it the way a reporter does: rounded to a few
significant figures, hedged ("about", "more than", "nearly"), with scale words and in
Persian or ASCII digits, and relates them with rules.  A claim written truthfully admits
its true value, so factcheck must find nothing inconsistent in a document drawn from
:func:`consistent_documents`; :func:`inconsistent_documents` plants one error and says
which finding must be reported.

This is the only module of factcheck that imports hypothesis (a test dependency).

>>> from hypothesis import given
>>> from factcheck.strategies import consistent_documents
>>> @given(consistent_documents(lang="en", kinds=["sum", "rate"]))
... def test_true_worlds_add_up(doc):
...     assert not doc.check().inconsistent()
>>> test_true_worlds_add_up()
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

from ._wording import SCRIPTS, Script, written_number
from .model import Claim, Hedge, Period

if TYPE_CHECKING:
    from .files import ClaimSet
    from .model import RuleBase
    from .report import Report
    from .semantics import Policy

__all__ = [
    "ARTICLE_KINDS",
    "ERRORS",
    "KINDS",
    "THINGS",
    "Article",
    "ExpectedClaim",
    "ExpectedFinding",
    "Figure",
    "GeneratedDocument",
    "InconsistentDocument",
    "articles",
    "consistent_documents",
    "hedged_claims",
    "inconsistent_documents",
    "quantities",
]

#: Kinds of fact a generated world can hold; each is related by the rule kind of that name.
KINDS: tuple[str, ...] = (
    "sum", "part_of", "rate", "percent_of", "percent_change", "percentage_points",
    "percent_total", "ratio", "average", "repeat", "compare", "count",
)
#: Errors :func:`inconsistent_documents` can plant.
ERRORS: tuple[str, ...] = ("wrong_total", "misconverted_rate", "share_mismatch", "transposition")
#: Countable things (units of the newsroom registry) that generated facts count.
THINGS: tuple[str, ...] = (
    "person", "call", "vehicle", "case", "offence", "dose", "vote", "patient", "accident",
    "death", "household", "student",
)
_LANGS = ("fa", "en")

#: A hypothesis profile for CI: the same examples on every run (a red build is reproducible
#: and not flaky), no per-example deadline (shared CI machines are slow at random), and the
#: failing example printed in full.  Load it with ``pytest --hypothesis-profile=factcheck-ci``
#: or ``settings.load_profile("factcheck-ci")``.
settings.register_profile("factcheck-ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
_HEDGES = tuple(Hedge)


# -- argument checks, in hypothesis' style: fail at once, naming the argument ------------

def _check_lang(lang: str | None, name: str = "lang") -> None:
    if lang is not None and lang not in _LANGS:
        raise InvalidArgument(f"{name}={lang!r} must be one of {_LANGS} or None")


def _check_subset(values: Iterable[str] | None, allowed: tuple[str, ...], name: str) -> tuple[str, ...]:
    if values is None:
        return allowed
    if isinstance(values, str):
        raise InvalidArgument(f"{name}={values!r} must be a collection of names, not a string")
    got = tuple(values)
    if not got:
        raise InvalidArgument(f"{name}={got!r} must name at least one of {allowed}")
    bad = [v for v in got if v not in allowed]
    if bad:
        raise InvalidArgument(f"{name}={got!r}: unknown {bad!r}; choose from {allowed}")
    return tuple(dict.fromkeys(got))


def _check_range(min_value: Any, max_value: Any, *, lowest: Fraction) -> tuple[Fraction, Fraction]:
    try:
        lo = Fraction(str(min_value)) if not isinstance(min_value, Fraction) else min_value
        hi = Fraction(str(max_value)) if not isinstance(max_value, Fraction) else max_value
    except (ValueError, ZeroDivisionError):
        raise InvalidArgument(f"min_value={min_value!r} and max_value={max_value!r} must be numbers") from None
    if lo < lowest:
        raise InvalidArgument(f"min_value={min_value!r} must be at least {lowest}")
    if hi < lo:
        raise InvalidArgument(f"max_value={max_value!r} must be at least min_value={min_value!r}")
    return lo, hi


def _check_size(min_size: int, max_size: int) -> None:
    if not isinstance(min_size, int) or min_size < 1:
        raise InvalidArgument(f"min_size={min_size!r} must be an integer >= 1")
    if not isinstance(max_size, int) or max_size < min_size:
        raise InvalidArgument(f"max_size={max_size!r} must be an integer >= min_size={min_size!r}")


# -- the reporter: writing a true value as a figure ---------------------------------------

@dataclass(frozen=True)
class Figure:
    """A figure as written: the exact value, its unit, and its text in a digit script."""

    value: Decimal
    unit: str
    text: str
    lang: str
    script: Script
    scale: int | None = None

    def claim(self, id: str = "q", **fields: Any) -> Claim:
        """This figure as an exact claim (hedge and precision may be given in ``fields``)."""
        return Claim(id=id, value=self.value, unit=self.unit, written=self.text, lang=self.lang,
                     scale=None if self.scale is None else Decimal(self.scale), **fields)


def _pow10(k: int) -> Fraction:
    return Fraction(10) ** k


def _magnitude(x: Fraction) -> int:
    """floor(log10(x)) for x > 0, exactly."""
    k = len(str(x.numerator)) - len(str(x.denominator))
    while _pow10(k) > x:
        k -= 1
    while _pow10(k + 1) <= x:
        k += 1
    return k


def _to_decimal(x: Fraction, k: int) -> Decimal:
    """A multiple of 10**k as a Decimal written to that many places (no float on the way)."""
    n = x / _pow10(k)
    assert n.denominator == 1
    d = Decimal(n.numerator).scaleb(k)
    if k < 0:
        # Trailing zeros after the point are dropped as a reporter would ("32.90" -> "32.9"):
        # a coarser reading of the rounding, so the claim stays truthful.
        d = d.normalize()
        if d == d.to_integral_value():
            d = d.quantize(Decimal(1))
    else:
        d = d.quantize(Decimal(1))
    return d


@dataclass(frozen=True)
class _Written:
    value: Decimal
    hedge: Hedge
    value_max: Decimal | None = None
    scale: int | None = None


@st.composite
def _writings(draw: st.DrawFn, truth: Fraction, hedges: tuple[Hedge, ...], places: int,
              scales: bool = True) -> _Written:
    """Round and hedge ``truth`` so that the claim's interval (docs/semantics.md) holds it."""
    if truth <= 0:
        raise ValueError(f"generated truths are positive (got {truth})")
    top = _magnitude(truth)
    # A rounding unit 10**k keeps at least one significant figure and at most five.
    k_lo = max(-places, top - 4)
    if k_lo > top:
        k_lo = top
    hedge = draw(st.sampled_from(hedges))
    k_hi = top
    if hedge is Hedge.nearly:
        # "nearly w" reads as w minus 10% at most: round up at two or more significant figures.
        k_hi = top - 1
        if k_hi < k_lo:
            hedge, k_hi = Hedge.about, top
    k = draw(st.integers(min_value=k_lo, max_value=k_hi).map(lambda i: k_hi - (i - k_lo)))
    unit = _pow10(k)
    q = truth / unit
    if hedge in (Hedge.exact, Hedge.about):
        w = Fraction(round(q)) * unit
        if w == 0:
            w = unit
    elif hedge in (Hedge.more_than, Hedge.at_least):
        w = Fraction(math.floor(q)) * unit
    elif hedge is Hedge.range:
        a = Fraction(math.floor(q)) * unit
        b = a + unit * draw(st.integers(min_value=1, max_value=3))
        return _Written(_to_decimal(a, k), hedge, _to_decimal(b, k))
    else:  # nearly, less_than, at_most: the figure is at or above the truth
        w = Fraction(math.ceil(q)) * unit
    value = _to_decimal(w, k)
    scale = None
    if scales and value >= 1000 and draw(st.booleans()):
        for mult in (10**9, 10**6, 10**3):
            if value >= mult and (value * 10) % mult == 0:
                scale = mult
                break
    return _Written(value, hedge, None, scale)


def _hedge_tuple(hedges: Iterable[Hedge | str] | None) -> tuple[Hedge, ...]:
    if hedges is None:
        return _HEDGES
    if isinstance(hedges, str):
        raise InvalidArgument(f"hedges={hedges!r} must be a collection of hedges, not a string")
    out = []
    for h in hedges:
        try:
            out.append(Hedge(h))
        except ValueError:
            raise InvalidArgument(f"hedges: unknown hedge {h!r}; choose from "
                                  f"{[x.value for x in Hedge]}") from None
    if not out:
        raise InvalidArgument("hedges must name at least one hedge")
    return tuple(dict.fromkeys(out))


def _check_scripts(scripts: Iterable[str] | None) -> tuple[Script, ...]:
    return _check_subset(scripts, SCRIPTS, "scripts")  # type: ignore[return-value]


def _fraction(x: Any, name: str) -> Fraction:
    try:
        return Fraction(str(x)) if not isinstance(x, Fraction) else x
    except (ValueError, ZeroDivisionError):
        raise InvalidArgument(f"{name}={x!r} must be a number") from None


def quantities(*, min_value: int | float | Decimal | Fraction = 1,
               max_value: int | float | Decimal | Fraction = 10**9, places: int = 2,
               units: Collection[str] | None = None, lang: str | None = None,
               scripts: Collection[str] | None = None) -> st.SearchStrategy[Figure]:
    """Figures as written: a value with up to ``places`` decimals, a unit, and its text.

    The text uses thousands separators, a scale word ("680 thousand", «۶۸۰ هزار») where
    the value is round, and the digits of one of ``scripts`` ("ascii", "persian",
    "arabic").  Shrinks towards small whole numbers in ASCII digits.

    >>> from hypothesis import given
    >>> @given(quantities(max_value=10**6, units=["call"], scripts=["persian"]))
    ... def test(fig):
    ...     from factcheck.numbers import normalize_digits
    ...     assert fig.text[0] in "۰۱۲۳۴۵۶۷۸۹"
    >>> test()
    """
    lo, hi = _check_range(min_value, max_value, lowest=Fraction(0))
    if not isinstance(places, int) or not 0 <= places <= 6:
        raise InvalidArgument(f"places={places!r} must be an integer from 0 to 6")
    _check_lang(lang)
    unit_list = _check_units(units)
    script_list = _check_scripts(scripts)
    step = _pow10(-places)
    n_lo, n_hi = math.ceil(lo / step), math.floor(hi / step)
    if n_hi < n_lo:
        raise InvalidArgument(f"no value with {places} places lies in [{min_value}, {max_value}]")

    @st.composite
    def figures(draw: st.DrawFn) -> Figure:
        n = draw(st.integers(min_value=n_lo, max_value=n_hi))
        k = -places
        while k < 0 and n % 10 == 0:
            n //= 10
            k += 1
        value = _to_decimal(Fraction(n) * _pow10(k), k)
        language = lang or draw(st.sampled_from(_LANGS))
        script = draw(st.sampled_from(script_list))
        w = draw(_maybe_scale(value))
        return Figure(value, draw(st.sampled_from(unit_list)),
                      written_number(value, lang=language, script=script, scale=w), language, script, w)

    return figures()


@st.composite
def _maybe_scale(draw: st.DrawFn, value: Decimal) -> int | None:
    if value < 1000 or not draw(st.booleans()):
        return None
    for mult in (10**9, 10**6, 10**3):
        if value >= mult and (value * 10) % mult == 0:
            return mult
    return None


def _check_units(units: Collection[str] | None) -> tuple[str, ...]:
    if units is None:
        return THINGS
    if isinstance(units, str):
        raise InvalidArgument(f"units={units!r} must be a collection of unit names, not a string")
    from .errors import UnitError
    from .units import canonical

    got = tuple(units)
    if not got:
        raise InvalidArgument("units must name at least one unit")
    for u in got:
        try:
            canonical(u)
        except UnitError as exc:
            raise InvalidArgument(f"units: {exc}") from None
    return got


def hedged_claims(*, true_value: int | float | Decimal | Fraction | None = None,
                  min_value: int | float | Decimal | Fraction = 1,
                  max_value: int | float | Decimal | Fraction = 10**9,
                  hedges: Collection[Hedge | str] | None = None, units: Collection[str] | None = None,
                  places: int = 2, lang: str | None = None,
                  scripts: Collection[str] | None = None) -> st.SearchStrategy[Claim]:
    """Claims a careful reporter could write about a true value: rounded, hedged, scaled.

    Each claim's interval under the default policy holds its true value: ``true_value``
    if given, else a value drawn from ``[min_value, max_value]`` (kept in the claim's
    ``subject.text`` as ``truth=...``).  "nearly" rounds up at two or more significant
    figures, "more than" rounds down, a range brackets the value; decimals are used up to
    ``places``.  ``written`` holds the figure in one of ``scripts``.

    >>> from hypothesis import given
    >>> from factcheck.semantics import claim_interval
    >>> @given(hedged_claims(true_value=41549))
    ... def test(claim):
    ...     lo, hi = claim_interval(claim)
    ...     assert lo <= 41549 <= hi
    >>> test()
    """
    hedge_list = _hedge_tuple(hedges)
    unit_list = _check_units(units)
    script_list = _check_scripts(scripts)
    _check_lang(lang)
    if not isinstance(places, int) or not 0 <= places <= 6:
        raise InvalidArgument(f"places={places!r} must be an integer from 0 to 6")
    if true_value is not None:
        t = _fraction(true_value, "true_value")
        if t <= 0:
            raise InvalidArgument(f"true_value={true_value!r} must be > 0")
        truths: st.SearchStrategy[Fraction] = st.just(t)
    else:
        lo, hi = _check_range(min_value, max_value, lowest=Fraction(0))
        if hi <= 0:
            raise InvalidArgument(f"max_value={max_value!r} must be > 0")
        step = _pow10(-places)
        n_lo, n_hi = max(1, math.ceil(lo / step)), math.floor(hi / step)
        if n_hi < n_lo:
            raise InvalidArgument(f"no value with {places} places lies in [{min_value}, {max_value}]")
        truths = st.integers(min_value=n_lo, max_value=n_hi).map(lambda n: Fraction(n) * step)

    @st.composite
    def claims(draw: st.DrawFn) -> Claim:
        truth = draw(truths)
        language = lang or draw(st.sampled_from(_LANGS))
        script = draw(st.sampled_from(script_list))
        w = draw(_writings(truth, hedge_list, places))
        claim = _claim("q", w, draw(st.sampled_from(unit_list)), language, script)
        return claim.model_copy(update={"subject": _truth_subject(truth)})

    return claims()


def _truth_subject(truth: Fraction) -> Any:
    from .model import Subject

    return Subject(text=f"truth={truth}")


_EN_HEDGE = {
    Hedge.exact: "", Hedge.about: "about ", Hedge.nearly: "nearly ", Hedge.more_than: "more than ",
    Hedge.at_least: "at least ", Hedge.less_than: "less than ", Hedge.at_most: "at most ",
}
_FA_HEDGE = {
    Hedge.exact: "", Hedge.about: "حدود ", Hedge.nearly: "نزدیک به ", Hedge.more_than: "بیش از ",
    Hedge.at_least: "دست‌کم ", Hedge.less_than: "کمتر از ", Hedge.at_most: "حداکثر ",
}


def _written_text(w: _Written, lang: str, script: Script) -> str:
    num = written_number(w.value, lang=lang, script=script, scale=w.scale)
    if w.hedge is Hedge.range:
        assert w.value_max is not None
        top = written_number(w.value_max, lang=lang, script=script)
        return f"بین {num} تا {top}" if lang == "fa" else f"between {num} and {top}"
    return (_FA_HEDGE if lang == "fa" else _EN_HEDGE)[w.hedge] + num


def _claim(cid: str, w: _Written, unit: str, lang: str, script: Script, **fields: Any) -> Claim:
    value: Any = w.value
    if script != "ascii":
        from ._wording import digits

        value = digits(f"{w.value:f}", script)  # the model reads Persian digits as written
    return Claim(id=cid, value=value, value_max=w.value_max, unit=unit, hedge=w.hedge,
                 scale=None if w.scale is None else Decimal(w.scale),
                 written=_written_text(w, lang, script), lang=lang, **fields)


# -- generated documents --------------------------------------------------------------------

@dataclass(frozen=True)
class ExpectedFinding:
    """The finding a planted error must produce: on ``rule``, with one of ``codes``."""

    rule: str
    codes: frozenset[str]
    claim: str
    error: str
    description: str

    def matches(self, report: Report) -> bool:
        """True if ``report`` has an inconsistent finding on ``rule`` with an expected code."""
        return any(f.rule == self.rule and f.code in self.codes for f in report.inconsistent())


@dataclass(frozen=True)
class GeneratedDocument:
    """A generated world: claims about it, the rules relating them, and every true value.

    ``truth`` maps each claim id to its true value in the unit of the claim as truthfully
    written (a planted error may change the unit: see :class:`InconsistentDocument`).
    """

    lang: str
    claims: tuple[Claim, ...]
    rules: tuple[RuleBase, ...]
    truth: Mapping[str, Fraction]
    kinds: tuple[str, ...]
    title: str = "generated"

    def claimset(self) -> ClaimSet:
        """The claims and rules as a :class:`~factcheck.files.ClaimSet`, ready to evaluate."""
        from .files import ClaimSet
        from .model import Document

        cs = ClaimSet()
        cs.documents["doc"] = Document(id="doc", lang=self.lang, title=self.title)
        for c in self.claims:
            cs.claims[c.id] = c
        for r in self.rules:
            cs.rules[r.id] = r
        return cs

    def check(self, policy: Policy | None = None) -> Report:
        """Evaluate the document with factcheck."""
        from .pipeline import check_claimset
        from .semantics import DEFAULT_POLICY

        return check_claimset(self.claimset(), policy or DEFAULT_POLICY, [f"<{self.title}>"])

    def to_data(self) -> dict[str, Any]:
        """The document as the data of a claim file (``schema``, ``document``, ``claims``, ``rules``)."""
        def dump(m: Any) -> dict[str, Any]:
            d: dict[str, Any] = m.model_dump(mode="json", exclude_defaults=True)
            return d

        return {
            "schema": "factcheck-claims/1",
            "document": {"id": "doc", "lang": self.lang, "title": self.title},
            "claims": [dump(c) for c in self.claims],
            "rules": [dump(r) for r in self.rules],
        }

    def to_yaml(self) -> str:
        """The document as the text of a claim file that ``factcheck check`` reads."""
        import yaml

        text: str = yaml.safe_dump(self.to_data(), allow_unicode=True, sort_keys=False, width=1000)
        return text

    def with_claims(self, claims: Iterable[Claim]) -> GeneratedDocument:
        """The same document with some claims replaced (matched by id)."""
        new = {c.id: c for c in claims}
        return replace(self, claims=tuple(new.get(c.id, c) for c in self.claims))


@dataclass(frozen=True)
class InconsistentDocument(GeneratedDocument):
    """A generated document with one planted error and the finding it must produce."""

    expected: ExpectedFinding | None = None
    #: The planted claim as it was truthfully written before the error was planted.
    original: Claim | None = None

    @property
    def planted(self) -> ExpectedFinding:
        assert self.expected is not None
        return self.expected


@dataclass
class _World:
    """A world under construction: claims, rules and the truth behind each claim."""

    draw: st.DrawFn
    lang: str
    scripts: tuple[Script, ...]
    hedges: tuple[Hedge, ...]
    claims: dict[str, Claim] = field(default_factory=dict)
    rules: list[dict[str, Any]] = field(default_factory=list)
    truth: dict[str, Fraction] = field(default_factory=dict)
    counts: list[str] = field(default_factory=list)  # claim ids of plain counts, usable as anchors
    prefix: str = "a"
    n: int = 0
    #: Facts to be rendered as prose: one rate per total, day and hour rates, durations
    #: (not date ranges), percentages rather than factors, and things with distinct nouns.
    article: bool = False

    def cid(self, stem: str) -> str:
        self.n += 1
        return f"{self.prefix}_{stem}{self.n}"

    def say(self, stem: str, truth: Fraction, unit: str, *, hedges: tuple[Hedge, ...] | None = None,
            places: int = 0, anchor: bool = False, **fields: Any) -> str:
        """Write a claim about ``truth`` as a reporter would; return its id."""
        cid = self.cid(stem)
        w = self.draw(_writings(truth, hedges or self.hedges, places))
        script = self.draw(st.sampled_from(self.scripts))
        self.claims[cid] = _claim(cid, w, unit, self.lang, script, **fields)
        self.truth[cid] = truth
        if anchor and truth.denominator == 1:
            self.counts.append(cid)
        return cid

    def rule(self, kind: str, **fields: Any) -> str:
        rid = f"{self.prefix}_r{len(self.rules) + 1}_{kind}"
        self.rules.append({"id": rid, "kind": kind, **fields})
        return rid

    def count_truth(self, *, min_value: int = 10, max_value: int = 10**7) -> tuple[Fraction, str | None]:
        """A count to build on: an existing count claim (linking facts into chains) or a new one."""
        usable = [c for c in self.counts if min_value <= self.truth[c] <= max_value]
        reuse: bool = bool(usable) and self.draw(st.booleans())
        if reuse:
            c = self.draw(st.sampled_from(usable))
            return self.truth[c], c
        return Fraction(self.draw(st.integers(min_value=min_value, max_value=max_value))), None

    def thing(self) -> str:
        from ._wording import NOUNS

        return self.draw(st.sampled_from(sorted(NOUNS) if self.article else THINGS))

    def time_units(self) -> list[str]:
        return ["day", "hour"] if self.article else list(_TIME_UNITS)


def _split(draw: st.DrawFn, total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` positive whole numbers."""
    weights = [draw(st.integers(min_value=1, max_value=20)) for _ in range(parts)]
    s = sum(weights)
    out = [max(1, total * w // s) for w in weights]
    out[-1] = total - sum(out[:-1])
    if out[-1] < 1:
        out = [1] * (parts - 1) + [total - (parts - 1)]
    return out


def _fact_sum(w: _World) -> None:
    total, anchor = w.count_truth(min_value=20)
    n = w.draw(st.integers(min_value=2, max_value=4))
    vehicles = w.draw(st.booleans()) and anchor is None and not w.article
    thing = "vehicle" if vehicles else (w.claims[anchor].unit if anchor else w.thing())
    parts = _split(w.draw, int(total), n)
    whole = anchor or w.say("total", total, thing, anchor=True)
    remainder = w.draw(st.booleans())
    stated = parts[:-1] if remainder else parts
    units = ["car", "motorcycle", "vehicle", "vehicle"] if vehicles else [thing] * n
    ids = [w.say("part", Fraction(p), units[i], anchor=True) for i, p in enumerate(stated)]
    w.rule("sum", whole=whole, parts=ids, remainder=remainder)


def _fact_part_of(w: _World) -> None:
    total, anchor = w.count_truth(min_value=2)
    share = w.draw(st.integers(min_value=1, max_value=100))
    part = max(1, int(total) * share // 100)
    whole = anchor or w.say("whole", total, w.thing(), anchor=True)
    pid = w.say("part", Fraction(part), w.claims[whole].unit)
    w.rule("part_of", part=pid, whole=whole)


_TIME_UNITS = {"hour": Fraction(1, 24), "day": Fraction(1), "week": Fraction(7)}


@st.composite
def _periods(draw: st.DrawFn, lang: str, dates: bool = True) -> tuple[Period, Fraction]:
    """A period as written with its true length in days (a real run of calendar months)."""
    from .periods import _GREGORIAN, _PERSIAN

    form = draw(st.sampled_from(["month", "day", "week", "year", *(["dates"] if dates else [])]))
    if form == "day":
        n = draw(st.integers(min_value=1, max_value=60))
        return Period(duration=f"{n} day", text=f"{n} days"), Fraction(n)
    if form == "week":
        n = draw(st.integers(min_value=1, max_value=10))
        return Period(duration=f"{n} week", text=f"{n} weeks"), Fraction(7 * n)
    if form == "dates":
        start = draw(st.dates(min_value=_dt.date(2000, 1, 1), max_value=_dt.date(2030, 12, 31)))
        length = draw(st.integers(min_value=1, max_value=400))
        end = start + _dt.timedelta(days=length - 1)
        return Period(start=start, end=end, text=f"{start} to {end}"), Fraction(length)
    n = 12 if form == "year" else draw(st.integers(min_value=1, max_value=12))
    table = _PERSIAN if lang == "fa" else _GREGORIAN
    first = draw(st.integers(min_value=0, max_value=11))
    leap_first, leap_second = draw(st.booleans()), draw(st.booleans())
    months = list(table[leap_first]) + list(table[leap_second])
    days = sum(months[first:first + n])
    dur = "1 year" if form == "year" else f"{n} month"
    return Period(duration=dur, text=dur + ("" if n == 1 else "s")), Fraction(days)


def _fact_rate(w: _World) -> None:
    thing = w.thing()
    per_day = Fraction(w.draw(st.integers(min_value=1, max_value=10**5)),
                       w.draw(st.sampled_from([1, 1, 10, 24, 100])))
    if w.draw(st.integers(min_value=0, max_value=3)) == 0:
        # Two rates of one thing in different time units: "3,000 a day", "125 an hour".
        a, b = w.draw(st.permutations(w.time_units()))[:2]
        total = w.say("rate", per_day * _TIME_UNITS[a], f"{thing} / {a}", places=1)
        rid = w.say("rate", per_day * _TIME_UNITS[b], f"{thing} / {b}", places=1)
        w.rule("rate", total=total, rate=[rid])
        return
    period, days = w.draw(_periods(w.lang, dates=not w.article))
    n_rates = 1 if w.article else w.draw(st.integers(min_value=1, max_value=2))
    terms: list[Any] = []
    combined = Fraction(0)
    for i in range(n_rates):
        times = 1 if i == 0 else w.draw(st.integers(min_value=1, max_value=3))
        share = per_day if i == 0 else per_day * w.draw(st.integers(min_value=1, max_value=9)) / 10
        unit = w.draw(st.sampled_from(w.time_units()))
        rid = w.say("rate", share * _TIME_UNITS[unit], f"{thing} / {unit}", places=1)
        terms.append(rid if times == 1 else {"claim": rid, "times": times})
        combined += share * times
    total = w.say("total", combined * days, thing, period=period, anchor=True)
    w.rule("rate", total=total, rate=terms)


def _fact_percent_of(w: _World) -> None:
    total, anchor = w.count_truth(min_value=10)
    part = Fraction(w.draw(st.integers(min_value=1, max_value=int(total))))
    whole = anchor or w.say("whole", total, w.thing(), anchor=True)
    pid = w.say("part", part, w.claims[whole].unit, anchor=True)
    share = w.say("share", part / total * 100, "percent", places=2)
    w.rule("percent_of", share=share, part=pid, whole=whole)


def _fact_percent_change(w: _World) -> None:
    old, anchor = w.count_truth(min_value=10)
    new = Fraction(w.draw(st.integers(min_value=1, max_value=int(old) * 3)))
    if new == old:
        new += 1
    thing = w.claims[anchor].unit if anchor else w.thing()
    oid = anchor or w.say("old", old, thing, anchor=True)
    nid = w.say("new", new, thing, anchor=True)
    if new >= 2 * old and not w.article and w.draw(st.booleans()):
        # "more than doubled": a factor, not a percentage.
        k = math.floor(new / old)
        fid = w.say("factor", Fraction(k), "times", hedges=(Hedge.at_least,))
        w.rule("percent_change", old=oid, new=nid, factor=fid)
        return
    change = abs(new - old) / old * 100
    cid = w.say("change", change, "percent", places=1)
    w.rule("percent_change", old=oid, new=nid, change=cid,
           direction="increase" if new > old else "decrease")


def _fact_percentage_points(w: _World) -> None:
    base = w.draw(st.integers(min_value=10, max_value=10**6))
    a = Fraction(w.draw(st.integers(min_value=1, max_value=base - 1)), base) * 100
    b = Fraction(w.draw(st.integers(min_value=1, max_value=base - 1)), base) * 100
    if a == b:
        return
    old = w.say("share", a, "percent", places=1)
    new = w.say("share", b, "percent", places=1)
    ch = w.say("points", abs(b - a), "percentage_point", places=1)
    w.rule("percentage_points", old=old, new=new, change=ch, direction="increase" if b > a else "decrease")


def _fact_percent_total(w: _World) -> None:
    total = w.draw(st.integers(min_value=10, max_value=10**6))
    n = w.draw(st.integers(min_value=2, max_value=5))
    parts = _split(w.draw, total, n)
    exhaustive = w.draw(st.booleans())
    stated = parts if exhaustive else parts[:-1]
    ids = [w.say("share", Fraction(p, total) * 100, "percent", places=1) for p in stated]
    w.rule("percent_total", shares=ids, exhaustive=exhaustive)


_FRACTIONS = {"half": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10}


def _fact_ratio(w: _World) -> None:
    word, q = w.draw(st.sampled_from(sorted(_FRACTIONS.items())))
    den, anchor = w.count_truth(min_value=1000)
    # "about a third": within 5% of a third, so that the 10% of "about" covers it.
    num = Fraction(round(den / q * (1 + Fraction(w.draw(st.integers(min_value=-4, max_value=4)), 100))))
    did = anchor or w.say("whole", den, w.thing(), anchor=True)
    nid = w.say("part", num, w.claims[did].unit, anchor=True)
    cid = w.cid("ratio")
    w.claims[cid] = Claim(id=cid, value=Decimal(1), unit=word, hedge=Hedge.about, precision=Decimal("0.01"),
                          written=("حدود یک " if w.lang == "fa" else "about a ") + word, lang=w.lang)
    w.truth[cid] = num / den * q
    w.rule("ratio", numerator=nid, denominator=did, ratio=cid)


def _fact_average(w: _World) -> None:
    n = w.draw(st.integers(min_value=2, max_value=200))
    total = Fraction(w.draw(st.integers(min_value=n, max_value=10**6)))
    thing = w.thing()
    tid = w.say("total", total, thing, anchor=True)
    if w.draw(st.booleans()):
        # "1,200 patients in 12 counties, 100 per county": the count is a claim of its own.
        mid = w.say("mean", total / n, f"{thing} / county", places=1)
        nid = w.say("groups", Fraction(n), "county", hedges=(Hedge.exact,))
        w.rule("average", mean=mid, total=tid, count=nid)
    else:
        mid = w.say("mean", total / n, thing, places=1)
        w.rule("average", mean=mid, total=tid, n=n)


def _fact_repeat(w: _World) -> None:
    value, anchor = w.count_truth(min_value=1)
    first = anchor or w.say("figure", value, w.thing(), anchor=True)
    again = w.say("again", value, w.claims[first].unit)
    w.rule("repeat", claims=[first, again])


def _fact_compare(w: _World) -> None:
    thing = w.thing()
    b = Fraction(w.draw(st.integers(min_value=1, max_value=10**5)))
    k = w.draw(st.sampled_from([1, 2, 3, 10]))
    a = b * k * (1 + Fraction(w.draw(st.integers(min_value=1, max_value=200)), 100))
    aid = w.say("more", a, thing)
    bid = w.say("less", b, thing)
    w.rule("compare", a=aid, op=">", b=bid, **({"factor": k} if k != 1 else {}))


_ITEMS = ("order", "security", "calm", "discipline", "values", "health", "trust", "safety", "care")


def _fact_count(w: _World) -> None:
    n = w.draw(st.integers(min_value=2 if w.article else 1, max_value=len(_ITEMS)))
    items = list(_ITEMS[:n])
    cid = w.say("count", Fraction(n), "pillar", hedges=(Hedge.exact,))
    w.rule("count", claim=cid, items=items)


_FACTS: dict[str, Callable[[_World], None]] = {
    "sum": _fact_sum, "part_of": _fact_part_of, "rate": _fact_rate, "percent_of": _fact_percent_of,
    "percent_change": _fact_percent_change, "percentage_points": _fact_percentage_points,
    "percent_total": _fact_percent_total, "ratio": _fact_ratio, "average": _fact_average,
    "repeat": _fact_repeat, "compare": _fact_compare, "count": _fact_count,
}


def _document(w: _World, kinds: tuple[str, ...], cls: type[GeneratedDocument] = GeneratedDocument,
              **extra: Any) -> Any:
    from .files import rule_adapter

    adapter = rule_adapter()
    rules = tuple(adapter.validate_python(r) for r in w.rules)
    return cls(lang=w.lang, claims=tuple(w.claims.values()), rules=rules, truth=dict(w.truth),
               kinds=kinds, **extra)


@st.composite
def _worlds(draw: st.DrawFn, lang: str | None, kinds: tuple[str, ...], scripts: tuple[Script, ...],
            hedges: tuple[Hedge, ...], min_size: int, max_size: int, first: str | None = None,
            article: bool = False) -> _World:
    language = lang or draw(st.sampled_from(_LANGS))
    w = _World(draw, language, scripts, hedges, article=article)
    chosen = draw(st.lists(st.sampled_from(kinds), min_size=min_size, max_size=max_size))
    if first is not None:
        chosen = [first, *chosen[1:]] if chosen else [first]
    for kind in chosen:
        _FACTS[kind](w)
    return w


def consistent_documents(*, lang: str | None = None, kinds: Collection[str] | None = None,
                         hedges: Collection[Hedge | str] | None = None,
                         scripts: Collection[str] | None = None,
                         min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[GeneratedDocument]:
    """Documents describing a true world truthfully, with the rules relating their claims.

    A world holds ``min_size`` to ``max_size`` facts of the given ``kinds`` (default: all
    of :data:`KINDS`); later facts often build on earlier counts, so rules form chains.
    Each figure is rounded and hedged as a reporter would write it, in Persian
    (``lang="fa"``, Persian calendar) or English (Gregorian calendar).  factcheck must find
    nothing inconsistent in any of them.  Shrinks towards one sum of a few exact counts.

    >>> from hypothesis import given
    >>> @given(consistent_documents(lang="fa", kinds=["rate", "percent_of"]))
    ... def test(doc):
    ...     assert doc.check().inconsistent() == []
    >>> test()
    """
    _check_lang(lang)
    kind_list = _check_subset(kinds, KINDS, "kinds")
    hedge_list = _hedge_tuple(hedges)
    script_list = _check_scripts(scripts)
    _check_size(min_size, max_size)
    @st.composite
    def documents(draw: st.DrawFn) -> GeneratedDocument:
        w = draw(_worlds(lang, kind_list, script_list, hedge_list, min_size, max_size))
        doc: GeneratedDocument = _document(w, tuple(dict.fromkeys(r["kind"] for r in w.rules)))
        return doc

    return documents()


# -- planted errors -----------------------------------------------------------------------

def _stated(claim: Claim) -> tuple[Any, Any]:
    """A claim's interval in canonical units (the documented semantics, default policy)."""
    from .semantics import canonical_interval

    return canonical_interval(claim)


def _exact(cid: str, value: int, unit: str, base: Claim, *, places: int = 0) -> Claim:
    """An unhedged figure written to its last digit (precision one unit of its last place)."""
    d = Decimal(value).scaleb(-places) if places else Decimal(value)
    return Claim(id=cid, value=d, unit=unit, precision=Decimal(1).scaleb(-places), lang=base.lang,
                 written=f"{d:,f}", period=base.period, source=base.source)


def _outside(draw: st.DrawFn, lo: Any, hi: Any, *, floor: Fraction, ceiling: Fraction | None,
             places: int = 0, up: bool = True) -> tuple[int, str] | None:
    """A whole number of ``10**-places`` units whose ±half-unit interval misses ``[lo, hi]``."""
    step = _pow10(-places)
    options = []
    if hi != math.inf and up:
        above = math.floor(Fraction(hi) * (1 + Fraction(draw(st.integers(min_value=1, max_value=100)), 100))
                           / step) + 2
        if ceiling is None or above * step <= ceiling:
            options.append((above, "up"))
    if lo > floor + 2 * step:
        below = math.ceil(Fraction(lo) * (1 - Fraction(draw(st.integers(min_value=1, max_value=90)), 100))
                          / step) - 2
        if below * step > floor:
            options.append((below, "down"))
    if not options:
        return None
    value, way = draw(st.sampled_from(options))
    if value % 10 == 0:
        # Written to its last digit: a trailing zero would read as rounding to tens.
        value += 1 if way == "up" else -1
    return value, way


def _plant_wrong_total(draw: st.DrawFn, w: _World) -> ExpectedFinding | None:
    rule = next(r for r in w.rules if r["kind"] == "sum")
    parts = [_stated(w.claims[p]) for p in rule["parts"]]
    lo = sum(p[0] for p in parts)
    hi = math.inf if rule["remainder"] else sum(p[1] for p in parts)
    whole = w.claims[rule["whole"]]
    # In prose, "32 recorded, of which 10 ... and 10 ..." does not say the parts are all of
    # it, so a total above its parts is no clear error there: articles plant totals below.
    got = _outside(draw, lo, hi, floor=Fraction(0), ceiling=None, up=not w.article)
    if got is None:
        return None
    value, way = got
    w.claims[whole.id] = _exact(whole.id, value, whole.unit, whole)
    what = "more" if way == "up" else "less"
    return ExpectedFinding(rule["id"], frozenset({"FC102" if way == "up" else "FC101"}), whole.id,
                           "wrong_total", f"the total {value:,} is {what} than its parts allow")


def _plant_transposition(draw: st.DrawFn, w: _World) -> ExpectedFinding | None:
    rule = next(r for r in w.rules if r["kind"] == "sum")
    if rule["remainder"]:
        return None
    # The figures are restated to their last digit, as a table would give them; then any
    # swap of two different digits moves the total by at least 9.
    for pid in rule["parts"]:
        c = w.claims[pid]
        w.claims[pid] = _exact(pid, int(w.truth[pid]), c.unit, c)
    whole = w.claims[rule["whole"]]
    digits = str(int(w.truth[whole.id]))
    spots = [i for i in range(len(digits) - 1)
             if digits[i] != digits[i + 1] and not (i == 0 and digits[1] == "0")]
    if not spots:
        return None
    i = draw(st.sampled_from(spots))
    swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:]
    w.claims[whole.id] = _exact(whole.id, int(swapped), whole.unit, whole)
    way = int(swapped) > int(digits)
    return ExpectedFinding(rule["id"], frozenset({"FC102" if way else "FC101"}), whole.id, "transposition",
                           f"the total {int(digits):,} was written {int(swapped):,}")


def _plant_misconverted_rate(draw: st.DrawFn, w: _World) -> ExpectedFinding | None:
    rule = next(r for r in w.rules if r["kind"] == "rate")
    first = rule["rate"][0]
    rid = first if isinstance(first, str) else first["claim"]
    c = w.claims[rid]
    thing, _, per = c.unit.partition(" / ")
    wrong = draw(st.sampled_from([u for u in w.time_units() if u != per]))
    moved = c.model_copy(update={"unit": f"{thing} / {wrong}"})
    # The rate kind compares the total with (rates) × period; recompute that with the moved
    # rate, independently of the evaluator, and keep the plant only if it is out of reach.
    return _check_plant(w, rule, rid, moved, "misconverted_rate",
                        f"{c.written} per {per} was given per {wrong}", {"FC111", "FC112"})


def _plant_share_mismatch(draw: st.DrawFn, w: _World) -> ExpectedFinding | None:
    rule = next(r for r in w.rules if r["kind"] == "percent_of")
    plo, phi = _stated(w.claims[rule["part"]])
    wlo, whi = _stated(w.claims[rule["whole"]])
    lo = Fraction(plo) / Fraction(whi) * 100 if whi != math.inf else Fraction(0)
    hi = math.inf if wlo == 0 or phi == math.inf else Fraction(phi) / Fraction(wlo) * 100
    got = _outside(draw, lo, hi, floor=Fraction(0), ceiling=Fraction(100), places=1)
    if got is None:
        return None
    value, _way = got
    share = w.claims[rule["share"]]
    w.claims[share.id] = _exact(share.id, value, "percent", share, places=1)
    return ExpectedFinding(rule["id"], frozenset({"FC121"}), share.id, "share_mismatch",
                           f"the share {Decimal(value).scaleb(-1)}% does not match part / whole")


def _check_plant(w: _World, rule: dict[str, Any], cid: str, moved: Claim, error: str, description: str,
                 codes: set[str]) -> ExpectedFinding | None:
    """Keep a plant only when exact interval arithmetic shows the rule cannot hold with it."""
    from .files import ClaimSet, rule_adapter
    from .semantics import DEFAULT_POLICY

    cs = ClaimSet()
    cs.claims = dict(w.claims)
    cs.claims[cid] = moved
    r = rule_adapter().validate_python(rule)
    cs.rules = {r.id: r}
    need = _rate_need(cs, r, DEFAULT_POLICY)
    if need is None:
        return None
    tlo, thi = _stated(cs.claims[r.total])
    nlo, nhi = need
    if nlo > thi:
        code = "FC111"
    elif nhi < tlo:
        code = "FC112"
    else:
        return None
    w.claims[cid] = moved
    return ExpectedFinding(rule["id"], frozenset({code} & codes), cid, error, description)


def _rate_need(cs: ClaimSet, rule: Any, policy: Policy) -> tuple[Fraction, Any] | None:
    """What a rate rule needs its total to be (canonical units), from its rates and period."""
    from .periods import days_between, duration_days

    lo, hi = Fraction(0), Fraction(0)
    hi_: Fraction | float = hi
    for t in rule.rate:
        a, b = _stated(cs.claims[t.claim])
        lo += Fraction(a) * Fraction(t.times)
        hi_ = math.inf if b == math.inf or hi_ == math.inf else hi_ + Fraction(b) * Fraction(t.times)
    total = cs.claims[rule.total]
    if "/" in total.unit:
        return lo, hi_
    p = total.period
    if p is None:
        return None
    cal = policy.calendar(total.lang)
    if p.duration:
        dlo, dhi = duration_days(p.duration, cal)
    else:
        assert p.start is not None and p.end is not None
        dlo = dhi = days_between(p.start, p.end)
    return lo * dlo * 86400, (hi_ * dhi * 86400 if hi_ != math.inf else math.inf)


_PLANTS: dict[str, tuple[str, Callable[[st.DrawFn, _World], ExpectedFinding | None]]] = {
    "wrong_total": ("sum", _plant_wrong_total),
    "transposition": ("sum", _plant_transposition),
    "misconverted_rate": ("rate", _plant_misconverted_rate),
    "share_mismatch": ("percent_of", _plant_share_mismatch),
}


def inconsistent_documents(*, lang: str | None = None, errors: Collection[str] | None = None,
                           kinds: Collection[str] | None = None,
                           hedges: Collection[Hedge | str] | None = None,
                           scripts: Collection[str] | None = None,
                           min_size: int = 1, max_size: int = 3) -> st.SearchStrategy[InconsistentDocument]:
    """Documents like :func:`consistent_documents` with one planted error of ``errors``.

    Errors: ``wrong_total`` (a total outside what its parts allow), ``transposition``
    (two adjacent digits of a total swapped), ``misconverted_rate`` (a rate per day given
    per hour or per week), ``share_mismatch`` (a percentage that is not part / whole).
    ``doc.expected`` names the rule, the planted claim and the codes of the finding that
    must be reported; every inconsistent finding involves the planted claim.

    >>> from hypothesis import given
    >>> @given(inconsistent_documents(errors=["transposition"]))
    ... def test(doc):
    ...     assert doc.expected.matches(doc.check())
    >>> test()
    """
    _check_lang(lang)
    error_list = _check_subset(errors, ERRORS, "errors")
    kind_list = _check_subset(kinds, KINDS, "kinds")
    hedge_list = _hedge_tuple(hedges)
    script_list = _check_scripts(scripts)
    _check_size(min_size, max_size)

    @st.composite
    def documents(draw: st.DrawFn) -> InconsistentDocument:
        error = draw(st.sampled_from(error_list))
        kind, plant = _PLANTS[error]
        w = draw(_worlds(lang, kind_list, script_list, hedge_list, min_size, max_size, first=kind))
        before = dict(w.claims)
        expected = plant(draw, w)
        if expected is None:
            from hypothesis import reject

            reject()
        kinds_used = tuple(dict.fromkeys(r["kind"] for r in w.rules))
        doc: InconsistentDocument = _document(w, kinds_used, InconsistentDocument, expected=expected,
                                              original=before[expected.claim])
        return doc

    return documents()


# -- articles: a world rendered as prose ------------------------------------------------------

#: Kinds of fact :func:`articles` renders as sentences.
ARTICLE_KINDS: tuple[str, ...] = (
    "sum", "part_of", "rate", "percent_of", "percent_change", "percentage_points", "percent_total",
    "repeat", "count",
)
_ARTICLE_HEDGES = (Hedge.exact, Hedge.about, Hedge.nearly, Hedge.more_than, Hedge.at_least,
                   Hedge.less_than, Hedge.at_most)


@dataclass(frozen=True)
class ExpectedClaim:
    """A figure in an article: where its words are and the claim an extractor must read there."""

    span: tuple[int, int]
    quote: str
    claim: Claim


@dataclass(frozen=True)
class Article:
    """A generated world as article text, with the figures and relations it states.

    ``document`` holds the claims (each with the ``source.span`` of its first mention) and
    the rules relating them; ``expected`` lists each mention of a figure in ``text`` (a
    figure two rules share is written twice) with the claim extraction must produce there;
    ``planted`` is set when one figure carries a planted error.
    """

    lang: str
    text: str
    document: GeneratedDocument
    expected: tuple[ExpectedClaim, ...]
    planted: ExpectedFinding | None = None

    @property
    def relations(self) -> tuple[RuleBase, ...]:
        return self.document.rules

    def write(self, directory: str | Any, name: str = "article") -> Any:
        """Write the text to ``directory/name.<lang>.txt`` and return the path."""
        from pathlib import Path

        path = Path(directory) / f"{name}.{self.lang}.txt"
        path.write_text(self.text, encoding="utf-8")
        return path


_EN_ORDINAL_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
                     8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
_FA_ITEMS = ("نظم", "امنیت", "آرامش", "انضباط", "ارزش‌ها", "سلامت", "اعتماد", "ایمنی", "مراقبت")
_PLACES = {
    "en": ("in the capital", "in the provinces", "in the north", "in the south"),
    "fa": ("در پایتخت", "در استان‌ها", "در شمال", "در جنوب"),
}


class _Prose:
    """Builds article text, recording the span of every figure written into it."""

    def __init__(self, w: _World) -> None:
        self.w = w
        self.lang = w.lang
        self.parts: list[str] = []
        self.length = 0
        #: Where each claim is written; a figure two rules share is written once for each.
        self.spans: dict[str, list[tuple[int, int]]] = {}

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def number(self, value: Decimal) -> str:
        """The digits (or words) of a figure, in a style the language uses."""
        from ._wording import SCALES, digits, mixed_number, number_words, written_number

        script: Script = "ascii" if self.lang == "en" else self.w.draw(st.sampled_from(["persian", "ascii"]))
        whole = value == value.to_integral_value() and value.as_tuple().exponent >= 0  # type: ignore[operator]
        styles = ["digits"]
        if whole:
            n = int(value)
            if n < 1000 or (n % 1000 == 0 and n // 1000 < 1000 and n < 10**6):
                styles.append("words")
            if n >= 1000 and any(n * 10 % m == 0 for m, _ in SCALES[self.lang]):
                styles.append("scale")
            if self.lang == "fa" and 1000 < n < 10**6 and n % 1000:
                styles.append("mixed")
        style = self.w.draw(st.sampled_from(styles))
        if style == "words":
            return number_words(int(value), self.lang)
        if style == "mixed":
            return mixed_number(int(value), script)
        if style == "scale":
            mult = next(m for m, _ in SCALES[self.lang] if int(value) >= m and int(value) * 10 % m == 0)
            return written_number(value, lang=self.lang, script=script, scale=mult)
        grouping = self.lang == "en" or self.w.draw(st.booleans())
        return digits(f"{value:,f}" if grouping else f"{value:f}", script)

    def figure(self, cid: str) -> None:
        """Write claim ``cid`` as hedge, number and noun (with "a day" for rates)."""
        from ._wording import HEDGE_WORDS, NOUNS

        c = self.w.claims[cid]
        assert c.value is not None
        en = self.lang == "en"
        thing, _, per = c.unit.partition(" / ")
        if thing in ("percent", "percentage_point"):
            noun = ("percent" if thing == "percent" else "percentage points") if en else (
                "درصد" if thing == "percent" else "واحد درصد")
        elif thing == "pillar":
            noun = "pillars" if en else "رکن"
        else:
            noun = NOUNS[thing][0 if en else 1]
        hedge = HEDGE_WORDS[self.lang][c.hedge.value]
        body = f"{hedge}{self.number(c.value)} {noun}"
        if per:
            word = {"day": ("a day", "روزانه"), "hour": ("an hour", "ساعتی")}[per]
            body = f"{body} {word[0]}" if en else f"{word[1]} {body}"
        start = self.length
        self.add(body)
        self.spans.setdefault(cid, []).append((start, self.length))

    def period(self, p: Period) -> None:
        assert p.duration is not None
        n_text, unit = p.duration.split()
        n = int(n_text)
        en = self.lang == "en"
        if unit == "year":
            self.add(self.w.draw(st.sampled_from(
                ["in the past year", "last year", "over the past year"] if en
                else ["در یک سال گذشته", "سال گذشته", "طی سال گذشته"])))
            return
        if n == 1 and unit in ("month", "week") and self.w.draw(st.booleans()):
            # "last month", «هفته گذشته»: a period of one unit is often written without its number
            fa_unit = {"month": "ماه", "week": "هفته"}[unit]
            self.add(self.w.draw(st.sampled_from([f"last {unit}", f"over the past {unit}"] if en
                                                 else [f"{fa_unit} گذشته", f"طی {fa_unit} گذشته"])))
            return
        if en:
            count = _EN_ORDINAL_WORDS.get(n, str(n)) if self.w.draw(st.booleans()) else str(n)
            self.add(f"in the last {count} {unit}{'s' if n != 1 else ''}")
        else:
            from ._wording import digits

            fa_unit = {"month": "ماه", "day": "روز", "week": "هفته"}[unit]
            self.add(f"در {digits(str(n), 'persian')} {fa_unit} گذشته")


def _join(p: _Prose, ids: list[str], cats: tuple[str, ...]) -> None:
    """"A in the capital, B in the provinces and C in the north" (Persian: «و»)."""
    for i, cid in enumerate(ids):
        if i:
            last = i == len(ids) - 1
            p.add((" and " if last else ", ") if p.lang == "en" else (" و " if last else "، "))
        p.figure(cid)
        p.add(f" {cats[i % len(cats)]}")


def _ids(terms: list[Any]) -> list[str]:
    """Claim ids of a rule's terms, written as bare ids or ``{claim: id, times: k}``."""
    return [t if isinstance(t, str) else t["claim"] for t in terms]


def _say_rule(p: _Prose, rule: dict[str, Any]) -> None:
    """One sentence (or two) stating a rule's figures in the article's language."""
    en = p.lang == "en"
    kind = rule["kind"]
    cats = _PLACES[p.lang]
    if kind == "sum":
        p.figure(rule["whole"])
        p.add(" were recorded, of which " if en else " ثبت شد که از این تعداد ")
        _join(p, _ids(rule["parts"]), cats)
        if rule["remainder"]:
            p.add(", and the rest elsewhere" if en else " و بقیه در سایر مناطق")
        p.add("." if en else " بود.")
    elif kind == "part_of":
        p.add("Of " if en else "از ")
        p.figure(rule["whole"])
        p.add(", " if en else "، ")
        p.figure(rule["part"])
        p.add(" were in the capital." if en else " در پایتخت بودند.")
    elif kind == "rate":
        total = p.w.claims[rule["total"]]
        rate = _ids(rule["rate"])[0]
        if total.period is None:
            p.figure(total.id)
            p.add(", that is " if en else "، یعنی ")
            p.figure(rate)
            p.add(".")
        else:
            # News writes a total and its rate in a few ways: the rate beside the total ("..., an
            # average of 1,500 calls a day", «، یعنی روزانه ...») or first, in its own clause
            # ("officials record 1,500 calls a day and have recorded 400,000 in the past six months").
            form = p.w.draw(st.sampled_from(["beside", "or", "average", "rate first"]))
            if form == "rate first":
                p.add("Officials record " if en else "")
                p.figure(rate)
                p.add(" and have recorded " if en else " ثبت می‌شود و ")
                if not en:
                    p.period(total.period)
                    p.add(" ")
                p.figure(total.id)
                if en:
                    p.add(" ")
                    p.period(total.period)
                p.add("." if en else " ثبت شده است.")
            else:
                if not en:
                    p.period(total.period)
                    p.add(" ")
                p.figure(total.id)
                if en:
                    p.add(" were recorded ")
                    p.period(total.period)
                else:
                    p.add(" ثبت شد")
                p.add({"beside": (", ", "؛ "), "or": (", or ", "، یعنی "),
                       "average": (", an average of ", "؛ به طور میانگین ")}[form][0 if en else 1])
                p.figure(rate)
                p.add(".")
    elif kind == "percent_of":
        # "Of W, P (S) were in the capital", or the whole in a sentence of its own and the part
        # with its share in brackets after it ("W were recorded. P (S) were in the capital.").
        if p.w.draw(st.sampled_from(["of", "bracket"])) == "of":
            p.add("Of " if en else "از ")
            p.figure(rule["whole"])
            p.add(", " if en else "، ")
            p.figure(rule["part"])
            p.add(" (" if en else " معادل ")
            p.figure(rule["share"])
            p.add(") were in the capital." if en else " در پایتخت بودند.")
        else:
            p.figure(rule["whole"])
            p.add(" were recorded. " if en else " ثبت شد. ")
            p.figure(rule["part"])
            p.add(" (")
            p.figure(rule["share"])
            p.add(") were in the capital." if en else ") در پایتخت بودند.")
    elif kind == "percent_change":
        up = rule.get("direction", "increase") == "increase"
        if en:
            p.add(f"The number {'rose' if up else 'fell'} by ")
            p.figure(rule["change"])
            p.add(", from ")
            p.figure(rule["old"])
            p.add(" to ")
            p.figure(rule["new"])
            p.add(".")
        else:
            p.add("این رقم با ")
            p.figure(rule["change"])
            p.add(f" {'افزایش' if up else 'کاهش'} از ")
            p.figure(rule["old"])
            p.add(" به ")
            p.figure(rule["new"])
            p.add(" رسید.")
    elif kind == "percentage_points":
        up = rule.get("direction", "increase") == "increase"
        p.add("The share moved from " if en else "این سهم از ")
        p.figure(rule["old"])
        p.add(" to " if en else " به ")
        p.figure(rule["new"])
        p.add(f", {'up' if up else 'down'} " if en else " رسید که ")
        p.figure(rule["change"])
        p.add("." if en else f" {'افزایش' if up else 'کاهش'} نشان می‌دهد.")
    elif kind == "percent_total":
        topics = ("prevention", "traffic", "fraud", "noise", "theft") if en else (
            "پیشگیری", "ترافیک", "کلاهبرداری", "مزاحمت", "سرقت")
        p.add("Of all calls, " if en else "از کل تماس‌ها ")
        for i, cid in enumerate(rule["shares"]):
            if i:
                p.add(", " if en else "، ")
            p.figure(cid)
            p.add(f" concerned {topics[i]}" if en else f" به {topics[i]}")
        if not rule["exhaustive"]:
            p.add(", and the rest other matters" if en else " و بقیه به سایر موضوعات")
        p.add("." if en else " مربوط بود.")
    elif kind == "repeat":
        first, again = rule["claims"]
        p.add("Officials first counted " if en else "مسئولان ابتدا ")
        p.figure(first)
        p.add("; the final count was " if en else " شمردند؛ رقم نهایی ")
        p.figure(again)
        p.add("." if en else " بود.")
    elif kind == "count":
        cid = rule["claim"]
        n = len(rule["items"])
        items = rule["items"] if en else list(_FA_ITEMS[:n])
        rule["items"] = items
        p.add("The force rests on " if en else "پلیس بر ")
        c = p.w.claims[cid]
        start = p.length
        from ._wording import number_words

        p.add(f"{number_words(n, p.lang)} {'pillars' if en else 'رکن'}")
        p.spans.setdefault(cid, []).append((start, p.length))
        assert c.value == n
        listed = (", ".join(items[:-1]) + " and " + items[-1]) if en and n > 1 else (
            "، ".join(items[:-1]) + " و " + items[-1] if n > 1 else items[0])
        p.add(f": {listed}." if en else f" استوار است: {listed}.")
    else:  # pragma: no cover - ARTICLE_KINDS and this function are kept in step
        raise AssertionError(kind)


def articles(*, lang: str | None = None, kinds: Collection[str] | None = None,
             errors: Collection[str] | None = None, min_size: int = 1,
             max_size: int = 3) -> st.SearchStrategy[Article]:
    """A true world rendered as an article in the language's own style, with what it states.

    Figures are written with hedges («حدود», «بیش از», "nearly"), scale words ("2.5
    million", «۶۸۰ هزار»), number words ("three thousand", «سه هزار»), the Persian mixed
    form («۴۱ هزار و ۵۴۹»), Persian or ASCII digits in Persian text, rates ("a day",
    «روزانه») and periods ("in the last six months", "last year", «در ۶ ماه گذشته», «سال گذشته»);
    a total and its rate are written the ways news writes them (the rate beside the total, after
    "or" / «یعنی», "an average of" / «به طور میانگین», or first, in a clause of its own).  ``errors``
    (a subset of :data:`ERRORS` without ``transposition``) plants one error in the prose;
    the default is a truthful article.  Kinds: :data:`ARTICLE_KINDS`.

    >>> from hypothesis import given
    >>> @given(articles(lang="fa"))
    ... def test(article):
    ...     for e in article.expected:
    ...         assert article.text[e.span[0]:e.span[1]] == e.quote
    >>> test()
    """
    _check_lang(lang)
    kind_list = _check_subset(kinds, ARTICLE_KINDS, "kinds")
    error_list = None if errors is None else _check_subset(
        errors, tuple(e for e in ERRORS if e != "transposition"), "errors")
    _check_size(min_size, max_size)
    if error_list is not None:
        for e in error_list:
            if _PLANTS[e][0] not in kind_list:
                raise InvalidArgument(f"errors={errors!r}: {e!r} needs kind {_PLANTS[e][0]!r} in kinds={kinds!r}")

    @st.composite
    def generate(draw: st.DrawFn) -> Article:
        first = None
        plant = None
        if error_list is not None:
            error = draw(st.sampled_from(error_list))
            first, plant = _PLANTS[error]
        w = draw(_worlds(lang, kind_list, ("ascii",), _ARTICLE_HEDGES, min_size, max_size, first=first,
                         article=True))
        before = dict(w.claims)
        expected_finding = None
        if plant is not None:
            expected_finding = plant(draw, w)
            if expected_finding is None:
                from hypothesis import reject

                reject()
        p = _Prose(w)
        for i, rule in enumerate(w.rules):
            if i:
                p.add(" " if draw(st.booleans()) else "\n\n")
            _say_rule(p, rule)
        p.add("\n")
        text = "".join(p.parts)
        from .model import Source

        claims = []
        expected = []
        for cid, c in w.claims.items():
            s, e = p.spans[cid][0]
            sourced = c.model_copy(update={"source": Source(document="doc", span=(s, e), quote=text[s:e])})
            claims.append(sourced)
            for s, e in p.spans[cid]:
                expected.append(ExpectedClaim((s, e), text[s:e], sourced))
        doc_cls: type[GeneratedDocument] = InconsistentDocument if expected_finding else GeneratedDocument
        extra: dict[str, Any] = {}
        if expected_finding is not None:
            extra = {"expected": expected_finding, "original": before[expected_finding.claim]}
        w.claims = {c.id: c for c in claims}
        doc = _document(w, tuple(dict.fromkeys(r["kind"] for r in w.rules)), doc_cls, **extra)
        return Article(w.lang, text, doc, tuple(expected), expected_finding)

    return generate()
