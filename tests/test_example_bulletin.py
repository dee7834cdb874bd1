"""examples/bulletin (docs/testing.md): its property tests pass and catch the planted bug."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from test_plugin import checkout

BULLETIN = ROOT / "examples" / "bulletin"


def test_the_published_claim_file_is_what_the_pipeline_renders() -> None:
    proc = subprocess.run([sys.executable, "bulletin.py"], cwd=BULLETIN, capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout == (BULLETIN / "claims" / "2024-03.yaml").read_text("utf-8")


def test_the_example_suite_passes_as_a_user_runs_it() -> None:
    proc = checkout(BULLETIN, "-rA")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    for name in ("test_the_bulletin_always_adds_up", "test_a_planted_bug_is_caught",
                 "test_the_bug_on_a_known_month", "test_the_published_claim_files_add_up"):
        assert f"PASSED test_bulletin.py::{name}" in proc.stdout


def test_the_bulletin_claim_files_pass_under_pytest_factcheck() -> None:
    proc = checkout(BULLETIN, "--factcheck", "claims", "-rA")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "PASSED claims/2024-03.yaml::change_on_last_month" in proc.stdout
