"""Every finding is explained in Persian too: the same facts and numbers, in Persian words.

The Persian message (``Finding.message_fa``) is checked against the English one: it has
Persian text, and the numbers in it are the English message's numbers (compared after
mapping Persian digits and separators to ASCII), so a Persian editor and an English one
read the same arithmetic.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import persian
from factcheck.codes import CATALOGUE
from factcheck.evaluate import evaluate
from factcheck.files import load_text
from factcheck.findings import Finding, Status
from factcheck.kinds import load_all
from factcheck.model import Claim, Hedge
from factcheck.numbers import normalize_digits
from factcheck.strategies import inconsistent_documents
from factcheck.verdict import describe

CASES = Path(__file__).parent / "cases"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_PERSIAN = re.compile(r"[\u0600-\u06FF]")
_PERSIAN_DIGIT = re.compile(r"[۰-۹]")


def numbers(text: str) -> Counter[str]:
    """The numbers in a text, whatever digits it is written in."""
    return Counter(_NUMBER.findall(normalize_digits(text)))


def assert_same_facts(f: Finding) -> None:
    assert f.message_fa, f"{f.code} {f.kind} has no Persian message: {f.message!r}"
    assert len(_PERSIAN.findall(f.message_fa)) >= 10, f.message_fa
    assert numbers(f.message_fa) == numbers(f.message), (f.message, f.message_fa)


def _case_findings() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            text = yaml.safe_dump({"claims": case["claims"], "rules": case["rules"]}, allow_unicode=True)
            for f in evaluate(load_text(text, "case.yaml")).findings:
                if f.status is not Status.consistent:
                    out.append(pytest.param(f, id=f"{path.stem}: {case['name']}: {f.code}"))
    return out


_FINDINGS = _case_findings()


@pytest.mark.parametrize("finding", _FINDINGS)
def test_persian_message_says_what_the_english_one_says(finding: Finding) -> None:
    assert_same_facts(finding)


def test_every_kind_and_code_explains_itself_in_persian() -> None:
    # A new kind, or a new code of a kind, with no Persian message fails here (the
    # summaries have the same test in test_web_api.py).
    explained: set[str] = set()
    for p in _FINDINGS:
        f = p.values[0]
        if f.status is Status.inconsistent and f.message_fa and f.code != "FC001":
            explained.add(f.code)
    kinds = load_all()
    for name in kinds:
        codes = {c.code for c in CATALOGUE.values() if c.kind == name}
        assert codes and codes <= explained, f"{name}: no Persian message seen for {sorted(codes - explained)}"


def test_consistent_findings_have_no_message_in_either_language() -> None:
    cs = load_text("claims:\n  - {id: a, value: 1, unit: call}\n  - {id: b, value: 1, unit: call}\n"
                   "rules:\n  - {id: r, kind: repeat, claims: [a, b]}\n", "ok.yaml")
    ok = evaluate(cs).findings[0]
    assert ok.status is Status.consistent and ok.message == ok.message_fa == ""


@settings(max_examples=40, deadline=None)
@given(inconsistent_documents())
def test_generated_inconsistent_articles_are_explained_in_persian(doc: Any) -> None:
    report = doc.check()
    bad = [f for f in report.findings if f.status is Status.inconsistent]
    assert bad
    for f in bad:
        assert_same_facts(f)


_UNITS = ["person", "person / day", "call / hour", "percent", "dimensionless", "vehicle", "toman",
          "death / year", "percentage_point"]


@settings(max_examples=200, deadline=None)
@given(value=st.decimals(min_value=0, max_value=10**12, places=3, allow_nan=False),
       extra=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
       hedge=st.sampled_from(list(Hedge)), unit=st.sampled_from(_UNITS))
def test_a_claim_said_in_persian_keeps_its_hedge_number_and_unit(value: Decimal, extra: Decimal,
                                                                   hedge: Hedge, unit: str) -> None:
    fields: dict[str, Any] = {"id": "x", "value": value, "unit": unit, "hedge": hedge}
    if hedge is Hedge.range:
        fields["value_max"] = value + extra
    c = Claim(**fields)
    english = describe(c)
    fa = persian.claim(english, c.unit)
    assert numbers(fa) == numbers(english), (english, fa)
    assert not re.search(r"[A-Za-z]", fa), (english, fa)  # every word is Persian
    if hedge not in (Hedge.exact, Hedge.range):
        assert fa.startswith(_FA_HEDGE[hedge]), fa


_FA_HEDGE = {Hedge.about: "حدود ", Hedge.nearly: "نزدیک به ", Hedge.more_than: "بیش از ",
             Hedge.at_least: "حداقل ", Hedge.less_than: "کمتر از ", Hedge.at_most: "حداکثر "}


def test_periods_are_said_in_persian() -> None:
    assert persian.period("the last 6 months (179–186 days)") == "۶ ماه گذشته (۱۷۹ تا ۱۸۶ روز)"
    assert persian.period("2 week (14 days)") == "۲ هفته (۱۴ روز)"
    # words from the article stay as written
    assert persian.period("۶ ماه گذشته (179–186 days)") == "۶ ماه گذشته (۱۷۹ تا ۱۸۶ روز)"
    assert persian.period("the period (length unknown)") == "دوره (با طولی نامعلوم)"


def test_the_bundled_persian_example_is_explained_in_persian(run_cli) -> None:
    proc = run_cli("check", "--format", "json")
    report = json.loads(proc.stdout)
    bad = next(f for f in report["findings"] if f["status"] == "inconsistent")
    assert bad["message"].startswith("total falls short of rate × period")  # English stays
    proc = run_cli("check")  # the README's first command: claims/ and rules/ of the repository
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].endswith(f": error: {bad['message_fa']} [FC111 rate.total-below-rate]")
    assert _PERSIAN_DIGIT.search(lines[0]) and not re.search(r"[0-9],[0-9]", lines[0].split(": error:")[1])
    # what each figure would have to be, in Persian too
    assert "برای آنکه بقیه برقرار بماند، services_six_months باید دست‌کم ۸۶۳٬۰۴۸٫۵ باشد" in proc.stdout
    assert "هیچ مقداری از stations_daily بقیه را برقرار نمی‌کند" in proc.stdout
    assert "for the rest to hold" not in proc.stdout


def _write(tmp_path: Path, lang: str, quotes: tuple[str, str, str]) -> Path:
    p = tmp_path / "a.yaml"
    p.write_text(
        "claims:\n"
        f"  - {{id: total, value: 41549, unit: call, lang: {lang}, source: {{quote: '{quotes[0]}'}}}}\n"
        f"  - {{id: a, value: 26908, unit: call, lang: {lang}, source: {{quote: '{quotes[1]}'}}}}\n"
        f"  - {{id: b, value: 17000, unit: call, lang: {lang}, source: {{quote: '{quotes[2]}'}}}}\n"
        "rules:\n"
        "  - {id: r, kind: sum, whole: total, parts: [a, b]}\n", encoding="utf-8")
    return p


def test_persian_figures_in_ascii_digits_are_explained_with_ascii_digits(run_cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "fa", ("41549 تماس", "26908 تماس", "17 هزار تماس"))
    head = run_cli("check", str(p)).stdout.splitlines()[0]
    assert "جمعِ بخش‌ها از کل بیشتر است" in head
    assert "26,908" in head and not _PERSIAN_DIGIT.search(head)
    p = _write(tmp_path, "fa", ("۴۱۵۴۹ تماس", "۲۶۹۰۸ تماس", "۱۷ هزار تماس"))
    head = run_cli("check", str(p)).stdout.splitlines()[0]
    assert "۲۶٬۹۰۸" in head and "26,908" not in head


def test_english_figures_are_explained_in_english_only(run_cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "en", ("41,549 calls", "26,908 calls", "17 thousand calls"))
    proc = run_cli("check", str(p))
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0].split(": error: ")[1].startswith("parts exceed the total: ")
    assert not _PERSIAN.search(proc.stdout), proc.stdout


def test_json_report_carries_both_messages_and_sarif_keeps_english(run_cli, tmp_path: Path) -> None:
    p = _write(tmp_path, "en", ("41,549 calls", "26,908 calls", "17 thousand calls"))
    report = json.loads(run_cli("check", str(p), "--format", "json").stdout)
    f = report["findings"][0]
    assert f["message"].startswith("parts exceed the total") and f["message_fa"].startswith("جمعِ بخش‌ها")
    assert numbers(f["message_fa"]) == numbers(f["message"])
    sarif = json.loads(run_cli("check", str(p), "--format", "sarif").stdout)
    res = sarif["runs"][0]["results"][0]
    assert res["message"]["text"].startswith("parts exceed the total")
    assert res["properties"]["message_fa"] == f["message_fa"]


def test_an_unused_suppression_on_a_persian_figure_is_reported_in_persian(run_cli, tmp_path: Path) -> None:
    p = tmp_path / "a.yaml"
    p.write_text(
        "claims:\n"
        "  - {id: a, value: 12, unit: call, lang: fa, source: {quote: '۱۲ تماس'},\n"
        "     ignore: [{code: FC151, reason: checked by hand}]}\n"
        "  - {id: b, value: 12, unit: call, lang: fa}\n"
        "rules:\n"
        "  - {id: r, kind: repeat, claims: [a, b]}\n", encoding="utf-8")
    report = json.loads(run_cli("check", str(p), "--format", "json").stdout)
    f = next(f for f in report["findings"] if f["code"] == "FC004")
    assert f["message"].startswith("unused suppression") and "FC151" in f["message_fa"]
    assert numbers(f["message_fa"]) == numbers(f["message"])
    out = run_cli("check", str(p)).stdout
    assert f["message_fa"] in out and f["message"] not in out


@given(st.text(alphabet="0123456789,.-– abc"))
def test_persian_digits_are_those_the_article_generators_write(text: str) -> None:
    from factcheck._wording import digits

    assert persian.digits(text) == digits(text, "persian")
    assert persian.in_script(persian.digits(text), True) == text
