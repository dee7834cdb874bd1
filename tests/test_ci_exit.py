"""Exit codes: 0 below the fail level, 1 at or above it, 2 for usage, configuration or input errors."""

from __future__ import annotations

import pytest
from ci_helpers import ERROR, INFO, WARNING, project

#: The exit code for a project whose worst finding has this severity, at each fail level.
CASES = [
    ("error", ERROR, {"error": 1, "warning": 1, "info": 1}),
    ("warning", WARNING, {"error": 0, "warning": 1, "info": 1}),
    ("info", INFO, {"error": 0, "warning": 0, "info": 1}),
]


@pytest.mark.parametrize(("worst", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fail_level(run_cli, tmp_path, worst, text, expected):
    project(tmp_path, x=text)
    for level, code in expected.items():
        proc = run_cli("check", "claims", "--fail-level", level, cwd=tmp_path)
        assert proc.returncode == code, (worst, level, proc.stdout, proc.stderr)


def test_default_fail_level_is_error(run_cli, tmp_path):
    project(tmp_path, w=WARNING, i=INFO)
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 0
    project(tmp_path, e=ERROR)
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 1


def test_fail_level_is_independent_of_the_display_level(run_cli, tmp_path):
    project(tmp_path, w=WARNING)
    # Shown but not failing ...
    proc = run_cli("check", "claims", "--display-level", "info", "--fail-level", "error", cwd=tmp_path)
    assert proc.returncode == 0 and "FC171" in proc.stdout
    # ... and failing but not shown.
    proc = run_cli("check", "claims", "--display-level", "error", "--fail-level", "warning", cwd=tmp_path)
    assert proc.returncode == 1 and "FC171" not in proc.stdout


def test_exit_zero(run_cli, tmp_path):
    project(tmp_path, e=ERROR)
    proc = run_cli("check", "claims", "--exit-zero", cwd=tmp_path)
    assert proc.returncode == 0 and "FC101" in proc.stdout


def test_input_and_usage_errors_exit_2_even_with_exit_zero(run_cli, tmp_path):
    project(tmp_path, bad="claims: [{id: a, value: 1, unit: parsec_of_joy}]\n")
    proc = run_cli("check", "claims", "--exit-zero", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factcheck: error: claims/bad.yaml:1:")
    assert "Traceback" not in proc.stderr
    assert run_cli("check", "claims", "--fail-level", "fatal", cwd=tmp_path).returncode == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_cli("check", cwd=empty)
    assert proc.returncode == 2 and "no paths given" in proc.stderr
