"""Regression: "..., and the rest elsewhere" with no figure is an unstated remainder.

Found by test_strategies_articles.py::test_truthful_articles_check_clean_end_to_end: a
truthful Persian article («۲۰ تصادف ... ۴ ...، چهار ... و ۴ ... و بقیه در سایر مناطق») was
flagged FC102 because «بقیه» was read as closing the parts.  A complement word that names a
stated part ("3 others", «بقیه ۹ درصد») still closes the whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import factcheck

CASES = [
    ("fa", "۲۰ تصادف ثبت شد که از این تعداد ۴ تصادف در پایتخت، چهار تصادف در استان‌ها و ۴ تصادف در شمال "
           "و بقیه در سایر مناطق بود.", []),
    ("en", "20 accidents were recorded, of which 4 accidents in the capital, 4 accidents in the provinces "
           "and 4 accidents in the north, and the rest elsewhere.", []),
    ("en", "20 accidents were recorded, of which 4 accidents in the capital, 4 accidents in the provinces "
           "and 3 others.", ["FC102"]),
]


@pytest.mark.parametrize(("lang", "text", "codes"), CASES)
def test_the_rest_without_a_figure_leaves_a_remainder(lang: str, text: str, codes: list[str],
                                                       tmp_path: Path) -> None:
    pytest.importorskip("factcheck.articles", reason="the inference stage is not on this branch")
    path = tmp_path / f"article.{lang}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    report = factcheck.check(path)
    assert [f.code for f in report.inconsistent()] == codes
