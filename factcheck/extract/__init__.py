"""Extraction: numeric claims read from article text, Persian and English, with exact spans.

>>> from factcheck.extract import extract
>>> [(c.value, c.unit, c.hedge.value, c.source.quote) for c in extract("روزانه بیش از ۳ هزار تماس")]
[(Decimal('3000'), 'call / day', 'more_than', 'روزانه بیش از ۳ هزار تماس')]
>>> c = extract("Over 62,000 thefts were recorded - more than 170 a day.", lang="en")[1]
>>> (c.value, c.unit, c.hedge.value)
(Decimal('170'), 'offence / day', 'more_than')

Each language is one module (``fa.py``, ``en.py``) defining a :class:`~.base.Language`;
:func:`languages` finds them.  :func:`mentions` gives the richer per-figure record
(:class:`~.base.Mention`) including figures that are not claims (years, dates, phone
numbers, ranks) so callers can see what was skipped and why.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import sys
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import UsageError
from ..gcpause import paused
from ..model import Claim, Period, Source, Subject
from .base import KINDS, Language, Mention
from .engine import Scanner
from .normalize import prepare

__all__ = ["KINDS", "Language", "Mention", "detect", "extract", "languages", "mentions", "to_claims"]

_M = TypeVar("_M", bound=BaseModel)

#: Mention kinds that become claims.
CLAIM_KINDS = ("quantity", "duration")
_INTERNAL = {"base", "engine", "normalize", "numerals", "source"}
_PARA = re.compile(r"\n")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN = re.compile(r"[A-Za-z]")
_SAMPLE = 4000


@functools.lru_cache(maxsize=1)
def languages() -> dict[str, Language]:
    """Every language module of this package, by code (``fa``, ``en``, ...)."""
    out: dict[str, Language] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name in _INTERNAL or info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        for obj in vars(mod).values():
            if isinstance(obj, type) and issubclass(obj, Language) and obj is not Language and obj.code:
                out[obj.code] = obj()
    return out


@functools.lru_cache(maxsize=16)
def _scanner(code: str) -> Scanner:
    return Scanner(languages()[code])


def detect(text: str) -> str:
    """The language of a paragraph: the script with most letters; Persian digits count for Persian.

    >>> detect("۴۰۰ هزار نفر"), detect("400 thousand people"), detect("۱۲۳")
    ('fa', 'en', 'fa')
    """
    sample = text[:_SAMPLE]
    fa = len(_ARABIC.findall(sample))
    en = len(_LATIN.findall(sample))
    if fa == en == 0:
        return "fa" if re.search("[۰-۹٠-٩]", sample) else "en"
    return "fa" if fa >= en else "en"


def _blocks(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """Runs of lines sharing one language: (start, end, code)."""
    if lang is not None:
        if lang not in languages():
            raise UsageError(f"unknown language {lang!r} (known: {', '.join(sorted(languages()))})")
        return [(0, len(text), lang)]
    out: list[tuple[int, int, str]] = []
    start = 0
    for m in _PARA.finditer(text):
        _add_block(out, text, start, m.end())
        start = m.end()
    _add_block(out, text, start, len(text))
    return out


def _add_block(out: list[tuple[int, int, str]], text: str, s: int, e: int) -> None:
    if s >= e:
        return
    seg = text[s:e]
    if not seg.strip():
        if out:
            out[-1] = (out[-1][0], e, out[-1][2])
        return
    code = detect(seg)
    if out and out[-1][2] == code and out[-1][1] == s:
        out[-1] = (out[-1][0], e, code)
    else:
        out.append((s, e, code))


def mentions(text: str, lang: str | None = None) -> list[Mention]:
    """Every numeric mention in ``text`` (claims and non-claims), in text order.

    ``lang`` is ``"fa"``, ``"en"`` or None to detect per paragraph.

    >>> [(m.kind, str(m.value)) for m in mentions("Since 1999, the 161st session heard 911 calls to 911.")]
    [('year', '1999'), ('ordinal', '161'), ('quantity', '911'), ('phone', '911')]
    """
    if not isinstance(text, str):
        raise UsageError(f"extract expects text as str (got {type(text).__name__})")
    prep = prepare(text)
    out: list[Mention] = []
    # The scan allocates many small acyclic objects; the cyclic collector's passes over them
    # cost a third of the time on large texts and free nothing.
    with paused():
        # normalisation may delete characters, so blocks are found on the normalised text
        for s, e, code in _blocks(prep.norm, lang):
            out.extend(_scanner(code).scan(prep, s, e))
    return out


def to_claims(found: list[Mention], text: str) -> list[Claim]:
    """Claims (ids ``c1``, ``c2``, ...) from the mentions that are quantities or durations.

    The scanner only produces values the claim model accepts (tests check every lexicon
    unit against the registry and load the output back through validation), so claims are
    built without re-validating each one: validation cost more than the whole scan.  The
    models are frozen, so equal subjects and periods are built once and shared.
    """
    claims: list[Claim] = []
    subjects: dict[tuple[str | None, tuple[str, ...]], Subject] = {}
    periods: dict[tuple[str, str], Period] = {}
    claim, source = _builder(Claim), _builder(Source)
    for m in found:
        if m.kind not in CLAIM_KINDS:
            continue
        fields: dict[str, Any] = {
            "id": f"c{len(claims) + 1}",
            "value": _exact(m.value),
            "unit": m.unit,
            "hedge": m.hedge,
            "written": text[m.fig_start:m.fig_end],
            "lang": m.lang,
            "source": source({"span": (m.start, m.end), "quote": text[m.start:m.end]}),
        }
        if m.value_max is not None:
            fields["value_max"] = _exact(m.value_max)
        if m.scale is not None:
            fields["scale"] = m.scale
        if m.precision is not None:
            fields["precision"] = m.precision
        if m.period is not None:
            period = periods.get(m.period)
            if period is None:
                period = periods[m.period] = _builder(Period)({"duration": m.period[0], "text": m.period[1]})
            fields["period"] = period
        tags = tuple(dict.fromkeys([*m.tags, m.kind] if m.kind != "quantity" else m.tags))
        if m.noun or tags:
            subject = subjects.get((m.noun, tags))
            if subject is None:
                subject = subjects[m.noun, tags] = _builder(Subject)({"text": m.noun, "tags": tags})
            fields["subject"] = subject
        claims.append(claim(fields))
    return claims


_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


@functools.lru_cache(maxsize=8)
def _builder(cls: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """``cls.model_construct(**values)`` for a frozen model, without its per-call default
    resolution (a quarter of extraction time).  Callers pass every required field.

    The defaults of these models are immutable, so one template is copied; and a frozen
    model never changes its set of explicitly set fields (pydantic copies that set before
    ``model_copy`` updates it), so objects given the same fields share one such set.
    """
    if not cls.model_config.get("frozen"):
        raise TypeError(f"{cls.__name__} is not frozen")
    # every field in declaration order, with its default (None for required ones)
    template = {name: None if f.is_required() else f.get_default(call_default_factory=True)
                for name, f in cls.model_fields.items()}
    fields_sets: dict[tuple[str, ...], set[str]] = {}
    new = object.__new__
    set_dict = object.__setattr__

    def build(values: dict[str, Any]) -> _M:
        obj = new(cls)
        d = template.copy()  # a copy keeps the fields in declaration order
        d.update(values)
        set_dict(obj, "__dict__", d)
        names = tuple(values)
        fields_set = fields_sets.get(names)
        if fields_set is None:
            fields_set = fields_sets[names] = set(names)
        _set_fields_set(obj, fields_set)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    return build


def extract(text: str, lang: str | None = None) -> list[Claim]:
    """Numeric claims of an article, in text order, with spans into ``text``.

    Not claims: phone numbers, years and dates, ordinals used as ranks, codes and labels
    (see :func:`mentions` for those).
    """
    found = mentions(text, lang)
    with paused():
        return to_claims(found, text)


_ONE = Decimal(1)


def _exact(v: Decimal) -> Decimal:
    """A whole number without trailing zeros after the point or an exponent (``1.2e6`` -> ``1200000``)."""
    if v.same_quantum(_ONE):  # exponent 0: already plain (the common case, checked first)
        return v
    if v == v.to_integral_value():
        return Decimal(int(v))
    return v


class _CallableModule(types.ModuleType):
    """``factcheck.extract`` is both this package and the function: importing the package
    rebinds the attribute on :mod:`factcheck`, so the package itself must be callable."""

    def __call__(self, text: str, lang: str | None = None) -> Any:
        return extract(text, lang)


sys.modules[__name__].__class__ = _CallableModule
