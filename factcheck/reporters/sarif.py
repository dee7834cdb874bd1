"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Every catalogue code is a ``reportingDescriptor`` with its name, summary, help (text and
Markdown, from :mod:`factcheck.rulesdoc`) and default level.  Each finding is a result at
the quoted words in the article (1-based lines and columns counted in code points, end
column exclusive as SARIF defines it), with each claim as a related location, the
arithmetic in the message and a line-independent ``partialFingerprints`` entry (the
baseline fingerprint), so code scanning tracks a finding across edits.  Suppressed
findings are included with their reason, as SARIF ``suppressions``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import jsontext
from ..baseline import fingerprint
from ..findings import Finding, Severity
from ..report import Location, Report
from ..rulesdoc import all_codes, help_markdown, help_text
from ..verdict import describe
from . import Options, reporter
from ._common import details, norm_path, shown

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _version() -> str:
    # The package's own __init__ is a front end; reporters read the installed metadata.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
        return "0+unknown"

_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note", Severity.none: "none"}
_BASE = "%SRCROOT%"


def _uri(path: str) -> tuple[str, str | None]:
    """A relative URI under %SRCROOT% (the current folder), or a file URI for paths outside it."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.resolve().relative_to(Path.cwd().resolve())
        except ValueError:
            return p.resolve().as_uri(), None
    return quote(norm_path(str(p))), _BASE


#: Resolves a path to its URI; one render resolves each path once (resolving reads the
#: file system).
UriOf = Callable[[str], tuple[str, str | None]]


def _physical(loc: Location, snippet: str | None = None, uri_of: UriOf = _uri) -> dict[str, Any]:
    uri, base = uri_of(loc.path)
    art: dict[str, Any] = {"uri": uri}
    if base:
        art["uriBaseId"] = base
    out: dict[str, Any] = {"artifactLocation": art}
    if loc.line is not None and loc.line >= 1:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None:
            region["startColumn"] = loc.column
        if loc.end_line is not None:
            region["endLine"] = loc.end_line
            if loc.end_column is not None and loc.column is not None:
                region["endColumn"] = loc.end_column
        if snippet:
            region["snippet"] = {"text": snippet}
        out["region"] = region
    return out


def _rules() -> tuple[list[dict[str, Any]], dict[str, int]]:
    rules = []
    index: dict[str, int] = {}
    for i, c in enumerate(all_codes()):
        index[c.code] = i
        rule: dict[str, Any] = {
            "id": c.code,
            "name": c.name,
            "shortDescription": {"text": c.summary},
            "fullDescription": {"text": f"{c.summary} (rule kind {c.kind})"},
            "help": {"text": help_text(c), "markdown": help_markdown(c)},
            "defaultConfiguration": {"level": _LEVEL[Severity(c.severity)]},
            "properties": {"tags": ["factcheck", c.kind], "precision": "very-high",
                           "problem.severity": c.severity},
        }
        if c.aliases:
            rule["deprecatedNames"] = list(c.aliases)
        rules.append(rule)
    return rules, index


def _result(report: Report, f: Finding, index: dict[str, int], uri_of: UriOf = _uri) -> dict[str, Any]:
    code = f.code or "FC002"
    text = "\n".join([f"{f.message or f.status.value}", *details(report, f, english=True)])
    res: dict[str, Any] = {
        "ruleId": code,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "partialFingerprints": {"factcheckFinding/v1": fingerprint(f, report.claims)},
        "properties": {"status": f.status.value, "rule": f.rule, "rules": list(f.rules),
                       "claims": list(f.claims), "arithmetic": f.arithmetic,
                       "possible": f.possible, "confidence": f.confidence,
                       # message.text is English (tools expect one text); the Persian one here
                       "message_fa": f.message_fa, "arithmetic_fa": f.arithmetic_fa},
    }
    if code in index:
        res["ruleIndex"] = index[code]
    loc = report.finding_location(f)
    if loc is not None:
        quote_ = None
        if f.claims and f.where is None:
            c = report.claims.get(f.claims[0])
            quote_ = c.source.quote if c and c.source else None
        res["locations"] = [{"physicalLocation": _physical(loc, quote_, uri_of)}]
    related: list[dict[str, Any]] = []
    for cid in f.claims:
        cl = report.claim_location(cid) if cid in report.claims else None
        if cl is None:
            continue
        c = report.claims[cid]
        related.append({"id": len(related) + 1, "physicalLocation": _physical(cl, None, uri_of),
                        "message": {"text": f"{cid} = {describe(c)}"}})
    if related:
        res["relatedLocations"] = related
    if f.suppressed:
        kind = "external" if f.suppression == "baseline" else "inSource"
        res["suppressions"] = [{"kind": kind, "status": "accepted",
                                "justification": f.suppression or "suppressed"}]
    return res


@reporter("sarif")
def render(report: Report, options: Options) -> str:
    rules, index = _rules()
    uri_of = cache(_uri)
    results = [_result(report, f, index, uri_of) for f in shown(report, options, suppressed=True)]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": _version(), "semanticVersion": _version(),
                            "rules": rules}},
        "originalUriBaseIds": {_BASE: {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "invocations": [{"executionSuccessful": True}],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return jsontext.dumps(doc) + "\n"
