"""The findings of one evaluation: a sequence whose consistent findings are made when read.

A large claim file has tens of thousands of rules that hold, and each is owed a finding
(its verdict, claims, confidence and evidence).  Most callers never read them: the
command line, the reporters, suppressions, baselines and severities look only at the
findings that are *not* consistent.  :class:`Findings` therefore keeps those as objects
and a consistent rule as an empty slot, made into its :class:`~factcheck.findings.Finding`
the first time it is read (by index, iteration, comparison, pickling) and kept from then
on.  Read in full, it is equal, finding for finding, to the list an eager evaluator
returns; :meth:`problems` gives the others without making any.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import is_, is_not
from typing import Any, overload

from .findings import Finding, Status

__all__ = ["Findings"]

#: Makes the consistent finding of the rule at an index, when it is first read.
Maker = Callable[[int], Finding]


def _never(i: int) -> Finding:  # a sequence with no empty slots needs no maker
    raise AssertionError(f"finding {i} was never made")


class Findings(Sequence[Finding]):
    """Findings in order; ``None`` slots are consistent findings not made yet.

    Immutable from outside: a change is a new sequence (:meth:`replaced`) sharing the
    slots and the maker, so a finding made through one is not made again through the
    other.
    """

    __slots__ = ("_make", "_slots")

    def __init__(self, findings: Iterable[Finding | None] = (), make: Maker = _never) -> None:
        self._slots: list[Finding | None] = list(findings)
        self._make = make

    # -- reading -----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._slots)

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...
    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        if isinstance(i, slice):
            return [self._at(k) for k in range(*i.indices(len(self._slots)))]
        f = self._slots[i]
        return f if f is not None else self._at(i)

    def _at(self, i: int) -> Finding:
        slots = self._slots
        f = slots[i]
        if f is None:
            if i < 0:
                i += len(slots)
            f = slots[i] = self._make(i)
        return f

    def __iter__(self) -> Iterator[Finding]:
        self._fill()
        return iter(self._slots)  # type: ignore[arg-type]  # no None is left

    def __reversed__(self) -> Iterator[Finding]:
        self._fill()
        return reversed(self._slots)  # type: ignore[arg-type]

    def _fill(self) -> None:
        slots, make = self._slots, self._make
        for i in compress(range(len(slots)), map(is_, slots, repeat(None))):
            slots[i] = make(i)

    def made_items(self) -> list[tuple[int, Finding]]:
        """Each finding made so far, with its index, in order.  Those not made yet are
        findings of rules that hold, with no code: what changes only findings with a
        code, or only problems, need not make them."""
        slots = self._slots
        return [(i, slots[i]) for i in compress(range(len(slots)), map(is_not, slots, repeat(None)))]  # type: ignore[misc]

    def problems(self) -> list[tuple[int, Finding]]:
        """Each finding that is not consistent, with its index, in order."""
        consistent = Status.consistent
        return [(i, f) for i, f in self.made_items() if f.status is not consistent]

    def counts(self) -> dict[str, int]:
        """How many findings of each status (by value, every status) are not suppressed.
        Those not made yet are consistent and never suppressed: they are counted, not made."""
        out = {s.value: 0 for s in Status}
        made = self.made_items()
        for _, f in made:
            if not f.suppressed:
                out[f.status.value] += 1
        out[Status.consistent.value] += len(self._slots) - len(made)
        return out

    # -- changing ----------------------------------------------------------------------
    def replaced(self, changes: Mapping[int, Finding], added: Iterable[Finding] = ()) -> Findings:
        """A new sequence: the finding at each index of ``changes`` replaced, ``added``
        appended.  Consistent findings not made yet stay unmade."""
        out = Findings.__new__(Findings)
        slots = self._slots.copy()
        for i, f in changes.items():
            slots[i] = f
        slots.extend(added)
        out._slots = slots
        # The maker reads the rule at an index: the new sequence keeps every index of
        # this one's rules, so it makes the same findings.
        out._make = self._make
        return out

    # -- values ------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Findings | list | tuple):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable through its lazy slots, as a list

    def __repr__(self) -> str:
        return f"Findings({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # The maker reads the evaluation's rules; a pickle (a --jobs worker's report)
        # carries the findings themselves.
        return (Findings, (list(self),))

    def __add__(self, other: Iterable[Finding]) -> list[Finding]:
        return [*self, *other]

    def __radd__(self, other: Iterable[Finding]) -> list[Finding]:
        return [*other, *self]
