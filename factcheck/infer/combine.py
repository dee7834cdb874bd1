"""Merge what the patterns propose into one consistent set of claims and rules.

Duplicates (the same kind over the same claims) keep the most confident proposal; a
proposal that would retype a claim differently from an earlier, more confident one is
dropped; a rule whose units cannot match after retyping is dropped rather than reported
as invalid, since inference, not the author, put it together.  Rule ids are the kind and
a number in text order, so they are stable between runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from ..kinds import load_all as load_kinds
from ..model import Claim, RuleBase
from ..units import canonical
from . import Inference, Proposal
from .doc import Doc

__all__ = ["combine"]


class _UnitsProbe:
    """Just enough of :class:`factcheck.kinds.Builder` for ``check_units``."""

    def __init__(self, claims: dict[str, Claim]) -> None:
        self.claims = claims

    def model(self, cid: str) -> Claim:
        return self.claims[cid]

    def dims(self, cid: str) -> tuple[tuple[str, int], ...]:
        return canonical(self.claims[cid].unit).dims

    def claim(self, cid: str) -> int:  # pragma: no cover - not used by check_units
        return 0

    def any_unstated(self, ids: Iterable[str]) -> bool:  # pragma: no cover
        return any(self.claims[cid].value is None for cid in ids)

    def const(self, lo: Any, hi: Any) -> int:  # pragma: no cover
        return 0

    def aux(self) -> int:  # pragma: no cover
        return 0

    def linear(self, terms: list[tuple[Fraction, int]], lo: Any, hi: Any) -> None:  # pragma: no cover
        return None

    def mul(self, z: int, x: int, y: int) -> None:  # pragma: no cover
        return None

    def period_seconds(self, cid: str, override: str | None) -> None:  # pragma: no cover
        return None


def combine(doc: Doc, found: list[tuple[str, Proposal]]) -> Inference:
    kinds = load_kinds()
    claims: dict[str, Claim] = {c.id: c for c in doc.claims}
    retyped: dict[str, str] = {}
    used: set[str] = set()
    chosen: dict[tuple[str, frozenset[str]], Proposal] = {}
    # Most confident first, then text order of the first claim, so ties are stable.
    order = {f.id: f.start for f in doc.figures}

    def first_pos(p: Proposal) -> int:
        ids = kinds[p.rule.kind].claim_ids(p.rule)
        return min((order.get(i, 10**9) for i in ids), default=10**9)

    for _name, p in sorted(found, key=lambda np: (-np[1].rule.confidence, first_pos(np[1]))):
        kind = kinds[p.rule.kind]
        ids = kind.claim_ids(p.rule)
        key = (p.rule.kind, frozenset(ids))
        if key in chosen:
            continue
        # A claim an accepted rule already uses keeps its unit: retyping it would break that rule.
        if any(retyped.get(cid, u) != u or (cid in used and claims[cid].unit != u)
               for cid, u in p.retype.items()):
            continue
        trial = dict(claims)
        for c in p.added:
            trial.setdefault(c.id, c)
        for cid, unit in p.retype.items():
            if cid in trial and trial[cid].unit != unit:
                trial[cid] = trial[cid].model_copy(update={"unit": unit})
        if any(cid not in trial for cid in ids):
            continue
        try:
            bad = kind.check_units(p.rule, _UnitsProbe(trial))
        except Exception:  # a rule inference cannot even type-check is not worth proposing
            bad = "unchecked"
        if bad is not None:
            continue
        chosen[key] = p
        claims = trial
        retyped.update(p.retype)
        used.update(ids)

    rules: list[RuleBase] = []
    counts: dict[str, int] = {}
    for p in sorted(chosen.values(), key=first_pos):
        n = counts[p.rule.kind] = counts.get(p.rule.kind, 0) + 1
        rules.append(p.rule.model_copy(update={"id": f"{p.rule.kind}_{n}"}))
    return Inference(list(claims.values()), rules)
