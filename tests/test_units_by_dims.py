"""Kinds that declare ``units_by_dims`` keep the promise the evaluator relies on.

The evaluator runs ``check_units`` once per kind and combination of claim dimensions
that matches, and skips it for later rules with the same combination.  That is only
right if whether the check passes depends on nothing but the dimensions of
``claim_ids(rule)``: rules drawn at random over claims in many units must never pass
and fail with the same combination.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.builders import Compiler
from factcheck.files import ClaimSet
from factcheck.kinds import REGISTRY, load_all
from factcheck.model import Claim
from factcheck.semantics import DEFAULT_POLICY

load_all()
# Few dimensions, several claims in each: rules often share a combination of dimensions
# while naming different claims, which is what a check depending on more would betray.
UNITS = ["person", "call / day", "call / hour", "percent", "day", "month"]
CLAIMS = {f"c{i}_{j}": Claim(id=f"c{i}_{j}", value=1, unit=u) for i, u in enumerate(UNITS) for j in range(3)}
ids = st.sampled_from(sorted(CLAIMS))

RULES: dict[str, Any] = {
    "sum": st.builds(lambda w, ps: {"whole": w, "parts": ps}, ids, st.lists(ids, min_size=1, max_size=4)),
    "part_of": st.builds(lambda p, w: {"part": p, "whole": w}, ids, ids),
    "repeat": st.builds(lambda cs: {"claims": cs}, st.lists(ids, min_size=2, max_size=4)),
    "rate": st.builds(lambda t, rs: {"total": t, "rate": rs}, ids, st.lists(ids, min_size=1, max_size=3)),
    "percent_of": st.builds(lambda s, p, w: {"share": s, "part": p, "whole": w}, ids, ids, ids),
    "percent_change": st.builds(lambda o, n, c, f: {"old": o, "new": n, ("factor" if f else "change"): c},
                                ids, ids, ids, st.booleans()),
}


def test_every_kind_that_declares_it_is_covered() -> None:
    assert {name for name, k in REGISTRY.items() if k.units_by_dims} == set(RULES)


@pytest.mark.parametrize("name", sorted(RULES))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_the_unit_check_depends_only_on_the_dimensions(name: str, data: st.DataObject) -> None:
    kind = REGISTRY[name]
    cs = ClaimSet()
    cs.claims.update(CLAIMS)
    b = Compiler(cs, DEFAULT_POLICY)
    seen: dict[tuple[Any, ...], bool] = {}
    for n, fields in enumerate(data.draw(st.lists(RULES[name], min_size=10, max_size=40))):
        rule = kind.model(id=f"r{n}", kind=name, **fields)
        key = tuple(b.dims(cid) for cid in kind.claim_ids(rule))
        ok = kind.check_units(rule, b) is None
        assert seen.setdefault(key, ok) == ok, (rule, key)
