"""``factcheck extract --with-rules`` and ``factcheck check`` on articles, Markdown and HTML included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

ARTICLES = ROOT / "tests" / "articles"


def _findings(report: dict) -> list[tuple]:
    spans = {c["id"]: tuple(c["span"] or ()) for c in report["claims"]}
    return sorted((f["kind"], f["code"] or "", f["status"], f["severity"], f["message"], f["evidence"] or "",
                   tuple(sorted(spans[c] for c in f["claims"]))) for f in report["findings"])


@pytest.mark.parametrize("article", [ROOT / "examples" / "qom-police.fa.txt", ARTICLES / "parts.en.txt",
                                     ARTICLES / "change.en.txt", ARTICLES / "percent_of.fa.txt"])
def test_with_rules_file_gives_the_articles_findings(run_cli, tmp_path: Path, article: Path):
    claims = tmp_path / "claims.yaml"
    proc = run_cli("extract", "--with-rules", str(article), "-o", str(claims))
    assert proc.returncode == 0, proc.stderr
    assert "\nrules:\n" in claims.read_text("utf-8")
    from_file = run_cli("check", "--format", "json", str(claims))
    from_article = run_cli("check", "--format", "json", str(article))
    assert from_file.returncode == from_article.returncode, (from_file.stderr, from_article.stderr)
    assert _findings(json.loads(from_file.stdout)) == _findings(json.loads(from_article.stdout))


def test_extract_without_the_flag_writes_no_rules(run_cli):
    proc = run_cli("extract", str(ARTICLES / "parts.en.txt"))
    assert proc.returncode == 0 and "\nrules:" not in proc.stdout


def test_markdown_article_keeps_line_and_column_of_the_file(run_cli, tmp_path: Path):
    md = tmp_path / "calls.md"
    md.write_text("# Emergency line\n\nThe line received **41,549 calls** on Monday, of which *26,908* were "
                  "questions and 17,000 led to a dispatch.\n", "utf-8")
    proc = run_cli("check", "--format", "json", str(md))
    assert proc.returncode == 1, proc.stderr
    (f,) = [f for f in json.loads(proc.stdout)["findings"] if f["status"] == "inconsistent"]
    line = md.read_text("utf-8").splitlines()[f["location"]["line"] - 1]
    assert line[f["location"]["column"] - 1:].startswith("41,549 calls")
    assert "«of which» at 3:" in f["evidence"]


def test_html_article(run_cli, tmp_path: Path):
    page = tmp_path / "calls.html"
    page.write_text("<html><body><h1>Calls</h1><p>The line received <b>41,549 calls</b> on Monday, of which "
                    "26,908 were questions and 17,000 led to a dispatch.</p></body></html>", "utf-8")
    proc = run_cli("check", str(page), "--color", "never")
    assert proc.returncode == 1, proc.stderr
    text = page.read_text("utf-8")
    col = text.index("41,549") + 1
    assert proc.stdout.startswith(f"{page}:1:{col}: error: parts exceed the total")


def test_two_articles_checked_together_keep_their_ids_apart(run_cli):
    proc = run_cli("check", "--format", "json", str(ARTICLES / "parts.en.txt"), str(ARTICLES / "parts.fa.txt"))
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert {d["id"] for d in report["documents"]} == {"parts.en", "parts.fa"}
