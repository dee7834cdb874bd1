"""Rule inference: relations between the figures of an article, read from its words.

Each inference pattern is one module in this package (rate against total, parts and sums,
shares, percentages, changes, repeats, counts against lists, comparisons), registered with
:func:`pattern`.  A pattern looks at a :class:`~factcheck.infer.doc.Doc` and proposes rules,
each with the words that state it (``evidence``) and a ``confidence``: 0.75 and above only
when the text states the relation outright, so that everything weaker can only ever give
a ``possible`` finding (see :data:`factcheck.evaluate.CONFIDENT`).

>>> from factcheck.model import Claim, Source
>>> text = "89 offences were recorded, of which 28 were thefts and 61 burglaries."
>>> def c(i, q, v):
...     s = text.index(q)
...     return Claim(id=i, value=v, unit="offence", source=Source(span=(s, s + len(q)), quote=q))
>>> out = infer(text, [c("a", "89 offences", 89), c("b", "28", 28), c("d", "61", 61)], "en")
>>> [(r.kind, r.whole, [t.claim for t in r.parts]) for r in out.rules]
[('sum', 'a', ['b', 'd'])]
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..model import Claim, RuleBase
from .doc import Doc

__all__ = ["PATTERNS", "Inference", "Proposal", "guess_lang", "infer", "load_all", "pattern"]


@dataclass
class Proposal:
    """A rule a pattern proposes, with any claims it had to retype or add.

    ``retype`` gives claims a unit read from their context (a bare "671" in "offences fell
    from 688 to 671" counts offences); ``added`` holds figures the words state without a
    number, such as "doubled" (a factor of 2).
    """

    rule: RuleBase
    retype: dict[str, str] = field(default_factory=dict)
    added: list[Claim] = field(default_factory=list)


Finder = Callable[[Doc], Iterable[Proposal]]
PATTERNS: dict[str, Finder] = {}
_loaded = False


def pattern(name: str) -> Callable[[Finder], Finder]:
    """Register an inference pattern under ``name``."""

    def deco(fn: Finder) -> Finder:
        PATTERNS[name] = fn
        return fn

    return deco


def load_all() -> dict[str, Finder]:
    """Import every pattern module in this package (once) and return the registry."""
    global _loaded
    if not _loaded:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
            if not info.name.startswith("_") and info.name not in _SUPPORT:
                importlib.import_module(f"{__name__}.{info.name}")
        _loaded = True
    return PATTERNS


#: Modules in this package that are shared helpers, not patterns.
_SUPPORT = frozenset({"doc", "cues", "resolve", "combine", "pairs", "totals", "outof"})


@dataclass
class Inference:
    """Claims (retyped and added where the words said so) and the rules inferred."""

    claims: list[Claim]
    rules: list[RuleBase]


def infer(text: str, claims: list[Claim], lang: str | None = None, *,
          only: Iterable[str] | None = None, where: Callable[[int], str] | None = None,
          prefix: str = "") -> Inference:
    """Infer the relations between ``claims`` (extracted from ``text``) that the words state.

    ``only`` limits inference to some patterns (by name); ``where`` turns an offset of
    ``text`` into the ``line:col`` evidence should cite (for text read out of Markdown or
    HTML, a position in the original file); ``prefix`` goes before the ids of claims
    inference adds.
    """
    from .combine import combine
    from .resolve import resolve_units

    lang = lang or guess_lang(text)
    # The text is normalised and split into sentences once, for both documents.
    first = Doc(text, claims, lang)
    doc = first.with_claims(resolve_units(first), locate=where, prefix=prefix)
    found: list[tuple[str, Proposal]] = []
    names = list(only) if only is not None else sorted(load_all())
    load_all()
    for name in names:
        for p in PATTERNS[name](doc):
            found.append((name, p))
    return combine(doc, found)


def guess_lang(text: str) -> str:
    """``fa`` if Arabic-script letters outnumber Latin ones, else ``en``."""
    arabic = sum(1 for ch in text if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    return "fa" if arabic > latin else "en"
