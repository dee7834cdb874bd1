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


def test_text_report_of_persian_figures_says_what_the_code_means_in_persian(run_cli, tmp_path):
    from factcheck.codes import lookup

    fa = lookup("FC111").summary_fa
    proc = run_cli("check", "claims", "rules")  # the Qom example: Persian figures
    assert proc.returncode == 1
    head, second = proc.stdout.splitlines()[:2]
    assert "[FC111 rate.total-below-rate]" in head and second.strip() == fa
    # English figures get no Persian line.
    (tmp_path / "a.yaml").write_text(
        "claims:\n"
        "  - {id: total, value: 80, unit: offence, lang: en}\n"
        "  - {id: a, value: 28, unit: offence, lang: en}\n"
        "  - {id: b, value: 61, unit: offence, lang: en}\n"
        "rules:\n"
        "  - {id: r, kind: sum, whole: total, parts: [a, b]}\n", encoding="utf-8")
    proc = run_cli("check", str(tmp_path / "a.yaml"))
    assert proc.returncode == 1 and "FC101" in proc.stdout
    assert lookup("FC101").summary_fa not in proc.stdout
