"""One exit-code rule: ``Report.exit_code(level)`` is the exit code of ``factcheck check
--fail-level LEVEL`` (serial, and per document with ``--jobs``), for every fail level and
every mix of statuses, severities, suppressions and configured severities.

Claim files are built from fragments that each give one known finding; the in-process
property holds the API to the rule documented in docs/ci.md for any mix, and a handful of
files (each run at every level) holds the real command line to the API.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.config import Config, apply_codes, resolve
from factcheck.findings import Severity, Status

LEVELS = (Severity.error, Severity.warning, Severity.info)

#: name -> (claims, rule, the finding's code, status and catalogue severity); the rule's id
#: is ``r_NAME`` and claim ids are prefixed by the name, so fragments never interact.
FRAGMENTS: dict[str, tuple[str, str, str | None, Status, Severity]] = {
    # 28 + 61 cannot make 80.
    "e": ("{id: e_a, value: 28, unit: offence}, {id: e_b, value: 61, unit: offence}, "
          "{id: e_t, value: 80, unit: offence}",
          "{id: r_e, kind: sum, whole: e_t, parts: [e_a, e_b]", "FC101", Status.inconsistent, Severity.error),
    # People and kilograms cannot be added.
    "u": ("{id: u_a, value: 822, unit: person}, {id: u_b, value: 50000, unit: kg}, "
          "{id: u_t, value: 680000, unit: person}",
          "{id: r_u, kind: sum, whole: u_t, parts: [u_a, u_b]", "FC003", Status.invalid, Severity.error),
    # A low-confidence comparison that fails: a possible finding.
    "w": ("{id: w_c, value: 28, unit: offence}, {id: w_d, value: 61, unit: offence}",
          "{id: r_w, kind: compare, a: w_c, op: '>', b: w_d, confidence: 0.5", "FC171",
          Status.inconsistent, Severity.warning),
    # The whole is unstated.
    "i": ("{id: i_e, value: 28, unit: offence}, {id: i_f, unit: offence}",
          "{id: r_i, kind: part_of, part: i_e, whole: i_f", "FC002", Status.undetermined, Severity.info),
    # A rule that holds, with a suppression left behind: FC004.
    "x": ("{id: x_a, value: 28, unit: offence}, {id: x_b, value: 52, unit: offence}, "
          "{id: x_t, value: 80, unit: offence}",
          "{id: r_x, kind: sum, whole: x_t, parts: [x_a, x_b], ignore: [{code: FC101, reason: stale}]",
          "FC004", Status.invalid, Severity.warning),
    # A rule that holds.
    "c": ("{id: c_a, value: 28, unit: offence}, {id: c_b, value: 52, unit: offence}, "
          "{id: c_t, value: 80, unit: offence}",
          "{id: r_c, kind: sum, whole: c_t, parts: [c_a, c_b]", None, Status.consistent, Severity.none),
}
#: Fragments whose finding can be suppressed where it arises.
SUPPRESSIBLE = ("e", "u", "w", "i")

#: Configurations that move every code to other severities (and one off), so each status
#: is seen at each severity.
CONFIGS: dict[str, str] = {
    "default": "",
    "raised": '[severity]\nFC002 = "error"\nFC003 = "info"\nFC101 = "warning"\nFC171 = "error"\n'
              'FC004 = "info"\n',
    "lowered": 'disable = ["FC171"]\n[severity]\nFC101 = "info"\nFC002 = "warning"\n'
               'FC003 = "warning"\nFC004 = "error"\n',
}


def claim_file(parts: list[str]) -> str:
    """A claim file holding each fragment; ``NAME~`` is fragment NAME with its finding suppressed."""
    claims, rules = [], []
    for p in parts:
        name = p.rstrip("~")
        cl, rule, code, _, _ = FRAGMENTS[name]
        claims.append(cl)
        rules.append(rule + (f", ignore: [{{code: {code}, reason: known}}]}}" if p.endswith("~") else "}"))
    return "claims: [" + ", ".join(claims) + "]\nrules:\n" + "".join(f"  - {r}\n" for r in rules)


def config(name: str, folder: Path) -> Config:
    path = folder / f"{name}.toml"
    path.write_text(CONFIGS[name], encoding="utf-8")
    return resolve(path)


def documented(parts: list[str], cfg: Config, level: Severity) -> int:
    """docs/ci.md: 1 when an unsuppressed finding is at or above the fail level."""
    for p in parts:
        _, _, code, status, sev = FRAGMENTS[p.rstrip("~")]
        if p.endswith("~") or status is Status.consistent or code is None:
            continue
        if code in cfg.severity:
            sev = cfg.severity[code]
        if cfg.disable and code in cfg.disable:
            sev = Severity.none
        if sev.rank >= level.rank:
            return 1
    return 0


@pytest.mark.parametrize("name", [*FRAGMENTS, *(f"{n}~" for n in SUPPRESSIBLE)])
def test_each_fragment_gives_the_finding_it_stands_for(name):
    report = factcheck.check_text(claim_file([name]))
    _, _, code, status, sev = FRAGMENTS[name.rstrip("~")]
    got = {(f.code, f.status, f.severity, f.suppressed) for f in report.findings}
    want = {(None, Status.consistent, Severity.none, False)} if code is None else {
        (code, status, sev, name.endswith("~"))}
    if name == "x":  # the rule itself holds
        want.add((None, Status.consistent, Severity.none, False))
    assert got == want


ALL_PARTS = [*FRAGMENTS, *(f"{n}~" for n in SUPPRESSIBLE)]


@settings(max_examples=60, deadline=None)
@given(parts=st.lists(st.sampled_from(ALL_PARTS), unique_by=lambda p: p.rstrip("~"),
                            min_size=1, max_size=6),
       cfg_name=st.sampled_from(sorted(CONFIGS)), level=st.sampled_from(LEVELS))
def test_api_exit_code_is_the_documented_rule(tmp_path_factory, parts, cfg_name, level):
    cfg = config(cfg_name, tmp_path_factory.mktemp("cfg"))
    report = factcheck.check_text(claim_file(parts))
    apply_codes(report, cfg)
    assert report.exit_code(level) == documented(parts, cfg, level)


#: The claim files run through the command line: nothing active, each fragment alone, a
#: warning with an info, and everything at once (suppressed fragments ride along in each).
MIXES: dict[str, list[str]] = {
    "quiet": ["c", "e~", "u~", "w~", "i~"],
    **{f"only_{n}": [n, "c", "e~" if n != "e" else "i~"] for n in ("e", "u", "w", "i", "x")},
    "warning_info": ["w", "i", "u~"],
    "everything": ["e", "u", "w", "i", "x", "c"],
}


@pytest.fixture
def mixes(tmp_path: Path) -> Path:
    folder = tmp_path / "mixes"
    folder.mkdir()
    for name, parts in MIXES.items():
        (folder / f"{name}.yaml").write_text(claim_file(parts), encoding="utf-8")
    return tmp_path


def test_the_command_line_exits_as_the_api_says(run_cli, mixes):
    seen = set()
    for name in MIXES:
        path = mixes / "mixes" / f"{name}.yaml"
        report = factcheck.check(path)
        for level in LEVELS:
            proc = run_cli("check", "--no-config", "--fail-level", level.value, str(path), cwd=mixes)
            assert proc.returncode in (0, 1), proc.stderr
            assert proc.returncode == report.exit_code(level), (name, level, proc.stdout)
            seen.add((name, level, proc.returncode))
    # The mixes tell the levels apart: an undetermined rule fails only at info, a warning
    # at warning and info, and a suppressed finding never.
    assert {(lv, rc) for n, lv, rc in seen if n == "only_i"} == {
        (Severity.error, 0), (Severity.warning, 0), (Severity.info, 1)}
    assert {(lv, rc) for n, lv, rc in seen if n == "only_x"} == {
        (Severity.error, 0), (Severity.warning, 1), (Severity.info, 1)}
    assert {rc for n, _, rc in seen if n == "quiet"} == {0}


@pytest.mark.parametrize("cfg_name", sorted(CONFIGS))
def test_each_document_of_a_batch_exits_as_the_api_says(run_cli, mixes, cfg_name):
    cfg = config(cfg_name, mixes)
    reports = {}
    for name in MIXES:
        reports[name] = factcheck.check(mixes / "mixes" / f"{name}.yaml")
        apply_codes(reports[name], cfg)
    for level in LEVELS:
        proc = run_cli("check", "--config", f"{cfg_name}.toml", "--jobs", "1", "-f", "json",
                       "--fail-level", level.value, "mixes", cwd=mixes)
        assert proc.returncode in (0, 1), proc.stderr
        docs = {Path(d["name"]).name: d["exit_code"] for d in json.loads(proc.stdout)["documents"]}
        assert docs == {name: r.exit_code(level) for name, r in reports.items()}
        assert proc.returncode == max(docs.values())
