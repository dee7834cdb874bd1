"""Configuration: discovery, precedence, provenance, effect on verdicts, and every error case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_helpers import ERROR, INFO, WARNING, example, project
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.config import Config, ConfigError, discover, load, resolve
from factcheck.findings import Severity
from factcheck.model import Hedge


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_discovered_from_the_current_folder_upwards(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert discover(deep) is None
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.factcheck]: passed over
    assert discover(deep) is None
    cfg = write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n[tool.factcheck]\nfail-level = 'info'\n")
    assert discover(deep) == cfg
    nearer = write(tmp_path / "a" / "factcheck.toml", "fail-level = 'warning'\n")
    assert discover(deep) == nearer
    # In one folder factcheck.toml wins over pyproject.toml.
    write(tmp_path / "a" / "pyproject.toml", "[tool.factcheck]\nfail-level = 'error'\n")
    assert discover(deep) == nearer
    assert resolve(start=deep).fail_level is Severity.warning


def test_values_and_where_they_came_from(tmp_path):
    f = write(tmp_path / "pyproject.toml", """\
[project]
name = "x"

[tool.factcheck]
paths = ["claims", "articles/*.md"]
fail-level = "warning"
disable = ["FC002"]
rounding = "last-digit"

[tool.factcheck.severity]
"rate.total-below-rate" = "warning"

[tool.factcheck.tolerances]
about = {below = 0.2}

[tool.factcheck.languages.fa]
nearly = {below = 0.15, above = 0}

[tool.factcheck.calendars]
fa = "any"
""")
    cfg = load(f)
    assert cfg.fail_level is Severity.warning and cfg.source("fail-level").endswith("pyproject.toml:6")
    assert cfg.disable == ("FC002",) and cfg.source("disable").endswith(":7")
    assert cfg.severity == {"FC111": Severity.warning} and cfg.source("severity.FC111").endswith(":11")
    about = cfg.policy.tolerances[Hedge.about]
    assert str(about.below) == "0.2" and str(about.above) == "0.1"  # the side not named keeps its default
    assert cfg.source("tolerances.about").endswith(":14")
    assert str(cfg.policy.languages["fa"][Hedge.nearly].below) == "0.15"
    assert cfg.policy.calendars["fa"] == "any" and cfg.policy.calendars["en"] == "gregorian"
    assert cfg.policy.rounding == "last-digit"
    assert cfg.source("language") == "default"


def test_config_command_prints_values_with_sources(run_cli, tmp_path):
    write(tmp_path / "factcheck.toml", 'fail-level = "info"\n\n[tolerances]\nmore_than = {above = 0.5}\n')
    proc = run_cli("config", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert 'fail-level = "info"  # factcheck.toml:1' in lines
    assert 'display-level = "info"  # default' in lines
    assert "more_than = {below = 0, above = 0.5}  # factcheck.toml:4" in lines
    assert "less_than = {below = inf, above = 0}  # default" in lines
    doc = json.loads(run_cli("config", "--format", "json", cwd=tmp_path).stdout)
    assert doc["values"]["fail-level"] == {"value": "info", "source": "factcheck.toml:1"}


def test_command_line_options_override_the_file(run_cli, tmp_path):
    project(tmp_path, w=WARNING)
    write(tmp_path / "factcheck.toml", 'fail-level = "warning"\npaths = ["claims"]\n')
    assert run_cli("check", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--fail-level", "error", cwd=tmp_path).returncode == 0
    assert run_cli("check", "--no-config", "claims", cwd=tmp_path).returncode == 0
    other = write(tmp_path / "other.toml", 'fail-level = "error"\n')
    assert run_cli("check", "--config", str(other), "claims", cwd=tmp_path).returncode == 0


def test_paths_globs_relative_to_the_config_file(run_cli, tmp_path):
    project(tmp_path, e=ERROR)
    write(tmp_path / "factcheck.toml", 'paths = ["claims/*.yaml"]\n')
    sub = tmp_path / "deep" / "er"
    sub.mkdir(parents=True)
    proc = run_cli("check", cwd=sub)
    assert proc.returncode == 1 and "FC101" in proc.stdout


def test_disable_enable_and_severity_change_what_fails(run_cli, tmp_path):
    project(tmp_path, e=ERROR, i=INFO)
    write(tmp_path / "factcheck.toml", 'disable = ["FC101"]\n')
    proc = run_cli("check", "claims", cwd=tmp_path)
    assert proc.returncode == 0 and "FC101" not in proc.stdout and "FC002" in proc.stdout
    write(tmp_path / "factcheck.toml", 'enable = ["FC1"]\n')  # a prefix: every FC1xx code
    proc = run_cli("check", "claims", cwd=tmp_path)
    assert proc.returncode == 1 and "FC002" not in proc.stdout
    write(tmp_path / "factcheck.toml", '[severity]\n"sum.parts-exceed-total" = "warning"\n')
    proc = run_cli("check", "claims", cwd=tmp_path)
    assert proc.returncode == 0 and "warning" in proc.stdout
    assert run_cli("check", "claims", "--fail-level", "warning", cwd=tmp_path).returncode == 1
    # The verdict is still in the JSON report, at severity none.
    write(tmp_path / "factcheck.toml", 'disable = ["FC101"]\n')
    doc = json.loads(run_cli("check", "claims", "-f", "json", cwd=tmp_path).stdout)
    assert [f["severity"] for f in doc["findings"] if f["code"] == "FC101"] == ["none"]


ABOUT_77 = ERROR.replace("value: 80, unit: offence}", "value: 77, precision: 1, unit: offence, hedge: about}")


def test_tolerances_from_the_file_change_the_verdict(run_cli, tmp_path):
    """28 + 61 against 'about 77': 77.5 + 10 % = 85.25 < 88 fails; 77.5 + 15 % = 89.125 holds."""
    project(tmp_path, e=ABOUT_77)
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 1
    write(tmp_path / "factcheck.toml", "[tolerances]\nabout = {below = 0.15, above = 0.15}\n")
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 0
    # Per language: only claims in that language get the wider tolerance.
    write(tmp_path / "factcheck.toml", "[languages.fa]\nabout = {below = 0.15, above = 0.15}\n")
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 1
    project(tmp_path, e="document: {id: d, lang: fa}\n" + ABOUT_77)
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 0


def test_the_example_is_unaffected_by_an_empty_config(run_cli, tmp_path):
    example(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.factcheck]\n")
    proc = run_cli("check", "-f", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"] if f["status"] == "inconsistent"] == [
        "services_total"]


# -- errors: one line, file and line, exit 2 -------------------------------------------

BAD = [
    ("[tool.factcheck]\nfail-level = \n", "pyproject.toml:2:14: invalid TOML: Invalid value"),
    ("[tool.factcheck]\npaths = ['claims']\ncolour = 'red'\n",
     "pyproject.toml:3:1: tool.factcheck.colour: unknown key 'colour' (expected one of: paths,"),
    ("[tool.factcheck.tolerances]\nabout = {below = 0.1, abve = 0.2}\n",
     "pyproject.toml:2:23: tool.factcheck.tolerances.about.abve: unknown key 'abve' (expected one of: below, above)"),
    ("[tool.factcheck.tolerances]\nabuot = {below = 0.1}\n",
     "pyproject.toml:2:1: tool.factcheck.tolerances.abuot: Input should be 'exact', 'about'"),
    ("[tool.factcheck]\nfail-level = 'fatal'\n",
     "pyproject.toml:2:1: tool.factcheck.fail-level: Input should be 'error', 'warning' or 'info' (got 'fatal')"),
    ("[tool.factcheck]\ndisable = ['FC101', 'FC999']\n",
     "pyproject.toml:2:1: tool.factcheck.disable: unknown code 'FC999' (see `factcheck rules`)"),
    ("[tool.factcheck.severity]\nFC998 = 'warning'\n",
     "pyproject.toml:2:1: tool.factcheck.severity.FC998: unknown code 'FC998'"),
    ("[tool.factcheck.tolerances]\nabout = {below = -0.1}\n",
     "pyproject.toml:2:10: tool.factcheck.tolerances.about.below: must be >= 0 (got -0.1)"),
    ("[tool.factcheck]\nlanguage = 'de'\n", "pyproject.toml:2:1: tool.factcheck.language: Input should be"),
]


@pytest.mark.parametrize(("text", "expected"), BAD, ids=[b[1].split(": ", 2)[-1][:30] for b in BAD])
def test_bad_configuration_is_a_one_line_error_with_file_and_line(run_cli, tmp_path, text, expected):
    project(tmp_path, e=ERROR)
    write(tmp_path / "pyproject.toml", text)
    for cmd in (["check", "claims"], ["config"]):
        proc = run_cli(*cmd, cwd=tmp_path)
        assert proc.returncode == 2, proc.stdout
        assert proc.stderr.startswith(f"factcheck: error: {expected}"), proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_explicit_config_that_is_missing(run_cli, tmp_path):
    proc = run_cli("check", "--config", "nope.toml", cwd=tmp_path)
    assert proc.returncode == 2 and "nope.toml: configuration file not found" in proc.stderr


def test_factcheck_toml_errors_have_no_prefix(tmp_path):
    f = write(tmp_path / "factcheck.toml", "\n\n[severity]\nFC101 = 'loud'\n")
    with pytest.raises(ConfigError) as exc:
        load(f)
    assert exc.value.line == 4 and exc.value.field == "severity.FC101"


# -- round trip: what `factcheck config` prints is a configuration that means the same --

levels = st.sampled_from(["error", "warning", "info"])
tol = st.decimals(min_value=0, max_value=2, places=3, allow_nan=False, allow_infinity=False)


@settings(max_examples=30, deadline=None)
@given(fail=levels, display=levels, below=tol, above=st.one_of(tol, st.none()),
       hedge=st.sampled_from([h.value for h in Hedge]), rounding=st.sampled_from(["significant", "last-digit"]),
       disable=st.lists(st.sampled_from(["FC001", "FC002", "FC101", "FC111"]), unique=True, max_size=3))
def test_printed_configuration_reads_back_the_same(tmp_path_factory, fail, display, below, above, hedge,
                                                   rounding, disable):
    from factcheck.cli.config import render_toml

    d = tmp_path_factory.mktemp("rt")
    above_s = "inf" if above is None else str(above)
    src = write(d / "factcheck.toml", f"""\
fail-level = "{fail}"
display-level = "{display}"
rounding = "{rounding}"
disable = {json.dumps(disable)}

[tolerances]
{hedge} = {{below = {below}, above = {above_s}}}

[languages.en]
{hedge} = {{below = {below}}}
""")
    first = load(src)
    again = load(write(d / "again" / "factcheck.toml", render_toml(first)))
    for name in ("paths", "language", "fail_level", "display_level", "enable", "disable", "severity", "policy"):
        assert getattr(again, name) == getattr(first, name), name


def test_defaults_without_any_file(tmp_path):
    assert resolve(start=tmp_path) == Config()


def test_the_documented_example_configuration_loads(tmp_path):
    from conftest import ROOT

    doc = (ROOT / "docs" / "ci.md").read_text("utf-8")
    blocks = [b.split("```", 1)[0] for b in doc.split("```toml\n")[1:]]
    (example_cfg,) = [b for b in blocks if "[tool.factcheck.severity]" in b]
    cfg = load(write(tmp_path / "pyproject.toml", example_cfg))
    assert cfg.fail_level is Severity.warning and cfg.enable and "FC101" in cfg.enable
    assert cfg.severity == {"FC171": Severity.warning, "FC111": Severity.error}
    assert cfg.policy.calendars["fa"] == "persian"
