"""The claims a finding names as conflicting (``Finding.conflict``) are a smallest set.

Checked against an oracle written here from the definition, for sums: with the claims of
``conflict`` at their stated intervals and every other claim free (any value >= 0), the
rule cannot hold; freeing any one more claim of ``conflict`` lets it hold.  The oracle
is plain interval arithmetic on :class:`fractions.Fraction`, sharing nothing with the
evaluator's propagation but the stated intervals.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.evaluate import evaluate
from factcheck.files import ClaimSet
from factcheck.findings import Status
from factcheck.kinds.sum import SumRule
from factcheck.model import Claim, Hedge, RuleBase
from factcheck.semantics import Bound, stated_interval

INF = float("inf")


def _holds(whole: tuple[Bound, Bound], parts: list[tuple[Bound, Bound]]) -> bool:
    """Whether whole = sum(parts) has a solution in the given intervals (all >= 0)."""
    lo = sum((p[0] for p in parts), Fraction(0))
    hi: Bound = INF if any(p[1] == INF for p in parts) else sum((p[1] for p in parts), Fraction(0))
    return not (lo > whole[1] or hi < whole[0])


Intervals = dict[str, tuple[Bound, Bound]]


def _assert_smallest(claims: list[Claim], rule: RuleBase, holds: Callable[[Intervals], bool]) -> None:
    """Evaluate ``rule`` on ``claims``: its conflict cannot hold (by ``holds``, given each
    claim's interval) and each of its claims is needed; a rule said to hold holds with
    every claim at its stated interval."""
    cs = ClaimSet(claims={c.id: c for c in claims}, rules={rule.id: rule})
    (f,) = evaluate(cs).findings
    stated = {c.id: stated_interval(c) for c in claims}
    free: tuple[Bound, Bound] = (Fraction(0), INF)

    def pinned(ids: set[str]) -> bool:
        return holds({cid: stated[cid] if cid in ids else free for cid in stated})

    if f.status is not Status.inconsistent:
        assert pinned(set(stated))
        return
    conflict = set(f.conflict)
    assert conflict <= set(stated)
    assert not pinned(conflict)
    for cid in conflict:
        assert pinned(conflict - {cid}), f"{cid} is not needed in {sorted(conflict)}"


_HEDGES = st.sampled_from([Hedge.exact, Hedge.about, Hedge.nearly, Hedge.more_than, Hedge.less_than])
_VALUES = st.integers(min_value=1, max_value=10**6)


@settings(max_examples=300, deadline=None)
@given(whole=st.tuples(_VALUES, _HEDGES), parts=st.lists(st.tuples(_VALUES, _HEDGES), min_size=1, max_size=5))
def test_sum_conflict_is_a_smallest_set(whole: tuple[int, Hedge],
                                        parts: list[tuple[int, Hedge]]) -> None:
    claims = [Claim(id="w", value=whole[0], hedge=whole[1], unit="person")]
    claims += [Claim(id=f"p{i}", value=v, hedge=h, unit="person") for i, (v, h) in enumerate(parts)]
    rule = SumRule(id="r", kind="sum", whole="w", parts=[f"p{i}" for i in range(len(parts))])
    _assert_smallest(claims, rule, lambda iv: _holds(iv["w"], [iv[f"p{i}"] for i in range(len(parts))]))


def _times(a: tuple[Bound, Bound], b: tuple[Bound, Bound]) -> tuple[Bound, Bound]:
    """The product of two intervals of values >= 0 (a zero bound times an infinite one is 0:
    the set {0 · y} is {0})."""
    lo = a[0] * b[0]
    hi: Bound = 0 if a[1] == 0 or b[1] == 0 else (INF if INF in (a[1], b[1]) else a[1] * b[1])
    return lo, hi


@settings(max_examples=300, deadline=None)
@given(part=st.tuples(_VALUES, _HEDGES), whole=st.tuples(_VALUES, _HEDGES),
       share=st.tuples(st.integers(min_value=0, max_value=1000), _HEDGES,
                       st.integers(min_value=0, max_value=2)))
def test_share_conflict_is_a_smallest_set(part: tuple[int, Hedge], whole: tuple[int, Hedge],
                                          share: tuple[int, Hedge, int]) -> None:
    """The same for a product (``percent_of``: part = share × whole), where the deletion
    runs on exact propagation rather than a closed form."""
    from decimal import Decimal

    from factcheck.kinds.percent_of import PercentOfRule

    share_value = Decimal(share[0]).scaleb(-share[2])  # 0 to 1000 percent, 0-2 decimals
    claims = [Claim(id="p", value=part[0], hedge=part[1], unit="person"),
              Claim(id="w", value=whole[0], hedge=whole[1], unit="person"),
              Claim(id="s", value=share_value, hedge=share[1], unit="percent")]
    rule = PercentOfRule(id="r", kind="percent_of", share="s", part="p", whole="w")

    def holds(iv: Intervals) -> bool:
        s_lo, s_hi = iv["s"]
        fraction = (s_lo / 100, s_hi if s_hi == INF else s_hi / 100)
        lo, hi = _times(fraction, iv["w"])
        return not (lo > iv["p"][1] or hi < iv["p"][0])

    _assert_smallest(claims, rule, holds)
