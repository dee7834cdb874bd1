"""The bundled example: exactly one inconsistent relation, the services total."""

from __future__ import annotations

import json

from conftest import ROOT


def test_check_json_reports_only_the_services_total(run_cli):
    proc = run_cli("check", "--format", "json", cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert report["schema"] == "factcheck-report/1"
    bad = [f for f in report["findings"] if f["status"] == "inconsistent"]
    assert [f["rule"] for f in bad] == ["services_total"]
    assert bad[0]["code"] == "FC111"
    assert set(bad[0]["claims"]) == {"services_six_months", "stations_daily", "units_daily"}
    # Two units at more than 2,000 a day already overrun 400 thousand: the stations'
    # 822 a day is not needed for the conflict.
    assert bad[0]["conflict"] == ["services_six_months", "units_daily"]
    others = {f["rule"]: f["status"] for f in report["findings"] if f["rule"] != "services_total"}
    assert set(others.values()) == {"consistent"}
    assert len(others) == 6
    assert report["summary"]["inconsistent"] == 1


def test_example_spans_point_at_the_quoted_words():
    text = (ROOT / "examples" / "qom-police.fa.txt").read_text("utf-8")
    import yaml

    data = yaml.safe_load((ROOT / "claims" / "qom-police.yaml").read_text("utf-8"))
    for claim in data["claims"]:
        s, e = claim["source"]["span"]
        assert text[s:e] == claim["source"]["quote"], claim["id"]
