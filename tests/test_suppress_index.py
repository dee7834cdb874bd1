"""Suppressions are indexed by code and target: the index offers every one that can match."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.findings import Finding, Severity, Status
from factcheck.suppress import Suppression, _Index, _matches

_IDS = st.sampled_from(["a", "b", "c"])
_CODES = st.sampled_from(["FC101", "FC111", "FC001"])
_SUPS = st.lists(st.builds(lambda code, scope, target: Suppression(code, "why", scope, target, None, (1, 2)),
                           _CODES, st.sampled_from(["claim", "rule", "article"]), _IDS), max_size=10)
_FINDINGS = st.builds(lambda code, claims, rules: Finding(
    id="f1", status=Status.inconsistent, severity=Severity.error, kind="sum", rule=rules[0] if rules else None,
    rules=tuple(rules), claims=tuple(claims), code=code), st.none() | _CODES, st.lists(_IDS, max_size=3),
    st.lists(_IDS, max_size=2))


@given(sups=_SUPS, f=_FINDINGS)
def test_the_index_offers_every_suppression_that_can_match(sups: list[Suppression], f: Finding) -> None:
    got = _Index(sups).candidates(f)
    assert got == sorted(set(got))
    for k, s in enumerate(sups):
        if s.scope == "article":  # matched by the lines of the finding's claims
            assert (k in got) == (s.code == f.code)
        else:  # claim and rule scopes are decided by ids alone
            assert (k in got) == _matches(s, f, None)  # type: ignore[arg-type]
