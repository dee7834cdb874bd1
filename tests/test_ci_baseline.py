"""Baselines: accepted findings are keyed by claim ids, code and figures — not by lines."""

from __future__ import annotations

import json

import pytest
from ci_helpers import ERROR, WARNING, example, project
from hypothesis import given
from hypothesis import strategies as st

from factcheck.baseline import SCHEMA


def test_write_then_check_against_the_baseline(run_cli, tmp_path):
    example(tmp_path)
    proc = run_cli("check", "--write-baseline", "fc-baseline.json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "wrote 1 finding to fc-baseline.json" in proc.stderr
    doc = json.loads((tmp_path / "fc-baseline.json").read_text("utf-8"))
    assert doc["schema"] == SCHEMA
    (entry,) = doc["findings"]
    assert entry["code"] == "FC111" and entry["rule"] == "services_total"
    assert set(entry["claims"]) == {"services_six_months", "stations_daily", "units_daily"}
    assert "line" not in json.dumps(entry)
    proc = run_cli("check", "--baseline", "fc-baseline.json", cwd=tmp_path)
    assert proc.returncode == 0 and "FC111" not in proc.stdout
    rep = json.loads(run_cli("check", "--baseline", "fc-baseline.json", "-f", "json", cwd=tmp_path).stdout)
    assert [f["suppression"] for f in rep["findings"] if f["code"] == "FC111"] == ["baseline"]


def test_moving_lines_keeps_the_finding_accepted(run_cli, tmp_path):
    example(tmp_path)
    run_cli("check", "--write-baseline", "b.json", cwd=tmp_path)
    claims = tmp_path / "claims" / "qom-police.yaml"
    rules = tmp_path / "rules" / "qom-police.yaml"
    claims.write_text("# a new comment\n# and another\n\n" + claims.read_text("utf-8"), encoding="utf-8")
    rules.write_text("\n\n\n" + rules.read_text("utf-8"), encoding="utf-8")
    assert run_cli("check", "--baseline", "b.json", cwd=tmp_path).returncode == 0


def test_a_finding_whose_numbers_change_is_new_again(run_cli, tmp_path):
    example(tmp_path)
    run_cli("check", "--write-baseline", "b.json", cwd=tmp_path)
    claims = tmp_path / "claims" / "qom-police.yaml"
    text = claims.read_text("utf-8")
    assert text.count("value: 822") == 1
    claims.write_text(text.replace("value: 822", "value: 823"), encoding="utf-8")
    proc = run_cli("check", "--baseline", "b.json", cwd=tmp_path)
    assert proc.returncode == 1 and "FC111" in proc.stdout
    assert "1 baseline entry in b.json no longer match" in proc.stderr


def test_new_findings_fail_while_old_ones_stay_accepted(run_cli, tmp_path):
    project(tmp_path, e=ERROR)
    run_cli("check", "claims", "--write-baseline", "b.json", cwd=tmp_path)
    project(tmp_path, w=WARNING)
    proc = run_cli("check", "claims", "--baseline", "b.json", "--fail-level", "warning", cwd=tmp_path)
    assert proc.returncode == 1 and "FC171" in proc.stdout and "FC101" not in proc.stdout


def test_baseline_from_the_configuration(run_cli, tmp_path):
    project(tmp_path, e=ERROR)
    (tmp_path / "ci").mkdir()
    run_cli("check", "claims", "--write-baseline", "ci/b.json", cwd=tmp_path)
    (tmp_path / "factcheck.toml").write_text('paths = ["claims"]\nbaseline = "ci/b.json"\n', encoding="utf-8")
    sub = tmp_path / "claims"
    assert run_cli("check", cwd=sub).returncode == 0  # the baseline path is relative to the file


@pytest.mark.parametrize(("content", "message"), [
    (None, "b.json: baseline file not found (create it with --write-baseline)"),
    ('{"schema": "factcheck-baseline/1",\n "findings": [}', "b.json:2:15: invalid JSON: Expecting value"),
    ('{"schema": "something-else"}', "b.json:1:1: schema: not a factcheck baseline"),
    ('{"schema": "factcheck-baseline/1", "findings": [{"code": "FC101"}]}',
     "b.json: findings[0].fingerprint: entry without a fingerprint"),
])
def test_bad_baselines_exit_2(run_cli, tmp_path, content, message):
    project(tmp_path, e=ERROR)
    if content is not None:
        (tmp_path / "b.json").write_text(content, encoding="utf-8")
    proc = run_cli("check", "claims", "--baseline", "b.json", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"factcheck: error: {message}"), proc.stderr


def test_write_and_read_baseline_are_exclusive(run_cli, tmp_path):
    project(tmp_path, e=ERROR)
    proc = run_cli("check", "claims", "--baseline", "a.json", "--write-baseline", "b.json", cwd=tmp_path)
    assert proc.returncode == 2 and "not allowed with" in proc.stderr


figures = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(a=figures, b=figures, a2=figures, hedge=st.sampled_from(["exact", "about", "more_than"]),
       order=st.permutations(["x", "y"]))
def test_fingerprint_depends_on_ids_code_and_figures_only(a, b, a2, hedge, order):
    from factcheck.baseline import fingerprint
    from factcheck.findings import Finding, Severity, Status
    from factcheck.model import Claim

    claims = {"x": Claim(id="x", value=a, hedge=hedge), "y": Claim(id="y", value=b)}
    f = Finding("f1", Status.inconsistent, Severity.error, "sum", "r", ("r",), ("x", "y"), "FC101")
    # Finding number, rule id and claim order do not matter ...
    g = Finding("f7", Status.inconsistent, Severity.warning, "sum", "r2", ("r2",), tuple(order), "FC101")
    assert fingerprint(f, claims) == fingerprint(g, claims)
    # ... the figures and the code do.
    changed = {**claims, "x": Claim(id="x", value=a2, hedge=hedge)}
    assert (fingerprint(f, changed) == fingerprint(f, claims)) == (a2 == a)
    other = Finding("f1", Status.inconsistent, Severity.error, "sum", "r", ("r",), ("x", "y"), "FC102")
    assert fingerprint(other, claims) != fingerprint(f, claims)
