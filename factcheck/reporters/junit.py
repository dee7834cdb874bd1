"""``--format junit``: JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure).

One test case per rule, grouped in one test suite per rule file.  A rule that cannot
hold is a ``<failure>`` whose text carries the claims, the arithmetic and what each figure
would have to be; a rule whose units cannot match is an ``<error>``; an undetermined or
suppressed rule is ``<skipped>`` with the reason.  Findings tied to no single rule (a
chain of rules that conflict only together, an unused suppression) are test cases of
their own in a suite named after them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ..findings import Finding, Severity, Status
from ..report import Report
from . import Options, reporter
from ._common import details, headline, norm_path


def _suite_of(report: Report, f: Finding | None, rule: str | None) -> str:
    if rule is not None:
        o = report.evaluation.claims.origin.get(f"rules:{rule}")
        if o:
            return norm_path(o[0])
    if f is not None and f.kind == "chain":
        return "chains"
    return "suppressions" if f is not None and f.kind == "suppression" else "factcheck"


@reporter("junit")
def render(report: Report, options: Options) -> str:
    level = Severity(options.min_severity)
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    loose: list[Finding] = []
    for f in report.findings:
        if f.rule is not None and f.kind != "suppression":
            by_rule[f.rule].append(f)
        elif f.status is not Status.consistent:
            loose.append(f)
    cases: dict[str, list[ET.Element]] = defaultdict(list)
    for rid in report.evaluation.claims.rules:
        suite = _suite_of(report, None, rid)
        cases[suite].append(_case(report, rid, suite, by_rule.get(rid, []), level))
    for f in loose:
        suite = _suite_of(report, f, None)
        name = "+".join(f.rules) if f.kind == "chain" else f"{f.code} {f.id}"
        cases[suite].append(_case(report, name, suite, [f], level))
    root = ET.Element("testsuites", name="factcheck")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite, elems in cases.items():
        counts = {"tests": len(elems),
                  "failures": sum(1 for e in elems if e.find("failure") is not None),
                  "errors": sum(1 for e in elems if e.find("error") is not None),
                  "skipped": sum(1 for e in elems if e.find("skipped") is not None)}
        s = ET.SubElement(root, "testsuite", {"name": suite, **{k: str(v) for k, v in counts.items()}})
        s.extend(elems)
        for k in totals:
            totals[k] += counts[k]
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(report: Report, name: str, suite: str, findings: list[Finding], level: Severity) -> ET.Element:
    case = ET.Element("testcase", name=name, classname=suite)
    problems = [f for f in findings if f.status is not Status.consistent]
    origin = report.evaluation.claims.origin.get(f"rules:{name}")
    loc = None if origin is not None or not problems else report.finding_location(problems[0])
    path, line = (origin[0], origin[1]) if origin else ((loc.path, loc.line) if loc else (None, None))
    if path:
        case.set("file", norm_path(path))
        if line:
            case.set("line", str(line))
    failing = [f for f in problems if not f.suppressed and f.status in (Status.inconsistent, Status.invalid)
               and f.severity.rank >= level.rank and f.severity is not Severity.none]
    if failing:
        tag = "error" if all(f.status is Status.invalid and f.kind != "suppression" for f in failing) else "failure"
        first = failing[0]
        el = ET.SubElement(case, tag, type=first.code or first.status.value,
                           message=f"{first.code} {first.name}: {headline(report, first)[0]}")
        el.text = "\n\n".join("\n".join([f"{f.code} {f.name} ({f.severity.value}): {headline(report, f)[0]}",
                                         *headline(report, f)[1], *details(report, f)]) for f in failing)
        return case
    skipped = [f for f in problems if f.suppressed or f.status is Status.undetermined]
    if skipped:
        f = skipped[0]
        why = f"suppressed: {f.suppression}" if f.suppressed else f"{f.code} {f.name}: {headline(report, f)[0]}"
        ET.SubElement(case, "skipped", message=why)
    return case
