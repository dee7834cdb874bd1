"""Every output format, produced from the bundled example by the real command line."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from ci_helpers import ERROR, WARNING, example, project
from conftest import ROOT

from factcheck.codes import CATALOGUE
from factcheck.reporters import names
from factcheck.rulesdoc import all_codes

SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
# Worktrees live one level deeper (/work/wt/NAME); the schema is shared at /work/shared.
if not SARIF_SCHEMA.exists():
    SARIF_SCHEMA = ROOT.parent.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"

GITHUB_LINE = re.compile(
    r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:]+),line=(?P<line>\d+),endLine=(?P<end>\d+),"
    r"col=(?P<col>\d+)(?:,endColumn=(?P<endcol>\d+))?,title=(?P<title>FC\d{3})::(?P<msg>[^\n\r]*)$")


def test_every_format_is_registered():
    assert {"text", "json", "jsonl", "sarif", "github", "junit"} <= set(names())


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "junit"])
def test_every_format_runs_on_the_example_and_exits_1(run_cli, fmt):
    proc = run_cli("check", "--format", fmt, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.strip()
    assert "FC111" in proc.stdout


def _sarif(run_cli, *args, cwd=ROOT):
    proc = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_sarif_validates_against_the_official_schema(run_cli):
    if not SARIF_SCHEMA.exists():
        pytest.skip(f"the SARIF 2.1.0 schema is not at {SARIF_SCHEMA} (shared material, not in the repo)")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
    doc = _sarif(run_cli)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    # The check is not vacuous: a broken document fails.
    broken = json.loads(json.dumps(doc))
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    assert list(validator.iter_errors(broken))


def test_sarif_result_points_at_the_quoted_words_one_based(run_cli):
    doc = _sarif(run_cli)
    (result,) = doc["runs"][0]["results"]
    assert result["ruleId"] == "FC111" and result["level"] == "error"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "examples/qom-police.fa.txt", "uriBaseId": "%SRCROOT%"}
    region = loc["region"]
    text = (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8")
    line = text.split("\n")[region["startLine"] - 1]
    # 1-based start column, exclusive end column, counted in code points.
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "۴۰۰ هزار نفر"
    assert region["snippet"]["text"] == "۴۰۰ هزار نفر"
    assert doc["runs"][0]["columnKind"] == "unicodeCodePoints"
    assert "863,048.5" in result["message"]["text"]  # the arithmetic travels with the result
    assert {r["message"]["text"].split(" = ")[0] for r in result["relatedLocations"]} == {
        "services_six_months", "stations_daily", "units_daily"}
    assert result["partialFingerprints"]["factcheckFinding/v1"]


def test_sarif_has_rule_metadata_and_help_for_every_code(run_cli):
    doc = _sarif(run_cli)
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in all_codes()]
    for r in rules:
        c = CATALOGUE[r["id"]]
        assert r["name"] == c.name
        assert r["shortDescription"]["text"] == c.summary
        assert c.consistent_example in r["help"]["text"] and c.inconsistent_example in r["help"]["text"]
        assert c.inconsistent_example in r["help"]["markdown"]
    (result,) = doc["runs"][0]["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_levels_and_suppressions(run_cli, tmp_path):
    text = ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: known typo}]}")
    project(tmp_path, e=text, w=WARNING)
    doc = _sarif(run_cli, "claims", cwd=tmp_path)
    by_rule = {r["properties"]["rule"]: r for r in doc["runs"][0]["results"]}
    assert by_rule["r_possible"]["level"] == "warning"
    assert by_rule["r_sum"]["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "known typo"}]


def test_github_annotations(run_cli):
    proc = run_cli("check", "--format", "github", cwd=ROOT)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("::group::factcheck: 1 finding")
    end = lines.index("::endgroup::")
    annotations = [ln for ln in lines[1:end] if ln.startswith("::")]
    assert len(annotations) == 1
    m = GITHUB_LINE.match(annotations[0])
    assert m, annotations[0]
    assert m["cmd"] == "error" and m["title"] == "FC111"
    assert m["file"] == "examples/qom-police.fa.txt"
    assert (m["line"], m["end"], m["col"], m["endcol"]) == ("9", "9", "195", "207")
    # Newlines in the message are escaped; the arithmetic is there, in Persian as the
    # message is (figures in the article's Persian digits).
    assert "%0Aمحاسبه: (۸۲۲ نفر در روز + ۲ × بیش از ۲٬۰۰۰ نفر در روز)" in m["msg"] and "\n" not in m["msg"]
    assert "≥ ۸۶۳٬۰۴۸٫۵ نفر > ۴۵۰٬۰۰۰ (۴۰۰٬۰۰۰ نفر)" in m["msg"] and "arithmetic: " not in m["msg"]
    assert "863,048.5" in m["msg"]
    # The article is Persian: the annotation says it in Persian first, then in English.
    persian, english = m["msg"].split("%0A")[:2]
    assert "مجموع از نرخ × طول دوره کمتر است" in persian
    assert english.startswith("in English: total falls short of rate × period")


def test_github_warnings_notices_and_escaping(run_cli, tmp_path):
    from ci_helpers import INFO

    project(tmp_path, w=WARNING, i=INFO)
    proc = run_cli("check", "--format", "github", "claims", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr  # warnings and infos do not fail at the default level
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(("::warning", "::notice", "::error"))]
    kinds = sorted(ln.split(" ", 1)[0] for ln in lines)
    assert kinds == ["::notice", "::warning"]
    for ln in lines:
        assert GITHUB_LINE.match(ln) or re.match(r"^::(warning|notice) file=[^,]+,line=\d+,endLine=\d+,"
                                                 r"col=\d+,title=FC\d{3}::", ln), ln
    from factcheck.reporters.github import escape_data, escape_property

    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"


def test_junit_one_case_per_rule_and_failures_carry_the_arithmetic(run_cli):
    proc = run_cli("check", "--format", "junit", cwd=ROOT)
    assert proc.returncode == 1
    root = ET.fromstring(proc.stdout)
    assert root.tag == "testsuites"
    cases = root.findall(".//testcase")
    import yaml

    rules = [r["id"] for r in yaml.safe_load((ROOT / "rules" / "qom-police.yaml").read_text("utf-8"))["rules"]]
    assert [c.get("name") for c in cases] == rules
    failed = [c for c in cases if c.find("failure") is not None]
    assert [c.get("name") for c in failed] == ["services_total"]
    failure = failed[0].find("failure")
    assert failure.get("type") == "FC111"
    # Persian figures: the Persian message first, the English one after it.
    assert "مجموع از نرخ × طول دوره کمتر است" in failure.get("message")
    assert "in English: total falls short of rate × period" in failure.text
    # ... and its arithmetic in Persian, where the Persian message is
    assert "محاسبه: (۸۲۲ نفر در روز + ۲ × بیش از ۲٬۰۰۰ نفر در روز)" in failure.text
    assert "≥ ۸۶۳٬۰۴۸٫۵ نفر > ۴۵۰٬۰۰۰" in failure.text and "arithmetic: " not in failure.text
    assert root.get("tests") == str(len(rules)) and root.get("failures") == "1"
    assert failed[0].get("file") == "rules/qom-police.yaml" and int(failed[0].get("line")) > 1


def test_junit_skips_undetermined_and_suppressed(run_cli, tmp_path):
    from ci_helpers import INFO

    text = ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: known typo}]}")
    project(tmp_path, e=text, i=INFO)
    root = ET.fromstring(run_cli("check", "--format", "junit", "claims", cwd=tmp_path).stdout)
    skipped = {c.get("name"): c.find("skipped").get("message") for c in root.iter("testcase")
               if c.find("skipped") is not None}
    assert skipped["r_sum"] == "suppressed: known typo"
    assert skipped["r_undetermined"].startswith("FC002")
    assert root.get("failures") == "0" and root.get("skipped") == "2"


def test_jsonl_one_finding_per_line(run_cli, tmp_path):
    project(tmp_path, e=ERROR, w=WARNING)
    proc = run_cli("check", "--format", "jsonl", "claims", cwd=tmp_path)
    rows = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert sorted(r["code"] for r in rows) == ["FC101", "FC171"]
    full = json.loads(run_cli("check", "--format", "json", "claims", cwd=tmp_path).stdout)
    by_id = {f["id"]: f for f in full["findings"]}
    assert all(r == by_id[r["id"]] for r in rows)  # the same records as report version 1
    proc = run_cli("check", "--format", "jsonl", "--display-level", "error", "claims", cwd=tmp_path)
    assert [json.loads(ln)["code"] for ln in proc.stdout.splitlines()] == ["FC101"]


def test_output_file_gets_the_format(run_cli, tmp_path):
    example(tmp_path)
    out = tmp_path / "out.sarif"
    proc = run_cli("check", "-f", "sarif", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads(out.read_text("utf-8"))["version"] == "2.1.0"
    assert Path(tmp_path / "claims" / "qom-police.yaml").read_text("utf-8") == (
        ROOT / "claims" / "qom-police.yaml").read_text("utf-8")


def test_the_documented_workflow_is_valid_and_uses_real_options():
    import shlex

    import yaml

    from factcheck.cli import build_parser

    doc = (ROOT / "docs" / "ci.md").read_text("utf-8")
    (block,) = [b.split("```", 1)[0] for b in doc.split("```yaml\n")[1:] if "upload-sarif" in b]
    wf = yaml.safe_load(block)
    steps = wf["jobs"]["factcheck"]["steps"]
    assert wf["permissions"]["security-events"] == "write"
    upload = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload and upload[0]["with"]["sarif_file"] == "factcheck.sarif" and upload[0]["if"] == "always()"
    commands = [s["run"] for s in steps if s.get("run", "").startswith("factcheck ")]
    assert any("--format github" in c for c in commands) and any("--format sarif" in c for c in commands)
    parser = build_parser()
    for c in commands:
        args = parser.parse_args(shlex.split(c)[1:])  # exits (fails the test) on an unknown option
        assert args.command == "check"
