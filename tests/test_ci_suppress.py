"""Suppressions on claims, rules and in articles; unused ones reported as FC004; their errors."""

from __future__ import annotations

import json

import pytest
from ci_helpers import ERROR, example, project

from factcheck.errors import InputError
from factcheck.suppress import parse_comments


def findings(run_cli, cwd, *args):
    proc = run_cli("check", "-f", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.returncode, json.loads(proc.stdout)["findings"]


def test_rule_suppression_silences_its_finding_with_the_reason(run_cli, tmp_path):
    project(tmp_path, e=ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: known typo}]}"))
    rc, fs = findings(run_cli, tmp_path, "claims")
    assert rc == 0
    (f,) = [f for f in fs if f["code"] == "FC101"]
    assert f["suppressed"] and f["suppression"] == "known typo"
    text = run_cli("check", "claims", cwd=tmp_path).stdout
    assert "FC101" not in text and "FC004" not in text


def test_claim_suppression(run_cli, tmp_path):
    ignored = "{id: total, value: 80, unit: offence, ignore: [{code: FC101, reason: misprint}]}"
    project(tmp_path, e=ERROR.replace("{id: total, value: 80, unit: offence}", ignored))
    rc, fs = findings(run_cli, tmp_path, "claims")
    assert rc == 0 and [f["suppression"] for f in fs if f["code"] == "FC101"] == ["misprint"]


def test_suppression_of_another_code_does_not_silence_and_is_reported_unused(run_cli, tmp_path):
    project(tmp_path, e=ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC102, reason: wrong code}]}"))
    rc, fs = findings(run_cli, tmp_path, "claims")
    assert rc == 1
    unused = [f for f in fs if f["code"] == "FC004"]
    assert len(unused) == 1 and unused[0]["severity"] == "warning"
    assert "no FC102 finding at rule 'r_sum'" in unused[0]["message"]
    assert unused[0]["location"]["path"] == "claims/e.yaml" and unused[0]["location"]["line"] == 6
    # Unused suppressions fail at --fail-level warning, and can be disabled like any code.
    stale = "{id: a, value: 28, unit: offence, ignore: [{code: FC102, reason: stale}]}"
    project(tmp_path, e=ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: ok}]}")
            .replace("{id: a, value: 28, unit: offence}", stale))
    assert run_cli("check", "claims", cwd=tmp_path).returncode == 0
    assert run_cli("check", "claims", "--fail-level", "warning", cwd=tmp_path).returncode == 1
    (tmp_path / "factcheck.toml").write_text('disable = ["suppression.unused"]\n', encoding="utf-8")
    assert run_cli("check", "claims", "--fail-level", "warning", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(("ignore", "message"), [
    ("[{code: FC101}]", "rules[r_sum].ignore[0]: a suppression needs a reason: {code: FC101, reason: "),
    ("[{code: FC101, reason: ' '}]", "rules[r_sum].ignore[0]: a suppression needs a reason"),
    ("[{code: FC999, reason: nope}]", "rules[r_sum].ignore: unknown code 'FC999' (see `factcheck rules`)"),
    ("[{code: rate, reason: nope}]", "rules[r_sum].ignore[0].code: String should match pattern"),
])
def test_bad_suppressions_in_claim_files(run_cli, tmp_path, ignore, message):
    project(tmp_path, e=ERROR.replace("parts: [a, b]}", f"parts: [a, b], ignore: {ignore}}}"))
    proc = run_cli("check", "claims", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factcheck: error: claims/e.yaml:6:"), proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr


def test_article_comment_in_the_paragraph_silences_the_example(run_cli, tmp_path):
    example(tmp_path)
    art = tmp_path / "examples" / "qom-police.fa.txt"
    text = art.read_text("utf-8")
    # Appended to the last line of the paragraph holding the figures: offsets before it keep.
    art.write_text(text.rstrip("\n") + "\n<!-- factcheck: ignore FC111 visits, not people: one person may come "
                   "back many times -->\n", encoding="utf-8")
    rc, fs = findings(run_cli, tmp_path)
    assert rc == 0
    (f,) = [f for f in fs if f["code"] == "FC111"]
    assert f["suppression"] == "visits, not people: one person may come back many times"
    assert not [f for f in fs if f["code"] == "FC004"]


def test_article_comment_that_matches_nothing_is_reported(run_cli, tmp_path):
    example(tmp_path)
    art = tmp_path / "examples" / "qom-police.fa.txt"
    text = art.read_text("utf-8")
    art.write_text(text.rstrip("\n") + "\n\n<!-- factcheck: ignore FC101 stale -->\n", encoding="utf-8")
    rc, fs = findings(run_cli, tmp_path)
    assert rc == 1  # the services total still fails
    (u,) = [f for f in fs if f["code"] == "FC004"]
    n = text.rstrip("\n").count("\n") + 3
    assert u["location"] == {"path": "examples/qom-police.fa.txt", "line": n, "column": 1,
                             "end_line": None, "end_column": None}
    proc = run_cli("check", "-f", "github", cwd=tmp_path)
    assert f"::warning file=examples/qom-police.fa.txt,line={n},endLine={n},col=1,title=FC004::" in proc.stdout


ARTICLE = """Calls to the police line

<!-- factcheck: ignore sum.parts-exceed-total the two figures count overlapping calls -->

Operators took 28 calls and 61 calls, 80 calls in all.

Another paragraph with 80 calls.
"""


def _article_project(tmp_path, article):
    (tmp_path / "a.md").write_text(article, encoding="utf-8")
    body = article.index("Operators")

    def span(word, start=body):
        s = article.index(word, start)
        return f"[{s}, {s + len(word)}]"

    project(tmp_path, c=f"""\
document: {{id: art, path: ../a.md, lang: en}}
claims:
  - {{id: a, value: 28, unit: call, source: {{document: art, span: {span('28 calls')}, quote: 28 calls}}}}
  - {{id: b, value: 61, unit: call, source: {{document: art, span: {span('61 calls')}, quote: 61 calls}}}}
  - {{id: t, value: 80, unit: call, source: {{document: art, span: {span('80 calls')}, quote: 80 calls}}}}
rules:
  - {{id: r, kind: sum, whole: t, parts: [a, b]}}
""")


def test_a_comment_alone_covers_the_next_paragraph_and_names_work(run_cli, tmp_path):
    _article_project(tmp_path, ARTICLE)
    rc, fs = findings(run_cli, tmp_path, "claims")
    assert rc == 0
    assert [f["suppression"] for f in fs if f["code"] == "FC101"] == ["the two figures count overlapping calls"]
    # Moved below the paragraph, the same comment covers nothing and is reported.
    first = "<!-- factcheck: ignore sum.parts-exceed-total the two figures count overlapping calls -->\n\n"
    moved = ARTICLE.replace(first, "").replace("Another", "<!-- factcheck: ignore FC101 overlap -->\n\nAnother")
    _article_project(tmp_path, moved)
    rc, fs = findings(run_cli, tmp_path, "claims")
    assert rc == 1 and [f["code"] for f in fs if f["status"] != "consistent"] == ["FC101", "FC004"]


@pytest.mark.parametrize(("comment", "message"), [
    ("<!-- factcheck: ignore FC101 -->", "a suppression needs a reason"),
    ("<!-- factcheck: ignore FC999 because -->", "unknown code 'FC999'"),
    ("<!-- factcheck: ignore because -->", "expected a code after 'ignore'"),
    ("<!-- factcheck: disable FC101 because -->", "unknown factcheck directive (expected 'ignore') (got 'disable')"),
])
def test_bad_article_comments_are_errors_with_their_place(run_cli, tmp_path, comment, message):
    _article_project(tmp_path, ARTICLE.replace(
        "<!-- factcheck: ignore sum.parts-exceed-total the two figures count overlapping calls -->", comment))
    proc = run_cli("check", "claims", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("factcheck: error: a.md:3:1: factcheck comment: "), proc.stderr
    assert message in proc.stderr


def test_parse_comments_several_codes_and_multiline():
    text = "x\n<!-- factcheck: ignore FC101,FC111 FC102 both figures\n are estimates -->\ny\n"
    sups = parse_comments(text, "a.md")
    assert [s.code for s in sups] == ["FC101", "FC111", "FC102"]
    assert {s.reason for s in sups} == {"both figures are estimates"}
    assert {s.lines for s in sups} == {(1, 4)}
    with pytest.raises(InputError):
        parse_comments("<!--factcheck:ignore-->", "a.md")


def test_comment_in_a_raw_article_checked_end_to_end(run_cli, tmp_path):
    pytest.importorskip("factcheck.articles", reason="the extraction stage is not installed")
    body = ("Operators took 26,908 calls in the morning and 17,000 calls in the afternoon, "
            "a total of 41,549 calls for the day.\n")
    (tmp_path / "a.md").write_text("Police calls\n\n" + body, encoding="utf-8")
    proc = run_cli("check", "a.md", cwd=tmp_path)
    assert proc.returncode == 1 and "FC101" in proc.stdout
    (tmp_path / "a.md").write_text("Police calls\n\n<!-- factcheck: ignore FC101 the morning figure counts "
                                   "repeat callers -->\n" + body, encoding="utf-8")
    proc = run_cli("check", "a.md", "-f", "sarif", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    (res,) = json.loads(proc.stdout)["runs"][0]["results"]
    assert res["suppressions"][0]["justification"] == "the morning figure counts repeat callers"


def test_python_api_applies_suppressions_like_the_command_line(tmp_path):
    import factcheck

    project(tmp_path, e=ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: known typo}]}"))
    report = factcheck.check(tmp_path / "claims")
    (f,) = [f for f in report.findings if f.code == "FC101"]
    assert f.suppressed and f.suppression == "known typo"
    assert report.exit_code() == 0 and not report.evaluation.inconsistent
    raw = factcheck.check(tmp_path / "claims", suppressions=False)
    assert [f.suppressed for f in raw.findings if f.code == "FC101"] == [False]
    assert raw.exit_code() == 1
    text = (tmp_path / "claims" / "e.yaml").read_text(encoding="utf-8")
    assert [f.suppressed for f in factcheck.check_text(text).findings if f.code == "FC101"] == [True]


def test_parallel_check_applies_suppressions_as_serial_does(run_cli, tmp_path):
    project(tmp_path, e=ERROR.replace("parts: [a, b]}", "parts: [a, b], ignore: [{code: FC101, reason: known typo}]}"))
    serial = run_cli("check", "-f", "json", "claims", cwd=tmp_path)
    parallel = run_cli("check", "-f", "json", "--jobs", "2", "claims", cwd=tmp_path)
    assert serial.returncode == parallel.returncode == 0, parallel.stderr
    batch = json.loads(parallel.stdout)
    (doc,) = batch["documents"]
    assert doc["exit_code"] == 0
    assert doc["report"]["findings"] == json.loads(serial.stdout)["findings"]
    assert [f["suppression"] for f in doc["report"]["findings"] if f["code"] == "FC101"] == ["known typo"]
    assert batch["summary"].get("inconsistent", 0) == 0
