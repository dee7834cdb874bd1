"""Claims read into columns while they are loaded (:mod:`factcheck.claimtable`).

An evaluation trusts a loaded file's table instead of reading its claims again, so the
table must give exactly the columns the claims give — bit for bit, in every hedge,
rounding policy, unit, sign and way of writing a figure — and must be trusted only while
it describes the claim set as it is: the same claim objects in the same order.  Each
test compares with the frozen claim-by-claim reading (``tests/claimcols_reference.py``),
which never sees a table, and checks that the table was (or was not) used.
"""

from __future__ import annotations

import json
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck.builders as builders
from factcheck.builders import Screener, claim_lang
from factcheck.claimcols import ClaimColumns, claim_columns
from factcheck.claimtable import Reader, described, reading
from factcheck.errors import ClaimFileError
from factcheck.files import ClaimSet, load_paths, load_text
from factcheck.model import CLAIM_READER, Claim, Hedge
from factcheck.semantics import Policy, Tolerance
from factcheck.units import canonical

UNITS = ["dimensionless", "person", "call / day", "call / hour", "percent", "kilometer", "month",
         "case / month", "toman / year", "mile"]
figures = st.one_of(
    st.integers(-10**12, 10**12),
    st.decimals(min_value=-10**20, max_value=10**20, allow_nan=False, allow_infinity=False),
    # whole numbers ending in zeros, written with an exponent or not: the rounding policies
    # read their digits differently
    st.builds(lambda m, z, e: Decimal(m).scaleb(z) if e else Decimal(m * 10**z),
              st.integers(-999, 999), st.integers(0, 30), st.booleans()),
    st.sampled_from([Decimal("1E+59"), Decimal("-4.2E+55"), Decimal("1.0"), Decimal("1.00"),
                     Decimal("0"), Decimal("0E+3"), Decimal("-0.000"), Decimal("1e-40"),
                     Decimal("12345678901234567890123456789012345678"), Decimal("3." + "1" * 70)]),
)
rounding_units = st.sampled_from([Decimal(1), Decimal("0.1"), Decimal(1000), Decimal("0.005"), Decimal("2.5E+3")])


@st.composite
def claim_fields(draw: st.DrawFn, k: int) -> dict[str, Any]:
    """One claim of a file: every hedge, rounding unit, scale word, sign, unit, language."""
    hedge = draw(st.sampled_from(list(Hedge)))
    fields: dict[str, Any] = {"id": f"c{k}", "unit": draw(st.sampled_from(UNITS))}
    if hedge is not Hedge.exact or draw(st.booleans()):
        fields["hedge"] = hedge.value
    value = draw(figures)
    if hedge is Hedge.range:
        fields["value"] = value
        fields["value_max"] = value + abs(draw(figures))
    elif draw(st.integers(0, 9)):
        fields["value"] = value
    if draw(st.booleans()):
        fields["precision"] = draw(rounding_units)
    elif not draw(st.integers(0, 3)):
        fields["scale"] = draw(st.sampled_from([Decimal(1000), Decimal(10**6)]))
    if draw(st.booleans()):
        fields["signed"] = True
    if not draw(st.integers(0, 3)):
        fields["lang"] = draw(st.sampled_from(["fa", "en"]))
    return fields


def claim_files(min_size: int = 0, max_size: int = 12) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.integers(min_size, max_size).flatmap(lambda n: st.tuples(*(claim_fields(k) for k in range(n)))).map(
        _valid)


def _valid(claims: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """The claims the model accepts (a range needs value_max >= value, which abs() gives)."""
    out = []
    for c in claims:
        try:
            Claim(**c)
        except ValueError:
            continue
        out.append(c)
    return out


tolerance = st.one_of(st.none(), st.decimals(min_value=0, max_value=2, places=3))


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Both rounding policies, counts read as whole numbers or not, tolerances per hedge
    and per language."""
    rounding = draw(st.sampled_from(["significant", "last-digit"]))
    counts = draw(st.booleans())
    hedge = draw(st.sampled_from(list(Hedge)))
    tol = Tolerance(below=draw(tolerance), above=draw(tolerance))
    choice = draw(st.integers(0, 2))
    if choice == 0:
        return Policy(rounding=rounding, integer_counts=counts)
    if choice == 1:
        return Policy(rounding=rounding, tolerances={hedge: tol}, integer_counts=counts)
    return Policy(rounding=rounding, languages={"fa": {hedge: tol}}, integer_counts=counts)


def _json_value(v: Any) -> str:
    """A figure as a JSON number written as it is (not a string); anything else as JSON."""
    return str(v) if isinstance(v, int | Decimal) and not isinstance(v, bool) else json.dumps(v)


def file_text(claims: list[dict[str, Any]], fmt: str, lang: str | None = None) -> str:
    """A claim file as a person or a program writes it: figures as written (JSON numbers,
    YAML plain scalars), in JSON or block-style YAML."""
    if fmt == "json":
        rows = []
        for c in claims:
            parts = [f'"{k}": {_json_value(v)}' for k, v in c.items()]
            rows.append("{" + ", ".join(parts) + "}")
        doc = f'"document": {{"id": "d", "lang": "{lang}"}}, ' if lang else ""
        return "{" + doc + '"claims": [' + ",\n".join(rows) + "]}"
    lines = [f"document: {{id: d, lang: {lang}}}"] if lang else []
    lines.append("claims:" if claims else "claims: []")
    for c in claims:
        first = True
        for k, v in c.items():
            text = str(v).lower() if isinstance(v, bool) else str(v)
            lines.append(f"{'  - ' if first else '    '}{k}: {text}")
            first = False
    return "\n".join(lines) + "\n"


def reference(cs: ClaimSet, policy: Policy) -> ClaimColumns:
    """The columns as the claims give them, read one by one by the frozen reading."""
    import claimcols_reference

    return claimcols_reference.claim_columns(cs.claims, policy, lambda cid: claim_lang(cs, cid), canonical)  # type: ignore[no-any-return]


def columns(cs: ClaimSet, policy: Policy, tables: Any = "cs") -> ClaimColumns:
    return claim_columns(cs.claims, policy, lambda cid: claim_lang(cs, cid), canonical,
                         cs.claim_tables if tables == "cs" else tables)


def assert_same(got: ClaimColumns, want: ClaimColumns) -> None:
    """Bit for bit: every float's bytes (so signed zeros too), dtypes, index and its order."""
    assert got.index == want.index and list(got.index) == list(want.index)
    assert got.dims_table == want.dims_table
    for name in ("lo", "hi", "dims_no", "unstated"):
        a, b = getattr(got, name), getattr(want, name)
        assert a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes(), name


def _table_used(cs: ClaimSet) -> bool:
    return described(cs.claim_tables, cs.claims) is not None


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim_files(), policies(), st.sampled_from(["json", "yaml"]), st.sampled_from([None, "fa", "en"]))
@example([{"id": "c0", "value": Decimal("3.0E+3"), "unit": "person"},
          {"id": "c1", "value": 4500, "unit": "kilometer", "hedge": "about"}],
         Policy(rounding="last-digit"), "yaml", None)
@example([{"id": "c0", "value": Decimal("-0.000"), "unit": "month", "signed": True},
          {"id": "c1", "value": 1000, "unit": "person", "scale": Decimal(1000)}],
         Policy(integer_counts=True), "json", "fa")
def test_a_loaded_files_table_gives_the_columns_its_claims_give(
        claims: list[dict[str, Any]], policy: Policy, fmt: str, lang: str | None) -> None:
    cs = load_text(file_text(claims, fmt, lang), f"claims.{fmt}")
    assert [c.id for c in cs.claims.values()] == [c["id"] for c in claims]
    assert _table_used(cs)
    got = columns(cs, policy)
    assert_same(got, reference(cs, policy))
    assert_same(got, columns(cs, policy, tables=None))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(claim_files(max_size=6), min_size=1, max_size=4), policies())
def test_files_merged_keep_their_tables_with_units_renumbered(files: list[list[dict[str, Any]]],
                                                             policy: Policy) -> None:
    cs = ClaimSet()
    for i, claims in enumerate(files):
        for c in claims:
            c["id"] = f"f{i}.{c['id']}"
        cs.add(load_text(file_text(claims, "yaml"), f"f{i}.yaml"))
    assert cs.claim_tables is not None and len(cs.claim_tables) == len(files)
    assert _table_used(cs)
    assert_same(columns(cs, policy), reference(cs, policy))


def _two_files(tmp_path: Path) -> list[Path]:
    a = [{"id": "a1", "value": 1200, "unit": "person"}, {"id": "a2", "value": Decimal("12.5"), "unit": "percent"},
         {"id": "a3", "value": 3, "unit": "kilometer", "hedge": "about"}]
    b = [{"id": "b1", "value": 7, "unit": "mile"}, {"id": "b2", "value": 40, "unit": "person", "signed": True},
         {"id": "b3", "unit": "percent"}, {"id": "b4", "value": 3000, "unit": "call / day", "hedge": "nearly"}]
    paths = [tmp_path / "a.yaml", tmp_path / "b.json"]
    paths[0].write_text(file_text(a, "yaml"), encoding="utf-8")
    paths[1].write_text(file_text(b, "json"), encoding="utf-8")
    return paths


def test_load_paths_merges_tables_and_the_evaluation_uses_them(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    cs = load_paths(_two_files(tmp_path))
    assert cs.claim_tables is not None and [len(t) for t in cs.claim_tables] == [3, 4]
    # Units numbered in order of first use across both files: "person" is number 0 in both.
    got = described(cs.claim_tables, cs.claims)
    assert got is not None and got[3] == ["person", "percent", "kilometer", "mile", "call / day"]
    for policy in (Policy(), Policy(rounding="last-digit")):
        assert_same(columns(cs, policy), reference(cs, policy))
    # The screener of an evaluation passes the claim set's tables on.
    seen: list[Any] = []

    def recording(*args: Any) -> ClaimColumns:
        seen.append(args[4])
        return claim_columns(*args)

    monkeypatch.setattr(builders, "claim_columns", recording)
    Screener(cs, Policy())
    assert seen == [cs.claim_tables]


def _loaded(tmp_path: Path) -> ClaimSet:
    cs = load_paths(_two_files(tmp_path))
    assert _table_used(cs)
    return cs


def _edited_gives_its_own_columns(cs: ClaimSet, before: ClaimColumns | None = None) -> None:
    """The edited set is read from its claims, and reads differently from before the edit
    (so a table wrongly trusted would have shown)."""
    assert not _table_used(cs)
    for policy in (Policy(), Policy(rounding="last-digit")):
        got = columns(cs, policy)
        assert_same(got, reference(cs, policy))
    if before is not None:
        got = columns(cs, Policy())
        assert (got.lo.tobytes(), got.hi.tobytes()) != (before.lo.tobytes(), before.hi.tobytes())


def test_a_claim_replaced_after_loading_is_read_from_the_claims(tmp_path: Path) -> None:
    cs = _loaded(tmp_path)
    before = columns(cs, Policy())
    cs.claims["a1"] = cs.claims["a1"].model_copy(update={"value": Decimal(1300)})
    _edited_gives_its_own_columns(cs, before)


def test_a_claim_replaced_by_an_equal_one_written_differently_is_read_again(tmp_path: Path) -> None:
    # 12.5 and 12.50 are equal Decimals, and the claims compare equal; their rounding
    # differs (±0.05 against ±0.005): only the same object is the same claim.
    cs = _loaded(tmp_path)
    before = columns(cs, Policy())
    old = cs.claims["a2"]
    new = old.model_copy(update={"value": Decimal("12.50")})
    assert new == old and new is not old
    cs.claims["a2"] = new
    _edited_gives_its_own_columns(cs, before)


def test_a_claim_added_or_removed_after_loading_is_read_from_the_claims(tmp_path: Path) -> None:
    cs = _loaded(tmp_path)
    cs.claims["z"] = Claim(id="z", value=Decimal(5), unit="month")
    _edited_gives_its_own_columns(cs)
    cs = _loaded(tmp_path)
    del cs.claims["b4"]
    _edited_gives_its_own_columns(cs)
    cs = _loaded(tmp_path)
    del cs.claims["a1"]
    cs.claims["z"] = Claim(id="z", value=Decimal(5), unit="month")  # as many claims as before
    _edited_gives_its_own_columns(cs)


def test_claims_reordered_after_loading_are_read_from_the_claims(tmp_path: Path) -> None:
    cs = _loaded(tmp_path)
    before = columns(cs, Policy())
    first = cs.claims.pop("a1")
    cs.claims["a1"] = first  # the same objects, in another order
    _edited_gives_its_own_columns(cs, before)


def test_claims_under_new_ids_keep_the_table(tmp_path: Path) -> None:
    # The table describes claim objects; the index comes from the ids as they are now.
    cs = _loaded(tmp_path)
    cs.claims = {f"x{k}": c for k, c in enumerate(cs.claims.values())}
    assert _table_used(cs)
    assert_same(columns(cs, Policy()), reference(cs, Policy()))
    assert list(columns(cs, Policy()).index) == [f"x{k}" for k in range(7)]


def test_a_hand_built_part_drops_the_tables_of_a_merge(tmp_path: Path) -> None:
    cs = _loaded(tmp_path)
    hand = ClaimSet()
    hand.claims["h"] = Claim(id="h", value=Decimal(2), unit="person")
    assert hand.claim_tables == () and not _table_used(hand)
    cs.add(hand)
    assert cs.claim_tables is None
    _edited_gives_its_own_columns(cs)
    hand = ClaimSet()
    hand.claims["h"] = Claim(id="h", value=Decimal(2), unit="person")
    hand.add(_loaded(tmp_path))
    assert hand.claim_tables is None


def test_a_part_edited_before_merging_is_read_from_the_claims(tmp_path: Path) -> None:
    a, b = (load_text(p.read_text("utf-8"), str(p)) for p in _two_files(tmp_path))
    a.claims["a3"] = a.claims["a3"].model_copy(update={"hedge": Hedge.more_than})
    a.add(b)  # as many claims as the tables describe, but not the same ones
    _edited_gives_its_own_columns(a)


def test_a_merge_stopped_by_a_duplicate_id_drops_the_tables(tmp_path: Path) -> None:
    cs = _loaded(tmp_path)
    again = load_text(_two_files(tmp_path)[1].read_text("utf-8"), "again.json")
    with pytest.raises(ClaimFileError, match="duplicate id"):
        cs.add(again)
    assert cs.claim_tables is None


def test_the_reader_is_set_only_while_a_file_is_validated() -> None:
    assert CLAIM_READER.get() is None
    with pytest.raises(ClaimFileError):
        load_text("claims:\n  - id: a\n    value: 1\n  - id: b\n    value: x\n", "bad.yaml")
    assert CLAIM_READER.get() is None
    Claim(id="free", value=Decimal(1))  # made outside loading: no reader, no error
    cs = load_text("claims:\n  - id: a\n    value: 1\n", "ok.yaml")
    assert cs.claim_tables is not None and cs.claim_tables[0].claims == [cs.claims["a"]]


def test_a_table_is_only_for_the_claims_it_read_in_order() -> None:
    a, b = Claim(id="a", value=Decimal(1)), Claim(id="b", value=Decimal(2))
    with reading() as reader:
        Claim(id="a", value=Decimal(1))
        Claim(id="b", value=Decimal(2))
    # equal claims, but other objects
    assert reader.table([a, b]) is None
    with reading() as reader:
        x = Claim.model_validate({"id": "a", "value": 1})
        y = Claim.model_validate({"id": "b", "value": 2})
    assert reader.table([y, x]) is None and reader.table([x]) is None
    assert reader.table([x, y]) is not None


def test_files_loaded_in_threads_at_once_each_read_their_own_claims() -> None:
    texts = [file_text([{"id": f"t{i}.{k}", "value": i * 100 + k, "unit": UNITS[(i + k) % len(UNITS)]}
                        for k in range(300)], "yaml") for i in range(4)]
    results: list[ClaimSet | None] = [None] * len(texts)

    def load(i: int) -> None:
        for _ in range(5):
            results[i] = load_text(texts[i], f"t{i}.yaml")

    threads = [threading.Thread(target=load, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for cs in results:
        assert cs is not None and _table_used(cs)
        assert_same(columns(cs, Policy()), reference(cs, Policy()))


def test_the_reader_reads_as_claim_columns_did_when_asked_directly() -> None:
    # The fallback reads claims through the same Reader, one pass, at evaluation time.
    claims = [Claim(id="a", value=Decimal("7.50"), unit="person"), Claim(id="b", value=None, unit="month"),
              Claim(id="c", value=Decimal(10) ** 59, unit="person")]
    r = Reader()
    for c in claims:
        r.add(c)
    values, halves, codes, units = r.columns()
    assert values.tolist()[0] == 7.5 and halves.tolist()[0] == 0.005
    assert units == ["person", "month"]
    assert np.array_equal(codes >> 16, [0, 1, 0])


def test_claims_beyond_the_float_reading_take_the_slow_path_as_before() -> None:
    # Validation refuses figures beyond 10^61; claims made without it (model_construct)
    # reach the reading of claim sets built by hand, and take the Decimal path there.
    cs = ClaimSet()
    for k, v in enumerate(["1e300", "-2.5e260", "7", "1e249", "0E+70", "1E+200"]):
        c = Claim.model_construct(id=f"h{k}", value=Decimal(v), unit="person", signed=True)
        cs.claims[c.id] = c
    for policy in (Policy(), Policy(rounding="last-digit")):
        got = columns(cs, policy)
        assert_same(got, reference(cs, policy))
        assert got.hi[0] > 1e299 and got.lo[1] < -2e260


def test_a_zero_with_an_exponent_beyond_floats_loads_and_reads_exactly() -> None:
    # 0E+400 passes validation (zero is in range); its rounding unit, 10^400, is no float:
    # it is read through float_interval (Decimal), where the float reading overflowed.
    from factcheck.semantics import float_interval

    cs = load_text('{"claims": [{"id": "z", "value": 0E+400}, {"id": "w", "value": 0E+300}]}', "z.json")
    assert _table_used(cs)
    for policy in (Policy(), Policy(rounding="last-digit")):
        got = columns(cs, policy)
        assert (got.lo[0], got.hi[0]) == float_interval(cs.claims["z"], policy)
        assert got.hi[1] >= 5e299


def test_a_claim_set_sent_to_another_process_keeps_its_table(tmp_path: Path) -> None:
    # pickle (``--jobs``, Dask) and deepcopy keep which objects are the same, so the
    # copy's table describes the copy's claims.
    import copy
    import pickle

    cs = _loaded(tmp_path)
    for other in (pickle.loads(pickle.dumps(cs)), copy.deepcopy(cs)):
        assert _table_used(other)
        assert_same(columns(other, Policy()), reference(cs, Policy()))
