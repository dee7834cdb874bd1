"""The interface every rule kind implements, and the helpers kinds share."""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..codes import Code
from ..model import ID_PATTERN, Claim, RuleBase
from ..numbers import ENGLISH_INTERVAL, format_number, say_interval
from . import _fa

__all__ = ["INF", "MINUS_ONE", "NEG_INF", "ONE", "ZERO", "Builder", "Columns", "Explainer", "Explanation",
           "RuleKind", "Term", "TermRef", "fmt_iv", "minus"]

Bound = Fraction | float

# Coefficients and bounds kinds use again and again.  Building a Fraction costs about a
# microsecond; tens of thousands of rules compile these, so they are made once (Fractions
# are immutable, so sharing them is safe).
ZERO = Fraction(0)
ONE = Fraction(1)
MINUS_ONE = Fraction(-1)
#: Unbounded ends, one object each (``float("inf")`` makes a new one every call, and the
#: screen converts bounds once per distinct object).
INF = float("inf")
NEG_INF = -INF


@functools.lru_cache(maxsize=1024)
def minus(times: Decimal) -> Fraction:
    """``-times`` as an exact coefficient (multipliers repeat: 1, 2, 12, ...)."""
    return -Fraction(times)


class Term(BaseModel):
    """A claim with a multiplier: ``{claim: units_daily, times: 2}``; a bare id means times 1."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    claim: str = Field(pattern=ID_PATTERN)
    times: Decimal = Decimal(1)

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, v: Any) -> Any:
        if isinstance(v, str):
            return {"claim": v}
        return v


TermRef = Term


class Builder(Protocol):
    """What a kind may use while compiling a rule to constraints."""

    def claim(self, cid: str) -> int: ...
    def model(self, cid: str) -> Claim: ...
    def any_unstated(self, ids: Iterable[str]) -> bool: ...
    def dims(self, cid: str) -> tuple[tuple[str, int], ...]: ...
    def const(self, lo: Bound, hi: Bound) -> int: ...
    def aux(self) -> int: ...
    def linear(self, terms: list[tuple[Fraction, int]], lo: Bound, hi: Bound) -> None: ...
    def mul(self, z: int, x: int, y: int) -> None: ...
    def period_seconds(self, cid: str, override: str | None) -> tuple[Fraction, Fraction] | None: ...


class Explainer(Protocol):
    """What a kind may use while explaining a violation (all numbers exact)."""

    def written(self, cid: str) -> str: ...
    def stated(self, cid: str) -> tuple[Bound, Bound]: ...
    def needed(self, cid: str) -> tuple[Bound, Bound] | None: ...
    def unit(self, cid: str) -> str: ...
    def period_text(self, cid: str, override: str | None) -> str: ...
    def dims(self, cid: str) -> tuple[tuple[str, int], ...]: ...


class Columns(Protocol):
    """What a kind may use to compile many of its rules at once (see
    :meth:`RuleKind.compile_columns`).

    Rows are the positions of rules in the batch; variables, coefficients and bounds are
    numpy arrays or plain floats, rounded outward.  :meth:`at` gives the variables of the
    claim at one position of each rule's :meth:`RuleKind.claim_ids` with no Python per
    rule: kinds read claims through it where they can (a row's coefficient or bound may stand
    for any number in ``[lo, hi]``).  Constraints of a row keep the order in which they
    are given, as :meth:`RuleKind.compile` would add them.
    """

    #: Every row of the batch, ``arange(n)``.
    rows: Any
    #: The number of claim ids of each row (a numpy array).
    lengths: Any
    #: Each row's shape, as :meth:`RuleKind.read_columns` read it (None in every row if
    #: the kind reads none).
    shapes: list[Any]

    def at(self, position: int, rows: Any = None) -> Any: ...
    def coef(self, x: Fraction) -> tuple[float, float]: ...
    def consts(self, lo: Any, hi: Any, n: int) -> Any: ...
    def auxes(self, n: int) -> Any: ...
    def linear(self, rows: Any, terms: list[tuple[Any, Any, Any]], lo: float, hi: float) -> None: ...
    def mul(self, rows: Any, z: Any, x: Any, y: Any) -> None: ...
    def period_seconds(self, cids: list[str], overrides: list[str | None]) -> tuple[Any, Any]: ...
    def dims_at(self, position: int) -> tuple[Any, list[tuple[tuple[str, int], ...]]]: ...
    def undetermined(self, rows: Any) -> None: ...


@dataclass(frozen=True)
class Explanation:
    code: str
    message: str
    arithmetic: str
    #: The message in Persian: the same facts and numbers, in Persian digits.
    message_fa: str = ""
    #: The arithmetic in Persian: the same formula and numbers, in Persian words and digits.
    arithmetic_fa: str = ""


def fmt_iv(lo: Bound, hi: Bound) -> str:
    """``[a, b]`` as readable text: a point, a range, or a one-sided bound."""
    return say_interval(lo, hi, ENGLISH_INTERVAL, format_number)


def term_text(ex: Explainer, t: Term) -> str:
    w = ex.written(t.claim)
    return w if t.times == 1 else f"{format_number(t.times)} × {w}"


class RuleKind(ABC):
    """One kind of relation between claims."""

    name: ClassVar[str]
    model: ClassVar[type[RuleBase]]
    codes: ClassVar[tuple[Code, ...]]
    summary: ClassVar[str]

    @abstractmethod
    def claim_ids(self, rule: Any) -> list[str]:
        """Every claim the rule refers to, in a stable order."""

    #: True if :meth:`check_units` depends only on the dimensions of ``claim_ids(rule)``,
    #: in order: the evaluator then runs it once per kind and combination of dimensions
    #: that matches, and skips it for every later rule with the same combination.
    units_by_dims: ClassVar[bool] = False

    def check_units(self, rule: Any, b: Builder) -> str | None:
        """A message if the rule's claims have units that cannot be related, else None."""
        return None

    def undetermined(self, rule: Any, b: Builder) -> bool:
        """True if the rule cannot be checked: a figure it needs is unstated or unbounded."""
        return b.any_unstated(self.claim_ids(rule))

    @abstractmethod
    def compile(self, rule: Any, b: Builder) -> None:
        """Add the rule's constraints to the builder."""

    #: True if the kind implements :meth:`compile_columns`.
    columns: ClassVar[bool] = False

    def read_columns(self, rules: list[Any]) -> tuple[list[tuple[str, ...]], list[Any] | None]:
        """Every rule's :meth:`claim_ids`, as tuples, and its *shape*: whatever else of the
        rule :meth:`compile_columns` reads (multipliers, flags), or None for none.

        Called for the rules of a large problem before :meth:`compile_columns`.  Reading
        a rule's fields is most of what compiling costs there (each rule object is read
        from memory again on every pass), so a kind that compiles column-wise reads
        everything in one comprehension here; the default asks :meth:`claim_ids` rule by
        rule.  A property test holds every kind's to :meth:`claim_ids`.
        """
        return [tuple(self.claim_ids(r)) for r in rules], None

    def compile_columns(self, rules: list[Any], b: Columns) -> None:
        """Optional: compile many rules of this kind at once into float columns (large
        problems, where every rule is screened before any is compiled exactly).

        Must add, row by row, the constraints :meth:`compile` adds, in floats rounded
        outward, and mark the rows that :meth:`undetermined` calls undetermined for a
        reason other than an unstated claim.  What :meth:`read_columns` read of each rule
        is in ``b.shapes``, row by row.  Only kinds with :attr:`units_by_dims` may
        have it: their units are checked by dimensions, column-wise, before.  A property
        test holds every kind that has it to :meth:`compile` (tests/test_columns.py).
        """
        raise NotImplementedError(self.name)

    @abstractmethod
    def explain(self, rule: Any, ex: Explainer) -> Explanation:
        """Explain why the rule cannot hold, with the numbers."""

    # -- helpers shared by kinds ---------------------------------------------------------

    @staticmethod
    def same_dims(b: Builder, ids: list[str], what: str) -> str | None:
        first = ids[0]
        for cid in ids[1:]:
            if b.dims(cid) != b.dims(first):
                return (
                    f"{what}: '{cid}' is in {b.model(cid).unit!r} but '{first}' is in "
                    f"{b.model(first).unit!r}; they cannot be added or compared"
                )
        return None

    @staticmethod
    def target_vs(ex: Explainer, target: str, formula: str, up_code: str, down_code: str,
                  up_text: str, down_text: str) -> Explanation:
        """Compare a target claim with what the rest of the rule implies for it."""
        s_lo, s_hi = ex.stated(target)
        need = ex.needed(target)
        unit = ex.unit(target)
        if need is None:
            return Explanation(up_code, f"{formula} cannot hold", formula)
        n_lo, n_hi = need
        written = ex.written(target)
        if n_lo > s_hi:
            need_text, stated_text = format_number(n_lo), format_number(s_hi)
            arith = f"{formula} ≥ {need_text} {unit} > {stated_text} ({written})"
            msg = (f"{up_text}: {formula} is at least {need_text} {unit}, "
                   f"but {written} allows at most {stated_text}")
            return Explanation(up_code, msg, arith)
        need_text, stated_text = format_number(n_hi), format_number(s_lo)
        arith = f"{formula} ≤ {need_text} {unit} < {stated_text} ({written})"
        msg = (f"{down_text}: {formula} is at most {need_text} {unit}, "
               f"but {written} needs at least {stated_text}")
        return Explanation(down_code, msg, arith)

    @staticmethod
    def target_vs_fa(exp: Explanation, ex: Explainer, target: str, formula: str, up_text: str,
                     down_text: str) -> Explanation:
        """``exp``, :meth:`target_vs`'s explanation, with its message and arithmetic in
        Persian; ``formula`` and the texts are Persian.  Both Persian lines are built from
        the same number texts, as the English ones are."""
        s_lo, s_hi = ex.stated(target)
        need = ex.needed(target)
        if need is None:
            return _with_fa(exp, f"رابطهٔ {formula} برقرار نمی‌شود", formula)
        unit = _fa.unit(ex, target)
        written = _fa.written(ex, target)
        n_lo, n_hi = need
        if n_lo > s_hi:
            need_text, stated_text = _fa.number(n_lo), _fa.number(s_hi)
            return _with_fa(exp, f"{up_text}: {formula} دست‌کم {need_text}{unit} می‌شود، در حالی که "
                                 f"رقمِ {written} حداکثر {stated_text} می‌تواند باشد",
                            f"{formula} ≥ {need_text}{unit} > {stated_text} ({written})")
        need_text, stated_text = _fa.number(n_hi), _fa.number(s_lo)
        return _with_fa(exp, f"{down_text}: {formula} حداکثر {need_text}{unit} می‌شود، در حالی که "
                             f"رقمِ {written} دست‌کم {stated_text} است",
                        f"{formula} ≤ {need_text}{unit} < {stated_text} ({written})")


def _with_fa(exp: Explanation, message_fa: str, arithmetic_fa: str) -> Explanation:
    """``exp`` with its Persian message and arithmetic (made directly: ``replace`` copies
    through ``__init__`` and checks field names, for each of the ~1,000 findings a large
    inconsistent document explains)."""
    return Explanation(exp.code, exp.message, exp.arithmetic, message_fa, arithmetic_fa)
