"""``--format github``: GitHub Actions workflow commands that annotate a pull request.

Each finding becomes ``::error file=...,line=...,endLine=...,col=...,endColumn=...,title=FC111::...``
(``::warning`` and ``::notice`` for lower severities), all inside one ``::group::`` so the
log stays folded.  Property values and messages are escaped as the runner expects
(``%`` → ``%25``, CR → ``%0D``, LF → ``%0A``; in properties also ``:`` and ``,``).
"""

from __future__ import annotations

from ..findings import Severity
from ..report import Report
from . import Options, reporter
from ._common import details, headline, norm_path, shown

_COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice",
            Severity.none: "notice"}


def escape_data(s: str) -> str:
    """Escape a command's message."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """Escape a property value (file, title)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


@reporter("github")
def render(report: Report, options: Options) -> str:
    findings = shown(report, options)
    counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    head = (f"factcheck: {len(findings)} finding{'s' * (len(findings) != 1)} "
            f"({counts[Severity.error]} error, {counts[Severity.warning]} warning, "
            f"{counts[Severity.info]} info)")
    out = [f"::group::{escape_data(head)}"]
    for f in findings:
        props: list[str] = []
        loc = report.finding_location(f)
        if loc is not None:
            props.append(f"file={escape_property(norm_path(loc.path))}")
            if loc.line is not None:
                props.append(f"line={loc.line}")
                props.append(f"endLine={loc.end_line or loc.line}")
                if loc.column is not None:
                    props.append(f"col={loc.column}")
                    if loc.end_column is not None and (loc.end_line or loc.line) == loc.line:
                        props.append(f"endColumn={loc.end_column}")
        props.append(f"title={escape_property(f.code or f.status.value)}")
        label = f"possible {f.name}" if f.possible else (f.name or f.status.value)
        said, english = headline(report, f)
        body = "\n".join([f"{label}: {said}", *english, *details(report, f)])
        out.append(f"::{_COMMAND[f.severity]} {','.join(props)}::{escape_data(body)}")
    out.append("::endgroup::")
    out.append(head)
    return "\n".join(out) + "\n"
