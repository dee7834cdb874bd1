"""The rule catalogue: `factcheck rules`, docs/rules.md from the same source, permanent codes."""

from __future__ import annotations

import json
import re

from conftest import ROOT

from factcheck.codes import CATALOGUE, lookup
from factcheck.kinds import load_all
from factcheck.rulesdoc import all_codes, markdown

#: Every code ever published, with the name it was published under.  Codes are permanent:
#: this list only grows, and a renamed code must still answer to the old name (an alias).
PUBLISHED = {
    "FC001": "chain.inconsistent", "FC002": "rule.undetermined", "FC003": "rule.invalid-units",
    "FC004": "suppression.unused",
    "FC101": "sum.parts-exceed-total", "FC102": "sum.parts-short-of-total",
    "FC103": "part-of.part-exceeds-whole", "FC111": "rate.total-below-rate",
    "FC112": "rate.total-above-rate", "FC121": "percent-of.share-mismatch",
    "FC122": "percent-total.shares-exceed-100", "FC123": "percent-total.shares-short-of-100",
    "FC131": "percent-change.mismatch", "FC132": "percentage-points.mismatch", "FC141": "ratio.mismatch",
    "FC151": "repeat.figures-differ", "FC161": "count.list-length-mismatch",
    "FC171": "compare.order-violated", "FC181": "average.mismatch", "FC191": "expr.violated",
}


def test_docs_rules_md_is_generated_from_the_catalogue():
    want = markdown()
    got = (ROOT / "docs" / "rules.md").read_text("utf-8")
    assert got == want, "docs/rules.md is stale: run `factcheck rules --format markdown > docs/rules.md`"


def test_rules_command_prints_the_same_markdown(run_cli):
    proc = run_cli("rules", "--format", "markdown")
    assert proc.returncode == 0
    assert proc.stdout == (ROOT / "docs" / "rules.md").read_text("utf-8")


def test_every_code_has_name_summary_and_both_examples(run_cli):
    proc = run_cli("rules")
    assert proc.returncode == 0
    for c in all_codes():
        assert c.name and c.summary and c.consistent_example and c.inconsistent_example, c.code
        block = proc.stdout.split(f"{c.code} {c.name} ", 1)[1].split("\n\n\n", 1)[0]
        assert f"Consistent: {c.consistent_example}" in block
        assert f"Inconsistent: {c.inconsistent_example}" in block
    listed = re.findall(r"^(FC\d{3}) ", proc.stdout, re.M)
    assert listed == sorted(CATALOGUE)


def test_every_rule_kind_is_documented_with_its_codes():
    doc = (ROOT / "docs" / "rules.md").read_text("utf-8")
    for name, kind in load_all().items():
        assert f"### `{name}`" in doc
        for c in kind.codes:
            assert f"### {c.code} `{c.name}`" in doc


def test_codes_are_permanent_and_renames_keep_aliases():
    for code, name in PUBLISHED.items():
        assert code in CATALOGUE, f"{code} was published and may never be removed"
        assert lookup(name).code == code, f"{code} was published as {name!r}; keep that name as an alias"
    for c in CATALOGUE.values():
        assert re.fullmatch(r"FC\d{3}", c.code)
        for alias in c.aliases:
            assert lookup(alias) is c
    names = [c.name for c in CATALOGUE.values()]
    assert len(names) == len(set(names))


def test_rules_for_one_code_by_name_or_code(run_cli):
    a = run_cli("rules", "FC111").stdout
    b = run_cli("rules", "rate.total-below-rate").stdout
    assert a == b and a.startswith("FC111 rate.total-below-rate")
    doc = json.loads(run_cli("rules", "FC004", "-f", "json").stdout)
    assert doc[0]["name"] == "suppression.unused"
    proc = run_cli("rules", "FC999")
    assert proc.returncode == 2 and "unknown finding code 'FC999'" in proc.stderr
