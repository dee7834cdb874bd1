"""Rule-kind cases kept as data (tests/cases/<kind>.yaml), each consistent and inconsistent.

Every registered rule kind must have at least one consistent and one inconsistent case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.evaluate import evaluate
from factcheck.files import _check_references, load_text
from factcheck.kinds import load_all

CASES = Path(__file__).parent / "cases"


def _cases() -> list[Any]:
    out = []
    for f in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(f.read_text("utf-8")):
            out.append(pytest.param(case, id=f"{f.stem}: {case['name']}"))
    return out


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    text = yaml.safe_dump({"claims": case["claims"], "rules": case["rules"]}, allow_unicode=True)
    cs = load_text(text, "case.yaml")
    _check_references(cs)
    ev = evaluate(cs)
    by_rule = {f.rule: f for f in ev.findings if f.rule is not None}
    for rid, want in case["expect"].items():
        if rid == "chain":  # one chain finding's code, or a list of several
            chains = [f for f in ev.findings if f.rule is None]
            assert [f.code for f in chains] == (want if isinstance(want, list) else [want])
            continue
        status, code = (want, None) if isinstance(want, str) else want
        got = by_rule[rid]
        assert got.status.value == status, (rid, got.message, got.arithmetic)
        if code is not None:
            assert got.code == code, (rid, got.code, got.message)
        if status == "inconsistent":
            assert got.message and (got.arithmetic or got.code == "FC001")
            if got.code != "FC001":
                assert got.conflict and set(got.conflict) <= set(got.claims)
            assert got.severity.value == "error"
    if not any(k == "chain" for k in case["expect"]):
        assert not [f for f in ev.findings if f.rule is None], "unexpected chain finding"


def test_every_kind_has_both_kinds_of_case() -> None:
    seen: dict[str, set[str]] = {}
    for f in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(f.read_text("utf-8")):
            for rule in case["rules"]:
                want = case["expect"].get(rule["id"])
                status = want if isinstance(want, str) else want[0]
                seen.setdefault(rule["kind"], set()).add(status)
    for kind in load_all():
        assert {"consistent", "inconsistent"} <= seen.get(kind, set()), kind
