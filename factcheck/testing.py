"""Assertions for test suites: a report, claim files or a generated document must add up.

>>> from factcheck.testing import assert_consistent
>>> import factcheck
>>> report = assert_consistent(factcheck.check_text('''
... claims:
...   - {id: total, value: 89, unit: offence}
...   - {id: a, value: 28, unit: offence}
...   - {id: b, value: 61, unit: offence}
... rules:
...   - {id: r1, kind: sum, whole: total, parts: [a, b]}
... '''))
>>> assert_consistent(factcheck.check_text('''
... claims:
...   - {id: total, value: 41549, unit: call}
...   - {id: a, value: 26908, unit: call}
...   - {id: b, value: 17000, unit: call}
... rules:
...   - {id: r1, kind: sum, whole: total, parts: [a, b]}
... '''))
Traceback (most recent call last):
...
factcheck.testing.InconsistencyError: factcheck found 1 relation that cannot hold:
<string>.yaml:7:5: error: parts exceed the total: ... [FC101 sum.parts-exceed-total]
...
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .findings import Finding
    from .report import Report
    from .semantics import Policy

__all__ = ["InconsistencyError", "assert_consistent", "assert_finds", "format_findings", "report_of"]


class InconsistencyError(AssertionError):
    """Raised by :func:`assert_consistent`; the message lists each finding with its arithmetic."""


@runtime_checkable
class _Checkable(Protocol):
    def check(self) -> Report: ...


Subject = Any  # Report | str | Path | Iterable[str | Path] | a generated document


def report_of(subject: Subject, *, policy: Policy | None = None, lang: str | None = None) -> Report:
    """A :class:`~factcheck.report.Report` for a report, paths, claim-file text or a document.

    A string containing a newline is read as the text of a claim file; any other string
    or :class:`~pathlib.Path` is a file or folder; an object with ``check()`` (such as a
    generated document from :mod:`factcheck.strategies`) is checked as it is.
    """
    from .report import Report

    if isinstance(subject, Report):
        return subject
    if isinstance(subject, _Checkable):
        return subject.check()
    if isinstance(subject, str) and "\n" in subject:
        from . import check_text

        return check_text(subject, policy=policy)
    from . import check

    if isinstance(subject, str | Path):
        return check(subject, policy=policy, lang=lang)
    if isinstance(subject, Iterable):
        paths = list(subject)
        if not paths:
            raise ValueError("assert_consistent needs at least one path")
        return check(*paths, policy=policy, lang=lang)
    raise TypeError(f"expected a Report, paths, claim-file text or a document (got {type(subject).__name__})")


def format_findings(report: Report, findings: Iterable[Finding] | None = None) -> str:
    """Findings as the text reporter prints them: location, message, figures, arithmetic."""
    from dataclasses import replace

    from .findinglist import Findings
    from .reporters import Options, get

    chosen = list(findings) if findings is not None else report.problems()
    keep = {id(f) for f in chosen}
    # The chosen findings were read, so they are made: the others need not be.
    view = replace(report.evaluation, findings=Findings(f for _, f in report.findings.made_items() if id(f) in keep))
    text: str = get("text")(type(report)(view, report.paths), Options(show_all=True))
    # The reporter's closing summary would count only the chosen findings: leave it out.
    return "\n".join(text.rstrip("\n").split("\n")[:-1])


def _failing(report: Report, possible: bool) -> list[Finding]:
    from .findings import Status

    return [f for f in report.findings if not f.suppressed
            and f.status in (Status.inconsistent, Status.invalid) and (possible or not f.possible)]


def assert_consistent(subject: Subject, *, policy: Policy | None = None, lang: str | None = None,
                      possible: bool = False) -> Report:
    """Fail with every relation that cannot hold (and every invalid rule); return the report.

    ``possible=True`` also fails on low-confidence ("possible") inconsistencies, which
    are otherwise warnings.
    """
    report = report_of(subject, policy=policy, lang=lang)
    bad = _failing(report, possible)
    if bad:
        n = len(bad)
        head = f"factcheck found {n} relation{'s' if n != 1 else ''} that cannot hold:"
        raise InconsistencyError(f"{head}\n{format_findings(report, bad)}")
    return report


def assert_finds(subject: Subject, *, code: str | None = None, rule: str | None = None,
                 claim: str | None = None, policy: Policy | None = None, lang: str | None = None) -> Finding:
    """Fail unless an inconsistent finding matches ``code`` / ``rule`` / ``claim``; return it.

    ``code`` may be a number (``FC101``) or a name (``sum.parts-exceed-total``).
    """
    from .codes import lookup

    report = report_of(subject, policy=policy, lang=lang)
    want = lookup(code).code if code is not None else None
    for f in report.inconsistent():
        if ((want is None or f.code == want) and (rule is None or rule in f.rules)
                and (claim is None or claim in f.claims)):
            return f
    wanted = ", ".join(f"{k}={v!r}" for k, v in (("code", code), ("rule", rule), ("claim", claim)) if v)
    shown = format_findings(report) or "(no findings)"
    raise InconsistencyError(f"factcheck found no inconsistency with {wanted or 'any code'}; it found:\n{shown}")
