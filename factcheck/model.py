"""Pydantic models of what claim and rule files contain: documents, claims, rules.

These validate input at the edge; the pipeline inside works on the validated objects.
Exact numbers are :class:`decimal.Decimal` read from the text as written, never floats.
Rule kinds add their own models in :mod:`factcheck.kinds`; :mod:`factcheck.files`
assembles the file model from them.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from .numbers import normalize_digits
from .units import canonical

__all__ = [
    "CLAIM_READER",
    "ID_PATTERN",
    "RULE_READER",
    "Claim",
    "Document",
    "ExactNumber",
    "Hedge",
    "Period",
    "RuleBase",
    "Source",
    "Subject",
    "Suppression",
]

#: Claim and rule ids: letters, digits, ``_``, ``-`` and ``.``, starting with a letter or ``_``.
ID_PATTERN = r"^[A-Za-z_\u0600-\u06FF][\w.\-\u0600-\u06FF\u200c]*$"
#: Largest magnitude accepted: beyond this a figure is a typo, and floats cannot hold it.
MAX_EXPONENT = 60


#: Whole numbers below this magnitude are within MAX_EXPONENT and convert exactly.
_INT_LIMIT = 10 ** (MAX_EXPONENT + 1)
#: Small whole numbers (precisions, scales, multipliers) share one Decimal each: a loaded
#: file of 10^5 claims then holds one Decimal("1") instead of 10^5 equal copies.
_SMALL = {i: Decimal(i) for i in range(-1, 1001)}


def _to_decimal(v: Any) -> Any:
    """Accept ints, Decimals and numeric strings (ASCII, Persian or Arabic-Indic digits)."""
    # The two types readers produce come first: this runs for every number of every file.
    t = type(v)
    if t is int and -_INT_LIMIT < v < _INT_LIMIT:
        d = _SMALL.get(v)
        return Decimal(v) if d is None else d
    if t is Decimal and v.is_finite() and (not v or abs(v.adjusted()) <= MAX_EXPONENT):
        return v
    return _to_decimal_slow(v)


def _to_decimal_slow(v: Any) -> Any:
    if isinstance(v, bool):
        raise ValueError(f"expected a number, got a boolean ({v!r})")
    if isinstance(v, float):
        # YAML and JSON readers in factcheck never produce floats; a float here came from
        # Python code and may already have lost the digits as written.
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"number must be finite (got {v!r})")
        v = repr(v)
    if isinstance(v, int):
        v = Decimal(v)
    if isinstance(v, str):
        s = normalize_digits(v).replace(",", "").replace("_", "").strip()
        try:
            v = Decimal(s)
        except InvalidOperation:
            raise ValueError(f"not a number (got {v!r})") from None
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise ValueError(f"number must be finite (got {str(v)!r})")
        if v != 0 and abs(v.adjusted()) > MAX_EXPONENT:
            raise ValueError(f"number out of range, |exponent| > {MAX_EXPONENT} (got {v:.3E})")
        return v
    raise ValueError(f"expected a number (got {v!r})")


ExactNumber = Annotated[Decimal, BeforeValidator(_to_decimal)]


class Hedge(StrEnum):
    """How a figure was qualified in the text; see docs/semantics.md."""

    exact = "exact"
    about = "about"
    nearly = "nearly"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    range = "range"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# pydantic keeps, per instance, the set of fields that were given: 200-700 bytes, as much
# as the rest of a claim.  Instances given the same fields share one set here: the models
# are frozen, and pydantic copies the set before changing it (model_copy).  The table is
# bounded by the combinations of field names in use.
_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_UNITS: dict[str, str] = {}
#: Given each valid claim (rule) as validation makes it, while a file is loaded: its fields
#: are read then, while they are in the cache (:mod:`factcheck.claimtable`, files.py).
CLAIM_READER: ContextVar[Callable[[Claim], None] | None] = ContextVar("CLAIM_READER", default=None)
RULE_READER: ContextVar[Callable[[RuleBase], None] | None] = ContextVar("RULE_READER", default=None)


def _share_fields_set(m: BaseModel) -> None:
    fs = m.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(fs), fs)
    if shared is not fs:
        object.__setattr__(m, "__pydantic_fields_set__", shared)


class Suppression(_Strict):
    """``ignore: [{code: FC101, reason: ...}]`` on a claim or rule."""

    code: str = Field(pattern=r"^FC\d{3}$")
    reason: str = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _needs_reason(cls, v: Any) -> Any:
        # Say what is missing and how to write it, rather than pydantic's bare "Field required".
        if isinstance(v, dict) and not str(v.get("reason") or "").strip():
            code = v.get("code", "FC101")
            raise ValueError(f"a suppression needs a reason: {{code: {code}, reason: <why this is not a problem>}}")
        return v


class Source(_Strict):
    """Where a claim was read: the document, the character span, the quoted words."""

    document: str | None = None
    span: tuple[int, int] | None = Field(
        default=None, description="[start, end) in Unicode code points of the document text"
    )
    quote: str | None = None

    @field_validator("span")
    @classmethod
    def _span_order(cls, v: tuple[int, int] | None) -> tuple[int, int] | None:
        if v is not None and not 0 <= v[0] <= v[1]:
            raise ValueError(f"span must satisfy 0 <= start <= end (got {list(v)})")
        return v


class Subject(_Strict):
    """What the figure is about, in free text and tags."""

    text: str | None = None
    tags: tuple[str, ...] = ()


class Period(_Strict):
    """The period a total covers: a duration such as ``6 month`` or a date range."""

    duration: str | None = Field(default=None, description="e.g. '6 month', '2 week', '1 year'")
    start: _dt.date | None = None
    end: _dt.date | None = None
    calendar: Literal["gregorian", "persian", "any"] | None = None
    text: str | None = Field(default=None, description="the period as written")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: Any) -> Any:
        if isinstance(v, str):
            return {"duration": v}
        return v

    @model_validator(mode="after")
    def _check(self) -> Period:
        _share_fields_set(self)
        if (self.start is None) != (self.end is None):
            raise ValueError("a date range needs both start and end")
        if self.duration is not None:
            from .periods import duration_days

            duration_days(self.duration)  # raises InputError with the bad text
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"period ends before it starts ({self.start} .. {self.end})")
        return self


class Claim(_Strict):
    """One figure stated in a document."""

    id: str = Field(pattern=ID_PATTERN, max_length=200)
    value: ExactNumber | None = Field(
        default=None, description="the figure exactly as written, as a decimal; null if unstated"
    )
    value_max: ExactNumber | None = Field(default=None, description="upper end of a range")
    unit: str = Field(default="dimensionless", description="a pint unit, e.g. 'call / day'")
    hedge: Hedge = Hedge.exact
    precision: ExactNumber | None = Field(
        default=None,
        description="rounding unit implied by the writing, e.g. 1000 for '680 thousand'",
    )
    scale: ExactNumber | None = Field(
        default=None,
        description="multiplier of a scale word the figure was written with: 1000 for '680 thousand'",
    )
    written: str | None = Field(default=None, description="the figure as written, e.g. '680 thousand'")
    signed: bool = Field(default=False, description="true if the quantity may be negative")
    period: Period | None = None
    subject: Subject | None = None
    source: Source | None = None
    lang: str | None = None
    ignore: tuple[Suppression, ...] = ()

    @field_validator("unit")
    @classmethod
    def _unit_known(cls, v: str) -> str:
        canonical(v)  # raises UnitError naming the unit
        # Equal unit texts share one string (a JSON reader makes a new one for each claim).
        if len(_UNITS) < 4096:
            return _UNITS.setdefault(v, v)
        return v

    @field_validator("precision", "scale")
    @classmethod
    def _precision_positive(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and v <= 0:
            raise ValueError(f"must be > 0 (got {v})")
        return v

    @model_validator(mode="after")
    def _range(self) -> Claim:
        _share_fields_set(self)
        if self.hedge is Hedge.range:
            if self.value is None or self.value_max is None:
                raise ValueError("hedge 'range' needs both value and value_max")
            if self.value_max < self.value:
                raise ValueError(f"value_max {self.value_max} is below value {self.value}")
        elif self.value_max is not None:
            raise ValueError("value_max is only allowed with hedge 'range'")
        read = CLAIM_READER.get()
        if read is not None:
            read(self)
        return self


class Document(_Strict):
    """A source document the claims were read from."""

    id: str = Field(pattern=ID_PATTERN)
    path: str | None = None
    lang: str | None = None
    title: str | None = None


class RuleBase(_Strict):
    """Fields every rule has; each kind adds its own (see docs/rules.md)."""

    id: str = Field(pattern=ID_PATTERN, max_length=200)
    kind: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, allow_inf_nan=False)
    evidence: str | None = Field(default=None, description="the words that state the relation")
    note: str | None = None
    ignore: tuple[Suppression, ...] = ()

    @model_validator(mode="after")
    def _share(self) -> RuleBase:
        _share_fields_set(self)
        for v in self.__dict__.values():  # terms of sums, counts, averages, ...
            if type(v) is list:
                for x in v:
                    if isinstance(x, BaseModel):
                        _share_fields_set(x)
        read = RULE_READER.get()
        if read is not None:
            read(self)
        return self

    def claim_ids(self) -> list[str]:  # pragma: no cover - every kind overrides
        raise NotImplementedError
