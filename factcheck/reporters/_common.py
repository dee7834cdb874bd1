"""Helpers the CI output formats share: which findings to show and what to say of each."""

from __future__ import annotations

import os

from ..evaluate import describe
from ..findings import Finding, Severity, Status
from ..report import Location, Report
from . import Options

__all__ = ["claim_line", "details", "norm_path", "shown"]


def shown(report: Report, options: Options, *, suppressed: bool = False) -> list[Finding]:
    """Findings at or above the display level (all verdicts with ``show_all``).

    With ``suppressed=True`` suppressed problems are kept too, for formats that can say a
    finding was suppressed and why (SARIF).
    """
    if options.show_all:
        return list(report.findings)
    level = Severity(options.min_severity)
    return [f for f in report.findings
            if f.status is not Status.consistent and f.severity.rank >= level.rank
            and (suppressed or not f.suppressed)]


def norm_path(path: str) -> str:
    """``claims/../examples/a.txt`` -> ``examples/a.txt``, with forward slashes."""
    return os.path.normpath(path).replace(os.sep, "/")


def claim_line(report: Report, cid: str) -> str:
    """``units_daily = more than 2,000 person/day «...» at examples/a.txt:9:111``."""
    claim = report.claims[cid]
    quote = f" «{claim.source.quote}»" if claim.source and claim.source.quote else ""
    loc = report.claim_location(cid)
    at = f" at {_where(loc)}" if loc is not None and loc.line else ""
    return f"{cid} = {describe(claim)}{quote}{at}"


def _where(loc: Location) -> str:
    s = norm_path(loc.path)
    if loc.line is not None:
        s += f":{loc.line}"
        if loc.column is not None:
            s += f":{loc.column}"
    return s


def details(report: Report, f: Finding) -> list[str]:
    """The lines under a finding: its claims, the arithmetic, what each claim would need."""
    from .text import _iv

    out = [claim_line(report, cid) for cid in f.claims if cid in report.claims]
    if f.arithmetic:
        out.append(f"arithmetic: {f.arithmetic}")
    if f.status is Status.inconsistent:
        for cid, need in f.needed.items():
            if need is None:
                out.append(f"no value of {cid} lets the rest hold")
            else:
                out.append(f"for the rest to hold, {cid} would have to be {_iv(need)}")
    if f.rules and f.rule is None:
        out.append(f"rules: {', '.join(f.rules)}")
    return out
