"""Helpers the CI output formats share: which findings to show and what to say of each."""

from __future__ import annotations

import os

from .. import persian
from ..builders import claim_lang
from ..findings import Finding, Severity, Status
from ..report import Location, Report
from ..verdict import describe
from . import Options

__all__ = ["ARITHMETIC_FA", "arithmetic", "ascii_digits", "claim_line", "details", "headline", "is_persian", "message",
           "norm_path", "persian_message", "reads_persian", "shown"]


def shown(report: Report, options: Options, *, suppressed: bool = False) -> list[Finding]:
    """Findings at or above the display level (all verdicts with ``show_all``).

    With ``suppressed=True`` suppressed problems are kept too, for formats that can say a
    finding was suppressed and why (SARIF).
    """
    if options.show_all:
        return list(report.findings)
    return report.problems(Severity(options.min_severity), suppressed=suppressed)


def is_persian(report: Report, f: Finding) -> bool:
    """True if any of the finding's figures come from Persian text (its claim's, its
    document's or the only document's language): its reader is a Persian editor."""
    cs = report.evaluation.claims
    return any(cid in cs.claims and claim_lang(cs, cid) == "fa" for cid in f.claims)


def ascii_digits(report: Report, f: Finding) -> bool:
    """True if every quoted figure of the finding was written in ASCII digits: its Persian
    text then keeps ASCII digits too (Persian digits otherwise)."""
    quotes = [c.source.quote for cid in f.claims
              if (c := report.claims.get(cid)) is not None and c.source and c.source.quote]
    return persian.uses_ascii_digits(quotes)


def persian_message(report: Report, f: Finding) -> str:
    """The finding's Persian message, its figures in the digits the article used."""
    return persian.in_script(f.message_fa, ascii_digits(report, f))


def reads_persian(report: Report, f: Finding) -> bool:
    """True if the finding's reader reads it in Persian: it has a Persian message and
    figures from Persian text."""
    return bool(f.message_fa) and is_persian(report, f)


def message(report: Report, f: Finding) -> str:
    """What a reader of the finding's article reads: the Persian message for findings on
    Persian figures, the English one otherwise (and whenever there is no Persian one)."""
    if reads_persian(report, f):
        return persian_message(report, f)
    return f.message


def arithmetic(report: Report, f: Finding, *, english: bool = False) -> str:
    """The labelled arithmetic line under a finding, "" if it has none: in Persian
    («محاسبه: ...», figures in the digits the article used) wherever :func:`message` is
    Persian, unless ``english``; in English (``arithmetic: ...``) otherwise, and whenever
    there is no Persian arithmetic."""
    if f.arithmetic_fa and not english and reads_persian(report, f):
        return f"{ARITHMETIC_FA}: {persian.in_script(f.arithmetic_fa, ascii_digits(report, f))}"
    return f"arithmetic: {f.arithmetic}" if f.arithmetic else ""


#: The Persian label of the arithmetic line («محاسبه»: the calculation).
ARITHMETIC_FA = "محاسبه"


def headline(report: Report, f: Finding) -> tuple[str, list[str]]:
    """:func:`message`, and the English message as a line of its own when the headline is
    Persian (reviewers of a pull request may not all read Persian)."""
    shown_message = message(report, f)
    if shown_message != f.message and f.message:
        return shown_message, [f"in English: {f.message}"]
    return shown_message or f.status.value, []


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


def details(report: Report, f: Finding, *, english: bool = False) -> list[str]:
    """The lines under a finding: its claims, the arithmetic and what each claim would
    need (both in Persian where the headline is, unless ``english``)."""
    from .text import needed_lines

    out = [claim_line(report, cid) for cid in f.claims if cid in report.claims]
    if line := arithmetic(report, f, english=english):
        out.append(line)
    if f.status is Status.inconsistent:
        persian_reader = not english and reads_persian(report, f)
        out.extend(needed_lines(f, ascii_digits(report, f) if persian_reader else None))
    if f.rules and f.rule is None:
        out.append(f"rules: {', '.join(f.rules)}")
    return out
