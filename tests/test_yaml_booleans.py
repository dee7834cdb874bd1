"""Only ``true`` and ``false`` are booleans in claim files (YAML 1.2), whichever reader
reads the file: ``yes``, ``no``, ``on`` and ``off`` are text.

YAML 1.1, which PyYAML follows, reads them as booleans, so a rule id ``off``, a reference
to a claim ``no`` or a language code ``no`` (Norwegian) became ``False``.
"""

from __future__ import annotations

import pytest

from factcheck import yamlfast
from factcheck.files import _FastLoader, _load_text, load_text
from factcheck.kinds import load_all

WORDS = ["yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n"]

BLOCK = """\
claims:
  - id: {a}
    value: 10
    unit: person
    lang: {a}
  - id: {b}
    value: 4
    unit: person
  - id: x
    value: 6
    unit: person
rules:
  - id: {b}_rule
    kind: sum
    whole: {a}
    parts: [{b}, x]
"""


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(("a", "b"), list(zip(WORDS, reversed(WORDS), strict=True)))
def test_yes_no_on_off_are_text(a: str, b: str, fast: bool) -> None:
    text = BLOCK.format(a=a, b=b)
    if fast:  # the block-style file is the fast reader's (it raises if it declines)
        yamlfast.load(text, _FastLoader.yaml_constructors, _FastLoader.yaml_implicit_resolvers)
    cs = _load_text(text, "a.yaml", fast=fast)
    assert list(cs.claims) == [a, b, "x"]
    assert cs.claims[a].lang == a
    assert list(cs.rules) == [f"{b}_rule"]
    assert load_all()["sum"].claim_ids(cs.rules[f"{b}_rule"]) == [a, b, "x"]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(("word", "value"), [
    ("true", True), ("True", True), ("TRUE", True), ("false", False), ("False", False),
    ("FALSE", False), ("yes", True), ("no", False), ("on", True), ("off", False)])
def test_boolean_fields_still_take_every_spelling(word: str, value: bool, fast: bool) -> None:
    # true/false are booleans; yes/no/on/off reach the model as text, which it reads as
    # booleans where a field is one
    text = f"claims:\n  - id: a\n    value: 1\n    signed: {word}\n"
    assert _load_text(text, "a.yaml", fast=fast).claims["a"].signed is value


def test_a_flow_style_file_reads_the_same() -> None:
    cs = load_text("claims:\n  - {id: off, value: 1, signed: yes}\n"
                   "rules:\n  - {id: no, kind: repeat, claims: [off, off]}\n", "a.yaml")
    assert (list(cs.claims), list(cs.rules), cs.claims["off"].signed) == (["off"], ["no"], True)
