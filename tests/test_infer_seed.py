"""The seed article checked as raw text: the services total, and nothing else, cannot hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT

pytest.importorskip("factcheck.extract", reason="the extraction stage is not installed")

SEED = ROOT.parent / "shared" / "seed" / "000_f275e1026bd37cb4.txt"
if not SEED.exists():
    SEED = ROOT.parent.parent / "shared" / "seed" / "000_f275e1026bd37cb4.txt"


def _only_the_services_total(report: dict, text: str) -> None:
    bad = [f for f in report["findings"] if f["status"] == "inconsistent"]
    assert len(bad) == 1, [f["message"] for f in bad]
    (f,) = bad
    assert (f["kind"], f["code"], f["severity"]) == ("rate", "FC111", "error")
    quotes = {c["id"]: c["text"] for c in report["claims"]}
    got = sorted(quotes[c] for c in f["claims"])
    assert any("۴۰۰ هزار" in q for q in got) and any("۸۲۲" in q for q in got) and any("۲ هزار" in q for q in got)
    assert "«در هر یک از»" in f["evidence"]
    # the finding points at the total's words in the article itself
    loc = f["location"]
    line = text.splitlines()[loc["line"] - 1]
    assert line[loc["column"] - 1:].startswith("۴۰۰ هزار")


def test_our_rewrite_checked_as_raw_text(run_cli):
    path = ROOT / "examples" / "qom-police.fa.txt"
    proc = run_cli("check", "--format", "json", str(path))
    assert proc.returncode == 1, proc.stderr
    _only_the_services_total(json.loads(proc.stdout), path.read_text("utf-8"))


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not on this machine")
def test_the_seed_article_checked_as_raw_text(run_cli):
    proc = run_cli("check", "--format", "json", str(SEED))
    assert proc.returncode == 1, proc.stderr
    _only_the_services_total(json.loads(proc.stdout), Path(SEED).read_text("utf-8"))


def test_text_output_points_into_the_article(run_cli):
    path = ROOT / "examples" / "qom-police.fa.txt"
    proc = run_cli("check", str(path), "--color", "never")
    assert proc.returncode == 1
    first = proc.stdout.splitlines()[0]
    # a Persian article's finding is explained in Persian ("total falls short of rate × period")
    assert first.startswith(f"{path}:9:195: error: مجموع از نرخ × طول دوره کمتر است")
    assert "evidence: «شمار کل» at 9:155" in proc.stdout
