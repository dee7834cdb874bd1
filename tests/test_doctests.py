"""The runnable examples in module docstrings stay true: every one is run here."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import factcheck


def _modules() -> list[str]:
    subs = sorted(m.name for m in pkgutil.walk_packages(factcheck.__path__, "factcheck.")
                  if m.name != "factcheck.__main__")
    return ["factcheck", *subs]


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(module, name):
        runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
