"""Units read from context: bare numbers, generic counters and 'people' as a classifier.

Extraction gives each figure the unit of the noun written next to it.  When the words say
two figures count the same thing, inference may have to bring their units together:

* a bare number ("from 688 to 671") counts whatever its partner counts;
* a generic counter (Persian «مورد», English "cases") standing for the noun before it
  ("۳ هزار تماس ... هر ساعت ۱۲۶ مورد") counts that noun;
* «نفر» / "people" is also a classifier: "16 million people received a first dose" counts
  doses when a total of doses sums it, and "349,891 ballots out of 570,995 voters" puts
  voters and ballots on one scale.

:func:`unify` returns the retyping that makes a group of figures comparable, or ``None``
when their units genuinely differ (people and vehicles are never unified).
"""

from __future__ import annotations

import re

from ..model import Claim
from ..units import canonical
from .doc import Doc, Figure, _dims

__all__ = ["resolve_units", "unify", "unify_part"]

_PERSON = (("[person]", 1),)
#: Words that count whatever was named before them.
_GENERIC = re.compile(r"^\s*(مورد|فقره|بار|عدد|تا|cases?|instances?|times)(?!\w)")
#: After a generic counter, these words mean no noun follows it, so it refers back.
_NO_NOUN = re.compile(r"^\s*(مورد|فقره|عدد|cases?|instances?)\s*($|[.,،؛;:)(]|(است|بود|بوده|هست|از|به|را|در|"
                      r"و|که|یعنی|هم|نیز|می|شد|شده|were|was|are|is|a|an|each|per|in|of|and|,)(?!\w))")


def unify(doc: Doc, figs: list[Figure], *, classifier: bool = False) -> dict[str, str] | None:
    """Retyping that gives ``figs`` one counted thing, ``{}`` if they already share one.

    ``classifier`` allows «نفر»/people to take the other figures' unit; use it only when the
    words relate the figures explicitly (a total, "out of", "of which").
    """
    things = {f.thing for f in figs if not f.is_bare}
    per_time = {f.per_time for f in figs}
    if len(per_time) > 1 and not all(f.per_time == 0 for f in figs if not f.is_bare):
        return None
    if len(things) <= 1:
        if not things:
            return {}
        unit_of = next(f.claim.unit for f in figs if not f.is_bare)
        return {f.id: unit_of for f in figs if f.is_bare and f.per_time == 0}
    if classifier and len(things) == 2 and _PERSON in things:
        other = next(f for f in figs if not f.is_bare and f.thing != _PERSON)
        if not _person_like(other):
            return None
        unit = _thing_unit(other)
        if unit is None:
            return None
        return {f.id: unit for f in figs if f.is_bare or f.thing == _PERSON}
    return None


def unify_part(doc: Doc, part: Figure, whole: Figure) -> dict[str, str] | None:
    """:func:`unify` for a part the words take out of a whole ("A of B", «A نفر از B»).

    «۲۲ هزار نفر از ۲۵ هزار کارآموز»: a count of people taken out of a whole whose noun is
    unknown (its unit only a guess) says that the whole counts people too.
    """
    retype = unify(doc, [part, whole], classifier=True)
    if retype is not None:
        return retype
    guessed = whole.claim.subject is not None and "unit_guess" in whole.claim.subject.tags
    if part.thing == _PERSON and part.per_time == 0 and whole.per_time == 0 and guessed:
        return {whole.id: part.claim.unit}
    return None


#: Things a count of people can stand for: each person is a patient, a vote, a dose ...
PERSON_LIKE = frozenset({"patient", "vote", "voter", "dose", "student", "death", "injury", "registration",
                         "case", "visit", "applicant", "victim", "passenger", "worker", "household", "mission"})


def _person_like(f: Figure) -> bool:
    return any(k.strip("[]") in PERSON_LIKE for k, _ in f.thing)


def _thing_unit(f: Figure) -> str | None:
    """The unit of a count figure (rates are not retyped)."""
    return f.claim.unit if f.per_time == 0 else None


def resolve_units(doc: Doc) -> list[Claim]:
    """Give generic counters that refer back ("... هر ساعت ۱۲۶ مورد است") their noun's unit:
    ``doc``'s claims, some with a new unit."""
    claims = doc.claims
    out = {c.id: c for c in claims}
    for i, f in enumerate(doc.figures):
        tail = doc.norm[f.end - 8:f.end + 30] if f.end >= 8 else doc.norm[:f.end + 30]
        word = doc.norm[max(f.start, f.end - 8):f.end]
        if not (_GENERIC.search(word + " ") or _GENERIC.match(doc.norm[f.end:f.end + 12])):
            continue
        if not _NO_NOUN.search(_last_word_on(doc.norm, f)):
            continue
        del tail
        prev = [g for g in doc.figures[:i] if g.sentence == f.sentence and g.thing and not g.is_percent]
        if not prev:
            continue
        src = prev[-1]
        unit = _with_time(src, f)
        if unit is not None and unit != f.claim.unit:
            out[f.id] = f.claim.model_copy(update={"unit": unit})
    return [out[c.id] for c in claims]


def _last_word_on(norm: str, f: Figure) -> str:
    """From the generic counter word (inside or right after the figure) to a few words on."""
    m = re.search(r"(مورد|فقره|عدد|cases?|instances?)", norm[f.start:f.end + 12])
    if m is None:
        return ""
    return norm[f.start + m.start():f.end + 30]


def _with_time(src: Figure, f: Figure) -> str | None:
    """``src``'s counted thing with ``f``'s time denominator, as a unit string."""
    if f.per_time == 0:
        return src.claim.unit if src.per_time == 0 else None
    if f.per_time != -1:
        return None
    thing = src.claim.unit.split("/")[0].strip() if src.per_time == -1 else src.claim.unit
    per = f.claim.unit.split("/")[-1].strip()
    unit = f"{thing} / {per}"
    try:
        canonical(unit)
    except Exception:
        return None
    return unit if _dims(unit) else None
