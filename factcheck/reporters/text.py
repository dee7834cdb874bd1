"""``--format text``: findings the way a compiler prints errors, coloured on a terminal."""

from __future__ import annotations

from ..evaluate import describe
from ..findings import Severity, Status
from ..report import Report
from . import Options, reporter

_COLORS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m", "none": "\033[32m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


@reporter("text")
def render(report: Report, options: Options) -> str:
    c = options.color

    def paint(s: str, code: str) -> str:
        return f"{code}{s}{_RESET}" if c else s

    out: list[str] = []
    min_sev = Severity(options.min_severity)
    shown = report.findings if options.show_all else report.problems(min_sev)
    for f in shown:
        if f.suppressed and not options.show_all:
            continue
        loc = report.finding_location(f)
        where = "<no location>"
        if loc is not None:
            where = loc.path
            if loc.line is not None:
                where += f":{loc.line}"
                if loc.column is not None:
                    where += f":{loc.column}"
        label = f.severity.value if f.status is not Status.consistent else "ok"
        tag = "possible " if f.possible else ""
        code = f"{f.code} {f.name}" if f.code else f.status.value
        head = f"{paint(where, _BOLD)}: {paint(tag + label, _COLORS[f.severity.value])}: "
        out.append(f"{head}{f.message or f.status.value} [{code}]")
        for cid in f.claims:
            claim = report.claims[cid]
            quote = f" «{claim.source.quote}»" if claim.source and claim.source.quote else ""
            cl = report.claim_location(cid)
            at = f" at {cl.path}:{cl.line}:{cl.column}" if cl and cl.line else ""
            out.append(f"    {cid} = {describe(claim)}{quote}{paint(at, _DIM)}")
        if f.arithmetic:
            out.append(f"    arithmetic: {f.arithmetic}")
        if f.conflict and len(f.conflict) < len(f.claims):
            out.append(f"    these alone cannot all be right: {', '.join(f.conflict)}")
        for cid, need in f.needed.items():
            if f.status is Status.inconsistent:
                if need is None:
                    out.append(f"    no value of {cid} lets the rest hold")
                else:
                    out.append(f"    for the rest to hold, {cid} would have to be {_iv(need)}")
        if f.evidence:
            out.append(f"    evidence: {f.evidence}")
        if f.rules and f.rule is None:
            out.append(f"    rules: {', '.join(f.rules)}")
    d = report.to_dict()["summary"]
    summary = (f"{d['claims']} claims, {d['rules']} rules: {d['inconsistent']} inconsistent, "
               f"{d['invalid']} invalid, {d['undetermined']} undetermined, {d['consistent']} consistent")
    out.append(paint(summary, _BOLD) if c else summary)
    return "\n".join(out) + "\n"


def _iv(need: tuple[str, str]) -> str:
    from fractions import Fraction

    from ..kinds.base import fmt_iv

    def b(s: str) -> Fraction | float:
        if s == "inf":
            return float("inf")
        if s == "-inf":
            return float("-inf")
        return Fraction(s)

    return fmt_iv(b(need[0]), b(need[1]))
