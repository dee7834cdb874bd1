"""``factcheck extract`` on the command line: YAML that `check` loads back, JSON report v1, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from factcheck.extract import extract
from factcheck.files import load_text

ARTICLE = (
    "فرمانده انتظامی گفت روزانه بیش از ۳ هزار تماس با ۱۱۰ گرفته می‌شود، یعنی هر ساعت ۱۲۶ مورد.\n"
    "در ۶ ماه گذشته ۴۰۰ هزار نفر خدمات گرفته‌اند و حدود ۲۰ درصد خدمات کشور بر عهده پلیس است.\n"
    "About 1.2 million people, up 5%.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "qom.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_yaml_loads_back_unchanged(run_cli, article: Path, tmp_path: Path) -> None:
    proc = run_cli("extract", str(article))
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load(proc.stdout)
    assert data["document"] == {"id": "qom", "path": str(article), "lang": "fa"}
    cs = load_text(proc.stdout, "claims.yaml")
    expected = extract(ARTICLE)
    assert list(cs.claims) == [c.id for c in expected]
    for c in expected:
        got = cs.claims[c.id]
        assert got.source is not None and c.source is not None
        assert got.source.document == "qom"
        assert got.model_copy(update={"source": c.source}) == c
    out = tmp_path / "qom.yaml"
    out.write_text(proc.stdout, encoding="utf-8")
    check = run_cli("check", str(out))
    assert check.returncode == 0, check.stdout + check.stderr


def test_json_is_report_version_1_with_spans(run_cli, article: Path) -> None:
    proc = run_cli("extract", str(article), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["schema"] == "factcheck-report/1"
    assert report["findings"] == []
    assert report["summary"]["claims"] == len(report["claims"]) > 0
    for c in report["claims"]:
        s, e = c["span"]
        assert ARTICLE[s:e] == c["text"]
        assert c["document"] == "qom"


def test_html_spans_point_into_the_original_file(run_cli, tmp_path: Path) -> None:
    html = "<html><body><h1>آمار</h1><p>حدود <b>۴۰۰</b>&nbsp;هزار نفر</p><p>More than 2,000 calls</p></body></html>"
    p = tmp_path / "a.html"
    p.write_text(html, encoding="utf-8")
    proc = run_cli("extract", str(p))
    assert proc.returncode == 0, proc.stderr
    claims = yaml.safe_load(proc.stdout)["claims"]
    assert [c["value"] for c in claims] == [400000, 2000]
    for c in claims:
        s, e = c["source"]["span"]
        assert html[s:e] == c["source"]["quote"]
    assert claims[0]["source"]["quote"].startswith("حدود <b>۴۰۰</b>")


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe\x00bad", "binary file"),
    ("۴۰۰ نفر".encode() + b"\n\xc3\x28", "invalid UTF-8"),
])
def test_bad_input_is_one_line_exit_2(run_cli, tmp_path: Path, content: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    proc = run_cli("extract", str(p))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1
    assert message in proc.stderr and str(p) in proc.stderr


def test_large_file_is_refused(run_cli, tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"1" * 2048)
    proc = run_cli("extract", str(p), env={"FACTCHECK_MAX_FILE_BYTES": "1024"})
    assert proc.returncode == 2
    assert "file too large" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_missing_file_and_directory(run_cli, tmp_path: Path) -> None:
    for target in (tmp_path / "nope.txt", tmp_path):
        proc = run_cli("extract", str(target))
        assert proc.returncode == 2
        assert len(proc.stderr.strip().splitlines()) == 1
