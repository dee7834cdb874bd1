"""Loading files claims and rules by the ids read while validation made them.

``files._load_text`` no longer walks the validated claims and rules to file them under
their ids: the ids are taken as each item is made (``model.CLAIM_READER``,
``model.RULE_READER``).  The result must be what filing item by item gave: every item
under its id in file order, every origin, and the same one-line error for an id given
twice, in either section, small file or large.
"""

from __future__ import annotations

import json

import pytest

from factcheck.errors import ClaimFileError
from factcheck.files import load_text
from factcheck.model import RULE_READER


def _file(n: int, *, dup_claim: int | None = None, dup_rule: int | None = None) -> dict[str, object]:
    claims = [{"id": f"c{k}", "value": k + 1, "unit": "person"} for k in range(n)]
    rules = [{"id": f"r{k}", "kind": "part_of", "part": f"c{k}", "whole": f"c{k + 1}"} for k in range(n - 1)]
    if dup_claim is not None:
        claims[dup_claim]["id"] = "c0"
    if dup_rule is not None:
        rules[dup_rule]["id"] = "r0"
    return {"claims": claims, "rules": rules}


@pytest.mark.parametrize("n", [3, 6000])
def test_items_are_filed_in_file_order_with_their_origins(n: int) -> None:
    cs = load_text(json.dumps(_file(n), indent=1), "f.json")
    assert list(cs.claims) == [f"c{k}" for k in range(n)]
    assert list(cs.rules) == [f"r{k}" for k in range(n - 1)]
    assert all(cs.claims[k].id == k for k in cs.claims) and all(cs.rules[k].id == k for k in cs.rules)
    assert cs.claim_tables is not None and cs.claim_tables[0].claims == list(cs.claims.values())
    where = [cs.origin.get(f"claims:c{k}") for k in range(n)] + [cs.origin.get(f"rules:r{k}") for k in range(n - 1)]
    if n > 5000:  # large files: the file only, as before
        assert set(where) == {("f.json", None, None)}
    else:  # small files: each item's place, in file order
        lines = [w[1] for w in where]
        assert all(w[0] == "f.json" for w in where) and None not in lines
        assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert len(cs.origin) == 2 * n - 1


@pytest.mark.parametrize("n", [3, 6000])
@pytest.mark.parametrize("section", ["claims", "rules"])
def test_an_id_given_twice_is_the_same_one_line_error(n: int, section: str) -> None:
    data = _file(n, dup_claim=2 if section == "claims" else None, dup_rule=1 if section == "rules" else None)
    text = json.dumps(data, indent=1)
    with pytest.raises(ClaimFileError) as err:
        load_text(text, "f.json")
    at = 2 if section == "claims" else 1
    assert f"{section}[{at}].id: duplicate id '{section[0]}0' (first at item 0)" in str(err.value)
    assert str(err.value).startswith("f.json:")


def test_rules_made_outside_loading_are_not_read() -> None:
    from factcheck.kinds.part_of import PartOfRule

    PartOfRule(id="x", kind="part_of", part="a", whole="b")
    assert RULE_READER.get() is None
    cs = load_text("claims:\n  - id: a\n    value: 1\n  - id: b\n    value: 2\n"
                   "rules:\n  - id: x\n    kind: part_of\n    part: a\n    whole: b\n", "f.yaml")
    assert list(cs.rules) == ["x"] and cs.origin.get("rules:x") == ("f.yaml", 7, 5)
    assert RULE_READER.get() is None
