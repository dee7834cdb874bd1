"""Counts that each carry a share, when the shares cannot make up a whole of their own.

"Thefts numbered 5,000 (40 percent) and assaults 2,500 (20 percent)": 60 percent at most, so
the shares are not of the two counts together but of the 12,500 crimes stated before, each of
them.  Shares that may add up to all (59 and 41 percent) keep the reading "of the parts
together", and no total stated before is taken for them.
"""

from __future__ import annotations

import pytest

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

from factcheck.articles import claimset_from_article
from factcheck.evaluate import evaluate
from factcheck.findings import Status

TEXT = ("The city recorded 12,500 crimes last year. Thefts numbered 5,000 (40 percent) and assaults 2,500 "
        "(20 percent).\n")


def _shares(text: str) -> list[tuple[str, Status]]:
    cs = claimset_from_article(text, "t.txt", "en")
    quote = {cid: c.source.quote if c.source and c.source.quote else cid for cid, c in cs.claims.items()}
    rules = {r.id: r for r in cs.rules.values()}
    return sorted((quote[rules[f.rule].part], f.status) for f in evaluate(cs).findings  # type: ignore[attr-defined]
                  if f.kind == "percent_of" and f.rule in rules)


def test_each_share_is_of_the_total_stated_before() -> None:
    assert _shares(TEXT) == [("2,500", Status.consistent), ("5,000", Status.consistent)]
    # the second share is checked too: 3,500 is 28 percent of 12,500, not 20
    assert _shares(TEXT.replace("2,500", "3,500")) == [("3,500", Status.inconsistent), ("5,000", Status.consistent)]


def test_shares_that_may_make_a_whole_take_no_total() -> None:
    text = TEXT.replace("40 percent", "59 percent").replace("20 percent", "41 percent")
    assert _shares(text) == []
