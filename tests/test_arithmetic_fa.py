"""The arithmetic line of a finding in Persian (``Finding.arithmetic_fa``).

Each Persian arithmetic line is held to the English one (``Finding.arithmetic``): the same
numbers in the same order (after mapping Persian digits and separators to ASCII), and no
English word left but claim ids, expressions and units that have no Persian name.  Then
every output that shows the arithmetic is checked to show the Persian line exactly where
it shows the Persian message, and the English line, as before, everywhere else.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import persian
from factcheck.codes import CATALOGUE
from factcheck.evaluate import evaluate
from factcheck.files import load_text
from factcheck.findings import Finding, Status
from factcheck.kinds import load_all
from factcheck.kinds.base import fmt_iv
from factcheck.numbers import normalize_digits
from factcheck.report import Report
from factcheck.reporters import Options, get
from factcheck.reporters._common import ascii_digits, is_persian
from factcheck.strategies import articles, inconsistent_documents

CASES = Path(__file__).parent / "cases"
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)*")
_LATIN_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PERSIAN_DIGIT = re.compile(r"[۰-۹]")
_ASCII_DIGIT = re.compile(r"[0-9]")
#: Words of the English arithmetic that must never be left in the Persian one.
_ENGLISH = {"more", "than", "about", "nearly", "least", "most", "less", "the", "last", "days", "day",
            "stated", "other", "rules", "need", "value", "is", "not", "false", "for", "to", "with", "rest",
            "listed", "part", "of", "rise", "fall", "in", "person", "call", "case", "any"}


def numbers(text: str) -> list[str]:
    """The numbers of a text in order, whatever digits it is written in."""
    return _NUMBER.findall(normalize_digits(text))


def assert_same_arithmetic(f: Finding, cs: Any) -> None:
    """``f``'s Persian arithmetic says what its English arithmetic says."""
    assert f.arithmetic, (f.code, f.message)
    assert f.arithmetic_fa, f"{f.code} {f.kind} has no Persian arithmetic: {f.arithmetic!r}"
    assert f.arithmetic_fa != f.arithmetic or f.code == "FC003", f.arithmetic
    assert set(_LATIN_WORD.findall(f.arithmetic_fa)).isdisjoint(_ENGLISH) or f.code == "FC003", f.arithmetic_fa
    assert numbers(f.arithmetic_fa) == numbers(f.arithmetic), (f.arithmetic, f.arithmetic_fa)
    # Latin words only where the Persian line names what the rule file names: claim ids,
    # expressions, units with no Persian name.
    allowed: set[str] = set()
    for cid in f.claims:
        allowed.update(_LATIN_WORD.findall(cid))
        if cid in cs.claims:
            allowed.update(_LATIN_WORD.findall(persian.unit(cs.claims[cid].unit)))
    for rid in f.rules:
        rule = cs.rules.get(rid)
        if rule is not None and rule.kind == "expr":
            allowed.update(_LATIN_WORD.findall(rule.expr))
        if rule is not None and rule.kind == "count":  # the items listed, as the rule names them
            allowed.update(w for item in rule.items or () for w in _LATIN_WORD.findall(item))
    if f.code != "FC003":  # an invalid rule's problem names claims and units as the file does
        left = set(_LATIN_WORD.findall(f.arithmetic_fa)) - allowed
        assert not left, (left, f.arithmetic_fa)


def _case_findings() -> list[Any]:
    out = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text("utf-8")):
            text = yaml.safe_dump({"claims": case["claims"], "rules": case["rules"]}, allow_unicode=True)
            cs = load_text(text, "case.yaml")
            for f in evaluate(cs).findings:
                if f.arithmetic:
                    out.append(pytest.param(f, cs, id=f"{path.stem}: {case['name']}: {f.code}"))
    return out


_FINDINGS = _case_findings()


@pytest.mark.parametrize(("finding", "cs"), _FINDINGS)
def test_persian_arithmetic_states_the_numbers_of_the_english_one(finding: Finding, cs: Any) -> None:
    assert_same_arithmetic(finding, cs)


def test_every_kind_and_code_has_a_persian_arithmetic() -> None:
    # A new kind, or a new code of a kind, whose explanation leaves arithmetic_fa empty
    # fails here; so does a chain finding (FC001) without one.
    seen = {p.values[0].code for p in _FINDINGS if p.values[0].arithmetic_fa}
    for name in load_all():
        codes = {c.code for c in CATALOGUE.values() if c.kind == name}
        assert codes and codes <= seen, f"{name}: no Persian arithmetic seen for {sorted(codes - seen)}"
    assert "FC001" in seen


def test_consistent_and_undetermined_findings_have_no_arithmetic_in_either_language() -> None:
    cs = load_text("claims:\n  - {id: a, value: 1, unit: call}\n  - {id: b, value: 1, unit: call}\n"
                   "  - {id: c, unit: call}\n"
                   "rules:\n  - {id: r, kind: repeat, claims: [a, b]}\n"
                   "  - {id: u, kind: repeat, claims: [a, c]}\n", "ok.yaml")
    for f in evaluate(cs).findings:
        assert f.status in (Status.consistent, Status.undetermined)
        assert f.arithmetic == f.arithmetic_fa == ""


def test_the_seed_finding_in_persian_words() -> None:
    from factcheck.files import load_paths

    root = Path(__file__).parent.parent
    cs = load_paths([root / "claims" / "qom-police.yaml", root / "rules" / "qom-police.yaml"])
    f = next(f for f in evaluate(cs).findings if f.status is Status.inconsistent)
    assert f.arithmetic == ("(822 person/day + 2 × more than 2,000 person/day) × the last 6 months "
                            "(179–186 days) ≥ 863,048.5 person > 450,000 (400,000 person)")
    assert f.arithmetic_fa == ("(۸۲۲ نفر در روز + ۲ × بیش از ۲٬۰۰۰ نفر در روز) × ۶ ماه گذشته "
                               "(۱۷۹ تا ۱۸۶ روز) ≥ ۸۶۳٬۰۴۸٫۵ نفر > ۴۵۰٬۰۰۰ (۴۰۰٬۰۰۰ نفر)")


# -- generated Persian documents and articles ----------------------------------------------------

def _check_report(report: Report) -> None:
    """Every inconsistent finding on Persian figures has a Persian arithmetic line with the
    English line's numbers, and the text report prints it, labelled, in the article's digits."""
    cs = report.evaluation.claims
    bad = [f for f in report.findings if f.status is Status.inconsistent and is_persian(report, f)]
    assert bad
    text = get("text")(report, Options())
    for f in bad:
        assert_same_arithmetic(f, cs)
        ascii = ascii_digits(report, f)
        line = f"    محاسبه: {persian.in_script(f.arithmetic_fa, ascii)}"
        assert line in text.splitlines(), (line, text)
        figures = _LATIN_WORD.sub("", line)  # claim ids keep their own digits
        assert not (_PERSIAN_DIGIT if ascii else _ASCII_DIGIT).search(figures), line
    assert "    arithmetic: " not in text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inconsistent_documents(lang="fa"))
def test_generated_persian_documents_have_persian_arithmetic(doc: Any) -> None:
    _check_report(doc.check())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(lang="fa", errors=["wrong_total", "misconverted_rate", "share_mismatch"]))
def test_generated_persian_articles_have_persian_arithmetic_in_their_digits(article: Any) -> None:
    # articles quote their figures in Persian or ASCII digits: the arithmetic follows them
    _check_report(article.document.check())


# -- the outputs ----------------------------------------------------------------------------------

_CLAIMS = (
    "claims:\n"
    "  - {{id: total, value: 41549, unit: call, lang: {lang}, source: {{quote: '{q0}'}}}}\n"
    "  - {{id: a, value: 26908, unit: call, lang: {lang}, source: {{quote: '{q1}'}}}}\n"
    "  - {{id: b, value: 17000, unit: call, hedge: more_than, lang: {lang}, source: {{quote: '{q2}'}}}}\n"
    "rules:\n"
    "  - {{id: r, kind: sum, whole: total, parts: [a, b]}}\n"
)
PERSIAN = {"lang": "fa", "q0": "۴۱۵۴۹ تماس", "q1": "۲۶۹۰۸ تماس", "q2": "بیش از ۱۷ هزار تماس"}
PERSIAN_ASCII = {"lang": "fa", "q0": "41549 تماس", "q1": "26908 تماس", "q2": "بیش از 17 هزار تماس"}
ENGLISH = {"lang": "en", "q0": "41,549 calls", "q1": "26,908 calls", "q2": "more than 17 thousand calls"}
EN_LINE = "arithmetic: 26,908 call + more than 17,000 call ≥ 43,907.5 call > 41,549.5 (41,549 call)"
FA_LINE = "محاسبه: ۲۶٬۹۰۸ تماس + بیش از ۱۷٬۰۰۰ تماس ≥ ۴۳٬۹۰۷٫۵ تماس > ۴۱٬۵۴۹٫۵ (۴۱٬۵۴۹ تماس)"
FA_ASCII_LINE = "محاسبه: 26,908 تماس + بیش از 17,000 تماس ≥ 43,907.5 تماس > 41,549.5 (41,549 تماس)"


def _write(tmp_path: Path, quotes: dict[str, str]) -> Path:
    p = tmp_path / "a.yaml"
    p.write_text(_CLAIMS.format(**quotes), encoding="utf-8")
    return p


@pytest.mark.parametrize(("quotes", "line"), [(PERSIAN, FA_LINE), (PERSIAN_ASCII, FA_ASCII_LINE)],
                         ids=["persian digits", "ascii digits"])
def test_text_report_shows_the_persian_arithmetic_under_the_persian_message(
        run_cli: Any, tmp_path: Path, quotes: dict[str, str], line: str) -> None:
    proc = run_cli("check", str(_write(tmp_path, quotes)))
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert "جمعِ بخش‌ها از کل بیشتر است" in lines[0]
    assert f"    {line}" in lines
    assert "arithmetic:" not in proc.stdout


def test_text_report_keeps_the_english_arithmetic_for_english_figures(run_cli: Any, tmp_path: Path) -> None:
    proc = run_cli("check", str(_write(tmp_path, ENGLISH)))
    assert proc.returncode == 1
    assert f"    {EN_LINE}" in proc.stdout.splitlines()
    assert "محاسبه" not in proc.stdout and not re.search(r"[\u0600-\u06FF]", proc.stdout)


_GITHUB = re.compile(r"^::error [^:]*::(?P<msg>.*)$", re.M)


@pytest.mark.parametrize(("quotes", "line", "other"), [(PERSIAN, FA_LINE, "arithmetic:"), (ENGLISH, EN_LINE, "محاسبه")],
                         ids=["persian", "english"])
def test_github_annotations_show_the_arithmetic_in_the_message_language(
        run_cli: Any, tmp_path: Path, quotes: dict[str, str], line: str, other: str) -> None:
    out = run_cli("check", str(_write(tmp_path, quotes)), "--format", "github").stdout
    m = _GITHUB.search(out)
    assert m, out
    body = m["msg"].split("%0A")
    assert line in body and not any(other in b for b in body), body


@pytest.mark.parametrize(("quotes", "line", "other"), [(PERSIAN, FA_LINE, "arithmetic:"), (ENGLISH, EN_LINE, "محاسبه")],
                         ids=["persian", "english"])
def test_junit_failures_show_the_arithmetic_in_the_message_language(
        run_cli: Any, tmp_path: Path, quotes: dict[str, str], line: str, other: str) -> None:
    root = ET.fromstring(run_cli("check", str(_write(tmp_path, quotes)), "--format", "junit").stdout)
    failure = root.find(".//failure")
    assert failure is not None and failure.text
    assert line in failure.text.splitlines() and other not in failure.text


@pytest.mark.parametrize("quotes", [PERSIAN, ENGLISH], ids=["persian", "english"])
def test_json_jsonl_and_sarif_carry_both_arithmetic_lines(run_cli: Any, tmp_path: Path,
                                                          quotes: dict[str, str]) -> None:
    p = _write(tmp_path, quotes)
    f = json.loads(run_cli("check", str(p), "--format", "json").stdout)["findings"][0]
    assert f["arithmetic"] == EN_LINE.removeprefix("arithmetic: ")
    # JSON carries the Persian line in Persian digits, as message_fa (readers pick the digits)
    assert f["arithmetic_fa"] == FA_LINE.removeprefix("محاسبه: ")
    row = json.loads(run_cli("check", str(p), "--format", "jsonl").stdout.splitlines()[0])
    assert row["arithmetic_fa"] == f["arithmetic_fa"] and row["arithmetic"] == f["arithmetic"]
    res = json.loads(run_cli("check", str(p), "--format", "sarif").stdout)["runs"][0]["results"][0]
    # message.text stays English (tools expect one text); the Persian lines are properties
    assert EN_LINE in res["message"]["text"].splitlines() and "محاسبه" not in res["message"]["text"]
    assert res["properties"]["arithmetic_fa"] == f["arithmetic_fa"]
    assert res["properties"]["message_fa"] == f["message_fa"]


def test_a_persian_chain_finding_has_persian_arithmetic(run_cli: Any, tmp_path: Path) -> None:
    p = tmp_path / "chain.yaml"
    p.write_text(
        "claims:\n"
        "  - {id: a, value: 10, unit: case, precision: 1, lang: fa, source: {quote: '۱۰ مورد'}}\n"
        "  - {id: c, value: 4, unit: case, precision: 1, lang: fa, source: {quote: '۴ مورد'}}\n"
        "  - {id: d, value: 5, unit: case, precision: 1, lang: fa, source: {quote: '۵ مورد'}}\n"
        "  - {id: b, unit: case, lang: fa}\n"
        "rules:\n"
        "  - {id: r1, kind: sum, whole: a, parts: [b, c]}\n"
        "  - {id: r2, kind: sum, whole: b, parts: [{claim: d, times: 2}]}\n", encoding="utf-8")
    report = json.loads(run_cli("check", str(p), "--format", "json").stdout)
    chain = next(f for f in report["findings"] if f["code"] == "FC001" and f["kind"] == "chain")
    assert numbers(chain["arithmetic_fa"]) == numbers(chain["arithmetic"])
    assert chain["arithmetic_fa"].startswith("a = ۱۰ مورد (گفته‌شده ۹٫۵ تا ۱۰٫۵؛ قاعده‌های دیگر ")
    out = run_cli("check", str(p)).stdout
    assert f"    محاسبه: {chain['arithmetic_fa']}" in out.splitlines() and "arithmetic:" not in out


def test_an_invalid_rule_on_persian_figures_labels_its_problem_in_persian(run_cli: Any, tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(
        "claims:\n"
        "  - {id: t, value: 10, unit: case, precision: 1, lang: fa, source: {quote: '۱۰ مورد'}}\n"
        "  - {id: u, value: 4, unit: day, lang: fa, source: {quote: '۴ روز'}}\n"
        "rules:\n"
        "  - {id: r, kind: part_of, part: u, whole: t}\n", encoding="utf-8")
    f = json.loads(run_cli("check", str(p), "--format", "json").stdout)["findings"][0]
    assert f["code"] == "FC003" and f["arithmetic_fa"] == f["arithmetic"]
    out = run_cli("check", str(p)).stdout
    assert f"    محاسبه: {f['arithmetic']}" in out.splitlines()


_BOUND = st.one_of(st.fractions(max_denominator=10**6).filter(lambda x: abs(x) < 10**12),
                   st.sampled_from([float("inf"), float("-inf")]))


@given(_BOUND, _BOUND)
def test_an_interval_said_in_both_languages_at_once_is_said_as_each_says_it(a: Any, b: Any) -> None:
    # FC001's arithmetic says each interval in both languages, formatting its bounds once:
    # it must say what fmt_iv and persian.interval say of the bounds themselves.
    lo, hi = min(a, b), max(a, b)
    assert persian.intervals(lo, hi) == (fmt_iv(lo, hi), persian.interval(lo, hi))


def test_assert_consistent_fails_with_the_persian_arithmetic_on_persian_figures(tmp_path: Path) -> None:
    # The test helpers (and the pytest plugin, which uses them) print findings as the text
    # report does: the Persian arithmetic under the Persian message.
    from factcheck.testing import InconsistencyError, assert_consistent

    for quotes, line, other in [(PERSIAN, FA_LINE, "arithmetic:"), (ENGLISH, EN_LINE, "محاسبه")]:
        with pytest.raises(InconsistencyError) as err:
            assert_consistent(_write(tmp_path, quotes))
        assert f"    {line}" in str(err.value).splitlines() and other not in str(err.value)


@pytest.mark.parametrize("quotes", [PERSIAN, PERSIAN_ASCII, ENGLISH], ids=["persian", "ascii digits", "english"])
def test_github_and_junit_say_what_each_figure_would_need_as_the_text_report_does(
        run_cli: Any, tmp_path: Path, quotes: dict[str, str]) -> None:
    p = _write(tmp_path, quotes)
    text = run_cli("check", str(p)).stdout.splitlines()
    english = quotes is ENGLISH
    marks = ("for the rest to hold", "no value of") if english else ("برای آنکه بقیه", "هیچ مقداری از")
    needs = [line.strip() for line in text if line.strip().startswith(marks)]
    assert len(needs) == 3, text  # one line per claim of the sum
    m = _GITHUB.search(run_cli("check", str(p), "--format", "github").stdout)
    assert m
    body = m["msg"].split("%0A")
    failure = ET.fromstring(run_cli("check", str(p), "--format", "junit").stdout).find(".//failure")
    assert failure is not None and failure.text
    for lines in (body, failure.text.splitlines()):
        assert [line for line in lines if line.startswith(marks)] == needs
        assert english or not any("would have to be" in line or "lets the rest hold" in line for line in lines)
