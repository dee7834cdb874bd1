"""factcheck.jsontext writes exactly what json.dumps(indent=2, ensure_ascii=False) writes."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.jsontext import dumps

scalars = (st.none() | st.booleans() | st.integers() | st.floats()
           | st.text(alphabet=st.characters(codec="utf-8"), max_size=8)
           | st.sampled_from(["", "\u200c", "«۱۲۳»", "\n\t\"\\", "\x00\x1f", "\ud7ff", "😀"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(max_size=4), inner, max_size=4), max_leaves=30)


@settings(max_examples=500, deadline=None)
@given(values)
def test_the_same_text_as_the_standard_library(obj: Any) -> None:
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


class _Level(StrEnum):
    high = "high"


class _Rank(IntEnum):
    one = 1


@given(st.sampled_from([{1: "a"}, {None: 1, "b": [2.5]}, {"s": _Level.high}, [_Rank.one], {"k": {1.5: True}},
                        {"x": (1, [{}, []])}]))
def test_what_it_leaves_to_the_standard_library_comes_out_the_same(obj: Any) -> None:
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=2)
