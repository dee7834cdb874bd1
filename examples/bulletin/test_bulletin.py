"""Property tests of the bulletin pipeline: whatever the data, what it publishes adds up."""

from __future__ import annotations

import pytest
from bulletin import Month, render
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.testing import InconsistencyError, assert_consistent, assert_finds

REGIONS = ["North", "South", "East", "West", "Capital"]

months = st.builds(
    Month,
    year=st.integers(min_value=2000, max_value=2030),
    month=st.integers(min_value=1, max_value=12),
    calls=st.dictionaries(st.sampled_from(REGIONS), st.integers(min_value=1, max_value=50_000), min_size=1),
    previous_total=st.integers(min_value=1, max_value=250_000),
)


@given(months)
def test_the_bulletin_always_adds_up(month: Month) -> None:
    bulletin = render(month)
    assert_consistent(factcheck.check_text(bulletin.to_yaml()))


def test_a_planted_bug_is_caught() -> None:
    # The same property, run against the buggy renderer: hypothesis finds data on which
    # the published change cannot be right, and the failure names the rule and its arithmetic.
    @given(months)
    def the_buggy_bulletin_adds_up(month: Month) -> None:
        assert_consistent(factcheck.check_text(render(month, change_against_new=True).to_yaml()))

    with pytest.raises(InconsistencyError) as failure:
        the_buggy_bulletin_adds_up()
    assert "FC131 percent-change.mismatch" in str(failure.value)


def test_the_bug_on_a_known_month() -> None:
    month = Month(2024, 3, {"North": 30_000, "South": 30_000}, 40_000)  # up 50% on last month
    assert_finds(factcheck.check_text(render(month, change_against_new=True).to_yaml()),
                 code="percent-change.mismatch", rule="change_on_last_month")


def test_the_published_claim_files_add_up(factcheck_check) -> None:  # type: ignore[no-untyped-def]
    factcheck_check("claims")
