"""The fast YAML reader reads what PyYAML reads, and leaves the rest to PyYAML.

:mod:`factcheck.yamlfast` must either give exactly the value PyYAML's safe loader (with
factcheck's exact decimals) gives, or decline with ``Unsupported``; it must never accept
text that PyYAML rejects.  Claim files must load to the same claims and fail with the same
one-line errors whichever reader read them.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import yamlfast
from factcheck.errors import ClaimFileError
from factcheck.files import _FastLoader, _load_text, load_text

CONSTRUCTORS = _FastLoader.yaml_constructors
RESOLVERS = _FastLoader.yaml_implicit_resolvers


def slow(text: str) -> Any:
    return yaml.load(text, Loader=_FastLoader)


def same(a: Any, b: Any) -> bool:
    """Equality that also holds for NaN, and tells 1 from True and Decimal('1.0') from 1."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    if isinstance(a, Decimal):
        return str(a) == str(b)
    return bool(a == b)


def check_agrees(text: str) -> bool:
    """Fast and slow readers agree on ``text``; return whether the fast one read it."""
    try:
        fast = yamlfast.load(text, CONSTRUCTORS, RESOLVERS)
    except yamlfast.Unsupported:
        return False
    expected = slow(text)  # raises if the fast reader accepted what PyYAML rejects
    assert same(fast, expected), (text, fast, expected)
    return True


# Scalars chosen to exercise YAML 1.1 typing: numbers in every notation, words PyYAML reads
# as booleans and nulls, dates, octal-looking and sexagesimal figures, text with YAML's
# special characters, Persian digits and the zero-width non-joiner.
TRICKY = [
    "yes", "No", "on", "OFF", "y", "n", "true", "False", "null", "Null", "~", "", " ",
    "0", "00", "0123", "0x1F", "0b101", "0o17", "1_000", "1,000", "+5", "-5", "-0", "1:30",
    "190:20:30", "1.5", "-1.5", ".5", "1.", "1e3", "1.0e+3", "1.0E-3", ".inf", "-.Inf", ".nan",
    "2024-01-31", "2024-1-31", "2024-02-30", "2001-12-14t21:59:43.10-05:00", "=", "<<",
    "a: b", "a:b", "a #b", "a#b", "#a", "-", "- a", "--", "---", "...", "?", "? a", ":",
    "a:", "[a]", "{a: 1}", "a, b", "'", '"', "it's", 'say "hi"', "back\\slash", "tab\there",
    "&anchor", "*alias", "!tag", "|", ">", "%", "@", "`", "line\nbreak", "trailing ",
    " leading", "\u06f2\u06f0 \u062f\u0631\u0635\u062f", "\u0645\u06cc\u200c\u0634\u0648\u062f",
    "case / day", "6 month", "person", "\ufeffbom", "\x85", "\u2028",
]
scalars = st.one_of(
    st.sampled_from(TRICKY),
    st.integers(min_value=-10**20, max_value=10**20),
    st.text(alphabet=st.sampled_from("ab1 .-:#'\"[]{},_\u06f1\u200c"), max_size=8),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.booleans(), st.none(),
)
keys = st.one_of(st.sampled_from(["id", "value", "unit", "a.b", "x-y", "_k", "on", "null", "1", "a b", "k:"]),
                 st.text(alphabet="abz_.-", min_size=1, max_size=5))
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=20,
).filter(lambda d: isinstance(d, dict | list))
dump_styles = st.fixed_dictionaries({
    "default_flow_style": st.sampled_from([False, None, True]),
    "indent": st.sampled_from([2, 4]),
    "width": st.sampled_from([20, 80, 10_000]),
    "allow_unicode": st.booleans(),
    "sort_keys": st.booleans(),
})


@given(documents, dump_styles)
def test_fast_reader_agrees_with_pyyaml_on_dumped_documents(doc: Any, style: dict[str, Any]) -> None:
    check_agrees(yaml.safe_dump(doc, **style))


# Characters that change how YAML reads a line, for random edits of valid documents.
EDITS = [*" -:#'\"[]{},&*!|>?%@`\n\t\r~.0", "- ", ": ", " #", "  ", "\n  ", "---\n", "\ufeff"]


@given(documents, dump_styles, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3),
                                                    st.sampled_from(EDITS)), min_size=1, max_size=4))
@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)  # PyYAML's own reading can be slow
def test_fast_reader_never_accepts_what_pyyaml_reads_otherwise(doc: Any, style: dict[str, Any],
                                                               edits: list[tuple[int, int, str]]) -> None:
    text = yaml.safe_dump(doc, **style)
    for pos, cut, insert in edits:
        pos %= len(text) + 1
        text = text[:pos] + insert + text[pos + cut:]
    try:
        fast = yamlfast.load(text, CONSTRUCTORS, RESOLVERS)
    except yamlfast.Unsupported:
        return
    try:
        expected = slow(text)
    except (yaml.YAMLError, ValueError) as exc:
        raise AssertionError(f"fast reader accepted text PyYAML rejects ({exc}):\n{text!r}") from None
    assert same(fast, expected), (text, fast, expected)


BLOCK_FILE = """\
# a machine-written claim file
schema: factcheck-claims/1
claims:
- id: a0.xp0
  value: 50874
  unit: person
  precision: 1
- id: a0.xs
  value: '64.8'
  unit: case / day   # per day
  hedge: about
  period:
    duration: 6 month
  subject: {text: "share of the police's services", tags: [police, 'services']}
  source: {document: qom, span: [114, 126], quote: "\u062d\u062f\u0648\u062f \u06f2\u06f0"}
rules:
  - id: r1
    kind: sum
    whole: a0.xs
    parts:
      - a0.xp0
    note:
"""


def test_block_style_claim_files_are_read_by_the_fast_reader() -> None:
    # The style large files are written in must not fall back (that is the point).
    assert check_agrees(BLOCK_FILE)
    assert check_agrees(BLOCK_FILE.replace("\n", "\r\n"))
    data = yamlfast.load(BLOCK_FILE, CONSTRUCTORS, RESOLVERS)
    assert data["claims"][1]["value"] == "64.8"
    assert data["rules"][0]["note"] is None


@pytest.mark.parametrize("text", [
    "a: |\n  text\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: b\n  c\n", "--- \na: 1\n",
    "a:\n\tb: 1\n", "a: 'x\n  y'\n", 'a: "x\\ty"\n', "? a\n: b\n", "a: [1,\n  2]\n", "42\n", "...\n",
    "a: 1\n b: 2\n", "- a\nb: 1\n", "<<: {a: 1}\n", "a: b: c\n",
])
def test_what_the_fast_reader_leaves_to_pyyaml(text: str) -> None:
    with pytest.raises(yamlfast.Unsupported):
        yamlfast.load(text, CONSTRUCTORS, RESOLVERS)


def _outcome(text: str, fast: bool) -> tuple[str, Any]:
    try:
        cs = _load_text(text, "f.yaml", fast=fast)
    except ClaimFileError as exc:
        return "error", str(exc)
    return "ok", ([c.model_dump() for c in cs.claims.values()], [r.model_dump() for r in cs.rules.values()],
                  cs.origin)


FIELD_VALUES = st.one_of(st.sampled_from(TRICKY), st.sampled_from(["person", "about", "range", "12.50", "-3"]))


@given(st.lists(st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c", "1x", "a b"]), "value": FIELD_VALUES},
    optional={"unit": FIELD_VALUES, "hedge": FIELD_VALUES, "value_max": FIELD_VALUES,
              "precision": FIELD_VALUES, "period": FIELD_VALUES, "lang": FIELD_VALUES}),
    min_size=1, max_size=3), dump_styles)
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60, deadline=None)
def test_claim_files_load_and_fail_the_same_whichever_reader(claims: list[dict[str, Any]],
                                                             style: dict[str, Any]) -> None:
    text = yaml.safe_dump({"claims": claims}, **style)
    check_agrees(text)
    assert _outcome(text, fast=True) == _outcome(text, fast=False)


@pytest.mark.parametrize("text", [
    "claims:\n  - id: a\n    value: 1\n    unit: vehicels\n",
    "claims:\n- id: a\n  value: 1\n  unit: person\n- id: a\n  value: 2\n",
    "claims:\n- id: a\n  value: .nan\n",
    "claims:\n- id: a\n  value: 1\n  colour: red\n",
    "claims:\n- id: a\n  value: 1\n  period: 6 blorps\n",
    "claims:\n- id: '1 bad id'\n  value: 1\n",
    "claims:\n- {id: a, value: 1, hedge: range, value_max: 0}\n",
])
def test_bad_claim_files_fail_with_the_same_message_from_either_reader(text: str) -> None:
    yamlfast.load(text, CONSTRUCTORS, RESOLVERS)  # read by the fast reader (raises if it declines)
    with pytest.raises(ClaimFileError) as fast:
        load_text(text, "bad.yaml")
    with pytest.raises(ClaimFileError) as slow_:
        _load_text(text, "bad.yaml", fast=False)
    assert str(fast.value) == str(slow_.value)
    assert str(fast.value).startswith("bad.yaml:")


def test_claims_given_the_same_fields_share_one_fields_set_and_copies_do_not() -> None:
    text = ("claims:\n- {id: a, value: 1, unit: person}\n- {id: b, value: 2, unit: person}\n"
            "- {id: c, value: 3}\n")
    cs = load_text(text, "f.yaml")
    a, b, c = cs.claims["a"], cs.claims["b"], cs.claims["c"]
    assert a.model_fields_set == b.model_fields_set == {"id", "value", "unit"}
    assert a.model_fields_set is b.model_fields_set
    assert c.model_fields_set == {"id", "value"}
    changed = a.model_copy(update={"hedge": "about"})
    assert changed.model_fields_set == {"id", "value", "unit", "hedge"}
    assert a.model_fields_set == b.model_fields_set == {"id", "value", "unit"}
    assert a.model_dump(exclude_unset=True) == {"id": "a", "value": Decimal(1), "unit": "person"}


def test_json_rules_share_their_claims_id_strings_and_load_the_same_as_yaml() -> None:
    import json

    data = {"claims": [{"id": "total", "value": 89, "unit": "offence"},
                       {"id": "a", "value": 28, "unit": "offence"}, {"id": "b", "value": 61, "unit": "offence"}],
            "rules": [{"id": "r1", "kind": "sum", "whole": "total", "parts": ["a", "b"]},
                      {"id": "r2", "kind": "part_of", "part": "a", "whole": "total"}]}
    from_json = load_text(json.dumps(data), "f.json")
    from_yaml = load_text(yaml.safe_dump(data), "f.yaml")
    for section in ("claims", "rules"):
        a, b = getattr(from_json, section), getattr(from_yaml, section)
        assert [m.model_dump() for m in a.values()] == [m.model_dump() for m in b.values()]
    r1, r2 = from_json.rules["r1"], from_json.rules["r2"]
    assert r1.whole is from_json.claims["total"].id  # type: ignore[attr-defined]
    assert r2.part is r1.parts[0].claim  # type: ignore[attr-defined]
