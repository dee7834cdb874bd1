"""Findings: the verdict on each rule, as frozen values (never exceptions)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

__all__ = ["Finding", "Severity", "Status"]


class Status(StrEnum):
    consistent = "consistent"
    inconsistent = "inconsistent"
    undetermined = "undetermined"
    invalid = "invalid"


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"
    none = "none"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1, "none": 0}[self.value]


@dataclass(frozen=True)
class Finding:
    """The verdict on one rule, or on a set of rules that conflict only together."""

    id: str
    status: Status
    severity: Severity
    kind: str
    rule: str | None
    rules: tuple[str, ...]
    claims: tuple[str, ...]
    code: str | None = None
    name: str | None = None
    message: str = ""
    arithmetic: str = ""
    #: For each claim, the interval (in its own unit) it would have to lie in for the
    #: rest of the conflicting rules to hold; None when no value would do.
    needed: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    #: A smallest subset of ``claims`` whose stated values conflict by themselves (the
    #: other claims of the rule could take any value and the conflict would remain).
    conflict: tuple[str, ...] = ()
    confidence: float = 1.0
    possible: bool = False
    evidence: str | None = None
    suppressed: bool = False
    #: Why it is suppressed: the reason given with ``ignore``, or ``baseline``.
    suppression: str | None = None
    #: An explicit place (path, line, column) for findings tied to no claim or rule,
    #: such as an unused suppression comment in an article.
    where: tuple[str, int, int] | None = None
    #: ``message`` in Persian (figures in Persian digits); empty for consistent findings.
    #: Reporters show it for findings on Persian figures (docs/report.md).
    message_fa: str = ""
    #: ``arithmetic`` in Persian: the same formula and numbers, with Persian unit names,
    #: hedges and periods (figures in Persian digits); empty when ``arithmetic`` is.
    #: Reporters show it where they show ``message_fa`` (docs/report.md).
    arithmetic_fa: str = ""

    @classmethod
    def quick(cls, **values: Any) -> Finding:
        """A finding with the given fields and defaults elsewhere, made several times faster.

        A frozen dataclass sets each of its fields through ``object.__setattr__``; a
        large evaluation makes one finding per rule, so the evaluator fills the instance
        dictionary directly instead.  Unknown field names are an error, as in ``__init__``.
        """
        if not _FIELDS.issuperset(values):
            raise TypeError(f"unknown Finding fields: {sorted(values.keys() - _FIELDS)}")
        f = object.__new__(cls)
        d = f.__dict__
        d.update(_DEFAULTS)
        d["needed"] = {}
        d.update(values)
        return f

    def evolve(self, **changes: Any) -> Finding:
        """This finding with some fields changed, as :func:`dataclasses.replace` gives it,
        made the way :meth:`quick` makes one (``needed`` is copied, never shared)."""
        if not _FIELDS.issuperset(changes):
            raise TypeError(f"unknown Finding fields: {sorted(changes.keys() - _FIELDS)}")
        f = object.__new__(type(self))
        d = f.__dict__
        d.update(self.__dict__)
        d["needed"] = dict(self.needed)
        d.update(changes)
        return f

    def field_values(self) -> dict[str, Any]:
        """Every field by name, in declaration order (a shallow copy).  Not ``__dict__``:
        a :meth:`sparse` finding leaves fields at their defaults to the class."""
        return {name: getattr(self, name) for name in _FIELD_NAMES}

    def sparse(self) -> Finding:
        """This finding with the fields that hold their default value left out of its
        instance dictionary.  A dataclass keeps each field's default as a class
        attribute, so reading such a field finds the same value, as do ``==``,
        ``replace``, ``repr``, ``asdict`` and pickling, which read fields by name.
        :meth:`for_rule` copies the dictionary once per rule: a large evaluation makes
        tens of thousands, and half the dictionary is half the memory written."""
        f = object.__new__(type(self))
        object.__setattr__(f, "__dict__", {k: v for k, v in self.__dict__.items()
                                           if k not in _DEFAULTS or _DEFAULTS[k] is not v})
        return f

    def for_rule(self, id: str, rule: str, claims: tuple[str, ...], confidence: float,
                 evidence: str | None) -> Finding:
        """This finding given to another rule: :meth:`evolve` with the rule's own id,
        rule, claims, confidence and evidence.  A large evaluation gives most rules their
        kind's consistent finding this way (a :meth:`sparse` one), so it skips what
        :meth:`evolve` checks."""
        d = self.__dict__.copy()
        d["id"] = id
        d["rule"] = rule
        d["rules"] = (rule,)
        d["claims"] = claims
        d["confidence"] = confidence
        d["evidence"] = evidence
        d["needed"] = dict(self.needed)
        f = object.__new__(type(self))
        object.__setattr__(f, "__dict__", d)  # frozen: its own __setattr__ refuses
        return f


_FIELD_NAMES = tuple(f.name for f in fields(Finding))
_FIELDS = frozenset(_FIELD_NAMES)
_DEFAULTS = {f.name: f.default for f in fields(Finding) if f.default is not f.default_factory}
