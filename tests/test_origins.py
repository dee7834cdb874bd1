"""``ClaimSet.origin`` behaves as the dict of ``"section:id"`` keys it stands for."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.files import Origins

sections = st.sampled_from(["claims", "rules", "documents"])
idents = st.text(alphabet="ab:.", max_size=4)  # ids may themselves hold a colon
places = st.tuples(st.sampled_from(["a.yaml", "b.json"]), st.none() | st.integers(1, 9),
                   st.none() | st.integers(1, 9))
keys = st.one_of(st.builds(lambda s, i: f"{s}:{i}", sections, idents), st.text(alphabet="ab:", max_size=5))


@given(items=st.lists(st.tuples(sections, idents, places), max_size=8), probes=st.lists(keys, max_size=8))
def test_origins_read_as_a_dict(items: list[tuple[str, str, tuple[str, int | None, int | None]]],
                                probes: list[str]) -> None:
    o = Origins()
    want: dict[str, tuple[str, int | None, int | None]] = {}
    for section, ident, where in items:
        if len(want) % 2:
            o[f"{section}:{ident}"] = where
        else:
            o.put(section, ident, where)
        want[f"{section}:{ident}"] = where
    assert dict(o) == want and len(o) == len(want)
    for key in [*want, *probes]:
        assert o.get(key) == want.get(key)
        assert o.get(key, "missing") == want.get(key, "missing")
        assert (key in o) == (key in want)
